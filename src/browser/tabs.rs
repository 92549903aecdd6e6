//! Several tabs of one browser on the same plans, through the browser's own
//! mechanisms: a `BroadcastChannel` carries what one tab stored to the
//! others, and Web Locks tell which tabs show a plan (a tab holds a lock
//! named after the plan and itself while it shows it; the browser lets go of
//! it when the tab closes or crashes).

use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

const CHANNEL: &str = "chitieu";
const LOCK_PREFIX: &str = "chitieu.open.";

/// What one tab tells the others.
#[derive(Clone, Debug, PartialEq)]
pub enum News {
    /// a plan was stored at this revision
    Saved { id: String, revision: u64 },
    /// a plan was deleted
    Deleted { id: String },
    /// a tab began or stopped showing a plan
    Showing { id: String, tab: String, here: bool },
}

impl News {
    /// One line of text: the kind, its numbers, then the plan id (which may hold anything).
    fn to_text(&self) -> String {
        match self {
            News::Saved { id, revision } => format!("saved {revision} {id}"),
            News::Deleted { id } => format!("deleted {id}"),
            News::Showing { id, tab, here } => format!("showing {} {tab} {id}", u8::from(*here)),
        }
    }

    fn from_text(text: &str) -> Option<News> {
        let (kind, rest) = text.split_once(' ')?;
        match kind {
            "saved" => {
                let (revision, id) = rest.split_once(' ')?;
                Some(News::Saved {
                    id: id.to_string(),
                    revision: revision.parse().ok()?,
                })
            }
            "deleted" => Some(News::Deleted {
                id: rest.to_string(),
            }),
            "showing" => {
                let mut parts = rest.splitn(3, ' ');
                let here = parts.next()? == "1";
                let tab = parts.next()?.to_string();
                Some(News::Showing {
                    id: parts.next()?.to_string(),
                    tab,
                    here,
                })
            }
            _ => None,
        }
    }
}

#[wasm_bindgen]
extern "C" {
    /// `navigator.locks` (web-sys has it only behind an unstable flag)
    type LockManager;
    #[wasm_bindgen(method)]
    fn request(this: &LockManager, name: &str, callback: &js_sys::Function) -> js_sys::Promise;
    #[wasm_bindgen(method)]
    fn query(this: &LockManager) -> js_sys::Promise;
}

fn locks() -> Option<LockManager> {
    let navigator = web_sys::window()?.navigator();
    let locks = js_sys::Reflect::get(&navigator, &"locks".into()).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then(|| locks.unchecked_into())
}

/// This tab among the others: its id, the channel, the lock it holds.
pub struct Tabs {
    pub id: String,
    channel: Option<web_sys::BroadcastChannel>,
    _listener: Option<gloo::events::EventListener>,
    /// the plan shown, and the function that lets go of its lock
    held: RefCell<Option<(String, js_sys::Function)>>,
}

impl Tabs {
    /// Joins the other tabs; `on_news` hears what they tell.
    pub fn join(id: String, on_news: impl Fn(News) + 'static) -> Tabs {
        let channel = web_sys::BroadcastChannel::new(CHANNEL).ok();
        let listener = channel.as_ref().map(|c| {
            gloo::events::EventListener::new(c, "message", move |e| {
                let text = e
                    .dyn_ref::<web_sys::MessageEvent>()
                    .and_then(|m| m.data().as_string());
                if let Some(news) = text.and_then(|t| News::from_text(&t)) {
                    on_news(news);
                }
            })
        });
        Tabs {
            id,
            channel,
            _listener: listener,
            held: RefCell::new(None),
        }
    }

    /// Tells every other tab.
    pub fn tell(&self, news: &News) {
        if let Some(c) = &self.channel {
            let _ = c.post_message(&JsValue::from_str(&news.to_text()));
        }
    }

    /// "chitieu.open.<tab>|<plan>": a tab id holds no "|", a plan id may hold anything
    fn lock_name(&self, plan: &str) -> String {
        format!("{LOCK_PREFIX}{}|{plan}", self.id)
    }

    /// Marks the plan this tab now shows (`None`: none), and tells the others.
    pub async fn show(&self, plan: Option<&str>) {
        let before = self.held.borrow().as_ref().map(|(id, _)| id.clone());
        if before.as_deref() == plan {
            return;
        }
        if let Some((id, release)) = self.held.borrow_mut().take() {
            let _ = release.call0(&JsValue::UNDEFINED);
            self.tell(&News::Showing {
                id,
                tab: self.id.clone(),
                here: false,
            });
        }
        let (Some(plan), Some(locks)) = (plan, locks()) else {
            return;
        };
        let release: Rc<RefCell<Option<js_sys::Function>>> = Rc::new(RefCell::new(None));
        // held until `release` is called: the lock's callback returns a promise that waits for it
        let held = js_sys::Promise::new(&mut |resolve, _| *release.borrow_mut() = Some(resolve));
        let granted = js_sys::Promise::new(&mut |granted, _| {
            let held = held.clone();
            let on_grant = Closure::once_into_js(move |_lock: JsValue| -> JsValue {
                let _ = granted.call0(&JsValue::UNDEFINED);
                held.into()
            });
            let _ = locks.request(&self.lock_name(plan), on_grant.unchecked_ref());
        });
        let _ = JsFuture::from(granted).await;
        let Some(release) = release.borrow_mut().take() else {
            return;
        };
        *self.held.borrow_mut() = Some((plan.to_string(), release));
        self.tell(&News::Showing {
            id: plan.to_string(),
            tab: self.id.clone(),
            here: true,
        });
    }

    /// Whether another tab shows this plan (`gone`: a tab that just said it
    /// stopped, whose lock the browser may not have let go of yet).
    pub async fn shown_elsewhere(&self, plan: &str, gone: Option<&str>) -> bool {
        let Some(locks) = locks() else { return false };
        let Ok(snapshot) = JsFuture::from(locks.query()).await else {
            return false;
        };
        let held = js_sys::Reflect::get(&snapshot, &"held".into()).unwrap_or(JsValue::UNDEFINED);
        js_sys::Array::from(&held).iter().any(|lock| {
            let name = js_sys::Reflect::get(&lock, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_default();
            match name
                .strip_prefix(LOCK_PREFIX)
                .and_then(|rest| rest.split_once('|'))
            {
                Some((tab, shown)) => shown == plan && tab != self.id && Some(tab) != gone,
                None => false,
            }
        })
    }

    /// Lets go of the plan's lock and leaves the channel (the app is going).
    pub fn leave(&self) {
        if let Some((id, release)) = self.held.borrow_mut().take() {
            let _ = release.call0(&JsValue::UNDEFINED);
            self.tell(&News::Showing {
                id,
                tab: self.id.clone(),
                here: false,
            });
        }
        if let Some(c) = &self.channel {
            c.close();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::News;

    #[test]
    fn news_reads_back_as_it_was_told() {
        for news in [
            News::Saved {
                id: "p-1 with spaces".into(),
                revision: 42,
            },
            News::Deleted { id: "x".into() },
            News::Showing {
                id: "a b".into(),
                tab: "t-1".into(),
                here: true,
            },
            News::Showing {
                id: "c".into(),
                tab: "t-2".into(),
                here: false,
            },
        ] {
            assert_eq!(News::from_text(&news.to_text()), Some(news));
        }
        assert_eq!(News::from_text("saved x y"), None);
        assert_eq!(News::from_text("nonsense"), None);
    }
}
