use crate::i18n::{Lang, M};
use yew::prelude::*;

pub use crate::app::VERSION;

#[derive(Properties, PartialEq)]
pub struct FooterProps {
    pub lang: Lang,
}

#[function_component(Footer)]
pub fn footer(props: &FooterProps) -> Html {
    let lang = props.lang;
    html! {
        <footer class="site-footer">
            <span>{ lang.t(M::FooterLocal) }</span>
            <span class="version">{ format!("{} {}", lang.t(M::FooterVersion), VERSION) }</span>
        </footer>
    }
}
