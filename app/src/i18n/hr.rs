//! Text of HR's (BKPSDM) pages: the ranking, one officer, contests and rulings, periods and
//! distribution, the career follow-up lists and their downloads (REFERENCE §4, §5.3).

use super::{I18n, Lang};
use crate::domain::appraisal::{OrgRating, PerformanceLevel, Potential, Predikat};
use crate::domain::officer_score::Expectation;
use crate::domain::skm::Unsur;

crate::catalogue! {
    NAV_HR => { id: "Kinerja pegawai", en: "Staff performance" },
    TAB_RANKING => { id: "Peringkat", en: "Ranking" },
    TAB_PERIODS => { id: "Periode dan distribusi", en: "Periods and distribution" },
    TAB_FOLLOWUP => { id: "Tindak lanjut karier", en: "Career follow-up" },
    TABS_LABEL => { id: "Halaman BKPSDM", en: "HR pages" },
    DASHBOARD_TITLE => { id: "Nilai layanan dan penilaian pegawai", en: "Service scores and staff appraisals" },
    DASHBOARD_LEAD => {
        id: "Pegawai diurutkan menurut nilai yang disesuaikan ke rata-rata unitnya. Setiap angka disertai jumlah jawaban (n) dan selang kepercayaan 95%; di bawah jumlah minimal jawaban tidak ada angka maupun saran.",
        en: "Officers are ranked by their score adjusted toward their unit's mean. Every number comes with its number of answers (n) and 95% interval; below the minimum number of answers there is no number and no suggestion.",
    },
    PERIOD_LABEL => { id: "Periode", en: "Period" },
    PERIOD_HINT => { id: "Contoh: 2026-S1, 2026-Q1 atau 2026.", en: "For example 2026-S1, 2026-Q1 or 2026." },
    PERIOD_SUBMIT => { id: "Tampilkan", en: "Show" },
    PERIOD_NOT_STORED => {
        id: "Periode {period} belum dibuka: nilai layanan ditampilkan, tetapi belum ada penilaian.",
        en: "Period {period} has not been opened: service scores are shown, but there are no appraisals yet.",
    },
    PERIOD_CLOSED_NOTE => { id: "Periode {period} sudah ditutup: penilaiannya hanya dapat dibaca.", en: "Period {period} is closed: its appraisals are read-only." },
    PERIOD_OPEN_NOTE => { id: "Periode {period} terbuka: penilaian masih dapat diisi.", en: "Period {period} is open: appraisals can still be written." },
    FILTERS_LABEL => { id: "Saring daftar", en: "Filter the list" },
    FILTER_UNIT => { id: "Unit", en: "Unit" },
    FILTER_ALL_UNITS => { id: "Semua unit", en: "All units" },
    FILTER_SERVICE => { id: "Jenis layanan", en: "Service type" },
    FILTER_SERVICE_HINT => { id: "Pegawai yang menerima jawaban survei untuk layanan ini.", en: "Officers credited with survey answers for this service." },
    FILTER_ALL_SERVICES => { id: "Semua layanan", en: "All services" },
    FILTER_PREDIKAT => { id: "Predikat", en: "Predikat" },
    FILTER_ALL_PREDIKAT => { id: "Semua predikat", en: "Any predikat" },
    FILTER_NOT_APPRAISED => { id: "Belum dinilai", en: "Not appraised" },
    FILTER_INSUFFICIENT => { id: "Hanya yang datanya belum cukup", en: "Only those without enough data" },
    FILTER_APPLY => { id: "Terapkan", en: "Apply" },
    FILTER_RESET => { id: "Hapus filter", en: "Clear filters" },
    COL_RANK => { id: "Urutan", en: "Rank" },
    COL_OFFICER => { id: "Pegawai", en: "Officer" },
    COL_NIP => { id: "NIP", en: "NIP" },
    COL_NAME => { id: "Nama", en: "Name" },
    COL_UNIT => { id: "Unit", en: "Unit" },
    COL_UNIT_NAME => { id: "Nama unit", en: "Unit name" },
    COL_N => { id: "n (jawaban)", en: "n (answers)" },
    COL_SHRUNK => { id: "Nilai disesuaikan", en: "Adjusted score" },
    COL_MEAN => { id: "Rata-rata mentah", en: "Raw mean" },
    COL_CI_LOW => { id: "Batas bawah 95%", en: "95% lower bound" },
    COL_CI_HIGH => { id: "Batas atas 95%", en: "95% upper bound" },
    COL_UNIT_MEAN => { id: "Rata-rata unit", en: "Unit mean" },
    COL_SUGGESTION => { id: "Saran portal", en: "Portal's suggestion" },
    COL_RATE => { id: "Tingkat respons (%)", en: "Response rate (%)" },
    COL_PREDIKAT => { id: "Predikat", en: "Predikat" },
    COL_STATUS => { id: "Status", en: "Status" },
    COL_PERIOD => { id: "Periode", en: "Period" },
    COL_HASIL => { id: "Hasil kerja", en: "Work results" },
    COL_PERILAKU => { id: "Perilaku kerja", en: "Work behaviour" },
    COL_SUPERVISOR => { id: "Pejabat penilai", en: "Appraiser" },
    COL_SCORE_THEN => { id: "Nilai layanan saat dinilai", en: "Service score when appraised" },
    COL_DAYS => { id: "Tanggal", en: "Dates" },
    COL_ACTIONS => { id: "Tindakan", en: "Actions" },
    INSUFFICIENT => { id: "data belum cukup", en: "not enough data" },
    INSUFFICIENT_HEADING => { id: "Data belum cukup ({count})", en: "Not enough data ({count})" },
    INSUFFICIENT_LEAD => {
        id: "Kurang dari {min} jawaban dalam periode ini: tidak ada angka dan tidak ada saran.",
        en: "Fewer than {min} answers in this period: no number and no suggestion.",
    },
    N_OF_MIN => { id: "{n} dari minimal {min} jawaban", en: "{n} of at least {min} answers" },
    RANKED_HEADING => { id: "Peringkat ({count} pegawai)", en: "Ranking ({count} officers)" },
    RANKED_EMPTY => { id: "Tidak ada pegawai dengan data cukup untuk pilihan ini.", en: "No officer with enough data for this selection." },
    NOT_APPRAISED => { id: "belum dinilai", en: "not appraised" },
    NO_RATE => { id: "tanpa undangan", en: "no invitations" },
    N_AND_INTERVAL => { id: "n = {n} · selang 95%: {low}–{high}", en: "n = {n} · 95% interval: {low}–{high}" },
    RAW_MEAN => { id: "mentah {mean}", en: "raw {mean}" },
    CHART_HEADING => { id: "Sebaran predikat", en: "Distribution of predikat" },
    CHART_CAPTION => {
        id: "{appraised} dari {total} pegawai yang ditampilkan sudah dinilai.",
        en: "{appraised} of the {total} officers shown have been appraised.",
    },
    PENDING_HEADING => { id: "Keberatan menunggu keputusan ({count})", en: "Contests awaiting a ruling ({count})" },
    PENDING_ITEM => { id: "periode {period}, diajukan {filed}", en: "period {period}, filed {filed}" },
    DOWNLOAD_XLSX => { id: "Unduh XLSX", en: "Download XLSX" },
    DOWNLOAD_CSV => { id: "Unduh CSV", en: "Download CSV" },
    LIST_RANKING => { id: "Peringkat", en: "Ranking" },
    LIST_AWARDS => { id: "Kandidat penghargaan", en: "Award candidates" },
    LIST_TRAINING => { id: "Kebutuhan pelatihan", en: "Training needs" },
    LIST_IMPROVEMENT => { id: "Rencana perbaikan", en: "Improvement plans" },
    LIST_TALENT => { id: "Kotak talenta", en: "Talent grid" },
    LIST_CREDIT => { id: "Angka kredit", en: "Credit points" },
    WITH_COUNT => { id: "{title} ({count})", en: "{title} ({count})" },
    YES => { id: "Ya", en: "Yes" },
    NO => { id: "Tidak", en: "No" },
    BACK_TO_RANKING => { id: "Kembali ke peringkat", en: "Back to the ranking" },
    OFFICER_LEAD => { id: "NIP {nip} · {unit}", en: "NIP {nip} · {unit}" },
    HISTORY_HEADING => { id: "Riwayat penilaian", en: "Appraisal history" },
    HISTORY_EMPTY => { id: "Belum ada periode penilaian.", en: "No appraisal periods yet." },
    PRINT_SHEET => { id: "Lembar penilaian (cetak)", en: "Appraisal sheet (print)" },
    CONTESTS_HEADING => { id: "Keberatan", en: "Contests" },
    CONTESTS_EMPTY => { id: "Pegawai ini belum mengajukan keberatan.", en: "This officer has not contested an appraisal." },
    CONTEST_FILED => { id: "Periode {period} · diajukan {when}", en: "Period {period} · filed {when}" },
    CONTEST_REASON => { id: "Alasan pegawai", en: "The officer's reason" },
    CONTEST_CURRENT => {
        id: "Penilaian sekarang: hasil kerja {hasil}, perilaku kerja {perilaku}, predikat {predikat}.",
        en: "Appraisal now: work results {hasil}, work behaviour {perilaku}, predikat {predikat}.",
    },
    RULING_LEGEND => { id: "Keputusan BKPSDM", en: "HR's ruling" },
    RULING_UPHOLD => { id: "Pertahankan penilaian", en: "Uphold the appraisal" },
    RULING_CHANGE => { id: "Ubah penilaian", en: "Change the appraisal" },
    RULING_HASIL => { id: "Hasil kerja baru", en: "New work results" },
    RULING_PERILAKU => { id: "Perilaku kerja baru", en: "New work behaviour" },
    RULING_CHANGE_HINT => { id: "Hanya jika penilaian diubah. Predikat dihitung ulang dari matriks.", en: "Only when the appraisal is changed. The predikat is recomputed from the matrix." },
    RULING_CHOOSE => { id: "Pilih…", en: "Choose…" },
    RULING_REASON => { id: "Alasan keputusan", en: "Reason for the ruling" },
    RULING_REASON_HINT => {
        id: "Paling sedikit {min} karakter. Dicatat di log audit dan ditunjukkan kepada pegawai.",
        en: "At least {min} characters. Written to the audit log and shown to the officer.",
    },
    RULING_SUBMIT => { id: "Simpan keputusan", en: "Save the ruling" },
    DECIDED_UPHELD => { id: "Penilaian dipertahankan.", en: "The appraisal was upheld." },
    DECIDED_CHANGED => {
        id: "Penilaian diubah: hasil kerja {hasil}, perilaku kerja {perilaku}.",
        en: "The appraisal was changed: work results {hasil}, work behaviour {perilaku}.",
    },
    DECIDED_BY => { id: "Diputuskan {when} oleh {who}", en: "Decided {when} by {who}" },
    RULING_DECISION_REQUIRED => { id: "Pilih apakah penilaian dipertahankan atau diubah.", en: "Choose whether to uphold or change the appraisal." },
    RULING_REASON_REQUIRED => { id: "Tulis alasan keputusan.", en: "Write the reason for the ruling." },
    RULING_REASON_SHORT => {
        id: "Alasan keputusan paling sedikit {min} karakter (sekarang {n}).",
        en: "The reason must be at least {min} characters (now {n}).",
    },
    RULING_HASIL_REQUIRED => { id: "Pilih hasil kerja yang baru.", en: "Choose the new work results." },
    RULING_PERILAKU_REQUIRED => { id: "Pilih perilaku kerja yang baru.", en: "Choose the new work behaviour." },
    RULING_ALREADY => { id: "Keberatan ini sudah diputuskan.", en: "This contest has already been decided." },
    RULING_OWN => { id: "Anda tidak dapat memutus keberatan atas penilaian Anda sendiri.", en: "You cannot rule on a contest of your own appraisal." },
    RULING_SAME => {
        id: "Nilai baru sama dengan penilaian sekarang. Pilih nilai lain, atau pertahankan penilaian.",
        en: "The new ratings equal the current ones. Choose others, or uphold the appraisal.",
    },
    PERIODS_TITLE => { id: "Periode penilaian", en: "Appraisal periods" },
    PERIODS_LEAD => {
        id: "BKPSDM membuka dan menutup periode. Setelah ditutup, penilaian periode itu hanya dapat dibaca; keberatan tetap diputuskan di sini.",
        en: "HR opens and closes periods. Once closed, a period's appraisals are read-only; contests are still decided here.",
    },
    OPEN_HEADING => { id: "Buka periode", en: "Open a period" },
    OPEN_NAME => { id: "Nama periode", en: "Period name" },
    OPEN_HINT => { id: "Instansi ini menilai per {kind}. Contoh: {example}.", en: "This institution appraises per {kind}. For example: {example}." },
    KIND_SEMESTER => { id: "semester", en: "semester" },
    KIND_QUARTER => { id: "triwulan", en: "quarter" },
    KIND_YEAR => { id: "tahun", en: "year" },
    OPEN_SUBMIT => { id: "Buka periode", en: "Open the period" },
    CLOSE_SUBMIT => { id: "Tutup periode", en: "Close the period" },
    CLOSE_HINT => { id: "Setelah ditutup, penilaian periode ini hanya dapat dibaca.", en: "Once closed, this period's appraisals are read-only." },
    STATE_OPEN => { id: "Terbuka", en: "Open" },
    STATE_CLOSED => { id: "Ditutup", en: "Closed" },
    PERIODS_EMPTY => { id: "Belum ada periode penilaian.", en: "No appraisal periods yet." },
    PERIOD_NOT_OPENED => { id: "Buka periode ini terlebih dahulu.", en: "Open this period first." },
    DIST_HEADING => { id: "Predikat organisasi dan distribusi — {period}", en: "Organisation rating and distribution — {period}" },
    DIST_LEAD => {
        id: "Predikat organisasi membatasi sebaran predikat pegawai (PermenPAN-RB 6/2022). Portal memberi peringatan; keputusan tetap pada pejabat penilai.",
        en: "The organisation's rating bounds how staff predikat may be spread (PermenPAN-RB 6/2022). The portal warns; the appraisers decide.",
    },
    COL_ORG_RATING => { id: "Predikat organisasi", en: "Organisation rating" },
    COL_COUNTS => { id: "Predikat pegawai", en: "Staff predikat" },
    COL_WARNINGS => { id: "Pola distribusi", en: "Distribution pattern" },
    ORG_NOT_SET => { id: "Belum ditetapkan", en: "Not set" },
    ORG_SUBMIT => { id: "Simpan predikat", en: "Save rating" },
    ORG_RATING_REQUIRED => { id: "Pilih predikat organisasi.", en: "Choose the organisation rating." },
    DIST_OK => { id: "Sesuai pola distribusi.", en: "Within the distribution pattern." },
    DIST_NO_RATING => { id: "Tetapkan predikat organisasi untuk memeriksa distribusi.", en: "Set the organisation rating to check the distribution." },
    DIST_NONE_APPRAISED => { id: "Belum ada pegawai yang dinilai.", en: "No staff appraised yet." },
    DIST_NO_PERIOD => { id: "Buka periode terlebih dahulu untuk menetapkan predikat organisasi.", en: "Open a period first to set organisation ratings." },
    WARN_AT_MOST => { id: "{group}: paling banyak {percent}% — sekarang {count} dari {total}.", en: "{group}: at most {percent}% — now {count} of {total}." },
    WARN_AT_LEAST => { id: "{group}: paling sedikit {percent}% — sekarang {count} dari {total}.", en: "{group}: at least {percent}% — now {count} of {total}." },
    WARN_AT_LEAST_ONE => { id: "Harus ada paling sedikit satu {group} — sekarang {count} dari {total}.", en: "At least one {group} is required — now {count} of {total}." },
    OR => { id: "atau", en: "or" },
    FOLLOWUP_TITLE => { id: "Tindak lanjut karier", en: "Career follow-up" },
    FOLLOWUP_LEAD => {
        id: "Daftar yang dibaca BKPSDM dari hasil penilaian periode ini (PermenPAN-RB 6/2022).",
        en: "The lists HR reads off this period's appraisals (PermenPAN-RB 6/2022).",
    },
    NO_APPRAISALS => { id: "Belum ada penilaian dalam periode ini.", en: "No appraisals in this period yet." },
    LIST_EMPTY => { id: "Tidak ada.", en: "None." },
    AWARDS_LEAD => {
        id: "Predikat Sangat Baik dalam periode ini. Kelompok suksesi: Sangat Baik dua tahun berturut-turut (setiap penilaian dalam tahun itu Sangat Baik).",
        en: "Sangat Baik in this period. Succession pool: Sangat Baik two years running (every appraisal of each year Sangat Baik).",
    },
    COL_SUCCESSION => { id: "Kelompok suksesi", en: "Succession pool" },
    COL_HISTORY => { id: "Riwayat predikat", en: "Predikat history" },
    TRAINING_LEAD => {
        id: "Unsur terlemah pegawai (U6 kompetensi atau U7 perilaku pelaksana) di samping unsur terlemah unitnya dan perilaku kerja yang dinilai atasan. Hanya pegawai dengan data cukup.",
        en: "The officer's weaker unsur (U6 competence or U7 courtesy) beside their unit's weakest unsur and the work behaviour their supervisor rated. Only officers with enough data.",
    },
    COL_U6 => { id: "NRR U6", en: "NRR U6" },
    COL_U7 => { id: "NRR U7", en: "NRR U7" },
    COL_WEAKEST => { id: "Unsur terlemah", en: "Weakest unsur" },
    COL_WEAKEST_NRR => { id: "NRR unsur terlemah", en: "NRR of the weakest unsur" },
    COL_UNIT_WEAKEST => { id: "Unsur terlemah unit", en: "Unit's weakest unsur" },
    COL_UNIT_WEAKEST_NRR => { id: "NRR unsur terlemah unit", en: "NRR of the unit's weakest unsur" },
    COL_PRIORITY => { id: "Prioritas", en: "Priority" },
    PRIORITY => { id: "prioritas", en: "priority" },
    IMPROVEMENT_LEAD => {
        id: "Butuh Perbaikan, Kurang/Misconduct atau Sangat Kurang: enam bulan untuk memperbaiki kinerja sejak periode berakhir.",
        en: "Butuh Perbaikan, Kurang/Misconduct or Sangat Kurang: six months to improve from the end of the period.",
    },
    COL_DUE => { id: "Batas waktu", en: "Due" },
    TALENT_LEAD => {
        id: "Kinerja dari predikat, potensi diisi BKPSDM. Kotak 7–9 adalah kelompok promosi.",
        en: "Performance from the predikat, potential entered by HR. Boxes 7–9 are the promotion pool.",
    },
    GRID_CAPTION => { id: "Jumlah pegawai per kotak (kinerja × potensi)", en: "Officers per box (performance × potential)" },
    COL_PERFORMANCE => { id: "Kinerja", en: "Performance" },
    COL_POTENTIAL => { id: "Potensi", en: "Potential" },
    COL_BOX => { id: "Kotak", en: "Box" },
    COL_POOL => { id: "Kelompok promosi", en: "Promotion pool" },
    POTENTIAL_NONE => { id: "Belum diisi", en: "Not entered" },
    POTENTIAL_SUBMIT => { id: "Simpan potensi", en: "Save potential" },
    POTENTIAL_REQUIRED => { id: "Pilih potensi.", en: "Choose the potential." },
    POTENTIAL_OF => { id: "Potensi {name}", en: "Potential of {name}" },
    CREDIT_LEAD => {
        id: "Untuk jabatan fungsional: persentase koefisien tahunan menurut predikat (Sangat Baik 150%, Baik 100%, Butuh Perbaikan 75%, Kurang 50%, Sangat Kurang 25%).",
        en: "For functional positions: the share of the annual coefficient by predikat (Sangat Baik 150%, Baik 100%, Butuh Perbaikan 75%, Kurang 50%, Sangat Kurang 25%).",
    },
    COL_PERCENT => { id: "Persentase koefisien", en: "Share of the coefficient" },
}

/// The predikat as the regulation names it (Indonesian) or in English.
pub fn predikat(i18n: I18n, p: Predikat) -> &'static str {
    match i18n.lang {
        Lang::Id => p.label_id(),
        Lang::En => p.label_en(),
    }
}

/// A rating or suggestion ("di atas ekspektasi").
pub fn expectation(i18n: I18n, e: Expectation) -> &'static str {
    match i18n.lang {
        Lang::Id => e.label_id(),
        Lang::En => e.label_en(),
    }
}

/// An organisation rating.
pub fn org_rating(i18n: I18n, r: OrgRating) -> &'static str {
    match i18n.lang {
        Lang::Id => r.label_id(),
        Lang::En => r.label_en(),
    }
}

/// A potential level.
pub fn potential(i18n: I18n, p: Potential) -> &'static str {
    match i18n.lang {
        Lang::Id => p.label_id(),
        Lang::En => p.label_en(),
    }
}

/// A performance level of the talent grid.
pub fn performance(i18n: I18n, p: PerformanceLevel) -> &'static str {
    match i18n.lang {
        Lang::Id => p.label_id(),
        Lang::En => p.label_en(),
    }
}

/// An unsur's name.
pub fn unsur(i18n: I18n, u: Unsur) -> &'static str {
    match i18n.lang {
        Lang::Id => u.name_id(),
        Lang::En => u.name_en(),
    }
}
