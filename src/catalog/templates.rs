//! Templates that make a sensible first draft, and the national reference
//! set as a plan that a local plan can be checked against.

use super::catalog;
use crate::plan::{Figure, Level, Period, Plan, Unit, YearSpan};
use std::rc::Rc;

/// The `compare_with` value naming the national references.
pub const NATIONAL: &str = "national";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    /// a commune or ward's yearly plan
    CommuneYear,
    /// a province's yearly plan
    ProvinceYear,
    /// a province's plan for 2026–2030
    ProvinceFiveYears,
    /// a district's yearly plan, for the years before districts were dissolved (2025)
    DistrictYear,
}

pub const TEMPLATES: [Template; 4] = [Template::CommuneYear, Template::ProvinceYear, Template::ProvinceFiveYears, Template::DistrictYear];

impl Template {
    /// A stable name for tests and the interface.
    pub fn key(self) -> &'static str {
        match self {
            Template::CommuneYear => "commune-year",
            Template::ProvinceYear => "province-year",
            Template::ProvinceFiveYears => "province-2026-2030",
            Template::DistrictYear => "district-year",
        }
    }

    fn codes(self) -> &'static [&'static str] {
        match self {
            Template::CommuneYear => &[
                "VB-01", "VB-02", "VB-05", "VB-06", "TD-01", "CKS-02", "CKS-03", "DVC-01", "DVC-06", "HS-01", "HS-02",
                "HS-03", "HS-04", "HS-05", "HS-06", "MC-02", "BC-01", "HOP-03", "AT-02", "NL-01", "DD-01",
            ],
            Template::ProvinceYear | Template::ProvinceFiveYears => &[
                "VB-01", "VB-02", "VB-03", "VB-06", "TD-01", "CKS-01", "CKS-03", "DVC-01", "DVC-02", "DVC-05", "DVC-06",
                "HS-01", "HS-02", "HS-04", "HS-05", "HS-06", "MC-01", "MC-02", "BC-01", "HOP-01", "HOP-02", "HOP-03",
                "HT-01", "HT-04", "HT-05", "AT-01", "AT-03", "CSDL-01", "CSDL-03", "NL-01", "NL-03", "DD-01", "DD-02",
            ],
            Template::DistrictYear => &[
                "VB-01", "VB-02", "VB-04", "TD-01", "CKS-01", "CKS-02", "DVC-03", "DVC-04", "DVC-06", "HS-01", "HS-03",
                "MC-01", "MC-02", "BC-01", "HOP-01", "HT-03", "AT-01", "AT-02",
            ],
        }
    }

    pub fn level(self) -> Level {
        match self {
            Template::CommuneYear => Level::Commune,
            Template::ProvinceYear | Template::ProvinceFiveYears => Level::Province,
            Template::DistrictYear => Level::District,
        }
    }

    /// The years the plan covers, given the current year.
    pub fn years(self, this_year: i32) -> YearSpan {
        match self {
            Template::CommuneYear | Template::ProvinceYear => YearSpan { start: this_year, end: this_year },
            Template::ProvinceFiveYears => YearSpan { start: 2026, end: 2030 },
            // the last full year of districts
            Template::DistrictYear => YearSpan { start: 2024, end: 2024 },
        }
    }
}

/// A first draft from a template: the catalog's indicators with default
/// targets for every year from the national references, where there are any.
pub fn template_plan(t: Template, id: &str, title: &str, unit_name: &str, this_year: i32) -> Plan {
    let c = catalog();
    let years = t.years(this_year);
    let mut plan = Plan::new(id, title, Unit::new(unit_name.to_string(), t.level()), years.start);
    plan.period = years;
    // its targets come from the national references: it is checked against them from the start
    plan.compare_with = Some(NATIONAL.to_string());
    plan.indicators = t
        .codes()
        .iter()
        .enumerate()
        .filter_map(|(k, code)| c.entry(code).map(|e| (k, e)))
        .map(|(k, e)| {
            let mut ind = e.indicator(format!("{id}-{k}"));
            for y in years.years() {
                if let Some(r) = e.reference_for(y) {
                    ind.set_target(Period::Year(y), Some(Figure::Value(r.target)));
                }
            }
            Rc::new(ind)
        })
        .collect();
    plan
}

/// The national references as a plan: each catalog indicator with its
/// national targets by year. Used as the parent of a local plan.
pub fn national_plan(title: &str) -> Plan {
    let c = catalog();
    let mut plan = Plan::new(NATIONAL, title, Unit::new(title.to_string(), Level::Other), 2019);
    plan.period = YearSpan { start: 2019, end: 2030 };
    plan.indicators = c
        .indicators
        .iter()
        .filter(|e| !e.references.is_empty())
        .map(|e| {
            let mut ind = e.indicator(format!("national-{}", e.code));
            for r in &e.references {
                ind.set_target(Period::Year(r.year), Some(Figure::Value(r.target)));
            }
            ind.notes = e
                .references
                .iter()
                .map(|r| format!("{} ({}): {} {}{}", r.document, r.clause, r.target, e.unit, if r.unconfirmed { " *" } else { "" }))
                .collect::<Vec<_>>()
                .join("\n");
            Rc::new(ind)
        })
        .collect();
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc;

    #[test]
    fn templates_are_well_formed_first_drafts() {
        for t in TEMPLATES {
            let p = template_plan(t, "t", "Kế hoạch", "UBND", 2026);
            assert_eq!(p.indicators.len(), t.codes().len(), "{}: a code is not in the catalog", t.key());
            let ids: std::collections::BTreeSet<&str> = p.indicators.iter().map(|i| i.id.as_str()).collect();
            assert_eq!(ids.len(), p.indicators.len());
            // no warning but the baselines the planner still has to write
            let w = calc::warnings(&p, None);
            assert!(w.iter().all(|w| matches!(w, calc::Warning::MissingBaseline { .. })), "{}: {w:?}", t.key());
            // every indicator with a national reference starts with its target
            for i in &p.indicators {
                let e = catalog().entry(&i.code).unwrap();
                assert_eq!(e.references.is_empty(), i.targets.is_empty(), "{} in {}", i.code, t.key());
            }
        }
        let five = template_plan(Template::ProvinceFiveYears, "t", "x", "y", 2026);
        assert_eq!(five.compare_with.as_deref(), Some(NATIONAL));
        assert_eq!((five.period.start, five.period.end), (2026, 2030));
        let dvc = five.indicators.iter().find(|i| i.code == "DVC-01").unwrap();
        assert_eq!(dvc.targets.len(), 5);
        let district = template_plan(Template::DistrictYear, "t", "x", "y", 2026);
        assert_eq!(district.unit.level, Level::District);
        assert_eq!(district.period.start, 2024);
    }

    #[test]
    fn a_weaker_local_target_is_flagged_against_the_national_set() {
        let national = national_plan("Quốc gia");
        let mut p = template_plan(Template::CommuneYear, "t", "x", "y", 2026);
        let i = p.indicators.iter().position(|i| i.code == "DVC-01").unwrap();
        Rc::make_mut(&mut p.indicators[i]).set_target(Period::Year(2026), Some(Figure::Value(90.0)));
        let w = calc::warnings(&p, Some(&national));
        assert!(w.iter().any(|w| matches!(w, calc::Warning::WeakerThanParent { parent, .. } if *parent == 100.0)), "{w:?}");
    }
}
