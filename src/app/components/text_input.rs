//! A labelled text field that changes the plan as the planner types. An
//! optional check turns the text into an edit, or into an error shown in place.
//! A wrong entry stays in sight with its error when the field is left, until it
//! is corrected or Escape puts back what the plan holds; several lines pasted
//! into a one-line field are refused, never joined into one number.

use crate::app::state::Action;
use crate::browser;
use crate::i18n::{Lang, M};
use crate::numfmt;
use crate::plan::edit::Edit;
use yew::prelude::*;

/// Turns the typed text into an edit, or says what is wrong with it.
pub type ToEdit = fn(&str, &str, Lang) -> Result<Edit, M>;

#[derive(Properties)]
pub struct TextInputProps {
    pub lang: Lang,
    pub label: AttrValue,
    pub value: AttrValue,
    /// passed to `to_edit` with the text (an indicator id, or empty)
    #[prop_or_default]
    pub target: AttrValue,
    pub to_edit: ToEdit,
    pub dispatch: Callback<Action>,
    #[prop_or_default]
    pub multiline: bool,
    #[prop_or_default]
    pub placeholder: AttrValue,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub name: AttrValue,
}

// `to_edit` is left out: each field passes one fixed function, and function
// addresses are not a reliable identity.
impl PartialEq for TextInputProps {
    fn eq(&self, o: &Self) -> bool {
        self.lang == o.lang
            && self.label == o.label
            && self.value == o.value
            && self.target == o.target
            && self.dispatch == o.dispatch
            && self.multiline == o.multiline
            && self.placeholder == o.placeholder
            && self.class == o.class
            && self.name == o.name
    }
}

#[function_component(TextInput)]
pub fn text_input(props: &TextInputProps) -> Html {
    let draft = use_state(|| None::<(String, Option<M>)>);
    let shown = draft
        .as_ref()
        .map(|d| d.0.clone())
        .unwrap_or_else(|| props.value.to_string());
    let oninput = {
        let (draft, dispatch, to_edit, target, lang) = (
            draft.clone(),
            props.dispatch.clone(),
            props.to_edit,
            props.target.clone(),
            props.lang,
        );
        Callback::from(move |e: InputEvent| {
            let text = browser::input_value(&e);
            match to_edit(&target, &text, lang) {
                Ok(edit) => {
                    dispatch.emit(Action::Edit(edit));
                    draft.set(Some((text, None)));
                }
                Err(m) => draft.set(Some((text, Some(m)))),
            }
        })
    };
    let onblur = {
        let (draft, value) = (draft.clone(), props.value.clone());
        Callback::from(move |_: FocusEvent| {
            // an entry the plan could not take stays, with its reason, until
            // corrected or put back; a refused paste left the text as it was
            let keep = draft
                .as_ref()
                .is_some_and(|(text, error)| error.is_some() && text.as_str() != value.as_str());
            if !keep {
                draft.set(None);
            }
        })
    };
    let onkeydown = {
        let draft = draft.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" && draft.is_some() {
                e.prevent_default();
                draft.set(None);
            }
        })
    };
    let onpaste = {
        let (draft, multiline) = (draft.clone(), props.multiline);
        let shown = shown.clone();
        Callback::from(move |e: Event| {
            if multiline {
                return;
            }
            if let Some(pasted) = browser::pasted_text(&e) {
                if numfmt::is_block(&pasted) {
                    // the browser would join the lines (85, 90, 100 → 8590100)
                    e.prevent_default();
                    draft.set(Some((shown.clone(), Some(M::NumSeveralValues))));
                }
            }
        })
    };
    let error = draft.as_ref().and_then(|d| d.1);
    html! {
        <label class={classes!("field", props.class.clone())}>
            <span class="field-label">{ props.label.clone() }</span>
            if props.multiline {
                <textarea name={props.name.clone()} rows="2" value={shown} {oninput} {onblur} {onkeydown}
                    aria-invalid={error.is_some().to_string()} />
            } else {
                <input type="text" name={props.name.clone()} value={shown} placeholder={props.placeholder.clone()}
                    {oninput} {onblur} {onkeydown} {onpaste} aria-invalid={error.is_some().to_string()} />
            }
            if let Some(m) = error {
                <span class="cell-error" role="alert">{ props.lang.t(m) }</span>
            }
        </label>
    }
}
