#!/usr/bin/env node
// Builds shared, server and client when a build is missing (or always, with --force), so that
// `npm start` and `npm test` work on a fresh checkout after `npm ci`.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const force = process.argv.includes('--force');
const missing = ['server/dist/main.js', 'client/dist/index.html'].filter((f) => !existsSync(f));
if (force || missing.length) {
  if (!force) console.log(`Building Sammen (missing: ${missing.join(', ')})...`);
  execSync('npm run build', { stdio: 'inherit' });
}
