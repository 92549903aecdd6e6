//! The backup bundle: every plan stored in a browser, in one JSON file, with
//! the files collected against each plan.
//!
//! ```json
//! { "format": "chitieu-backup", "version": 2, "app_version": "0.1.0",
//!   "exported": "2026-11-22T10:00:00.000Z", "count": 2,
//!   "plans": [ { "format": "chitieu-plan", … }, { "format": "chitieu-plan", … } ],
//!   "collections": { "p-19a3c-4f1e2": [ { "format": "chitieu-plan", … } ] } }
//! ```
//!
//! Each element of `plans`, and each file of a collection, is a plan file
//! exactly as it was stored, byte for byte, so that restoring a backup gives
//! back the very same files. Each is read with every check of a single plan
//! file; one broken file does not stop the others. Version 1 bundles (before
//! collections) read as bundles without collections.

use super::{from_json as read_plan, ReadError};
use crate::plan::Plan;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::BTreeMap;

pub const FORMAT: &str = "chitieu-backup";
/// The bundle version this app writes (2: with the collections).
pub const VERSION: u32 = 2;
/// Bundles above this size are refused before they are read.
pub const MAX_BYTES: u64 = 512 * 1024 * 1024;

#[derive(Deserialize)]
struct Bundle<'a> {
    format: String,
    version: u64,
    #[serde(borrow)]
    plans: Vec<&'a RawValue>,
    /// the files collected against a plan, by its id (since version 2)
    #[serde(default, borrow)]
    collections: BTreeMap<String, Vec<&'a RawValue>>,
}

/// One plan of a bundle: its file text as stored, the plan it holds, and the
/// texts of the files collected against it that read (`None`: the bundle
/// holds no collection for it).
#[derive(Debug)]
pub struct Item<'a> {
    pub text: &'a str,
    pub plan: Plan,
    pub collection: Option<Vec<&'a str>>,
}

/// Where in a bundle a file that did not read is: the plan's position, and
/// the file's position in that plan's collection when it is a collected one
/// (both from 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Place {
    pub plan: usize,
    pub collected: Option<usize>,
}

/// What a bundle held: the plans that read, and where and why the others did not.
#[derive(Debug, Default)]
pub struct Read<'a> {
    pub plans: Vec<Item<'a>>,
    pub errors: Vec<(Place, ReadError)>,
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

/// The bundle of these stored plan files (each already a plan file's text)
/// and of the files collected against them (plan id, its files' texts).
pub fn to_json<S: AsRef<str>>(
    files: &[S],
    collections: &[(S, Vec<S>)],
    app_version: &str,
    exported: &str,
) -> String {
    let quoted = |s: &str| serde_json::to_string(s).expect("a string always serializes");
    let collected: usize = collections
        .iter()
        .flat_map(|(_, c)| c.iter().map(|f| f.as_ref().len() + 2))
        .sum();
    let total: usize = files.iter().map(|f| f.as_ref().len() + 2).sum::<usize>() + collected;
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
    out.push_str(if files.is_empty() { "],\n" } else { "\n  ],\n" });
    out.push_str("  \"collections\": {");
    let mut first = true;
    for (id, texts) in collections {
        // a text that is not JSON would break the whole bundle; chitieu never stores one
        let texts: Vec<&str> = texts
            .iter()
            .map(|t| t.as_ref().trim())
            .filter(|t| serde_json::from_str::<&RawValue>(t).is_ok())
            .collect();
        if texts.is_empty() {
            continue;
        }
        out.push_str(if first { "\n    " } else { ",\n    " });
        first = false;
        out.push_str(&quoted(id.as_ref()));
        out.push_str(": [");
        for (k, t) in texts.iter().enumerate() {
            out.push_str(if k == 0 { "\n" } else { ",\n" });
            out.push_str(t);
        }
        out.push_str("\n    ]");
    }
    out.push_str(if first { "}\n}" } else { "\n  }\n}" });
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
        let plan = match read_plan(text) {
            Ok(plan) => plan,
            Err(e) => {
                // a plan that does not read is not restored, nor is its collection
                let place = Place {
                    plan: k + 1,
                    collected: None,
                };
                read.errors.push((place, e));
                continue;
            }
        };
        let collection = bundle.collections.get(&plan.id).map(|files| {
            let mut texts = Vec::new();
            for (n, raw) in files.iter().enumerate() {
                match read_plan(raw.get()) {
                    Ok(_) => texts.push(raw.get()),
                    Err(e) => {
                        let place = Place {
                            plan: k + 1,
                            collected: Some(n + 1),
                        };
                        read.errors.push((place, e));
                    }
                }
            }
            texts
        });
        read.plans.push(Item {
            text,
            plan,
            collection,
        });
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
        let bundle = to_json(&[&a, &b], &[], "0.2.0", "2026-11-24T08:00:00.000Z");
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
        assert_eq!(to_json(&texts, &[], "0.2.0", "2026-11-24T08:00:00.000Z"), bundle);
        let empty = to_json::<&str>(&[], &[], "0.2.0", "now");
        assert!(from_json(&empty).unwrap().plans.is_empty());
    }

    #[test]
    fn one_broken_plan_is_reported_and_the_others_read() {
        let a = plan_file(&sample_plan("a"), "0.1.0", "now");
        let broken = r#"{"format":"chitieu-plan","version":2,"plan":{"id":"x"}}"#;
        let bundle = to_json(&[broken, &a], &[], "0.1.0", "now");
        let read = from_json(&bundle).unwrap();
        assert_eq!(read.plans.len(), 1);
        assert_eq!(read.plans[0].plan.id, "a");
        assert_eq!(read.errors.len(), 1);
        assert_eq!(
            read.errors[0].0,
            Place {
                plan: 1,
                collected: None
            }
        );
        assert!(matches!(read.errors[0].1, ReadError::Invalid { .. }));
    }

    /// A unit's file as collected: a commune's plan.
    fn unit_file(id: &str, unit: &str) -> String {
        let mut p = sample_plan(id);
        p.unit.name = unit.into();
        plan_file(&p, "0.1.0", "2026-11-20T09:00:00.000Z")
    }

    #[test]
    fn the_files_collected_against_a_plan_come_back_with_it_byte_for_byte() {
        let province = plan_file(&sample_plan("tinh"), "0.1.0", "now");
        let other = plan_file(&sample_plan("khac"), "0.1.0", "now");
        let (chanh, moc_chau) = (
            unit_file("xa-1", "UBND xã Mường Chanh"),
            unit_file("xa-2", "UBND phường «Mộc Châu»"),
        );
        let bundle = to_json(
            &[province.as_str(), other.as_str()],
            &[
                ("tinh", vec![chanh.as_str(), moc_chau.as_str()]),
                // emptied: nothing to carry
                ("khac", vec![]),
            ],
            "0.2.0",
            "2026-11-24T08:00:00.000Z",
        );
        let json: serde_json::Value = serde_json::from_str(&bundle).unwrap();
        assert_eq!(json["version"], 2);
        assert_eq!(json["collections"]["tinh"].as_array().unwrap().len(), 2);
        assert!(json["collections"].get("khac").is_none());
        let read = from_json(&bundle).unwrap();
        assert!(read.errors.is_empty());
        assert_eq!(read.plans[0].plan.id, "tinh");
        assert_eq!(
            read.plans[0].collection,
            Some(vec![chanh.as_str(), moc_chau.as_str()])
        );
        assert_eq!(read.plans[1].collection, None);
        // what was read bundles again into the very same bundle
        let texts: Vec<&str> = read.plans.iter().map(|i| i.text).collect();
        let collections: Vec<(&str, Vec<&str>)> = read
            .plans
            .iter()
            .filter_map(|i| Some((i.plan.id.as_str(), i.collection.clone()?)))
            .collect();
        assert_eq!(
            to_json(&texts, &collections, "0.2.0", "2026-11-24T08:00:00.000Z"),
            bundle
        );
    }

    #[test]
    fn a_broken_collected_file_is_reported_and_the_rest_restored() {
        let province = plan_file(&sample_plan("tinh"), "0.1.0", "now");
        let chanh = unit_file("xa-1", "UBND xã Mường Chanh");
        let broken = r#"{"format":"chitieu-plan","version":2,"plan":{"id":"x"}}"#;
        let lost = plan_file(&sample_plan("mat"), "0.1.0", "now");
        let bundle = to_json(
            &[r#"{"format":"chitieu-plan"}"#, province.as_str()],
            &[
                ("tinh", vec![broken, chanh.as_str()]),
                // the collection of a plan the backup does not hold goes nowhere
                ("khong-co", vec![lost.as_str()]),
            ],
            "0.2.0",
            "now",
        );
        let read = from_json(&bundle).unwrap();
        assert_eq!(read.plans.len(), 1);
        assert_eq!(read.plans[0].collection, Some(vec![chanh.as_str()]));
        let places: Vec<Place> = read.errors.iter().map(|(p, _)| *p).collect();
        assert_eq!(
            places,
            vec![
                Place {
                    plan: 1,
                    collected: None
                },
                Place {
                    plan: 2,
                    collected: Some(1)
                }
            ]
        );
        assert!(matches!(read.errors[1].1, ReadError::Invalid { .. }));
    }

    #[test]
    fn a_backup_from_before_collections_still_reads() {
        let a = plan_file(&sample_plan("a"), "0.1.0", "2026-11-22T10:00:00.000Z");
        // as an earlier chitieu wrote it: version 1, no collections
        let old = format!(
            "{{\n  \"format\": \"chitieu-backup\",\n  \"version\": 1,\n  \"app_version\": \"0.1.0\",\n  \"exported\": \"2026-11-22T10:00:00.000Z\",\n  \"count\": 1,\n  \"plans\": [\n{a}\n  ]\n}}"
        );
        assert!(looks_like_bundle(&old));
        let read = from_json(&old).unwrap();
        assert!(read.errors.is_empty());
        assert_eq!(read.plans.len(), 1);
        assert_eq!(read.plans[0].text, a);
        assert_eq!(read.plans[0].collection, None);
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
        assert_eq!(
            from_json(r#"{"format":"chitieu-backup","version":3,"plans":[]}"#).err(),
            Some(ReadError::TooNew { version: 3 })
        );
        assert_eq!(from_json(r#"[1]"#).err(), Some(ReadError::NotAPlan));
    }
}
