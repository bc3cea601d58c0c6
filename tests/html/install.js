#!/usr/bin/env node
// Installs the browser test's npm packages (playwright-core, pinned in
// package-lock.json) into tests/html/node_modules with `npm ci`, only when
// they are missing or were installed from another lock file. Never downloads
// a browser: the test drives Debian's /usr/bin/chromium.
//
// Usage: node install.js NPM
'use strict';

const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const npm = process.argv[2] || 'npm';
const lock = fs.readFileSync(path.join(__dirname, 'package-lock.json'));
const digest = crypto.createHash('sha256').update(lock).digest('hex');
const stamp = path.join(__dirname, 'node_modules', '.apigap-lock-sha256');
const installed = path.join(__dirname, 'node_modules', 'playwright-core', 'package.json');

if (fs.existsSync(installed) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === digest) {
  console.log('tests/html/node_modules is up to date');
  process.exit(0);
}
console.log('tests/html: npm ci');
execFileSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
  cwd: __dirname,
  stdio: 'inherit',
  env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
});
fs.writeFileSync(stamp, digest);
console.log('tests/html/node_modules installed');
