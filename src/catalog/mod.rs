//! The built-in indicator catalog, the national documents and the targets
//! local plans derive from, plan templates, and the sample plan. The catalog
//! is a data file in the repository (`indicators.json`), read at compile time.
//!
//! A national reference is a target one document sets for one indicator: the
//! document (with its date and whether it is in force, replaced, or only
//! reported in the press), the clause or annex item, the value, the years it
//! covers and the year it is due, and the levels of government it binds.
//! Which reference applies to a year is decided here, once, for the
//! templates' defaults, the "compare with" national set and the picker.

mod describe;
mod sample;
mod templates;

pub use describe::{
    citation, due_text, legal_basis, level_name, levels_text, reference_line, status_class,
    status_text, target_text,
};
pub use sample::sample_plan;
pub use templates::{
    default_plan_year, national_plan, national_reference, plan_years, set_national_targets,
    template_plan, Item, Template, NATIONAL, TEMPLATES,
};

use crate::i18n::Lang;
use crate::plan::{Comparator, Date, Direction, Indicator, Kind, Level, Text, YearSpan};
use crate::text::fold;
use serde::Deserialize;
use std::sync::OnceLock;

/// Whether a document's text was seen, and whether it still governs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocStatus {
    InForce,
    /// `replaced_by` names the document that replaced it
    Replaced,
    /// reported in the press; the text itself was not seen
    Unconfirmed,
}

/// A national document that sets targets: "Quyết định 2629/QĐ-TTg ngày 01/12/2025".
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// its number, as references name it: "2629/QĐ-TTg"
    pub key: String,
    /// "Quyết định 2629/QĐ-TTg" / "Decision 2629/QĐ-TTg"
    pub title: Text,
    #[serde(default)]
    pub issued: Option<Date>,
    /// the year, where only the year is known
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub subject: Option<Text>,
    pub status: DocStatus,
    #[serde(default)]
    pub replaced_by: Option<String>,
}

impl Document {
    pub fn year(&self) -> Option<i32> {
        self.issued.map(|d| d.year).or(self.year)
    }
}

/// A national target an indicator can be checked against.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// the key of a `Catalog::documents` entry
    pub document: String,
    /// the clause or annex item and what it asks
    pub clause: Text,
    pub target: f64,
    /// how the document states it ("trên 80%"); else the indicator's
    #[serde(default)]
    pub comparator: Option<Comparator>,
    /// the first year the target covers ("2028–2030"); else the document's year
    #[serde(default)]
    pub from: Option<i32>,
    /// the year by whose end it is due; unknown only for unconfirmed references
    #[serde(default)]
    pub due: Option<i32>,
    /// the levels it binds; empty: every level
    #[serde(default)]
    pub levels: Vec<Level>,
    /// the document is confirmed but sources disagree on this figure
    #[serde(default)]
    pub unconfirmed: bool,
}

/// Where a reference stands.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Status<'a> {
    InForce,
    Replaced { by: &'a Document },
    Unconfirmed,
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
    /// an old term that counted two of today's terms together ("mức độ 3, 4"):
    /// the codes of the two entries it splits into (full-process, partial)
    #[serde(default)]
    pub split_into: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub key: String,
    pub vi: String,
    pub en: String,
    /// the heading a 2026 plan files this group under ("Chính quyền số");
    /// none for a heading itself
    #[serde(default)]
    pub heading: Option<String>,
    /// names real plans give groups like it ("Thư điện tử và chữ ký số"), with
    /// their English, so that a plan written with them reads in English too
    #[serde(default)]
    pub also: Vec<GroupName>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupName {
    pub vi: String,
    pub en: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalog {
    pub documents: Vec<Document>,
    pub groups: Vec<Group>,
    pub indicators: Vec<Entry>,
}

/// The first plan year of the two-tier local government: plans from then on
/// file their indicators under the 2026 headings and are province or commune plans.
pub const TWO_TIER_FROM: i32 = 2026;

/// The catalog, read once from the data file compiled into the app.
pub fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    CATALOG.get_or_init(|| {
        serde_json::from_str(include_str!("indicators.json"))
            .expect("the catalog file is checked by tests")
    })
}

impl Catalog {
    pub fn entry(&self, code: &str) -> Option<&Entry> {
        self.indicators.iter().find(|e| e.code == code.trim())
    }

    pub fn group(&self, key: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.key == key)
    }

    pub fn document(&self, key: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.key == key)
    }

    /// In force, replaced (by which document), or unconfirmed.
    pub fn status(&self, r: &Reference) -> Status<'_> {
        let Some(doc) = self.document(&r.document) else {
            return Status::Unconfirmed;
        };
        match doc.status {
            _ if r.unconfirmed => Status::Unconfirmed,
            DocStatus::Unconfirmed => Status::Unconfirmed,
            DocStatus::Replaced => {
                match doc.replaced_by.as_deref().and_then(|k| self.document(k)) {
                    Some(by) => Status::Replaced { by },
                    None => Status::Unconfirmed,
                }
            }
            DocStatus::InForce => Status::InForce,
        }
    }

    /// The last year a reference can serve as a target: its due year, and
    /// for a replaced document not after the year of its replacement.
    pub fn last_year(&self, r: &Reference) -> Option<i32> {
        let due = r.due?;
        match self.status(r) {
            Status::Unconfirmed => None,
            Status::Replaced { by } => Some(by.year().map_or(due, |y| y.min(due))),
            Status::InForce => Some(due),
        }
    }

    /// Whether a reference is a national target for a year at a level: it is
    /// confirmed, the year lies between its first year (else its document's)
    /// and its due year, its document was not replaced before that year, and
    /// it binds that level.
    pub fn applies(&self, r: &Reference, year: i32, level: Level) -> bool {
        let first = r
            .from
            .or_else(|| self.document(&r.document).and_then(Document::year));
        self.last_year(r).is_some_and(|last| year <= last)
            && first.is_none_or(|f| f <= year)
            && (r.levels.is_empty() || r.levels.contains(&level))
    }

    /// Entries matching what the planner typed, by code, name, group,
    /// description or the documents they cite; Vietnamese typed without
    /// diacritics matches too. Every word must be a whole word of the entry
    /// (the last one may be the start of a word, as it is being typed).
    /// Entries whose name holds the whole phrase come first.
    pub fn search(&self, query: &str) -> Vec<&Entry> {
        let words = |s: &str| -> Vec<String> {
            fold(s)
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect()
        };
        let wanted = words(query);
        let phrase = wanted.join(" ");
        let mut found: Vec<(bool, &Entry)> = self
            .indicators
            .iter()
            .filter_map(|e| {
                let group = self
                    .group(&e.group)
                    .map(|g| format!("{} {}", g.vi, g.en))
                    .unwrap_or_default();
                let documents: String = e
                    .references
                    .iter()
                    .map(|r| format!(" {}", r.document))
                    .collect();
                let hay = words(&format!(
                    "{} {} {} {} {} {}{documents}",
                    e.code, e.name.vi, e.name.en, group, e.description.vi, e.description.en
                ));
                let last = wanted.len().saturating_sub(1);
                let all = wanted.iter().enumerate().all(|(k, w)| {
                    hay.iter()
                        .any(|h| h == w || (k == last && h.starts_with(w.as_str())))
                });
                let in_name = words(&e.name.vi).join(" ").contains(&phrase)
                    || words(&e.name.en).join(" ").contains(&phrase);
                all.then_some((in_name, e))
            })
            .collect();
        // stable: catalog order within each rank
        crate::sort::sort_by_key(&mut found, |(in_name, _)| !in_name);
        found.into_iter().map(|(_, e)| e).collect()
    }
}

/// The level an indicator is set for in a plan: its own, else the plan's.
pub fn level_in(ind: &Indicator, plan_level: Level) -> Level {
    ind.applies_to.unwrap_or(plan_level)
}

impl Entry {
    pub fn kind(&self) -> Kind {
        crate::plan::kind_from_code(&self.kind, &self.numerator, &self.denominator)
    }

    /// The national target for a year at a level: of the references that
    /// apply then (see `Catalog::applies`), the one due soonest; of several
    /// due the same year, the one asking most. Never a target due before the
    /// year, never a replaced document's after its replacement, never an
    /// unconfirmed one.
    pub fn reference_for(&self, year: i32, level: Level) -> Option<&Reference> {
        let c = catalog();
        let asks_more = |a: &Reference, b: &Reference| -> bool {
            let strict = |r: &Reference| {
                matches!(
                    r.comparator.unwrap_or(self.comparator),
                    Comparator::MoreThan | Comparator::LessThan
                )
            };
            match self.direction {
                Direction::Lower => {
                    a.target < b.target || (a.target == b.target && strict(a) && !strict(b))
                }
                Direction::Higher | Direction::Tracked => {
                    a.target > b.target || (a.target == b.target && strict(a) && !strict(b))
                }
            }
        };
        let mut best: Option<&Reference> = None;
        for r in self.references.iter().filter(|r| c.applies(r, year, level)) {
            best = match best {
                Some(b) if b.due < r.due || (b.due == r.due && !asks_more(r, b)) => Some(b),
                _ => Some(r),
            };
        }
        best
    }

    /// The levels a plan of `plan_level` starting in `start` can set this
    /// indicator for, the plan's own level first: a commune plan sets commune
    /// targets; a province plan its own and its communes'; districts only in
    /// plans before the two-tier government. When none fits, every level of
    /// the entry (the planner knows best).
    pub fn levels_for(&self, plan_level: Level, start: i32) -> Vec<Level> {
        let fits = |l: Level| match plan_level {
            Level::Province => {
                l == Level::Province
                    || l == Level::Commune
                    || (l == Level::District && start < TWO_TIER_FROM)
            }
            Level::District => l == Level::District || l == Level::Commune,
            Level::Commune => l == Level::Commune,
            Level::Agency => l == Level::Agency,
            Level::Other => true,
        };
        let mut out: Vec<Level> = self.levels.iter().copied().filter(|l| fits(*l)).collect();
        if out.is_empty() {
            out = self.levels.clone();
        }
        crate::sort::sort_by_key(&mut out, |l| {
            (*l != plan_level, Level::ALL.iter().position(|x| x == l))
        });
        out
    }

    /// The group key a plan files this entry under: a plan from 2026 on uses
    /// the 2026 headings ("Chính quyền số", "Dữ liệu", …).
    pub fn group_for(&self, start: i32) -> &str {
        let c = catalog();
        match c.group(&self.group).and_then(|g| g.heading.as_deref()) {
            Some(heading) if start >= TWO_TIER_FROM => heading,
            _ => &self.group,
        }
    }

    /// A plan indicator made from this entry for `level` in a plan of
    /// `plan_level` covering `years`: named, grouped and typed as the catalog
    /// says, set apart for its level when that is not the plan's own, and
    /// citing the national references that apply to those years.
    pub fn indicator(
        &self,
        id: String,
        level: Level,
        plan_level: Level,
        years: YearSpan,
        lang: Lang,
    ) -> Indicator {
        let mut i = Indicator::new(id, &self.name.vi, self.kind());
        i.name = self.name.clone();
        i.code = self.code.clone();
        i.group = catalog()
            .group(self.group_for(years.start))
            .map(|g| g.vi.clone())
            .unwrap_or_default();
        i.direction = self.direction;
        i.comparator = self.comparator;
        i.unit_label = self.unit.clone();
        i.applies_to = (level != plan_level).then_some(level);
        i.legal_basis = legal_basis(self, level, years, lang);
        i
    }
}

/// Splits an indicator counting two of today's terms together (online
/// services "mức độ 3, 4") into the two that replaced it, in its place: the
/// first (full-process) with `first_now` of today's count, the second
/// (partial) with the rest. The old figures cannot be split by arithmetic,
/// so the targets and actuals are left for the planner and recorded in both
/// indicators' notes as `note` says (the caller words it), with the old
/// indicator's own notes kept. `None` when the indicator's catalog entry does
/// not split, or `first_now` is more than today's count.
pub fn split_old_term(
    ind: &Indicator,
    first_now: f64,
    ids: [String; 2],
    note: &str,
    plan_level: Level,
    years: YearSpan,
    lang: Lang,
) -> Option<Vec<Indicator>> {
    let c = catalog();
    let entry = c.entry(&ind.code)?;
    let [first, second] = entry.split_into.as_slice() else {
        return None;
    };
    let (first, second) = (c.entry(first)?, c.entry(second)?);
    let now = match ind.baseline.as_ref().map(|b| b.figure) {
        Some(crate::plan::Figure::Value(v)) => Some(v),
        Some(crate::plan::Figure::Counts { numerator, .. }) => Some(numerator),
        None => None,
    };
    if !first_now.is_finite() || first_now < 0.0 || now.is_some_and(|n| first_now > n) {
        return None;
    }
    let level = ind.applies_to.unwrap_or(plan_level);
    let [a, b] = ids;
    let make = |e: &Entry, id: String, share: Option<f64>| {
        let mut i = e.indicator(id, level, plan_level, years, lang);
        i.group = ind.group.clone();
        i.responsible = ind.responsible.clone();
        i.baseline = share.map(|v| crate::plan::Baseline {
            figure: crate::plan::Figure::Value(v),
            as_of: ind.baseline.as_ref().and_then(|b| b.as_of),
            source: ind
                .baseline
                .as_ref()
                .map(|b| b.source.clone())
                .unwrap_or_default(),
        });
        i.notes = if ind.notes.trim().is_empty() {
            note.to_string()
        } else {
            format!("{}\n{note}", ind.notes)
        };
        i
    };
    Some(vec![
        make(first, a, now.map(|_| first_now)),
        make(second, b, now.map(|n| n - first_now)),
    ])
}

/// The code an indicator is known by today: an old term's code mapped through
/// what replaced it ("DVC-04", level 4, is "DVC-01", full-process), so that
/// plans of different years line up; any other code as it is.
pub fn current_code(code: &str) -> String {
    let c = catalog();
    let mut code = code.trim().to_string();
    // a bounded walk: replacements never loop, but a file's codes are not to be trusted
    for _ in 0..8 {
        match c.entry(&code).and_then(|e| e.replaced_by.clone()) {
            Some(next) => code = next,
            None => break,
        }
    }
    code
}

/// The Vietnamese name of an indicator after the planner renamed it: the
/// English one, which translated the old name, no longer does and is
/// cleared (the interface marks it as not translated), unless the new name
/// is a catalog entry's own name, whose English it then takes.
pub fn renamed(code: &str, old: &Text, new_vi: &str) -> Text {
    if new_vi == old.vi {
        return old.clone();
    }
    let en = catalog()
        .entry(code)
        .filter(|e| e.name.vi == new_vi)
        .map(|e| e.name.en.clone())
        .unwrap_or_default();
    Text {
        vi: new_vi.to_string(),
        en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn every_entry_is_well_formed_and_every_code_unique() {
        let c = catalog();
        assert!(c.indicators.len() >= 70, "{} entries", c.indicators.len());
        let mut codes = BTreeSet::new();
        for e in &c.indicators {
            assert!(codes.insert(e.code.as_str()), "{} twice", e.code);
            assert!(
                c.group(&e.group).is_some(),
                "{}: unknown group {}",
                e.code,
                e.group
            );
            for t in [&e.name, &e.description] {
                assert!(
                    !t.vi.trim().is_empty() && !t.en.trim().is_empty(),
                    "{}: a text lacks a language",
                    e.code
                );
            }
            assert!(
                [
                    "percent",
                    "count",
                    "fraction_of_units",
                    "ratio",
                    "reduction"
                ]
                .contains(&e.kind.as_str()),
                "{}",
                e.code
            );
            // a ratio names its two counts; a reduction what it cuts, so the
            // planner knows what "now/before" to type (giờ họp); others neither
            match e.kind.as_str() {
                "ratio" => assert!(
                    !e.numerator.is_empty() && !e.denominator.is_empty(),
                    "{}: a ratio names its counts",
                    e.code
                ),
                "reduction" => assert!(
                    !e.numerator.is_empty() && e.denominator.is_empty(),
                    "{}: a reduction names its amount",
                    e.code
                ),
                _ => assert!(
                    e.numerator.is_empty() && e.denominator.is_empty(),
                    "{}: only ratios and reductions name counts",
                    e.code
                ),
            }
            assert!(!e.levels.is_empty(), "{}: no level", e.code);
            let levels: BTreeSet<String> = e.levels.iter().map(|l| format!("{l:?}")).collect();
            assert_eq!(levels.len(), e.levels.len(), "{}: a level twice", e.code);
            assert!(!e.unit.trim().is_empty(), "{}: no unit", e.code);
            assert_eq!(
                e.kind().is_percent(),
                e.unit == "%" || e.kind == "fraction_of_units",
                "{}: unit {} for {}",
                e.code,
                e.unit,
                e.kind
            );
            if let Some(new) = &e.replaced_by {
                assert!(
                    c.entry(new).is_some_and(|n| n.replaced_by.is_none()),
                    "{} is replaced by unknown or old {new}",
                    e.code
                );
                assert!(
                    e.replacement_note
                        .as_ref()
                        .is_some_and(|n| !n.vi.is_empty() && !n.en.is_empty()),
                    "{}: a replacement needs its note",
                    e.code
                );
            }
            if !e.split_into.is_empty() {
                assert_eq!(e.split_into.len(), 2, "{}: splits into two", e.code);
                assert!(
                    e.replaced_by.is_none() && e.replacement_note.is_some(),
                    "{}: a split old term has its note, not one successor",
                    e.code
                );
                for part in &e.split_into {
                    assert!(
                        c.entry(part).is_some_and(|p| p.kind == e.kind
                            && p.unit == e.unit
                            && p.replaced_by.is_none()),
                        "{}: part {part}",
                        e.code
                    );
                }
            }
        }
        for g in &c.groups {
            assert!(
                c.indicators.iter().any(|e| e.group == g.key),
                "group {} is empty",
                g.key
            );
            if let Some(h) = &g.heading {
                assert!(
                    c.group(h).is_some_and(|h| h.heading.is_none()),
                    "group {}: heading {h} is not a heading",
                    g.key
                );
            }
        }
        // the groups a 2026 planner files indicators under
        let headings: BTreeSet<&str> = c
            .groups
            .iter()
            .filter(|g| g.heading.is_none())
            .map(|g| g.vi.as_str())
            .collect();
        for h in [
            "Chính quyền số",
            "Kinh tế số",
            "Xã hội số",
            "Hạ tầng và an toàn thông tin",
            "Dữ liệu",
        ] {
            assert!(headings.contains(h), "no heading {h}: {headings:?}");
        }
        assert!(
            headings.iter().any(|h| h.starts_with("Nhân lực")),
            "{headings:?}"
        );
    }

    #[test]
    fn old_terms_map_to_the_codes_of_today() {
        assert_eq!(current_code("DVC-04"), "DVC-01");
        assert_eq!(current_code(" DVC-03 "), "DVC-02");
        assert_eq!(current_code("DVC-01"), "DVC-01");
        assert_eq!(current_code("MY-OWN-7"), "MY-OWN-7");
    }

    #[test]
    fn a_count_of_levels_3_and_4_together_splits_into_full_process_and_partial() {
        let years = YearSpan {
            start: 2021,
            end: 2021,
        };
        let mut old = catalog().entry("DVC-34").unwrap().indicator(
            "d".into(),
            Level::District,
            Level::District,
            years,
            Lang::Vi,
        );
        old.baseline = Some(crate::plan::Baseline {
            figure: crate::plan::Figure::Value(40.0),
            as_of: None,
            source: "báo cáo".into(),
        });
        old.set_target(
            crate::plan::Period::Year(2021),
            Some(crate::plan::Figure::Value(45.0)),
        );
        let parts = split_old_term(
            &old,
            12.0,
            ["a".into(), "b".into()],
            "Tách từ 40 TTHC mức độ 3, 4",
            Level::District,
            years,
            Lang::Vi,
        )
        .unwrap();
        assert_eq!(
            parts.iter().map(|p| p.code.as_str()).collect::<Vec<_>>(),
            ["DVC-08", "DVC-02"]
        );
        let now = |i: &Indicator| i.baseline.as_ref().map(|b| b.figure);
        assert_eq!(
            (now(&parts[0]), now(&parts[1])),
            (
                Some(crate::plan::Figure::Value(12.0)),
                Some(crate::plan::Figure::Value(28.0))
            )
        );
        assert!(parts
            .iter()
            .all(|p| p.targets.is_empty() && p.notes.contains("Tách từ 40 TTHC mức độ 3, 4")));
        assert_eq!(
            split_old_term(
                &old,
                41.0,
                ["a".into(), "b".into()],
                "",
                Level::District,
                years,
                Lang::Vi
            ),
            None,
            "more than there are"
        );
        let level4 = catalog().entry("DVC-04").unwrap().indicator(
            "x".into(),
            Level::District,
            Level::District,
            years,
            Lang::Vi,
        );
        assert_eq!(
            split_old_term(
                &level4,
                1.0,
                ["a".into(), "b".into()],
                "",
                Level::District,
                years,
                Lang::Vi
            ),
            None,
            "mapped whole, not split"
        );
    }

    #[test]
    fn every_reference_has_a_document_a_status_a_clause_and_a_due_year() {
        let c = catalog();
        let mut keys = BTreeSet::new();
        for d in &c.documents {
            assert!(keys.insert(d.key.as_str()), "document {} twice", d.key);
            assert!(
                !d.title.vi.is_empty() && !d.title.en.is_empty(),
                "{}: its title",
                d.key
            );
            if d.status != DocStatus::Unconfirmed || d.key.contains('/') {
                assert!(
                    d.title.vi.contains(&d.key) && d.title.en.contains(&d.key),
                    "{}: the title holds the number",
                    d.key
                );
            }
            match d.status {
                DocStatus::Replaced => {
                    let by = d.replaced_by.as_deref().and_then(|k| c.document(k));
                    assert!(
                        by.is_some_and(|b| b.status == DocStatus::InForce),
                        "{} is replaced by an unknown document",
                        d.key
                    );
                    assert!(
                        by.unwrap().year() >= d.year(),
                        "{} is replaced by an older document",
                        d.key
                    );
                }
                _ => assert!(
                    d.replaced_by.is_none(),
                    "{}: replaced_by without the status",
                    d.key
                ),
            }
            if d.status != DocStatus::Unconfirmed {
                assert!(
                    d.issued.is_some(),
                    "{}: a confirmed document has its date",
                    d.key
                );
            }
            if let (Some(i), Some(y)) = (d.issued, d.year) {
                assert_eq!(i.year, y, "{}", d.key);
            }
            assert!(
                c.indicators
                    .iter()
                    .any(|e| e.references.iter().any(|r| r.document == d.key)),
                "{} is cited by no entry",
                d.key
            );
        }
        let mut count = 0;
        for e in &c.indicators {
            for r in &e.references {
                count += 1;
                let doc = c.document(&r.document);
                assert!(doc.is_some(), "{}: unknown document {}", e.code, r.document);
                assert!(
                    !r.clause.vi.trim().is_empty() && !r.clause.en.trim().is_empty(),
                    "{}: {} has no clause",
                    e.code,
                    r.document
                );
                assert!(r.target.is_finite() && r.target >= 0.0, "{}: {r:?}", e.code);
                if e.kind().is_percent() {
                    assert!(r.target <= 100.0, "{}: {r:?}", e.code);
                }
                let confirmed = c.status(r) != Status::Unconfirmed;
                if confirmed {
                    let due = r.due.unwrap_or_else(|| {
                        panic!(
                            "{}: a confirmed reference of {} without its due year",
                            e.code, r.document
                        )
                    });
                    assert!((2015..=2035).contains(&due), "{}: {r:?}", e.code);
                    let first = r.from.or(doc.unwrap().year()).unwrap();
                    assert!(first <= due, "{}: {r:?} is due before it starts", e.code);
                }
                for l in &r.levels {
                    assert!(
                        e.levels.contains(l),
                        "{}: a reference binds {l:?}, which the entry has not",
                        e.code
                    );
                }
            }
        }
        assert!(count >= 45, "{count} references");
    }

    #[test]
    fn the_references_a_2026_plan_cites_are_in() {
        let c = catalog();
        let cites = |doc: &str| {
            c.indicators
                .iter()
                .filter(|e| e.references.iter().any(|r| r.document == doc))
                .count()
        };
        assert!(
            cites("2629/QĐ-TTg") >= 15,
            "2629 on {}",
            cites("2629/QĐ-TTg")
        );
        assert!(cites("57-NQ/TW") >= 2 && cites("71/NQ-CP") >= 7 && cites("1565/QĐ-TTg") >= 2);
        assert_eq!(
            c.document("942/QĐ-TTg").unwrap().status,
            DocStatus::Replaced
        );
        assert_eq!(
            c.document("942/QĐ-TTg").unwrap().replaced_by.as_deref(),
            Some("2629/QĐ-TTg")
        );
        assert_eq!(
            c.document("2629/QĐ-TTg").unwrap().issued,
            Date::new(2025, 12, 1)
        );
        // the 749 split of work files by level is confirmed
        let work_files = c.entry("VB-03").unwrap();
        for (level, target) in [
            (Level::Province, 90.0),
            (Level::District, 80.0),
            (Level::Commune, 60.0),
        ] {
            let r = work_files.reference_for(2025, level).unwrap();
            assert_eq!(
                (r.document.as_str(), r.target),
                ("749/QĐ-TTg", target),
                "{level:?}"
            );
            assert_eq!(c.status(r), Status::InForce);
        }
        // the two signature indicators keep their denominators apart
        let between_agencies = c.entry("VB-02").unwrap();
        let work_file_signatures = c.entry("VB-07").unwrap();
        assert_eq!(
            between_agencies
                .reference_for(2025, Level::Commune)
                .unwrap()
                .document,
            "942/QĐ-TTg"
        );
        assert_eq!(
            work_file_signatures
                .reference_for(2026, Level::Commune)
                .unwrap()
                .document,
            "2629/QĐ-TTg"
        );
        assert!(
            between_agencies.description.vi.contains("giữa các cơ quan")
                && work_file_signatures
                    .description
                    .vi
                    .contains("hồ sơ công việc")
        );
        // full-process services: 2629, and a result may come by public post
        let full = c.entry("DVC-01").unwrap();
        assert_eq!(
            full.reference_for(2026, Level::Province).unwrap().document,
            "2629/QĐ-TTg"
        );
        assert!(
            full.description.vi.contains("bưu chính công ích")
                && full.description.en.contains("public post")
        );
        // the press-reported ones are unconfirmed and never a target
        for e in &c.indicators {
            for r in e
                .references
                .iter()
                .filter(|r| ["BCĐTW-2026", "11/QĐ-BCĐCP"].contains(&r.document.as_str()))
            {
                assert_eq!(c.status(r), Status::Unconfirmed, "{}", e.code);
                assert!(
                    Level::ALL
                        .iter()
                        .all(|l| (2019..=2031).all(|y| !c.applies(r, y, *l))),
                    "{}",
                    e.code
                );
            }
        }
    }

    #[test]
    fn every_confirmed_figure_of_the_2026_references_stands_on_its_indicator() {
        let c = catalog();
        // (indicator, document, target, first year, due): each figure the
        // documents set, as read from their texts
        let expected: [(&str, &str, f64, Option<i32>, i32); 31] = [
            ("DVC-01", "2629/QĐ-TTg", 100.0, Some(2025), 2027),
            ("CQS-05", "2629/QĐ-TTg", 100.0, Some(2025), 2027),
            ("CQS-04", "2629/QĐ-TTg", 95.0, Some(2025), 2027),
            ("VB-03", "2629/QĐ-TTg", 100.0, Some(2025), 2027),
            ("VB-07", "2629/QĐ-TTg", 100.0, Some(2025), 2027),
            ("CQS-08", "2629/QĐ-TTg", 100.0, Some(2025), 2027),
            ("DL-01", "2629/QĐ-TTg", 100.0, Some(2025), 2027),
            ("NL-01", "2629/QĐ-TTg", 100.0, Some(2025), 2027),
            ("NL-04", "2629/QĐ-TTg", 50.0, Some(2025), 2027),
            ("CQS-04", "2629/QĐ-TTg", 99.0, Some(2028), 2030),
            ("CQS-09", "2629/QĐ-TTg", 50.0, Some(2028), 2030),
            ("DL-02", "2629/QĐ-TTg", 100.0, Some(2028), 2030),
            ("CQS-03", "2629/QĐ-TTg", 100.0, Some(2028), 2030),
            ("DL-04", "2629/QĐ-TTg", 80.0, Some(2028), 2030),
            ("DL-03", "2629/QĐ-TTg", 100.0, Some(2028), 2030),
            ("CQS-10", "2629/QĐ-TTg", 100.0, Some(2028), 2030),
            ("NL-04", "2629/QĐ-TTg", 100.0, Some(2028), 2030),
            ("AT-03", "2629/QĐ-TTg", 100.0, Some(2028), 2030),
            ("CQS-06", "57-NQ/TW", 80.0, None, 2030),
            ("KTS-01", "57-NQ/TW", 80.0, None, 2030),
            ("KTS-02", "57-NQ/TW", 30.0, None, 2030),
            ("CQS-06", "71/NQ-CP", 80.0, None, 2030),
            ("DVC-07", "71/NQ-CP", 90.0, None, 2030),
            ("CQS-03", "71/NQ-CP", 100.0, None, 2030),
            ("CQS-02", "71/NQ-CP", 100.0, None, 2030),
            ("DL-04", "71/NQ-CP", 80.0, None, 2030),
            ("CQS-01", "71/NQ-CP", 80.0, None, 2030),
            ("VB-03", "71/NQ-CP", 100.0, None, 2030),
            ("CQS-07", "71/NQ-CP", 100.0, None, 2030),
            ("CQS-02", "1565/QĐ-TTg", 100.0, Some(2025), 2025),
            ("CQS-04", "1565/QĐ-TTg", 95.0, Some(2026), 2026),
        ];
        for (code, doc, target, from, due) in expected {
            let e = c.entry(code).unwrap_or_else(|| panic!("{code} missing"));
            assert!(
                e.references.iter().any(|r| r.document == doc
                    && r.target == target
                    && r.from == from
                    && r.due == Some(due)
                    && !r.unconfirmed),
                "{code}: {doc} {target} ({from:?}–{due}) not found in {:?}",
                e.references
            );
        }
    }

    #[test]
    fn at_least_25_indicators_2026_plans_carry() {
        let c = catalog();
        let new = [
            "VB-07", "DVC-07", "CQS-01", "CQS-02", "CQS-03", "CQS-04", "CQS-05", "CQS-06",
            "CQS-07", "CQS-08", "CQS-09", "CQS-10", "CQS-11", "DL-01", "DL-02", "DL-03", "DL-04",
            "KTS-01", "KTS-02", "XHS-01", "XHS-02", "HTAT-01", "NL-04", "CS-01", "CS-02", "CS-03",
            "CS-04", "CS-05", "CS-06", "CS-07", "CS-08",
        ];
        assert!(new.len() >= 25);
        for code in new {
            let e = c.entry(code).unwrap_or_else(|| panic!("{code} missing"));
            assert!(e.replaced_by.is_none(), "{code}");
        }
        // the 766 index and its five groups add up to 100 points
        let groups: f64 = ["CS-02", "CS-03", "CS-04", "CS-05", "CS-06"]
            .iter()
            .map(|code| {
                let d = &c.entry(code).unwrap().description.vi;
                let n: String = d
                    .rsplit("tối đa ")
                    .next()
                    .unwrap()
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                n.parse::<f64>().unwrap()
            })
            .sum();
        assert_eq!(groups, 100.0);
        assert_eq!(
            c.entry("CS-08").unwrap().direction,
            Direction::Lower,
            "a rank is better when lower"
        );
    }

    #[test]
    fn search_matches_without_diacritics() {
        let c = catalog();
        let found: Vec<&str> = c
            .search("chu ky so")
            .iter()
            .map(|e| e.code.as_str())
            .collect();
        assert!(
            found.contains(&"CKS-01") && found.contains(&"CKS-02") && found.contains(&"CKS-03"),
            "{found:?}"
        );
        // names holding the phrase come first
        let in_name: Vec<bool> = found
            .iter()
            .map(|code| fold(&c.entry(code).unwrap().name.vi).contains("chu ky so"))
            .collect();
        assert!(in_name.windows(2).all(|w| w[0] || !w[1]), "{found:?}");
        assert!(
            found[..4]
                .iter()
                .all(|code| code.starts_with("CKS") || *code == "VB-07"),
            "{found:?}"
        );
        assert!(
            !found.contains(&"NL-01"),
            "kỹ năng số is not chữ ký số: {found:?}"
        );
        assert!(
            c.search("chu ky s").iter().any(|e| e.code == "CKS-01"),
            "the last word may be half typed"
        );
        assert!(c.search("chữ ký số").len() == found.len());
        assert_eq!(c.search("dvc-04").len(), 1);
        assert!(c
            .search("an toan thong tin")
            .iter()
            .any(|e| e.code == "AT-01"));
        assert!(c
            .search("digital signature")
            .iter()
            .any(|e| e.code == "CKS-01"));
        assert!(c.search("không có gì như thế này").is_empty());
        assert_eq!(
            c.search("thanh toan truc tuyen")
                .first()
                .map(|e| e.code.as_str()),
            Some("CQS-01")
        );
        // by the document cited
        let by_doc = c.search("2629");
        assert!(
            by_doc.iter().any(|e| e.code == "VB-07") && !by_doc.iter().any(|e| e.code == "DD-02")
        );
    }

    #[test]
    fn references_apply_to_the_right_year_and_level() {
        let c = catalog();
        let e = c.entry("DVC-04").unwrap();
        assert_eq!(e.reference_for(2019, Level::District).unwrap().target, 30.0);
        assert_eq!(e.reference_for(2024, Level::District).unwrap().target, 80.0);
        // a target due in 2025 is no target for 2027
        assert_eq!(e.reference_for(2027, Level::District), None);
        // satisfaction: 1565 for 2026, 2629 for 2027, 2629's second phase after
        let s = c.entry("CQS-04").unwrap();
        let at = |y| {
            s.reference_for(y, Level::Commune)
                .map(|r| (r.document.as_str(), r.target))
        };
        assert_eq!(at(2026), Some(("1565/QĐ-TTg", 95.0)));
        assert_eq!(at(2027), Some(("2629/QĐ-TTg", 95.0)));
        assert_eq!(at(2029), Some(("2629/QĐ-TTg", 99.0)));
        assert_eq!(at(2031), None);
        // a target for 2028–2030 is no target for 2026
        assert_eq!(
            c.entry("CQS-10")
                .unwrap()
                .reference_for(2026, Level::Province),
            None
        );
        assert_eq!(
            c.entry("CQS-10")
                .unwrap()
                .reference_for(2028, Level::Province)
                .unwrap()
                .target,
            100.0
        );
        // full-process services were due in 2025 under 942; in 2025 942 still holds, from 2026 2629
        let full = c.entry("DVC-01").unwrap();
        assert_eq!(
            full.reference_for(2025, Level::Province).unwrap().document,
            "942/QĐ-TTg"
        );
        assert_eq!(
            full.reference_for(2026, Level::Province).unwrap().document,
            "2629/QĐ-TTg"
        );
        // two documents due the same year: the one asking more ("trên 80%" over "≥ 80%")
        let usage = c
            .entry("CQS-06")
            .unwrap()
            .reference_for(2026, Level::Province)
            .unwrap();
        assert_eq!(
            (usage.document.as_str(), usage.comparator),
            ("57-NQ/TW", Some(Comparator::MoreThan))
        );
        // a level the reference does not bind
        assert_eq!(
            c.entry("CKS-03")
                .unwrap()
                .reference_for(2026, Level::Province),
            None
        );
    }

    #[test]
    fn a_replaced_document_is_never_a_target_after_its_replacement() {
        let c = catalog();
        for e in &c.indicators {
            for level in Level::ALL {
                for year in 2015..=2035 {
                    if let Some(r) = e.reference_for(year, level) {
                        assert!(
                            r.due.is_some_and(|d| d >= year),
                            "{} {year}: due {:?}",
                            e.code,
                            r.due
                        );
                        if let Status::Replaced { by } = c.status(r) {
                            assert!(
                                by.year().unwrap() >= year,
                                "{} {year}: {} was replaced by {}",
                                e.code,
                                r.document,
                                by.key
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn levels_a_plan_can_set() {
        let c = catalog();
        let work_files = c.entry("VB-03").unwrap();
        assert_eq!(
            work_files.levels_for(Level::Province, 2026),
            [Level::Province, Level::Commune]
        );
        assert_eq!(
            work_files.levels_for(Level::Province, 2024),
            [Level::Province, Level::District, Level::Commune]
        );
        assert_eq!(
            work_files.levels_for(Level::Commune, 2026),
            [Level::Commune]
        );
        assert_eq!(
            work_files.levels_for(Level::District, 2024),
            [Level::District, Level::Commune]
        );
        // a province-only indicator in a commune plan is still offered, at its own level
        assert_eq!(
            c.entry("KTS-01").unwrap().levels_for(Level::Commune, 2026),
            [Level::Province]
        );
    }

    #[test]
    fn an_indicator_from_the_catalog_carries_its_level_group_and_sources() {
        let c = catalog();
        let e = c.entry("VB-03").unwrap();
        let years = YearSpan {
            start: 2026,
            end: 2026,
        };
        let own = e.indicator(
            "a".into(),
            Level::Province,
            Level::Province,
            years,
            Lang::Vi,
        );
        let communes = e.indicator("b".into(), Level::Commune, Level::Province, years, Lang::Vi);
        assert_eq!(
            (own.applies_to, communes.applies_to),
            (None, Some(Level::Commune))
        );
        assert_eq!(own.group, "Chính quyền số");
        assert!(
            own.legal_basis.contains("2629/QĐ-TTg") && !own.legal_basis.contains("749"),
            "{}",
            own.legal_basis
        );
        let old = e.indicator(
            "c".into(),
            Level::District,
            Level::District,
            YearSpan {
                start: 2024,
                end: 2024,
            },
            Lang::Vi,
        );
        assert_eq!(old.group, "Văn bản điện tử và điều hành");
        assert!(
            old.legal_basis.contains("749/QĐ-TTg") && old.legal_basis.contains("80%"),
            "{}",
            old.legal_basis
        );
    }

    #[test]
    fn a_renamed_indicator_drops_an_english_name_that_no_longer_translates() {
        let e = catalog().entry("VB-03").unwrap();
        let renamed_once = renamed("VB-03", &e.name, "Hồ sơ công việc cấp xã xử lý trên mạng");
        assert_eq!(renamed_once.en, "");
        assert_eq!(
            renamed("VB-03", &renamed_once, &e.name.vi),
            e.name,
            "back to the catalog name, the English follows"
        );
        assert_eq!(renamed("VB-03", &e.name, &e.name.vi), e.name);
        let own = Text {
            vi: "Chỉ tiêu riêng".into(),
            en: "Own indicator".into(),
        };
        assert_eq!(renamed("", &own, "Chỉ tiêu riêng của xã").en, "");
    }
}
