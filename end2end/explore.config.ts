// Temporary: exploration against a hand-started server on :3300 (no webServer).
import { defineConfig, devices } from "@playwright/test";
import base from "./playwright.config";
export default defineConfig({
  ...base,
  testDir: process.env.EXPLORE_DIR ?? "./.explore",
  outputDir: "/tmp/explore/results",
  reporter: [["list"]],
  webServer: undefined,
  use: { ...base.use, baseURL: "http://127.0.0.1:3300" },
});
