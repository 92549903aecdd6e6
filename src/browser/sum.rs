//! Summing many plan files away from the page's thread: the app's own
//! WebAssembly, started a second time in a module worker (`assets/sum.js`),
//! reads the files there (the browser reads them off the worker's thread)
//! and checks each as it arrives, and hands back the total
//! as JSON; the page stays responsive and shows how far it got.

use super::Files;
use crate::file::read::{Summed, Summing};
use js_sys::{Function, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The worker's side: each file added as it is read, the total at the end.
#[wasm_bindgen]
pub struct SumFiles(Summing);

#[wasm_bindgen]
impl SumFiles {
    #[allow(clippy::new_without_default)]
    #[wasm_bindgen(constructor)]
    pub fn new() -> SumFiles {
        SumFiles(Summing::default())
    }

    /// The file at `index` of the planner's choice, as bytes (absent when it
    /// could not be read), read as UTF-8 text the way the browser reads a file's text.
    #[wasm_bindgen(js_name = addBytes)]
    pub fn add_bytes(&mut self, index: u32, name: &str, size: f64, bytes: Option<Vec<u8>>) {
        // valid UTF-8 is checked by the standard library's faster path first
        let text = bytes.as_deref().map(|b| match std::str::from_utf8(b) {
            Ok(t) => std::borrow::Cow::Borrowed(t),
            Err(_) => String::from_utf8_lossy(b),
        });
        let text = text
            .as_deref()
            .map(|t| t.strip_prefix('\u{feff}').unwrap_or(t));
        self.0.add(index as usize, name, size as u64, text);
    }

    /// The total, as JSON for the page.
    pub fn finish(self) -> String {
        serde_json::to_string(&self.0.finish()).unwrap_or_default()
    }
}

/// A sum running in a worker; dropping it stops the worker.
pub struct SumJob {
    cancel: Function,
    _progress: Closure<dyn Fn(u32, u32)>,
}

impl Drop for SumJob {
    fn drop(&mut self) {
        let _ = self.cancel.call0(&JsValue::NULL);
    }
}

/// How a roll-up in a worker ended.
pub enum WorkerSum {
    Total(Box<Summed>),
    /// why the worker could not make the total
    Failed(String),
    /// the worker could not start (a host's policy, an older browser): the
    /// caller reads the files itself
    NoWorker,
}

/// Starts summing `files` in a worker (`assets/loader.js` starts it):
/// `progress(read, total)` as files are read and checked, then `done` with
/// how it ended. `None` when the page has no such worker (the single file):
/// the caller reads the files itself.
pub fn sum_in_worker(
    files: &Files,
    progress: impl Fn(u32, u32) + 'static,
    done: impl FnOnce(WorkerSum) + 'static,
) -> Option<SumJob> {
    let start = Reflect::get(&gloo::utils::window(), &"chitieuSum".into())
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    let progress = Closure::<dyn Fn(u32, u32)>::new(progress);
    let done = Closure::once_into_js(move |text: Option<String>, why: Option<String>| {
        done(match (text, why) {
            (Some(t), _) => serde_json::from_str::<Summed>(&t).map_or_else(
                |e| WorkerSum::Failed(e.to_string()),
                |t| WorkerSum::Total(Box::new(t)),
            ),
            (None, Some(why)) => WorkerSum::Failed(why),
            (None, None) => WorkerSum::NoWorker,
        })
    });
    let cancel = start
        .call3(&JsValue::NULL, &files.to_array(), progress.as_ref(), &done)
        .ok()?
        .dyn_into::<Function>()
        .ok()?;
    Some(SumJob {
        cancel,
        _progress: progress,
    })
}
