//! Reading the files the planner picked or dropped: plan files and backup
//! bundles. Each file is read and checked completely; nothing else happens
//! here.

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

    /// Excel workbooks apart from the rest: a table to import, not a plan file.
    pub fn split_workbooks(self) -> (Files, Files) {
        let (books, rest): (Vec<_>, Vec<_>) = self
            .0
            .into_iter()
            .partition(|f| f.name().to_lowercase().ends_with(".xlsx"));
        (Files(rest), Files(books))
    }

    /// The files' names, as the planner's computer gives them.
    pub fn names(&self) -> Vec<String> {
        self.0.iter().map(|f| f.name()).collect()
    }

    /// The first file.
    pub(crate) fn first(&self) -> Option<&web_sys::File> {
        self.0.first()
    }

    /// The files as a JavaScript array, to hand to a worker.
    pub(crate) fn to_array(&self) -> js_sys::Array {
        self.0.iter().collect()
    }
}

pub use crate::file::read::{FilesRead, ImportError, Picked};

/// Reads every file: plan files and backups; the plans that are sound, and
/// why the others are not. A file over the size limit is refused before it
/// is read.
pub async fn read_files(files: Files) -> FilesRead {
    read_files_telling(files, |_, _| {}).await
}

/// `read_files`, telling `progress(read, total)` about a hundred times on the way.
pub async fn read_files_telling(files: Files, progress: impl Fn(u32, u32)) -> FilesRead {
    let mut read = FilesRead::default();
    let total = files.0.len() as u32;
    let step = (total / 100).max(1);
    for (k, f) in files.0.into_iter().enumerate() {
        let done = k as u32;
        if done.is_multiple_of(step) {
            progress(done, total);
        }
        let name = f.name();
        let size = f.size() as u64;
        if read.refuses(&name, size) {
            continue;
        }
        let text = JsFuture::from(f.text())
            .await
            .ok()
            .and_then(|v| v.as_string());
        read.add(&name, size, text.as_deref());
    }
    read
}

fn list(files: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(files) = files else {
        return Vec::new();
    };
    (0..files.length()).filter_map(|i| files.item(i)).collect()
}

/// The files chosen in a file input (its change event), and the input
/// cleared so that choosing the same file again works.
pub fn chosen_files(e: &yew::Event) -> Files {
    let Some(input) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Files::default();
    };
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
        EventListener::new_with_options(
            &window,
            "dragover",
            EventListenerOptions::enable_prevent_default(),
            move |e| {
                let carries_files = e
                    .dyn_ref::<web_sys::DragEvent>()
                    .and_then(|d| d.data_transfer())
                    .is_some_and(|dt| dt.types().includes(&"Files".into(), 0));
                if carries_files {
                    e.prevent_default();
                    dragging(true);
                }
            },
        )
    };
    let leave = {
        let dragging = dragging.clone();
        EventListener::new(&window, "dragleave", move |e| {
            // leaving the window, not just one element for another
            if e.dyn_ref::<web_sys::DragEvent>()
                .is_some_and(|d| d.related_target().is_none())
            {
                dragging(false);
            }
        })
    };
    let drop = EventListener::new_with_options(
        &window,
        "drop",
        EventListenerOptions::enable_prevent_default(),
        move |e| {
            e.prevent_default();
            dragging(false);
            let files = e
                .dyn_ref::<web_sys::DragEvent>()
                .and_then(|d| d.data_transfer())
                .and_then(|dt| dt.files());
            let files = list(files);
            if !files.is_empty() {
                dropped(Files(files));
            }
        },
    );
    [over, leave, drop]
}
