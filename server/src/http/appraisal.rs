//! Form handlers of the appraisal (REFERENCE §5): the supervisor saves an officer's ratings, the
//! officer contests their own appraisal. Each calls one service, then redirects (303) or shows
//! the same page again with what was typed and every error.

use super::forms::{refused_on, see_other, Submission};
use app::domain::period::Period;
use app::server::appraisal::{
    appraise::{self, AppraisalInput},
    contest::{self, ContestInput},
};
use app::server::state::AppState;
use axum::{
    extract::{Path, State},
    response::Response,
};
use serde::Deserialize;

/// The rating form: the ratings plus the period they are for.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct SaveForm {
    period: String,
    hasil_kerja: String,
    perilaku_kerja: String,
    reason: String,
}

/// `?periode=…` for a period name that parses (anything else is left out of the address).
fn period_query(name: &str) -> String {
    Period::parse(name.trim())
        .map(|p| format!("?periode={p}"))
        .unwrap_or_default()
}

/// `POST /petugas/penilaian/{nip}`: the supervisor saves the officer's appraisal.
pub async fn save(
    State(state): State<AppState>,
    Path(nip): Path<String>,
    form: Submission<SaveForm>,
) -> Response {
    let nip = nip.trim().to_owned();
    let input = AppraisalInput {
        hasil_kerja: form.input.hasil_kerja.clone(),
        perilaku_kerja: form.input.perilaku_kerja.clone(),
        reason: form.input.reason.clone(),
    };
    match appraise::save(
        &state,
        &form.viewer(),
        &nip,
        &form.input.period,
        &input,
        &form.meta(),
        form.i18n(),
    )
    .await
    {
        Ok(period) => see_other(&format!(
            "/petugas/penilaian/{nip}?periode={period}&ok=saved#penilaian"
        )),
        Err(error) => {
            let values = vec![
                ("hasil_kerja".to_owned(), form.input.hasil_kerja.clone()),
                (
                    "perilaku_kerja".to_owned(),
                    form.input.perilaku_kerja.clone(),
                ),
                ("reason".to_owned(), form.input.reason.clone()),
            ];
            let page = format!(
                "/petugas/penilaian/{nip}{}",
                period_query(&form.input.period)
            );
            refused_on(&state, form.parts, &page, values, error).await
        }
    }
}

/// `POST /akun/kinerja/keberatan`: the officer contests their own appraisal.
pub async fn contest(State(state): State<AppState>, form: Submission<ContestInput>) -> Response {
    match contest::file(
        &state,
        &form.viewer(),
        &form.input,
        &form.meta(),
        form.i18n(),
    )
    .await
    {
        Ok(period) => see_other(&format!(
            "/akun/kinerja?periode={period}&ok=keberatan#keberatan"
        )),
        Err(error) => {
            let values = vec![("reason".to_owned(), form.input.reason.clone())];
            let page = format!("/akun/kinerja{}", period_query(&form.input.period));
            refused_on(&state, form.parts, &page, values, error).await
        }
    }
}
