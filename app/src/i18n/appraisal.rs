//! Text of officer scores and appraisals (REFERENCE §4, §5).

crate::catalogue! {
    PERIOD_INVALID => { id: "Tulis periode seperti 2026-S1, 2026-Q1 atau 2026.", en: "Write the period like 2026-S1, 2026-Q1 or 2026." },
    PERIOD_WRONG_KIND => {
        id: "Instansi ini menilai per jenis periode lain (lihat pengaturan periode).",
        en: "This institution appraises in another kind of period (see the period setting).",
    },
    PERIOD_EXISTS => { id: "Periode ini sudah ada.", en: "This period already exists." },
}
