//! `/akun`: the signed-in person's own data. Citizens may correct their name and contact
//! details; the NIK is shown masked and cannot be changed here.

use super::super::guard::{Door, Guard};
use crate::api::account::{get_profile, Profile};
use crate::components::form::{ErrorSummary, Submit, TextField};
use crate::components::notice::ErrorNotice;
use crate::i18n::{auth as a, errors, use_i18n, I18n};
use leptos::prelude::*;
use leptos_meta::Title;

/// The account page.
#[component]
pub fn AccountPage() -> impl IntoView {
    let i18n = use_i18n();
    let body = move || {
        Suspend::new(async move {
            match get_profile().await {
                Ok(profile) => view! { <ProfileView profile i18n/> }.into_any(),
                Err(error) => view! { <ErrorNotice error/> }.into_any(),
            }
        })
    };
    view! {
        <Title text=i18n.t(a::ACCOUNT_TITLE)/>
        <Guard allowed=|v| v.is_signed_in() door=Door::Citizen>
            <h1>{i18n.t(a::ACCOUNT_TITLE)}</h1>
            <Suspense>{body}</Suspense>
            <p><a href="/akun/sandi">{i18n.t(a::CHANGE_PASSWORD_TITLE)}</a></p>
        </Guard>
    }
}

#[component]
fn ProfileView(profile: Profile, i18n: I18n) -> impl IntoView {
    match profile {
        Profile::Citizen { full_name, nik_masked, email, phone } => view! {
            <dl class="summary-list">
                <div><dt>{i18n.t(a::NIK)}</dt><dd data-testid="nik-masked">{nik_masked}</dd></div>
            </dl>
            <ErrorSummary/>
            <form method="post" action="/akun" novalidate class="narrow">
                <TextField name="full_name" label=i18n.t(a::FULL_NAME) hint=i18n.t(a::FULL_NAME_HINT) autocomplete="name" initial=full_name/>
                <TextField name="email" label=i18n.t(a::EMAIL) kind="email" autocomplete="email" optional=true initial=email.unwrap_or_default()/>
                <TextField name="phone" label=i18n.t(a::PHONE) kind="tel" autocomplete="tel" optional=true initial=phone.unwrap_or_default() class="width-20"/>
                <Submit label=i18n.t(a::ACCOUNT_SAVE)/>
            </form>
        }
        .into_any(),
        Profile::Staff { full_name, nip, unit, roles, email } => {
            let roles = roles.iter().map(|r| errors::role(i18n, *r)).collect::<Vec<_>>().join(", ");
            view! {
                <dl class="summary-list">
                    <div><dt>{i18n.t(a::FULL_NAME)}</dt><dd>{full_name}</dd></div>
                    <div><dt>{i18n.t(a::NIP)}</dt><dd>{nip}</dd></div>
                    <div><dt>{i18n.t(a::UNIT)}</dt><dd>{unit.unwrap_or_else(|| "—".into())}</dd></div>
                    <div><dt>{i18n.t(a::ROLES)}</dt><dd>{roles}</dd></div>
                    <div><dt>{i18n.t(a::EMAIL)}</dt><dd>{email.unwrap_or_else(|| "—".into())}</dd></div>
                </dl>
                <p><a href="/akun/kinerja" data-testid="my-performance">{i18n.t(crate::i18n::appraisal::MINE_LINK)}</a></p>
            }
            .into_any()
        }
    }
}
