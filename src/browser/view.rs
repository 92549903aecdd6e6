//! What of a long table is near the screen, and when the page is printed:
//! the indicator table renders only the blocks of rows a planner can see.

use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// Watches the `[data-block]` children of an element and tells which blocks
/// are near the screen (within one screen above or below) or hold the focus,
/// and how tall each was when it was last seen rendered. Stops when dropped.
pub struct BlockWatcher {
    observer: IntersectionObserver,
    /// the blocks watched, so that a block gone from the page is let go
    watched: std::cell::RefCell<Vec<Element>>,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

/// What the watcher learnt of one block: its key, whether it is near the
/// screen, and the height of its indicator rows in pixels when they were
/// drawn (not a stand-in).
pub struct Seen {
    pub key: String,
    pub near: bool,
    pub rows_height: Option<f64>,
    /// how many indicator rows it drew
    pub rows: usize,
    /// whether any of it is on the screen itself (not only near it)
    pub in_view: bool,
}

impl BlockWatcher {
    pub fn new(told: impl Fn(Vec<Seen>) + 'static) -> Option<Self> {
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let focused = gloo::utils::document().active_element();
            let screen = gloo::utils::window()
                .inner_height()
                .ok()
                .and_then(|h| h.as_f64())
                .unwrap_or(800.0);
            let seen = entries
                .iter()
                .filter_map(|e| e.dyn_into::<IntersectionObserverEntry>().ok())
                .filter_map(|e| {
                    let target = e.target();
                    let key = target.get_attribute("data-block")?;
                    // a block holding the focused cell stays, so that an edit is never cut off,
                    // and so does one holding an entry that could not be read (it lives in its cell)
                    let holds_focus = focused.as_ref().is_some_and(|f| target.contains(Some(f)));
                    let holds_wrong_entry = target
                        .query_selector("[aria-invalid='true']")
                        .ok()
                        .flatten()
                        .is_some();
                    // the group's heading row is drawn either way: only the rows' height counts
                    let heading = target
                        .query_selector(".group-row")
                        .ok()
                        .flatten()
                        .map_or(0.0, |h| h.get_bounding_client_rect().height());
                    let rows_height = target
                        .has_attribute("data-drawn")
                        .then(|| e.bounding_client_rect().height() - heading);
                    let rows = target
                        .query_selector_all("tr.indicator-row")
                        .map_or(0, |l| l.length() as usize);
                    let rect = e.bounding_client_rect();
                    Some(Seen {
                        key,
                        near: e.is_intersecting() || holds_focus || holds_wrong_entry,
                        rows_height,
                        rows,
                        in_view: rect.bottom() > 0.0 && rect.top() < screen,
                    })
                })
                .collect();
            told(seen);
        });
        let init = IntersectionObserverInit::new();
        init.set_root_margin("100% 0px");
        let observer =
            IntersectionObserver::new_with_options(callback.as_ref().unchecked_ref(), &init)
                .ok()?;
        Some(Self {
            observer,
            watched: Default::default(),
            _callback: callback,
        })
    }

    /// Watches every block under `root` not watched yet, and lets go of the
    /// blocks no longer on the page (a search or a fold replaced them).
    pub fn watch(&self, root: &yew::NodeRef) {
        let Some(root) = root.cast::<Element>() else {
            return;
        };
        let Ok(list) = root.query_selector_all("[data-block]") else {
            return;
        };
        let mut watched = self.watched.borrow_mut();
        watched.retain(|el| {
            el.is_connected() || {
                self.observer.unobserve(el);
                false
            }
        });
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                if !watched.contains(&el) {
                    self.observer.observe(&el);
                    watched.push(el);
                }
            }
        }
    }
}

impl Drop for BlockWatcher {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// How many rows of at least `row_px` pixels the screen can show below the
/// top of `table`: what a first draw must hold so that nothing in view waits
/// for the watcher. Before the table is on the page, its top is taken as
/// `above_px` (the header, the toolbar and the summary stand above it).
pub fn rows_fit(table: &yew::NodeRef, row_px: f64, above_px: f64) -> usize {
    let height = gloo::utils::window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0);
    let top = table
        .cast::<Element>()
        .map_or(above_px, |t| t.get_bounding_client_rect().top().max(0.0));
    ((height - top).max(0.0) / row_px).ceil() as usize
}

/// Runs `f` when the page has nothing more pressing to do (a planner's key
/// or click comes first), and within a fifth of a second at the latest.
pub fn when_idle(f: impl FnOnce() + 'static) {
    let window = gloo::utils::window();
    let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match idle {
        Some(idle) => {
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"timeout".into(), &200.into());
            let f = Closure::once_into_js(f);
            let _ = idle.call2(&window, &f, &options);
        }
        // a browser without it: after the tasks already waiting
        None => {
            gloo::timers::callback::Timeout::new(0, f).forget();
        }
    }
}

/// Tells `printing(true)` before the page is printed and `printing(false)`
/// after, so that a table can lay out all its rows for the paper.
pub fn on_print(printing: impl Fn(bool) + 'static) -> [gloo::events::EventListener; 2] {
    let window = gloo::utils::window();
    let printing = Rc::new(printing);
    let before = {
        let p = printing.clone();
        gloo::events::EventListener::new(&window, "beforeprint", move |_| p(true))
    };
    let after = gloo::events::EventListener::new(&window, "afterprint", move |_| printing(false));
    [before, after]
}
