// The published satisfaction index (REFERENCE §3.4): every unit's IKM, one unit's page with
// its unsur as bars and as a table, the period chosen by a plain GET form, a real 404 for an
// unknown unit or period, and English after switching language.
//
// The demo seed's own survey answers may change, so pages of the current period are checked
// for their structure. Exact figures are checked on a period only this spec fills: it imports
// the five answers of the worked example (REFERENCE §3.2), dated in 2019-Q1, through the CLI.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { expect, Page, test } from "@playwright/test";
import { hasJs, snap, switchLanguage, waitForHydration, dataDir } from "./helpers";

const UNIT = "DPMPTSP";
const OURS = "2019-Q1";
const figure = /^\d{2,3}\.\d{2}$/;
const letter = /^[ABCD]$/;

test.beforeAll(() => {
  // Importing the same file again changes nothing, so every project may run this.
  const csv = [
    "submitted_at,unit_code,service_code,officer_nip,u1,u2,u3,u4,u5,u6,u7,u8,u9,gender,age,education,occupation,suggestion",
    "2019-02-04,DPMPTSP,SIUMK,,3,3,2,4,3,3,4,3,2,L,34,S1,Wirausaha,",
    "2019-02-04,DPMPTSP,SIUMK,,4,3,3,4,3,4,4,3,3,P,41,SMA,Swasta,",
    "2019-02-05,DPMPTSP,SIUMK,,3,2,2,4,3,3,3,2,2,L,29,SMA,Lainnya,",
    "2019-02-07,DPMPTSP,SIUMK,,4,4,3,4,4,4,4,3,3,P,52,S2,PNS,",
    "2019-02-07,DPMPTSP,SIUMK,,3,3,3,4,3,3,3,3,2,L,23,D1-D3,Swasta,",
  ].join("\n");
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sigap-ikm-")), "worked-example.csv");
  fs.writeFileSync(file, csv + "\n");
  const root = path.join(__dirname, "..", "..");
  const sigap = process.env.SIGAP_BIN ?? path.join(root, "target", "debug", "sigap");
  execFileSync(sigap, ["survey", "import", file], {
    env: { ...process.env, SIGAP_DATA_DIR: dataDir() },
    stdio: "pipe",
  });
});

/** The unsur table's body rows. */
function unsurRows(page: Page) {
  return page.getByTestId("unsur-table").locator("tbody tr");
}

test("the overview lists every unit with its index, or says it has no answers yet", async ({ page }, testInfo) => {
  const response = await page.goto("/ikm");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Indeks Kepuasan Masyarakat (IKM)");
  const rows = page.getByTestId("ikm-units").locator("tbody tr");
  expect(await rows.count()).toBeGreaterThan(0);
  for (const row of await rows.all()) {
    const cells = row.locator("td");
    if ((await cells.count()) === 3) {
      await expect(cells.nth(1)).toHaveText("Belum ada jawaban");
      await expect(cells.nth(2)).toHaveText("0");
    } else {
      await expect(cells.nth(1)).toHaveText(figure);
      await expect(cells.nth(2).locator(".mutu")).toHaveText(letter);
    }
  }
  // The unit's name links to its page for the same period.
  const link = page.getByTestId("ikm-units").locator(`tr[data-unit="${UNIT}"] a`);
  await expect(link).toHaveText("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu");
  await expect(link).toHaveAttribute("href", new RegExp(`^/ikm/${UNIT}\\?periode=\\d{4}-S[12]$`));
  // The classes as the regulation sets them (REFERENCE §3.3).
  const classes = page.locator(".ikm-classes tbody tr");
  await expect(classes).toHaveCount(4);
  await expect(classes.nth(0)).toContainText("88.31 – 100.00");
  await expect(classes.nth(1)).toContainText("76.61 – 88.30");
  await expect(classes.nth(2)).toContainText("65.00 – 76.60");
  await expect(classes.nth(3)).toContainText("25.00 – 64.99");
  await snap(page, testInfo, "ikm-overview");
});

test("the period form is a plain GET form", async ({ page }) => {
  await page.goto("/ikm");
  const semester = `${new Date().getFullYear()}-S1`;
  await page.getByLabel("Periode", { exact: true }).selectOption(semester);
  await page.getByRole("button", { name: "Tampilkan", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/ikm\\?periode=${semester}$`));
  await expect(page.getByLabel("Periode", { exact: true })).toHaveValue(semester);
  await expect(page.locator(".lead")).toContainText(`Semester I ${new Date().getFullYear()}`);
});

test("a unit's page shows its headline, its nine unsur as bars and as a table", async ({ page }, testInfo) => {
  const response = await page.goto(`/ikm/${UNIT}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu");
  const noAnswers = page.getByTestId("ikm-no-answers");
  if (await noAnswers.isVisible()) {
    await expect(noAnswers).toContainText("Belum ada jawaban survei");
  } else {
    await expect(page.getByTestId("ikm-konversi")).toHaveText(figure);
    await expect(page.getByTestId("ikm-mutu")).toHaveText(letter);
    await expect(page.getByTestId("ikm-scale")).toHaveText(/^\d\.\d{4}$/);
    await expect(page.getByTestId("ikm-respondents")).toHaveText(/^[1-9]\d*$/);
    await expect(unsurRows(page)).toHaveCount(9);
    await expect(page.getByTestId("unsur-chart").locator("li")).toHaveCount(9);
  }
  // Sections that are there with or without answers.
  await expect(page.getByTestId("services-table").locator("tbody tr").first()).toBeVisible();
  await expect(page.getByTestId("trend-table").locator("tbody tr")).toHaveCount(4);
  await expect(page.getByRole("heading", { name: "Rencana tindak lanjut" })).toBeVisible();
  await expect(page.getByTestId("plan-table").or(page.getByTestId("plan-empty"))).toBeVisible();
  await snap(page, testInfo, "ikm-unit-current");
});

test("the worked example gives IKM konversi 78.89, mutu B, with U9 as the priority", async ({ page }, testInfo) => {
  const response = await page.goto(`/ikm/${UNIT}?periode=${OURS}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByLabel("Periode", { exact: true })).toHaveValue(OURS);
  await expect(page.getByTestId("ikm-konversi")).toHaveText("78.89");
  await expect(page.getByTestId("ikm-mutu")).toHaveText("B");
  await expect(page.getByTestId("ikm-kinerja")).toHaveText("Baik");
  await expect(page.getByTestId("ikm-scale")).toHaveText("3.1556");
  await expect(page.getByTestId("ikm-respondents")).toHaveText("5");
  await expect(page.getByTestId("ikm-rate")).toHaveText("Tidak ada undangan");

  // REFERENCE §3.2: NRR = 3.40 3.00 2.60 4.00 3.20 3.40 3.60 2.80 2.40.
  const nrr = ["3.40", "3.00", "2.60", "4.00", "3.20", "3.40", "3.60", "2.80", "2.40"];
  const grades = ["B", "C", "C", "A", "B", "B", "A", "C", "D"];
  const rows = unsurRows(page);
  await expect(rows).toHaveCount(9);
  for (let i = 0; i < 9; i++) {
    await expect(rows.nth(i).locator("th")).toContainText(`U${i + 1}`);
    await expect(rows.nth(i).locator("td").nth(0)).toHaveText(nrr[i]);
    await expect(rows.nth(i).locator("td").nth(1)).toHaveText(grades[i]);
    await expect(rows.nth(i).locator("td").nth(2)).toHaveText("5");
  }
  await expect(rows.nth(0).locator("th")).toContainText("Persyaratan");
  // The lowest unsur is the follow-up priority.
  await expect(rows.nth(8)).toContainText("Prioritas tindak lanjut");
  await expect(page.getByTestId("ikm-priority")).toContainText("U9 Penanganan pengaduan, saran dan masukan");
  // Bars carry width classes, never inline styles (the CSP forbids them): 3.40 × 25 = 85 %.
  const bars = page.getByTestId("unsur-chart").locator(".bar");
  await expect(bars).toHaveCount(9);
  await expect(bars.nth(0)).toHaveClass(/\bbar-w-85\b/);
  await expect(bars.nth(0)).not.toHaveAttribute("style", /./);

  // Per service type, the profile and the trend.
  await expect(page.getByTestId("services-table").locator("tbody tr").filter({ hasText: "Izin Usaha Mikro Kecil" })).toContainText("78.89");
  const profile = page.getByTestId("ikm-profile");
  await expect(profile.locator("table")).toHaveCount(4);
  await expect(profile.locator("table").nth(0).locator("tbody tr").filter({ hasText: "Laki-laki" })).toContainText("3");
  await expect(profile.locator("table").nth(0).locator("tbody tr").filter({ hasText: "Perempuan" })).toContainText("2");
  const trend = page.getByTestId("trend-table").locator("tbody tr");
  await expect(trend).toHaveCount(4);
  await expect(trend.last()).toContainText("Triwulan I 2019");
  await expect(trend.last()).toContainText("78.89");
  await expect(page.getByTestId("plan-empty")).toHaveText("Belum ada rencana tindak lanjut untuk periode ini.");
  await snap(page, testInfo, "ikm-unit-worked-example");
});

test("an unknown unit and an unknown period are a real 404", async ({ page }) => {
  let response = await page.goto("/ikm/TIDAK-ADA");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Unit tidak ditemukan");
  await expect(page.getByRole("link", { name: "Lihat IKM semua unit" })).toHaveAttribute("href", "/ikm");

  response = await page.goto("/ikm?periode=2026-S3");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Periode tidak dikenal");

  response = await page.goto(`/ikm/${UNIT}?periode=semester-lalu`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Periode tidak dikenal");
});

test("the index reads in English after switching language, keeping the period", async ({ page }, testInfo) => {
  await page.goto("/");
  if (hasJs(testInfo)) await waitForHydration(page);
  // Reached from the home page's pillar link.
  await page.getByRole("link", { name: /Lihat indeks kepuasan setiap unit/ }).click();
  await expect(page).toHaveURL(/\/ikm$/);
  await page.goto(`/ikm/${UNIT}?periode=${OURS}`);
  if (hasJs(testInfo)) await waitForHydration(page);
  await switchLanguage(page, "English");
  await expect(page).toHaveURL(new RegExp(`/ikm/${UNIT}\\?periode=${OURS}$`));
  await expect(page.locator(".lead")).toContainText("Public satisfaction index, Quarter 1, 2019");
  await expect(page.getByTestId("ikm-konversi")).toHaveText("78.89");
  await expect(page.getByTestId("ikm-kinerja")).toHaveText("Good");
  await expect(unsurRows(page).nth(0).locator("th")).toContainText("Requirements");
  await expect(page.getByRole("heading", { name: "Score per unsur" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Follow-up plan" })).toBeVisible();
  await expect(page.getByTestId("plan-empty")).toHaveText("There is no follow-up plan for this period yet.");
  await snap(page, testInfo, "ikm-unit-en");

  await page.goto("/ikm");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Public satisfaction index (IKM)");
  await switchLanguage(page, "Bahasa Indonesia");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Indeks Kepuasan Masyarakat (IKM)");
});
