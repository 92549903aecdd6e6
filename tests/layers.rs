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
    assert!(files.len() >= 10, "the core's files were not found: {files:?}");
    for f in files {
        let text = fs::read_to_string(&f).unwrap();
        for banned in ["yew", "web_sys", "gloo", "wasm_bindgen", "js_sys"] {
            let used = text.lines().any(|l| {
                let l = l.trim_start();
                !l.starts_with("//") && (l.contains(&format!("{banned}::")) || l.contains(&format!("use {banned}")))
            });
            assert!(!used, "{} uses {banned}", f.display());
        }
    }
}
