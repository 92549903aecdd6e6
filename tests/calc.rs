//! The calculation rules, one test a rule, on the real figures of real plans.
#![cfg(not(target_arch = "wasm32"))]

use chitieu::calc::*;
use chitieu::plan::*;

fn counts(n: f64, d: f64) -> Figure {
    Figure::Counts {
        numerator: n,
        denominator: d,
    }
}

fn pct(v: f64) -> Figure {
    Figure::Value(v)
}

fn target(period: Period, figure: Figure) -> Target {
    Target {
        period,
        figure,
        upper: None,
        forecast: None,
    }
}

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

fn indicator(kind: Kind, comparator: Comparator) -> Indicator {
    let mut i = Indicator::new("i", "chỉ tiêu", kind);
    i.comparator = comparator;
    i
}

#[test]
fn a_zero_denominator_has_no_value() {
    assert_eq!(value(&Kind::Percent, counts(3.0, 0.0)), None);
    assert_eq!(
        value(
            &Kind::Ratio {
                numerator: "a".into(),
                denominator: "b".into()
            },
            counts(0.0, 0.0)
        ),
        None
    );
    assert_eq!(
        value(
            &Kind::Reduction {
                amount: String::new()
            },
            counts(5.0, 0.0)
        ),
        None
    );
    assert_eq!(value(&Kind::Percent, pct(f64::NAN)), None);
}

#[test]
fn figures_are_read_by_kind() {
    assert_eq!(
        value(&Kind::Percent, counts(1249.0, 1567.0)).unwrap(),
        1249.0 * 100.0 / 1567.0
    );
    assert_eq!(
        value(&Kind::FractionOfUnits, counts(15.0, 15.0)),
        Some(100.0)
    );
    assert_eq!(value(&Kind::Count, counts(103.0, 120.0)), Some(103.0));
    assert_eq!(value(&Kind::Count, pct(103.0)), Some(103.0));
    // meeting time from 120 hours to 84 hours is a 30% cut
    assert_eq!(
        value(
            &Kind::Reduction {
                amount: String::new()
            },
            counts(84.0, 120.0)
        ),
        Some(30.0)
    );
}

#[test]
fn more_than_97_is_not_met_by_97() {
    let i = indicator(Kind::Percent, Comparator::MoreThan);
    let t = target(Period::Year(2021), pct(97.0));
    assert_eq!(meets_target(&i, 97.0, &t), Some(false));
    assert_eq!(meets_target(&i, 97.1, &t), Some(true));
    let g = gap(&i, pct(97.0), &t).unwrap();
    assert!(!g.met);
    // in counts: 97 of 100 directive documents, one more makes it more than 97%
    let g = gap(&i, counts(97.0, 100.0), &t).unwrap();
    assert_eq!(g.counts, Some(CountGap::More(1)));
    let at_least = indicator(Kind::Percent, Comparator::AtLeast);
    assert_eq!(meets_target(&at_least, 97.0, &t), Some(true));
    // 97/100 computed from counts equals 97 exactly enough
    assert!(gap(&at_least, counts(97.0, 100.0), &t).unwrap().met);
}

#[test]
fn gap_in_online_dossiers_for_a_30_percent_target() {
    // 153 of the 1,567 dossiers of a quarter came online; the target is 30%
    let i = indicator(
        Kind::Ratio {
            numerator: "hồ sơ trực tuyến".into(),
            denominator: "tổng hồ sơ".into(),
        },
        Comparator::AtLeast,
    );
    let t = target(Period::Year(2022), pct(30.0));
    let g = gap(&i, counts(153.0, 1567.0), &t).unwrap();
    assert!(!g.met);
    assert!((g.remaining - (30.0 - 153.0 * 100.0 / 1567.0)).abs() < 1e-9);
    // 30% of 1,567 is 470.1, so 471 online dossiers are needed: 318 more
    assert_eq!(g.counts, Some(CountGap::More(318)));
}

fn basis(as_of: &str, plan_start: &str) -> Basis {
    Basis {
        as_of: date(as_of),
        plan_start: date(plan_start),
        units: 0,
    }
}

#[test]
fn mai_son_commune_leaders_with_digital_signatures() {
    // 68% of commune leaders hold a digital signature; the 2025 target is 100%
    let mut i = indicator(Kind::Percent, Comparator::AtLeast);
    i.baseline = Some(Baseline {
        figure: pct(68.0),
        as_of: Some(date("2022-03-31")),
        source: "Báo cáo quý I/2022".into(),
    });
    i.targets.push(target(Period::Year(2025), pct(100.0)));
    let y2025 = Period::Year(2025);
    let g = gap(&i, pct(68.0), &i.targets[0]).unwrap();
    assert_eq!(g.remaining, 32.0);
    assert_eq!(g.counts, None, "a bare percent has no counts");
    // as counts: 51 of 75 leaders, so 24 more
    let g = gap(&i, counts(51.0, 75.0), &i.targets[0]).unwrap();
    assert_eq!(g.counts, Some(CountGap::More(24)));
    let a = achievement(i.direction, Some(68.0), 68.0, 100.0);
    assert_eq!(a.progress, Some(0.0));
    assert_eq!(a.ratio, Some(0.68));
    // the baseline is not a result: nothing is reported yet
    assert_eq!(
        status(&i, basis("2023-06-30", "2022-01-01"), y2025),
        Status::NoActual
    );
    // an actual of 80% at the end of 2023, where the line stands at about 82.9%: behind
    i.actuals.push(Actual {
        period: Period::Year(2023),
        figure: pct(80.0),
    });
    assert_eq!(
        status(&i, basis("2024-01-15", "2022-01-01"), y2025),
        Status::Behind
    );
    // 90% is past the line: on track
    i.set_actual(Period::Year(2023), Some(pct(90.0)));
    assert_eq!(
        status(&i, basis("2024-06-30", "2022-01-01"), y2025),
        Status::OnTrack
    );
    // the year is over with 95% reported for it: not met, not "behind"
    i.set_actual(Period::Year(2025), Some(pct(95.0)));
    assert_eq!(
        status(&i, basis("2026-02-01", "2022-01-01"), y2025),
        Status::NotMet
    );
    i.set_actual(Period::Year(2025), Some(pct(100.0)));
    assert_eq!(
        status(&i, basis("2026-02-01", "2022-01-01"), y2025),
        Status::Met
    );
}

#[test]
fn moc_chau_fifteen_of_fifteen_communes() {
    let mut plan = Plan::new(
        "mc",
        "Kế hoạch 2021",
        Unit::new("Mộc Châu", Level::District),
        2021,
    );
    plan.sub_units = (1..=15)
        .map(|k| Unit::new(format!("Xã {k}"), Level::Commune))
        .collect();
    let mut i = indicator(Kind::FractionOfUnits, Comparator::AtLeast);
    i.baseline = Some(Baseline {
        figure: counts(12.0, 15.0),
        as_of: Some(date("2020-12-31")),
        source: String::new(),
    });
    i.targets
        .push(target(Period::Year(2021), counts(15.0, 15.0)));
    let g = gap(&i, counts(12.0, 15.0), &i.targets[0]).unwrap();
    assert_eq!(g.counts, Some(CountGap::More(3)));
    assert_eq!(g.remaining, 20.0);
    i.actuals.push(Actual {
        period: Period::Year(2021),
        figure: counts(15.0, 15.0),
    });
    plan.indicators.push(i.clone().into());
    let e = evaluate(
        &plan.indicators[0],
        Basis::of(&plan, date("2022-01-10")),
        Period::Year(2021),
    );
    assert_eq!(e.status, Status::Met);
    assert_eq!(e.gap.unwrap().counts, Some(CountGap::More(0)));
    // 16 of 15 communes is flagged
    std::rc::Rc::make_mut(&mut plan.indicators[0])
        .set_actual(Period::Year(2021), Some(counts(16.0, 15.0)));
    let w = warnings(&plan, None);
    assert!(w.contains(&Warning::CountAboveUnits {
        indicator: "i".into(),
        at: Place::Actual(Period::Year(2021)),
        count: 16.0,
        units: 15
    }));
    assert!(w.contains(&Warning::NumeratorAboveDenominator {
        indicator: "i".into(),
        at: Place::Actual(Period::Year(2021))
    }));
    assert!(w.contains(&Warning::PercentAbove100 {
        indicator: "i".into(),
        at: Place::Actual(Period::Year(2021))
    }));
}

#[test]
fn a_full_target_out_of_reach_in_counts_is_unreachable() {
    let i = indicator(Kind::Percent, Comparator::MoreThan);
    let g = gap(
        &i,
        counts(90.0, 100.0),
        &target(Period::Year(2025), pct(100.0)),
    )
    .unwrap();
    assert_eq!(g.counts, Some(CountGap::Unreachable));
}

#[test]
fn lower_is_better_gaps_count_down() {
    // overdue dossiers: at most 2% of 1,567; 40 are overdue now
    let mut i = indicator(Kind::Percent, Comparator::AtMost);
    i.direction = Direction::Lower;
    let g = gap(
        &i,
        counts(40.0, 1567.0),
        &target(Period::Year(2025), pct(2.0)),
    )
    .unwrap();
    // 2% of 1,567 is 31.34, so at most 31 overdue: 9 fewer
    assert_eq!(g.counts, Some(CountGap::Fewer(9)));
    let a = achievement(Direction::Lower, None, 4.0, 2.0);
    assert_eq!(a.ratio, Some(0.5));
    let mut less = indicator(Kind::Count, Comparator::LessThan);
    less.direction = Direction::Lower;
    assert_eq!(
        gap(&less, pct(5.0), &target(Period::Year(2025), pct(3.0)))
            .unwrap()
            .counts,
        Some(CountGap::Fewer(3))
    );
}

#[test]
fn meeting_time_cut_by_30_percent() {
    let i = indicator(
        Kind::Reduction {
            amount: "giờ họp".into(),
        },
        Comparator::AtLeast,
    );
    let t = target(Period::Year(2021), pct(30.0));
    // from 120 hours of meetings to 96: a 20% cut; 12 more hours to cut
    let g = gap(&i, counts(96.0, 120.0), &t).unwrap();
    assert!(!g.met);
    assert!((g.remaining - 10.0).abs() < 1e-9);
    assert_eq!(g.counts, Some(CountGap::Fewer(12)));
    assert!(gap(&i, counts(84.0, 120.0), &t).unwrap().met);
}

#[test]
fn a_range_target_of_two_to_five_systems() {
    let i = indicator(Kind::Count, Comparator::Between);
    let t = Target {
        period: Period::Year(2020),
        figure: pct(2.0),
        upper: Some(5.0),
        forecast: None,
    };
    assert_eq!(target_bounds(&i, &t), Some((2.0, 5.0)));
    assert!(gap(&i, pct(3.0), &t).unwrap().met);
    assert_eq!(
        gap(&i, pct(1.0), &t).unwrap().counts,
        Some(CountGap::More(1))
    );
    assert_eq!(
        gap(&i, pct(7.0), &t).unwrap().counts,
        Some(CountGap::Fewer(2))
    );
    let exactly = indicator(Kind::Count, Comparator::Exactly);
    let g = gap(
        &exactly,
        pct(101.0),
        &target(Period::Year(2021), pct(103.0)),
    )
    .unwrap();
    assert_eq!((g.remaining, g.counts), (2.0, Some(CountGap::More(2))));
}

#[test]
fn achievement_is_uncapped_and_capped_for_display() {
    let a = achievement(Direction::Higher, Some(50.0), 110.0, 100.0);
    assert_eq!(a.progress, Some(1.2));
    assert_eq!(a.ratio, Some(1.1));
    assert_eq!(capped(1.2), 1.0);
    assert_eq!(capped(-0.3), 0.0);
    assert_eq!(capped(f64::NAN), 0.0);
    // baseline equal to target: no way to measure progress
    assert_eq!(
        achievement(Direction::Higher, Some(100.0), 100.0, 100.0).progress,
        None
    );
    assert_eq!(achievement(Direction::Higher, None, 5.0, 0.0).ratio, None);
}

#[test]
fn status_needs_a_target_and_an_actual() {
    let y = Period::Year(2021);
    let mut i = indicator(Kind::Percent, Comparator::AtLeast);
    i.actuals.push(Actual {
        period: Period::Quarter(2021, 1),
        figure: pct(40.0),
    });
    assert_eq!(
        status(&i, basis("2021-06-30", "2021-01-01"), y),
        Status::NoTarget,
        "an actual without a target"
    );
    i.actuals.clear();
    i.targets.push(target(y, pct(80.0)));
    assert_eq!(
        status(&i, basis("2021-06-30", "2021-01-01"), y),
        Status::NoActual
    );
    // no baseline: no line to judge by, so on track until the deadline
    i.actuals.push(Actual {
        period: Period::Quarter(2021, 1),
        figure: pct(40.0),
    });
    assert_eq!(
        status(&i, basis("2021-06-30", "2021-01-01"), y),
        Status::OnTrack
    );
    // the year over with only a first-quarter figure: the final figure is missing, no verdict
    assert_eq!(
        status(&i, basis("2022-01-15", "2021-01-01"), y),
        Status::NoActual
    );
    i.set_actual(y, Some(pct(70.0)));
    assert_eq!(
        status(&i, basis("2022-01-15", "2021-01-01"), y),
        Status::NotMet
    );
    i.direction = Direction::Tracked;
    assert_eq!(
        status(&i, basis("2022-01-15", "2021-01-01"), y),
        Status::Tracked
    );
}

#[test]
fn statuses_before_inside_and_after_a_period() {
    // 2026 target 80% from a baseline of 40% at the start of the year
    let y = Period::Year(2026);
    let mut i = indicator(Kind::Percent, Comparator::AtLeast);
    i.baseline = Some(Baseline {
        figure: pct(40.0),
        as_of: None,
        source: String::new(),
    });
    i.targets.push(target(y, pct(80.0)));
    i.actuals.push(Actual {
        period: y,
        figure: pct(55.0),
    });
    // before the year: the year's own figure does not count yet
    assert_eq!(
        status(&i, basis("2025-11-23", "2026-01-01"), y),
        Status::NoActual
    );
    // inside: the year's figure counts as the figure so far; on 30/6 the line stands at 60%
    assert_eq!(
        status(&i, basis("2026-06-30", "2026-01-01"), y),
        Status::Behind
    );
    // on 31/3 it stands at 50%: 55% is past it
    assert_eq!(
        status(&i, basis("2026-03-31", "2026-01-01"), y),
        Status::OnTrack
    );
    // after the year: judged at its end on its final figure
    assert_eq!(
        status(&i, basis("2027-03-01", "2026-01-01"), y),
        Status::NotMet
    );
    i.set_actual(y, Some(pct(80.0)));
    assert_eq!(
        status(&i, basis("2027-03-01", "2026-01-01"), y),
        Status::Met
    );
    // an actual reported before the baseline is not a result
    let mut old = i.clone();
    old.actuals = vec![Actual {
        period: Period::Year(2025),
        figure: pct(90.0),
    }];
    assert_eq!(
        status(&old, basis("2026-06-30", "2026-01-01"), y),
        Status::NoActual
    );
}

#[test]
fn a_judging_date_clamps_into_the_period() {
    let b = basis("2026-11-23", "2026-01-01");
    assert_eq!(b.judged_at(Period::Year(2026)), date("2026-11-23"));
    assert_eq!(b.judged_at(Period::Year(2025)), date("2025-12-31"));
    assert_eq!(b.judged_at(Period::Year(2027)), date("2027-01-01"));
    assert_eq!(b.judged_at(Period::Quarter(2026, 2)), date("2026-06-30"));
    assert!(b.over(Period::Year(2025)) && !b.over(Period::Year(2026)));
    assert!(
        basis("2026-12-31", "2026-01-01").over(Period::Year(2026)),
        "figures as of 31/12 are final"
    );
}

#[test]
fn lower_is_better_count_with_a_target_of_zero() {
    // overdue dossiers: none by the end of 2026, 12 at the start
    let y = Period::Year(2026);
    let mut i = indicator(Kind::Count, Comparator::AtMost);
    i.direction = Direction::Lower;
    i.baseline = Some(Baseline {
        figure: pct(12.0),
        as_of: None,
        source: String::new(),
    });
    i.targets.push(target(y, pct(0.0)));
    i.actuals.push(Actual {
        period: Period::Quarter(2026, 2),
        figure: pct(5.0),
    });
    // on 30/6 the line stands at 6: 5 overdue is better
    let b = basis("2026-07-10", "2026-01-01");
    assert_eq!(status(&i, b, y), Status::OnTrack);
    let e = evaluate(&i, b, y);
    assert_eq!(e.gap.unwrap().counts, Some(CountGap::Fewer(5)));
    i.set_actual(Period::Quarter(2026, 2), Some(pct(8.0)));
    assert_eq!(status(&i, b, y), Status::Behind);
    i.set_actual(y, Some(pct(0.0)));
    let e = evaluate(&i, basis("2027-01-05", "2026-01-01"), y);
    assert_eq!(e.status, Status::Met);
    assert_eq!(
        e.shown,
        Some(1.0),
        "nothing overdue against a target of nothing is full achievement"
    );
}

#[test]
fn the_trajectory_runs_through_the_plans_own_targets() {
    // "20% by Q2, at least 40% by year end", from 0 at the start of the year
    let y = Period::Year(2021);
    let mut i = indicator(Kind::Percent, Comparator::AtLeast);
    i.baseline = Some(Baseline {
        figure: pct(0.0),
        as_of: Some(date("2020-12-31")),
        source: String::new(),
    });
    i.targets.push(target(Period::Quarter(2021, 2), pct(20.0)));
    i.targets.push(target(y, pct(40.0)));
    let b = basis("2021-07-01", "2021-01-01");
    let points = trajectory(&i, b, y);
    assert_eq!(
        points.iter().map(|p| p.period).collect::<Vec<_>>(),
        vec![None, Some(Period::Quarter(2021, 2)), Some(y)]
    );
    assert!((expected_at(&points, date("2021-06-30")).unwrap() - 20.0).abs() < 1e-9);
    assert!((expected_at(&points, date("2021-09-30")).unwrap() - 30.0).abs() < 1e-9);
    // 21% by Q2 meets the quarter and is on the year's way through it: the two views agree
    i.actuals.push(Actual {
        period: Period::Quarter(2021, 2),
        figure: pct(21.0),
    });
    assert_eq!(status(&i, b, Period::Quarter(2021, 2)), Status::Met);
    assert_eq!(status(&i, b, y), Status::OnTrack);
    // 18% misses the quarter, and the year reads behind too
    i.set_actual(Period::Quarter(2021, 2), Some(pct(18.0)));
    assert_eq!(status(&i, b, Period::Quarter(2021, 2)), Status::NotMet);
    assert_eq!(status(&i, b, y), Status::Behind);
    // the quarter's own trajectory ends at the quarter
    assert_eq!(trajectory(&i, b, Period::Quarter(2021, 2)).len(), 2);
}

#[test]
fn the_rate_still_needed_runs_from_the_latest_actual_to_the_next_target() {
    // 68% at the start of 2023, 100% by the end of 2025; 74% reported at mid-2024
    let mut i = indicator(Kind::Percent, Comparator::AtLeast);
    i.baseline = Some(Baseline {
        figure: pct(68.0),
        as_of: Some(date("2023-01-01")),
        source: String::new(),
    });
    i.targets.push(target(Period::Year(2025), pct(100.0)));
    let y = Period::Year(2025);
    let b = basis("2024-08-01", "2023-01-01");
    // from the baseline: 32 points over 36 months, 3 years
    let r = required_rate(&i, basis("2023-01-01", "2023-01-01"), y).unwrap();
    assert_eq!(r.step, Step::Year);
    assert!(
        (r.steps - (12.0 * 3.0 - 1.0 / 31.0) / 12.0).abs() < 1e-9,
        "{}",
        r.steps
    );
    i.actuals.push(Actual {
        period: Period::Half(2024, 1),
        figure: pct(74.0),
    });
    let r = required_rate(&i, b, y).unwrap();
    assert_eq!(
        r.from,
        Dated {
            date: date("2024-06-30"),
            value: 74.0
        }
    );
    assert_eq!(
        r.to,
        Dated {
            date: date("2025-12-31"),
            value: 100.0
        }
    );
    // 26 points over the 18 months from 30/6/2024 to 31/12/2025: 1.5 years, so 17.33 points a year
    assert!((r.steps - 1.5).abs() < 1e-9);
    assert!((r.per_step - 26.0 / 1.5).abs() < 1e-9);
    assert!((r.growth.unwrap() - ((100.0f64 / 74.0).powf(1.0 / 1.5) - 1.0)).abs() < 1e-12);
    // within a year, per quarter
    let mut q = indicator(Kind::Percent, Comparator::AtLeast);
    q.baseline = Some(Baseline {
        figure: pct(10.0),
        as_of: None,
        source: String::new(),
    });
    q.targets.push(target(Period::Quarter(2026, 2), pct(20.0)));
    q.targets.push(target(Period::Year(2026), pct(40.0)));
    q.actuals.push(Actual {
        period: Period::Quarter(2026, 1),
        figure: pct(16.0),
    });
    let r = required_rate(&q, basis("2026-04-10", "2026-01-01"), Period::Year(2026)).unwrap();
    assert_eq!(
        (r.to_period, r.step),
        (Period::Quarter(2026, 2), Step::Quarter)
    );
    assert!((r.per_step - 4.0).abs() < 1e-9, "{r:?}");
    // once the quarter target is met, the next one is the year's: 24 points over 3 quarters
    q.set_actual(Period::Quarter(2026, 1), Some(pct(22.0)));
    let r = required_rate(&q, basis("2026-04-10", "2026-01-01"), Period::Year(2026)).unwrap();
    assert_eq!(r.to_period, Period::Year(2026));
    assert!((r.per_step - 6.0).abs() < 1e-9, "{r:?}");
    // the period over: no rate
    assert_eq!(
        required_rate(&q, basis("2027-01-10", "2026-01-01"), Period::Year(2026)),
        None
    );
    // 60% on 8 December, 100% due on 31 December: the whole 40 points in the time
    // left, never "+161,7 points a quarter"
    q.set_target(Period::Year(2026), Some(pct(100.0)));
    q.set_actual(Period::Year(2026), Some(pct(60.0)));
    let r = required_rate(&q, basis("2026-12-08", "2026-01-01"), Period::Year(2026)).unwrap();
    assert_eq!((r.step, r.to_period), (Step::Rest, Period::Year(2026)));
    assert!((r.per_step - 40.0).abs() < 1e-9, "{r:?}");
    assert!((r.growth.unwrap() - (100.0 / 60.0 - 1.0)).abs() < 1e-9, "{r:?}");
}

#[test]
fn cumulative_share_still_needed_for_the_year() {
    // 1,567 dossiers handled by Q2, 313 of them online (about 20%); 1,600 more expected.
    // At least 40% for the year: 0.4 · 3,167 = 1,266.8, so 1,267 online in all: 954 of the 1,600 to come.
    match cumulative_need(1567.0, 313.0, 1600.0, 40.0, Comparator::AtLeast) {
        CumulativeNeed::AtLeast { items, share } => {
            assert_eq!(items, 954);
            assert!((share - 954.0 * 100.0 / 1600.0).abs() < 1e-9);
        }
        other => panic!("expected a need, got {other:?}"),
    }
    assert_eq!(
        cumulative_need(100.0, 50.0, 100.0, 25.0, Comparator::AtLeast),
        CumulativeNeed::Assured
    );
    // exactly 25% with "more than 25%": one more item is needed
    assert_eq!(
        cumulative_need(100.0, 50.0, 100.0, 25.0, Comparator::MoreThan),
        CumulativeNeed::AtLeast {
            items: 1,
            share: 1.0
        }
    );
    assert!(matches!(
        cumulative_need(100.0, 0.0, 10.0, 50.0, Comparator::AtLeast),
        CumulativeNeed::Unreachable { .. }
    ));
    assert!(matches!(
        cumulative_need(0.0, 0.0, 0.0, 50.0, Comparator::AtLeast),
        CumulativeNeed::Unreachable { .. }
    ));
    // all of the remaining needed is still reachable
    assert_eq!(
        cumulative_need(100.0, 0.0, 100.0, 50.0, Comparator::AtLeast),
        CumulativeNeed::AtLeast {
            items: 100,
            share: 100.0
        }
    );
    // lower is better: overdue at most 5% of the year; 20 of 1,000 so far, 1,000 more to come
    assert_eq!(
        cumulative_need(1000.0, 20.0, 1000.0, 5.0, Comparator::AtMost),
        CumulativeNeed::AtMost {
            items: 80,
            share: 8.0
        }
    );
    assert_eq!(
        cumulative_need(1000.0, 20.0, 10.0, 5.0, Comparator::AtMost),
        CumulativeNeed::Assured
    );
    match cumulative_need(100.0, 60.0, 10.0, 5.0, Comparator::AtMost) {
        CumulativeNeed::Unreachable { best_share } => {
            assert!((best_share - 60.0 * 100.0 / 110.0).abs() < 1e-9)
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_share_still_needed_returns_at_once_for_counts_beyond_whole_steps() {
    // beyond 2^53 a step of one item changes nothing: the search must still end
    for comparator in [
        Comparator::MoreThan,
        Comparator::AtLeast,
        Comparator::LessThan,
        Comparator::AtMost,
    ] {
        let need = cumulative_need(1e20, 3e19, 1e20, 40.0, comparator);
        assert!(
            !matches!(need, CumulativeNeed::Assured),
            "{comparator:?}: 30% so far is not assured at 40%: {need:?}"
        );
    }
    match cumulative_need(1e20, 3e19, 1e20, 40.0, Comparator::AtLeast) {
        CumulativeNeed::AtLeast { share, .. } => assert!((share - 50.0).abs() < 1e-6, "{share}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_ratio_for_the_year_counts_what_the_rest_of_the_year_must_bring() {
    let y = Period::Year(2026);
    let mut i = indicator(
        Kind::Ratio {
            numerator: "hồ sơ trực tuyến".into(),
            denominator: "hồ sơ".into(),
        },
        Comparator::AtLeast,
    );
    i.baseline = Some(Baseline {
        figure: counts(100.0, 2000.0),
        as_of: None,
        source: String::new(),
    });
    i.targets.push(target(Period::Quarter(2026, 2), pct(20.0)));
    i.targets.push(target(y, pct(40.0)));
    i.actuals.push(Actual {
        period: Period::Quarter(2026, 2),
        figure: counts(313.0, 1567.0),
    });
    let b = basis("2026-07-05", "2026-01-01");
    // without a forecast the year's gap is not counted from the half-year's denominator
    let e = evaluate(&i, b, y);
    let g = e.gap.unwrap();
    assert_eq!(g.counts, None);
    assert!(g.needs_forecast);
    assert_eq!(e.need, None);
    // with 1,600 dossiers still expected: 954 of them must be online
    i.targets[1].forecast = Some(1600.0);
    let e = evaluate(&i, b, y);
    assert_eq!(
        e.need,
        Some(CumulativeNeed::AtLeast {
            items: 954,
            share: 954.0 * 100.0 / 1600.0
        })
    );
    assert_eq!(e.gap.unwrap().counts, Some(CountGap::More(954)));
    // only 100 more expected: out of reach
    i.targets[1].forecast = Some(100.0);
    assert!(matches!(
        evaluate(&i, b, y).need,
        Some(CumulativeNeed::Unreachable { .. })
    ));
    // the quarter's own gap is counted from its own counts: 20% of 1,567 is 313.4, so 1 more
    let q = evaluate(
        &i,
        basis("2026-07-05", "2026-01-01"),
        Period::Quarter(2026, 2),
    );
    assert_eq!(q.gap.unwrap().counts, Some(CountGap::More(1)));
}

#[test]
fn a_strict_miss_at_the_bound_is_not_a_zero_gap_nor_a_full_bar() {
    let y = Period::Year(2021);
    let mut i = indicator(Kind::Percent, Comparator::MoreThan);
    i.targets.push(target(y, pct(97.0)));
    i.actuals.push(Actual {
        period: y,
        figure: pct(97.0),
    });
    let e = evaluate(&i, basis("2022-01-10", "2021-01-01"), y);
    assert_eq!(e.status, Status::NotMet);
    let g = e.gap.unwrap();
    assert!(!g.met && g.at_bound);
    assert!(e.shown.unwrap() < 1.0, "{:?}", e.shown);
    // the bar leaves a visible part empty, and the score gives no full mark
    assert_eq!(e.bar, Some(1.0 - BAR_SHORT));
    let mut plan = Plan::new("p", "x", Unit::new("Mộc Châu", Level::District), 2021);
    plan.indicators.push(std::rc::Rc::new(i.clone()));
    let s = score(&plan, basis("2022-01-10", "2021-01-01"), y);
    assert!(s.overall.is_some_and(|v| v < 100.0), "{:?}", s.overall);
    i.set_actual(y, Some(pct(97.5)));
    let e = evaluate(&i, basis("2022-01-10", "2021-01-01"), y);
    assert_eq!(e.status, Status::Met);
    assert!(!e.gap.unwrap().at_bound);
    assert_eq!(e.bar, Some(1.0));
}

#[test]
fn a_share_of_units_given_as_a_percent_is_counted_in_units() {
    let y = Period::Year(2026);
    let mut i = indicator(Kind::FractionOfUnits, Comparator::AtLeast);
    i.targets.push(target(y, pct(100.0)));
    i.actuals.push(Actual {
        period: y,
        figure: pct(60.0),
    });
    let b = Basis {
        units: 15,
        ..basis("2026-06-30", "2026-01-01")
    };
    // 60% of 15 communes is 9: 6 more
    assert_eq!(
        evaluate(&i, b, y).gap.unwrap().counts,
        Some(CountGap::More(6))
    );
    assert_eq!(
        evaluate(&i, Basis { units: 0, ..b }, y).gap.unwrap().counts,
        None
    );
}

fn unit_plan(
    id: &str,
    online: f64,
    all: f64,
    communes_done: f64,
    communes: f64,
    services: f64,
) -> Plan {
    let mut p = Plan::new(id, id, Unit::new(id, Level::Commune), 2026);
    let mut a = Indicator::new(
        "a",
        "Hồ sơ trực tuyến",
        Kind::Ratio {
            numerator: "trực tuyến".into(),
            denominator: "tổng".into(),
        },
    );
    a.code = "HS-01".into();
    a.baseline = Some(Baseline {
        figure: counts(online, all),
        as_of: None,
        source: String::new(),
    });
    a.targets.push(target(Period::Year(2026), pct(50.0)));
    let mut b = Indicator::new("b", "Một cửa", Kind::FractionOfUnits);
    b.code = "MC-01".into();
    b.actuals.push(Actual {
        period: Period::Year(2026),
        figure: counts(communes_done, communes),
    });
    let mut c = Indicator::new("c", "Dịch vụ công", Kind::Count);
    c.code = "DV-01".into();
    c.actuals.push(Actual {
        period: Period::Year(2026),
        figure: pct(services),
    });
    p.indicators = vec![a.into(), b.into(), c.into()];
    p
}

#[test]
fn roll_up_sums_counts_and_never_averages_percentages() {
    let x = unit_plan("x", 90.0, 100.0, 3.0, 4.0, 10.0);
    let y = unit_plan("y", 10.0, 900.0, 5.0, 5.0, 7.0);
    let r = roll_up(&[&x, &y], "Tổng hợp", Unit::new("Tỉnh", Level::Province));
    assert!(r.conflicts.is_empty() && r.skipped.is_empty(), "{r:?}");
    let a = &r.plan.indicators[0];
    // 100 of 1,000 is 10%, not the 45.6% an average of 90% and 1.1% would give
    assert_eq!(a.baseline.as_ref().unwrap().figure, counts(100.0, 1000.0));
    // targets of 50% weighted by size: 500 of 1,000
    assert_eq!(a.targets[0].figure, counts(500.0, 1000.0));
    assert_eq!(r.plan.indicators[1].actuals[0].figure, counts(8.0, 9.0));
    assert_eq!(r.plan.indicators[2].actuals[0].figure, pct(17.0));
    assert_eq!(r.plans, 2);
}

#[test]
fn roll_up_reports_differing_definitions_and_bare_percentages() {
    let x = unit_plan("x", 90.0, 100.0, 3.0, 4.0, 10.0);
    let mut y = unit_plan("y", 10.0, 900.0, 5.0, 5.0, 7.0);
    std::rc::Rc::make_mut(&mut y.indicators[1]).kind = Kind::Percent;
    std::rc::Rc::make_mut(&mut y.indicators[0])
        .baseline
        .as_mut()
        .unwrap()
        .figure = pct(1.1);
    let r = roll_up(&[&x, &y], "Tổng hợp", Unit::default());
    assert_eq!(
        r.conflicts,
        vec![Conflict {
            key: "MC-01".into(),
            plan_id: "y".into(),
            unit: "y".into(),
            what: "kind".into()
        }]
    );
    assert_eq!(r.plans, 2);
    assert!(r.skipped.contains(&Skipped {
        key: "HS-01".into(),
        period: None,
        actual: false,
        reason: SkipReason::PercentWithoutCounts
    }));
    // the conflicting unit is left out: only x's 3 of 4 remain
    assert_eq!(r.plan.indicators[1].actuals[0].figure, counts(3.0, 4.0));
}

#[test]
fn warnings_catch_what_a_reviewer_would() {
    let mut plan = Plan::new("p", "p", Unit::default(), 2026);
    let mut a = indicator(Kind::Percent, Comparator::AtLeast);
    a.id = "a".into();
    a.code = "VB-01".into();
    a.baseline = Some(Baseline {
        figure: pct(90.0),
        as_of: None,
        source: String::new(),
    });
    a.targets.push(target(Period::Year(2026), pct(85.0)));
    a.targets.push(target(Period::Year(2028), pct(120.0)));
    let mut b = indicator(Kind::Count, Comparator::AtLeast);
    b.id = "b".into();
    b.actuals.push(Actual {
        period: Period::Year(2026),
        figure: pct(-2.0),
    });
    plan.indicators = vec![a.into(), b.into()];
    let mut parent = plan.clone();
    std::rc::Rc::make_mut(&mut parent.indicators[0]).targets[0].figure = pct(95.0);
    let w = warnings(&plan, Some(&parent));
    let expect = [
        Warning::TargetNotAboveBaseline {
            indicator: "a".into(),
            period: Period::Year(2026),
        },
        Warning::WeakerThanParent {
            indicator: "a".into(),
            period: Period::Year(2026),
            parent: 95.0,
        },
        Warning::PercentAbove100 {
            indicator: "a".into(),
            at: Place::Target(Period::Year(2028)),
        },
        Warning::DeadlineOutsidePeriod {
            indicator: "a".into(),
            period: Period::Year(2028),
        },
        Warning::MissingBaseline {
            indicator: "b".into(),
        },
        Warning::NegativeFigure {
            indicator: "b".into(),
            at: Place::Actual(Period::Year(2026)),
        },
    ];
    for e in &expect {
        assert!(w.contains(e), "missing {e:?} in {w:?}");
    }
    assert_eq!(w.len(), expect.len(), "{w:?}");
}

#[test]
fn composite_score_covers_only_indicators_with_an_actual() {
    let mut plan = Plan::new("p", "p", Unit::default(), 2026);
    let y = Period::Year(2026);
    let mk = |id: &str, group: &str, actual: Option<f64>, weight: Option<f64>| {
        let mut i = indicator(Kind::Percent, Comparator::AtLeast);
        i.id = id.into();
        i.group = group.into();
        i.weight = weight;
        i.baseline = Some(Baseline {
            figure: pct(90.0),
            as_of: None,
            source: String::new(),
        });
        i.targets.push(target(y, pct(80.0)));
        if let Some(a) = actual {
            i.actuals.push(Actual {
                period: y,
                figure: pct(a),
            });
        }
        std::rc::Rc::new(i)
    };
    plan.indicators = vec![
        mk("a", "G1", Some(90.0), None),      // met: 1
        mk("b", "G1", Some(40.0), Some(3.0)), // 40/80 = 0.5, weight 3
        mk("c", "G2", None, None),            // a baseline that meets the target is not a result
        mk("d", "G2", Some(60.0), None),      // 0.75
    ];
    let b = basis("2026-12-31", "2026-01-01");
    let s = score(&plan, b, y);
    assert_eq!((s.scored, s.judged), (3, 4));
    let g1 = (1.0 + 0.5 * 3.0) / 4.0 * 100.0;
    assert!((s.groups[0].score.unwrap() - g1).abs() < 1e-9);
    assert_eq!((s.groups[1].scored, s.groups[1].judged), (1, 2));
    assert!((s.groups[1].score.unwrap() - 75.0).abs() < 1e-9);
    let overall = (1.0 + 1.5 + 0.75) / 5.0 * 100.0;
    assert!((s.overall.unwrap() - overall).abs() < 1e-9);
    // a draft: baselines that meet every target, no actual, no score
    let mut draft = plan.clone();
    for i in &mut draft.indicators {
        std::rc::Rc::make_mut(i).actuals.clear();
    }
    let s = score(&draft, b, y);
    assert_eq!((s.overall, s.scored, s.judged), (None, 0, 4));
    assert!(draft
        .indicators
        .iter()
        .all(|i| status(i, b, y) == Status::NoActual));
    // a tracked indicator is neither judged nor scored
    std::rc::Rc::make_mut(&mut plan.indicators[3]).direction = Direction::Tracked;
    assert_eq!(
        (score(&plan, b, y).scored, score(&plan, b, y).judged),
        (2, 3)
    );
    assert_eq!(
        score(&Plan::new("e", "e", Unit::default(), 2026), b, y).overall,
        None
    );
}

#[test]
fn a_baseline_that_meets_its_target_is_a_warning_the_planner_can_accept() {
    // "duy trì 103 dịch vụ": keep 103 services
    let mut plan = Plan::new("p", "p", Unit::default(), 2021);
    let mut i = indicator(Kind::Count, Comparator::AtLeast);
    i.baseline = Some(Baseline {
        figure: pct(103.0),
        as_of: None,
        source: String::new(),
    });
    i.targets.push(target(Period::Year(2021), pct(103.0)));
    plan.indicators.push(i.into());
    let w = warnings(&plan, None);
    assert_eq!(
        w,
        vec![Warning::TargetNotAboveBaseline {
            indicator: "i".into(),
            period: Period::Year(2021)
        }]
    );
    assert_eq!(acknowledged(&plan, &w[0]), None);
    let plan = chitieu::plan::edit::apply_edit(
        &plan,
        &chitieu::plan::edit::Edit::Acknowledge {
            id: "i".into(),
            warning: w[0].code().into(),
            period: w[0].period(),
            reason: Some("duy trì 103 dịch vụ".into()),
        },
    );
    assert_eq!(acknowledged(&plan, &w[0]), Some("duy trì 103 dịch vụ"));
    // tracked, not judged: no warning about which way the target goes
    let mut tracked = plan.clone();
    std::rc::Rc::make_mut(&mut tracked.indicators[0]).direction = Direction::Tracked;
    assert!(warnings(&tracked, None).is_empty());
}

#[test]
fn a_total_belongs_to_the_level_above() {
    let mut a = unit_plan("Xã A", 1.0, 2.0, 1.0, 1.0, 1.0);
    let mut b = unit_plan("Xã B", 1.0, 2.0, 1.0, 1.0, 1.0);
    // no parent named: one above the communes' level
    assert_eq!(rollup_unit(&[&a, &b]), Err(Level::Province));
    a.parent_unit = Some(Unit::new("UBND tỉnh Sơn La", Level::Province));
    b.parent_unit = Some(Unit::new("UBND TỈNH SƠN LA ", Level::Province));
    assert_eq!(
        rollup_unit(&[&a, &b]),
        Ok(Unit::new("UBND tỉnh Sơn La", Level::Province))
    );
    let r = roll_up(&[&a, &b], "Tổng hợp", rollup_unit(&[&a, &b]).unwrap());
    assert_eq!(r.plan.unit.name, "UBND tỉnh Sơn La");
    assert_ne!(r.plan.unit.name, a.unit.name, "never the first file's unit");
    b.parent_unit = Some(Unit::new("UBND tỉnh Lai Châu", Level::Province));
    assert_eq!(rollup_unit(&[&a, &b]), Err(Level::Province));
}

#[test]
fn a_quarter_that_is_over_is_judged_on_its_own_figures_not_the_years_later_one() {
    // 70% today, 98% by the end of 2026, with interim targets: 75% in Q1, 85% by the half year
    let mut i = indicator(Kind::Percent, Comparator::AtLeast);
    i.baseline = Some(Baseline {
        figure: pct(70.0),
        as_of: Some(date("2025-12-31")),
        source: Default::default(),
    });
    let (y, q1, h1) = (
        Period::Year(2026),
        Period::Quarter(2026, 1),
        Period::Half(2026, 1),
    );
    i.targets = vec![
        target(q1, pct(75.0)),
        target(h1, pct(85.0)),
        target(y, pct(98.0)),
    ];
    i.actuals = vec![
        Actual {
            period: q1,
            figure: pct(72.0),
        },
        Actual {
            period: h1,
            figure: pct(80.0),
        },
        Actual {
            period: y,
            figure: pct(85.0),
        },
    ];
    // judged in November: the quarter and the half year are over and missed
    let november = basis("2026-11-23", "2026-01-01");
    let q = evaluate(&i, november, q1);
    assert_eq!(
        q.actual.map(|a| a.value),
        Some(72.0),
        "the quarter's own 72%, not November's 85%"
    );
    assert_eq!(q.status, Status::NotMet);
    let h = evaluate(&i, november, h1);
    assert_eq!(h.actual.map(|a| a.value), Some(80.0));
    assert_eq!(h.status, Status::NotMet);
    // the year is judged on the figure so far
    assert_eq!(
        evaluate(&i, november, y).actual.map(|a| a.value),
        Some(85.0)
    );
    // figures as of 30 June: the half year is judged on its own figure, not the year's so far
    let june = basis("2026-06-30", "2026-01-01");
    assert_eq!(evaluate(&i, june, h1).actual.map(|a| a.value), Some(80.0));
    assert_eq!(evaluate(&i, june, y).actual.map(|a| a.value), Some(85.0));
}

#[test]
fn without_a_baseline_a_figure_short_of_any_possible_pace_is_behind() {
    // a 2026 target of 100%, no baseline (a commune's handed-down file): 0% in November is behind
    let mut i = indicator(Kind::Percent, Comparator::AtLeast);
    i.targets = vec![target(Period::Year(2026), pct(100.0))];
    i.actuals = vec![Actual {
        period: Period::Year(2026),
        figure: pct(0.0),
    }];
    let november = basis("2026-11-23", "2026-01-01");
    assert_eq!(status(&i, november, Period::Year(2026)), Status::Behind);
    // 95% by November is past the line from nothing: not provably behind
    i.actuals = vec![Actual {
        period: Period::Year(2026),
        figure: pct(95.0),
    }];
    assert_eq!(status(&i, november, Period::Year(2026)), Status::OnTrack);
    // the chart's trajectory still starts at the first target: no baseline is made up
    assert!(trajectory(&i, november, Period::Year(2026))
        .iter()
        .all(|p| p.period.is_some()));
}

#[test]
fn a_figure_for_a_period_not_yet_begun_is_no_result_and_the_next_target_is_the_nearer() {
    // a 2026–2027 plan judged as of 30 June 2026, with a 2027 figure typed ahead of time
    let mut i = indicator(Kind::Percent, Comparator::AtLeast);
    i.baseline = Some(Baseline {
        figure: pct(50.0),
        as_of: Some(date("2025-12-31")),
        source: Default::default(),
    });
    i.targets = vec![
        target(Period::Year(2026), pct(70.0)),
        target(Period::Year(2027), pct(90.0)),
    ];
    i.actuals = vec![
        Actual {
            period: Period::Year(2026),
            figure: pct(55.0),
        },
        Actual {
            period: Period::Year(2027),
            figure: pct(95.0),
        },
    ];
    let june = basis("2026-06-30", "2026-01-01");
    assert_eq!(
        latest_actual(&i, june, Period::Year(2027)).map(|a| a.value),
        Some(55.0)
    );
    assert_ne!(status(&i, june, Period::Year(2027)), Status::Met);
    // the way to 2027 goes through 2026's target, due first
    let rate = required_rate(&i, june, Period::Year(2027)).expect("a rate");
    assert_eq!(rate.to_period, Period::Year(2026));
}

#[test]
fn a_ceiling_with_no_baseline_is_the_line_from_the_start() {
    // overdue dossiers under 2% in 2026, no baseline written: 90 of 3,000
    // (3%) in late November is above the ceiling, so behind; 1% meets it
    let y = Period::Year(2026);
    let mut i = indicator(
        Kind::Ratio {
            numerator: "hồ sơ quá hạn".into(),
            denominator: "tổng số hồ sơ".into(),
        },
        Comparator::LessThan,
    );
    i.direction = Direction::Lower;
    i.targets.push(target(y, pct(2.0)));
    i.set_actual(y, Some(counts(90.0, 3000.0)));
    let b = basis("2026-11-23", "2026-01-01");
    assert_eq!(status(&i, b, y), Status::Behind);
    i.set_actual(y, Some(counts(1500.0, 3000.0)));
    assert_eq!(status(&i, b, y), Status::Behind);
    // early in the year too: nobody wrote down a start above the ceiling
    assert_eq!(
        status(&i, basis("2026-02-01", "2026-01-01"), y),
        Status::Behind
    );
    i.set_actual(y, Some(counts(30.0, 3000.0)));
    assert_eq!(status(&i, b, y), Status::Met);
    // with a baseline of 10% the line runs down from it: 3% at the end of June is on track
    i.baseline = Some(Baseline {
        figure: pct(10.0),
        as_of: None,
        source: String::new(),
    });
    i.set_actual(y, Some(counts(90.0, 3000.0)));
    assert_eq!(
        status(&i, basis("2026-06-30", "2026-01-01"), y),
        Status::OnTrack
    );
}

#[test]
fn scores_are_never_summed_and_shares_handed_down_alike_total_that_share() {
    let y = Period::Year(2026);
    let unit_plan = |id: &str, score: f64, with_counts: bool| {
        let mut p = Plan::new(id, id, Unit::new(id, Level::Commune), 2026);
        let mut index = Indicator::new("cs", "Chỉ số phục vụ", Kind::Count);
        index.code = "CS-01".into();
        index.unit_label = "điểm".into();
        index.targets.push(target(y, pct(85.0)));
        index.set_actual(y, Some(pct(score)));
        let mut share = Indicator::new("dvc", "Hồ sơ trực tuyến", Kind::Percent);
        share.code = "DVC-01".into();
        // the province's 80% handed down to every commune; one has reported its counts
        share.targets.push(target(y, pct(80.0)));
        if with_counts {
            share.set_actual(y, Some(counts(90.0, 100.0)));
        }
        p.indicators = vec![std::rc::Rc::new(index), std::rc::Rc::new(share)];
        p
    };
    let (a, b) = (unit_plan("a", 82.5, true), unit_plan("b", 65.0, false));
    let r = roll_up(&[&a, &b], "tỉnh", Unit::new("tỉnh", Level::Province));
    let index = &r.plan.indicators[0];
    assert!(
        index.actuals.is_empty() && index.targets.is_empty(),
        "82,5 + 65 points is no total"
    );
    assert!(r.skipped.contains(&Skipped {
        key: "CS-01".into(),
        period: Some(y),
        actual: true,
        reason: SkipReason::NotAdditive
    }));
    // every commune's target is 80%: so is the total's, whatever their sizes
    assert_eq!(r.plan.indicators[1].targets[0].figure, pct(80.0));
    // one commune's actual alone is not the total: said once, as the actual's
    let notes: Vec<&Skipped> = r.skipped.iter().filter(|s| s.key == "DVC-01").collect();
    assert_eq!(notes.len(), 1);
    assert!(notes[0].actual);
}

#[test]
fn a_score_below_the_level_above_is_warned_a_count_is_not() {
    let y = Period::Year(2026);
    let plan_with = |score: f64, services: f64| {
        let mut p = Plan::new("p", "p", Unit::default(), 2026);
        let mut index = indicator(Kind::Count, Comparator::AtLeast);
        index.id = "cs".into();
        index.code = "CS-01".into();
        index.unit_label = "điểm".into();
        index.targets.push(target(y, pct(score)));
        let mut count = indicator(Kind::Count, Comparator::AtLeast);
        count.id = "dvc".into();
        count.code = "DVC-08".into();
        count.unit_label = "dịch vụ".into();
        count.targets.push(target(y, pct(services)));
        p.indicators = vec![index.into(), count.into()];
        p
    };
    // the commune sets 80 points where the province asks 85; its 40 services are its share of the province's 103
    let w = warnings(&plan_with(80.0, 40.0), Some(&plan_with(85.0, 103.0)));
    let weaker: Vec<&str> = w
        .iter()
        .filter_map(|w| match w {
            Warning::WeakerThanParent { indicator, .. } => Some(indicator.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(weaker, vec!["cs"]);
}

#[test]
fn the_catalog_keeps_a_flow_of_documents_as_counts_whose_quarter_does_not_stand_for_the_year() {
    // 120 of the 200 documents sent by the end of Q2 carry a signature; 80% asked for the year.
    // The year's documents are not the quarter's 200: the gap in documents waits for a forecast.
    let entry = chitieu::catalog::catalog().entry("VB-02").unwrap();
    let years = YearSpan {
        start: 2026,
        end: 2026,
    };
    let mut i = entry.indicator("vb".into(), Level::Commune, Level::Commune, years, chitieu::i18n::Lang::Vi);
    assert!(matches!(i.kind, Kind::Ratio { .. }), "{:?}", i.kind);
    let y = Period::Year(2026);
    i.targets.push(target(y, pct(80.0)));
    i.actuals.push(Actual {
        period: Period::Quarter(2026, 2),
        figure: counts(120.0, 200.0),
    });
    let b = basis("2026-07-05", "2026-01-01");
    let g = evaluate(&i, b, y).gap.unwrap();
    assert_eq!(g.counts, None, "not 40 more counted on the quarter's 200");
    assert!(g.needs_forecast);
    assert_eq!(evaluate(&i, b, y).status, Status::OnTrack, "60% by mid-year is past the line from nothing");
    // 300 more documents expected in the second half: 0.8 · 500 = 400 signed, 280 of the 300
    i.targets[0].forecast = Some(300.0);
    assert_eq!(
        evaluate(&i, b, y).gap.unwrap().counts,
        Some(CountGap::More(280))
    );
    // only 10 more: even all of them signed leave 130 of 210, short of 80% for good
    i.targets[0].forecast = Some(10.0);
    let e = evaluate(&i, b, y);
    assert!(matches!(e.need, Some(CumulativeNeed::Unreachable { .. })));
    assert_eq!(e.status, Status::Behind, "out of reach is never on track");
    assert_eq!(status(&i, b, y), Status::Behind, "the status alone says the same");
}

#[test]
fn a_share_kept_as_a_plain_percent_and_as_a_ratio_of_counts_add_up_together() {
    // one commune's file from before the catalog kept signed documents as counts of a flow
    let plan = |id: &str, kind: Kind, n: f64, d: f64| {
        let mut p = Plan::new(id, "2026", Unit::new(format!("Xã {id}"), Level::Commune), 2026);
        let mut i = indicator(kind, Comparator::AtLeast);
        i.code = "VB-02".into();
        i.actuals.push(Actual {
            period: Period::Year(2026),
            figure: counts(n, d),
        });
        p.indicators.push(i.into());
        p
    };
    let a = plan("a", Kind::Percent, 80.0, 100.0);
    let b = plan(
        "b",
        Kind::Ratio {
            numerator: "văn bản đi có ký số".into(),
            denominator: "văn bản điện tử đi".into(),
        },
        120.0,
        300.0,
    );
    let total = roll_up(&[&a, &b], "Tổng hợp", Unit::new("Tỉnh", Level::Province));
    assert!(total.conflicts.is_empty(), "{:?}", total.conflicts);
    assert_eq!(
        total.plan.indicators[0].actual_for(Period::Year(2026)).unwrap().figure,
        counts(200.0, 400.0)
    );
    // a count of documents is another measure all the same
    let c = plan("c", Kind::Count, 5.0, 1.0);
    assert_eq!(
        roll_up(&[&a, &c], "Tổng hợp", Unit::new("Tỉnh", Level::Province)).conflicts.len(),
        1
    );
}

#[test]
fn a_milestone_inside_the_year_is_a_step_to_the_parents_year_target_not_weaker_than_it() {
    let mut plan = Plan::new("p", "p", Unit::new("Xã", Level::Commune), 2026);
    let mut a = indicator(Kind::Percent, Comparator::AtLeast);
    a.id = "a".into();
    a.code = "VB-03".into();
    a.targets.push(target(Period::Quarter(2026, 2), pct(50.0)));
    a.targets.push(target(Period::Year(2026), pct(90.0)));
    plan.indicators = vec![a.into()];
    // the level above asks 100% for the year (2629/QĐ-TTg, due 2027)
    let mut parent = Plan::new("n", "n", Unit::new("Quốc gia", Level::Other), 2026);
    let mut n = indicator(Kind::Percent, Comparator::AtLeast);
    n.code = "VB-03".into();
    n.targets.push(target(Period::Year(2026), pct(100.0)));
    parent.indicators = vec![n.into()];
    let weaker: Vec<Period> = warnings(&plan, Some(&parent))
        .into_iter()
        .filter_map(|w| match w {
            Warning::WeakerThanParent { period, .. } => Some(period),
            _ => None,
        })
        .collect();
    // the year's 90% is weaker than 100%; the quarter's 50% on the way is not
    assert_eq!(weaker, [Period::Year(2026)]);
}
