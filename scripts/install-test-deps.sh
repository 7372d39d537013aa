#!/usr/bin/env bash
# Debian packages the tests use: Chromium (task pane end-to-end tests),
# xmllint (manifest schema check) and headless LibreOffice Calc (recalculates
# the formulas Compute writes). Safe to run again; skips what is installed.
set -euo pipefail
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v xmllint >/dev/null || need+=(libxml2-utils)
command -v soffice >/dev/null || need+=(libreoffice-calc-nogui)
if [ ${#need[@]} -eq 0 ]; then
  echo "test dependencies already installed"
  exit 0
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update
$sudo apt-get install -y --no-install-recommends "${need[@]}"
