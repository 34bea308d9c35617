import { type Browser, chromium } from 'playwright-core';

/**
 * Debian's Chromium, as root: it needs --no-sandbox, and without the background-networking flags it
 * stalls on this closed network. CHROMIUM_PATH may point elsewhere.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}
