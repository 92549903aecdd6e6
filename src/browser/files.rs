//! Reading the files the planner picked or dropped: plan files and backup
//! bundles. Each file is read and checked completely; nothing else happens
//! here.

use crate::file::{self, bundle, ReadError, MAX_FILE_BYTES};
use crate::plan::Plan;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Files the planner picked or dropped, not read yet.
#[derive(Clone, Debug, Default)]
pub struct Files(Vec<web_sys::File>);

impl PartialEq for Files {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len() && self.0.iter().zip(&other.0).all(|(a, b)| a == b)
    }
}

impl Files {
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A file that could not be read, and why; `item` is the plan's position
/// in a backup bundle.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportError {
    pub file: String,
    pub item: Option<usize>,
    pub error: ReadError,
}

/// A plan read from a file; `text` is its file exactly as a backup held it,
/// to be stored byte for byte; `parent` the plan of the level above that a
/// handed-down plan carries.
#[derive(Clone, Debug, PartialEq)]
pub struct Picked {
    pub plan: Rc<Plan>,
    pub text: Option<Rc<str>>,
    pub parent: Option<Rc<Plan>>,
}

/// What the files held.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FilesRead {
    pub plans: Vec<Picked>,
    pub errors: Vec<ImportError>,
    /// how many of the files were backups
    pub backups: usize,
}

/// Reads every file: plan files and backups; the plans that are sound, and
/// why the others are not. A file over the size limit is refused before it
/// is read.
pub async fn read_files(files: Files) -> FilesRead {
    let mut read = FilesRead::default();
    for f in files.0 {
        let name = f.name();
        let size = f.size() as u64;
        let refuse = |error| ImportError { file: name.clone(), item: None, error };
        if size > bundle::MAX_BYTES {
            read.errors.push(refuse(ReadError::TooLarge { bytes: size }));
            continue;
        }
        let text = match JsFuture::from(f.text()).await {
            Ok(v) => v.as_string().unwrap_or_default(),
            Err(_) => {
                read.errors.push(refuse(ReadError::NotAPlan));
                continue;
            }
        };
        if bundle::looks_like_bundle(&text) {
            read.backups += 1;
            match bundle::from_json(&text) {
                Ok(b) => {
                    read.plans.extend(b.plans.into_iter().map(|i| Picked { plan: Rc::new(i.plan), text: Some(Rc::from(i.text)), parent: None }));
                    read.errors.extend(b.errors.into_iter().map(|(k, error)| ImportError { file: name.clone(), item: Some(k), error }));
                }
                Err(error) => read.errors.push(refuse(error)),
            }
        } else if size > MAX_FILE_BYTES {
            read.errors.push(refuse(ReadError::TooLarge { bytes: size }));
        } else {
            match file::read_with_parent(&text) {
                Ok((p, parent)) => read.plans.push(Picked { plan: Rc::new(p), text: None, parent: parent.map(Rc::new) }),
                Err(error) => read.errors.push(refuse(error)),
            }
        }
    }
    read
}

fn list(files: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(files) = files else { return Vec::new() };
    (0..files.length()).filter_map(|i| files.item(i)).collect()
}

/// The files chosen in a file input (its change event), and the input
/// cleared so that choosing the same file again works.
pub fn chosen_files(e: &yew::Event) -> Files {
    let Some(input) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return Files::default() };
    let files = list(input.files());
    input.set_value("");
    Files(files)
}

/// Listens for files dropped anywhere on the page; `dragging(true)` while a
/// drag is over it. The listeners go when the returned values are dropped.
pub fn on_drop_files(
    dragging: impl Fn(bool) + 'static,
    dropped: impl Fn(Files) + 'static,
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
            dropped(Files(files));
        }
    });
    [over, leave, drop]
}
