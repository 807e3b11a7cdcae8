//! Form handlers of the account pages. Each parses the form, calls one service, and either
//! redirects (303, with a confirmation code) or renders the same page again with the errors.

use super::forms::{
    error_response, refused, rerender, see_other, see_other_with_cookies, Submission,
};
use super::lang::local_path;
use super::session::{clear_cookies, session_cookies, SessionId};
use app::forms::FormState;
use app::i18n::auth as a;
use app::server::accounts::{
    password::{self as pw, ChangePasswordInput, ResetInput},
    profile::{self, ProfileInput},
    register::{self, RegisterInput},
    sign_in::{self, Door, SignInError, SignInInput},
};
use app::server::{error::ServiceError, state::AppState};
use axum::{extract::State, response::Response, Extension};
use serde::Deserialize;

/// `POST /daftar`.
pub async fn register(State(state): State<AppState>, form: Submission<RegisterInput>) -> Response {
    let result = register::register_citizen(
        &state.db,
        &state.session_keys,
        &form.input,
        &form.meta(),
        form.i18n(),
    )
    .await;
    match result {
        Ok(new) => see_other_with_cookies("/akun?ok=registered", session_cookies(&state, &new)),
        Err(error) => refused(&state, form.parts, form.input.echo(), error).await,
    }
}

/// `POST /masuk`.
pub async fn sign_in_citizen(
    State(state): State<AppState>,
    form: Submission<SignInInput>,
) -> Response {
    sign_in(state, form, Door::Citizen).await
}

/// `POST /petugas/masuk`.
pub async fn sign_in_staff(
    State(state): State<AppState>,
    form: Submission<SignInInput>,
) -> Response {
    sign_in(state, form, Door::Staff).await
}

async fn sign_in(state: AppState, form: Submission<SignInInput>, door: Door) -> Response {
    let i18n = form.i18n();
    let values = vec![
        ("identifier".to_owned(), form.input.identifier.clone()),
        ("next".to_owned(), form.input.next.clone()),
    ];
    match sign_in::sign_in(
        &state.db,
        &state.session_keys,
        door,
        &form.input,
        &form.meta(),
    )
    .await
    {
        Ok(new) => {
            let next = match local_path(&form.input.next) {
                "/" => "/akun",
                path => path,
            };
            see_other_with_cookies(next, session_cookies(&state, &new))
        }
        Err(SignInError::Refused) => {
            let state_form = FormState {
                values,
                errors: vec![],
                notice: Some(i18n.t(a::SIGN_IN_FAILED).into()),
            };
            rerender(&state, form.parts, state_form).await
        }
        Err(SignInError::Service(error)) => refused(&state, form.parts, values, error).await,
    }
}

/// `POST /keluar`: ends the session and clears its cookies.
pub async fn sign_out(
    State(state): State<AppState>,
    session: Option<Extension<SessionId>>,
) -> Response {
    if let Some(Extension(SessionId(sid))) = session {
        if let Err(error) = sign_in::sign_out(&state.db, &sid).await {
            let _ = app::api::error::ApiError::from(error);
        }
    }
    see_other_with_cookies("/?ok=signed-out", clear_cookies(&state))
}

/// The forgotten-password form.
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct ForgotInput {
    email: String,
}

/// `POST /lupa-sandi`: always the same confirmation, whether or not the email has an account.
pub async fn forgot_password(
    State(state): State<AppState>,
    form: Submission<ForgotInput>,
) -> Response {
    let i18n = form.i18n();
    let values = vec![("email".to_owned(), form.input.email.clone())];
    if form.input.email.trim().is_empty() {
        let errors = super::forms::one_error("email", i18n.t(app::i18n::forms::EMAIL_INVALID));
        return rerender(&state, form.parts, FormState::with_errors(values, errors)).await;
    }
    let base = state.config.base_url();
    match pw::request_reset(&state.db, &base, &form.input.email, &form.meta(), i18n).await {
        Ok(()) => see_other("/lupa-sandi?ok=forgot-sent"),
        Err(error) => refused(&state, form.parts, values, error).await,
    }
}

/// `POST /atur-sandi`: sets a password through a one-time link.
pub async fn reset_password(
    State(state): State<AppState>,
    form: Submission<ResetInput>,
) -> Response {
    let values = vec![("t".to_owned(), form.input.t.clone())];
    match pw::complete_reset(&state.db, &form.input, &form.meta(), form.i18n()).await {
        Ok(()) => see_other("/masuk?ok=reset-done"),
        Err(error) => refused(&state, form.parts, values, error).await,
    }
}

/// `POST /akun`: a citizen corrects their profile.
pub async fn update_profile(
    State(state): State<AppState>,
    form: Submission<ProfileInput>,
) -> Response {
    let viewer = form.viewer();
    if !viewer.is_signed_in() {
        return see_other("/masuk?next=/akun");
    }
    match profile::update_citizen_profile(
        &state.db,
        &viewer,
        &form.input,
        &form.meta(),
        form.i18n(),
    )
    .await
    {
        Ok(()) => see_other("/akun?ok=saved"),
        Err(ServiceError::Forbidden) => error_response(ServiceError::Forbidden, form.i18n()),
        Err(error) => refused(&state, form.parts, form.input.echo(), error).await,
    }
}

/// `POST /akun/sandi`.
pub async fn change_password(
    State(state): State<AppState>,
    session: Option<Extension<SessionId>>,
    form: Submission<ChangePasswordInput>,
) -> Response {
    let viewer = form.viewer();
    let Some(Extension(SessionId(sid))) = session.filter(|_| viewer.is_signed_in()) else {
        return see_other("/masuk?next=/akun/sandi");
    };
    match pw::change_password(
        &state.db,
        &viewer,
        &sid,
        &form.input,
        &form.meta(),
        form.i18n(),
    )
    .await
    {
        Ok(()) => see_other("/akun?ok=password-changed"),
        Err(error) => refused(&state, form.parts, vec![], error).await,
    }
}
