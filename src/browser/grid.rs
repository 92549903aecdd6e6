//! Moving between figure cells as in a spreadsheet, and the clipboard of a
//! copy event. The table's cells are the `input.figure-input` elements of
//! the rows of its `<table>`, in document order.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};

fn input_of(target: Option<web_sys::EventTarget>) -> Option<HtmlInputElement> {
    target?.dyn_into::<HtmlInputElement>().ok()
}

fn cells_of(row: &Element) -> Vec<HtmlInputElement> {
    let Ok(list) = row.query_selector_all("input.figure-input") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

/// Moves focus from the cell a key was pressed in by `rows` and `cols`,
/// staying inside the table; the cell reached has its text selected, so that
/// typing replaces it. False when there is no cell that way.
pub fn move_focus(e: &yew::KeyboardEvent, rows: i32, cols: i32) -> bool {
    let Some(input) = input_of(e.target()) else {
        return false;
    };
    let (Ok(Some(row)), Ok(Some(table))) = (input.closest("tr"), input.closest("table")) else {
        return false;
    };
    let Ok(list) = table.query_selector_all("tr") else {
        return false;
    };
    let rows_with_cells: Vec<Element> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .filter(|r| !cells_of(r).is_empty())
        .collect();
    let Some(r) = rows_with_cells.iter().position(|x| x == &row) else {
        return false;
    };
    let Some(c) = cells_of(&row).iter().position(|x| x == &input) else {
        return false;
    };
    let (r2, c2) = (r as i32 + rows, c as i32 + cols);
    if r2 < 0 || c2 < 0 {
        return false;
    }
    let Some(next) = rows_with_cells
        .get(r2 as usize)
        .and_then(|row| cells_of(row).get(c2 as usize).cloned())
    else {
        return false;
    };
    let _ = next.focus();
    next.select();
    true
}

/// Selects the whole text of the cell that received focus.
pub fn select_all(e: &yew::FocusEvent) {
    if let Some(input) = input_of(e.target()) {
        input.select();
    }
}

/// Selects the cell's text once the cell has been drawn again (drawing sets
/// its value, which would drop a selection made now).
pub fn select_soon(target: Option<web_sys::EventTarget>) {
    if let Some(input) = input_of(target) {
        super::after_draw(move || input.select());
    }
}

/// Puts the caret after the cell's text, to edit it in place (F2, double click).
pub fn caret_to_end(target: Option<web_sys::EventTarget>) {
    if let Some(input) = input_of(target) {
        let end = input.value().encode_utf16().count() as u32;
        let _ = input.set_selection_range(end, end);
    }
}

/// Gives a copy event `text` as what is copied, in place of the page's selection.
pub fn set_copied(e: &yew::Event, text: &str) -> bool {
    let Some(data) = e
        .dyn_ref::<web_sys::ClipboardEvent>()
        .and_then(|c| c.clipboard_data())
    else {
        return false;
    };
    if data.set_data("text/plain", text).is_err() {
        return false;
    }
    e.prevent_default();
    true
}
