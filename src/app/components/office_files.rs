//! Office files from the app's side: the empty table, where a table copied
//! from Excel, LibreOffice, Google Sheets or Word is pasted, and the calls
//! that open the office module's import and export dialogs. The module is
//! loaded on first use; it previews a table and hands back the plan with the
//! indicators, which the app takes as one undo step.

use crate::app::state::Action;
use crate::app::Shared;
use crate::browser::{self, office};
use crate::file;
use crate::i18n::{Lang, M};
use crate::plan::{Period, Plan};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// Opens the import dialog for the plan: with a pasted table (`text`,
/// `html`) it shows the preview at once, else it asks for a paste or a file.
pub fn open_import(plan: &Plan, lang: Lang, pasted: Option<(String, String)>, d: Callback<Action>) {
    let json = file::to_json(plan, crate::app::VERSION, "");
    let ids = browser::new_id("i");
    let (text, html) = pasted.unwrap_or_default();
    let done = Closure::<dyn Fn(String)>::new(move |plan: String| {
        if let Ok(p) = file::from_json(&plan) {
            d.emit(Action::TableImported(Rc::new(p)));
        }
    });
    let fields = [("plan", json.as_str()), ("lang", lang.code()), ("ids", &ids), ("text", &text), ("html", &html)];
    office::call("import_table", &fields, lang.t(M::OfficeFailed), Some(done.into_js_value().into()));
}

/// Opens the export dialog: Excel, the Word annex, the results report of
/// `period`, and the CSV for either locale.
pub fn open_export(plan: &Plan, lang: Lang, period: Period) {
    let json = file::to_json(plan, crate::app::VERSION, "");
    let fields = [("plan", json.as_str()), ("lang", lang.code()), ("period", &period.to_string()), ("today", &browser::today().to_string())];
    office::call("export_files", &fields, lang.t(M::OfficeFailed), None);
}

#[derive(Properties, PartialEq)]
pub struct PasteZoneProps {
    pub lang: Lang,
    pub plan: Shared<Plan>,
    pub dispatch: Callback<Action>,
}

/// The empty table: a table pasted anywhere on the page outside a field
/// becomes the plan's indicators, after the preview.
#[function_component(PasteZone)]
pub fn paste_zone(props: &PasteZoneProps) -> Html {
    let lang = props.lang;
    let latest = use_mut_ref(|| props.plan.clone());
    *latest.borrow_mut() = props.plan.clone();
    {
        let (latest, d) = (latest.clone(), props.dispatch.clone());
        use_effect_with(lang, move |lang| {
            let lang = *lang;
            let listener = office::on_paste(move |text, html| open_import(&latest.borrow().0, lang, Some((text, html)), d.clone()));
            move || drop(listener)
        });
    }
    let open = {
        let (plan, d) = (props.plan.clone(), props.dispatch.clone());
        Callback::from(move |_| open_import(&plan.0, lang, None, d.clone()))
    };
    html! {
        <section class="paste-zone" tabindex="0" aria-label={lang.t(M::ImportTable)}>
            <p class="table-empty">{ lang.t(M::ImportLead) }</p>
            <button type="button" class="button primary import-table" onclick={open}>{ lang.t(M::ImportTable) }</button>
        </section>
    }
}
