//! What changed between two versions of a plan, counted the way a planner
//! reads a version history: indicators added or removed, figures (a
//! baseline, a period's target or actual) changed, other details of an
//! indicator changed, and whether the plan's header changed.

use crate::plan::{Indicator, Period, Plan};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Changes {
    pub added: usize,
    pub removed: usize,
    /// baselines, targets and actuals set, changed or cleared
    pub figures: usize,
    /// indicators whose name, code, kind or another detail changed
    pub details: usize,
    /// the title, unit, period or another field of the plan itself
    pub header: bool,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        *self == Changes::default()
    }
}

fn periods(ind: &Indicator) -> BTreeSet<Period> {
    ind.targets
        .iter()
        .map(|t| t.period)
        .chain(ind.actuals.iter().map(|a| a.period))
        .collect()
}

/// How many figure slots differ between two versions of one indicator.
fn figures_changed(old: &Indicator, new: &Indicator) -> usize {
    let mut n = usize::from(old.baseline != new.baseline);
    for p in periods(old).union(&periods(new)) {
        n += usize::from(old.target_for(*p) != new.target_for(*p));
        n += usize::from(old.actual_for(*p) != new.actual_for(*p));
    }
    n
}

fn without_figures(ind: &Indicator) -> Indicator {
    let mut i = ind.clone();
    i.baseline = None;
    i.targets.clear();
    i.actuals.clear();
    i
}

fn header_of(plan: &Plan) -> Plan {
    Plan {
        indicators: Vec::new(),
        created: String::new(),
        updated: String::new(),
        ..plan.clone()
    }
}

/// What changed from `old` to `new`; indicators are matched by their id.
pub fn changes(old: &Plan, new: &Plan) -> Changes {
    let mut c = Changes {
        header: header_of(old) != header_of(new),
        ..Changes::default()
    };
    for n in &new.indicators {
        match old.indicators.iter().find(|o| o.id == n.id) {
            None => c.added += 1,
            Some(o) if std::rc::Rc::ptr_eq(o, n) || o == n => {}
            Some(o) => {
                c.figures += figures_changed(o, n);
                c.details += usize::from(without_figures(o) != without_figures(n));
            }
        }
    }
    c.removed = old
        .indicators
        .iter()
        .filter(|o| !new.indicators.iter().any(|n| n.id == o.id))
        .count();
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::sample_plan;
    use crate::plan::{Figure, Kind};
    use std::rc::Rc;

    #[test]
    fn the_same_plan_has_no_changes() {
        let p = sample_plan("s");
        assert!(changes(&p, &p.clone()).is_empty());
        let mut later = p.clone();
        later.updated = "2026-01-01T00:00:00Z".into();
        assert!(
            changes(&p, &later).is_empty(),
            "a save time is not a change"
        );
    }

    #[test]
    fn indicators_added_removed_and_figures_changed_are_counted() {
        let old = sample_plan("s");
        let mut new = old.clone();
        new.indicators.remove(0);
        new.indicators
            .push(Rc::new(Indicator::new("new-1", "Mới", Kind::Percent)));
        new.indicators
            .push(Rc::new(Indicator::new("new-2", "Mới nữa", Kind::Count)));
        let second = new.indicator_mut("s-1").unwrap();
        second.set_target(Period::Year(2021), Some(Figure::Value(12.5)));
        second.set_actual(Period::Year(2021), Some(Figure::Value(3.0)));
        second.baseline = None;
        new.indicator_mut("s-2").unwrap().name.vi = "Tên khác".into();
        new.title = "Tên kế hoạch khác".into();
        let c = changes(&old, &new);
        assert_eq!(
            c,
            Changes {
                added: 2,
                removed: 1,
                figures: 3,
                details: 1,
                header: true
            }
        );
        // and back again: what was added is removed
        let back = changes(&new, &old);
        assert_eq!(
            (back.added, back.removed, back.figures, back.details),
            (1, 2, 3, 1)
        );
    }
}
