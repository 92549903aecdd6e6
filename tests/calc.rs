//! The calculation rules, one test a rule, on the real figures of real plans.
#![cfg(not(target_arch = "wasm32"))]

use chitieu::calc::*;
use chitieu::plan::*;

fn counts(n: f64, d: f64) -> Figure {
    Figure::Counts { numerator: n, denominator: d }
}

fn pct(v: f64) -> Figure {
    Figure::Value(v)
}

fn target(period: Period, figure: Figure) -> Target {
    Target { period, figure, upper: None }
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
    assert_eq!(value(&Kind::Ratio { numerator: "a".into(), denominator: "b".into() }, counts(0.0, 0.0)), None);
    assert_eq!(value(&Kind::Reduction, counts(5.0, 0.0)), None);
    assert_eq!(value(&Kind::Percent, pct(f64::NAN)), None);
}

#[test]
fn figures_are_read_by_kind() {
    assert_eq!(value(&Kind::Percent, counts(1249.0, 1567.0)).unwrap(), 1249.0 * 100.0 / 1567.0);
    assert_eq!(value(&Kind::FractionOfUnits, counts(15.0, 15.0)), Some(100.0));
    assert_eq!(value(&Kind::Count, counts(103.0, 120.0)), Some(103.0));
    assert_eq!(value(&Kind::Count, pct(103.0)), Some(103.0));
    // meeting time from 120 hours to 84 hours is a 30% cut
    assert_eq!(value(&Kind::Reduction, counts(84.0, 120.0)), Some(30.0));
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
    let i = indicator(Kind::Ratio { numerator: "hồ sơ trực tuyến".into(), denominator: "tổng hồ sơ".into() }, Comparator::AtLeast);
    let t = target(Period::Year(2022), pct(30.0));
    let g = gap(&i, counts(153.0, 1567.0), &t).unwrap();
    assert!(!g.met);
    assert!((g.remaining - (30.0 - 153.0 * 100.0 / 1567.0)).abs() < 1e-9);
    // 30% of 1,567 is 470.1, so 471 online dossiers are needed: 318 more
    assert_eq!(g.counts, Some(CountGap::More(318)));
}

#[test]
fn mai_son_commune_leaders_with_digital_signatures() {
    // 68% of commune leaders hold a digital signature; the 2025 target is 100%
    let mut i = indicator(Kind::Percent, Comparator::AtLeast);
    i.baseline = Some(Baseline { figure: pct(68.0), as_of: Some(date("2022-03-31")), source: "Báo cáo quý I/2022".into() });
    i.targets.push(target(Period::Year(2025), pct(100.0)));
    let g = gap(&i, pct(68.0), &i.targets[0]).unwrap();
    assert_eq!(g.remaining, 32.0);
    assert_eq!(g.counts, None, "a bare percent has no counts");
    // as counts: 51 of 75 leaders, so 24 more
    let g = gap(&i, counts(51.0, 75.0), &i.targets[0]).unwrap();
    assert_eq!(g.counts, Some(CountGap::More(24)));
    let a = achievement(i.direction, Some(68.0), 68.0, 100.0);
    assert_eq!(a.progress, Some(0.0));
    assert_eq!(a.ratio, Some(0.68));
    // at the baseline's own date the figure sits on the trajectory
    assert_eq!(status(&i, date("2022-03-31"), date("2022-01-01")), Status::OnTrack);
    // an actual of 80% at the end of 2023, where the line stands at about 82.9%: behind
    i.actuals.push(Actual { period: Period::Year(2023), figure: pct(80.0) });
    assert_eq!(status(&i, date("2023-12-31"), date("2022-01-01")), Status::Behind);
    // 90% is past the line: on track
    i.set_actual(Period::Year(2023), Some(pct(90.0)));
    assert_eq!(status(&i, date("2024-06-30"), date("2022-01-01")), Status::OnTrack);
    i.set_actual(Period::Year(2025), Some(pct(100.0)));
    assert_eq!(status(&i, date("2025-12-31"), date("2022-01-01")), Status::Met);
}

#[test]
fn moc_chau_fifteen_of_fifteen_communes() {
    let mut plan = Plan::new("mc", "Kế hoạch 2021", Unit { name: "Mộc Châu".into(), level: Level::District }, 2021);
    plan.sub_units = (1..=15).map(|k| Unit { name: format!("Xã {k}"), level: Level::Commune }).collect();
    let mut i = indicator(Kind::FractionOfUnits, Comparator::AtLeast);
    i.baseline = Some(Baseline { figure: counts(12.0, 15.0), as_of: Some(date("2020-12-31")), source: String::new() });
    i.targets.push(target(Period::Year(2021), counts(15.0, 15.0)));
    let g = gap(&i, counts(12.0, 15.0), &i.targets[0]).unwrap();
    assert_eq!(g.counts, Some(CountGap::More(3)));
    assert_eq!(g.remaining, 20.0);
    i.actuals.push(Actual { period: Period::Year(2021), figure: counts(15.0, 15.0) });
    plan.indicators.push(i.clone().into());
    let e = evaluate(&plan, &plan.indicators[0], Period::Year(2021));
    assert_eq!(e.status, Status::Met);
    assert_eq!(e.gap.unwrap().counts, Some(CountGap::More(0)));
    // 16 of 15 communes is flagged
    std::rc::Rc::make_mut(&mut plan.indicators[0]).set_actual(Period::Year(2021), Some(counts(16.0, 15.0)));
    let w = warnings(&plan, None);
    assert!(w.contains(&Warning::CountAboveUnits { indicator: "i".into(), at: Place::Actual(Period::Year(2021)), count: 16.0, units: 15 }));
    assert!(w.contains(&Warning::NumeratorAboveDenominator { indicator: "i".into(), at: Place::Actual(Period::Year(2021)) }));
    assert!(w.contains(&Warning::PercentAbove100 { indicator: "i".into(), at: Place::Actual(Period::Year(2021)) }));
}

#[test]
fn a_full_target_out_of_reach_in_counts_is_unreachable() {
    let i = indicator(Kind::Percent, Comparator::MoreThan);
    let g = gap(&i, counts(90.0, 100.0), &target(Period::Year(2025), pct(100.0))).unwrap();
    assert_eq!(g.counts, Some(CountGap::Unreachable));
}

#[test]
fn lower_is_better_gaps_count_down() {
    // overdue dossiers: at most 2% of 1,567; 40 are overdue now
    let mut i = indicator(Kind::Percent, Comparator::AtMost);
    i.direction = Direction::Lower;
    let g = gap(&i, counts(40.0, 1567.0), &target(Period::Year(2025), pct(2.0))).unwrap();
    // 2% of 1,567 is 31.34, so at most 31 overdue: 9 fewer
    assert_eq!(g.counts, Some(CountGap::Fewer(9)));
    let a = achievement(Direction::Lower, None, 4.0, 2.0);
    assert_eq!(a.ratio, Some(0.5));
    let mut less = indicator(Kind::Count, Comparator::LessThan);
    less.direction = Direction::Lower;
    assert_eq!(gap(&less, pct(5.0), &target(Period::Year(2025), pct(3.0))).unwrap().counts, Some(CountGap::Fewer(3)));
}

#[test]
fn meeting_time_cut_by_30_percent() {
    let i = indicator(Kind::Reduction, Comparator::AtLeast);
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
    let t = Target { period: Period::Year(2020), figure: pct(2.0), upper: Some(5.0) };
    assert_eq!(target_bounds(&i, &t), Some((2.0, 5.0)));
    assert!(gap(&i, pct(3.0), &t).unwrap().met);
    assert_eq!(gap(&i, pct(1.0), &t).unwrap().counts, Some(CountGap::More(1)));
    assert_eq!(gap(&i, pct(7.0), &t).unwrap().counts, Some(CountGap::Fewer(2)));
    let exactly = indicator(Kind::Count, Comparator::Exactly);
    let g = gap(&exactly, pct(101.0), &target(Period::Year(2021), pct(103.0))).unwrap();
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
    assert_eq!(achievement(Direction::Higher, Some(100.0), 100.0, 100.0).progress, None);
    assert_eq!(achievement(Direction::Higher, None, 5.0, 0.0).ratio, None);
}

#[test]
fn status_without_figures_is_no_data_and_late_is_behind() {
    let mut i = indicator(Kind::Percent, Comparator::AtLeast);
    assert_eq!(status(&i, date("2021-06-30"), date("2021-01-01")), Status::NoData);
    i.targets.push(target(Period::Year(2021), pct(80.0)));
    assert_eq!(status(&i, date("2021-06-30"), date("2021-01-01")), Status::NoData);
    // no baseline: no line to judge, so on track until the deadline
    i.actuals.push(Actual { period: Period::Quarter(2021, 1), figure: pct(40.0) });
    assert_eq!(status(&i, date("2021-06-30"), date("2021-01-01")), Status::OnTrack);
    assert_eq!(status(&i, date("2022-01-15"), date("2021-01-01")), Status::Behind);
}

#[test]
fn milestones_inside_a_year_pick_the_next_deadline() {
    // "20% by Q2, at least 40% by year end"
    let mut i = indicator(Kind::Percent, Comparator::AtLeast);
    i.baseline = Some(Baseline { figure: pct(0.0), as_of: Some(date("2020-12-31")), source: String::new() });
    i.targets.push(target(Period::Quarter(2021, 2), pct(20.0)));
    i.targets.push(target(Period::Year(2021), pct(40.0)));
    assert_eq!(target_on(&i, date("2021-05-01")).unwrap().period, Period::Quarter(2021, 2));
    assert_eq!(target_on(&i, date("2021-07-01")).unwrap().period, Period::Year(2021));
    assert_eq!(target_on(&i, date("2023-01-01")).unwrap().period, Period::Year(2021));
    i.actuals.push(Actual { period: Period::Quarter(2021, 2), figure: pct(22.0) });
    assert_eq!(status(&i, date("2021-06-30"), date("2021-01-01")), Status::Met);
    // against the year target, 22% at mid-year is past the line (about 20%)
    assert_eq!(status(&i, date("2021-07-01"), date("2021-01-01")), Status::OnTrack);
}

#[test]
fn linear_and_compound_trajectories() {
    let from = Dated { date: date("2020-12-31"), value: 20.0 };
    let to = Dated { date: date("2025-12-31"), value: 80.0 };
    let lin = trajectory(from, to, Step::Year, Shape::Linear);
    let values: Vec<f64> = lin.iter().map(|m| m.value).collect();
    assert_eq!(lin.iter().map(|m| m.period).collect::<Vec<_>>(), (2021..=2025).map(Period::Year).collect::<Vec<_>>());
    for (got, want) in values.iter().zip([32.0, 44.0, 56.0, 68.0, 80.0]) {
        assert!((got - want).abs() < 1e-9, "{got} vs {want}");
    }
    let comp = trajectory(from, to, Step::Year, Shape::Compound);
    // 20 · 4^(1/5) ≈ 26.39 after the first year; the last step lands on the target
    assert!((comp[0].value - 20.0 * 4f64.powf(0.2)).abs() < 1e-9);
    assert!((comp[4].value - 80.0).abs() < 1e-9);
    let quarters = trajectory(from, Dated { date: date("2021-12-31"), value: 40.0 }, Step::Quarter, Shape::Linear);
    assert_eq!(quarters.len(), 4);
    assert!((quarters[1].value - 30.0).abs() < 1e-9);
    // a compound curve from zero cannot grow: it falls back to a straight line
    let zero = trajectory(Dated { value: 0.0, ..from }, to, Step::Year, Shape::Compound);
    assert!((zero[0].value - 16.0).abs() < 1e-9);
    // a target on a date that is not a period end is added as the last milestone
    let odd = trajectory(from, Dated { date: date("2021-08-15"), value: 50.0 }, Step::Quarter, Shape::Linear);
    assert_eq!(odd.last().unwrap().period, Period::Date(date("2021-08-15")));
    assert_eq!(odd.len(), 3);
}

#[test]
fn the_rate_still_needed_per_remaining_period() {
    let latest = Dated { date: date("2022-12-31"), value: 68.0 };
    let r = required_rate(latest, Dated { date: date("2025-12-31"), value: 100.0 }, Step::Year).unwrap();
    assert_eq!(r.periods, 3);
    assert!((r.per_period - 32.0 / 3.0).abs() < 1e-9);
    assert!((r.growth.unwrap() - ((100.0f64 / 68.0).powf(1.0 / 3.0) - 1.0)).abs() < 1e-12);
    let q = required_rate(latest, Dated { date: date("2023-12-31"), value: 80.0 }, Step::Quarter).unwrap();
    assert_eq!(q.periods, 4);
    assert_eq!(q.per_period, 3.0);
    assert_eq!(required_rate(latest, Dated { date: date("2022-06-30"), value: 80.0 }, Step::Year), None);
}

#[test]
fn cumulative_share_still_needed_for_the_year() {
    // 1,567 dossiers handled by Q2, 313 of them online (about 20%); 1,600 more expected.
    // At least 40% for the year: 0.4 · 3,167 = 1,266.8, so 1,267 online in all: 954 of the 1,600 to come.
    match cumulative_need(1567.0, 313.0, 1600.0, 40.0, Comparator::AtLeast) {
        CumulativeNeed::Need { items, share } => {
            assert_eq!(items, 954);
            assert!((share - 954.0 * 100.0 / 1600.0).abs() < 1e-9);
        }
        other => panic!("expected a need, got {other:?}"),
    }
    assert_eq!(cumulative_need(100.0, 50.0, 100.0, 25.0, Comparator::AtLeast), CumulativeNeed::Assured);
    // exactly 25% with "more than 25%": one more item is needed
    assert_eq!(cumulative_need(100.0, 50.0, 100.0, 25.0, Comparator::MoreThan), CumulativeNeed::Need { items: 1, share: 1.0 });
    assert!(matches!(cumulative_need(100.0, 0.0, 10.0, 50.0, Comparator::AtLeast), CumulativeNeed::Unreachable { .. }));
    assert!(matches!(cumulative_need(0.0, 0.0, 0.0, 50.0, Comparator::AtLeast), CumulativeNeed::Unreachable { .. }));
}

fn unit_plan(id: &str, online: f64, all: f64, communes_done: f64, communes: f64, services: f64) -> Plan {
    let mut p = Plan::new(id, id, Unit { name: id.into(), level: Level::Commune }, 2026);
    let mut a = Indicator::new("a", "Hồ sơ trực tuyến", Kind::Ratio { numerator: "trực tuyến".into(), denominator: "tổng".into() });
    a.code = "HS-01".into();
    a.baseline = Some(Baseline { figure: counts(online, all), as_of: None, source: String::new() });
    a.targets.push(target(Period::Year(2026), pct(50.0)));
    let mut b = Indicator::new("b", "Một cửa", Kind::FractionOfUnits);
    b.code = "MC-01".into();
    b.actuals.push(Actual { period: Period::Year(2026), figure: counts(communes_done, communes) });
    let mut c = Indicator::new("c", "Dịch vụ công", Kind::Count);
    c.code = "DV-01".into();
    c.actuals.push(Actual { period: Period::Year(2026), figure: pct(services) });
    p.indicators = vec![a.into(), b.into(), c.into()];
    p
}

#[test]
fn roll_up_sums_counts_and_never_averages_percentages() {
    let x = unit_plan("x", 90.0, 100.0, 3.0, 4.0, 10.0);
    let y = unit_plan("y", 10.0, 900.0, 5.0, 5.0, 7.0);
    let r = roll_up(&[&x, &y], "Tổng hợp");
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
    std::rc::Rc::make_mut(&mut y.indicators[0]).baseline.as_mut().unwrap().figure = pct(1.1);
    let r = roll_up(&[&x, &y], "Tổng hợp");
    assert_eq!(r.conflicts, vec![Conflict { key: "MC-01".into(), plan_id: "y".into(), unit: "y".into(), what: "kind" }]);
    assert_eq!(r.plans, 2);
    assert!(r.skipped.contains(&Skipped { key: "HS-01".into(), period: None, reason: SkipReason::PercentWithoutCounts }));
    // the conflicting unit is left out: only x's 3 of 4 remain
    assert_eq!(r.plan.indicators[1].actuals[0].figure, counts(3.0, 4.0));
}

#[test]
fn warnings_catch_what_a_reviewer_would() {
    let mut plan = Plan::new("p", "p", Unit::default(), 2026);
    let mut a = indicator(Kind::Percent, Comparator::AtLeast);
    a.id = "a".into();
    a.code = "VB-01".into();
    a.baseline = Some(Baseline { figure: pct(90.0), as_of: None, source: String::new() });
    a.targets.push(target(Period::Year(2026), pct(85.0)));
    a.targets.push(target(Period::Year(2028), pct(120.0)));
    let mut b = indicator(Kind::Count, Comparator::AtLeast);
    b.id = "b".into();
    b.actuals.push(Actual { period: Period::Year(2026), figure: pct(-2.0) });
    plan.indicators = vec![a.into(), b.into()];
    let mut parent = plan.clone();
    std::rc::Rc::make_mut(&mut parent.indicators[0]).targets[0].figure = pct(95.0);
    let w = warnings(&plan, Some(&parent));
    let expect = [
        Warning::TargetWeakerThanBaseline { indicator: "a".into(), period: Period::Year(2026) },
        Warning::WeakerThanParent { indicator: "a".into(), period: Period::Year(2026), parent: 95.0 },
        Warning::PercentAbove100 { indicator: "a".into(), at: Place::Target(Period::Year(2028)) },
        Warning::DeadlineOutsidePeriod { indicator: "a".into(), period: Period::Year(2028) },
        Warning::MissingBaseline { indicator: "b".into() },
        Warning::NegativeFigure { indicator: "b".into(), at: Place::Actual(Period::Year(2026)) },
    ];
    for e in &expect {
        assert!(w.contains(e), "missing {e:?} in {w:?}");
    }
    assert_eq!(w.len(), expect.len(), "{w:?}");
}

#[test]
fn composite_score_is_a_weighted_mean() {
    let mut plan = Plan::new("p", "p", Unit::default(), 2026);
    let y = Period::Year(2026);
    let mk = |id: &str, group: &str, actual: Option<f64>, weight: Option<f64>| {
        let mut i = indicator(Kind::Percent, Comparator::AtLeast);
        i.id = id.into();
        i.group = group.into();
        i.weight = weight;
        i.targets.push(target(y, pct(80.0)));
        if let Some(a) = actual {
            i.actuals.push(Actual { period: y, figure: pct(a) });
        }
        std::rc::Rc::new(i)
    };
    plan.indicators = vec![
        mk("a", "G1", Some(90.0), None),       // met: 1
        mk("b", "G1", Some(40.0), Some(3.0)),  // 40/80 = 0.5, weight 3
        mk("c", "G2", None, None),             // unscored
        mk("d", "G2", Some(60.0), None),       // 0.75
    ];
    let s = score(&plan, y);
    assert_eq!((s.scored, s.unscored), (3, 1));
    let g1 = (1.0 + 0.5 * 3.0) / 4.0 * 100.0;
    assert!((s.groups[0].score.unwrap() - g1).abs() < 1e-9);
    assert!((s.groups[1].score.unwrap() - 75.0).abs() < 1e-9);
    let overall = (1.0 + 1.5 + 0.75) / 5.0 * 100.0;
    assert!((s.overall.unwrap() - overall).abs() < 1e-9);
    assert_eq!(score(&Plan::new("e", "e", Unit::default(), 2026), y).overall, None);
}
