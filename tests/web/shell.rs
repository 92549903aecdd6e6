//! The shell: title, language switch, empty state, footer.

use crate::support::*;
use wasm_bindgen_test::wasm_bindgen_test;

#[wasm_bindgen_test]
async fn the_shell_speaks_vietnamese_first() {
    clear_storage().await;
    let app = mount_app().await;
    assert_eq!(text(&app, ".brand-name"), "chitieu");
    assert!(text(&app, ".brand-subtitle").contains("chuyển đổi số"));
    assert_eq!(text(&app, "#empty-title"), "Bắt đầu một kế hoạch");
    assert_eq!(
        find(&app, ".lang-choice[lang=vi]")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    assert!(text(&app, ".site-footer .version").starts_with("Phiên bản "));
    assert_eq!(
        gloo::utils::document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("vi")
    );
}

#[wasm_bindgen_test]
async fn switching_to_english_changes_every_word_and_is_remembered() {
    clear_storage().await;
    let app = mount_app().await;
    click(&app, ".lang-choice[lang=en]").await;
    assert_eq!(text(&app, "#empty-title"), "Start a plan");
    assert!(text(&app, ".brand-subtitle").starts_with("Plan and track targets"));
    assert!(text(&app, ".site-footer .version").starts_with("Version "));
    assert_eq!(
        find(&app, ".lang-choice[lang=en]")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );
    assert_eq!(
        gloo::utils::document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("en")
    );
    let stored = gloo::utils::window()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("chitieu.lang")
        .unwrap();
    assert_eq!(stored.as_deref(), Some("en"));
    // a second app, as after a reload, starts in English
    let again = mount_app().await;
    assert_eq!(text(&again, "#empty-title"), "Start a plan");
    click(&again, ".lang-choice[lang=vi]").await;
    assert_eq!(text(&again, "#empty-title"), "Bắt đầu một kế hoạch");
    clear_storage().await;
}
