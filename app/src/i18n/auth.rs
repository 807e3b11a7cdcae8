//! Text of the account pages: registration, sign-in, passwords, profile.

crate::catalogue! {
    NAV_SIGN_IN => { id: "Masuk", en: "Sign in" },
    NAV_REGISTER => { id: "Daftar", en: "Register" },
    NAV_ACCOUNT => { id: "Akun saya", en: "My account" },
    NAV_SIGN_OUT => { id: "Keluar", en: "Sign out" },
    NAV_ADMIN => { id: "Administrasi", en: "Administration" },
    NAV_STAFF_SIGN_IN => { id: "Masuk sebagai petugas", en: "Staff sign-in" },

    REGISTER_TITLE => { id: "Buat akun", en: "Create an account" },
    REGISTER_LEAD => {
        id: "Dengan akun, Anda dapat mengajukan permohonan izin dan memantau prosesnya.",
        en: "With an account you can apply for permits and follow their progress.",
    },
    FULL_NAME => { id: "Nama lengkap", en: "Full name" },
    FULL_NAME_HINT => { id: "Sesuai KTP.", en: "As on your ID card (KTP)." },
    NIK => { id: "NIK", en: "NIK (national ID number)" },
    NIK_HINT => { id: "16 angka, tertera di KTP Anda.", en: "16 digits, printed on your ID card (KTP)." },
    EMAIL => { id: "Email", en: "Email" },
    PHONE => { id: "Nomor ponsel", en: "Mobile number" },
    CONTACT_HINT => {
        id: "Isi email, nomor ponsel, atau keduanya. Kami memakainya untuk mengabarkan permohonan Anda.",
        en: "Enter an email, a mobile number, or both. We use them to tell you about your applications.",
    },
    CONTACT_REQUIRED => {
        id: "Isi email atau nomor ponsel agar kami dapat menghubungi Anda.",
        en: "Enter an email or a mobile number so we can reach you.",
    },
    PASSWORD => { id: "Kata sandi", en: "Password" },
    PASSWORD_HINT => {
        id: "Minimal 8 karakter. Beberapa kata acak mudah diingat dan sulit ditebak.",
        en: "At least 8 characters. A few random words are easy to remember and hard to guess.",
    },
    PASSWORD_CONFIRM => { id: "Ulangi kata sandi", en: "Repeat the password" },
    CONSENT_TITLE => { id: "Persetujuan penggunaan data pribadi", en: "Consent to the use of personal data" },
    CONSENT_TEXT => {
        id: "Saya setuju NIK, nama, dan kontak saya diproses untuk mengajukan dan menindaklanjuti permohonan layanan publik, sesuai UU 27/2022 tentang Pelindungan Data Pribadi. Saya dapat membaca pemberitahuan privasi kapan saja.",
        en: "I agree that my NIK, name and contact details are processed to submit and follow up my public-service applications, under Law 27/2022 on Personal Data Protection. I can read the privacy notice at any time.",
    },
    CONSENT_AGREE => { id: "Saya setuju", en: "I agree" },
    HAVE_ACCOUNT => { id: "Sudah punya akun?", en: "Already have an account?" },
    CONSENT_LINK => { id: "Baca pemberitahuan privasi", en: "Read the privacy notice" },
    CONSENT_REQUIRED => {
        id: "Centang persetujuan untuk membuat akun.",
        en: "Tick the consent box to create an account.",
    },
    REGISTER_SUBMIT => { id: "Buat akun", en: "Create account" },
    NIK_TAKEN => {
        id: "NIK ini sudah terdaftar. Masuk dengan akun tersebut, atau pulihkan kata sandinya.",
        en: "This NIK is already registered. Sign in with that account, or recover its password.",
    },
    EMAIL_TAKEN => {
        id: "Email ini sudah dipakai akun lain.",
        en: "This email is already used by another account.",
    },
    REGISTERED => {
        id: "Akun Anda sudah dibuat dan Anda sudah masuk.",
        en: "Your account has been created and you are signed in.",
    },

    NIK_EMPTY => { id: "Masukkan NIK Anda.", en: "Enter your NIK." },
    NIK_NOT_DIGITS => { id: "NIK hanya berisi angka.", en: "A NIK contains only digits." },
    NIK_LENGTH => { id: "NIK harus 16 angka; Anda mengetik {len}.", en: "A NIK has 16 digits; you typed {len}." },
    NIK_REGION => {
        id: "Kode wilayah pada NIK (6 angka pertama) tidak dikenal. Periksa kembali KTP Anda.",
        en: "The region code in the NIK (first 6 digits) is not known. Check your ID card.",
    },
    NIK_BIRTH_DATE => {
        id: "Tanggal lahir pada NIK (angka ke-7 sampai ke-12) tidak valid. Periksa kembali KTP Anda.",
        en: "The birth date in the NIK (digits 7 to 12) is not valid. Check your ID card.",
    },
    NIK_SERIAL => {
        id: "Nomor urut pada NIK (4 angka terakhir) tidak boleh 0000.",
        en: "The serial number in the NIK (last 4 digits) cannot be 0000.",
    },

    SIGN_IN_TITLE => { id: "Masuk", en: "Sign in" },
    SIGN_IN_LEAD => {
        id: "Masuk dengan NIK atau email dan kata sandi Anda.",
        en: "Sign in with your NIK or email and your password.",
    },
    IDENTIFIER_CITIZEN => { id: "NIK atau email", en: "NIK or email" },
    IDENTIFIER_STAFF => { id: "NIP atau email", en: "NIP or email" },
    SIGN_IN_SUBMIT => { id: "Masuk", en: "Sign in" },
    SIGN_IN_FAILED => {
        id: "NIK/NIP/email atau kata sandi salah.",
        en: "The NIK/NIP/email or password is wrong.",
    },
    NO_ACCOUNT => { id: "Belum punya akun?", en: "No account yet?" },
    FORGOT_PASSWORD => { id: "Lupa kata sandi?", en: "Forgot your password?" },
    STAFF_SIGN_IN_TITLE => { id: "Masuk petugas", en: "Staff sign-in" },
    STAFF_SIGN_IN_LEAD => {
        id: "Untuk pegawai pemerintah daerah: masuk dengan NIP atau email dinas.",
        en: "For local government staff: sign in with your NIP or work email.",
    },
    SIGNED_OUT => { id: "Anda sudah keluar.", en: "You have signed out." },
    SIGN_IN_REQUIRED => {
        id: "Silakan masuk untuk membuka halaman itu.",
        en: "Please sign in to open that page.",
    },

    FORGOT_TITLE => { id: "Lupa kata sandi", en: "Forgot your password" },
    FORGOT_LEAD => {
        id: "Masukkan email akun Anda. Kami akan mengirim tautan untuk membuat kata sandi baru; tautan berlaku 1 jam dan hanya sekali pakai.",
        en: "Enter your account's email. We will send a link to create a new password; it works once and for 1 hour.",
    },
    FORGOT_SUBMIT => { id: "Kirim tautan", en: "Send the link" },
    FORGOT_SENT => {
        id: "Jika email itu terdaftar, tautan untuk membuat kata sandi baru sudah dikirim. Periksa kotak masuk Anda.",
        en: "If that email is registered, a link to create a new password has been sent. Check your inbox.",
    },
    RESET_MAIL_SUBJECT => { id: "Sigap: buat kata sandi baru", en: "Sigap: create a new password" },
    RESET_MAIL_BODY => {
        id: "Halo {name},\n\nBuka tautan ini untuk membuat kata sandi baru (berlaku 1 jam, sekali pakai):\n{link}\n\nJika Anda tidak meminta ini, abaikan email ini; kata sandi Anda tidak berubah.",
        en: "Hello {name},\n\nOpen this link to create a new password (valid for 1 hour, once):\n{link}\n\nIf you did not ask for this, ignore this email; your password has not changed.",
    },
    ACTIVATE_MAIL_SUBJECT => { id: "Sigap: aktifkan akun petugas Anda", en: "Sigap: activate your staff account" },
    ACTIVATE_MAIL_BODY => {
        id: "Halo {name},\n\nAkun petugas Sigap Anda sudah dibuat. Buka tautan ini untuk membuat kata sandi (berlaku 72 jam, sekali pakai):\n{link}",
        en: "Hello {name},\n\nYour Sigap staff account has been created. Open this link to create your password (valid for 72 hours, once):\n{link}",
    },
    RESET_TITLE => { id: "Buat kata sandi baru", en: "Create a new password" },
    RESET_SUBMIT => { id: "Simpan kata sandi", en: "Save the password" },
    RESET_INVALID => {
        id: "Tautan ini tidak berlaku: sudah dipakai, kedaluwarsa, atau tidak lengkap. Minta tautan baru.",
        en: "This link does not work: it was already used, has expired, or is incomplete. Ask for a new one.",
    },
    RESET_DONE => {
        id: "Kata sandi baru sudah disimpan. Silakan masuk.",
        en: "Your new password has been saved. Please sign in.",
    },

    ACCOUNT_TITLE => { id: "Akun saya", en: "My account" },
    ACCOUNT_SAVE => { id: "Simpan perubahan", en: "Save changes" },
    NIP => { id: "NIP", en: "NIP (civil servant number)" },
    UNIT => { id: "Unit", en: "Unit" },
    ROLES => { id: "Peran", en: "Roles" },
    CHANGE_PASSWORD_TITLE => { id: "Ganti kata sandi", en: "Change password" },
    CURRENT_PASSWORD => { id: "Kata sandi saat ini", en: "Current password" },
    NEW_PASSWORD => { id: "Kata sandi baru", en: "New password" },
    CURRENT_PASSWORD_WRONG => { id: "Kata sandi saat ini salah.", en: "The current password is wrong." },
    PASSWORD_CHANGED => {
        id: "Kata sandi sudah diganti. Sesi lain pada akun ini sudah diakhiri.",
        en: "Your password has been changed. Other sessions of this account have been ended.",
    },
    STAFF_CANNOT_DO => {
        id: "Akun petugas tidak dapat melakukan ini.",
        en: "Staff accounts cannot do this.",
    },
}
