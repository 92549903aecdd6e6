//! The results report ("báo cáo kết quả thực hiện"): for the plan and the
//! period chosen, what each indicator reached against its target and the
//! verdict, group by group, and the line every such report starts with
//! ("Năm 2025 đạt 30/34 chỉ tiêu"), in the official form of Decree
//! 30/2020/NĐ-CP like the annex; a chart of target against reached; also as CSV.

use super::annex::{date_parts, place_name, ROMAN};
use crate::app::labels;
use crate::app::state::{Action, Download};
use crate::app::Shared;
use crate::browser;
use crate::calc::{self, Basis, Report, Status};
use crate::i18n::{fill, Lang, M};
use crate::numfmt;
use crate::plan::{Date, Indicator, Period, Plan};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultsReportProps {
    pub lang: Lang,
    pub plan: Shared<Plan>,
    pub period: Period,
    pub basis: Basis,
    pub today: Date,
    pub dispatch: Callback<Action>,
}

/// A target as the report writes it: "> 97%", "2–5 hệ thống".
fn target_text(lang: Lang, ind: &Indicator, period: Period) -> String {
    let Some(t) = ind.target_for(period) else {
        return String::new();
    };
    match calc::target_bounds(ind, t) {
        Some((lo, hi)) => match (ind.comparator, labels::comparator_sign(ind.comparator)) {
            (crate::plan::Comparator::Between, _) => labels::target_bound(lang, ind, lo, hi),
            (_, "≥") => labels::value(lang, ind, lo),
            (_, sign) => format!("{sign} {}", labels::value(lang, ind, lo)),
        },
        None => numfmt::format_figure(t.figure, lang),
    }
}

/// The rows of the report in words, for the CSV: the same columns as the printed table.
fn csv_rows(lang: Lang, report: &Report) -> Vec<Vec<String>> {
    let mut head = vec![
        lang.t(M::ColNo).to_string(),
        lang.t(M::ColCode).to_string(),
        lang.t(M::ColIndicator).to_string(),
        lang.t(M::ColUnit).to_string(),
    ];
    head.push(fill(
        lang.t(M::ReportTargetOf),
        &[&labels::period(lang, report.period)],
    ));
    head.extend(
        report
            .interim
            .iter()
            .map(|p| fill(lang.t(M::ReportActualOf), &[&labels::period(lang, *p)])),
    );
    head.extend([
        lang.t(M::ReportReached).to_string(),
        lang.t(M::ReportAchievement).to_string(),
        lang.t(M::ReportVerdict).to_string(),
    ]);
    let mut rows = vec![head];
    let mut n = 0;
    for g in &report.groups {
        for r in &g.rows {
            n += 1;
            let ind = &*r.indicator;
            let mut row = vec![
                n.to_string(),
                ind.code.clone(),
                labels::name_with_level(lang, ind),
                labels::unit_word(lang, &ind.unit_label),
                target_text(lang, ind, report.period),
            ];
            row.extend(
                r.interim
                    .iter()
                    .map(|f| f.map(|f| labels::figure(lang, ind, f)).unwrap_or_default()),
            );
            row.push(
                r.reached
                    .map(|a| labels::figure(lang, ind, a.figure))
                    .unwrap_or_default(),
            );
            row.push(
                r.achievement
                    .map(|s| numfmt::percent(s * 100.0, lang))
                    .unwrap_or_default(),
            );
            row.push(labels::status(lang, r.evaluation.status).to_string());
            rows.push(row);
        }
    }
    rows
}

const CHART_W: f64 = 720.0;
const LABEL_W: f64 = 70.0;
const ROW_H: f64 = 16.0;
/// the bar scale ends at 120% of the target, so that a target beaten shows as beaten
const SCALE: f64 = 1.2;

/// Target against reached for every judged indicator: a bar of the share of
/// the target reached, the target marked at 100%.
fn chart(lang: Lang, report: &Report) -> Html {
    let rows: Vec<(usize, &calc::ReportRow)> = report
        .groups
        .iter()
        .flat_map(|g| g.rows.iter())
        .enumerate()
        .filter(|(_, r)| !matches!(r.evaluation.status, Status::Tracked | Status::NoTarget))
        .map(|(k, r)| (k + 1, r))
        .collect();
    if rows.is_empty() {
        return html! {};
    }
    let h = ROW_H * rows.len() as f64 + 24.0;
    let x = |share: f64| LABEL_W + share.clamp(0.0, SCALE) / SCALE * (CHART_W - LABEL_W - 10.0);
    let legend: Vec<Status> = Status::ALL
        .into_iter()
        .filter(|s| rows.iter().any(|(_, r)| r.evaluation.status == *s))
        .collect();
    html! {
        <figure class="report-chart">
            <svg viewBox={format!("0 0 {CHART_W} {h}")} role="img" aria-label={lang.t(M::ReportChart)}>
                <line class="target-line" x1={format!("{:.1}", x(1.0))} x2={format!("{:.1}", x(1.0))} y1="0" y2={format!("{:.1}", h - 16.0)} />
                <text class="axis" x={format!("{:.1}", x(1.0))} y={format!("{:.1}", h - 4.0)} text-anchor="middle">{ "100%" }</text>
                <text class="axis" x={format!("{:.1}", x(0.0))} y={format!("{:.1}", h - 4.0)} text-anchor="start">{ "0" }</text>
                { for rows.iter().enumerate().map(|(i, (n, r))| {
                    let y = i as f64 * ROW_H + 2.0;
                    let ind = &*r.indicator;
                    let share = r.achievement.unwrap_or(0.0);
                    let label = if ind.code.is_empty() { format!("{n}") } else { format!("{n}. {}", ind.code) };
                    html! {
                        <g class={classes!("report-bar", labels::status_class(r.evaluation.status))}>
                            <title>{ format!("{}: {}", labels::name_with_level(lang, ind), labels::status(lang, r.evaluation.status)) }</title>
                            <text x="0" y={format!("{:.1}", y + ROW_H - 5.0)}>{ label }</text>
                            <rect x={format!("{:.1}", LABEL_W)} y={format!("{:.1}", y)} width={format!("{:.1}", x(share) - LABEL_W)} height={format!("{:.1}", ROW_H - 5.0)} />
                            if let Some(s) = r.achievement {
                                <text class="value" x={format!("{:.1}", (x(s) + 3.0).min(CHART_W - 42.0))} y={format!("{:.1}", y + ROW_H - 5.0)}>{ numfmt::percent(s * 100.0, lang) }</text>
                            }
                        </g>
                    }
                }) }
            </svg>
            <figcaption>
                { lang.t(M::ReportChart) }
                // what each colour of bar says, for the statuses the chart shows
                <span class="report-legend">
                    { for legend.iter().map(|s| html! {
                        <span class={classes!("report-bar", labels::status_class(*s))}>
                            <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true"><rect width="10" height="10" /></svg>
                            { labels::status(lang, *s) }
                        </span>
                    }) }
                </span>
            </figcaption>
        </figure>
    }
}

#[function_component(ResultsReport)]
pub fn results_report(props: &ResultsReportProps) -> Html {
    let lang = props.lang;
    let plan = &*props.plan.0;
    let period = props.period;
    let report = calc::results(plan, props.basis, period);
    let number = use_state(String::new);
    let date = use_state(|| props.today.dmy());
    let period_name = labels::period(lang, period);
    let issuer = plan.unit.name.to_uppercase();
    let parent = plan.parent_unit.as_ref().map(|u| u.name.to_uppercase());
    let report_date = date.parse::<Date>().ok();
    let place_date = report_date.map(|d| {
        let (day, month, year) = date_parts(d);
        fill(
            lang.t(M::PlaceDate),
            &[&place_name(&plan.unit.name), &day, &month, &year],
        )
    });
    let of_plan = match (plan.document_number.trim(), plan.issue_date) {
        ("", _) => fill(lang.t(M::ReportOfNoNumber), &[&plan.title]),
        (n, d) => fill(
            lang.t(M::ReportOf),
            &[
                labels::document_type(lang, plan.document_type()),
                n,
                &d.map(|d| d.dmy()).unwrap_or_else(|| "…".into()),
                &plan.title,
            ],
        ),
    };
    let back = {
        let d = props.dispatch.clone();
        Callback::from(move |_| d.emit(Action::ShowReport(false)))
    };
    let on_csv = {
        let (rows, name, d) = (
            csv_rows(lang, &report),
            format!("bao-cao-ket-qua-{}.csv", crate::text::slug(&plan.title)),
            props.dispatch.clone(),
        );
        Callback::from(move |_| {
            let bytes = std::rc::Rc::new(crate::file::csv_table(&rows).into_bytes());
            d.emit(Action::Export(Download::File {
                name: name.clone(),
                mime: "text/csv;charset=utf-8".into(),
                bytes,
            }));
        })
    };
    let field = |label: M, value: &UseStateHandle<String>, name: &'static str| {
        let v = value.clone();
        let oninput = Callback::from(move |e: InputEvent| v.set(browser::input_value(&e)));
        html! {
            <label class="field">
                <span class="field-label">{ lang.t(label) }</span>
                <input type="text" {name} value={(**value).clone()} {oninput} />
            </label>
        }
    };
    let mut n = 0;
    let groups = report.groups.iter().enumerate().map(|(g, group)| {
        let rows = group.rows.iter().map(|r| {
            n += 1;
            let ind = &*r.indicator;
            let e = &r.evaluation;
            html! {
                <tr>
                    <td class="c">{ n }</td>
                    <td>{ labels::name_with_level(lang, ind) }</td>
                    <td class="c">{ labels::unit_word(lang, &ind.unit_label) }</td>
                    <td class="c">{ target_text(lang, ind, period) }</td>
                    { for r.interim.iter().map(|f| html! { <td class="c">{ f.map(|f| labels::figure(lang, ind, f)).unwrap_or_default() }</td> }) }
                    <td class="c">{ r.reached.map(|a| labels::figure(lang, ind, a.figure)).unwrap_or_default() }</td>
                    <td class="c">{ r.achievement.map(|s| numfmt::percent(s * 100.0, lang)).unwrap_or_default() }</td>
                    <td class={classes!("c", "verdict", labels::status_class(e.status))}>{ labels::status(lang, e.status) }</td>
                </tr>
            }
        }).collect::<Html>();
        html! {
            // a group is kept together with its heading where it fits, and its heading never ends a page
            <tbody class="report-group">
                if !group.name.trim().is_empty() {
                    <tr class="annex-group">
                        <td class="c">{ ROMAN.get(g).copied().unwrap_or("") }</td>
                        <td colspan={(6 + report.interim.len()).to_string()}>
                            { labels::group(lang, &group.name) }
                            <span class="group-tally">{ format!(" — {}", labels::group_tally(lang, group)) }</span>
                        </td>
                    </tr>
                }
                { rows }
            </tbody>
        }
    }).collect::<Html>();
    let summary = labels::report_summary(lang, &report, &period_name);
    let as_of = fill(
        lang.t(M::ReportAsOf),
        &[&props.basis.judged_at(period).dmy()],
    );
    html! {
        <section class="annex report" aria-label={lang.t(M::ReportTitle)}>
            <div class="annex-toolbar">
                <button type="button" class="button" onclick={back}>{ lang.t(M::AnnexBack) }</button>
                <button type="button" class="button primary" onclick={{ let d = props.dispatch.clone(); move |_| d.emit(Action::Print) }}>{ lang.t(M::AnnexPrint) }</button>
                <button type="button" class="button" onclick={on_csv}>{ lang.t(M::ReportCsv) }</button>
                { field(M::ReportNumber, &number, "report-number") }
                { field(M::ReportDate, &date, "report-date") }
            </div>
            <div class="annex-page">
                <header class="annex-head">
                    <div class="issuer">
                        if let Some(p) = parent { <div>{ p }</div> }
                        <div class="strong">{ issuer }</div>
                        <div class="rule"></div>
                        <div>{ fill(lang.t(M::DocNumber), &[if number.trim().is_empty() { "      /BC-UBND" } else { number.trim() }]) }</div>
                    </div>
                    <div class="motto">
                        <div class="strong">{ lang.t(M::Motto1) }</div>
                        <div class="strong">{ lang.t(M::Motto2) }</div>
                        <div class="rule"></div>
                        if let Some(pd) = place_date { <div class="em">{ pd }</div> }
                    </div>
                </header>
                <h1 class="annex-title">{ lang.t(M::ReportHeading) }</h1>
                <h2 class="annex-subtitle">{ fill(lang.t(M::ReportSubtitle), &[&period_name]) }</h2>
                <p class="annex-of">{ of_plan }</p>
                <p class="report-summary"><strong>{ summary }</strong>{ format!(" ({as_of})") }</p>
                <table class="annex-table report-table">
                    <thead>
                        <tr>
                            <th>{ lang.t(M::ColNo) }</th>
                            <th>{ lang.t(M::ColIndicator) }</th>
                            <th>{ lang.t(M::ColUnit) }</th>
                            <th>{ fill(lang.t(M::ReportTargetOf), &[&period_name]) }</th>
                            { for report.interim.iter().map(|p| html! { <th>{ fill(lang.t(M::ReportActualOf), &[&labels::period(lang, *p)]) }</th> }) }
                            <th>{ lang.t(M::ReportReached) }</th>
                            <th>{ lang.t(M::ReportAchievement) }</th>
                            <th>{ lang.t(M::ReportVerdict) }</th>
                        </tr>
                    </thead>
                    { groups }
                </table>
                { chart(lang, &report) }
            </div>
        </section>
    }
}
