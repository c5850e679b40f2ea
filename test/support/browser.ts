/**
 * Headless Chromium from Debian (/usr/bin/chromium), driven by playwright-core; never a
 * downloaded browser. .ci/run installs the package when it is missing. The flags keep Chromium
 * off the network (this machine's network is closed) and playwright gives every launch a fresh, temporary profile.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env['WIJZER_CHROMIUM'] ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
