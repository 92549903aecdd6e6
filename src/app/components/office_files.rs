//! The empty table, where a table copied from Excel, LibreOffice, Google
//! Sheets or Word is pasted (Ctrl+V anywhere outside a field: the runner
//! listens) or chosen in the office module's import dialog, which previews
//! it and hands back the plan with the indicators as one undo step.

use crate::app::state::{Action, Office};
use crate::i18n::{Lang, M};
use yew::prelude::*;

/// The empty table: what to paste, and the button to the import dialog.
pub fn paste_zone(lang: Lang, dispatch: &Callback<Action>) -> Html {
    let d = dispatch.clone();
    html! {
        <section class="paste-zone" tabindex="0" aria-label={lang.t(M::ImportTable)}>
            <p class="table-empty">{ lang.t(M::ImportLead) }</p>
            <button type="button" class="button primary import-table" onclick={move |_| d.emit(Action::Office(Office::Import(None)))}>
                { lang.t(M::ImportTable) }
            </button>
        </section>
    }
}
