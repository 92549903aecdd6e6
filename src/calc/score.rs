//! The composite score of a plan, per group and overall.

use super::figure::capped;
use super::progress::{Basis, Status};
use crate::plan::{Direction, Period, Plan};

#[derive(Clone, Debug, PartialEq)]
pub struct GroupScore {
    pub group: String,
    /// 0–100, `None` when no indicator of the group has an actual
    pub score: Option<f64>,
    /// indicators scored: judged and with an actual
    pub scored: usize,
    /// indicators judged: not only tracked, and with a target for the period
    pub judged: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    /// `None` when no indicator has an actual: a draft has no score
    pub overall: Option<f64>,
    pub groups: Vec<GroupScore>,
    pub scored: usize,
    pub judged: usize,
}

/// The composite score for a period, as of the basis's date.
///
/// An indicator is judged when it is not only tracked and has a target for
/// the period; it is scored when its status rests on an actual (met, on
/// track, behind, not met), never on the baseline alone. A scored indicator
/// counts 1 when it meets the target, else its achievement ratio (actual /
/// target, or target / actual when lower is better) capped to 0–1 and kept
/// below 1 (a strict miss at the bound, "trên 97%" at 97%, is not a full mark). Its
/// weight is the one given, else 1 (a zero or negative weight leaves it
/// out). A group's score is the weighted mean of its scored indicators; the
/// overall score the weighted mean over every scored indicator (so each
/// indicator counts by its own weight whatever the size of its group). Both
/// are out of 100 and say what they cover: scored of judged.
pub fn score(plan: &Plan, basis: Basis, period: Period) -> Score {
    // group → (weighted sum, weights, scored, judged)
    let mut groups: Vec<(String, f64, f64, usize, usize)> = plan
        .groups()
        .into_iter()
        .map(|g| (g.to_string(), 0.0, 0.0, 0, 0))
        .collect();
    for ind in &plan.indicators {
        let Some(slot) = groups.iter_mut().find(|g| g.0 == ind.group) else {
            continue;
        };
        if ind.direction == Direction::Tracked || ind.target_for(period).is_none() {
            continue;
        }
        slot.4 += 1;
        let e = super::evaluate(ind, basis, period);
        let s = match e.status {
            Status::Met => 1.0,
            Status::OnTrack | Status::Behind | Status::NotMet => e.shown.map(capped).unwrap_or(0.0),
            _ => continue,
        };
        let weight = ind.weight.unwrap_or(1.0);
        if weight > 0.0 && weight.is_finite() {
            slot.1 += s * weight;
            slot.2 += weight;
            slot.3 += 1;
        }
    }
    let (sum, weights) = groups
        .iter()
        .fold((0.0, 0.0), |(s, w), g| (s + g.1, w + g.2));
    let mean = |s: f64, w: f64| (w > 0.0).then(|| s / w * 100.0);
    Score {
        overall: mean(sum, weights),
        scored: groups.iter().map(|g| g.3).sum(),
        judged: groups.iter().map(|g| g.4).sum(),
        groups: groups
            .into_iter()
            .map(|(group, s, w, scored, judged)| GroupScore {
                group,
                score: mean(s, w),
                scored,
                judged,
            })
            .collect(),
    }
}
