//! The planner's arithmetic, pure and exact: the same numbers on every screen
//! and in every file. Knows nothing of the browser.

mod changes;
mod figure;
mod progress;
mod rollup;
mod score;
mod warnings;

pub use changes::{changes, Changes};
pub use figure::{achievement, capped, gap, meets, meets_target, target_bounds, value, weaker, Achievement, CountGap, Gap};
pub use progress::{
    baseline, cumulative_need, current, direction_fits, interpolate, required_rate, status, status_against, steps_between, target_on,
    trajectory, CumulativeNeed, Dated, Milestone, RequiredRate, Shape, Status, Step,
};
pub use rollup::{roll_up, Conflict, RollUp, SkipReason, Skipped};
pub use score::{score, GroupScore, Score};
pub use warnings::{figure_warnings, parent_target, warnings, Place, Warning};

use crate::plan::{Date, Figure, Indicator, Period, Plan, Target};

/// Everything the table shows for one indicator in a chosen period.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// the figure now: the latest actual by the period's end, else the baseline
    pub current: Option<Dated>,
    /// the figure that `current` came from, for counts in the gap
    pub current_figure: Option<Figure>,
    pub target: Option<Target>,
    pub target_value: Option<f64>,
    pub gap: Option<Gap>,
    pub achievement: Option<Achievement>,
    pub status: Status,
}

/// Evaluates an indicator at the end of `period`, against that period's target.
pub fn evaluate(plan: &Plan, ind: &Indicator, period: Period) -> Evaluation {
    evaluate_at(ind, period, Date::start_of_year(plan.period.start))
}

/// `evaluate` for an indicator alone; `start` stands in for an undated baseline.
pub fn evaluate_at(ind: &Indicator, period: Period, start: Date) -> Evaluation {
    let on = period.end();
    let current_figure = ind
        .actuals
        .iter()
        .rev()
        .find(|a| a.period.end() <= on && value(&ind.kind, a.figure).is_some())
        .map(|a| a.figure)
        .or_else(|| ind.baseline.as_ref().map(|b| b.figure).filter(|f| value(&ind.kind, *f).is_some()));
    let current = current(ind, on, start);
    let target = ind.target_for(period).cloned();
    let target_value = target.as_ref().and_then(|t| value(&ind.kind, t.figure));
    let gap = match (&target, current_figure) {
        (Some(t), Some(f)) => gap(ind, f, t),
        _ => None,
    };
    let base = baseline(ind, start).map(|b| b.value);
    let achievement = match (current, target_value) {
        (Some(c), Some(t)) => Some(achievement(ind.direction, base, c.value, t)),
        _ => None,
    };
    let status = match &target {
        Some(t) => status_against(ind, t, on, start),
        None => Status::NoData,
    };
    Evaluation { current, current_figure, target, target_value, gap, achievement, status }
}
