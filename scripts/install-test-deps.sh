#!/usr/bin/env bash
# Debian packages the tests use: Chromium (task pane end-to-end tests),
# xmllint (manifest schema check), headless LibreOffice Calc (recalculates
# the formulas Compute writes, prints the sheets to PDF), poppler's pdftotext
# (reads the printed pages back) and Carlito (Calibri's metric twin, so
# LibreOffice lays pages out as Excel does). Safe to run again; skips what is
# installed.
set -euo pipefail
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v xmllint >/dev/null || need+=(libxml2-utils)
command -v soffice >/dev/null || need+=(libreoffice-calc-nogui)
command -v pdftotext >/dev/null || need+=(poppler-utils)
fc-list 2>/dev/null | grep -qi carlito || need+=(fonts-crosextra-carlito)
if [ ${#need[@]} -eq 0 ]; then
  echo "test dependencies already installed"
  exit 0
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends "${need[@]}"
