// Online permit applications in a real browser, with JavaScript on (desktop and phone) and off:
// a citizen finds a service in the catalog, reads its published standard, applies (answers,
// documents, check your answers, submit); an officer verifies and asks for one correction; the
// citizen re-uploads only that document; the officer accepts, approves and issues the permit;
// the citizen prints it; anyone can verify it by its link and look up the status.
import { Browser, BrowserContext, expect, Locator, Page, test, TestInfo } from "@playwright/test";
import * as fs from "fs";
import * as path from "path";
import { filesHolding, hasJs, objectStoreDirs, onObjectStore, snap, switchLanguage, waitForHydration } from "./helpers";

const citizen = { nik: "3171011505900003", password: "demo-warga-sigap" };
const officer = { nip: "199001152015032001", password: "demo-petugas-sigap" };
const documents = path.join(__dirname, "..", "..", "demo", "documents");
const pdf = path.join(documents, "contoh-surat.pdf");
const png = path.join(documents, "contoh-foto.png");
const service = "Izin Usaha Mikro Kecil";

/** A business name no other project or run uses, so each finds its own application. */
function businessName(testInfo: TestInfo): string {
  return `Warung ${testInfo.project.name} ${Date.now().toString(36)}`;
}

/** Opens a page in a fresh context (its own cookies) with the project's settings. */
async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

async function signInCitizen(page: Page) {
  await page.goto("/masuk");
  await page.getByLabel("NIK atau email").fill(citizen.nik);
  await page.getByLabel("Kata sandi").fill(citizen.password);
  await page.getByRole("button", { name: "Masuk" }).last().click();
  await expect(page).toHaveURL(/\/akun$/);
}

async function signInOfficer(page: Page) {
  await page.goto("/petugas/masuk");
  await page.getByLabel("NIP atau email").fill(officer.nip);
  await page.getByLabel("Kata sandi").fill(officer.password);
  await page.getByRole("button", { name: "Masuk" }).last().click();
  await expect(page).toHaveURL(/\/akun$/);
}

/** Follows a link in the header, opening the phone menu first when it is folded. */
async function navigate(page: Page, testInfo: TestInfo, name: string) {
  if (hasJs(testInfo)) await waitForHydration(page);
  const nav = page.getByRole("navigation", { name: "Navigasi utama" });
  const link = nav.getByRole("link", { name, exact: true });
  if (!(await link.isVisible())) await page.getByRole("button", { name: "Menu" }).click();
  await link.click();
}

/** The upload section of one requirement. */
function requirement(page: Page, label: string): Locator {
  return page.locator("section.upload").filter({ has: page.getByRole("heading", { name: label, exact: true }) });
}

async function upload(page: Page, label: string, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  const section = requirement(page, label);
  await section.getByLabel(label).setInputFiles(file);
  await section.getByRole("button", { name: /^(Unggah|Ganti berkas)$/ }).click();
}

/** Takes a staff step on the case page and checks it was recorded. */
async function step(page: Page, name: string) {
  await page.getByRole("button", { name, exact: true }).click();
  await expect(page.getByTestId("flash")).toContainText("Langkah dicatat.");
}

test("a citizen applies online, corrects one document, and gets a verifiable permit", async ({ page, browser }, testInfo) => {
  test.setTimeout(240_000);
  const business = businessName(testInfo);

  // --- The citizen finds the service and reads its standard. ---
  await signInCitizen(page);
  await navigate(page, testInfo, "Layanan");
  await expect(page).toHaveURL(/\/layanan$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Katalog layanan");
  await page.getByLabel("Cari layanan").fill("usaha mikro");
  await page.getByRole("button", { name: "Cari", exact: true }).click();
  await expect(page).toHaveURL(/\/layanan\?q=usaha\+mikro$/);
  await expect(page.getByLabel("Cari layanan")).toHaveValue("usaha mikro");
  await expect(page.getByText("1 layanan", { exact: true })).toBeVisible();
  await snap(page, testInfo, "catalog-search");
  await page.getByRole("link", { name: service }).click();

  await expect(page).toHaveURL(/\/layanan\/SIUMK$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(service);
  for (const heading of ["Persyaratan", "Prosedur", "Dasar hukum", "Penanganan pengaduan"]) {
    await expect(page.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  const standard = page.locator("dl.summary-list");
  await expect(standard).toContainText("Waktu penyelesaian3 hari kerja");
  await expect(standard).toContainText("Gratis");
  await expect(standard).toContainText("Surat Izin Usaha Mikro Kecil (IUMK)");
  await expect(page.locator("ol.requirements li")).toHaveCount(2);
  await expect(page.locator("ol.requirements")).toContainText("Fotokopi KTP pemilik usaha");
  await expect(page.locator("ol.requirements")).toContainText("Unggah: PDF, JPEG, PNG, maksimal 2 MB");
  await expect(page.getByText("Peraturan Presiden Nomor 98 Tahun 2014")).toBeVisible();
  await expect(page.getByText(/SP4N-LAPOR!/)).toBeVisible();
  await snap(page, testInfo, "service-standard");
  await page.getByRole("button", { name: /Ajukan sekarang/ }).click();

  // --- Step 1: the questions. An empty/invalid form first. ---
  await expect(page).toHaveURL(/\/permohonan\/\d+\/isi$/);
  const id = page.url().match(/\/permohonan\/(\d+)\//)![1];
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Data permohonan");
  await expect(page.getByText("Langkah 1 dari 3")).toBeVisible();
  await page.getByLabel("Nama usaha").fill(business);
  await page.getByLabel("Modal usaha (rupiah)").fill("lima juta");
  await page.getByRole("button", { name: "Lanjutkan" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Ada masalah");
  await expect(summary.getByRole("link")).toHaveCount(2);
  await expect(summary).toContainText("Masukkan angka.");
  await expect(page.getByLabel("Nama usaha")).toHaveValue(business);
  await expect(page.getByLabel("Modal usaha (rupiah)")).toHaveValue("lima juta");
  await snap(page, testInfo, "answers-errors");
  // Each link of the summary leads to its field (the choice: its first option).
  await summary.getByRole("link", { name: "Wajib diisi." }).click();
  await expect(page).toHaveURL(/#f-field_\d+$/);
  await expect(page.locator(":focus")).toHaveAttribute("value", "Warung");
  await summary.getByRole("link", { name: "Masukkan angka." }).click();
  await expect(page.locator(":focus")).toHaveValue("lima juta");

  await page.getByLabel("Modal usaha (rupiah)").fill("5000000");
  await page.getByLabel("Warung").check();
  await page.getByRole("button", { name: "Lanjutkan" }).click();

  // --- Step 2: the documents. A wrong file first. ---
  await expect(page).toHaveURL(new RegExp(`/permohonan/${id}/dokumen$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dokumen persyaratan");
  await upload(page, "Fotokopi KTP pemilik usaha", {
    name: "ktp.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("Ini bukan PDF, hanya teks biasa.\n"),
  });
  await expect(page.getByRole("alert")).toContainText("Isi berkas bukan jenis yang diterima (PDF, JPEG, PNG)");
  await expect(requirement(page, "Fotokopi KTP pemilik usaha").locator(".error-message")).toContainText("bukan jenis yang diterima");
  await snap(page, testInfo, "documents-wrong-file");
  await upload(page, "Fotokopi KTP pemilik usaha", pdf);
  await expect(page).toHaveURL(new RegExp(`/permohonan/${id}/dokumen$`));
  await expect(requirement(page, "Fotokopi KTP pemilik usaha")).toContainText("Terunggah: contoh-surat.pdf");
  await page.getByRole("link", { name: "Lanjutkan" }).click();

  // --- Step 3: check your answers. Sending with a document missing says which, and links to it. ---
  await expect(page).toHaveURL(new RegExp(`/permohonan/${id}/periksa$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Periksa jawaban Anda");
  await expect(page.locator("main")).toContainText(business);
  await expect(page.locator("main")).toContainText("Warung");
  await expect(page.locator("main")).toContainText("contoh-surat.pdf");
  await page.getByRole("button", { name: "Kirim permohonan" }).click();
  const missing = page.getByRole("alert");
  await expect(missing).toContainText("Unggah dokumen: Foto lokasi usaha.");
  await snap(page, testInfo, "check-missing-document");
  await missing.getByRole("link", { name: "Unggah dokumen: Foto lokasi usaha." }).click();
  await expect(page).toHaveURL(new RegExp(`/permohonan/${id}/dokumen#f-file_\\d+$`));
  await upload(page, "Foto lokasi usaha", png);
  await expect(requirement(page, "Foto lokasi usaha")).toContainText("Terunggah: contoh-foto.png");
  await snap(page, testInfo, "documents-uploaded");
  await page.getByRole("link", { name: "Lanjutkan" }).click();
  await expect(page).toHaveURL(new RegExp(`/permohonan/${id}/periksa$`));
  await expect(page.getByRole("alert")).toHaveCount(0);
  await snap(page, testInfo, "check-answers");
  await page.getByRole("link", { name: "Ubah Jawaban" }).click();
  await expect(page).toHaveURL(new RegExp(`/permohonan/${id}/isi$`));
  await expect(page.getByLabel("Nama usaha")).toHaveValue(business);
  await expect(page.getByLabel("Warung")).toBeChecked();
  await page.getByLabel("Modal usaha (rupiah)").fill("7500000");
  await page.getByRole("button", { name: "Lanjutkan" }).click();
  await page.getByRole("link", { name: "Lanjutkan" }).click();
  await expect(page).toHaveURL(new RegExp(`/permohonan/${id}/periksa$`));
  await expect(page.locator("main")).toContainText("7500000");
  await expect(page.getByRole("link", { name: "Ubah Dokumen" })).toHaveAttribute("href", `/permohonan/${id}/dokumen`);
  await page.getByRole("button", { name: "Kirim permohonan" }).click();

  // --- The confirmation. ---
  await expect(page).toHaveURL(new RegExp(`/permohonan/${id}/terkirim$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Permohonan terkirim");
  const number = (await page.getByTestId("reg-number").textContent())!.trim();
  expect(number).toMatch(/^SGP-\d{8}-[0-9A-Z]{6}$/);
  await snap(page, testInfo, "confirmation");

  // --- My applications: listed with its status; its page has the timeline. ---
  await navigate(page, testInfo, "Permohonan saya");
  await expect(page).toHaveURL(/\/permohonan$/);
  const card = page.locator("li.app-card").filter({ hasText: number });
  await expect(card).toHaveCount(1);
  await expect(card.getByTestId("status")).toHaveText("Menunggu verifikasi");
  await snap(page, testInfo, "my-applications");
  await card.getByRole("link", { name: service }).click();
  await expect(page).toHaveURL(new RegExp(`/permohonan/${id}$`));
  await expect(page.getByTestId("reg-number")).toHaveText(number);
  await expect(page.getByTestId("timeline")).toContainText("Diajukan");
  await snap(page, testInfo, "application-submitted");

  // --- The officer finds it in the queue and asks for one correction. ---
  const staff = await newPage(browser);
  const op = staff.page;
  await signInOfficer(op);
  await navigate(op, testInfo, "Antrian kerja");
  await expect(op).toHaveURL(/\/petugas\/antrian$/);
  await expect(op.getByRole("heading", { level: 1 })).toHaveText("Antrian kerja");
  const row = op.getByTestId("queue").getByRole("row").filter({ hasText: number });
  await expect(row).toContainText("Menunggu verifikasi");
  await snap(op, testInfo, "officer-queue");
  await row.getByRole("link", { name: number }).click();
  await expect(op).toHaveURL(new RegExp(`/petugas/permohonan/${id}$`));
  await expect(op.getByRole("heading", { level: 1 })).toHaveText(`Permohonan ${number}`);
  await expect(op.locator("main")).toContainText(business);
  // The officer reads the documents: each is a download with its original name.
  const [download] = await Promise.all([
    op.waitForEvent("download"),
    op.locator("ul.doc-list").getByRole("link", { name: "contoh-surat.pdf" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("contoh-surat.pdf");
  expect(fs.readFileSync(await download.path()).equals(fs.readFileSync(pdf))).toBe(true);
  if (onObjectStore(testInfo)) {
    // On the portal with object storage the upload's bytes are in the store, not on its disk.
    const dirs = objectStoreDirs();
    expect(filesHolding(dirs.store, fs.readFileSync(pdf)).length).toBeGreaterThan(0);
    expect(filesHolding(dirs.data, fs.readFileSync(pdf))).toEqual([]);
  }
  await step(op, "Mulai verifikasi");

  // Asking without a note says what is missing.
  await op.getByRole("button", { name: "Minta perbaikan", exact: true }).click();
  await expect(op.getByRole("alert")).toContainText("Tulis apa yang harus diperbaiki");
  await op.getByLabel("Perbaikan untuk: Foto lokasi usaha").fill("Foto buram; foto ulang papan nama usaha.");
  await snap(op, testInfo, "officer-correction");
  await step(op, "Minta perbaikan");
  await expect(op.locator("main")).toContainText("Perlu perbaikan");

  // --- The citizen sees the note, replaces only that document and sends it back. ---
  await page.reload();
  await expect(page.getByTestId("status").first()).toHaveText("Perlu perbaikan");
  await expect(page.locator("main")).toContainText("Foto buram; foto ulang papan nama usaha.");
  await snap(page, testInfo, "application-correction");
  await page.getByRole("link", { name: "Perbaiki dokumen" }).click();
  await expect(page).toHaveURL(new RegExp(`/permohonan/${id}/dokumen$`));
  await expect(requirement(page, "Fotokopi KTP pemilik usaha").locator("input[type=file]")).toHaveCount(0);
  await expect(requirement(page, "Foto lokasi usaha")).toContainText("Foto buram");
  // Sending before replacing it says what is still missing.
  await page.getByRole("button", { name: "Kirim perbaikan" }).click();
  await expect(page.getByRole("alert")).toContainText("Unggah dokumen perbaikan: Foto lokasi usaha.");
  await snap(page, testInfo, "documents-correction-missing");
  await upload(page, "Foto lokasi usaha", png);
  await expect(page).toHaveURL(new RegExp(`/permohonan/${id}/dokumen$`));
  await expect(requirement(page, "Foto lokasi usaha")).toContainText("Terunggah: contoh-foto.png");
  await snap(page, testInfo, "documents-correction");
  await page.getByRole("button", { name: "Kirim perbaikan" }).click();
  await expect(page).toHaveURL(new RegExp(`/permohonan/${id}$`));
  await expect(page.getByTestId("status").first()).toHaveText("Diajukan ulang");
  await expect(page.getByTestId("timeline")).toContainText("Perbaikan diajukan");

  // --- The officer accepts, approves and issues the permit. ---
  await op.reload();
  await expect(op.locator("main")).toContainText("Diajukan ulang");
  await step(op, "Mulai verifikasi");
  await step(op, "Terima dokumen");
  await step(op, "Setujui");
  await step(op, "Terbitkan izin");
  await expect(op.locator("main")).toContainText("Selesai");
  await snap(op, testInfo, "officer-completed");
  await staff.context.close();

  // --- The citizen prints the permit. ---
  await page.reload();
  await expect(page.getByTestId("status").first()).toHaveText("Selesai");
  await page.getByRole("link", { name: "Cetak izin" }).click();
  await expect(page).toHaveURL(new RegExp(`/permohonan/${id}/izin$`));
  const permit = page.getByTestId("permit");
  await expect(permit.getByRole("heading", { level: 1 })).toHaveText("Surat Izin");
  await expect(permit).toContainText(number);
  await expect(permit.locator(".permit-qr .qr svg")).toBeVisible();
  const holder = (await permit.locator(".permit-facts dd").first().textContent())!.trim();
  expect(holder.length).toBeGreaterThan(2);
  await snap(page, testInfo, "permit");
  const verifyHref = (await page.getByTestId("verify-link").getAttribute("href"))!;
  const verifyPath = new URL(verifyHref, page.url()).pathname;
  expect(verifyPath).toMatch(/^\/verifikasi\/[^/]+$/);

  // --- Anyone verifies it; a tampered code is not valid. ---
  const visitor = await newPage(browser);
  const vp = visitor.page;
  await vp.goto(verifyPath);
  await expect(vp.getByRole("heading", { level: 1 })).toHaveText("Verifikasi izin");
  await expect(vp.getByTestId("verify-result")).toHaveText("Izin ini sah.");
  await expect(vp.locator("main")).toContainText(holder);
  await snap(vp, testInfo, "verify-valid");
  const code = verifyPath.split("/").pop()!;
  const tampered = code.slice(0, -1) + (code.endsWith("A") ? "B" : "A");
  const response = await vp.goto(`/verifikasi/${tampered}`);
  expect(response?.status()).toBe(404);
  await expect(vp.getByTestId("verify-result")).toContainText("Kode ini tidak dikenal");
  await expect(vp.locator("main")).not.toContainText(holder);
  await snap(vp, testInfo, "verify-tampered");

  // --- The public status lookup: the status, no personal data. ---
  await vp.goto("/cek-status");
  await expect(vp.getByRole("heading", { level: 1 })).toHaveText("Cek status permohonan");
  await vp.getByLabel("Nomor permohonan").fill(number);
  await vp.getByLabel("4 angka terakhir NIK").fill("9999");
  await vp.getByRole("button", { name: "Cek status" }).last().click();
  await expect(vp.getByRole("alert")).toBeVisible();
  await expect(vp.getByTestId("status-result")).toHaveCount(0);
  await vp.getByLabel("4 angka terakhir NIK").fill(citizen.nik.slice(-4));
  await vp.getByRole("button", { name: "Cek status" }).last().click();
  const result = vp.getByTestId("status-result");
  await expect(result).toContainText(number);
  await expect(result.getByTestId("status")).toHaveText("Selesai");
  await expect(vp.locator("main")).not.toContainText(holder);
  await expect(vp.locator("main")).not.toContainText(citizen.nik);
  await expect(vp.locator("main")).not.toContainText(business);
  await snap(vp, testInfo, "status-lookup");

  // --- In English. ---
  if (hasJs(testInfo)) await waitForHydration(vp);
  await switchLanguage(vp, "English");
  await expect(vp.getByRole("heading", { level: 1 })).toHaveText("Check an application's status");
  // The lookup is a POST (the NIK's digits stay out of the address), so it is asked again.
  await vp.getByLabel("Registration number").fill(number);
  await vp.getByLabel("Last 4 digits of the NIK").fill(citizen.nik.slice(-4));
  await vp.getByRole("button", { name: "Check status" }).last().click();
  await expect(vp.getByTestId("status-result").getByTestId("status")).toHaveText("Completed");
  await snap(vp, testInfo, "status-lookup-en");
  await vp.goto(verifyPath);
  await expect(vp.getByRole("heading", { level: 1 })).toHaveText("Permit verification");
  await expect(vp.getByTestId("verify-result")).toHaveText("This permit is valid.");
  await visitor.context.close();
});
