//! Asked when a single file that carries a plan is opened for the first time
//! in this browser: keep the plan in storage, or only look at it this time.

use crate::app::state::Action;
use crate::browser;
use crate::i18n::{fill, Lang, M};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct KeepDialogProps {
    pub lang: Lang,
    pub title: AttrValue,
    pub dispatch: Callback<Action>,
}

#[function_component(KeepDialog)]
pub fn keep_dialog(props: &KeepDialogProps) -> Html {
    let lang = props.lang;
    let first = use_node_ref();
    {
        let first = first.clone();
        use_effect_with((), move |_| browser::focus(&first));
    }
    let answer = |keep: bool| {
        let d = props.dispatch.clone();
        Callback::from(move |_| d.emit(Action::Keep(keep)))
    };
    // Escape: only look, as the second button does
    let on_key = {
        let d = props.dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                d.emit(Action::Keep(false));
            }
        })
    };
    html! {
        <div class="dialog-backdrop">
            <div class="dialog keep-dialog" role="dialog" aria-modal="true" aria-labelledby="keep-title" aria-describedby="keep-question" onkeydown={on_key}>
                <h2 id="keep-title">{ lang.t(M::KeepTitle) }</h2>
                <p id="keep-question">{ fill(lang.t(M::KeepQuestion), &[&props.title]) }</p>
                <div class="dialog-actions">
                    <button type="button" class="button primary keep" ref={first} onclick={answer(true)}>{ lang.t(M::KeepYes) }</button>
                    <button type="button" class="button just-view" onclick={answer(false)}>{ lang.t(M::KeepNo) }</button>
                </div>
            </div>
        </div>
    }
}
