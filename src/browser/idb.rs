//! A small typed wrapper over the browser's IndexedDB, just what the plan
//! store needs: stores keyed by a string or by a (string, number) pair,
//! string values, every request a future, and a transaction's outcome
//! awaited with the reason the browser gave when it refused.
//!
//! Requests of one transaction are chained inside the same event turn: the
//! futures wake on microtasks, which run before IndexedDB closes the
//! transaction, so a read and the write that depends on it are atomic.

use js_sys::{Array, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Event, EventTarget, IdbDatabase, IdbFactory, IdbKeyRange, IdbObjectStore, IdbRequest,
    IdbTransaction, IdbTransactionMode,
};

/// Why IndexedDB refused: the DOMException's name ("QuotaExceededError",
/// "InvalidStateError", "UnknownError" …).
#[derive(Clone, Debug, PartialEq)]
pub struct DbError(pub String);

impl DbError {
    fn from_js(e: JsValue) -> DbError {
        let name = js_sys::Reflect::get(&e, &"name".into())
            .ok()
            .and_then(|n| n.as_string());
        DbError(name.unwrap_or_else(|| "UnknownError".into()))
    }

    pub fn is_quota(&self) -> bool {
        self.0 == "QuotaExceededError"
    }
}

/// A key: a plan's id, or (plan id, number) for its versions.
#[derive(Clone, Copy, Debug)]
pub enum Key<'a> {
    Id(&'a str),
    Pair(&'a str, f64),
}

impl Key<'_> {
    fn js(self) -> JsValue {
        match self {
            Key::Id(id) => JsValue::from_str(id),
            Key::Pair(id, n) => Array::of2(&JsValue::from_str(id), &JsValue::from_f64(n)).into(),
        }
    }
}

/// Resolves on the first of two events of a target, Ok for `ok`.
fn first_of(target: &EventTarget, ok: &'static str, bad: &'static str) -> JsFuture {
    let promise = Promise::new(&mut |resolve, reject| {
        // one function for both events: exactly one of them fires, once
        let settle = Closure::once_into_js(move |e: Event| {
            let f = if e.type_() == ok { &resolve } else { &reject };
            let _ = f.call0(&JsValue::UNDEFINED);
        });
        let _ = target.add_event_listener_with_callback(ok, settle.unchecked_ref());
        let _ = target.add_event_listener_with_callback(bad, settle.unchecked_ref());
    });
    JsFuture::from(promise)
}

async fn request(made: Result<IdbRequest, JsValue>) -> Result<JsValue, DbError> {
    let req = made.map_err(DbError::from_js)?;
    match first_of(&req, "success", "error").await {
        Ok(_) => req.result().map_err(DbError::from_js),
        Err(_) => Err(req
            .error()
            .ok()
            .flatten()
            .map(|e| DbError(e.name()))
            .unwrap_or_else(|| DbError("UnknownError".into()))),
    }
}

/// An open database. Another tab asking for a newer version (or deleting the
/// database) closes it, and `on_close` is told.
#[derive(Clone)]
pub struct Db {
    db: IdbDatabase,
    _on_version_change: std::rc::Rc<Closure<dyn FnMut(Event)>>,
}

impl PartialEq for Db {
    fn eq(&self, other: &Self) -> bool {
        self.db == other.db
    }
}

impl std::fmt::Debug for Db {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Db({})", self.db.name())
    }
}

/// The page's IndexedDB, or `None` where the browser has none (or refuses it).
pub fn factory() -> Option<IdbFactory> {
    web_sys::window()?.indexed_db().ok()?
}

/// Opens (and creates or upgrades) a database; `upgrade` gets the database
/// and the version it had (0: new).
pub async fn open(
    factory: &IdbFactory,
    name: &str,
    version: u32,
    upgrade: impl Fn(&IdbDatabase, u32) + 'static,
    on_close: impl Fn() + 'static,
) -> Result<Db, DbError> {
    let req = factory
        .open_with_u32(name, version)
        .map_err(DbError::from_js)?;
    let for_upgrade = req.clone();
    let on_upgrade = Closure::<dyn FnMut(web_sys::IdbVersionChangeEvent)>::new(
        move |e: web_sys::IdbVersionChangeEvent| {
            if let Ok(db) = for_upgrade.result() {
                upgrade(&db.unchecked_into(), e.old_version() as u32);
            }
        },
    );
    req.set_onupgradeneeded(Some(on_upgrade.as_ref().unchecked_ref()));
    let outcome = first_of(&req, "success", "error").await;
    req.set_onupgradeneeded(None);
    drop(on_upgrade);
    if outcome.is_err() {
        return Err(req
            .error()
            .ok()
            .flatten()
            .map(|e| DbError(e.name()))
            .unwrap_or_else(|| DbError("UnknownError".into())));
    }
    let db: IdbDatabase = req.result().map_err(DbError::from_js)?.unchecked_into();
    let closing = db.clone();
    let on_version_change = Closure::<dyn FnMut(Event)>::new(move |_: Event| {
        closing.close();
        on_close();
    });
    db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
    Ok(Db {
        db,
        _on_version_change: std::rc::Rc::new(on_version_change),
    })
}

/// Deletes a database (tests start from nothing); open connections are asked to close first.
pub async fn delete(factory: &IdbFactory, name: &str) -> Result<(), DbError> {
    let req = factory.delete_database(name).map_err(DbError::from_js)?;
    request(Ok(req.unchecked_into())).await.map(|_| ())
}

impl Db {
    fn transaction(&self, stores: &[&str], mode: IdbTransactionMode) -> Result<Tx, DbError> {
        let names: Array = stores.iter().map(|s| JsValue::from_str(s)).collect();
        let tx = self
            .db
            .transaction_with_str_sequence_and_mode(&names, mode)
            .map_err(DbError::from_js)?;
        // listened for from the start, so that no outcome is missed
        let done = first_of(&tx, "complete", "abort");
        Ok(Tx { tx, done })
    }

    pub fn read(&self, stores: &[&str]) -> Result<Tx, DbError> {
        self.transaction(stores, IdbTransactionMode::Readonly)
    }

    pub fn write(&self, stores: &[&str]) -> Result<Tx, DbError> {
        self.transaction(stores, IdbTransactionMode::Readwrite)
    }

    pub fn close(&self) {
        self.db.close();
    }
}

/// A transaction: its stores, then its outcome.
pub struct Tx {
    tx: IdbTransaction,
    done: JsFuture,
}

impl Tx {
    pub fn store(&self, name: &str) -> Result<Store, DbError> {
        self.tx
            .object_store(name)
            .map(Store)
            .map_err(DbError::from_js)
    }

    /// Waits until everything the transaction wrote is stored, or says why
    /// nothing of it was.
    pub async fn done(self) -> Result<(), DbError> {
        let outcome = self.done.await;
        outcome.map(|_| ()).map_err(|_| {
            self.tx
                .error()
                .map(|e| DbError(e.name()))
                .unwrap_or_else(|| DbError("AbortError".into()))
        })
    }

    /// Ends the transaction (nothing it wrote is kept) and says why the
    /// browser ended it, if it had its own reason (a full quota, say).
    pub async fn abort(self) -> Option<DbError> {
        // throws when the browser has ended it already, which is fine
        let _ = self.tx.abort();
        let _ = self.done.await;
        self.tx
            .error()
            .map(|e| DbError(e.name()))
            .filter(|e| e.0 != "AbortError")
    }
}

/// One object store inside a transaction.
pub struct Store(IdbObjectStore);

fn strings(v: JsValue) -> Vec<String> {
    Array::from(&v)
        .iter()
        .filter_map(|s| s.as_string())
        .collect()
}

/// The keys of one plan's versions: (id, 0) up to (id, ∞).
fn pairs_of(id: &str) -> Result<IdbKeyRange, DbError> {
    IdbKeyRange::bound(&Key::Pair(id, 0.0).js(), &Key::Pair(id, f64::INFINITY).js())
        .map_err(DbError::from_js)
}

impl Store {
    pub async fn get(&self, key: Key<'_>) -> Result<Option<String>, DbError> {
        Ok(request(self.0.get(&key.js())).await?.as_string())
    }

    pub async fn put(&self, key: Key<'_>, value: &str) -> Result<(), DbError> {
        request(self.0.put_with_key(&JsValue::from_str(value), &key.js()))
            .await
            .map(|_| ())
    }

    pub async fn delete(&self, key: Key<'_>) -> Result<(), DbError> {
        request(self.0.delete(&key.js())).await.map(|_| ())
    }

    /// Every value, in key order.
    pub async fn values(&self) -> Result<Vec<String>, DbError> {
        Ok(strings(request(self.0.get_all()).await?))
    }

    /// Every string key, in order.
    pub async fn ids(&self) -> Result<Vec<String>, DbError> {
        Ok(strings(request(self.0.get_all_keys()).await?))
    }

    /// The values whose keys are (id, n), in the order of n.
    pub async fn values_of(&self, id: &str) -> Result<Vec<String>, DbError> {
        let range = pairs_of(id)?;
        Ok(strings(request(self.0.get_all_with_key(&range)).await?))
    }

    /// Removes every (id, n).
    pub async fn delete_all_of(&self, id: &str) -> Result<(), DbError> {
        let range = pairs_of(id)?;
        request(self.0.delete(&range)).await.map(|_| ())
    }
}
