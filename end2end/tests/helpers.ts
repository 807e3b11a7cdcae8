// Shared steps for the journeys.
import * as fs from "fs";
import * as path from "path";
import { expect, Locator, Page, TestInfo } from "@playwright/test";

/** Whether this project runs with JavaScript (and so hydrates islands). */
export function hasJs(testInfo: TestInfo): boolean {
  return testInfo.project.name !== "nojs";
}

/**
 * Waits until the page's islands are hydrated: every island hides its no-JS controls once its
 * effects run, and the menu toggle marks itself. A click before that would be lost.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const island = document.querySelector("leptos-island .nav-wrap");
    const button = document.querySelector(".menu-button");
    return island !== null && button !== null && !button.hasAttribute("hidden");
  });
}

/** Saves a full-page screenshot as a test artifact. */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
}

/**
 * Clicks `target` in the header, opening the phone menu first when it is folded. Until the menu
 * island hydrates, the navigation shows unfolded and then folds: a target seen visible a moment
 * ago may be hidden by the time it is clicked, so the whole step is retried until it lands.
 */
export async function clickInHeader(page: Page, target: Locator): Promise<void> {
  await expect(async () => {
    if (!(await target.isVisible())) {
      const menu = page.getByRole("button", { name: "Menu" });
      if (await menu.isVisible()) await menu.click({ timeout: 2_000 });
    }
    await target.click({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
}

/** Switches the interface language with the header's switch. */
export async function switchLanguage(page: Page, to: "English" | "Bahasa Indonesia"): Promise<void> {
  await clickInHeader(page, page.getByRole("button", { name: to, exact: true }));
  await expect(page.locator("html")).toHaveAttribute("lang", to === "English" ? "en" : "id");
}

/** The data folder of the server under test (see start-server.sh: one per port). */
export function dataDir(): string {
  return path.join(__dirname, "..", ".tmp", `data-${process.env.SIGAP_E2E_PORT ?? 3100}`);
}

/** Whether the journey runs on the portal that keeps documents in object storage (the "store"
 * project: playwright.config.ts, start-server.sh --object-store). */
export function onObjectStore(testInfo: TestInfo): boolean {
  return testInfo.project.name === "store";
}

/** The data folder and the object store's folder of the "store" project's portal. */
export function objectStoreDirs(): { data: string; store: string } {
  const port = Number(process.env.SIGAP_E2E_PORT ?? 3100) + 1;
  const tmp = path.join(__dirname, "..", ".tmp");
  return { data: path.join(tmp, `data-${port}`), store: path.join(tmp, `s3-${port}`) };
}

/** Every file under `dir` (recursively) whose content is exactly `bytes`. */
export function filesHolding(dir: string, bytes: Buffer): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => fs.statSync(file).size === bytes.length && fs.readFileSync(file).equals(bytes));
}

/** An image is shown and has loaded (its address answered with a picture the browser decoded). */
export async function expectImage(image: Locator) {
  await expect(image).toBeVisible();
  await expect
    .poll(() => image.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0))
    .toBe(true);
}
