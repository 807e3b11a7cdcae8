//! Text shared by every page: the shell, navigation, footer and error pages.

crate::catalogue! {
    SITE_NAME => { id: "Sigap", en: "Sigap" },
    SITE_TAGLINE => {
        id: "Layanan publik daerah: ajukan izin, nilai layanan, pantau kinerja",
        en: "Local public services: apply for permits, rate services, follow performance",
    },
    SKIP_TO_CONTENT => { id: "Langsung ke konten utama", en: "Skip to main content" },
    NAV_LABEL => { id: "Navigasi utama", en: "Main navigation" },
    NAV_MENU => { id: "Menu", en: "Menu" },
    NAV_HOME => { id: "Beranda", en: "Home" },
    NAV_ABOUT => { id: "Tentang", en: "About" },
    NAV_PRIVACY => { id: "Privasi", en: "Privacy" },
    LANG_SWITCH_LABEL => { id: "Bahasa", en: "Language" },
    LANG_SWITCH_TO => { id: "English", en: "Bahasa Indonesia" },
    LANG_SWITCH_HINT => { id: "Switch to English", en: "Ganti ke Bahasa Indonesia" },
    FOOTER_NOTE => {
        id: "Sigap adalah portal pelayanan publik pemerintah daerah. Data pribadi Anda dilindungi sesuai UU 27/2022.",
        en: "Sigap is a local government public-service portal. Your personal data is protected under Law 27/2022.",
    },
    DEMO_BANNER => {
        id: "Mode demo: data kota ini fiktif.",
        en: "Demo mode: this city's data is fictitious.",
    },
    NOT_FOUND_TITLE => { id: "Halaman tidak ditemukan", en: "Page not found" },
    NOT_FOUND_BODY => {
        id: "Alamat yang Anda buka tidak ada atau sudah dipindahkan. Periksa kembali alamatnya, atau kembali ke beranda.",
        en: "The address you opened does not exist or has moved. Check the address, or go back to the home page.",
    },
    ERROR_TITLE => { id: "Terjadi kesalahan", en: "Something went wrong" },
    ERROR_BODY => {
        id: "Maaf, permintaan Anda tidak dapat diproses saat ini. Tidak ada data yang hilang; silakan coba lagi sebentar lagi.",
        en: "Sorry, your request could not be processed right now. No data was lost; please try again shortly.",
    },
    FORBIDDEN_TITLE => { id: "Akses ditolak", en: "Access denied" },
    FORBIDDEN_BODY => {
        id: "Anda tidak memiliki izin untuk membuka halaman ini.",
        en: "You do not have permission to open this page.",
    },
    BACK_HOME => { id: "Kembali ke beranda", en: "Back to the home page" },
    LOADING => { id: "Memuat…", en: "Loading…" },
    SEARCH => { id: "Cari", en: "Search" },
    REQUEST_REFUSED => {
        id: "Permintaan ditolak karena tidak berasal dari halaman Sigap. Muat ulang halaman lalu coba lagi.",
        en: "The request was refused because it did not come from a Sigap page. Reload the page and try again.",
    },
    REQUEST_TOO_LARGE => {
        id: "Data yang dikirim terlalu besar.",
        en: "The data you sent is too large.",
    },
}
