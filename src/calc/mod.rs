//! The planner's arithmetic, pure and exact: the same numbers on every screen
//! and in every file. Knows nothing of the browser.

mod changes;
mod compare;
mod figure;
mod levels;
mod progress;
mod report;
mod rollup;
mod score;
mod warnings;

pub use changes::{changes, Changes};
pub use compare::{compare, side_value, Change, Row as CompareRow, Side};
pub use figure::{
    achievement, capped, gap, gap_with_units, meets, meets_target, target_bounds, value, weaker,
    Achievement, CountGap, Gap,
};
pub use levels::{
    collect, for_level, hand_down, provisional_totals, totals_to_take, Cell, Collection, Misfit,
    Total, UnitRow,
};
pub use progress::{
    baseline, cumulative_need, direction_fits, expected_at, flow_need, interpolate, judging_line,
    latest_actual, reported, required_rate, status, trajectory, Basis, CumulativeNeed, Dated,
    Point, Reported, RequiredRate, Status, Step,
};
pub use report::{results, Report, ReportGroup, ReportRow};
pub use rollup::{roll_up, rollup_unit, Conflict, RollUp, SkipReason, Skipped};
pub use score::{score, GroupScore, Score};
pub use warnings::{
    acknowledged, counterpart, figure_warnings, parent_target, warnings, Place, Warning,
};

use crate::plan::{Figure, Indicator, Kind, Period, Target};

/// Everything the table shows for one indicator in a chosen period, as of
/// the basis's date.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    pub status: Status,
    /// the latest actual that counts (`latest_actual`)
    pub actual: Option<Reported>,
    /// the figure the gap is measured from: the latest actual, else the baseline
    pub current: Option<Dated>,
    pub current_figure: Option<Figure>,
    pub target: Option<Target>,
    pub target_value: Option<f64>,
    pub gap: Option<Gap>,
    /// how far the latest actual has come; none without an actual (the
    /// baseline is not a result)
    pub achievement: Option<Achievement>,
    /// the achievement to show beside the bar: the ratio, but below 1 while
    /// the target is not met, so that a strict miss never shows a full bar
    pub shown: Option<f64>,
    /// how much of the bar is filled, 0–1: `shown`, but a target not met
    /// leaves at least `BAR_SHORT` of the bar empty, so that a miss by a hair
    /// ("trên 97%" at 97%) never looks like a full bar
    pub bar: Option<f64>,
    /// for a share of counts with a forecast for the rest of the period: what
    /// the remaining items must bring
    pub need: Option<CumulativeNeed>,
}

/// The least part of the bar a target not met leaves empty.
pub const BAR_SHORT: f64 = 0.04;

/// Evaluates an indicator for a period, against that period's target.
///
/// The gap is measured from the latest actual, else from the baseline (what
/// the target demands of a draft; `Gap::from_baseline` says so, and a baseline
/// that meets the target is never shown as reached). A ratio of counts (online dossiers of all
/// dossiers) is a flow: its denominator grows through the period, so its gap
/// in whole items is counted from its own counts only when they cover the
/// whole period; otherwise it is counted from the forecast of how many items
/// the rest of the period brings (`cumulative_need`), and without a forecast
/// it is not counted at all (`Gap::needs_forecast`).
pub fn evaluate(ind: &Indicator, basis: Basis, period: Period) -> Evaluation {
    let need = flow_need(ind, basis, period);
    let status = progress::status_given(ind, basis, period, need);
    let actual = latest_actual(ind, basis, period);
    let (current, current_figure) = match actual {
        Some(a) => (Some(a.dated()), Some(a.figure)),
        None => (
            baseline(ind, basis.plan_start),
            ind.baseline
                .as_ref()
                .map(|b| b.figure)
                .filter(|f| value(&ind.kind, *f).is_some()),
        ),
    };
    let target = ind.target_for(period).cloned();
    let target_value = target.as_ref().and_then(|t| value(&ind.kind, t.figure));
    let mut gap = match (&target, current_figure) {
        (Some(t), Some(f)) => gap_with_units(ind, f, t, basis.units),
        _ => None,
    };
    if let Some(g) = gap.as_mut() {
        g.from_baseline = actual.is_none();
        g.missed = status == Status::NotMet;
    }
    if let (Kind::Ratio { .. }, Some(t)) = (&ind.kind, &target) {
        let whole_period = actual.is_some_and(|a| a.period == period && a.date >= period.end());
        if let Some(g) = gap.as_mut().filter(|g| !g.met && !whole_period) {
            g.counts = match need {
                Some(CumulativeNeed::AtLeast { items, .. }) => Some(CountGap::More(items)),
                Some(CumulativeNeed::Unreachable { .. }) => Some(CountGap::Unreachable),
                _ => None,
            };
            g.needs_forecast = t.forecast.is_none();
        }
    }
    let achievement = match (actual, target_value) {
        (Some(a), Some(t)) if status != Status::Tracked => Some(achievement(
            ind.direction,
            baseline(ind, basis.plan_start).map(|b| b.value),
            a.value,
            t,
        )),
        _ => None,
    };
    let shown = achievement.and_then(|a| a.ratio).map(|r| {
        if status == Status::Met {
            r
        } else {
            r.min(0.999)
        }
    });
    let bar = shown.map(|r| {
        if status == Status::Met {
            figure::capped(r)
        } else {
            figure::capped(r).min(1.0 - BAR_SHORT)
        }
    });
    Evaluation {
        status,
        actual,
        current,
        current_figure,
        target,
        target_value,
        gap,
        achievement,
        shown,
        bar,
        need,
    }
}
