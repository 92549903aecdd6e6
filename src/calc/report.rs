//! The results report ("báo cáo kết quả thực hiện"): for a plan and a period,
//! what each indicator reached against its target, the verdict, group by
//! group, and the line every report starts with: "đạt N/M chỉ tiêu".

use super::progress::{Basis, Status};
use super::{evaluate, value, Evaluation};
use crate::plan::{Direction, Figure, Indicator, Period, Plan};
use std::rc::Rc;

#[derive(Clone, Debug, PartialEq)]
pub struct ReportRow {
    pub indicator: Rc<Indicator>,
    pub evaluation: Evaluation,
    /// what was reached for the period: its latest actual, but for a period
    /// that is over only a figure of its end (an earlier interim figure is
    /// shown in its own column, never as the period's result)
    pub reached: Option<super::Reported>,
    /// the share of the target reached, beside `reached`
    pub achievement: Option<f64>,
    /// the actuals of the periods inside the one reported on (quarters and
    /// halves of a year), in the order of `Report::interim`
    pub interim: Vec<Option<Figure>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ReportGroup {
    pub name: String,
    pub rows: Vec<ReportRow>,
    /// indicators met, of those judged (with a target, not only tracked)
    pub met: usize,
    pub judged: usize,
    /// of those judged, how many have no actual for the period yet
    pub no_actual: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub period: Period,
    pub groups: Vec<ReportGroup>,
    /// the shorter periods inside `period` that have an actual somewhere
    pub interim: Vec<Period>,
    pub met: usize,
    pub judged: usize,
    /// of those judged, how many have no actual for the period yet: "đạt 9/24"
    /// is said with "13 chưa có số liệu", never alone
    pub no_actual: usize,
    /// of those judged, how many the period ended without (`Status::NotMet`)
    pub not_met: usize,
}

/// The results of a plan for a period, as of the basis's date.
///
/// Each indicator's verdict is its status (`status`): for a period that is
/// over, met, not met, or no actual; for a period still running, on track or
/// behind as well. An indicator is judged when it has a target for the period
/// with a value and is not only tracked; "đạt N/M" counts the judged ones met.
/// The quarters and halves inside the period that have actuals are listed as
/// the report's interim columns.
pub fn results(plan: &Plan, basis: Basis, period: Period) -> Report {
    let mut interim: Vec<Period> = plan
        .indicators
        .iter()
        .flat_map(|i| i.actuals.iter().map(|a| a.period))
        .filter(|p| *p != period && p.within(period) && !matches!(p, Period::Date(_)))
        .collect();
    crate::sort::sort(&mut interim);
    interim.dedup();
    let groups = plan
        .groups()
        .into_iter()
        .map(|g| {
            let rows: Vec<ReportRow> = plan
                .indicators
                .iter()
                .filter(|i| i.group == g)
                .map(|i| {
                    let evaluation = evaluate(i, basis, period);
                    let over = basis.over(period);
                    let reached = evaluation
                        .actual
                        .filter(|a| !over || a.date >= period.end());
                    ReportRow {
                        indicator: i.clone(),
                        achievement: evaluation.shown.filter(|_| reached.is_some()),
                        reached,
                        evaluation,
                        interim: interim
                            .iter()
                            .map(|p| i.actual_for(*p).map(|a| a.figure))
                            .collect(),
                    }
                })
                .collect();
            let judged_rows = rows.iter().filter(|r| {
                r.indicator.direction != Direction::Tracked
                    && r.indicator
                        .target_for(period)
                        .is_some_and(|t| value(&r.indicator.kind, t.figure).is_some())
            });
            let judged = judged_rows.clone().count();
            let no_actual = judged_rows
                .clone()
                .filter(|r| r.evaluation.status == Status::NoActual)
                .count();
            let met = judged_rows
                .filter(|r| r.evaluation.status == Status::Met)
                .count();
            ReportGroup {
                name: g.to_string(),
                rows,
                met,
                judged,
                no_actual,
            }
        })
        .collect::<Vec<_>>();
    let met = groups.iter().map(|g| g.met).sum();
    let judged = groups.iter().map(|g| g.judged).sum();
    let no_actual = groups.iter().map(|g| g.no_actual).sum();
    let not_met = groups
        .iter()
        .flat_map(|g| &g.rows)
        .filter(|r| r.evaluation.status == Status::NotMet)
        .count();
    Report {
        period,
        groups,
        interim,
        met,
        judged,
        no_actual,
        not_met,
    }
}
