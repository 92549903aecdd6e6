//! The Yew application: one state, an `Action` enum, thin components.

pub mod components;
pub mod state;

use crate::browser;
use crate::i18n::M;
use components::{EmptyState, Footer, Header};
use state::{Action, State};
use yew::prelude::*;

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| State { lang: browser::stored_lang().unwrap_or_default() });
    let lang = state.lang;

    // the page's language and title follow the chosen language, and the choice survives a reload
    use_effect_with(lang, move |lang| {
        browser::show_lang(*lang, lang.t(M::AppName), lang.t(M::Subtitle));
        browser::store_lang(*lang);
    });

    let on_lang = {
        let state = state.clone();
        Callback::from(move |l| state.dispatch(Action::SetLang(l)))
    };

    html! {
        <div class="app">
            <Header {lang} {on_lang} />
            <main id="main" class="main">
                <EmptyState {lang} />
            </main>
            <Footer {lang} />
        </div>
    }
}
