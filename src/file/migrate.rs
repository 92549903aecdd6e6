//! Older plan files brought to the current version, one step at a time, on
//! the JSON before it is read, so that each step stays small and testable.
//!
//! - version 1 → 2: an indicator's `responsible` became `responsible_agency`,
//!   the name the published schema uses.
//! - version 2 → 3: only new, optional fields (the plan's `as_of`, a target's
//!   `forecast`, an indicator's `acknowledged`, the `tracked` direction, a
//!   reduction's `amount`); a version 2 file reads unchanged. The version
//!   moved so that an older chitieu says the file is too new instead of
//!   refusing an unknown field.
//! - version 3 → 4: a unit may carry its official `code`, a plan its
//!   `document_type`; a version 3 file reads unchanged.

use serde_json::Value;

/// Whether a file of `version` needs migrating before it is read.
pub fn needed(version: u32) -> bool {
    version < 2
}

/// Migrates the `plan` object of a file of `version` to the current version.
pub fn to_current(version: u32, plan: &mut Value) {
    if version < 2 {
        v1_to_v2(plan);
    }
}

/// A whole file of `version` brought up to date, as text to read (its plan
/// and the parent it may carry); `None` when it is not an object.
pub fn to_current_text(version: u32, text: &str) -> Option<String> {
    let Value::Object(mut envelope) = serde_json::from_str::<Value>(text).ok()? else { return None };
    for key in ["plan", "parent"] {
        if let Some(plan) = envelope.get_mut(key) {
            to_current(version, plan);
        }
    }
    serde_json::to_string(&Value::Object(envelope)).ok()
}

fn v1_to_v2(plan: &mut Value) {
    let Some(indicators) = plan.get_mut("indicators").and_then(Value::as_array_mut) else { return };
    for ind in indicators.iter_mut().filter_map(Value::as_object_mut) {
        if let Some(who) = ind.remove("responsible") {
            ind.entry("responsible_agency").or_insert(who);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{from_json, to_json};
    use crate::catalog::sample_plan;

    #[test]
    fn version_2_and_3_files_open_unchanged() {
        let current = sample_plan("s");
        for older in ["2", "3"] {
            let text = to_json(&current, "0.1.0", "2026-11-22T10:00:00Z").replace("\"version\": 4", &format!("\"version\": {older}"));
            assert_eq!(from_json(&text).unwrap(), current);
        }
    }

    #[test]
    fn a_version_1_file_opens_as_it_was_meant() {
        let current = sample_plan("s");
        let v2 = to_json(&current, "0.1.0", "2026-11-22T10:00:00Z");
        // what version 1 of chitieu wrote for the same plan
        let v1 = v2.replace("\"version\": 4", "\"version\": 1").replace("\"responsible_agency\":", "\"responsible\":");
        assert!(v1.contains("\"responsible\": \"Văn phòng HĐND và UBND huyện\""));
        assert_eq!(from_json(&v1).unwrap(), current);
        // and a version 2 file with the old name is refused, not silently emptied
        let wrong = v2.replace("\"responsible_agency\":", "\"responsible\":");
        assert!(from_json(&wrong).is_err());
    }
}
