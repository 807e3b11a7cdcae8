//! Names for generated people and units: common Indonesian given names and family names, and
//! the kinds of offices a regional government has.

pub const GIVEN: &[&str] = &[
    "Agus", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gita", "Hadi", "Indah", "Joko", "Kartika",
    "Lestari", "Maya", "Nur", "Oki", "Putri", "Rahmat", "Sari", "Teguh", "Umi", "Wahyu", "Yanti",
    "Andi", "Bayu", "Dian", "Fajar", "Hendra", "Ika", "Lina", "Rina", "Siti", "Yusuf", "Rizki",
    "Anisa", "Fauzi", "Hana", "Irfan", "Mega", "Nanda", "Reza",
];

pub const FAMILY: &[&str] = &[
    "Siregar",
    "Harahap",
    "Nasution",
    "Lubis",
    "Simanjuntak",
    "Pratama",
    "Santoso",
    "Wijaya",
    "Saputra",
    "Hidayat",
    "Kusuma",
    "Lestari",
    "Purba",
    "Sitompul",
    "Tarigan",
    "Ginting",
    "Marpaung",
    "Hutapea",
    "Rangkuti",
    "Daulay",
    "Setiawan",
    "Gunawan",
    "Permana",
    "Rahayu",
];

pub const OFFICES: &[&str] = &[
    "Dinas Kesehatan",
    "Dinas Pendidikan",
    "Dinas Perhubungan",
    "Dinas Sosial",
    "Dinas Lingkungan Hidup",
    "Dinas Perdagangan",
    "Dinas Koperasi dan UKM",
    "Dinas Tenaga Kerja",
    "Dinas Pariwisata",
    "Dinas Pertanian",
    "Dinas Perikanan",
    "Dinas Pekerjaan Umum",
    "Dinas Pemadam Kebakaran",
    "Dinas Perpustakaan",
    "Dinas Kependudukan",
    "Badan Pendapatan Daerah",
    "Rumah Sakit Umum Daerah",
    "Dinas Pemuda dan Olahraga",
    "Dinas Komunikasi dan Informatika",
    "Satpol PP",
];

pub const SERVICES: &[(&str, &str)] = &[
    ("Rekomendasi izin usaha", "Business permit recommendation"),
    ("Surat keterangan", "Certificate"),
    ("Izin operasional", "Operating permit"),
    ("Pendaftaran", "Registration"),
    ("Legalisir dokumen", "Document legalisation"),
    ("Izin kegiatan", "Activity permit"),
    ("Rekomendasi teknis", "Technical recommendation"),
    ("Pelayanan pengaduan", "Complaint service"),
];
