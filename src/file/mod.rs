//! The plan file: chitieu's interchange format, also what storage holds.
//!
//! ```json
//! { "format": "chitieu-plan", "version": 1, "app_version": "0.1.0",
//!   "exported": "2026-11-22T10:00:00Z", "plan": { … } }
//! ```

use crate::plan::Plan;
use serde::{Deserialize, Serialize};

pub const FORMAT: &str = "chitieu-plan";
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Envelope<'a> {
    format: &'a str,
    version: u32,
    app_version: &'a str,
    exported: &'a str,
    plan: &'a Plan,
}

#[derive(Deserialize)]
struct Incoming {
    format: Option<String>,
    version: Option<u32>,
    plan: Option<serde_json::Value>,
}

/// Why a plan file could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadError {
    /// not JSON at all: where the syntax broke
    Syntax { line: usize, column: usize, message: String },
    /// JSON, but not a chitieu plan
    NotAPlan,
    /// written by a newer chitieu
    TooNew(u32),
    /// a chitieu plan with a field that does not fit: where, and what
    Invalid { message: String },
}

/// The plan as pretty-printed JSON in its envelope.
pub fn to_json(plan: &Plan, app_version: &str, exported: &str) -> String {
    let env = Envelope { format: FORMAT, version: VERSION, app_version, exported, plan };
    serde_json::to_string_pretty(&env).expect("a plan always serializes")
}

/// Reads a plan file completely before anything uses it.
pub fn from_json(text: &str) -> Result<Plan, ReadError> {
    let incoming: Incoming = serde_json::from_str(text).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            ReadError::Syntax { line: e.line(), column: e.column(), message: e.to_string() }
        } else {
            ReadError::NotAPlan
        }
    })?;
    if incoming.format.as_deref() != Some(FORMAT) {
        return Err(ReadError::NotAPlan);
    }
    match incoming.version {
        Some(VERSION) => {}
        Some(v) if v > VERSION => return Err(ReadError::TooNew(v)),
        _ => return Err(ReadError::NotAPlan),
    }
    let plan = incoming.plan.ok_or(ReadError::NotAPlan)?;
    serde_json::from_value(plan).map_err(|e| ReadError::Invalid { message: e.to_string() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::sample_plan;

    #[test]
    fn a_plan_survives_the_file() {
        let p = sample_plan("s");
        let text = to_json(&p, "0.1.0", "2026-11-22T10:00:00Z");
        assert!(text.starts_with("{\n  \"format\": \"chitieu-plan\",\n  \"version\": 1,"));
        assert_eq!(from_json(&text).unwrap(), p);
        assert_eq!(to_json(&from_json(&text).unwrap(), "0.1.0", "2026-11-22T10:00:00Z"), text);
    }

    #[test]
    fn broken_files_say_why() {
        assert!(matches!(from_json("{\"format\": "), Err(ReadError::Syntax { line: 1, .. })));
        assert_eq!(from_json("[1,2]"), Err(ReadError::NotAPlan));
        assert_eq!(from_json(r#"{"format":"other","version":1}"#), Err(ReadError::NotAPlan));
        assert_eq!(from_json(r#"{"format":"chitieu-plan","version":9,"plan":{}}"#), Err(ReadError::TooNew(9)));
        assert!(matches!(from_json(r#"{"format":"chitieu-plan","version":1,"plan":{"id":3}}"#), Err(ReadError::Invalid { .. })));
    }
}
