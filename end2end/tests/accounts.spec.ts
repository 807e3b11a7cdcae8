// Accounts in a real browser, with JavaScript on (desktop and phone) and off:
// a citizen registers, signs out and in again; an admin creates an officer, who activates the
// account through the emailed link and signs in.
import { expect, test } from "@playwright/test";
import * as fs from "fs";
import * as path from "path";
import { clickInHeader, snap, dataDir } from "./helpers";

const suffix: Record<string, string> = { js: "11", phone: "12", nojs: "13" };
const password = "teh hangat di pagi hari";

function ids(projectName: string) {
  const n = suffix[projectName] ?? "19";
  return {
    nik: `31710115059000${n}`,
    email: `warga${n}@example.id`,
    nip: `1995050520201210${n}`,
    officerEmail: `petugas${n}@kota.go.id`,
  };
}

test("a citizen registers, signs out, and signs in again", async ({ page }, testInfo) => {
  const me = ids(testInfo.project.name);
  await page.goto("/daftar");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Buat akun");

  // A mistake first: the form says what is wrong and keeps what was typed.
  await page.getByLabel("Nama lengkap").fill("Rina Wulandari");
  await page.getByLabel("NIK", { exact: true }).fill("3171019905900011");
  await page.getByRole("button", { name: "Buat akun" }).click();
  const summary = page.getByRole("alert");
  await expect(summary).toContainText("Ada masalah");
  await expect(summary).toContainText("Tanggal lahir pada NIK");
  await expect(summary).toContainText("Isi email atau nomor ponsel");
  await expect(summary).toContainText("Centang persetujuan");
  await expect(page.getByLabel("Nama lengkap")).toHaveValue("Rina Wulandari");
  await snap(page, testInfo, "register-errors");
  // The summary links to the field.
  await summary.getByRole("link", { name: /Tanggal lahir pada NIK/ }).click();
  await expect(page).toHaveURL(/#f-nik$/);

  await page.getByLabel("NIK", { exact: true }).fill(me.nik);
  await page.getByLabel(/^Email/).fill(me.email);
  await page.getByLabel("Kata sandi", { exact: true }).fill(password);
  await page.getByLabel("Ulangi kata sandi").fill(password);
  await page.getByLabel("Saya setuju").check();
  await page.getByRole("button", { name: "Buat akun" }).click();

  await expect(page).toHaveURL(/\/akun\?ok=registered$/);
  await expect(page.getByTestId("flash")).toContainText("Akun Anda sudah dibuat");
  await expect(page.getByTestId("nik-masked")).toHaveText(`3171••••••••00${suffix[testInfo.project.name] ?? "19"}`);
  await snap(page, testInfo, "account");

  await signOut(page);
  await expect(page.getByTestId("flash")).toContainText("Anda sudah keluar");

  await page.goto("/akun");
  await expect(page).toHaveURL(/\/masuk\?next=%2Fakun|\/masuk\?next=\/akun/);
  await page.getByLabel("NIK atau email").fill(me.nik);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).last().click();
  await expect(page).toHaveURL(/\/akun$/);
  await expect(page.getByLabel("Nama lengkap")).toHaveValue("Rina Wulandari");
  await signOut(page);
});

test("sign-in errors are clear and in the visitor's language", async ({ page }) => {
  await page.goto("/masuk");
  await page.context().addCookies([{ name: "sigap_lang", value: "en", url: page.url() }]);
  await page.goto("/masuk");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  await page.getByLabel("NIK or email").fill("3171011505900003");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).last().click();
  await expect(page.getByRole("alert")).toContainText("The NIK/NIP/email or password is wrong.");
  await expect(page.getByLabel("NIK or email")).toHaveValue("3171011505900003");
  await expect(page.getByLabel("Password")).toHaveValue("");
});

test("an admin creates an officer, who activates the account by email", async ({ page }, testInfo) => {
  const me = ids(testInfo.project.name);
  await page.goto("/petugas/masuk");
  await page.getByLabel("NIP atau email").fill("198001012005011001");
  await page.getByLabel("Kata sandi").fill("demo-admin-sigap");
  await page.getByRole("button", { name: "Masuk" }).last().click();
  await expect(page).toHaveURL(/\/akun$/);

  await page.goto("/admin/pegawai/baru");
  await page.getByLabel("NIP", { exact: true }).fill(me.nip);
  await page.getByLabel("Nama").fill("Yusuf Maulana");
  await page.getByLabel("Unit").selectOption("DPMPTSP");
  await page.getByLabel("Petugas").check();
  await page.getByLabel(/NIP pejabat penilai/).fill("197805102003121001");
  await page.getByLabel(/Email dinas/).fill(me.officerEmail);
  await page.getByRole("button", { name: "Simpan" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/pegawai/${me.nip}\\?ok=staff-created$`));
  await expect(page.getByTestId("flash")).toContainText("Pegawai sudah ditambahkan");
  await expect(page.getByText("Belum aktivasi").first()).toBeVisible();
  await snap(page, testInfo, "admin-staff-created");
  await signOut(page);

  const link = await activationLink(me.officerEmail);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Buat kata sandi baru");
  await page.getByLabel("Kata sandi baru").fill(password);
  await page.getByLabel("Ulangi kata sandi").fill(password);
  await page.getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(page.getByTestId("flash")).toContainText("Kata sandi baru sudah disimpan");

  await page.goto("/petugas/masuk");
  await page.getByLabel("NIP atau email").fill(me.nip);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).last().click();
  await expect(page).toHaveURL(/\/akun$/);
  await expect(page.getByText("Yusuf Maulana")).toBeVisible();
  await signOut(page);
});

async function signOut(page: import("@playwright/test").Page) {
  await clickInHeader(page, page.getByRole("button", { name: "Keluar" }));
}

/** Reads the activation link from the development mailbox the server writes to. */
async function activationLink(recipient: string): Promise<string> {
  const dir = path.join(dataDir(), "mailbox");
  for (let attempt = 0; attempt < 50; attempt++) {
    if (fs.existsSync(dir)) {
      for (const file of fs.readdirSync(dir)) {
        const text = fs.readFileSync(path.join(dir, file), "utf8");
        if (text.includes(`To: ${recipient}`)) {
          const match = text.match(/https?:\/\/\S+\/atur-sandi\?t=\S+/);
          if (match) return new URL(match[0]).pathname + new URL(match[0]).search;
        }
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no activation mail for ${recipient}`);
}
