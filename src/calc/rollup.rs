//! Rolling several units' plans up into one total.
//!
//! Numerators and denominators are summed, never percentages averaged; counts
//! are summed; fractions of units are summed as k and n. Indicators are
//! matched by `Indicator::key` (code, else id) and the level they are set
//! for (their own, else their plan's); one whose definition (kind,
//! direction, comparator, unit) differs from the first plan's is reported as
//! a conflict and left out, never silently combined.

use crate::plan::{Actual, Baseline, Figure, Indicator, Kind, Level, Period, Plan, Target, Unit};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

// The roll-up's outcome crosses from the worker that sums many files to the page as JSON.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    pub key: String,
    /// the plan whose indicator differs from the first plan's, and its unit
    pub plan_id: String,
    pub unit: String,
    /// which part of the definition differs: kind, direction, comparator or unit
    pub what: String,
}

/// A figure of the total that could not be formed, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Skipped {
    pub key: String,
    /// `None` for the baseline
    pub period: Option<Period>,
    /// the period's actual, not its target
    #[serde(default)]
    pub actual: bool,
    pub reason: SkipReason,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SkipReason {
    /// a share given as a bare percent cannot be weighted: counts are needed
    PercentWithoutCounts,
    /// some units have the figure and others do not; a partial sum would mislead
    MissingInSomeUnits,
    /// points on a scale or ranks (`Indicator::is_score`) are not added up
    NotAdditive,
    /// a unit's figure no plan can hold (700 of 600 dossiers, a share above
    /// 100%): summed, it would pass for a result
    Impossible,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RollUp {
    pub plan: Plan,
    /// how many plans were rolled up
    pub plans: usize,
    pub conflicts: Vec<Conflict>,
    pub skipped: Vec<Skipped>,
}

fn definition_difference(a: &Indicator, b: &Indicator) -> Option<&'static str> {
    if !a.kind.same_measure(&b.kind) {
        Some("kind")
    } else if a.direction != b.direction {
        Some("direction")
    } else if a.comparator != b.comparator {
        Some("comparator")
    } else if a.unit_label.trim() != b.unit_label.trim() {
        Some("unit")
    } else {
        None
    }
}

/// Sums figures of one indicator. One figure is returned as it is (a single
/// unit is its own total); several need counts, except plain counts, and
/// scores are never summed. Shares that are all the same (a target handed
/// down alike to every commune) total that share, whatever each unit's size.
fn combine(ind: &Indicator, figures: &[Figure]) -> Result<Figure, SkipReason> {
    let kind = &ind.kind;
    if !figures.iter().all(|f| possible(kind, *f)) {
        return Err(SkipReason::Impossible);
    }
    if let [only] = figures {
        return Ok(*only);
    }
    if ind.is_score() {
        return Err(SkipReason::NotAdditive);
    }
    if let [Figure::Value(first), rest @ ..] = figures {
        if kind.is_percent() && rest.iter().all(|f| *f == Figure::Value(*first)) {
            return Ok(Figure::Value(*first));
        }
    }
    let all_counts = figures.iter().all(|f| matches!(f, Figure::Counts { .. }));
    if all_counts {
        let (n, d) = figures.iter().fold((0.0, 0.0), |(n, d), f| match f {
            Figure::Counts {
                numerator,
                denominator,
            } => (n + numerator, d + denominator),
            Figure::Value(_) => (n, d),
        });
        return Ok(Figure::Counts {
            numerator: n,
            denominator: d,
        });
    }
    match kind {
        Kind::Count => Ok(Figure::Value(
            figures
                .iter()
                .map(|f| match f {
                    Figure::Value(v) => *v,
                    Figure::Counts { numerator, .. } => *numerator,
                })
                .sum(),
        )),
        _ => Err(SkipReason::PercentWithoutCounts),
    }
}

/// Whether a unit's figure can enter a total: nothing negative, and for a
/// share never more handled than there are (700 of 600) nor above 100%. A
/// unit with nothing to count (0 of 0 documents) adds nothing and is kept,
/// though the editor asks for a real denominator when one is typed.
pub fn possible(kind: &Kind, figure: Figure) -> bool {
    let share = !matches!(kind, Kind::Count | Kind::Reduction { .. });
    match figure {
        Figure::Counts {
            numerator,
            denominator,
        } => numerator >= 0.0 && denominator >= 0.0 && (!share || numerator <= denominator),
        Figure::Value(v) => v >= 0.0 && (!share || v <= 100.0),
    }
}

/// A unit's target in counts: a percent target is turned into a numerator
/// over the unit's latest known denominator, so that the total target is
/// weighted by each unit's size.
fn target_in_counts(ind: &Indicator, t: &Target) -> Figure {
    match (t.figure, &ind.kind) {
        (Figure::Value(p), k) if k.is_percent() => {
            let denominator = ind
                .actuals
                .iter()
                .rev()
                .map(|a| a.figure)
                .chain(ind.baseline.iter().map(|b| b.figure))
                .find_map(|f| match f {
                    Figure::Counts { denominator, .. } => Some(denominator),
                    Figure::Value(_) => None,
                });
            match denominator {
                Some(d) => Figure::Counts {
                    numerator: p * d / 100.0,
                    denominator: d,
                },
                None => t.figure,
            }
        }
        _ => t.figure,
    }
}

/// The unit a total of these plans belongs to, when the files say it: the
/// parent unit they all name (compared without case or diacritics). `None`
/// when they name none or different ones; the level is then one above the
/// files' own (`Level::above` of the level most of them have).
pub fn rollup_unit(plans: &[&Plan]) -> Result<Unit, Level> {
    let parents: Vec<&Unit> = plans
        .iter()
        .filter_map(|p| p.parent_unit.as_ref())
        .filter(|u| !u.name.trim().is_empty())
        .collect();
    if let Some(first) = parents.first() {
        if parents.len() == plans.len() && parents.iter().all(|u| u.same(first)) {
            return Ok(Unit {
                name: first.name.trim().to_string(),
                ..(*first).clone()
            });
        }
    }
    let most = Level::ALL
        .iter()
        .copied()
        .max_by_key(|l| plans.iter().filter(|p| p.unit.level == *l).count())
        .unwrap_or_default();
    Err(most.above())
}

/// Rolls up plans into one. The total belongs to `unit`, the level above the
/// files (never to the first file's unit); it takes `title`, the first plan's
/// other header fields, the years of all the plans and the sub-units of all
/// the plans (the known number of units for summed fractions of units).
pub fn roll_up(plans: &[&Plan], title: &str, unit: Unit) -> RollUp {
    let mut conflicts = Vec::new();
    let mut skipped = Vec::new();
    let Some(first) = plans.first() else {
        return RollUp {
            plan: Plan::new("rollup", title, unit, 2025),
            plans: 0,
            conflicts,
            skipped,
        };
    };
    // (key, level) → the matching indicators: one code set for two levels
    // (a province's own work files and its communes') is two indicators
    let mut order: Vec<(&str, Level)> = Vec::new();
    let mut members: HashMap<(&str, Level), Vec<&Indicator>> = HashMap::new();
    for plan in plans {
        for ind in &plan.indicators {
            let at = (ind.key(), ind.applies_to.unwrap_or(plan.unit.level));
            match members.get_mut(&at) {
                Some(list) => match definition_difference(list[0], ind) {
                    Some(what) => conflicts.push(Conflict {
                        key: at.0.to_string(),
                        plan_id: plan.id.clone(),
                        unit: plan.unit.name.clone(),
                        what: what.to_string(),
                    }),
                    None => list.push(ind),
                },
                None => {
                    order.push(at);
                    members.insert(at, vec![ind]);
                }
            }
        }
    }
    let mut total = (*first).clone();
    total.title = title.to_string();
    total.unit = unit;
    total.parent_unit = None;
    total.compare_with = None;
    // the units below each plan (the communes of each district): the known
    // number of units for summed fractions of units
    total.sub_units = plans
        .iter()
        .flat_map(|p| p.sub_units.iter().cloned())
        .collect();
    total.period.start = plans
        .iter()
        .map(|p| p.period.start)
        .min()
        .unwrap_or(total.period.start);
    total.period.end = plans
        .iter()
        .map(|p| p.period.end)
        .max()
        .unwrap_or(total.period.end);
    total.indicators = order
        .iter()
        .map(|at| {
            let list = &members[at];
            let key = &at.0;
            let mut ind: Indicator = list[0].clone();
            let mut skip = |period, actual, reason| {
                skipped.push(Skipped {
                    key: key.to_string(),
                    period,
                    actual,
                    reason,
                })
            };
            // baseline
            let baselines: Vec<&Baseline> =
                list.iter().filter_map(|i| i.baseline.as_ref()).collect();
            ind.baseline = if baselines.is_empty() {
                None
            } else if baselines.len() < list.len() {
                skip(None, false, SkipReason::MissingInSomeUnits);
                None
            } else {
                let figs: Vec<Figure> = baselines.iter().map(|b| b.figure).collect();
                match combine(&ind, &figs) {
                    Ok(figure) => {
                        let same = |f: &dyn Fn(&Baseline) -> bool| baselines.iter().all(|b| f(b));
                        let as_of = baselines[0]
                            .as_of
                            .filter(|d| same(&|b| b.as_of == Some(*d)));
                        let src = &baselines[0].source;
                        let source = if same(&|b| &b.source == src) {
                            src.clone()
                        } else {
                            String::new()
                        };
                        Some(Baseline {
                            figure,
                            as_of,
                            source,
                        })
                    }
                    Err(reason) => {
                        skip(None, false, reason);
                        None
                    }
                }
            };
            // targets and actuals, period by period
            let periods: std::collections::BTreeSet<Period> = list
                .iter()
                .flat_map(|i| i.targets.iter().map(|t| t.period))
                .collect();
            ind.targets = periods
                .into_iter()
                .filter_map(|p| {
                    let ts: Vec<(&Indicator, &Target)> = list
                        .iter()
                        .filter_map(|i| i.target_for(p).map(|t| (*i, t)))
                        .collect();
                    if ts.len() < list.len() {
                        skip(Some(p), false, SkipReason::MissingInSomeUnits);
                        return None;
                    }
                    let figs: Vec<Figure> = if ts.len() == 1 {
                        vec![ts[0].1.figure]
                    } else {
                        ts.iter().map(|(i, t)| target_in_counts(i, t)).collect()
                    };
                    let upper = match ts.as_slice() {
                        [(_, t)] => t.upper,
                        _ if matches!(ind.kind, Kind::Count) => {
                            ts.iter().map(|(_, t)| t.upper).sum()
                        }
                        _ => None,
                    };
                    // the items still expected add up, where every unit expects some
                    let forecast = ts.iter().map(|(_, t)| t.forecast).sum::<Option<f64>>();
                    let combined = match combine(&ind, &figs) {
                        // the same share asked of every unit, some of them in counts: that share
                        Err(SkipReason::PercentWithoutCounts) => {
                            let raw: Vec<Figure> = ts.iter().map(|(_, t)| t.figure).collect();
                            combine(&ind, &raw)
                        }
                        other => other,
                    };
                    match combined {
                        Ok(figure) => Some(Target {
                            period: p,
                            figure,
                            upper,
                            forecast,
                        }),
                        Err(reason) => {
                            skip(Some(p), false, reason);
                            None
                        }
                    }
                })
                .collect();
            let periods: std::collections::BTreeSet<Period> = list
                .iter()
                .flat_map(|i| i.actuals.iter().map(|a| a.period))
                .collect();
            ind.actuals = periods
                .into_iter()
                .filter_map(|p| {
                    let figs: Vec<Figure> = list
                        .iter()
                        .filter_map(|i| i.actual_for(p).map(|a| a.figure))
                        .collect();
                    if figs.len() < list.len() {
                        skip(Some(p), true, SkipReason::MissingInSomeUnits);
                        return None;
                    }
                    match combine(&ind, &figs) {
                        Ok(figure) => Some(Actual { period: p, figure }),
                        Err(reason) => {
                            skip(Some(p), true, reason);
                            None
                        }
                    }
                })
                .collect();
            std::rc::Rc::new(ind)
        })
        .collect();
    RollUp {
        plan: total,
        plans: plans.len(),
        conflicts,
        skipped,
    }
}
