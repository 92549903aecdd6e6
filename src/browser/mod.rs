//! The only code that touches the browser: storage, the document.

use crate::i18n::Lang;

const LANG_KEY: &str = "chitieu.lang";

/// The page's local storage, or `None` where the browser refuses it.
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The language chosen on an earlier visit, if storage holds one.
pub fn stored_lang() -> Option<Lang> {
    storage()?.get_item(LANG_KEY).ok().flatten().and_then(|c| Lang::from_code(&c))
}

/// Remembers the language; a storage that refuses (private mode, full) only
/// means the choice is not remembered.
pub fn store_lang(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG_KEY, lang.code());
    }
}

/// Sets `<html lang>` and the window title, for screen readers and tabs.
pub fn show_lang(lang: Lang, name: &str, subtitle: &str) {
    let document = gloo::utils::document();
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("lang", lang.code());
    }
    document.set_title(&format!("{name} · {subtitle}"));
}
