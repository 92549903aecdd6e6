//! The empty table, where a table copied from Excel, LibreOffice, Google
//! Sheets or Word is pasted: it goes to the office module's import dialog
//! (an effect the runner performs), which previews it and hands back the
//! plan with the indicators, taken as one undo step.

use crate::app::state::{Action, Office};
use crate::browser::office;
use crate::i18n::{Lang, M};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PasteZoneProps {
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

/// The empty table: a table pasted anywhere on the page outside a field
/// becomes the plan's indicators, after the preview.
#[function_component(PasteZone)]
pub fn paste_zone(props: &PasteZoneProps) -> Html {
    {
        let d = props.dispatch.clone();
        use_effect_with((), move |_| {
            let listener = office::on_paste(move |text, html| d.emit(Action::Office(Office::Import(Some((text, html))))));
            move || drop(listener)
        });
    }
    let lang = props.lang;
    let open = {
        let d = props.dispatch.clone();
        Callback::from(move |_| d.emit(Action::Office(Office::Import(None))))
    };
    html! {
        <section class="paste-zone" tabindex="0" aria-label={lang.t(M::ImportTable)}>
            <p class="table-empty">{ lang.t(M::ImportLead) }</p>
            <button type="button" class="button primary import-table" onclick={open}>{ lang.t(M::ImportTable) }</button>
        </section>
    }
}
