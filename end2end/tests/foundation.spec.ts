// The web shell: Bahasa Indonesia by default, English by switch, a hydrated island, and the
// same page fully usable without JavaScript.
import { expect, test } from "@playwright/test";
import { hasJs, snap, switchLanguage, waitForHydration } from "./helpers";

test("the home page speaks Bahasa Indonesia and switches to English", async ({ page }, testInfo) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Layanan publik tanpa antre");
  await snap(page, testInfo, "home-id");
  if (hasJs(testInfo)) await waitForHydration(page);

  await switchLanguage(page, "English");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Public services without queues");
  await expect(page).toHaveURL(/\/$/);
  await snap(page, testInfo, "home-en");

  // The choice is remembered on the next page.
  await page.goto("/tentang");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("About Sigap");
  await switchLanguage(page, "Bahasa Indonesia");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tentang Sigap");
  await expect(page).toHaveURL(/\/tentang$/);
});

test("the unit search filters as you type once hydrated", async ({ page }, testInfo) => {
  test.skip(!hasJs(testInfo), "needs JavaScript");
  await page.goto("/");
  await waitForHydration(page);
  const count = page.getByTestId("unit-count");
  await expect(count).toHaveText("5 dari 5 unit");
  // The submit button is redundant once the island filters live.
  await expect(page.getByRole("button", { name: "Cari", exact: true })).toBeHidden();
  await page.getByLabel("Cari unit pelayanan").fill("kesehatan");
  await expect(count).toHaveText("1 dari 5 unit");
  await expect(page.locator(".unit-list li")).toHaveText(["DINKESDinas Kesehatan"]);
  await expect(page).toHaveURL(/\/$/); // no page load happened
  await page.getByLabel("Cari unit pelayanan").fill("tidak-ada");
  await expect(page.locator(".unit-list li")).toHaveText(["Tidak ada unit yang cocok dengan pencarian Anda."]);
});

test("the unit search works as a plain form without JavaScript", async ({ page }, testInfo) => {
  test.skip(hasJs(testInfo), "checks the no-JS path");
  await page.goto("/");
  await page.getByLabel("Cari unit pelayanan").fill("dinas");
  await page.getByRole("button", { name: "Cari", exact: true }).click();
  await expect(page).toHaveURL(/\?q=dinas$/);
  await expect(page.getByTestId("unit-count")).toHaveText("4 dari 5 unit");
  await expect(page.getByLabel("Cari unit pelayanan")).toHaveValue("dinas");
});

test("on a phone the navigation folds behind the menu button", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "phone", "phone layout only");
  await page.goto("/");
  await waitForHydration(page);
  const nav = page.getByRole("navigation", { name: "Navigasi utama" });
  await expect(nav).toBeHidden();
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await expect(nav).toBeVisible();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await snap(page, testInfo, "phone-menu-open");
});

test("unknown addresses get a localised 404 page", async ({ page }) => {
  const response = await page.goto("/tidak-ada-di-sini");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Halaman tidak ditemukan");
});
