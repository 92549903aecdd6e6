//! The editor in a real browser: a planner types into cells and reads what
//! the table and summary say.

use crate::support::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;
use web_sys::{Element, HtmlInputElement};

async fn open_sample() -> Element {
    clear_storage().await;
    let app = mount_app().await;
    click(&app, "[data-action=start-sample]").await;
    app
}

fn row(app: &Element, code: &str) -> Element {
    find(app, &format!("tr[data-code=\"{code}\"]"))
}

fn input(row: &Element, column: &str) -> HtmlInputElement {
    find(row, &format!("input[data-col={column}]")).dyn_into().unwrap()
}

async fn key(el: &HtmlInputElement, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&ev).unwrap();
    yew::scheduler::flush().await;
}

fn tile(app: &Element, status: &str) -> String {
    text(app, &format!(".tile[data-status={status}] .tile-number"))
}

#[wasm_bindgen_test]
async fn editing_an_actual_updates_gap_status_and_summary() {
    let app = open_sample().await;
    let mc = row(&app, "MC-01");
    assert_eq!(text(&mc, ".status"), "Đúng tiến độ");
    assert_eq!(text(&mc, ".gap-counts"), "thêm 3");
    let met_before: usize = tile(&app, "met").parse().unwrap();
    // all 15 communes run one-stop software by the end of 2021
    type_into(&input(&mc, "actual"), "15/15").await;
    let mc = row(&app, "MC-01");
    assert_eq!(text(&mc, ".status"), "Đạt");
    assert_eq!(text(&mc, ".gap-main"), "Đã đạt");
    assert_eq!(tile(&app, "met"), (met_before + 1).to_string());
    // 13 of 15 at the year's end, the deadline: behind
    type_into(&input(&mc, "actual"), "13/15").await;
    let mc = row(&app, "MC-01");
    assert_eq!(text(&mc, ".status"), "Chậm");
    assert_eq!(text(&mc, ".gap-counts"), "thêm 2");
    assert_eq!(tile(&app, "behind"), "1");
}

#[wasm_bindgen_test]
async fn vietnamese_numbers_are_read_the_vietnamese_way() {
    let app = open_sample().await;
    let vb = row(&app, "VB-02");
    type_into(&input(&vb, "actual"), "80,5").await;
    assert_eq!(text(&row(&app, "VB-02"), ".status"), "Đạt");
    // 1.249/1.567 is thousands in Vietnamese: 79.7%, short of 80
    type_into(&input(&row(&app, "VB-02"), "actual"), "1.249/1.567").await;
    let vb = row(&app, "VB-02");
    assert_eq!(text(&vb, ".derived"), "= 79,7%");
    assert_eq!(text(&vb, ".status"), "Chậm");
    assert_eq!(text(&vb, ".gap-counts"), "thêm 5");
}

#[wasm_bindgen_test]
async fn a_bad_number_shows_its_error_and_keeps_the_last_valid_value() {
    let app = open_sample().await;
    let cell = input(&row(&app, "VB-02"), "target");
    type_into(&cell, "85").await;
    type_into(&cell, "85x").await;
    let vb = row(&app, "VB-02");
    assert_eq!(text(&vb, ".cell-error"), "Không phải là số");
    assert_eq!(cell.get_attribute("aria-invalid").as_deref(), Some("true"));
    // the plan kept 85: the gap from 62 is 23
    assert_eq!(text(&vb, ".gap-main"), "23%");
    type_into(&cell, "-5").await;
    assert_eq!(text(&row(&app, "VB-02"), ".cell-error"), "Không được là số âm");
    // leaving the cell shows the plan's value again
    cell.blur().unwrap();
    yew::scheduler::flush().await;
    assert_eq!(cell.value(), "85");
    // above 100% is taken but flagged in place
    type_into(&cell, "120").await;
    assert_eq!(text(&row(&app, "VB-02"), ".cell-flag"), "Trên 100%");
}

#[wasm_bindgen_test]
async fn escape_puts_back_and_undo_restores() {
    let app = open_sample().await;
    let cell = input(&row(&app, "VB-03"), "target");
    type_into(&cell, "45").await;
    assert_eq!(text(&row(&app, "VB-03"), ".gap-main"), "40%");
    key(&cell, "Escape").await;
    assert_eq!(text(&row(&app, "VB-03"), ".gap-main"), "15%");
    // one typed value is one undo step
    let cell = input(&row(&app, "VB-03"), "target");
    type_into(&cell, "3").await;
    type_into(&cell, "30").await;
    cell.blur().unwrap();
    yew::scheduler::flush().await;
    assert_eq!(text(&row(&app, "VB-03"), ".gap-main"), "25%");
    click(&app, ".toolbar .undo").await;
    assert_eq!(text(&row(&app, "VB-03"), ".gap-main"), "15%");
    assert_eq!(input(&row(&app, "VB-03"), "target").value(), "20");
    click(&app, ".toolbar .redo").await;
    assert_eq!(input(&row(&app, "VB-03"), "target").value(), "30");
}

#[wasm_bindgen_test]
async fn delete_offers_undo_and_groups_collapse() {
    let app = open_sample().await;
    let count = || app.query_selector_all("tr.indicator-row").unwrap().length();
    assert_eq!(count(), 14);
    click(&row(&app, "TD-01"), "button.del").await;
    assert_eq!(count(), 13);
    assert!(text(&app, "[data-notice=deleted]").contains("Đã xoá chỉ tiêu"));
    click(&app, "[data-notice=deleted] .button").await;
    assert_eq!(count(), 14);
    click(&app, ".group-toggle").await;
    assert_eq!(count(), 10);
    assert_eq!(find(&app, ".group-toggle").get_attribute("aria-expanded").as_deref(), Some("false"));
}

#[wasm_bindgen_test]
async fn the_detail_panel_edits_every_field_and_draws_the_trajectory() {
    let app = open_sample().await;
    click(&row(&app, "CKS-02"), ".name-button").await;
    let panel = find(&app, "aside.detail");
    assert!(text(&panel, "#detail-title").starts_with("CKS-02"));
    assert!(panel.query_selector("svg.trajectory polyline.milestones").unwrap().is_some());
    assert!(text(&panel, ".rate").starts_with("Tốc độ cần đạt"));
    // renaming in the panel renames the row
    let name: HtmlInputElement = find(&panel, "label.field input").dyn_into().unwrap();
    assert_eq!(name.value(), "CKS-02");
    type_into(&name, "CKS-9").await;
    assert!(app.query_selector("tr[data-code=\"CKS-9\"]").unwrap().is_some());
}
