//! The app and its storage in a real browser: what a planner does on the
//! start screen and in the editor, and what a reload brings back.

use crate::support::*;
use chitieu::app::probe;
use chitieu::catalog::sample_plan;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlInputElement};

async fn sample_saved_then_list() -> Element {
    clear_storage().await;
    let app = mount_app().await;
    click(&app, "[data-action=start-sample]").await;
    until_saved(&app).await;
    click(&app, ".toolbar .back").await;
    until(&app, "the plan in the list", |r| {
        r.query_selector(".plan-entry .plan-open")
            .unwrap()
            .is_some()
    })
    .await;
    app
}

fn entry_button(app: &Element, label: &str) -> web_sys::HtmlElement {
    let buttons = app
        .query_selector_all(".plan-entry .plan-actions button")
        .unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|b| b.text_content().as_deref() == Some(label))
        .unwrap_or_else(|| panic!("no «{label}» button"))
}

async fn rename(app: &Element, title: &str) {
    entry_button(app, "Đổi tên").click();
    yew::scheduler::flush().await;
    let input: HtmlInputElement = find(app, ".plan-entry form.rename input[name=title]")
        .dyn_into()
        .unwrap();
    type_into(&input, title).await;
    click(app, ".plan-entry form.rename button[type=submit]").await;
}

#[wasm_bindgen_test]
async fn renaming_on_the_start_screen_then_reloading_shows_the_start_screen() {
    let app = sample_saved_then_list().await;
    rename(&app, "Mộc Châu 2021").await;
    until(&app, "the new title in the list", |r| {
        text(r, ".plan-open") == "Mộc Châu 2021"
    })
    .await;
    // a reload
    let again = mount_app().await;
    assert_eq!(text(&again, "#empty-title"), "Bắt đầu một kế hoạch");
    assert!(
        again.query_selector(".toolbar").unwrap().is_none(),
        "the renamed plan opened instead of the start screen"
    );
    assert_eq!(text(&again, ".plan-open"), "Mộc Châu 2021");
    // opening it, then reloading, brings it back
    click(&again, ".plan-open").await;
    until(&again, "the plan to open", |r| {
        r.query_selector(".toolbar").unwrap().is_some()
    })
    .await;
    let third = mount_app().await;
    assert_eq!(text(&third, ".plan-title"), "Mộc Châu 2021");
}

#[wasm_bindgen_test]
async fn a_rename_or_duplicate_the_browser_refuses_is_reported() {
    let app = sample_saved_then_list().await;
    // the store is taken away under the running app (as another tab's upgrade does): its writes are refused
    chitieu::browser::delete_store(chitieu::browser::DB_NAME)
        .await
        .unwrap();
    until(&app, "the app to notice its store closed", |r| {
        r.query_selector("[data-notice=storage-closed]")
            .unwrap()
            .is_some()
    })
    .await;
    rename(&app, "Tên mới").await;
    until(&app, "the refused rename to be reported", |r| {
        r.query_selector("[data-notice=refused]").unwrap().is_some()
    })
    .await;
    assert!(text(&app, "[data-notice=refused]").starts_with("Không đổi được tên"));
    assert_ne!(text(&app, ".plan-open"), "Tên mới");
    click(&app, "[data-notice=refused] .button").await;
    entry_button(&app, "Nhân bản").click();
    until(&app, "the refused duplicate to be reported", |r| {
        r.query_selector("[data-notice=refused]").unwrap().is_some()
    })
    .await;
    assert!(text(&app, "[data-notice=refused]").starts_with("Không nhân bản được"));
    assert_eq!(app.query_selector_all(".plan-entry").unwrap().length(), 1);
}

#[wasm_bindgen_test]
async fn an_autosave_renders_no_row_again() {
    clear_storage().await;
    let app = mount_app().await;
    // the commune template checks every target against the national references
    click(&app, "[data-template=commune-year]").await;
    until_saved(&app).await;
    let rows = app.query_selector_all("tr.indicator-row").unwrap().length();
    assert!(rows > 5);
    assert!(
        app.query_selector(".parent-target").unwrap().is_some(),
        "the rows show the level above's targets"
    );
    let before = probe::renders("indicator-row");
    let cell: HtmlInputElement = find(&app, "tr.indicator-row input[data-col=target]")
        .dyn_into()
        .unwrap();
    type_into(&cell, "55").await;
    let edited = probe::renders("indicator-row");
    assert!(
        edited > before && edited - before <= 2,
        "only the edited row renders: {} renders",
        edited - before
    );
    assert_eq!(
        find(&app, ".save-state")
            .get_attribute("data-state")
            .as_deref(),
        Some("saving")
    );
    until_saved(&app).await;
    assert_eq!(
        probe::renders("indicator-row"),
        edited,
        "the save rendered rows again"
    );
}

#[wasm_bindgen_test]
async fn plans_an_earlier_version_kept_in_local_storage_are_there_at_first_start() {
    clear_storage().await;
    let local = gloo::utils::window().local_storage().unwrap().unwrap();
    let mut plan = sample_plan("old-1");
    plan.title = "Kế hoạch cũ trong bộ nhớ cục bộ".into();
    local
        .set_item(
            "chitieu.plan.old-1",
            &chitieu::file::to_json(&plan, "0.1.0", "2026-01-01T00:00:00.000Z"),
        )
        .unwrap();
    local
        .set_item(
            "chitieu.index",
            "[{\"id\":\"old-1\",\"title\":\"x\",\"updated\":\"\"}]",
        )
        .unwrap();
    let app = mount_app().await;
    assert_eq!(text(&app, ".plan-open"), "Kế hoạch cũ trong bộ nhớ cục bộ");
    assert!(text(&app, "[data-notice=moved]").contains("1 kế hoạch"));
    assert_eq!(local.get_item("chitieu.plan.old-1").unwrap(), None);
    // and the move happened once: a reload finds it in the new store only
    let again = mount_app().await;
    assert_eq!(again.query_selector_all(".plan-entry").unwrap().length(), 1);
    assert!(again
        .query_selector("[data-notice=moved]")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn the_start_screen_shows_the_room_used_and_offers_the_backup() {
    let app = sample_saved_then_list().await;
    until(&app, "the storage used", |r| {
        r.query_selector(".storage-info .usage").unwrap().is_some()
    })
    .await;
    let usage = text(&app, ".storage-info .usage");
    assert!(usage.starts_with("Bộ nhớ trình duyệt: đã dùng "), "{usage}");
    assert!(usage.contains("còn trống khoảng"), "{usage}");
    assert!(app
        .query_selector("[data-action=backup]:not([disabled])")
        .unwrap()
        .is_some());
    assert!(app
        .query_selector("input[name=backup-file]")
        .unwrap()
        .is_some());
}
