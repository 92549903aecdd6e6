//! Progress over time, as of a date: which figures count, the status, the
//! trajectory through the plan's own targets, the rate still needed, and what
//! the rest of a period must bring for a share of counts.

use super::figure::{meets, meets_target, target_bounds, value, weaker};
use crate::plan::{
    days_in_month, Comparator, Date, Direction, Figure, Indicator, Kind, Period, Plan, Target,
};

/// What every judgment is made against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Basis {
    /// the date the figures are counted to: the plan's "Số liệu tính đến
    /// ngày", else today
    pub as_of: Date,
    /// stands in for an undated baseline: the first day of the plan
    pub plan_start: Date,
    /// the plan's number of sub-units (0: unknown): the n of "k of n units"
    pub units: usize,
}

impl Basis {
    /// The basis of a plan, with `today` standing in for an unset as-of date.
    pub fn of(plan: &Plan, today: Date) -> Basis {
        Basis {
            as_of: plan.as_of.unwrap_or(today),
            plan_start: Date::start_of_year(plan.period.start),
            units: plan.sub_units.len(),
        }
    }

    /// The date a period is judged at: the as-of date clamped into the period,
    /// so that a finished period is judged at its end.
    pub fn judged_at(self, period: Period) -> Date {
        self.as_of.clamp(period.start(), period.end())
    }

    /// Whether the period is over on the as-of date (its last day counts as over:
    /// figures "as of 31/12" are the year's final figures).
    pub fn over(self, period: Period) -> bool {
        self.as_of >= period.end()
    }
}

/// A value known at a date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Dated {
    pub date: Date,
    pub value: f64,
}

/// An actual figure as it counts on a judging date.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reported {
    pub period: Period,
    /// its period's end, or the judging date while the period is still running
    /// (the figure so far)
    pub date: Date,
    pub figure: Figure,
    pub value: f64,
}

impl Reported {
    pub fn dated(self) -> Dated {
        Dated {
            date: self.date,
            value: self.value,
        }
    }
}

/// The baseline ("hiện trạng") and its date; an undated one counts as of the
/// start of the plan.
pub fn baseline(ind: &Indicator, plan_start: Date) -> Option<Dated> {
    let b = ind.baseline.as_ref()?;
    Some(Dated {
        date: b.as_of.unwrap_or(plan_start),
        value: value(&ind.kind, b.figure)?,
    })
}

fn rank(p: Period) -> u8 {
    match p {
        Period::Date(_) => 0,
        Period::Quarter(..) => 1,
        Period::Half(..) => 2,
        Period::Year(_) => 3,
    }
}

/// The latest actual that counts when `period` is judged (at
/// `basis.judged_at(period)`). Each actual gives a figure as of its period's
/// end, or as of the as-of date while its period is still running then (the
/// figure so far); one for a period not yet begun then is no result. It counts
/// if its date is on or before the judging date and after the baseline (the
/// baseline is not a result). So a quarter that is over
/// is judged on the figures known at its end, never on the year's figure
/// reported months later. Of two on the same date, the judged period's own
/// counts, else the one of the longer period.
pub fn latest_actual(ind: &Indicator, basis: Basis, period: Period) -> Option<Reported> {
    let on = basis.judged_at(period);
    let since = ind
        .baseline
        .as_ref()
        .map(|b| b.as_of.unwrap_or(basis.plan_start));
    reported(ind, basis)
        .filter(|r| r.date <= on && since.is_none_or(|s| r.date > s))
        .max_by_key(|r| (r.date, r.period == period, rank(r.period)))
}

/// Every actual as a figure known at a date: its period's end, or the as-of
/// date while its period is still running then. A figure for a period not yet
/// begun on the as-of date is no result and is left out.
pub fn reported(ind: &Indicator, basis: Basis) -> impl Iterator<Item = Reported> + '_ {
    ind.actuals
        .iter()
        .filter(move |a| a.period.start() <= basis.as_of)
        .filter_map(move |a| {
            Some(Reported {
                period: a.period,
                date: a.period.end().min(basis.as_of),
                figure: a.figure,
                value: value(&ind.kind, a.figure)?,
            })
        })
}

/// The value a target aims at on a trajectory: its bound on the side the
/// indicator moves toward (the lower bound of "2–5" when more is better).
fn aim(ind: &Indicator, t: &Target) -> Option<f64> {
    let (lo, hi) = target_bounds(ind, t)?;
    Some(if ind.direction == Direction::Lower {
        hi
    } else {
        lo
    })
}

/// A point of the trajectory: the baseline (`period: None`) or a target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub period: Option<Period>,
    pub date: Date,
    pub value: f64,
}

/// The trajectory toward a period's target: the baseline, then each of the
/// indicator's own targets (quarters, halves, dates, earlier years) due after
/// the baseline up to the period's end, in order, ending with the period's
/// target. Between two points it runs straight. Where two targets fall due on
/// the same day, the period's own target is kept, else the longer period's.
pub fn trajectory(ind: &Indicator, basis: Basis, period: Period) -> Vec<Point> {
    let base = baseline(ind, basis.plan_start);
    let mut points: Vec<Point> = base
        .map(|b| Point {
            period: None,
            date: b.date,
            value: b.value,
        })
        .into_iter()
        .collect();
    let after = base.map(|b| b.date);
    let mut targets: Vec<Point> = ind
        .targets
        .iter()
        .filter(|t| t.period.end() <= period.end() && after.is_none_or(|a| t.period.end() > a))
        .filter_map(|t| {
            aim(ind, t).map(|v| Point {
                period: Some(t.period),
                date: t.period.end(),
                value: v,
            })
        })
        .collect();
    crate::sort::sort_by_key(&mut targets, |p| {
        (p.date, p.period == Some(period), p.period.map(rank))
    });
    // keep the last of each day (the preferred one, by the sort above)
    let mut kept: Vec<Point> = Vec::new();
    for p in targets {
        match kept.last_mut() {
            Some(last) if last.date == p.date => *last = p,
            _ => kept.push(p),
        }
    }
    points.extend(kept);
    points
}

/// Time in months, so that the ends of months fall on whole numbers and the
/// steps of a year come out even (not skewed by leap days).
fn month_pos(d: Date) -> f64 {
    f64::from(d.year) * 12.0
        + f64::from(d.month - 1)
        + f64::from(d.day) / f64::from(days_in_month(d.year, d.month))
}

/// The value on a straight line between two dated values, on a date.
pub fn interpolate(from: Dated, to: Dated, on: Date) -> f64 {
    let span = month_pos(to.date) - month_pos(from.date);
    if span <= 0.0 {
        return to.value;
    }
    let f = ((month_pos(on) - month_pos(from.date)) / span).clamp(0.0, 1.0);
    from.value + (to.value - from.value) * f
}

/// The line a running period's figures are judged against (`status`) and
/// the chart draws: the trajectory, and without a baseline a start at the
/// plan's start. Where more is better it starts from nothing (the most
/// lenient start any baseline could give: figures are never negative). Where
/// less is better there is no such bound (a share of overdue dossiers could
/// have started anywhere up to all of them), so the first target is the line
/// from the start: a figure above a ceiling is behind, not given the benefit
/// of a start nobody wrote down.
pub fn judging_line(ind: &Indicator, basis: Basis, period: Period) -> Vec<Point> {
    let mut line = trajectory(ind, basis, period);
    let start = match ind.direction {
        _ if ind.baseline.is_some() => None,
        Direction::Higher => Some(0.0),
        Direction::Lower => line.first().map(|p| p.value),
        Direction::Tracked => None,
    };
    if let Some(value) = start.filter(|_| line.first().is_some_and(|p| p.date > basis.plan_start)) {
        line.insert(
            0,
            Point {
                period: None,
                date: basis.plan_start,
                value,
            },
        );
    }
    line
}

/// Where the trajectory stands on a date; `None` before its first point
/// unless that point is the baseline (without a baseline nothing is expected
/// before the first target falls due).
pub fn expected_at(points: &[Point], on: Date) -> Option<f64> {
    let first = points.first()?;
    if on <= first.date {
        return first.period.is_none().then_some(first.value);
    }
    let d = |p: &Point| Dated {
        date: p.date,
        value: p.value,
    };
    for pair in points.windows(2) {
        if on <= pair[1].date {
            return Some(interpolate(d(&pair[0]), d(&pair[1]), on));
        }
    }
    points.last().map(|p| p.value)
}

/// Where an indicator stands for a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// "Đạt"
    Met,
    /// "Đúng tiến độ"
    OnTrack,
    /// "Chậm tiến độ"
    Behind,
    /// "Không đạt"
    NotMet,
    /// "Chưa có số liệu thực hiện"
    NoActual,
    /// "Chưa đặt mục tiêu"
    NoTarget,
    /// "Theo dõi" — followed, not judged
    Tracked,
}

impl Status {
    pub const ALL: [Status; 7] = [
        Status::Met,
        Status::OnTrack,
        Status::Behind,
        Status::NotMet,
        Status::NoActual,
        Status::NoTarget,
        Status::Tracked,
    ];
}

/// The status of an indicator for a period, as of the basis's date.
///
/// The judging date is the as-of date clamped into the period (`Basis::judged_at`);
/// the figure judged is the latest actual that counts on it (`latest_actual`).
/// In this order:
/// - Tracked: the indicator is followed, not judged (direction `Tracked`).
/// - NoTarget: the period has no target (or one without a value).
/// - NoActual: no actual counts. The baseline is not a result: a draft with
///   only baselines is this, never on track. Also when the period is over and
///   its latest actual is from before the period's end: the final figure is
///   missing, so no verdict is given (an interim figure is no final result).
/// - Met: the latest actual meets the target under its comparator.
/// - NotMet: the period is over and its final figure does not meet the target.
/// - OnTrack: the period is running and the latest actual is at or past the
///   trajectory (`trajectory`) at the actual's date. Without a baseline, an
///   indicator where more is better is measured against a line from nothing
///   at the plan's start: the most lenient start any baseline could give
///   (figures are never negative), so a figure short of it is behind whatever
///   the baseline was; one at or past it is given the benefit of the doubt.
///   Where less is better, without a baseline the first target is the line
///   from the plan's start (`judging_line`): a figure above it is behind.
/// - Behind: the period is running and the latest actual is short of it, or a
///   ratio of counts whose forecast leaves its target out of reach (`flow_need`:
///   even if every remaining item is counted, 120 of 200 files handled online
///   cannot end the year at 100%), whatever the trajectory says.
pub fn status(ind: &Indicator, basis: Basis, period: Period) -> Status {
    status_given(ind, basis, period, flow_need(ind, basis, period))
}

/// `status`, with the ratio's need already worked out (`evaluate` has it).
pub(crate) fn status_given(
    ind: &Indicator,
    basis: Basis,
    period: Period,
    need: Option<CumulativeNeed>,
) -> Status {
    if ind.direction == Direction::Tracked {
        return Status::Tracked;
    }
    let Some(target) = ind
        .target_for(period)
        .filter(|t| value(&ind.kind, t.figure).is_some())
    else {
        return Status::NoTarget;
    };
    let Some(latest) = latest_actual(ind, basis, period) else {
        return Status::NoActual;
    };
    let over = basis.over(period);
    if over && latest.date < period.end() {
        return Status::NoActual;
    }
    if meets_target(ind, latest.value, target) == Some(true) {
        return Status::Met;
    }
    if over {
        return Status::NotMet;
    }
    if matches!(need, Some(CumulativeNeed::Unreachable { .. })) {
        return Status::Behind;
    }
    match expected_at(&judging_line(ind, basis, period), latest.date) {
        Some(expected) if weaker(ind.direction, latest.value, expected) => Status::Behind,
        _ => Status::OnTrack,
    }
}

/// How the rate still needed is counted: per quarter for a year or less, per
/// year beyond, and in one go when less than a quarter is left (40 points in
/// the 23 days to the year's end are not "+161,7 points a quarter").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Quarter,
    Year,
    Rest,
}

/// What the rest of the way must bring to reach the next target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RequiredRate {
    /// the latest figure: the latest actual, else the baseline
    pub from: Dated,
    /// the next target not yet met, and its period
    pub to: Dated,
    pub to_period: Period,
    pub step: Step,
    /// how many steps lie between `from` and `to`, counted from the exact dates
    pub steps: f64,
    /// the change needed per step, in the indicator's unit (percentage points
    /// for shares, items for counts)
    pub per_step: f64,
    /// the same as a growth rate per step (0.12 for +12%), where both ends are positive
    pub growth: Option<f64>,
}

/// The rate still needed, for a period, as of the basis's date.
///
/// It runs from the latest figure (the latest actual that counts, else the
/// baseline) to the next target: the first of the trajectory's targets due
/// after the judging date that the latest figure does not meet. The time
/// between them is counted from their exact dates in months, then read in
/// steps: quarters when it is a year or less, years beyond, and one step for
/// the whole way when less than a quarter is left (`Step::Rest`: a rate per
/// quarter would then be more than the whole change). `per_step` is the
/// straight-line change per step, `growth` the compound rate per step. `None`
/// when there is no figure, no target ahead (the period is over), or every
/// target ahead is already met.
pub fn required_rate(ind: &Indicator, basis: Basis, period: Period) -> Option<RequiredRate> {
    if ind.direction == Direction::Tracked {
        return None;
    }
    // a period still ahead is reached through the targets before it: the next
    // one is due after the as-of date, not after the period's start
    let on = basis.judged_at(period).min(basis.as_of);
    let from = latest_actual(ind, basis, period)
        .map(Reported::dated)
        .or_else(|| baseline(ind, basis.plan_start))?;
    let next = trajectory(ind, basis, period).into_iter().find(|p| {
        let Some(tp) = p.period else { return false };
        let met = ind
            .target_for(tp)
            .and_then(|t| meets_target(ind, from.value, t))
            == Some(true);
        p.date > on && p.date > from.date && !met
    })?;
    let months = month_pos(next.date) - month_pos(from.date);
    let (step, steps) = if months > 12.0 + 1e-9 {
        (Step::Year, months / 12.0)
    } else if months < 3.0 - 1e-9 {
        (Step::Rest, 1.0)
    } else {
        (Step::Quarter, months / 3.0)
    };
    let per_step = (next.value - from.value) / steps;
    let growth = (from.value > 0.0 && next.value > 0.0)
        .then(|| (next.value / from.value).powf(1.0 / steps) - 1.0);
    Some(RequiredRate {
        from,
        to: Dated {
            date: next.date,
            value: next.value,
        },
        to_period: next.period.unwrap_or(period),
        step,
        steps,
        per_step,
        growth,
    })
}

/// The counts a share has reached so far inside a period: (handled, counted).
fn counts_so_far(actual: Option<Reported>, period: Period) -> Option<(f64, f64)> {
    match actual {
        None => Some((0.0, 0.0)),
        Some(a) if !a.period.within(period) => Some((0.0, 0.0)),
        Some(Reported {
            figure:
                Figure::Counts {
                    numerator,
                    denominator,
                },
            ..
        }) => Some((denominator, numerator)),
        Some(_) => None,
    }
}

/// What the rest of a period must bring for a ratio of counts (a flow: online
/// dossiers of all dossiers) to end at its target, from the counts reported so
/// far inside the period and the forecast of how many more items it brings
/// (`cumulative_need`). `None` without a forecast, when the figure so far is
/// not counts, or when the latest figure already covers the whole period.
pub fn flow_need(ind: &Indicator, basis: Basis, period: Period) -> Option<CumulativeNeed> {
    if !matches!(ind.kind, Kind::Ratio { .. }) {
        return None;
    }
    let target = ind.target_for(period)?;
    let tv = value(&ind.kind, target.figure)?;
    let actual = latest_actual(ind, basis, period);
    if actual.is_some_and(|a| a.period == period && a.date >= period.end()) {
        return None;
    }
    let (handled, counted) = counts_so_far(actual, period)?;
    Some(cumulative_need(handled, counted, target.forecast?, tv, ind.comparator))
}

/// What the rest of a period must bring so that a share of counts ends at its target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CumulativeNeed {
    /// the target is met whatever the remaining items do
    Assured,
    /// at least this many of the remaining items must be counted (online
    /// dossiers), this share of them in percent
    AtLeast { items: u64, share: f64 },
    /// at most this many of the remaining items may be counted (overdue
    /// dossiers), this share of them in percent
    AtMost { items: u64, share: f64 },
    /// missed whatever the remaining items do; the best share the period can end with
    Unreachable { best_share: f64 },
}

/// "20% of dossiers online by Q2, at least 40% by year end": how many of the
/// dossiers still to come must be online for the year to end at the target.
///
/// With H items handled so far, O of them counted (online), R items still
/// forecast and a target share T percent for the whole period, the period
/// ends with the share (O + x) / (H + R), x being how many of the R are
/// counted. For "at least" and "more than" (and ranges, by their lower
/// bound) the need is the least whole x that meets T: assured when x = 0
/// does, unreachable when even x = R does not. For "at most" and "less than"
/// it is the most x that still meets T: assured when x = R does, unreachable
/// when even x = 0 does not. Shares of the remaining are x / R.
pub fn cumulative_need(
    handled: f64,
    counted: f64,
    remaining: f64,
    target_percent: f64,
    comparator: Comparator,
) -> CumulativeNeed {
    let total = handled + remaining;
    let remaining = remaining.max(0.0);
    if total <= 0.0 {
        return CumulativeNeed::Unreachable { best_share: 0.0 };
    }
    let share_with = |x: f64| (counted + x) * 100.0 / total;
    let ok = |x: f64| meets(comparator, share_with(x), target_percent, target_percent);
    let of_remaining = |x: f64| {
        if remaining > 0.0 {
            x * 100.0 / remaining
        } else {
            0.0
        }
    };
    // the whole x nearest the exact bound, then a few steps to let the comparator decide
    let exact = target_percent / 100.0 * total - counted;
    match comparator {
        Comparator::AtMost | Comparator::LessThan => {
            if ok(remaining) {
                return CumulativeNeed::Assured;
            }
            if !ok(0.0) {
                return CumulativeNeed::Unreachable {
                    best_share: share_with(0.0),
                };
            }
            let mut x = (exact.floor() + 1.0).clamp(0.0, remaining);
            // a few steps past the estimate at most: the comparator decides the
            // last one, and beyond 2^53 a step of one changes nothing
            for _ in 0..4 {
                if x <= 0.0 || ok(x) {
                    break;
                }
                x = (x - 1.0).max(0.0);
            }
            CumulativeNeed::AtMost {
                items: x as u64,
                share: of_remaining(x),
            }
        }
        _ => {
            if ok(0.0) {
                return CumulativeNeed::Assured;
            }
            if !ok(remaining) {
                return CumulativeNeed::Unreachable {
                    best_share: share_with(remaining),
                };
            }
            let mut x = (exact.floor() - 1.0).clamp(0.0, remaining);
            for _ in 0..4 {
                if x >= remaining || ok(x) {
                    break;
                }
                x = (x + 1.0).min(remaining);
            }
            CumulativeNeed::AtLeast {
                items: x as u64,
                share: of_remaining(x),
            }
        }
    }
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
