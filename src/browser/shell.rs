//! What the app asks of the page that started it (`assets/loader.js` when
//! hosted, the start-up script of the single file `chitieu.html` otherwise):
//! the app as one file, the unit list, the plan a single file carries, and a
//! new version waiting in the service worker. Each is a function the page
//! sets on `window`; where it is missing (tests mount the app alone) the app
//! does without.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// the plans a single file carried that the planner answered for in this browser
const ANSWERED_KEY: &str = "chitieu.carried";
/// at most this many answers are remembered, the oldest forgotten first
const ANSWERED_MAX: usize = 50;

fn page_function(name: &str) -> Option<Function> {
    Reflect::get(&gloo::utils::window(), &JsValue::from_str(name))
        .ok()?
        .dyn_into::<Function>()
        .ok()
}

/// Calls `window[name]()`, which returns a promise of text.
async fn page_text(name: &str) -> Result<String, String> {
    let f = page_function(name).ok_or_else(|| format!("{name} is missing"))?;
    let promise: Promise = f
        .call0(&JsValue::NULL)
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "not a promise".to_string())?;
    let text = JsFuture::from(promise).await.map_err(|e| {
        e.dyn_into::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|e| format!("{e:?}"))
    })?;
    text.as_string().ok_or_else(|| "not text".to_string())
}

/// The app as one file (`chitieu.html`): the file itself when the app runs
/// from it, else fetched from the page's own origin.
pub async fn app_file() -> Result<String, String> {
    page_text("chitieuSelf").await
}

/// The official unit list's text: from the single file's own data, else
/// from the page's own origin (the page knows the file's hashed name).
pub(crate) async fn units_text() -> Option<String> {
    if page_function("chitieuUnits").is_some() {
        return page_text("chitieuUnits").await.ok();
    }
    let response = JsFuture::from(gloo::utils::window().fetch_with_str("units.tsv"))
        .await
        .ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    if !response.ok() {
        return None;
    }
    JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()
}

/// The plan file a single file carries (exported with the app), if any.
pub fn carried_plan() -> Option<String> {
    gloo::utils::document()
        .get_element_by_id(crate::file::single::PLAN_ID)?
        .text_content()
}

/// The name of the page's file, as the planner knows it ("ke-hoach.chitieu.html").
pub fn page_name() -> String {
    let path = gloo::utils::window()
        .location()
        .pathname()
        .unwrap_or_default();
    let name = path.rsplit('/').next().unwrap_or_default();
    js_sys::decode_uri_component(name)
        .ok()
        .and_then(|n| n.as_string())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "chitieu.html".into())
}

fn answered() -> Vec<String> {
    super::storage()
        .and_then(|s| s.get_item(ANSWERED_KEY).ok().flatten())
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

/// Whether the planner answered, in this browser, whether to keep the plan
/// a single file carries (known by its fingerprint).
pub fn was_answered(fingerprint: &str) -> bool {
    answered().iter().any(|f| f == fingerprint)
}

/// Remembers that the planner answered for this carried plan.
pub fn remember_answer(fingerprint: &str) {
    let Some(s) = super::storage() else { return };
    let mut list = answered();
    list.retain(|f| f != fingerprint);
    list.push(fingerprint.to_string());
    let skip = list.len().saturating_sub(ANSWERED_MAX);
    let _ = s.set_item(
        ANSWERED_KEY,
        &serde_json::to_string(&list[skip..]).unwrap_or_default(),
    );
}

/// Whether a new version of the app waits to take over (the loader saw the
/// service worker install it).
pub fn update_ready() -> bool {
    Reflect::get(&gloo::utils::window(), &"chitieuUpdateReady".into())
        .ok()
        .is_some_and(|v| v.is_truthy())
}

/// Calls `f` when a new version of the app is ready, while the listener lives.
pub fn on_update_ready(f: impl Fn() + 'static) -> gloo::events::EventListener {
    gloo::events::EventListener::new(&gloo::utils::window(), "chitieu-update", move |_| f())
}

/// Lets the waiting version take over and loads the page again.
pub fn apply_update() {
    match page_function("chitieuApplyUpdate") {
        Some(f) => {
            let _ = f.call0(&JsValue::NULL);
        }
        None => super::reload(),
    }
}
