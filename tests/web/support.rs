//! Mounting the app in a fresh element, waiting for what it shows, and
//! reading the DOM back.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlElement, HtmlInputElement};

thread_local! {
    /// the app mounted last: mounting another unmounts it, as a reload would
    static APP: RefCell<Option<yew::AppHandle<chitieu::app::App>>> = const { RefCell::new(None) };
}

/// A fresh root element in the page's body, for one test's app.
pub fn root() -> Element {
    let doc = gloo::utils::document();
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

/// Unmounts the app mounted last (its store closes, its tab leaves).
pub fn unmount() {
    if let Some(app) = APP.with(|a| a.borrow_mut().take()) {
        app.destroy();
    }
}

/// Mounts the whole app in its own root, as a page load does, and waits
/// until it has read storage.
pub async fn mount_app() -> Element {
    unmount();
    let root = root();
    let app = yew::Renderer::<chitieu::app::App>::with_root(root.clone()).render();
    APP.with(|a| *a.borrow_mut() = Some(app));
    yew::scheduler::flush().await;
    until(&root, "the app to read storage", |r| {
        r.query_selector(".loading").unwrap().is_none()
    })
    .await;
    root
}

/// Waits until `ready` holds for the root, watching the DOM change; fails
/// the test after five seconds, saying what it waited for.
pub async fn until(root: &Element, what: &str, ready: impl Fn(&Element) -> bool + 'static) {
    if ready(root) {
        return;
    }
    let watched = root.clone();
    let ready = std::rc::Rc::new(ready);
    let mut observer = None;
    let mut keep = None;
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        let check = Closure::<dyn FnMut()>::new({
            let (watched, ready) = (watched.clone(), ready.clone());
            move || {
                if ready(&watched) {
                    let _ = resolve.call0(&JsValue::UNDEFINED);
                }
            }
        });
        let o = web_sys::MutationObserver::new(check.as_ref().unchecked_ref()).unwrap();
        let init = web_sys::MutationObserverInit::new();
        init.set_subtree(true);
        init.set_child_list(true);
        init.set_attributes(true);
        init.set_character_data(true);
        o.observe_with_options(&watched, &init).unwrap();
        let give_up = Closure::once_into_js(move || {
            let _ = reject.call0(&JsValue::UNDEFINED);
        });
        gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(give_up.unchecked_ref(), 5000)
            .unwrap();
        observer = Some(o);
        keep = Some(check);
    });
    let outcome = JsFuture::from(promise).await;
    if let Some(o) = observer {
        o.disconnect();
    }
    drop(keep);
    assert!(outcome.is_ok(), "waited five seconds for {what}");
}

/// Waits until the open plan is stored as it is on screen.
pub async fn until_saved(root: &Element) {
    until(root, "the plan to be saved", |r| {
        r.query_selector(".save-state[data-state=saved]")
            .unwrap()
            .is_some()
    })
    .await;
}

pub fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

pub fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

pub async fn click(root: &Element, selector: &str) {
    find(root, selector)
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    yew::scheduler::flush().await;
}

/// Types into a text field as a planner would: focus, then an input event.
pub async fn type_into(el: &HtmlInputElement, text: &str) {
    el.focus().unwrap();
    yew::scheduler::flush().await;
    el.set_value(text);
    let ev = web_sys::InputEvent::new("input").unwrap();
    el.dispatch_event(&ev).unwrap();
    yew::scheduler::flush().await;
}

/// Starts from nothing: no app, no stored plans, no remembered choices.
pub async fn clear_storage() {
    unmount();
    gloo::utils::window()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    gloo::utils::window()
        .session_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    chitieu::browser::delete_store(chitieu::browser::DB_NAME)
        .await
        .unwrap();
}
