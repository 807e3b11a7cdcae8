//! What an appraisal rests on, as the officer, their supervisor and HR read it (REFERENCE §4):
//! the service score with n, interval, unit mean, shrunk score and suggestion (or "data belum
//! cukup"), the objective service record, the trend with intervals, the U6/U7 answers as bars
//! and the citizens' comments. Every chart has its numbers in a table beside it.

use super::{expectation_label, mean_with_interval, num, NotEnough};
use crate::api::appraisal::{OfficerEvidence, RecordView, ScoreView, TrendPoint};
use crate::components::charts::{Bar, BarChart, IntervalChart, IntervalPoint};
use crate::domain::skm::{Score, Unsur};
use crate::i18n::{appraisal as ap, I18n, Lang};
use leptos::prelude::*;

/// Every evidence section of one officer in one period.
#[component]
pub fn EvidenceSections(evidence: OfficerEvidence, i18n: I18n) -> impl IntoView {
    let scored = evidence.score.shrunk.is_some();
    let min = evidence.score.min_n;
    view! {
        <ScorePanel score=evidence.score.clone() i18n/>
        <RecordPanel record=evidence.record.clone() i18n/>
        <TrendPanel trend=evidence.trend.clone() i18n/>
        <section class="evidence-block" aria-labelledby="ev-answers">
            <h2 id="ev-answers">{i18n.t(ap::EV_ANSWERS_HEADING)}</h2>
            {if scored {
                view! {
                    <p class="hint">{i18n.t(ap::EV_ANSWERS_LEAD)}</p>
                    <div class="answer-charts">
                        <AnswerChart unsur=Unsur::U6 counts=evidence.u6 i18n/>
                        <AnswerChart unsur=Unsur::U7 counts=evidence.u7 i18n/>
                    </div>
                }
                .into_any()
            } else {
                view! { <p class="muted">{i18n.f(ap::EV_HIDDEN_BELOW_GATE, &[("min", &min)])}</p> }.into_any()
            }}
        </section>
        <section class="evidence-block" aria-labelledby="ev-comments">
            <h2 id="ev-comments">{i18n.t(ap::EV_COMMENTS_HEADING)}</h2>
            {if !scored {
                view! { <p class="muted">{i18n.f(ap::EV_HIDDEN_BELOW_GATE, &[("min", &min)])}</p> }.into_any()
            } else if evidence.comments.is_empty() {
                view! { <p class="empty">{i18n.t(ap::EV_COMMENTS_EMPTY)}</p> }.into_any()
            } else {
                view! {
                    <ul class="comment-list" data-testid="comments">
                        {evidence.comments.into_iter().map(|c| view! { <li><blockquote class="preline">{c}</blockquote></li> }).collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
    .into_any()
}

/// The score, or "data belum cukup" and no number.
#[component]
pub fn ScorePanel(score: ScoreView, i18n: I18n) -> impl IntoView {
    let body = match (score.shrunk, mean_with_interval(&score)) {
        (Some(shrunk), Some(mean)) => view! {
            <dl class="summary-list score-facts" data-testid="score">
                <div><dt>{i18n.t(ap::EV_N)}</dt><dd data-testid="score-n">{score.n}</dd></div>
                <div>
                    <dt>{i18n.t(ap::EV_SHRUNK)}</dt>
                    <dd><span class="score-big" data-testid="score-shrunk">{num(shrunk)}</span>
                        <span class="hint">{i18n.t(ap::EV_SHRUNK_HINT)}</span></dd>
                </div>
                <div><dt>{i18n.t(ap::EV_RAW_INTERVAL)}</dt><dd data-testid="score-interval">{mean}</dd></div>
                <div><dt>{i18n.t(ap::EV_UNIT_MEAN)}</dt><dd>{score.unit_mean.map(num).unwrap_or_default()}</dd></div>
                <div>
                    <dt>{i18n.t(ap::EV_SUGGESTION)}</dt>
                    <dd data-testid="score-suggestion" data-code=score.suggestion.map(|s| s.code())>
                        {score.suggestion.map(|s| expectation_label(i18n, s)).unwrap_or_default()}
                    </dd>
                </div>
                <div>
                    <dt>{i18n.t(ap::EV_RESPONSE_RATE)}</dt>
                    <dd>{score.response_rate.map_or_else(|| i18n.t(ap::EV_NO_RATE).to_owned(), |r| format!("{r:.0}%"))}
                        <span class="hint">{i18n.t(ap::EV_RESPONSE_RATE_HINT)}</span></dd>
                </div>
            </dl>
        }
        .into_any(),
        _ => view! {
            <p class="score-gate" data-testid="score"><NotEnough score=score.clone() i18n/></p>
            <p class="hint">{i18n.t(ap::EV_GATE_EXPLAINED)}</p>
        }
        .into_any(),
    };
    view! {
        <section class="evidence-block" aria-labelledby="ev-score">
            <h2 id="ev-score">{i18n.t(ap::EV_SCORE_HEADING)}</h2>
            <p class="hint">{i18n.t(ap::EV_SCORE_LEAD)}</p>
            {body}
        </section>
    }
    .into_any()
}

/// The objective service record.
#[component]
pub fn RecordPanel(record: RecordView, i18n: I18n) -> impl IntoView {
    let dash = || "—".to_owned();
    view! {
        <section class="evidence-block" aria-labelledby="ev-record">
            <h2 id="ev-record">{i18n.t(ap::EV_RECORD_HEADING)}</h2>
            <dl class="summary-list" data-testid="record">
                <div><dt>{i18n.t(ap::EV_HANDLED)}</dt><dd>{record.handled}</dd></div>
                <div><dt>{i18n.t(ap::EV_COMPLETED)}</dt><dd>{record.completed}</dd></div>
                <div><dt>{i18n.t(ap::EV_ON_TIME)}</dt><dd>{record.on_time_share.map_or_else(dash, |s| format!("{s:.1}%"))}</dd></div>
                <div><dt>{i18n.t(ap::EV_CORRECTIONS)}</dt><dd>{record.corrections}</dd></div>
                <div><dt>{i18n.t(ap::EV_AVG_DAYS)}</dt><dd>{record.avg_working_days.map_or_else(dash, |d| format!("{d:.1}"))}</dd></div>
                <div><dt>{i18n.t(ap::EV_COUNTER)}</dt><dd>{record.counter_invitations}</dd></div>
            </dl>
        </section>
    }
    .into_any()
}

/// The score over the last periods: points with their 95% interval, and the same as a table.
#[component]
fn TrendPanel(trend: Vec<TrendPoint>, i18n: I18n) -> impl IntoView {
    let points = trend
        .iter()
        .map(|t| IntervalPoint {
            label: t.period.clone(),
            value: match (t.score.mean, t.score.ci_low, t.score.ci_high) {
                (Some(m), Some(lo), Some(hi)) => Some((m, lo, hi)),
                _ => None,
            },
        })
        .collect::<Vec<_>>();
    view! {
        <section class="evidence-block" aria-labelledby="ev-trend">
            <h2 id="ev-trend">{i18n.t(ap::EV_TREND_HEADING)}</h2>
            <p class="hint">{i18n.t(ap::EV_TREND_LEAD)}</p>
            <IntervalChart points min=25.0 max=100.0/>
            <div class="table-wrap">
                <table class="table" data-testid="trend">
                    <thead><tr>
                        <th scope="col">{i18n.t(ap::EV_COL_PERIOD)}</th>
                        <th scope="col" class="num">{i18n.t(ap::EV_COL_N)}</th>
                        <th scope="col">{i18n.t(ap::EV_RAW_INTERVAL)}</th>
                        <th scope="col" class="num">{i18n.t(ap::EV_COL_SHRUNK)}</th>
                    </tr></thead>
                    <tbody>
                        {trend.into_iter().map(|t| {
                            let mean = mean_with_interval(&t.score);
                            view! {
                                <tr>
                                    <th scope="row">{t.period.clone()}</th>
                                    <td class="num">{t.score.n}</td>
                                    {match (mean, t.score.shrunk) {
                                        (Some(mean), Some(shrunk)) => view! { <td>{mean}</td><td class="num">{num(shrunk)}</td> }.into_any(),
                                        _ => view! { <td colspan="2" class="muted">{i18n.t(ap::EV_NOT_ENOUGH)}</td> }.into_any(),
                                    }}
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

/// One unsur's answers by score: bars, and a table with the official answer wording.
#[component]
fn AnswerChart(unsur: Unsur, counts: [u32; 4], i18n: I18n) -> impl IntoView {
    let name = match i18n.lang {
        Lang::Id => unsur.name_id(),
        Lang::En => unsur.name_en(),
    };
    let top = counts.iter().copied().max().unwrap_or(0).max(1);
    let bars = (1u8..=4)
        .map(|s| Bar {
            label: s.to_string(),
            value: Some(f64::from(counts[usize::from(s - 1)])),
        })
        .collect::<Vec<_>>();
    let testid = format!("answers-{}", unsur.code().to_lowercase());
    view! {
        <figure class="answer-chart" data-testid=testid>
            <figcaption><span class="code-chip">{unsur.code()}</span> " " {name}</figcaption>
            <BarChart bars min=0.0 max=f64::from(top)/>
            <table class="table compact">
                <thead><tr>
                    <th scope="col">{i18n.t(ap::EV_COL_ANSWER)}</th>
                    <th scope="col" class="num">{i18n.t(ap::EV_COL_COUNT)}</th>
                </tr></thead>
                <tbody>
                    {(1u8..=4).map(|s| {
                        let label = Score::try_from(s).map_or("", |score| match i18n.lang {
                            Lang::Id => unsur.label_id(score),
                            Lang::En => unsur.label_en(score),
                        });
                        view! { <tr><td>{s} " " {label}</td><td class="num">{counts[usize::from(s - 1)]}</td></tr> }
                    }).collect_view()}
                </tbody>
            </table>
        </figure>
    }
    .into_any()
}
