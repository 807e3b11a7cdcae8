//! Text shared by every form: the error summary, field messages for common kinds of input.

crate::catalogue! {
    ERROR_SUMMARY_TITLE => { id: "Ada masalah", en: "There is a problem" },
    OPTIONAL => { id: "(opsional)", en: "(optional)" },
    FIELD_REQUIRED => { id: "Wajib diisi.", en: "This is required." },
    NAME_EMPTY => { id: "Masukkan nama lengkap.", en: "Enter your full name." },
    NAME_INVALID => {
        id: "Nama hanya boleh berisi huruf, spasi, dan tanda . , ' -",
        en: "A name may contain only letters, spaces and . , ' -",
    },
    NAME_TOO_LONG => { id: "Nama paling banyak 120 karakter.", en: "A name can be at most 120 characters." },
    EMAIL_INVALID => {
        id: "Masukkan alamat email yang benar, misalnya nama@contoh.id.",
        en: "Enter a valid email address, like name@example.id.",
    },
    EMAIL_TOO_LONG => { id: "Alamat email terlalu panjang.", en: "The email address is too long." },
    PHONE_INVALID => {
        id: "Masukkan nomor ponsel Indonesia, misalnya 0812 3456 7890.",
        en: "Enter an Indonesian mobile number, like 0812 3456 7890.",
    },
    PASSWORD_TOO_SHORT => { id: "Kata sandi minimal 8 karakter.", en: "The password must be at least 8 characters." },
    PASSWORD_TOO_LONG => { id: "Kata sandi paling banyak 128 karakter.", en: "The password can be at most 128 characters." },
    PASSWORD_TOO_COMMON => {
        id: "Kata sandi ini terlalu umum dan mudah ditebak. Pilih yang lain, misalnya beberapa kata acak.",
        en: "This password is too common and easy to guess. Choose another, for example a few random words.",
    },
    PASSWORD_PERSONAL => {
        id: "Kata sandi tidak boleh memuat NIK, NIP, nama, atau email Anda.",
        en: "The password must not contain your NIK, NIP, name or email.",
    },
    PASSWORD_MISMATCH => { id: "Kedua kata sandi tidak sama.", en: "The two passwords do not match." },
    RATE_LIMITED => {
        id: "Terlalu banyak percobaan. Coba lagi dalam {minutes} menit.",
        en: "Too many attempts. Try again in {minutes} minutes.",
    },
    BAD_FORM => {
        id: "Formulir yang dikirim tidak dapat dibaca. Muat ulang halaman lalu coba lagi.",
        en: "The form could not be read. Reload the page and try again.",
    },
    SAVED => { id: "Perubahan disimpan.", en: "Changes saved." },
    SAVE => { id: "Simpan", en: "Save" },
    CANCEL => { id: "Batal", en: "Cancel" },
    SHOW_PASSWORD => { id: "Tampilkan kata sandi", en: "Show password" },
}
