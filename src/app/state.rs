//! The one state of the app and the pure function that changes it.

use crate::i18n::Lang;
use std::rc::Rc;
use yew::Reducible;

#[derive(Clone, Debug, PartialEq, Default)]
pub struct State {
    pub lang: Lang,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
}

/// Every change of state goes through here; no storage, no clock, no I/O.
pub fn apply(state: &State, action: Action) -> State {
    match action {
        Action::SetLang(lang) => State { lang, ..state.clone() },
    }
}

impl Reducible for State {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(apply(&self, action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switching_language_changes_only_the_language() {
        let s = State::default();
        assert_eq!(s.lang, Lang::Vi);
        let s = apply(&s, Action::SetLang(Lang::En));
        assert_eq!(s.lang, Lang::En);
    }
}
