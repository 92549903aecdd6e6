//! The one state of the app and the pure function that changes it.
//!
//! `apply` returns the new state and the effects that must follow, as data:
//! save this plan, read that one, store imported plans, download a file, ask
//! for persistent storage … It never touches the browser; ids and times come
//! in with the actions. The runner (`runner.rs`) performs the effects with
//! the `browser` module and reports what happened as actions.

use crate::browser::{
    Files, FilesRead, ImportError, Listed, Moved, News, Picked, PlanEntry, StoreError, Stored,
    Usage, Version,
};
use crate::i18n::Lang;
use crate::plan::edit::{apply_edit, Edit, HeaderField, Slot};
use crate::plan::{Date, Period, Plan};
use std::collections::BTreeSet;
use std::rc::Rc;

/// How many steps back undo can go.
pub const UNDO_DEPTH: usize = 200;

/// What the toolbar says about the open plan and storage.
#[derive(Clone, Debug, PartialEq, Default)]
pub enum SaveState {
    /// storage holds the plan as it is on screen
    #[default]
    Saved,
    /// a change is on its way to storage
    Saving,
    /// storage refused the plan (full, or switched off); it lives only on screen
    Failing { full: bool },
    /// another tab saved this plan too: the planner chooses
    Clash,
    /// the plan a single file carried, not (or not yet) kept in storage
    NotKept,
}

/// The open plan as storage holds it: the revision it was read or saved as,
/// and that plan (the very `Rc` on screen while nothing changed).
#[derive(Clone, Debug, PartialEq)]
pub struct Base {
    pub revision: u64,
    pub plan: Rc<Plan>,
}

/// A write other than the open plan's autosave.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Open,
    Rename,
    Duplicate,
    Delete,
    Import,
    Backup,
    History,
    Restore,
    /// this tab's changes kept in the history for another tab's version
    SetAside,
    /// a file handed to the browser to download
    Download,
    /// the list of stored plans read
    List,
}

/// Things the planner must be told once.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// the roll-up of many files could not be made (why, in the browser's words)
    SumFailed(String),
    /// a roll-up's total was stored, not opened: the plan on screen waits for
    /// the planner's answer (a clash with another tab, keeping a carried plan)
    SumStored(String),
    /// the files' years together (first, last) are longer than a plan can be
    SumTooLong(i32, i32),
    /// stored data that could not be read was kept aside under these keys
    KeptAside(Vec<String>),
    /// storage refused (or failed) a write or a read
    Refused { op: Op, full: bool },
    /// plans an earlier chitieu kept in local storage were moved to the new store
    Moved(usize),
    /// another tab saved the plan on screen, and this tab shows that version now
    TookNewer,
    /// a plan to open is no longer stored (deleted, perhaps in another tab)
    Missing,
    /// plans restored from a backup
    Restored(usize),
    /// this tab's unsaved changes of a plan no longer on screen went to its history
    SetAside(String),
    /// another tab runs a newer chitieu: this one must be reloaded
    StorageClosed,
    /// an earlier version is the plan again
    VersionRestored,
    /// the app as one file could not be had (hosted and offline before it was ever fetched)
    AppFileFailed,
    /// the collection's totals were written into the plan: how many, for which
    /// period, and how many provisional ones were left out
    TotalsTaken {
        taken: usize,
        period: Period,
        provisional: usize,
    },
}

/// Another tab saved (or deleted) the plan this tab has unsaved changes of.
#[derive(Clone, Debug, PartialEq)]
pub struct Clash {
    pub id: String,
    /// the other tab's revision; `None` when it deleted the plan
    pub theirs: Option<u64>,
    /// the planner chose to take the other tab's version, which is being read
    /// (this tab's is kept in the history first); nothing can be edited meanwhile
    pub settling: bool,
}

impl Clash {
    fn with(id: &str, theirs: Option<u64>) -> Clash {
        Clash {
            id: id.to_string(),
            theirs,
            settling: false,
        }
    }
}

/// How the planner settles a clash.
#[derive(Clone, Debug, PartialEq)]
pub enum Settle {
    /// keep this tab's plan; the other tab's version is kept as a copy
    KeepMine { copy_id: String, suffix: String },
    /// show the other tab's version; this tab's changes go to the history
    TakeTheirs,
    /// the other tab deleted it: store it again
    StoreAgain,
    /// the other tab deleted it: close it here too
    LetGo,
}

/// The history panel of the open plan.
#[derive(Clone, Debug, PartialEq)]
pub struct History {
    pub id: String,
    /// newest first; `None` while they are read
    pub versions: Option<Rc<Vec<Version>>>,
}

/// An earlier version shown read-only.
#[derive(Clone, Debug, PartialEq)]
pub struct Viewing {
    pub version: Version,
    pub plan: Rc<Plan>,
}

/// What files were picked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// open plan files (or restore a backup)
    Import,
    /// the sub-units' files collected against the open plan
    Collect,
    /// plans to set beside the open one
    Compare,
    /// sum several units' plans into one
    RollUp,
    /// the level above's plan, kept beside the open one
    Parent,
}

/// A file to hand to the planner.
#[derive(Clone, Debug, PartialEq)]
pub enum Download {
    Json(Rc<Plan>),
    /// every stored plan in one file
    Backup,
    /// a file the app made (an archive, a report): its name, type and bytes
    File {
        name: String,
        mime: String,
        bytes: Rc<Vec<u8>>,
    },
    /// the app as one file (chitieu.html) with the plan inside, which opens onto it
    WithApp(Rc<Plan>),
    /// the app as one file, to pass on (the footer's link)
    App,
}

/// What the office module is asked for: its import dialog, with a table
/// pasted on the page (text and HTML, as the clipboard had them: taken only
/// while the plan has no indicators) or waiting for one; or its export
/// dialog (Excel, Word, CSV).
#[derive(Clone, Debug, PartialEq)]
pub enum Office {
    /// the import dialog, with a pasted table's text and HTML when there is one
    Import(Option<(String, String)>),
    /// the import dialog, reading an Excel workbook dropped on the page
    Workbook(Files),
    Export,
}

/// Why a stored plan is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Load {
    /// to open it
    Open,
    /// another tab saved a newer version of the plan on screen
    Newer,
    /// the level above's plan
    Parent,
    /// to set beside the open plan
    Compare,
}

/// What start-up found in storage.
#[derive(Clone, Debug, PartialEq)]
pub struct Boot {
    pub listed: Result<Listed, StoreError>,
    /// the plan this tab showed last, read
    pub open: Option<Result<Stored, StoreError>>,
    pub moved: Moved,
    /// the plan the page carries (a single file exported with a plan)
    pub carried: Option<Carried>,
    pub this_year: i32,
    /// today on the planner's clock: judgments are made as of it unless the plan says otherwise
    pub today: Date,
}

/// The plan a single file carries, as start-up found it.
#[derive(Clone, Debug, PartialEq)]
pub struct Carried {
    /// the page's file name, for an error
    pub file: String,
    /// the plan, read, or why not
    pub read: Result<Rc<Plan>, crate::file::ReadError>,
    /// tells this file's plan from others (`file::single::fingerprint`)
    pub fingerprint: String,
    /// the planner answered whether to keep it, in this browser, before
    pub answered: bool,
    /// the plan of the same id that storage holds
    pub stored: Option<Stored>,
}

/// Work for the runner.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// open a dialog of the office module (loaded on first use) for the plan;
    /// an import comes back as `Action::TableImported`
    Office {
        call: Office,
        plan: Rc<Plan>,
        lang: Lang,
        period: Period,
    },
    /// the page's language and title, and remember the choice
    ShowLang(Lang),
    /// the plan a reload opens (`None`: the start screen)
    Remember(Option<String>),
    /// tell the other tabs which plan this one shows
    Announce(Option<String>),
    /// ask whether another tab shows this plan (`gone`: a tab that said it left)
    Presence {
        id: String,
        gone: Option<String>,
    },
    /// save the open plan a little later (a burst of edits is saved once)
    SaveSoon,
    /// write a plan over the stored revision `expect` (`None`: a new plan);
    /// `after_own`: chained after this tab's save under way, whose revision
    /// `expect` names: it must be that save's, not another tab's
    Save {
        plan: Rc<Plan>,
        expect: Option<u64>,
        after_own: bool,
    },
    Read {
        id: String,
        why: Load,
    },
    /// read the list again
    List,
    Rename {
        id: String,
        title: String,
    },
    Duplicate {
        id: String,
        new_id: String,
        suffix: String,
    },
    Delete(String),
    /// store plans read from files (from a backup: `backup`), each over
    /// whatever is stored under its id
    StoreFiles {
        plans: Vec<Picked>,
        backup: bool,
    },
    KeepMine {
        plan: Rc<Plan>,
        theirs: u64,
        copy_id: String,
        suffix: String,
    },
    /// keep the plan in its history (this tab's changes, when another tab's
    /// revision `theirs` is taken instead)
    SetAside {
        plan: Rc<Plan>,
        theirs: Option<u64>,
    },
    Versions(String),
    ReadVersion {
        id: String,
        seq: u32,
    },
    Restore {
        plan: Rc<Plan>,
        expect: Option<u64>,
        /// as for `Save`: `expect` names the revision of this tab's save under way
        after_own: bool,
        unchanged: bool,
        seq: u32,
    },
    ReadFiles {
        files: Files,
        purpose: Purpose,
    },
    /// read, check and sum many files away from the page (in a worker when
    /// the page has one, else as `ReadFiles` for a roll-up); comes back as
    /// `Action::Summed`, with `Action::SumProgress` on the way
    SumFiles(Files),
    /// stop the roll-up under way; nothing of it is kept
    StopSum,
    Download(Download),
    /// `navigator.storage.persist()`
    AskPersist,
    /// how much storage is used and left
    MeasureUsage,
    Print,
    Reload,
    /// fetch the official unit list from the page's own origin
    LoadUnits,
    /// keep the files collected against a plan
    SaveCollection {
        parent: String,
        files: Vec<Rc<Plan>>,
    },
    /// read the files collected against a plan earlier
    ReadCollection(String),
    /// remember that the planner answered for the plan a single file carries
    RememberAnswer(String),
    /// let the new version of the app take over, and load the page again
    ApplyUpdate,
}

/// The files the sub-units sent back, being collected against the open plan.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Collecting {
    /// in the order they came; a later file of a unit replaces an earlier one
    pub files: Vec<Rc<Plan>>,
    /// files that could not be read, and why
    pub errors: Vec<ImportError>,
}

/// The official unit list, when a unit is being chosen.
#[derive(Clone, Debug, PartialEq)]
pub enum Units {
    Loading,
    Ready(Rc<crate::units::UnitList>),
    /// it could not be had: names are typed by hand
    Failed,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct State {
    pub lang: Lang,
    /// storage has been read at start
    pub ready: bool,
    pub plan: Option<Rc<Plan>>,
    /// the period the table shows targets and actuals for
    pub period: Option<Period>,
    /// the indicator open in the detail panel
    pub selected: Option<String>,
    pub collapsed: Rc<BTreeSet<String>>,
    /// what the planner looks for in the indicator table (name, code or group)
    pub find: String,
    pub undo: Vec<Rc<Plan>>,
    pub redo: Vec<Rc<Plan>>,
    /// the last edit, so that typing in one cell makes one undo step
    pub last_edit: Option<Edit>,
    pub plans: Rc<Vec<PlanEntry>>,
    /// the open plan as stored (`None`: not stored yet)
    pub stored: Option<Base>,
    /// the open plan's save under way
    pub saving: Option<Rc<Plan>>,
    /// why the open plan's last save was refused
    pub failing: Option<StoreError>,
    /// a plan whose save was refused and that is no longer on screen
    pub unsaved: Option<Rc<Plan>>,
    pub notices: Vec<Notice>,
    /// the name of the indicator just deleted, for the undo prompt
    pub deleted: Option<String>,
    /// files that could not be opened, and why
    pub import_errors: Vec<ImportError>,
    /// imported plans whose id is already stored: replace, keep both or cancel
    pub pending: Vec<Picked>,
    /// the pending plans came from a backup (nothing opens)
    pub pending_backup: bool,
    /// the printable annex is shown instead of the table
    pub annex: bool,
    /// the catalog picker is open
    pub picker: bool,
    /// what a roll-up could not combine
    pub rollup_report: Option<Rc<crate::calc::RollUp>>,
    /// a roll-up of many files under way: how many files are read, of how many
    pub summing: Option<(u32, u32)>,
    /// a roll-up's total being stored without being opened (the planner was
    /// answering a question about the plan on screen): its id, told once stored
    pub sum_aside: Option<String>,
    /// the level above's plan, when it is a stored plan
    pub parent: Option<Rc<Plan>>,
    pub clash: Option<Clash>,
    /// another tab shows the open plan too
    pub elsewhere: bool,
    pub history: Option<History>,
    pub viewing: Option<Viewing>,
    pub usage: Option<Usage>,
    pub persisted: bool,
    /// persistence was asked for in this tab
    pub asked_persist: bool,
    /// files are being dragged over the page
    pub dragging: bool,
    /// today, as the runner read it at start
    pub today: Option<Date>,
    /// cells that refused what was pasted into them, shown with the text and the reason
    pub rejected: Rc<Vec<crate::app::grid::Rejected>>,
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
    /// the official unit list, once asked for
    pub units: Option<Units>,
    /// a province plan asked for its communes before the list was there
    pub take_communes: bool,
    /// the open plan came in a single file: ask whether to keep it (its fingerprint)
    pub keep_question: Option<String>,
    /// the open plan is not kept in storage (the planner said so): nothing is saved
    pub not_kept: bool,
    /// a new version of the app waits to take over
    pub update_ready: bool,
    /// the planner chose to reload onto it: once the plan is saved
    pub updating: bool,
}

/// The planner's answer when an imported plan is already stored.
#[derive(Clone, Debug, PartialEq)]
pub enum Resolve {
    Replace,
    /// keep both: the import gets this new id and a marked title
    KeepBoth {
        new_id: String,
        suffix: String,
    },
    Cancel,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    /// show a new plan (blank, sample, template); history starts afresh
    Open(Rc<Plan>),
    /// open a stored plan
    OpenStored(String),
    /// back to the start screen
    Close,
    Edit(Edit),
    Undo,
    Redo,
    SelectPeriod(Period),
    Select(Option<String>),
    ToggleGroup(String),
    /// shows only the indicators whose name, code or group holds these words
    Find(String),
    /// Excel workbooks were dropped or chosen among plan files (`names`: theirs)
    Workbooks {
        files: Files,
        names: Vec<String>,
    },
    Notify(Notice),
    Dismiss,
    DismissDeleted,
    /// the answer for the first pending import, and whether for all of them
    Resolve(Resolve, bool),
    ShowAnnex(bool),
    ShowReport(bool),
    ShowHandDown(bool),
    ShowPicker(bool),
    /// open a dialog of the office module (Excel, Word, CSV, pasted tables)
    Office(Office),
    /// a table's indicators were imported (pasted, or from an .xlsx file):
    /// the plan with them, one undo step
    TableImported(Rc<Plan>),
    /// a block of cells pasted at a cell of the table (text as a spreadsheet copies it)
    PasteBlock {
        id: String,
        column: crate::app::grid::Col,
        text: String,
    },
    /// a cell was left holding an entry that is not a figure: kept in sight
    /// with its reason until fixed or put back, wherever the cell is drawn again
    LeftWrong(crate::app::grid::Rejected),
    /// the planner put back a cell that refused a paste or an entry
    DismissRejected {
        id: String,
        slot: crate::plan::edit::Slot,
    },
    /// open (or leave) the collection of the sub-units' files
    Collect(bool),
    /// open (or leave) the comparison of plans side by side
    Compare(bool),
    /// a plan taken out of the comparison
    CompareRemove(String),
    /// a stored plan set beside the open one
    CompareStored(String),
    /// a unit's file taken out of the collection
    CollectRemove(String),
    /// the collection's whole totals written into the plan as its actuals
    /// for the period (`calc::totals_to_take`), as one undo step
    CollectTake,
    /// the files collected against a plan earlier, read back
    CollectionRead {
        parent: String,
        result: Result<Vec<Plan>, StoreError>,
    },
    /// a unit is being chosen: the official list is needed
    NeedUnits,
    UnitsLoaded(Result<Rc<crate::units::UnitList>, usize>),
    /// a province plan takes its communes as sub-units
    TakeCommunes,
    Rename {
        id: String,
        title: String,
    },
    Duplicate {
        id: String,
        new_id: String,
        suffix: String,
    },
    Delete(String),
    FilesChosen {
        files: Files,
        purpose: Purpose,
    },
    Export(Download),
    Print,
    ShowHistory(bool),
    ViewVersion(u32),
    CloseVersion,
    RestoreVersion(u32),
    Settle(Settle),
    RetrySave,
    Reload,
    // what the runner reports
    Booted(Box<Boot>),
    /// the open plan's save is due
    SaveDue,
    Saved {
        plan: Rc<Plan>,
        result: Result<PlanEntry, StoreError>,
    },
    Loaded {
        id: String,
        why: Load,
        result: Result<Stored, StoreError>,
    },
    Listed(Listed),
    /// a write other than a save ended
    Done {
        op: Op,
        result: Result<(), StoreError>,
    },
    FilesRead {
        purpose: Purpose,
        read: FilesRead,
    },
    /// the roll-up under way has read and checked `read` files of `total`
    SumProgress {
        read: u32,
        total: u32,
    },
    /// the planner stops the roll-up under way
    StopSum,
    /// what the roll-up of many files came to (`Err`: why it could not be made)
    Summed {
        summed: Result<crate::file::read::Summed, String>,
        new_id: String,
        now: String,
    },
    FilesStored {
        plans: Vec<Rc<Plan>>,
        backup: bool,
        result: Result<Vec<PlanEntry>, StoreError>,
    },
    SetAsideDone {
        plan: Rc<Plan>,
        theirs: Option<u64>,
        result: Result<(), StoreError>,
    },
    VersionsListed {
        id: String,
        result: Result<Vec<Version>, StoreError>,
    },
    VersionRead {
        id: String,
        seq: u32,
        result: Result<Plan, StoreError>,
    },
    Restored {
        id: String,
        result: Result<Stored, StoreError>,
    },
    /// another tab said something
    Elsewhere(News),
    Presence {
        id: String,
        elsewhere: bool,
    },
    Usage {
        usage: Option<Usage>,
        persisted: bool,
    },
    /// the tab is being hidden or closed
    Leaving,
    /// the tab is shown again
    Shown,
    Dragging(bool),
    /// another tab upgraded the store: this tab's handle is closed
    StorageClosed,
    /// the planner's answer: keep the plan on screen in storage (true), or not
    Keep(bool),
    /// a new version of the app is ready
    UpdateReady,
    /// reload onto it
    ApplyUpdate,
}

/// The period shown first: the plan's current year if inside it, else its last year.
pub fn default_period(plan: &Plan, this_year: Option<i32>) -> Period {
    match this_year {
        Some(y) if plan.period.contains(y) => Period::Year(y),
        _ => Period::Year(plan.period.end),
    }
}

fn full(e: &StoreError) -> bool {
    matches!(e, StoreError::Refused { full: true, .. })
}

impl State {
    /// The open plan when it differs from what storage holds.
    pub fn dirty(&self) -> Option<&Rc<Plan>> {
        let plan = self.plan.as_ref()?;
        match &self.stored {
            Some(b) if Rc::ptr_eq(&b.plan, plan) => None,
            _ => Some(plan),
        }
    }

    pub fn save_state(&self) -> SaveState {
        if self.clash.is_some() {
            SaveState::Clash
        } else if self.not_kept || self.keep_question.is_some() {
            SaveState::NotKept
        } else if let Some(e) = &self.failing {
            SaveState::Failing { full: full(e) }
        } else if self.saving.is_some() || self.dirty().is_some() {
            SaveState::Saving
        } else {
            SaveState::Saved
        }
    }

    fn showing(&self, id: &str) -> bool {
        self.plan.as_ref().is_some_and(|p| p.id == id)
    }

    fn is_stored(&self, id: &str) -> bool {
        self.plans.iter().any(|e| e.id == id) || self.showing(id)
    }

    /// The save the open plan needs now, if any.
    fn save_now(&mut self, fx: &mut Vec<Effect>) {
        if self.saving.is_some()
            || self.clash.is_some()
            || !self.ready
            || self.not_kept
            || self.keep_question.is_some()
        {
            return;
        }
        if let Some(plan) = self.dirty().cloned() {
            self.saving = Some(plan.clone());
            fx.push(Effect::Save {
                plan,
                expect: self.stored.as_ref().map(|b| b.revision),
                after_own: false,
            });
        }
    }

    /// Saves the open plan now, whatever is under way: it is about to leave
    /// the screen (another plan opens, the start screen, the tab closes).
    fn flush(&mut self, fx: &mut Vec<Effect>) {
        let Some(plan) = self.dirty().cloned() else {
            return;
        };
        if !self.ready || self.clash.is_some() || self.not_kept || self.keep_question.is_some() {
            return;
        }
        match &self.saving {
            Some(p) if Rc::ptr_eq(p, &plan) => {}
            // after the save under way, which stores the next revision: if
            // that one is refused (another tab stored that number), so is this
            Some(_) => fx.push(Effect::Save {
                plan,
                expect: Some(self.stored.as_ref().map_or(1, |b| b.revision + 1)),
                after_own: true,
            }),
            None => self.save_now(fx),
        }
    }

    fn set_entry(&mut self, entry: PlanEntry) {
        let mut list = (*self.plans).clone();
        match list.iter_mut().find(|e| e.id == entry.id) {
            Some(e) => *e = entry,
            None => list.insert(0, entry),
        }
        self.plans = Rc::new(list);
    }

    fn notify(&mut self, n: Notice) {
        if !self.notices.contains(&n) {
            self.notices.push(n);
        }
    }

    fn ask_persist(&mut self, fx: &mut Vec<Effect>) {
        if !self.persisted && !self.asked_persist {
            self.asked_persist = true;
            fx.push(Effect::AskPersist);
        }
    }
}

/// Opens the total of a roll-up as a new plan, named in the planner's
/// language, and keeps it; the files that could not be read are listed.
fn take_summed(
    s: &mut State,
    summed: crate::file::read::Summed,
    new_id: String,
    now: String,
    fx: &mut Vec<Effect>,
) {
    let errors = summed.errors;
    if let Some((first, last)) = summed.too_long {
        s.notify(Notice::SumTooLong(first, last));
    }
    let Some(mut report) = summed.rollup else {
        s.import_errors = errors;
        return;
    };
    let count = report.plans.to_string();
    report.plan.title = crate::i18n::fill(s.lang.t(crate::i18n::M::RollUpTitle), &[&count]);
    // the total belongs to the level above: the files' common parent, else a named total
    if summed.unit.is_none() {
        report.plan.unit = crate::plan::Unit::new(
            crate::i18n::fill(s.lang.t(crate::i18n::M::RollUpUnitDefault), &[&count]),
            summed.level,
        );
    }
    report.plan.id = new_id;
    report.plan.created = now;
    report.plan.document_number.clear();
    report.plan.issue_date = None;
    let plan = Rc::new(report.plan.clone());
    // the total arrives whenever the workers finish: a plan on screen whose
    // fate the planner is still deciding stays, and the total goes to the list
    if s.clash.is_some() || s.keep_question.is_some() {
        s.sum_aside = Some(plan.id.clone());
        fx.push(Effect::StoreFiles {
            plans: vec![Picked {
                plan,
                text: None,
                parent: None,
                collection: None,
            }],
            backup: false,
        });
        s.import_errors = errors;
        return;
    }
    show(s, plan.clone(), None, fx);
    fx.push(Effect::StoreFiles {
        plans: vec![Picked {
            plan,
            text: None,
            parent: None,
            collection: None,
        }],
        backup: false,
    });
    s.import_errors = errors;
    s.rollup_report = Some(Rc::new(report));
}

/// Opens the plan a single file carries. Kept in storage already: the stored
/// plan opens, and if the file's differs, the planner is asked as for any
/// imported file (once in this browser). Not kept: it opens as it is, and the
/// planner is asked whether to keep it, or was asked before and said no.
fn open_carried(
    s: &mut State,
    plan: Rc<Plan>,
    fingerprint: String,
    answered: bool,
    stored: Option<Stored>,
    fx: &mut Vec<Effect>,
) {
    match stored {
        Some(stored) => {
            let same = stored.plan == *plan;
            show(s, Rc::new(stored.plan), Some(stored.entry.revision), fx);
            if !answered {
                if !same {
                    s.pending = vec![Picked {
                        plan,
                        text: None,
                        parent: None,
                        collection: None,
                    }];
                    s.pending_backup = false;
                }
                fx.push(Effect::RememberAnswer(fingerprint));
            }
        }
        None => {
            show(s, plan, None, fx);
            if answered {
                s.not_kept = true;
            } else {
                s.keep_question = Some(fingerprint);
            }
        }
    }
}

/// Shows a plan; its history and everything about the last plan start afresh.
fn show(s: &mut State, plan: Rc<Plan>, stored: Option<u64>, fx: &mut Vec<Effect>) {
    s.flush(fx);
    s.keep_question = None;
    s.not_kept = false;
    let keep_period = s.period.filter(|p| plan.period.contains(p.year()));
    s.period = Some(keep_period.unwrap_or_else(|| default_period(&plan, None)));
    s.stored = stored.map(|revision| Base {
        revision,
        plan: plan.clone(),
    });
    s.saving = None;
    s.failing = None;
    s.clash = None;
    s.elsewhere = false;
    s.history = None;
    s.viewing = None;
    s.selected = None;
    s.find.clear();
    s.undo.clear();
    s.redo.clear();
    s.last_edit = None;
    s.deleted = None;
    s.parent = None;
    s.rejected = Rc::default();
    s.report = false;
    s.hand_down = false;
    s.collecting = None;
    s.collection_open = false;
    s.comparing = None;
    let id = plan.id.clone();
    if let Some(parent) = plan
        .compare_with
        .as_ref()
        .filter(|p| p.as_str() != crate::catalog::NATIONAL)
    {
        fx.push(Effect::Read {
            id: parent.clone(),
            why: Load::Parent,
        });
    }
    s.plan = Some(plan);
    fx.push(Effect::Remember(Some(id.clone())));
    fx.push(Effect::Announce(Some(id)));
}

/// Another version of the plan on screen replaces it (another tab's, or a
/// restored one): the selection and period stay where they still fit.
fn replace_on_screen(s: &mut State, stored: Stored) {
    let plan = Rc::new(stored.plan);
    if s.period.is_some_and(|p| !plan.period.contains(p.year())) {
        s.period = Some(default_period(&plan, None));
    }
    if s.selected
        .as_ref()
        .is_some_and(|id| plan.indicator(id).is_none())
    {
        s.selected = None;
    }
    s.stored = Some(Base {
        revision: stored.entry.revision,
        plan: plan.clone(),
    });
    s.plan = Some(plan);
    s.saving = None;
    s.failing = None;
    s.clash = None;
    s.undo.clear();
    s.redo.clear();
    s.last_edit = None;
    s.deleted = None;
    s.set_entry(stored.entry);
}

/// Stores plans that came from files; the last new one opens unless they
/// came from a backup.
fn take_files(s: &mut State, picked: Vec<Picked>, backup: bool, fx: &mut Vec<Effect>) {
    let mut store: Vec<Picked> = Vec::new();
    let mut opened = None;
    let mut opened_parent = None;
    // a plan handed down from the level above brings that plan: it is kept
    // beside it (unless this browser has it already), so the check works here too
    for parent in picked.iter().filter_map(|p| p.parent.clone()) {
        let known = s.is_stored(&parent.id)
            || store.iter().any(|q| q.plan.id == parent.id)
            || picked.iter().any(|q| q.plan.id == parent.id);
        if !known {
            store.push(Picked {
                plan: parent,
                text: None,
                parent: None,
                collection: None,
            });
        }
    }
    for p in picked {
        let twice = store.iter().any(|q: &Picked| q.plan.id == p.plan.id);
        if s.is_stored(&p.plan.id) || twice {
            s.pending.push(p);
        } else {
            opened = Some(p.plan.clone());
            opened_parent = p.parent.clone();
            store.push(Picked { parent: None, ..p });
        }
    }
    s.pending_backup = backup && !s.pending.is_empty();
    if !store.is_empty() {
        fx.push(Effect::StoreFiles {
            plans: store,
            backup,
        });
    }
    if let Some(plan) = opened.filter(|_| !backup) {
        let (errors, pending) = (
            std::mem::take(&mut s.import_errors),
            std::mem::take(&mut s.pending),
        );
        let with = plan.compare_with.clone();
        show(s, plan, None, fx);
        s.import_errors = errors;
        s.pending = pending;
        // the level above came with the file: checked against at once
        if let Some(parent) = opened_parent.filter(|p| with.as_deref() == Some(p.id.as_str())) {
            s.parent = Some(parent);
        }
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
pub fn apply(state: &State, action: Action) -> (State, Vec<Effect>) {
    let mut s = state.clone();
    let mut fx = Vec::new();
    match action {
        Action::SetLang(lang) => {
            s.lang = lang;
            fx.push(Effect::ShowLang(lang));
        }
        Action::Booted(boot) => {
            let boot = *boot;
            s.ready = true;
            s.today = Some(boot.today);
            let mut aside = boot.moved.kept_aside;
            if boot.moved.plans > 0 {
                s.notify(Notice::Moved(boot.moved.plans));
            }
            match boot.listed {
                Ok(listed) => {
                    aside.extend(listed.kept_aside);
                    s.plans = Rc::new(listed.entries);
                }
                Err(e) => {
                    s.failing = Some(e.clone());
                    s.notify(Notice::Refused {
                        op: Op::Open,
                        full: full(&e),
                    });
                }
            }
            // the plan a single file carries opens first (the runner reads no other then)
            if let Some(c) = boot.carried {
                match c.read {
                    Ok(plan) => {
                        open_carried(&mut s, plan, c.fingerprint, c.answered, c.stored, &mut fx);
                        s.period = s
                            .plan
                            .as_ref()
                            .map(|p| default_period(p, Some(boot.this_year)));
                    }
                    Err(error) => s.import_errors.push(ImportError {
                        file: c.file,
                        item: None,
                        error,
                    }),
                }
            }
            match boot.open {
                Some(Ok(stored)) => {
                    let revision = stored.entry.revision;
                    show(&mut s, Rc::new(stored.plan), Some(revision), &mut fx);
                    s.period = s
                        .plan
                        .as_ref()
                        .map(|p| default_period(p, Some(boot.this_year)));
                }
                Some(Err(StoreError::Unreadable { kept_aside })) => {
                    aside.push(kept_aside);
                    fx.push(Effect::Remember(None));
                }
                Some(Err(_)) => fx.push(Effect::Remember(None)),
                None => {}
            }
            if !aside.is_empty() {
                s.notify(Notice::KeptAside(aside));
            }
            fx.push(Effect::MeasureUsage);
        }
        Action::Open(plan) => {
            show(&mut s, plan, None, &mut fx);
            fx.push(Effect::SaveSoon);
        }
        Action::OpenStored(id) => fx.push(Effect::Read {
            id,
            why: Load::Open,
        }),
        Action::Close => {
            s.flush(&mut fx);
            s.keep_question = None;
            if std::mem::take(&mut s.not_kept) && !s.undo.is_empty() {
                // changes to a plan not kept stay within reach of the export
                s.unsaved = state.plan.clone();
            }
            s.plan = None;
            s.stored = None;
            s.saving = None;
            s.clash = None;
            s.elsewhere = false;
            s.history = None;
            s.viewing = None;
            s.parent = None;
            s.annex = false;
            s.report = false;
            s.hand_down = false;
            s.collecting = None;
            s.collection_open = false;
            s.comparing = None;
            s.rejected = Rc::default();
            s.picker = false;
            s.selected = None;
            s.undo.clear();
            s.redo.clear();
            s.last_edit = None;
            s.deleted = None;
            if let Some(e) = s.failing.take() {
                // the plan's save was refused: it stays within reach of the export
                s.unsaved = state.plan.clone();
                s.failing = Some(e);
            }
            fx.extend([
                Effect::Remember(None),
                Effect::Announce(None),
                Effect::List,
                Effect::MeasureUsage,
            ]);
        }
        Action::Edit(edit) => {
            let Some(plan) = &state.plan else {
                return (s, fx);
            };
            if s.viewing.is_some() || s.clash.is_some() {
                return (s, fx);
            }
            // a cell typed into again no longer shows what it refused
            if let Some((id, slot)) = cell_of(&edit) {
                s = apply(
                    &s,
                    Action::DismissRejected {
                        id: id.to_string(),
                        slot,
                    },
                )
                .0;
            }
            let next = apply_edit(plan, &edit);
            if *plan.as_ref() == next {
                return (s, fx);
            }
            let same_cell = s
                .last_edit
                .as_ref()
                .is_some_and(|last| last.same_place(&edit));
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
            if let Edit::Header(HeaderField::StartYear(_) | HeaderField::EndYear(_)) = &edit {
                if s.period.is_some_and(|p| !next.period.contains(p.year())) {
                    s.period = Some(default_period(&next, None));
                }
            }
            if let Edit::Header(HeaderField::CompareWith(with)) = &edit {
                s.parent = None;
                if let Some(id) = with
                    .as_ref()
                    .filter(|w| w.as_str() != crate::catalog::NATIONAL)
                {
                    fx.push(Effect::Read {
                        id: id.clone(),
                        why: Load::Parent,
                    });
                }
            }
            s.last_edit = (!back_where_it_started).then_some(edit);
            s.plan = Some(Rc::new(next));
            fx.push(Effect::SaveSoon);
        }
        Action::Undo | Action::Redo if s.viewing.is_some() || s.clash.is_some() => {}
        Action::Undo => {
            if let (Some(prev), Some(cur)) = (s.undo.pop(), s.plan.clone()) {
                s.redo.push(cur);
                s.plan = Some(prev);
                s.last_edit = None;
                s.deleted = None;
                fx.push(Effect::SaveSoon);
            }
        }
        Action::Redo => {
            if let (Some(next), Some(cur)) = (s.redo.pop(), s.plan.clone()) {
                s.undo.push(cur);
                s.plan = Some(next);
                s.last_edit = None;
                s.deleted = None;
                fx.push(Effect::SaveSoon);
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
        Action::Find(text) => s.find = text,
        // a workbook is a table to import into the open plan, through the office module's preview
        Action::Workbooks { files, names } => match (&s.plan, s.period) {
            (Some(plan), Some(period)) if s.viewing.is_none() && s.clash.is_none() => {
                // the first is imported; more at once are named, not dropped without a word
                s.import_errors = names
                    .into_iter()
                    .skip(1)
                    .map(|file| ImportError {
                        file,
                        item: None,
                        error: crate::file::ReadError::WorkbookNotNow,
                    })
                    .collect();
                fx.push(Effect::Office {
                    call: Office::Workbook(files),
                    plan: plan.clone(),
                    lang: s.lang,
                    period,
                });
            }
            _ => {
                s.import_errors = names
                    .into_iter()
                    .map(|file| ImportError {
                        file,
                        item: None,
                        error: crate::file::ReadError::Workbook,
                    })
                    .collect()
            }
        },
        Action::ToggleGroup(g) => {
            let mut set = (*s.collapsed).clone();
            if !set.remove(&g) {
                set.insert(g);
            }
            s.collapsed = Rc::new(set);
        }
        Action::Notify(n) => s.notify(n),
        Action::Dismiss => {
            s.notices.clear();
            s.import_errors.clear();
            s.rollup_report = None;
        }
        Action::DismissDeleted => s.deleted = None,
        Action::Resolve(choice, all) => {
            if s.pending.is_empty() {
                return (s, fx);
            }
            let count = if all { s.pending.len() } else { 1 };
            let backup = s.pending_backup;
            let chosen: Vec<Picked> = s
                .pending
                .drain(..count)
                .enumerate()
                .filter_map(|(k, p)| match &choice {
                    Resolve::Replace => Some(p),
                    Resolve::KeepBoth { new_id, suffix } => {
                        let mut plan = (*p.plan).clone();
                        plan.id = if k == 0 {
                            new_id.clone()
                        } else {
                            format!("{new_id}-{k}")
                        };
                        plan.title = format!("{} {suffix}", plan.title);
                        // a changed plan is a new file: it is written afresh, not byte for byte;
                        // what was collected against it goes with it, under its new id
                        Some(Picked {
                            plan: Rc::new(plan),
                            text: None,
                            parent: None,
                            collection: p.collection,
                        })
                    }
                    Resolve::Cancel => None,
                })
                .collect();
            if s.pending.is_empty() {
                s.pending_backup = false;
            }
            if let Some(last) = chosen.last().map(|p| p.plan.clone()) {
                // the plan on screen is saved first, so that what replaces it keeps it in the history
                s.flush(&mut fx);
                fx.push(Effect::StoreFiles {
                    plans: chosen,
                    backup,
                });
                if !backup {
                    let (pending, errors, pb) = (
                        std::mem::take(&mut s.pending),
                        std::mem::take(&mut s.import_errors),
                        s.pending_backup,
                    );
                    show(&mut s, last, None, &mut fx);
                    s.pending = pending;
                    s.import_errors = errors;
                    s.pending_backup = pb;
                }
            }
        }
        Action::ShowAnnex(on) => {
            s.annex = on && s.plan.is_some();
            s.report = false;
        }
        Action::ShowReport(on) => {
            s.report = on && s.plan.is_some();
            s.annex = false;
        }
        Action::ShowHandDown(on) => s.hand_down = on && s.plan.is_some(),
        Action::Office(call) => {
            let pasted_onto_a_table = matches!(call, Office::Import(Some(_)))
                && s.plan.as_ref().is_some_and(|p| !p.indicators.is_empty());
            let blocked = s.viewing.is_some() || s.clash.is_some() || pasted_onto_a_table;
            if let (Some(plan), Some(period), false) = (&s.plan, s.period, blocked) {
                fx.push(Effect::Office {
                    call,
                    plan: plan.clone(),
                    lang: s.lang,
                    period,
                });
            }
        }
        Action::TableImported(next) => {
            let Some(plan) = state.plan.clone().filter(|p| p.id == next.id) else {
                return (s, fx);
            };
            if s.viewing.is_some() || s.clash.is_some() {
                return (s, fx);
            }
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
            fx.push(Effect::SaveSoon);
        }
        Action::PasteBlock { id, column, text } => {
            let (Some(plan), Some(period)) = (&s.plan, s.period) else {
                return (s, fx);
            };
            let (edit, rejected) = crate::app::grid::paste(
                plan,
                crate::app::grid::Shown {
                    collapsed: &s.collapsed,
                    find: &s.find,
                },
                period,
                (&id, column),
                &text,
                s.lang,
            );
            let before = s.plan.clone();
            if let Some(edit) = edit {
                let (next, more) = apply(&s, Action::Edit(edit));
                s = next;
                fx.extend(more);
            }
            // wrong entries kept in other cells stay; those of cells this paste
            // wrote or refused give way to what it brought
            let written = |r: &crate::app::grid::Rejected| match (&before, &s.plan) {
                (Some(b), Some(a)) => {
                    let at = |p: &Plan| p.indicator(&r.id).and_then(|i| i.figure_at(r.slot));
                    at(b) != at(a)
                }
                _ => true,
            };
            let mut kept: Vec<_> = s
                .rejected
                .iter()
                .filter(|r| !rejected.iter().any(|n| n.id == r.id && n.slot == r.slot))
                .filter(|r| !written(r))
                .cloned()
                .collect();
            kept.extend(rejected);
            s.rejected = Rc::new(kept);
        }
        Action::LeftWrong(r) => {
            let mut kept: Vec<_> = s
                .rejected
                .iter()
                .filter(|k| !(k.id == r.id && k.slot == r.slot))
                .cloned()
                .collect();
            kept.push(r);
            s.rejected = Rc::new(kept);
        }
        Action::DismissRejected { id, slot } => {
            if s.rejected.iter().any(|r| r.id == id && r.slot == slot) {
                s.rejected = Rc::new(
                    s.rejected
                        .iter()
                        .filter(|r| !(r.id == id && r.slot == slot))
                        .cloned()
                        .collect(),
                );
            }
        }
        Action::Collect(on) => {
            s.collection_open = on && s.plan.is_some();
            if s.collection_open && s.collecting.is_none() {
                s.collecting = Some(Rc::default());
                // what was collected before comes back, late files are added to it
                if let Some(p) = &s.plan {
                    fx.push(Effect::ReadCollection(p.id.clone()));
                }
            }
            s.comparing = None;
            s.annex = false;
            s.report = false;
        }
        Action::Compare(on) => {
            s.comparing = (on && s.plan.is_some()).then(|| s.comparing.clone().unwrap_or_default());
            s.compare_errors = Rc::default();
            s.collection_open = false;
            s.annex = false;
            s.report = false;
        }
        Action::CompareStored(id) => {
            if s.comparing.is_some() && !s.showing(&id) {
                fx.push(Effect::Read {
                    id,
                    why: Load::Compare,
                });
            }
        }
        Action::CollectRemove(id) => {
            if let (Some(c), Some(p)) = (&s.collecting, &s.plan) {
                let mut next = (**c).clone();
                next.files.retain(|f| f.id != id);
                fx.push(Effect::SaveCollection {
                    parent: p.id.clone(),
                    files: next.files.clone(),
                });
                s.collecting = Some(Rc::new(next));
            }
        }
        Action::CollectTake => {
            let (Some(plan), Some(period), Some(c), Some(today)) =
                (&s.plan, s.period, &s.collecting, s.today)
            else {
                return (s, fx);
            };
            let files: Vec<&Plan> = c.files.iter().map(|p| p.as_ref()).collect();
            let collection =
                crate::calc::collect(plan, &files, crate::calc::Basis::of(plan, today), period);
            let take = crate::calc::totals_to_take(plan, &collection);
            let notice = Notice::TotalsTaken {
                taken: take.len(),
                period,
                provisional: crate::calc::provisional_totals(&collection),
            };
            if !take.is_empty() {
                let edits = take
                    .into_iter()
                    .map(|(id, of, figure)| Edit::Figure {
                        id,
                        slot: Slot::Actual(of),
                        figure: Some(figure),
                    })
                    .collect();
                let (next, more) = apply(&s, Action::Edit(Edit::Batch(edits)));
                s = next;
                fx.extend(more);
            }
            s.notify(notice);
        }
        Action::CollectionRead { parent, result } => {
            if let (Some(c), true) = (&s.collecting, s.showing(&parent)) {
                match result {
                    Ok(earlier) => {
                        // the files kept come first; files added meanwhile come after them
                        let mut files: Vec<Rc<Plan>> = earlier.into_iter().map(Rc::new).collect();
                        files.extend(c.files.iter().cloned());
                        s.collecting = Some(Rc::new(Collecting {
                            files,
                            errors: c.errors.clone(),
                        }));
                    }
                    Err(e) => s.notify(Notice::Refused {
                        op: Op::Open,
                        full: full(&e),
                    }),
                }
            }
        }
        Action::CompareRemove(id) => {
            if let Some(c) = &s.comparing {
                s.comparing = Some(Rc::new(c.iter().filter(|p| p.id != id).cloned().collect()));
            }
        }
        Action::NeedUnits => {
            if matches!(s.units, None | Some(Units::Failed)) {
                s.units = Some(Units::Loading);
                fx.push(Effect::LoadUnits);
            }
        }
        Action::UnitsLoaded(result) => {
            s.units = Some(match result {
                Ok(list) => Units::Ready(list),
                Err(_) => Units::Failed,
            });
            if std::mem::take(&mut s.take_communes) {
                let (next, more) = apply(&s, Action::TakeCommunes);
                s = next;
                fx.extend(more);
            }
        }
        Action::TakeCommunes => {
            let Some(plan) = &s.plan else { return (s, fx) };
            match &s.units {
                Some(Units::Ready(list)) => {
                    if let Some(units) = list.province(&plan.unit.code).map(|p| p.sub_units()) {
                        let (next, more) =
                            apply(&s, Action::Edit(Edit::Header(HeaderField::SubUnits(units))));
                        s = next;
                        fx.extend(more);
                    }
                }
                _ => {
                    s.take_communes = true;
                    let (next, more) = apply(&s, Action::NeedUnits);
                    s = next;
                    fx.extend(more);
                }
            }
        }
        Action::ShowPicker(on) => s.picker = on && s.plan.is_some(),
        Action::Rename { id, title } => fx.push(Effect::Rename { id, title }),
        Action::Duplicate { id, new_id, suffix } => {
            fx.push(Effect::Duplicate { id, new_id, suffix })
        }
        Action::Delete(id) => fx.push(Effect::Delete(id)),
        Action::FilesChosen { files, purpose } => {
            // files dropped on the page go where the planner is working
            let purpose = match purpose {
                Purpose::Import if s.collection_open => Purpose::Collect,
                Purpose::Import if s.comparing.is_some() => Purpose::Compare,
                p => p,
            };
            if files.is_empty() {
            } else if purpose == Purpose::RollUp {
                s.summing = Some((0, 0));
                fx.push(Effect::SumFiles(files));
            } else {
                fx.push(Effect::ReadFiles { files, purpose });
            }
        }
        Action::Export(what) => {
            let what = match what {
                // the plan that could not be saved, when none is on screen
                Download::Json(p) if s.plan.is_none() => {
                    Download::Json(s.unsaved.clone().unwrap_or(p))
                }
                other => other,
            };
            fx.push(Effect::Download(what));
        }
        Action::Print => fx.push(Effect::Print),
        Action::ShowHistory(on) => match (&s.plan, on) {
            (Some(p), true) => {
                s.history = Some(History {
                    id: p.id.clone(),
                    versions: None,
                });
                fx.push(Effect::Versions(p.id.clone()));
            }
            _ => s.history = None,
        },
        Action::ViewVersion(seq) => {
            if let Some(h) = &s.history {
                fx.push(Effect::ReadVersion {
                    id: h.id.clone(),
                    seq,
                });
            }
        }
        Action::CloseVersion => s.viewing = None,
        Action::RestoreVersion(seq) => {
            if let Some(plan) = s.plan.clone().filter(|_| s.clash.is_none()) {
                // after a save under way, which stores the next revision
                let expect = match (&s.saving, &s.stored) {
                    (Some(_), b) => Some(b.as_ref().map_or(1, |b| b.revision + 1)),
                    (None, b) => b.as_ref().map(|b| b.revision),
                };
                let unchanged = s.saving.is_none() && s.dirty().is_none();
                fx.push(Effect::Restore {
                    plan,
                    expect,
                    after_own: s.saving.is_some(),
                    unchanged,
                    seq,
                });
            }
        }
        Action::Settle(how) => {
            let (Some(clash), Some(plan)) = (s.clash.clone(), s.plan.clone()) else {
                return (s, fx);
            };
            if clash.settling {
                return (s, fx);
            }
            s.clash = None;
            match (how, clash.theirs) {
                (Settle::KeepMine { copy_id, suffix }, Some(theirs)) => {
                    s.saving = Some(plan.clone());
                    fx.push(Effect::KeepMine {
                        plan,
                        theirs,
                        copy_id,
                        suffix,
                    });
                }
                (Settle::TakeTheirs, Some(theirs)) => {
                    s.clash = Some(Clash {
                        settling: true,
                        ..clash
                    });
                    fx.push(Effect::SetAside {
                        plan,
                        theirs: Some(theirs),
                    });
                }
                (Settle::StoreAgain, None) => {
                    s.stored = None;
                    s.save_now(&mut fx);
                }
                (Settle::LetGo, None) => {
                    s.stored = s.plan.clone().map(|plan| Base { revision: 0, plan });
                    return apply(&s, Action::Close);
                }
                _ => s.clash = Some(clash),
            }
        }
        Action::RetrySave => {
            s.failing = None;
            match s.unsaved.clone().filter(|_| s.plan.is_none()) {
                Some(plan) => fx.push(Effect::Save {
                    plan,
                    expect: None,
                    after_own: false,
                }),
                None => s.save_now(&mut fx),
            }
        }
        Action::Reload => fx.push(Effect::Reload),
        Action::Keep(keep) => {
            if let Some(fingerprint) = s.keep_question.take() {
                fx.push(Effect::RememberAnswer(fingerprint));
            }
            s.not_kept = !keep;
            if keep {
                s.save_now(&mut fx);
            }
        }
        Action::UpdateReady => s.update_ready = true,
        Action::ApplyUpdate => {
            // the plan is saved first: the page goes once storage has it
            s.updating = true;
            s.save_now(&mut fx);
            if s.saving.is_none() {
                fx.push(Effect::ApplyUpdate);
            }
        }
        Action::SaveDue => s.save_now(&mut fx),
        Action::Saved { plan, result } => {
            let ours = s.saving.as_ref().is_some_and(|p| Rc::ptr_eq(p, &plan));
            if ours {
                s.saving = None;
            }
            let saved_ok = result.is_ok();
            match result {
                Ok(entry) => {
                    if ours {
                        s.stored = Some(Base {
                            revision: entry.revision,
                            plan: plan.clone(),
                        });
                        s.failing = None;
                        if s.dirty().is_some() {
                            fx.push(Effect::SaveSoon);
                        }
                    }
                    if s.unsaved.as_ref().is_some_and(|u| u.id == plan.id) {
                        s.unsaved = None;
                        s.failing = None;
                    }
                    s.set_entry(entry);
                    s.ask_persist(&mut fx);
                }
                Err(StoreError::Newer { revision, .. }) if ours => {
                    s.clash = Some(Clash::with(&plan.id, Some(revision)))
                }
                Err(StoreError::Missing) if ours => s.clash = Some(Clash::with(&plan.id, None)),
                // a plan that left the screen: its changes go to its history, not lost
                Err(StoreError::Newer { .. }) => {
                    fx.push(Effect::SetAside {
                        plan: plan.clone(),
                        theirs: None,
                    });
                    s.notify(Notice::SetAside(plan.title.clone()));
                }
                Err(StoreError::Missing) => fx.push(Effect::Save {
                    plan,
                    expect: None,
                    after_own: false,
                }),
                Err(e) => {
                    if !s.showing(&plan.id) {
                        s.unsaved = Some(plan);
                    }
                    s.failing = Some(e);
                }
            }
            // reloading onto a new version once storage has the plan (a refused save is the browser's to ask about)
            if s.updating && ours && s.saving.is_none() {
                if saved_ok {
                    s.save_now(&mut fx);
                }
                if s.saving.is_none() {
                    fx.push(Effect::ApplyUpdate);
                }
            }
        }
        Action::Loaded { id, why, result } => match (why, result) {
            (Load::Open, Ok(stored)) => {
                let revision = stored.entry.revision;
                s.set_entry(stored.entry);
                show(&mut s, Rc::new(stored.plan), Some(revision), &mut fx);
            }
            (Load::Open, Err(e)) => {
                match e {
                    StoreError::Unreadable { kept_aside } => {
                        s.notify(Notice::KeptAside(vec![kept_aside]))
                    }
                    StoreError::Missing => s.notify(Notice::Missing),
                    e => s.notify(Notice::Refused {
                        op: Op::Open,
                        full: full(&e),
                    }),
                }
                fx.push(Effect::List);
            }
            (Load::Newer, Ok(stored)) if s.showing(&id) => {
                let newer = s
                    .stored
                    .as_ref()
                    .is_none_or(|b| stored.entry.revision > b.revision);
                // the planner chose the other version: it is shown whatever its revision
                let chosen = s.clash.as_ref().is_some_and(|c| c.settling);
                // (a carried plan not stored yet has nothing to clash with)
                if chosen || (newer && (s.dirty().is_none() || s.stored.is_none())) {
                    replace_on_screen(&mut s, stored);
                    s.notify(Notice::TookNewer);
                } else if newer {
                    // edited here while the other tab's version was being read:
                    // the planner decides, nothing is replaced unseen
                    s.clash = Some(Clash::with(&id, Some(stored.entry.revision)));
                }
            }
            (Load::Newer, Err(e)) => {
                // the other version could not be read: the question is asked again
                if let Some(c) = s.clash.as_mut().filter(|c| c.settling && c.id == id) {
                    c.settling = false;
                    s.notify(Notice::Refused {
                        op: Op::Open,
                        full: full(&e),
                    });
                }
            }
            (Load::Newer, Ok(_)) => {}
            (Load::Parent, Ok(stored)) => {
                if s.plan.as_ref().and_then(|p| p.compare_with.as_deref()) == Some(id.as_str()) {
                    s.parent = Some(Rc::new(stored.plan));
                }
            }
            (Load::Parent, Err(_)) => {}
            (Load::Compare, Ok(stored)) => {
                if let Some(c) = &s.comparing {
                    let mut next = (**c).clone();
                    next.retain(|p| p.id != id);
                    next.push(Rc::new(stored.plan));
                    s.comparing = Some(Rc::new(next));
                }
            }
            (Load::Compare, Err(e)) => s.notify(Notice::Refused {
                op: Op::Open,
                full: full(&e),
            }),
        },
        Action::Listed(listed) => {
            s.plans = Rc::new(listed.entries);
            if !listed.kept_aside.is_empty() {
                s.notify(Notice::KeptAside(listed.kept_aside));
            }
        }
        Action::Done { op, result } => {
            if let Err(e) = result {
                s.notify(if matches!(e, StoreError::Missing) {
                    Notice::Missing
                } else {
                    Notice::Refused { op, full: full(&e) }
                });
            }
        }
        Action::SetAsideDone {
            plan,
            theirs,
            result,
        } => match (result, theirs) {
            // kept in the history: the other tab's version can be shown
            (Ok(()), Some(_)) if s.showing(&plan.id) => fx.push(Effect::Read {
                id: plan.id.clone(),
                why: Load::Newer,
            }),
            (Ok(()), _) => {}
            (Err(e), theirs) => {
                // not kept: nothing replaces it, and the planner is asked again
                if s.plan.as_ref().is_some_and(|p| Rc::ptr_eq(p, &plan)) {
                    s.clash = theirs.map(|t| Clash::with(&plan.id, Some(t)));
                } else {
                    s.unsaved = Some(plan);
                    s.failing = Some(e.clone());
                }
                s.notify(Notice::Refused {
                    op: Op::SetAside,
                    full: full(&e),
                });
            }
        },
        Action::SumProgress { read, total } => {
            if s.summing.is_some() {
                s.summing = Some((read, total));
            }
        }
        Action::StopSum => {
            if s.summing.take().is_some() {
                fx.push(Effect::StopSum);
            }
        }
        Action::Summed {
            summed,
            new_id,
            now,
        } => {
            // a total that arrives after the planner stopped the roll-up is not taken
            if s.summing.take().is_some() {
                match summed {
                    Ok(summed) => {
                        s.import_errors = Vec::new();
                        take_summed(&mut s, summed, new_id, now, &mut fx);
                    }
                    Err(why) => s.notify(Notice::SumFailed(why)),
                }
            }
        }
        Action::FilesRead { purpose, read } => {
            s.import_errors = read.errors;
            match purpose {
                Purpose::Import => {
                    let backup = read.backups > 0;
                    take_files(&mut s, read.plans, backup, &mut fx);
                }
                Purpose::Collect => {
                    if let (Some(c), Some(p)) = (&s.collecting, &s.plan) {
                        let mut next = (**c).clone();
                        next.files.extend(read.plans.into_iter().map(|p| p.plan));
                        next.errors = std::mem::take(&mut s.import_errors);
                        fx.push(Effect::SaveCollection {
                            parent: p.id.clone(),
                            files: next.files.clone(),
                        });
                        s.collecting = Some(Rc::new(next));
                    }
                }
                Purpose::Compare => {
                    if let Some(c) = &s.comparing {
                        let open = s.plan.as_ref().map(|p| p.id.clone());
                        let mut next = (**c).clone();
                        for p in read.plans {
                            // the open plan is already there; a plan read again replaces itself
                            if Some(&p.plan.id) != open.as_ref() {
                                next.retain(|x| x.id != p.plan.id);
                                next.push(p.plan);
                            }
                        }
                        s.comparing = Some(Rc::new(next));
                        s.compare_errors = Rc::new(std::mem::take(&mut s.import_errors));
                    }
                }
                // files to roll up go to `Effect::SumFiles` and come back as `Action::Summed`
                Purpose::RollUp => {}
                Purpose::Parent => {
                    // the level above's plan is kept beside this one, and the plan is checked against it
                    if let (Some(p), Some(_)) = (read.plans.into_iter().next(), &s.plan) {
                        let id = p.plan.id.clone();
                        let parent = p.plan.clone();
                        fx.push(Effect::StoreFiles {
                            plans: vec![Picked {
                                plan: p.plan,
                                text: None,
                                parent: None,
                                collection: None,
                            }],
                            backup: false,
                        });
                        let (next, more) = apply(
                            &s,
                            Action::Edit(Edit::Header(HeaderField::CompareWith(Some(id)))),
                        );
                        s = next;
                        fx.extend(more.into_iter().filter(|e| {
                            !matches!(
                                e,
                                Effect::Read {
                                    why: Load::Parent,
                                    ..
                                }
                            )
                        }));
                        s.parent = Some(parent);
                    }
                }
            }
        }
        Action::FilesStored {
            plans,
            backup,
            result,
        } => match result {
            Ok(entries) => {
                // a total stored aside is in the list now: the planner is told where it is
                if let Some(p) = plans
                    .iter()
                    .find(|p| s.sum_aside.as_deref() == Some(p.id.as_str()))
                {
                    s.sum_aside = None;
                    s.notify(Notice::SumStored(p.title.clone()));
                }
                for (plan, entry) in plans.iter().zip(entries) {
                    if s.plan.as_ref().is_some_and(|p| Rc::ptr_eq(p, plan)) && s.stored.is_none() {
                        s.stored = Some(Base {
                            revision: entry.revision,
                            plan: plan.clone(),
                        });
                        s.failing = None;
                    }
                    s.set_entry(entry);
                }
                if backup {
                    s.notify(Notice::Restored(plans.len()));
                }
                s.ask_persist(&mut fx);
                fx.push(Effect::MeasureUsage);
            }
            Err(e) => {
                if s.plan
                    .as_ref()
                    .is_some_and(|p| plans.iter().any(|q| Rc::ptr_eq(p, q)))
                {
                    s.failing = Some(e.clone());
                }
                s.notify(Notice::Refused {
                    op: Op::Import,
                    full: full(&e),
                });
            }
        },
        Action::VersionsListed { id, result } => match result {
            Ok(mut versions) => {
                if let Some(h) = s.history.as_mut().filter(|h| h.id == id) {
                    versions.reverse();
                    h.versions = Some(Rc::new(versions));
                }
            }
            Err(e) => {
                s.history = None;
                s.notify(Notice::Refused {
                    op: Op::History,
                    full: full(&e),
                });
            }
        },
        Action::VersionRead { id, seq, result } => match result {
            Ok(plan) => {
                let meta = s
                    .history
                    .as_ref()
                    .filter(|h| h.id == id)
                    .and_then(|h| h.versions.as_ref())
                    .and_then(|v| v.iter().find(|v| v.seq == seq).cloned());
                if let Some(version) = meta {
                    s.viewing = Some(Viewing {
                        version,
                        plan: Rc::new(plan),
                    });
                }
            }
            Err(e) => s.notify(Notice::Refused {
                op: Op::History,
                full: full(&e),
            }),
        },
        Action::Restored { id, result } => match result {
            Ok(stored) if s.showing(&id) => {
                // back to the plan, restored; the history shows what the restore replaced next time it opens
                replace_on_screen(&mut s, stored);
                s.viewing = None;
                s.history = None;
                s.notify(Notice::VersionRestored);
            }
            Ok(_) => {}
            Err(StoreError::Newer { revision, .. }) if s.showing(&id) => {
                s.clash = Some(Clash::with(&id, Some(revision)))
            }
            Err(e) => s.notify(Notice::Refused {
                op: Op::Restore,
                full: full(&e),
            }),
        },
        Action::Elsewhere(news) => match news {
            News::Saved { id, revision } => {
                fx.push(Effect::List);
                if let Some(c) = s.clash.as_mut().filter(|c| c.id == id) {
                    // the question stands; being settled, the newest version is read anyway
                    if !c.settling {
                        c.theirs = Some(revision);
                    }
                } else if s.showing(&id) && s.stored.as_ref().is_none_or(|b| revision > b.revision)
                {
                    if s.saving.is_some() {
                        // this tab's save names the old revision: it is refused, and the planner asked
                    } else if s.dirty().is_some() && s.stored.is_some() {
                        s.clash = Some(Clash::with(&id, Some(revision)));
                    } else {
                        fx.push(Effect::Read {
                            id: id.clone(),
                            why: Load::Newer,
                        });
                    }
                }
                if s.history.as_ref().is_some_and(|h| h.id == id) {
                    fx.push(Effect::Versions(id));
                }
            }
            News::Deleted { id } => {
                fx.push(Effect::List);
                if s.showing(&id) && s.stored.is_some() {
                    s.clash = Some(Clash::with(&id, None));
                }
            }
            News::Showing { id, tab, here } => {
                if s.showing(&id) {
                    fx.push(Effect::Presence {
                        id,
                        gone: (!here).then_some(tab),
                    });
                }
            }
        },
        Action::Presence { id, elsewhere } => {
            if s.showing(&id) {
                s.elsewhere = elsewhere;
            }
        }
        Action::Usage { usage, persisted } => {
            s.usage = usage;
            s.persisted = persisted;
        }
        Action::Leaving => match (&s.clash, &s.plan) {
            // the tab closes with the question open: this tab's changes go to the history
            (Some(c), Some(plan)) if !c.settling && s.dirty().is_some() => {
                fx.push(Effect::SetAside {
                    plan: plan.clone(),
                    theirs: None,
                })
            }
            _ => s.flush(&mut fx),
        },
        Action::Shown => {
            if let Some(p) = &s.plan {
                fx.push(Effect::Presence {
                    id: p.id.clone(),
                    gone: None,
                });
            }
        }
        Action::Dragging(on) => s.dragging = on,
        Action::StorageClosed => s.notify(Notice::StorageClosed),
    }
    (s, fx)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::sample_plan;
    use crate::plan::edit::Slot;
    use crate::plan::Figure;

    fn step(s: &State, a: Action) -> State {
        apply(s, a).0
    }

    fn ready() -> State {
        State {
            ready: true,
            ..State::default()
        }
    }

    fn open() -> State {
        step(&ready(), Action::Open(Rc::new(sample_plan("s"))))
    }

    fn type_baseline(s: &State, v: f64) -> State {
        step(
            s,
            Action::Edit(Edit::Figure {
                id: "s-1".into(),
                slot: Slot::Baseline,
                figure: Some(Figure::Value(v)),
            }),
        )
    }

    #[test]
    fn a_total_that_arrives_while_a_clash_is_asked_is_stored_and_the_plan_on_screen_stays() {
        let text = crate::file::to_json(&sample_plan("c1"), "0", "2026-11-23T00:00:00Z");
        let mut read = crate::file::read::FilesRead::default();
        read.add("c1.json", text.len() as u64, Some(&text));
        let summed = crate::file::read::sum(read);
        assert!(summed.rollup.is_some());
        let mut asked = type_baseline(&open(), 8.0);
        asked.clash = Some(Clash::with("s", Some(2)));
        asked.summing = Some((1, 1));
        let typed = asked.plan.clone().unwrap();
        let (after, fx) = apply(
            &asked,
            Action::Summed {
                summed: Ok(summed),
                new_id: "total".into(),
                now: "2026-11-23T10:00:00Z".into(),
            },
        );
        assert!(
            Rc::ptr_eq(after.plan.as_ref().unwrap(), &typed),
            "the planner's unsaved plan stays on screen"
        );
        assert_eq!(after.clash, asked.clash, "the question is still asked");
        assert!(after.summing.is_none());
        assert!(fx.iter().any(|e| matches!(e, Effect::StoreFiles { plans, .. } if plans.len() == 1 && plans[0].plan.id == "total")));
        assert!(
            !fx.iter().any(|e| matches!(e, Effect::Save { .. })),
            "nothing overwrites the plan the clash is about"
        );
        // told where it is once it is stored, not before
        assert!(!matches!(after.notices.last(), Some(Notice::SumStored(_))));
        let total = fx
            .iter()
            .find_map(|e| match e {
                Effect::StoreFiles { plans, .. } => Some(plans[0].plan.clone()),
                _ => None,
            })
            .unwrap();
        let stored = step(
            &after,
            Action::FilesStored {
                plans: vec![total.clone()],
                backup: false,
                result: Ok(vec![entry(&total, 1)]),
            },
        );
        assert!(matches!(stored.notices.last(), Some(Notice::SumStored(t)) if t == &total.title));
        assert!(Rc::ptr_eq(stored.plan.as_ref().unwrap(), &typed));
    }

    #[test]
    fn a_workbook_dropped_on_a_plan_goes_to_the_import_preview_and_a_second_is_named_not_lost() {
        let names = || vec!["phu-luc.xlsx".to_string(), "nam-truoc.xlsx".to_string()];
        let (s, fx) = apply(
            &open(),
            Action::Workbooks {
                files: Files::default(),
                names: names(),
            },
        );
        assert!(matches!(
            &fx[..],
            [Effect::Office {
                call: Office::Workbook(_),
                ..
            }]
        ));
        assert_eq!(
            s.import_errors,
            vec![ImportError {
                file: "nam-truoc.xlsx".into(),
                item: None,
                error: crate::file::ReadError::WorkbookNotNow
            }]
        );
        // on the start screen: nothing to import into, each is named
        let (s, fx) = apply(
            &ready(),
            Action::Workbooks {
                files: Files::default(),
                names: names(),
            },
        );
        assert!(fx.is_empty());
        assert_eq!(s.import_errors.len(), 2);
        assert!(s
            .import_errors
            .iter()
            .all(|e| e.error == crate::file::ReadError::Workbook));
    }

    fn entry(plan: &Plan, revision: u64) -> PlanEntry {
        PlanEntry {
            id: plan.id.clone(),
            title: plan.title.clone(),
            unit: plan.unit.name.clone(),
            level: plan.unit.level,
            start: plan.period.start,
            end: plan.period.end,
            updated: "2026-11-22T10:00:00.000Z".into(),
            size: 100,
            revision,
            checkpoint: 0.0,
            writer: String::new(),
        }
    }

    /// Runs the due save and reports it stored at `revision`.
    fn saved(s: &State, revision: u64) -> State {
        let (s, fx) = apply(s, Action::SaveDue);
        let Some(Effect::Save { plan, .. }) =
            fx.into_iter().find(|e| matches!(e, Effect::Save { .. }))
        else {
            panic!("no save")
        };
        let e = entry(&plan, revision);
        step(
            &s,
            Action::Saved {
                plan,
                result: Ok(e),
            },
        )
    }

    /// Start-up with a plan the page carries.
    fn boot_carrying(
        plan: Plan,
        answered: bool,
        stored: Option<(Plan, u64)>,
    ) -> (State, Vec<Effect>) {
        let listed = Listed {
            entries: stored.iter().map(|(p, r)| entry(p, *r)).collect(),
            kept_aside: Vec::new(),
        };
        let carried = Carried {
            file: "ke-hoach.chitieu.html".into(),
            read: Ok(Rc::new(plan)),
            fingerprint: "f1".into(),
            answered,
            stored: stored.map(|(plan, r)| Stored {
                entry: entry(&plan, r),
                plan,
            }),
        };
        let boot = Boot {
            listed: Ok(listed),
            open: None,
            moved: Moved::default(),
            carried: Some(carried),
            this_year: 2026,
            today: Date::start_of_year(2026),
        };
        apply(&State::default(), Action::Booted(Box::new(boot)))
    }

    #[test]
    fn a_carried_plan_opens_at_once_and_is_saved_only_once_the_planner_says_keep() {
        let (s, fx) = boot_carrying(sample_plan("s"), false, None);
        assert_eq!(s.plan.as_ref().unwrap().id, "s");
        assert_eq!(s.keep_question.as_deref(), Some("f1"));
        assert_eq!(s.save_state(), SaveState::NotKept);
        assert!(!fx
            .iter()
            .any(|e| matches!(e, Effect::Save { .. } | Effect::SaveSoon)));
        // edits while asked are not saved
        let edited = type_baseline(&s, 3.0);
        let (_, fx) = apply(&edited, Action::SaveDue);
        assert!(!fx.iter().any(|e| matches!(e, Effect::Save { .. })));
        // keep: remembered, and saved as a new plan
        let (kept, fx) = apply(&edited, Action::Keep(true));
        assert_eq!(kept.keep_question, None);
        assert!(!kept.not_kept);
        assert!(fx.contains(&Effect::RememberAnswer("f1".into())));
        assert!(fx
            .iter()
            .any(|e| matches!(e, Effect::Save { expect: None, .. })));
    }

    #[test]
    fn a_carried_plan_only_viewed_is_never_saved_and_its_changes_stay_within_reach() {
        let (s, _) = boot_carrying(sample_plan("s"), false, None);
        let (viewed, fx) = apply(&s, Action::Keep(false));
        assert_eq!(fx, vec![Effect::RememberAnswer("f1".into())]);
        assert!(viewed.not_kept);
        let edited = type_baseline(&viewed, 3.0);
        assert_eq!(edited.save_state(), SaveState::NotKept);
        assert!(!apply(&edited, Action::SaveDue)
            .1
            .iter()
            .any(|e| matches!(e, Effect::Save { .. })));
        assert!(!apply(&edited, Action::Leaving)
            .1
            .iter()
            .any(|e| matches!(e, Effect::Save { .. })));
        // leaving it: the changes are offered for export, not stored
        let (closed, fx) = apply(&edited, Action::Close);
        assert!(!fx.iter().any(|e| matches!(e, Effect::Save { .. })));
        assert_eq!(closed.unsaved.as_ref().unwrap().id, "s");
        assert!(!closed.not_kept);
        // answered before and not stored: shown, not asked again
        let (again, _) = boot_carrying(sample_plan("s"), true, None);
        assert_eq!(again.keep_question, None);
        assert!(again.not_kept);
    }

    #[test]
    fn a_carried_plan_already_stored_opens_as_stored_and_a_different_one_is_asked_about_once() {
        // the same plan: no question
        let (s, fx) = boot_carrying(sample_plan("s"), false, Some((sample_plan("s"), 3)));
        assert_eq!(s.stored.as_ref().map(|b| b.revision), Some(3));
        assert!(s.pending.is_empty() && s.keep_question.is_none());
        assert!(fx.contains(&Effect::RememberAnswer("f1".into())));
        // a different one: the stored plan, and the question an imported file asks
        let mut newer = sample_plan("s");
        newer.title = "Bản gửi lại".into();
        let (s, _) = boot_carrying(newer.clone(), false, Some((sample_plan("s"), 3)));
        assert_eq!(s.plan.as_ref().unwrap().title, sample_plan("s").title);
        assert_eq!(s.pending.len(), 1);
        // the file opened again after the answer: the stored plan, no question
        let (s, _) = boot_carrying(newer, true, Some((sample_plan("s"), 4)));
        assert!(s.pending.is_empty());
        assert_eq!(s.stored.as_ref().map(|b| b.revision), Some(4));
    }

    #[test]
    fn a_new_version_is_taken_once_the_open_plan_is_saved() {
        let s = saved(&open(), 1);
        let s = step(&s, Action::UpdateReady);
        assert!(s.update_ready);
        // nothing unsaved: at once
        assert_eq!(apply(&s, Action::ApplyUpdate).1, vec![Effect::ApplyUpdate]);
        // a change not yet saved: saved first, then the new version
        let dirty = type_baseline(&s, 8.0);
        let (waiting, fx) = apply(&dirty, Action::ApplyUpdate);
        let Some(Effect::Save { plan, .. }) = fx
            .iter()
            .find(|e| matches!(e, Effect::Save { .. }))
            .cloned()
        else {
            panic!("no save")
        };
        assert!(!fx.contains(&Effect::ApplyUpdate));
        let (_, fx) = apply(
            &waiting,
            Action::Saved {
                plan: plan.clone(),
                result: Ok(entry(&plan, 2)),
            },
        );
        assert!(fx.contains(&Effect::ApplyUpdate));
        // a refused save does not hold the reload back (the browser asks before leaving)
        let (_, fx) = apply(
            &waiting,
            Action::Saved {
                plan,
                result: Err(StoreError::Unavailable),
            },
        );
        assert!(fx.contains(&Effect::ApplyUpdate));
    }

    #[test]
    fn switching_language_changes_only_the_language() {
        let (s, fx) = apply(&State::default(), Action::SetLang(Lang::En));
        assert_eq!(s.lang, Lang::En);
        assert_eq!(s.plan, None);
        assert_eq!(fx, vec![Effect::ShowLang(Lang::En)]);
    }

    #[test]
    fn opening_a_plan_shows_its_year_and_saves_it_soon() {
        let (s, fx) = apply(&ready(), Action::Open(Rc::new(sample_plan("s"))));
        assert_eq!(s.period, Some(Period::Year(2021)));
        assert!(s.undo.is_empty());
        assert!(fx.contains(&Effect::SaveSoon));
        assert!(fx.contains(&Effect::Remember(Some("s".into()))));
        assert_eq!(s.save_state(), SaveState::Saving);
    }

    #[test]
    fn typing_in_a_cell_is_one_undo_step_and_redo_returns_it() {
        let s0 = open();
        let s = type_baseline(&type_baseline(&s0, 7.0), 70.0);
        assert_eq!(s.undo.len(), 1);
        let undone = step(&s, Action::Undo);
        assert_eq!(undone.plan, s0.plan);
        let redone = step(&undone, Action::Redo);
        assert_eq!(redone.plan, s.plan);
        // a new edit after undo drops the redo branch
        let other = type_baseline(&undone, 1.0);
        assert!(other.redo.is_empty());
    }

    #[test]
    fn a_cell_put_back_as_it_was_leaves_no_undo_step() {
        let s0 = open();
        let before = s0
            .plan
            .as_ref()
            .unwrap()
            .indicator("s-1")
            .unwrap()
            .baseline
            .clone()
            .unwrap()
            .figure;
        let s = type_baseline(&s0, 7.0);
        assert_eq!(s.undo.len(), 1);
        let back = step(
            &s,
            Action::Edit(Edit::Figure {
                id: "s-1".into(),
                slot: Slot::Baseline,
                figure: Some(before),
            }),
        );
        assert_eq!(back.plan, s0.plan);
        assert!(back.undo.is_empty());
        // the next change of the cell is a step of its own
        assert_eq!(type_baseline(&back, 9.0).undo.len(), 1);
    }

    #[test]
    fn a_pasted_block_is_one_undo_step_and_refused_cells_are_kept_in_sight() {
        use crate::app::grid::Col;
        let s0 = open();
        // a wrong entry left in another cell before the paste
        let elsewhere = crate::app::grid::Rejected {
            id: "s-5".into(),
            slot: Slot::Baseline,
            text: "9O".into(),
            error: crate::numfmt::NumError::NotAFigure,
        };
        let s0 = step(&s0, Action::LeftWrong(elsewhere.clone()));
        let (s, fx) = apply(
            &s0,
            Action::PasteBlock {
                id: "s-1".into(),
                column: Col::Actual,
                text: "70\nabc\n25\n".into(),
            },
        );
        assert!(fx.contains(&Effect::SaveSoon));
        assert_eq!(s.undo.len(), 1);
        assert_eq!(s.rejected.len(), 2, "the entry kept elsewhere stays");
        assert_eq!(s.rejected[0], elsewhere);
        assert_eq!(s.rejected[1].text, "abc");
        let s = step(
            &s,
            Action::DismissRejected {
                id: "s-5".into(),
                slot: Slot::Baseline,
            },
        );
        assert_eq!(step(&s, Action::Undo).plan, s0.plan);
        // typing a figure into the refused cell clears it
        let fixed = step(
            &s,
            Action::Edit(Edit::Figure {
                id: "s-2".into(),
                slot: Slot::Actual(Period::Year(2021)),
                figure: Some(Figure::Value(9.0)),
            }),
        );
        assert!(fixed.rejected.is_empty());
    }

    #[test]
    fn files_collected_accumulate_and_leave_the_plan_alone() {
        let s = step(&open(), Action::Collect(true));
        let read = |ids: &[&str]| FilesRead {
            plans: ids
                .iter()
                .map(|id| Picked {
                    plan: Rc::new(sample_plan(id)),
                    text: None,
                    parent: None,
                    collection: None,
                })
                .collect(),
            errors: vec![],
            backups: 0,
        };
        let (s2, fx) = apply(
            &s,
            Action::FilesRead {
                purpose: Purpose::Collect,
                read: read(&["a", "b"]),
            },
        );
        assert_eq!(s2.collecting.as_ref().unwrap().files.len(), 2);
        assert_eq!(s2.plan, s.plan);
        assert!(
            fx.iter().all(|e| !matches!(e, Effect::StoreFiles { .. })),
            "collected files are not stored as plans of this browser"
        );
        // leaving the view and coming back keeps what was collected; closing the plan ends it
        let back = step(&step(&s2, Action::Collect(false)), Action::Collect(true));
        assert_eq!(back.collecting.as_ref().unwrap().files.len(), 2);
        assert!(step(&back, Action::Close).collecting.is_none());
    }

    #[test]
    fn the_collected_totals_go_into_the_plan_as_one_undo_step() {
        let mut s = step(&open(), Action::Collect(true));
        s.today = Some(Date::start_of_year(2027));
        let period = s.period.unwrap();
        let before = s.plan.clone().unwrap();
        let kind = before.indicators[0].kind.clone();
        let figure = |n: f64| match kind {
            crate::plan::Kind::Count => Figure::Value(n),
            _ => Figure::Counts {
                numerator: n,
                denominator: 10.0,
            },
        };
        let unit_plan = |id: &str, name: &str, n: f64| {
            let mut p = sample_plan(id);
            p.unit.name = name.into();
            Rc::make_mut(&mut p.indicators[0]).set_actual(period, Some(figure(n)));
            Picked {
                plan: Rc::new(p),
                text: None,
                parent: None,
                collection: None,
            }
        };
        let s = step(
            &s,
            Action::FilesRead {
                purpose: Purpose::Collect,
                read: FilesRead {
                    plans: vec![unit_plan("a", "Xã A", 3.0), unit_plan("b", "Xã B", 4.0)],
                    errors: vec![],
                    backups: 0,
                },
            },
        );
        let (taken, fx) = apply(&s, Action::CollectTake);
        let first = &taken.plan.as_ref().unwrap().indicators[0];
        let summed = match kind {
            crate::plan::Kind::Count => Figure::Value(7.0),
            _ => Figure::Counts {
                numerator: 7.0,
                denominator: 20.0,
            },
        };
        assert_eq!(first.actual_for(period).map(|a| a.figure), Some(summed));
        assert!(matches!(
            taken.notices.last(),
            Some(Notice::TotalsTaken { taken: n, provisional: 0, .. }) if *n >= 1
        ));
        assert!(fx.iter().any(|e| matches!(e, Effect::SaveSoon)), "{fx:?}");
        assert_eq!(
            step(&taken, Action::Undo).plan.as_deref(),
            Some(before.as_ref()),
            "one undo step takes every total back out"
        );
        // taken again, nothing is new
        let again = step(&taken, Action::CollectTake);
        assert_eq!(again.plan, taken.plan);
        assert!(matches!(
            again.notices.last(),
            Some(Notice::TotalsTaken { taken: 0, .. })
        ));
    }

    #[test]
    fn a_handed_down_file_brings_its_parent_plan_to_keep_beside_it() {
        let parent = Rc::new(sample_plan("tinh"));
        let mut child = sample_plan("xa");
        child.compare_with = Some("tinh".into());
        let read = FilesRead {
            plans: vec![Picked {
                plan: Rc::new(child),
                text: None,
                parent: Some(parent.clone()),
                collection: None,
            }],
            errors: vec![],
            backups: 0,
        };
        let (s, fx) = apply(
            &ready(),
            Action::FilesRead {
                purpose: Purpose::Import,
                read,
            },
        );
        assert_eq!(s.plan.as_ref().unwrap().id, "xa");
        assert_eq!(s.parent.as_deref(), Some(parent.as_ref()));
        let stored: Vec<&str> = fx
            .iter()
            .filter_map(|e| match e {
                Effect::StoreFiles { plans, .. } => {
                    Some(plans.iter().map(|p| p.plan.id.as_str()).collect::<Vec<_>>())
                }
                _ => None,
            })
            .flatten()
            .collect();
        assert_eq!(stored, ["tinh", "xa"]);
    }

    #[test]
    fn a_province_takes_its_communes_once_the_unit_list_is_there() {
        let mut s = open();
        let mut p = (**s.plan.as_ref().unwrap()).clone();
        p.unit = crate::plan::Unit {
            name: "UBND tỉnh Sơn La".into(),
            level: crate::plan::Level::Province,
            code: "14".into(),
        };
        s.plan = Some(Rc::new(p));
        let (s, fx) = apply(&s, Action::TakeCommunes);
        assert_eq!(fx, vec![Effect::LoadUnits]);
        assert_eq!(s.units, Some(Units::Loading));
        let list = crate::units::UnitList::parse(
            "14\tTỉnh Sơn La\n\t04117\tXã Mường Chanh\n\t03980\tPhường Mộc Châu\n",
        )
        .unwrap();
        let (s, fx) = apply(&s, Action::UnitsLoaded(Ok(Rc::new(list))));
        assert_eq!(s.plan.as_ref().unwrap().sub_units.len(), 2);
        assert!(fx.contains(&Effect::SaveSoon));
        // asked again, the list is not fetched twice
        let (_, fx) = apply(&s, Action::NeedUnits);
        assert!(fx.is_empty());
    }

    #[test]
    fn an_edit_that_changes_nothing_leaves_no_undo_step() {
        let s = open();
        let (same, fx) = apply(&s, Action::Edit(Edit::Delete { id: "nope".into() }));
        assert!(same.undo.is_empty());
        assert!(fx.is_empty());
    }

    #[test]
    fn a_save_names_the_revision_it_replaces_and_one_runs_at_a_time() {
        let s = saved(&open(), 1);
        assert_eq!(s.save_state(), SaveState::Saved);
        assert_eq!(s.stored.as_ref().unwrap().revision, 1);
        let s = type_baseline(&s, 5.0);
        assert_eq!(s.save_state(), SaveState::Saving);
        let (busy, fx) = apply(&s, Action::SaveDue);
        assert!(matches!(
            &fx[..],
            [Effect::Save {
                expect: Some(1),
                ..
            }]
        ));
        // more typing while the save is under way: no second save until it ends
        let busy = type_baseline(&busy, 6.0);
        let (busy, fx) = apply(&busy, Action::SaveDue);
        assert!(fx.is_empty());
        let first = busy.saving.clone().unwrap();
        let (after, fx) = apply(
            &busy,
            Action::Saved {
                plan: first.clone(),
                result: Ok(entry(&first, 2)),
            },
        );
        assert_eq!(
            fx.first(),
            Some(&Effect::SaveSoon),
            "the later change is saved next"
        );
        assert_eq!(after.stored.as_ref().unwrap().revision, 2);
        assert_eq!(after.save_state(), SaveState::Saving);
        // undo back to what storage holds needs no save
        let s = step(&saved(&after, 3), Action::Select(None));
        let back = step(&type_baseline(&s, 9.0), Action::Undo);
        assert_eq!(back.save_state(), SaveState::Saved);
    }

    #[test]
    fn a_refused_save_leaves_the_plan_on_screen_and_says_so() {
        let s = type_baseline(&saved(&open(), 1), 5.0);
        let (s, _) = apply(&s, Action::SaveDue);
        let plan = s.saving.clone().unwrap();
        let refused = step(
            &s,
            Action::Saved {
                plan: plan.clone(),
                result: Err(StoreError::Refused {
                    full: true,
                    reason: "QuotaExceededError".into(),
                }),
            },
        );
        assert_eq!(refused.save_state(), SaveState::Failing { full: true });
        assert!(Rc::ptr_eq(refused.plan.as_ref().unwrap(), &plan));
        assert_eq!(refused.stored.as_ref().unwrap().revision, 1);
        // leaving it keeps it within reach of the export
        let (closed, _) = apply(&refused, Action::Close);
        assert!(Rc::ptr_eq(closed.unsaved.as_ref().unwrap(), &plan));
        let (_, fx) = apply(&closed, Action::Export(Download::Json(plan.clone())));
        assert_eq!(fx, vec![Effect::Download(Download::Json(plan))]);
    }

    #[test]
    fn another_tab_saving_the_plan_on_screen() {
        let s = saved(&open(), 1);
        // nothing changed here: take theirs
        let (_, fx) = apply(
            &s,
            Action::Elsewhere(News::Saved {
                id: "s".into(),
                revision: 2,
            }),
        );
        assert!(fx.contains(&Effect::Read {
            id: "s".into(),
            why: Load::Newer
        }));
        // a change here not yet saved: the planner chooses
        let dirty = type_baseline(&s, 8.0);
        let (clash, fx) = apply(
            &dirty,
            Action::Elsewhere(News::Saved {
                id: "s".into(),
                revision: 2,
            }),
        );
        assert_eq!(clash.clash, Some(Clash::with("s", Some(2))));
        assert_eq!(clash.save_state(), SaveState::Clash);
        assert!(!fx.iter().any(|e| matches!(e, Effect::Read { .. })));
        // no save while the question is open
        assert!(apply(&clash, Action::SaveDue).1.is_empty());
        let (kept, fx) = apply(
            &clash,
            Action::Settle(Settle::KeepMine {
                copy_id: "c".into(),
                suffix: "(x)".into(),
            }),
        );
        assert!(matches!(&fx[..], [Effect::KeepMine { theirs: 2, .. }]));
        assert_eq!(kept.clash, None);
        let (taking, fx) = apply(&clash, Action::Settle(Settle::TakeTheirs));
        assert!(
            matches!(&fx[..], [Effect::SetAside { plan: p, theirs: Some(2) }] if p.indicator("s-1").unwrap().baseline.is_some())
        );
        // while this tab's changes are kept and the other's read, nothing can be edited or settled twice
        assert!(taking.clash.as_ref().is_some_and(|c| c.settling));
        assert_eq!(
            step(
                &taking,
                Action::Edit(Edit::Figure {
                    id: "s-2".into(),
                    slot: Slot::Baseline,
                    figure: Some(Figure::Value(1.0))
                })
            )
            .plan,
            taking.plan
        );
        assert!(apply(&taking, Action::Settle(Settle::TakeTheirs))
            .1
            .is_empty());
        // closing the tab with the question open keeps this tab's changes in the history
        let (_, fx) = apply(&clash, Action::Leaving);
        assert!(matches!(&fx[..], [Effect::SetAside { theirs: None, .. }]));
        // a save refused for a newer revision asks the same question
        let (busy, _) = apply(&dirty, Action::SaveDue);
        let plan = busy.saving.clone().unwrap();
        let asked = step(
            &busy,
            Action::Saved {
                plan,
                result: Err(StoreError::Newer {
                    revision: 5,
                    updated: String::new(),
                }),
            },
        );
        assert_eq!(asked.clash, Some(Clash::with("s", Some(5))));
    }

    #[test]
    fn a_newer_version_replaces_an_unchanged_plan_and_keeps_the_place() {
        let s = step(&saved(&open(), 1), Action::Select(Some("s-3".into())));
        let mut theirs = (**s.plan.as_ref().unwrap()).clone();
        theirs.title = "Đã sửa ở thẻ khác".into();
        let e = entry(&theirs, 2);
        let after = step(
            &s,
            Action::Loaded {
                id: "s".into(),
                why: Load::Newer,
                result: Ok(Stored {
                    plan: theirs,
                    entry: e,
                }),
            },
        );
        assert_eq!(after.plan.as_ref().unwrap().title, "Đã sửa ở thẻ khác");
        assert_eq!(after.selected.as_deref(), Some("s-3"));
        assert_eq!(after.save_state(), SaveState::Saved);
        assert!(after.notices.contains(&Notice::TookNewer));
    }

    #[test]
    fn an_edit_typed_while_the_other_tab_s_version_is_read_is_never_replaced_unseen() {
        let s = saved(&open(), 1);
        // the other tab saved; this tab, unchanged, asks for that version...
        let (reading, fx) = apply(
            &s,
            Action::Elsewhere(News::Saved {
                id: "s".into(),
                revision: 2,
            }),
        );
        assert!(fx.contains(&Effect::Read {
            id: "s".into(),
            why: Load::Newer
        }));
        // ...and the planner types before it arrives
        let edited = type_baseline(&reading, 8.0);
        let mut theirs = (**s.plan.as_ref().unwrap()).clone();
        theirs.title = "Đã sửa ở thẻ khác".into();
        let e = entry(&theirs, 2);
        let after = step(
            &edited,
            Action::Loaded {
                id: "s".into(),
                why: Load::Newer,
                result: Ok(Stored {
                    plan: theirs,
                    entry: e,
                }),
            },
        );
        assert_eq!(after.plan, edited.plan, "the edit stays on screen");
        assert_eq!(after.clash, Some(Clash::with("s", Some(2))));
        assert!(!after.notices.contains(&Notice::TookNewer));
    }

    #[test]
    fn a_save_chained_after_one_under_way_must_follow_this_tab_s_own() {
        let s = type_baseline(&saved(&open(), 1), 4.0);
        let (busy, _) = apply(&s, Action::SaveDue);
        assert!(busy.saving.is_some());
        // another edit, then the plan leaves the screen while the first save runs
        let more = type_baseline(&busy, 5.0);
        let (_, fx) = apply(&more, Action::Close);
        assert!(
            fx.iter().any(|e| matches!(
                e,
                Effect::Save {
                    expect: Some(2),
                    after_own: true,
                    ..
                }
            )),
            "{fx:?}"
        );
        // a save with nothing under way names the stored revision, whoever stored it
        let (_, fx) = apply(&s, Action::Close);
        assert!(fx.iter().any(|e| matches!(
            e,
            Effect::Save {
                expect: Some(1),
                after_own: false,
                ..
            }
        )));
    }

    #[test]
    fn closing_saves_what_was_not_saved_and_forgets_the_open_plan() {
        let s = type_baseline(&saved(&open(), 1), 4.0);
        let (closed, fx) = apply(&s, Action::Close);
        assert!(matches!(
            fx.first(),
            Some(Effect::Save {
                expect: Some(1),
                ..
            })
        ));
        assert!(fx.contains(&Effect::Remember(None)));
        assert_eq!(closed.plan, None);
    }

    #[test]
    fn renaming_on_the_start_screen_touches_only_that_plan() {
        let (s, fx) = apply(
            &ready(),
            Action::Rename {
                id: "p".into(),
                title: "Mới".into(),
            },
        );
        assert_eq!(
            fx,
            vec![Effect::Rename {
                id: "p".into(),
                title: "Mới".into()
            }]
        );
        assert_eq!(s.plan, None);
        let failed = step(
            &s,
            Action::Done {
                op: Op::Rename,
                result: Err(StoreError::Refused {
                    full: true,
                    reason: "QuotaExceededError".into(),
                }),
            },
        );
        assert_eq!(
            failed.notices,
            vec![Notice::Refused {
                op: Op::Rename,
                full: true
            }]
        );
    }

    fn read(plans: Vec<Rc<Plan>>, backups: usize) -> FilesRead {
        FilesRead {
            plans: plans
                .into_iter()
                .map(|plan| Picked {
                    plan,
                    text: None,
                    parent: None,
                    collection: None,
                })
                .collect(),
            errors: vec![],
            backups,
        }
    }

    #[test]
    fn an_import_opens_new_plans_and_asks_about_known_ones() {
        let s = open();
        let known = s.plan.clone().unwrap();
        let fresh = Rc::new(sample_plan("t"));
        let (s, fx) = apply(
            &s,
            Action::FilesRead {
                purpose: Purpose::Import,
                read: read(vec![known, fresh], 0),
            },
        );
        assert_eq!(s.plan.as_ref().unwrap().id, "t");
        assert!(
            matches!(&fx[0], Effect::StoreFiles { plans: p, backup: false } if p.len() == 1 && p[0].plan.id == "t")
        );
        assert_eq!(s.pending.len(), 1);
        let (kept, fx) = apply(
            &s,
            Action::Resolve(
                Resolve::KeepBoth {
                    new_id: "s2".into(),
                    suffix: "(bản nhập)".into(),
                },
                false,
            ),
        );
        assert!(kept.pending.is_empty());
        assert_eq!(kept.plan.as_ref().unwrap().id, "s2");
        assert!(kept.plan.as_ref().unwrap().title.ends_with("(bản nhập)"));
        assert!(fx
            .iter()
            .any(|e| matches!(e, Effect::StoreFiles { plans: p, .. } if p[0].plan.id == "s2")));
        let cancelled = step(&s, Action::Resolve(Resolve::Cancel, false));
        assert_eq!(cancelled.plan, s.plan);
        assert!(cancelled.pending.is_empty());
    }

    #[test]
    fn a_backup_opens_nothing_and_one_answer_can_serve_every_known_plan() {
        let mut s = ready();
        s.plans = Rc::new(vec![
            entry(&sample_plan("a"), 1),
            entry(&sample_plan("b"), 1),
        ]);
        let plans = vec![
            Rc::new(sample_plan("a")),
            Rc::new(sample_plan("b")),
            Rc::new(sample_plan("c")),
        ];
        let (s, fx) = apply(
            &s,
            Action::FilesRead {
                purpose: Purpose::Import,
                read: read(plans, 1),
            },
        );
        assert_eq!(s.plan, None);
        assert_eq!(s.pending.len(), 2);
        assert!(matches!(&fx[0], Effect::StoreFiles { plans: p, backup: true } if p.len() == 1));
        let (s, fx) = apply(&s, Action::Resolve(Resolve::Replace, true));
        assert!(s.pending.is_empty());
        assert_eq!(s.plan, None);
        assert!(matches!(&fx[..], [Effect::StoreFiles { plans: p, backup: true }] if p.len() == 2));
    }

    #[test]
    fn the_collection_a_backup_holds_goes_where_its_plan_goes() {
        let mut s = ready();
        s.plans = Rc::new(vec![
            entry(&sample_plan("a"), 1),
            entry(&sample_plan("b"), 1),
        ]);
        let collected: Rc<[Rc<str>]> = Rc::from(vec![Rc::from("{\"unit file\": 1}")]);
        let picked = |id: &str| Picked {
            plan: Rc::new(sample_plan(id)),
            text: Some(Rc::from("{}")),
            parent: None,
            collection: Some(collected.clone()),
        };
        let read = FilesRead {
            plans: vec![picked("a"), picked("b"), picked("c")],
            errors: vec![],
            backups: 1,
        };
        let (s, fx) = apply(
            &s,
            Action::FilesRead {
                purpose: Purpose::Import,
                read,
            },
        );
        // a new plan is stored with its collection
        assert!(matches!(&fx[0], Effect::StoreFiles { plans: p, .. }
            if p[0].plan.id == "c" && p[0].collection.as_ref() == Some(&collected)));
        // kept beside the stored one: the collection follows it to its new id
        let keep = Resolve::KeepBoth {
            new_id: "a2".into(),
            suffix: "(bản khôi phục)".into(),
        };
        let (s, fx) = apply(&s, Action::Resolve(keep, false));
        assert!(matches!(&fx[..], [Effect::StoreFiles { plans: p, .. }]
            if p[0].plan.id == "a2" && p[0].collection.as_ref() == Some(&collected)));
        // skipped: neither the plan nor its collection is stored
        let (s, fx) = apply(&s, Action::Resolve(Resolve::Cancel, false));
        assert!(s.pending.is_empty());
        assert!(fx.iter().all(|e| !matches!(e, Effect::StoreFiles { .. })));
    }

    #[test]
    fn a_failed_import_changes_no_plan() {
        let s = open();
        let error = ImportError {
            file: "x.json".into(),
            item: None,
            error: crate::file::ReadError::NotAPlan,
        };
        let r = FilesRead {
            plans: vec![],
            errors: vec![error.clone()],
            backups: 0,
        };
        let (after, fx) = apply(
            &s,
            Action::FilesRead {
                purpose: Purpose::Import,
                read: r,
            },
        );
        assert_eq!(after.plan, s.plan);
        assert_eq!(after.undo, s.undo);
        assert_eq!(after.import_errors, vec![error]);
        assert!(fx.is_empty());
    }

    #[test]
    fn the_office_module_is_asked_for_the_plan_and_its_import_is_one_undo_step() {
        let s = open();
        let (_, fx) = apply(&s, Action::Office(Office::Export));
        let plan = s.plan.clone().unwrap();
        assert_eq!(
            fx,
            vec![Effect::Office {
                call: Office::Export,
                plan,
                lang: Lang::Vi,
                period: Period::Year(2021)
            }]
        );
        let mut bigger = (**s.plan.as_ref().unwrap()).clone();
        bigger.indicators.push(Rc::new(crate::plan::Indicator::new(
            "t-1",
            "Mới",
            crate::plan::Kind::Count,
        )));
        bigger.period.end = 2023;
        let (after, fx) = apply(&s, Action::TableImported(Rc::new(bigger)));
        assert_eq!(fx, vec![Effect::SaveSoon]);
        assert_eq!(after.plan.as_ref().unwrap().indicators.len(), 15);
        assert_eq!(after.undo.len(), 1);
        let back = step(&after, Action::Undo);
        assert_eq!(back.plan, s.plan);
        // a plan that is not the one on screen is never taken
        let other = step(&s, Action::TableImported(Rc::new(sample_plan("x"))));
        assert_eq!(other.plan, s.plan);
        // without a plan there is nothing to ask for
        assert!(apply(&State::default(), Action::Office(Office::Export))
            .1
            .is_empty());
        // a paste on the page imports only onto an empty table; the dialog opens on any plan
        let mut empty = (**s.plan.as_ref().unwrap()).clone();
        empty.indicators.clear();
        let blank = step(&s, Action::TableImported(Rc::new(empty)));
        assert_eq!(
            apply(
                &blank,
                Action::Office(Office::Import(Some(("x".into(), String::new()))))
            )
            .1
            .len(),
            1
        );
        assert!(apply(
            &s,
            Action::Office(Office::Import(Some(("x".into(), String::new()))))
        )
        .1
        .is_empty());
        assert_eq!(apply(&s, Action::Office(Office::Import(None))).1.len(), 1);
    }

    #[test]
    fn deleting_offers_undo() {
        let s = step(&open(), Action::Select(Some("s-0".into())));
        let s = step(&s, Action::Edit(Edit::Delete { id: "s-0".into() }));
        assert!(s.deleted.is_some());
        assert_eq!(s.selected, None);
        let back = step(&s, Action::Undo);
        assert_eq!(back.plan.unwrap().indicators.len(), 14);
    }

    #[test]
    fn the_first_save_asks_for_persistent_storage_once() {
        let (s, fx) = apply(&open(), Action::SaveDue);
        let plan = s.saving.clone().unwrap();
        let (s, fx2) = apply(
            &s,
            Action::Saved {
                plan: plan.clone(),
                result: Ok(entry(&plan, 1)),
            },
        );
        assert!(!fx.contains(&Effect::AskPersist));
        assert!(fx2.contains(&Effect::AskPersist));
        let s = type_baseline(&s, 3.0);
        let (s, _) = apply(&s, Action::SaveDue);
        let plan = s.saving.clone().unwrap();
        let (_, fx3) = apply(
            &s,
            Action::Saved {
                plan: plan.clone(),
                result: Ok(entry(&plan, 2)),
            },
        );
        assert!(!fx3.contains(&Effect::AskPersist));
    }

    #[test]
    fn an_autosave_changes_neither_the_plan_nor_the_parent() {
        let mut s = saved(&open(), 1);
        s.parent = Some(Rc::new(sample_plan("p")));
        let s = type_baseline(&s, 2.0);
        let (busy, _) = apply(&s, Action::SaveDue);
        let plan = busy.saving.clone().unwrap();
        let after = step(
            &busy,
            Action::Saved {
                plan: plan.clone(),
                result: Ok(entry(&plan, 2)),
            },
        );
        assert!(Rc::ptr_eq(
            after.plan.as_ref().unwrap(),
            s.plan.as_ref().unwrap()
        ));
        assert!(Rc::ptr_eq(
            after.parent.as_ref().unwrap(),
            s.parent.as_ref().unwrap()
        ));
    }
}
