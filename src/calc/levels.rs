//! Plans between levels: a parent plan handed down to its sub-units, and the
//! files they send back collected into a units × indicators view with a
//! total, the units behind, and the units that sent nothing.

use super::progress::{latest_actual, Basis, Status};
use super::rollup::{roll_up, Conflict, SkipReason, Skipped};
use super::value;
use crate::plan::{Figure, Indicator, Period, Plan, Unit, YearSpan};
use std::rc::Rc;

/// One plan for a sub-unit, handed down from its parent's plan.
///
/// It has the parent's indicators whose keys are in `keys` (all when `None`),
/// in the parent's order, with their ids, codes and definitions; the targets
/// of shares are the parent's (a commune answers to the province's 100%),
/// while the targets of counts are left to the sub-unit (the province's 103
/// services are not each commune's), unless the parent set the count for the
/// sub-unit's level ("each commune: at least 2 trained staff", an indicator
/// `applies_to` that level). Baselines, actuals, forecasts and
/// accepted warnings are left for the sub-unit to write. The parent is
/// recorded as the level above (`parent_unit`, `compare_with`) and the plan
/// covers the parent's years.
pub fn hand_down(
    parent: &Plan,
    unit: &Unit,
    keys: Option<&[String]>,
    id: &str,
    title: &str,
) -> Plan {
    let mut p = Plan::new(id, title, unit.clone(), parent.period.start);
    p.period = parent.period;
    p.parent_unit = Some(parent.unit.clone());
    p.compare_with = Some(parent.id.clone());
    let own = |i: &Indicator| i.applies_to == Some(unit.level);
    p.indicators = for_level(parent, unit.level)
        .filter(|i| keys.is_none_or(|k| k.iter().any(|k| k == i.key())))
        .map(|i| {
            let mut ind: Indicator = (**i).clone();
            // set for the sub-unit's level: it is the sub-unit's own indicator now
            let set_for_it = own(&ind);
            if set_for_it {
                ind.applies_to = None;
            }
            ind.baseline = None;
            ind.actuals.clear();
            ind.acknowledged.clear();
            if ind.kind.is_percent() || set_for_it {
                for t in &mut ind.targets {
                    t.forecast = None;
                }
            } else {
                ind.targets.clear();
            }
            Rc::new(ind)
        })
        .collect();
    p
}

/// The parent's indicators as a sub-unit of `level` has them: a province plan
/// may carry one code twice, its own target and its communes' ("VB-03" and
/// "VB-03 (cấp xã)"); the one set for the sub-unit's level is taken, once.
pub fn for_level(parent: &Plan, level: crate::plan::Level) -> impl Iterator<Item = &Rc<Indicator>> {
    let own = move |i: &Indicator| i.applies_to == Some(level);
    parent.indicators.iter().filter(move |i| {
        own(i)
            || !parent
                .indicators
                .iter()
                .any(|o| o.key() == i.key() && !Rc::ptr_eq(o, i) && own(o))
    })
}

/// One unit's figure for an indicator in the collection.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    /// the latest actual that counts, as the unit reported it
    pub figure: Option<Figure>,
    pub value: Option<f64>,
    pub status: Status,
    /// a figure no plan can hold (700 of 600 dossiers): shown as wrong, never
    /// judged, and left out of the total (`SkipReason::Impossible`)
    pub impossible: bool,
    /// the parent's target for the period, where the unit's own asks less
    /// (a commune that lowered the 100% handed down to 90%): the unit is judged
    /// against its own, and the province is told
    pub lowered_from: Option<f64>,
}

/// The units' total for an indicator in the collection.
#[derive(Clone, Debug, PartialEq)]
pub struct Total {
    /// the sum of the units that reported (counts summed, never percentages averaged)
    pub figure: Option<Figure>,
    pub value: Option<f64>,
    /// the period the figure is of: the collected one, or a shorter one inside
    /// it (a quarter) when that is what the units reported
    pub of: Option<Period>,
    /// fewer units reported a figure than are expected: the total is provisional
    pub partial: bool,
    /// against the parent's own target where it has one; `None` when the total
    /// cannot be judged yet (see `collect`)
    pub status: Option<Status>,
}

/// A unit that sent a plan, and its figure for each indicator of the
/// collection (`None`: its plan does not have the indicator).
#[derive(Clone, Debug, PartialEq)]
pub struct UnitRow {
    pub unit: Unit,
    pub plan_id: String,
    pub cells: Vec<Option<Cell>>,
}

impl UnitRow {
    /// Some indicator is behind or not met.
    pub fn behind(&self) -> bool {
        self.cells
            .iter()
            .flatten()
            .any(|c| matches!(c.status, Status::Behind | Status::NotMet))
    }

    /// No indicator has an actual: the unit has reported nothing yet.
    pub fn reported_nothing(&self) -> bool {
        self.cells.iter().flatten().all(|c| {
            matches!(
                c.status,
                Status::NoActual | Status::NoTarget | Status::Tracked
            )
        })
    }
}

/// A file that does not fit the collection, and why.
#[derive(Clone, Debug, PartialEq)]
pub enum Misfit {
    /// its plan does not cover the period collected
    OtherPeriod {
        unit: Unit,
        plan_id: String,
        years: YearSpan,
    },
    /// a second file from a unit already collected (the later one is kept)
    Replaced { unit: Unit, plan_id: String },
    /// a unit that is not one of the parent's sub-units (another province's
    /// commune, the parent's own plan): never counted in the total
    NotASubUnit { unit: Unit, plan_id: String },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Collection {
    pub period: Period,
    /// the indicators collected: the parent's, in its order
    pub indicators: Vec<Rc<Indicator>>,
    pub rows: Vec<UnitRow>,
    /// the total of the units for each indicator: numerators, denominators
    /// and counts summed (never percentages averaged), judged against the
    /// parent's own target where it has one
    pub total: Vec<Option<Total>>,
    /// expected sub-units (the parent's) that sent no file
    pub missing: Vec<Unit>,
    pub misfits: Vec<Misfit>,
    /// indicators defined differently in a unit's file, left out of the total
    pub conflicts: Vec<Conflict>,
    /// figures of the total that could not be formed
    pub skipped: Vec<Skipped>,
    /// for each indicator, how many units' files give a figure for it (the
    /// total is formed only when every file collected gives one)
    pub reported: Vec<usize>,
    /// how many units are expected: the parent's sub-units, else the units collected
    pub expected: usize,
}

fn cell(ind: &Indicator, basis: Basis, period: Period) -> Cell {
    let latest = latest_actual(ind, basis, period);
    Cell {
        figure: latest.map(|a| a.figure),
        value: latest.map(|a| a.value),
        status: super::status(ind, basis, period),
        impossible: latest.is_some_and(|a| !super::rollup::possible(&ind.kind, a.figure)),
        lowered_from: None,
    }
}

/// The parent's target value for the period where the unit's own asks less
/// of a share (counts are the unit's to set, see `hand_down`).
fn lowered_from(parent: &Indicator, unit: &Indicator, period: Period) -> Option<f64> {
    if !(parent.kind.is_percent() && unit.kind.is_percent()) {
        return None;
    }
    let asked = value(&parent.kind, parent.target_for(period)?.figure)?;
    let own = value(&unit.kind, unit.target_for(period)?.figure)?;
    super::figure::weaker(parent.direction, own, asked).then_some(asked)
}

/// Collects the plans the sub-units sent back against their parent's plan,
/// for a period, as of the parent's basis.
///
/// Units are matched to the parent's sub-units by official code, else by
/// name (`Unit::same`); a unit's indicators to the parent's by key. A file
/// whose plan does not cover the period is reported and left out, and so is
/// an earlier file of a unit that sent two, and a file of a unit that is not
/// one of the parent's sub-units (or is the parent itself). The same file
/// added twice counts once. The total is the roll-up of the files that fit
/// (`roll_up`), judged against the parent's targets. Expected sub-units that
/// sent no file at all are `missing`; one that sent a file that does not fit
/// is among the misfits, not the missing.
///
/// A total of fewer units than expected is `partial`. A share so formed is
/// judged (the share of the units that reported, a fair reading of the
/// whole while it is marked provisional); a count so formed is not: the sum
/// of 2 communes' services set against the province's target for all of
/// them would read as behind only because the others have not reported.
pub fn collect(parent: &Plan, files: &[&Plan], basis: Basis, period: Period) -> Collection {
    let mut misfits = Vec::new();
    let mut kept: Vec<&Plan> = Vec::new();
    for (k, plan) in files.iter().enumerate() {
        if files[k + 1..].iter().any(|later| later.id == plan.id) {
            continue;
        }
        let sub_unit = if parent.sub_units.is_empty() {
            !plan.unit.same(&parent.unit)
        } else {
            parent.sub_units.iter().any(|u| u.same(&plan.unit))
        };
        if !sub_unit {
            misfits.push(Misfit::NotASubUnit {
                unit: plan.unit.clone(),
                plan_id: plan.id.clone(),
            });
            continue;
        }
        if !plan.period.contains(period.year()) {
            misfits.push(Misfit::OtherPeriod {
                unit: plan.unit.clone(),
                plan_id: plan.id.clone(),
                years: plan.period,
            });
            continue;
        }
        if let Some(at) = kept.iter().position(|k| k.unit.same(&plan.unit)) {
            misfits.push(Misfit::Replaced {
                unit: kept[at].unit.clone(),
                plan_id: kept[at].id.clone(),
            });
            kept.remove(at);
        }
        kept.push(plan);
    }
    let level = parent
        .sub_units
        .first()
        .map_or(crate::plan::Level::Commune, |u| u.level);
    let indicators: Vec<Rc<Indicator>> = for_level(parent, level).cloned().collect();
    let unit_basis = |p: &Plan| Basis {
        plan_start: crate::plan::Date::start_of_year(p.period.start),
        units: p.sub_units.len(),
        ..basis
    };
    let rows: Vec<UnitRow> = kept
        .iter()
        .map(|plan| UnitRow {
            unit: plan.unit.clone(),
            plan_id: plan.id.clone(),
            cells: indicators
                .iter()
                .map(|i| {
                    plan.indicators
                        .iter()
                        .find(|x| x.key() == i.key())
                        .map(|x| Cell {
                            lowered_from: lowered_from(i, x, period),
                            ..cell(x, unit_basis(plan), period)
                        })
                })
                .collect(),
        })
        .collect();
    // an indicator none of the units' files carries (one left out when the
    // targets were handed down) is no column: it would read "not in this plan" all down
    let carried: Vec<bool> = (0..indicators.len())
        .map(|k| rows.is_empty() || rows.iter().any(|r| r.cells[k].is_some()))
        .collect();
    let indicators: Vec<Rc<Indicator>> = indicators
        .into_iter()
        .zip(&carried)
        .filter_map(|(i, keep)| keep.then_some(i))
        .collect();
    let rows: Vec<UnitRow> = rows
        .into_iter()
        .map(|mut r| {
            r.cells = std::mem::take(&mut r.cells)
                .into_iter()
                .zip(&carried)
                .filter_map(|(c, keep)| keep.then_some(c))
                .collect();
            r
        })
        .collect();
    let missing = parent
        .sub_units
        .iter()
        .filter(|u| !files.iter().any(|p| p.unit.same(u)))
        .cloned()
        .collect();
    let rolled = roll_up(&kept, &parent.title, parent.unit.clone());
    let total_basis = Basis {
        units: kept.iter().map(|p| p.sub_units.len()).sum(),
        ..unit_basis(parent)
    };
    let reported: Vec<usize> = (0..indicators.len())
        .map(|k| {
            rows.iter()
                .filter(|r| r.cells[k].as_ref().is_some_and(|c| c.value.is_some()))
                .count()
        })
        .collect();
    let mut skipped = rolled.skipped;
    let mut conflicts = rolled.conflicts;
    let total = indicators
        .iter()
        .enumerate()
        .map(|(k, i)| {
            let mut t: Indicator = if (1..rows.len()).contains(&reported[k]) {
                // some files leave it blank: the sum of the units that have it, as
                // a unit that sent no file is left out
                let having: Vec<Plan> = kept
                    .iter()
                    .zip(&rows)
                    .filter(|(_, r)| r.cells[k].as_ref().is_some_and(|c| c.value.is_some()))
                    .filter_map(|(p, _)| {
                        let own = p.indicators.iter().find(|x| x.key() == i.key())?;
                        Some(Plan {
                            indicators: vec![own.clone()],
                            ..(*p).clone()
                        })
                    })
                    .collect();
                let having: Vec<&Plan> = having.iter().collect();
                let some = roll_up(&having, &parent.title, parent.unit.clone());
                // the actuals are no longer left out for the blanks; what else stops them is said
                skipped.retain(|s| {
                    !(s.key == i.key() && s.actual && s.reason == SkipReason::MissingInSomeUnits)
                });
                skipped.extend(some.skipped.into_iter().filter(|s| s.actual));
                (**some.plan.indicators.first()?).clone()
            } else {
                (**rolled.plan.indicators.iter().find(|x| x.key() == i.key())?).clone()
            };
            // the units' figures of another kind than the parent's indicator are no total of it
            if !t.kind.same_measure(&i.kind) {
                let carrying = kept.iter().zip(&rows).find(|(_, r)| r.cells[k].is_some());
                if let Some((first, _)) = carrying {
                    conflicts.push(Conflict {
                        key: i.key().to_string(),
                        plan_id: first.id.clone(),
                        unit: first.unit.name.clone(),
                        what: "kind".into(),
                    });
                }
                return None;
            }
            if i.targets.iter().any(|t| value(&i.kind, t.figure).is_some()) {
                t.targets = i.targets.clone();
            }
            let of = latest_actual(&t, total_basis, period).map(|a| a.period);
            Some((cell(&t, total_basis, period), of))
        })
        .collect::<Vec<_>>();
    // the collection shows the actuals known by the period's end against the
    // parent's targets: a baseline, a later period or a target the parent sets
    // itself is not missing from it, and saying so would send the planner looking
    skipped.retain(|s| {
        let own_target = || {
            indicators
                .iter()
                .find(|i| i.key() == s.key)
                .is_some_and(|i| i.target_for(period).is_some())
        };
        s.period.is_some_and(|p| {
            if s.actual {
                p.start() <= period.end()
            } else {
                p == period && !own_target()
            }
        })
    });
    let expected = parent.sub_units.len().max(rows.len());
    let total = total
        .into_iter()
        .zip(&indicators)
        .zip(&reported)
        .map(|((c, i), n)| {
            c.map(|(c, of)| {
                // nothing reported is no sum at all, not a provisional one
                let partial = *n < expected && c.value.is_some();
                Total {
                    figure: c.figure,
                    value: c.value,
                    of,
                    partial,
                    status: (!partial || i.kind.is_percent()).then_some(c.status),
                }
            })
        })
        .collect();
    Collection {
        period,
        indicators,
        rows,
        total,
        missing,
        misfits,
        conflicts,
        skipped,
        reported,
        expected,
    }
}

/// The totals the parent plan can take as its actuals: (the parent's
/// indicator id, the period the total is of, the total's figure), for every
/// total that is whole (every expected unit has reported) and differs from
/// what the plan already has for that period. A provisional total is never
/// written: in the plan it would be judged as the whole. A total of a
/// quarter the units reported goes to that quarter, not to the year.
pub fn totals_to_take(parent: &Plan, c: &Collection) -> Vec<(String, Period, Figure)> {
    c.indicators
        .iter()
        .zip(&c.total)
        .filter_map(|(i, t)| {
            let t = t.as_ref().filter(|t| !t.partial)?;
            let figure = t.figure.filter(|_| t.value.is_some())?;
            let of = t.of?;
            let own = parent.indicator(&i.id)?;
            (own.actual_for(of).map(|a| a.figure) != Some(figure))
                .then(|| (i.id.clone(), of, figure))
        })
        .collect()
}

/// How many totals are provisional: not taken into the plan until every unit has reported.
pub fn provisional_totals(c: &Collection) -> usize {
    c.total
        .iter()
        .flatten()
        .filter(|t| t.partial && t.value.is_some())
        .count()
}
