//! Laws the arithmetic must keep, checked over generated plans and numbers.
#![cfg(not(target_arch = "wasm32"))]

use chitieu::calc::*;
use chitieu::i18n::Lang;
use chitieu::numfmt;
use chitieu::plan::*;
use proptest::prelude::*;

fn counts() -> impl Strategy<Value = Figure> {
    (0u32..5000, 0u32..5000).prop_map(|(a, b)| Figure::Counts {
        numerator: f64::from(a.min(b)),
        denominator: f64::from(a.max(b)),
    })
}

fn count_value() -> impl Strategy<Value = Figure> {
    (0u32..1000).prop_map(|v| Figure::Value(f64::from(v)))
}

/// An indicator whose figures can be rolled up: counts for shares, plain
/// numbers for counts; a year target per year of 2026–2028 and some actuals.
fn indicator(code: String) -> impl Strategy<Value = Indicator> {
    let kind = prop_oneof![
        Just(Kind::Percent),
        Just(Kind::Count),
        Just(Kind::FractionOfUnits),
        Just(Kind::Ratio {
            numerator: "n".into(),
            denominator: "d".into()
        }),
    ];
    kind.prop_flat_map(move |kind| {
        let fig = if matches!(kind, Kind::Count) {
            count_value().boxed()
        } else {
            counts().boxed()
        };
        let code = code.clone();
        (
            Just(kind),
            proptest::option::of(fig.clone()),
            proptest::collection::vec(fig.clone(), 3),
            proptest::collection::vec(fig, 3),
        )
            .prop_map(move |(kind, base, targets, actuals)| {
                let mut i = Indicator::new(format!("id-{code}"), &format!("Chỉ tiêu {code}"), kind);
                i.code = code.clone();
                i.baseline = base.map(|figure| Baseline {
                    figure,
                    as_of: None,
                    source: String::new(),
                });
                for (k, f) in targets.into_iter().enumerate() {
                    i.set_target(Period::Year(2026 + k as i32), Some(f));
                }
                for (k, f) in actuals.into_iter().enumerate() {
                    i.set_actual(Period::Year(2026 + k as i32), Some(f));
                }
                i
            })
    })
}

fn plan(id: &'static str) -> impl Strategy<Value = Plan> {
    (1usize..6).prop_flat_map(move |n| {
        let inds: Vec<_> = (0..n).map(|k| indicator(format!("C{k}"))).collect();
        inds.prop_map(move |indicators| {
            let mut p = Plan::new(id, id, Unit::new(id, Level::Commune), 2026);
            p.period.end = 2028;
            p.indicators = indicators.into_iter().map(std::rc::Rc::new).collect();
            p
        })
    })
}

/// Plans of several units with the same indicator definitions.
fn same_shape_plans() -> impl Strategy<Value = Vec<Plan>> {
    plan("u0").prop_flat_map(|first| {
        let shape = first.clone();
        let others = proptest::collection::vec(
            proptest::collection::vec(
                (
                    proptest::option::of(counts()),
                    counts(),
                    counts(),
                    count_value(),
                    count_value(),
                ),
                shape.indicators.len(),
            ),
            1..4,
        );
        (Just(first), others).prop_map(move |(first, others)| {
            let mut plans = vec![first.clone()];
            for (u, figs) in others.into_iter().enumerate() {
                let mut p = first.clone();
                p.id = format!("u{}", u + 1);
                for (ind, (b, t, a, tc, ac)) in
                    p.indicators.iter_mut().map(std::rc::Rc::make_mut).zip(figs)
                {
                    let is_count = matches!(ind.kind, Kind::Count);
                    let base = if is_count { b.map(|_| tc) } else { b };
                    ind.baseline = if ind.baseline.is_some() {
                        Some(Baseline {
                            figure: base.unwrap_or(tc),
                            as_of: None,
                            source: String::new(),
                        })
                    } else {
                        None
                    };
                    for x in ind.targets.iter_mut() {
                        x.figure = if is_count { tc } else { t };
                    }
                    for x in ind.actuals.iter_mut() {
                        x.figure = if is_count { ac } else { a };
                    }
                }
                plans.push(p);
            }
            plans
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn rolling_up_one_plan_gives_that_plan(p in plan("solo")) {
        let r = roll_up(&[&p], "Tổng", p.unit.clone());
        prop_assert!(r.conflicts.is_empty());
        prop_assert!(r.skipped.is_empty());
        prop_assert_eq!(&r.plan.indicators, &p.indicators);
    }

    #[test]
    fn roll_up_does_not_depend_on_order(plans in same_shape_plans(), seed in any::<u64>()) {
        let forward: Vec<&Plan> = plans.iter().collect();
        let mut shuffled = forward.clone();
        // a deterministic shuffle from the seed
        let n = shuffled.len();
        for k in (1..n).rev() {
            shuffled.swap(k, (seed as usize).wrapping_mul(k + 7) % (k + 1));
        }
        let a = roll_up(&forward, "T", Unit::default());
        let b = roll_up(&shuffled, "T", Unit::default());
        prop_assert_eq!(&a.skipped, &b.skipped);
        for (x, y) in a.plan.indicators.iter().zip(&b.plan.indicators) {
            let vx: Vec<Option<f64>> = x.targets.iter().chain(&[]).map(|t| value(&x.kind, t.figure)).chain(x.actuals.iter().map(|t| value(&x.kind, t.figure))).collect();
            let vy: Vec<Option<f64>> = y.targets.iter().map(|t| value(&y.kind, t.figure)).chain(y.actuals.iter().map(|t| value(&y.kind, t.figure))).collect();
            prop_assert_eq!(vx.len(), vy.len());
            for (p, q) in vx.iter().zip(&vy) {
                match (p, q) {
                    (Some(p), Some(q)) => prop_assert!((p - q).abs() <= 1e-9 * p.abs().max(1.0), "{} vs {}", p, q),
                    _ => prop_assert_eq!(p, q),
                }
            }
            prop_assert_eq!(&x.actuals, &y.actuals, "actual counts are whole numbers: sums are exact");
        }
    }

    #[test]
    fn rolled_up_shares_are_summed_counts(plans in same_shape_plans()) {
        let refs: Vec<&Plan> = plans.iter().collect();
        let r = roll_up(&refs, "T", Unit::default());
        for (k, ind) in r.plan.indicators.iter().enumerate() {
            for a in &ind.actuals {
                let (mut n, mut d) = (0.0, 0.0);
                for p in &plans {
                    match p.indicators[k].actual_for(a.period).unwrap().figure {
                        Figure::Counts { numerator, denominator } => { n += numerator; d += denominator; }
                        Figure::Value(v) => { n += v; }
                    }
                }
                match a.figure {
                    Figure::Counts { numerator, denominator } => prop_assert_eq!((numerator, denominator), (n, d)),
                    Figure::Value(v) => prop_assert_eq!(v, n),
                }
            }
        }
    }

    #[test]
    fn formatting_then_parsing_gives_the_number_back(cents in -100_000_000_000i64..100_000_000_000i64, en in any::<bool>()) {
        let lang = if en { Lang::En } else { Lang::Vi };
        let x = cents as f64 / 100.0;
        let text = numfmt::format(x, lang, 2);
        let back = numfmt::parse(&text, lang).unwrap();
        prop_assert_eq!(back.value, x, "{} read back as {}", text, back.value);
    }

    #[test]
    fn parsing_never_panics_and_never_yields_nan(s in "\\PC{0,24}", en in any::<bool>()) {
        let lang = if en { Lang::En } else { Lang::Vi };
        if let Ok(r) = numfmt::parse(&s, lang) {
            prop_assert!(r.value.is_finite());
        }
    }

    #[test]
    fn gap_and_status_agree_on_met(base in 0u32..100, cur in 0u32..=100, tgt in 0u32..=100, cmp in 0usize..5) {
        let comparator = [Comparator::AtLeast, Comparator::MoreThan, Comparator::AtMost, Comparator::LessThan, Comparator::Exactly][cmp];
        let mut i = Indicator::new("i", "x", Kind::Percent);
        i.comparator = comparator;
        if matches!(comparator, Comparator::AtMost | Comparator::LessThan) {
            i.direction = Direction::Lower;
        }
        i.baseline = Some(Baseline { figure: Figure::Value(f64::from(base)), as_of: None, source: String::new() });
        i.set_target(Period::Year(2027), Some(Figure::Value(f64::from(tgt))));
        i.set_actual(Period::Year(2026), Some(Figure::Value(f64::from(cur))));
        let mut plan = Plan::new("p", "p", Unit::default(), 2026);
        plan.period.end = 2027;
        plan.indicators.push(i.into());
        let basis = Basis { as_of: "2027-06-30".parse().unwrap(), plan_start: Date::start_of_year(2026), units: 0 };
        let e = evaluate(&plan.indicators[0], basis, Period::Year(2027));
        let gap = e.gap.unwrap();
        prop_assert_eq!(gap.met, e.status == Status::Met);
        let strict = matches!(comparator, Comparator::MoreThan | Comparator::LessThan);
        prop_assert!(!gap.met || gap.remaining == 0.0);
        prop_assert!(gap.met || gap.remaining > 0.0 || (strict && cur == tgt));
        // counts-based gaps agree too: cur of 100 items
        let counted = gap_of_counts(&plan.indicators[0], f64::from(cur));
        prop_assert_eq!(counted.met, gap.met);
        prop_assert_eq!(counted.counts == Some(CountGap::More(0)), gap.met);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    /// The baseline is not a result: without an actual nothing is met, on
    /// track or behind, at any date before, inside or after the period.
    #[test]
    fn without_an_actual_no_status_claims_progress(p in plan("p"), day in 0i64..2000, year in 2026i32..=2028) {
        let as_of = Date::new(2025, 1, 1).unwrap();
        let as_of = (0..day).fold(as_of, |d, _| next_day(d));
        let basis = Basis { as_of, plan_start: Date::start_of_year(2026), units: 0 };
        for ind in &p.indicators {
            let mut bare = (**ind).clone();
            bare.actuals.clear();
            let s = status(&bare, basis, Period::Year(year));
            prop_assert!(matches!(s, Status::NoActual | Status::NoTarget), "{:?}", s);
            // and with actuals, every judgment is made without a panic and the rate agrees with the trajectory
            let e = evaluate(ind, basis, Period::Year(year));
            if let Some(r) = required_rate(ind, basis, Period::Year(year)) {
                prop_assert!(r.steps > 0.0 && r.per_step.is_finite());
                prop_assert!((r.from.value + r.per_step * r.steps - r.to.value).abs() < 1e-6);
            }
            if e.status == Status::Met {
                prop_assert!(e.actual.is_some());
            }
        }
    }
}

fn next_day(d: Date) -> Date {
    Date::new(d.year, d.month, d.day + 1)
        .or_else(|| Date::new(d.year, d.month + 1, 1))
        .unwrap_or_else(|| Date::new(d.year + 1, 1, 1).unwrap())
}

fn gap_of_counts(i: &Indicator, cur: f64) -> Gap {
    gap(
        i,
        Figure::Counts {
            numerator: cur,
            denominator: 100.0,
        },
        &i.targets[0],
    )
    .unwrap()
}
