//! chitieu: a planning calculator for digital-government targets.
//!
//! `plan`, `calc`, `numfmt` and `i18n` are pure and know nothing of the
//! browser; `app` renders them with Yew; `browser` is the only code that
//! touches web-sys and gloo.

pub mod app;
pub mod browser;
pub mod calc;
pub mod catalog;
pub mod file;
pub mod i18n;
pub mod numfmt;
pub mod office;
pub mod plan;
pub mod sort;
pub mod text;
pub mod units;

/// Mounts the app on the page's body, in place of the first screen that
/// `index.html` paints while the WebAssembly loads, once that screen has been
/// painted: on a fast load the app would otherwise replace it unseen, and its
/// own copy would count as the page's largest paint, after the whole download.
pub fn start() {
    browser::after_first_paint(|| {
        browser::remove_first_screen();
        yew::Renderer::<app::App>::new().render();
    });
}
