import { defineConfig } from '@playwright/test';
import { browserOnThisMachine } from './test/support/browser-path';

/**
 * End-to-end tests drive the real UI through the browser host in Debian's Chromium.
 * Playwright never downloads a browser: it uses CHROMIUM_PATH or a Chromium or Chrome found in the usual
 * places (test/support/browser-path.ts); the global set-up installs one on Debian/Ubuntu as root, or
 * stops with one line saying what to install.
 */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  globalSetup: './test/support/ensure-browser.ts',
  use: {
    browserName: 'chromium',
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      // Read again in each worker, after the global set-up may have installed it.
      executablePath: browserOnThisMachine() ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    headless: true,
    trace: 'off',
  },
});
