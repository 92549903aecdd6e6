//! Plans side by side: the open plan beside other plans (last year's plan of
//! the same unit, or other units' plans), indicators aligned by code and the
//! level they are set for, with old terms mapped to today's, one column group
//! per plan, and what changed from one plan to the next. With two plans of different years, a year-over-year
//! view says what last year reached and what this year targets.

use crate::app::labels;
use crate::app::state::{Action, Purpose};
use crate::app::Shared;
use crate::browser;
use crate::calc::{self, Change, CompareRow, Side};
use crate::i18n::{fill, Lang, M};
use crate::plan::{Date, Period, Plan};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CompareViewProps {
    pub lang: Lang,
    pub plan: Shared<Plan>,
    pub period: Period,
    pub today: Date,
    /// the plans beside the open one
    pub others: Rc<Vec<Rc<Plan>>>,
    pub errors: Rc<Vec<crate::browser::ImportError>>,
    /// the plans stored in this browser, that can be set beside the open one
    pub stored: Rc<Vec<crate::browser::PlanEntry>>,
    pub dispatch: Callback<Action>,
}

/// The period a plan is read for: the open plan's chosen period; another
/// plan's year of the same number if it covers it, else its last year.
fn period_for(plan: &Plan, open: &Plan, chosen: Period) -> Period {
    if plan.id == open.id {
        return chosen;
    }
    let year = chosen.year();
    if plan.period.contains(year) {
        Period::Year(year)
    } else {
        Period::Year(plan.period.end)
    }
}

fn change_mark(lang: Lang, c: Change) -> (&'static str, &'static str, &'static str) {
    match c {
        Change::Added => ("+", "added", lang.t(M::ChangeAdded)),
        Change::Dropped => ("−", "dropped", lang.t(M::ChangeDropped)),
        Change::Raised => ("↑", "raised", lang.t(M::ChangeRaised)),
        Change::Lowered => ("↓", "lowered", lang.t(M::ChangeLowered)),
        Change::TargetSet => ("•", "set", lang.t(M::ChangeSet)),
        Change::TargetRemoved => ("∅", "removed", lang.t(M::ChangeRemoved)),
        Change::Same => ("", "same", ""),
    }
}

fn value(lang: Lang, side: &Side, v: Option<f64>) -> String {
    v.map(|v| labels::value(lang, &side.indicator, v))
        .unwrap_or_default()
}

/// A side's target as the plan states it: "> 80%", "≤ 2%", "2–5 hệ thống".
fn target(lang: Lang, side: &Side) -> String {
    side.target
        .as_ref()
        .and_then(|t| calc::target_bounds(&side.indicator, t))
        .map(|(lo, hi)| labels::target_bound(lang, &side.indicator, lo, hi))
        .unwrap_or_default()
}

#[function_component(CompareView)]
pub fn compare_view(props: &CompareViewProps) -> Html {
    let lang = props.lang;
    let open = props.plan.0.clone();
    // older plans first, the open one among them by its years
    let mut plans: Vec<Rc<Plan>> = props
        .others
        .iter()
        .cloned()
        .chain(std::iter::once(open.clone()))
        .collect();
    crate::sort::sort_by_key(&mut plans, |p| {
        (p.period.start, p.period.end, p.id != open.id)
    });
    let with_periods: Vec<(&Plan, Period)> = plans
        .iter()
        .map(|p| (p.as_ref(), period_for(p, &open, props.period)))
        .collect();
    let rows: Vec<CompareRow> = calc::compare(&with_periods, props.today, &|k| {
        crate::catalog::current_code(k)
    });
    let year_over_year =
        with_periods.len() == 2 && with_periods[0].1.year() < with_periods[1].1.year();
    let onchange = {
        let d = props.dispatch.clone();
        Callback::from(move |e: Event| {
            d.emit(Action::FilesChosen {
                files: browser::chosen_files(&e),
                purpose: Purpose::Compare,
            })
        })
    };
    let back = {
        let d = props.dispatch.clone();
        Callback::from(move |_| d.emit(Action::Compare(false)))
    };
    let name_of = |r: &CompareRow| {
        r.sides
            .iter()
            .rev()
            .flatten()
            .next()
            .map(|s| labels::name(lang, &s.indicator))
            .unwrap_or_default()
    };
    // "cấp xã" on a row a plan sets for another level than its own, as the
    // table marks it: a province's own row and its communes' never read alike
    let level_of = |r: &CompareRow| {
        r.sides
            .iter()
            .flatten()
            .find(|s| s.indicator.applies_to.is_some())
            .map(|s| super::level_badge(lang, &s.indicator))
            .unwrap_or_default()
    };
    // one code may head two rows (a province's own and its communes')
    let row_key = |r: &CompareRow| format!("{}@{:?}", r.key, r.level);
    let level_attr = |r: &CompareRow| r.level.map(|l| format!("{l:?}").to_lowercase());
    let heading = |(p, period): &(&Plan, Period)| {
        let remove = (p.id != open.id).then(|| {
            let (d, id) = (props.dispatch.clone(), p.id.clone());
            Callback::from(move |_| d.emit(Action::CompareRemove(id.clone())))
        });
        html! {
            <th colspan="4" scope="colgroup" class="plan-head">
                { format!("{} · {} · {}", p.unit.name, p.title, labels::period(lang, *period)) }
                if let Some(onclick) = remove {
                    <button type="button" class="icon-button" {onclick} aria-label={format!("{}: {}", lang.t(M::CompareRemove), p.title)} title={lang.t(M::CompareRemove)}>{ "✕" }</button>
                }
            </th>
        }
    };
    html! {
        <section class="compare" aria-labelledby="compare-title">
            <div class="annex-toolbar">
                <button type="button" class="button" onclick={back}>{ lang.t(M::AnnexBack) }</button>
                <label class="button primary open-file">
                    <input type="file" class="visually-hidden" name="compare-files" multiple=true accept=".json,application/json" {onchange} />
                    { lang.t(M::CompareChoose) }
                </label>
            </div>
            <h2 id="compare-title">{ lang.t(M::CompareTitle) }</h2>
            if !props.errors.is_empty() {
                <ul class="collect-errors" role="alert">
                    { for props.errors.iter().map(|e| html! { <li>{ labels::import_error(lang, e) }</li> }) }
                </ul>
            }
            if props.others.is_empty() {
                <p class="compare-empty">{ lang.t(M::CompareEmpty) }</p>
            }
            <details class="compare-stored" open={props.others.is_empty()}>
                <summary>{ lang.t(M::CompareStoredTitle) }</summary>
                <ul>
                    { for props.stored.iter().filter(|e| e.id != open.id && !props.others.iter().any(|p| p.id == e.id)).map(|e| {
                        let (d, id) = (props.dispatch.clone(), e.id.clone());
                        let onclick = Callback::from(move |_| d.emit(Action::CompareStored(id.clone())));
                        html! {
                            <li key={e.id.clone()}>
                                <button type="button" class="link" {onclick}>{ format!("{} ({}–{})", e.title, e.start, e.end) }</button>
                            </li>
                        }
                    }) }
                </ul>
            </details>
            if year_over_year {
                <section class="year-over-year" aria-labelledby="yoy-title">
                    <h3 id="yoy-title">{ fill(lang.t(M::YearOverYear), &[&with_periods[0].1.year().to_string(), &with_periods[1].1.year().to_string()]) }</h3>
                    <div class="table-wrap">
                        <table class="compare-table">
                            <thead>
                                <tr>
                                    <th scope="col">{ lang.t(M::ColIndicator) }</th>
                                    <th scope="col">{ fill(lang.t(M::YoyLastTarget), &[&with_periods[0].1.year().to_string()]) }</th>
                                    <th scope="col">{ fill(lang.t(M::YoyReached), &[&with_periods[0].1.year().to_string()]) }</th>
                                    <th scope="col">{ fill(lang.t(M::YoyThisTarget), &[&with_periods[1].1.year().to_string()]) }</th>
                                    <th scope="col">{ lang.t(M::CompareChange) }</th>
                                </tr>
                            </thead>
                            <tbody>
                                { for rows.iter().map(|r| {
                                    let (mark, class, words) = change_mark(lang, r.changes[0]);
                                    let last = r.sides[0].as_ref();
                                    let this = r.sides[1].as_ref();
                                    html! {
                                        <tr key={row_key(r)} data-key={r.key.clone()} data-level={level_attr(r)}>
                                            <th scope="row">{ format!("{} {}", r.key, name_of(r)) }{ level_of(r) }</th>
                                            <td>{ last.map(|s| target(lang, s)).unwrap_or_default() }</td>
                                            <td>
                                                { last.map(|s| value(lang, s, s.actual)).unwrap_or_default() }
                                                if let Some(s) = last {
                                                    { " " }<span class={classes!("status", labels::status_class(s.status))}>{ labels::status(lang, s.status) }</span>
                                                }
                                            </td>
                                            <td>{ this.map(|s| target(lang, s)).unwrap_or_default() }</td>
                                            <td class={classes!("change", class)}>{ format!("{mark} {words}") }</td>
                                        </tr>
                                    }
                                }) }
                            </tbody>
                        </table>
                    </div>
                </section>
            }
            <section aria-labelledby="side-title">
                <h3 id="side-title">{ lang.t(M::SideBySide) }</h3>
                <div class="table-wrap">
                    <table class="compare-table side-by-side">
                        <thead>
                            <tr>
                                <th scope="col" rowspan="2">{ lang.t(M::ColIndicator) }</th>
                                { for with_periods.iter().map(heading) }
                            </tr>
                            <tr>
                                { for with_periods.iter().map(|_| html! {
                                    <>
                                        <th scope="col">{ lang.t(M::ColBaseline) }</th>
                                        <th scope="col">{ lang.t(M::ColTarget) }</th>
                                        <th scope="col">{ lang.t(M::ColActual) }</th>
                                        <th scope="col">{ lang.t(M::ColStatus) }</th>
                                    </>
                                }) }
                            </tr>
                        </thead>
                        <tbody>
                            { for rows.iter().map(|r| html! {
                                <tr key={row_key(r)} data-key={r.key.clone()} data-level={level_attr(r)}>
                                    <th scope="row">{ format!("{} {}", r.key, name_of(r)) }{ level_of(r) }</th>
                                    { for r.sides.iter().enumerate().map(|(k, side)| {
                                        let change = k.checked_sub(1).and_then(|c| r.changes.get(c)).copied().unwrap_or(Change::Same);
                                        let (mark, class, words) = change_mark(lang, change);
                                        match side {
                                            Some(s) => html! {
                                                <>
                                                    <td>{ value(lang, s, s.baseline) }</td>
                                                    <td class={classes!("change", class)} title={words}>
                                                        { target(lang, s) }
                                                        if !mark.is_empty() { <span class="mark" aria-label={words}>{ format!(" {mark}") }</span> }
                                                    </td>
                                                    <td>{ value(lang, s, s.actual) }</td>
                                                    <td><span class={classes!("status", labels::status_class(s.status))}>{ labels::status(lang, s.status) }</span></td>
                                                </>
                                            },
                                            None => html! {
                                                <td colspan="4" class={classes!("change", class)}>{ if words.is_empty() { lang.t(M::CollectAbsent).to_string() } else { format!("{mark} {words}") } }</td>
                                            },
                                        }
                                    }) }
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            </section>
        </section>
    }
}
