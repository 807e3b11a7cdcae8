// Browser journeys against the real `sigap` binary on a fresh SQLite demo city.
// Chromium comes from Debian (`/usr/bin/chromium`); Playwright's own download is not used.
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.SIGAP_E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// A second portal on the next port keeps its documents in a local S3-compatible server
// (start-server.sh --object-store); the "store" project runs the application journey on it.
const storeURL = `http://127.0.0.1:${port + 1}`;
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const launchOptions = {
  executablePath: chromium,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export default defineConfig({
  testDir: "./tests",
  outputDir: "./test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/results.json" }]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions,
  },
  projects: [
    { name: "js", use: { ...devices["Desktop Chrome"], launchOptions, extraHTTPHeaders: { "x-forwarded-for": "10.10.0.1" } } },
    {
      name: "phone",
      use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, launchOptions, extraHTTPHeaders: { "x-forwarded-for": "10.10.0.2" } },
    },
    { name: "nojs", use: { javaScriptEnabled: false, launchOptions, extraHTTPHeaders: { "x-forwarded-for": "10.10.0.3" } } },
    { name: "store", testMatch: /applications\.spec\.ts$/, use: { ...devices["Desktop Chrome"], baseURL: storeURL, launchOptions } },
  ],
  webServer: [
    {
      command: "./start-server.sh",
      url: `${baseURL}/readyz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
      env: { SIGAP_BIND: `127.0.0.1:${port}` },
    },
    {
      command: "./start-server.sh --object-store",
      url: `${storeURL}/readyz`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
      env: { SIGAP_BIND: `127.0.0.1:${port + 1}` },
    },
  ],
});
