import { expect, test, Page } from "@playwright/test";
import * as fs from "fs";

async function dump(page: Page, name: string, testInfo: any) {
  await page.screenshot({ path: `/tmp/explore/shots/${testInfo.project.name}-${name}.png`, fullPage: true });
  const text = await page.locator("main").innerText();
  fs.appendFileSync(`/tmp/explore/text-${testInfo.project.name}.txt`, `\n===== ${name} ${page.url()}\n${text}\n`);
}

test("english pages", async ({ page, browser }, testInfo) => {
  test.setTimeout(120_000);
  fs.mkdirSync("/tmp/explore/shots", { recursive: true });
  await page.goto("/masuk");
  await page.context().addCookies([{ name: "sigap_lang", value: "en", url: page.url() }]);
  await page.goto("/masuk");
  await page.getByLabel("NIK or email").fill("3171011505900003");
  await page.getByLabel("Password").fill("demo-warga-sigap");
  await page.getByRole("button", { name: "Sign in" }).last().click();
  await page.waitForURL(/\/akun$/);
  for (const [name, url] of [["catalog", "/layanan"], ["service", "/layanan/SIUMK"], ["my", "/permohonan"], ["status", "/cek-status"]]) {
    await page.goto(url);
    await dump(page, name, testInfo);
  }
  const links = await page.goto("/permohonan").then(() => page.locator("li.app-card h2 a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href")!)));
  for (const href of links) {
    await page.goto(href);
    await dump(page, "app" + href.replace(/\//g, "_"), testInfo);
    const id = href.match(/\/permohonan\/(\d+)/)![1];
    for (const sub of ["isi", "dokumen", "periksa", "terkirim", "izin"]) {
      const r = await page.goto(`/permohonan/${id}/${sub}`);
      await dump(page, `app_${id}_${sub}_${r?.status()}`, testInfo);
    }
  }
  const ctx = await browser.newContext();
  const op = await ctx.newPage();
  await op.goto("/petugas/masuk");
  await ctx.addCookies([{ name: "sigap_lang", value: "en", url: op.url() }]);
  await op.goto("/petugas/masuk");
  await op.getByLabel("NIP or email").fill("199001152015032001");
  await op.getByLabel("Password").fill("demo-petugas-sigap");
  await op.getByRole("button", { name: "Sign in" }).last().click();
  await op.waitForURL(/\/akun$/);
  for (const tab of ["new", "mine", "correction", "overdue", "all"]) {
    await op.goto(`/petugas/antrian?tab=${tab}`);
    await dump(op, `queue-${tab}`, testInfo);
  }
  const cases = await op.locator("[data-testid=queue] a").evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href")!));
  for (const href of cases.slice(0, 4)) {
    await op.goto(href);
    await dump(op, "case" + href.replace(/\//g, "_"), testInfo);
  }
  await op.goto("/petugas/loket");
  await dump(op, "counter", testInfo);
});
