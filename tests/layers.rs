//! The pure core must not reach for the browser: it is tested natively and
//! shared by every screen and file format.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_core_imports_nothing_from_the_browser() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for part in ["plan", "calc", "i18n", "catalog", "file", "office"] {
        if src.join(part).is_dir() {
            rust_files(&src.join(part), &mut files);
        }
    }
    files.push(src.join("numfmt.rs"));
    files.push(src.join("units.rs"));
    files.push(src.join("text.rs"));
    assert!(
        files.len() >= 10,
        "the core's files were not found: {files:?}"
    );
    for f in files {
        let text = fs::read_to_string(&f).unwrap();
        for banned in ["yew", "web_sys", "gloo", "wasm_bindgen", "js_sys"] {
            let used = text.lines().any(|l| {
                let l = l.trim_start();
                !l.starts_with("//")
                    && (l.contains(&format!("{banned}::")) || l.contains(&format!("use {banned}")))
            });
            assert!(!used, "{} uses {banned}", f.display());
        }
    }
}

/// Whether a line of code (not a comment) names `module` as a path.
fn names(text: &str, module: &str) -> Option<usize> {
    text.lines().position(|l| {
        let l = l.trim_start();
        !l.starts_with("//")
            && (l.contains(&format!("{module}::")) || l.contains(&format!("use {module}")))
    })
}

#[test]
fn the_browser_module_knows_nothing_of_the_app() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/browser"),
        &mut files,
    );
    assert!(
        files.len() >= 4,
        "the browser module's files were not found: {files:?}"
    );
    for f in files {
        let text = fs::read_to_string(&f).unwrap();
        for banned in ["crate::app", "super::app", "yew::Reducible"] {
            if let Some(line) = names(&text, banned) {
                panic!(
                    "{}:{} uses {banned}: storage and file reading return their own types",
                    f.display(),
                    line + 1
                );
            }
        }
    }
}

#[test]
fn only_the_effect_runner_touches_the_browser_directly() {
    let app = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app");
    let mut files = Vec::new();
    rust_files(&app, &mut files);
    assert!(
        files.len() >= 20,
        "the app's files were not found: {files:?}"
    );
    let runner = app.join("runner.rs");
    assert!(
        files.contains(&runner),
        "the effect runner is src/app/runner.rs"
    );
    for f in files.iter().filter(|f| **f != runner) {
        let text = fs::read_to_string(f).unwrap();
        for banned in [
            "web_sys",
            "gloo",
            "js_sys",
            "wasm_bindgen_futures",
            "spawn_local",
        ] {
            if let Some(line) = names(&text, banned).or_else(|| {
                text.lines()
                    .position(|l| !l.trim_start().starts_with("//") && l.contains(banned))
            }) {
                panic!(
                    "{}:{} uses {banned}: only the runner performs effects",
                    f.display(),
                    line + 1
                );
            }
        }
    }
}

#[test]
fn no_component_reads_or_writes_storage() {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app/components"),
        &mut files,
    );
    for f in files {
        let text = fs::read_to_string(&f).unwrap();
        for banned in [
            "Store::",
            "store.",
            "read_files",
            "load_plan",
            "save_plan",
            "delete_plan",
            "local_storage",
            "session_storage",
            "remember_plan",
            "store_lang",
            "download(",
        ] {
            let used = text
                .lines()
                .position(|l| !l.trim_start().starts_with("//") && l.contains(banned));
            assert!(
                used.is_none(),
                "{}:{} uses {banned}: components send actions",
                f.display(),
                used.unwrap_or(0) + 1
            );
        }
    }
}
