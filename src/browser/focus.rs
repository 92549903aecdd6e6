//! Where the keyboard's focus goes when the page changes under it: a dialog
//! keeps Tab and Shift+Tab inside it, and when the focused control is taken
//! off the page (a dialog closed, a screen changed) the focus goes back to
//! the last control still there, or to the new screen's heading, never to
//! the top of the page.

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, MutationObserver, MutationObserverInit};

/// what can take the focus from the keyboard
const FOCUSABLE: &str =
    "a[href], button:not([disabled]), input:not([disabled]):not([type='hidden']), \
    select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])";
/// how many of the last focused controls are remembered
const REMEMBERED: usize = 8;

/// Keeps the focus where a keyboard user expects it while it lives.
pub struct FocusKeeper {
    observer: MutationObserver,
    _changed: Closure<dyn FnMut()>,
    _listeners: [gloo::events::EventListener; 2],
}

impl Drop for FocusKeeper {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// The dialog on top, if one is open.
fn dialog() -> Option<Element> {
    let list = gloo::utils::document()
        .query_selector_all("[aria-modal='true']")
        .ok()?;
    list.item(list.length().checked_sub(1)?)?.dyn_into().ok()
}

/// The controls inside `el` that can take the focus and are shown.
pub fn focusables(el: &Element) -> Vec<HtmlElement> {
    let Ok(list) = el.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .filter(|e| shown(e))
        .collect()
}

/// Keeps a Tab inside `dialog`: from its last control to its first and
/// back, and from anywhere else (outside it, its heading) to its first, or
/// with Shift to its last.
pub fn trap_tab(key: &web_sys::KeyboardEvent, dialog: &Element) {
    let list = focusables(dialog);
    let (Some(first), Some(last)) = (list.first(), list.last()) else {
        key.prevent_default();
        return;
    };
    let now = active();
    let listed = now
        .as_ref()
        .is_some_and(|a| list.iter().any(|e| AsRef::<Element>::as_ref(e) == a));
    let wrap_to = if !listed {
        Some(if key.shift_key() { last } else { first })
    } else if key.shift_key() && now.as_ref() == Some(first.as_ref()) {
        Some(last)
    } else if !key.shift_key() && now.as_ref() == Some(last.as_ref()) {
        Some(first)
    } else {
        None
    };
    if let Some(to) = wrap_to {
        key.prevent_default();
        let _ = to.focus();
    }
}

/// Whether an element takes room on the page (not hidden, not in a closed part).
fn shown(el: &Element) -> bool {
    let r = el.get_bounding_client_rect();
    r.width() > 0.0 || r.height() > 0.0
}

fn focus_first_in(el: &Element) {
    match focusables(el).first() {
        Some(first) => {
            let _ = first.focus();
        }
        None => focus_first_heading(el),
    }
}

fn active() -> Option<Element> {
    let document = gloo::utils::document();
    document
        .active_element()
        .filter(|a| Some(a) != document.body().as_ref().map(|b| b.as_ref()))
}

/// Starts keeping the focus; it stops when the keeper is dropped.
pub fn keep_focus() -> Option<FocusKeeper> {
    let document = gloo::utils::document();
    let recent: Rc<RefCell<Vec<HtmlElement>>> = Rc::default();
    // not passive: a Tab at a dialog's edge is kept from leaving it
    let active_listener = gloo::events::EventListenerOptions::enable_prevent_default();
    let tab =
        gloo::events::EventListener::new_with_options(&document, "keydown", active_listener, |e| {
            let Some(key) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            if key.key() != "Tab" {
                return;
            }
            if let Some(dialog) = dialog() {
                trap_tab(key, &dialog);
            }
        });
    let came = {
        let recent = recent.clone();
        gloo::events::EventListener::new(&document, "focusin", move |e| {
            let Some(target) = e.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) else {
                return;
            };
            match dialog() {
                // a click or a script outside the open dialog: the focus goes back into it
                // (after this event: focusing now would call this listener within itself)
                Some(d) if !d.contains(Some(&target)) => {
                    gloo::timers::callback::Timeout::new(0, move || focus_first_in(&d)).forget();
                }
                Some(_) => {}
                None => {
                    let mut r = recent.borrow_mut();
                    r.retain(|e| e != &target);
                    r.push(target);
                    if r.len() > REMEMBERED {
                        r.remove(0);
                    }
                }
            }
        })
    };
    // after the page changed: a focus that fell to the top of the page is put back
    let changed = Closure::<dyn FnMut()>::new(move || {
        if active().is_some() {
            return;
        }
        if let Some(d) = dialog() {
            return focus_first_in(&d);
        }
        // the borrow ends before focusing: the focus event remembers the control again
        let last = {
            let mut r = recent.borrow_mut();
            if r.is_empty() {
                // nothing was focused yet (the page is starting): nothing to put back
                return;
            }
            r.retain(|e| e.is_connected() && shown(e));
            r.last().cloned()
        };
        match last {
            Some(last) => {
                let _ = last.focus();
            }
            None => {
                let heading = gloo::utils::document()
                    .query_selector("main h1, main h2")
                    .ok()
                    .flatten()
                    .or_else(|| gloo::utils::document().get_element_by_id("main"));
                if let Some(h) = heading {
                    focus_first_heading(&h);
                }
            }
        }
    });
    let observer = MutationObserver::new(changed.as_ref().unchecked_ref()).ok()?;
    let init = MutationObserverInit::new();
    init.set_child_list(true);
    init.set_subtree(true);
    observer
        .observe_with_options(document.body()?.as_ref(), &init)
        .ok()?;
    Some(FocusKeeper {
        observer,
        _changed: changed,
        _listeners: [tab, came],
    })
}

/// Focuses what is not a control (a heading, the main area, a dialog
/// without controls), as where the planner is now.
fn focus_first_heading(el: &Element) {
    if !el.has_attribute("tabindex") {
        let _ = el.set_attribute("tabindex", "-1");
    }
    if let Some(el) = el.dyn_ref::<HtmlElement>() {
        let _ = el.focus();
    }
}
