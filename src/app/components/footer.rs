use crate::app::state::{Action, Download};
use crate::i18n::{Lang, M};
use yew::prelude::*;

pub use crate::app::VERSION;

#[derive(Properties, PartialEq)]
pub struct FooterProps {
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

/// The footer: where the app runs, the app as one file to pass on, the version.
#[function_component(Footer)]
pub fn footer(props: &FooterProps) -> Html {
    let lang = props.lang;
    let download = {
        let d = props.dispatch.clone();
        Callback::from(move |_| d.emit(Action::Export(Download::App)))
    };
    html! {
        <footer class="site-footer">
            <span>{ lang.t(M::FooterLocal) }</span>
            <button type="button" class="link-button download-app" title={lang.t(M::DownloadAppHint)} onclick={download}>
                { lang.t(M::DownloadApp) }
            </button>
            <span class="version">{ format!("{} {}", lang.t(M::FooterVersion), VERSION) }</span>
        </footer>
    }
}
