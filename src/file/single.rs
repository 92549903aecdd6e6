//! The app in one file (`chitieu.html`, written by `scripts/lib/pack.mjs`)
//! with a plan inside: the plan file goes into a JSON data block at the
//! file's mark, which the browser never runs and the page's policy needs no
//! hash for. The planner's text must not end that block early, so every `<`
//! of the JSON (all of them inside strings) is written as `\u003c`, which
//! any JSON reader turns back into `<`.

/// Where the plan goes in the single file: `scripts/lib/pack.mjs` writes it
/// just before the start-up script.
pub const PLAN_MARK: &str = "<!--chitieu-plan-->";
/// The id of the plan's data block, which the app looks for when it starts.
pub const PLAN_ID: &str = "chitieu-plan";
const OPEN: &str = "<script type=\"application/json\" id=\"chitieu-plan\">";
const CLOSE: &str = "</script>";

/// The single file `app` with `plan` (a plan file's JSON) inside, replacing
/// any plan it carried; `None` takes the plan out. `None` back when `app` is
/// not the single file (it has no mark).
pub fn with_plan(app: &str, plan: Option<&str>) -> Option<String> {
    let at = app.find(PLAN_MARK)? + PLAN_MARK.len();
    let (head, rest) = app.split_at(at);
    // the plan block carried before, if any: it holds no '<', so its end is the first one
    let rest = match rest.strip_prefix(OPEN) {
        Some(block) => &block[block.find(CLOSE)? + CLOSE.len()..],
        None => rest,
    };
    let mut out = String::with_capacity(app.len() + plan.map_or(0, |p| p.len() + 64));
    out.push_str(head);
    if let Some(json) = plan {
        out.push_str(OPEN);
        out.push_str(&escape(json));
        out.push_str(CLOSE);
    }
    out.push_str(rest);
    Some(out)
}

/// JSON that cannot end an HTML script element: `<` and `>` as `\u003c`, `\u003e`.
pub fn escape(json: &str) -> String {
    json.replace('<', "\\u003c").replace('>', "\\u003e")
}

/// A short fingerprint of a file carried in the single file (FNV-1a, 64
/// bits, hex), so that the planner is asked about it once in a browser.
pub fn fingerprint(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const APP: &str = "<!DOCTYPE html>\n<html><head></head><body><script type=\"application/octet-stream\" id=\"x\">AAAA</script><!--chitieu-plan-->\n<script>boot()</script>\n</body></html>";

    #[test]
    fn a_plan_goes_in_at_the_mark_and_comes_out_again() {
        let with = with_plan(APP, Some("{\"title\":\"a\"}")).unwrap();
        assert!(with.contains("<!--chitieu-plan--><script type=\"application/json\" id=\"chitieu-plan\">{\"title\":\"a\"}</script>\n<script>boot()"));
        // another plan replaces it; none takes it out, back to the very same bytes
        let other = with_plan(&with, Some("{\"title\":\"b\"}")).unwrap();
        assert_eq!(other.matches("chitieu-plan\">").count(), 1);
        assert!(other.contains("{\"title\":\"b\"}") && !other.contains("{\"title\":\"a\"}"));
        assert_eq!(with_plan(&other, None).unwrap(), APP);
    }

    #[test]
    fn the_planners_text_cannot_end_the_block() {
        let json = serde_json::to_string(
            &serde_json::json!({ "title": "</script><script>alert(1)</script><!-- x -->" }),
        )
        .unwrap();
        let with = with_plan(APP, Some(&json)).unwrap();
        assert_eq!(
            with.matches("</script>").count(),
            APP.matches("</script>").count() + 1
        );
        assert!(!with.contains("<script>alert") && !with.contains("<!-- x"));
        // the block reads back as the same JSON
        let start = with.find("chitieu-plan\">").unwrap() + "chitieu-plan\">".len();
        let block = &with[start..start + with[start..].find("</script>").unwrap()];
        let back: serde_json::Value = serde_json::from_str(block).unwrap();
        assert_eq!(
            back["title"],
            "</script><script>alert(1)</script><!-- x -->"
        );
    }

    #[test]
    fn a_file_without_the_mark_is_not_the_single_file() {
        assert_eq!(with_plan("<html></html>", Some("{}")), None);
    }

    #[test]
    fn fingerprints_tell_texts_apart() {
        assert_eq!(fingerprint("a"), fingerprint("a"));
        assert_ne!(fingerprint("a"), fingerprint("b"));
        assert_eq!(fingerprint("").len(), 16);
    }
}
