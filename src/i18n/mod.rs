//! Every word the planner reads, in Vietnamese (default) and English, from one
//! table. A missing translation is a compile error, not a blank on screen.

mod messages;

pub use messages::M;

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Vi,
    En,
}

impl Lang {
    /// The value of `<html lang>` and of the stored preference.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The message in this language.
    pub fn t(self, m: M) -> &'static str {
        let (vi, en) = m.texts();
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }
}

/// Fills the `{}` places of a message in order.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::new();
    let mut parts = template.split("{}");
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for (k, part) in parts.enumerate() {
        out.push_str(args.get(k).copied().unwrap_or(""));
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{Lang, M};

    /// index.html paints the start screen's words before the app loads: the
    /// app's own must be the same, or the page changes under the planner's eyes
    /// (and the largest paint waits for the WebAssembly)
    #[test]
    fn the_first_screen_says_what_the_start_screen_says() {
        let page = include_str!("../../index.html");
        for m in [M::EmptyLead, M::Subtitle] {
            assert!(
                page.contains(Lang::Vi.t(m)),
                "index.html lacks {:?}",
                Lang::Vi.t(m)
            );
        }
    }

    #[test]
    fn fill_puts_arguments_in_order() {
        assert_eq!(
            super::fill("Tệp «{}», dòng {}.", &["a.json", "3"]),
            "Tệp «a.json», dòng 3."
        );
        assert_eq!(super::fill("{}", &[]), "");
    }
}
