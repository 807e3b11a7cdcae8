//! Downloads of the HR lists (CSV and XLSX): the ranking with the dashboard's filters and each
//! follow-up list, with the same figures as the pages (numbers rounded to 2 decimals, as
//! `sigap report officers` prints them). Headers are in the reader's language; NIPs are text so
//! a spreadsheet never turns them into rounded numbers. One audit row per download.

mod tables;

pub use tables::{followup_table, ranking_table};

use super::{audit_read, chosen_period, followup, ranking};
use crate::api::hr::RankingFilter;
use crate::auth::Viewer;
use crate::i18n::{hr as tx, I18n};
use crate::server::accounts::RequestMeta;
use crate::server::appraisal::require_hr;
use crate::server::{error::ServiceError, state::AppState};
use serde::Deserialize;

/// One cell of a table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
    /// Nothing (below the gate, not appraised).
    Empty,
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::Text(s.to_owned())
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Self {
        Cell::Text(s)
    }
}

impl From<Option<f64>> for Cell {
    fn from(v: Option<f64>) -> Self {
        v.map_or(Cell::Empty, Cell::Number)
    }
}

/// A list as a sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Sheet name (at most 31 characters).
    pub sheet: String,
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows.
    pub rows: Vec<Vec<Cell>>,
}

/// The lists that can be downloaded, by their address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListKind {
    /// `peringkat`.
    Ranking,
    /// `penghargaan`.
    Awards,
    /// `pelatihan`.
    Training,
    /// `perbaikan`.
    Improvement,
    /// `talenta`.
    Talent,
    /// `angka-kredit`.
    Credit,
}

impl ListKind {
    /// Every list.
    pub const ALL: [ListKind; 6] = [
        ListKind::Ranking,
        ListKind::Awards,
        ListKind::Training,
        ListKind::Improvement,
        ListKind::Talent,
        ListKind::Credit,
    ];

    /// The address segment.
    pub fn slug(self) -> &'static str {
        match self {
            ListKind::Ranking => "peringkat",
            ListKind::Awards => "penghargaan",
            ListKind::Training => "pelatihan",
            ListKind::Improvement => "perbaikan",
            ListKind::Talent => "talenta",
            ListKind::Credit => "angka-kredit",
        }
    }

    /// From the address segment.
    pub fn parse(slug: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.slug() == slug)
    }

    /// The list's title (also the sheet's name).
    pub fn title(self) -> crate::i18n::Msg {
        match self {
            ListKind::Ranking => tx::LIST_RANKING,
            ListKind::Awards => tx::LIST_AWARDS,
            ListKind::Training => tx::LIST_TRAINING,
            ListKind::Improvement => tx::LIST_IMPROVEMENT,
            ListKind::Talent => tx::LIST_TALENT,
            ListKind::Credit => tx::LIST_CREDIT,
        }
    }
}

/// The query of a download: the format, the period and (ranking) the dashboard's filters, under
/// the dashboard's own parameter names so its address can be reused.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct ExportQuery {
    /// `csv` or `xlsx` (default).
    pub format: String,
    /// Period name.
    pub periode: String,
    /// Unit code.
    pub unit: String,
    /// Service code.
    pub layanan: String,
    /// Predikat code or `none`.
    pub predikat: String,
    /// Non-empty: only "data belum cukup".
    pub belum_cukup: String,
}

impl ExportQuery {
    /// The dashboard filter it carries.
    pub fn filter(&self) -> RankingFilter {
        RankingFilter {
            unit: self.unit.clone(),
            service: self.layanan.clone(),
            predikat: self.predikat.clone(),
            insufficient: !self.belum_cukup.is_empty(),
        }
    }
}

/// A file to send.
#[derive(Clone, Debug)]
pub struct Download {
    /// ASCII file name.
    pub file_name: String,
    /// MIME type.
    pub content_type: &'static str,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// MIME type of an XLSX workbook.
pub const XLSX_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Builds the download of list `list` (HR only); unknown lists and formats are not found.
pub async fn export(
    state: &AppState,
    viewer: &Viewer,
    list: &str,
    query: &ExportQuery,
    meta: &RequestMeta,
    i18n: I18n,
) -> Result<Download, ServiceError> {
    require_hr(viewer)?;
    let kind = ListKind::parse(list).ok_or(ServiceError::NotFound)?;
    let xlsx = match query.format.trim() {
        "" | "xlsx" => true,
        "csv" => false,
        _ => return Err(ServiceError::NotFound),
    };
    let (calendar, view) = chosen_period(state, &query.periode).await?;
    let name = view.name.clone();
    let table = if kind == ListKind::Ranking {
        let page = ranking::build(state, &calendar, view, &query.filter(), i18n).await?;
        ranking_table(i18n, &page)
    } else {
        let page = followup::build(state, &calendar, view).await?;
        followup_table(i18n, kind, &page)
    };
    let bytes = if xlsx {
        to_xlsx(&table)?
    } else {
        to_csv(&table)?
    };
    let ext = if xlsx { "xlsx" } else { "csv" };
    audit_read(
        state,
        viewer,
        meta,
        "appraisal.exported",
        &name,
        &format!(
            "list={} format={ext} rows={}",
            kind.slug(),
            table.rows.len()
        ),
    )
    .await?;
    Ok(Download {
        file_name: format!("sigap-{}-{name}.{ext}", kind.slug()),
        content_type: if xlsx {
            XLSX_TYPE
        } else {
            "text/csv; charset=utf-8"
        },
        bytes,
    })
}

fn text_of(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) => s.clone(),
        Cell::Number(n) => {
            let s = format!("{n}");
            s.strip_suffix(".0").map(str::to_owned).unwrap_or(s)
        }
        Cell::Empty => String::new(),
    }
}

/// The table as CSV (UTF-8, a header line).
pub fn to_csv(table: &Table) -> Result<Vec<u8>, ServiceError> {
    let unexpected = |e: String| ServiceError::Unexpected(format!("csv export: {e}"));
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(&table.headers)
        .map_err(|e| unexpected(e.to_string()))?;
    for r in &table.rows {
        writer
            .write_record(r.iter().map(text_of))
            .map_err(|e| unexpected(e.to_string()))?;
    }
    writer.into_inner().map_err(|e| unexpected(e.to_string()))
}

/// The table as an XLSX workbook of one sheet, header in bold and frozen.
pub fn to_xlsx(table: &Table) -> Result<Vec<u8>, ServiceError> {
    use rust_xlsxwriter::{Format, Workbook};
    let unexpected =
        |e: rust_xlsxwriter::XlsxError| ServiceError::Unexpected(format!("xlsx export: {e}"));
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    let name: String = table
        .sheet
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect();
    sheet.set_name(name).map_err(unexpected)?;
    let bold = Format::new().set_bold();
    for (c, h) in table.headers.iter().enumerate() {
        let col = u16::try_from(c).unwrap_or(u16::MAX);
        sheet
            .write_string_with_format(0, col, h, &bold)
            .map_err(unexpected)?;
    }
    for (r, cells) in table.rows.iter().enumerate() {
        let row = u32::try_from(r + 1).unwrap_or(u32::MAX);
        for (c, cell) in cells.iter().enumerate() {
            let col = u16::try_from(c).unwrap_or(u16::MAX);
            match cell {
                Cell::Text(s) => {
                    sheet.write_string(row, col, s).map_err(unexpected)?;
                }
                Cell::Number(n) => {
                    sheet.write_number(row, col, *n).map_err(unexpected)?;
                }
                Cell::Empty => {}
            }
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(unexpected)?;
    sheet.autofit();
    workbook.save_to_buffer().map_err(unexpected)
}
