//! Plan files: chitieu's interchange format (also what storage holds), the
//! CSV export of the indicator table, and the rules for reading a file that
//! somebody else wrote.
//!
//! ```json
//! { "format": "chitieu-plan", "version": 1, "app_version": "0.1.0",
//!   "exported": "2026-11-22T10:00:00Z", "plan": { … } }
//! ```
//!
//! A file is read completely and checked before anything uses it. Unknown
//! fields inside the plan are refused, so that a file never loses data
//! silently on its way through chitieu; the envelope may carry other fields.

pub mod bundle;
mod csv;
mod migrate;
pub mod read;
pub mod single;
pub mod table;
pub mod tsv;
mod zip;

pub use csv::{table as csv_table, to_csv, to_csv_vietnamese};
pub use zip::zip;

use crate::plan::{Period, Plan};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

pub const FORMAT: &str = "chitieu-plan";
/// The format version this app writes.
pub const VERSION: u32 = 4;
/// Files above this size are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;
/// Deeper JSON than this is refused (a plan is about six levels deep).
const MAX_DEPTH: usize = 64;

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'a str,
    version: u32,
    app_version: &'a str,
    exported: &'a str,
    plan: &'a Plan,
    /// the plan of the level above, travelling with a plan handed down to a sub-unit
    #[serde(skip_serializing_if = "Option::is_none")]
    parent: Option<&'a Plan>,
}

/// Why a plan file could not be read; the UI says it in the planner's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ReadError {
    /// over `MAX_FILE_BYTES`
    TooLarge { bytes: u64 },
    /// not JSON: where the syntax broke
    Syntax { line: usize, column: usize },
    /// JSON nested deeper than any plan
    TooDeep,
    /// JSON, but not a chitieu plan file
    NotAPlan,
    /// written by a newer chitieu
    TooNew { version: u32 },
    /// a field that does not fit: where (a JSON path such as
    /// `plan.indicators[2].baseline`), and what is wrong with it
    Invalid { path: String, problem: Problem },
    /// an Excel workbook where a plan file was expected: a table to import into a plan
    Workbook,
    /// an Excel workbook not imported: a second one dropped at once, or one
    /// dropped with plan files (one table at a time, on its own)
    WorkbookNotNow,
}

/// What is wrong with a field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Problem {
    Missing(String),
    Unknown(String),
    /// found / expected, in serde's words
    WrongType {
        found: String,
        expected: String,
    },
    /// two indicators share an id
    DuplicateId(String),
    /// neither a number nor a pair of counts
    NotAFigure,
    /// the period's end is before its start
    PeriodReversed,
    /// a figure given twice for one period
    DuplicatePeriod(String),
    /// a year outside the years a plan can be about (`plan::FIRST_YEAR`–`plan::LAST_YEAR`)
    YearOutOfRange(i32),
    /// a plan period longer than `plan::MAX_PLAN_YEARS`
    PeriodTooLong(i32),
    /// a figure no plan can hold: beyond `numfmt::MAX_ABS`, or a negative forecast
    NumberOutOfRange,
    Other(String),
}

/// The plan as pretty-printed JSON in its envelope.
pub fn to_json(plan: &Plan, app_version: &str, exported: &str) -> String {
    let env = Envelope {
        format: FORMAT,
        version: VERSION,
        app_version,
        exported,
        plan,
        parent: None,
    };
    serde_json::to_string_pretty(&env).expect("a plan always serializes")
}

/// A plan handed down to a sub-unit, with the plan of the level above in the
/// same file, so that the sub-unit can check its targets against it.
pub fn to_json_with_parent(
    plan: &Plan,
    parent: &Plan,
    app_version: &str,
    exported: &str,
) -> String {
    let env = Envelope {
        format: FORMAT,
        version: VERSION,
        app_version,
        exported,
        plan,
        parent: Some(parent),
    };
    serde_json::to_string_pretty(&env).expect("a plan always serializes")
}

/// How deep the brackets of a JSON text go (outside strings): a file the
/// parser refused for nesting deeper than a plan can is said to be so.
fn depth(text: &str) -> usize {
    let (mut depth, mut max, mut in_string, mut escaped) = (0usize, 0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => {
                depth += 1;
                max = max.max(depth);
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

fn problem_from(message: &str) -> Problem {
    let quoted = |s: &str| s.split('`').nth(1).unwrap_or("").to_string();
    if message.contains(crate::plan::NOT_A_FIGURE) {
        Problem::NotAFigure
    } else if message.starts_with("missing field") {
        Problem::Missing(quoted(message))
    } else if message.starts_with("unknown field") {
        Problem::Unknown(quoted(message))
    } else if let Some(rest) = message
        .strip_prefix("invalid type: ")
        .or_else(|| message.strip_prefix("invalid value: "))
    {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let expected = expected.split(" at line ").next().unwrap_or("").to_string();
        Problem::WrongType {
            found: found.to_string(),
            expected,
        }
    } else if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let expected = expected.split(" at line ").next().unwrap_or("").to_string();
        Problem::WrongType {
            found: found.to_string(),
            expected,
        }
    } else {
        Problem::Other(
            message
                .split(" at line ")
                .next()
                .unwrap_or(message)
                .to_string(),
        )
    }
}

/// Reads a plan file completely and checks it; nothing is changed anywhere.
/// A parent plan travelling in the file is checked too, and left out.
pub fn from_json(text: &str) -> Result<Plan, ReadError> {
    read_with_parent(text).map(|(plan, _)| plan)
}

/// Reads a plan file and the plan of the level above if it travels with it.
pub fn read_with_parent(text: &str) -> Result<(Plan, Option<Plan>), ReadError> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge {
            bytes: text.len() as u64,
        });
    }
    // a sound file is read in one pass, head and plans together; only a file
    // that fails is read again, head first, to say what is wrong with it (the
    // parser bounds its own recursion, so a hostile nesting fails safely first)
    let body = match serde_json::from_str::<Body>(text) {
        Ok(body) => {
            Head {
                format: body.format.clone(),
                version: body.version,
            }
            .check()?;
            body
        }
        Err(_) if depth(text) > MAX_DEPTH => return Err(ReadError::TooDeep),
        Err(first) => {
            let head: Head = serde_json::from_str(text).map_err(unreadable)?;
            head.check()?;
            return Err(invalid_at(text, &first));
        }
    };
    let plan = body.plan.ok_or(ReadError::Invalid {
        path: String::new(),
        problem: Problem::Missing("plan".into()),
    })?;
    check(&plan)?;
    if let Some(parent) = &body.parent {
        check(parent).map_err(|e| match e {
            ReadError::Invalid { path, problem } => ReadError::Invalid {
                path: path.replacen("plan", "parent", 1),
                problem,
            },
            other => other,
        })?;
    }
    Ok((plan, body.parent))
}

/// What a file says of itself: a plan file of a version this chitieu reads.
#[derive(Deserialize)]
struct Head {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    version: Option<u64>,
}

impl Head {
    fn check(&self) -> Result<(), ReadError> {
        if self.format.as_deref() != Some(FORMAT) {
            return Err(ReadError::NotAPlan);
        }
        let version = self.version.ok_or(ReadError::NotAPlan)?;
        let version =
            u32::try_from(version).map_err(|_| ReadError::TooNew { version: u32::MAX })?;
        if version > VERSION {
            return Err(ReadError::TooNew { version });
        }
        if version == 0 {
            return Err(ReadError::NotAPlan);
        }
        Ok(())
    }
}

/// A whole file: its head and its plans; the envelope's other fields are not read.
#[derive(Deserialize)]
struct Body {
    #[serde(default)]
    format: Option<String>,
    #[serde(default)]
    version: Option<u64>,
    #[serde(default)]
    plan: Option<Plan>,
    #[serde(default)]
    parent: Option<Plan>,
}

/// A plan that does not fit its type, said the planner's way: the problem,
/// and where it is as a path (`plan.indicators[2].baseline.figure`), found
/// from the position the reader stopped at.
fn invalid_at(text: &str, e: &serde_json::Error) -> ReadError {
    let path = path_at(text, e.line(), e.column());
    if e.is_eof() {
        return ReadError::Syntax {
            line: e.line(),
            column: e.column(),
        };
    }
    if e.is_syntax() {
        // the text's syntax was checked already: the reader met a number, a
        // boolean or null where a named choice (a level, a kind) must stand
        let found = token_at(text, e.line(), e.column());
        return ReadError::Invalid {
            path,
            problem: Problem::WrongType {
                found,
                expected: "string or map".into(),
            },
        };
    }
    ReadError::Invalid {
        path,
        problem: problem_from(&e.to_string()),
    }
}

/// The JSON value that starts at a line and column, in serde's words: "integer `7`".
fn token_at(text: &str, line: usize, column: usize) -> String {
    let line_start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let at = (line_start + column.saturating_sub(1)).min(text.len());
    let rest = text[at..].trim_start();
    let word: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '.'))
        .collect();
    match word.as_str() {
        "true" | "false" => format!("boolean `{word}`"),
        "null" => "null".into(),
        w if w.contains(['.', 'e', 'E']) => format!("floating point `{w}`"),
        w if !w.is_empty() => format!("integer `{w}`"),
        _ => rest
            .chars()
            .next()
            .map(|c| format!("`{c}`"))
            .unwrap_or_default(),
    }
}

/// The JSON path of the value being read at a line and column (1-based, in
/// bytes, as the reader counts them): the keys and indexes of the objects
/// and arrays open there, and the key whose value was read last.
fn path_at(text: &str, line: usize, column: usize) -> String {
    let line_start = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum::<usize>();
    let end = (line_start + column).min(text.len());
    enum Frame {
        Object {
            key: Option<String>,
            expecting_key: bool,
        },
        Array {
            index: usize,
        },
    }
    let mut stack: Vec<Frame> = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'"' => {
                // a string: a key where an object expects one, else a value
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                if let Some(Frame::Object { key, expecting_key }) = stack.last_mut() {
                    if *expecting_key {
                        let raw = &text[start..i.min(text.len())];
                        *key = Some(
                            serde_json::from_str::<String>(&format!("\"{raw}\""))
                                .unwrap_or_else(|_| raw.to_string()),
                        );
                        *expecting_key = false;
                    }
                }
            }
            b'{' => stack.push(Frame::Object {
                key: None,
                expecting_key: true,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, expecting_key }) => {
                    *key = None;
                    *expecting_key = true;
                }
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(k), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

/// What the types cannot say: unique ids, ordered and bounded years, one
/// figure per period. Whatever a file holds, the app then lays out a bounded
/// number of years.
/// Why JSON could not be read as a file's head: where its syntax broke, or
/// (well-formed JSON of another shape) not a chitieu file.
pub(crate) fn unreadable(e: serde_json::Error) -> ReadError {
    if e.is_syntax() || e.is_eof() {
        ReadError::Syntax {
            line: e.line(),
            column: e.column(),
        }
    } else {
        ReadError::NotAPlan
    }
}

fn number_in_range(n: f64) -> bool {
    n.is_finite() && n.abs() <= crate::numfmt::MAX_ABS
}

fn figure_in_range(f: &crate::plan::Figure) -> bool {
    match *f {
        crate::plan::Figure::Value(v) => number_in_range(v),
        crate::plan::Figure::Counts { numerator, denominator } => {
            number_in_range(numerator) && number_in_range(denominator)
        }
    }
}

fn check(plan: &Plan) -> Result<(), ReadError> {
    use crate::plan::{year_in_range, SpanError};
    let invalid = |path: String, problem| Err(ReadError::Invalid { path, problem });
    // the path is written only when something is wrong: a province's roll-up
    // checks hundreds of thousands of figures, each of them sound
    let year = |path: &dyn Fn() -> String, y: i32| {
        if year_in_range(y) {
            Ok(())
        } else {
            invalid(path(), Problem::YearOutOfRange(y))
        }
    };
    match plan.period.check() {
        Ok(()) => {}
        Err(SpanError::Reversed) => return invalid("plan.period".into(), Problem::PeriodReversed),
        Err(SpanError::OutOfRange) => {
            year(&|| "plan.period.start".into(), plan.period.start)?;
            year(&|| "plan.period.end".into(), plan.period.end)?;
        }
        Err(SpanError::TooLong) => {
            return invalid(
                "plan.period".into(),
                Problem::PeriodTooLong(plan.period.end - plan.period.start + 1),
            )
        }
    }
    if let Some(d) = plan.issue_date {
        year(&|| "plan.issue_date".into(), d.year)?;
    }
    if let Some(d) = plan.as_of {
        year(&|| "plan.as_of".into(), d.year)?;
    }
    let mut ids = BTreeSet::new();
    for (k, ind) in plan.indicators.iter().enumerate() {
        if !ids.insert(ind.id.as_str()) {
            return invalid(
                format!("plan.indicators[{k}].id"),
                Problem::DuplicateId(ind.id.clone()),
            );
        }
        if let Some(b) = &ind.baseline {
            if let Some(d) = b.as_of {
                year(&|| format!("plan.indicators[{k}].baseline.as_of"), d.year)?;
            }
            if !figure_in_range(&b.figure) {
                return invalid(format!("plan.indicators[{k}].baseline.figure"), Problem::NumberOutOfRange);
            }
        }
        // a figure beyond what anyone can count would make the arithmetic meaningless
        for (j, t) in ind.targets.iter().enumerate() {
            let field = if !figure_in_range(&t.figure) {
                Some("figure")
            } else if !t.upper.is_none_or(number_in_range) {
                Some("upper")
            } else if !t.forecast.is_none_or(|f| f >= 0.0 && number_in_range(f)) {
                Some("forecast")
            } else {
                None
            };
            if let Some(field) = field {
                return invalid(format!("plan.indicators[{k}].targets[{j}].{field}"), Problem::NumberOutOfRange);
            }
        }
        for (j, a) in ind.actuals.iter().enumerate() {
            if !figure_in_range(&a.figure) {
                return invalid(format!("plan.indicators[{k}].actuals[{j}].figure"), Problem::NumberOutOfRange);
            }
        }
        let figures: [(&str, &mut dyn Iterator<Item = Period>); 2] = [
            ("targets", &mut ind.targets.iter().map(|t| t.period)),
            ("actuals", &mut ind.actuals.iter().map(|a| a.period)),
        ];
        for (list, periods) in figures {
            let mut seen = BTreeSet::new();
            for (j, p) in periods.enumerate() {
                let path = || format!("plan.indicators[{k}].{list}[{j}].period");
                year(&path, p.year())?;
                if !seen.insert(p) {
                    return invalid(path(), Problem::DuplicatePeriod(p.to_string()));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::sample_plan;

    #[test]
    fn a_plan_survives_the_file() {
        let p = sample_plan("s");
        let text = to_json(&p, "0.1.0", "2026-11-22T10:00:00Z");
        assert!(text.starts_with("{\n  \"format\": \"chitieu-plan\",\n  \"version\": 4,"));
        assert_eq!(from_json(&text).unwrap(), p);
        assert_eq!(
            to_json(&from_json(&text).unwrap(), "0.1.0", "2026-11-22T10:00:00Z"),
            text
        );
    }

    #[test]
    fn broken_files_say_what_and_where() {
        assert_eq!(
            from_json("{\n  \"format\": "),
            Err(ReadError::Syntax {
                line: 2,
                column: 12
            })
        );
        assert_eq!(from_json("[1,2]"), Err(ReadError::NotAPlan));
        assert_eq!(
            from_json(r#"{"format":"other","version":1}"#),
            Err(ReadError::NotAPlan)
        );
        assert_eq!(
            from_json(r#"{"format":"chitieu-plan","version":9,"plan":{}}"#),
            Err(ReadError::TooNew { version: 9 })
        );
        let text = to_json(&sample_plan("s"), "0.1.0", "now").replacen(
            "\"numerator\": 1810.0",
            "\"numerator\": \"nhiều\"",
            1,
        );
        assert_eq!(
            from_json(&text),
            Err(ReadError::Invalid {
                path: "plan.indicators[0].baseline.figure.numerator".into(),
                problem: Problem::NotAFigure
            })
        );
        // a period given twice, and a year no plan can be about, are found where they are
        let mut file: serde_json::Value =
            serde_json::from_str(&to_json(&sample_plan("s"), "0.1.0", "now")).unwrap();
        let targets = &mut file["plan"]["indicators"][1]["targets"];
        targets
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({"period": "2021", "figure": 50.0}));
        assert_eq!(
            from_json(&file.to_string()),
            Err(ReadError::Invalid {
                path: "plan.indicators[1].targets[1].period".into(),
                problem: Problem::DuplicatePeriod("2021".into())
            })
        );
        file["plan"]["indicators"][1]["targets"] = serde_json::json!([]);
        file["plan"]["indicators"][2]["actuals"] = serde_json::json!([{"period": "2021", "figure": 1.0}, {"period": "3021", "figure": 2.0}]);
        assert_eq!(
            from_json(&file.to_string()),
            Err(ReadError::Invalid {
                path: "plan.indicators[2].actuals[1].period".into(),
                problem: Problem::YearOutOfRange(3021)
            })
        );
        // a pair with one count missing, or a figure written as words
        for (from, to, path) in [
            (
                "\"denominator\": 1905.0",
                "\"mau\": 1905.0",
                "plan.indicators[0].baseline.figure",
            ),
            (
                "\"figure\": {",
                "\"figure\": \"nhiều\", \"x\": {",
                "plan.indicators[0].baseline.figure",
            ),
            // a count given twice
            (
                "\"numerator\": 1810.0,",
                "\"numerator\": 1810.0, \"numerator\": 1.0,",
                "plan.indicators[0].baseline.figure",
            ),
        ] {
            let text = to_json(&sample_plan("s"), "0.1.0", "now").replacen(from, to, 1);
            assert!(text != to_json(&sample_plan("s"), "0.1.0", "now"), "{from}");
            match from_json(&text) {
                Err(ReadError::Invalid {
                    path: at,
                    problem: Problem::NotAFigure,
                }) => assert!(at.starts_with(path), "{at}"),
                other => panic!("{from}: {other:?}"),
            }
        }
        let text = to_json(&sample_plan("s"), "0.1.0", "now").replacen(
            "\"level\": \"district\"",
            "\"level\": 7",
            1,
        );
        match from_json(&text) {
            Err(ReadError::Invalid {
                path,
                problem: Problem::WrongType { found, expected },
            }) => {
                assert_eq!(path, "plan.unit.level");
                assert_eq!(
                    (found.as_str(), expected.as_str()),
                    ("integer `7`", "string or map")
                );
            }
            other => panic!("{other:?}"),
        }
        let text = to_json(&sample_plan("s"), "0.1.0", "now").replacen(
            "\"code\": \"VB-02\"",
            "\"code\": \"VB-02\", \"colour\": 1",
            1,
        );
        assert_eq!(
            from_json(&text),
            Err(ReadError::Invalid {
                path: "plan.indicators[1].colour".into(),
                problem: Problem::Unknown("colour".into())
            })
        );
        let text = to_json(&sample_plan("s"), "0.1.0", "now")
            .replace("\"id\": \"s-1\"", "\"id\": \"s-0\"");
        assert_eq!(
            from_json(&text),
            Err(ReadError::Invalid {
                path: "plan.indicators[1].id".into(),
                problem: Problem::DuplicateId("s-0".into())
            })
        );
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(from_json(&deep), Err(ReadError::TooDeep));
    }

    #[test]
    fn a_handed_down_plan_carries_its_parent() {
        let parent = sample_plan("tinh");
        let mut child = sample_plan("xa");
        child.compare_with = Some("tinh".into());
        let text = to_json_with_parent(&child, &parent, "0.1.0", "now");
        let (plan, up) = read_with_parent(&text).unwrap();
        assert_eq!((plan, up), (child.clone(), Some(parent)));
        assert_eq!(from_json(&text).unwrap(), child);
        // a broken parent is an error at its own path
        let broken = text.replacen("\"id\": \"tinh\"", "\"id\": 5", 1);
        assert!(
            matches!(read_with_parent(&broken), Err(ReadError::Invalid { path, .. }) if path == "parent.id")
        );
    }

    #[test]
    fn absurd_years_are_refused_at_their_path() {
        let text = to_json(&sample_plan("s"), "0.1.0", "now");
        let with_period = |start: &str, end: &str| {
            text.replacen("\"start\": 2021", &format!("\"start\": {start}"), 1)
                .replacen("\"end\": 2021", &format!("\"end\": {end}"), 1)
        };
        assert_eq!(
            from_json(&with_period("1", "2000000000")),
            Err(ReadError::Invalid {
                path: "plan.period.start".into(),
                problem: Problem::YearOutOfRange(1)
            })
        );
        assert_eq!(
            from_json(&with_period("2021", "2000000000")),
            Err(ReadError::Invalid {
                path: "plan.period.end".into(),
                problem: Problem::YearOutOfRange(2_000_000_000)
            })
        );
        assert_eq!(
            from_json(&with_period("2000", "2040")),
            Err(ReadError::Invalid {
                path: "plan.period".into(),
                problem: Problem::PeriodTooLong(41)
            })
        );
        assert!(
            from_json(&with_period("2011", "2040")).is_ok(),
            "30 years is a plan"
        );
        let far_target = text.replacen("\"period\": \"2021\"", "\"period\": \"9999\"", 1);
        assert_eq!(
            from_json(&far_target),
            Err(ReadError::Invalid {
                path: "plan.indicators[0].targets[0].period".into(),
                problem: Problem::YearOutOfRange(9999)
            })
        );
    }
}
