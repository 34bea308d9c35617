#!/usr/bin/env node
// The tests need three programs from Debian: Chromium for the browser tests (npm cannot download
// browsers here), pdftotext (poppler-utils) to read the PDF report, and nginx for the several-process
// topology behind deploy/nginx.conf (tests/integration/topology.test.ts). Install them when missing
// and we are allowed to (root with apt-get); otherwise say exactly what to do.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const has = (cmd) => {
  try {
    execSync(`command -v ${cmd}`, { stdio: 'ignore', shell: '/bin/bash' });
    return true;
  } catch {
    return false;
  }
};
const missing = [];
if (!existsSync(CHROMIUM)) missing.push('chromium', 'fonts-dejavu-core');
if (!has('pdftotext')) missing.push('poppler-utils');
const NGINX = process.env.NGINX_BIN || '/usr/sbin/nginx';
if (!existsSync(NGINX)) missing.push('nginx-light');
if (missing.length === 0) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && existsSync('/usr/bin/apt-get')) {
  console.log(`Installing ${missing.join(', ')} for the tests...`);
  // RUNLEVEL=1: Debian's nginx package would otherwise start a server on port 80; the test runs its own.
  execSync(`apt-get update -qq && DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq ${missing.join(' ')}`, {
    stdio: 'inherit',
    shell: '/bin/bash',
  });
  if (existsSync(CHROMIUM) && has('pdftotext') && existsSync(NGINX)) process.exit(0);
}
console.error(
  `Missing test tools: ${missing.join(', ')}. Install them (Debian/Ubuntu: sudo apt-get install ${missing.join(' ')}); ` +
    'CHROMIUM_PATH may point to another Chromium or Chrome binary.',
);
process.exit(1);
