//! Plans side by side: this year's and last year's plan of one unit, or
//! several units' plans, aligned indicator by indicator.

use super::progress::{latest_actual, Basis, Status};
use super::{baseline, status, target_bounds, value};
use crate::plan::{Date, Indicator, Level, Period, Plan, Target};
use std::rc::Rc;

/// One plan's figures for an aligned indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct Side {
    pub indicator: Rc<Indicator>,
    pub baseline: Option<f64>,
    pub target: Option<Target>,
    /// the target's value (its lower bound for a range)
    pub target_value: Option<f64>,
    /// the latest actual that counts for the plan's period
    pub actual: Option<f64>,
    pub status: Status,
}

/// How an indicator changed from one plan to the next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    /// in this plan, not in the one before
    Added,
    /// in the plan before, not in this one
    Dropped,
    /// the target asks more than before, given which way is better
    Raised,
    /// the target asks less than before
    Lowered,
    /// a target where there was none
    TargetSet,
    /// no target where there was one
    TargetRemoved,
    Same,
}

/// An indicator across the plans compared.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// the key the plans are matched by, after mapping old terms to new ones
    pub key: String,
    /// the level the indicator is set for (its own, else its plan's), where a
    /// plan carries its code at two levels: a province's own target and the
    /// one it sets for its communes are two rows. `None`: the code is set at one
    /// level in each plan, and its plans are matched by code alone (a
    /// province's plan beside a commune's)
    pub level: Option<Level>,
    /// each plan's side, in the order of the plans (`None`: not in that plan)
    pub sides: Vec<Option<Side>>,
    /// for each plan after the first: how the indicator changed from the plan before
    pub changes: Vec<Change>,
}

fn side(ind: &Rc<Indicator>, plan: &Plan, period: Period, today: Date) -> Side {
    let basis = Basis::of(plan, today);
    let target = ind.target_for(period).cloned();
    Side {
        indicator: ind.clone(),
        baseline: baseline(ind, basis.plan_start).map(|b| b.value),
        target_value: target
            .as_ref()
            .and_then(|t| target_bounds(ind, t))
            .map(|(lo, _)| lo),
        target,
        actual: latest_actual(ind, basis, period).map(|a| a.value),
        status: status(ind, basis, period),
    }
}

/// Whether `now` asks more than `before`, less, or the same, by the indicator's direction.
fn change(before: &Side, now: &Side) -> Change {
    match (before.target_value, now.target_value) {
        (Some(b), Some(n)) if (n - b).abs() > 1e-9 * b.abs().max(1.0) => {
            let more = n > b;
            let lower_better = now.indicator.direction == crate::plan::Direction::Lower;
            if more != lower_better {
                Change::Raised
            } else {
                Change::Lowered
            }
        }
        (None, Some(_)) => Change::TargetSet,
        (Some(_), None) => Change::TargetRemoved,
        _ => Change::Same,
    }
}

/// Aligns plans, each with the period it is read for, indicator by indicator.
///
/// Indicators are matched by key (code, else id) after `canonical` maps an
/// old term to the one that replaced it (level-4 services to full-process
/// services), so that a year-over-year comparison never drops an indicator
/// that was only renamed; a plan that carries both terms at one level keeps
/// both rows. Where a plan carries one key at two levels (a province's own
/// target and its communes'), that key is matched by key and level (its own,
/// else its plan's), so neither row hides the other; every other key by key
/// alone, so a province's plan and a commune's line up.
/// Rows come in the order indicators first appear, plan by plan. Each plan is
/// judged as of its own basis (its as-of date, else `today`). Changes are read
/// between each plan and the one before it: added, dropped, the target raised,
/// lowered, kept, set or removed (raised meaning it asks more given which way
/// is better).
pub fn compare(
    plans: &[(&Plan, Period)],
    today: Date,
    canonical: &dyn Fn(&str) -> String,
) -> Vec<Row> {
    // an old term is read as the one that replaced it, unless its plan carries
    // both at the same level (a 2025 plan with level-4 services and
    // full-process services): then each keeps its own row, and neither hides
    // the other
    let level_in = |plan: &Plan, i: &Indicator| i.applies_to.unwrap_or(plan.unit.level);
    let key_in = |plan: &Plan, i: &Indicator| {
        let level = level_in(plan, i);
        let k = canonical(i.key());
        let both = k != i.key()
            && plan
                .indicators
                .iter()
                .any(|o| o.key() == k && level_in(plan, o) == level);
        if both {
            (i.key().to_string(), level)
        } else {
            (k, level)
        }
    };
    // the keys some plan carries at two levels
    let mut split: Vec<String> = Vec::new();
    for (plan, _) in plans {
        let mut seen: Vec<(String, Level)> = Vec::new();
        for i in &plan.indicators {
            let (k, l) = key_in(plan, i);
            if seen.iter().any(|(sk, sl)| *sk == k && *sl != l) && !split.contains(&k) {
                split.push(k.clone());
            }
            seen.push((k, l));
        }
    }
    // each indicator's row, worked out once per plan
    let row_keys: Vec<Vec<(String, Option<Level>)>> = plans
        .iter()
        .map(|(plan, _)| {
            plan.indicators
                .iter()
                .map(|i| {
                    let (k, l) = key_in(plan, i);
                    let level = split.contains(&k).then_some(l);
                    (k, level)
                })
                .collect()
        })
        .collect();
    let mut keys: Vec<&(String, Option<Level>)> = Vec::new();
    for k in row_keys.iter().flatten() {
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    keys.into_iter()
        .map(|key| {
            let sides: Vec<Option<Side>> = plans
                .iter()
                .zip(&row_keys)
                .map(|((plan, period), of_plan)| {
                    of_plan
                        .iter()
                        .position(|k| k == key)
                        .map(|at| side(&plan.indicators[at], plan, *period, today))
                })
                .collect();
            let (key, level) = key.clone();
            let changes = sides
                .windows(2)
                .map(|w| match (&w[0], &w[1]) {
                    (None, Some(_)) => Change::Added,
                    (Some(_), None) => Change::Dropped,
                    (Some(a), Some(b)) => change(a, b),
                    (None, None) => Change::Same,
                })
                .collect();
            Row {
                key,
                level,
                sides,
                changes,
            }
        })
        .collect()
}

/// A value of a side as the indicator reads it (for sorting and the chart).
pub fn side_value(side: &Side) -> Option<f64> {
    side.actual
        .or(side.baseline)
        .filter(|v| v.is_finite())
        .or_else(|| {
            side.target
                .as_ref()
                .and_then(|t| value(&side.indicator.kind, t.figure))
        })
}
