//! Text of the printed permit, its public verification, and the status lookup result.

crate::catalogue! {
    PERMIT_TITLE => { id: "Surat Izin", en: "Permit" },
    PERMIT_GOVERNMENT => { id: "Pemerintah Daerah", en: "Local Government" },
    PERMIT_NUMBER => { id: "Nomor", en: "Number" },
    PERMIT_HOLDER => { id: "Diberikan kepada", en: "Granted to" },
    PERMIT_FOR => { id: "Jenis izin", en: "Permit for" },
    PERMIT_ISSUED => { id: "Diterbitkan", en: "Issued" },
    PERMIT_BY => { id: "Oleh", en: "By" },
    PERMIT_VERIFY_NOTE => {
        id: "Pindai kode QR atau buka alamat di bawahnya untuk memeriksa keaslian izin ini.",
        en: "Scan the QR code or open the address below it to check that this permit is genuine.",
    },
    PRINT => { id: "Cetak", en: "Print" },
    PRINT_HINT => {
        id: "Cetak halaman ini dengan perintah Cetak di peramban (Ctrl+P, atau menu ⋮ lalu Bagikan/Cetak di ponsel). Hanya surat izin yang tercetak, pada kertas A4.",
        en: "Print this page with your browser's Print command (Ctrl+P, or the ⋮ menu then Share/Print on a phone). Only the permit is printed, on A4 paper.",
    },
    PERMIT_QR => { id: "Kode QR verifikasi izin", en: "Permit verification QR code" },
    VERIFY_TITLE => { id: "Verifikasi izin", en: "Permit verification" },
    VERIFY_VALID => { id: "Izin ini sah.", en: "This permit is valid." },
    VERIFY_REVOKED => { id: "Izin ini sudah dicabut dan tidak berlaku.", en: "This permit has been revoked and is not valid." },
    VERIFY_UNKNOWN => {
        id: "Kode ini tidak dikenal: tidak ada izin dengan kode tersebut. Izin yang kodenya diubah atau dipalsukan tidak sah.",
        en: "This code is unknown: no permit has it. A permit whose code was altered or forged is not valid.",
    },
    STATUS_RESULT => { id: "Status permohonan", en: "Application status" },
}
