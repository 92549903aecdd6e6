//! The plan store against the browser's real IndexedDB: saving, the list,
//! revisions, versions, restoring, backups, the move from local storage,
//! refused writes, and several tabs. Each test has a database of its own.

use chitieu::browser::{delete_store, News, Now, Over, Store, StoreError, Tabs, Why, MAX_VERSIONS};
use chitieu::catalog::sample_plan;
use chitieu::file;
use chitieu::plan::{Figure, Period, Plan};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;

const APP: &str = "0.1.0";

fn factory() -> web_sys::IdbFactory {
    gloo::utils::window().indexed_db().unwrap().unwrap()
}

async fn fresh(name: &str) -> Store {
    delete_store(name).await.unwrap();
    Store::open_in(&factory(), name, || {}).await.unwrap()
}

/// A moment `minutes` after 08:00 on 1 March 2026.
fn at(minutes: u32) -> Now {
    let ms = js_sys::Date::parse("2026-03-01T08:00:00.000Z") + f64::from(minutes) * 60_000.0;
    Now::at(&String::from(
        js_sys::Date::new(&JsValue::from_f64(ms)).to_iso_string(),
    ))
}

fn with_target(plan: &Plan, id: &str, target: f64) -> Plan {
    let mut p = plan.clone();
    p.indicator_mut(id)
        .unwrap()
        .set_target(Period::Year(2021), Some(Figure::Value(target)));
    p
}

#[wasm_bindgen_test]
async fn a_save_is_listed_read_back_and_names_the_revision_it_replaces() {
    let store = fresh("chitieu-test-save").await;
    let plan = sample_plan("a");
    let first = store
        .save(&plan, Over::revision(None), &at(0), APP)
        .await
        .unwrap();
    assert_eq!(first.revision, 1);
    assert_eq!(
        (first.title.as_str(), first.unit.as_str()),
        (plan.title.as_str(), plan.unit.name.as_str())
    );
    assert_eq!(
        (first.level, first.start, first.end),
        (plan.unit.level, 2021, 2021)
    );
    let mut renamed = with_target(&plan, "a-1", 90.0);
    renamed.title = "Kế hoạch B".into();
    let second = store
        .save(&renamed, Over::revision(Some(1)), &at(1), APP)
        .await
        .unwrap();
    assert_eq!(second.revision, 2);
    // a write naming an older revision is refused, and changes nothing
    assert_eq!(
        store
            .save(&plan, Over::revision(Some(1)), &at(2), APP)
            .await,
        Err(StoreError::Newer {
            revision: 2,
            updated: at(1).iso
        })
    );
    // nor can a new plan take a stored id unseen
    assert!(matches!(
        store.save(&plan, Over::revision(None), &at(2), APP).await,
        Err(StoreError::Newer { .. })
    ));
    let listed = store.list(&at(3)).await.unwrap();
    assert_eq!(listed.entries.len(), 1);
    assert_eq!(listed.entries[0].title, "Kế hoạch B");
    assert_eq!(listed.entries[0].revision, 2);
    let stored = store.open_plan("a", &at(3)).await.unwrap();
    assert_eq!(stored.plan.indicators, renamed.indicators);
    assert_eq!(stored.plan.updated, at(1).iso);
    // what is stored is the plan file an export writes, and its size is listed
    let files = store.files().await.unwrap();
    assert_eq!(files, vec![file::to_json(&stored.plan, APP, &at(1).iso)]);
    assert_eq!(listed.entries[0].size, files[0].len() as u64);
    assert_eq!(
        store.open_plan("nope", &at(3)).await,
        Err(StoreError::Missing)
    );
    store.delete("a").await.unwrap();
    assert!(store.list(&at(4)).await.unwrap().entries.is_empty());
    store.close();
}

#[wasm_bindgen_test]
async fn two_tabs_on_one_plan_never_overwrite_each_other_unseen() {
    let name = "chitieu-test-two-tabs";
    let one = fresh(name).await;
    let other = Store::open_in(&factory(), name, || {}).await.unwrap();
    let plan = sample_plan("p");
    one.save(&plan, Over::revision(None), &at(0), APP)
        .await
        .unwrap();
    let read = other.open_plan("p", &at(1)).await.unwrap();
    assert_eq!(read.entry.revision, 1);
    // the first tab saves an edit; the second tab's edit names revision 1 and is refused
    one.save(
        &with_target(&plan, "p-1", 90.0),
        Over::revision(Some(1)),
        &at(2),
        APP,
    )
    .await
    .unwrap();
    let mine = with_target(&plan, "p-2", 50.0);
    assert!(matches!(
        other
            .save(&mine, Over::revision(Some(1)), &at(3), APP)
            .await,
        Err(StoreError::Newer { revision: 2, .. })
    ));
    // the planner keeps this tab's: the other's is kept as a copy, both edits survive
    let (entry, copy) = other
        .keep_mine(&mine, 2, "p-copy", "(bản từ thẻ khác)", &at(4), APP)
        .await
        .unwrap();
    assert_eq!(entry.revision, 3);
    assert!(copy.title.ends_with("(bản từ thẻ khác)"));
    let kept = one.open_plan("p", &at(5)).await.unwrap().plan;
    assert_eq!(kept.indicators, mine.indicators);
    let theirs = one.open_plan("p-copy", &at(5)).await.unwrap().plan;
    assert_eq!(
        theirs.indicator("p-1").unwrap().targets,
        with_target(&plan, "p-1", 90.0)
            .indicator("p-1")
            .unwrap()
            .targets
    );
    // settling against a revision that moved on again is refused too
    assert!(matches!(
        other
            .keep_mine(&mine, 2, "p-copy-2", "x", &at(6), APP)
            .await,
        Err(StoreError::Newer { revision: 3, .. })
    ));
    // a save chained after this tab's own save under way names the revision
    // that save was to store: when another tab stored that number first,
    // the chained save is refused too, never written over the other tab's
    let later = with_target(&plan, "p-2", 60.0);
    assert!(matches!(
        one.save(
            &later,
            Over {
                expect: Some(3),
                after_own: true
            },
            &at(7),
            APP
        )
        .await,
        Err(StoreError::Newer { revision: 3, .. })
    ));
    // after its own save, the chained one goes through
    let own = other
        .save(
            &with_target(&plan, "p-2", 70.0),
            Over::revision(Some(3)),
            &at(8),
            APP,
        )
        .await
        .unwrap();
    assert_eq!(own.revision, 4);
    let chained = other
        .save(
            &later,
            Over {
                expect: Some(4),
                after_own: true,
            },
            &at(9),
            APP,
        )
        .await
        .unwrap();
    assert_eq!(chained.revision, 5);
    one.close();
    other.close();
}

#[wasm_bindgen_test]
async fn versions_are_kept_hourly_on_open_and_before_a_restore() {
    let store = fresh("chitieu-test-versions").await;
    let v1 = sample_plan("v");
    store
        .save(&v1, Over::revision(None), &at(0), APP)
        .await
        .unwrap();
    let v2 = with_target(&v1, "v-1", 60.0);
    store
        .save(&v2, Over::revision(Some(1)), &at(30), APP)
        .await
        .unwrap();
    assert!(
        store.versions("v").await.unwrap().is_empty(),
        "half an hour of editing keeps no version"
    );
    // after an hour of editing, the revision a save replaces is kept
    let v3 = with_target(&v2, "v-2", 70.0);
    store
        .save(&v3, Over::revision(Some(2)), &at(61), APP)
        .await
        .unwrap();
    let versions = store.versions("v").await.unwrap();
    assert_eq!(versions.len(), 1);
    assert_eq!(
        (versions[0].why, versions[0].revision, versions[0].changes),
        (Why::Hourly, Some(2), None)
    );
    assert_eq!(versions[0].indicators, 14);
    // opened hours after its last save: that version is kept, once
    store.open_plan("v", &at(300)).await.unwrap();
    store.open_plan("v", &at(301)).await.unwrap();
    let versions = store.versions("v").await.unwrap();
    assert_eq!(versions.len(), 2);
    assert_eq!(
        (versions[1].why, versions[1].revision),
        (Why::Opened, Some(3))
    );
    let changes = versions[1].changes.unwrap();
    assert_eq!(
        (changes.added, changes.removed, changes.figures),
        (0, 0, 1),
        "v-2's target changed from revision 2 to 3"
    );
    // each version opens as it was
    assert_eq!(
        store
            .version("v", versions[0].seq)
            .await
            .unwrap()
            .indicators,
        v2.indicators
    );
    // a restore keeps what is on screen first, so it can be undone
    let on_screen = with_target(&v3, "v-3", 1.0);
    let restored = store
        .restore(
            &on_screen,
            Over::revision(Some(3)),
            false,
            versions[0].seq,
            &at(302),
            APP,
        )
        .await
        .unwrap();
    assert_eq!(restored.plan.indicators, v2.indicators);
    assert_eq!(restored.entry.revision, 4);
    let versions = store.versions("v").await.unwrap();
    assert_eq!(versions.len(), 3);
    assert_eq!(
        (versions[2].why, versions[2].revision),
        (Why::BeforeRestore, None)
    );
    assert_eq!(
        store
            .version("v", versions[2].seq)
            .await
            .unwrap()
            .indicators,
        on_screen.indicators
    );
    assert_eq!(
        store
            .open_plan("v", &at(303))
            .await
            .unwrap()
            .plan
            .indicators,
        v2.indicators
    );
    // a restore over a revision that moved on is refused
    assert!(matches!(
        store
            .restore(
                &on_screen,
                Over::revision(Some(3)),
                false,
                versions[0].seq,
                &at(304),
                APP
            )
            .await,
        Err(StoreError::Newer { revision: 4, .. })
    ));
    // deleting the plan deletes its history
    store.delete("v").await.unwrap();
    assert!(store.versions("v").await.unwrap().is_empty());
    store.close();
}

#[wasm_bindgen_test]
async fn a_plan_keeps_a_bounded_number_of_versions_the_oldest_dropped_first() {
    let store = fresh("chitieu-test-bounds").await;
    let mut plan = sample_plan("b");
    store
        .save(&plan, Over::revision(None), &at(0), APP)
        .await
        .unwrap();
    let saves = MAX_VERSIONS as u32 + 4;
    for k in 1..=saves {
        plan = with_target(&plan, "b-1", f64::from(k));
        store
            .save(&plan, Over::revision(Some(u64::from(k))), &at(61 * k), APP)
            .await
            .unwrap();
    }
    let versions = store.versions("b").await.unwrap();
    assert_eq!(versions.len(), MAX_VERSIONS);
    // each save after an hour kept the revision before it: the first four went
    let revisions: Vec<u64> = versions.iter().map(|v| v.revision.unwrap()).collect();
    assert_eq!(revisions, (5..=u64::from(saves)).collect::<Vec<_>>());
    store.close();
}

#[wasm_bindgen_test]
async fn plans_from_files_are_stored_byte_for_byte_and_what_they_replace_is_kept() {
    let store = fresh("chitieu-test-files").await;
    let (a, b) = (sample_plan("fa"), sample_plan("fb"));
    // written by another chitieu, another day: stored as given
    let (ta, tb) = (
        file::to_json(&a, "0.0.9", "2025-12-01T10:00:00.000Z"),
        file::to_json(&b, "0.0.9", "2025-12-02T10:00:00.000Z"),
    );
    let entries = store
        .store_files(
            &[(&a, Some(ta.as_str()), None), (&b, Some(tb.as_str()), None)],
            &at(0),
            APP,
        )
        .await
        .unwrap();
    assert_eq!(
        entries.iter().map(|e| e.revision).collect::<Vec<_>>(),
        vec![1, 1]
    );
    assert_eq!(store.files().await.unwrap(), vec![ta.clone(), tb]);
    // the bundle of them reads back to the very same files
    let stored = store.files().await.unwrap();
    let bundle = file::bundle::to_json(&stored, &[], APP, &at(1).iso);
    let read = file::bundle::from_json(&bundle).unwrap();
    assert_eq!(
        read.plans
            .iter()
            .map(|i| i.text.to_string())
            .collect::<Vec<_>>(),
        stored
    );
    // an imported file replacing a stored plan keeps the stored one as a version
    let newer = with_target(&a, "fa-1", 99.0);
    let replaced = store
        .store_files(&[(&newer, None, None)], &at(2), APP)
        .await
        .unwrap();
    assert_eq!(replaced[0].revision, 2);
    let versions = store.versions("fa").await.unwrap();
    assert_eq!((versions.len(), versions[0].why), (1, Why::BeforeImport));
    assert_eq!(
        store
            .version("fa", versions[0].seq)
            .await
            .unwrap()
            .indicators,
        a.indicators
    );
    store.close();
}

fn local() -> web_sys::Storage {
    gloo::utils::window().local_storage().unwrap().unwrap()
}

fn local_keys(prefix: &str) -> Vec<String> {
    let s = local();
    (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .filter(|k| k.starts_with(prefix))
        .collect()
}

#[wasm_bindgen_test]
async fn plans_kept_in_local_storage_move_over_once_and_nothing_is_lost() {
    crate::support::clear_storage().await;
    let store = fresh("chitieu-test-move").await;
    let (a, b) = (sample_plan("la"), sample_plan("lb"));
    let (ta, tb) = (
        file::to_json(&a, "0.1.0", "2026-01-05T09:00:00.000Z"),
        file::to_json(&b, "0.1.0", "2026-01-06T09:00:00.000Z"),
    );
    local().set_item("chitieu.plan.la", &ta).unwrap();
    local().set_item("chitieu.plan.lb", &tb).unwrap();
    local()
        .set_item("chitieu.plan.broken", "{\"format\":\"chitieu-plan\",")
        .unwrap();
    local()
        .set_item("chitieu.index", "[{\"id\":\"la\",\"title\":\"t\"}]")
        .unwrap();
    local().set_item("chitieu.open", "la").unwrap();
    let moved = store.move_from_local_storage(&at(0)).await.unwrap();
    assert_eq!(moved.plans, 2);
    assert_eq!(moved.kept_aside.len(), 1);
    // byte for byte, and the local copies gone; what could not be read is kept aside there
    assert_eq!(store.files().await.unwrap(), vec![ta, tb]);
    assert!(local_keys("chitieu.plan.").is_empty());
    assert_eq!(local().get_item("chitieu.index").unwrap(), None);
    let aside = local_keys("chitieu.aside.");
    assert_eq!(aside.len(), 1);
    assert_eq!(
        local().get_item(&aside[0]).unwrap().as_deref(),
        Some("{\"format\":\"chitieu-plan\",")
    );
    assert_eq!(
        local().get_item("chitieu.open").unwrap().as_deref(),
        Some("la")
    );
    let listed = store.list(&at(1)).await.unwrap();
    assert_eq!(listed.entries.len(), 2);
    for (e, p) in listed
        .entries
        .iter()
        .map(|e| (e, if e.id == "la" { &a } else { &b }))
    {
        assert_eq!(
            e.updated,
            if p.updated.is_empty() {
                at(0).iso
            } else {
                p.updated.clone()
            }
        );
        assert_eq!(e.revision, 1);
    }
    // a move interrupted after the store held the plans, but before the local
    // copies went, runs again and never overwrites what the store holds
    let newer = with_target(&a, "la-1", 77.0);
    store
        .save(&newer, Over::revision(Some(1)), &at(2), APP)
        .await
        .unwrap();
    local()
        .set_item(
            "chitieu.plan.la",
            &file::to_json(&a, "0.1.0", "2026-01-05T09:00:00.000Z"),
        )
        .unwrap();
    let again = store.move_from_local_storage(&at(3)).await.unwrap();
    assert_eq!(again.plans, 0);
    assert_eq!(
        store.open_plan("la", &at(4)).await.unwrap().plan.indicators,
        newer.indicators
    );
    assert!(local_keys("chitieu.plan.").is_empty());
    // nothing left to move: nothing happens
    assert_eq!(
        store.move_from_local_storage(&at(5)).await.unwrap().plans,
        0
    );
    local().clear().unwrap();
    store.close();
}

/// Text that does not compress: a full quota must be reached for real.
fn noise(bytes: usize) -> String {
    let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
    (0..bytes)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            char::from(b'a' + (x % 26) as u8)
        })
        .collect()
}

#[wasm_bindgen_test]
async fn a_write_over_the_quota_is_refused_and_the_stored_plan_stays() {
    // a storage bucket with a quota of its own: the browser's real limit, made small
    let navigator = gloo::utils::window().navigator();
    let buckets = js_sys::Reflect::get(&navigator, &"storageBuckets".into()).unwrap();
    assert!(
        !buckets.is_undefined(),
        "this browser has no storage buckets to set a quota with"
    );
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"quota".into(), &JsValue::from_f64(2_000_000.0)).unwrap();
    let open: js_sys::Function = js_sys::Reflect::get(&buckets, &"open".into())
        .unwrap()
        .unchecked_into();
    let bucket = JsFuture::from(js_sys::Promise::from(
        open.call2(&buckets, &"chitieu-test-quota".into(), &options)
            .unwrap(),
    ))
    .await
    .unwrap();
    let factory: web_sys::IdbFactory = js_sys::Reflect::get(&bucket, &"indexedDB".into())
        .unwrap()
        .unchecked_into();
    delete_store_in(&factory, "plans").await;
    let store = Store::open_in(&factory, "plans", || {}).await.unwrap();
    let plan = sample_plan("q");
    store
        .save(&plan, Over::revision(None), &at(0), APP)
        .await
        .unwrap();
    let mut big = plan.clone();
    big.notes = noise(3_000_000);
    let refused = store.save(&big, Over::revision(Some(1)), &at(1), APP).await;
    assert!(
        matches!(refused, Err(StoreError::Refused { full: true, .. })),
        "{refused:?}"
    );
    // nothing of the refused write is kept
    let listed = store.list(&at(2)).await.unwrap();
    assert_eq!(listed.entries[0].revision, 1);
    assert_eq!(
        store.open_plan("q", &at(2)).await.unwrap().plan.notes,
        plan.notes
    );
    assert!(matches!(
        store.store_files(&[(&big, None, None)], &at(3), APP).await,
        Err(StoreError::Refused { full: true, .. })
    ));
    assert_eq!(store.list(&at(4)).await.unwrap().entries[0].revision, 1);
    store.close();
    let delete: js_sys::Function = js_sys::Reflect::get(&buckets, &"delete".into())
        .unwrap()
        .unchecked_into();
    let _ = JsFuture::from(js_sys::Promise::from(
        delete
            .call1(&buckets, &"chitieu-test-quota".into())
            .unwrap(),
    ))
    .await;
}

async fn delete_store_in(factory: &web_sys::IdbFactory, name: &str) {
    let req = factory.delete_database(name).unwrap();
    let done = js_sys::Promise::new(&mut |resolve, _| {
        let f = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        });
        req.set_onsuccess(Some(f.unchecked_ref()));
    });
    JsFuture::from(done).await.unwrap();
}

/// Waits for the next news a tab hears.
fn listener() -> (
    Rc<RefCell<Vec<News>>>,
    Rc<RefCell<Option<js_sys::Function>>>,
    impl Fn(News),
) {
    let heard = Rc::new(RefCell::new(Vec::new()));
    let wake: Rc<RefCell<Option<js_sys::Function>>> = Rc::new(RefCell::new(None));
    let (h, w) = (heard.clone(), wake.clone());
    (heard, wake, move |n| {
        h.borrow_mut().push(n);
        if let Some(f) = w.borrow_mut().take() {
            let _ = f.call0(&JsValue::UNDEFINED);
        }
    })
}

async fn next_news(wake: &Rc<RefCell<Option<js_sys::Function>>>) {
    let p = js_sys::Promise::new(&mut |resolve, _| *wake.borrow_mut() = Some(resolve));
    JsFuture::from(p).await.unwrap();
}

#[wasm_bindgen_test]
async fn tabs_hear_each_other_and_know_who_shows_a_plan() {
    let (heard, wake, on_news) = listener();
    let one = Tabs::join("t-one".into(), |_| {});
    let other = Tabs::join("t-other".into(), on_news);
    let waiting = next_news(&wake);
    one.tell(&News::Saved {
        id: "p".into(),
        revision: 7,
    });
    waiting.await;
    assert_eq!(
        heard.borrow().last(),
        Some(&News::Saved {
            id: "p".into(),
            revision: 7
        })
    );
    assert!(!other.shown_elsewhere("p", None).await);
    let waiting = next_news(&wake);
    one.show(Some("p")).await;
    waiting.await;
    assert_eq!(
        heard.borrow().last(),
        Some(&News::Showing {
            id: "p".into(),
            tab: "t-one".into(),
            here: true
        })
    );
    assert!(other.shown_elsewhere("p", None).await);
    assert!(
        !one.shown_elsewhere("p", None).await,
        "a tab does not count itself"
    );
    assert!(!other.shown_elsewhere("q", None).await);
    let waiting = next_news(&wake);
    one.show(None).await;
    waiting.await;
    assert_eq!(
        heard.borrow().last(),
        Some(&News::Showing {
            id: "p".into(),
            tab: "t-one".into(),
            here: false
        })
    );
    assert!(!other.shown_elsewhere("p", Some("t-one")).await);
    one.leave();
    other.leave();
}

#[wasm_bindgen_test]
async fn files_collected_against_a_plan_are_kept_and_go_with_it() {
    let store = fresh("chitieu-test-collection").await;
    let parent = sample_plan("tinh");
    store
        .save(&parent, Over::revision(None), &at(0), APP)
        .await
        .unwrap();
    assert_eq!(
        store.collection("tinh").await.unwrap(),
        Vec::<Plan>::new(),
        "nothing collected yet"
    );
    let (a, b) = (
        sample_plan("xa-a"),
        with_target(&sample_plan("xa-b"), "xa-b-1", 70.0),
    );
    store
        .save_collection("tinh", &[&a, &b], &at(1), APP)
        .await
        .unwrap();
    assert_eq!(
        store.collection("tinh").await.unwrap(),
        vec![a.clone(), b.clone()]
    );
    // a late file: the collection kept is the one given last
    let c = sample_plan("xa-c");
    store
        .save_collection("tinh", &[&a, &b, &c], &at(2), APP)
        .await
        .unwrap();
    assert_eq!(store.collection("tinh").await.unwrap().len(), 3);
    // collected files are not plans of this browser
    assert_eq!(store.list(&at(3)).await.unwrap().entries.len(), 1);
    // deleting the plan deletes what was collected against it
    store.delete("tinh").await.unwrap();
    assert!(store.collection("tinh").await.unwrap().is_empty());
}

#[wasm_bindgen_test]
async fn a_backup_carries_the_collections_and_a_restore_stores_them_again() {
    let store = fresh("chitieu-test-backup-collection").await;
    let (parent, other) = (sample_plan("tinh"), sample_plan("khac"));
    for p in [&parent, &other] {
        store.save(p, Over::revision(None), &at(0), APP).await.unwrap();
    }
    let (a, b) = (sample_plan("xa-a"), sample_plan("xa-b"));
    store
        .save_collection("tinh", &[&a, &b], &at(1), APP)
        .await
        .unwrap();
    let backup = store.backup().await.unwrap();
    assert_eq!(backup.plans, store.files().await.unwrap());
    assert_eq!(backup.collections.len(), 1);
    assert_eq!(backup.collections[0].0, "tinh");
    let bundle = file::bundle::to_json(&backup.plans, &backup.collections, APP, &at(2).iso);

    // into a fresh browser: the plans and the collection, as they were
    let fresh_store = fresh("chitieu-test-backup-collection-2").await;
    let read = file::bundle::from_json(&bundle).unwrap();
    let collections: Vec<Option<Rc<[Rc<str>]>>> = read
        .plans
        .iter()
        .map(|i| i.collection.as_ref().map(|c| c.iter().map(|t| Rc::from(*t)).collect()))
        .collect();
    let items: Vec<_> = read
        .plans
        .iter()
        .zip(&collections)
        .map(|(i, c)| (&i.plan, Some(i.text), c.as_deref()))
        .collect();
    fresh_store.store_files(&items, &at(3), APP).await.unwrap();
    assert_eq!(
        fresh_store.collection("tinh").await.unwrap(),
        vec![a.clone(), b.clone()]
    );
    assert_eq!(fresh_store.backup().await.unwrap(), backup);

    // a plan restored without a collection keeps the one stored
    fresh_store
        .store_files(&[(&parent, None, None)], &at(4), APP)
        .await
        .unwrap();
    assert_eq!(fresh_store.collection("tinh").await.unwrap().len(), 2);
    store.close();
    fresh_store.close();
}
