//! Older plan files read as the current version. Every version so far reads
//! straight into the current types in the one pass every file takes (no
//! detour through a JSON tree, which cost a version 1 file three times its
//! reading time):
//!
//! - version 1 → 2: an indicator's `responsible` became `responsible_agency`,
//!   the name the published schema uses; the old name is read as an alias.
//! - version 2 → 3: only new, optional fields (the plan's `as_of`, a target's
//!   `forecast`, an indicator's `acknowledged`, the `tracked` direction, a
//!   reduction's `amount`); a version 2 file reads unchanged. The version
//!   moved so that an older chitieu says the file is too new instead of
//!   refusing an unknown field.
//! - version 3 → 4: a unit may carry its official `code`, a plan its
//!   `document_type`; a version 3 file reads unchanged.

#[cfg(test)]
mod tests {
    use super::super::{from_json, to_json};
    use crate::catalog::sample_plan;

    #[test]
    fn version_2_and_3_files_open_unchanged() {
        let current = sample_plan("s");
        for older in ["2", "3"] {
            let text = to_json(&current, "0.1.0", "2026-11-22T10:00:00Z")
                .replace("\"version\": 4", &format!("\"version\": {older}"));
            assert_eq!(from_json(&text).unwrap(), current);
        }
    }

    #[test]
    fn a_version_1_file_opens_as_it_was_meant() {
        let current = sample_plan("s");
        let v2 = to_json(&current, "0.1.0", "2026-11-22T10:00:00Z");
        // what version 1 of chitieu wrote for the same plan
        let v1 = v2
            .replace("\"version\": 4", "\"version\": 1")
            .replace("\"responsible_agency\":", "\"responsible\":");
        assert!(v1.contains("\"responsible\": \"Văn phòng HĐND và UBND huyện\""));
        assert_eq!(from_json(&v1).unwrap(), current);
        // a file naming the agency twice, by both names, is refused: neither is dropped silently
        let both = v2.replace(
            "\"responsible_agency\": \"Văn phòng HĐND và UBND huyện\"",
            "\"responsible_agency\": \"A\", \"responsible\": \"B\"",
        );
        assert_ne!(both, v2);
        assert!(from_json(&both).is_err());
    }
}
