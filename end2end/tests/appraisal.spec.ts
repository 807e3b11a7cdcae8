// The appraisal in a real browser, with JavaScript on (desktop and phone) and off (REFERENCE §5):
// the demo city's unit head appraises officer Siti Aminah from the citizens' survey evidence —
// departing from the portal's suggestion is refused until a reason is written — and Siti reads
// her own score, evidence and appraisal on "Kinerja saya" and contests it.
//
// The demo seed opened the current period and appraised another officer (Budi Santoso). Siti
// has just under the minimum of answers in the current period, so this spec first imports ten
// more paper answers naming her (through the CLI, like ikm.spec; importing the same file again
// changes nothing), which gives her a score and a suggestion.
//
// The projects share one server: the first project to reach Siti's page files her contest;
// the later ones find it waiting for HR (one undecided contest at a time) and check that.
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Browser, BrowserContext, expect, Page, test, TestInfo } from "@playwright/test";
import { dataDir, hasJs, snap, switchLanguage, waitForHydration } from "./helpers";

const officer = { nip: "199001152015032001", password: "demo-petugas-sigap", name: "Siti Aminah" };
const supervisor = { nip: "197805102003121001", password: "demo-penilai-sigap" };

/** The first day of the current semester (the demo's appraisal period). */
function semesterStart(): string {
  const now = new Date();
  const month = now.getUTCMonth() < 6 ? "01" : "07";
  return `${now.getUTCFullYear()}-${month}-01`;
}

test.beforeAll(() => {
  const day = semesterStart();
  const rows = [
    "submitted_at,unit_code,service_code,officer_nip,u1,u2,u3,u4,u5,u6,u7,u8,u9,gender,age,education,occupation,suggestion",
  ];
  for (let i = 0; i < 10; i++) {
    const [u6, u7] = i % 3 === 0 ? [3, 4] : [4, 4];
    rows.push(`${day},DPMPTSP,SIUMK,${officer.nip},3,3,3,4,3,${u6},${u7},3,3,P,3${i},S1,Swasta,`);
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sigap-appraisal-")), "answers.csv");
  fs.writeFileSync(file, rows.join("\n") + "\n");
  const root = path.join(__dirname, "..", "..");
  const sigap = process.env.SIGAP_BIN ?? path.join(root, "target", "debug", "sigap");
  execFileSync(sigap, ["survey", "import", file], {
    env: { ...process.env, SIGAP_DATA_DIR: dataDir() },
    stdio: "pipe",
  });
});

async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

/**
 * Signs in through the staff door once per server run and role, then reuses the session's
 * cookies in the later projects: the whole suite signs in from one address, and sign-ins per
 * address are rate limited (30 per 15 minutes). The cookies live in the server's data folder,
 * which every run starts afresh.
 */
async function signInStaff(page: Page, who: { nip: string; password: string }) {
  const saved = path.join(dataDir(), `e2e-session-${who.nip}.json`);
  if (fs.existsSync(saved)) {
    await page.context().addCookies(JSON.parse(fs.readFileSync(saved, "utf8")));
    await page.goto("/akun");
    if (/\/akun$/.test(page.url())) return;
    await page.context().clearCookies();
  }
  await page.goto("/petugas/masuk");
  await page.getByLabel("NIP atau email").fill(who.nip);
  await page.getByLabel("Kata sandi").fill(who.password);
  await page.getByRole("button", { name: "Masuk" }).last().click();
  await expect(page).toHaveURL(/\/akun$/);
  fs.writeFileSync(saved, JSON.stringify(await page.context().cookies()));
}

/** Follows a link in the header, opening the phone menu first when it is folded. */
async function navigate(page: Page, testInfo: TestInfo, name: string) {
  if (hasJs(testInfo)) await waitForHydration(page);
  const nav = page.getByRole("navigation", { name: "Navigasi utama" });
  const link = nav.getByRole("link", { name, exact: true });
  if (!(await link.isVisible())) await page.getByRole("button", { name: "Menu" }).click();
  await link.click();
}

/** A behaviour rating that departs from the portal's suggestion (`code`). */
function departing(code: string): { code: string; label: string } {
  return code === "sesuai"
    ? { code: "di_atas", label: "di atas ekspektasi" }
    : { code: "sesuai", label: "sesuai ekspektasi" };
}

const PREDIKAT: Record<string, string> = {
  "di_atas-di_atas": "Sangat Baik",
  "di_atas-sesuai": "Baik",
};

test("the supervisor appraises an officer from the survey evidence; the officer reads and contests it", async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const tag = `${testInfo.project.name} ${Date.now().toString(36)}`;

  // --- The unit head's list: the officers they appraise in the open period. ---
  await signInStaff(page, supervisor);
  await navigate(page, testInfo, "Penilaian");
  await expect(page).toHaveURL(/\/petugas\/penilaian$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Penilaian kinerja pegawai");
  await expect(page.getByTestId("period-state")).toHaveText("dibuka");
  const list = page.getByTestId("supervised");
  const budi = list.locator('tr[data-nip="199203202016041002"]');
  await expect(budi).toContainText("Budi Santoso");
  await expect(budi.getByTestId("status")).toContainText("Baik");
  // Budi is below the minimum: no number, "data belum cukup".
  await expect(budi.getByTestId("not-enough")).toContainText("Data belum cukup");
  const siti = list.locator(`tr[data-nip="${officer.nip}"]`);
  await expect(siti).toContainText(/\d{2,3}\.\d{2}/);
  await expect(siti).toContainText(/\(\d{2,3}\.\d{2} – \d{2,3}\.\d{2}\)/);
  await snap(page, testInfo, "appraisal-list");

  // --- Siti's evidence: score with n and interval, record, trend, answers, comments. ---
  await siti.getByRole("link", { name: officer.name }).click();
  await expect(page).toHaveURL(new RegExp(`/petugas/penilaian/${officer.nip}(\\?periode=\\d{4}-S[12])?$`));
  await expect(page.getByTestId("officer-name")).toHaveText(officer.name);
  const n = Number(await page.getByTestId("score-n").innerText());
  expect(n).toBeGreaterThanOrEqual(20);
  await expect(page.getByTestId("score-interval")).toHaveText(/^\d{2,3}\.\d{2} \(\d{2,3}\.\d{2} – \d{2,3}\.\d{2}\)$/);
  await expect(page.getByTestId("score-shrunk")).toHaveText(/^\d{2,3}\.\d{2}$/);
  await expect(page.getByTestId("record")).toContainText("Permohonan yang ditangani");
  await expect(page.getByTestId("trend").locator("tbody tr")).toHaveCount(4);
  await expect(page.getByTestId("answers-u6")).toContainText("U6");
  await expect(page.getByTestId("answers-u7").locator("svg")).toBeAttached();
  const suggestion = (await page.getByTestId("score-suggestion").getAttribute("data-code")) ?? "";
  expect(["di_atas", "sesuai", "di_bawah"]).toContain(suggestion);
  const perilaku = departing(suggestion);

  // --- Departing from the suggestion without a reason is refused. ---
  const form = page.getByTestId("rating-form");
  await form.getByTestId("hasil_kerja").getByLabel("di atas ekspektasi").check();
  await form.getByTestId("perilaku_kerja").getByLabel(perilaku.label).check();
  // The predikat of the choice shows at once (CSS, also without JavaScript).
  const predikat = PREDIKAT[`di_atas-${perilaku.code}`];
  await expect(form.locator(`[data-combo="di_atas-${perilaku.code}"]`)).toBeVisible();
  await expect(form.locator(`[data-combo="di_atas-${perilaku.code}"]`)).toContainText(predikat);
  const reason = form.getByLabel("Alasan berbeda dari saran portal");
  await expect(reason).toBeVisible();
  await reason.fill("");
  await form.getByRole("button", { name: "Simpan penilaian" }).click();
  const summary = page.locator(".error-summary");
  await expect(summary).toBeVisible();
  await expect(summary).toContainText("Perilaku kerja berbeda dari saran portal");
  await expect(summary.getByRole("link")).toHaveAttribute("href", "#f-reason");
  const again = page.getByTestId("rating-form");
  await expect(again.getByLabel("Alasan berbeda dari saran portal")).toHaveAttribute("aria-invalid", "true");
  // What was chosen is kept.
  await expect(again.getByTestId("perilaku_kerja").getByLabel(perilaku.label)).toBeChecked();

  // --- With a reason it is saved, with the formula version and parameters it used. ---
  const why = `Selalu membantu rekan di loket saat antrean panjang (${tag}).`;
  await again.getByLabel("Alasan berbeda dari saran portal").fill(why);
  await again.getByRole("button", { name: "Simpan penilaian" }).click();
  await expect(page).toHaveURL(/\?periode=\d{4}-S[12]&ok=saved#penilaian$/);
  await expect(page.getByTestId("flash")).toContainText("Perubahan disimpan.");
  const saved = page.getByTestId("appraisal");
  await expect(saved.getByTestId("predikat")).toHaveText(predikat);
  await expect(saved.getByTestId("reason")).toHaveText(why);
  await expect(saved.getByTestId("formula")).toHaveText("skm-officer-v1");
  await expect(saved.getByTestId("params")).toHaveText("n minimal 20, k = 10, margin δ = 3, z = 1.96");
  await expect(saved.getByTestId("responses-used")).toHaveText(String(n));
  await snap(page, testInfo, "appraisal-saved");

  // The printable sheet.
  await page.getByTestId("print-link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lembar penilaian kinerja");
  await expect(page.getByTestId("appraisal-sheet").getByTestId("predikat")).toHaveText(predikat);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".site-header")).toBeHidden();
  await snap(page, testInfo, "appraisal-sheet");
  await page.emulateMedia({ media: "screen" });

  // --- The officer reads her own page and contests the appraisal. ---
  const { context: officerContext, page: me } = await newPage(browser);
  await signInStaff(me, officer);
  await me.getByTestId("my-performance").click();
  await expect(me).toHaveURL(/\/akun\/kinerja$/);
  await expect(me.getByRole("heading", { level: 1 })).toHaveText("Kinerja saya");
  await expect(me.getByTestId("score-n")).toHaveText(String(n));
  await expect(me.getByTestId("appraisal").getByTestId("predikat")).toHaveText(predikat);
  await expect(me.getByTestId("appraisal").getByTestId("reason")).toHaveText(why);
  await expect(me.getByTestId("predikat-matrix").locator('td[aria-current="true"]')).toHaveText(predikat);
  const contestForm = me.getByTestId("contest-form");
  if ((await contestForm.count()) > 0) {
    // A reason that says nothing is refused.
    await contestForm.getByLabel("Alasan keberatan").fill("Tidak adil");
    await contestForm.getByRole("button", { name: "Ajukan keberatan" }).click();
    await expect(me.locator(".error-summary")).toContainText("Alasan keberatan terlalu singkat: tulis sedikitnya 20 karakter.");
    const objection = `Target SKP saya terlampaui, lihat laporan bulanan (${tag}).`;
    await me.getByTestId("contest-form").getByLabel("Alasan keberatan").fill(objection);
    await me.getByTestId("contest-form").getByRole("button", { name: "Ajukan keberatan" }).click();
    await expect(me).toHaveURL(/\/akun\/kinerja\?periode=\d{4}-S[12]&ok=keberatan#keberatan$/);
    await expect(me.getByTestId("flash")).toContainText("Keberatan Anda sudah diajukan.");
    await expect(me.getByTestId("contest").filter({ hasText: objection }).getByTestId("contest-status")).toHaveText("Menunggu keputusan BKPSDM");
  }
  // One undecided contest at a time: the form gives way to a notice.
  await expect(me.getByTestId("contest-form")).toHaveCount(0);
  await expect(me.getByTestId("contest-waiting")).toContainText("menunggu keputusan BKPSDM");
  await expect(me.getByTestId("contest").first()).toBeVisible();
  await snap(me, testInfo, "my-performance");

  // The same page in English.
  if (hasJs(testInfo)) await waitForHydration(me);
  await switchLanguage(me, "English");
  await expect(me.getByRole("heading", { level: 1 })).toHaveText("My performance");
  await expect(me.getByTestId("contest-waiting")).toContainText("awaiting HR's decision");
  await officerContext.close();

  // The supervisor's list now shows the appraisal and the pending contest.
  await page.goto("/petugas/penilaian");
  await expect(page.getByTestId("supervised").locator(`tr[data-nip="${officer.nip}"]`).getByTestId("status")).toContainText(predikat);
  await expect(page.getByTestId("supervised").locator(`tr[data-nip="${officer.nip}"]`).getByTestId("status")).toContainText("Keberatan menunggu");
});
