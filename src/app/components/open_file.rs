//! "Open file…": a file picker for plan files (and backups), several at once.

use crate::app::state::{Action, Purpose};
use crate::browser;
use crate::i18n::{Lang, M};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OpenFileProps {
    pub lang: Lang,
    pub dispatch: Callback<Action>,
    #[prop_or_default]
    pub class: Classes,
}

#[function_component(OpenFile)]
pub fn open_file(props: &OpenFileProps) -> Html {
    let onchange = {
        let d = props.dispatch.clone();
        Callback::from(move |e: Event| {
            d.emit(Action::FilesChosen {
                files: browser::chosen_files(&e),
                purpose: Purpose::Import,
            })
        })
    };
    html! {
        <label class={classes!("button", "open-file", props.class.clone())}>
            <input type="file" class="visually-hidden" name="plan-files" multiple=true accept=".json,application/json" {onchange} />
            { props.lang.t(M::OpenFile) }
        </label>
    }
}
