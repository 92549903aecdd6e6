//! Plans between levels: a province hands its targets down to its communes,
//! collects their files back, compares years, and reports results.
#![cfg(not(target_arch = "wasm32"))]

use chitieu::calc::*;
use chitieu::plan::*;
use std::rc::Rc;

fn counts(n: f64, d: f64) -> Figure {
    Figure::Counts {
        numerator: n,
        denominator: d,
    }
}

fn date(s: &str) -> Date {
    s.parse().unwrap()
}

fn commune(code: &str, name: &str) -> Unit {
    Unit {
        name: name.into(),
        level: Level::Commune,
        code: code.into(),
    }
}

/// Sơn La's 2026 plan: online dossiers (a ratio), leaders with signatures
/// (a percent) and online services (a count), for three of its communes.
fn province() -> Plan {
    let mut p = Plan::new(
        "son-la-2026",
        "Kế hoạch chuyển đổi số tỉnh Sơn La năm 2026",
        Unit {
            name: "UBND tỉnh Sơn La".into(),
            level: Level::Province,
            code: "14".into(),
        },
        2026,
    );
    p.sub_units = vec![
        commune("04117", "UBND xã Mường Chanh"),
        commune("03980", "UBND phường Mộc Châu"),
        commune("04105", "UBND xã Mai Sơn"),
    ];
    let mut hs = Indicator::new(
        "hs",
        "Hồ sơ nộp trực tuyến",
        Kind::Ratio {
            numerator: "hồ sơ trực tuyến".into(),
            denominator: "hồ sơ".into(),
        },
    );
    hs.code = "HS-01".into();
    hs.set_target(Period::Year(2026), Some(Figure::Value(40.0)));
    hs.baseline = Some(Baseline {
        figure: counts(3000.0, 10000.0),
        as_of: None,
        source: String::new(),
    });
    let mut cks = Indicator::new("cks", "Lãnh đạo xã có chữ ký số", Kind::Percent);
    cks.code = "CKS-02".into();
    cks.set_target(Period::Year(2026), Some(Figure::Value(100.0)));
    let mut dvc = Indicator::new("dvc", "Dịch vụ công trực tuyến toàn trình", Kind::Count);
    dvc.code = "DVC-TT".into();
    dvc.unit_label = "dịch vụ".into();
    dvc.set_target(Period::Year(2026), Some(Figure::Value(103.0)));
    p.indicators = vec![hs.into(), cks.into(), dvc.into()];
    p
}

#[test]
fn a_province_hands_its_targets_down_to_three_communes() {
    let parent = province();
    let plans: Vec<Plan> = parent
        .sub_units
        .iter()
        .enumerate()
        .map(|(k, u)| {
            hand_down(
                &parent,
                u,
                None,
                &format!("c{k}"),
                &format!("Kế hoạch 2026 — {}", u.name),
            )
        })
        .collect();
    assert_eq!(plans.len(), 3);
    for (plan, unit) in plans.iter().zip(&parent.sub_units) {
        assert_eq!(&plan.unit, unit, "the unit is filled in with its code");
        assert_eq!(plan.parent_unit.as_ref(), Some(&parent.unit));
        assert_eq!(
            plan.compare_with.as_deref(),
            Some("son-la-2026"),
            "the parent plan is the level above"
        );
        assert_eq!(plan.period, parent.period);
        assert_eq!(
            plan.indicators.iter().map(|i| i.key()).collect::<Vec<_>>(),
            ["HS-01", "CKS-02", "DVC-TT"]
        );
        // shares keep the parent's targets; counts are the commune's to set
        assert_eq!(
            plan.indicators[0]
                .target_for(Period::Year(2026))
                .unwrap()
                .figure,
            Figure::Value(40.0)
        );
        assert_eq!(
            plan.indicators[1]
                .target_for(Period::Year(2026))
                .unwrap()
                .figure,
            Figure::Value(100.0)
        );
        assert!(plan.indicators[2].targets.is_empty());
        // baselines and actuals are left for the commune
        assert!(plan
            .indicators
            .iter()
            .all(|i| i.baseline.is_none() && i.actuals.is_empty()));
    }
    // a chosen subset
    let keys = vec!["CKS-02".to_string()];
    let one = hand_down(&parent, &parent.sub_units[0], Some(&keys), "x", "x");
    assert_eq!(one.indicators.len(), 1);
    // a count the province set for each commune goes down with its target
    let mut per_commune = parent.clone();
    let mut staff = (*per_commune.indicators[2]).clone();
    staff.applies_to = Some(Level::Commune);
    per_commune.indicators[2] = Rc::new(staff);
    let plan = hand_down(&per_commune, &per_commune.sub_units[0], None, "x", "x");
    let staff = &plan.indicators[2];
    assert_eq!(staff.applies_to, None);
    assert_eq!(
        staff.targets, per_commune.indicators[2].targets,
        "the count set for communes is each commune's target"
    );
}

/// A commune's plan as it comes back: its figures for 2026.
fn returned(
    parent: &Plan,
    k: usize,
    online: Option<(f64, f64)>,
    signed: Option<f64>,
    services: Option<f64>,
) -> Plan {
    let u = &parent.sub_units[k];
    let mut p = hand_down(parent, u, None, &format!("back-{k}"), &u.name);
    let y = Period::Year(2026);
    let set = |p: &mut Plan, at: usize, f: Option<Figure>| {
        Rc::make_mut(&mut p.indicators[at]).set_actual(y, f)
    };
    set(&mut p, 0, online.map(|(n, d)| counts(n, d)));
    set(&mut p, 1, signed.map(Figure::Value));
    set(&mut p, 2, services.map(Figure::Value));
    p
}

#[test]
fn the_files_sent_back_are_collected_summed_and_the_missing_named() {
    let parent = province();
    let y = Period::Year(2026);
    let basis = Basis::of(&parent, date("2027-01-20"));
    // Mường Chanh reports everything and meets its targets; Mộc Châu leaves the signatures empty and is behind on dossiers
    let a = returned(&parent, 0, Some((500.0, 1000.0)), Some(100.0), Some(40.0));
    let b = returned(&parent, 1, Some((300.0, 3000.0)), None, Some(50.0));
    let c = collect(&parent, &[&a, &b], basis, y);
    assert_eq!(c.rows.len(), 2);
    assert_eq!(c.rows[0].cells[0].as_ref().unwrap().status, Status::Met);
    assert_eq!(c.rows[1].cells[0].as_ref().unwrap().status, Status::NotMet);
    assert_eq!(
        c.rows[1].cells[1].as_ref().unwrap().status,
        Status::NoActual,
        "left empty: not reported"
    );
    assert!(c.rows[1].behind() && !c.rows[0].behind());
    // the total sums counts: 800 of 4,000 dossiers is 20%, not the 30% an average of 50% and 10% would give
    let total = c.total[0].as_ref().unwrap();
    assert_eq!(total.figure, Some(counts(800.0, 4000.0)));
    assert_eq!(
        total.status,
        Some(Status::NotMet),
        "a share of the units that reported is judged against the province's own 40%"
    );
    assert!(total.partial, "Mai Sơn has not reported: provisional");
    let services = c.total[2].as_ref().unwrap();
    assert_eq!(services.figure, Some(Figure::Value(90.0)));
    assert_eq!(
        services.status, None,
        "2 communes' services are not set against the target for 3"
    );
    // the total says how many units it is of: Mộc Châu left the signatures empty,
    // and the signatures' total is Mường Chanh's, as a unit that sent no file is left out
    assert_eq!((c.reported[0], c.reported[1], c.expected), (2, 1, 3));
    let signed = c.total[1].as_ref().unwrap();
    assert_eq!(
        (signed.figure, signed.partial),
        (Some(Figure::Value(100.0)), true)
    );
    assert!(
        c.skipped.iter().all(|s| !s.actual),
        "no actual is said to be left out: {:?}",
        c.skipped
    );
    // a baseline only one unit gave is not missing from a collection of the year's results
    let mut with_baseline = a.clone();
    Rc::make_mut(&mut with_baseline.indicators[0]).baseline = Some(Baseline {
        figure: counts(100.0, 1000.0),
        as_of: None,
        source: String::new(),
    });
    let baselines = collect(&parent, &[&with_baseline, &b], basis, y);
    assert!(baselines.skipped.is_empty(), "{:?}", baselines.skipped);
    // every unit in, the total is whole and judged
    let m = returned(&parent, 2, Some((200.0, 1000.0)), Some(90.0), Some(30.0));
    let b = returned(&parent, 1, Some((300.0, 3000.0)), Some(95.0), Some(50.0));
    let whole = collect(&parent, &[&a, &b, &m], basis, y);
    let services = whole.total[2].as_ref().unwrap();
    assert_eq!(services.figure, Some(Figure::Value(120.0)));
    assert!(!services.partial && services.status.is_some());
    // the province takes the whole totals as its own actuals, never a provisional one
    assert_eq!(
        totals_to_take(&parent, &whole),
        vec![
            (parent.indicators[0].id.clone(), y, counts(1000.0, 5000.0)),
            (parent.indicators[2].id.clone(), y, Figure::Value(120.0)),
        ],
        "the signatures, three different bare percents, cannot be added up"
    );
    assert_eq!(provisional_totals(&whole), 0);
    let partial = collect(&parent, &[&a, &b], basis, y);
    assert_eq!(
        totals_to_take(&parent, &partial),
        vec![],
        "Mai Sơn has not reported: every total is provisional"
    );
    // the dossiers and the services; the signatures cannot be added up at all
    assert_eq!(provisional_totals(&partial), 2);
    // what the plan already has is not written again
    let mut taken = parent.clone();
    Rc::make_mut(&mut taken.indicators[2]).set_actual(y, Some(Figure::Value(120.0)));
    assert_eq!(totals_to_take(&taken, &whole).len(), 1);
    // the units reported the third quarter only: its total goes to the quarter, not to the year
    let q3 = Period::Quarter(2026, 3);
    let by_quarter: Vec<Plan> = [&a, &b, &m]
        .iter()
        .map(|p| {
            let mut p = (*p).clone();
            let services = Rc::make_mut(&mut p.indicators[2]);
            let figure = services.actual_for(y).map(|a| a.figure);
            services.set_actual(y, None);
            services.set_actual(q3, figure);
            p
        })
        .collect();
    let quarterly = collect(&parent, &by_quarter.iter().collect::<Vec<_>>(), basis, y);
    assert!(totals_to_take(&parent, &quarterly).contains(&(
        parent.indicators[2].id.clone(),
        q3,
        Figure::Value(120.0)
    )));
    // the units count services where the province now keeps a share: their sum is no total of it
    let mut as_share = parent.clone();
    Rc::make_mut(&mut as_share.indicators[2]).kind = Kind::Percent;
    let shared = collect(&as_share, &[&a, &b, &m], basis, y);
    assert_eq!(shared.total[2], None);
    assert_eq!(
        (shared.conflicts.len(), shared.conflicts[0].what.as_str()),
        (1, "kind"),
        "and the notes say why"
    );
    assert_eq!(totals_to_take(&as_share, &shared).len(), 1);
    // Mai Sơn sent nothing
    assert_eq!(c.missing, vec![commune("04105", "UBND xã Mai Sơn")]);
    assert!(c.misfits.is_empty() && c.conflicts.is_empty());
}

#[test]
fn files_that_do_not_fit_are_reported_not_summed() {
    let parent = province();
    let y = Period::Year(2026);
    let basis = Basis::of(&parent, date("2027-01-20"));
    let a = returned(&parent, 0, Some((500.0, 1000.0)), Some(100.0), Some(40.0));
    // last year's file of the same commune
    let mut old = returned(&parent, 0, Some((1.0, 10.0)), None, None);
    old.id = "old".into();
    old.period = YearSpan {
        start: 2025,
        end: 2025,
    };
    // a commune that counts services as a share
    let mut b = returned(&parent, 1, Some((300.0, 3000.0)), Some(90.0), Some(50.0));
    Rc::make_mut(&mut b.indicators[2]).kind = Kind::Percent;
    let c = collect(&parent, &[&a, &old, &b], basis, y);
    assert_eq!(
        c.misfits,
        vec![Misfit::OtherPeriod {
            unit: old.unit.clone(),
            plan_id: "old".into(),
            years: YearSpan {
                start: 2025,
                end: 2025
            }
        }]
    );
    assert_eq!(c.conflicts.len(), 1);
    assert_eq!(
        (c.conflicts[0].key.as_str(), c.conflicts[0].what.as_str()),
        ("DVC-TT", "kind")
    );
    // only Mường Chanh's services are in the total
    assert_eq!(
        c.total[2].as_ref().unwrap().figure,
        Some(Figure::Value(40.0))
    );
    // a second file from the same unit replaces the first, and says so
    let mut again = a.clone();
    again.id = "again".into();
    let c = collect(&parent, &[&a, &again], basis, y);
    assert_eq!(c.rows.len(), 1);
    assert_eq!(c.rows[0].plan_id, "again");
    assert!(matches!(&c.misfits[0], Misfit::Replaced { plan_id, .. } if plan_id == &a.id));
    // another province's commune, and the province's own plan, are named and never summed;
    // the same file added twice counts once
    let mut stranger = returned(&parent, 1, Some((5000.0, 5000.0)), Some(100.0), Some(50.0));
    stranger.id = "stranger".into();
    stranger.unit = commune("17759", "UBND xã Sơn Lâm");
    let c = collect(&parent, &[&a, &a, &stranger, &parent], basis, y);
    assert_eq!(c.rows.len(), 1);
    assert_eq!(
        c.total[2].as_ref().unwrap().figure,
        Some(Figure::Value(40.0))
    );
    assert_eq!(
        c.misfits,
        vec![
            Misfit::NotASubUnit {
                unit: stranger.unit.clone(),
                plan_id: "stranger".into()
            },
            Misfit::NotASubUnit {
                unit: parent.unit.clone(),
                plan_id: parent.id.clone()
            },
        ]
    );
    // a commune that sent last year's file has sent one: it is not among those that sent nothing
    let c = collect(&parent, &[&old], basis, y);
    assert!(!c.missing.iter().any(|u| u.same(&old.unit)));
    assert_eq!(c.missing.len(), parent.sub_units.len() - 1);
}

#[test]
fn two_years_side_by_side_with_an_old_term_renamed() {
    let mut last = province();
    last.id = "2025".into();
    last.period = YearSpan {
        start: 2025,
        end: 2025,
    };
    for i in &mut last.indicators {
        let i = Rc::make_mut(i);
        i.targets.clear();
    }
    Rc::make_mut(&mut last.indicators[0]).set_target(Period::Year(2025), Some(Figure::Value(30.0)));
    Rc::make_mut(&mut last.indicators[0])
        .set_actual(Period::Year(2025), Some(counts(3100.0, 10000.0)));
    Rc::make_mut(&mut last.indicators[1])
        .set_target(Period::Year(2025), Some(Figure::Value(100.0)));
    // last year counted level-4 services; this year full-process ones
    Rc::make_mut(&mut last.indicators[2]).code = "DVC-04".into();
    let mut extra = Indicator::new("x", "Họp trực tuyến", Kind::Count);
    extra.code = "HOP-03".into();
    last.indicators.push(extra.into());
    let mut this = province();
    Rc::make_mut(&mut this.indicators[1]).set_target(Period::Year(2026), Some(Figure::Value(90.0)));
    let canonical = |k: &str| {
        if k == "DVC-04" {
            "DVC-TT".to_string()
        } else {
            k.to_string()
        }
    };
    let rows = compare(
        &[(&last, Period::Year(2025)), (&this, Period::Year(2026))],
        date("2026-03-01"),
        &canonical,
    );
    let row = |key: &str| rows.iter().find(|r| r.key == key).unwrap();
    assert_eq!(rows.len(), 4, "the renamed indicator is one row");
    assert_eq!(row("HS-01").changes, vec![Change::Raised]);
    // what last year reached and what this year targets
    assert_eq!(row("HS-01").sides[0].as_ref().unwrap().actual, Some(31.0));
    assert_eq!(
        row("HS-01").sides[1].as_ref().unwrap().target_value,
        Some(40.0)
    );
    assert_eq!(row("CKS-02").changes, vec![Change::Lowered]);
    assert_eq!(
        row("DVC-TT").changes,
        vec![Change::TargetSet],
        "last year had no target for it, under its old name"
    );
    assert!(row("DVC-TT").sides[0].is_some());
    assert_eq!(row("HOP-03").changes, vec![Change::Dropped]);
    // a plan that carried both terms keeps both rows: level-4 services are dropped, not hidden
    let mut both = last.clone();
    let mut full = (*this.indicators[2]).clone();
    full.id = "tt".into();
    full.targets.clear();
    both.indicators.push(full.into());
    let rows = compare(
        &[(&both, Period::Year(2025)), (&this, Period::Year(2026))],
        date("2026-03-01"),
        &canonical,
    );
    let row = |key: &str| rows.iter().find(|r| r.key == key);
    assert_eq!(
        row("DVC-04").expect("its own row").changes,
        vec![Change::Dropped]
    );
    assert!(row("DVC-TT")
        .expect("its own row")
        .sides
        .iter()
        .all(Option::is_some));
}

#[test]
fn two_years_of_a_province_plan_keep_its_own_row_and_its_communes_apart() {
    use chitieu::catalog::{template_plan, Template};
    use chitieu::i18n::Lang;
    let this = template_plan(
        Template::ProvinceYear,
        "p-2026",
        "x",
        "UBND tỉnh Sơn La",
        2026,
        Lang::Vi,
    );
    // a code the province carries for itself and for its communes
    let at = |p: &Plan, key: &str, level: Option<Level>| {
        p.indicators
            .iter()
            .position(|i| i.key() == key && i.applies_to == level)
    };
    let key = this
        .indicators
        .iter()
        .filter(|i| i.applies_to == Some(Level::Commune) && i.kind.is_percent())
        .map(|i| i.key().to_string())
        .find(|k| at(&this, k, None).is_some())
        .expect("the province template sets a share for its communes beside its own");
    let (own, theirs) = (
        at(&this, &key, None).unwrap(),
        at(&this, &key, Some(Level::Commune)).unwrap(),
    );
    let mut last = this.clone();
    last.id = "p-2025".into();
    last.period = YearSpan {
        start: 2025,
        end: 2025,
    };
    let mut this = this;
    let set = |p: &mut Plan, k: usize, year: i32, v: f64| {
        let ind = Rc::make_mut(&mut p.indicators[k]);
        ind.targets.clear();
        ind.set_target(Period::Year(year), Some(Figure::Value(v)));
    };
    // the province keeps its own target and raises its communes'
    set(&mut last, own, 2025, 90.0);
    set(&mut last, theirs, 2025, 50.0);
    set(&mut this, own, 2026, 90.0);
    set(&mut this, theirs, 2026, 70.0);
    let rows = compare(
        &[(&last, Period::Year(2025)), (&this, Period::Year(2026))],
        date("2026-03-01"),
        &|k: &str| k.to_string(),
    );
    let of: Vec<&CompareRow> = rows.iter().filter(|r| r.key == key).collect();
    assert_eq!(of.len(), 2, "{key}: the province's row and its communes'");
    let row = |level| of.iter().find(|r| r.level == Some(level)).unwrap();
    let targets = |r: &CompareRow| -> Vec<Option<f64>> {
        r.sides
            .iter()
            .map(|s| s.as_ref().and_then(|s| s.target_value))
            .collect()
    };
    assert_eq!(targets(row(Level::Province)), [Some(90.0), Some(90.0)]);
    assert_eq!(row(Level::Province).changes, [Change::Same]);
    assert_eq!(targets(row(Level::Commune)), [Some(50.0), Some(70.0)]);
    assert_eq!(row(Level::Commune).changes, [Change::Raised]);
    assert!(row(Level::Commune)
        .sides
        .iter()
        .all(|s| s.as_ref().unwrap().indicator.applies_to == Some(Level::Commune)));
    // every indicator of the plan is one row, none hidden under another
    assert_eq!(rows.len(), this.indicators.len());

    // beside a commune's plan, the province's rows line up by code: the share it
    // sets for its communes beside the commune's own, its own targets beside the
    // commune's of the same code
    let mut commune = Plan::new("xa", "Kế hoạch xã 2026", Unit::new("UBND xã Mường Chanh", Level::Commune), 2026);
    let shared = this.indicators[theirs].clone();
    let mut mine = (*shared).clone();
    mine.applies_to = None;
    commune.indicators.push(mine.into());
    let only_own = this
        .indicators
        .iter()
        .find(|i| i.applies_to.is_none() && at(&this, i.key(), Some(Level::Commune)).is_none())
        .expect("an indicator the province sets for itself alone")
        .clone();
    let mut same_code = (*only_own).clone();
    same_code.applies_to = None;
    commune.indicators.push(same_code.into());
    let rows = compare(
        &[(&this, Period::Year(2026)), (&commune, Period::Year(2026))],
        date("2026-03-01"),
        &|k: &str| k.to_string(),
    );
    let sides = |key: &str, level: Option<Level>| {
        let r = rows.iter().find(|r| r.key == key && r.level == level).unwrap();
        r.sides.iter().map(Option::is_some).collect::<Vec<_>>()
    };
    assert_eq!(sides(&key, Some(Level::Commune)), [true, true], "the communes' share beside the commune's");
    assert_eq!(sides(&key, Some(Level::Province)), [true, false]);
    assert_eq!(sides(only_own.key(), None), [true, true], "one code, one row");
    assert_eq!(rows.iter().filter(|r| r.key == only_own.key()).count(), 1);
}

#[test]
fn the_results_report_counts_what_was_met() {
    let parent = province();
    let mut p = returned(&parent, 0, Some((500.0, 1000.0)), Some(90.0), Some(40.0));
    Rc::make_mut(&mut p.indicators[2]).set_target(Period::Year(2026), Some(Figure::Value(30.0)));
    Rc::make_mut(&mut p.indicators[0])
        .set_actual(Period::Half(2026, 1), Some(counts(200.0, 500.0)));
    let mut tracked = Indicator::new("t", "Dịch vụ mức độ 3", Kind::Count);
    tracked.direction = Direction::Tracked;
    tracked.set_target(Period::Year(2026), Some(Figure::Value(5.0)));
    p.indicators.push(tracked.into());
    let r = results(&p, Basis::of(&p, date("2027-02-01")), Period::Year(2026));
    // dossiers 50% ≥ 40% met; signatures 90% of 100% not met; services 40 ≥ 30 met; the tracked one is not judged
    assert_eq!((r.met, r.judged), (2, 3));
    let verdicts: Vec<Status> = r
        .groups
        .iter()
        .flat_map(|g| g.rows.iter().map(|x| x.evaluation.status))
        .collect();
    assert_eq!(
        verdicts,
        [Status::Met, Status::NotMet, Status::Met, Status::Tracked]
    );
    // the half-year figure appears as an interim column, never as the year's result
    assert_eq!(r.interim, vec![Period::Half(2026, 1)]);
    assert_eq!(
        r.groups[0].rows[0].reached.map(|a| a.figure),
        Some(counts(500.0, 1000.0))
    );
    let mut only_half = p.clone();
    Rc::make_mut(&mut only_half.indicators[0]).set_actual(Period::Year(2026), None);
    let r2 = results(
        &only_half,
        Basis::of(&only_half, date("2027-02-01")),
        Period::Year(2026),
    );
    let row = &r2.groups[0].rows[0];
    assert_eq!(
        (row.reached, row.achievement, row.evaluation.status),
        (None, None, Status::NoActual)
    );
    assert_eq!(
        r.groups[0].rows[0].interim,
        vec![Some(counts(200.0, 500.0))]
    );
    assert_eq!(r.groups[0].rows[1].interim, vec![None]);
}

#[test]
fn commune_files_read_in_any_order_sum_as_chosen_and_the_unreadable_are_named() {
    use chitieu::file::read::Summing;
    let parent = province();
    let files: Vec<(String, String)> = (0..3)
        .map(|k| {
            let p = returned(
                &parent,
                k,
                Some((100.0 * (k + 1) as f64, 1000.0)),
                Some(100.0),
                Some(10.0),
            );
            (
                format!("xa-{k}.chitieu.json"),
                chitieu::file::to_json(&p, "0.1.0", "2026-12-31T00:00:00Z"),
            )
        })
        .collect();
    let sum_in = |order: &[usize]| {
        let mut s = Summing::default();
        for &k in order {
            match k {
                // a fourth file the browser could not read, a fifth that is no plan
                3 => s.add(3, "hong.json", 10, None),
                4 => s.add(4, "ghi-chu.txt", 12, Some("không phải kế hoạch")),
                _ => s.add(k, &files[k].0, files[k].1.len() as u64, Some(&files[k].1)),
            }
        }
        s.finish()
    };
    let in_order = sum_in(&[0, 1, 2, 3, 4]);
    // a worker reads the files in whatever order they arrive: the total is the same
    assert_eq!(sum_in(&[4, 2, 0, 3, 1]), in_order);
    let total = in_order.rollup.as_ref().expect("three plans summed");
    assert_eq!(total.plans, 3);
    assert_eq!(
        total.plan.indicators[0]
            .actual_for(Period::Year(2026))
            .unwrap()
            .figure,
        counts(600.0, 3000.0)
    );
    assert_eq!(
        total.plan.indicators[2]
            .actual_for(Period::Year(2026))
            .unwrap()
            .figure,
        Figure::Value(30.0)
    );
    // the communes name the province as the level above: the total is the province's
    assert_eq!(
        in_order.unit.as_ref().map(|u| u.name.as_str()),
        Some("UBND tỉnh Sơn La")
    );
    assert_eq!(
        in_order
            .errors
            .iter()
            .map(|e| e.file.as_str())
            .collect::<Vec<_>>(),
        ["hong.json", "ghi-chu.txt"]
    );
    // and the total crosses from the worker to the page as JSON unchanged
    let json = serde_json::to_string(&in_order).unwrap();
    assert_eq!(
        serde_json::from_str::<chitieu::file::read::Summed>(&json).unwrap(),
        in_order
    );
}

#[test]
fn files_of_far_apart_periods_are_not_summed_into_a_plan_longer_than_thirty_years() {
    use chitieu::file::read::Summing;
    let parent = province();
    let mut early = returned(&parent, 0, Some((100.0, 1000.0)), Some(100.0), Some(10.0));
    early.period = YearSpan {
        start: 2021,
        end: 2025,
    };
    let mut late = returned(&parent, 1, Some((200.0, 1000.0)), Some(100.0), Some(10.0));
    late.period = YearSpan {
        start: 2051,
        end: 2055,
    };
    let sum = |plans: &[&Plan]| {
        let mut s = Summing::default();
        for (k, p) in plans.iter().enumerate() {
            let text = chitieu::file::to_json(p, "0.1.0", "2026-12-31T00:00:00Z");
            s.add(k, "xa.json", text.len() as u64, Some(&text));
        }
        s.finish()
    };
    let refused = sum(&[&early, &late]);
    assert_eq!(refused.too_long, Some((2021, 2055)));
    assert!(refused.rollup.is_none());
    // within thirty years together, they are summed
    late.period = YearSpan {
        start: 2046,
        end: 2050,
    };
    let summed = sum(&[&early, &late]);
    assert_eq!(summed.too_long, None);
    assert_eq!(
        summed.rollup.expect("summed").plan.period,
        YearSpan {
            start: 2021,
            end: 2050
        }
    );
}

#[test]
fn a_commune_takes_the_target_set_for_communes_when_the_province_carries_a_code_twice() {
    use chitieu::catalog::{template_plan, Template};
    use chitieu::i18n::Lang;
    let province = template_plan(
        Template::ProvinceYear,
        "p",
        "x",
        "UBND tỉnh Sơn La",
        2026,
        Lang::Vi,
    );
    let twice: Vec<&str> = province
        .indicators
        .iter()
        .filter(|i| i.applies_to == Some(Level::Commune))
        .map(|i| i.key())
        .filter(|k| province.indicators.iter().filter(|i| i.key() == *k).count() > 1)
        .collect();
    assert!(
        !twice.is_empty(),
        "the province template sets some targets for its communes beside its own"
    );
    let commune = hand_down(
        &province,
        &commune("04117", "UBND xã Mường Chanh"),
        None,
        "c",
        "c",
    );
    for key in twice {
        let taken: Vec<_> = commune
            .indicators
            .iter()
            .filter(|i| i.key() == key)
            .collect();
        assert_eq!(taken.len(), 1, "{key} once");
        let for_communes = province
            .indicators
            .iter()
            .find(|i| i.key() == key && i.applies_to == Some(Level::Commune))
            .unwrap();
        assert_eq!(
            taken[0].targets,
            for_communes
                .targets
                .iter()
                .filter(|_| for_communes.kind.is_percent())
                .cloned()
                .collect::<Vec<_>>()
        );
        assert_eq!(taken[0].applies_to, None, "the commune's own");
    }
    // collected back, the code is one column
    let c = collect(
        &province,
        &[&commune],
        Basis::of(&province, date("2026-11-23")),
        Period::Year(2026),
    );
    let keys: Vec<&str> = c.indicators.iter().map(|i| i.key()).collect();
    let once: std::collections::BTreeSet<&str> = keys.iter().copied().collect();
    assert_eq!(once.len(), keys.len(), "each code once: {keys:?}");
}

#[test]
fn an_indicator_no_unit_carries_is_no_column() {
    let parent = province();
    let y = Period::Year(2026);
    let basis = Basis::of(&parent, date("2027-01-20"));
    // the services were left out when the targets were handed down
    let strip = |mut p: Plan| {
        p.indicators.truncate(2);
        p
    };
    let a = strip(returned(
        &parent,
        0,
        Some((500.0, 1000.0)),
        Some(100.0),
        None,
    ));
    let b = strip(returned(&parent, 1, Some((300.0, 3000.0)), None, None));
    let c = collect(&parent, &[&a, &b], basis, y);
    assert_eq!(c.indicators.len(), 2);
    assert!(c.rows.iter().all(|r| r.cells.len() == 2));
    assert_eq!((c.total.len(), c.reported.len()), (2, 2));
    // with no file yet, every indicator the units will carry heads a column
    assert_eq!(collect(&parent, &[], basis, y).indicators.len(), 3);
}

#[test]
fn a_figure_no_plan_can_hold_is_marked_and_never_summed() {
    let parent = province();
    let y = Period::Year(2026);
    let basis = Basis::of(&parent, date("2027-01-20"));
    // Mường Chanh writes 700 online dossiers of 600; Mộc Châu a sound 300 of 3,000
    let a = returned(&parent, 0, Some((700.0, 600.0)), Some(100.0), Some(40.0));
    let b = returned(&parent, 1, Some((300.0, 3000.0)), Some(90.0), Some(50.0));
    let c = collect(&parent, &[&a, &b], basis, y);
    assert!(c.rows[0].cells[0].as_ref().unwrap().impossible);
    assert!(!c.rows[1].cells[0].as_ref().unwrap().impossible);
    // 1,000 of 3,600 would read as a result: there is no total, and the notes say why
    assert_eq!(c.total[0].as_ref().and_then(|t| t.figure), None);
    assert!(c
        .skipped
        .iter()
        .any(|s| s.key == parent.indicators[0].key() && s.reason == SkipReason::Impossible && s.actual));
    // the other indicators are summed as ever
    assert_eq!(c.total[2].as_ref().unwrap().figure, Some(Figure::Value(90.0)));
}

#[test]
fn a_unit_that_lowered_the_share_handed_down_is_named_with_the_target_it_was_given() {
    let parent = province();
    let y = Period::Year(2026);
    let basis = Basis::of(&parent, date("2027-01-20"));
    let signed = parent.indicators[1].target_for(y).and_then(|t| value(&parent.indicators[1].kind, t.figure));
    assert!(signed.is_some(), "the province asks a share of signatures");
    let kept = returned(&parent, 0, Some((500.0, 1000.0)), Some(100.0), Some(40.0));
    let mut lowered = returned(&parent, 1, Some((300.0, 1000.0)), Some(90.0), Some(50.0));
    Rc::make_mut(&mut lowered.indicators[1]).set_target(y, Some(Figure::Value(signed.unwrap() - 10.0)));
    let c = collect(&parent, &[&kept, &lowered], basis, y);
    assert_eq!(c.rows[0].cells[1].as_ref().unwrap().lowered_from, None);
    assert_eq!(c.rows[1].cells[1].as_ref().unwrap().lowered_from, signed);
    // a count is the unit's to set: never said to be lowered
    assert_eq!(c.rows[1].cells[2].as_ref().unwrap().lowered_from, None);
}
