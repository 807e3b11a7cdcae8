//! The lists as tables: the ranking (scored officers in rank order, then those below the gate)
//! and each follow-up list, with the officer's NIP, name and unit first.

use super::{Cell, ListKind, Table};
use crate::api::hr::{HrFollowup, HrRanking, OfficerRef, RankedOfficer};
use crate::i18n::{hr as tx, I18n};

fn who(i18n: I18n) -> Vec<String> {
    [tx::COL_NIP, tx::COL_NAME, tx::COL_UNIT, tx::COL_UNIT_NAME]
        .into_iter()
        .map(|m| i18n.t(m).to_owned())
        .collect()
}

fn who_cells(o: &OfficerRef) -> Vec<Cell> {
    vec![
        o.nip.as_str().into(),
        o.name.as_str().into(),
        o.unit_code.as_str().into(),
        o.unit_name.as_str().into(),
    ]
}

fn headers(i18n: I18n, first: Vec<String>, rest: &[crate::i18n::Msg]) -> Vec<String> {
    first
        .into_iter()
        .chain(rest.iter().map(|m| i18n.t(*m).to_owned()))
        .collect()
}

fn ranked_cells(i18n: I18n, r: &RankedOfficer) -> Vec<Cell> {
    let s = &r.score;
    let mut cells = vec![r.rank.map(f64::from).into()];
    cells.extend(who_cells(&r.officer));
    cells.extend([
        Cell::Number(f64::from(s.n)),
        s.shrunk.into(),
        s.mean.into(),
        s.ci_low.into(),
        s.ci_high.into(),
        s.unit_mean.into(),
        s.suggestion
            .map_or(Cell::Empty, |e| tx::expectation(i18n, e).into()),
        s.response_rate.into(),
        r.predikat
            .map_or(Cell::Empty, |p| tx::predikat(i18n, p).into()),
        if s.shrunk.is_some() {
            Cell::Empty
        } else {
            i18n.t(tx::INSUFFICIENT).into()
        },
    ]);
    cells
}

/// The ranking: scored officers in rank order, then those below the gate.
pub fn ranking_table(i18n: I18n, page: &HrRanking) -> Table {
    let mut head = vec![i18n.t(tx::COL_RANK).to_owned()];
    head.extend(who(i18n));
    Table {
        sheet: i18n.t(ListKind::Ranking.title()).to_owned(),
        headers: headers(
            i18n,
            head,
            &[
                tx::COL_N,
                tx::COL_SHRUNK,
                tx::COL_MEAN,
                tx::COL_CI_LOW,
                tx::COL_CI_HIGH,
                tx::COL_UNIT_MEAN,
                tx::COL_SUGGESTION,
                tx::COL_RATE,
                tx::COL_PREDIKAT,
                tx::COL_STATUS,
            ],
        ),
        rows: page
            .ranked
            .iter()
            .chain(&page.insufficient)
            .map(|r| ranked_cells(i18n, r))
            .collect(),
    }
}

fn row(officer: &OfficerRef, rest: impl IntoIterator<Item = Cell>) -> Vec<Cell> {
    who_cells(officer).into_iter().chain(rest).collect()
}

/// One follow-up list (the ranking has [`ranking_table`]; asked for here, the awards).
pub fn followup_table(i18n: I18n, kind: ListKind, page: &HrFollowup) -> Table {
    let yes_no = |b: bool| Cell::from(i18n.t(if b { tx::YES } else { tx::NO }));
    let p = |v| Cell::from(tx::predikat(i18n, v));
    let e = |v| Cell::from(tx::expectation(i18n, v));
    let (columns, rows): (&[crate::i18n::Msg], Vec<Vec<Cell>>) = match kind {
        ListKind::Ranking | ListKind::Awards => (
            &[tx::COL_SUCCESSION, tx::COL_HISTORY],
            page.awards
                .iter()
                .map(|a| {
                    let history = a
                        .history
                        .iter()
                        .map(|(name, v)| format!("{name}: {}", tx::predikat(i18n, *v)))
                        .collect::<Vec<_>>()
                        .join("; ");
                    row(&a.officer, [yes_no(a.succession), history.into()])
                })
                .collect(),
        ),
        ListKind::Training => (
            &[
                tx::COL_N,
                tx::COL_U6,
                tx::COL_U7,
                tx::COL_WEAKEST,
                tx::COL_WEAKEST_NRR,
                tx::COL_UNIT_WEAKEST,
                tx::COL_UNIT_WEAKEST_NRR,
                tx::COL_PERILAKU,
                tx::COL_PRIORITY,
            ],
            page.training
                .iter()
                .map(|t| {
                    row(
                        &t.officer,
                        [
                            Cell::Number(f64::from(t.n)),
                            t.u6.into(),
                            t.u7.into(),
                            t.weakest.code().into(),
                            Cell::Number(t.weakest_nrr),
                            t.unit_weakest.map_or(Cell::Empty, |(u, _)| u.code().into()),
                            t.unit_weakest.map(|(_, v)| v).into(),
                            t.perilaku_kerja.map_or(Cell::Empty, e),
                            yes_no(t.priority),
                        ],
                    )
                })
                .collect(),
        ),
        ListKind::Improvement => (
            &[
                tx::COL_PREDIKAT,
                tx::COL_HASIL,
                tx::COL_PERILAKU,
                tx::COL_DUE,
            ],
            page.improvement
                .iter()
                .map(|r| {
                    row(
                        &r.officer,
                        [
                            p(r.predikat),
                            e(r.hasil_kerja),
                            e(r.perilaku_kerja),
                            r.due.as_str().into(),
                        ],
                    )
                })
                .collect(),
        ),
        ListKind::Talent => (
            &[
                tx::COL_PREDIKAT,
                tx::COL_PERFORMANCE,
                tx::COL_POTENTIAL,
                tx::COL_BOX,
                tx::COL_POOL,
            ],
            page.talent
                .iter()
                .map(|t| {
                    row(
                        &t.officer,
                        [
                            p(t.predikat),
                            tx::performance(i18n, t.performance).into(),
                            t.potential
                                .map_or(Cell::Empty, |v| tx::potential(i18n, v).into()),
                            t.nine_box.map(|b| f64::from(b.number())).into(),
                            yes_no(t.nine_box.is_some_and(|b| b.is_promotion_pool())),
                        ],
                    )
                })
                .collect(),
        ),
        ListKind::Credit => (
            &[tx::COL_PREDIKAT, tx::COL_PERCENT],
            page.credit
                .iter()
                .map(|c| {
                    row(
                        &c.officer,
                        [p(c.predikat), Cell::Number(f64::from(c.percent))],
                    )
                })
                .collect(),
        ),
    };
    Table {
        sheet: i18n.t(kind.title()).to_owned(),
        headers: headers(i18n, who(i18n), columns),
        rows,
    }
}
