//! The backup bundle: every plan stored in a browser, in one JSON file.
//!
//! ```json
//! { "format": "chitieu-backup", "version": 1, "app_version": "0.1.0",
//!   "exported": "2026-11-22T10:00:00.000Z", "count": 2,
//!   "plans": [ { "format": "chitieu-plan", … }, { "format": "chitieu-plan", … } ] }
//! ```
//!
//! Each element of `plans` is a plan file exactly as it was stored, byte for
//! byte, so that restoring a backup gives back the very same files. Each is
//! read with every check of a single plan file; one broken plan does not stop
//! the others.

use super::{from_json as read_plan, ReadError};
use crate::plan::Plan;
use serde::Deserialize;
use serde_json::value::RawValue;

pub const FORMAT: &str = "chitieu-backup";
/// The bundle version this app writes.
pub const VERSION: u32 = 1;
/// Bundles above this size are refused before they are read.
pub const MAX_BYTES: u64 = 512 * 1024 * 1024;

#[derive(Deserialize)]
struct Bundle<'a> {
    format: String,
    version: u64,
    #[serde(borrow)]
    plans: Vec<&'a RawValue>,
}

/// One plan of a bundle: its file text as stored, and the plan it holds.
#[derive(Debug)]
pub struct Item<'a> {
    pub text: &'a str,
    pub plan: Plan,
}

/// What a bundle held: the plans that read, and (position from 1, why) for the others.
#[derive(Debug, Default)]
pub struct Read<'a> {
    pub plans: Vec<Item<'a>>,
    pub errors: Vec<(usize, ReadError)>,
}

/// Whether a file's text announces itself as a backup (its format comes first
/// in every bundle chitieu writes, and near the start in any other).
pub fn looks_like_bundle(text: &str) -> bool {
    let head = match text.char_indices().nth(512) {
        Some((end, _)) => &text[..end],
        None => text,
    };
    // the format's name in quotes, without writing a new string for every file summed
    head.match_indices(FORMAT)
        .any(|(i, _)| head[..i].ends_with('"') && head[i + FORMAT.len()..].starts_with('"'))
}

/// The bundle of these stored plan files (each already a plan file's text).
pub fn to_json<S: AsRef<str>>(files: &[S], app_version: &str, exported: &str) -> String {
    let quoted = |s: &str| serde_json::to_string(s).expect("a string always serializes");
    let total: usize = files.iter().map(|f| f.as_ref().len() + 2).sum();
    let mut out = String::with_capacity(total + 256);
    out.push_str(&format!(
        "{{\n  \"format\": \"{FORMAT}\",\n  \"version\": {VERSION},\n  \"app_version\": {},\n  \"exported\": {},\n  \"count\": {},\n  \"plans\": [",
        quoted(app_version),
        quoted(exported),
        files.len()
    ));
    for (k, f) in files.iter().enumerate() {
        out.push_str(if k == 0 { "\n" } else { ",\n" });
        out.push_str(f.as_ref().trim());
    }
    out.push_str(if files.is_empty() { "]\n}" } else { "\n  ]\n}" });
    out
}

/// Reads a bundle and every plan in it; nothing is changed anywhere.
pub fn from_json(text: &str) -> Result<Read<'_>, ReadError> {
    if text.len() as u64 > MAX_BYTES {
        return Err(ReadError::TooLarge {
            bytes: text.len() as u64,
        });
    }
    let bundle: Bundle = serde_json::from_str(text).map_err(super::unreadable)?;
    if bundle.format != FORMAT {
        return Err(ReadError::NotAPlan);
    }
    if bundle.version > u64::from(VERSION) {
        return Err(ReadError::TooNew {
            version: u32::try_from(bundle.version).unwrap_or(u32::MAX),
        });
    }
    let mut read = Read::default();
    for (k, raw) in bundle.plans.into_iter().enumerate() {
        let text = raw.get();
        match read_plan(text) {
            Ok(plan) => read.plans.push(Item { text, plan }),
            Err(e) => read.errors.push((k + 1, e)),
        }
    }
    Ok(read)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::sample_plan;
    use crate::file::to_json as plan_file;

    #[test]
    fn plan_files_come_back_byte_for_byte() {
        let a = plan_file(&sample_plan("a"), "0.1.0", "2026-11-22T10:00:00.000Z");
        let mut b = sample_plan("b");
        b.title = "Kế hoạch «B»\n\"trích dẫn\"".into();
        let b = plan_file(&b, "0.1.0", "2026-11-23T10:00:00.000Z");
        let bundle = to_json(&[&a, &b], "0.2.0", "2026-11-24T08:00:00.000Z");
        assert!(looks_like_bundle(&bundle));
        assert!(!looks_like_bundle(&a));
        let read = from_json(&bundle).unwrap();
        assert!(read.errors.is_empty());
        assert_eq!(read.plans.len(), 2);
        assert_eq!(read.plans[0].text, a);
        assert_eq!(read.plans[1].text, b);
        assert_eq!(read.plans[1].plan.title, "Kế hoạch «B»\n\"trích dẫn\"");
        // the bundle of what was read is the same bundle
        let texts: Vec<&str> = read.plans.iter().map(|i| i.text).collect();
        assert_eq!(to_json(&texts, "0.2.0", "2026-11-24T08:00:00.000Z"), bundle);
        let empty = to_json::<&str>(&[], "0.2.0", "now");
        assert!(from_json(&empty).unwrap().plans.is_empty());
    }

    #[test]
    fn one_broken_plan_is_reported_and_the_others_read() {
        let a = plan_file(&sample_plan("a"), "0.1.0", "now");
        let broken = r#"{"format":"chitieu-plan","version":2,"plan":{"id":"x"}}"#;
        let bundle = to_json(&[broken, &a], "0.1.0", "now");
        let read = from_json(&bundle).unwrap();
        assert_eq!(read.plans.len(), 1);
        assert_eq!(read.plans[0].plan.id, "a");
        assert_eq!(read.errors.len(), 1);
        assert_eq!(read.errors[0].0, 1);
        assert!(matches!(read.errors[0].1, ReadError::Invalid { .. }));
    }

    #[test]
    fn what_is_not_a_bundle_says_so() {
        assert!(matches!(
            from_json("{\"format\": "),
            Err(ReadError::Syntax { .. })
        ));
        assert_eq!(
            from_json(r#"{"format":"other","version":1,"plans":[]}"#).err(),
            Some(ReadError::NotAPlan)
        );
        assert_eq!(
            from_json(r#"{"format":"chitieu-backup","version":9,"plans":[]}"#).err(),
            Some(ReadError::TooNew { version: 9 })
        );
        assert_eq!(from_json(r#"[1]"#).err(), Some(ReadError::NotAPlan));
    }
}
