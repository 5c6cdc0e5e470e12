/*
 * End-to-end tests in Chromium against the real portal: the backend (in-memory SQLite, the
 * example organisation) and the frontend dev server, both started here exactly as `make start`
 * runs them. Playwright cannot download its own browsers on our machines, so it drives the
 * system Chromium (scripts/ensure-chromium.sh finds or installs it).
 */
import { defineConfig } from '@playwright/test';

const reuse = !process.env.CI;

export default defineConfig({
  testDir: 'e2e-tests',
  timeout: 180_000,
  expect: { timeout: 60_000 },
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  outputDir: 'e2e-results/artifacts',
  webServer: [
    {
      command: 'yarn workspace backend start',
      url: 'http://localhost:7007/.backstage/health/v1/readiness',
      reuseExistingServer: reuse,
      timeout: 240_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: { AIMS_INGEST_TOKEN: process.env.AIMS_INGEST_TOKEN ?? 'aims-dev-ingest-token' },
    },
    {
      command: 'yarn workspace app start',
      url: 'http://localhost:3000',
      reuseExistingServer: reuse,
      timeout: 300_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
  use: {
    baseURL: 'http://localhost:3000',
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
});
