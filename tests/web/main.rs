//! Components in a real browser: mount the app, act as a planner, read the DOM.
#![cfg(target_arch = "wasm32")]

mod editor;
mod office;
mod saving;
mod shell;
mod storage;
mod support;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
