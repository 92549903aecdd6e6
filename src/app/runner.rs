//! The one place where the app's side effects happen. `use_app` keeps the
//! state; every action goes through the pure `apply`, and the effects it
//! returns are performed here, in order, with the `browser` module. What
//! they find out comes back as actions. Components only send actions.

use super::state::{
    apply, Action, Boot, Carried, Download, Effect, Load, Notice, Office, Op, State,
};
use super::VERSION;
use crate::browser::sum::WorkerSum;
use crate::browser::{self, News, Now, Over, Store, StoreError, Tabs, Why};
use crate::file;
use crate::i18n::M;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::{Rc, Weak};
use wasm_bindgen_futures::{spawn_local, JsFuture};
use yew::prelude::*;

/// How long the plan may wait before it is written to storage: edits in a
/// burst are saved once, and every change is stored well within a second.
const SAVE_DELAY_MS: u32 = 250;

/// An effect's work with the store, and the actions it reports.
type Work = std::pin::Pin<Box<dyn std::future::Future<Output = Vec<Action>>>>;
/// What starts that work, once the store is open (or could not be).
type StartWork = Box<dyn FnOnce(Result<Store, StoreError>, Option<Rc<Tabs>>) -> Work>;

struct Core {
    me: Weak<Core>,
    state: RefCell<Rc<State>>,
    queue: RefCell<VecDeque<Effect>>,
    busy: Cell<bool>,
    rerender: RefCell<Option<yew::functional::UseForceUpdateHandle>>,
    /// the store, once start-up opened it (or could not)
    store: RefCell<Option<Result<Store, StoreError>>>,
    /// resolves when start-up is done: effects that need the store wait for it, in order
    opened: js_sys::Promise,
    open_done: RefCell<Option<js_sys::Function>>,
    tabs: RefCell<Option<Rc<Tabs>>>,
    timer: RefCell<Option<gloo::timers::callback::Timeout>>,
    listeners: RefCell<Vec<gloo::events::EventListener>>,
    /// dialogs hold the focus; a focus taken off the page is put back
    focus: RefCell<Option<browser::FocusKeeper>>,
    /// the roll-up running in a worker; dropped, it stops
    summing: RefCell<Option<browser::sum::SumJob>>,
    /// which roll-up is the current one: a stop or a new roll-up moves it on,
    /// and a total of an earlier one (still on its way) is not taken
    sum_run: Cell<u32>,
    gone: Cell<bool>,
}

impl Core {
    /// Reads and sums files on the page's own thread, where no worker runs;
    /// the total is taken only if this roll-up is still the current one.
    fn sum_on_page(&self, files: browser::Files, run: u32) {
        let me = self.me.clone();
        spawn_local(async move {
            let read = browser::read_files_telling(files, Core::sum_progress(&me, run)).await;
            if let Some(core) = Core::in_run(&me, run) {
                core.summed(Ok(crate::file::read::sum(read)));
            }
        });
    }

    /// The core while roll-up `run` is the current one: none once it was
    /// stopped or another started (what it still sends is not taken).
    fn in_run(me: &Weak<Core>, run: u32) -> Option<Rc<Core>> {
        me.upgrade().filter(|c| c.sum_run.get() == run)
    }

    /// Tells the state how far roll-up `run` got, while it is the current one.
    fn sum_progress(me: &Weak<Core>, run: u32) -> impl Fn(u32, u32) + 'static {
        let me = me.clone();
        move |read, total| {
            if let Some(core) = Core::in_run(&me, run) {
                core.dispatch(Action::SumProgress { read, total });
            }
        }
    }

    /// Hands a roll-up's total (or why there is none) to the state, with the
    /// id and the time the new plan takes.
    fn summed(&self, summed: Result<crate::file::read::Summed, String>) {
        self.dispatch(Action::Summed {
            summed,
            new_id: browser::new_id("p"),
            now: browser::now(),
        });
    }

    fn new() -> Rc<Core> {
        let mut done = None;
        let opened = js_sys::Promise::new(&mut |resolve, _| done = Some(resolve));
        let lang = browser::stored_lang().unwrap_or_default();
        Rc::new_cyclic(|me| Core {
            me: me.clone(),
            state: RefCell::new(Rc::new(State {
                lang,
                ..State::default()
            })),
            queue: RefCell::new(VecDeque::new()),
            busy: Cell::new(false),
            rerender: RefCell::new(None),
            store: RefCell::new(None),
            opened,
            open_done: RefCell::new(done),
            tabs: RefCell::new(None),
            timer: RefCell::new(None),
            listeners: RefCell::new(Vec::new()),
            focus: RefCell::new(None),
            summing: RefCell::new(None),
            sum_run: Cell::new(0),
            gone: Cell::new(false),
        })
    }

    fn dispatcher(&self) -> Callback<Action> {
        let me = self.me.clone();
        Callback::from(move |a| {
            if let Some(core) = me.upgrade() {
                core.dispatch(a);
            }
        })
    }

    /// A file the browser would not hand over is said, never dropped.
    fn download_done(&self, done: Result<(), String>) {
        if let Err(reason) = done {
            self.dispatch(Action::Done {
                op: Op::Download,
                result: Err(StoreError::Refused {
                    full: false,
                    reason,
                }),
            });
        }
    }

    fn dispatch(&self, action: Action) {
        if self.gone.get() {
            return;
        }
        let (next, effects) = apply(&self.state.borrow(), action);
        *self.state.borrow_mut() = Rc::new(next);
        if let Some(r) = self.rerender.borrow().as_ref() {
            r.force_update();
        }
        self.queue.borrow_mut().extend(effects);
        // effects that dispatch again queue theirs behind: everything runs in order
        if self.busy.replace(true) {
            return;
        }
        loop {
            let next = self.queue.borrow_mut().pop_front();
            match next {
                Some(e) => self.run(e),
                None => break,
            }
        }
        self.busy.set(false);
    }

    /// The store, once start-up is done.
    async fn store(me: &Weak<Core>) -> Result<Store, StoreError> {
        let Some(opened) = me.upgrade().map(|c| c.opened.clone()) else {
            return Err(StoreError::Unavailable);
        };
        let _ = JsFuture::from(opened).await;
        me.upgrade()
            .and_then(|c| c.store.borrow().clone())
            .unwrap_or(Err(StoreError::Unavailable))
    }

    fn tabs(&self) -> Option<Rc<Tabs>> {
        self.tabs.borrow().clone()
    }

    /// Runs `work` with the store, then dispatches what it returns. The work
    /// is boxed: one copy of this for every effect, not one each.
    fn with_store<F, Fut>(&self, work: F)
    where
        F: FnOnce(Result<Store, StoreError>, Option<Rc<Tabs>>) -> Fut + 'static,
        Fut: std::future::Future<Output = Vec<Action>> + 'static,
    {
        self.spawn_with_store(Box::new(move |store, tabs| Box::pin(work(store, tabs))));
    }

    #[inline(never)]
    fn spawn_with_store(&self, work: StartWork) {
        let me = self.me.clone();
        let tabs = self.tabs();
        spawn_local(async move {
            let store = Core::store(&me).await;
            let actions = work(store, tabs).await;
            if let Some(core) = me.upgrade() {
                for a in actions {
                    core.dispatch(a);
                }
            }
        });
    }

    fn run(&self, effect: Effect) {
        match effect {
            Effect::ShowLang(lang) => {
                browser::show_lang(lang, lang.t(M::AppName), lang.t(M::Subtitle));
                browser::store_lang(lang);
            }
            Effect::Remember(id) => browser::remember_plan(id.as_deref()),
            Effect::Announce(id) => {
                let Some(tabs) = self.tabs() else { return };
                let me = self.me.clone();
                spawn_local(async move {
                    tabs.show(id.as_deref()).await;
                    if let Some(id) = id {
                        let elsewhere = tabs.shown_elsewhere(&id, None).await;
                        if let Some(core) = me.upgrade() {
                            core.dispatch(Action::Presence { id, elsewhere });
                        }
                    }
                });
            }
            Effect::Presence { id, gone } => {
                let Some(tabs) = self.tabs() else { return };
                let me = self.me.clone();
                spawn_local(async move {
                    let elsewhere = tabs.shown_elsewhere(&id, gone.as_deref()).await;
                    if let Some(core) = me.upgrade() {
                        core.dispatch(Action::Presence { id, elsewhere });
                    }
                });
            }
            Effect::SaveSoon => {
                let me = self.me.clone();
                *self.timer.borrow_mut() = Some(gloo::timers::callback::Timeout::new(
                    SAVE_DELAY_MS,
                    move || {
                        if let Some(core) = me.upgrade() {
                            core.dispatch(Action::SaveDue);
                        }
                    },
                ));
            }
            Effect::Save {
                plan,
                expect,
                after_own,
            } => self.with_store(move |store, tabs| async move {
                let result = match store {
                    Ok(store) => {
                        let over = Over { expect, after_own };
                        store.save(&plan, over, &Now::current(), VERSION).await
                    }
                    Err(e) => Err(e),
                };
                if let (Ok(entry), Some(tabs)) = (&result, tabs) {
                    tabs.tell(&News::Saved {
                        id: entry.id.clone(),
                        revision: entry.revision,
                    });
                }
                vec![Action::Saved { plan, result }]
            }),
            Effect::Read { id, why } => self.with_store(move |store, _| async move {
                let now = Now::current();
                let result = match store {
                    Ok(store) if why == Load::Open => store.open_plan(&id, &now).await,
                    Ok(store) => store.read_plan(&id, &now).await,
                    Err(e) => Err(e),
                };
                vec![Action::Loaded { id, why, result }]
            }),
            Effect::List => self.with_store(|store, _| async move {
                match store {
                    Ok(store) => vec![relist(&store).await],
                    Err(_) => Vec::new(),
                }
            }),
            Effect::Rename { id, title } => self.with_store(move |store, tabs| async move {
                let store = match store {
                    Ok(store) => store,
                    Err(e) => {
                        return vec![Action::Done {
                            op: Op::Rename,
                            result: Err(e),
                        }]
                    }
                };
                let result = store.rename(&id, &title, &Now::current(), VERSION).await;
                stored_one(&store, result, Op::Rename, tabs).await
            }),
            Effect::Duplicate { id, new_id, suffix } => {
                self.with_store(move |store, tabs| async move {
                    let store = match store {
                        Ok(store) => store,
                        Err(e) => {
                            return vec![Action::Done {
                                op: Op::Duplicate,
                                result: Err(e),
                            }]
                        }
                    };
                    let result = store
                        .duplicate(&id, &new_id, &suffix, &Now::current(), VERSION)
                        .await;
                    stored_one(&store, result, Op::Duplicate, tabs).await
                })
            }
            Effect::Delete(id) => self.with_store(move |store, tabs| async move {
                let store = match store {
                    Ok(store) => store,
                    Err(e) => {
                        return vec![Action::Done {
                            op: Op::Delete,
                            result: Err(e),
                        }]
                    }
                };
                let result = store.delete(&id).await;
                if let (Ok(()), Some(tabs)) = (&result, tabs) {
                    tabs.tell(&News::Deleted { id });
                }
                let mut out = vec![Action::Done {
                    op: Op::Delete,
                    result,
                }];
                out.push(relist(&store).await);
                out.push(Action::Usage {
                    usage: browser::usage().await,
                    persisted: browser::persisted().await,
                });
                out
            }),
            Effect::StoreFiles { plans, backup } => {
                self.with_store(move |store, tabs| async move {
                    let result = match store {
                        Ok(store) => {
                            let items: Vec<_> = plans
                                .iter()
                                .map(|p| {
                                    (p.plan.as_ref(), p.text.as_deref(), p.collection.as_deref())
                                })
                                .collect();
                            store.store_files(&items, &Now::current(), VERSION).await
                        }
                        Err(e) => Err(e),
                    };
                    if let (Ok(entries), Some(tabs)) = (&result, tabs) {
                        for e in entries {
                            tabs.tell(&News::Saved {
                                id: e.id.clone(),
                                revision: e.revision,
                            });
                        }
                    }
                    vec![Action::FilesStored {
                        plans: plans.into_iter().map(|p| p.plan).collect(),
                        backup,
                        result,
                    }]
                })
            }
            Effect::KeepMine {
                plan,
                theirs,
                copy_id,
                suffix,
            } => self.with_store(move |store, tabs| async move {
                let store = match store {
                    Ok(store) => store,
                    Err(e) => {
                        return vec![Action::Saved {
                            plan,
                            result: Err(e),
                        }]
                    }
                };
                let result = store
                    .keep_mine(&plan, theirs, &copy_id, &suffix, &Now::current(), VERSION)
                    .await;
                if let (Ok((entry, copy)), Some(tabs)) = (&result, tabs) {
                    tabs.tell(&News::Saved {
                        id: copy.id.clone(),
                        revision: copy.revision,
                    });
                    tabs.tell(&News::Saved {
                        id: entry.id.clone(),
                        revision: entry.revision,
                    });
                }
                let mut out = vec![Action::Saved {
                    plan,
                    result: result.map(|(entry, _)| entry),
                }];
                out.push(relist(&store).await);
                out
            }),
            Effect::SetAside { plan, theirs } => self.with_store(move |store, _| async move {
                let result = match store {
                    Ok(store) => {
                        store
                            .keep_as_version(&plan, Why::OtherTab, &Now::current(), VERSION)
                            .await
                    }
                    Err(e) => Err(e),
                };
                vec![Action::SetAsideDone {
                    plan,
                    theirs,
                    result,
                }]
            }),
            Effect::Versions(id) => self.with_store(move |store, _| async move {
                let result = match store {
                    Ok(store) => store.versions(&id).await,
                    Err(e) => Err(e),
                };
                vec![Action::VersionsListed { id, result }]
            }),
            Effect::ReadVersion { id, seq } => self.with_store(move |store, _| async move {
                let result = match store {
                    Ok(store) => store.version(&id, seq).await,
                    Err(e) => Err(e),
                };
                vec![Action::VersionRead { id, seq, result }]
            }),
            Effect::Restore {
                plan,
                expect,
                after_own,
                unchanged,
                seq,
            } => self.with_store(move |store, tabs| async move {
                let result = match store {
                    Ok(store) => {
                        let over = Over { expect, after_own };
                        store
                            .restore(&plan, over, unchanged, seq, &Now::current(), VERSION)
                            .await
                    }
                    Err(e) => Err(e),
                };
                if let (Ok(stored), Some(tabs)) = (&result, tabs) {
                    tabs.tell(&News::Saved {
                        id: stored.entry.id.clone(),
                        revision: stored.entry.revision,
                    });
                }
                vec![Action::Restored {
                    id: plan.id.clone(),
                    result,
                }]
            }),
            Effect::SumFiles(files) => {
                drop(self.summing.borrow_mut().take());
                let run = self.sum_run.get() + 1;
                self.sum_run.set(run);
                let me = self.me.clone();
                let on_page = files.clone();
                let job = browser::sum::sum_in_worker(
                    &files,
                    Core::sum_progress(&self.me, run),
                    move |summed| {
                        let Some(core) = Core::in_run(&me, run) else {
                            return;
                        };
                        core.summing.borrow_mut().take();
                        match summed {
                            WorkerSum::Total(total) => core.summed(Ok(*total)),
                            WorkerSum::Failed(why) => core.summed(Err(why)),
                            WorkerSum::NoWorker => core.sum_on_page(on_page, run),
                        }
                    },
                );
                match job {
                    Some(job) => *self.summing.borrow_mut() = Some(job),
                    // no worker here (the single file): the page reads and sums the files itself
                    None => self.sum_on_page(files, run),
                }
            }
            Effect::StopSum => {
                self.sum_run.set(self.sum_run.get() + 1);
                drop(self.summing.borrow_mut().take());
            }
            Effect::ReadFiles { files, purpose } => {
                // an Excel workbook among files to open is a table to import, not a plan
                // file; dropped together with plan files it waits (the plans open first)
                let (files, not_now) = if purpose == super::state::Purpose::Import {
                    let (files, books) = files.split_workbooks();
                    if files.is_empty() {
                        self.dispatch(Action::Workbooks {
                            names: books.names(),
                            files: books,
                        });
                        return;
                    }
                    (files, books.names())
                } else {
                    (files, Vec::new())
                };
                let me = self.me.clone();
                spawn_local(async move {
                    let mut read = browser::read_files(files).await;
                    read.errors
                        .extend(not_now.into_iter().map(|file| browser::ImportError {
                            file,
                            item: None,
                            error: file::ReadError::WorkbookNotNow,
                        }));
                    if let Some(core) = me.upgrade() {
                        core.dispatch(Action::FilesRead { purpose, read });
                    }
                });
            }
            Effect::Download(Download::Json(p)) => {
                let text = file::to_json(&p, VERSION, &browser::now());
                let done = browser::download(
                    &format!("{}.chitieu.json", crate::text::slug(&p.title)),
                    "application/json",
                    &text,
                );
                self.download_done(done);
            }
            Effect::Download(Download::Backup) => self.with_store(|store, _| async move {
                let now = browser::now();
                let result = match store {
                    Ok(store) => store.backup().await.and_then(|b| {
                        let text = file::bundle::to_json(&b.plans, &b.collections, VERSION, &now);
                        let name = format!(
                            "chitieu-sao-luu-{}.json",
                            now.get(..10).unwrap_or("ban-sao")
                        );
                        browser::download(&name, "application/json", &text).map_err(|reason| {
                            StoreError::Refused {
                                full: false,
                                reason,
                            }
                        })
                    }),
                    Err(e) => Err(e),
                };
                result
                    .err()
                    .map(|e| Action::Done {
                        op: Op::Backup,
                        result: Err(e),
                    })
                    .into_iter()
                    .collect()
            }),
            Effect::AskPersist => {
                let me = self.me.clone();
                spawn_local(async move {
                    let persisted = browser::persist().await;
                    let usage = browser::usage().await;
                    if let Some(core) = me.upgrade() {
                        core.dispatch(Action::Usage { usage, persisted });
                    }
                });
            }
            Effect::MeasureUsage => {
                let me = self.me.clone();
                spawn_local(async move {
                    let (usage, persisted) = (browser::usage().await, browser::persisted().await);
                    if let Some(core) = me.upgrade() {
                        core.dispatch(Action::Usage { usage, persisted });
                    }
                });
            }
            Effect::Download(Download::File { name, mime, bytes }) => {
                self.download_done(browser::download_bytes(&name, &mime, &bytes));
            }
            Effect::Download(what @ (Download::WithApp(_) | Download::App)) => {
                let me = self.me.clone();
                spawn_local(async move {
                    // the app as one file: this very file when it runs from one, else from its own origin
                    let app = browser::shell::app_file().await.ok();
                    let (name, plan) = match &what {
                        Download::WithApp(p) => (
                            format!("{}.chitieu.html", crate::text::slug(&p.title)),
                            Some(file::to_json(p, VERSION, &browser::now())),
                        ),
                        _ => ("chitieu.html".to_string(), None),
                    };
                    let done = app
                        .and_then(|app| file::single::with_plan(&app, plan.as_deref()))
                        .is_some_and(|text| browser::download(&name, "text/html", &text).is_ok());
                    if let (false, Some(core)) = (done, me.upgrade()) {
                        core.dispatch(Action::Notify(Notice::AppFileFailed));
                    }
                });
            }
            Effect::RememberAnswer(fingerprint) => browser::shell::remember_answer(&fingerprint),
            Effect::ApplyUpdate => browser::shell::apply_update(),
            Effect::Print => browser::print(),
            Effect::Reload => browser::reload(),
            Effect::SaveCollection { parent, files } => {
                self.with_store(move |store, _| async move {
                    let now = Now::current();
                    let refs: Vec<&crate::plan::Plan> = files.iter().map(|p| p.as_ref()).collect();
                    let result = match store {
                        Ok(store) => store.save_collection(&parent, &refs, &now, VERSION).await,
                        Err(e) => Err(e),
                    };
                    result
                        .err()
                        .map(|e| Action::Done {
                            op: Op::Import,
                            result: Err(e),
                        })
                        .into_iter()
                        .collect()
                })
            }
            Effect::ReadCollection(parent) => self.with_store(move |store, _| async move {
                let result = match store {
                    Ok(store) => store.collection(&parent).await,
                    Err(e) => Err(e),
                };
                vec![Action::CollectionRead { parent, result }]
            }),
            Effect::Office {
                call,
                plan,
                lang,
                period,
            } => {
                let json = file::to_json(&plan, VERSION, "");
                let failed = lang.t(M::OfficeFailed);
                match call {
                    Office::Import(_) | Office::Workbook(_) => {
                        let (pasted, workbook) = match call {
                            Office::Import(pasted) => (pasted, None),
                            Office::Workbook(files) => (None, Some(files)),
                            Office::Export => (None, None),
                        };
                        let (text, html) = pasted.unwrap_or_default();
                        let ids = browser::new_id("i");
                        let me = self.me.clone();
                        let fields = [
                            ("plan", json.as_str()),
                            ("lang", lang.code()),
                            ("ids", &ids),
                            ("text", &text),
                            ("html", &html),
                        ];
                        browser::office::import_table(
                            &fields,
                            workbook.as_ref(),
                            failed,
                            move |plan| {
                                if let (Ok(p), Some(core)) = (file::from_json(&plan), me.upgrade())
                                {
                                    core.dispatch(Action::TableImported(Rc::new(p)));
                                }
                            },
                        );
                    }
                    Office::Export => {
                        let (period, today) = (period.to_string(), browser::today().to_string());
                        browser::office::export_files(
                            &[
                                ("plan", &json),
                                ("lang", lang.code()),
                                ("period", &period),
                                ("today", &today),
                            ],
                            failed,
                        );
                    }
                }
            }
            Effect::LoadUnits => {
                let me = self.me.clone();
                spawn_local(async move {
                    let result = browser::unit_list().await;
                    if let Some(core) = me.upgrade() {
                        core.dispatch(Action::UnitsLoaded(result));
                    }
                });
            }
        }
    }

    /// Start-up: join the other tabs, listen to the page, open the store, move
    /// an earlier version's plans into it, read the list and the plan this tab
    /// showed.
    fn start(&self) {
        let dispatch = self.dispatcher();
        let lang = self.state.borrow().lang;
        self.run(Effect::ShowLang(lang));
        let tabs = {
            let d = dispatch.clone();
            Tabs::join(browser::new_id("t"), move |news| {
                d.emit(Action::Elsewhere(news))
            })
        };
        *self.tabs.borrow_mut() = Some(Rc::new(tabs));
        let mut listeners = Vec::new();
        {
            let d = dispatch.clone();
            listeners.push(browser::on_undo_keys(move |redo| {
                d.emit(if redo { Action::Redo } else { Action::Undo })
            }));
        }
        {
            let (d1, d2) = (dispatch.clone(), dispatch.clone());
            listeners.extend(browser::on_drop_files(
                move |on| d1.emit(Action::Dragging(on)),
                move |files| {
                    d2.emit(Action::FilesChosen {
                        files,
                        purpose: super::state::Purpose::Import,
                    })
                },
            ));
        }
        {
            // a table pasted outside a field is imported onto an empty plan (`apply` decides)
            let d = dispatch.clone();
            listeners.push(browser::office::on_paste(move |text, html| {
                d.emit(Action::Office(super::state::Office::Import(Some((
                    text, html,
                )))))
            }));
        }
        {
            let d = dispatch.clone();
            listeners.push(browser::on_leaving(move || d.emit(Action::Leaving)));
        }
        {
            let d = dispatch.clone();
            listeners.push(browser::on_visible(move || d.emit(Action::Shown)));
        }
        {
            // a new version of the app, installed in the background, waits to take over
            let d = dispatch.clone();
            listeners.push(browser::shell::on_update_ready(move || {
                d.emit(Action::UpdateReady)
            }));
            if browser::shell::update_ready() {
                dispatch.emit(Action::UpdateReady);
            }
        }
        {
            // a plan storage refused, or a clash not yet settled, asks before the tab goes
            let me = self.me.clone();
            listeners.push(browser::on_before_unload(move || {
                me.upgrade().is_some_and(|core| {
                    let s = core.state.borrow();
                    (s.failing.is_some() && s.dirty().is_some())
                        || s.clash.is_some()
                        || s.unsaved.is_some()
                        || (s.not_kept && !s.undo.is_empty())
                })
            }));
        }
        *self.listeners.borrow_mut() = listeners;
        *self.focus.borrow_mut() = browser::keep_focus();
        let me = self.me.clone();
        // the plan a single file carries, unless this tab is being reloaded
        let carried_text = if browser::remembered_in_tab() {
            None
        } else {
            browser::shell::carried_plan()
        };
        spawn_local(async move {
            let now = Now::current();
            let closed = dispatch.clone();
            let opened = Store::open(move || closed.emit(Action::StorageClosed)).await;
            let boot = match &opened {
                Ok(store) => {
                    let moved = store.move_from_local_storage(&now).await;
                    let listed = match &moved {
                        Ok(_) => store.list(&now).await,
                        Err(e) => Err(e.clone()),
                    };
                    let mut carried = carried_text.as_deref().map(carried);
                    let open = match browser::remembered_plan() {
                        Some(id) if listed.is_ok() && carried.is_none() => {
                            Some(store.open_plan(&id, &now).await)
                        }
                        _ => None,
                    };
                    if let Some(Carried {
                        read: Ok(plan),
                        stored,
                        ..
                    }) = carried.as_mut()
                    {
                        if listed
                            .as_ref()
                            .is_ok_and(|l| l.entries.iter().any(|e| e.id == plan.id))
                        {
                            *stored = store.open_plan(&plan.id, &now).await.ok();
                        }
                    }
                    Boot {
                        listed,
                        open,
                        moved: moved.unwrap_or_default(),
                        carried,
                        this_year: browser::this_year(),
                        today: browser::today(),
                    }
                }
                Err(e) => Boot {
                    listed: Err(e.clone()),
                    open: None,
                    moved: Default::default(),
                    carried: carried_text.as_deref().map(carried),
                    this_year: browser::this_year(),
                    today: browser::today(),
                },
            };
            let Some(core) = me.upgrade() else {
                if let Ok(store) = opened {
                    store.close();
                }
                return;
            };
            *core.store.borrow_mut() = Some(opened);
            if let Some(done) = core.open_done.borrow_mut().take() {
                let _ = done.call0(&wasm_bindgen::JsValue::UNDEFINED);
            }
            core.dispatch(Action::Booted(Box::new(boot)));
        });
    }

    /// The app is going (unmounted): let go of everything it holds.
    fn stop(&self) {
        self.gone.set(true);
        self.listeners.borrow_mut().clear();
        self.focus.borrow_mut().take();
        self.timer.borrow_mut().take();
        if let Some(tabs) = self.tabs.borrow_mut().take() {
            tabs.leave();
        }
        if let Some(Ok(store)) = self.store.borrow().as_ref() {
            store.close();
        }
    }
}

/// The plan a single file carries, read; whether it is stored is found out after.
fn carried(text: &str) -> Carried {
    let fingerprint = file::single::fingerprint(text);
    Carried {
        file: browser::shell::page_name(),
        read: file::read_with_parent(text).map(|(plan, _)| Rc::new(plan)),
        answered: browser::shell::was_answered(&fingerprint),
        fingerprint,
        stored: None,
    }
}

/// The actions after a write of one plan (rename, duplicate): the outcome and
/// the list as it now is; the other tabs are told.
async fn stored_one(
    store: &Store,
    result: Result<browser::PlanEntry, StoreError>,
    op: Op,
    tabs: Option<Rc<Tabs>>,
) -> Vec<Action> {
    if let (Ok(e), Some(tabs)) = (&result, tabs) {
        tabs.tell(&News::Saved {
            id: e.id.clone(),
            revision: e.revision,
        });
    }
    let mut out = vec![Action::Done {
        op,
        result: result.map(|_| ()),
    }];
    out.push(relist(store).await);
    out
}

/// The list as storage holds it now.
/// The plan list read again, or why it could not be (said, never dropped).
async fn relist(store: &Store) -> Action {
    match store.list(&Now::current()).await {
        Ok(listed) => Action::Listed(listed),
        Err(e) => Action::Done {
            op: Op::List,
            result: Err(e),
        },
    }
}

/// The app's state and the one way to change it.
#[hook]
pub fn use_app() -> (Rc<State>, Callback<Action>) {
    let rerender = use_force_update();
    let core = use_memo((), |_| Core::new());
    if core.rerender.borrow().is_none() {
        *core.rerender.borrow_mut() = Some(rerender);
    }
    {
        let core = core.clone();
        use_effect_with((), move |_| {
            core.start();
            move || core.stop()
        });
    }
    let dispatch = use_memo((), {
        let core = core.clone();
        move |_| core.dispatcher()
    });
    let state = core.state.borrow().clone();
    (state, (*dispatch).clone())
}
