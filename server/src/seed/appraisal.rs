//! The demo city's appraisal (REFERENCE §5): HR opens the current period, and the unit head has
//! already appraised one officer (Budi Santoso), so the list shows both a saved appraisal and
//! one still to do (Siti Aminah, the demo officer account). Everything goes through the same
//! services as the pages.

use anyhow::anyhow;
use app::domain::period::Period;
use app::server::accounts::RequestMeta;
use app::server::applications::today;
use app::server::appraisal::{appraise, periods};
use app::server::state::AppState;

/// HR (BKPSDM) of the demo city.
const HR: &str = "198511252010012003";
/// The DPMPTSP unit head, pejabat penilai of both officers.
const SUPERVISOR: &str = "197805102003121001";
/// The officer appraised in the seed (not the demo officer account).
const APPRAISED: &str = "199203202016041002";

/// Opens the current period and saves one appraisal in it.
pub async fn seed(state: &AppState) -> anyhow::Result<()> {
    let i18n = app::i18n::I18n {
        lang: app::i18n::Lang::Id,
    };
    let meta = RequestMeta::default();
    let kind = periods::kind(&state.db)
        .await
        .map_err(|e| anyhow!("period kind: {e:?}"))?;
    let current = Period::containing(today(state), kind).map_err(|e| anyhow!("{e}"))?;
    let hr = super::applications::staff_viewer(state, HR).await?;
    let input = periods::OpenInput {
        name: current.to_string(),
    };
    periods::open(&state.db, &hr, &input, &meta, i18n)
        .await
        .map_err(|e| anyhow!("demo appraisal period: {e:?}"))?;
    let supervisor = super::applications::staff_viewer(state, SUPERVISOR).await?;
    let rating = appraise::AppraisalInput {
        hasil_kerja: "sesuai".into(),
        perilaku_kerja: "sesuai".into(),
        reason: String::new(),
    };
    appraise::save(
        state,
        &supervisor,
        APPRAISED,
        &current.to_string(),
        &rating,
        &meta,
        i18n,
    )
    .await
    .map_err(|e| anyhow!("demo appraisal: {e:?}"))?;
    Ok(())
}
