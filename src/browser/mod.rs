//! The only code that touches the browser: storage, other tabs, the
//! document, downloads, the clock and fresh ids.

mod files;
mod focus;
pub mod grid;
mod idb;
pub mod office;
pub mod shell;
mod store;
pub mod sum;
mod tabs;
pub mod view;

pub use files::{
    chosen_files, on_drop_files, read_files, read_files_telling, Files, FilesRead, ImportError,
    Picked,
};
pub use focus::{focusables, keep_focus, trap_tab, FocusKeeper};
pub use store::{
    Listed, Moved, Now, Over, PlanEntry, Store, StoreError, Stored, Version, Why, DB_NAME,
    MAX_VERSIONS, MAX_VERSION_BYTES, QUIET_MS,
};
pub use tabs::{News, Tabs};

use crate::i18n::Lang;
use wasm_bindgen::JsCast;

const LANG_KEY: &str = "chitieu.lang";
/// the plan a tab shows, so that a reload (this tab) or the next visit (local) opens it
const OPEN_KEY: &str = "chitieu.open";

/// Runs `f` once the page's first screen has been painted, when the loader
/// tells when that is (`window.chitieuPainted`, a promise); at once otherwise
/// (the single file, tests).
pub fn after_first_paint(f: impl FnOnce() + 'static) {
    let painted = js_sys::Reflect::get(&gloo::utils::window(), &"chitieuPainted".into())
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    match painted {
        Some(p) => wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(p).await;
            f();
        }),
        None => f(),
    }
}

/// Removes the first screen `index.html` paints before the app starts.
pub fn remove_first_screen() {
    if let Some(el) = gloo::utils::document().get_element_by_id("first-screen") {
        el.remove();
    }
}

/// The page's local storage, or `None` where the browser refuses it.
pub(crate) fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

fn session() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// The keys of local storage that start with `prefix`.
pub(crate) fn local_keys(s: &web_sys::Storage, prefix: &str) -> Vec<String> {
    let n = s.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| s.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .collect()
}

/// Moves unreadable local data aside (`chitieu.aside.<time>.<key>`), never deleting it.
pub(crate) fn keep_aside_locally(s: &web_sys::Storage, key: &str, raw: &str) -> String {
    let aside = format!("chitieu.aside.{}.{key}", js_sys::Date::now() as u64);
    if s.set_item(&aside, raw).is_ok() {
        let _ = s.remove_item(key);
    }
    aside
}

/// Deletes a plan store (tests start from nothing); open handles close first.
pub async fn delete_store(name: &str) -> Result<(), StoreError> {
    let factory = idb::factory().ok_or(StoreError::Unavailable)?;
    idb::delete(&factory, name).await.map_err(StoreError::from)
}

/// The language chosen on an earlier visit, if storage holds one.
pub fn stored_lang() -> Option<Lang> {
    storage()?
        .get_item(LANG_KEY)
        .ok()
        .flatten()
        .and_then(|c| Lang::from_code(&c))
}

/// Remembers the language; a storage that refuses (private mode, full) only
/// means the choice is not remembered.
pub fn store_lang(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG_KEY, lang.code());
    }
}

/// The plan to open at start: the one this tab showed before a reload (a tab
/// that was on the start screen stays there), else the one shown last in
/// this browser.
pub fn remembered_plan() -> Option<String> {
    match session().and_then(|s| s.get_item(OPEN_KEY).ok().flatten()) {
        Some(id) => Some(id).filter(|id| !id.is_empty()),
        None => storage()?.get_item(OPEN_KEY).ok().flatten(),
    }
}

/// Whether this tab showed a plan or the start screen before (a reload).
pub fn remembered_in_tab() -> bool {
    session()
        .and_then(|s| s.get_item(OPEN_KEY).ok().flatten())
        .is_some()
}

/// Remembers the plan on screen (`None`: the start screen).
pub fn remember_plan(id: Option<&str>) {
    if let Some(s) = session() {
        let _ = s.set_item(OPEN_KEY, id.unwrap_or(""));
    }
    if let Some(s) = storage() {
        let _ = match id {
            Some(id) => s.set_item(OPEN_KEY, id),
            None => s.remove_item(OPEN_KEY),
        };
    }
}

/// How much of the browser's storage this site uses and may use, in bytes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Usage {
    pub used: f64,
    pub quota: f64,
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let has = js_sys::Reflect::get(&navigator, &"storage".into())
        .ok()
        .is_some_and(|s| !s.is_undefined());
    has.then(|| navigator.storage())
}

/// `navigator.storage.estimate()`, where the browser offers it.
pub async fn usage() -> Option<Usage> {
    let promise = storage_manager()?.estimate().ok()?;
    let estimate: web_sys::StorageEstimate = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()?
        .unchecked_into();
    Some(Usage {
        used: estimate.get_usage()?,
        quota: estimate.get_quota()?,
    })
}

/// Whether the browser keeps this site's data even when it runs short of room.
pub async fn persisted() -> bool {
    answer(storage_manager().and_then(|m| m.persisted().ok())).await
}

/// Asks the browser to keep this site's data even when it runs short of room.
pub async fn persist() -> bool {
    answer(storage_manager().and_then(|m| m.persist().ok())).await
}

/// The yes or no a storage promise settles with; no when there is none.
async fn answer(promise: Option<js_sys::Promise>) -> bool {
    let Some(promise) = promise else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Loads the page again (after another tab updated the app's storage).
pub fn reload() {
    let _ = gloo::utils::window().location().reload();
}

/// Calls `f` when the tab is being hidden or closed, the last moment to save.
pub fn on_leaving(f: impl Fn() + 'static) -> gloo::events::EventListener {
    gloo::events::EventListener::new(&gloo::utils::window(), "pagehide", move |_| f())
}

/// Asks the browser to confirm leaving the page while `unsafe_to_leave()` holds.
pub fn on_before_unload(
    unsafe_to_leave: impl Fn() -> bool + 'static,
) -> gloo::events::EventListener {
    let options = gloo::events::EventListenerOptions::enable_prevent_default();
    gloo::events::EventListener::new_with_options(
        &gloo::utils::window(),
        "beforeunload",
        options,
        move |e| {
            if unsafe_to_leave() {
                e.prevent_default();
                if let Some(e) = e.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                    e.set_return_value("");
                }
            }
        },
    )
}

/// Calls `f` when the tab is shown again.
pub fn on_visible(f: impl Fn() + 'static) -> gloo::events::EventListener {
    let document = gloo::utils::document();
    gloo::events::EventListener::new(&document.clone(), "visibilitychange", move |_| {
        if document.visibility_state() == web_sys::VisibilityState::Visible {
            f();
        }
    })
}

/// Sets `<html lang>` and the window title, for screen readers and tabs.
pub fn show_lang(lang: Lang, name: &str, subtitle: &str) {
    let document = gloo::utils::document();
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
    document.set_title(&format!("{name} · {subtitle}"));
}

/// Now, as an RFC 3339 time in UTC.
pub fn now() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

pub fn this_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
}

/// Today's date on the planner's clock.
pub fn today() -> crate::plan::Date {
    let d = js_sys::Date::new_0();
    crate::plan::Date::new(
        d.get_full_year() as i32,
        d.get_month() as u8 + 1,
        d.get_date() as u8,
    )
    .unwrap_or_else(|| crate::plan::Date::start_of_year(2026))
}

thread_local! {
    /// the official unit list once fetched: fetched at most once a page
    static UNITS: std::cell::RefCell<Option<std::rc::Rc<crate::units::UnitList>>> = const { std::cell::RefCell::new(None) };
}

/// The official list of provinces and communes, from the page's own origin
/// (or the single file's own data) the first time a unit is being chosen (it
/// is not in the bundle). `Err` with the line that could not be read, or 0
/// when the list could not be had.
pub async fn unit_list() -> Result<std::rc::Rc<crate::units::UnitList>, usize> {
    if let Some(list) = UNITS.with(|u| u.borrow().clone()) {
        return Ok(list);
    }
    let text = shell::units_text().await.ok_or(0usize)?;
    let list = std::rc::Rc::new(crate::units::UnitList::parse(&text)?);
    UNITS.with(|u| *u.borrow_mut() = Some(list.clone()));
    Ok(list)
}

/// Whether focus is leaving the element that listens (to somewhere outside it),
/// so that a menu closes when the planner tabs or clicks away.
pub fn focus_left(e: &yew::FocusEvent) -> bool {
    let Some(current) = e
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
    else {
        return true;
    };
    match e
        .related_target()
        .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
    {
        Some(next) => !current.contains(Some(&next)),
        None => true,
    }
}

/// The text a paste event carries: its plain text, or, when that is not a
/// block of cells and the clipboard holds an HTML table (a table copied from
/// a web page or an editor that gives only HTML), that table's cells as
/// tab-separated rows.
pub fn pasted_text(e: &yew::Event) -> Option<String> {
    let data = e.dyn_ref::<web_sys::ClipboardEvent>()?.clipboard_data()?;
    let text = data.get_data("text/plain").unwrap_or_default();
    if crate::numfmt::is_block(&text) {
        return Some(text);
    }
    let html = data.get_data("text/html").unwrap_or_default();
    Some(
        html_table_text(&html)
            .filter(|t| crate::numfmt::is_block(t))
            .unwrap_or(text),
    )
}

/// The first table of an HTML text as tab-separated rows. The HTML is parsed
/// into an inert document (nothing in it runs or loads, and it is never
/// shown); only the cells' text is read. A merged cell is followed by empty
/// ones, across (`colspan`) and down (`rowspan`), so the columns stay in place.
fn html_table_text(html: &str) -> Option<String> {
    if !html.to_ascii_lowercase().contains("<table") {
        return None;
    }
    // a line break inside a cell reads as a space
    let html = html.replace("<br", " <br").replace("<BR", " <BR");
    let doc = web_sys::DomParser::new()
        .ok()?
        .parse_from_string(&html, web_sys::SupportedType::TextHtml)
        .ok()?;
    let table = doc.query_selector("table").ok()??;
    // the table's own rows, not those of a table inside one of its cells
    let rows = table
        .query_selector_all(
            ":scope > tr, :scope > thead > tr, :scope > tbody > tr, :scope > tfoot > tr",
        )
        .ok()?;
    // for each column, how many more rows a merged cell above still covers
    let mut covered: Vec<usize> = Vec::new();
    let mut out: Vec<String> = Vec::new();
    let span = |cell: &web_sys::Element, name: &str, most: usize| {
        cell.get_attribute(name)
            .and_then(|s| s.trim().parse::<usize>().ok())
            .unwrap_or(1)
            .clamp(1, most)
    };
    for r in 0..rows.length() {
        let Some(row) = rows
            .item(r)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            continue;
        };
        let cells = row.query_selector_all(":scope > td, :scope > th").ok()?;
        let mut line: Vec<String> = Vec::new();
        fn skip_covered(covered: &mut [usize], line: &mut Vec<String>) {
            while let Some(n) = covered.get_mut(line.len()).filter(|n| **n > 0) {
                *n -= 1;
                line.push(String::new());
            }
        }
        for c in 0..cells.length() {
            let Some(cell) = cells
                .item(c)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            else {
                continue;
            };
            skip_covered(&mut covered, &mut line);
            let text = cell.text_content().unwrap_or_default();
            let down = span(&cell, "rowspan", 10_000) - 1;
            for k in 0..span(&cell, "colspan", 64) {
                let col = line.len();
                if covered.len() <= col {
                    covered.resize(col + 1, 0);
                }
                covered[col] = down;
                line.push(if k == 0 {
                    text.split_whitespace().collect::<Vec<_>>().join(" ")
                } else {
                    String::new()
                });
            }
        }
        skip_covered(&mut covered, &mut line);
        out.push(line.join("\t"));
    }
    Some(out.join("\n"))
}

/// An id no other plan or indicator in this browser has: time and randomness.
pub fn new_id(prefix: &str) -> String {
    let t = js_sys::Date::now() as u64;
    let r = (js_sys::Math::random() * 1e12) as u64;
    format!("{prefix}-{t:x}-{r:x}")
}

/// Offers text as a file download, without leaving the page.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag)
        .map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let document = gloo::utils::document();
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Offers bytes as a file download (an archive), without leaving the page.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &bag)
        .map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let a: web_sys::HtmlAnchorElement = gloo::utils::document()
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The text of the input or textarea an input event came from.
pub fn input_value(e: &yew::InputEvent) -> String {
    let Some(target) = e.target() else {
        return String::new();
    };
    if let Some(i) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        i.value()
    } else if let Some(t) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.value()
    } else {
        String::new()
    }
}

/// Whether the `<details>` a `toggle` event came from is open now.
pub fn is_open(e: &yew::Event) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|d| d.has_attribute("open"))
}

/// The chosen value of the select a change event came from.
pub fn select_value(e: &yew::Event) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

/// Calls `on(redo)` for Ctrl+Z (false) and Ctrl+Shift+Z or Ctrl+Y (true);
/// the field being typed in is left first, so it shows the restored value,
/// then focused again.
pub fn on_undo_keys(on: impl Fn(bool) + 'static) -> gloo::events::EventListener {
    let window = gloo::utils::window();
    // not passive: the browser's own undo in a text field must be prevented
    let options = gloo::events::EventListenerOptions::enable_prevent_default();
    gloo::events::EventListener::new_with_options(&window, "keydown", options, move |event| {
        let Some(e) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        if !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
            return;
        }
        let key = e.key().to_lowercase();
        let redo = match key.as_str() {
            "z" => e.shift_key(),
            "y" => true,
            _ => return,
        };
        e.prevent_default();
        let field = gloo::utils::document()
            .active_element()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(el) = &field {
            let _ = el.blur();
        }
        on(redo);
        // and taken again once drawn, showing what it holds now (the focus is never lost)
        if let Some(el) = field {
            after_draw(move || {
                if el.is_connected() {
                    let _ = el.focus();
                }
            });
            focus_main_if_lost();
        }
    })
}

/// Puts focus on an element rendered by a component.
pub fn focus(node: &yew::NodeRef) {
    if let Some(el) = node.cast::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

/// Runs `f` once the page has been drawn again: Yew draws what an action
/// changed before the browser runs a timeout of zero.
pub(crate) fn after_draw(f: impl FnOnce() + 'static) {
    gloo::timers::callback::Timeout::new(0, f).forget();
}

/// Focuses an element that can take the focus; whether there was one.
fn focus_element(el: Option<web_sys::Element>) -> bool {
    el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|e| e.focus().is_ok())
}

/// Puts the focus on the page's main region once the page has been drawn
/// again, if the focus fell to the page itself (the element that held it is gone).
pub fn focus_main_if_lost() {
    after_draw(|| {
        let doc = gloo::utils::document();
        if doc.active_element().is_none_or(|a| a.tag_name() == "BODY") {
            focus_element(doc.get_element_by_id("main"));
        }
    });
}

/// Puts the focus on the element a (constant) selector finds, once the page
/// has been drawn again (a dialog closed: back to the button that opened it).
pub fn focus_soon(selector: &'static str) {
    after_draw(move || {
        focus_element(
            gloo::utils::document()
                .query_selector(selector)
                .ok()
                .flatten(),
        );
    });
}

/// Whether a key was pressed in a form field (input, text area, list).
pub fn in_field(e: &yew::KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|t| matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// Puts the focus on an indicator's name in the table once the page has been
/// drawn again (a panel about it closed).
pub fn focus_row_name(id: &str) {
    focus_in_row("tr.indicator-row", "data-id", id, ".name-button");
}

/// Puts the focus, once the page has been drawn again, on the element `inner`
/// finds in the row (`rows`) whose attribute `attr` is `value`; where there is
/// none (the row is not drawn), on the page's main region if the focus fell.
pub fn focus_in_row(rows: &'static str, attr: &'static str, value: &str, inner: &'static str) {
    let value = value.to_string();
    after_draw(move || {
        let Ok(list) = gloo::utils::document().query_selector_all(rows) else {
            return;
        };
        let found = (0..list.length())
            .filter_map(|k| {
                list.item(k)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            })
            .find(|r| r.get_attribute(attr).as_deref() == Some(value.as_str()));
        if !focus_element(found.and_then(|r| r.query_selector(inner).ok().flatten())) {
            focus_main_if_lost();
        }
    });
}

/// Opens the browser's print dialog (the print stylesheet lays out the annex).
pub fn print() {
    let _ = gloo::utils::window().print();
}

/// A stored RFC 3339 time as the planner's clock shows it: "22/11/2026 10:05".
pub fn local_time(iso: &str) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    if d.get_time().is_nan() {
        return String::new();
    }
    format!(
        "{:02}/{:02}/{} {:02}:{:02}",
        d.get_date(),
        d.get_month() + 1,
        d.get_full_year(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// Moves the focus `by` places among the elements `selector` finds inside
/// `within` (a list walked with the arrow keys), staying at its ends; from
/// outside the list, a step forward goes to its first element. Whether the
/// focus moved.
pub fn step_focus(within: &yew::NodeRef, selector: &str, by: i32) -> bool {
    let Some(root) = within.cast::<web_sys::Element>() else {
        return false;
    };
    let Ok(list) = root.query_selector_all(selector) else {
        return false;
    };
    let items: Vec<web_sys::Element> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect();
    let current = gloo::utils::document().active_element();
    let at = current.and_then(|c| items.iter().position(|el| el == &c));
    let to = match at {
        Some(k) => (k as i64 + i64::from(by)).clamp(0, items.len() as i64 - 1) as usize,
        None if by > 0 => 0,
        None => return false,
    };
    if at == Some(to) {
        return false;
    }
    focus_element(items.get(to).cloned())
}

/// Clicks the first element `selector` finds inside `within`; whether there was one.
pub fn click_first(within: &yew::NodeRef, selector: &str) -> bool {
    within
        .cast::<web_sys::Element>()
        .and_then(|r| r.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .map(|e| e.click())
        .is_some()
}

/// Whether an event comes from the field named `name`.
pub fn from_field(e: &yew::Event, name: &str) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| el.get_attribute("name").as_deref() == Some(name))
}
