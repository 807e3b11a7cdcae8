//! Text of the home page and the about and privacy pages.

crate::catalogue! {
    HOME_TITLE => { id: "Layanan publik tanpa antre", en: "Public services without queues" },
    HOME_LEAD => {
        id: "Ajukan izin secara daring, pantau prosesnya, lalu beri penilaian atas layanan yang Anda terima. Penilaian Anda membantu pemerintah daerah memperbaiki layanan dan menilai petugasnya secara adil.",
        en: "Apply for permits online, follow their progress, then rate the service you received. Your rating helps the local government improve its services and appraise its officers fairly.",
    },
    PILLAR_APPLY_TITLE => { id: "Ajukan izin daring", en: "Apply online" },
    PILLAR_APPLY_BODY => {
        id: "Lihat persyaratan, waktu penyelesaian, dan biaya setiap layanan sebelum mulai, lalu ajukan dari ponsel Anda.",
        en: "See each service's requirements, completion time and fee before you start, then apply from your phone.",
    },
    PILLAR_RATE_TITLE => { id: "Nilai layanan", en: "Rate the service" },
    PILLAR_RATE_BODY => {
        id: "Survei Kepuasan Masyarakat (SKM) sembilan unsur, daring atau lewat kode QR di loket. Jawaban Anda tidak dikaitkan dengan identitas Anda.",
        en: "The nine-element public satisfaction survey (SKM), online or by QR code at the counter. Your answers are never linked to your identity.",
    },
    PILLAR_INDEX_TITLE => { id: "Indeks kepuasan publik", en: "Public satisfaction index" },
    PILLAR_INDEX_BODY => {
        id: "Setiap unit pelayanan menerbitkan Indeks Kepuasan Masyarakat (IKM) menurut PermenPAN-RB 14/2017.",
        en: "Every service unit publishes its public satisfaction index (IKM) under PermenPAN-RB 14/2017.",
    },
    UNITS_TITLE => { id: "Unit pelayanan", en: "Service units" },
    UNITS_FILTER_LABEL => { id: "Cari unit pelayanan", en: "Find a service unit" },
    UNITS_FILTER_HINT => {
        id: "Ketik sebagian nama atau kode unit.",
        en: "Type part of the unit's name or code.",
    },
    UNITS_EMPTY => {
        id: "Belum ada unit pelayanan yang terdaftar.",
        en: "No service units are registered yet.",
    },
    UNITS_NO_MATCH => {
        id: "Tidak ada unit yang cocok dengan pencarian Anda.",
        en: "No unit matches your search.",
    },
    UNITS_COUNT => { id: "{shown} dari {total} unit", en: "{shown} of {total} units" },
    ABOUT_TITLE => { id: "Tentang Sigap", en: "About Sigap" },
    ABOUT_BODY_1 => {
        id: "Sigap menghubungkan tiga kewajiban pemerintah daerah: pelayanan perizinan daring, Survei Kepuasan Masyarakat, dan penilaian kinerja Aparatur Sipil Negara.",
        en: "Sigap links three duties of a local government: online permit services, the public satisfaction survey, and the performance appraisal of civil servants.",
    },
    ABOUT_BODY_2 => {
        id: "Setiap penilaian warga terkait dengan permohonan yang dinilai dan petugas yang melayaninya. Hanya unsur kompetensi (U6) dan perilaku (U7) yang memengaruhi nilai seorang petugas, dengan jumlah responden dan rentang ketidakpastian yang selalu ditampilkan.",
        en: "Every citizen rating is tied to the application it rates and the officers who handled it. Only the competence (U6) and courtesy (U7) elements affect an officer's score, always shown with the number of respondents and its uncertainty.",
    },
    PRIVACY_TITLE => { id: "Pemberitahuan privasi", en: "Privacy notice" },
    PRIVACY_BODY_1 => {
        id: "Kami mengumpulkan NIK, nama, dan kontak Anda hanya untuk memproses permohonan layanan publik (dasar pemrosesan: pelaksanaan pelayanan publik, UU 27/2022 tentang Pelindungan Data Pribadi).",
        en: "We collect your NIK, name and contact details only to process your public-service applications (legal basis: the delivery of public services, Law 27/2022 on Personal Data Protection).",
    },
    PRIVACY_BODY_2 => {
        id: "Mengisi survei kepuasan bersifat sukarela. Jawaban survei disimpan tanpa identitas Anda.",
        en: "Answering the satisfaction survey is voluntary. Survey answers are stored without your identity.",
    },
    PRIVACY_BODY_3 => {
        id: "Setiap kali petugas membuka data pribadi Anda, akses itu dicatat (siapa, apa, kapan). Dokumen identitas disimpan di luar folder publik dan hanya dapat dibuka oleh Anda dan petugas unit yang berwenang.",
        en: "Every time an officer opens your personal data, the access is recorded (who, what, when). Identity documents are stored outside any public folder and can be opened only by you and the responsible unit's staff.",
    },
}
