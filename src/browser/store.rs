//! Plans in the browser's local storage. Each plan is stored as its plan file
//! under `chitieu.plan.<id>`; `chitieu.index` lists them. Stored data that
//! cannot be read is never deleted: it is moved aside under
//! `chitieu.aside.<time>.<key>` and the planner is told.

use super::storage;
use crate::app::state::{PlanEntry, SaveState};
use crate::file;
use crate::plan::Plan;
use serde::{Deserialize, Serialize};

const INDEX_KEY: &str = "chitieu.index";
const OPEN_KEY: &str = "chitieu.open";
const PLAN_PREFIX: &str = "chitieu.plan.";

#[derive(Serialize, Deserialize)]
struct StoredEntry {
    id: String,
    title: String,
    #[serde(default)]
    updated: String,
}

/// What start-up found in storage.
pub struct Loaded<T> {
    pub value: T,
    /// keys of data that could not be read, now kept aside
    pub kept_aside: Vec<String>,
}

/// The stored list's text read as entries, or `None` when it cannot be read.
fn parse_index(text: &str) -> Option<Vec<PlanEntry>> {
    let entries: Vec<StoredEntry> = serde_json::from_str(text).ok()?;
    Some(entries.into_iter().map(|e| PlanEntry { id: e.id, title: e.title, updated: e.updated }).collect())
}

fn keep_aside(s: &web_sys::Storage, key: &str, raw: &str) -> String {
    let aside = format!("chitieu.aside.{}.{key}", js_sys::Date::now() as u64);
    let _ = s.set_item(&aside, raw);
    let _ = s.remove_item(key);
    aside
}

fn plan_keys(s: &web_sys::Storage) -> Vec<String> {
    let n = s.length().unwrap_or(0);
    (0..n).filter_map(|i| s.key(i).ok().flatten()).filter(|k| k.starts_with(PLAN_PREFIX)).collect()
}

/// The "my plans" list. An unreadable list is kept aside and rebuilt from the
/// stored plans; an unreadable plan is kept aside and left out.
pub fn load_index() -> Loaded<Vec<PlanEntry>> {
    let mut kept_aside = Vec::new();
    let Some(s) = storage() else { return Loaded { value: Vec::new(), kept_aside } };
    let raw = s.get_item(INDEX_KEY).ok().flatten();
    let mut list = match &raw {
        None => Vec::new(),
        Some(text) => parse_index(text).unwrap_or_else(|| {
            kept_aside.push(keep_aside(&s, INDEX_KEY, text));
            Vec::new()
        }),
    };
    // plans stored but missing from the list (or the list was lost): read them
    for key in plan_keys(&s) {
        let id = &key[PLAN_PREFIX.len()..];
        if list.iter().any(|e| e.id == id) {
            continue;
        }
        let text = s.get_item(&key).ok().flatten().unwrap_or_default();
        match file::from_json(&text) {
            Ok(p) => list.push(PlanEntry { id: p.id.clone(), title: p.title.clone(), updated: p.updated.clone() }),
            Err(_) => kept_aside.push(keep_aside(&s, &key, &text)),
        }
    }
    // entries whose plan is gone
    list.retain(|e| s.get_item(&format!("{PLAN_PREFIX}{}", e.id)).ok().flatten().is_some());
    if !kept_aside.is_empty() {
        write_index(&s, &list);
    }
    Loaded { value: list, kept_aside }
}

fn write_index(s: &web_sys::Storage, list: &[PlanEntry]) -> bool {
    let stored: Vec<StoredEntry> =
        list.iter().map(|e| StoredEntry { id: e.id.clone(), title: e.title.clone(), updated: e.updated.clone() }).collect();
    s.set_item(INDEX_KEY, &serde_json::to_string(&stored).unwrap_or_default()).is_ok()
}

/// A stored plan; unreadable data is kept aside.
pub fn load_plan(id: &str) -> Loaded<Option<Plan>> {
    let mut kept_aside = Vec::new();
    let Some(s) = storage() else { return Loaded { value: None, kept_aside } };
    let key = format!("{PLAN_PREFIX}{id}");
    let value = match s.get_item(&key).ok().flatten() {
        None => None,
        Some(text) => match file::from_json(&text) {
            Ok(p) => Some(p),
            Err(_) => {
                kept_aside.push(keep_aside(&s, &key, &text));
                None
            }
        },
    };
    Loaded { value, kept_aside }
}

/// The list as storage holds it now (the one source of truth when several
/// saves follow each other).
fn stored_list(s: &web_sys::Storage) -> Vec<PlanEntry> {
    s.get_item(INDEX_KEY).ok().flatten().and_then(|t| parse_index(&t)).unwrap_or_default()
}

/// Writes a plan and its entry in the list. On any refusal the stored copy
/// stays as it was and `Failing` is returned.
pub fn save_plan(plan: &Plan, now: &str, app_version: &str) -> (SaveState, Vec<PlanEntry>) {
    let Some(s) = storage() else { return (SaveState::Failing, Vec::new()) };
    let list = stored_list(&s);
    let mut stamped = plan.clone();
    stamped.updated = now.to_string();
    if stamped.created.is_empty() {
        stamped.created = now.to_string();
    }
    let text = file::to_json(&stamped, app_version, now);
    if s.set_item(&format!("{PLAN_PREFIX}{}", plan.id), &text).is_err() {
        return (SaveState::Failing, list);
    }
    let mut list = list;
    let entry = PlanEntry { id: plan.id.clone(), title: plan.title.clone(), updated: now.to_string() };
    match list.iter_mut().find(|e| e.id == plan.id) {
        Some(e) => *e = entry,
        None => list.push(entry),
    }
    let ok = write_index(&s, &list) && s.set_item(OPEN_KEY, &plan.id).is_ok();
    (if ok { SaveState::Saved } else { SaveState::Failing }, list)
}

pub fn open_plan_id() -> Option<String> {
    storage()?.get_item(OPEN_KEY).ok().flatten()
}

/// Remembers which plan is open (`None`: the start screen).
pub fn set_open_plan(id: Option<&str>) {
    if let Some(s) = storage() {
        let _ = match id {
            Some(id) => s.set_item(OPEN_KEY, id),
            None => s.remove_item(OPEN_KEY),
        };
    }
}

/// Removes a plan from storage and the list.
pub fn delete_plan(id: &str) -> Vec<PlanEntry> {
    let Some(s) = storage() else { return Vec::new() };
    let list: Vec<PlanEntry> = stored_list(&s).into_iter().filter(|e| e.id != id).collect();
    {
        let _ = s.remove_item(&format!("{PLAN_PREFIX}{id}"));
        write_index(&s, &list);
        if s.get_item(OPEN_KEY).ok().flatten().as_deref() == Some(id) {
            let _ = s.remove_item(OPEN_KEY);
        }
    }
    list
}
