//! Plans in the browser's IndexedDB (database `chitieu`), six object stores:
//!
//! - `plans`: each plan's file text, exactly what an export writes, by plan id;
//! - `list`: one small entry per plan (title, unit, level, period, when it was
//!   saved, its size and revision), so the start screen never reads whole plans;
//! - `versions`: earlier versions of each plan (when, why, what changed), by
//!   (plan id, number), and `version_texts`: their file texts, by the same key;
//! - `aside`: stored data that could not be read, kept and never deleted;
//! - `collections`: the files a plan's sub-units sent back, collected against
//!   it, by the plan's id (since version 2 of the database).
//!
//! Every stored plan carries a revision number in its entry. A write names the
//! revision it replaces and is refused when the store holds another one (a
//! newer save from another tab), so no edit is ever overwritten unseen. Each
//! operation is one transaction: it happens completely or not at all.

use super::idb::{self, Db, DbError, Key};
use crate::calc::{changes, Changes};
use crate::file;
use crate::plan::{Level, Plan};
use serde::{Deserialize, Serialize};
use std::future::Future;
use std::rc::Rc;

pub const DB_NAME: &str = "chitieu";
const DB_VERSION: u32 = 2;
const PLANS: &str = "plans";
const LIST: &str = "list";
const VERSIONS: &str = "versions";
const TEXTS: &str = "version_texts";
const ASIDE: &str = "aside";
const COLLECTIONS: &str = "collections";
const ALL: [&str; 6] = [PLANS, LIST, VERSIONS, TEXTS, ASIDE, COLLECTIONS];

/// A plan keeps at most this many earlier versions …
pub const MAX_VERSIONS: usize = 30;
/// … taking at most this much room together; the oldest go first.
pub const MAX_VERSION_BYTES: u64 = 25 * 1024 * 1024;
/// A version is kept when a plan is opened this long after its last save, and
/// at most once this often while it is being edited.
pub const QUIET_MS: f64 = 60.0 * 60.0 * 1000.0;

/// A moment, as stored (RFC 3339, UTC) and as milliseconds since 1970.
#[derive(Clone, Debug, PartialEq)]
pub struct Now {
    pub iso: String,
    pub ms: f64,
}

impl Now {
    pub fn current() -> Now {
        let d = js_sys::Date::new_0();
        Now {
            iso: String::from(d.to_iso_string()),
            ms: d.get_time(),
        }
    }

    /// A given moment (tests step through time with it).
    pub fn at(iso: &str) -> Now {
        Now {
            iso: iso.to_string(),
            ms: ms_of(iso),
        }
    }
}

fn ms_of(iso: &str) -> f64 {
    js_sys::Date::parse(iso)
}

/// A plan in the "my plans" list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlanEntry {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub unit: String,
    #[serde(default)]
    pub level: Level,
    pub start: i32,
    pub end: i32,
    /// when it was last saved (RFC 3339)
    pub updated: String,
    /// the stored plan file's size in bytes
    pub size: u64,
    /// counts every save; a write that names an older one is refused
    pub revision: u64,
    /// when history last kept a version of it, or it was first stored (ms)
    #[serde(default)]
    pub checkpoint: f64,
    /// which open page stored this revision (a mark drawn when the page
    /// opened the store): a save chained after this page's own save under way
    /// must find that save's revision, not another tab's with the same number
    #[serde(default)]
    pub writer: String,
}

impl PlanEntry {
    fn of(plan: &Plan, text: &str, revision: u64, updated: &str, checkpoint: f64) -> PlanEntry {
        PlanEntry {
            id: plan.id.clone(),
            title: plan.title.clone(),
            unit: plan.unit.name.clone(),
            level: plan.unit.level,
            start: plan.period.start,
            end: plan.period.end,
            updated: updated.to_string(),
            size: text.len() as u64,
            revision,
            checkpoint,
            writer: String::new(),
        }
    }
}

/// Why a version was kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Why {
    /// the plan was opened an hour or more after its last save
    Opened,
    /// an hour of editing went by
    Hourly,
    /// an imported file was about to replace it
    BeforeImport,
    /// an earlier version was about to be restored over it
    BeforeRestore,
    /// this tab's changes, set aside for another tab's version
    OtherTab,
}

/// An earlier version of a plan, as the history lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Version {
    pub plan: String,
    pub seq: u32,
    /// when it was kept (RFC 3339)
    pub kept: String,
    pub why: Why,
    /// the stored revision it is, when it is one
    pub revision: Option<u64>,
    pub title: String,
    pub size: u64,
    pub indicators: usize,
    /// what changed since the version before it (`None` for the oldest kept)
    pub changes: Option<Changes>,
}

/// Why storage could not do what was asked.
#[derive(Clone, Debug, PartialEq)]
pub enum StoreError {
    /// this browser offers no IndexedDB here (switched off, or a private window)
    Unavailable,
    /// the browser refused to write; `full` when the quota is used up
    Refused { full: bool, reason: String },
    /// another tab stored a newer revision of this plan
    Newer { revision: u64, updated: String },
    /// the plan (or version) is not stored, or no longer
    Missing,
    /// the stored data could not be read; it was kept aside under this key
    Unreadable { kept_aside: String },
}

impl From<DbError> for StoreError {
    fn from(e: DbError) -> StoreError {
        StoreError::Refused {
            full: e.is_quota(),
            reason: e.0,
        }
    }
}

/// A stored plan, read.
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    pub plan: Plan,
    pub entry: PlanEntry,
}

/// What the list holds, and what had to be kept aside to read it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Listed {
    pub entries: Vec<PlanEntry>,
    pub kept_aside: Vec<String>,
}

/// Everything a backup carries.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Backup {
    pub plans: Vec<String>,
    /// (plan id, the texts of the files collected against it), in the order of the ids
    pub collections: Vec<(String, Vec<String>)>,
}

/// What moving the plans out of local storage did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Moved {
    pub plans: usize,
    pub kept_aside: Vec<String>,
}

/// The stores of one transaction.
struct Stores {
    /// the mark of the page writing (`Store::writer`)
    writer: Rc<str>,
    plans: idb::Store,
    list: idb::Store,
    versions: idb::Store,
    texts: idb::Store,
    aside: idb::Store,
    collections: idb::Store,
}

impl Stores {
    async fn entry(&self, id: &str) -> Result<Option<PlanEntry>, StoreError> {
        Ok(self
            .list
            .get(Key::Id(id))
            .await?
            .and_then(|t| serde_json::from_str(&t).ok()))
    }

    async fn put_entry(&self, e: &PlanEntry) -> Result<(), StoreError> {
        let text = serde_json::to_string(e).expect("an entry always serializes");
        Ok(self.list.put(Key::Id(&e.id), &text).await?)
    }

    /// Writes a plan's text and entry.
    async fn put_plan(
        &self,
        plan: &Plan,
        text: &str,
        revision: u64,
        updated: &str,
        checkpoint: f64,
    ) -> Result<PlanEntry, StoreError> {
        self.plans.put(Key::Id(&plan.id), text).await?;
        let entry = PlanEntry {
            writer: self.writer.to_string(),
            ..PlanEntry::of(plan, text, revision, updated, checkpoint)
        };
        self.put_entry(&entry).await?;
        Ok(entry)
    }

    /// The stored text and plan; an unreadable one is kept aside and its
    /// entry removed.
    async fn read(&self, id: &str, now: &Now) -> Result<(String, Plan), StoreError> {
        let text = self
            .plans
            .get(Key::Id(id))
            .await?
            .ok_or(StoreError::Missing)?;
        match file::from_json(&text) {
            Ok(plan) => Ok((text, plan)),
            Err(_) => {
                let kept_aside = self
                    .keep_aside(&format!("{PLANS}.{id}"), &text, now)
                    .await?;
                self.plans.delete(Key::Id(id)).await?;
                self.list.delete(Key::Id(id)).await?;
                Err(StoreError::Unreadable { kept_aside })
            }
        }
    }

    async fn keep_aside(&self, what: &str, text: &str, now: &Now) -> Result<String, StoreError> {
        let key = format!("{}.{what}", now.ms as u64);
        self.aside.put(Key::Id(&key), text).await?;
        Ok(key)
    }

    async fn versions_of(&self, id: &str) -> Result<Vec<Version>, StoreError> {
        Ok(self
            .versions
            .values_of(id)
            .await?
            .iter()
            .filter_map(|t| serde_json::from_str(t).ok())
            .collect())
    }

    /// Keeps `text` (the file of `plan`) as the newest version, then drops
    /// the oldest beyond the bounds. A stored revision already kept as the
    /// newest version is not kept twice.
    async fn keep_version(
        &self,
        text: &str,
        plan: &Plan,
        why: Why,
        revision: Option<u64>,
        now: &Now,
    ) -> Result<(), StoreError> {
        let id = plan.id.as_str();
        let mut kept = self.versions_of(id).await?;
        let newest = kept.last().cloned();
        if revision.is_some() && newest.as_ref().is_some_and(|v| v.revision == revision) {
            return Ok(());
        }
        let changes = match &newest {
            None => None,
            Some(v) => match self.texts.get(Key::Pair(id, f64::from(v.seq))).await? {
                Some(t) => file::from_json(&t)
                    .ok()
                    .map(|before| changes(&before, plan)),
                None => None,
            },
        };
        let seq = newest.map_or(1, |v| v.seq + 1);
        let version = Version {
            plan: id.to_string(),
            seq,
            kept: now.iso.clone(),
            why,
            revision,
            title: plan.title.clone(),
            size: text.len() as u64,
            indicators: plan.indicators.len(),
            changes,
        };
        self.versions
            .put(
                Key::Pair(id, f64::from(seq)),
                &serde_json::to_string(&version).expect("a version always serializes"),
            )
            .await?;
        self.texts.put(Key::Pair(id, f64::from(seq)), text).await?;
        kept.push(version);
        let sizes: Vec<u64> = kept.iter().map(|v| v.size).collect();
        for v in &kept[..beyond_bounds(&sizes)] {
            self.versions
                .delete(Key::Pair(id, f64::from(v.seq)))
                .await?;
            self.texts.delete(Key::Pair(id, f64::from(v.seq))).await?;
        }
        Ok(())
    }
}

/// How many of the oldest versions (sizes oldest first) must go to keep
/// within the bounds; the newest always stays.
fn beyond_bounds(sizes: &[u64]) -> usize {
    let mut bytes: u64 = sizes.iter().sum();
    let mut drop = 0;
    while sizes.len() - drop > 1 && (sizes.len() - drop > MAX_VERSIONS || bytes > MAX_VERSION_BYTES)
    {
        bytes -= sizes[drop];
        drop += 1;
    }
    drop
}

/// What a write expects to replace: the stored revision `expect` (`None`: no
/// plan stored yet); `after_own`: the write is chained after this page's save
/// under way, whose revision `expect` names, so that revision must be this
/// page's own (when that save was refused because another tab stored the same
/// number first, the chained write is refused too).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Over {
    pub expect: Option<u64>,
    pub after_own: bool,
}

impl Over {
    /// Over the stored revision `expect`, whoever stored it.
    pub fn revision(expect: Option<u64>) -> Over {
        Over {
            expect,
            after_own: false,
        }
    }
}

/// Whether a stored entry is `expect` (`None`: the plan must not be stored
/// yet); `own`: and that this page stored it (`PlanEntry::writer`).
fn check(
    entry: Option<&PlanEntry>,
    expect: Option<u64>,
    own: Option<&str>,
) -> Result<(), StoreError> {
    match (entry, expect) {
        (None, None) => Ok(()),
        (Some(e), Some(r)) if e.revision == r && own.is_none_or(|w| e.writer == w) => Ok(()),
        (Some(e), _) => Err(StoreError::Newer {
            revision: e.revision,
            updated: e.updated.clone(),
        }),
        (None, Some(_)) => Err(StoreError::Missing),
    }
}

/// The plan as stored now: stamped with the time of this save.
fn stamped(plan: &Plan, now: &Now, app_version: &str) -> (Plan, String) {
    let mut p = plan.clone();
    p.updated = now.iso.clone();
    if p.created.is_empty() {
        p.created = now.iso.clone();
    }
    let text = file::to_json(&p, app_version, &now.iso);
    (p, text)
}

/// Ends a transaction: waits until what it wrote is stored, or, after an
/// error, undoes it and reports the browser's own reason when it had one.
async fn end(tx: idb::Tx, outcome: Result<(), StoreError>) -> Result<(), StoreError> {
    match outcome {
        Ok(()) => Ok(tx.done().await?),
        Err(e) => {
            let reason = tx.abort().await;
            Err(match (reason, e) {
                (Some(own), StoreError::Refused { .. }) => own.into(),
                (_, e) => e,
            })
        }
    }
}

fn by_latest(mut entries: Vec<PlanEntry>) -> Vec<PlanEntry> {
    crate::sort::sort_by(&mut entries, |a, b| {
        b.updated
            .cmp(&a.updated)
            .then_with(|| a.title.cmp(&b.title))
    });
    entries
}

/// The plan store: a handle on the open database, cheap to clone.
#[derive(Clone, Debug, PartialEq)]
pub struct Store {
    db: Db,
    /// this page's mark on what it stores (see `PlanEntry::writer`)
    writer: Rc<str>,
}

fn upgrade(db: &web_sys::IdbDatabase, old: u32) {
    if old < 1 {
        for name in [PLANS, LIST, VERSIONS, TEXTS, ASIDE] {
            let _ = db.create_object_store(name);
        }
    }
    if old < 2 {
        let _ = db.create_object_store(COLLECTIONS);
    }
}

impl Store {
    /// Opens the page's plan store; `on_close` is told when another tab
    /// upgrades or deletes the database and this handle stops working.
    pub async fn open(on_close: impl Fn() + 'static) -> Result<Store, StoreError> {
        let factory = idb::factory().ok_or(StoreError::Unavailable)?;
        Store::open_in(&factory, DB_NAME, on_close).await
    }

    /// Opens a named store in a given IndexedDB (tests use their own).
    pub async fn open_in(
        factory: &web_sys::IdbFactory,
        name: &str,
        on_close: impl Fn() + 'static,
    ) -> Result<Store, StoreError> {
        let db = idb::open(factory, name, DB_VERSION, upgrade, on_close)
            .await
            .map_err(|e| match e.0.as_str() {
                "QuotaExceededError" => StoreError::from(e),
                _ => StoreError::Unavailable,
            })?;
        // unique enough among the tabs of one browser
        let writer = format!(
            "{:x}{:x}",
            js_sys::Date::now() as u64,
            (js_sys::Math::random() * 4_294_967_296.0) as u64
        );
        Ok(Store {
            db,
            writer: Rc::from(writer),
        })
    }

    pub fn close(&self) {
        self.db.close();
    }

    /// Runs `body` in one transaction over every store: on an error nothing
    /// it wrote is kept, and the browser's own reason is reported.
    async fn run<T, F, Fut>(&self, write: bool, body: F) -> Result<T, StoreError>
    where
        F: FnOnce(Stores) -> Fut,
        Fut: Future<Output = Result<T, StoreError>>,
    {
        let (tx, stores) = self.begin(write)?;
        let outcome = body(stores).await;
        // the outcome's kind alone goes through the shared ending; the value waits here
        let (ok, value) = match outcome {
            Ok(v) => (Ok(()), Some(v)),
            Err(e) => (Err(e), None),
        };
        end(tx, ok)
            .await
            .map(|()| value.expect("a value when the body succeeded"))
    }

    /// A transaction over every store.
    #[inline(never)]
    fn begin(&self, write: bool) -> Result<(idb::Tx, Stores), StoreError> {
        let tx = if write {
            self.db.write(&ALL)
        } else {
            self.db.read(&ALL)
        }?;
        let stores = Stores {
            writer: self.writer.clone(),
            plans: tx.store(PLANS)?,
            list: tx.store(LIST)?,
            versions: tx.store(VERSIONS)?,
            texts: tx.store(TEXTS)?,
            aside: tx.store(ASIDE)?,
            collections: tx.store(COLLECTIONS)?,
        };
        Ok((tx, stores))
    }

    /// The "my plans" list, latest first. Entries and plans that do not match
    /// are mended: a plan without an entry gets one, an entry without a plan
    /// goes, an unreadable plan is kept aside.
    pub async fn list(&self, now: &Now) -> Result<Listed, StoreError> {
        let (ids, keys, entries) = self
            .run(false, |s| async move {
                let entries: Vec<Option<PlanEntry>> = s
                    .list
                    .values()
                    .await?
                    .iter()
                    .map(|t| serde_json::from_str(t).ok())
                    .collect();
                Ok((s.plans.ids().await?, s.list.ids().await?, entries))
            })
            .await?;
        let sound = ids.len() == entries.len()
            && keys == ids
            && entries
                .iter()
                .zip(&ids)
                .all(|(e, id)| e.as_ref().is_some_and(|e| &e.id == id));
        if sound {
            return Ok(Listed {
                entries: by_latest(entries.into_iter().flatten().collect()),
                kept_aside: Vec::new(),
            });
        }
        self.run(true, |s| async move {
            let mut listed = Listed::default();
            for id in &keys {
                if !ids.contains(id) {
                    s.list.delete(Key::Id(id)).await?;
                }
            }
            for id in &ids {
                match s.entry(id).await? {
                    Some(e) if &e.id == id => listed.entries.push(e),
                    _ => match s.read(id, now).await {
                        Ok((text, plan)) => {
                            let updated = if plan.updated.is_empty() {
                                now.iso.clone()
                            } else {
                                plan.updated.clone()
                            };
                            let e = PlanEntry::of(&plan, &text, 1, &updated, now.ms);
                            s.put_entry(&e).await?;
                            listed.entries.push(e);
                        }
                        Err(StoreError::Unreadable { kept_aside }) => {
                            listed.kept_aside.push(kept_aside)
                        }
                        Err(e) => return Err(e),
                    },
                }
            }
            listed.entries = by_latest(listed.entries);
            Ok(listed)
        })
        .await
    }

    /// Reads a stored plan to open it. When it was last saved an hour or more
    /// ago, that version is kept in its history first.
    pub async fn open_plan(&self, id: &str, now: &Now) -> Result<Stored, StoreError> {
        self.run(true, |s| async move {
            let mut entry = s.entry(id).await?.ok_or(StoreError::Missing)?;
            let (text, plan) = s.read(id, now).await?;
            if now.ms - ms_of(&entry.updated) >= QUIET_MS {
                s.keep_version(&text, &plan, Why::Opened, Some(entry.revision), now)
                    .await?;
                entry.checkpoint = now.ms;
                s.put_entry(&entry).await?;
            }
            Ok(Stored { plan, entry })
        })
        .await
    }

    /// Reads a stored plan without touching its history (a parent plan, a
    /// newer version saved by another tab).
    pub async fn read_plan(&self, id: &str, now: &Now) -> Result<Stored, StoreError> {
        self.run(true, |s| async move {
            let entry = s.entry(id).await?.ok_or(StoreError::Missing)?;
            let (_, plan) = s.read(id, now).await?;
            Ok(Stored { plan, entry })
        })
        .await
    }

    /// Saves a plan over revision `expect` (`None`: a plan not stored yet).
    /// Refused with `Newer` when the store holds another revision. Once an
    /// hour of editing, the revision it replaces is kept as a version.
    /// Stores the plan over what `over` names.
    pub async fn save(
        &self,
        plan: &Plan,
        over: Over,
        now: &Now,
        app_version: &str,
    ) -> Result<PlanEntry, StoreError> {
        self.run(true, |s| async move {
            let old = s.entry(&plan.id).await?;
            let own = over.after_own.then_some(&*s.writer);
            check(old.as_ref(), over.expect, own)?;
            let mut checkpoint = now.ms;
            if let Some(old) = &old {
                checkpoint = old.checkpoint;
                if now.ms - old.checkpoint >= QUIET_MS {
                    if let Ok((text, before)) = s.read(&plan.id, now).await {
                        s.keep_version(&text, &before, Why::Hourly, Some(old.revision), now)
                            .await?;
                    }
                    checkpoint = now.ms;
                }
            }
            let (stamped, text) = stamped(plan, now, app_version);
            s.put_plan(
                &stamped,
                &text,
                old.map_or(1, |o| o.revision + 1),
                &now.iso,
                checkpoint,
            )
            .await
        })
        .await
    }

    /// Stores plans that came from files. A plan already stored is kept as a
    /// version first, then replaced. `verbatim` plans (from a backup) are
    /// stored as the very text given; others are stamped with this save. A
    /// backup's `collection` of a plan (its files' texts) is stored beside it,
    /// in place of the one stored; a plan without one keeps what is stored.
    pub async fn store_files(
        &self,
        plans: &[(&Plan, Option<&str>, Option<&[Rc<str>]>)],
        now: &Now,
        app_version: &str,
    ) -> Result<Vec<PlanEntry>, StoreError> {
        self.run(true, |s| async move {
            let mut out = Vec::new();
            for (plan, verbatim, collection) in plans {
                if let Some(files) = collection {
                    let texts: Vec<&str> = files.iter().map(|t| t.as_ref()).collect();
                    let text = serde_json::to_string(&texts).expect("texts always serialize");
                    s.collections.put(Key::Id(&plan.id), &text).await?;
                }
                let old = s.entry(&plan.id).await?;
                if let Some(old) = &old {
                    if let Ok((text, before)) = s.read(&plan.id, now).await {
                        s.keep_version(&text, &before, Why::BeforeImport, Some(old.revision), now)
                            .await?;
                    }
                }
                let revision = old.map_or(1, |o| o.revision + 1);
                let e = match verbatim {
                    Some(text) => {
                        let updated = if plan.updated.is_empty() {
                            now.iso.clone()
                        } else {
                            plan.updated.clone()
                        };
                        s.put_plan(plan, text, revision, &updated, now.ms).await?
                    }
                    None => {
                        let (stamped, text) = stamped(plan, now, app_version);
                        s.put_plan(&stamped, &text, revision, &now.iso, now.ms)
                            .await?
                    }
                };
                out.push(e);
            }
            Ok(out)
        })
        .await
    }

    /// Gives a stored plan a new title.
    pub async fn rename(
        &self,
        id: &str,
        title: &str,
        now: &Now,
        app_version: &str,
    ) -> Result<PlanEntry, StoreError> {
        self.run(true, |s| async move {
            let old = s.entry(id).await?.ok_or(StoreError::Missing)?;
            let (_, mut plan) = s.read(id, now).await?;
            plan.title = title.to_string();
            let (stamped, text) = stamped(&plan, now, app_version);
            s.put_plan(&stamped, &text, old.revision + 1, &now.iso, old.checkpoint)
                .await
        })
        .await
    }

    /// Stores a copy of a stored plan under a new id, its title marked.
    pub async fn duplicate(
        &self,
        id: &str,
        new_id: &str,
        suffix: &str,
        now: &Now,
        app_version: &str,
    ) -> Result<PlanEntry, StoreError> {
        self.run(true, |s| async move {
            let (_, mut plan) = s.read(id, now).await?;
            plan.id = new_id.to_string();
            plan.title = format!("{} {suffix}", plan.title);
            plan.created = now.iso.clone();
            check(s.entry(new_id).await?.as_ref(), None, None)?;
            let (stamped, text) = stamped(&plan, now, app_version);
            s.put_plan(&stamped, &text, 1, &now.iso, now.ms).await
        })
        .await
    }

    /// Removes a plan, its entry and its history.
    pub async fn delete(&self, id: &str) -> Result<(), StoreError> {
        self.run(true, |s| async move {
            s.plans.delete(Key::Id(id)).await?;
            s.list.delete(Key::Id(id)).await?;
            s.versions.delete_all_of(id).await?;
            s.texts.delete_all_of(id).await?;
            s.collections.delete(Key::Id(id)).await?;
            Ok(())
        })
        .await
    }

    /// Settles a clash with another tab in this tab's favour: the other tab's
    /// revision `theirs` is kept as a copy (new id, title marked) and `mine`
    /// is stored over it. Refused with `Newer` if yet another save came.
    pub async fn keep_mine(
        &self,
        mine: &Plan,
        theirs: u64,
        copy_id: &str,
        suffix: &str,
        now: &Now,
        app_version: &str,
    ) -> Result<(PlanEntry, PlanEntry), StoreError> {
        self.run(true, |s| async move {
            let old = s.entry(&mine.id).await?;
            check(old.as_ref(), Some(theirs), None)?;
            let checkpoint = old.map_or(now.ms, |o| o.checkpoint);
            let (_, mut copy) = s.read(&mine.id, now).await?;
            copy.id = copy_id.to_string();
            copy.title = format!("{} {suffix}", copy.title);
            let (copy, copy_text) = stamped(&copy, now, app_version);
            let copy_entry = s.put_plan(&copy, &copy_text, 1, &now.iso, now.ms).await?;
            let (stamped, text) = stamped(mine, now, app_version);
            let entry = s
                .put_plan(&stamped, &text, theirs + 1, &now.iso, checkpoint)
                .await?;
            Ok((entry, copy_entry))
        })
        .await
    }

    /// Keeps a plan as it is on screen in its history (this tab's changes,
    /// before another tab's version replaces them on screen).
    pub async fn keep_as_version(
        &self,
        plan: &Plan,
        why: Why,
        now: &Now,
        app_version: &str,
    ) -> Result<(), StoreError> {
        self.run(true, |s| async move {
            let (stamped, text) = stamped(plan, now, app_version);
            s.keep_version(&text, &stamped, why, None, now).await
        })
        .await
    }

    /// A plan's earlier versions, oldest first.
    pub async fn versions(&self, id: &str) -> Result<Vec<Version>, StoreError> {
        self.run(false, |s| async move { s.versions_of(id).await })
            .await
    }

    /// An earlier version, read.
    pub async fn version(&self, id: &str, seq: u32) -> Result<Plan, StoreError> {
        let text = self
            .run(false, |s| async move {
                s.texts
                    .get(Key::Pair(id, f64::from(seq)))
                    .await?
                    .ok_or(StoreError::Missing)
            })
            .await?;
        file::from_json(&text).map_err(|_| StoreError::Unreadable {
            kept_aside: format!("{TEXTS}.{id}.{seq}"),
        })
    }

    /// Makes an earlier version the plan again, over what `over` names. The
    /// plan as it is on screen (`current`, which is that stored revision when
    /// `unchanged`) is kept as a version first, so a restore can be undone.
    pub async fn restore(
        &self,
        current: &Plan,
        over: Over,
        unchanged: bool,
        seq: u32,
        now: &Now,
        app_version: &str,
    ) -> Result<Stored, StoreError> {
        self.run(true, |s| async move {
            let id = current.id.as_str();
            let old = s.entry(id).await?;
            check(
                old.as_ref(),
                over.expect,
                over.after_own.then_some(&*s.writer),
            )?;
            let text = s
                .texts
                .get(Key::Pair(id, f64::from(seq)))
                .await?
                .ok_or(StoreError::Missing)?;
            let earlier = file::from_json(&text).map_err(|_| StoreError::Unreadable {
                kept_aside: format!("{TEXTS}.{id}.{seq}"),
            })?;
            let (on_screen, on_screen_text) = stamped(current, now, app_version);
            s.keep_version(
                &on_screen_text,
                &on_screen,
                Why::BeforeRestore,
                over.expect.filter(|_| unchanged),
                now,
            )
            .await?;
            let (restored, restored_text) = stamped(&earlier, now, app_version);
            let entry = s
                .put_plan(
                    &restored,
                    &restored_text,
                    old.as_ref().map_or(1, |o| o.revision + 1),
                    &now.iso,
                    now.ms,
                )
                .await?;
            Ok(Stored {
                plan: restored,
                entry,
            })
        })
        .await
    }

    /// Keeps the files collected against a plan (their plan files, in order),
    /// in place of what was kept before.
    pub async fn save_collection(
        &self,
        parent: &str,
        files: &[&Plan],
        now: &Now,
        app_version: &str,
    ) -> Result<(), StoreError> {
        let texts: Vec<String> = files
            .iter()
            .map(|p| file::to_json(p, app_version, &now.iso))
            .collect();
        let text = serde_json::to_string(&texts).expect("texts always serialize");
        self.run(true, |s| async move {
            Ok(s.collections.put(Key::Id(parent), &text).await?)
        })
        .await
    }

    /// The files collected against a plan; a file that no longer reads (a
    /// newer chitieu wrote it) is left out, never a reason to lose the rest.
    pub async fn collection(&self, parent: &str) -> Result<Vec<Plan>, StoreError> {
        let text = self
            .run(false, |s| async move {
                Ok(s.collections.get(Key::Id(parent)).await?)
            })
            .await?;
        let texts: Vec<String> = text
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default();
        Ok(texts
            .iter()
            .filter_map(|t| file::from_json(t).ok())
            .collect())
    }

    /// Every stored plan file.
    pub async fn files(&self) -> Result<Vec<String>, StoreError> {
        self.run(false, |s| async move { Ok(s.plans.values().await?) })
            .await
    }

    /// What a backup holds, read at one moment: every stored plan file, and
    /// the files collected against each plan (plan id, their texts as stored).
    pub async fn backup(&self) -> Result<Backup, StoreError> {
        self.run(false, |s| async move {
            let plans = s.plans.ids().await?;
            let ids = s.collections.ids().await?;
            let values = s.collections.values().await?;
            let collections = ids
                .into_iter()
                .zip(values)
                // a collection is only reachable through its plan
                .filter(|(id, _)| plans.contains(id))
                .map(|(id, text)| (id, serde_json::from_str(&text).unwrap_or_default()))
                .collect();
            Ok(Backup {
                plans: s.plans.values().await?,
                collections,
            })
        })
        .await
    }

    /// Moves the plans an earlier chitieu kept in local storage into this
    /// store, once. The local copies are removed only after the store holds
    /// them, and a plan the store holds already is never overwritten, so an
    /// interrupted move loses nothing and simply runs again. Unreadable
    /// local data is kept aside there, as before.
    pub async fn move_from_local_storage(&self, now: &Now) -> Result<Moved, StoreError> {
        let Some(local) = super::storage() else {
            return Ok(Moved::default());
        };
        let mut moved = Moved::default();
        let keys = super::local_keys(&local, LOCAL_PLAN_PREFIX);
        if let Some(index) = local.get_item(LOCAL_INDEX).ok().flatten() {
            if serde_json::from_str::<serde_json::Value>(&index).is_err() {
                moved
                    .kept_aside
                    .push(super::keep_aside_locally(&local, LOCAL_INDEX, &index));
            }
        }
        let mut readable = Vec::new();
        for key in keys {
            let text = local.get_item(&key).ok().flatten().unwrap_or_default();
            match file::from_json(&text) {
                Ok(plan) => readable.push((key, text, plan)),
                Err(_) => moved
                    .kept_aside
                    .push(super::keep_aside_locally(&local, &key, &text)),
            }
        }
        if !readable.is_empty() {
            let to_move = &readable;
            moved.plans = self
                .run(true, |s| async move {
                    let mut n = 0;
                    for (_, text, plan) in to_move {
                        if s.entry(&plan.id).await?.is_none() {
                            let updated = if plan.updated.is_empty() {
                                now.iso.clone()
                            } else {
                                plan.updated.clone()
                            };
                            s.put_plan(plan, text, 1, &updated, now.ms).await?;
                            n += 1;
                        }
                    }
                    Ok(n)
                })
                .await?;
        }
        // stored: the local copies can go
        for (key, _, _) in &readable {
            let _ = local.remove_item(key);
        }
        let _ = local.remove_item(LOCAL_INDEX);
        Ok(moved)
    }
}

/// Where an earlier chitieu kept plans in local storage.
pub const LOCAL_PLAN_PREFIX: &str = "chitieu.plan.";
const LOCAL_INDEX: &str = "chitieu.index";

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(revision: u64) -> PlanEntry {
        PlanEntry {
            id: "p".into(),
            title: "t".into(),
            unit: String::new(),
            level: Level::Commune,
            start: 2026,
            end: 2026,
            updated: "u".into(),
            size: 1,
            revision,
            checkpoint: 0.0,
            writer: "this tab".into(),
        }
    }

    #[test]
    fn the_oldest_versions_go_first_and_the_newest_always_stays() {
        assert_eq!(beyond_bounds(&[1; MAX_VERSIONS]), 0);
        assert_eq!(beyond_bounds(&[1; MAX_VERSIONS + 3]), 3);
        let mb = 1024 * 1024;
        // 10 + 10 + 10 MB is over 25 MB: the oldest goes
        assert_eq!(beyond_bounds(&[10 * mb, 10 * mb, 10 * mb]), 1);
        assert_eq!(beyond_bounds(&[30 * mb, mb]), 1);
        // one version larger than the bound alone is still kept
        assert_eq!(beyond_bounds(&[40 * mb]), 0);
        assert_eq!(beyond_bounds(&[]), 0);
    }

    #[test]
    fn a_write_must_name_the_revision_it_replaces() {
        assert_eq!(check(None, None, None), Ok(()));
        assert_eq!(check(Some(&entry(3)), Some(3), None), Ok(()));
        // a save chained after this tab's own: the revision must be this tab's
        assert_eq!(check(Some(&entry(3)), Some(3), Some("this tab")), Ok(()));
        assert_eq!(
            check(Some(&entry(3)), Some(3), Some("another tab")),
            Err(StoreError::Newer {
                revision: 3,
                updated: "u".into()
            })
        );
        assert_eq!(
            check(Some(&entry(4)), Some(3), None),
            Err(StoreError::Newer {
                revision: 4,
                updated: "u".into()
            })
        );
        assert_eq!(
            check(Some(&entry(1)), None, None),
            Err(StoreError::Newer {
                revision: 1,
                updated: "u".into()
            })
        );
        assert_eq!(check(None, Some(2), None), Err(StoreError::Missing));
    }
}
