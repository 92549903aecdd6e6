//! The plan's header: title, unit and level, parent unit, document number and
//! date, period, author, notes.

use super::TextInput;
use crate::app::labels;
use crate::app::state::Action;
use crate::app::Shared;
use crate::browser;
use crate::i18n::{Lang, M};
use crate::plan::edit::{Edit, HeaderField};
use crate::plan::{Date, Level, Plan};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PlanHeaderProps {
    pub lang: Lang,
    pub plan: Shared<Plan>,
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
    crate::plan::YearSpan { start: start.min(end), end: end.max(start) }.check().map_err(|_| M::BadSpan)
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
                    { format!(" · {}–{}", p.period.start, p.period.end) }
                </span>
            </summary>
            <div class="form-grid wide">
                { text(M::FieldTitle, "title", p.title.clone(), |_, s, _| header(HeaderField::Title(s.into()))) }
            </div>
            <div class="form-grid">
                { text(M::FieldUnit, "unit", p.unit.name.clone(), |_, s, _| header(HeaderField::UnitName(s.into()))) }
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
            <TextInput {lang} label={lang.t(M::FieldNotes)} name="notes" value={p.notes.clone()} multiline=true dispatch={d.clone()}
                to_edit={notes_edit as super::text_input::ToEdit} />
        </details>
    }
}
