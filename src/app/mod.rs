//! The Yew application: one state, an `Action` enum, thin components.

pub mod components;
pub mod grid;
pub mod labels;
pub mod probe;
mod runner;
pub mod state;

use crate::i18n::M;
use components::{
    Annex, CatalogPicker, ClashDialog, CollectionView, CompareView, ConflictDialog, EmptyState,
    Footer, HandDown, Header, HistoryPanel, IndicatorDetail, IndicatorTable, KeepDialog, Notices,
    PlanHeader, ResultsReport, Summary, Toolbar, VersionView,
};
use state::{Action, Download};
use std::rc::Rc;
use yew::prelude::*;

pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Props that hold shared data compare by pointer: an unchanged indicator
/// is the same `Rc`, so its row is not rendered again.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[function_component(App)]
pub fn app() -> Html {
    // the state, and the one way to change it: actions, whose effects the runner performs
    let (state, dispatch) = runner::use_app();
    let lang = state.lang;

    let on_export = {
        let (plan, d) = (
            state.plan.clone().or_else(|| state.unsaved.clone()),
            dispatch.clone(),
        );
        Callback::from(move |_| {
            if let Some(p) = &plan {
                d.emit(Action::Export(Download::Json(p.clone())));
            }
        })
    };
    let on_lang = {
        let dispatch = dispatch.clone();
        Callback::from(move |l| dispatch.emit(Action::SetLang(l)))
    };

    // what the plan's targets are checked against: the national references
    // (the same plan until the language changes), or the level above's plan
    // stored beside it, which the state holds; saving the plan changes neither
    // the national set holds the targets of the plan's years and of the year shown
    let national_years = state.plan.as_ref().map(|p| {
        let shown = state.period.map_or(p.period.start, |s| s.year());
        crate::plan::YearSpan {
            start: p.period.start.min(shown),
            end: p.period.end.max(shown),
        }
    });
    let national = use_memo((lang, national_years), |(lang, years)| {
        years.map(|y| {
            Rc::new(crate::catalog::national_plan(
                lang.t(M::ParentNational),
                y,
                *lang,
            ))
        })
    });
    let parent: Option<Rc<crate::plan::Plan>> =
        match state.plan.as_ref().and_then(|p| p.compare_with.as_deref()) {
            None => None,
            Some(crate::catalog::NATIONAL) => (*national).clone(),
            Some(_) => state.parent.clone(),
        };
    // every judgment is made as of the plan's date, else today (which comes in with the state)
    let today = state
        .today
        .unwrap_or_else(|| crate::plan::Date::start_of_year(crate::plan::FIRST_YEAR));
    let body = match (&state.plan, state.period) {
        // while the stored plans are read, the first screen of index.html stays as it was
        _ if !state.ready => html! {
            <div class="home">
                <section class="empty-state">
                    <h2 class="first-title">{ lang.t(M::EmptyTitle) }</h2>
                    <p class="lead">{ lang.t(M::EmptyLead) }</p>
                    <p class="loading" role="status">{ lang.t(M::Loading) }</p>
                </section>
            </div>
        },
        (Some(_), Some(_)) if state.viewing.is_some() => {
            let v = state.viewing.clone().expect("checked");
            html! { <VersionView {lang} version={v.version} plan={Shared(v.plan)} dispatch={dispatch.clone()} /> }
        }
        (Some(plan), Some(_)) if state.annex => {
            html! { <Annex {lang} plan={Shared(plan.clone())} dispatch={dispatch.clone()} /> }
        }
        (Some(plan), Some(period)) if state.comparing.is_some() => {
            let others = state.comparing.clone().unwrap_or_default();
            html! { <CompareView {lang} plan={Shared(plan.clone())} {period} {today} {others} errors={state.compare_errors.clone()} stored={state.plans.clone()} dispatch={dispatch.clone()} /> }
        }
        (Some(plan), Some(period)) if state.collection_open && state.collecting.is_some() => {
            let basis = crate::calc::Basis::of(plan, today);
            let collecting = state.collecting.clone().unwrap_or_default();
            html! { <CollectionView {lang} plan={Shared(plan.clone())} {period} {basis} {collecting} dispatch={dispatch.clone()} /> }
        }
        (Some(plan), Some(period)) if state.report => {
            let basis = crate::calc::Basis::of(plan, today);
            html! { <ResultsReport {lang} plan={Shared(plan.clone())} {period} {basis} {today} dispatch={dispatch.clone()} /> }
        }
        (Some(plan), Some(period)) => {
            let plan = Shared(plan.clone());
            let selected = state
                .selected
                .as_ref()
                .and_then(|id| plan.0.indicators.iter().find(|i| &i.id == id))
                .cloned();
            let group = selected.as_ref().map(|i| AttrValue::from(i.group.clone()));
            let parent = parent.clone().map(Shared);
            let basis = crate::calc::Basis::of(&plan.0, today);
            html! {
                <div class={classes!("plan-view", selected.is_some().then_some("with-detail"))}>
                    <Toolbar {lang} plan={plan.clone()} {period} can_undo={!state.undo.is_empty()} can_redo={!state.redo.is_empty()}
                        save={state.save_state()} {group} dispatch={dispatch.clone()} on_export={on_export.clone()} />
                    <PlanHeader {lang} plan={plan.clone()} units={state.units.clone()} plans={state.plans.clone()} dispatch={dispatch.clone()} />
                    <Summary {lang} plan={plan.clone()} {period} {basis} {today} parent={parent.clone()} find={AttrValue::from(state.find.clone())} dispatch={dispatch.clone()} />
                    <IndicatorTable {lang} plan={plan.clone()} {period} {basis} selected={state.selected.clone().map(AttrValue::from)}
                        collapsed={state.collapsed.clone()} parent={parent.clone()} find={AttrValue::from(state.find.clone())} rejected={state.rejected.clone()}
                        compact={selected.is_some()} dispatch={dispatch.clone()} />
                    if state.hand_down {
                        <HandDown {lang} plan={plan.clone()} dispatch={dispatch.clone()} />
                    }
                    if state.picker {
                        <CatalogPicker {lang} plan={plan.clone()} year={period.year()} dispatch={dispatch.clone()} />
                    }
                    if let Some(ind) = selected {
                        <IndicatorDetail key={ind.id.clone()} {lang} plan={plan.clone()} indicator={Shared(ind.clone())} {period} {basis} dispatch={dispatch.clone()} />
                    }
                </div>
            }
        }
        _ => {
            html! { <EmptyState {lang} plans={state.plans.clone()} usage={state.usage} persisted={state.persisted} dispatch={dispatch.clone()} /> }
        }
    };

    html! {
        <div class="app">
            <Header {lang} {on_lang} />
            <main id="main" class="main" tabindex="-1">
                <Notices {lang} save={state.save_state()} notices={state.notices.clone()} deleted={state.deleted.clone().map(AttrValue::from)}
                    has_plan={state.plan.is_some()} import_errors={state.import_errors.clone()} rollup={state.rollup_report.clone()}
                    elsewhere={state.elsewhere} unsaved={state.unsaved.as_ref().map(|p| AttrValue::from(p.title.clone()))}
                    not_kept={state.not_kept} update_ready={state.update_ready}
                    dispatch={dispatch.clone()} on_export={on_export.clone()} />
                if let Some((read, total)) = state.summing {
                    <components::SumProgress {lang} {read} {total} dispatch={dispatch.clone()} />
                }
                { body }
                if let (Some(_), Some(plan)) = (&state.keep_question, &state.plan) {
                    <KeepDialog {lang} title={AttrValue::from(plan.title.clone())} dispatch={dispatch.clone()} />
                } else if let Some(p) = state.pending.first() {
                    <ConflictDialog {lang} title={AttrValue::from(p.plan.title.clone())} waiting={state.pending.len()} dispatch={dispatch.clone()} />
                } else if let Some(c) = &state.clash {
                    <ClashDialog {lang} deleted={c.theirs.is_none()} settling={c.settling} dispatch={dispatch.clone()} />
                } else if let Some(h) = state.history.as_ref().filter(|_| state.viewing.is_none()) {
                    <HistoryPanel {lang} versions={h.versions.clone()} dispatch={dispatch.clone()} />
                }
                if state.dragging {
                    <div class="drop-overlay" aria-hidden="true"><span>{ lang.t(M::DropHere) }</span></div>
                }
            </main>
            <Footer {lang} dispatch={dispatch.clone()} />
        </div>
    }
}
