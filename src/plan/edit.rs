//! Every change a planner can make to a plan, as data, and the pure function
//! that applies it. The app keeps its undo history by keeping old plans.

use super::{
    Acknowledgement, Baseline, Comparator, Date, Direction, Figure, Indicator, Kind, Level, Period,
    Plan, Text, Unit, YearSpan,
};
use std::rc::Rc;

/// Where a figure sits in an indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Slot {
    Baseline,
    Target(Period),
    Actual(Period),
}

#[derive(Clone, Debug, PartialEq)]
pub enum HeaderField {
    Title(String),
    UnitName(String),
    UnitLevel(Level),
    ParentUnit(String),
    DocumentNumber(String),
    DocumentType(Option<super::DocumentType>),
    IssueDate(Option<Date>),
    StartYear(i32),
    EndYear(i32),
    Author(String),
    Notes(String),
    CompareWith(Option<String>),
    /// the date the figures are counted to; `None`: today
    AsOf(Option<Date>),
    /// a unit picked from the official list: name, level and code together
    Unit(Unit),
    /// the units below this one (a province's communes)
    SubUnits(Vec<Unit>),
    /// one more sub-unit, picked from the list or typed by hand (an agency's
    /// or an old district's, with no code); one already there is not added twice
    AddSubUnit(Unit),
}

#[derive(Clone, Debug, PartialEq)]
pub enum IndicatorField {
    Code(String),
    Group(String),
    NameVi(String),
    NameEn(String),
    Kind(Kind),
    Direction(Direction),
    Comparator(Comparator),
    UnitLabel(String),
    /// what a ratio's counts are: "hồ sơ trực tuyến" over "tổng số hồ sơ"
    RatioNumerator(String),
    RatioDenominator(String),
    AppliesTo(Option<Level>),
    BaselineDate(Option<Date>),
    BaselineSource(String),
    /// the upper bound of a range target for a period
    Upper(Period, Option<f64>),
    /// the items the rest of a target's period is expected to bring
    Forecast(Period, Option<f64>),
    /// what a reduction measures: "thời gian họp (phút)"
    ReductionAmount(String),
    Weight(Option<f64>),
    Responsible(String),
    LegalBasis(String),
    Notes(String),
    /// an old term mapped to the one that replaced it: new code and name, and
    /// a note of what it was, so comparisons across years never mix silently
    Term {
        code: String,
        name: Text,
        note: String,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Header(HeaderField),
    Figure {
        id: String,
        slot: Slot,
        figure: Option<Figure>,
    },
    /// a target cell as typed: "trên 80" also sets the indicator's comparator,
    /// "2–5" makes it a range; `comparator: None` keeps the comparator (and a
    /// range's upper bound)
    Target {
        id: String,
        period: Period,
        figure: Option<Figure>,
        comparator: Option<Comparator>,
        upper: Option<f64>,
    },
    /// accept a warning with a reason (`None` withdraws the acceptance)
    Acknowledge {
        id: String,
        warning: String,
        period: Option<Period>,
        reason: Option<String>,
    },
    /// one indicator replaced by others in its place (an old term split in two)
    Replace {
        id: String,
        with: Vec<Indicator>,
    },
    /// several edits made as one (a block pasted from a spreadsheet): one undo step
    Batch(Vec<Edit>),
    Field {
        id: String,
        field: IndicatorField,
    },
    /// a new indicator, placed after `after` (else at the end of its group, else last)
    Add {
        indicator: Indicator,
        after: Option<String>,
    },
    Duplicate {
        id: String,
        new_id: String,
    },
    Delete {
        id: String,
    },
    /// one place up or down within its group
    Move {
        id: String,
        up: bool,
    },
}

impl Edit {
    /// Edits of the same field in a row (typing in one cell) make one undo step.
    pub fn same_place(&self, other: &Edit) -> bool {
        use std::mem::discriminant;
        match (self, other) {
            // each sub-unit added is its own step
            (Edit::Header(a), Edit::Header(b)) => {
                discriminant(a) == discriminant(b) && !matches!(a, HeaderField::AddSubUnit(_))
            }
            (Edit::Figure { id: a, slot: s, .. }, Edit::Figure { id: b, slot: t, .. }) => {
                a == b && s == t
            }
            (
                Edit::Target {
                    id: a, period: p, ..
                },
                Edit::Target {
                    id: b, period: q, ..
                },
            ) => a == b && p == q,
            (Edit::Field { id: a, field: f }, Edit::Field { id: b, field: g }) => {
                a == b
                    && discriminant(f) == discriminant(g)
                    && !matches!(
                        f,
                        IndicatorField::Kind(_)
                            | IndicatorField::Direction(_)
                            | IndicatorField::Comparator(_)
                    )
            }
            _ => false,
        }
    }
}

/// The plan after an edit. An edit naming an indicator that is not there
/// changes nothing.
pub fn apply_edit(plan: &Plan, edit: &Edit) -> Plan {
    let mut p = plan.clone();
    match edit {
        Edit::Header(field) => match field.clone() {
            HeaderField::Title(v) => p.title = v,
            // a name typed by hand no longer names the official unit its code stands for
            HeaderField::UnitName(v) => {
                if v.trim() != p.unit.name.trim() {
                    p.unit.code.clear();
                }
                p.unit.name = v;
            }
            HeaderField::Unit(u) => p.unit = u,
            HeaderField::SubUnits(units) => p.sub_units = units,
            HeaderField::AddSubUnit(mut u) => {
                u.name = u.name.trim().to_string();
                if !u.name.is_empty() && !p.sub_units.iter().any(|s| s.same(&u)) {
                    p.sub_units.push(u);
                }
            }
            HeaderField::UnitLevel(v) => p.unit.level = v,
            HeaderField::ParentUnit(v) => {
                p.parent_unit = if v.trim().is_empty() {
                    None
                } else {
                    let level = p
                        .parent_unit
                        .as_ref()
                        .map(|u| u.level)
                        .unwrap_or(Level::Province);
                    Some(Unit::new(v, level))
                }
            }
            HeaderField::DocumentNumber(v) => p.document_number = v,
            HeaderField::DocumentType(t) => p.document_type = t,
            HeaderField::IssueDate(v) => p.issue_date = v,
            // a span no plan can have (outside the bounded years, or too long) changes nothing
            HeaderField::StartYear(y) => {
                let span = YearSpan {
                    start: y,
                    end: p.period.end.max(y),
                };
                if span.check().is_ok() {
                    p.period = span;
                }
            }
            HeaderField::EndYear(y) => {
                let span = YearSpan {
                    start: p.period.start.min(y),
                    end: y,
                };
                if span.check().is_ok() {
                    p.period = span;
                }
            }
            HeaderField::AsOf(d) => p.as_of = d.filter(|d| super::year_in_range(d.year)),
            HeaderField::Author(v) => p.author = v,
            HeaderField::Notes(v) => p.notes = v,
            HeaderField::CompareWith(v) => p.compare_with = v,
        },
        Edit::Figure { id, slot, figure } => {
            if let Some(ind) = p.indicator_mut(id) {
                match slot {
                    Slot::Baseline => match figure {
                        Some(f) => match &mut ind.baseline {
                            Some(b) => b.figure = *f,
                            None => {
                                ind.baseline = Some(Baseline {
                                    figure: *f,
                                    as_of: None,
                                    source: String::new(),
                                })
                            }
                        },
                        None => ind.baseline = None,
                    },
                    Slot::Target(period) => ind.set_target(*period, *figure),
                    Slot::Actual(period) => ind.set_actual(*period, *figure),
                }
            }
        }
        Edit::Target {
            id,
            period,
            figure,
            comparator,
            upper,
        } => {
            if let Some(ind) = p.indicator_mut(id) {
                ind.set_target(*period, *figure);
                if let Some(c) = comparator {
                    ind.comparator = *c;
                    if let Some(t) = ind.targets.iter_mut().find(|t| t.period == *period) {
                        t.upper = if *c == Comparator::Between {
                            *upper
                        } else {
                            None
                        };
                    }
                }
            }
        }
        Edit::Acknowledge {
            id,
            warning,
            period,
            reason,
        } => {
            if let Some(ind) = p.indicator_mut(id) {
                ind.acknowledged
                    .retain(|a| !(&a.warning == warning && a.period == *period));
                if let Some(reason) = reason.as_ref().map(|r| r.trim()).filter(|r| !r.is_empty()) {
                    ind.acknowledged.push(Acknowledgement {
                        warning: warning.clone(),
                        period: *period,
                        reason: reason.to_string(),
                    });
                }
            }
        }
        Edit::Replace { id, with } => {
            if let Some(at) = p.position(id) {
                p.indicators
                    .splice(at..=at, with.iter().cloned().map(Rc::new));
            }
        }
        Edit::Batch(edits) => {
            for e in edits {
                p = apply_edit(&p, e);
            }
        }
        Edit::Field { id, field } => {
            if let Some(ind) = p.indicator_mut(id) {
                set_field(ind, field.clone());
            }
        }
        Edit::Add { indicator, after } => {
            let at = after
                .as_deref()
                .and_then(|a| p.position(a).map(|i| i + 1))
                .or_else(|| {
                    p.indicators
                        .iter()
                        .rposition(|i| i.group == indicator.group)
                        .map(|i| i + 1)
                })
                .unwrap_or(p.indicators.len());
            p.indicators.insert(at, Rc::new(indicator.clone()));
        }
        Edit::Duplicate { id, new_id } => {
            if let Some(at) = p.position(id) {
                let mut copy = (*p.indicators[at]).clone();
                copy.id = new_id.clone();
                if !copy.code.is_empty() {
                    copy.code.push_str(" (2)");
                }
                p.indicators.insert(at + 1, Rc::new(copy));
            }
        }
        Edit::Delete { id } => p.indicators.retain(|i| &i.id != id),
        Edit::Move { id, up } => {
            if let Some(at) = p.position(id) {
                let group = &p.indicators[at].group;
                let neighbour = if *up {
                    p.indicators[..at].iter().rposition(|i| &i.group == group)
                } else {
                    p.indicators[at + 1..]
                        .iter()
                        .position(|i| &i.group == group)
                        .map(|k| at + 1 + k)
                };
                if let Some(n) = neighbour {
                    p.indicators.swap(at, n);
                }
            }
        }
    }
    // an acceptance holds for the figures it was given for ("duy trì 103 dịch
    // vụ"): once the target, the baseline or the rule it was about changes,
    // the warning is judged, and accepted if need be, anew
    if let Some(id) = figures_of(edit) {
        let keep: Option<Vec<bool>> = match (plan.indicator(id), p.indicator(id)) {
            (Some(before), Some(after)) => Some(
                after
                    .acknowledged
                    .iter()
                    .map(|a| still_holds(a, before, after))
                    .collect(),
            ),
            _ => None,
        };
        if let Some(keep) = keep.filter(|k| k.contains(&false)) {
            if let Some(ind) = p.indicator_mut(id) {
                let mut keep = keep.into_iter();
                ind.acknowledged.retain(|_| keep.next().unwrap_or(true));
            }
        }
    }
    p
}

/// The indicator whose figures or rule an edit may change, where it names one.
fn figures_of(edit: &Edit) -> Option<&str> {
    match edit {
        Edit::Figure {
            id,
            slot: Slot::Baseline | Slot::Target(_),
            ..
        }
        | Edit::Target { id, .. } => Some(id),
        Edit::Field {
            id,
            field:
                IndicatorField::Comparator(_)
                | IndicatorField::Direction(_)
                | IndicatorField::Kind(_)
                | IndicatorField::Upper(..),
        } => Some(id),
        _ => None,
    }
}

/// Whether an acceptance still holds once the indicator went from `before` to `after`.
fn still_holds(a: &Acknowledgement, before: &Indicator, after: &Indicator) -> bool {
    let target = |i: &Indicator| {
        a.period
            .and_then(|p| i.target_for(p))
            .map(|t| (t.figure, t.upper))
    };
    let same_rule = before.comparator == after.comparator
        && before.direction == after.direction
        && before.kind == after.kind
        && target(before) == target(after);
    let baseline = |i: &Indicator| i.baseline.as_ref().map(|b| b.figure);
    match a.warning.as_str() {
        super::TARGET_NOT_ABOVE_BASELINE => same_rule && baseline(before) == baseline(after),
        super::WEAKER_THAN_PARENT => same_rule,
        _ => true,
    }
}

fn set_field(ind: &mut Indicator, field: IndicatorField) {
    match field {
        IndicatorField::Code(v) => ind.code = v,
        IndicatorField::Group(v) => ind.group = v,
        // the English name no longer translates a renamed indicator, unless it is a catalog name again
        IndicatorField::NameVi(v) => ind.name = crate::catalog::renamed(&ind.code, &ind.name, &v),
        IndicatorField::NameEn(v) => ind.name.en = v,
        IndicatorField::Kind(k) => {
            // a unit label that followed the kind follows it again
            if ind.unit_label.is_empty() || ind.unit_label == "%" {
                ind.unit_label = if k.is_percent() {
                    "%".into()
                } else {
                    String::new()
                };
            }
            ind.kind = k;
        }
        IndicatorField::Direction(d) => ind.direction = d,
        IndicatorField::Comparator(c) => ind.comparator = c,
        IndicatorField::UnitLabel(v) => ind.unit_label = v,
        IndicatorField::RatioNumerator(v) => {
            if let Kind::Ratio { numerator, .. } = &mut ind.kind {
                *numerator = v;
            }
        }
        IndicatorField::RatioDenominator(v) => {
            if let Kind::Ratio { denominator, .. } = &mut ind.kind {
                *denominator = v;
            }
        }
        IndicatorField::AppliesTo(v) => ind.applies_to = v,
        IndicatorField::BaselineDate(d) => {
            if let Some(b) = &mut ind.baseline {
                b.as_of = d;
            }
        }
        IndicatorField::BaselineSource(s) => {
            if let Some(b) = &mut ind.baseline {
                b.source = s;
            }
        }
        IndicatorField::Upper(period, u) => {
            if let Some(t) = ind.targets.iter_mut().find(|t| t.period == period) {
                t.upper = u;
            }
        }
        IndicatorField::Forecast(period, f) => {
            if let Some(t) = ind.targets.iter_mut().find(|t| t.period == period) {
                t.forecast = f;
            }
        }
        IndicatorField::ReductionAmount(v) => {
            if let Kind::Reduction { amount } = &mut ind.kind {
                *amount = v;
            }
        }
        IndicatorField::Weight(w) => ind.weight = w,
        IndicatorField::Responsible(v) => ind.responsible = v,
        IndicatorField::LegalBasis(v) => ind.legal_basis = v,
        IndicatorField::Notes(v) => ind.notes = v,
        IndicatorField::Term { code, name, note } => {
            ind.code = code;
            ind.name = name;
            ind.notes = if ind.notes.trim().is_empty() {
                note
            } else {
                format!("{}\n{note}", ind.notes)
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_acceptance_holds_for_the_figures_it_was_given_for() {
        // DVC-03 of the sample: 103 services kept, the warning accepted as "duy trì"
        let sample = crate::catalog::sample_plan("s");
        let id = "s-7";
        let accepted = |p: &Plan| !p.indicator(id).unwrap().acknowledged.is_empty();
        assert!(accepted(&sample));
        let y = Period::Year(2021);
        // an actual, or a target of another year, leaves it
        let reported = apply_edit(
            &sample,
            &Edit::Figure {
                id: id.into(),
                slot: Slot::Actual(y),
                figure: Some(Figure::Value(103.0)),
            },
        );
        assert!(accepted(&reported));
        let later = apply_edit(
            &sample,
            &Edit::Figure {
                id: id.into(),
                slot: Slot::Target(Period::Year(2022)),
                figure: Some(Figure::Value(90.0)),
            },
        );
        assert!(accepted(&later));
        // the target it was about, the baseline, or the comparator changed: judged anew
        let lowered = apply_edit(
            &sample,
            &Edit::Target {
                id: id.into(),
                period: y,
                figure: Some(Figure::Value(90.0)),
                comparator: None,
                upper: None,
            },
        );
        assert!(!accepted(&lowered));
        let rebased = apply_edit(
            &sample,
            &Edit::Figure {
                id: id.into(),
                slot: Slot::Baseline,
                figure: Some(Figure::Value(110.0)),
            },
        );
        assert!(!accepted(&rebased));
        let strict = apply_edit(
            &sample,
            &Edit::Field {
                id: id.into(),
                field: IndicatorField::Comparator(Comparator::MoreThan),
            },
        );
        assert!(!accepted(&strict));
    }

    fn plan() -> Plan {
        let mut p = Plan::new("p", "Kế hoạch", Unit::default(), 2026);
        for (id, group) in [("a", "G1"), ("b", "G2"), ("c", "G1")] {
            let mut i = Indicator::new(id, id, Kind::Percent);
            i.group = group.into();
            p.indicators.push(Rc::new(i));
        }
        p
    }

    fn ids(p: &Plan) -> Vec<&str> {
        p.indicators.iter().map(|i| i.id.as_str()).collect()
    }

    #[test]
    fn an_edit_changes_one_indicator_and_shares_the_rest() {
        let before = plan();
        let after = apply_edit(
            &before,
            &Edit::Figure {
                id: "b".into(),
                slot: Slot::Target(Period::Year(2026)),
                figure: Some(Figure::Value(80.0)),
            },
        );
        assert_eq!(after.indicators[1].targets.len(), 1);
        assert!(
            before.indicators[1].targets.is_empty(),
            "the old plan is untouched"
        );
        assert!(Rc::ptr_eq(&before.indicators[0], &after.indicators[0]));
        assert!(!Rc::ptr_eq(&before.indicators[1], &after.indicators[1]));
    }

    #[test]
    fn moving_stays_within_the_group() {
        let p = apply_edit(
            &plan(),
            &Edit::Move {
                id: "c".into(),
                up: true,
            },
        );
        assert_eq!(ids(&p), ["c", "b", "a"]);
        let p = apply_edit(
            &plan(),
            &Edit::Move {
                id: "a".into(),
                up: true,
            },
        );
        assert_eq!(ids(&p), ["a", "b", "c"]);
        let p = apply_edit(
            &plan(),
            &Edit::Move {
                id: "a".into(),
                up: false,
            },
        );
        assert_eq!(ids(&p), ["c", "b", "a"]);
    }

    #[test]
    fn add_duplicate_delete() {
        let mut new = Indicator::new("d", "d", Kind::Count);
        new.group = "G2".into();
        let p = apply_edit(
            &plan(),
            &Edit::Add {
                indicator: new,
                after: None,
            },
        );
        assert_eq!(ids(&p), ["a", "b", "d", "c"]);
        let p = apply_edit(
            &p,
            &Edit::Duplicate {
                id: "a".into(),
                new_id: "a2".into(),
            },
        );
        assert_eq!(ids(&p), ["a", "a2", "b", "d", "c"]);
        let p = apply_edit(&p, &Edit::Delete { id: "b".into() });
        assert_eq!(ids(&p), ["a", "a2", "d", "c"]);
    }

    #[test]
    fn the_period_stays_ordered_and_bounded() {
        let p = apply_edit(&plan(), &Edit::Header(HeaderField::EndYear(2030)));
        let p = apply_edit(&p, &Edit::Header(HeaderField::StartYear(2031)));
        assert_eq!((p.period.start, p.period.end), (2031, 2031));
        // outside the bounded years, or longer than 30 years: nothing changes
        for edit in [
            HeaderField::EndYear(2_000_000_000),
            HeaderField::StartYear(1),
            HeaderField::EndYear(2061),
            HeaderField::StartYear(1900),
        ] {
            assert_eq!(
                apply_edit(&p, &Edit::Header(edit.clone())).period,
                p.period,
                "{edit:?}"
            );
        }
        assert_eq!(
            apply_edit(&p, &Edit::Header(HeaderField::EndYear(2060))).period,
            YearSpan {
                start: 2031,
                end: 2060
            }
        );
    }

    #[test]
    fn a_unit_picked_keeps_its_code_until_its_name_is_typed_over() {
        let picked = Unit {
            name: "UBND xã Mường Chanh".into(),
            level: Level::Commune,
            code: "04117".into(),
        };
        let p = apply_edit(&plan(), &Edit::Header(HeaderField::Unit(picked.clone())));
        assert_eq!(p.unit, picked);
        let same = apply_edit(
            &p,
            &Edit::Header(HeaderField::UnitName("UBND xã Mường Chanh".into())),
        );
        assert_eq!(same.unit.code, "04117");
        let typed = apply_edit(
            &p,
            &Edit::Header(HeaderField::UnitName("Sở Khoa học và Công nghệ".into())),
        );
        assert_eq!(typed.unit.code, "");
    }

    #[test]
    fn a_sub_unit_not_in_the_list_is_typed_in_and_removed_like_a_listed_one() {
        let add = |p: &Plan, u: Unit| apply_edit(p, &Edit::Header(HeaderField::AddSubUnit(u)));
        let listed = Unit {
            name: "UBND xã Mường Chanh".into(),
            level: Level::Commune,
            code: "04117".into(),
        };
        let p = add(&plan(), listed.clone());
        // an old district's commune, typed: no code, the level chosen
        let p = add(&p, Unit::new("  UBND xã Chiềng Sơn ", Level::Commune));
        let p = add(&p, Unit::new("Trung tâm Công nghệ thông tin", Level::Other));
        assert_eq!(
            p.sub_units,
            [
                listed.clone(),
                Unit::new("UBND xã Chiềng Sơn", Level::Commune),
                Unit::new("Trung tâm Công nghệ thông tin", Level::Other),
            ]
        );
        // typed again, with other case or no diacritics, or with no name: nothing more
        let again = add(&p, Unit::new("ubnd xa chieng son", Level::Commune));
        assert_eq!(again.sub_units, p.sub_units);
        assert_eq!(
            add(&p, Unit::new("  ", Level::Other)).sub_units,
            p.sub_units
        );
        // each one added is its own undo step
        let e = Edit::Header(HeaderField::AddSubUnit(listed.clone()));
        assert!(!e.same_place(&e.clone()));
        // removed as a listed one is: the list without it
        let mut rest = p.sub_units.clone();
        rest.remove(1);
        let p = apply_edit(&p, &Edit::Header(HeaderField::SubUnits(rest)));
        assert_eq!(
            p.sub_units
                .iter()
                .map(|u| u.name.as_str())
                .collect::<Vec<_>>(),
            ["UBND xã Mường Chanh", "Trung tâm Công nghệ thông tin"]
        );
        // the level offered: a province's and an old district's communes
        assert_eq!(Level::Province.below(), Level::Commune);
        assert_eq!(Level::District.below(), Level::Commune);
        assert_eq!(Level::Agency.below(), Level::Other);
    }

    #[test]
    fn a_target_cell_can_set_the_comparator_and_a_range() {
        let p = plan();
        let year = Period::Year(2026);
        let typed = |p: &Plan, figure: f64, comparator, upper| {
            apply_edit(
                p,
                &Edit::Target {
                    id: "a".into(),
                    period: year,
                    figure: Some(Figure::Value(figure)),
                    comparator,
                    upper,
                },
            )
        };
        let p = typed(&p, 2.0, Some(Comparator::Between), Some(5.0));
        let a = p.indicator("a").unwrap();
        assert_eq!(
            (a.comparator, a.target_for(year).unwrap().upper),
            (Comparator::Between, Some(5.0))
        );
        // a plain number keeps the range's upper bound
        let p = typed(&p, 3.0, None, None);
        assert_eq!(
            p.indicator("a").unwrap().target_for(year).unwrap().upper,
            Some(5.0)
        );
        // "trên 80" is a comparator of its own and drops the bound
        let p = typed(&p, 80.0, Some(Comparator::MoreThan), None);
        let a = p.indicator("a").unwrap();
        assert_eq!(
            (a.comparator, a.target_for(year).unwrap().upper),
            (Comparator::MoreThan, None)
        );
    }

    #[test]
    fn a_warning_is_accepted_with_a_reason_and_withdrawn() {
        let ack = |reason: Option<&str>| Edit::Acknowledge {
            id: "a".into(),
            warning: "target_not_above_baseline".into(),
            period: Some(Period::Year(2026)),
            reason: reason.map(str::to_string),
        };
        let p = apply_edit(&plan(), &ack(Some("  duy trì 103 dịch vụ ")));
        let a = p.indicator("a").unwrap();
        assert_eq!(
            a.acknowledgement("target_not_above_baseline", Some(Period::Year(2026)))
                .unwrap()
                .reason,
            "duy trì 103 dịch vụ"
        );
        // a blank reason is no reason: nothing is accepted
        assert!(apply_edit(&plan(), &ack(Some("  ")))
            .indicator("a")
            .unwrap()
            .acknowledged
            .is_empty());
        assert!(apply_edit(&p, &ack(None))
            .indicator("a")
            .unwrap()
            .acknowledged
            .is_empty());
    }

    #[test]
    fn a_target_keeps_its_forecast_when_its_figure_changes() {
        let year = Period::Year(2026);
        let mut p = apply_edit(
            &plan(),
            &Edit::Figure {
                id: "a".into(),
                slot: Slot::Target(year),
                figure: Some(Figure::Value(40.0)),
            },
        );
        p = apply_edit(
            &p,
            &Edit::Field {
                id: "a".into(),
                field: IndicatorField::Forecast(year, Some(4000.0)),
            },
        );
        p = apply_edit(
            &p,
            &Edit::Figure {
                id: "a".into(),
                slot: Slot::Target(year),
                figure: Some(Figure::Value(45.0)),
            },
        );
        let t = p.indicator("a").unwrap().target_for(year).unwrap().clone();
        assert_eq!((t.figure, t.forecast), (Figure::Value(45.0), Some(4000.0)));
    }

    #[test]
    fn typing_in_one_cell_is_one_undo_step() {
        let a = Edit::Figure {
            id: "a".into(),
            slot: Slot::Baseline,
            figure: Some(Figure::Value(1.0)),
        };
        let b = Edit::Figure {
            id: "a".into(),
            slot: Slot::Baseline,
            figure: Some(Figure::Value(12.0)),
        };
        let c = Edit::Figure {
            id: "a".into(),
            slot: Slot::Target(Period::Year(2026)),
            figure: None,
        };
        assert!(a.same_place(&b));
        assert!(!a.same_place(&c));
        assert!(Edit::Header(HeaderField::Title("x".into()))
            .same_place(&Edit::Header(HeaderField::Title("xy".into()))));
    }
}
