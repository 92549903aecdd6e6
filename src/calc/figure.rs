//! What a figure is worth, whether it meets a target, how far it is from it.

use crate::plan::{Comparator, Direction, Figure, Indicator, Kind, Target};

/// Values closer than this (relative) are equal: 97/100·100 must equal 97.
const EPS: f64 = 1e-9;

fn tol(t: f64) -> f64 {
    EPS * t.abs().max(1.0)
}

/// The value of a figure in the indicator's unit: a percent for shares,
/// fractions of units, ratios and reductions; a number for counts.
/// A zero denominator has no value (never NaN, never a panic).
pub fn value(kind: &Kind, figure: Figure) -> Option<f64> {
    let v = match (kind, figure) {
        (_, Figure::Value(v)) => v,
        (Kind::Count, Figure::Counts { numerator, .. }) => numerator,
        (
            Kind::Reduction { .. },
            Figure::Counts {
                numerator: current,
                denominator: reference,
            },
        ) => {
            if reference == 0.0 {
                return None;
            }
            (reference - current) * 100.0 / reference
        }
        (
            _,
            Figure::Counts {
                numerator,
                denominator,
            },
        ) => {
            if denominator == 0.0 {
                return None;
            }
            numerator * 100.0 / denominator
        }
    };
    v.is_finite().then_some(v)
}

/// The target's value (its lower bound for a range) and its upper bound.
pub fn target_bounds(ind: &Indicator, target: &Target) -> Option<(f64, f64)> {
    let t = value(&ind.kind, target.figure)?;
    let upper = match ind.comparator {
        Comparator::Between => target.upper.filter(|u| u.is_finite()).unwrap_or(t),
        _ => t,
    };
    Some((t, upper))
}

/// Whether `v` satisfies the target under the indicator's comparator.
/// 97.0 does not meet "more than 97%"; 97.0 meets "at least 97%".
pub fn meets(comparator: Comparator, v: f64, low: f64, high: f64) -> bool {
    match comparator {
        Comparator::AtLeast => v >= low - tol(low),
        Comparator::MoreThan => v > low + tol(low),
        Comparator::AtMost => v <= low + tol(low),
        Comparator::LessThan => v < low - tol(low),
        Comparator::Exactly => (v - low).abs() <= tol(low),
        Comparator::Between => v >= low - tol(low) && v <= high + tol(high),
    }
}

pub fn meets_target(ind: &Indicator, v: f64, target: &Target) -> Option<bool> {
    let (lo, hi) = target_bounds(ind, target)?;
    Some(meets(ind.comparator, v, lo, hi))
}

/// How many whole items would have to change for the target to be met.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountGap {
    /// this many more (online dossiers, communes, leaders with signatures)
    More(u64),
    /// this many fewer (overdue dossiers, meeting hours)
    Fewer(u64),
    /// no whole number of items gets there (more than 100% of a known set)
    Unreachable,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Gap {
    pub met: bool,
    /// distance to the target in the indicator's unit, 0 when met
    pub remaining: f64,
    /// not met, yet exactly at the bound of a strict comparator ("trên 97%" at
    /// 97%): more than the bound is needed, though the distance reads 0
    pub at_bound: bool,
    /// `remaining` in whole items, where the figure is counts or the indicator counts things
    pub counts: Option<CountGap>,
    /// a share of counts set for a longer period than its latest figure: the
    /// items still needed depend on how many more the period brings, so they
    /// are not counted until that forecast is given
    pub needs_forecast: bool,
    /// measured from the baseline, as nothing has been reported yet (a draft):
    /// met then means the baseline already meets the target, never that it
    /// was reached
    pub from_baseline: bool,
    /// the period is over and its final figure missed the target
    /// (`Status::NotMet`): the gap is what it fell short by, nothing is still
    /// to be done ("thiếu 80 hồ sơ", not "thêm 80 hồ sơ")
    pub missed: bool,
}

/// The gap from a current figure to a target, respecting the comparator.
/// `units` is the plan's number of sub-units (0: unknown): a share of "k of n
/// units" given as a percent is read as that share of n.
pub fn gap(ind: &Indicator, current: Figure, target: &Target) -> Option<Gap> {
    gap_with_units(ind, current, target, 0)
}

/// `gap`, with the number of units a fraction of units is counted in.
pub fn gap_with_units(
    ind: &Indicator,
    current: Figure,
    target: &Target,
    units: usize,
) -> Option<Gap> {
    let v = value(&ind.kind, current)?;
    let current = match (&ind.kind, current) {
        (Kind::FractionOfUnits, Figure::Value(p)) if units > 0 => Figure::Counts {
            numerator: p * units as f64 / 100.0,
            denominator: units as f64,
        },
        _ => current,
    };
    let (lo, hi) = target_bounds(ind, target)?;
    let met = meets(ind.comparator, v, lo, hi);
    let remaining = if met {
        0.0
    } else {
        match ind.comparator {
            Comparator::AtLeast | Comparator::MoreThan => (lo - v).max(0.0),
            Comparator::AtMost | Comparator::LessThan => (v - lo).max(0.0),
            Comparator::Exactly => (v - lo).abs(),
            Comparator::Between => {
                if v < lo {
                    lo - v
                } else {
                    v - hi
                }
            }
        }
    };
    let counts = if met {
        Some(CountGap::More(0)).filter(|_| has_counts(ind, current))
    } else {
        count_gap(ind, current, v, lo, hi)
    };
    let at_bound = !met && remaining <= tol(lo);
    Some(Gap {
        met,
        remaining,
        at_bound,
        counts,
        needs_forecast: false,
        from_baseline: false,
        missed: false,
    })
}

fn has_counts(ind: &Indicator, f: Figure) -> bool {
    matches!(ind.kind, Kind::Count) || matches!(f, Figure::Counts { .. })
}

/// The smallest whole change of the counted items that meets the target.
fn count_gap(ind: &Indicator, current: Figure, v: f64, lo: f64, hi: f64) -> Option<CountGap> {
    let raise = match ind.comparator {
        Comparator::AtLeast | Comparator::MoreThan => true,
        Comparator::AtMost | Comparator::LessThan => false,
        Comparator::Exactly | Comparator::Between => v < lo,
    };
    // value after changing the counted items by x, how much one item moves it, and the most items that can change
    let (per_item, limit): (f64, f64) = match (&ind.kind, current) {
        (Kind::Count, Figure::Value(_)) => (1.0, f64::INFINITY),
        (
            Kind::Count,
            Figure::Counts {
                numerator,
                denominator,
            },
        ) => (
            1.0,
            if raise {
                (denominator - numerator).max(0.0)
            } else {
                numerator
            },
        ),
        (_, Figure::Value(_)) => return None,
        (
            Kind::Reduction { .. },
            Figure::Counts {
                numerator,
                denominator,
            },
        ) => {
            // a bigger cut means a smaller current amount
            (
                100.0 / denominator,
                if raise { numerator } else { f64::INFINITY },
            )
        }
        (
            _,
            Figure::Counts {
                numerator,
                denominator,
            },
        ) => (
            100.0 / denominator,
            if raise {
                (denominator - numerator).max(0.0)
            } else {
                numerator
            },
        ),
    };
    if !per_item.is_finite() || per_item <= 0.0 {
        return None;
    }
    let value_after = |x: f64| {
        if raise {
            v + x * per_item
        } else {
            v - x * per_item
        }
    };
    let need = if raise {
        (lo - v) / per_item
    } else {
        (v - if ind.comparator == Comparator::Between {
            hi
        } else {
            lo
        }) / per_item
    };
    let mut x = (need.floor() - 1.0).max(0.0);
    // at most a few steps past the estimate: the comparator decides the last one
    for _ in 0..4 {
        if x > limit {
            break;
        }
        if meets(ind.comparator, value_after(x), lo, hi) {
            let n = x as u64;
            let more = raise != matches!(ind.kind, Kind::Reduction { .. });
            return Some(if more {
                CountGap::More(n)
            } else {
                CountGap::Fewer(n)
            });
        }
        x += 1.0;
    }
    Some(CountGap::Unreachable)
}

/// How far along an indicator is, uncapped: the UI caps it for display.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Achievement {
    /// share of the way from baseline to target (0 at the baseline, 1 at the target)
    pub progress: Option<f64>,
    /// current over target (target over current when lower is better)
    pub ratio: Option<f64>,
}

pub fn achievement(
    direction: Direction,
    baseline: Option<f64>,
    current: f64,
    target: f64,
) -> Achievement {
    let progress = baseline.and_then(|b| {
        let span = target - b;
        (span.abs() > tol(target)).then(|| (current - b) / span)
    });
    let ratio = match direction {
        Direction::Tracked => None,
        Direction::Higher => (target.abs() > 0.0).then(|| current / target),
        Direction::Lower => {
            if current.abs() > 0.0 {
                Some(target / current)
            } else {
                (target == 0.0).then_some(1.0)
            }
        }
    };
    Achievement { progress, ratio }
}

/// A share clamped to 0–1 for bars and scores.
pub fn capped(x: f64) -> f64 {
    if x.is_nan() {
        0.0
    } else {
        x.clamp(0.0, 1.0)
    }
}

/// Whether a value falls short of a reference value (the trajectory, or the
/// parent plan's target) given which way is better. A tracked indicator has
/// no better way: nothing is weaker.
pub fn weaker(direction: Direction, target: f64, reference: f64) -> bool {
    match direction {
        Direction::Higher => target < reference - tol(reference),
        Direction::Lower => target > reference + tol(reference),
        Direction::Tracked => false,
    }
}
