//! Asked when an imported plan is already stored: replace, keep both, or
//! cancel; with several waiting (a backup restored into a browser that has
//! them), one answer can serve them all.

use crate::app::state::{Action, Resolve};
use crate::browser;
use crate::i18n::{fill, Lang, M};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConflictDialogProps {
    pub lang: Lang,
    pub title: AttrValue,
    /// how many plans wait for an answer, this one included
    #[prop_or(1)]
    pub waiting: usize,
    pub dispatch: Callback<Action>,
}

#[function_component(ConflictDialog)]
pub fn conflict_dialog(props: &ConflictDialogProps) -> Html {
    let lang = props.lang;
    let first = use_node_ref();
    let all = use_state(|| false);
    {
        let first = first.clone();
        use_effect_with(props.title.clone(), move |_| browser::focus(&first));
    }
    let choose = |r: fn(Lang) -> Resolve| {
        let (d, all) = (props.dispatch.clone(), all.clone());
        Callback::from(move |_| d.emit(Action::Resolve(r(lang), *all)))
    };
    html! {
        <div class="dialog-backdrop">
            <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="conflict-title">
                <h2 id="conflict-title">{ fill(lang.t(M::ConflictTitle), &[&props.title]) }</h2>
                <p>{ lang.t(M::ConflictQuestion) }</p>
                if props.waiting > 1 {
                    <label class="check">
                        <input type="checkbox" name="resolve-all" checked={*all}
                            onchange={{ let all = all.clone(); move |_| all.set(!*all) }} />
                        { fill(lang.t(M::ConflictAll), &[&props.waiting.to_string()]) }
                    </label>
                }
                <div class="dialog-actions">
                    <button type="button" class="button primary" ref={first} onclick={choose(|_| Resolve::Replace)}>{ lang.t(M::Replace) }</button>
                    <button type="button" class="button" onclick={choose(|l| Resolve::KeepBoth { new_id: browser::new_id("p"), suffix: l.t(M::ImportedSuffix).to_string() })}>{ lang.t(M::KeepBoth) }</button>
                    <button type="button" class="button" onclick={choose(|_| Resolve::Cancel)}>{ lang.t(M::Cancel) }</button>
                </div>
            </div>
        </div>
    }
}
