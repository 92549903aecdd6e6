//! The trajectory chart, drawn as SVG: the line through the baseline and the
//! plan's own targets, the actuals reported, and the rate still needed as a
//! dashed segment from the latest figure to the next target. The segment and
//! the sentence under the chart come from the same calculation
//! (`calc::required_rate`).

use crate::app::labels;
use crate::calc::{self, Basis, Dated};
use crate::i18n::{fill, Lang, M};
use crate::numfmt;
use crate::plan::{Date, Indicator, Period};
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
    pub basis: Basis,
    /// the period whose target the rate is counted toward
    pub period: Period,
}

#[function_component(TrajectoryChart)]
pub fn trajectory_chart(props: &TrajectoryChartProps) -> Html {
    let lang = props.lang;
    let ind = &*props.indicator.0;
    let basis = props.basis;
    let rate = calc::required_rate(ind, basis, props.period);
    let rate_text = match &rate {
        Some(r) => labels::rate(lang, ind, r),
        None if calc::evaluate(ind, basis, props.period).current.is_none() => {
            lang.t(M::RateNoFigure).to_string()
        }
        None if basis.over(props.period) => lang.t(M::DeadlinePassed).to_string(),
        None => lang.t(M::RateNone).to_string(),
    };
    // the whole way: through every target of the plan up to the last one
    let last = ind.targets.iter().map(|t| t.period).max();
    // the line the status is judged against (from nothing, where there is no baseline)
    let points = last
        .map(|p| calc::judging_line(ind, basis, p))
        .unwrap_or_default();
    if points.len() < 2 {
        return html! {
            <figure class="chart">
                <p class="chart-empty">{ lang.t(M::NoChart) }</p>
                <figcaption><span class="rate">{ format!("{}: {rate_text}", lang.t(M::RequiredRate)) }</span></figcaption>
            </figure>
        };
    }
    // dated as the status dates them (`calc::reported`)
    let actuals: Vec<Dated> = calc::reported(ind, basis).map(|r| r.dated()).collect();
    let mut values: Vec<f64> = points.iter().map(|p| p.value).collect();
    values.extend(actuals.iter().map(|a| a.value));
    // the scale fits the figures, so that a target missed by a little is seen
    // missed (9,4% against 10% on a 0–100 scale looks met); a scale that would
    // start near zero anyway starts at zero
    let min = values.iter().cloned().fold(f64::INFINITY, f64::min);
    let max = values.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    let pad = ((max - min) * 0.15).max(0.5);
    let mut lo = (min - pad).max(0.0);
    let mut hi = max + pad;
    if ind.kind.is_percent() && max <= 100.0 {
        hi = hi.min(100.0);
    }
    if lo < (hi - lo) / 2.0 {
        lo = 0.0;
    }
    if hi - lo < 1e-9 {
        hi = lo + 1.0;
    }
    // the picture starts at the line's start or the first figure, whichever is earlier
    let first = actuals
        .iter()
        .map(|a| a.date)
        .fold(points[0].date, Date::min);
    let t0 = first.day_number() as f64;
    let end = points.last().map(|p| p.date).unwrap_or(first);
    let t1 = (end.day_number() as f64).max(
        actuals
            .iter()
            .map(|a| a.date.day_number() as f64)
            .fold(t0 + 1.0, f64::max),
    );
    let x = |d: Date| LEFT + (d.day_number() as f64 - t0) / (t1 - t0) * (W - LEFT - RIGHT);
    let y = |v: f64| TOP + (hi - v) / (hi - lo) * (H - TOP - BOTTOM);
    let line = |pts: &mut dyn Iterator<Item = (Date, f64)>| {
        pts.map(|(d, v)| format!("{:.1},{:.1}", x(d), y(v)))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let planned = line(&mut points.iter().map(|p| (p.date, p.value)));
    let base = points
        .iter()
        .find(|p| p.period.is_none() && ind.baseline.is_some())
        .map(|p| Dated {
            date: p.date,
            value: p.value,
        });
    let actual_line = line(
        &mut base
            .into_iter()
            .chain(actuals.iter().copied())
            .map(|a| (a.date, a.value)),
    );
    let fmt = |v: f64| labels::value(lang, ind, v);
    let axis_labels = [lo, (lo + hi) / 2.0, hi];
    // the date the judgments are made on, and where the trajectory stands then
    let at = basis.judged_at(props.period);
    let on_chart = (t0..=t1).contains(&(at.day_number() as f64));
    let expected = calc::expected_at(&points, at);
    let as_of_text = match expected {
        Some(v) => fill(lang.t(M::ChartAsOf), &[&at.dmy(), &fmt(v)]),
        None => fill(lang.t(M::ChartAsOfOnly), &[&at.dmy()]),
    };
    html! {
        <figure class="chart">
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-label={format!("{}. {}: {rate_text}", lang.t(M::Trajectory), lang.t(M::RequiredRate))} class="trajectory">
                { for axis_labels.iter().map(|v| html! {
                    <g class="grid">
                        <line x1={LEFT.to_string()} x2={(W - RIGHT).to_string()} y1={format!("{:.1}", y(*v))} y2={format!("{:.1}", y(*v))} />
                        <text x={(LEFT - 4.0).to_string()} y={format!("{:.1}", y(*v) + 3.0)} text-anchor="end">{ numfmt::format(*v, lang, if hi - lo < 10.0 { 1 } else { 0 }) }</text>
                    </g>
                }) }
                <polyline class="milestones" points={planned} />
                if !actuals.is_empty() {
                    <polyline class="actuals" points={actual_line} />
                }
                if let Some(r) = &rate {
                    <line class="required" x1={format!("{:.1}", x(r.from.date))} y1={format!("{:.1}", y(r.from.value))}
                        x2={format!("{:.1}", x(r.to.date))} y2={format!("{:.1}", y(r.to.value))} />
                }
                { for points.iter().filter_map(|p| p.period.map(|period| (p, period))).map(|(p, period)| html! {
                    <g class="milestone">
                        <path class="target-point" d={format!("M{:.1},{:.1} l5,-5 l5,5 l-5,5 z", x(p.date) - 5.0, y(p.value))}>
                            <title>{ format!("{} {}: {}", lang.t(M::ChartTarget), labels::period(lang, period), fmt(p.value)) }</title>
                        </path>
                        <text x={format!("{:.1}", x(p.date))} y={(H - BOTTOM + 14.0).to_string()} text-anchor="middle">
                            { labels::period(lang, period).replace("Năm ", "") }
                        </text>
                    </g>
                }) }
                { for actuals.iter().map(|a| html! {
                    <rect class="actual-point" x={format!("{:.1}", x(a.date) - 3.5)} y={format!("{:.1}", y(a.value) - 3.5)} width="7" height="7">
                        <title>{ format!("{} {}: {}", lang.t(M::ChartActuals), a.date.dmy(), fmt(a.value)) }</title>
                    </rect>
                }) }
                if let Some(b) = base {
                    <circle class="baseline-point" cx={format!("{:.1}", x(b.date))} cy={format!("{:.1}", y(b.value))} r="4">
                        <title>{ format!("{}: {}", lang.t(M::ChartBaseline), fmt(b.value)) }</title>
                    </circle>
                }
                if on_chart {
                    <g class="as-of">
                        <line x1={format!("{:.1}", x(at))} x2={format!("{:.1}", x(at))} y1={TOP.to_string()} y2={(H - BOTTOM).to_string()} />
                        if let Some(v) = expected {
                            <circle cx={format!("{:.1}", x(at))} cy={format!("{:.1}", y(v))} r="3.5" />
                        }
                        <title>{ as_of_text.clone() }</title>
                    </g>
                }
            </svg>
            <figcaption>
                <span class="key key-milestones">{ lang.t(M::ChartMilestones) }</span>
                <span class="key key-actuals">{ lang.t(M::ChartActuals) }</span>
                if let Some(b) = base {
                    <span class="key key-baseline">{ format!("{}: {}", lang.t(M::ChartBaseline), fmt(b.value)) }</span>
                }
                <span class="key key-required">{ lang.t(M::ChartRequired) }</span>
                if on_chart {
                    <span class="key key-as-of">{ as_of_text }</span>
                }
                <span class="rate">{ format!("{}: {rate_text}", lang.t(M::RequiredRate)) }</span>
            </figcaption>
        </figure>
    }
}
