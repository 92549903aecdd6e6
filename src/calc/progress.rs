//! Progress over time: the current figure, status at a date, trajectories,
//! the rate still needed, and cumulative shares against period targets.

use super::figure::{meets, meets_target, value, weaker};
use crate::plan::{days_in_month, Comparator, Date, Direction, Indicator, Period, Target};

/// A value known at a date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dated {
    pub date: Date,
    pub value: f64,
}

/// Where the indicator stands on a date: the latest actual reported for a
/// period ending on or before it, else the baseline ("hiện trạng").
/// A baseline without a date counts as of the start of the plan.
pub fn current(ind: &Indicator, on: Date, plan_start: Date) -> Option<Dated> {
    let mut actual = ind.actuals.iter().rev().filter(|a| a.period.end() <= on).filter_map(|a| {
        value(&ind.kind, a.figure).map(|v| Dated { date: a.period.end(), value: v })
    });
    actual.next().or_else(|| baseline(ind, plan_start))
}

pub fn baseline(ind: &Indicator, plan_start: Date) -> Option<Dated> {
    let b = ind.baseline.as_ref()?;
    Some(Dated { date: b.as_of.unwrap_or(plan_start), value: value(&ind.kind, b.figure)? })
}

/// The target that matters on a date: the first whose deadline is on or
/// after it, or the last one once every deadline has passed.
pub fn target_on(ind: &Indicator, on: Date) -> Option<&Target> {
    ind.targets.iter().find(|t| t.period.end() >= on).or(ind.targets.last())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    Met,
    OnTrack,
    Behind,
    NoData,
}

/// Status of an indicator on a date.
///
/// The current figure (`current`) is held against the target that matters on
/// that date (`target_on`). Met: the current figure satisfies it. Otherwise,
/// on track: the figure is at or past the straight line from the baseline to
/// the target, read at the figure's own date, and the deadline has not passed.
/// Behind: it is short of that line, or the deadline has passed. Without a
/// baseline there is no line, so an unmet target is on track until its
/// deadline. No data: no target, or no figure at all.
pub fn status(ind: &Indicator, on: Date, plan_start: Date) -> Status {
    match target_on(ind, on) {
        Some(target) => status_against(ind, target, on, plan_start),
        None => Status::NoData,
    }
}

/// `status` against a given target (the one of the period the planner chose).
pub fn status_against(ind: &Indicator, target: &Target, on: Date, plan_start: Date) -> Status {
    let Some(now) = current(ind, on, plan_start) else { return Status::NoData };
    let Some(t) = value(&ind.kind, target.figure) else { return Status::NoData };
    if meets_target(ind, now.value, target) == Some(true) {
        return Status::Met;
    }
    let deadline = target.period.end();
    if now.date >= deadline || on > deadline {
        return Status::Behind;
    }
    let Some(base) = baseline(ind, plan_start) else { return Status::OnTrack };
    let expected = interpolate(base, Dated { date: deadline, value: t }, now.date, Shape::Linear);
    if weaker(ind.direction, now.value, expected) {
        Status::Behind
    } else {
        Status::OnTrack
    }
}

/// How a trajectory bends between baseline and target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// the same step every period
    Linear,
    /// the same growth rate every period (needs positive values; falls back to linear)
    Compound,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Year,
    Quarter,
}

/// Time measured in months, so that the ends of months fall on whole numbers
/// and yearly milestones come out even (20%, 40%, … not skewed by leap days).
fn month_pos(d: Date) -> f64 {
    f64::from(d.year) * 12.0 + f64::from(d.month - 1) + f64::from(d.day) / f64::from(days_in_month(d.year, d.month))
}

/// The trajectory's value on a date between two dated values.
pub fn interpolate(from: Dated, to: Dated, on: Date, shape: Shape) -> f64 {
    let span = month_pos(to.date) - month_pos(from.date);
    if span <= 0.0 {
        return to.value;
    }
    let f = ((month_pos(on) - month_pos(from.date)) / span).clamp(0.0, 1.0);
    match shape {
        Shape::Compound if from.value > 0.0 && to.value > 0.0 => from.value * (to.value / from.value).powf(f),
        _ => from.value + (to.value - from.value) * f,
    }
}

/// The period ends strictly after `from` up to and including `deadline`.
pub fn steps_between(from: Date, deadline: Date, step: Step) -> Vec<Period> {
    let mut out = Vec::new();
    for year in from.year..=deadline.year {
        let periods: Vec<Period> = match step {
            Step::Year => vec![Period::Year(year)],
            Step::Quarter => (1..=4).map(|q| Period::Quarter(year, q)).collect(),
        };
        out.extend(periods.into_iter().filter(|p| p.end() > from && p.end() <= deadline));
    }
    out
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Milestone {
    pub period: Period,
    pub value: f64,
}

/// Interim milestones from a baseline to a target, one per year or quarter.
/// A deadline that is not the end of a step (a date target) is added last.
pub fn trajectory(from: Dated, to: Dated, step: Step, shape: Shape) -> Vec<Milestone> {
    let mut out: Vec<Milestone> = steps_between(from.date, to.date, step)
        .into_iter()
        .map(|p| Milestone { period: p, value: interpolate(from, to, p.end(), shape) })
        .collect();
    if out.last().map(|m| m.period.end()) != Some(to.date) && to.date > from.date {
        out.push(Milestone { period: Period::Date(to.date), value: to.value });
    }
    out
}

/// What each remaining period must bring to reach the target by its deadline.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RequiredRate {
    /// whole periods left after the latest figure, up to the deadline
    pub periods: u32,
    /// the change needed per period, in the indicator's unit (linear)
    pub per_period: f64,
    /// the growth rate needed per period (compound), e.g. 0.12 for +12%
    pub growth: Option<f64>,
}

/// The rate needed from the latest figure to the target. `None` once the
/// deadline has passed (no period is left).
pub fn required_rate(latest: Dated, target: Dated, step: Step) -> Option<RequiredRate> {
    let periods = steps_between(latest.date, target.date, step).len() as u32;
    if periods == 0 {
        return None;
    }
    let n = f64::from(periods);
    let per_period = (target.value - latest.value) / n;
    let growth = (latest.value > 0.0 && target.value > 0.0).then(|| (target.value / latest.value).powf(1.0 / n) - 1.0);
    Some(RequiredRate { periods, per_period, growth })
}

/// What the rest of a period must bring so that a cumulative share reaches its target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CumulativeNeed {
    /// the target is met whatever the remaining items do
    Assured,
    /// this many of the remaining items, i.e. this share of them in percent
    Need { items: u64, share: f64 },
    /// even if every remaining item counts, the target is missed
    Unreachable { best_share: f64 },
}

/// "20% of dossiers online by Q2, at least 40% by year end": how many of the
/// dossiers still to come must be online for the year to end at the target.
///
/// With H items handled so far, O of them counted (online), R items still
/// forecast and a target share T percent for the whole period, the period
/// ends with the share (O + x) / (H + R). The need is the least whole x with
/// (O + x) / (H + R) meeting T under the comparator: for "at least",
/// x = ⌈T/100 · (H + R) − O⌉; for "more than", the next whole number above
/// T/100 · (H + R) − O. Then x ≤ 0 is assured, x > R unreachable, and the
/// share of the remaining items is x / R.
pub fn cumulative_need(handled: f64, counted: f64, remaining: f64, target_percent: f64, comparator: Comparator) -> CumulativeNeed {
    let total = handled + remaining;
    if total <= 0.0 {
        return CumulativeNeed::Unreachable { best_share: 0.0 };
    }
    let share_with = |x: f64| (counted + x) * 100.0 / total;
    if meets(comparator, share_with(0.0), target_percent, target_percent) {
        return CumulativeNeed::Assured;
    }
    let estimate = (target_percent / 100.0 * total - counted).floor().max(0.0);
    let mut x = (estimate - 1.0).max(0.0);
    while x <= remaining {
        if meets(comparator, share_with(x), target_percent, target_percent) {
            let share = if remaining > 0.0 { x * 100.0 / remaining } else { 0.0 };
            return CumulativeNeed::Need { items: x as u64, share };
        }
        if x > estimate + 2.0 {
            break;
        }
        x += 1.0;
    }
    CumulativeNeed::Unreachable { best_share: share_with(remaining) }
}

/// Whether the direction agrees with the comparator; `Higher` with "at most"
/// is a contradiction worth a warning in the editor.
pub fn direction_fits(direction: Direction, comparator: Comparator) -> bool {
    !matches!(
        (direction, comparator),
        (Direction::Higher, Comparator::AtMost | Comparator::LessThan)
            | (Direction::Lower, Comparator::AtLeast | Comparator::MoreThan)
    )
}
