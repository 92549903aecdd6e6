//! Templates that make a sensible first draft, and the national reference
//! set as a plan that a local plan can be checked against.
//!
//! A template's default targets are the national references that apply to
//! each of its years (see `Entry::reference_for`), and each indicator's legal
//! basis says which document and clause every default came from.

use super::{catalog, level_in, Entry, Reference, TWO_TIER_FROM};
use crate::i18n::Lang;
use crate::plan::{Figure, Indicator, Level, Period, Plan, Unit, YearSpan};
use std::rc::Rc;

/// The `compare_with` value naming the national references, and the prefix
/// of the national set's indicator ids.
pub const NATIONAL: &str = "national";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    /// a commune or ward's plan for one year (2026 on)
    CommuneYear,
    /// a province's plan for one year (2026 on)
    ProvinceYear,
    /// a province's plan for 2026–2030
    ProvinceFiveYears,
    /// a district's yearly plan: districts were dissolved on 1 July 2025, so
    /// this is for redoing or checking old plans (2024)
    DistrictYear,
}

pub const TEMPLATES: [Template; 4] = [
    Template::CommuneYear,
    Template::ProvinceYear,
    Template::ProvinceFiveYears,
    Template::DistrictYear,
];

/// An indicator of a template: a catalog code and the level it is set for
/// (`None`: the plan's own level).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Item {
    pub code: &'static str,
    pub level: Option<Level>,
}

const fn own(code: &'static str) -> Item {
    Item { code, level: None }
}

const fn communes(code: &'static str) -> Item {
    Item {
        code,
        level: Some(Level::Commune),
    }
}

const COMMUNE_2026: &[Item] = &[
    own("VB-01"),
    own("VB-03"),
    own("VB-07"),
    own("VB-02"),
    own("TD-01"),
    own("CKS-02"),
    own("CKS-03"),
    own("DVC-01"),
    own("DVC-06"),
    own("HS-01"),
    own("HS-02"),
    own("HS-03"),
    own("HS-04"),
    own("HS-05"),
    own("CQS-02"),
    own("CQS-03"),
    own("CQS-04"),
    own("CQS-06"),
    own("CQS-07"),
    own("CQS-08"),
    own("CS-01"),
    own("DL-01"),
    own("DL-04"),
    own("XHS-01"),
    own("XHS-02"),
    own("HTAT-01"),
    own("AT-02"),
    own("NL-01"),
];

const PROVINCE_2026: &[Item] = &[
    own("VB-01"),
    own("VB-03"),
    communes("VB-03"),
    own("VB-07"),
    own("VB-02"),
    own("VB-06"),
    own("TD-01"),
    own("CKS-01"),
    own("CKS-03"),
    own("DVC-01"),
    own("DVC-07"),
    own("HS-01"),
    own("HS-02"),
    own("HS-04"),
    own("HS-05"),
    own("CQS-01"),
    own("CQS-02"),
    own("CQS-03"),
    own("CQS-04"),
    own("CQS-05"),
    own("CQS-06"),
    own("CQS-07"),
    own("CQS-08"),
    own("CQS-09"),
    own("CQS-10"),
    own("CQS-11"),
    own("CS-01"),
    own("DL-01"),
    own("DL-02"),
    own("DL-03"),
    own("DL-04"),
    own("CSDL-01"),
    own("CSDL-03"),
    own("KTS-01"),
    own("KTS-02"),
    own("XHS-01"),
    own("XHS-02"),
    own("HTAT-01"),
    own("HT-05"),
    own("AT-01"),
    own("AT-03"),
    own("NL-01"),
    own("NL-03"),
    own("NL-04"),
    own("CS-07"),
    own("CS-08"),
];

const DISTRICT: &[Item] = &[
    own("VB-01"),
    own("VB-02"),
    own("VB-03"),
    own("TD-01"),
    own("CKS-01"),
    own("CKS-02"),
    own("DVC-03"),
    own("DVC-04"),
    own("DVC-06"),
    own("HS-01"),
    own("HS-03"),
    own("MC-01"),
    own("MC-02"),
    own("BC-01"),
    own("HOP-01"),
    own("HT-03"),
    own("AT-01"),
    own("AT-02"),
];

/// The years a yearly template can be made for: the two-tier government's
/// plans, through 2030 and at least next year.
pub fn plan_years(this_year: i32) -> Vec<i32> {
    (TWO_TIER_FROM..=(this_year + 1).max(2030)).collect()
}

/// The year a yearly template is offered for first: this year, within `plan_years`.
pub fn default_plan_year(this_year: i32) -> i32 {
    let years = plan_years(this_year);
    this_year.clamp(years[0], *years.last().unwrap_or(&TWO_TIER_FROM))
}

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

    pub fn items(self) -> &'static [Item] {
        match self {
            Template::CommuneYear => COMMUNE_2026,
            Template::ProvinceYear | Template::ProvinceFiveYears => PROVINCE_2026,
            Template::DistrictYear => DISTRICT,
        }
    }

    pub fn level(self) -> Level {
        match self {
            Template::CommuneYear => Level::Commune,
            Template::ProvinceYear | Template::ProvinceFiveYears => Level::Province,
            Template::DistrictYear => Level::District,
        }
    }

    /// Whether the planner chooses its year (else its years are fixed).
    pub fn takes_year(self) -> bool {
        matches!(self, Template::CommuneYear | Template::ProvinceYear)
    }

    /// The years the plan covers, given the year chosen for a yearly plan.
    pub fn years(self, year: i32) -> YearSpan {
        match self {
            Template::CommuneYear | Template::ProvinceYear => YearSpan {
                start: year,
                end: year,
            },
            Template::ProvinceFiveYears => YearSpan {
                start: 2026,
                end: 2030,
            },
            // the last full year of districts
            Template::DistrictYear => YearSpan {
                start: 2024,
                end: 2024,
            },
        }
    }
}

/// Sets every year's target of an indicator to the national reference for
/// that year and level, where there is one (templates, and an indicator
/// added from the catalog, start from these defaults; its legal basis says
/// where each came from).
pub fn set_national_targets(ind: &mut Indicator, e: &Entry, level: Level, years: YearSpan) {
    // a reference that says "above 80%" is not met by 80%: when every reference
    // the targets come from states them the same way, the indicator does too
    let mut comparators = Vec::new();
    for y in years.years() {
        if let Some(r) = e.reference_for(y, level) {
            ind.set_target(Period::Year(y), Some(Figure::Value(r.target)));
            comparators.push(r.comparator);
        }
    }
    if let Some(Some(c)) = comparators
        .first()
        .copied()
        .filter(|first| comparators.iter().all(|c| c == first))
    {
        ind.comparator = c;
    }
}

/// A first draft from a template, for `year` when the template takes one:
/// the catalog's indicators with default targets for every year from the
/// national references in force then, each citing where its targets came from.
pub fn template_plan(
    t: Template,
    id: &str,
    title: &str,
    unit_name: &str,
    year: i32,
    lang: Lang,
) -> Plan {
    let c = catalog();
    let years = t.years(year);
    let plan_level = t.level();
    let mut plan = Plan::new(
        id,
        title,
        Unit::new(unit_name.to_string(), plan_level),
        years.start,
    );
    plan.period = years;
    // its targets come from the national references: it is checked against them from the start
    plan.compare_with = Some(NATIONAL.to_string());
    plan.indicators = t
        .items()
        .iter()
        .enumerate()
        .filter_map(|(k, item)| c.entry(item.code).map(|e| (k, item, e)))
        .map(|(k, item, e)| {
            let level = item.level.unwrap_or(plan_level);
            let mut ind = e.indicator(format!("{id}-{k}"), level, plan_level, years, lang);
            set_national_targets(&mut ind, e, level, years);
            Rc::new(ind)
        })
        .collect();
    plan
}

fn level_code(l: Level) -> &'static str {
    match l {
        Level::Province => "province",
        Level::District => "district",
        Level::Commune => "commune",
        Level::Agency => "agency",
        Level::Other => "other",
    }
}

/// The national references as a plan, for the years a local plan covers:
/// for each catalog indicator and each level, the target of each year is the
/// reference due soonest at or after it (never one due before it, never a
/// replaced or unconfirmed one). Used as the parent of a local plan; its
/// indicators are set for their level, so that a province's own target and
/// its communes' are checked against their own national figures.
pub fn national_plan(title: &str, years: YearSpan, lang: Lang) -> Plan {
    let c = catalog();
    let mut plan = Plan::new(
        NATIONAL,
        title,
        Unit::new(title.to_string(), Level::Other),
        years.start,
    );
    plan.period = years;
    plan.indicators = c
        .indicators
        .iter()
        .filter(|e| !e.references.is_empty())
        .flat_map(|e| {
            Level::ALL.into_iter().filter_map(move |level| {
                let mut ind = e.indicator(
                    format!("{NATIONAL}-{}-{}", e.code, level_code(level)),
                    level,
                    Level::Other,
                    years,
                    lang,
                );
                set_national_targets(&mut ind, e, level, years);
                (!ind.targets.is_empty()).then(|| Rc::new(ind))
            })
        })
        .collect();
    plan
}

/// The catalog entry and reference behind a national-set indicator's
/// target for a year; `None` for an indicator of any other plan.
pub fn national_reference(
    parent: &Indicator,
    year: i32,
) -> Option<(&'static Entry, &'static Reference)> {
    let rest = parent.id.strip_prefix(NATIONAL)?.strip_prefix('-')?;
    let e = catalog().entry(&parent.code)?;
    rest.starts_with(&e.code).then_some(())?;
    let level = level_in(parent, Level::Other);
    e.reference_for(year, level).map(|r| (e, r))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calc;
    use crate::catalog::Status;

    fn target(p: &Plan, code: &str, level: Option<Level>, year: i32) -> Option<f64> {
        let i = p
            .indicators
            .iter()
            .find(|i| i.code == code && i.applies_to == level)
            .unwrap_or_else(|| panic!("{code} {level:?}"));
        i.target_for(Period::Year(year))
            .and_then(|t| calc::value(&i.kind, t.figure))
    }

    #[test]
    fn templates_are_well_formed_first_drafts() {
        let c = catalog();
        for t in TEMPLATES {
            for year in plan_years(2026) {
                let p = template_plan(t, "t", "Kế hoạch", "UBND", year, Lang::Vi);
                // every template indicator exists in the catalog, under its current term
                for item in t.items() {
                    let e = c.entry(item.code).unwrap_or_else(|| {
                        panic!("{}: {} is not in the catalog", t.key(), item.code)
                    });
                    assert!(
                        e.replaced_by.is_none() || t == Template::DistrictYear,
                        "{}: {} is an old term",
                        t.key(),
                        item.code
                    );
                    let level = item.level.unwrap_or(t.level());
                    assert!(
                        e.levels.contains(&level),
                        "{}: {} is not set for {level:?}",
                        t.key(),
                        item.code
                    );
                }
                assert_eq!(p.indicators.len(), t.items().len(), "{}", t.key());
                let ids: std::collections::BTreeSet<&str> =
                    p.indicators.iter().map(|i| i.id.as_str()).collect();
                assert_eq!(ids.len(), p.indicators.len());
                let twice: std::collections::BTreeSet<(&str, String)> = t
                    .items()
                    .iter()
                    .map(|i| (i.code, format!("{:?}", i.level)))
                    .collect();
                assert_eq!(
                    twice.len(),
                    t.items().len(),
                    "{}: an indicator twice at one level",
                    t.key()
                );
                // no warning but the baselines the planner still has to write, also against the national set
                let national = national_plan("Quốc gia", p.period, Lang::Vi);
                let w = calc::warnings(&p, Some(&national));
                assert!(
                    w.iter()
                        .all(|w| matches!(w, calc::Warning::MissingBaseline { .. })),
                    "{}: {w:?}",
                    t.key()
                );
                // every default target is the national reference for its year and level, and cites it
                for i in &p.indicators {
                    let e = c.entry(&i.code).unwrap();
                    let level = i.applies_to.unwrap_or(t.level());
                    for y in p.period.years() {
                        let r = e.reference_for(y, level);
                        assert_eq!(
                            target(&p, &i.code, i.applies_to, y),
                            r.map(|r| r.target),
                            "{} {} {y}",
                            t.key(),
                            i.code
                        );
                        if let Some(r) = r {
                            assert!(
                                r.due.unwrap() >= y,
                                "{} {y}: a target due before the year",
                                i.code
                            );
                            if let Status::Replaced { by } = c.status(r) {
                                assert!(
                                    by.year().unwrap() >= y,
                                    "{} {y}: {} was replaced by {}",
                                    i.code,
                                    r.document,
                                    by.key
                                );
                            }
                            assert!(
                                i.legal_basis.contains(&r.document),
                                "{} {y}: basis {:?} lacks {}",
                                i.code,
                                i.legal_basis,
                                r.document
                            );
                        }
                    }
                    assert_eq!(
                        i.targets.is_empty(),
                        i.legal_basis.is_empty(),
                        "{} {}",
                        t.key(),
                        i.code
                    );
                }
                if !t.takes_year() {
                    break;
                }
            }
        }
    }

    #[test]
    fn the_2026_templates_draw_their_defaults_from_the_documents_in_force() {
        let commune = template_plan(Template::CommuneYear, "t", "x", "y", 2026, Lang::Vi);
        assert_eq!(
            (commune.unit.level, commune.period.start, commune.period.end),
            (Level::Commune, 2026, 2026)
        );
        // work files: 100% (2629/QĐ-TTg), where 749 asked 60% of communes for 2025
        assert_eq!(target(&commune, "VB-03", None, 2026), Some(100.0));
        let work_files = commune
            .indicators
            .iter()
            .find(|i| i.code == "VB-03")
            .unwrap();
        assert!(
            work_files
                .legal_basis
                .starts_with("2026: ≥ 100% theo Quyết định 2629/QĐ-TTg ngày 01/12/2025"),
            "{}",
            work_files.legal_basis
        );
        assert_eq!(work_files.group, "Chính quyền số");
        // a target of 2030 is the one in reach for 2026
        assert_eq!(target(&commune, "CQS-06", None, 2026), Some(80.0));
        // a replaced document's 2025 target is no default for 2026
        assert_eq!(target(&commune, "HS-02", None, 2026), None);
        assert_eq!(target(&commune, "VB-02", None, 2026), None);
        // press reports are no default
        assert_eq!(target(&commune, "CKS-03", None, 2026), None);

        let province = template_plan(Template::ProvinceYear, "t", "x", "y", 2026, Lang::Vi);
        assert_eq!(target(&province, "VB-03", None, 2026), Some(100.0));
        assert_eq!(
            target(&province, "VB-03", Some(Level::Commune), 2026),
            Some(100.0)
        );

        let five = template_plan(Template::ProvinceFiveYears, "t", "x", "y", 2026, Lang::En);
        assert_eq!(five.compare_with.as_deref(), Some(NATIONAL));
        assert_eq!((five.period.start, five.period.end), (2026, 2030));
        let satisfaction: Vec<Option<f64>> = (2026..=2030)
            .map(|y| target(&five, "CQS-04", None, y))
            .collect();
        assert_eq!(
            satisfaction,
            [Some(95.0), Some(95.0), Some(99.0), Some(99.0), Some(99.0)]
        );
        let basis = &five
            .indicators
            .iter()
            .find(|i| i.code == "CQS-04")
            .unwrap()
            .legal_basis;
        assert!(
            basis.starts_with("2026: ≥ 95% under Decision 1565/QĐ-TTg of 18/07/2025")
                && basis.contains("; 2028–2030: ≥ 99% under Decision 2629/QĐ-TTg"),
            "{basis}"
        );
        // a target of the second phase only from 2028
        let ai: Vec<Option<f64>> = (2026..=2030)
            .map(|y| target(&five, "CQS-10", None, y))
            .collect();
        assert_eq!(ai, [None, None, Some(100.0), Some(100.0), Some(100.0)]);

        let district = template_plan(Template::DistrictYear, "t", "x", "y", 2026, Lang::Vi);
        assert_eq!(
            (district.unit.level, district.period.start),
            (Level::District, 2024)
        );
        assert_eq!(target(&district, "VB-03", None, 2024), Some(80.0));
        assert_eq!(
            district
                .indicators
                .iter()
                .find(|i| i.code == "VB-03")
                .unwrap()
                .group,
            "Văn bản điện tử và điều hành"
        );
    }

    #[test]
    fn a_default_target_is_stated_as_its_reference_states_it() {
        // 57-NQ/TW: "trên 80%" of citizens and businesses use online services
        let commune = template_plan(Template::CommuneYear, "t", "x", "y", 2026, Lang::Vi);
        let use_online = commune
            .indicators
            .iter()
            .find(|i| i.code == "CQS-06")
            .expect("the commune template has CQS-06");
        assert_eq!(
            use_online.target_for(Period::Year(2026)).map(|t| t.figure),
            Some(Figure::Value(80.0))
        );
        assert_eq!(use_online.comparator, crate::plan::Comparator::MoreThan);
    }

    #[test]
    fn plan_years_run_from_2026() {
        assert_eq!(plan_years(2026), [2026, 2027, 2028, 2029, 2030]);
        assert_eq!(plan_years(2030).last(), Some(&2031));
        assert_eq!(default_plan_year(2025), 2026);
        assert_eq!(default_plan_year(2027), 2027);
    }

    #[test]
    fn the_national_set_follows_the_plan_years() {
        let c = catalog();
        let now = national_plan(
            "Quốc gia",
            YearSpan {
                start: 2026,
                end: 2026,
            },
            Lang::Vi,
        );
        // no target of 2020 or 2025 in a 2026 set
        assert!(now
            .indicators
            .iter()
            .all(|i| i.targets.iter().all(|t| t.period == Period::Year(2026))));
        assert!(
            !now.indicators
                .iter()
                .any(|i| i.code == "DD-02" || i.code == "HS-02"),
            "17/NQ-CP and 942 have nothing for 2026"
        );
        let payment = now
            .indicators
            .iter()
            .find(|i| i.code == "CQS-01" && i.applies_to == Some(Level::Commune))
            .unwrap();
        assert_eq!(payment.targets[0].figure, Figure::Value(80.0));
        let (_, r) = national_reference(payment, 2026).unwrap();
        assert_eq!((r.document.as_str(), r.due), ("71/NQ-CP", Some(2030)));
        // each level has its own figures
        let old = national_plan(
            "Quốc gia",
            YearSpan {
                start: 2025,
                end: 2025,
            },
            Lang::Vi,
        );
        let wf = |level| {
            old.indicators
                .iter()
                .find(|i| i.code == "VB-03" && i.applies_to == Some(level))
                .map(|i| i.targets[0].figure)
        };
        assert_eq!(
            (wf(Level::Province), wf(Level::District), wf(Level::Commune)),
            (
                Some(Figure::Value(90.0)),
                Some(Figure::Value(80.0)),
                Some(Figure::Value(60.0))
            )
        );
        // only the national set's indicators have a national reference
        let local = c.entry("CQS-01").unwrap().indicator(
            "x".into(),
            Level::Commune,
            Level::Commune,
            YearSpan {
                start: 2026,
                end: 2026,
            },
            Lang::Vi,
        );
        assert_eq!(national_reference(&local, 2026), None);
    }

    #[test]
    fn a_local_target_is_checked_against_the_national_one_of_its_year_and_level() {
        let mut p = template_plan(Template::ProvinceYear, "t", "x", "y", 2026, Lang::Vi);
        let national = national_plan("Quốc gia", p.period, Lang::Vi);
        let commune_files = p
            .indicators
            .iter()
            .position(|i| i.code == "VB-03" && i.applies_to == Some(Level::Commune))
            .unwrap();
        let payment = p
            .indicators
            .iter()
            .position(|i| i.code == "CQS-01")
            .unwrap();
        Rc::make_mut(&mut p.indicators[commune_files])
            .set_target(Period::Year(2026), Some(Figure::Value(60.0)));
        Rc::make_mut(&mut p.indicators[payment])
            .set_target(Period::Year(2026), Some(Figure::Value(50.0)));
        let weaker: Vec<(String, f64)> = calc::warnings(&p, Some(&national))
            .into_iter()
            .filter_map(|w| match w {
                calc::Warning::WeakerThanParent {
                    indicator, parent, ..
                } => Some((indicator, parent)),
                _ => None,
            })
            .collect();
        let id = |k: usize| p.indicators[k].id.clone();
        assert_eq!(weaker, [(id(commune_files), 100.0), (id(payment), 80.0)]);
        // a 2025 plan's communes answer to 749's 60%
        let mut old = p.clone();
        old.period = YearSpan {
            start: 2025,
            end: 2025,
        };
        Rc::make_mut(&mut old.indicators[commune_files])
            .targets
            .clear();
        Rc::make_mut(&mut old.indicators[commune_files])
            .set_target(Period::Year(2025), Some(Figure::Value(60.0)));
        let national_2025 = national_plan("Quốc gia", old.period, Lang::Vi);
        let parent =
            calc::counterpart(&national_2025, &old, &old.indicators[commune_files]).unwrap();
        assert_eq!(
            parent.target_for(Period::Year(2025)).unwrap().figure,
            Figure::Value(60.0)
        );
    }

    #[test]
    fn a_parent_plan_and_a_roll_up_keep_the_levels_of_one_code_apart() {
        let years = YearSpan {
            start: 2026,
            end: 2026,
        };
        let e = catalog().entry("VB-03").unwrap();
        let with_counts =
            |level: Level, plan_level: Level, id: &str, n: f64, d: f64, target: f64| {
                let mut i = e.indicator(id.into(), level, plan_level, years, Lang::Vi);
                i.baseline = Some(crate::plan::Baseline {
                    figure: Figure::Counts {
                        numerator: n,
                        denominator: d,
                    },
                    as_of: None,
                    source: String::new(),
                });
                i.set_target(Period::Year(2026), Some(Figure::Value(target)));
                Rc::new(i)
            };
        let province = |id: &str, own: (f64, f64), communes: (f64, f64)| {
            let mut p = Plan::new(id, id, Unit::new(id, Level::Province), 2026);
            p.indicators = vec![
                with_counts(Level::Province, Level::Province, "own", own.0, own.1, 90.0),
                with_counts(
                    Level::Commune,
                    Level::Province,
                    "communes",
                    communes.0,
                    communes.1,
                    60.0,
                ),
            ];
            p
        };
        // a commune answers to its province's commune-level target, not to the province's own
        let parent = province("tinh", (9.0, 10.0), (3.0, 10.0));
        let mut commune = Plan::new("xa", "xa", Unit::new("xa", Level::Commune), 2026);
        commune.indicators = vec![with_counts(
            Level::Commune,
            Level::Commune,
            "x",
            1.0,
            2.0,
            50.0,
        )];
        assert_eq!(
            calc::counterpart(&parent, &commune, &commune.indicators[0]).map(|p| p.id.as_str()),
            Some("communes")
        );
        // a parent that sets it once, for no particular level, still answers
        let mut once = parent.clone();
        once.indicators.truncate(1);
        assert_eq!(
            calc::counterpart(&once, &commune, &commune.indicators[0]).map(|p| p.id.as_str()),
            Some("own")
        );
        // two provinces roll up level by level
        let b = province("b", (1.0, 10.0), (5.0, 10.0));
        let total = calc::roll_up(&[&parent, &b], "Tổng", Unit::default());
        assert!(
            total.conflicts.is_empty() && total.skipped.is_empty(),
            "{:?} {:?}",
            total.conflicts,
            total.skipped
        );
        let baselines: Vec<(Option<Level>, Option<Figure>)> = total
            .plan
            .indicators
            .iter()
            .map(|i| (i.applies_to, i.baseline.as_ref().map(|b| b.figure)))
            .collect();
        assert_eq!(
            baselines,
            [
                (
                    None,
                    Some(Figure::Counts {
                        numerator: 10.0,
                        denominator: 20.0
                    })
                ),
                (
                    Some(Level::Commune),
                    Some(Figure::Counts {
                        numerator: 8.0,
                        denominator: 20.0
                    })
                ),
            ]
        );
    }
}
