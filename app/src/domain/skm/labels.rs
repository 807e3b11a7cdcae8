//! The survey's fixed wording (REFERENCE §3.1), indexed by unsur code number (U1 → 0) and
//! score − 1. Kept apart from the logic so the words can be checked against the regulation at
//! a glance.

/// Storage codes.
pub(super) const CODES: [&str; 9] = ["U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8", "U9"];

/// Unsur names as the regulation prints them.
pub(super) const NAMES_ID: [&str; 9] = [
    "Persyaratan",
    "Sistem, mekanisme, dan prosedur",
    "Waktu penyelesaian",
    "Biaya/tarif",
    "Produk spesifikasi jenis pelayanan",
    "Kompetensi pelaksana",
    "Perilaku pelaksana",
    "Sarana dan prasarana",
    "Penanganan pengaduan, saran dan masukan",
];

/// English unsur names (REFERENCE §3.1 glosses where it gives one).
pub(super) const NAMES_EN: [&str; 9] = [
    "Requirements",
    "Systems, mechanisms and procedures",
    "Completion time",
    "Fee/tariff",
    "Product specification of the service type",
    "Officer competence",
    "Officer courtesy",
    "Facilities and infrastructure",
    "Handling of complaints, suggestions and feedback",
];

/// Official answer labels for scores 1..4 (REFERENCE §3.1), verbatim.
pub(super) const ANSWERS_ID: [[&str; 4]; 9] = [
    ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
    ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"],
    ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"],
    ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"],
    ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
    [
        "Tidak kompeten",
        "Kurang kompeten",
        "Kompeten",
        "Sangat kompeten",
    ],
    [
        "Tidak sopan dan ramah",
        "Kurang sopan dan ramah",
        "Sopan dan ramah",
        "Sangat sopan dan ramah",
    ],
    ["Buruk", "Cukup", "Baik", "Sangat baik"],
    [
        "Tidak ada",
        "Ada tetapi tidak berfungsi",
        "Berfungsi kurang maksimal",
        "Dikelola dengan baik",
    ],
];

/// Faithful English renderings of [`ANSWERS_ID`] ("kurang" = "not very", "cukup" = "fairly").
pub(super) const ANSWERS_EN: [[&str; 4]; 9] = [
    [
        "Not suitable",
        "Not very suitable",
        "Suitable",
        "Very suitable",
    ],
    ["Not easy", "Not very easy", "Easy", "Very easy"],
    ["Not fast", "Not very fast", "Fast", "Very fast"],
    ["Very expensive", "Fairly expensive", "Cheap", "Free"],
    [
        "Not suitable",
        "Not very suitable",
        "Suitable",
        "Very suitable",
    ],
    [
        "Not competent",
        "Not very competent",
        "Competent",
        "Very competent",
    ],
    [
        "Not polite and friendly",
        "Not very polite and friendly",
        "Polite and friendly",
        "Very polite and friendly",
    ],
    ["Poor", "Adequate", "Good", "Very good"],
    [
        "None",
        "Exists but does not work",
        "Works but not optimally",
        "Well managed",
    ],
];
