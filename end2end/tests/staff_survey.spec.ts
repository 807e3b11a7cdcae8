// The staff's side of the satisfaction survey in a real browser, with JavaScript on (desktop and
// phone) and off: an officer issues a counter invitation and shows its code and QR code; a
// signed-out citizen types the code, answers with a low score and a suggestion; the invitation
// cannot be answered twice; the supervisor follows the answer up (seeing what was said, never
// who said it), closes it with a note, and keeps the unit's improvement plan.
import { Browser, BrowserContext, expect, Page, test, TestInfo } from "@playwright/test";
import { hasJs, snap, switchLanguage, waitForHydration } from "./helpers";

const officer = { nip: "199001152015032001", password: "demo-petugas-sigap", name: "Siti Aminah" };
const supervisor = { nip: "197805102003121001", password: "demo-penilai-sigap" };

/** A text no other project or run uses, so each finds its own answer and action. */
function unique(testInfo: TestInfo): string {
  return `${testInfo.project.name} ${Date.now().toString(36)}`;
}

/** Opens a page in a fresh context (its own cookies) with the project's settings. */
async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

async function signInStaff(page: Page, who: { nip: string; password: string }) {
  await page.goto("/petugas/masuk");
  await page.getByLabel("NIP atau email").fill(who.nip);
  await page.getByLabel("Kata sandi").fill(who.password);
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

test("a counter survey answer is followed up by the supervisor and feeds the improvement plan", async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const tag = unique(testInfo);
  const suggestion = `Ruang tunggu terlalu panas (${tag})`;

  // --- The officer issues a counter invitation from the work queue. ---
  await signInStaff(page, officer);
  await page.goto("/petugas/antrian");
  await page.getByRole("link", { name: "Undangan survei loket" }).click();
  await expect(page).toHaveURL(/\/petugas\/survei-loket$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Survei kepuasan di loket");
  const service = (await page.getByLabel("Layanan yang diterima warga").locator("option:checked").innerText()).trim();
  await page.getByRole("button", { name: "Buat undangan survei" }).click();
  await expect(page).toHaveURL(/\/petugas\/survei-loket\/\d+$/);
  const slipUrl = page.url();
  const slip = page.getByTestId("survey-slip");
  await expect(slip).toContainText(service);
  await expect(page.getByTestId("slip-qr").locator("svg")).toBeVisible();
  await expect(page.getByRole("img", { name: "Kode QR menuju survei" })).toBeVisible();
  const code = (await page.getByTestId("slip-code").innerText()).trim();
  expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  await expect(page.getByTestId("slip-address")).toHaveText(/\/survei$/);
  await expect(slip).toContainText("Berlaku sampai");
  await expect(slip).toContainText("Jawaban Anda anonim");
  await expect(page.getByTestId("slip-status")).toContainText("Belum dijawab");
  await snap(page, testInfo, "counter-slip");

  // --- A signed-out citizen types the code and answers with a low score and a suggestion. ---
  const { context: citizenContext, page: citizen } = await newPage(browser);
  await citizen.goto("/survei");
  await citizen.getByLabel("Kode survei").fill(code.toLowerCase());
  await citizen.getByRole("button", { name: "Buka survei" }).click();
  await expect(citizen).toHaveURL(/\/survei\/[^/]+$/);
  const questionnaire = citizen.url();
  await expect(citizen.getByText(service).first()).toBeVisible();
  await citizen.locator('input[name="u1"][value="4"]').check();
  await citizen.locator('input[name="u3"][value="1"]').check();
  await citizen.locator('input[name="u7"][value="2"]').check();
  await citizen.getByLabel(/Saran dan masukan/).fill(suggestion);
  await citizen.getByRole("button", { name: "Kirim jawaban" }).click();
  await expect(citizen).toHaveURL(/\/survei\/terima-kasih$/);
  await expect(citizen.getByRole("heading", { level: 1 })).toHaveText("Terima kasih");

  // The invitation cannot be answered twice: its link says so, and so does the slip.
  await citizen.goto(questionnaire);
  await expect(citizen.getByRole("heading", { level: 1 })).toHaveText("Sudah dijawab");
  await citizenContext.close();
  await page.goto(slipUrl);
  await expect(page.getByTestId("slip-status")).toHaveText("Sudah dijawab. Terima kasih!");

  // --- The supervisor sees what was said, and nothing about who said it. ---
  const { context: supervisorContext, page: boss } = await newPage(browser);
  await signInStaff(boss, supervisor);
  await navigate(boss, testInfo, "Tindak lanjut");
  await expect(boss).toHaveURL(/\/petugas\/tindak-lanjut$/);
  await expect(boss.getByRole("heading", { level: 1 })).toHaveText("Tindak lanjut survei");
  const item = boss.getByTestId("followup-item").filter({ hasText: suggestion });
  await expect(item).toHaveCount(1);
  await expect(item.getByRole("heading", { level: 3 })).toHaveText(service);
  await expect(item).toContainText("U3 Waktu penyelesaian");
  await expect(item).toContainText("1 Tidak cepat");
  await expect(item).toContainText("U7 Perilaku pelaksana");
  await expect(item).toContainText("2 Kurang sopan dan ramah");
  await expect(item).toContainText("4 Sangat sesuai");
  await expect(item.getByTestId("suggestion")).toHaveText(suggestion);
  await expect(item).toContainText("tanpa permohonan daring");
  await expect(item).not.toContainText(officer.name);
  await expect(item).not.toContainText(officer.nip);
  await expect(item).not.toContainText("NIK");
  await snap(boss, testInfo, "followup");

  // Closing without a note is refused with the error summary, which links to the note.
  await item.getByRole("button", { name: "Tutup tindak lanjut" }).click();
  const summary = boss.locator(".error-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toContainText("Tuliskan tindakan yang diambil");
  const refusedItem = boss.getByTestId("followup-item").filter({ hasText: suggestion });
  const note = refusedItem.getByLabel("Tindakan yang diambil");
  const noteId = await note.getAttribute("id");
  expect(noteId).toMatch(/^f-note_\d+$/);
  await expect(summary.getByRole("link")).toHaveAttribute("href", `#${noteId}`);
  await expect(note).toHaveAttribute("aria-invalid", "true");

  // With a note it closes and is listed among the closed ones.
  await note.fill(`Dua kipas angin dipasang di ruang tunggu (${tag}).`);
  await refusedItem.getByRole("button", { name: "Tutup tindak lanjut" }).click();
  await expect(boss.getByTestId("flash")).toContainText("Perubahan disimpan.");
  await expect(boss.getByTestId("followup-item").filter({ hasText: suggestion })).toHaveCount(0);
  const closed = boss.getByTestId("followup-closed").filter({ hasText: suggestion });
  await expect(closed).toContainText(`Dua kipas angin dipasang di ruang tunggu (${tag}).`);

  // --- The improvement plan: the lowest unsur come first; an action is added and updated. ---
  const plan = boss.locator("#rencana");
  await expect(plan.getByRole("heading", { level: 2 })).toHaveText(/^Rencana tindak lanjut \d{4}-S[12]$/);
  await expect(plan.getByTestId("lowest")).toBeVisible();
  const action = `Menambah loket pada jam sibuk (${tag})`;
  await plan.getByLabel("Unsur").selectOption("U3");
  await plan.getByLabel("Tindakan perbaikan").fill(action);
  await plan.getByLabel("Penanggung jawab").fill("Kepala Seksi Pelayanan");
  await plan.getByLabel("Tanggal target").fill("2026-12-31");
  await plan.getByRole("button", { name: "Tambahkan ke rencana" }).click();
  await expect(boss).toHaveURL(/\/petugas\/tindak-lanjut\?periode=\d{4}-S[12]&ok=saved#rencana$/);
  await expect(boss.getByTestId("flash")).toContainText("Perubahan disimpan.");
  const added = boss.getByTestId("plan-action").filter({ hasText: action });
  await expect(added).toHaveCount(1);
  await expect(added).toContainText("U3 Waktu penyelesaian");
  await expect(added.getByTestId("plan-status")).toHaveText("Direncanakan");

  await added.getByLabel("Status").selectOption("done");
  await added.getByLabel(/Catatan kemajuan/).fill("Loket 3 dibuka pukul 09.00–11.00.");
  await added.getByRole("button", { name: "Simpan kemajuan" }).click();
  await expect(boss.getByTestId("flash")).toContainText("Perubahan disimpan.");
  const updated = boss.getByTestId("plan-action").filter({ hasText: action });
  await expect(updated.getByTestId("plan-status")).toHaveText("Selesai");
  await expect(updated).toContainText("Loket 3 dibuka pukul 09.00–11.00.");
  await snap(boss, testInfo, "plan");

  // The same page in English.
  if (hasJs(testInfo)) await waitForHydration(boss);
  await switchLanguage(boss, "English");
  await expect(boss.getByRole("heading", { level: 1 })).toHaveText("Survey follow-up");
  await expect(boss.getByTestId("plan-action").filter({ hasText: action }).getByTestId("plan-status")).toHaveText("Done");
  await supervisorContext.close();
});
