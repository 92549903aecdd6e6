//! Above the table: back to the plans, the period, undo and redo, adding an
//! indicator, export, the version history, and whether the plan is saved.

use crate::app::labels;
use crate::app::state::{Action, Purpose, SaveState};
use crate::app::Shared;
use crate::browser;
use crate::i18n::{Lang, M};
use crate::plan::edit::Edit;
use crate::plan::{Indicator, Period, Plan};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ToolbarProps {
    pub lang: Lang,
    pub plan: Shared<Plan>,
    pub period: Period,
    pub can_undo: bool,
    pub can_redo: bool,
    pub save: SaveState,
    /// the group of the selected indicator, where a new one goes
    pub group: Option<AttrValue>,
    pub dispatch: Callback<Action>,
    pub on_export: Callback<()>,
    pub on_csv: Callback<()>,
    /// the stored plans that can be the level above (id, title)
    pub plans: std::rc::Rc<Vec<crate::browser::PlanEntry>>,
}

#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let lang = props.lang;
    let plan = &*props.plan.0;
    let d = props.dispatch.clone();
    let kind = use_state(|| "percent".to_string());
    let periods = plan.periods();
    let on_period = {
        let (d, periods) = (d.clone(), periods.clone());
        Callback::from(move |e: Event| {
            let v = browser::select_value(&e);
            if let Some(p) = periods.iter().find(|p| p.to_string() == v) {
                d.emit(Action::SelectPeriod(*p));
            }
        })
    };
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |e: Event| kind.set(browser::select_value(&e)))
    };
    let add = {
        let (d, kind, group) = (d.clone(), kind.clone(), props.group.clone());
        Callback::from(move |_| {
            let id = browser::new_id("i");
            let k = labels::kind_from_code(&kind, &crate::plan::Kind::Percent);
            let mut ind = Indicator::new(id.clone(), "", k);
            ind.group = group.as_deref().unwrap_or_default().to_string();
            d.emit(Action::Edit(Edit::Add { indicator: ind, after: None }));
            d.emit(Action::Select(Some(id)));
        })
    };
    let on_parent = {
        let d = d.clone();
        Callback::from(move |e: Event| {
            let v = browser::select_value(&e);
            let to = (!v.is_empty()).then_some(v);
            d.emit(Action::Edit(Edit::Header(crate::plan::edit::HeaderField::CompareWith(to))));
        })
    };
    let on_parent_file = {
        let d = d.clone();
        Callback::from(move |e: Event| d.emit(Action::FilesChosen { files: browser::chosen_files(&e), purpose: Purpose::Parent }))
    };
    let simple = |label: M, action: Action, enabled: bool, class: &'static str| {
        let d = d.clone();
        html! {
            <button type="button" class={classes!("button", class)} disabled={!enabled} onclick={move |_| d.emit(action.clone())}>
                { lang.t(label) }
            </button>
        }
    };
    let export = {
        let on = props.on_export.clone();
        Callback::from(move |_| on.emit(()))
    };
    html! {
        <div class="toolbar" role="toolbar" aria-label={lang.t(M::PlanInfo)}>
            { simple(M::BackToPlans, Action::Close, true, "back") }
            <label class="period-select">
                <span>{ lang.t(M::PeriodLabel) }</span>
                <select name="period" onchange={on_period}>
                    { for periods.iter().map(|p| html! {
                        <option value={p.to_string()} selected={*p == props.period}>{ labels::period(lang, *p) }</option>
                    }) }
                </select>
            </label>
            <span class="toolbar-group">
                { simple(M::Undo, Action::Undo, props.can_undo, "undo") }
                { simple(M::Redo, Action::Redo, props.can_redo, "redo") }
            </span>
            <span class="toolbar-group add-indicator">
                <select name="new-kind" aria-label={lang.t(M::FieldKind)} onchange={on_kind}>
                    { for labels::KINDS.iter().map(|k| html! { <option value={*k} selected={**k == *kind}>{ labels::kind(lang, k) }</option> }) }
                </select>
                <button type="button" class="button primary" onclick={add}>{ format!("+ {}", lang.t(M::AddIndicator)) }</button>
                <button type="button" class="button from-catalog" onclick={{ let d = d.clone(); move |_| d.emit(Action::ShowPicker(true)) }}>
                    { lang.t(M::FromCatalog) }
                </button>
            </span>
            <span class="toolbar-group parent">
                <label class="period-select">
                    <span>{ lang.t(M::ParentLabel) }</span>
                    <select name="parent" onchange={on_parent}>
                        <option value="" selected={plan.compare_with.is_none()}>{ lang.t(M::ParentNone) }</option>
                        <option value={crate::catalog::NATIONAL} selected={plan.compare_with.as_deref() == Some(crate::catalog::NATIONAL)}>
                            { lang.t(M::ParentNational) }
                        </option>
                        { for props.plans.iter().filter(|e| e.id != plan.id).map(|e| html! {
                            <option value={e.id.clone()} selected={plan.compare_with.as_deref() == Some(e.id.as_str())}>{ e.title.clone() }</option>
                        }) }
                    </select>
                </label>
                <label class="button small open-file">
                    <input type="file" class="visually-hidden" name="parent-file" accept=".json,application/json" onchange={on_parent_file} />
                    { lang.t(M::ParentFile) }
                </label>
            </span>
            <span class="toolbar-group files">
                <super::OpenFile {lang} dispatch={d.clone()} />
                <button type="button" class="button export" onclick={export}>{ lang.t(M::ExportJson) }</button>
                <button type="button" class="button export-csv" onclick={{ let on = props.on_csv.clone(); move |_| on.emit(()) }}>{ lang.t(M::ExportCsv) }</button>
                <button type="button" class="button print" onclick={{ let d = d.clone(); move |_| d.emit(Action::ShowAnnex(true)) }}>{ lang.t(M::PrintAnnex) }</button>
                <button type="button" class="button report-button" onclick={{ let d = d.clone(); move |_| d.emit(Action::ShowReport(true)) }}>{ lang.t(M::ReportButton) }</button>
                <button type="button" class="button hand-down-button" onclick={{ let d = d.clone(); move |_| d.emit(Action::ShowHandDown(true)) }}>{ lang.t(M::HandDownButton) }</button>
                <button type="button" class="button collect-button" onclick={{ let d = d.clone(); move |_| d.emit(Action::Collect(true)) }}>{ lang.t(M::CollectButton) }</button>
                <button type="button" class="button compare-button" onclick={{ let d = d.clone(); move |_| d.emit(Action::Compare(true)) }}>{ lang.t(M::CompareButton) }</button>
            </span>
            <button type="button" class="button history" onclick={{ let d = d.clone(); move |_| d.emit(Action::ShowHistory(true)) }}>
                { lang.t(M::History) }
            </button>
            {{
                let (class, state, text) = match props.save {
                    SaveState::Saved => ("ok", "saved", lang.t(M::SavedLocally)),
                    SaveState::Saving => ("saving", "saving", lang.t(M::Saving)),
                    SaveState::Failing { .. } => ("failing", "failing", "⚠"),
                    SaveState::Clash => ("failing", "clash", lang.t(M::SaveClash)),
                };
                html! { <span class={classes!("save-state", class)} data-state={state} role="status">{ text }</span> }
            }}
        </div>
    }
}
