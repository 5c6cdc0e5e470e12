/*
 * End-to-end tests in Chromium against the real portal: the backend (in-memory SQLite, the
 * example organisation) and the frontend dev server, both started here exactly as `make start`
 * runs them, on ports of their own (app-config.e2e.yaml). Playwright cannot download its own browsers on our machines, so it drives the
 * system Chromium (scripts/ensure-chromium.sh finds or installs it).
 */
import { defineConfig } from '@playwright/test';

// app-config.e2e.yaml moves the portal to :3001/:7008, so every run starts fresh servers
const config =
  '--config ../../app-config.yaml --config ../../app-config.e2e.yaml';

export default defineConfig({
  testDir: 'packages/app/e2e-tests',
  timeout: 180_000,
  expect: { timeout: 60_000 },
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  // no retries: the workflow test changes the portal's state, so a retry could not pass honestly
  retries: 0,
  reporter: [['list']],
  outputDir: 'e2e-results/artifacts',
  webServer: [
    {
      command: `yarn workspace backend start ${config}`,
      url: 'http://localhost:7008/.backstage/health/v1/readiness',
      reuseExistingServer: false,
      timeout: 240_000,
      stdout: 'ignore',
      stderr: 'pipe',
      env: {
        AIMS_INGEST_TOKEN:
          process.env.AIMS_INGEST_TOKEN ?? 'aims-dev-ingest-token',
      },
    },
    {
      command: `yarn workspace app start ${config}`,
      url: 'http://localhost:3001',
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
  use: {
    baseURL: 'http://localhost:3001',
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
