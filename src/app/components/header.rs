use crate::i18n::{Lang, M};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    pub on_lang: Callback<Lang>,
}

#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let lang = props.lang;
    let choice = |l: Lang, label: M| {
        let on_lang = props.on_lang.clone();
        html! {
            <button type="button" class="lang-choice" lang={l.code()} aria-pressed={(l == lang).to_string()}
                    onclick={move |_| on_lang.emit(l)}>
                { lang.t(label) }
            </button>
        }
    };
    html! {
        <header class="site-header">
            <div class="brand">
                <span class="brand-mark" aria-hidden="true">{ "◎" }</span>
                <div>
                    <h1 class="brand-name">{ lang.t(M::AppName) }</h1>
                    <p class="brand-subtitle">{ lang.t(M::Subtitle) }</p>
                </div>
            </div>
            <div class="lang-switch" role="group" aria-label={lang.t(M::LanguageLabel)}>
                { choice(Lang::Vi, M::LangVi) }
                { choice(Lang::En, M::LangEn) }
            </div>
        </header>
    }
}
