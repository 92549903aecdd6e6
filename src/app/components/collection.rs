//! Collecting up: the plans the sub-units sent back, units × indicators, with
//! each unit's figure and status for the period, the total (counts summed,
//! never percentages averaged), who is behind, who reported nothing, and who
//! sent no file. Sortable by any column; a unit's plan opens read-only.

use crate::app::labels;
use crate::app::state::{Action, Collecting, Download, Purpose};
use crate::app::Shared;
use crate::browser;
use crate::calc::{self, Basis, Cell, Collection, Misfit, Status, Total};
use crate::i18n::{fill, Lang, M};
use crate::plan::{Period, Plan};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CollectionViewProps {
    pub lang: Lang,
    /// the plan the units answer to
    pub plan: Shared<Plan>,
    pub period: Period,
    pub basis: Basis,
    pub collecting: Rc<Collecting>,
    pub dispatch: Callback<Action>,
}

/// How the rows are ordered: by unit name, or by an indicator's column.
#[derive(Clone, Copy, PartialEq)]
enum SortBy {
    Unit,
    Indicator(usize),
}

/// The order of statuses when a column is sorted: the ones to look at first.
fn status_rank(s: Status) -> u8 {
    match s {
        Status::NotMet => 0,
        Status::Behind => 1,
        Status::NoActual => 2,
        Status::OnTrack => 3,
        Status::Met => 4,
        Status::NoTarget => 5,
        Status::Tracked => 6,
    }
}

fn cell_html(lang: Lang, ind: &crate::plan::Indicator, cell: Option<&Cell>) -> Html {
    match cell {
        None => html! { <span class="absent">{ lang.t(M::CollectAbsent) }</span> },
        Some(c) => html! {
            <>
                <span class="figure-shown">{ c.figure.map(|f| labels::figure(lang, ind, f)).unwrap_or_else(|| "—".into()) }</span>
                if c.impossible {
                    <span class="cell-error">{ lang.t(M::CollectImpossible) }</span>
                } else {
                    <span class={classes!("status", labels::status_class(c.status))}>{ labels::status(lang, c.status) }</span>
                }
                if let Some(asked) = c.lowered_from {
                    <span class="lowered">{ lowered(lang, ind, asked) }</span>
                }
            </>
        },
    }
}

/// "tự hạ mục tiêu (được giao ≥ 100%)": a unit judged against a target lower than the one handed down.
fn lowered(lang: Lang, ind: &crate::plan::Indicator, asked: f64) -> String {
    fill(lang.t(M::CollectLowered), &[&labels::target_bound(lang, ind, asked, asked)])
}

/// The total's figure; "Tạm tính" while units are missing, and its status,
/// or why it is not judged yet.
fn total_html(lang: Lang, ind: &crate::plan::Indicator, t: &Total) -> Html {
    html! {
        <>
            if t.partial {
                <span class="provisional">{ lang.t(M::CollectProvisional) }</span>
            }
            <span class="figure-shown">{ t.figure.map(|f| labels::figure(lang, ind, f)).unwrap_or_else(|| "—".into()) }</span>
            { match t.status {
                Some(s) => html! { <span class={classes!("status", labels::status_class(s))}>{ labels::status(lang, s) }</span> },
                None => html! { <span class="status not-judged">{ lang.t(M::CollectNotJudged) }</span> },
            } }
        </>
    }
}

/// The collection as rows of words for a CSV a province keeps beside its
/// report: per indicator its figure and status columns, the units in the
/// order on screen, the total (said provisional where it is) with how many
/// units it is of, and the units that sent no file.
fn csv_rows(lang: Lang, c: &Collection, order: &[usize]) -> Vec<Vec<String>> {
    let mut head = vec![lang.t(M::CollectUnit).to_string()];
    for i in &c.indicators {
        let name = labels::name(lang, i);
        let title = if i.code.is_empty() {
            name
        } else {
            format!("{} — {name}", i.code)
        };
        head.push(title.clone());
        head.push(format!("{title}: {}", lang.t(M::ColStatus)));
    }
    let mut rows = vec![head];
    let status = |s: Status| labels::status(lang, s).to_string();
    for &k in order {
        let r = &c.rows[k];
        let mut row = vec![r.unit.name.clone()];
        for (i, cell) in c.indicators.iter().zip(&r.cells) {
            match cell {
                Some(x) => {
                    row.push(
                        x.figure
                            .map(|f| labels::figure(lang, i, f))
                            .unwrap_or_default(),
                    );
                    let judged = if x.impossible {
                        lang.t(M::CollectImpossible).to_string()
                    } else {
                        status(x.status)
                    };
                    row.push(match x.lowered_from {
                        Some(asked) => format!("{judged}; {}", lowered(lang, i, asked)),
                        None => judged,
                    });
                }
                None => row.extend([lang.t(M::CollectAbsent).to_string(), String::new()]),
            }
        }
        rows.push(row);
    }
    let mut total = vec![lang.t(M::CollectTotal).to_string()];
    let mut coverage = vec![String::new()];
    for ((i, t), n) in c.indicators.iter().zip(&c.total).zip(&c.reported) {
        match t.as_ref().filter(|t| t.value.is_some()) {
            Some(t) => {
                let figure = t
                    .figure
                    .map(|f| labels::figure(lang, i, f))
                    .unwrap_or_default();
                total.push(if t.partial {
                    format!("{} {figure}", lang.t(M::CollectProvisional))
                } else {
                    figure
                });
                total.push(
                    t.status
                        .map(status)
                        .unwrap_or_else(|| lang.t(M::CollectNotJudged).to_string()),
                );
            }
            None => total.extend([lang.t(M::CollectNotSummable).to_string(), String::new()]),
        }
        coverage.push(fill(
            lang.t(M::CollectCoverage),
            &[&n.to_string(), &c.expected.to_string()],
        ));
        coverage.push(String::new());
    }
    rows.push(total);
    rows.push(coverage);
    if !c.missing.is_empty() {
        rows.push(vec![]);
        rows.push(vec![fill(
            lang.t(M::CollectMissing),
            &[&c.missing.len().to_string()],
        )]);
        rows.extend(c.missing.iter().map(|u| vec![u.name.clone()]));
    }
    rows
}

fn misfit_line(lang: Lang, m: &Misfit) -> String {
    match m {
        Misfit::OtherPeriod { unit, years, .. } => fill(
            lang.t(M::CollectOtherPeriod),
            &[&unit.name, &format!("{}–{}", years.start, years.end)],
        ),
        Misfit::Replaced { unit, .. } => fill(lang.t(M::CollectReplaced), &[&unit.name]),
        Misfit::NotASubUnit { unit, .. } => fill(lang.t(M::CollectNotASubUnit), &[&unit.name]),
    }
}

#[function_component(CollectionView)]
pub fn collection_view(props: &CollectionViewProps) -> Html {
    let lang = props.lang;
    let plan = &*props.plan.0;
    // collected once per change of the files, the plan or the period, not again for a sort
    let c = use_memo(
        (
            props.plan.clone(),
            props.collecting.clone(),
            props.basis,
            props.period,
        ),
        |(plan, collecting, basis, period)| {
            let files: Vec<&Plan> = collecting.files.iter().map(|p| p.as_ref()).collect();
            calc::collect(&plan.0, &files, *basis, *period)
        },
    );
    let c: &Collection = &c;
    let sort = use_state(|| (SortBy::Unit, false));
    let viewing = use_state(|| None::<String>);
    let mut order: Vec<usize> = (0..c.rows.len()).collect();
    match sort.0 {
        SortBy::Unit => {
            crate::sort::sort_by_key(&mut order, |k| crate::text::fold(&c.rows[*k].unit.name))
        }
        SortBy::Indicator(j) => crate::sort::sort_by(&mut order, |a, b| {
            let key = |k: &usize| {
                let cell = c.rows[*k].cells.get(j).cloned().flatten();
                (
                    cell.as_ref().map(|x| status_rank(x.status)).unwrap_or(9),
                    cell.and_then(|x| x.value)
                        .map(|v| (v * 1000.0) as i64)
                        .unwrap_or(i64::MIN),
                )
            };
            key(a).cmp(&key(b))
        }),
    }
    if sort.1 {
        order.reverse();
    }
    let on_csv = {
        let rows = csv_rows(lang, c, &order);
        let name = format!(
            "tong-hop-{}-{}.csv",
            crate::text::slug(&plan.title),
            crate::text::slug(&labels::period(lang, props.period))
        );
        let d = props.dispatch.clone();
        Callback::from(move |_| {
            d.emit(Action::Export(Download::File {
                name: name.clone(),
                mime: "text/csv;charset=utf-8".into(),
                bytes: Rc::new(crate::file::csv_table(&rows).into_bytes()),
            }))
        })
    };
    // a column is headed by the indicator's code and its name, cut to three lines (whole on hover)
    let sort_button = |by: SortBy, label: String, name: Option<String>| {
        let s = sort.clone();
        let active = sort.0 == by;
        let onclick = Callback::from(move |_| s.set((by, s.0 == by && !s.1)));
        let aria = if active {
            if sort.1 {
                "descending"
            } else {
                "ascending"
            }
        } else {
            "none"
        };
        html! {
            <th scope="col" aria-sort={aria}>
                <button type="button" class="sort" {onclick} title={name.clone()}>
                    { label }
                    if let Some(name) = name { <span class="visually-hidden">{ " — " }</span><span class="col-name">{ name }</span> }
                    { if active { if sort.1 { " ▾" } else { " ▴" } } else { "" } }
                </button>
            </th>
        }
    };
    let onchange = {
        let d = props.dispatch.clone();
        Callback::from(move |e: Event| {
            d.emit(Action::FilesChosen {
                files: browser::chosen_files(&e),
                purpose: Purpose::Collect,
            })
        })
    };
    let back = {
        let d = props.dispatch.clone();
        Callback::from(move |_| d.emit(Action::Collect(false)))
    };
    let behind: Vec<&str> = c
        .rows
        .iter()
        .filter(|r| r.behind())
        .map(|r| r.unit.name.as_str())
        .collect();
    let silent: Vec<&str> = c
        .rows
        .iter()
        .filter(|r| r.reported_nothing())
        .map(|r| r.unit.name.as_str())
        .collect();
    let open = viewing
        .as_ref()
        // the file collected last under that id is the one in the table
        .and_then(|id| props.collecting.files.iter().rev().find(|p| &p.id == id))
        .cloned();
    let period_name = labels::period(lang, props.period);
    html! {
        <section class="collection" aria-labelledby="collection-title">
            <div class="annex-toolbar">
                <button type="button" class="button" onclick={back}>{ lang.t(M::AnnexBack) }</button>
                <label class="button primary open-file">
                    <input type="file" class="visually-hidden" name="collect-files" multiple=true accept=".json,application/json" {onchange} />
                    { lang.t(M::CollectChoose) }
                </label>
                <span class="collect-hint">{ lang.t(M::CollectHint) }</span>
            </div>
            <h2 id="collection-title">{ fill(lang.t(M::CollectTitle), &[&plan.title, &period_name]) }</h2>
            <p class="collect-count">
                { fill(lang.t(M::CollectCount), &[&c.rows.len().to_string(), &plan.sub_units.len().max(c.rows.len()).to_string()]) }
            </p>
            if !c.rows.is_empty() {
                <div class="collect-take">
                    <button type="button" class="button" onclick={on_csv}>{ lang.t(M::CollectCsv) }</button>
                    <button type="button" class="button" aria-describedby="collect-take-hint"
                        onclick={{ let d = props.dispatch.clone(); move |_| d.emit(Action::CollectTake) }}>
                        { lang.t(M::CollectTake) }
                    </button>
                    <span id="collect-take-hint" class="collect-hint">{ lang.t(M::CollectTakeHint) }</span>
                </div>
            }
            if !props.collecting.errors.is_empty() {
                <ul class="collect-errors" role="alert">
                    { for props.collecting.errors.iter().map(|e| html! { <li>{ labels::import_error(lang, e) }</li> }) }
                </ul>
            }
            <div class="table-wrap collection-wrap">
                <table class="collection-table">
                    <thead>
                        <tr>
                            { sort_button(SortBy::Unit, lang.t(M::CollectUnit).to_string(), None) }
                            { for c.indicators.iter().enumerate().map(|(j, i)| {
                                let (label, name) = if i.code.is_empty() {
                                    (labels::name(lang, i), None)
                                } else {
                                    (i.code.clone(), Some(labels::name(lang, i)))
                                };
                                sort_button(SortBy::Indicator(j), label, name)
                            }) }
                        </tr>
                    </thead>
                    <tbody>
                        { for order.iter().map(|k| {
                            let row = &c.rows[*k];
                            let view = {
                                let (viewing, id) = (viewing.clone(), row.plan_id.clone());
                                Callback::from(move |_| viewing.set(Some(id.clone())))
                            };
                            html! {
                                <tr key={row.plan_id.clone()} data-plan={row.plan_id.clone()} class={classes!(row.behind().then_some("is-behind"))}>
                                    <th scope="row">
                                        <button type="button" class="link" onclick={view}>{ row.unit.name.clone() }</button>
                                        <button type="button" class="icon-button" onclick={{ let (d, id) = (props.dispatch.clone(), row.plan_id.clone()); move |_| d.emit(Action::CollectRemove(id.clone())) }}
                                            aria-label={format!("{}: {}", lang.t(M::CollectRemove), row.unit.name)} title={lang.t(M::CollectRemove)}>{ "✕" }</button>
                                    </th>
                                    { for c.indicators.iter().zip(row.cells.iter()).map(|(i, cell)| html! { <td>{ cell_html(lang, i, cell.as_ref()) }</td> }) }
                                </tr>
                            }
                        }) }
                    </tbody>
                    <tfoot>
                        <tr class="total-row">
                            <th scope="row">{ lang.t(M::CollectTotal) }</th>
                            { for c.indicators.iter().zip(c.total.iter()).zip(c.reported.iter()).map(|((i, cell), n)| {
                                // a total of the units that reported, said so; figures that cannot be
                                // added up (shares given as percentages) are not "no figures"
                                let summed = cell.as_ref().is_some_and(|x| x.value.is_some());
                                html! {
                                    <td>
                                        { match cell {
                                            Some(t) if summed || *n == 0 => total_html(lang, i, t),
                                            None if *n == 0 => html! { <span class="absent">{ lang.t(M::CollectNoFigures) }</span> },
                                            _ => html! { <span class="absent">{ lang.t(M::CollectNotSummable) }</span> },
                                        } }
                                        <span class="coverage">{ fill(lang.t(M::CollectCoverage), &[&n.to_string(), &c.expected.to_string()]) }</span>
                                    </td>
                                }
                            }) }
                        </tr>
                    </tfoot>
                </table>
            </div>
            <div class="collect-lists">
                <section aria-labelledby="missing-title">
                    <h3 id="missing-title">{ fill(lang.t(M::CollectMissing), &[&c.missing.len().to_string()]) }</h3>
                    <ul class="missing-units">{ for c.missing.iter().map(|u| html! { <li>{ u.name.clone() }</li> }) }</ul>
                </section>
                <section aria-labelledby="behind-title">
                    <h3 id="behind-title">{ fill(lang.t(M::CollectBehind), &[&behind.len().to_string()]) }</h3>
                    <ul class="behind-units">{ for behind.iter().map(|u| html! { <li>{ *u }</li> }) }</ul>
                </section>
                <section aria-labelledby="silent-title">
                    <h3 id="silent-title">{ fill(lang.t(M::CollectSilent), &[&silent.len().to_string()]) }</h3>
                    <ul class="silent-units">{ for silent.iter().map(|u| html! { <li>{ *u }</li> }) }</ul>
                </section>
            </div>
            if !c.misfits.is_empty() || !c.conflicts.is_empty() || !c.skipped.is_empty() {
                <section class="collect-report" aria-labelledby="misfit-title">
                    <h3 id="misfit-title">{ lang.t(M::CollectNotCombined) }</h3>
                    <ul>
                        { for c.misfits.iter().map(|m| html! { <li>{ misfit_line(lang, m) }</li> }) }
                        { for c.conflicts.iter().map(|x| html! {
                            <li>{ fill(lang.t(M::RollUpConflict), &[&x.key, &x.unit, labels::definition_word(lang, &x.what)]) }</li>
                        }) }
                        { for c.skipped.iter().map(|s| html! { <li>{ labels::skipped(lang, s) }</li> }) }
                    </ul>
                </section>
            }
            if let Some(p) = open {
                <UnitPlan {lang} plan={Shared(p)} period={props.period} basis={props.basis} on_close={{ let v = viewing.clone(); Callback::from(move |_| {
                    // back to the unit's name in the table
                    if let Some(id) = (*v).clone() {
                        browser::focus_in_row("tr[data-plan]", "data-plan", &id, "button.link");
                    }
                    v.set(None)
                }) }} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct UnitPlanProps {
    pub lang: Lang,
    pub plan: Shared<Plan>,
    pub period: Period,
    pub basis: Basis,
    pub on_close: Callback<()>,
}

/// A unit's plan as it sent it, read-only: its figures and statuses for the period.
#[function_component(UnitPlan)]
pub fn unit_plan(props: &UnitPlanProps) -> Html {
    let lang = props.lang;
    let plan = &*props.plan.0;
    let basis = Basis {
        plan_start: crate::plan::Date::start_of_year(plan.period.start),
        units: plan.sub_units.len(),
        ..props.basis
    };
    let first = use_node_ref();
    {
        let first = first.clone();
        use_effect_with((), move |_| browser::focus(&first));
    }
    let onkeydown = {
        let close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                close.emit(());
            }
        })
    };
    let close = {
        let close = props.on_close.clone();
        Callback::from(move |_| close.emit(()))
    };
    html! {
        <div class="dialog-backdrop">
            <div class="dialog unit-plan" role="dialog" aria-modal="true" aria-labelledby="unit-plan-title" {onkeydown}>
                <h2 id="unit-plan-title" tabindex="-1" ref={first}>{ format!("{} — {}", plan.unit.name, plan.title) }</h2>
                <p class="read-only-note">{ lang.t(M::CollectReadOnly) }</p>
                <table class="annex-table">
                    <thead>
                        <tr>
                            <th>{ lang.t(M::ColCode) }</th>
                            <th>{ lang.t(M::ColIndicator) }</th>
                            <th>{ lang.t(M::ColBaseline) }</th>
                            <th>{ lang.t(M::ColTarget) }</th>
                            <th>{ lang.t(M::ColActual) }</th>
                            <th>{ lang.t(M::ColStatus) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for plan.indicators.iter().map(|i| {
                            let e = calc::evaluate(i, basis, props.period);
                            html! {
                                <tr key={i.id.clone()}>
                                    <td>{ i.code.clone() }</td>
                                    <td>{ labels::name_with_level(lang, i) }</td>
                                    <td>{ i.baseline.as_ref().map(|b| labels::figure(lang, i, b.figure)).unwrap_or_default() }</td>
                                    <td>{ i.target_for(props.period).map(|t| labels::figure(lang, i, t.figure)).unwrap_or_default() }</td>
                                    <td>{ e.actual.map(|a| labels::figure(lang, i, a.figure)).unwrap_or_default() }</td>
                                    <td><span class={classes!("status", labels::status_class(e.status))}>{ labels::status(lang, e.status) }</span></td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
                <div class="dialog-actions">
                    <button type="button" class="button" onclick={close}>{ lang.t(M::Close) }</button>
                </div>
            </div>
        </div>
    }
}
