#!/usr/bin/env node
// Makes `npm start` and `npm test` work on a fresh checkout: installs the locked dependencies when
// they are missing, then builds shared, server and client when a build is missing (always, with
// --force). Uses only Node's built-ins, since it may run before `npm ci`.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const run = (cmd) => execSync(cmd, { stdio: 'inherit' });

if (!existsSync('node_modules/.package-lock.json')) {
  console.log('Installing dependencies (npm ci)...');
  run('npm ci --no-audit --no-fund');
}
const force = process.argv.includes('--force');
const missing = ['server/dist/main.js', 'client/dist/index.html'].filter((f) => !existsSync(f));
if (force || missing.length) {
  if (!force) console.log(`Building Sammen (missing: ${missing.join(', ')})...`);
  run('npm run build');
}
