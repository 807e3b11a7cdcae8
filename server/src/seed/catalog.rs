//! The demo city's service catalog: the sample services plus a few more, each with its
//! requirements and questions, and the 2026 national holidays.

use anyhow::Context;
use app::auth::{Role, Viewer};
use app::i18n::{I18n, Lang};
use app::server::accounts::RequestMeta;
use app::server::calendar::{add_holiday, HolidayInput};
use app::server::catalog::admin::{
    add_field, add_requirement, save_service, FieldInput, RequirementInput, ServiceInput,
};
use app::server::state::AppState;

/// One demo service: code, unit, names, days, fee, product, permit code, requirements, questions.
struct DemoService {
    code: &'static str,
    unit: &'static str,
    name_id: &'static str,
    name_en: &'static str,
    description_id: &'static str,
    description_en: &'static str,
    days: u32,
    fee: u32,
    product_id: &'static str,
    product_en: &'static str,
    permit_code: &'static str,
    legal: &'static str,
    requirements: &'static [(&'static str, &'static str, &'static str)],
    fields: &'static [(&'static str, &'static str, &'static str, &'static str)],
}

const COMPLAINT: &str = "Loket pengaduan DPMPTSP, email pengaduan@kota.example.go.id, atau SP4N-LAPOR! (lapor.go.id). Ditanggapi paling lambat 5 hari kerja.";

const SERVICES: &[DemoService] = &[
    DemoService {
        code: "SIUMK", unit: "DPMPTSP", name_id: "Izin Usaha Mikro Kecil", name_en: "Micro and Small Business Permit",
        description_id: "Izin bagi usaha mikro dan kecil untuk menjalankan usaha secara resmi dan mengakses pembiayaan.",
        description_en: "A permit for micro and small businesses to operate officially and access financing.",
        days: 3, fee: 0, product_id: "Surat Izin Usaha Mikro Kecil (IUMK)", product_en: "Micro and Small Business Permit (IUMK)",
        permit_code: "IUMK", legal: "Peraturan Presiden Nomor 98 Tahun 2014 tentang Perizinan untuk Usaha Mikro dan Kecil",
        requirements: &[("Fotokopi KTP pemilik usaha", "Owner's ID card (KTP)", "pdf,jpeg,png"), ("Foto lokasi usaha", "Photo of the business premises", "jpeg,png")],
        fields: &[("Nama usaha", "Business name", "text", ""), ("Jenis usaha", "Kind of business", "choice", "Warung\nToko\nJasa\nProduksi rumahan"), ("Modal usaha (rupiah)", "Business capital (rupiah)", "number", "")],
    },
    DemoService {
        code: "PBG", unit: "DPMPTSP", name_id: "Persetujuan Bangunan Gedung", name_en: "Building Approval (PBG)",
        description_id: "Persetujuan untuk membangun baru, mengubah, memperluas, atau merawat bangunan gedung sesuai standar teknis.",
        description_en: "Approval to build, alter, extend or maintain a building according to technical standards.",
        days: 14, fee: 0, product_id: "Dokumen Persetujuan Bangunan Gedung", product_en: "Building Approval document",
        permit_code: "PBG", legal: "Peraturan Pemerintah Nomor 16 Tahun 2021",
        requirements: &[("Fotokopi KTP pemohon", "Applicant's ID card (KTP)", "pdf,jpeg,png"), ("Bukti kepemilikan tanah", "Proof of land ownership", "pdf"), ("Gambar rencana bangunan", "Building plans", "pdf")],
        fields: &[("Luas bangunan (m²)", "Floor area (m²)", "number", ""), ("Jumlah lantai", "Number of floors", "number", ""), ("Fungsi bangunan", "Use of the building", "choice", "Hunian\nUsaha\nSosial budaya")],
    },
    DemoService {
        code: "REKLAME", unit: "DPMPTSP", name_id: "Izin Penyelenggaraan Reklame", name_en: "Advertisement Permit",
        description_id: "Izin memasang reklame (papan nama, baliho, spanduk) di wilayah kota.",
        description_en: "A permit to put up advertising (signboards, billboards, banners) in the city.",
        days: 5, fee: 150_000, product_id: "Surat Izin Reklame", product_en: "Advertisement permit",
        permit_code: "SIPR", legal: "Peraturan Daerah tentang Penyelenggaraan Reklame",
        requirements: &[("Fotokopi KTP", "ID card (KTP)", "pdf,jpeg,png"), ("Desain reklame", "Advertisement design", "pdf,jpeg,png")],
        fields: &[("Ukuran reklame (m²)", "Size (m²)", "number", ""), ("Lokasi pemasangan", "Location", "text", ""), ("Mulai tayang", "Display from", "date", "")],
    },
    DemoService {
        code: "SIP-NAKES", unit: "DINKES", name_id: "Surat Izin Praktik Tenaga Kesehatan", name_en: "Health Practitioner Practice Permit",
        description_id: "Izin praktik bagi tenaga kesehatan di fasilitas pelayanan kesehatan di kota.",
        description_en: "A practice permit for health practitioners working at health facilities in the city.",
        days: 7, fee: 0, product_id: "Surat Izin Praktik (SIP)", product_en: "Practice permit (SIP)",
        permit_code: "SIP", legal: "Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan",
        requirements: &[("Surat Tanda Registrasi (STR)", "Registration certificate (STR)", "pdf"), ("Surat keterangan dari fasilitas kesehatan", "Letter from the health facility", "pdf")],
        fields: &[("Nama fasilitas kesehatan", "Health facility", "text", ""), ("Profesi", "Profession", "choice", "Dokter\nDokter gigi\nBidan\nPerawat\nApoteker")],
    },
    DemoService {
        code: "KTP-EL", unit: "DISDUKCAPIL", name_id: "Penerbitan KTP Elektronik", name_en: "Electronic ID Card (KTP-el)",
        description_id: "Penerbitan KTP elektronik baru, pengganti yang hilang atau rusak, atau karena perubahan data.",
        description_en: "Issuing a new electronic ID card, replacing a lost or damaged one, or after a change of data.",
        days: 1, fee: 0, product_id: "KTP elektronik", product_en: "Electronic ID card",
        permit_code: "KTP", legal: "Undang-Undang Nomor 24 Tahun 2013 tentang Administrasi Kependudukan",
        requirements: &[("Kartu Keluarga", "Family card (KK)", "pdf,jpeg,png")],
        fields: &[("Alasan permohonan", "Reason", "choice", "Baru\nHilang\nRusak\nPerubahan data")],
    },
    DemoService {
        code: "DOMISILI", unit: "KEC-MEDAN-KOTA", name_id: "Surat Keterangan Domisili", name_en: "Certificate of Domicile",
        description_id: "Surat keterangan tempat tinggal dari kecamatan untuk berbagai keperluan administrasi.",
        description_en: "A certificate of residence from the district office for administrative purposes.",
        days: 2, fee: 0, product_id: "Surat Keterangan Domisili", product_en: "Certificate of domicile",
        permit_code: "SKD", legal: "Peraturan Menteri Dalam Negeri Nomor 108 Tahun 2019",
        requirements: &[("Fotokopi KTP", "ID card (KTP)", "pdf,jpeg,png"), ("Surat pengantar RT/RW", "Letter from the neighbourhood head (RT/RW)", "pdf,jpeg,png")],
        fields: &[("Keperluan", "Purpose", "text", "")],
    },
];

/// The 2026 national holidays (SKB 3 Menteri), for the working-day calendar.
const HOLIDAYS_2026: &[(&str, &str)] = &[
    ("2026-01-01", "Tahun Baru Masehi"),
    ("2026-01-16", "Isra Mikraj"),
    ("2026-02-17", "Tahun Baru Imlek"),
    ("2026-03-19", "Hari Suci Nyepi"),
    ("2026-03-20", "Idul Fitri"),
    ("2026-03-21", "Idul Fitri"),
    ("2026-04-03", "Wafat Yesus Kristus"),
    ("2026-05-01", "Hari Buruh"),
    ("2026-05-14", "Kenaikan Yesus Kristus"),
    ("2026-05-27", "Idul Adha"),
    ("2026-05-31", "Hari Raya Waisak"),
    ("2026-06-01", "Hari Lahir Pancasila"),
    ("2026-06-16", "Tahun Baru Islam"),
    ("2026-08-17", "Hari Kemerdekaan RI"),
    ("2026-08-25", "Maulid Nabi"),
    ("2026-12-25", "Hari Raya Natal"),
];

/// Loads the demo catalog as the demo admin (through the admin services, audited as such).
pub async fn seed(state: &AppState, admin: &Viewer) -> anyhow::Result<()> {
    let i18n = I18n { lang: Lang::Id };
    let meta = RequestMeta::default();
    debug_assert!(admin.has_role(Role::Admin));
    for s in SERVICES {
        let input = ServiceInput {
            code: s.code.into(),
            unit_code: s.unit.into(),
            name_id: s.name_id.into(),
            name_en: s.name_en.into(),
            description_id: s.description_id.into(),
            description_en: s.description_en.into(),
            completion_days: s.days.to_string(),
            fee: s.fee.to_string(),
            product_id: s.product_id.into(),
            product_en: s.product_en.into(),
            legal_basis: s.legal.into(),
            complaint_channel: COMPLAINT.into(),
            permit_code: s.permit_code.into(),
            citizen_facing: app::domain::application_state::StaffAction::DEFAULT_CITIZEN_FACING
                .iter()
                .map(|a| a.code().to_owned())
                .collect(),
            active: "on".into(),
        };
        let exists = app::server::catalog::get_service(&state.db, s.code, true)
            .await
            .is_ok();
        let editing = exists.then_some(s.code);
        save_service(&state.db, admin, &input, editing, &meta, i18n)
            .await
            .map_err(|e| anyhow::anyhow!("service {}: {e:?}", s.code))?;
        let detail = app::server::catalog::get_service(&state.db, s.code, true)
            .await
            .map_err(|e| anyhow::anyhow!("{e:?}"))?;
        if detail.requirements.is_empty() {
            for (label_id, label_en, types) in s.requirements {
                let input = RequirementInput {
                    label_id: (*label_id).into(),
                    label_en: (*label_en).into(),
                    needs_document: "on".into(),
                    accepted_types: types.split(',').map(str::to_owned).collect(),
                    max_size_kb: "2048".into(),
                };
                add_requirement(&state.db, admin, s.code, &input, &meta, i18n)
                    .await
                    .map_err(|e| anyhow::anyhow!("{e:?}"))?;
            }
        }
        if detail.fields.is_empty() {
            for (label_id, label_en, kind, choices) in s.fields {
                let input = FieldInput {
                    label_id: (*label_id).into(),
                    label_en: (*label_en).into(),
                    kind: (*kind).into(),
                    choices: (*choices).into(),
                    required: "on".into(),
                };
                add_field(&state.db, admin, s.code, &input, &meta, i18n)
                    .await
                    .map_err(|e| anyhow::anyhow!("{e:?}"))?;
            }
        }
    }
    for (day, name) in HOLIDAYS_2026 {
        let input = HolidayInput {
            day: (*day).into(),
            name: (*name).into(),
        };
        add_holiday(&state.db, admin, &input, &meta, i18n)
            .await
            .map_err(|e| anyhow::anyhow!("{e:?}"))
            .context("holidays")?;
    }
    Ok(())
}
