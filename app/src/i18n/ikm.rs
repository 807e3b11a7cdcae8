//! Text of the published satisfaction index (IKM, REFERENCE §3.4): the all-units overview, a
//! unit's page with its unsur, services, respondent profile, trend and follow-up plan.

crate::catalogue! {
    NAV_IKM => { id: "Indeks kepuasan", en: "Satisfaction index" },
    PILLAR_LINK => { id: "Lihat indeks kepuasan setiap unit", en: "See every unit's satisfaction index" },

    OVERVIEW_TITLE => { id: "Indeks Kepuasan Masyarakat (IKM)", en: "Public satisfaction index (IKM)" },
    OVERVIEW_LEAD => {
        id: "Hasil Survei Kepuasan Masyarakat setiap unit pelayanan, {period}. Pilih unit untuk melihat nilai per unsur, profil responden, dan rencana tindak lanjutnya.",
        en: "Results of the public satisfaction survey of every service unit, {period}. Choose a unit to see its score per unsur, its respondents and its follow-up plan.",
    },
    UNITS_CAPTION => { id: "IKM setiap unit pelayanan, {period}", en: "IKM of every service unit, {period}" },
    UNITS_EMPTY => { id: "Belum ada unit pelayanan.", en: "There are no service units yet." },
    NO_ANSWERS => { id: "Belum ada jawaban", en: "No answers yet" },

    PERIOD_LABEL => { id: "Periode", en: "Period" },
    PERIOD_HINT => {
        id: "Tahun, semester, atau triwulan. Tanpa pilihan: semester berjalan.",
        en: "A year, semester or quarter. Without a choice: the current semester.",
    },
    PERIOD_SHOW => { id: "Tampilkan", en: "Show" },
    PERIOD_YEAR => { id: "Tahun {year}", en: "Year {year}" },
    PERIOD_SEMESTER => { id: "Semester {n} {year}", en: "Semester {n}, {year}" },
    PERIOD_QUARTER => { id: "Triwulan {n} {year}", en: "Quarter {n}, {year}" },
    PERIOD_RANGE => { id: "{from} sampai {until}", en: "{from} to {until}" },

    COL_UNIT => { id: "Unit pelayanan", en: "Service unit" },
    COL_KONVERSI => { id: "IKM konversi", en: "IKM (25–100)" },
    COL_MUTU => { id: "Mutu pelayanan", en: "Service quality (mutu)" },
    COL_KINERJA => { id: "Kinerja unit", en: "Unit performance" },
    COL_RESPONDENTS => { id: "Responden", en: "Respondents" },

    ABOUT_TITLE => { id: "Cara membaca IKM", en: "How to read the IKM" },
    ABOUT_BODY => {
        id: "Warga yang menerima layanan menilai sembilan unsur pelayanan dengan nilai 1 sampai 4. Rata-rata nilai setiap unsur (NRR) dirata-ratakan dengan bobot sama menjadi IKM (skala 1–4), lalu dikalikan 25 menjadi IKM konversi (skala 25–100), sesuai PermenPAN-RB 14/2017.",
        en: "Citizens who received a service rate nine elements (unsur) of it from 1 to 4. The average of each unsur (NRR) is averaged with equal weights into the IKM (1–4 scale), then multiplied by 25 into the converted IKM (25–100 scale), as PermenPAN-RB 14/2017 prescribes.",
    },
    ABOUT_MUTU => {
        id: "Mutu pelayanan ditentukan dari IKM konversi yang sudah dibulatkan dua desimal:",
        en: "The service quality class (mutu) follows from the converted IKM rounded to two decimals:",
    },
    CLASSES_CAPTION => { id: "Mutu pelayanan menurut IKM konversi", en: "Service quality by converted IKM" },

    UNIT_PAGE_TITLE => { id: "IKM {unit}", en: "IKM of {unit}" },
    UNIT_LEAD => {
        id: "Indeks Kepuasan Masyarakat, {period} ({range}).",
        en: "Public satisfaction index, {period} ({range}).",
    },
    UNIT_NO_ANSWERS => {
        id: "Belum ada jawaban survei untuk unit ini pada periode ini.",
        en: "This unit has no survey answers in this period yet.",
    },
    HEADLINE_LABEL => { id: "IKM konversi (skala 25–100)", en: "Converted IKM (25–100 scale)" },
    IKM_SCALE => { id: "IKM (skala 1–4)", en: "IKM (1–4 scale)" },
    RESPONSE_RATE => { id: "Tingkat respons", en: "Response rate" },
    RESPONSE_RATE_VALUE => { id: "{rate}% dari {invitations} undangan", en: "{rate}% of {invitations} invitations" },
    NO_INVITATIONS => { id: "Tidak ada undangan", en: "No invitations" },

    UNSUR_TITLE => { id: "Nilai per unsur", en: "Score per unsur" },
    UNSUR_LEAD => {
        id: "Nilai rata-rata (NRR, skala 1–4) setiap unsur dan mutunya. Panjang batang sebanding dengan NRR × 25.",
        en: "The average score (NRR, 1–4 scale) of each unsur and its grade. Each bar's length is proportional to NRR × 25.",
    },
    UNSUR_CHART => { id: "Grafik nilai per unsur", en: "Chart of the score per unsur" },
    UNSUR_TABLE_CAPTION => { id: "Nilai per unsur dalam angka", en: "Score per unsur in numbers" },
    COL_UNSUR => { id: "Unsur", en: "Unsur" },
    COL_NRR => { id: "NRR", en: "NRR" },
    COL_GRADE => { id: "Mutu", en: "Grade" },
    COL_ANSWERED => { id: "Menjawab", en: "Answered" },
    NOT_ANSWERED => { id: "Tidak dijawab", en: "Not answered" },
    PRIORITY => { id: "Prioritas tindak lanjut", en: "Follow-up priority" },
    PRIORITY_NOTE => {
        id: "Unsur dengan nilai terendah, {unsur}, menjadi prioritas pertama rencana tindak lanjut.",
        en: "The lowest unsur, {unsur}, is the first priority of the follow-up plan.",
    },

    SERVICES_TITLE => { id: "Per jenis layanan", en: "By service type" },
    SERVICES_EMPTY => { id: "Unit ini belum memiliki jenis layanan.", en: "This unit has no service types yet." },
    SERVICES_NOTE => {
        id: "Sampel minimum dihitung dengan rumus Krejcie dan Morgan dari jumlah penerima layanan pada periode sebelumnya.",
        en: "The minimum sample follows the Krejcie and Morgan formula from the number of people served in the previous period.",
    },
    COL_SERVICE => { id: "Jenis layanan", en: "Service type" },
    COL_SAMPLE => { id: "Menuju sampel minimum", en: "Toward the minimum sample" },
    SAMPLE_PROGRESS => { id: "{n} dari {min}", en: "{n} of {min}" },
    SAMPLE_REACHED => { id: "tercapai", en: "reached" },
    SAMPLE_UNKNOWN => {
        id: "Belum dapat dihitung (tidak ada penerima pada periode sebelumnya)",
        en: "Not yet known (nobody was served in the previous period)",
    },

    PROFILE_TITLE => { id: "Profil responden", en: "Respondent profile" },
    PROFILE_LEAD => {
        id: "Jumlah responden per kelompok. Setiap pertanyaan profil boleh tidak diisi.",
        en: "Respondents per group. Every profile question is optional.",
    },
    PROFILE_GENDER => { id: "Jenis kelamin", en: "Gender" },
    PROFILE_AGE => { id: "Umur (tahun)", en: "Age (years)" },
    PROFILE_EDUCATION => { id: "Pendidikan", en: "Education" },
    PROFILE_OCCUPATION => { id: "Pekerjaan", en: "Occupation" },
    COL_GROUP => { id: "Kelompok", en: "Group" },
    COL_COUNT => { id: "Jumlah", en: "Count" },

    TREND_TITLE => { id: "Tren periode terakhir", en: "Trend over the last periods" },
    TREND_CHART => { id: "Grafik tren IKM konversi", en: "Chart of the converted IKM over time" },
    TREND_CAPTION => { id: "IKM konversi per periode", en: "Converted IKM per period" },
    COL_PERIOD => { id: "Periode", en: "Period" },

    PLAN_TITLE => { id: "Rencana tindak lanjut", en: "Follow-up plan" },
    PLAN_LEAD => {
        id: "Perbaikan yang direncanakan unit dari hasil survei periode ini; unsur dengan nilai terendah menjadi prioritas pertama.",
        en: "The improvements the unit plans from this period's results; the lowest-scoring unsur comes first.",
    },
    PLAN_EMPTY => {
        id: "Belum ada rencana tindak lanjut untuk periode ini.",
        en: "There is no follow-up plan for this period yet.",
    },
    PLAN_SUMMARY => { id: "{done} dari {total} tindakan selesai.", en: "{done} of {total} actions done." },
    COL_ACTION => { id: "Tindakan", en: "Action" },
    COL_OWNER => { id: "Penanggung jawab", en: "Responsible" },
    COL_DUE => { id: "Target selesai", en: "Due" },
    COL_STATUS => { id: "Status", en: "Status" },
    COL_PROGRESS => { id: "Perkembangan", en: "Progress" },
    STATUS_PLANNED => { id: "Direncanakan", en: "Planned" },
    STATUS_IN_PROGRESS => { id: "Sedang dikerjakan", en: "In progress" },
    STATUS_DONE => { id: "Selesai", en: "Done" },
    NO_PROGRESS_NOTE => { id: "Belum ada catatan", en: "No note yet" },

    UNIT_NOT_FOUND_TITLE => { id: "Unit tidak ditemukan", en: "Unit not found" },
    UNIT_NOT_FOUND_BODY => {
        id: "Tidak ada unit pelayanan aktif dengan kode ini.",
        en: "No active service unit has this code.",
    },
    PERIOD_NOT_FOUND_TITLE => { id: "Periode tidak dikenal", en: "Unknown period" },
    PERIOD_NOT_FOUND_BODY => {
        id: "Tulis periode sebagai tahun (2026), semester (2026-S1), atau triwulan (2026-Q1).",
        en: "Write a period as a year (2026), a semester (2026-S1) or a quarter (2026-Q1).",
    },
    BACK_TO_OVERVIEW => { id: "Lihat IKM semua unit", en: "See every unit's IKM" },
}
