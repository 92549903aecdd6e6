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
