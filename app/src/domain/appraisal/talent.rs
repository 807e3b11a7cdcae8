//! The nine-box talent grid HR reads off appraisals (REFERENCE §5.3): performance (y) from the
//! predikat, potential (x) from HR, boxes 7–9 the promotion pool.

use serde::{Deserialize, Serialize};

use super::{AppraisalError, Predikat};

/// The performance axis (y) of the talent grid: kinerja di bawah / sesuai / di atas ekspektasi.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PerformanceLevel {
    /// Kinerja di bawah ekspektasi.
    Low,
    /// Kinerja sesuai ekspektasi.
    Medium,
    /// Kinerja di atas ekspektasi.
    High,
}

impl PerformanceLevel {
    /// Sangat Baik → High, Baik → Medium, Butuh Perbaikan / Kurang / Sangat Kurang → Low: only
    /// a predikat above Baik shows performance above expectation.
    pub fn from_predikat(p: Predikat) -> Self {
        match p {
            Predikat::SangatBaik => Self::High,
            Predikat::Baik => Self::Medium,
            Predikat::ButuhPerbaikan | Predikat::Kurang | Predikat::SangatKurang => Self::Low,
        }
    }
}

coded_enum!(PerformanceLevel, UnknownPerformanceLevel, [
    Low => "low", "Di bawah ekspektasi", "Below expectations";
    Medium => "medium", "Sesuai ekspektasi", "Meets expectations";
    High => "high", "Di atas ekspektasi", "Above expectations";
]);

/// The potential axis (x) of the talent grid, entered by HR from assessments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Potential {
    /// Potensial rendah.
    Low,
    /// Potensial menengah.
    Medium,
    /// Potensial tinggi.
    High,
}

coded_enum!(Potential, UnknownPotential, [
    Low => "low", "Rendah", "Low";
    Medium => "medium", "Menengah", "Medium";
    High => "high", "Tinggi", "High";
]);

/// Box numbers as in the ASN talent-management grid (PermenPAN-RB 3/2020), indexed
/// `[performance][potential]`, Low..High on both axes.
const NINE_BOX: [[u8; 3]; 3] = [[1, 3, 6], [2, 5, 8], [4, 7, 9]];

/// The inverse of `NINE_BOX`: (performance, potential) of boxes 1..=9.
const BOX_POSITION: [(PerformanceLevel, Potential); 9] = {
    use PerformanceLevel as Perf;
    [
        (Perf::Low, Potential::Low),
        (Perf::Medium, Potential::Low),
        (Perf::Low, Potential::Medium),
        (Perf::High, Potential::Low),
        (Perf::Medium, Potential::Medium),
        (Perf::Low, Potential::High),
        (Perf::High, Potential::Medium),
        (Perf::Medium, Potential::High),
        (Perf::High, Potential::High),
    ]
};

/// A box of the talent grid, 1..=9, numbered as ASN talent management numbers it:
///
/// | kinerja \ potensial | rendah | menengah | tinggi |
/// |---|---|---|---|
/// | di atas ekspektasi (High) | 4 | 7 | 9 |
/// | sesuai ekspektasi (Medium) | 2 | 5 | 8 |
/// | di bawah ekspektasi (Low) | 1 | 3 | 6 |
///
/// Boxes 7–9 (the promotion pool, REFERENCE §5.3) are therefore high performance with medium
/// potential, medium performance with high potential, and high on both: never low potential.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct NineBox(u8);

impl NineBox {
    /// Reads a stored box number.
    pub fn new(number: u8) -> Result<Self, AppraisalError> {
        if (1..=9).contains(&number) {
            Ok(Self(number))
        } else {
            Err(AppraisalError::InvalidNineBox { number })
        }
    }
    /// The box number, 1..=9.
    pub fn number(self) -> u8 {
        self.0
    }
    /// Row of the box, so the grid can be drawn from stored numbers.
    pub fn performance(self) -> PerformanceLevel {
        self.position().0
    }
    /// Column of the box.
    pub fn potential(self) -> Potential {
        self.position().1
    }
    /// Boxes 7, 8, 9 (REFERENCE §5.3).
    pub fn is_promotion_pool(self) -> bool {
        self.0 >= 7
    }
    fn position(self) -> (PerformanceLevel, Potential) {
        BOX_POSITION[usize::from(self.0 - 1)]
    }
}

impl TryFrom<u8> for NineBox {
    type Error = AppraisalError;
    fn try_from(number: u8) -> Result<Self, Self::Error> {
        Self::new(number)
    }
}

impl From<NineBox> for u8 {
    fn from(b: NineBox) -> Self {
        b.0
    }
}

/// Places an officer on the talent grid (see [`NineBox`] for the numbering).
pub fn nine_box(performance: PerformanceLevel, potential: Potential) -> NineBox {
    NineBox(NINE_BOX[performance as usize][potential as usize])
}

/// Boxes 7–9 form the promotion pool (REFERENCE §5.3).
pub fn is_promotion_pool(b: NineBox) -> bool {
    b.is_promotion_pool()
}
