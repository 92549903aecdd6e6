//! Mounting the app in a fresh element and reading the DOM back.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

/// A fresh root element in the page's body, for one test's app.
pub fn root() -> Element {
    let doc = gloo::utils::document();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

/// Mounts the whole app in its own root and waits until it has rendered.
pub async fn mount_app() -> Element {
    let root = root();
    yew::Renderer::<chitieu::app::App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    root
}

pub fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("nothing matches {selector}"))
}

pub fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

pub async fn click(root: &Element, selector: &str) {
    find(root, selector).dyn_into::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
}

pub fn clear_storage() {
    gloo::utils::window().local_storage().unwrap().unwrap().clear().unwrap();
}
