//! Rolling up several units' plan files into one plan: numerators,
//! denominators and counts summed, never percentages averaged; what could not
//! be combined is reported.

use crate::app::labels;
use crate::app::state::Action;
use crate::browser;
use crate::calc::{roll_up, rollup_unit, RollUp};
use crate::i18n::{fill, Lang, M};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RollUpFilesProps {
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

#[function_component(RollUpFiles)]
pub fn roll_up_files(props: &RollUpFilesProps) -> Html {
    let lang = props.lang;
    let onchange = {
        let d = props.dispatch.clone();
        Callback::from(move |e: Event| {
            let files = browser::chosen_files(&e);
            let d = d.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let (plans, errors) = browser::read_plan_files(files).await;
                if plans.is_empty() {
                    d.emit(Action::Imported { plans: Vec::new(), errors });
                    return;
                }
                let refs: Vec<&crate::plan::Plan> = plans.iter().map(|p| p.as_ref()).collect();
                // the total belongs to the level above: the files' common parent, else a named total
                let unit = rollup_unit(&refs)
                    .unwrap_or_else(|level| crate::plan::Unit::new(fill(lang.t(M::RollUpUnitDefault), &[&plans.len().to_string()]), level));
                let mut report = roll_up(&refs, &fill(lang.t(M::RollUpTitle), &[&plans.len().to_string()]), unit);
                report.plan.id = browser::new_id("p");
                report.plan.created = browser::now();
                report.plan.document_number.clear();
                report.plan.issue_date = None;
                d.emit(Action::RolledUp { report: Rc::new(report), errors });
            });
        })
    };
    html! {
        <label class="button open-file" title={lang.t(M::RollUpHint)}>
            <input type="file" class="visually-hidden" name="rollup-files" multiple=true accept=".json,application/json" {onchange} />
            { lang.t(M::RollUpFiles) }
        </label>
    }
}

/// The lines of a roll-up report, in the planner's language.
pub fn report_lines(lang: Lang, r: &RollUp) -> Vec<String> {
    let name = |key: &str| {
        r.plan.indicators.iter().find(|i| i.key() == key).map(|i| format!("{key} {}", labels::name(lang, i))).unwrap_or_else(|| key.to_string())
    };
    let unit = fill(lang.t(M::RollUpUnit), &[&r.plan.unit.name, labels::level(lang, r.plan.unit.level)]);
    let mut out: Vec<String> = std::iter::once(unit).chain(r
        .conflicts
        .iter()
        .map(|c| fill(lang.t(M::RollUpConflict), &[&name(&c.key), &c.unit, labels::definition_word(lang, c.what)])))
        .collect();
    out.extend(r.skipped.iter().map(|s| labels::skipped_named(lang, s, &name(&s.key))));
    out
}
