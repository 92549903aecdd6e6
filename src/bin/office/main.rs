//! The office module: Excel and Word in and out, with the dialogs that use
//! them. Trunk builds it as a second WebAssembly module beside the app
//! (`office.js`, `office_bg.wasm`); `assets/loader.js` imports it the first
//! time a planner pastes a table, imports a workbook or exports to Excel,
//! Word or CSV, so the app itself never carries the readers and writers.
//!
//! It exports two functions the app calls with a plain object of strings:
//! `import_table({plan, lang, ids, text, html}, done)` previews a table
//! (pasted, or pasted or chosen in the dialog) and calls `done(plan)` with
//! the plan file holding the imported indicators; `export_files({plan,
//! lang, period, today})` offers the files to download. The reading and
//! writing is `chitieu::office::Session`, tested natively; this binary only
//! draws the dialogs, with plain DOM calls (text only, never HTML).

mod dialogs;
mod dom;

use wasm_bindgen::prelude::*;

fn main() {}

/// Opens the import dialog; see the module's documentation.
#[wasm_bindgen]
pub fn import_table(options: JsValue, done: js_sys::Function) {
    dialogs::import(&options, done);
}

/// Opens the export dialog; see the module's documentation.
#[wasm_bindgen]
pub fn export_files(options: JsValue) {
    dialogs::export(&options);
}
