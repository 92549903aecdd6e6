//! The composite score of a plan, per group and overall.

use super::figure::{achievement, capped, meets_target, value};
use super::progress::current;
use crate::plan::{Date, Period, Plan};

#[derive(Clone, Debug, PartialEq)]
pub struct GroupScore {
    pub group: String,
    /// 0–100, `None` when no indicator of the group could be scored
    pub score: Option<f64>,
    pub scored: usize,
    pub unscored: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    pub overall: Option<f64>,
    pub groups: Vec<GroupScore>,
    pub scored: usize,
    pub unscored: usize,
}

/// The composite score for a period.
///
/// Each indicator that has a target for the period and a current figure at
/// the period's end scores 1 when it meets the target, else its achievement
/// ratio (current / target, or target / current when lower is better) capped
/// to 0–1. Its weight is the one given, else 1 (a zero or negative weight
/// leaves it out). A group's score is the weighted mean of its indicators'
/// scores; the overall score is the weighted mean over every scored indicator
/// (not the mean of the group scores, so each indicator counts by its own
/// weight whatever the size of its group). Both are shown out of 100.
/// Indicators without a target or a figure are counted as unscored.
pub fn score(plan: &Plan, period: Period) -> Score {
    let start = Date::start_of_year(plan.period.start);
    let mut groups: Vec<(String, f64, f64, usize, usize)> =
        plan.groups().into_iter().map(|g| (g.to_string(), 0.0, 0.0, 0, 0)).collect();
    for ind in &plan.indicators {
        let slot = groups.iter_mut().find(|g| g.0 == ind.group).expect("groups come from the indicators");
        let weight = ind.weight.unwrap_or(1.0);
        let scored = ind.target_for(period).and_then(|t| {
            let tv = value(&ind.kind, t.figure)?;
            let now = current(ind, period.end(), start)?;
            if meets_target(ind, now.value, t)? {
                return Some(1.0);
            }
            let base = None;
            Some(achievement(ind.direction, base, now.value, tv).ratio.map(capped).unwrap_or(0.0))
        });
        match scored {
            Some(s) if weight > 0.0 && weight.is_finite() => {
                slot.1 += s * weight;
                slot.2 += weight;
                slot.3 += 1;
            }
            _ => slot.4 += 1,
        }
    }
    let (sum, weights) = groups.iter().fold((0.0, 0.0), |(s, w), g| (s + g.1, w + g.2));
    let mean = |s: f64, w: f64| (w > 0.0).then(|| s / w * 100.0);
    Score {
        overall: mean(sum, weights),
        scored: groups.iter().map(|g| g.3).sum(),
        unscored: groups.iter().map(|g| g.4).sum(),
        groups: groups
            .into_iter()
            .map(|(group, s, w, scored, unscored)| GroupScore { group, score: mean(s, w), scored, unscored })
            .collect(),
    }
}
