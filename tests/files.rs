//! Plan files: lossless round trips over generated plans, and hostile input
//! that must end in a plan or an error, never a panic.
#![cfg(not(target_arch = "wasm32"))]

use chitieu::file::{from_json, to_json, ReadError};
use chitieu::plan::*;
use proptest::prelude::*;
use std::rc::Rc;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,30}",
        Just("<script>alert(1)</script>".to_string()),
        Just("Chữ ký số \"trích dẫn\"\n\t".to_string())
    ]
}

fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        (0u32..100_000).prop_map(f64::from),
        // every number a file may hold, to the last bit (beyond MAX_ABS it is refused)
        any::<f64>().prop_filter("within what a plan holds", |x| x.is_finite()
            && x.abs() <= chitieu::numfmt::MAX_ABS)
    ]
}

fn figure() -> impl Strategy<Value = Figure> {
    prop_oneof![
        number().prop_map(Figure::Value),
        (number(), number()).prop_map(|(n, d)| Figure::Counts {
            numerator: n,
            denominator: d
        }),
    ]
}

fn date() -> impl Strategy<Value = Date> {
    (1990i32..2100, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| Date::new(y, m, d).unwrap())
}

fn period() -> impl Strategy<Value = Period> {
    prop_oneof![
        (2000i32..2100).prop_map(Period::Year),
        (2000i32..2100, 1u8..=2).prop_map(|(y, h)| Period::Half(y, h)),
        (2000i32..2100, 1u8..=4).prop_map(|(y, q)| Period::Quarter(y, q)),
        date().prop_map(Period::Date),
    ]
}

fn level() -> impl Strategy<Value = Level> {
    prop::sample::select(Level::ALL.to_vec())
}

fn kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        Just(Kind::Percent),
        Just(Kind::Count),
        Just(Kind::FractionOfUnits),
        (text(), text()).prop_map(|(numerator, denominator)| Kind::Ratio {
            numerator,
            denominator
        }),
        text().prop_map(|amount| Kind::Reduction { amount }),
    ]
}

fn indicator(k: usize) -> impl Strategy<Value = Indicator> {
    (
        (
            text(),
            text(),
            text(),
            text(),
            kind(),
            0usize..3,
            0usize..6,
            text(),
        ),
        (
            proptest::option::of(level()),
            proptest::option::of((figure(), proptest::option::of(date()), text())),
        ),
        (proptest::collection::btree_map(
            period(),
            (
                figure(),
                proptest::option::of(number()),
                // a forecast of how many more items: never negative
                proptest::option::of(number().prop_map(f64::abs)),
            ),
            0..4,
        )),
        (proptest::collection::btree_map(period(), figure(), 0..4)),
        (
            proptest::option::of(number()),
            text(),
            text(),
            text(),
            proptest::collection::vec((text(), proptest::option::of(period()), text()), 0..3),
        ),
    )
        .prop_map(
            move |(
                (code, group, vi, en, kind, lower, cmp, unit),
                (applies_to, baseline),
                targets,
                actuals,
                (weight, who, law, notes, acks),
            )| {
                let mut i = Indicator::new(format!("i{k}"), &vi, kind);
                i.code = code;
                i.group = group;
                i.name.en = en;
                i.direction = [Direction::Higher, Direction::Lower, Direction::Tracked][lower];
                i.comparator = [
                    Comparator::AtLeast,
                    Comparator::MoreThan,
                    Comparator::AtMost,
                    Comparator::LessThan,
                    Comparator::Exactly,
                    Comparator::Between,
                ][cmp];
                i.unit_label = unit;
                i.applies_to = applies_to;
                i.baseline = baseline.map(|(figure, as_of, source)| Baseline {
                    figure,
                    as_of,
                    source,
                });
                i.targets = targets
                    .into_iter()
                    .map(|(period, (figure, upper, forecast))| Target {
                        period,
                        figure,
                        upper,
                        forecast,
                    })
                    .collect();
                i.actuals = actuals
                    .into_iter()
                    .map(|(period, figure)| Actual { period, figure })
                    .collect();
                i.weight = weight;
                i.responsible = who;
                i.legal_basis = law;
                i.notes = notes;
                i.acknowledged = acks
                    .into_iter()
                    .map(|(warning, period, reason)| Acknowledgement {
                        warning,
                        period,
                        reason,
                    })
                    .collect();
                i
            },
        )
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        (
            text(),
            text(),
            level(),
            proptest::option::of((text(), level(), "[0-9]{0,5}")),
            text(),
            proptest::option::of(date()),
        ),
        (
            2000i32..2090,
            0i32..10,
            text(),
            text(),
            proptest::collection::vec((text(), level(), "[0-9]{0,5}"), 0..4),
            proptest::option::of(text()),
        ),
        (
            proptest::option::of(date()),
            proptest::option::of(prop::sample::select(DocumentType::ALL.to_vec())),
        ),
        (0usize..6).prop_flat_map(|n| (0..n).map(indicator).collect::<Vec<_>>()),
    )
        .prop_map(
            |(
                (title, unit, lvl, parent, doc, issued),
                (start, len, author, notes, subs, compare_with),
                (as_of, document_type),
                inds,
            )| {
                let mut p = Plan::new("plan-1", &title, Unit::new(unit, lvl), start);
                p.period.end = start + len;
                p.parent_unit = parent.map(|(name, level, code)| Unit { name, level, code });
                p.document_number = doc;
                p.issue_date = issued;
                p.author = author;
                p.notes = notes;
                p.created = "2026-11-22T10:00:00.000Z".into();
                p.updated = "2026-11-22T11:00:00.000Z".into();
                p.sub_units = subs
                    .into_iter()
                    .map(|(name, level, code)| Unit { name, level, code })
                    .collect();
                p.compare_with = compare_with;
                p.as_of = as_of;
                p.document_type = document_type;
                p.indicators = inds.into_iter().map(Rc::new).collect();
                p
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn export_import_export_is_byte_identical(p in plan()) {
        let first = to_json(&p, "0.1.0", "2026-11-22T12:00:00.000Z");
        let back = from_json(&first).unwrap();
        prop_assert_eq!(&back, &p);
        let second = to_json(&back, "0.1.0", "2026-11-22T12:00:00.000Z");
        prop_assert_eq!(first, second);
    }

    #[test]
    fn random_bytes_end_in_a_plan_or_an_error(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = from_json(&text);
    }

    #[test]
    fn truncated_files_are_refused(p in plan(), cut in 0.0f64..1.0) {
        let text = to_json(&p, "0.1.0", "now");
        let mut at = (text.len() as f64 * cut) as usize;
        while !text.is_char_boundary(at) { at -= 1; }
        if at < text.len() {
            prop_assert!(from_json(&text[..at]).is_err());
        }
    }

    #[test]
    fn mutated_files_end_in_a_plan_or_an_error(p in plan(), at in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let mut bytes = to_json(&p, "0.1.0", "now").into_bytes();
        let i = at.index(bytes.len());
        bytes[i] = byte;
        let _ = from_json(&String::from_utf8_lossy(&bytes));
    }
}

#[test]
fn hostile_files_are_refused_with_a_reason() {
    let deep = format!(
        "{{\"format\":\"chitieu-plan\",\"version\":2,\"plan\":{}{}}}",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    assert_eq!(from_json(&deep), Err(ReadError::TooDeep));
    let huge = r#"{"format":"chitieu-plan","version":2,"plan":{"id":"p","title":"t","unit":{"name":"u","level":"commune"},"period":{"start":2026,"end":2026},"indicators":[{"id":"a","name":{"vi":"x"},"kind":{"type":"percent"},"baseline":{"figure":1e999}}]}}"#;
    assert!(from_json(huge).is_err());
    let long = "x".repeat(1_000_000);
    let text = format!(
        r#"{{"format":"chitieu-plan","version":2,"plan":{{"id":"p","title":"{long}","unit":{{"name":"u","level":"commune"}},"period":{{"start":2026,"end":2026}}}}}}"#
    );
    assert_eq!(from_json(&text).unwrap().title.len(), 1_000_000);
    let script = r#"{"format":"chitieu-plan","version":2,"plan":{"id":"p","title":"<script>alert(1)</script>","unit":{"name":"<img src=x onerror=alert(1)>","level":"commune"},"period":{"start":2026,"end":2026}}}"#;
    assert_eq!(
        from_json(script).unwrap().title,
        "<script>alert(1)</script>"
    );
    let too_big = "x".repeat(chitieu::file::MAX_FILE_BYTES as usize + 1);
    assert!(matches!(
        from_json(&too_big),
        Err(ReadError::TooLarge { .. })
    ));
    assert_eq!(
        from_json(r#"{"format":"chitieu-plan","version":99999999999}"#),
        Err(ReadError::TooNew { version: u32::MAX })
    );
}

#[test]
fn a_plan_of_two_billion_years_is_refused_and_nothing_lays_them_out() {
    use chitieu::file::Problem;
    let plan = |start: i64, end: i64| {
        format!(
            r#"{{"format":"chitieu-plan","version":3,"plan":{{"id":"p","title":"t","unit":{{"name":"u","level":"commune"}},"period":{{"start":{start},"end":{end}}}}}}}"#
        )
    };
    assert_eq!(
        from_json(&plan(1, 2_000_000_000)),
        Err(ReadError::Invalid {
            path: "plan.period.start".into(),
            problem: Problem::YearOutOfRange(1)
        })
    );
    assert_eq!(
        from_json(&plan(2026, 2_000_000_000)),
        Err(ReadError::Invalid {
            path: "plan.period.end".into(),
            problem: Problem::YearOutOfRange(2_000_000_000)
        })
    );
    assert_eq!(
        from_json(&plan(2026, 2100)),
        Err(ReadError::Invalid {
            path: "plan.period".into(),
            problem: Problem::PeriodTooLong(75)
        })
    );
    // a year that does not even fit the type is refused at its path, not a panic
    assert!(
        matches!(from_json(&plan(2026, 99_999_999_999)), Err(ReadError::Invalid { path, .. }) if path == "plan.period.end")
    );
    // whatever is accepted spans a bounded number of years
    let ok = from_json(&plan(2026, 2055)).unwrap();
    assert_eq!(ok.periods().len(), 30);
    let as_of = plan(2026, 2026).replace(r#""period":"#, r#""as_of":"9999-01-01","period":"#);
    assert!(
        matches!(from_json(&as_of), Err(ReadError::Invalid { path, problem: Problem::YearOutOfRange(9999) }) if path == "plan.as_of")
    );
}

#[test]
fn a_figure_no_plan_can_hold_is_refused_at_its_path() {
    use chitieu::file::Problem;
    use chitieu::plan::Figure;
    let plan = chitieu::catalog::sample_plan("s");
    let k = plan.indicators.iter().position(|i| !i.targets.is_empty()).unwrap();
    let refused = |change: &dyn Fn(&mut chitieu::plan::Indicator), path: &str| {
        let mut p = plan.clone();
        change(std::rc::Rc::make_mut(&mut p.indicators[k]));
        assert_eq!(
            from_json(&to_json(&p, "0.1.0", "now")),
            Err(ReadError::Invalid {
                path: format!("plan.indicators[{k}].{path}"),
                problem: Problem::NumberOutOfRange
            }),
            "{path}"
        );
    };
    // a forecast of 10^20 more dossiers once hung the what-if's search for the last whole item
    refused(&|i| i.targets[0].forecast = Some(1e20), "targets[0].forecast");
    refused(&|i| i.targets[0].forecast = Some(-5.0), "targets[0].forecast");
    refused(&|i| i.targets[0].figure = Figure::Value(-1e15), "targets[0].figure");
    refused(&|i| i.targets[0].upper = Some(1e13), "targets[0].upper");
    refused(
        &|i| {
            i.actuals = vec![chitieu::plan::Actual {
                period: i.targets[0].period,
                figure: Figure::Counts { numerator: 1.0, denominator: 1e300 },
            }]
        },
        "actuals[0].figure",
    );
    // as large as anything a planner counts is kept
    let mut big = plan.clone();
    std::rc::Rc::make_mut(&mut big.indicators[k]).targets[0].forecast = Some(1e9);
    assert!(from_json(&to_json(&big, "0.1.0", "now")).is_ok());
}

#[test]
fn every_indicator_is_named_by_its_place_when_it_does_not_fit() {
    use chitieu::file::Problem;
    let plan = chitieu::catalog::sample_plan("s");
    let text = to_json(&plan, "0.1.0", "now");
    for (k, ind) in plan.indicators.iter().enumerate() {
        // the k-th indicator's id made a number: the path says which indicator
        let broken = text.replacen(
            &format!("\"id\": \"{}\"", ind.id),
            &format!("\"id\": {k}"),
            1,
        );
        match from_json(&broken) {
            Err(ReadError::Invalid {
                path,
                problem: Problem::WrongType { .. },
            }) => assert_eq!(path, format!("plan.indicators[{k}].id")),
            other => panic!("indicator {k}: {other:?}"),
        }
    }
    // a key with an escaped quote and a unit inside an array are followed too
    let weird = text.replacen("\"sub_units\": []", "\"sub_units\": [{\"name\": \"Xã \\\"A\\\"\", \"level\": \"commune\"}, {\"name\": 1, \"level\": \"commune\"}]", 1);
    assert_ne!(
        weird, text,
        "the sample has an empty list of sub-units to fill"
    );
    assert!(
        matches!(from_json(&weird), Err(ReadError::Invalid { path, .. }) if path == "plan.sub_units[1].name"),
        "{:?}",
        from_json(&weird)
    );
}
