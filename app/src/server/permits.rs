//! Issued permits: the printable permit for its holder and the unit's staff, and the public
//! verification by the code in its QR code, which says only whether the permit is valid, for
//! whom (name only), what, when and by which unit.

use super::{applications::load_visible, error::ServiceError, state::AppState};
use crate::api::permits::{PermitView, Verification};
use crate::auth::Viewer;
use crate::i18n::I18n;

type PermitRow = (
    String,
    String,
    String,
    String,
    String,
    String,
    i64,
    Option<i64>,
    String,
);

const PERMIT_SQL: &str = "SELECT p.number, p.holder_name, s.name_id, s.name_en, u.name, p.verify_code, p.issued_at, p.revoked_at,
        COALESCE(a.reg_number, '')
     FROM permit p JOIN application a ON a.application_id = p.application_id
     JOIN service_type s ON s.service_type_id = a.service_type_id JOIN unit u ON u.unit_id = p.unit_id";

fn view_of(state: &AppState, row: PermitRow, i18n: I18n) -> PermitView {
    let (number, holder, name_id, name_en, unit, code, issued_at, revoked_at, reg_number) = row;
    let link = format!("{}/verifikasi/{code}", state.config.base_url());
    PermitView {
        number,
        holder_name: holder,
        service_name: crate::pages::catalog::pick(i18n, &name_id, &name_en),
        unit_name: unit,
        issued: crate::server::applications::detail::local_time(issued_at, state.config.time_zone),
        valid: revoked_at.is_none(),
        reg_number,
        qr_svg: qr_svg(&link),
        verify_link: link,
    }
}

/// The permit of application `id`, for its holder or the unit's staff.
pub async fn for_application(
    state: &AppState,
    viewer: &Viewer,
    id: i64,
    i18n: I18n,
) -> Result<PermitView, ServiceError> {
    load_visible(state, viewer, id).await?;
    let row: Option<PermitRow> =
        sqlx::query_as(&format!("{PERMIT_SQL} WHERE p.application_id = $1"))
            .bind(id)
            .fetch_optional(state.db.read())
            .await?;
    row.map(|r| view_of(state, r, i18n))
        .ok_or(ServiceError::NotFound)
}

/// Public verification by code: `Unknown` for a code no permit has (typos and forgeries alike).
pub async fn verify(
    state: &AppState,
    code: &str,
    i18n: I18n,
) -> Result<Verification, ServiceError> {
    let code: String = code
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(64)
        .collect();
    if code.len() != 16 {
        return Ok(Verification::Unknown);
    }
    let row: Option<PermitRow> = sqlx::query_as(&format!("{PERMIT_SQL} WHERE p.verify_code = $1"))
        .bind(&code)
        .fetch_optional(state.db.read())
        .await?;
    Ok(match row {
        None => Verification::Unknown,
        Some(row) => {
            let mut view = view_of(state, row, i18n);
            view.qr_svg = String::new();
            view.reg_number = String::new();
            Verification::Found(view)
        }
    })
}

/// An SVG QR code for `text` (server-rendered; no script, prints crisply).
pub fn qr_svg(text: &str) -> String {
    qr_svg_at(text, qrcode::EcLevel::M)
}

/// A QR code with the lowest error correction: fewer, larger modules for a long address (a
/// survey link), easier for cheap phone cameras on screen or on plain paper.
pub fn qr_svg_compact(text: &str) -> String {
    qr_svg_at(text, qrcode::EcLevel::L)
}

fn qr_svg_at(text: &str, level: qrcode::EcLevel) -> String {
    use qrcode::{render::svg, QrCode};
    match QrCode::with_error_correction_level(text.as_bytes(), level) {
        Ok(code) => code
            .render::<svg::Color<'_>>()
            .min_dimensions(160, 160)
            .dark_color(svg::Color("#000000"))
            .light_color(svg::Color("#ffffff"))
            .quiet_zone(true)
            .build(),
        Err(_) => String::new(),
    }
}
