//! The trajectory chart, drawn as SVG: baseline, milestones on the straight
//! line to the target, the actuals reported, and the target itself.

use crate::app::labels;
use crate::calc::{self, Dated, Shape, Step};
use crate::i18n::{Lang, M};
use crate::numfmt;
use crate::plan::{Date, Indicator};
use yew::prelude::*;

const W: f64 = 400.0;
const H: f64 = 200.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 40.0;

#[derive(Properties, PartialEq)]
pub struct TrajectoryChartProps {
    pub lang: Lang,
    pub indicator: crate::app::Shared<Indicator>,
    pub start: Date,
}

#[function_component(TrajectoryChart)]
pub fn trajectory_chart(props: &TrajectoryChartProps) -> Html {
    let lang = props.lang;
    let ind = &*props.indicator.0;
    let base = calc::baseline(ind, props.start);
    let last_target = ind.targets.iter().rev().find_map(|t| calc::value(&ind.kind, t.figure).map(|v| Dated { date: t.period.end(), value: v }));
    let (Some(base), Some(target)) = (base, last_target) else {
        return html! { <p class="chart-empty">{ lang.t(M::NoChart) }</p> };
    };
    let years = target.date.year - base.date.year;
    let step = if years <= 1 { Step::Quarter } else { Step::Year };
    let milestones = calc::trajectory(base, target, step, Shape::Linear);
    let actuals: Vec<Dated> = ind
        .actuals
        .iter()
        .filter_map(|a| calc::value(&ind.kind, a.figure).map(|v| Dated { date: a.period.end(), value: v }))
        .collect();
    let mut values: Vec<f64> = vec![base.value, target.value];
    values.extend(milestones.iter().map(|m| m.value));
    values.extend(actuals.iter().map(|a| a.value));
    let lo = values.iter().cloned().fold(f64::INFINITY, f64::min).min(0.0);
    let mut hi = values.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    if ind.kind.is_percent() && hi <= 100.0 {
        hi = 100.0;
    }
    if hi - lo < 1e-9 {
        hi = lo + 1.0;
    }
    let t0 = base.date.day_number() as f64;
    let t1 = (target.date.day_number() as f64).max(actuals.iter().map(|a| a.date.day_number() as f64).fold(t0 + 1.0, f64::max));
    let x = |d: Date| LEFT + (d.day_number() as f64 - t0) / (t1 - t0) * (W - LEFT - RIGHT);
    let y = |v: f64| TOP + (hi - v) / (hi - lo) * (H - TOP - BOTTOM);
    let line: String = std::iter::once((base.date, base.value))
        .chain(milestones.iter().map(|m| (m.period.end(), m.value)))
        .map(|(d, v)| format!("{:.1},{:.1}", x(d), y(v)))
        .collect::<Vec<_>>()
        .join(" ");
    let actual_line: String = std::iter::once((base.date, base.value))
        .chain(actuals.iter().map(|a| (a.date, a.value)))
        .map(|(d, v)| format!("{:.1},{:.1}", x(d), y(v)))
        .collect::<Vec<_>>()
        .join(" ");
    let fmt = |v: f64| labels::value(lang, ind, v);
    let axis_labels = [lo, (lo + hi) / 2.0, hi];
    let rate = actuals.last().copied().or(Some(base)).and_then(|latest| calc::required_rate(latest, target, step));
    let per = lang.t(if step == Step::Year { M::PerYear } else { M::PerQuarter });
    html! {
        <figure class="chart">
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-label={lang.t(M::Trajectory)} class="trajectory">
                { for axis_labels.iter().map(|v| html! {
                    <g class="grid">
                        <line x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={format!("{:.1}", y(*v))} y2={format!("{:.1}", y(*v))} />
                        <text x={(LEFT - 4.0).to_string()} y={format!("{:.1}", y(*v) + 3.0)} text-anchor="end">{ numfmt::format(*v, lang, 0) }</text>
                    </g>
                }) }
                <polyline class="milestones" points={line} />
                if !actuals.is_empty() {
                    <polyline class="actuals" points={actual_line} />
                }
                { for milestones.iter().map(|m| html! {
                    <g class="milestone">
                        <circle cx={format!("{:.1}", x(m.period.end()))} cy={format!("{:.1}", y(m.value))} r="3">
                            <title>{ format!("{}: {}", labels::period(lang, m.period), fmt(m.value)) }</title>
                        </circle>
                        <text x={format!("{:.1}", x(m.period.end()))} y={(H - BOTTOM + 14.0).to_string()} text-anchor="middle">
                            { labels::period(lang, m.period).replace("Năm ", "") }
                        </text>
                    </g>
                }) }
                { for actuals.iter().map(|a| html! {
                    <rect class="actual-point" x={format!("{:.1}", x(a.date) - 3.5)} y={format!("{:.1}", y(a.value) - 3.5)} width="7" height="7">
                        <title>{ format!("{}: {}", lang.t(M::ChartActuals), fmt(a.value)) }</title>
                    </rect>
                }) }
                <circle class="baseline-point" cx={format!("{:.1}", x(base.date))} cy={format!("{:.1}", y(base.value))} r="4">
                    <title>{ format!("{}: {}", lang.t(M::ChartBaseline), fmt(base.value)) }</title>
                </circle>
                <path class="target-point" d={format!("M{:.1},{:.1} l5,-5 l5,5 l-5,5 z", x(target.date) - 5.0, y(target.value))}>
                    <title>{ format!("{}: {}", lang.t(M::ChartTarget), fmt(target.value)) }</title>
                </path>
            </svg>
            <figcaption>
                <span class="key key-milestones">{ lang.t(M::ChartMilestones) }</span>
                <span class="key key-actuals">{ lang.t(M::ChartActuals) }</span>
                <span class="key key-baseline">{ format!("{}: {}", lang.t(M::ChartBaseline), fmt(base.value)) }</span>
                <span class="key key-target">{ format!("{}: {}", lang.t(M::ChartTarget), fmt(target.value)) }</span>
                <span class="rate">
                    { format!("{}: ", lang.t(M::RequiredRate)) }
                    { match rate {
                        Some(r) => {
                            let sign = if r.per_period >= 0.0 { "+" } else { "" };
                            let growth = r.growth.map(|g| format!(" ({sign}{})", numfmt::percent(g * 100.0, lang))).unwrap_or_default();
                            format!("{sign}{} {per}{growth}", fmt(r.per_period))
                        }
                        None => lang.t(M::DeadlinePassed).to_string(),
                    } }
                </span>
            </figcaption>
        </figure>
    }
}
