//! The organisation-driven distribution check of REFERENCE §5.3: a unit's organisation rating
//! bounds how its staff predikat may be spread; the portal warns when appraisals break it.

use serde::{Deserialize, Serialize};

use super::{AppraisalError, Predikat};

/// Predikat kinerja organisasi (REFERENCE §5.3), rated before staff; it bounds how staff
/// predikat may be distributed. The regulation calls the top grade "Istimewa", not Sangat Baik.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgRating {
    /// Istimewa.
    Istimewa,
    /// Baik.
    Baik,
    /// Butuh Perbaikan (also written "Cukup").
    ButuhPerbaikan,
    /// Kurang.
    Kurang,
    /// Sangat Kurang.
    SangatKurang,
}

coded_enum!(OrgRating, UnknownOrgRating, [
    Istimewa => "istimewa", "Istimewa", "Outstanding";
    Baik => "baik", "Baik", "Good";
    ButuhPerbaikan => "butuh_perbaikan", "Butuh Perbaikan/Cukup", "Needs improvement/Fair";
    Kurang => "kurang", "Kurang", "Poor";
    SangatKurang => "sangat_kurang", "Sangat Kurang", "Very poor";
]);

/// A whole percentage 0..=100; shares are compared exactly as `count·100` vs `percent·total`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Percent(u8);

impl Percent {
    /// Rejects values above 100, which would make a rule meaningless.
    pub fn new(value: u8) -> Result<Self, AppraisalError> {
        if value <= 100 {
            Ok(Self(value))
        } else {
            Err(AppraisalError::InvalidPercent { value })
        }
    }
    /// The number, 0..=100.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Percent {
    type Error = AppraisalError;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Self::new(value)
    }
}

impl From<Percent> for u8 {
    fn from(p: Percent) -> Self {
        p.0
    }
}

/// How many staff of a unit received each predikat in one period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PredikatCounts {
    /// Sangat Baik.
    pub sangat_baik: u32,
    /// Baik.
    pub baik: u32,
    /// Butuh Perbaikan.
    pub butuh_perbaikan: u32,
    /// Kurang/Misconduct.
    pub kurang: u32,
    /// Sangat Kurang.
    pub sangat_kurang: u32,
}

impl PredikatCounts {
    /// Count of one predikat.
    pub fn get(&self, p: Predikat) -> u32 {
        match p {
            Predikat::SangatBaik => self.sangat_baik,
            Predikat::Baik => self.baik,
            Predikat::ButuhPerbaikan => self.butuh_perbaikan,
            Predikat::Kurang => self.kurang,
            Predikat::SangatKurang => self.sangat_kurang,
        }
    }
    /// Adds one appraised officer.
    pub fn add(&mut self, p: Predikat) {
        let slot = match p {
            Predikat::SangatBaik => &mut self.sangat_baik,
            Predikat::Baik => &mut self.baik,
            Predikat::ButuhPerbaikan => &mut self.butuh_perbaikan,
            Predikat::Kurang => &mut self.kurang,
            Predikat::SangatKurang => &mut self.sangat_kurang,
        };
        *slot = slot.saturating_add(1);
    }
    /// Staff appraised.
    pub fn total(&self) -> u64 {
        Predikat::ALL.iter().map(|&p| u64::from(self.get(p))).sum()
    }
    /// Staff whose predikat is in `group` (each predikat counted once even if repeated).
    pub fn in_group(&self, group: &[Predikat]) -> u64 {
        Predikat::ALL
            .iter()
            .filter(|p| group.contains(p))
            .map(|&p| u64::from(self.get(p)))
            .sum()
    }
}

impl FromIterator<Predikat> for PredikatCounts {
    fn from_iter<I: IntoIterator<Item = Predikat>>(iter: I) -> Self {
        let mut counts = Self::default();
        iter.into_iter().for_each(|p| counts.add(p));
        counts
    }
}

/// One rule of a distribution pattern, over a group of predikat. Data, so an institution can
/// configure its own table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DistributionRule {
    /// At most `percent` of staff in `group`.
    AtMost {
        /// The predikat counted together.
        group: Vec<Predikat>,
        /// Upper bound on their share.
        percent: Percent,
    },
    /// At least `percent` of staff in `group`.
    AtLeast {
        /// The predikat counted together.
        group: Vec<Predikat>,
        /// Lower bound on their share.
        percent: Percent,
    },
    /// At least one staff member in `group` ("harus ada").
    AtLeastOne {
        /// The predikat counted together.
        group: Vec<Predikat>,
    },
}

impl DistributionRule {
    fn holds(&self, count: u64, total: u64) -> bool {
        match self {
            Self::AtMost { percent, .. } => count * 100 <= u64::from(percent.0) * total,
            Self::AtLeast { percent, .. } => count * 100 >= u64::from(percent.0) * total,
            Self::AtLeastOne { .. } => count >= 1,
        }
    }
    fn group(&self) -> &[Predikat] {
        match self {
            Self::AtMost { group, .. }
            | Self::AtLeast { group, .. }
            | Self::AtLeastOne { group } => group,
        }
    }
}

/// The distribution pattern per organisation rating (REFERENCE §5.3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DistributionTable {
    /// Rules for a unit rated Istimewa.
    pub istimewa: Vec<DistributionRule>,
    /// Rules for a unit rated Baik.
    pub baik: Vec<DistributionRule>,
    /// Rules for a unit rated Butuh Perbaikan/Cukup.
    pub butuh_perbaikan: Vec<DistributionRule>,
    /// Rules for a unit rated Kurang.
    pub kurang: Vec<DistributionRule>,
    /// Rules for a unit rated Sangat Kurang.
    pub sangat_kurang: Vec<DistributionRule>,
}

impl DistributionTable {
    /// The rules that apply to a unit with this organisation rating.
    pub fn rules_for(&self, org: OrgRating) -> &[DistributionRule] {
        match org {
            OrgRating::Istimewa => &self.istimewa,
            OrgRating::Baik => &self.baik,
            OrgRating::ButuhPerbaikan => &self.butuh_perbaikan,
            OrgRating::Kurang => &self.kurang,
            OrgRating::SangatKurang => &self.sangat_kurang,
        }
    }
}

impl Default for DistributionTable {
    /// The "pola distribusi predikat kinerja pegawai" of PermenPAN-RB 6/2022 as published in
    /// the MenPAN-RB guidance (configurable defaults; verify against the instance's own rules):
    /// - Istimewa: at most 70% Sangat Baik.
    /// - Baik: at most 70% Baik; at least one Butuh Perbaikan or Kurang (REFERENCE §5.3).
    /// - Butuh Perbaikan: at least 60% Butuh Perbaikan; at most 10% Sangat Baik.
    /// - Kurang: at least 60% Kurang; at least 10% Butuh Perbaikan; at most 10% Sangat Baik.
    /// - Sangat Kurang: at least 60% Sangat Kurang; at least 10% Kurang or Butuh Perbaikan;
    ///   no Sangat Baik.
    ///
    /// The guidance's "sebagian besar (maksimal 70%)" is encoded as the maximum only.
    fn default() -> Self {
        use Predikat::{Baik, ButuhPerbaikan, Kurang, SangatBaik, SangatKurang};
        let at_most = |group: &[Predikat], p: u8| DistributionRule::AtMost {
            group: group.to_vec(),
            percent: Percent(p),
        };
        let at_least = |group: &[Predikat], p: u8| DistributionRule::AtLeast {
            group: group.to_vec(),
            percent: Percent(p),
        };
        Self {
            istimewa: vec![at_most(&[SangatBaik], 70)],
            baik: vec![
                at_most(&[Baik], 70),
                DistributionRule::AtLeastOne {
                    group: vec![ButuhPerbaikan, Kurang],
                },
            ],
            butuh_perbaikan: vec![at_least(&[ButuhPerbaikan], 60), at_most(&[SangatBaik], 10)],
            kurang: vec![
                at_least(&[Kurang], 60),
                at_least(&[ButuhPerbaikan], 10),
                at_most(&[SangatBaik], 10),
            ],
            sangat_kurang: vec![
                at_least(&[SangatKurang], 60),
                at_least(&[Kurang, ButuhPerbaikan], 10),
                at_most(&[SangatBaik], 0),
            ],
        }
    }
}

/// A broken distribution rule with the numbers that broke it, for the unit's warning panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DistributionWarning {
    /// The rule as configured.
    pub rule: DistributionRule,
    /// Staff in the rule's group.
    pub count: u64,
    /// Staff appraised in the unit.
    pub total: u64,
}

/// REFERENCE §5.3 with the default table: every broken rule, as warnings (the portal warns,
/// it does not block). A unit with no appraisals yet gets no warnings.
pub fn check_distribution(org: OrgRating, counts: &PredikatCounts) -> Vec<DistributionWarning> {
    check_distribution_with(&DistributionTable::default(), org, counts)
}

/// As [`check_distribution`], with an institution's own table.
pub fn check_distribution_with(
    table: &DistributionTable,
    org: OrgRating,
    counts: &PredikatCounts,
) -> Vec<DistributionWarning> {
    let total = counts.total();
    if total == 0 {
        return Vec::new();
    }
    table
        .rules_for(org)
        .iter()
        .filter_map(|rule| {
            let count = counts.in_group(rule.group());
            (!rule.holds(count, total)).then(|| DistributionWarning {
                rule: rule.clone(),
                count,
                total,
            })
        })
        .collect()
}
