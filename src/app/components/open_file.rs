//! "Open file…": a file picker for plan files, several at once.

use crate::app::state::Action;
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

/// Reads files dropped on the page; the state decides whether they open or are collected.
pub fn drop_files(files: Vec<web_sys::File>, dispatch: Callback<Action>) {
    if files.is_empty() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let (plans, errors) = browser::read_plan_files(files).await;
        dispatch.emit(Action::Dropped { plans, errors });
    });
}

/// Reads the files and reports what they held; the state decides what opens.
pub fn import(files: Vec<web_sys::File>, dispatch: Callback<Action>) {
    if files.is_empty() {
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let (plans, errors) = browser::read_plan_files(files).await;
        dispatch.emit(Action::Imported { plans, errors });
    });
}

#[function_component(OpenFile)]
pub fn open_file(props: &OpenFileProps) -> Html {
    let onchange = {
        let d = props.dispatch.clone();
        Callback::from(move |e: Event| import(browser::chosen_files(&e), d.clone()))
    };
    html! {
        <label class={classes!("button", "open-file", props.class.clone())}>
            <input type="file" class="visually-hidden" name="plan-files" multiple=true accept=".json,application/json" {onchange} />
            { props.lang.t(M::OpenFile) }
        </label>
    }
}
