//! Messages the planner must see: storage refusing a plan (with the export
//! offered), stored data kept aside, another tab on the same plan, a write
//! that failed, files that did not open, an indicator just deleted (with undo).

use crate::app::labels;
use crate::app::state::{Action, Notice, Op, SaveState};
use crate::browser::ImportError;
use crate::i18n::{fill, Lang, M};
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
    /// another tab shows the open plan
    #[prop_or_default]
    pub elsewhere: bool,
    /// the title of a plan that could not be saved and is no longer on screen
    #[prop_or_default]
    pub unsaved: Option<AttrValue>,
    /// the plan on screen came in a single file and is not kept in storage
    #[prop_or_default]
    pub not_kept: bool,
    /// a new version of the app waits to take over
    #[prop_or_default]
    pub update_ready: bool,
    pub dispatch: Callback<Action>,
    pub on_export: Callback<()>,
}

fn refused(op: Op) -> M {
    match op {
        Op::Open => M::RefusedOpen,
        Op::Rename => M::RefusedRename,
        Op::Duplicate => M::RefusedDuplicate,
        Op::Delete => M::RefusedDelete,
        Op::Import => M::RefusedImport,
        Op::Backup => M::RefusedBackup,
        Op::History => M::RefusedHistory,
        Op::Restore => M::RefusedRestore,
        Op::SetAside => M::RefusedSetAside,
        Op::Download => M::RefusedDownload,
        Op::List => M::RefusedList,
    }
}

/// One notice in words, and the name tests and styles know it by.
fn words(lang: Lang, n: &Notice) -> (String, &'static str) {
    match n {
        Notice::KeptAside(_) => (lang.t(M::KeptAside).to_string(), "kept-aside"),
        Notice::Refused { op, full } => {
            let mut text = lang.t(refused(*op)).to_string();
            if *full {
                text = format!("{text} {}", lang.t(M::StorageFull));
            }
            (text, "refused")
        }
        Notice::Moved(n) => (fill(lang.t(M::Moved), &[&n.to_string()]), "moved"),
        Notice::TookNewer => (lang.t(M::TookNewer).to_string(), "took-newer"),
        Notice::Missing => (lang.t(M::PlanMissing).to_string(), "missing"),
        Notice::Restored(n) => (
            fill(lang.t(M::RestoredPlans), &[&n.to_string()]),
            "restored",
        ),
        Notice::SetAside(title) => (fill(lang.t(M::SetAsideNotice), &[title]), "set-aside"),
        Notice::StorageClosed => (lang.t(M::StorageClosed).to_string(), "storage-closed"),
        Notice::VersionRestored => (lang.t(M::VersionRestored).to_string(), "version-restored"),
        Notice::TotalsTaken {
            taken,
            period,
            provisional,
        } => {
            let mut text = if *taken == 0 {
                lang.t(M::TotalsTakenNone).to_string()
            } else {
                fill(
                    lang.t(M::TotalsTaken),
                    &[&taken.to_string(), &labels::period(lang, *period)],
                )
            };
            if *provisional > 0 {
                text = format!(
                    "{text} {}",
                    fill(
                        lang.t(M::TotalsLeftProvisional),
                        &[&provisional.to_string()]
                    )
                );
            }
            (text, "totals-taken")
        }
        Notice::SumFailed(why) => (fill(lang.t(M::SumFailed), &[why]), "sum-failed"),
        Notice::SumStored(title) => (fill(lang.t(M::SumStored), &[title]), "sum-stored"),
        Notice::SumTooLong(first, last) => (
            fill(
                lang.t(M::SumTooLong),
                &[
                    &first.to_string(),
                    &last.to_string(),
                    &(last - first + 1).to_string(),
                    &crate::plan::MAX_PLAN_YEARS.to_string(),
                ],
            ),
            "sum-too-long",
        ),
        Notice::AppFileFailed => (lang.t(M::AppFileFailed).to_string(), "app-file-failed"),
    }
}


#[function_component(Notices)]
pub fn notices(props: &NoticesProps) -> Html {
    let lang = props.lang;
    let d = props.dispatch.clone();
    let dismiss = {
        let d = d.clone();
        Callback::from(move |_| d.emit(Action::Dismiss))
    };
    let failing = matches!(props.save, SaveState::Failing { .. });
    html! {
        <div class="notices" aria-live="polite">
            if props.update_ready {
                <div class="notice info quiet" role="status" data-notice="update">
                    <span>{ format!("{} — ", lang.t(M::UpdateReady)) }
                        <button type="button" class="link-button" onclick={{ let d = d.clone(); move |_| d.emit(Action::ApplyUpdate) }}>{ lang.t(M::UpdateReload) }</button>
                    </span>
                </div>
            }
            if props.not_kept && props.has_plan {
                <div class="notice info" role="status" data-notice="not-kept">
                    <span>{ lang.t(M::NotKept) }</span>
                    <button type="button" class="button" onclick={{ let d = d.clone(); move |_| d.emit(Action::Keep(true)) }}>{ lang.t(M::KeepYes) }</button>
                    <button type="button" class="button" onclick={{ let e = props.on_export.clone(); move |_| e.emit(()) }}>{ lang.t(M::ExportJson) }</button>
                </div>
            }
            if failing && props.has_plan {
                <div class="notice warning" role="alert" data-notice="save-failing">
                    <span>
                        { lang.t(M::SaveFailing) }
                        if props.save == (SaveState::Failing { full: true }) { { format!(" {}", lang.t(M::StorageFull)) } }
                    </span>
                    <button type="button" class="button" onclick={{ let e = props.on_export.clone(); move |_| e.emit(()) }}>{ lang.t(M::ExportJson) }</button>
                    <button type="button" class="button" onclick={{ let d = d.clone(); move |_| d.emit(Action::RetrySave) }}>{ lang.t(M::RetrySave) }</button>
                </div>
            }
            if let Some(title) = props.unsaved.as_ref().filter(|_| !props.has_plan) {
                <div class="notice warning" role="alert" data-notice="unsaved">
                    <span>{ fill(lang.t(M::UnsavedPlan), &[title]) }</span>
                    <button type="button" class="button" onclick={{ let e = props.on_export.clone(); move |_| e.emit(()) }}>{ lang.t(M::ExportJson) }</button>
                    <button type="button" class="button" onclick={{ let d = d.clone(); move |_| d.emit(Action::RetrySave) }}>{ lang.t(M::RetrySave) }</button>
                </div>
            }
            if props.elsewhere && props.has_plan {
                <div class="notice info" role="status" data-notice="open-elsewhere">
                    <span>{ lang.t(M::OpenElsewhere) }</span>
                </div>
            }
            { for props.notices.iter().map(|n| {
                let (text, name) = words(lang, n);
                let alert = matches!(n, Notice::Refused { .. } | Notice::KeptAside(_) | Notice::StorageClosed | Notice::Missing | Notice::SetAside(_) | Notice::AppFileFailed);
                html! {
                    <div class={classes!("notice", if alert { "warning" } else { "info" })} role={if alert { "alert" } else { "status" }} data-notice={name}>
                        <span>{ text }</span>
                        if *n == Notice::StorageClosed {
                            <button type="button" class="button" onclick={{ let d = d.clone(); move |_| d.emit(Action::Reload) }}>{ lang.t(M::ReloadPage) }</button>
                        }
                        <button type="button" class="button" onclick={dismiss.clone()}>{ lang.t(M::Dismiss) }</button>
                    </div>
                }
            }) }
            if !props.import_errors.is_empty() {
                <div class="notice error" role="alert" data-notice="import-errors">
                    <div class="notice-text">
                        <strong>{ lang.t(M::ImportFailed) }</strong>
                        <ul>
                            { for props.import_errors.iter().map(|e| html! { <li>{ labels::import_error(lang, e) }</li> }) }
                        </ul>
                    </div>
                    <button type="button" class="button" onclick={dismiss.clone()}>{ lang.t(M::Dismiss) }</button>
                </div>
            }
            if let Some(r) = &props.rollup {
                if !r.conflicts.is_empty() || !r.skipped.is_empty() {
                    <div class="notice info" role="status" data-notice="rollup">
                        <div class="notice-text">
                            <strong>{ fill(lang.t(M::RollUpReport), &[&r.plans.to_string()]) }</strong>
                            <ul>{ for super::report_lines(lang, r).into_iter().map(|l| html! { <li>{ l }</li> }) }</ul>
                        </div>
                        <button type="button" class="button" onclick={dismiss.clone()}>{ lang.t(M::Dismiss) }</button>
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
