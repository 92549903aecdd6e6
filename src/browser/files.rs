//! Reading plan files the planner picked or dropped. Each file is read and
//! checked completely; nothing else happens here.

use crate::app::state::ImportError;
use crate::file::{self, ReadError, MAX_FILE_BYTES};
use crate::plan::Plan;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Reads every file: the plans that are sound, and why the others are not.
/// A file over the size limit is refused before it is read.
pub async fn read_plan_files(files: Vec<web_sys::File>) -> (Vec<Rc<Plan>>, Vec<ImportError>) {
    let mut plans = Vec::new();
    let mut errors = Vec::new();
    for f in files {
        let name = f.name();
        let size = f.size() as u64;
        if size > MAX_FILE_BYTES {
            errors.push(ImportError { file: name, error: ReadError::TooLarge { bytes: size } });
            continue;
        }
        let text = match JsFuture::from(f.text()).await {
            Ok(v) => v.as_string().unwrap_or_default(),
            Err(_) => {
                errors.push(ImportError { file: name, error: ReadError::NotAPlan });
                continue;
            }
        };
        match file::from_json(&text) {
            Ok(p) => plans.push(Rc::new(p)),
            Err(error) => errors.push(ImportError { file: name, error }),
        }
    }
    (plans, errors)
}

fn list(files: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(files) = files else { return Vec::new() };
    (0..files.length()).filter_map(|i| files.item(i)).collect()
}

/// The files chosen in a file input (its change event), and the input
/// cleared so that choosing the same file again works.
pub fn chosen_files(e: &yew::Event) -> Vec<web_sys::File> {
    let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return Vec::new() };
    let files = list(input.files());
    input.set_value("");
    files
}

/// Listens for files dropped anywhere on the page; `dragging(true)` while a
/// drag is over it. The listeners go when the returned values are dropped.
pub fn on_drop_files(
    dragging: impl Fn(bool) + 'static,
    dropped: impl Fn(Vec<web_sys::File>) + 'static,
) -> [gloo::events::EventListener; 3] {
    use gloo::events::{EventListener, EventListenerOptions};
    let window = gloo::utils::window();
    let dragging = Rc::new(dragging);
    let over = {
        let dragging = dragging.clone();
        EventListener::new_with_options(&window, "dragover", EventListenerOptions::enable_prevent_default(), move |e| {
            let carries_files = e
                .dyn_ref::<web_sys::DragEvent>()
                .and_then(|d| d.data_transfer())
                .is_some_and(|dt| dt.types().includes(&"Files".into(), 0));
            if carries_files {
                e.prevent_default();
                dragging(true);
            }
        })
    };
    let leave = {
        let dragging = dragging.clone();
        EventListener::new(&window, "dragleave", move |e| {
            // leaving the window, not just one element for another
            if e.dyn_ref::<web_sys::DragEvent>().is_some_and(|d| d.related_target().is_none()) {
                dragging(false);
            }
        })
    };
    let drop = EventListener::new_with_options(&window, "drop", EventListenerOptions::enable_prevent_default(), move |e| {
        e.prevent_default();
        dragging(false);
        let files = e.dyn_ref::<web_sys::DragEvent>().and_then(|d| d.data_transfer()).and_then(|dt| dt.files());
        let files = list(files);
        if !files.is_empty() {
            dropped(files);
        }
    });
    [over, leave, drop]
}
