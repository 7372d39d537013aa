#!/usr/bin/env node
/*
 * The two manifests built from ./manifest.xml (the source, pointing at the
 * dev server on https://localhost:3000):
 *
 *   production  dist/web/manifest.xml: the add-in's own <Id> and name, every
 *               localhost URL rewritten to --env publicUrl=https://host/path/
 *   development dist/web/manifest.dev.xml (and `node scripts/manifest.js dev`
 *               for `npm start`): its own <Id> and "(dev)" in the display
 *               names, so both can be installed side by side
 *
 * Both take <Version> from package.json (0.1.0 → 0.1.0.0).
 */
'use strict';

const fs = require('fs');
const path = require('path');

const DEV_URL = 'https://localhost:3000/';
/** The development add-in's own id (the production id is the one in manifest.xml). */
const DEV_ID = '5c0f3f7e-2d7b-4a51-9a8e-1f0b6b9e2d41';

/** package.json's version as a manifest <Version> (four numbers). */
function manifestVersion(version) {
  const parts = String(version).split(/[.-]/).filter((p) => /^\d+$/.test(p)).slice(0, 4);
  while (parts.length < 4) parts.push('0');
  return parts.join('.');
}

function withVersion(xml, version) {
  return xml.replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(version)}</Version>`);
}

function devManifest(xml, version) {
  return withVersion(xml, version)
    .replace(/<Id>[^<]*<\/Id>/, `<Id>${DEV_ID}</Id>`)
    .replace(/(<DisplayName DefaultValue=")([^"]*)(")/, '$1$2 (dev)$3')
    .replace(/(<DisplayName[^>]*>\s*<Override Locale="mn-MN" Value=")([^"]*)(")/, '$1$2 (dev)$3');
}

function prodManifest(xml, version, publicUrl) {
  const out = withVersion(xml, version);
  if (!publicUrl) return out;
  const url = String(publicUrl).replace(/\/?$/, '/');
  if (!url.startsWith('https://')) throw new Error(`--env publicUrl must be https: ${url}`);
  // Page and icon URLs first, then the bare origin (AppDomain).
  return out.split(DEV_URL).join(url).split(DEV_URL.slice(0, -1)).join(new URL(url).origin);
}

module.exports = { DEV_ID, DEV_URL, devManifest, prodManifest, manifestVersion };

if (require.main === module) {
  const root = path.resolve(__dirname, '..');
  const xml = fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8');
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const which = process.argv[2] ?? 'dev';
  process.stdout.write(which === 'dev' ? devManifest(xml, version) : prodManifest(xml, version, process.argv[3]));
}
