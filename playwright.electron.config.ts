import { defineConfig } from '@playwright/test';

/** Electron E2E: runs wherever the Electron binary exists (`npm run test:electron`). */
export default defineConfig({
  testDir: 'test/electron',
  workers: 1,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
});
