//! The built-in indicator catalog, the national references local targets
//! derive from, plan templates, and the sample plan. The catalog is a data
//! file in the repository (`indicators.json`), read at compile time.

mod sample;
mod templates;

pub use sample::sample_plan;
pub use templates::{national_plan, template_plan, Template, NATIONAL, TEMPLATES};

use crate::plan::{Comparator, Direction, Indicator, Kind, Level, Text};
use crate::text::fold;
use serde::Deserialize;
use std::sync::OnceLock;

/// A national target an indicator can be checked against.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// "Quyết định 942/QĐ-TTg ngày 15/6/2021"
    pub document: String,
    pub clause: String,
    pub target: f64,
    pub year: i32,
    /// sources disagree on this figure
    #[serde(default)]
    pub unconfirmed: bool,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub code: String,
    /// a key of `Catalog::groups`
    pub group: String,
    pub name: Text,
    pub description: Text,
    /// "percent", "count", "fraction_of_units", "ratio", "reduction"
    pub kind: String,
    #[serde(default)]
    pub numerator: String,
    #[serde(default)]
    pub denominator: String,
    pub direction: Direction,
    pub comparator: Comparator,
    pub unit: String,
    pub levels: Vec<Level>,
    #[serde(default)]
    pub references: Vec<Reference>,
    /// the code of the entry that replaced this old term
    #[serde(default)]
    pub replaced_by: Option<String>,
    #[serde(default)]
    pub replacement_note: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub key: String,
    pub vi: String,
    pub en: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    pub groups: Vec<Group>,
    pub indicators: Vec<Entry>,
}

/// The catalog, read once from the data file compiled into the app.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| serde_json::from_str(include_str!("indicators.json")).expect("the catalog file is checked by tests"))
}

impl Catalog {
    pub fn entry(&self, code: &str) -> Option<&Entry> {
        self.indicators.iter().find(|e| e.code == code.trim())
    }

    pub fn group(&self, key: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.key == key)
    }

    /// Entries matching what the planner typed, by code, name, group or
    /// description; Vietnamese typed without diacritics matches too. Every
    /// word must be a whole word of the entry (the last one may be the start
    /// of a word, as it is being typed). Entries whose name holds the whole
    /// phrase come first.
    pub fn search(&self, query: &str) -> Vec<&Entry> {
        let words = |s: &str| -> Vec<String> {
            fold(s).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
        };
        let wanted = words(query);
        let phrase = wanted.join(" ");
        let mut found: Vec<(bool, &Entry)> = self
            .indicators
            .iter()
            .filter_map(|e| {
                let group = self.group(&e.group).map(|g| format!("{} {}", g.vi, g.en)).unwrap_or_default();
                let hay = words(&format!("{} {} {} {} {} {}", e.code, e.name.vi, e.name.en, group, e.description.vi, e.description.en));
                let last = wanted.len().saturating_sub(1);
                let all = wanted.iter().enumerate().all(|(k, w)| {
                    hay.iter().any(|h| h == w || (k == last && h.starts_with(w.as_str())))
                });
                let in_name = words(&e.name.vi).join(" ").contains(&phrase) || words(&e.name.en).join(" ").contains(&phrase);
                all.then_some((in_name, e))
            })
            .collect();
        // stable: catalog order within each rank
        found.sort_by_key(|(in_name, _)| !in_name);
        found.into_iter().map(|(_, e)| e).collect()
    }
}

impl Entry {
    pub fn kind(&self) -> Kind {
        crate::plan::kind_from_code(&self.kind, &self.numerator, &self.denominator)
    }

    /// The reference that applies to a year: the first due in or after it,
    /// else the latest (a level required earlier still holds).
    pub fn reference_for(&self, year: i32) -> Option<&Reference> {
        let mut refs: Vec<&Reference> = self.references.iter().collect();
        refs.sort_by_key(|r| r.year);
        refs.iter().find(|r| r.year >= year).or(refs.last()).copied()
    }

    /// A plan indicator made from this entry, in the catalog's group.
    pub fn indicator(&self, id: String) -> Indicator {
        let mut i = Indicator::new(id, &self.name.vi, self.kind());
        i.name = self.name.clone();
        i.code = self.code.clone();
        i.group = catalog().group(&self.group).map(|g| g.vi.clone()).unwrap_or_default();
        i.direction = self.direction;
        i.comparator = self.comparator;
        i.unit_label = self.unit.clone();
        if let [only] = self.levels.as_slice() {
            i.applies_to = Some(*only);
        }
        i.legal_basis = self.references.iter().map(|r| r.document.clone()).collect::<Vec<_>>().join("; ");
        i
    }
}


#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_entry_is_well_formed_and_every_code_unique() {
        let c = catalog();
        assert!(c.indicators.len() >= 40, "{} entries", c.indicators.len());
        let mut codes = BTreeSet::new();
        for e in &c.indicators {
            assert!(codes.insert(e.code.as_str()), "{} twice", e.code);
            assert!(c.group(&e.group).is_some(), "{}: unknown group {}", e.code, e.group);
            for t in [&e.name, &e.description] {
                assert!(!t.vi.trim().is_empty() && !t.en.trim().is_empty(), "{}: a text lacks a language", e.code);
            }
            assert!(["percent", "count", "fraction_of_units", "ratio", "reduction"].contains(&e.kind.as_str()), "{}", e.code);
            assert!(!e.levels.is_empty(), "{}: no level", e.code);
            assert!(!e.unit.trim().is_empty(), "{}: no unit", e.code);
            for r in &e.references {
                assert!(r.target.is_finite() && r.target >= 0.0 && (2015..=2035).contains(&r.year), "{}: {r:?}", e.code);
                if e.kind().is_percent() {
                    assert!(r.target <= 100.0, "{}: {r:?}", e.code);
                }
            }
            if let Some(new) = &e.replaced_by {
                assert!(c.entry(new).is_some(), "{} is replaced by unknown {new}", e.code);
                assert!(e.replacement_note.is_some(), "{}: a replacement needs its note", e.code);
            }
        }
        for g in &c.groups {
            assert!(c.indicators.iter().any(|e| e.group == g.key), "group {} is empty", g.key);
        }
    }

    #[test]
    fn search_matches_without_diacritics() {
        let c = catalog();
        let found: Vec<&str> = c.search("chu ky so").iter().map(|e| e.code.as_str()).collect();
        assert!(found.contains(&"CKS-01") && found.contains(&"CKS-02") && found.contains(&"CKS-03"), "{found:?}");
        assert!(found[..3].iter().all(|c| c.starts_with("CKS")), "names holding the phrase come first: {found:?}");
        assert!(!found.contains(&"NL-01"), "kỹ năng số is not chữ ký số: {found:?}");
        assert!(c.search("chu ky s").iter().any(|e| e.code == "CKS-01"), "the last word may be half typed");
        assert!(c.search("chữ ký số").len() == found.len());
        assert_eq!(c.search("dvc-04").len(), 1);
        assert!(c.search("an toan thong tin").iter().any(|e| e.code == "AT-01"));
        assert!(c.search("digital signature").iter().any(|e| e.code == "CKS-01"));
        assert!(c.search("không có gì như thế này").is_empty());
    }

    #[test]
    fn references_apply_to_the_right_year() {
        let e = catalog().entry("DVC-04").unwrap();
        assert_eq!(e.reference_for(2019).unwrap().target, 30.0);
        assert_eq!(e.reference_for(2024).unwrap().target, 80.0);
        assert_eq!(e.reference_for(2027).unwrap().target, 80.0);
    }
}
