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

pub use csv::to_csv;

use crate::plan::Plan;
use serde::Serialize;
use std::collections::BTreeSet;

pub const FORMAT: &str = "chitieu-plan";
/// The format version this app writes.
pub const VERSION: u32 = 2;
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
}

/// Why a plan file could not be read; the UI says it in the planner's language.
#[derive(Clone, Debug, PartialEq)]
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
}

/// What is wrong with a field.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    Missing(String),
    Unknown(String),
    /// found / expected, in serde's words
    WrongType { found: String, expected: String },
    /// two indicators share an id
    DuplicateId(String),
    /// neither a number nor a pair of counts
    NotAFigure,
    /// the period's end is before its start
    PeriodReversed,
    /// a figure given twice for one period
    DuplicatePeriod(String),
    Other(String),
}

/// The plan as pretty-printed JSON in its envelope.
pub fn to_json(plan: &Plan, app_version: &str, exported: &str) -> String {
    let env = Envelope { format: FORMAT, version: VERSION, app_version, exported, plan };
    serde_json::to_string_pretty(&env).expect("a plan always serializes")
}

/// How deep the brackets of a JSON text go (outside strings); a cheap guard
/// before the parser, which would otherwise recurse on hostile input.
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
    if message.contains("untagged enum Figure") {
        Problem::NotAFigure
    } else if message.starts_with("missing field") {
        Problem::Missing(quoted(message))
    } else if message.starts_with("unknown field") {
        Problem::Unknown(quoted(message))
    } else if let Some(rest) = message.strip_prefix("invalid type: ").or_else(|| message.strip_prefix("invalid value: ")) {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let expected = expected.split(" at line ").next().unwrap_or("").to_string();
        Problem::WrongType { found: found.to_string(), expected }
    } else if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let expected = expected.split(" at line ").next().unwrap_or("").to_string();
        Problem::WrongType { found: found.to_string(), expected }
    } else {
        Problem::Other(message.split(" at line ").next().unwrap_or(message).to_string())
    }
}

/// Reads a plan file completely and checks it; nothing is changed anywhere.
pub fn from_json(text: &str) -> Result<Plan, ReadError> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { bytes: text.len() as u64 });
    }
    if depth(text) > MAX_DEPTH {
        return Err(ReadError::TooDeep);
    }
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            ReadError::Syntax { line: e.line(), column: e.column() }
        } else {
            ReadError::NotAPlan
        }
    })?;
    let serde_json::Value::Object(mut envelope) = value else { return Err(ReadError::NotAPlan) };
    if envelope.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ReadError::NotAPlan);
    }
    let version = envelope.get("version").and_then(|v| v.as_u64()).ok_or(ReadError::NotAPlan)?;
    let version = u32::try_from(version).map_err(|_| ReadError::TooNew { version: u32::MAX })?;
    if version > VERSION {
        return Err(ReadError::TooNew { version });
    }
    if version == 0 {
        return Err(ReadError::NotAPlan);
    }
    let mut plan_value = envelope.remove("plan").ok_or(ReadError::Invalid {
        path: String::new(),
        problem: Problem::Missing("plan".into()),
    })?;
    migrate::to_current(version, &mut plan_value);
    let plan: Plan = serde_path_to_error::deserialize(plan_value).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { "plan".to_string() } else { format!("plan.{path}") };
        ReadError::Invalid { path, problem: problem_from(&e.into_inner().to_string()) }
    })?;
    check(&plan)?;
    Ok(plan)
}

/// What the types cannot say: unique ids, ordered years, one figure per period.
fn check(plan: &Plan) -> Result<(), ReadError> {
    let invalid = |path: String, problem| Err(ReadError::Invalid { path, problem });
    if plan.period.end < plan.period.start {
        return invalid("plan.period".into(), Problem::PeriodReversed);
    }
    let mut ids = BTreeSet::new();
    for (k, ind) in plan.indicators.iter().enumerate() {
        if !ids.insert(ind.id.as_str()) {
            return invalid(format!("plan.indicators[{k}].id"), Problem::DuplicateId(ind.id.clone()));
        }
        let mut seen = BTreeSet::new();
        for (j, t) in ind.targets.iter().enumerate() {
            if !seen.insert(t.period) {
                return invalid(format!("plan.indicators[{k}].targets[{j}].period"), Problem::DuplicatePeriod(t.period.to_string()));
            }
        }
        seen.clear();
        for (j, a) in ind.actuals.iter().enumerate() {
            if !seen.insert(a.period) {
                return invalid(format!("plan.indicators[{k}].actuals[{j}].period"), Problem::DuplicatePeriod(a.period.to_string()));
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
        assert!(text.starts_with("{\n  \"format\": \"chitieu-plan\",\n  \"version\": 2,"));
        assert_eq!(from_json(&text).unwrap(), p);
        assert_eq!(to_json(&from_json(&text).unwrap(), "0.1.0", "2026-11-22T10:00:00Z"), text);
    }

    #[test]
    fn broken_files_say_what_and_where() {
        assert_eq!(from_json("{\n  \"format\": "), Err(ReadError::Syntax { line: 2, column: 12 }));
        assert_eq!(from_json("[1,2]"), Err(ReadError::NotAPlan));
        assert_eq!(from_json(r#"{"format":"other","version":1}"#), Err(ReadError::NotAPlan));
        assert_eq!(from_json(r#"{"format":"chitieu-plan","version":9,"plan":{}}"#), Err(ReadError::TooNew { version: 9 }));
        let text = to_json(&sample_plan("s"), "0.1.0", "now").replacen("\"numerator\": 1810.0", "\"numerator\": \"nhiều\"", 1);
        assert_eq!(
            from_json(&text),
            Err(ReadError::Invalid { path: "plan.indicators[0].baseline.figure".into(), problem: Problem::NotAFigure })
        );
        let text = to_json(&sample_plan("s"), "0.1.0", "now").replacen("\"level\": \"district\"", "\"level\": 7", 1);
        match from_json(&text) {
            Err(ReadError::Invalid { path, problem: Problem::WrongType { found, expected } }) => {
                assert_eq!(path, "plan.unit.level");
                assert_eq!((found.as_str(), expected.as_str()), ("integer `7`", "string or map"));
            }
            other => panic!("{other:?}"),
        }
        let text = to_json(&sample_plan("s"), "0.1.0", "now").replacen("\"code\": \"VB-02\"", "\"code\": \"VB-02\", \"colour\": 1", 1);
        assert_eq!(
            from_json(&text),
            Err(ReadError::Invalid { path: "plan.indicators[1].colour".into(), problem: Problem::Unknown("colour".into()) })
        );
        let text = to_json(&sample_plan("s"), "0.1.0", "now").replace("\"id\": \"s-1\"", "\"id\": \"s-0\"");
        assert_eq!(
            from_json(&text),
            Err(ReadError::Invalid { path: "plan.indicators[1].id".into(), problem: Problem::DuplicateId("s-0".into()) })
        );
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert_eq!(from_json(&deep), Err(ReadError::TooDeep));
    }
}
