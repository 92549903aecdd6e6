//! Messages the planner must see: storage refusing the plan, stored data kept
//! aside, an indicator just deleted (with undo).

use crate::app::labels;
use crate::app::state::{Action, ImportError, Notice, SaveState};
use crate::i18n::{Lang, M};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub lang: Lang,
    pub save: SaveState,
    pub notices: Vec<Notice>,
    pub deleted: Option<AttrValue>,
    pub has_plan: bool,
    pub import_errors: Vec<ImportError>,
    pub rollup: Option<std::rc::Rc<crate::calc::RollUp>>,
    pub dispatch: Callback<Action>,
    pub on_export: Callback<()>,
}

#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    let lang = props.lang;
    let d = props.dispatch.clone();
    html! {
        <div class="notices" aria-live="polite">
            if props.save == SaveState::Failing && props.has_plan {
                <div class="notice warning" role="alert" data-notice="save-failing">
                    <span>{ lang.t(M::SaveFailing) }</span>
                    <button type="button" class="button" onclick={{ let e = props.on_export.clone(); move |_| e.emit(()) }}>{ lang.t(M::ExportJson) }</button>
                </div>
            }
            if !props.notices.is_empty() {
                <div class="notice info" role="alert" data-notice="kept-aside">
                    <span>{ lang.t(M::KeptAside) }</span>
                    <button type="button" class="button" onclick={{ let d = d.clone(); move |_| d.emit(Action::Dismiss) }}>{ lang.t(M::Dismiss) }</button>
                </div>
            }
            if !props.import_errors.is_empty() {
                <div class="notice error" role="alert" data-notice="import-errors">
                    <div class="notice-text">
                        <strong>{ lang.t(M::ImportFailed) }</strong>
                        <ul>
                            { for props.import_errors.iter().map(|e| html! { <li>{ labels::read_error(lang, &e.file, &e.error) }</li> }) }
                        </ul>
                    </div>
                    <button type="button" class="button" onclick={{ let d = d.clone(); move |_| d.emit(Action::Dismiss) }}>{ lang.t(M::Dismiss) }</button>
                </div>
            }
            if let Some(r) = &props.rollup {
                if !r.conflicts.is_empty() || !r.skipped.is_empty() {
                    <div class="notice info" role="status" data-notice="rollup">
                        <div class="notice-text">
                            <strong>{ crate::i18n::fill(lang.t(M::RollUpReport), &[&r.plans.to_string()]) }</strong>
                            <ul>{ for super::report_lines(lang, r).into_iter().map(|l| html! { <li>{ l }</li> }) }</ul>
                        </div>
                        <button type="button" class="button" onclick={{ let d = d.clone(); move |_| d.emit(Action::Dismiss) }}>{ lang.t(M::Dismiss) }</button>
                    </div>
                }
            }
            if let Some(name) = &props.deleted {
                <div class="notice toast" data-notice="deleted">
                    <span>{ format!("{}: {}", lang.t(M::DeletedIndicator), name) }</span>
                    <button type="button" class="button" onclick={{ let d = d.clone(); move |_| d.emit(Action::Undo) }}>{ lang.t(M::Undo) }</button>
                    <button type="button" class="icon-button" aria-label={lang.t(M::Dismiss)} onclick={{ let d = d.clone(); move |_| d.emit(Action::DismissDeleted) }}>{ "✕" }</button>
                </div>
            }
        </div>
    }
}
