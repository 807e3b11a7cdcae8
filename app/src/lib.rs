//! Sigap's web application: the page shell, routes, pages, islands and server functions, plus
//! the pure domain logic in [`domain`] and (with the `ssr` feature) the services and storage in
//! [`server`]. See docs/ARCHITECTURE.md for how a request flows through these modules.

pub mod api;
pub mod auth;
pub mod components;
pub mod domain;
pub mod forms;
pub mod i18n;
pub mod islands;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod server;

use components::layout::Layout;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::{
    components::{FlatRoutes, Route, Router},
    ParamSegment, SsrMode, StaticSegment,
};

/// The HTML document every page is rendered into. The language comes from the request (see
/// `server::context`), so `<html lang>` is right before any script runs.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let i18n = i18n::use_i18n();
    view! {
        <!DOCTYPE html>
        <html lang=i18n.lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="theme-color" content="#0b5d4b"/>
                <link rel="stylesheet" href="/pkg/sigap.css"/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The router: every page is rendered on the server once all its data has loaded
/// (`SsrMode::Async`), so the complete page arrives without JavaScript.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let i18n = i18n::use_i18n();
    view! {
        <Title formatter=move |page: String| format!("{page} · {}", i18n.t(i18n::common::SITE_NAME))/>
        <Router>
            <Layout>
                <FlatRoutes fallback=pages::not_found::NotFound>
                    <Route path=StaticSegment("") view=pages::home::HomePage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("tentang") view=pages::about::AboutPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("privasi") view=pages::about::PrivacyPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("layanan") view=pages::catalog::CatalogPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("layanan"), ParamSegment("code")) view=pages::catalog::ServicePage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("cek-status") view=pages::permit::StatusPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("verifikasi"), ParamSegment("code")) view=pages::permit::VerifyPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("permohonan") view=pages::applications::MyApplicationsPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("permohonan"), ParamSegment("id")) view=pages::applications::ApplicationPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("permohonan"), ParamSegment("id"), StaticSegment("isi")) view=pages::apply::AnswersStep ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("permohonan"), ParamSegment("id"), StaticSegment("dokumen")) view=pages::apply::documents::DocumentsStep ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("permohonan"), ParamSegment("id"), StaticSegment("periksa")) view=pages::apply::CheckStep ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("permohonan"), ParamSegment("id"), StaticSegment("terkirim")) view=pages::apply::Confirmation ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("permohonan"), ParamSegment("id"), StaticSegment("izin")) view=pages::permit::PermitPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("permohonan"), ParamSegment("id"), StaticSegment("batal")) view=pages::applications::WithdrawPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("petugas"), StaticSegment("antrian")) view=pages::work::QueuePage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("petugas"), StaticSegment("permohonan"), ParamSegment("id")) view=pages::work::case::CasePage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("petugas"), StaticSegment("loket")) view=pages::work::counter::CounterPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("petugas"), StaticSegment("survei-loket")) view=pages::work::survey_counter::CounterSurveyPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("petugas"), StaticSegment("survei-loket"), ParamSegment("id")) view=pages::work::survey_counter::CounterSlipPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("petugas"), StaticSegment("tindak-lanjut")) view=pages::work::followup::FollowupWorkPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("petugas"), StaticSegment("penilaian")) view=pages::appraisal::list::SupervisedPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("petugas"), StaticSegment("penilaian"), ParamSegment("nip")) view=pages::appraisal::officer::OfficerAppraisalPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("penilaian"), ParamSegment("nip"), StaticSegment("cetak")) view=pages::appraisal::print::AppraisalSheetPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("survei") view=pages::survey::CodeEntryPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("survei"), StaticSegment("terima-kasih")) view=pages::survey::ThanksPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("survei"), StaticSegment("sudah-dijawab")) view=pages::survey::AlreadyAnsweredPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("survei"), ParamSegment("token")) view=pages::survey::QuestionnairePage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("ikm") view=pages::ikm::IkmOverviewPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("ikm"), ParamSegment("code")) view=pages::ikm::UnitIkmPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("daftar") view=pages::account::register::RegisterPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("masuk") view=pages::account::sign_in::SignInPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("petugas"), StaticSegment("masuk")) view=pages::account::sign_in::StaffSignInPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("lupa-sandi") view=pages::account::password::ForgotPasswordPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("atur-sandi") view=pages::account::password::ResetPasswordPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("akun") view=pages::account::profile::AccountPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("akun"), StaticSegment("sandi")) view=pages::account::password::ChangePasswordPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("akun"), StaticSegment("kinerja")) view=pages::appraisal::own::MyPerformancePage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("admin") view=pages::admin::AdminHomePage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("admin"), StaticSegment("unit")) view=pages::admin::units::UnitsPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("admin"), StaticSegment("pegawai")) view=pages::admin::staff::StaffListPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("admin"), StaticSegment("pegawai"), StaticSegment("baru")) view=pages::admin::staff::NewStaffPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("admin"), StaticSegment("pegawai"), ParamSegment("nip")) view=pages::admin::staff::EditStaffPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("admin"), StaticSegment("layanan")) view=pages::admin::services::ServicesAdminPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("admin"), StaticSegment("layanan"), StaticSegment("baru")) view=pages::admin::services::NewServicePage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("admin"), StaticSegment("layanan"), ParamSegment("code")) view=pages::admin::services::EditServicePage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("admin"), StaticSegment("libur")) view=pages::admin::holidays::HolidaysPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("admin"), StaticSegment("nomor-izin")) view=pages::admin::permit_numbers::PermitNumbersPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("admin"), StaticSegment("impor")) view=pages::admin::import::ImportPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("admin"), StaticSegment("audit")) view=pages::admin::audit::AuditPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("hr") view=pages::hr::dashboard::HrDashboardPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("hr"), StaticSegment("pegawai"), ParamSegment("nip")) view=pages::hr::officer::HrOfficerPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("hr"), StaticSegment("periode")) view=pages::hr::periods::HrPeriodsPage ssr=SsrMode::Async/>
                    <Route path=(StaticSegment("hr"), StaticSegment("tindak-lanjut")) view=pages::hr::followup::HrFollowupPage ssr=SsrMode::Async/>
                </FlatRoutes>
            </Layout>
        </Router>
    }
}
