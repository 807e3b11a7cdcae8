//! The list of services: read from the database (admins, every service) or from the public list
//! kept in memory (citizens, active services of active units), searched the same way.

use crate::api::catalog::ServiceSummary;
use crate::i18n::I18n;
use crate::server::{db::Db, error::ServiceError, memo::Memo};
use std::time::Duration;

/// One service with its unit, as the lists show and search it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListedService {
    code: String,
    name_id: String,
    name_en: String,
    unit_name: String,
    completion_days: i64,
    fee_rupiah: i64,
    active: bool,
    /// Both names, the unit's name and the code, lowercased: what a search looks in.
    searched: String,
}

type ServiceRow = (String, String, String, String, i64, i64, i64);

impl ListedService {
    fn from_row(row: ServiceRow) -> Self {
        let (code, name_id, name_en, unit_name, completion_days, fee_rupiah, active) = row;
        let searched = [&name_id, &name_en, &unit_name, &code]
            .map(|s| s.to_lowercase())
            .join("\n");
        ListedService {
            code,
            name_id,
            name_en,
            unit_name,
            completion_days,
            fee_rupiah,
            active: active == 1,
            searched,
        }
    }

    fn summary(&self, i18n: I18n) -> ServiceSummary {
        ServiceSummary {
            code: self.code.clone(),
            name: crate::pages::catalog::pick(i18n, &self.name_id, &self.name_en),
            unit_name: self.unit_name.clone(),
            completion_days: self.completion_days,
            fee_rupiah: self.fee_rupiah,
            active: self.active,
        }
    }
}

/// Every service, by Indonesian name; only the active services of active units unless
/// `include_inactive`.
pub async fn load_services(
    db: &Db,
    include_inactive: bool,
) -> Result<Vec<ListedService>, ServiceError> {
    let rows: Vec<ServiceRow> = sqlx::query_as(
        "SELECT s.code, s.name_id, s.name_en, u.name, s.completion_days, s.fee_rupiah, s.active
         FROM service_type s JOIN unit u ON u.unit_id = s.unit_id
         WHERE $1 = 1 OR (s.active = 1 AND u.active = 1)
         ORDER BY s.name_id",
    )
    .bind(i64::from(include_inactive))
    .fetch_all(db.read())
    .await?;
    Ok(rows.into_iter().map(ListedService::from_row).collect())
}

/// The services whose names (either language), unit name or code contain `q`, ignoring case;
/// every service when `q` is blank. `q` is plain text: `%` and `_` are no wildcards.
pub fn search(services: &[ListedService], q: &str, i18n: I18n) -> Vec<ServiceSummary> {
    let q = q.trim().to_lowercase();
    services
        .iter()
        .filter(|s| q.is_empty() || s.searched.contains(&q))
        .map(|s| s.summary(i18n))
        .collect()
}

/// How long the public list is served from memory before it is read again: what another
/// server's or the command line's change to the catalog may take to show.
pub const PUBLIC_LIST_FRESH_FOR: Duration = Duration::from_secs(1);

/// The public list of services, kept in memory: the catalog is read by every visitor and
/// changed by an admin now and then. This server's own catalog changes call
/// [`PublicCatalog::changed`], so they show on its next page.
pub struct PublicCatalog(Memo<Vec<ListedService>>);

impl PublicCatalog {
    /// A list kept for `fresh_for` ([`PUBLIC_LIST_FRESH_FOR`] in a server).
    pub fn new(fresh_for: Duration) -> Self {
        PublicCatalog(Memo::new(fresh_for))
    }

    /// The active services matching `q` (see [`search`]).
    pub async fn search(
        &self,
        db: &Db,
        q: &str,
        i18n: I18n,
    ) -> Result<Vec<ServiceSummary>, ServiceError> {
        let services = self.0.get_or_load(|| load_services(db, false)).await?;
        Ok(search(&services, q, i18n))
    }

    /// Says that a service or unit changed: the next search reads the database.
    pub fn changed(&self) {
        self.0.invalidate();
    }
}

impl Default for PublicCatalog {
    fn default() -> Self {
        PublicCatalog::new(PUBLIC_LIST_FRESH_FOR)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    const ID: I18n = I18n { lang: Lang::Id };
    const EN: I18n = I18n { lang: Lang::En };

    fn services() -> Vec<ListedService> {
        [
            (
                "IMB",
                "Izin Mendirikan Bangunan",
                "Building Permit",
                "DPMPTSP",
            ),
            ("KTP", "Kartu Tanda Penduduk", "", "Disdukcapil"),
            (
                "SIUP_2",
                "Surat Izin 100% Usaha",
                "Trade Licence",
                "DPMPTSP",
            ),
        ]
        .into_iter()
        .map(|(code, id, en, unit)| {
            ListedService::from_row((code.into(), id.into(), en.into(), unit.into(), 5, 0, 1))
        })
        .collect()
    }

    fn codes(found: &[ServiceSummary]) -> Vec<&str> {
        found.iter().map(|s| s.code.as_str()).collect()
    }

    #[test]
    fn a_blank_search_lists_everything_in_order() {
        assert_eq!(
            codes(&search(&services(), "  ", ID)),
            ["IMB", "KTP", "SIUP_2"]
        );
    }

    #[test]
    fn a_search_looks_in_both_names_the_unit_and_the_code_ignoring_case() {
        let all = services();
        assert_eq!(codes(&search(&all, "BANGUNAN", ID)), ["IMB"]);
        assert_eq!(codes(&search(&all, "licence", ID)), ["SIUP_2"]);
        assert_eq!(codes(&search(&all, "dpmptsp", ID)), ["IMB", "SIUP_2"]);
        assert_eq!(codes(&search(&all, " ktp ", ID)), ["KTP"]);
        assert!(search(&all, "paspor", ID).is_empty());
    }

    #[test]
    fn percent_and_underscore_are_plain_text() {
        let all = services();
        assert_eq!(codes(&search(&all, "100%", ID)), ["SIUP_2"]);
        assert_eq!(codes(&search(&all, "p_2", ID)), ["SIUP_2"]);
        assert!(search(&all, "i%p", ID).is_empty());
    }

    #[test]
    fn names_are_in_the_visitors_language_with_indonesian_when_english_is_missing() {
        let all = services();
        let en: Vec<String> = search(&all, "", EN).into_iter().map(|s| s.name).collect();
        assert_eq!(
            en,
            ["Building Permit", "Kartu Tanda Penduduk", "Trade Licence"]
        );
        assert_eq!(search(&all, "imb", ID)[0].name, "Izin Mendirikan Bangunan");
    }
}
