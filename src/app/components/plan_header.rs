//! The plan's header: title, unit and level, parent unit, document number and
//! date, period, author, notes.

use super::{TextInput, UnitPicker};
use crate::app::labels;
use crate::app::state::Action;
use crate::app::Shared;
use crate::browser;
use crate::i18n::{Lang, M};
use crate::plan::edit::{Edit, HeaderField};
use crate::plan::{Date, Level, Plan, Unit};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlanHeaderProps {
    pub lang: Lang,
    pub plan: Shared<Plan>,
    /// the official unit list, once asked for
    #[prop_or_default]
    pub units: Option<crate::app::state::Units>,
    /// the stored plans that can be the level above
    #[prop_or_default]
    pub plans: std::rc::Rc<Vec<crate::browser::PlanEntry>>,
    pub dispatch: Callback<Action>,
}

fn header(f: HeaderField) -> Result<Edit, M> {
    Ok(Edit::Header(f))
}

fn year(s: &str) -> Result<i32, M> {
    match s.trim().parse::<i32>() {
        Ok(y) if crate::plan::year_in_range(y) => Ok(y),
        _ => Err(M::BadSpan),
    }
}

/// A first or last year that would make a period no plan can have is refused in place.
fn span(start: i32, end: i32) -> Result<(), M> {
    crate::plan::YearSpan {
        start: start.min(end),
        end: end.max(start),
    }
    .check()
    .map_err(|_| M::BadSpan)
}

/// `end` is the plan's last year, passed as the field's target.
fn start_edit(end: &str, s: &str, _: Lang) -> Result<Edit, M> {
    let y = year(s)?;
    span(y, end.parse().unwrap_or(y))?;
    header(HeaderField::StartYear(y))
}

/// `start` is the plan's first year, passed as the field's target.
fn end_edit(start: &str, s: &str, _: Lang) -> Result<Edit, M> {
    let y = year(s)?;
    span(start.parse().unwrap_or(y), y)?;
    header(HeaderField::EndYear(y))
}

fn notes_edit(_: &str, s: &str, _: Lang) -> Result<Edit, M> {
    header(HeaderField::Notes(s.into()))
}

#[function_component(PlanHeader)]
pub fn plan_header(props: &PlanHeaderProps) -> Html {
    let lang = props.lang;
    let p = &*props.plan.0;
    let d = props.dispatch.clone();
    let text = |label: M, name: &'static str, value: String, to_edit: super::text_input::ToEdit| {
        html! { <TextInput {lang} label={lang.t(label)} {name} value={value} {to_edit} dispatch={d.clone()} /> }
    };
    // the picker is open to choose the plan's unit, or to add a sub-unit
    let picking = use_state(|| None::<bool>);
    let open_picker = {
        let picking = picking.clone();
        Callback::from(move |_| picking.set(Some(false)))
    };
    let open_sub_picker = {
        let picking = picking.clone();
        Callback::from(move |_| picking.set(Some(true)))
    };
    let close_picker = {
        let picking = picking.clone();
        Callback::from(move |_| picking.set(None))
    };
    let on_pick = {
        let (d, picking, subs) = (d.clone(), picking.clone(), p.sub_units.clone());
        Callback::from(move |u: Unit| {
            if *picking == Some(true) {
                if !subs.iter().any(|s| s.same(&u)) {
                    d.emit(Action::Edit(Edit::Header(HeaderField::AddSubUnit(u))));
                }
            } else {
                d.emit(Action::Edit(Edit::Header(HeaderField::Unit(u))));
                picking.set(None);
            }
        })
    };
    let remove_sub = |k: usize| {
        let (d, subs) = (d.clone(), p.sub_units.clone());
        Callback::from(move |_| {
            let mut next = subs.clone();
            next.remove(k);
            d.emit(Action::Edit(Edit::Header(HeaderField::SubUnits(next))));
        })
    };
    // a sub-unit not in the official list (an agency's section, an old
    // district's commune) is typed by hand: its name, its level (by default the
    // one below the plan's unit) and no code
    let typed = use_state(|| (String::new(), None::<Level>, None::<M>));
    let typed_level = typed.1.unwrap_or(p.unit.level.below());
    let on_typed_name = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| typed.set((browser::input_value(&e), typed.1, None)))
    };
    let on_typed_level = {
        let typed = typed.clone();
        Callback::from(move |e: Event| {
            let v = browser::select_value(&e);
            let l = Level::ALL.iter().find(|l| format!("{l:?}") == v).copied();
            typed.set((typed.0.clone(), l, None))
        })
    };
    let on_typed_add = {
        let (d, typed, subs) = (d.clone(), typed.clone(), p.sub_units.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let u = Unit::new(typed.0.trim(), typed_level);
            let refused = if u.name.is_empty() {
                Some(M::SubUnitNeedsName)
            } else if subs.iter().any(|s| s.same(&u)) {
                Some(M::SubUnitAlready)
            } else {
                None
            };
            if refused.is_some() {
                typed.set((typed.0.clone(), typed.1, refused));
                return;
            }
            d.emit(Action::Edit(Edit::Header(HeaderField::AddSubUnit(u))));
            // the level stays chosen for the next one: an agency's sections come together
            typed.set((String::new(), typed.1, None));
        })
    };
    // a province plan takes its communes as sub-units in one step
    let take_communes = (p.unit.level == Level::Province && !p.unit.code.is_empty()).then(|| {
        let d = d.clone();
        Callback::from(move |_| d.emit(Action::TakeCommunes))
    });
    let clear_subunits = {
        let d = d.clone();
        Callback::from(move |_| {
            d.emit(Action::Edit(Edit::Header(
                HeaderField::SubUnits(Vec::new()),
            )))
        })
    };
    // what the plan's targets are checked against: the national references, or a stored plan of the level above
    let on_parent = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let v = browser::select_value(&e);
            let to = (!v.is_empty()).then_some(v);
            d.emit(Action::Edit(Edit::Header(HeaderField::CompareWith(to))));
        })
    };
    let on_parent_file = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            d.emit(Action::FilesChosen {
                files: browser::chosen_files(&e),
                purpose: crate::app::state::Purpose::Parent,
            })
        })
    };
    let compared_with = match p.compare_with.as_deref() {
        None => lang.t(M::ParentNone).to_string(),
        Some(crate::catalog::NATIONAL) => lang.t(M::ParentNational).to_string(),
        Some(id) => props
            .plans
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.title.clone())
            .unwrap_or_else(|| id.to_string()),
    };
    let on_doc_type = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let v = browser::select_value(&e);
            let t = crate::plan::DocumentType::ALL
                .iter()
                .find(|t| format!("{t:?}") == v)
                .copied();
            d.emit(Action::Edit(Edit::Header(HeaderField::DocumentType(t))));
        })
    };
    let on_level = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let v = browser::select_value(&e);
            if let Some(l) = Level::ALL.iter().find(|l| format!("{l:?}") == v) {
                d.emit(Action::Edit(Edit::Header(HeaderField::UnitLevel(*l))));
            }
        })
    };
    html! {
        <details class="plan-header" open={p.indicators.is_empty()}>
            <summary>
                <span class="plan-title">{ if p.title.trim().is_empty() { lang.t(M::NewPlanTitle).to_string() } else { p.title.clone() } }</span>
                <span class="plan-meta">
                    { p.unit.name.clone() }
                    if !p.document_number.is_empty() { { format!(" · {}", p.document_number) } }
                    // a one-year plan is of "2021", not "2021–2021"
                    if p.period.start == p.period.end {
                        { format!(" · {}", p.period.start) }
                    } else {
                        { format!(" · {}–{}", p.period.start, p.period.end) }
                    }
                    { format!(" · {}: {compared_with}", lang.t(M::ParentLabel)) }
                </span>
            </summary>
            <div class="form-grid wide">
                { text(M::FieldTitle, "title", p.title.clone(), |_, s, _| header(HeaderField::Title(s.into()))) }
            </div>
            <div class="form-grid">
                <div class="unit-field">
                    { text(M::FieldUnit, "unit", p.unit.name.clone(), |_, s, _| header(HeaderField::UnitName(s.into()))) }
                    <button type="button" class="button small" onclick={open_picker}>{ lang.t(M::UnitPickButton) }</button>
                    if !p.unit.code.is_empty() {
                        <span class="unit-code">{ crate::i18n::fill(lang.t(M::UnitCode), &[&p.unit.code]) }</span>
                    }
                </div>
                <label class="field">
                    <span class="field-label">{ lang.t(M::FieldLevel) }</span>
                    <select name="level" onchange={on_level}>
                        { for Level::ALL.iter().map(|l| html! {
                            <option value={format!("{l:?}")} selected={*l == p.unit.level}>{ labels::level(lang, *l) }</option>
                        }) }
                    </select>
                </label>
                { text(M::FieldParent, "parent", p.parent_unit.as_ref().map(|u| u.name.clone()).unwrap_or_default(), |_, s, _| header(HeaderField::ParentUnit(s.into()))) }
                { text(M::FieldDocNumber, "document_number", p.document_number.clone(), |_, s, _| header(HeaderField::DocumentNumber(s.into()))) }
                <label class="field">
                    <span class="field-label">{ lang.t(M::FieldDocType) }</span>
                    <select name="document_type" onchange={on_doc_type}>
                        <option value="" selected={p.document_type.is_none()}>
                            { crate::i18n::fill(lang.t(M::DocTypeAuto), &[labels::document_type(lang, crate::plan::DocumentType::from_number(&p.document_number))]) }
                        </option>
                        { for crate::plan::DocumentType::ALL.iter().map(|t| html! {
                            <option value={format!("{t:?}")} selected={p.document_type == Some(*t)}>{ labels::document_type(lang, *t) }</option>
                        }) }
                    </select>
                </label>
                { text(M::FieldIssueDate, "issue_date", p.issue_date.map(|d| d.dmy()).unwrap_or_default(), |_, s, _| {
                    let date = if s.trim().is_empty() { None } else { Some(s.parse::<Date>().map_err(|_| M::BadDate)?) };
                    header(HeaderField::IssueDate(date))
                }) }
                <TextInput {lang} label={lang.t(M::FieldStartYear)} name="start_year" value={p.period.start.to_string()}
                    target={p.period.end.to_string()} dispatch={d.clone()} to_edit={start_edit as super::text_input::ToEdit} />
                <TextInput {lang} label={lang.t(M::FieldEndYear)} name="end_year" value={p.period.end.to_string()}
                    target={p.period.start.to_string()} dispatch={d.clone()} to_edit={end_edit as super::text_input::ToEdit} />
                { text(M::FieldAuthor, "author", p.author.clone(), |_, s, _| header(HeaderField::Author(s.into()))) }
            </div>
            <div class="parent-choice">
                <label class="field">
                    <span class="field-label">{ lang.t(M::ParentLabel) }</span>
                    <select name="parent" onchange={on_parent}>
                        <option value="" selected={p.compare_with.is_none()}>{ lang.t(M::ParentNone) }</option>
                        <option value={crate::catalog::NATIONAL} selected={p.compare_with.as_deref() == Some(crate::catalog::NATIONAL)}>
                            { lang.t(M::ParentNational) }
                        </option>
                        { for props.plans.iter().filter(|e| e.id != p.id).map(|e| html! {
                            <option value={e.id.clone()} selected={p.compare_with.as_deref() == Some(e.id.as_str())}>{ e.title.clone() }</option>
                        }) }
                    </select>
                </label>
                <label class="button small open-file">
                    <input type="file" class="visually-hidden" name="parent-file" accept=".json,application/json" onchange={on_parent_file} />
                    { lang.t(M::ParentFile) }
                </label>
            </div>
            if *picking == Some(false) {
                <UnitPicker {lang} units={props.units.clone()} on_pick={on_pick.clone()} on_close={close_picker.clone()} dispatch={d.clone()} />
            }
            <details class="sub-units">
                <summary>{ format!("{}: {}", lang.t(M::SubUnits), p.sub_units.len()) }</summary>
                if p.sub_units.is_empty() {
                    <p>{ lang.t(M::SubUnitsNone) }</p>
                } else {
                    <ol class="sub-unit-list" tabindex="0" aria-label={lang.t(M::SubUnits)}>
                        { for p.sub_units.iter().enumerate().map(|(k, u)| html! {
                            <li>
                                { u.name.clone() }
                                { if u.code.is_empty() { format!(" ({})", crate::catalog::level_name(lang, u.level)) } else { format!(" ({})", u.code) } }
                                <button type="button" class="icon-button" onclick={remove_sub(k)}
                                    aria-label={format!("{}: {}", lang.t(M::Delete), u.name)} title={lang.t(M::Delete)}>{ "✕" }</button>
                            </li>
                        }) }
                    </ol>
                    <button type="button" class="button small" onclick={clear_subunits}>{ lang.t(M::SubUnitsClear) }</button>
                }
                <div class="sub-unit-actions">
                    if let Some(take) = take_communes {
                        <button type="button" class="button small take-communes" onclick={take}>{ lang.t(M::SubUnitsTake) }</button>
                    }
                    <button type="button" class="button small" onclick={open_sub_picker}>{ lang.t(M::SubUnitsAdd) }</button>
                </div>
                <form class="sub-unit-typed" onsubmit={on_typed_add}>
                    <fieldset>
                        <legend>{ lang.t(M::SubUnitTypedTitle) }</legend>
                        <label class="field">
                            <span class="field-label">{ lang.t(M::SubUnitTypedName) }</span>
                            <input type="text" name="sub-unit-name" value={typed.0.clone()} oninput={on_typed_name}
                                aria-invalid={typed.2.is_some().to_string()}
                                aria-describedby={typed.2.is_some().then_some("sub-unit-typed-error")} />
                        </label>
                        <label class="field">
                            <span class="field-label">{ lang.t(M::SubUnitTypedLevel) }</span>
                            <select name="sub-unit-level" onchange={on_typed_level}>
                                { for Level::ALL.iter().map(|l| html! {
                                    <option value={format!("{l:?}")} selected={*l == typed_level}>{ labels::level(lang, *l) }</option>
                                }) }
                            </select>
                        </label>
                        <button type="submit" class="button small">{ lang.t(M::SubUnitTypedAdd) }</button>
                        if let Some(m) = typed.2 {
                            <span id="sub-unit-typed-error" class="cell-error" role="alert">{ lang.t(m) }</span>
                        }
                    </fieldset>
                </form>
                if *picking == Some(true) {
                    <UnitPicker {lang} units={props.units.clone()} on_pick={on_pick.clone()} on_close={close_picker.clone()} purpose={M::SubUnitsAdd} dispatch={d.clone()} />
                }
            </details>
            <TextInput {lang} label={lang.t(M::FieldNotes)} name="notes" value={p.notes.clone()} multiline=true dispatch={d.clone()}
                to_edit={notes_edit as super::text_input::ToEdit} />
        </details>
    }
}
