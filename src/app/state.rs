//! The one state of the app and the pure function that changes it.
//! Ids and times come in with the actions; storage is written by effects.

use crate::i18n::Lang;
use crate::plan::edit::{apply_edit, Edit};
use crate::plan::{Period, Plan};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::Reducible;

/// How many steps back undo can go.
pub const UNDO_DEPTH: usize = 200;

/// A plan in the "my plans" list.
#[derive(Clone, Debug, PartialEq)]
pub struct PlanEntry {
    pub id: String,
    pub title: String,
    pub updated: String,
}

/// Whether the open plan reaches the browser's storage.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum SaveState {
    #[default]
    Saved,
    /// storage refused the plan (full, or switched off); the plan lives only on screen
    Failing,
}

/// Things the planner must be told once.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// stored data that could not be read was kept aside under these keys
    KeptAside(Vec<String>),
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct State {
    pub lang: Lang,
    pub plan: Option<Rc<Plan>>,
    /// the period the table shows targets and actuals for
    pub period: Option<Period>,
    /// the indicator open in the detail panel
    pub selected: Option<String>,
    pub collapsed: Rc<BTreeSet<String>>,
    pub undo: Vec<Rc<Plan>>,
    pub redo: Vec<Rc<Plan>>,
    /// the last edit, so that typing in one cell makes one undo step
    pub last_edit: Option<Edit>,
    pub plans: Rc<Vec<PlanEntry>>,
    pub save: SaveState,
    pub notices: Vec<Notice>,
    /// the name of the indicator just deleted, for the undo prompt
    pub deleted: Option<String>,
    /// files that could not be opened, and why
    pub import_errors: Vec<ImportError>,
    /// imported plans whose id is already stored: replace, keep both or cancel
    pub pending: Vec<Rc<Plan>>,
    /// plans to write to storage (imports), written by an effect
    pub to_store: Vec<Rc<Plan>>,
    /// the printable annex is shown instead of the table
    pub annex: bool,
    /// the results report is shown instead of the table
    pub report: bool,
    /// the dialog that hands the plan down to its sub-units is open
    pub hand_down: bool,
    /// the sub-units' files collected against the open plan
    pub collecting: Option<Rc<Collecting>>,
    /// the collection is shown instead of the table
    pub collection_open: bool,
    /// the plans compared beside the open one, shown instead of the table when `Some`
    pub comparing: Option<Rc<Vec<Rc<Plan>>>>,
    /// files that could not be read for the comparison
    pub compare_errors: Rc<Vec<ImportError>>,
    /// the catalog picker is open
    pub picker: bool,
    /// what a roll-up could not combine
    pub rollup_report: Option<Rc<crate::calc::RollUp>>,
    /// cells that refused what was pasted into them, shown with the text and the reason
    pub rejected: Rc<Vec<crate::app::grid::Rejected>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ImportError {
    pub file: String,
    pub error: crate::file::ReadError,
}

/// The files the sub-units sent back, being collected against the open plan.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Collecting {
    /// in the order they came; a later file of a unit replaces an earlier one
    pub files: Vec<Rc<Plan>>,
    /// files that could not be read, and why
    pub errors: Vec<ImportError>,
}

/// The planner's answer when an imported plan is already stored.
#[derive(Clone, Debug, PartialEq)]
pub enum Resolve {
    Replace,
    /// keep both: the import gets this new id and a marked title
    KeepBoth { new_id: String, suffix: String },
    Cancel,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    /// show a plan (new, sample, from storage or a file); history starts afresh
    Open(Rc<Plan>),
    /// back to the start screen
    Close,
    Edit(Edit),
    Undo,
    Redo,
    SelectPeriod(Period),
    Select(Option<String>),
    ToggleGroup(String),
    PlansListed(Vec<PlanEntry>),
    SaveResult(SaveState),
    Notify(Notice),
    Dismiss,
    DismissDeleted,
    /// files were read: plans that opened, and errors of those that did not
    Imported { plans: Vec<Rc<Plan>>, errors: Vec<ImportError> },
    Resolve(Resolve),
    /// the queued plans were written; the list as it now is
    Stored(Vec<PlanEntry>),
    ShowAnnex(bool),
    ShowReport(bool),
    ShowHandDown(bool),
    /// open (or leave) the collection of the sub-units' files
    Collect(bool),
    /// files chosen or dropped for the collection: the plans read, and the files that were not
    CollectFiles { plans: Vec<Rc<Plan>>, errors: Vec<ImportError> },
    /// open (or leave) the comparison of plans side by side
    Compare(bool),
    /// plans read from files to compare beside the open one
    CompareFiles { plans: Vec<Rc<Plan>>, errors: Vec<ImportError> },
    /// a plan taken out of the comparison
    CompareRemove(String),
    /// files dropped on the page: collected while the collection is shown, else imported
    Dropped { plans: Vec<Rc<Plan>>, errors: Vec<ImportError> },
    ShowPicker(bool),
    /// several units' plans summed into one (the total opens), with what could not be combined
    RolledUp { report: Rc<crate::calc::RollUp>, errors: Vec<ImportError> },
    /// keep a plan in storage without opening it (a parent plan from a file)
    Store(Rc<Plan>),
    /// a table's indicators were imported (pasted, or from an .xlsx file):
    /// the plan with them, one undo step
    TableImported(Rc<Plan>),
    /// a block of cells pasted at a cell of the table (text as a spreadsheet copies it)
    PasteBlock { id: String, column: crate::app::grid::Col, text: String },
    /// the planner put back a cell that refused a paste
    DismissRejected { id: String, slot: crate::plan::edit::Slot },
}

/// The period shown first: the plan's current year if inside it, else its last year.
pub fn default_period(plan: &Plan, this_year: Option<i32>) -> Period {
    match this_year {
        Some(y) if plan.period.contains(y) => Period::Year(y),
        _ => Period::Year(plan.period.end),
    }
}

/// The cell an edit of one figure changes.
fn cell_of(edit: &Edit) -> Option<(&str, crate::plan::edit::Slot)> {
    match edit {
        Edit::Figure { id, slot, .. } => Some((id, *slot)),
        Edit::Target { id, period, .. } => Some((id, crate::plan::edit::Slot::Target(*period))),
        _ => None,
    }
}

/// Every change of state goes through here; no storage, no clock, no I/O.
pub fn apply(state: &State, action: Action) -> State {
    let mut s = state.clone();
    match action {
        Action::SetLang(lang) => s.lang = lang,
        Action::Open(plan) => {
            let keep_period = s.period.filter(|p| plan.period.contains(p.year()));
            s.period = Some(keep_period.unwrap_or_else(|| default_period(&plan, None)));
            s.plan = Some(plan);
            s.selected = None;
            s.rejected = Rc::default();
            s.undo.clear();
            s.redo.clear();
            s.last_edit = None;
            s.deleted = None;
        }
        Action::Close => {
            s.plan = None;
            s.rejected = Rc::default();
            s.annex = false;
            s.report = false;
            s.hand_down = false;
            s.collecting = None;
            s.collection_open = false;
            s.comparing = None;
            s.picker = false;
            s.selected = None;
            s.undo.clear();
            s.redo.clear();
            s.last_edit = None;
            s.deleted = None;
        }
        Action::Edit(edit) => {
            let Some(plan) = &state.plan else { return s };
            // a cell typed into again no longer shows what it refused
            if let Some((id, slot)) = cell_of(&edit) {
                s = apply(&s, Action::DismissRejected { id: id.to_string(), slot });
            }
            let next = apply_edit(plan, &edit);
            if *plan.as_ref() == next {
                return s;
            }
            let same_cell = s.last_edit.as_ref().is_some_and(|last| last.same_place(&edit));
            let mut back_where_it_started = false;
            if !same_cell {
                s.undo.push(plan.clone());
                if s.undo.len() > UNDO_DEPTH {
                    s.undo.remove(0);
                }
            } else if s.undo.last().is_some_and(|before| **before == next) {
                // typing in one cell came back to where it started: no step to
                // undo, and the next change of the cell is a step of its own
                s.undo.pop();
                back_where_it_started = true;
            }
            s.redo.clear();
            s.deleted = match &edit {
                Edit::Delete { id } => plan.indicator(id).map(|i| i.name.vi.clone()),
                _ => None,
            };
            if let Edit::Delete { id } = &edit {
                if s.selected.as_deref() == Some(id) {
                    s.selected = None;
                }
            }
            if let Edit::Header(crate::plan::edit::HeaderField::StartYear(_) | crate::plan::edit::HeaderField::EndYear(_)) = &edit {
                if s.period.is_some_and(|p| !next.period.contains(p.year())) {
                    s.period = Some(default_period(&next, None));
                }
            }
            s.last_edit = (!back_where_it_started).then_some(edit);
            s.plan = Some(Rc::new(next));
        }
        Action::Undo => {
            if let (Some(prev), Some(cur)) = (s.undo.pop(), s.plan.clone()) {
                s.redo.push(cur);
                s.plan = Some(prev);
                s.last_edit = None;
                s.deleted = None;
            }
        }
        Action::Redo => {
            if let (Some(next), Some(cur)) = (s.redo.pop(), s.plan.clone()) {
                s.undo.push(cur);
                s.plan = Some(next);
                s.last_edit = None;
                s.deleted = None;
            }
        }
        Action::SelectPeriod(p) => {
            s.period = Some(p);
            s.last_edit = None;
        }
        Action::Select(id) => {
            s.selected = id;
            s.last_edit = None;
        }
        Action::ToggleGroup(g) => {
            let mut set = (*s.collapsed).clone();
            if !set.remove(&g) {
                set.insert(g);
            }
            s.collapsed = Rc::new(set);
        }
        Action::PlansListed(list) => s.plans = Rc::new(list),
        Action::SaveResult(r) => s.save = r,
        Action::Notify(n) => s.notices.push(n),
        Action::Dismiss => {
            s.notices.clear();
            s.import_errors.clear();
            s.rollup_report = None;
        }
        Action::DismissDeleted => s.deleted = None,
        Action::Imported { plans, errors } => {
            s.import_errors = errors;
            let stored = |id: &str, s: &State| s.plans.iter().any(|e| e.id == id) || s.plan.as_ref().is_some_and(|p| p.id == id);
            let mut opened = None;
            for plan in plans {
                if stored(&plan.id, &s) || s.to_store.iter().any(|p| p.id == plan.id) {
                    s.pending.push(plan);
                } else {
                    s.to_store.push(plan.clone());
                    opened = Some(plan);
                }
            }
            if let Some(plan) = opened {
                let errors = std::mem::take(&mut s.import_errors);
                s = apply(&s, Action::Open(plan));
                s.import_errors = errors;
            }
        }
        Action::Resolve(choice) => {
            if s.pending.is_empty() {
                return s;
            }
            let plan = s.pending.remove(0);
            let chosen = match choice {
                Resolve::Replace => Some(plan),
                Resolve::KeepBoth { new_id, suffix } => {
                    let mut p = (*plan).clone();
                    p.id = new_id;
                    p.title = format!("{} {suffix}", p.title);
                    Some(Rc::new(p))
                }
                Resolve::Cancel => None,
            };
            if let Some(plan) = chosen {
                s.to_store.push(plan.clone());
                let (pending, errors) = (std::mem::take(&mut s.pending), std::mem::take(&mut s.import_errors));
                s = apply(&s, Action::Open(plan));
                s.pending = pending;
                s.import_errors = errors;
            }
        }
        Action::ShowAnnex(on) => {
            s.annex = on && s.plan.is_some();
            s.report = false;
        }
        Action::ShowHandDown(on) => s.hand_down = on && s.plan.is_some(),
        Action::Collect(on) => {
            s.collection_open = on && s.plan.is_some();
            s.comparing = None;
            if s.collection_open && s.collecting.is_none() {
                s.collecting = Some(Rc::default());
            }
            s.annex = false;
            s.report = false;
        }
        Action::Dropped { plans, errors } => {
            s = if s.collection_open {
                apply(&s, Action::CollectFiles { plans, errors })
            } else if s.comparing.is_some() {
                apply(&s, Action::CompareFiles { plans, errors })
            } else {
                apply(&s, Action::Imported { plans, errors })
            };
        }
        Action::Compare(on) => {
            s.comparing = (on && s.plan.is_some()).then(|| s.comparing.clone().unwrap_or_default());
            s.compare_errors = Rc::default();
            s.collection_open = false;
            s.annex = false;
            s.report = false;
        }
        Action::CompareFiles { plans, errors } => {
            if let Some(c) = &s.comparing {
                let open = s.plan.as_ref().map(|p| p.id.clone());
                let mut next = (**c).clone();
                for p in plans {
                    // the open plan is already there; a plan read again replaces itself
                    if Some(&p.id) != open.as_ref() {
                        next.retain(|x| x.id != p.id);
                        next.push(p);
                    }
                }
                s.comparing = Some(Rc::new(next));
                s.compare_errors = Rc::new(errors);
            }
        }
        Action::CompareRemove(id) => {
            if let Some(c) = &s.comparing {
                s.comparing = Some(Rc::new(c.iter().filter(|p| p.id != id).cloned().collect()));
            }
        }
        Action::CollectFiles { plans, errors } => {
            if let Some(c) = &s.collecting {
                let mut next = (**c).clone();
                next.files.extend(plans);
                next.errors = errors;
                s.collecting = Some(Rc::new(next));
            }
        }
        Action::ShowReport(on) => {
            s.report = on && s.plan.is_some();
            s.annex = false;
        }
        Action::ShowPicker(on) => s.picker = on && s.plan.is_some(),
        Action::Store(p) => s.to_store.push(p),
        Action::RolledUp { report, errors } => {
            let plan = Rc::new(report.plan.clone());
            s = apply(&s, Action::Open(plan.clone()));
            s.to_store.push(plan);
            s.import_errors = errors;
            s.rollup_report = Some(report);
        }
        Action::TableImported(next) => {
            let Some(plan) = state.plan.clone().filter(|p| p.id == next.id) else { return s };
            s.undo.push(plan);
            if s.undo.len() > UNDO_DEPTH {
                s.undo.remove(0);
            }
            s.redo.clear();
            s.last_edit = None;
            s.deleted = None;
            if s.period.is_none_or(|p| !next.period.contains(p.year())) {
                s.period = Some(default_period(&next, None));
            }
            s.plan = Some(next);
        }
        Action::PasteBlock { id, column, text } => {
            let (Some(plan), Some(period)) = (&s.plan, s.period) else { return s };
            let (edit, rejected) = crate::app::grid::paste(plan, &s.collapsed, period, (&id, column), &text, s.lang);
            if let Some(edit) = edit {
                s = apply(&s, Action::Edit(edit));
            }
            s.rejected = Rc::new(rejected);
        }
        Action::DismissRejected { id, slot } => {
            if s.rejected.iter().any(|r| r.id == id && r.slot == slot) {
                s.rejected = Rc::new(s.rejected.iter().filter(|r| !(r.id == id && r.slot == slot)).cloned().collect());
            }
        }
        Action::Stored(list) => {
            s.to_store.clear();
            s.plans = Rc::new(list);
        }
    }
    s
}

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(apply(&self, action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::sample_plan;
    use crate::plan::edit::Slot;
    use crate::plan::Figure;

    fn open() -> State {
        apply(&State::default(), Action::Open(Rc::new(sample_plan("s"))))
    }

    fn type_baseline(s: &State, v: f64) -> State {
        apply(s, Action::Edit(Edit::Figure { id: "s-1".into(), slot: Slot::Baseline, figure: Some(Figure::Value(v)) }))
    }

    #[test]
    fn switching_language_changes_only_the_language() {
        let s = apply(&State::default(), Action::SetLang(Lang::En));
        assert_eq!(s.lang, Lang::En);
        assert_eq!(s.plan, None);
    }

    #[test]
    fn opening_a_plan_shows_its_year() {
        let s = open();
        assert_eq!(s.period, Some(Period::Year(2021)));
        assert!(s.undo.is_empty());
    }

    #[test]
    fn typing_in_a_cell_is_one_undo_step_and_redo_returns_it() {
        let s0 = open();
        let s = type_baseline(&type_baseline(&s0, 7.0), 70.0);
        assert_eq!(s.undo.len(), 1);
        let undone = apply(&s, Action::Undo);
        assert_eq!(undone.plan, s0.plan);
        let redone = apply(&undone, Action::Redo);
        assert_eq!(redone.plan, s.plan);
        // a new edit after undo drops the redo branch
        let other = type_baseline(&undone, 1.0);
        assert!(other.redo.is_empty());
    }

    #[test]
    fn a_cell_put_back_as_it_was_leaves_no_undo_step() {
        let s0 = open();
        let before = s0.plan.as_ref().unwrap().indicator("s-1").unwrap().baseline.clone().unwrap().figure;
        let s = type_baseline(&s0, 7.0);
        assert_eq!(s.undo.len(), 1);
        let back = apply(&s, Action::Edit(Edit::Figure { id: "s-1".into(), slot: Slot::Baseline, figure: Some(before) }));
        assert_eq!(back.plan, s0.plan);
        assert!(back.undo.is_empty());
    }

    #[test]
    fn a_pasted_block_is_one_undo_step_and_refused_cells_are_kept_in_sight() {
        use crate::app::grid::Col;
        let s0 = open();
        let s = apply(&s0, Action::PasteBlock { id: "s-1".into(), column: Col::Actual, text: "70\nabc\n25\n".into() });
        assert_eq!(s.undo.len(), 1);
        assert_eq!(s.rejected.len(), 1);
        assert_eq!(s.rejected[0].text, "abc");
        let undone = apply(&s, Action::Undo);
        assert_eq!(undone.plan, s0.plan);
        // typing a figure into the refused cell clears it
        let fixed = apply(
            &s,
            Action::Edit(Edit::Figure { id: "s-2".into(), slot: Slot::Actual(Period::Year(2021)), figure: Some(Figure::Value(9.0)) }),
        );
        assert!(fixed.rejected.is_empty());
    }

    #[test]
    fn files_collected_accumulate_and_leave_the_plan_alone() {
        let s = apply(&open(), Action::Collect(true));
        let a = Rc::new(sample_plan("a"));
        let s = apply(&s, Action::CollectFiles { plans: vec![a.clone()], errors: vec![] });
        let error = ImportError { file: "x.json".into(), error: crate::file::ReadError::NotAPlan };
        let s2 = apply(&s, Action::CollectFiles { plans: vec![Rc::new(sample_plan("b"))], errors: vec![error.clone()] });
        let c = s2.collecting.as_ref().unwrap();
        assert_eq!(c.files.len(), 2);
        assert_eq!(c.errors, vec![error]);
        assert_eq!(s2.plan, s.plan);
        assert!(s2.to_store.is_empty(), "collected files are not stored as plans of this browser");
        // leaving the view and coming back keeps what was collected; closing the plan ends it
        let back = apply(&apply(&s2, Action::Collect(false)), Action::Collect(true));
        assert_eq!(back.collecting.as_ref().unwrap().files.len(), 2);
        assert!(apply(&back, Action::Close).collecting.is_none());
    }

    #[test]
    fn an_edit_that_changes_nothing_leaves_no_undo_step() {
        let s = open();
        let same = apply(&s, Action::Edit(Edit::Delete { id: "nope".into() }));
        assert!(same.undo.is_empty());
    }

    #[test]
    fn an_import_opens_new_plans_and_asks_about_known_ones() {
        let s = open();
        let known = s.plan.clone().unwrap();
        let fresh = Rc::new(sample_plan("t"));
        let s = apply(&s, Action::Imported { plans: vec![known.clone(), fresh.clone()], errors: vec![] });
        assert_eq!(s.plan.as_ref().unwrap().id, "t");
        assert_eq!(s.to_store.len(), 1);
        assert_eq!(s.pending.len(), 1);
        let kept = apply(&s, Action::Resolve(Resolve::KeepBoth { new_id: "s2".into(), suffix: "(bản nhập)".into() }));
        assert!(kept.pending.is_empty());
        assert_eq!(kept.plan.as_ref().unwrap().id, "s2");
        assert!(kept.plan.as_ref().unwrap().title.ends_with("(bản nhập)"));
        assert_eq!(kept.to_store.len(), 2);
        let cancelled = apply(&s, Action::Resolve(Resolve::Cancel));
        assert_eq!(cancelled.plan, s.plan);
        assert!(cancelled.pending.is_empty());
    }

    #[test]
    fn a_failed_import_changes_no_plan() {
        let s = open();
        let error = ImportError { file: "x.json".into(), error: crate::file::ReadError::NotAPlan };
        let after = apply(&s, Action::Imported { plans: vec![], errors: vec![error.clone()] });
        assert_eq!(after.plan, s.plan);
        assert_eq!(after.undo, s.undo);
        assert_eq!(after.import_errors, vec![error]);
    }

    #[test]
    fn an_imported_table_is_one_undo_step() {
        let s = open();
        let mut bigger = (**s.plan.as_ref().unwrap()).clone();
        bigger.indicators.push(Rc::new(crate::plan::Indicator::new("t-1", "Mới", crate::plan::Kind::Count)));
        bigger.period.end = 2023;
        let after = apply(&s, Action::TableImported(Rc::new(bigger)));
        assert_eq!(after.plan.as_ref().unwrap().indicators.len(), 15);
        assert_eq!(after.undo.len(), 1);
        let back = apply(&after, Action::Undo);
        assert_eq!(back.plan, s.plan);
        // a plan that is not the one on screen is never taken
        let other = apply(&s, Action::TableImported(Rc::new(sample_plan("x"))));
        assert_eq!(other.plan, s.plan);
    }

    #[test]
    fn deleting_offers_undo() {
        let s = apply(&open(), Action::Select(Some("s-0".into())));
        let s = apply(&s, Action::Edit(Edit::Delete { id: "s-0".into() }));
        assert!(s.deleted.is_some());
        assert_eq!(s.selected, None);
        let back = apply(&s, Action::Undo);
        assert_eq!(back.plan.unwrap().indicators.len(), 14);
    }
}
