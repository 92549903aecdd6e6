//! Asked when another tab saved (or deleted) the plan this tab has unsaved
//! changes of. Whatever the planner chooses, no version is lost: the one not
//! chosen is kept as a copy or in the version history.

use crate::app::state::{Action, Settle};
use crate::browser;
use crate::i18n::{Lang, M};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ClashDialogProps {
    pub lang: Lang,
    /// the other tab deleted the plan (rather than saved it)
    pub deleted: bool,
    /// the choice is being carried out
    #[prop_or_default]
    pub settling: bool,
    pub dispatch: Callback<Action>,
}

#[function_component(ClashDialog)]
pub fn clash_dialog(props: &ClashDialogProps) -> Html {
    let lang = props.lang;
    let first = use_node_ref();
    {
        let first = first.clone();
        use_effect_with(props.deleted, move |_| browser::focus(&first));
    }
    let settle = |how: fn(Lang) -> Settle| {
        let d = props.dispatch.clone();
        Callback::from(move |_| d.emit(Action::Settle(how(lang))))
    };
    let (title, question) = if props.deleted {
        (M::DeletedTitle, M::DeletedQuestion)
    } else {
        (M::ClashTitle, M::ClashQuestion)
    };
    html! {
        <div class="dialog-backdrop">
            <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="clash-title" aria-describedby="clash-question" data-dialog="clash">
                <h2 id="clash-title">{ lang.t(title) }</h2>
                <p id="clash-question">{ lang.t(question) }</p>
                <div class="dialog-actions">
                    if props.deleted {
                        <button type="button" class="button primary" ref={first} onclick={settle(|_| Settle::StoreAgain)}>{ lang.t(M::StoreAgain) }</button>
                        <button type="button" class="button" onclick={settle(|_| Settle::LetGo)}>{ lang.t(M::LetGo) }</button>
                    } else {
                        <button type="button" class="button primary" ref={first} data-settle="keep-mine" disabled={props.settling}
                            onclick={settle(|l| Settle::KeepMine { copy_id: browser::new_id("p"), suffix: l.t(M::OtherTabSuffix).to_string() })}>
                            { lang.t(M::KeepMine) }
                        </button>
                        <button type="button" class="button" data-settle="take-theirs" disabled={props.settling} onclick={settle(|_| Settle::TakeTheirs)}>{ lang.t(M::TakeTheirs) }</button>
                    }
                </div>
            </div>
        </div>
    }
}
