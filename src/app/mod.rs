//! The Yew application: one state, an `Action` enum, thin components.

pub mod components;
pub mod grid;
pub mod labels;
pub mod state;

use crate::browser;
use crate::file;
use crate::i18n::M;
use components::{Annex, CollectionView, CompareView, HandDown, ResultsReport, CatalogPicker, ConflictDialog, EmptyState, Footer, Header, IndicatorDetail, IndicatorTable, Notices, PlanHeader, Summary, Toolbar};
use state::{Action, Notice, State};
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

/// What storage holds at start-up: the language, the plans, the plan left open.
fn initial_state() -> State {
    let mut s = State { lang: browser::stored_lang().unwrap_or_default(), ..State::default() };
    let index = browser::load_index();
    let mut kept_aside = index.kept_aside;
    s.plans = Rc::new(index.value);
    if let Some(id) = browser::open_plan_id() {
        let loaded = browser::load_plan(&id);
        kept_aside.extend(loaded.kept_aside);
        if let Some(plan) = loaded.value {
            s = state::apply(&s, Action::Open(Rc::new(plan)));
            s.period = s.plan.as_ref().map(|p| state::default_period(p, Some(browser::this_year())));
        } else if !kept_aside.is_empty() {
            s.plans = Rc::new(browser::load_index().value);
        }
    }
    if !kept_aside.is_empty() {
        s.notices.push(Notice::KeptAside(kept_aside));
    }
    s
}

/// How long the plan may wait before it is written to storage: edits in a
/// burst are saved once, and every change is stored well within a second.
const SAVE_DELAY_MS: u32 = 250;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(initial_state);
    let lang = state.lang;
    // one callback for the life of the app, so that rows never re-render for a new closure
    let dispatch = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| Callback::from(move |a: Action| dispatcher.dispatch(a)))
    };
    let dispatch: Callback<Action> = (*dispatch).clone();

    // the page's language and title follow the chosen language, and the choice survives a reload
    use_effect_with(lang, move |lang| {
        browser::show_lang(*lang, lang.t(M::AppName), lang.t(M::Subtitle));
        browser::store_lang(*lang);
    });

    // autosave: the open plan reaches storage shortly after each change; a
    // plan left before its save was due (another opened, or closed) is saved at once
    {
        let dispatch = dispatch.clone();
        let plans = state.plans.clone();
        let unsaved = use_mut_ref(|| None::<Rc<crate::plan::Plan>>);
        // a plan opened from storage and not changed is not written again
        let stored_unchanged = state.undo.is_empty()
            && state.redo.is_empty()
            && state.plan.as_ref().is_some_and(|p| state.plans.iter().any(|e| e.id == p.id));
        use_effect_with(state.plan.clone(), move |plan| {
            let save = {
                let (dispatch, plans) = (dispatch.clone(), plans.clone());
                move |p: &crate::plan::Plan| {
                    let (result, listed) = browser::save_plan(p, &browser::now(), VERSION);
                    dispatch.emit(Action::SaveResult(result));
                    if *listed != **plans {
                        dispatch.emit(Action::PlansListed(listed));
                    }
                }
            };
            let left = unsaved.borrow_mut().take().filter(|prev| plan.as_ref().map(|p| &p.id) != Some(&prev.id));
            if let Some(prev) = left {
                save(&prev);
            }
            // the plan on screen is the one a reload opens
            browser::set_open_plan(plan.as_ref().map(|p| p.id.as_str()));
            *unsaved.borrow_mut() = plan.clone().filter(|_| !stored_unchanged);
            let timer = plan.is_some().then(|| {
                let unsaved = unsaved.clone();
                gloo::timers::callback::Timeout::new(SAVE_DELAY_MS, move || {
                    if let Some(p) = unsaved.borrow_mut().take() {
                        save(&p);
                    }
                })
            });
            move || drop(timer)
        });
    }

    // Ctrl+Z undoes, Ctrl+Shift+Z and Ctrl+Y redo, anywhere on the page
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let listener = browser::on_undo_keys(move |redo| dispatch.emit(if redo { Action::Redo } else { Action::Undo }));
            move || drop(listener)
        });
    }

    // imported plans reach storage
    {
        let dispatch = dispatch.clone();
        use_effect_with(state.to_store.clone(), move |queue| {
            if !queue.is_empty() {
                let now = browser::now();
                let mut result = state::SaveState::Saved;
                let mut list = Vec::new();
                for plan in queue {
                    // each save reads and returns the stored list: the last one holds them all
                    let (r, listed) = browser::save_plan(plan, &now, VERSION);
                    if r != state::SaveState::Saved {
                        result = r;
                    }
                    list = listed;
                }
                dispatch.emit(Action::SaveResult(result));
                dispatch.emit(Action::Stored(list));
            }
        });
    }

    // plan files dropped anywhere on the page are opened
    let dragging = use_state(|| false);
    {
        let (dispatch, dragging) = (dispatch.clone(), dragging.setter());
        use_effect_with((), move |_| {
            let listeners = browser::on_drop_files(
                move |on| dragging.set(on),
                move |files| components::drop_files(files, dispatch.clone()),
            );
            move || drop(listeners)
        });
    }

    let on_export = {
        let plan = state.plan.clone();
        Callback::from(move |_| {
            if let Some(p) = &plan {
                let text = file::to_json(p, VERSION, &browser::now());
                let _ = browser::download(&format!("{}.chitieu.json", crate::text::slug(&p.title)), "application/json", &text);
            }
        })
    };
    let on_lang = {
        let dispatch = dispatch.clone();
        Callback::from(move |l| dispatch.emit(Action::SetLang(l)))
    };

    // what the plan's targets are checked against: the national references, or
    // the level above's plan stored beside it
    let compare_with = state.plan.as_ref().and_then(|p| p.compare_with.clone());
    // the national set holds the targets of the plan's years and of the year shown
    let national_years = state.plan.as_ref().map(|p| {
        let shown = state.period.map_or(p.period.start, |s| s.year());
        crate::plan::YearSpan { start: p.period.start.min(shown), end: p.period.end.max(shown) }
    });
    let parent = use_memo((compare_with, state.plans.clone(), national_years, lang), move |(with, _, years, lang)| match with.as_deref() {
        None => None,
        Some(crate::catalog::NATIONAL) => years.map(|y| Rc::new(crate::catalog::national_plan(lang.t(M::ParentNational), y, *lang))),
        Some(id) => browser::load_plan(id).value.map(Rc::new),
    });
    let parent: Option<Rc<crate::plan::Plan>> = (*parent).clone();
    let today = browser::today();
    let body = match (&state.plan, state.period) {
        (Some(plan), Some(_)) if state.annex => html! { <Annex {lang} plan={Shared(plan.clone())} dispatch={dispatch.clone()} /> },
        (Some(plan), Some(period)) if state.comparing.is_some() => {
            let others = state.comparing.clone().unwrap_or_default();
            html! { <CompareView {lang} plan={Shared(plan.clone())} {period} {today} {others} errors={state.compare_errors.clone()} dispatch={dispatch.clone()} /> }
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
            let selected = state.selected.as_ref().and_then(|id| plan.0.indicators.iter().find(|i| &i.id == id)).cloned();
            let group = selected.as_ref().map(|i| AttrValue::from(i.group.clone()));
            let parent = parent.clone().map(Shared);
            let basis = crate::calc::Basis::of(&plan.0, today);
            html! {
                <div class={classes!("plan-view", selected.is_some().then_some("with-detail"))}>
                    <Toolbar {lang} plan={plan.clone()} {period} can_undo={!state.undo.is_empty()} can_redo={!state.redo.is_empty()}
                        save={state.save.clone()} {group} dispatch={dispatch.clone()} on_export={on_export.clone()} plans={state.plans.clone()} />
                    <PlanHeader {lang} plan={plan.clone()} dispatch={dispatch.clone()} />
                    <Summary {lang} plan={plan.clone()} {period} {basis} {today} parent={parent.clone()} dispatch={dispatch.clone()} />
                    <IndicatorTable {lang} plan={plan.clone()} {period} {basis} selected={state.selected.clone().map(AttrValue::from)}
                        collapsed={state.collapsed.clone()} parent={parent.clone()} rejected={state.rejected.clone()} dispatch={dispatch.clone()} />
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
        _ => html! { <EmptyState {lang} plans={state.plans.clone()} dispatch={dispatch.clone()} /> },
    };

    html! {
        <div class="app">
            <Header {lang} {on_lang} />
            <main id="main" class="main">
                <Notices {lang} save={state.save.clone()} notices={state.notices.clone()} deleted={state.deleted.clone().map(AttrValue::from)}
                    has_plan={state.plan.is_some()} import_errors={state.import_errors.clone()} rollup={state.rollup_report.clone()} dispatch={dispatch.clone()} on_export={on_export.clone()} />
                { body }
                if let Some(p) = state.pending.first() {
                    <ConflictDialog {lang} title={p.title.clone()} dispatch={dispatch.clone()} />
                }
                if *dragging {
                    <div class="drop-overlay" aria-hidden="true"><span>{ lang.t(M::DropHere) }</span></div>
                }
            </main>
            <Footer {lang} />
        </div>
    }
}
