//! Above the table: back to the plans, the period, undo and redo, adding an
//! indicator, export, the version history, and whether the plan is saved.

use crate::app::labels;
use crate::app::state::{Action, SaveState};
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
}

#[function_component(Toolbar)]
pub fn toolbar(props: &ToolbarProps) -> Html {
    let lang = props.lang;
    let plan = &*props.plan.0;
    let d = props.dispatch.clone();
    let more_open = use_state(|| false);
    let toggle = use_node_ref();
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
    // a new indicator is a share until the planner says otherwise in its detail panel, which opens
    let add = {
        let (d, group) = (d.clone(), props.group.clone());
        Callback::from(move |_| {
            let id = browser::new_id("i");
            let mut ind = Indicator::new(id.clone(), "", crate::plan::Kind::Percent);
            ind.group = group.as_deref().unwrap_or_default().to_string();
            d.emit(Action::Edit(Edit::Add {
                indicator: ind,
                after: None,
            }));
            d.emit(Action::Select(Some(id)));
        })
    };
    // the actions a planner needs less often, behind "Thêm": one row of toolbar on an office laptop
    let close_more = {
        let (more_open, toggle) = (more_open.clone(), toggle.clone());
        move |refocus: bool| {
            more_open.set(false);
            if refocus {
                browser::focus(&toggle);
            }
        }
    };
    let item = |label: M, action: Action, class: &'static str| {
        let (d, close) = (d.clone(), close_more.clone());
        html! {
            <li><button type="button" class={classes!("menu-item", class)} onclick={move |_| { close(false); d.emit(action.clone()); }}>{ lang.t(label) }</button></li>
        }
    };
    let item_button = |label: M, action: Action| {
        let (d, close) = (d.clone(), close_more.clone());
        html! { <button type="button" class="menu-item" onclick={move |_| { close(false); d.emit(action.clone()); }}>{ lang.t(label) }</button> }
    };
    let on_more_key = {
        let close = close_more.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                close(true);
            }
        })
    };
    let on_more_leave = {
        let (more_open, wrap) = (more_open.clone(), toggle.clone());
        Callback::from(move |e: FocusEvent| {
            if browser::focus_left(&e) {
                more_open.set(false);
            }
            let _ = &wrap;
        })
    };
    let toggle_more = {
        let more_open = more_open.clone();
        Callback::from(move |_| more_open.set(!*more_open))
    };
    let export = {
        let (on, close) = (props.on_export.clone(), close_more.clone());
        Callback::from(move |_| {
            close(false);
            on.emit(())
        })
    };
    // Excel, Word, CSV and tables brought in: dialogs of the office module, loaded on first use
    let office = |call: crate::app::state::Office| {
        let (d, close) = (d.clone(), close_more.clone());
        Callback::from(move |_| {
            // focus back on the menu's button, where the dialog returns it
            close(true);
            d.emit(Action::Office(call.clone()))
        })
    };
    html! {
        <div class="toolbar" role="toolbar" aria-label={lang.t(M::PlanInfo)}>
            <button type="button" class="button back" aria-label={lang.t(M::BackToPlans)} onclick={{ let d = d.clone(); move |_| d.emit(Action::Close) }}>
                { format!("← {}", lang.t(M::BackShort)) }
            </button>
            <label class="period-select">
                <span>{ lang.t(M::PeriodLabel) }</span>
                <select name="period" onchange={on_period}>
                    { for periods.iter().map(|p| html! {
                        <option value={p.to_string()} selected={*p == props.period}>{ labels::period(lang, *p) }</option>
                    }) }
                </select>
            </label>
            <span class="toolbar-group">
                <button type="button" class="button undo" disabled={!props.can_undo} aria-label={lang.t(M::Undo)} title={format!("{} (Ctrl+Z)", lang.t(M::Undo))}
                    onclick={{ let d = d.clone(); move |_| d.emit(Action::Undo) }}>{ "↶" }</button>
                <button type="button" class="button redo" disabled={!props.can_redo} aria-label={lang.t(M::Redo)} title={format!("{} (Ctrl+Y)", lang.t(M::Redo))}
                    onclick={{ let d = d.clone(); move |_| d.emit(Action::Redo) }}>{ "↷" }</button>
            </span>
            <span class="toolbar-group add-indicator">
                <button type="button" class="button primary add" onclick={add}>{ format!("+ {}", lang.t(M::AddIndicator)) }</button>
                <button type="button" class="button from-catalog" onclick={{ let d = d.clone(); move |_| d.emit(Action::ShowPicker(true)) }}>
                    { lang.t(M::FromCatalog) }
                </button>
            </span>
            <span class="toolbar-group wide-only">
                <button type="button" class="button print" onclick={{ let d = d.clone(); move |_| d.emit(Action::ShowAnnex(true)) }}>{ lang.t(M::PrintAnnex) }</button>
                <button type="button" class="button report-button" onclick={{ let d = d.clone(); move |_| d.emit(Action::ShowReport(true)) }}>{ lang.t(M::ReportButton) }</button>
            </span>
            <div class="more" onfocusout={on_more_leave} onkeydown={on_more_key}>
                <button type="button" class="button more-toggle" ref={toggle} aria-expanded={more_open.to_string()} aria-controls="more-actions"
                    aria-label={lang.t(M::MoreActions)} onclick={toggle_more}>
                    { format!("{} ▾", lang.t(M::MoreMenu)) }
                </button>
                <ul id="more-actions" class="more-menu" hidden={!*more_open}>
                    <li><super::OpenFile {lang} dispatch={d.clone()} class="menu-item" /></li>
                    <li><button type="button" class="menu-item export" onclick={export}>{ lang.t(M::ExportJson) }</button></li>
                    { item(M::ExportWithApp, Action::Export(crate::app::state::Download::WithApp(props.plan.0.clone())), "export-with-app") }
                    <li><button type="button" class="menu-item export-office" onclick={office(crate::app::state::Office::Export)}>{ lang.t(M::ExportMenu) }</button></li>
                    <li><button type="button" class="menu-item import-table" onclick={office(crate::app::state::Office::Import(None))}>{ lang.t(M::ImportTable) }</button></li>
                    <li class="narrow-only">{ item_button(M::PrintAnnex, Action::ShowAnnex(true)) }</li>
                    <li class="narrow-only">{ item_button(M::ReportButton, Action::ShowReport(true)) }</li>
                    { item(M::HandDownButton, Action::ShowHandDown(true), "hand-down-button") }
                    { item(M::CollectButton, Action::Collect(true), "collect-button") }
                    { item(M::CompareButton, Action::Compare(true), "compare-button") }
                    { item(M::History, Action::ShowHistory(true), "history") }
                </ul>
            </div>
            {{
                let (class, state, text) = match props.save {
                    SaveState::Saved => ("ok", "saved", lang.t(M::SavedShort)),
                    SaveState::Saving => ("saving", "saving", lang.t(M::Saving)),
                    SaveState::Failing { .. } => ("failing", "failing", "⚠"),
                    SaveState::Clash => ("failing", "clash", lang.t(M::SaveClash)),
                    SaveState::NotKept => ("not-kept", "not-kept", lang.t(M::NotKeptShort)),
                };
                html! { <span class={classes!("save-state", class)} data-state={state} role="status" title={lang.t(M::SavedLocally)}>{ text }</span> }
            }}
        </div>
    }
}
