//! Consistency warnings: things a careful reviewer at the level above would
//! circle in red. They never block editing; each names its indicator.

use super::figure::{meets_target, value, weaker};
use crate::plan::{Direction, Figure, Indicator, Kind, Period, Plan};

/// Where in an indicator a figure sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Baseline,
    Target(Period),
    Actual(Period),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Warning {
    /// the baseline already meets the target: the target asks no more than
    /// today ("mục tiêu không cao hơn hiện trạng"); normal for a target that
    /// maintains a level, which the planner can acknowledge
    TargetNotAboveBaseline {
        indicator: String,
        period: Period,
    },
    PercentAbove100 {
        indicator: String,
        at: Place,
    },
    NumeratorAboveDenominator {
        indicator: String,
        at: Place,
    },
    NegativeFigure {
        indicator: String,
        at: Place,
    },
    /// 16 of 15 communes: more units than the plan has
    CountAboveUnits {
        indicator: String,
        at: Place,
        count: f64,
        units: usize,
    },
    /// the parent plan asks more for the same indicator and period
    WeakerThanParent {
        indicator: String,
        period: Period,
        parent: f64,
    },
    DeadlineOutsidePeriod {
        indicator: String,
        period: Period,
    },
    MissingBaseline {
        indicator: String,
    },
}

impl Warning {
    pub fn indicator(&self) -> &str {
        match self {
            Warning::TargetNotAboveBaseline { indicator, .. }
            | Warning::PercentAbove100 { indicator, .. }
            | Warning::NumeratorAboveDenominator { indicator, .. }
            | Warning::NegativeFigure { indicator, .. }
            | Warning::CountAboveUnits { indicator, .. }
            | Warning::WeakerThanParent { indicator, .. }
            | Warning::DeadlineOutsidePeriod { indicator, .. }
            | Warning::MissingBaseline { indicator } => indicator,
        }
    }

    /// A stable name, kept in a plan when the planner acknowledges the warning.
    pub fn code(&self) -> &'static str {
        match self {
            Warning::TargetNotAboveBaseline { .. } => crate::plan::TARGET_NOT_ABOVE_BASELINE,
            Warning::PercentAbove100 { .. } => "percent_above_100",
            Warning::NumeratorAboveDenominator { .. } => "numerator_above_denominator",
            Warning::NegativeFigure { .. } => "negative_figure",
            Warning::CountAboveUnits { .. } => "count_above_units",
            Warning::WeakerThanParent { .. } => crate::plan::WEAKER_THAN_PARENT,
            Warning::DeadlineOutsidePeriod { .. } => "deadline_outside_period",
            Warning::MissingBaseline { .. } => "missing_baseline",
        }
    }

    /// The period the warning is about, where it is about one.
    pub fn period(&self) -> Option<Period> {
        match self {
            Warning::TargetNotAboveBaseline { period, .. }
            | Warning::WeakerThanParent { period, .. }
            | Warning::DeadlineOutsidePeriod { period, .. } => Some(*period),
            Warning::PercentAbove100 { at, .. }
            | Warning::NumeratorAboveDenominator { at, .. }
            | Warning::NegativeFigure { at, .. }
            | Warning::CountAboveUnits { at, .. } => match at {
                Place::Baseline => None,
                Place::Target(p) | Place::Actual(p) => Some(*p),
            },
            Warning::MissingBaseline { .. } => None,
        }
    }
}

/// The reason the planner gave for accepting a warning, if they did.
pub fn acknowledged<'a>(plan: &'a Plan, w: &Warning) -> Option<&'a str> {
    plan.indicator(w.indicator())?
        .acknowledgement(w.code(), w.period())
        .map(|a| a.reason.as_str())
}

/// Warnings on one figure, wherever it sits; `units` is the number of the
/// plan's sub-units (0 when unknown).
pub fn figure_warnings(
    units: usize,
    ind: &Indicator,
    figure: Figure,
    at: Place,
    out: &mut Vec<Warning>,
) {
    let id = || ind.id.clone();
    let negative = match figure {
        Figure::Value(v) => v < 0.0 && !matches!(ind.kind, Kind::Reduction { .. }),
        Figure::Counts {
            numerator,
            denominator,
        } => numerator < 0.0 || denominator < 0.0,
    };
    if negative {
        out.push(Warning::NegativeFigure {
            indicator: id(),
            at,
        });
    }
    if let Figure::Counts {
        numerator,
        denominator,
    } = figure
    {
        // a reduction's pair is (current amount, reference amount): current may exceed it
        if numerator > denominator && !matches!(ind.kind, Kind::Count | Kind::Reduction { .. }) {
            out.push(Warning::NumeratorAboveDenominator {
                indicator: id(),
                at,
            });
        }
    }
    if ind.kind.is_percent() {
        if let Some(v) = value(&ind.kind, figure) {
            if v > 100.0 + 1e-9 {
                out.push(Warning::PercentAbove100 {
                    indicator: id(),
                    at,
                });
            }
        }
    }
    if matches!(ind.kind, Kind::FractionOfUnits) && units > 0 {
        let count = match figure {
            Figure::Counts {
                numerator,
                denominator,
            } => numerator.max(denominator),
            Figure::Value(_) => 0.0,
        };
        if count > units as f64 {
            out.push(Warning::CountAboveUnits {
                indicator: id(),
                at,
                count,
                units,
            });
        }
    }
}

/// The parent's target that a local target answers to: the one of the same
/// period, else the latest one due before it (a level the level above
/// required earlier still holds). Never one due after it: a milestone inside
/// the year (50% by Q2) is a step towards the year's target, not weaker than
/// it.
pub fn parent_target(parent: &Indicator, period: Period) -> Option<&crate::plan::Target> {
    parent
        .target_for(period)
        .or_else(|| {
            parent
                .targets
                .iter()
                .rev()
                .find(|t| t.period.end() <= period.end())
        })
}

/// The parent plan's indicator a local one answers to: the same key, set for
/// the same level (the indicator's own, else its plan's), so that a
/// province's own target and its communes' each meet their own; else the
/// parent's indicator of that key set for no particular level.
pub fn counterpart<'a>(
    parent: &'a Plan,
    plan: &Plan,
    ind: &Indicator,
) -> Option<&'a std::rc::Rc<Indicator>> {
    let level = ind.applies_to.unwrap_or(plan.unit.level);
    let same = || parent.indicators.iter().filter(|p| p.key() == ind.key());
    same()
        .find(|p| p.applies_to.unwrap_or(parent.unit.level) == level)
        .or_else(|| same().find(|p| p.applies_to.is_none()))
}

/// Every warning on a plan, in indicator order. `parent` is the plan of the
/// level above (or the national reference set), matched by indicator key.
pub fn warnings(plan: &Plan, parent: Option<&Plan>) -> Vec<Warning> {
    let mut out = Vec::new();
    for ind in &plan.indicators {
        match &ind.baseline {
            None => out.push(Warning::MissingBaseline {
                indicator: ind.id.clone(),
            }),
            Some(b) => figure_warnings(
                plan.sub_units.len(),
                ind,
                b.figure,
                Place::Baseline,
                &mut out,
            ),
        }
        let base = ind
            .baseline
            .as_ref()
            .and_then(|b| value(&ind.kind, b.figure));
        let judged = ind.direction != Direction::Tracked;
        let parent_ind = parent.and_then(|p| counterpart(p, plan, ind)).map(|p| &**p);
        for t in &ind.targets {
            figure_warnings(
                plan.sub_units.len(),
                ind,
                t.figure,
                Place::Target(t.period),
                &mut out,
            );
            if !plan.period.contains(t.period.year()) {
                out.push(Warning::DeadlineOutsidePeriod {
                    indicator: ind.id.clone(),
                    period: t.period,
                });
            }
            let Some(tv) = value(&ind.kind, t.figure) else {
                continue;
            };
            if let Some(b) = base.filter(|_| judged) {
                if meets_target(ind, b, t) == Some(true) {
                    out.push(Warning::TargetNotAboveBaseline {
                        indicator: ind.id.clone(),
                        period: t.period,
                    });
                }
            }
            // counts of a sub-unit are naturally below the parent's: only shares
            // and scores (points on one scale, `Indicator::is_score`) compare
            let alike = |p: &Indicator| {
                (p.kind.is_percent() && ind.kind.is_percent()) || (p.is_score() && ind.is_score())
            };
            if let Some(p) = parent_ind.filter(|p| judged && alike(p)) {
                let parent_target = parent_target(p, t.period);
                if let Some(pv) = parent_target.and_then(|pt| value(&p.kind, pt.figure)) {
                    if weaker(ind.direction, tv, pv) {
                        out.push(Warning::WeakerThanParent {
                            indicator: ind.id.clone(),
                            period: t.period,
                            parent: pv,
                        });
                    }
                }
            }
        }
        for a in &ind.actuals {
            figure_warnings(
                plan.sub_units.len(),
                ind,
                a.figure,
                Place::Actual(a.period),
                &mut out,
            );
        }
    }
    out
}
