import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, headless, never a browser downloaded by a test tool. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
