import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

/**
 * Browser-mode E2E: the real renderer in Chromium, the real workstation services and queue server
 * in their own processes. Playwright's own Chromium is the default; where it cannot be downloaded
 * (this project's CI), HITDESK_CHROMIUM or Debian's /usr/bin/chromium is used instead.
 */
const systemChromium =
  process.env.HITDESK_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  retries: 0,
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    viewport: { width: 1366, height: 768 },
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
});
