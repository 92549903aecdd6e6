//! Every change a planner can make to a plan, as data, and the pure function
//! that applies it. The app keeps its undo history by keeping old plans.

use super::{Baseline, Comparator, Date, Direction, Figure, Indicator, Kind, Level, Period, Plan, Text, Unit};
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
    IssueDate(Option<Date>),
    StartYear(i32),
    EndYear(i32),
    Author(String),
    Notes(String),
    CompareWith(Option<String>),
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
    Weight(Option<f64>),
    Responsible(String),
    LegalBasis(String),
    Notes(String),
    /// an old term mapped to the one that replaced it: new code and name, and
    /// a note of what it was, so comparisons across years never mix silently
    Term { code: String, name: Text, note: String },
}

#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    Header(HeaderField),
    Figure { id: String, slot: Slot, figure: Option<Figure> },
    Field { id: String, field: IndicatorField },
    /// a new indicator, placed after `after` (else at the end of its group, else last)
    Add { indicator: Indicator, after: Option<String> },
    Duplicate { id: String, new_id: String },
    Delete { id: String },
    /// one place up or down within its group
    Move { id: String, up: bool },
}

impl Edit {
    /// Edits of the same field in a row (typing in one cell) make one undo step.
    pub fn same_place(&self, other: &Edit) -> bool {
        use std::mem::discriminant;
        match (self, other) {
            (Edit::Header(a), Edit::Header(b)) => discriminant(a) == discriminant(b),
            (Edit::Figure { id: a, slot: s, .. }, Edit::Figure { id: b, slot: t, .. }) => a == b && s == t,
            (Edit::Field { id: a, field: f }, Edit::Field { id: b, field: g }) => {
                a == b
                    && discriminant(f) == discriminant(g)
                    && !matches!(f, IndicatorField::Kind(_) | IndicatorField::Direction(_) | IndicatorField::Comparator(_))
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
            HeaderField::UnitName(v) => p.unit.name = v,
            HeaderField::UnitLevel(v) => p.unit.level = v,
            HeaderField::ParentUnit(v) => {
                p.parent_unit = if v.trim().is_empty() {
                    None
                } else {
                    let level = p.parent_unit.as_ref().map(|u| u.level).unwrap_or(Level::Province);
                    Some(Unit { name: v, level })
                }
            }
            HeaderField::DocumentNumber(v) => p.document_number = v,
            HeaderField::IssueDate(v) => p.issue_date = v,
            HeaderField::StartYear(y) => {
                p.period.start = y;
                p.period.end = p.period.end.max(y);
            }
            HeaderField::EndYear(y) => {
                p.period.end = y;
                p.period.start = p.period.start.min(y);
            }
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
                            None => ind.baseline = Some(Baseline { figure: *f, as_of: None, source: String::new() }),
                        },
                        None => ind.baseline = None,
                    },
                    Slot::Target(period) => {
                        let upper = ind.target_for(*period).and_then(|t| t.upper);
                        ind.set_target(*period, *figure);
                        if let Some(t) = ind.targets.iter_mut().find(|t| t.period == *period) {
                            t.upper = upper;
                        }
                    }
                    Slot::Actual(period) => ind.set_actual(*period, *figure),
                }
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
                .or_else(|| p.indicators.iter().rposition(|i| i.group == indicator.group).map(|i| i + 1))
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
                    p.indicators[at + 1..].iter().position(|i| &i.group == group).map(|k| at + 1 + k)
                };
                if let Some(n) = neighbour {
                    p.indicators.swap(at, n);
                }
            }
        }
    }
    p
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
                ind.unit_label = if k.is_percent() { "%".into() } else { String::new() };
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
        IndicatorField::Weight(w) => ind.weight = w,
        IndicatorField::Responsible(v) => ind.responsible = v,
        IndicatorField::LegalBasis(v) => ind.legal_basis = v,
        IndicatorField::Notes(v) => ind.notes = v,
        IndicatorField::Term { code, name, note } => {
            ind.code = code;
            ind.name = name;
            ind.notes = if ind.notes.trim().is_empty() { note } else { format!("{}\n{note}", ind.notes) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            &Edit::Figure { id: "b".into(), slot: Slot::Target(Period::Year(2026)), figure: Some(Figure::Value(80.0)) },
        );
        assert_eq!(after.indicators[1].targets.len(), 1);
        assert!(before.indicators[1].targets.is_empty(), "the old plan is untouched");
        assert!(Rc::ptr_eq(&before.indicators[0], &after.indicators[0]));
        assert!(!Rc::ptr_eq(&before.indicators[1], &after.indicators[1]));
    }

    #[test]
    fn moving_stays_within_the_group() {
        let p = apply_edit(&plan(), &Edit::Move { id: "c".into(), up: true });
        assert_eq!(ids(&p), ["c", "b", "a"]);
        let p = apply_edit(&plan(), &Edit::Move { id: "a".into(), up: true });
        assert_eq!(ids(&p), ["a", "b", "c"]);
        let p = apply_edit(&plan(), &Edit::Move { id: "a".into(), up: false });
        assert_eq!(ids(&p), ["c", "b", "a"]);
    }

    #[test]
    fn add_duplicate_delete() {
        let mut new = Indicator::new("d", "d", Kind::Count);
        new.group = "G2".into();
        let p = apply_edit(&plan(), &Edit::Add { indicator: new, after: None });
        assert_eq!(ids(&p), ["a", "b", "d", "c"]);
        let p = apply_edit(&p, &Edit::Duplicate { id: "a".into(), new_id: "a2".into() });
        assert_eq!(ids(&p), ["a", "a2", "b", "d", "c"]);
        let p = apply_edit(&p, &Edit::Delete { id: "b".into() });
        assert_eq!(ids(&p), ["a", "a2", "d", "c"]);
    }

    #[test]
    fn the_period_stays_ordered() {
        let p = apply_edit(&plan(), &Edit::Header(HeaderField::EndYear(2030)));
        let p = apply_edit(&p, &Edit::Header(HeaderField::StartYear(2031)));
        assert_eq!((p.period.start, p.period.end), (2031, 2031));
    }

    #[test]
    fn typing_in_one_cell_is_one_undo_step() {
        let a = Edit::Figure { id: "a".into(), slot: Slot::Baseline, figure: Some(Figure::Value(1.0)) };
        let b = Edit::Figure { id: "a".into(), slot: Slot::Baseline, figure: Some(Figure::Value(12.0)) };
        let c = Edit::Figure { id: "a".into(), slot: Slot::Target(Period::Year(2026)), figure: None };
        assert!(a.same_place(&b));
        assert!(!a.same_place(&c));
        assert!(Edit::Header(HeaderField::Title("x".into())).same_place(&Edit::Header(HeaderField::Title("xy".into()))));
    }
}
