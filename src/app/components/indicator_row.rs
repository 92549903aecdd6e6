//! One indicator in the table: its figures for the chosen period, the gap,
//! the achievement bar and the status. Re-renders only when its own
//! indicator, the period or the language changes.

use super::figure_input::CellMsg;
use super::FigureInput;
use crate::app::grid::Col;
use crate::app::labels;
use crate::app::state::Action;
use crate::app::Shared;
use crate::calc::{self, figure_warnings, Basis, Place, Warning};
use crate::i18n::{Lang, M};
use crate::numfmt;
use crate::plan::edit::{Edit, Slot};
use crate::plan::{Comparator, Figure, Indicator, Period};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct IndicatorRowProps {
    pub lang: Lang,
    pub indicator: Shared<Indicator>,
    pub number: usize,
    /// its place among the table's rows, header and group rows counted (`aria-rowindex`:
    /// rows far from the screen are not drawn, and a screen reader still tells where it is)
    #[prop_or_default]
    pub row_index: usize,
    pub period: Period,
    /// the date judged at, the plan's start and its number of sub-units
    pub basis: Basis,
    pub selected: bool,
    /// the same indicator in the plan of the level above
    #[prop_or_default]
    pub parent: Option<Shared<Indicator>>,
    /// what pasted cells of this row refused
    #[prop_or_default]
    pub rejected: Vec<crate::app::grid::Rejected>,
    /// the figure columns of the table's selection this row holds
    #[prop_or_default]
    pub marked: Option<(Col, Col)>,
    pub on_cell: Callback<CellMsg>,
    /// beside the detail panel: the achievement bar and the row actions wait
    #[prop_or_default]
    pub compact: bool,
    pub dispatch: Callback<Action>,
}

/// Warnings on one figure, in words, for the cell that holds it.
fn flags(
    lang: Lang,
    ind: &Indicator,
    units: usize,
    figure: Option<Figure>,
    at: Place,
) -> Vec<AttrValue> {
    let Some(f) = figure else { return Vec::new() };
    let mut out = Vec::new();
    figure_warnings(units, ind, f, at, &mut out);
    out.iter()
        .map(|w| {
            AttrValue::from(lang.t(match w {
                Warning::PercentAbove100 { .. } => M::FlagAbove100,
                Warning::NumeratorAboveDenominator { .. } => M::FlagNumeratorAbove,
                Warning::CountAboveUnits { .. } => M::FlagUnitsAbove,
                _ => M::WarnNegative,
            }))
        })
        .collect()
}

#[function_component(IndicatorRow)]
pub fn indicator_row(props: &IndicatorRowProps) -> Html {
    crate::app::probe::rendered("indicator-row");
    let lang = props.lang;
    let ind = &*props.indicator.0;
    let period = props.period;
    let basis = props.basis;
    let units = basis.units;
    let eval = calc::evaluate(ind, basis, period);
    let id = AttrValue::from(ind.id.clone());
    let name = match labels::name(lang, ind) {
        n if n.trim().is_empty() => lang.t(M::Unnamed).to_string(),
        n => n,
    };
    let baseline = ind.baseline.as_ref().map(|b| b.figure);
    let target = ind.target_for(period);
    let actual = ind.actual_for(period).map(|a| a.figure);
    let hint = AttrValue::from(labels::hint(lang, ind, false));
    let cell = |slot: Slot, figure: Option<Figure>, column: &'static str, label: M, at: Place| {
        let is_target = matches!(slot, Slot::Target(_));
        let rejected = props
            .rejected
            .iter()
            .find(|r| r.slot == slot)
            .map(|r| (AttrValue::from(r.text.clone()), labels::num_error(r.error)));
        html! {
            <FigureInput {lang} indicator={id.clone()} {slot} {figure} kind={ind.kind.clone()} {units}
                comparator={ind.comparator} upper={if is_target { target.and_then(|t| t.upper) } else { None }}
                derived={figure.and_then(|f| labels::derived(lang, ind, f, units)).map(AttrValue::from)}
                hint={if is_target { AttrValue::from(labels::hint(lang, ind, true)) } else { hint.clone() }} column={column}
                label={format!("{}: {}", lang.t(label), name)}
                flags={flags(lang, ind, units, figure, at)} {rejected} on_cell={props.on_cell.clone()} dispatch={props.dispatch.clone()} />
        }
    };
    let in_selection = |c: Col| {
        props
            .marked
            .is_some_and(|(a, b)| c >= a && c <= b)
            .then_some("in-selection")
    };
    let bounds = eval
        .target
        .as_ref()
        .and_then(|t| calc::target_bounds(ind, t));
    let (gap_main, gap_counts) = match &eval.gap {
        Some(g) => {
            let (m, c) = labels::gap(lang, ind, g, bounds);
            (Some(m), c)
        }
        None => (None, None),
    };
    let ratio = eval.shown;
    let select = {
        let (d, id) = (props.dispatch.clone(), ind.id.clone());
        Callback::from(move |_| d.emit(Action::Select(Some(id.clone()))))
    };
    let act = |label: M, edit: fn(String) -> Edit, class: &'static str| {
        let (d, id) = (props.dispatch.clone(), ind.id.clone());
        html! {
            <button type="button" class={classes!("icon-button", class)} title={lang.t(label)} aria-label={format!("{}: {}", lang.t(label), name)}
                onclick={move |_| d.emit(Action::Edit(edit(id.clone())))}>
                { match class {
                    "up" => html! { "↑" },
                    "down" => html! { "↓" },
                    // two overlapping sheets: a glyph for "copy" is missing from many fonts
                    "dup" => html! {
                        <svg viewBox="0 0 12 12" width="12" height="12" aria-hidden="true" class="copy-icon">
                            <rect x="1" y="3.5" width="7" height="7.5" rx="1" />
                            <path d="M4 3.5V1.5h7v7.5H8" />
                        </svg>
                    },
                    _ => html! { "✕" },
                } }
            </button>
        }
    };
    let sign = target
        .map(|_| labels::comparator_sign(ind.comparator))
        .unwrap_or("");
    let target = target.map(|t| t.figure);
    let parent_target = props.parent.as_ref().and_then(|p| {
        let p = &*p.0;
        // the national set says which document asks it and by when
        if let Some(note) = super::national_note(lang, p, period) {
            return Some(note);
        }
        let t = calc::parent_target(p, period)?;
        let v = calc::value(&p.kind, t.figure)?;
        let sign = labels::comparator_sign(p.comparator);
        let when = if t.period == period {
            String::new()
        } else {
            format!(" ({})", labels::period(lang, t.period))
        };
        let note = if p.notes.is_empty() {
            p.legal_basis.clone()
        } else {
            p.notes.clone()
        };
        let text = match (p.comparator, t.upper) {
            (Comparator::Between, Some(u)) => format!(
                "{}–{}",
                numfmt::format(v, lang, 1),
                labels::value(lang, p, u)
            ),
            _ => format!("{sign} {}", labels::value(lang, p, v)),
        };
        Some((format!("{}: {text}{when}", lang.t(M::ParentTarget)), note))
    });
    html! {
        <tr class={classes!("indicator-row", props.selected.then_some("selected"))} data-id={id.clone()} data-code={ind.code.clone()}
            aria-rowindex={(props.row_index > 0).then(|| props.row_index.to_string())}>
            <td class="col-no">{ props.number }</td>
            <td class="col-code">{ ind.code.clone() }</td>
            <td class="col-name">
                <button type="button" class="name-button" onclick={select} title={lang.t(M::Details)}>{ name.clone() }</button>
                { super::level_badge(lang, ind) }
                if !ind.unit_label.is_empty() && ind.unit_label != "%" {
                    <span class="unit-label">{ format!("({})", labels::unit_word(lang, &ind.unit_label)) }</span>
                }
            </td>
            <td class={classes!("col-figure", "col-baseline", in_selection(Col::Baseline))}>{ cell(Slot::Baseline, baseline, "baseline", M::ColBaseline, Place::Baseline) }</td>
            <td class={classes!("col-figure", "col-target", in_selection(Col::Target))}>
                <span class="comparator" aria-hidden="true">{ sign }</span>
                { cell(Slot::Target(period), target, "target", M::ColTarget, Place::Target(period)) }
                if let Some((text, note)) = parent_target {
                    <span class="parent-target" title={note}>{ text }</span>
                }
            </td>
            <td class={classes!("col-figure", "col-actual", in_selection(Col::Actual))}>{ cell(Slot::Actual(period), actual, "actual", M::ColActual, Place::Actual(period)) }</td>
            <td class="col-gap">
                if let Some(m) = gap_main {
                    <span class="gap-main">{ m }</span>
                }
                if let Some(c) = gap_counts {
                    <span class="gap-counts">{ c }</span>
                }
            </td>
            if !props.compact {
            <td class="col-bar">
                if let Some(r) = ratio {
                    <svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" role="img"
                        aria-label={format!("{} {}", lang.t(M::ColAchievement), numfmt::percent(r * 100.0, lang))}>
                        <rect class="bar-track" x="0" y="0" width="100" height="8" rx="2" />
                        <rect class={classes!("bar-fill", labels::status_class(eval.status))} x="0" y="0"
                            width={format!("{:.2}", eval.bar.unwrap_or(0.0) * 100.0)} height="8" rx="2" />
                    </svg>
                    <span class="bar-label">{ numfmt::percent(r * 100.0, lang) }</span>
                }
            </td>
            }
            <td class="col-status">
                <span class={classes!("status", labels::status_class(eval.status))}>{ labels::status(lang, eval.status) }</span>
            </td>
            if !props.compact {
            <td class="col-actions">
                { act(M::MoveUp, |id| Edit::Move { id, up: true }, "up") }
                { act(M::MoveDown, |id| Edit::Move { id, up: false }, "down") }
                { act(M::Duplicate, |id| Edit::Duplicate { new_id: crate::browser::new_id("i"), id }, "dup") }
                { act(M::Delete, |id| Edit::Delete { id }, "del") }
            </td>
            }
        </tr>
    }
}
