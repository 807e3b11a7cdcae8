//! The rows of the matrix: every endpoint with a concrete request and what each role gets.

use super::*;

/// (method, route template, concrete request path, form body, expectations per role)
pub(super) fn matrix(
    records: Records,
) -> Vec<(
    &'static str,
    &'static str,
    String,
    &'static str,
    &'static str,
)> {
    let target = |s: &str| {
        s.replace("{nip}", TARGET_NIP)
            .replace("{code}", "UNIT-B")
            .replace("{service}", "SVC-A")
            .replace("{mine}", &records.mine.to_string())
            .replace("{other}", &records.other.to_string())
            .replace("{requirement}", &records.requirement.to_string())
            .replace("{document}", &records.document.to_string())
            .replace("{what}", "requirement")
            .replace("{nothing}", "0")
            .replace("{day}", "2026-12-25")
            .replace("{token}", "not-a-token")
            .replace("{list}", "peringkat")
            .replace("{name}", "2026-S1")
    };
    let template_of = |s: &str| {
        s.replace("{service}", "{code}")
            .replace("{mine}", "{id}")
            .replace("{other}", "{id}")
            .replace("{document}", "{id}")
            .replace("{nothing}", "{id}")
    };
    let rows: Vec<(&str, &str, &str, &str)> = vec![
        // Public pages.
        ("GET", "/", "", "OOOOOO"),
        ("GET", "/tentang", "", "OOOOOO"),
        ("GET", "/privasi", "", "OOOOOO"),
        ("GET", "/daftar", "", "OOOOOO"),
        ("GET", "/masuk", "", "OOOOOO"),
        ("GET", "/petugas/masuk", "", "OOOOOO"),
        ("GET", "/lupa-sandi", "", "OOOOOO"),
        ("GET", "/atur-sandi", "", "OOOOOO"),
        ("GET", "/healthz", "", "OOOOOO"),
        ("GET", "/readyz", "", "OOOOOO"),
        // Signed-in pages.
        ("GET", "/akun", "", "SOOOOO"),
        ("GET", "/akun/sandi", "", "SOOOOO"),
        // Admin pages.
        ("GET", "/admin", "", "SFFFFO"),
        ("GET", "/admin/unit", "", "SFFFFO"),
        ("GET", "/admin/pegawai", "", "SFFFFO"),
        ("GET", "/admin/pegawai/baru", "", "SFFFFO"),
        ("GET", "/admin/pegawai/{nip}", "", "SFFFFO"),
        ("GET", "/admin/impor", "", "SFFFFO"),
        ("GET", "/admin/audit", "", "SFFFFO"),
        // Public forms.
        ("POST", "/bahasa", "lang=en&next=/", "OOOOOO"),
        ("POST", "/daftar", "", "OOOOOO"),
        ("POST", "/masuk", "", "OOOOOO"),
        ("POST", "/petugas/masuk", "", "OOOOOO"),
        ("POST", "/lupa-sandi", "", "OOOOOO"),
        ("POST", "/atur-sandi", "", "OOOOOO"),
        // Own account.
        ("POST", "/akun", "", "SOFFFF"),
        ("POST", "/akun/sandi", "", "SOOOOO"),
        // Admin forms.
        ("POST", "/admin/unit", "", "SFFFFO"),
        ("POST", "/admin/unit/{code}/status", "active=1", "SFFFFO"),
        ("POST", "/admin/pegawai/baru", "", "SFFFFO"),
        ("POST", "/admin/pegawai/{nip}", "", "SFFFFO"),
        ("POST", "/admin/pegawai/{nip}/status", "active=1", "SFFFFO"),
        ("POST", "/admin/pegawai/{nip}/aktivasi", "", "SFFFFO"),
        ("POST", "/admin/impor", "", "SFFFFO"),
        // Server functions.
        ("GET", "/api/units", "", "OOOOOO"),
        ("GET", "/api/account/profile", "", "SOOOOO"),
        ("GET", "/api/account/password-link?token=x", "", "OOOOOO"),
        ("GET", "/api/admin/units", "", "SFFFFO"),
        (
            "GET",
            "/api/admin/staff?filter[unit]=&filter[q]=",
            "",
            "SFFFFO",
        ),
        ("GET", "/api/admin/staff-member?nip={nip}", "", "SFFFFO"),
        (
            "GET",
            "/api/admin/audit?actor=&action=&from=&until=&page=0",
            "",
            "SFFFFO",
        ),
        // Service catalog and the public side of applications.
        ("GET", "/layanan", "", "OOOOOO"),
        ("GET", "/layanan/{service}", "", "OOOOOO"),
        ("GET", "/cek-status", "", "OOOOOO"),
        ("POST", "/cek-status", "nomor=X&nik4=0000", "NNNNNN"),
        ("GET", "/verifikasi/{code}", "", "NNNNNN"),
        ("GET", "/api/services?q=", "", "OOOOOO"),
        ("GET", "/api/service?code={service}", "", "OOOOOO"),
        (
            "GET",
            "/api/applications/status?number=X&nik4=0000",
            "",
            "NNNNNN",
        ),
        ("GET", "/api/permits/verify?code=unknown", "", "OOOOOO"),
        // The citizen's side: own application vs someone else's.
        ("GET", "/permohonan", "", "SOFFFF"),
        ("GET", "/api/applications/mine", "", "SOFFFF"),
        ("GET", "/permohonan/{mine}", "", "SOOONN"),
        ("GET", "/permohonan/{other}", "", "SNNNNN"),
        ("GET", "/api/applications/detail?id={mine}", "", "SOOONN"),
        ("GET", "/api/applications/detail?id={other}", "", "SNNNNN"),
        ("GET", "/permohonan/{mine}/isi", "", "SOOONN"),
        ("GET", "/permohonan/{mine}/dokumen", "", "SOOONN"),
        ("GET", "/permohonan/{mine}/periksa", "", "SOOONN"),
        ("GET", "/permohonan/{mine}/terkirim", "", "SOOONN"),
        ("GET", "/permohonan/{mine}/izin", "", "SNNNNN"),
        ("GET", "/permohonan/{mine}/batal", "", "SOOONN"),
        ("GET", "/api/permits/of?id={mine}", "", "SNNNNN"),
        ("GET", "/dokumen/{document}", "", "SOOONN"),
        ("POST", "/layanan/{service}/ajukan", "", "SOFFFF"),
        ("POST", "/permohonan/{mine}/isi", "", "SONNNN"),
        (
            "POST",
            "/permohonan/{mine}/dokumen/{requirement}",
            "",
            "SONNNN",
        ),
        ("POST", "/permohonan/{mine}/ajukan", "", "SONNNN"),
        ("POST", "/permohonan/{mine}/perbaikan", "", "SONNNN"),
        ("POST", "/permohonan/{other}/batal", "", "SNNNNN"),
        // Officers: their unit's queue and cases only.
        ("GET", "/petugas/antrian", "", "SFOOFF"),
        (
            "GET",
            "/api/applications/queue?tab=new&sort=&q=",
            "",
            "SFOOFF",
        ),
        ("GET", "/petugas/permohonan/{mine}", "", "SFOOFF"),
        ("GET", "/petugas/permohonan/{other}", "", "SFNNFF"),
        ("GET", "/petugas/loket", "", "SFOOFF"),
        ("GET", "/api/applications/counter-services", "", "SFOOFF"),
        ("POST", "/petugas/permohonan/{mine}/langkah", "", "SNOONN"),
        (
            "POST",
            "/petugas/permohonan/{other}/langkah",
            "action=reject",
            "SNNNNN",
        ),
        ("POST", "/petugas/permohonan/{mine}/tugaskan", "", "SNOONN"),
        ("POST", "/petugas/permohonan/{other}/tugaskan", "", "SNNNNN"),
        ("POST", "/petugas/loket", "", "SFOOFF"),
        // The satisfaction survey: answering (public), counter invitations (officers),
        // follow-up (supervisors), the published index (public).
        ("GET", "/survei", "", "OOOOOO"),
        ("GET", "/survei/terima-kasih", "", "OOOOOO"),
        ("GET", "/survei/sudah-dijawab", "", "OOOOOO"),
        ("GET", "/survei/{token}", "", "NNNNNN"),
        ("GET", "/survei/{token}/qr.svg", "", "NNNNNN"),
        ("GET", "/api/survey/open?token={token}", "", "OOOOOO"),
        ("POST", "/survei", "", "OOOOOO"),
        ("POST", "/survei/{token}", "u1=4", "NNFFFF"),
        ("GET", "/api/survey/of-application?id={mine}", "", "SOOONN"),
        ("GET", "/api/survey/of-application?id={other}", "", "SNNNNN"),
        ("GET", "/petugas/survei-loket", "", "SFOFFF"),
        ("GET", "/petugas/survei-loket/{nothing}", "", "SFNFFF"),
        ("GET", "/api/survey/counter-slip?id={nothing}", "", "SNNNNN"),
        ("POST", "/petugas/survei-loket", "", "SFOFFF"),
        ("GET", "/petugas/tindak-lanjut", "", "SFFOFF"),
        ("GET", "/api/survey/followup?period=", "", "SFFOFF"),
        (
            "POST",
            "/petugas/tindak-lanjut/{nothing}/tutup",
            "",
            "SFFOFF",
        ),
        ("POST", "/petugas/rencana", "", "SFFOFF"),
        ("POST", "/petugas/rencana/{nothing}", "", "SFFOFF"),
        ("GET", "/ikm", "", "OOOOOO"),
        ("GET", "/ikm/{code}", "", "OOOOOO"),
        ("GET", "/api/ikm/units?period=", "", "OOOOOO"),
        ("GET", "/api/ikm/unit?code={code}&period=", "", "OOOOOO"),
        // Appraisal: the supervisor's officers, the officer's own page; others not even learn
        // that an appraisal exists.
        ("GET", "/petugas/penilaian", "", "SFFOFF"),
        ("GET", "/petugas/penilaian/{nip}", "", "SNNNON"),
        ("GET", "/penilaian/{nip}/cetak", "", "SNNNON"),
        ("GET", "/akun/kinerja", "", "SFOOOO"),
        ("GET", "/api/appraisal/supervised?period=", "", "SFFOFF"),
        ("GET", "/api/appraisal/mine?period=", "", "SFOOOO"),
        ("GET", "/api/appraisal/officer?nip={nip}&period=", "", "SNNNON"),
        ("GET", "/api/appraisal/periods", "", "SFOOOO"),
        ("POST", "/petugas/penilaian/{nip}", "", "SNNNNN"),
        ("POST", "/akun/kinerja/keberatan", "", "SNNNNN"),
        // HR (BKPSDM): the ranking, one officer, periods, follow-up lists and downloads.
        ("GET", "/hr", "", "SFFFOF"),
        ("GET", "/hr/pegawai/{nip}", "", "SFFFOF"),
        ("GET", "/hr/periode", "", "SFFFOF"),
        ("GET", "/hr/tindak-lanjut", "", "SFFFOF"),
        ("GET", "/hr/ekspor/{list}?format=csv", "", "SFFFOF"),
        (
            "GET",
            "/api/hr/ranking?period=&filter[unit]=&filter[service]=&filter[predikat]=&filter[insufficient]=false",
            "",
            "SFFFOF",
        ),
        ("GET", "/api/hr/officer?nip={nip}&period=", "", "SFFFOF"),
        ("GET", "/api/hr/periods?period=", "", "SFFFOF"),
        ("GET", "/api/hr/followup?period=", "", "SFFFOF"),
        ("POST", "/hr/periode", "", "SFFFOF"),
        ("POST", "/hr/periode/{name}/tutup", "", "SFFFNF"),
        ("POST", "/hr/periode/{name}/organisasi", "", "SFFFNF"),
        ("POST", "/hr/keberatan/{nothing}", "", "SFFFNF"),
        ("POST", "/hr/tindak-lanjut/potensi", "", "SFFFOF"),
        // Catalog administration.
        ("GET", "/admin/layanan", "", "SFFFFO"),
        ("GET", "/admin/layanan/baru", "", "SFFFFO"),
        ("GET", "/admin/layanan/{service}", "", "SFFFFO"),
        ("GET", "/admin/libur", "", "SFFFFO"),
        ("GET", "/admin/nomor-izin", "", "SFFFFO"),
        ("GET", "/api/admin/permit-pattern", "", "SFFFFO"),
        ("POST", "/admin/nomor-izin", "", "SFFFFO"),
        ("GET", "/api/admin/services", "", "SFFFFO"),
        ("GET", "/api/holidays", "", "OOOOOO"),
        ("POST", "/admin/layanan/baru", "", "SFFFFO"),
        ("POST", "/admin/layanan/{service}", "", "SFFFFO"),
        ("POST", "/admin/layanan/{service}/persyaratan", "", "SFFFFO"),
        ("POST", "/admin/layanan/{service}/pertanyaan", "", "SFFFFO"),
        (
            "POST",
            "/admin/layanan/{service}/hapus/{what}/{nothing}",
            "",
            "SFFFFN",
        ),
        ("POST", "/admin/libur", "", "SFFFFO"),
        ("POST", "/admin/libur/{day}/hapus", "", "SFFFFN"),
        // The applicant withdraws (changes the record, so after the rows that read it).
        ("POST", "/permohonan/{mine}/batal", "", "SONNNN"),
        // Last: signing out ends each role's session.
        ("POST", "/keluar", "", "OOOOOO"),
    ];
    rows.into_iter()
        .map(|(method, path, body, expect)| {
            let template = template_of(path.split('?').next().unwrap());
            let template: &'static str = Box::leak(template.into_boxed_str());
            (method, template, target(path), body, expect)
        })
        .collect()
}
