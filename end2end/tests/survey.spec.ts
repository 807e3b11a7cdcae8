// The online satisfaction survey (SKM) in a real browser, with JavaScript on (desktop and phone)
// and off: a citizen whose application was completed finds the invitation on the application
// page and on the printed permit, opens the questionnaire (nine unsur with the official answer
// labels, an optional profile and a suggestion), reads it in English, sends it empty first (the
// error summary links to the first question and keeps what was chosen), answers, is thanked, and
// cannot answer twice; a staff member cannot answer; the unit's public index counts one more
// respondent.
//
// The three projects share one server and a survey link can be answered once, so each project
// makes its own completed application over HTTP first (the citizen applies, the officer verifies,
// approves and completes), and reuses those two sessions in the browser.
import { expect, Locator, Page, test, TestInfo } from "@playwright/test";
import { expectImage, hasJs, snap, switchLanguage, waitForHydration } from "./helpers";
import { completedApplication, service, Setup, UNIT, unitName, unsur } from "./survey_setup";

let setup: Setup;

test.beforeAll(async ({ playwright }, testInfo) => {
  setup = await completedApplication(playwright.request, testInfo);
});

/** The respondents of the unit's published index for the current period (0 before any answer). */
async function respondents(page: Page): Promise<number> {
  const response = await page.goto(`/ikm/${UNIT}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(unitName);
  const figure = page.getByTestId("ikm-respondents");
  if ((await figure.count()) === 0) {
    await expect(page.getByTestId("ikm-no-answers")).toBeVisible();
    return 0;
  }
  const text = (await figure.innerText()).trim();
  expect(text).toMatch(/^\d+$/);
  return Number(text);
}

/** Taps on a touch screen, clicks elsewhere: what a person does. */
async function press(testInfo: TestInfo, target: Locator) {
  if (testInfo.project.name === "phone") await target.tap();
  else await target.click();
}

/** The fieldset of one unsur (1-based), by its legend "U1 question". */
function question(page: Page, n: number, lang: "id" | "en" = "id"): Locator {
  const u = unsur[n - 1];
  return page.getByRole("group", { name: `U${n} ${lang === "id" ? u.q : u.en}`, exact: true });
}

/** A profile question, by its legend. */
function choices(page: Page, legend: string): Locator {
  return page.getByRole("group", { name: new RegExp(`^${legend}`) });
}

/**
 * Whether the page fits its viewport without sideways scrolling. Recorded as an annotation (the
 * report reads it), not a failure.
 */
async function checkLayout(page: Page, testInfo: TestInfo, name: string) {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll("main *")]
      .filter((e) => e.getBoundingClientRect().right > width + 1)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join(".")}`);
    return { scroll: document.documentElement.scrollWidth, width, wide: [...new Set(wide)].slice(0, 5) };
  });
  if (overflow.scroll > overflow.width) {
    testInfo.annotations.push({
      type: "layout-overflow",
      description: `${name}: page is ${overflow.scroll}px wide in a ${overflow.width}px viewport; too wide: ${overflow.wide.join(", ")}`,
    });
  }
}

/** On the phone: the questionnaire's tap targets (the unsur answers must be large). */
async function tapTargets(page: Page, testInfo: TestInfo) {
  if (testInfo.project.name !== "phone") return;
  const sizes = await page.evaluate(() => {
    const measure = (selector: string) =>
      [...document.querySelectorAll<HTMLElement>(selector)].map((e) => {
        const r = e.getBoundingClientRect();
        return { text: e.innerText.trim().slice(0, 30), w: Math.round(r.width), h: Math.round(r.height) };
      });
    return {
      likert: measure(".likert-option label"),
      profile: measure(".inline-choices .radio label"),
      profileInputs: measure(".inline-choices .radio input"),
    };
  });
  const small = (list: { text: string; w: number; h: number }[], min: number) =>
    list.filter((s) => s.h < min || s.w < min).map((s) => `${s.text} ${s.w}×${s.h}`);
  const likert = small(sizes.likert, 44);
  // The answer cards are the questionnaire's core: they must be comfortably tappable.
  expect(likert, "unsur answers at least 44px").toEqual([]);
  const profile = small(sizes.profile, 44);
  if (profile.length > 0) {
    testInfo.annotations.push({ type: "phone-tap-targets", description: `profile labels under 44px: ${profile.join("; ")}` });
  }
  expect(small(sizes.profileInputs, 24), "profile radios at least 24px (WCAG 2.5.8)").toEqual([]);
}

test("a citizen answers the satisfaction survey of a completed application, once", async ({ page, browser }, testInfo) => {
  test.setTimeout(180_000);
  const { id } = setup;
  await page.context().addCookies(setup.citizenCookies);
  const suggestion = `Mohon antrean daring diperpanjang (${testInfo.project.name} ${Date.now().toString(36)})`;

  // --- The unit's index before the answer. ---
  const before = await respondents(page);
  await snap(page, testInfo, "ikm-before");

  // --- The invitation on the application page. ---
  await page.goto(`/permohonan/${id}`);
  await expect(page.getByTestId("status").first()).toHaveText("Selesai");
  const invite = page.getByTestId("survey-invite");
  await expect(invite.getByRole("heading", { level: 2 })).toHaveText("Nilai layanan ini");
  await expect(invite).toContainText("sekali saja, tanpa nama");
  await expectImage(invite.getByRole("img", { name: "Kode QR survei kepuasan" }));
  const open = invite.getByRole("link", { name: "Isi survei" });
  const href = (await open.getAttribute("href"))!;
  const link = new URL(href, page.url());
  expect(link.pathname).toMatch(/^\/survei\/[A-Za-z0-9_.-]{20,}$/);
  await checkLayout(page, testInfo, "application page");
  await snap(page, testInfo, "application-invite");

  // --- The printed permit carries the same link, as a QR code and as text. ---
  await page.goto(`/permohonan/${id}/izin`);
  const printed = page.getByTestId("survey-invite");
  await expect(printed).toHaveClass(/printed/);
  await expect(printed.getByRole("heading", { level: 2 })).toHaveText("Nilai layanan ini");
  await expectImage(printed.getByRole("img", { name: "Kode QR survei kepuasan" }));
  await expect(printed.getByText(link.href, { exact: true })).toBeVisible();
  await expect(printed.getByRole("link", { name: "Isi survei" })).toHaveCount(0);
  await checkLayout(page, testInfo, "printed permit");
  await snap(page, testInfo, "permit-invite");

  // --- A signed-in staff member cannot answer: the page says so, and a post stores nothing. ---
  const staffContext = await browser.newContext({ javaScriptEnabled: hasJs(testInfo), baseURL: testInfo.project.use.baseURL });
  await staffContext.addCookies(setup.officerCookies);
  const staffPage = await staffContext.newPage();
  const refused = await staffPage.goto(link.pathname);
  expect(refused?.status()).toBe(403);
  await expect(staffPage.getByRole("heading", { level: 1 })).toHaveText("Akun pegawai tidak dapat mengisi survei");
  await expect(staffPage.locator("main")).toContainText("Anda masuk sebagai pegawai");
  await expect(staffPage.getByRole("button", { name: "Kirim jawaban" })).toHaveCount(0);
  await snap(staffPage, testInfo, "staff-refused");
  const staffPost = await staffContext.request.post(link.pathname, {
    form: { u1: "1" },
    headers: { origin: link.origin },
    maxRedirects: 0,
  });
  expect(staffPost.status()).toBe(403);
  await staffContext.close();

  // --- The citizen opens the questionnaire from the application page. ---
  await page.goto(`/permohonan/${id}`);
  await press(testInfo, page.getByTestId("survey-invite").getByRole("link", { name: "Isi survei" }));
  await expect(page).toHaveURL(link.href);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Survei Kepuasan Masyarakat");
  await expect(page.locator(".survey .caption")).toContainText(unitName);
  await expect(page.locator(".survey .lead")).toContainText(service);
  await expect(page.locator("main")).toContainText("tidak dikaitkan dengan nama, NIK, atau akun Anda");
  for (let n = 1; n <= 9; n++) {
    const group = question(page, n);
    const radios = group.getByRole("radio");
    await expect(radios).toHaveCount(4);
    for (const [i, label] of unsur[n - 1].labels.entries()) {
      const radio = group.getByRole("radio", { name: label, exact: true });
      await expect(radio).toHaveAttribute("name", `u${n}`);
      await expect(radio).toHaveAttribute("value", String(4 - i));
      await expect(radio).not.toBeChecked();
    }
  }
  await expect(choices(page, "Jenis kelamin").getByRole("radio")).toHaveCount(2);
  await expect(choices(page, "Pendidikan terakhir").getByRole("radio")).toHaveCount(7);
  await expect(choices(page, "Pekerjaan").getByRole("radio")).toHaveCount(6);
  await expect(page.getByLabel(/^Umur \(tahun\)/)).toHaveAttribute("inputmode", "numeric");
  await expect(page.getByLabel(/^Saran dan masukan/)).toBeVisible();
  await checkLayout(page, testInfo, "questionnaire");
  await tapTargets(page, testInfo);
  await snap(page, testInfo, "questionnaire");

  // --- In English: the same questions and answers, and the same refusal of an empty form. ---
  if (hasJs(testInfo)) await waitForHydration(page);
  await switchLanguage(page, "English");
  await expect(page).toHaveURL(link.href);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Public satisfaction survey");
  await expect(page.locator(".survey .lead")).toContainText("Micro and Small Business Permit");
  for (let n = 1; n <= 9; n++) await expect(question(page, n, "en").getByRole("radio")).toHaveCount(4);
  await expect(question(page, 1, "en").getByRole("radio", { name: "Very suitable", exact: true })).toHaveAttribute("value", "4");
  await expect(question(page, 4, "en").getByRole("radio", { name: "Free", exact: true })).toHaveAttribute("value", "4");
  await expect(question(page, 3, "en").getByRole("radio", { name: "Not fast", exact: true })).toHaveAttribute("value", "1");
  await expect(choices(page, "Gender").getByRole("radio", { name: "Female" })).toBeVisible();
  await expect(choices(page, "Highest education").getByRole("radio", { name: "Bachelor's degree" })).toBeVisible();
  await expect(choices(page, "Occupation").getByRole("radio", { name: "Self-employed" })).toBeVisible();
  await expect(page.getByLabel(/^Age \(years\)/)).toBeVisible();
  await checkLayout(page, testInfo, "questionnaire (English)");
  await snap(page, testInfo, "questionnaire-en");
  await press(testInfo, page.getByRole("button", { name: "Send answers" }));
  const enSummary = page.locator(".error-summary");
  await expect(enSummary).toContainText("There is a problem");
  await expect(enSummary.getByRole("link", { name: "Answer at least one question." })).toHaveAttribute("href", "#f-u1");
  await snap(page, testInfo, "questionnaire-en-error");
  if (hasJs(testInfo)) await waitForHydration(page);
  await switchLanguage(page, "Bahasa Indonesia");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Survei Kepuasan Masyarakat");

  // --- Sent with the profile only: refused with the summary; nothing chosen is lost. ---
  await press(testInfo, choices(page, "Jenis kelamin").getByText("Perempuan", { exact: true }));
  await page.getByLabel(/^Umur \(tahun\)/).fill("34");
  await press(testInfo, choices(page, "Pendidikan terakhir").getByText("S1", { exact: true }));
  await press(testInfo, choices(page, "Pekerjaan").getByText("Wirausaha", { exact: true }));
  await page.getByLabel(/^Saran dan masukan/).fill(suggestion);
  await press(testInfo, page.getByRole("button", { name: "Kirim jawaban" }));
  await expect(page).toHaveURL(link.href);
  const summary = page.locator(".error-summary");
  await expect(summary).toHaveAttribute("role", "alert");
  await expect(summary).toContainText("Ada masalah");
  await expect(summary.getByRole("link")).toHaveCount(1);
  const first = summary.getByRole("link", { name: "Jawab paling sedikit satu pertanyaan." });
  await expect(first).toHaveAttribute("href", "#f-u1");
  await expect(question(page, 1).locator(".error-message")).toHaveText("Jawab paling sedikit satu pertanyaan.");
  await expect(choices(page, "Jenis kelamin").getByRole("radio", { name: "Perempuan" })).toBeChecked();
  await expect(page.getByLabel(/^Umur \(tahun\)/)).toHaveValue("34");
  await expect(choices(page, "Pendidikan terakhir").getByRole("radio", { name: "S1", exact: true })).toBeChecked();
  await expect(choices(page, "Pekerjaan").getByRole("radio", { name: "Wirausaha" })).toBeChecked();
  await expect(page.getByLabel(/^Saran dan masukan/)).toHaveValue(suggestion);
  await checkLayout(page, testInfo, "questionnaire with errors");
  await snap(page, testInfo, "questionnaire-error");
  // The summary's link leads to the first question's first answer.
  await press(testInfo, first);
  await expect(page).toHaveURL(/#f-u1$/);
  await expect(page.locator(":focus")).toHaveAttribute("name", "u1");
  await expect(page.locator(":focus")).toHaveAttribute("value", "4");

  // --- The nine answers, chosen by their labels, with an impossible age: refused again, and
  // every answer chosen is still chosen. ---
  const chosen = [4, 3, 3, 4, 4, 3, 4, 2, 3];
  const label = (i: number) => unsur[i].labels[4 - chosen[i]];
  for (let i = 0; i < 9; i++) {
    const group = question(page, i + 1);
    await press(testInfo, group.getByText(label(i), { exact: true }));
    await expect(group.getByRole("radio", { name: label(i), exact: true })).toBeChecked();
  }
  await page.getByLabel(/^Umur \(tahun\)/).fill("200");
  await snap(page, testInfo, "questionnaire-filled");
  await press(testInfo, page.getByRole("button", { name: "Kirim jawaban" }));
  await expect(page).toHaveURL(link.href);
  await expect(summary.getByRole("link")).toHaveCount(1);
  await expect(summary.getByRole("link")).toHaveAttribute("href", "#f-age");
  await expect(page.getByLabel(/^Umur \(tahun\)/)).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel(/^Umur \(tahun\)/)).toHaveValue("200");
  for (let i = 0; i < 9; i++) {
    await expect(question(page, i + 1).getByRole("radio", { name: label(i), exact: true })).toBeChecked();
  }
  await expect(choices(page, "Jenis kelamin").getByRole("radio", { name: "Perempuan" })).toBeChecked();
  await expect(page.getByLabel(/^Saran dan masukan/)).toHaveValue(suggestion);
  await snap(page, testInfo, "questionnaire-age-error");

  // --- Corrected and sent. ---
  await page.getByLabel(/^Umur \(tahun\)/).fill("34");
  await press(testInfo, page.getByRole("button", { name: "Kirim jawaban" }));
  await expect(page).toHaveURL(/\/survei\/terima-kasih$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Terima kasih");
  await expect(page.locator("main")).toContainText("Jawaban Anda sudah kami terima");
  await checkLayout(page, testInfo, "thank-you page");
  await snap(page, testInfo, "thanks");

  // --- The same link again: already answered; a replayed post stores nothing more. ---
  await page.goto(link.href);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sudah dijawab");
  await expect(page.getByRole("button", { name: "Kirim jawaban" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Lihat indeks kepuasan yang diumumkan" })).toHaveAttribute("href", "/ikm");
  await snap(page, testInfo, "already-answered");
  const replay = await page.context().request.post(link.pathname, {
    form: { u1: "1", u2: "1" },
    headers: { origin: link.origin },
    maxRedirects: 0,
  });
  expect(replay.status()).toBe(303);
  expect(replay.headers()["location"]).toMatch(/\/survei\/sudah-dijawab$/);

  // The application page now thanks instead of inviting.
  await page.goto(`/permohonan/${id}`);
  await expect(page.getByTestId("survey-answered")).toHaveText("Terima kasih, Anda sudah menilai layanan ini.");
  await expect(page.getByTestId("survey-link")).toHaveCount(0);
  await snap(page, testInfo, "application-answered");

  // --- The unit's published index counts exactly one more respondent. ---
  const after = await respondents(page);
  expect(after).toBe(before + 1);
  await checkLayout(page, testInfo, "unit index");
  await snap(page, testInfo, "ikm-after");
});
