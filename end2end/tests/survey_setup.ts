// The survey journey's setup (survey.spec.ts): the demo people, the nine unsur as the form
// asks them, and a completed application made over HTTP for each browser project (the citizen
// applies, the officer verifies, approves and completes).
import { APIRequest, APIRequestContext, APIResponse, expect, TestInfo } from "@playwright/test";
import * as fs from "fs";
import * as path from "path";

export const citizen = { nik: "3171011505900003", password: "demo-warga-sigap" };
export const officer = { nip: "199001152015032001", password: "demo-petugas-sigap" };
export const documents = path.join(__dirname, "..", "..", "demo", "documents");
export const pdf = path.join(documents, "contoh-surat.pdf");
export const png = path.join(documents, "contoh-foto.png");
export const UNIT = "DPMPTSP";
export const unitName = "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu";
export const service = "Izin Usaha Mikro Kecil";

/** The nine unsur: the question as the form asks it, in both languages, and the official answer
 * labels for 4, 3, 2, 1 (REFERENCE §3.1). */
export const unsur = [
  { q: "Kesesuaian persyaratan pelayanan dengan jenis pelayanannya", en: "How well the requirements fit the service", labels: ["Sangat sesuai", "Sesuai", "Kurang sesuai", "Tidak sesuai"] },
  { q: "Kemudahan prosedur pelayanan", en: "How easy the procedure was", labels: ["Sangat mudah", "Mudah", "Kurang mudah", "Tidak mudah"] },
  { q: "Kecepatan waktu dalam memberikan pelayanan", en: "How quickly the service was delivered", labels: ["Sangat cepat", "Cepat", "Kurang cepat", "Tidak cepat"] },
  { q: "Kewajaran biaya/tarif dalam pelayanan", en: "How reasonable the fee was", labels: ["Gratis", "Murah", "Cukup mahal", "Sangat mahal"] },
  { q: "Kesesuaian produk pelayanan dengan yang tercantum dalam standar pelayanan", en: "How well the product matched the published service standard", labels: ["Sangat sesuai", "Sesuai", "Kurang sesuai", "Tidak sesuai"] },
  { q: "Kompetensi/kemampuan petugas dalam pelayanan", en: "The officers' competence", labels: ["Sangat kompeten", "Kompeten", "Kurang kompeten", "Tidak kompeten"] },
  { q: "Perilaku petugas dalam pelayanan terkait kesopanan dan keramahan", en: "The officers' courtesy and friendliness", labels: ["Sangat sopan dan ramah", "Sopan dan ramah", "Kurang sopan dan ramah", "Tidak sopan dan ramah"] },
  { q: "Kualitas sarana dan prasarana", en: "The quality of the facilities", labels: ["Sangat baik", "Baik", "Cukup", "Buruk"] },
  { q: "Penanganan pengaduan pengguna layanan", en: "How complaints are handled", labels: ["Dikelola dengan baik", "Berfungsi kurang maksimal", "Ada tetapi tidak berfungsi", "Tidak ada"] },
];

/** What the setup made for this project. */
export type Setup = {
  id: string;
  citizenCookies: Awaited<ReturnType<APIRequestContext["storageState"]>>["cookies"];
  officerCookies: Awaited<ReturnType<APIRequestContext["storageState"]>>["cookies"];
};

/** Expects a 303 to `location`, and says what the page said otherwise. */
export async function expectRedirect(response: APIResponse, location: RegExp, what: string): Promise<string> {
  const to = response.headers()["location"] ?? "";
  if (response.status() !== 303 || !location.test(to)) {
    const body = (await response.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
    const alert = body.match(/Ada masalah.{0,300}/)?.[0] ?? body.slice(0, 300);
    throw new Error(`${what}: expected 303 to ${location}, got ${response.status()} ${to} — ${alert}`);
  }
  return to;
}

/** The id of the field whose label starts with `label` on a questions page. */
export function fieldForLabel(html: string, label: string): string {
  const found = html.match(new RegExp(`<label for="f-(field_\\d+)"[^>]*>\\s*${label}`));
  if (!found) throw new Error(`no field labelled ${label} on the questions page`);
  return found[1];
}

/** Makes a completed SIUMK application of the demo citizen over HTTP, as fast as possible. */
export async function completedApplication(api: APIRequest, testInfo: TestInfo): Promise<Setup> {
  const baseURL = testInfo.project.use.baseURL!;
  const options = { baseURL, extraHTTPHeaders: { origin: baseURL }, maxRedirects: 0 };
  const person = await api.newContext(options);
  const staff = await api.newContext(options);
  const tag = `${testInfo.project.name}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

  // The citizen signs in and starts a draft (the key is unique per project and run).
  await expectRedirect(
    await person.post("/masuk", { form: { identifier: citizen.nik, password: citizen.password, next: "" } }),
    /\/akun$/,
    "citizen sign-in",
  );
  const draft = await expectRedirect(
    await person.post("/layanan/SIUMK/ajukan", { form: { draft_key: `survey-e2e-${tag}` } }),
    /\/permohonan\/\d+\/isi$/,
    "start a draft",
  );
  const id = draft.match(/\/permohonan\/(\d+)\/isi$/)![1];

  // The answers, by the field ids the questions page names.
  const questions = await (await person.get(`/permohonan/${id}/isi`)).text();
  const kind = questions.match(/name="(field_\d+)" value="Warung"/);
  if (!kind) throw new Error("no business-kind choice on the questions page");
  await expectRedirect(
    await person.post(`/permohonan/${id}/isi`, {
      form: {
        [fieldForLabel(questions, "Nama usaha")]: `Warung survei ${tag}`,
        [kind[1]]: "Warung",
        [fieldForLabel(questions, "Modal usaha")]: "5000000",
      },
    }),
    new RegExp(`/permohonan/${id}/dokumen$`),
    "save the answers",
  );

  // Each document: a PDF where the requirement takes one, otherwise the photo.
  const page = await (await person.get(`/permohonan/${id}/dokumen`)).text();
  const uploads = page.split(`action="/permohonan/${id}/dokumen/`).slice(1);
  expect(uploads.length, "requirements on the documents page").toBeGreaterThan(0);
  for (const chunk of uploads) {
    const requirement = chunk.match(/^(\d+)"/)![1];
    const accept = chunk.slice(0, chunk.indexOf("</form>")).match(/accept="([^"]*)"/)?.[1] ?? "";
    const file = accept.includes(".pdf")
      ? { name: "contoh-surat.pdf", mimeType: "application/pdf", buffer: fs.readFileSync(pdf) }
      : { name: "contoh-foto.png", mimeType: "image/png", buffer: fs.readFileSync(png) };
    await expectRedirect(
      await person.post(`/permohonan/${id}/dokumen/${requirement}`, { multipart: { file } }),
      new RegExp(`/permohonan/${id}/dokumen$`),
      `upload requirement ${requirement}`,
    );
  }
  await expectRedirect(
    await person.post(`/permohonan/${id}/ajukan`, { form: {} }),
    new RegExp(`/permohonan/${id}/terkirim$`),
    "submit",
  );

  // The officer of the unit verifies, accepts, approves and completes it.
  await expectRedirect(
    await staff.post("/petugas/masuk", { form: { identifier: officer.nip, password: officer.password, next: "" } }),
    /\/akun$/,
    "officer sign-in",
  );
  for (const action of ["start_verification", "accept_documents", "approve", "complete"]) {
    await expectRedirect(
      await staff.post(`/petugas/permohonan/${id}/langkah`, { form: { action } }),
      new RegExp(`/petugas/permohonan/${id}\\?ok=step$`),
      `officer step ${action}`,
    );
  }
  const made = {
    id,
    citizenCookies: (await person.storageState()).cookies,
    officerCookies: (await staff.storageState()).cookies,
  };
  await person.dispose();
  await staff.dispose();
  return made;
}
