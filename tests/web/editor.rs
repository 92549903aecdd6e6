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
    find(row, &format!("input[data-col={column}]"))
        .dyn_into()
        .unwrap()
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
    // the sample has baselines and targets only: a draft, never "on track"
    assert_eq!(text(&mc, ".status"), "Chưa có số liệu thực hiện");
    assert_eq!(tile(&app, "on-track"), "0");
    assert_eq!(tile(&app, "no-actual"), "14");
    assert!(app.query_selector(".draft-note").unwrap().is_some());
    assert_eq!(text(&app, ".tile.score .tile-number"), "—");
    assert_eq!(text(&mc, ".gap-counts"), "thêm 3 xã");
    // a cut typed as the amount now and before shows the cut itself, which the target is compared with
    type_into(&input(&row(&app, "HOP-01"), "actual"), "96/120").await;
    let hop = row(&app, "HOP-01");
    assert_eq!(text(&hop, ".col-actual .derived"), "giảm 20%");
    assert_eq!(text(&hop, ".gap-main"), "10%");
    type_into(&input(&row(&app, "HOP-01"), "actual"), "").await;
    // 103 services now and 103 to keep: the baseline meets the target, nothing is reached yet
    assert_eq!(
        text(&row(&app, "DVC-03"), ".gap-main"),
        "Hiện trạng đã đạt mục tiêu"
    );
    // all 15 communes run one-stop software by the end of 2021
    type_into(&input(&mc, "actual"), "15/15").await;
    let mc = row(&app, "MC-01");
    assert_eq!(text(&mc, ".status"), "Đạt");
    assert_eq!(text(&mc, ".gap-main"), "Đã đạt");
    assert_eq!(tile(&app, "met"), "1");
    assert_eq!(text(&app, ".score-covers"), "trên 1/14 chỉ tiêu có số liệu");
    // 13 of 15 at the end of 2021, a year long over: not met
    type_into(&input(&mc, "actual"), "13/15").await;
    let mc = row(&app, "MC-01");
    assert_eq!(text(&mc, ".status"), "Không đạt");
    // what it fell short by: nothing is still to do in a year that is over
    assert_eq!(text(&mc, ".gap-counts"), "thiếu 2 xã");
    assert_eq!(tile(&app, "not-met"), "1");
}

#[wasm_bindgen_test]
async fn judgments_follow_the_date_the_figures_are_counted_to() {
    let app = open_sample().await;
    let as_of: HtmlInputElement = find(&app, ".as-of input[name=as_of]").dyn_into().unwrap();
    type_into(&as_of, "30/06/2021").await;
    as_of.blur().unwrap();
    // 14 of 15 communes at mid-year, where the way from 12 to 15 stands at 13.5: on track
    type_into(&input(&row(&app, "MC-01"), "actual"), "14/15").await;
    assert_eq!(text(&row(&app, "MC-01"), ".status"), "Đúng tiến độ");
    // 13 of 15 is short of it: behind
    type_into(&input(&row(&app, "MC-01"), "actual"), "13/15").await;
    assert_eq!(text(&row(&app, "MC-01"), ".status"), "Chậm tiến độ");
    // back to today: 2021 is over and judged on its final figure
    click(&app, ".as-of .button").await;
    assert_eq!(text(&row(&app, "MC-01"), ".status"), "Không đạt");
    assert!(text(&app, ".as-of-note").contains("đã kết thúc"));
    assert!(app.query_selector(".as-of-future").unwrap().is_none());
    // a date after today is said to be one: the verdicts take the figures as that day's
    let as_of: HtmlInputElement = find(&app, ".as-of input[name=as_of]").dyn_into().unwrap();
    type_into(&as_of, "31/12/2099").await;
    as_of.blur().unwrap();
    yew::scheduler::flush().await;
    assert!(
        text(&app, ".as-of-future").starts_with("Ngày tính số liệu 31/12/2099 là sau hôm nay"),
        "{}",
        text(&app, ".as-of")
    );
}

#[wasm_bindgen_test]
async fn a_target_cell_takes_a_comparator_and_a_range() {
    let app = open_sample().await;
    let cell = input(&row(&app, "VB-02"), "target");
    type_into(&cell, "trên 85").await;
    cell.blur().unwrap();
    yew::scheduler::flush().await;
    let vb = row(&app, "VB-02");
    assert_eq!(text(&vb, ".comparator"), ">");
    assert_eq!(input(&vb, "target").value(), "85");
    // exactly at the bound of "more than": more is needed, and the bar is not full
    type_into(&input(&vb, "actual"), "85").await;
    let vb = row(&app, "VB-02");
    assert_eq!(text(&vb, ".status"), "Không đạt");
    assert_eq!(text(&vb, ".gap-main"), "cần > 85%");
    assert_ne!(text(&vb, ".bar-label"), "100%");
    // a range shows as a range
    let cell = input(&row(&app, "VB-02"), "target");
    type_into(&cell, "80–90").await;
    cell.blur().unwrap();
    yew::scheduler::flush().await;
    assert_eq!(input(&row(&app, "VB-02"), "target").value(), "80–90");
}

/// Pastes text into a cell as the browser does with Ctrl+V; true when the page took it over.
async fn paste_into(cell: &HtmlInputElement, text: &str) -> bool {
    paste_data(cell, &[("text/plain", text)]).await
}

/// Pastes a clipboard holding these kinds of data into a cell; whether the
/// app took the paste over.
async fn paste_data(cell: &HtmlInputElement, kinds: &[(&str, &str)]) -> bool {
    cell.focus().unwrap();
    yew::scheduler::flush().await;
    let data = web_sys::DataTransfer::new().unwrap();
    for (kind, text) in kinds {
        data.set_data(kind, text).unwrap();
    }
    let init = web_sys::ClipboardEventInit::new();
    init.set_clipboard_data(Some(&data));
    init.set_bubbles(true);
    init.set_cancelable(true);
    let ev = web_sys::ClipboardEvent::new_with_event_init_dict("paste", &init).unwrap();
    let not_cancelled = cell.dispatch_event(&ev).unwrap();
    yew::scheduler::flush().await;
    !not_cancelled
}

#[wasm_bindgen_test]
async fn a_pasted_column_fills_the_cells_below_and_is_never_one_number() {
    let app = open_sample().await;
    // a column copied from a spreadsheet: VB-02, BC-01 and HOP-01's actuals, one of them not a figure
    assert!(paste_into(&input(&row(&app, "VB-02"), "actual"), "85\r\nxx\r\n100\r\n").await);
    assert_eq!(input(&row(&app, "VB-02"), "actual").value(), "85");
    assert_eq!(input(&row(&app, "HOP-01"), "actual").value(), "100");
    let bc01 = row(&app, "BC-01");
    assert_eq!(
        input(&bc01, "actual").value(),
        "xx",
        "the refused text stays in sight"
    );
    assert_eq!(text(&bc01, ".cell-error"), "Không phải là số");
    // one undo step takes the whole paste back
    click(&app, ".toolbar .undo").await;
    assert_eq!(input(&row(&app, "VB-02"), "actual").value(), "");
    assert_eq!(input(&row(&app, "HOP-01"), "actual").value(), "");
    // outside the table, a block pasted into one cell is refused
    click(&row(&app, "VB-02"), ".name-button").await;
    let panel = find(&app, "aside.detail");
    let detail_actual: HtmlInputElement = find(&panel, "input[data-col=detail-actual]")
        .dyn_into()
        .unwrap();
    assert!(paste_into(&detail_actual, "85\n90\n100\n").await);
    assert_eq!(
        text(&panel, ".cell-error"),
        "Đã dán nhiều ô hoặc nhiều dòng vào một ô: hãy dán từng số một"
    );
    assert_eq!(detail_actual.value(), "");
}

#[wasm_bindgen_test]
async fn a_table_pasted_as_html_alone_fills_the_cells_from_there() {
    let app = open_sample().await;
    // a table copied from a web page: its plain text runs the cells together
    let html = "<meta charset=utf-8><table><tbody>\
        <tr><td>85</td><td>90</td></tr>\
        <tr><td colspan=2>70,5</td></tr>\
        <tr><td><img src=x onerror=alert(1)>100</td><td>95</td></tr>\
        </tbody></table>";
    let cell = input(&row(&app, "VB-02"), "baseline");
    assert!(
        paste_data(
            &cell,
            &[("text/plain", "85 90 70,5 100 95"), ("text/html", html)]
        )
        .await
    );
    // VB-02, BC-01, HOP-01 take the rows; the baseline and target columns the cells
    assert_eq!(input(&row(&app, "VB-02"), "baseline").value(), "85");
    assert_eq!(input(&row(&app, "VB-02"), "target").value(), "90");
    assert_eq!(input(&row(&app, "BC-01"), "baseline").value(), "70,5");
    assert_eq!(input(&row(&app, "HOP-01"), "baseline").value(), "100");
    assert_eq!(input(&row(&app, "HOP-01"), "target").value(), "95");
    // a cell merged down keeps the columns of the rows below it in place
    let html =
        "<table><tr><td rowspan=2>61</td><td>81<br>(ước)</td></tr><tr><td>21</td></tr></table>";
    let cell = input(&row(&app, "VB-02"), "baseline");
    assert!(paste_data(&cell, &[("text/plain", "61 81 21"), ("text/html", html)]).await);
    assert_eq!(input(&row(&app, "VB-02"), "baseline").value(), "61");
    assert_eq!(input(&row(&app, "BC-01"), "target").value(), "21");
    // a plain figure with no table is the browser's to paste
    let one = input(&row(&app, "AT-01"), "actual");
    assert!(!paste_data(&one, &[("text/plain", "42")]).await);
}

#[wasm_bindgen_test]
async fn arrows_move_between_cells_and_f2_edits_in_place() {
    let app = open_sample().await;
    let start = input(&row(&app, "VB-02"), "baseline");
    start.focus().unwrap();
    yew::scheduler::flush().await;
    let active = || gloo::utils::document().active_element().unwrap();
    key(&start, "ArrowRight").await;
    assert_eq!(active(), input(&row(&app, "VB-02"), "target").into());
    key(&input(&row(&app, "VB-02"), "target"), "ArrowDown").await;
    assert_eq!(active(), input(&row(&app, "BC-01"), "target").into());
    key(&input(&row(&app, "BC-01"), "target"), "Enter").await;
    assert_eq!(active(), input(&row(&app, "HOP-01"), "target").into());
    // typing over the cell replaces its text, and an arrow then commits and moves on
    let hop = input(&row(&app, "HOP-01"), "target");
    assert_eq!(
        (hop.selection_start().unwrap(), hop.selection_end().unwrap()),
        (Some(0), Some(2)),
        "the text is selected"
    );
    type_into(&hop, "35").await;
    key(&hop, "ArrowUp").await;
    assert_eq!(active(), input(&row(&app, "BC-01"), "target").into());
    assert_eq!(input(&row(&app, "HOP-01"), "target").value(), "35");
    // F2 edits in place: arrows stay in the cell
    let bc01 = input(&row(&app, "BC-01"), "target");
    key(&bc01, "F2").await;
    key(&bc01, "ArrowDown").await;
    assert_eq!(active(), bc01.clone().into());
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
    assert_eq!(text(&vb, ".status"), "Không đạt");
    assert_eq!(text(&vb, ".gap-counts"), "thiếu 5");
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
    assert_eq!(
        text(&row(&app, "VB-02"), ".cell-error"),
        "Không được là số âm"
    );
    // leaving the cell keeps the wrong entry in sight with its error, and the
    // plan goes back to the figure the cell held before (80: the gap from 62 is 18)
    cell.blur().unwrap();
    yew::scheduler::flush().await;
    assert_eq!(cell.value(), "-5");
    assert_eq!(
        text(&row(&app, "VB-02"), ".cell-error"),
        "Không được là số âm"
    );
    assert_eq!(text(&row(&app, "VB-02"), ".gap-main"), "18%");
    // Escape puts back what the cell held
    cell.focus().unwrap();
    yew::scheduler::flush().await;
    key(&cell, "Escape").await;
    assert_eq!(cell.value(), "80");
    assert!(row(&app, "VB-02")
        .query_selector(".cell-error")
        .unwrap()
        .is_none());
    // a share above 100% is refused in place too, and the plan keeps its figure
    type_into(&cell, "120").await;
    assert_eq!(
        text(&row(&app, "VB-02"), ".cell-error"),
        "Tỷ lệ không được quá 100%"
    );
    assert_eq!(text(&row(&app, "VB-02"), ".gap-main"), "18%");
}

#[wasm_bindgen_test]
async fn a_wrong_entry_left_in_a_cell_outlives_a_search_that_hides_its_row() {
    let app = open_sample().await;
    let cell = input(&row(&app, "VB-02"), "target");
    type_into(&cell, "9O").await;
    cell.blur().unwrap();
    yew::scheduler::flush().await;
    assert_eq!(text(&row(&app, "VB-02"), ".cell-error"), "Không phải là số");
    // a search that hides the row, then shows it again
    let search: HtmlInputElement = find(&app, "input[name=find-indicator]").dyn_into().unwrap();
    type_into(&search, "AT-01").await;
    assert!(app
        .query_selector("tr[data-code=\"VB-02\"]")
        .unwrap()
        .is_none());
    type_into(&search, "").await;
    let vb02 = row(&app, "VB-02");
    assert_eq!(
        input(&vb02, "target").value(),
        "9O",
        "the entry is still in sight"
    );
    assert_eq!(text(&vb02, ".cell-error"), "Không phải là số");
    // and the plan still holds what the cell held before
    assert_eq!(text(&vb02, ".gap-main"), "18%");
    // Escape in the cell puts it back
    let cell = input(&vb02, "target");
    cell.focus().unwrap();
    yew::scheduler::flush().await;
    key(&cell, "Escape").await;
    assert_eq!(input(&row(&app, "VB-02"), "target").value(), "80");
    assert!(row(&app, "VB-02")
        .query_selector(".cell-error")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn escape_puts_back_and_undo_restores() {
    let app = open_sample().await;
    let cell = input(&row(&app, "BC-01"), "target");
    type_into(&cell, "45").await;
    assert_eq!(text(&row(&app, "BC-01"), ".gap-main"), "40%");
    key(&cell, "Escape").await;
    assert_eq!(text(&row(&app, "BC-01"), ".gap-main"), "15%");
    // one typed value is one undo step
    let cell = input(&row(&app, "BC-01"), "target");
    type_into(&cell, "3").await;
    type_into(&cell, "30").await;
    cell.blur().unwrap();
    yew::scheduler::flush().await;
    assert_eq!(text(&row(&app, "BC-01"), ".gap-main"), "25%");
    click(&app, ".toolbar .undo").await;
    assert_eq!(text(&row(&app, "BC-01"), ".gap-main"), "15%");
    assert_eq!(input(&row(&app, "BC-01"), "target").value(), "20");
    click(&app, ".toolbar .redo").await;
    assert_eq!(input(&row(&app, "BC-01"), "target").value(), "30");
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
    assert_eq!(
        find(&app, ".group-toggle")
            .get_attribute("aria-expanded")
            .as_deref(),
        Some("false")
    );
}

#[wasm_bindgen_test]
async fn the_detail_panel_edits_every_field_and_draws_the_trajectory() {
    let app = open_sample().await;
    click(&row(&app, "CKS-02"), ".name-button").await;
    let panel = find(&app, "aside.detail");
    assert!(text(&panel, "#detail-title").starts_with("CKS-02"));
    assert!(panel
        .query_selector("svg.trajectory polyline.milestones")
        .unwrap()
        .is_some());
    assert!(text(&panel, ".rate").starts_with("Tốc độ cần đạt"));
    // the date the judgments are made on is marked, with where the trajectory stands then
    assert!(panel
        .query_selector("svg.trajectory .as-of line")
        .unwrap()
        .is_some());
    assert_eq!(
        text(&panel, ".key-as-of"),
        "Tính đến 31/12/2021 (vạch dọc), theo lộ trình cần 100%"
    );
    // renaming in the panel renames the row
    let name: HtmlInputElement = find(&panel, "label.field input").dyn_into().unwrap();
    assert_eq!(name.value(), "CKS-02");
    type_into(&name, "CKS-9").await;
    assert!(app
        .query_selector("tr[data-code=\"CKS-9\"]")
        .unwrap()
        .is_some());
}

#[wasm_bindgen_test]
async fn shift_and_arrows_select_cells_that_copy_as_a_spreadsheet_block() {
    let app = open_sample().await;
    let start = input(&row(&app, "VB-01"), "baseline");
    start.focus().unwrap();
    yew::scheduler::flush().await;
    let shift = |k: &'static str| {
        let init = web_sys::KeyboardEventInit::new();
        init.set_key(k);
        init.set_shift_key(true);
        init.set_bubbles(true);
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap()
    };
    start.dispatch_event(&shift("ArrowRight")).unwrap();
    yew::scheduler::flush().await;
    let here: HtmlInputElement = gloo::utils::document()
        .active_element()
        .unwrap()
        .dyn_into()
        .unwrap();
    here.dispatch_event(&shift("ArrowDown")).unwrap();
    yew::scheduler::flush().await;
    assert_eq!(
        app.query_selector_all("td.in-selection").unwrap().length(),
        4
    );
    let data = web_sys::DataTransfer::new().unwrap();
    let init = web_sys::ClipboardEventInit::new();
    init.set_clipboard_data(Some(&data));
    init.set_bubbles(true);
    init.set_cancelable(true);
    let copy = web_sys::ClipboardEvent::new_with_event_init_dict("copy", &init).unwrap();
    let active = gloo::utils::document().active_element().unwrap();
    assert!(
        !active.dispatch_event(&copy).unwrap(),
        "the page writes the copied cells"
    );
    assert_eq!(
        data.get_data("text/plain").unwrap(),
        "95,01%\t97%\r\n62%\t80%\r\n"
    );
    // a plain arrow ends the selection
    let now: HtmlInputElement = active.dyn_into().unwrap();
    key(&now, "ArrowDown").await;
    assert_eq!(
        app.query_selector_all("td.in-selection").unwrap().length(),
        0
    );
}
