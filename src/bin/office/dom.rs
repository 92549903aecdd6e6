//! Small helpers to build the dialogs with the DOM: elements with a class,
//! text set as text (never as HTML), listeners, a download.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement};

pub fn document() -> web_sys::Document {
    gloo::utils::document()
}

/// A new element with a class (empty: none).
pub fn el(tag: &str, class: &str) -> Element {
    let e = document().create_element(tag).expect("an element");
    if !class.is_empty() {
        e.set_class_name(class);
    }
    e
}

/// A new element holding text.
pub fn text(tag: &str, class: &str, text: &str) -> Element {
    let e = el(tag, class);
    e.set_text_content(Some(text));
    e
}

pub fn attr(e: &Element, name: &str, value: &str) {
    let _ = e.set_attribute(name, value);
}

pub fn add(parent: &Element, child: &Element) {
    let _ = parent.append_child(child);
}

pub fn button(class: &str, label: &str) -> Element {
    let b = text("button", class, label);
    attr(&b, "type", "button");
    b
}

/// A `<select>` with its options, the chosen one selected.
pub fn select(name: &str, label: &str, options: &[(String, String)], chosen: &str) -> Element {
    let s = el("select", "");
    attr(&s, "name", name);
    attr(&s, "aria-label", label);
    for (value, text) in options {
        let o = self::text("option", "", text);
        attr(&o, "value", value);
        if value == chosen {
            attr(&o, "selected", "");
        }
        add(&s, &o);
    }
    s
}

pub fn listen(
    target: &Element,
    event: &'static str,
    f: impl FnMut(&Event) + 'static,
) -> EventListener {
    EventListener::new(target, event, f)
}

/// The value of the select or input an event came from.
pub fn value(e: &Event) -> String {
    let Some(t) = e.target() else {
        return String::new();
    };
    if let Some(s) = t.dyn_ref::<web_sys::HtmlSelectElement>() {
        s.value()
    } else if let Some(i) = t.dyn_ref::<web_sys::HtmlInputElement>() {
        i.value()
    } else {
        String::new()
    }
}

pub fn focus(e: &Element) {
    if let Some(h) = e.dyn_ref::<HtmlElement>() {
        let _ = h.focus();
    }
}

/// Offers bytes as a file download; `Err` when the browser could not make the file.
pub fn download(name: &str, mime: &str, bytes: &[u8]) -> Result<(), ()> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let blob =
        web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &bag).map_err(|_| ())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| ())?;
    let a = el("a", "");
    attr(&a, "href", &url);
    attr(&a, "download", name);
    if let Some(a) = a.dyn_ref::<HtmlElement>() {
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// The stylesheet of the dialogs, linked the first time one opens.
pub fn ensure_stylesheet() {
    let doc = document();
    // the loader links it (hosted); the single file carries it in its own <style data-office>
    if doc.query_selector("[data-office]").ok().flatten().is_some() {
        return;
    }
    let link = el("link", "");
    attr(&link, "rel", "stylesheet");
    attr(&link, "href", "office.css");
    attr(&link, "data-office", "");
    if let Some(head) = doc.head() {
        let _ = head.append_child(&link);
    }
}
