//! The office module as the app sees it: a second WebAssembly module
//! (Excel and Word in and out, and the dialogs that preview an imported
//! table or offer the exports) that `assets/loader.js` imports the first
//! time a planner needs it. The app hands it the plan and, for an import, a
//! callback, and learns nothing else of it.

use js_sys::{Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Opens the office module's import dialog with options (named strings:
/// the plan file, the language, the prefix of new ids, a pasted table's text
/// and HTML) and a workbook to read at once (an .xlsx dropped on the page);
/// `done` receives the plan file with the imported indicators. `failed` is
/// what the planner reads if the module cannot be loaded (`{}`: why).
pub fn import_table(
    fields: &[(&str, &str)],
    workbook: Option<&super::Files>,
    failed: &str,
    done: impl Fn(String) + 'static,
) {
    let done = Closure::<dyn Fn(String)>::new(done);
    let file = workbook.and_then(|w| w.first()).map(JsValue::from);
    call(
        "import_table",
        fields,
        file,
        failed,
        Some(done.into_js_value().into()),
    );
}

/// Opens the office module's export dialog with options (named strings: the
/// plan file, the language, the period of the results report, today).
pub fn export_files(fields: &[(&str, &str)], failed: &str) {
    call("export_files", fields, None, failed, None);
}

/// Calls the office module's exported `function`, loading the module first
/// if needed (`assets/loader.js`).
fn call(
    function: &str,
    fields: &[(&str, &str)],
    file: Option<JsValue>,
    failed: &str,
    done: Option<Function>,
) {
    let options = Object::new();
    for (k, v) in fields.iter().chain([("failed", failed)].iter()) {
        let _ = Reflect::set(&options, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    if let Some(file) = file {
        let _ = Reflect::set(&options, &"file".into(), &file);
    }
    if let Ok(load) = Reflect::get(&gloo::utils::window(), &"chitieuOffice".into())
        .and_then(|f| f.dyn_into::<Function>())
    {
        let _ = load.call3(
            &JsValue::NULL,
            &function.into(),
            &options,
            &done.map(JsValue::from).unwrap_or(JsValue::UNDEFINED),
        );
    }
}

/// Calls `on(text, html)` for a paste anywhere on the page outside a field
/// (a paste in a field belongs to the field), while the listener lives. The
/// HTML is where spreadsheets and Word put their tables; it is only ever
/// parsed as text.
pub fn on_paste(on: impl Fn(String, String) + 'static) -> gloo::events::EventListener {
    gloo::events::EventListener::new(&gloo::utils::document(), "paste", move |e| {
        let in_field = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| {
                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || el.closest("[contenteditable]").ok().flatten().is_some()
            });
        let data = e
            .dyn_ref::<web_sys::ClipboardEvent>()
            .and_then(|c| c.clipboard_data());
        if let (false, Some(d)) = (in_field, data) {
            on(
                d.get_data("text/plain").unwrap_or_default(),
                d.get_data("text/html").unwrap_or_default(),
            );
        }
    })
}
