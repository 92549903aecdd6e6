//! Handing a plan's targets down to its sub-units: one plan file per unit
//! (`calc::hand_down`), each carrying the parent plan so the unit can check
//! itself against it, downloaded together as one zip archive.

use crate::app::labels;
use crate::app::state::{Action, Download};
use crate::app::Shared;
use crate::browser;
use crate::i18n::{fill, Lang, M};
use crate::plan::{Level, Plan};
use std::collections::BTreeSet;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HandDownProps {
    pub lang: Lang,
    pub plan: Shared<Plan>,
    pub dispatch: Callback<Action>,
}

/// The indicators a sub-unit takes by default: those set for its level, or
/// for no level in particular unless the catalog keeps them for other levels
/// (a province's count of communes done, its DTI rank).
fn default_keys(plan: &Plan) -> BTreeSet<String> {
    let catalog = crate::catalog::catalog();
    plan.indicators
        .iter()
        .filter(|i| match i.applies_to {
            Some(level) => level == Level::Commune,
            None => catalog
                .entry(&i.code)
                .is_none_or(|e| e.levels.is_empty() || e.levels.contains(&Level::Commune)),
        })
        .map(|i| i.key().to_string())
        .collect()
}

/// The archive of one plan file per chosen unit (each under its id of
/// `ids`, in order), and its file name.
pub fn archive(
    lang: Lang,
    plan: &Plan,
    keys: &BTreeSet<String>,
    units: &BTreeSet<usize>,
    ids: &[String],
    app_version: &str,
    now: &str,
) -> (String, Vec<u8>) {
    let keys: Vec<String> = keys.iter().cloned().collect();
    let files: Vec<(String, Vec<u8>)> = plan
        .sub_units
        .iter()
        .enumerate()
        .filter(|(k, _)| units.contains(k))
        .zip(ids)
        .map(|((_, unit), id)| {
            let title = fill(lang.t(M::HandDownTitle), &[&plan.title, &unit.name]);
            let mut child = crate::calc::hand_down(plan, unit, Some(&keys), id, &title);
            child.created = now.to_string();
            let text = crate::file::to_json_with_parent(&child, plan, app_version, now);
            let code = if unit.code.is_empty() {
                String::new()
            } else {
                format!("{}-", unit.code)
            };
            (
                format!("{code}{}.chitieu.json", crate::text::slug(&unit.name)),
                text.into_bytes(),
            )
        })
        .collect();
    (
        format!("{}-giao-chi-tieu.zip", crate::text::slug(&plan.title)),
        crate::file::zip(&files),
    )
}

#[function_component(HandDown)]
pub fn hand_down(props: &HandDownProps) -> Html {
    let lang = props.lang;
    let plan = &*props.plan.0;
    let keys = {
        let plan = props.plan.clone();
        use_state(move || default_keys(&plan.0))
    };
    let units = {
        let n = plan.sub_units.len();
        use_state(move || (0..n).collect::<BTreeSet<usize>>())
    };
    let first = use_node_ref();
    {
        let first = first.clone();
        use_effect_with((), move |_| browser::focus(&first));
    }
    let close = {
        let d = props.dispatch.clone();
        Callback::from(move |_| d.emit(Action::ShowHandDown(false)))
    };
    let onkeydown = {
        let d = props.dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                d.emit(Action::ShowHandDown(false));
            }
        })
    };
    let toggle_key = |key: String| {
        let keys = keys.clone();
        Callback::from(move |_| {
            let mut next = (*keys).clone();
            if !next.remove(&key) {
                next.insert(key.clone());
            }
            keys.set(next);
        })
    };
    let toggle_unit = |k: usize| {
        let units = units.clone();
        Callback::from(move |_| {
            let mut next = (*units).clone();
            if !next.remove(&k) {
                next.insert(k);
            }
            units.set(next);
        })
    };
    let all_units = {
        let (units, n) = (units.clone(), plan.sub_units.len());
        Callback::from(move |_| {
            units.set(if units.len() == n {
                BTreeSet::new()
            } else {
                (0..n).collect()
            })
        })
    };
    let download = {
        let (plan, keys, units, d) = (
            props.plan.clone(),
            keys.clone(),
            units.clone(),
            props.dispatch.clone(),
        );
        Callback::from(move |_| {
            // ids and the time come in from the browser, as for every new plan
            let ids: Vec<String> = units.iter().map(|_| browser::new_id("p")).collect();
            let (name, bytes) = archive(
                lang,
                &plan.0,
                &keys,
                &units,
                &ids,
                crate::app::VERSION,
                &browser::now(),
            );
            d.emit(Action::Export(Download::File {
                name,
                mime: "application/zip".into(),
                bytes: std::rc::Rc::new(bytes),
            }));
            d.emit(Action::ShowHandDown(false));
        })
    };
    let ready = !keys.is_empty() && !units.is_empty();
    // the indicators as the sub-units take them: of a code the plan carries
    // for itself and for its communes, the communes' one, once
    let offered: Vec<&std::rc::Rc<crate::plan::Indicator>> = match plan.sub_units.first() {
        Some(u) => crate::calc::for_level(plan, u.level).collect(),
        None => plan.indicators.iter().collect(),
    };
    html! {
        <div class="dialog-backdrop">
            <div class="dialog hand-down" role="dialog" aria-modal="true" aria-labelledby="hand-down-title" {onkeydown}>
                <h2 id="hand-down-title" tabindex="-1" ref={first}>{ lang.t(M::HandDownTitleDialog) }</h2>
                <p>{ lang.t(M::HandDownLead) }</p>
                if plan.sub_units.is_empty() {
                    <p class="cell-error" role="alert">{ lang.t(M::HandDownNoUnits) }</p>
                } else {
                    <div class="hand-down-lists">
                        <fieldset>
                            <legend>{ fill(lang.t(M::HandDownIndicators), &[&keys.len().to_string(), &offered.len().to_string()]) }</legend>
                            <ul class="check-list">
                                { for offered.iter().map(|i| {
                                    let key = i.key().to_string();
                                    html! {
                                        <li key={i.id.clone()}>
                                            <label>
                                                <input type="checkbox" checked={keys.contains(&key)} onchange={toggle_key(key.clone())} />
                                                { format!(" {} {}", i.code, labels::name_with_level(lang, i)) }
                                            </label>
                                        </li>
                                    }
                                }) }
                            </ul>
                        </fieldset>
                        <fieldset>
                            <legend>{ fill(lang.t(M::HandDownUnits), &[&units.len().to_string(), &plan.sub_units.len().to_string()]) }</legend>
                            <button type="button" class="button small" onclick={all_units}>{ lang.t(M::HandDownAllUnits) }</button>
                            <ul class="check-list">
                                { for plan.sub_units.iter().enumerate().map(|(k, u)| html! {
                                    <li key={format!("{k}")}>
                                        <label>
                                            <input type="checkbox" checked={units.contains(&k)} onchange={toggle_unit(k)} />
                                            { format!(" {}", u.name) }
                                        </label>
                                    </li>
                                }) }
                            </ul>
                        </fieldset>
                    </div>
                }
                <div class="dialog-actions">
                    <button type="button" class="button primary" disabled={!ready} onclick={download}>
                        { fill(lang.t(M::HandDownDownload), &[&units.len().to_string()]) }
                    </button>
                    <button type="button" class="button" onclick={close}>{ lang.t(M::Cancel) }</button>
                </div>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{template_plan, Template};

    #[test]
    fn communes_are_not_handed_a_provinces_own_targets_by_default() {
        let province = template_plan(
            Template::ProvinceYear,
            "p",
            "x",
            "UBND tỉnh Sơn La",
            2026,
            Lang::Vi,
        );
        let keys = default_keys(&province);
        let handed = |code: &str| {
            province
                .indicators
                .iter()
                .filter(|i| i.code == code)
                .any(|i| keys.contains(i.key()))
        };
        let has = |code: &str| province.indicators.iter().any(|i| i.code == code);
        for own in ["CQS-11", "CS-07", "CS-08"].into_iter().filter(|c| has(c)) {
            assert!(!handed(own), "{own} is the province's own");
        }
        assert!(
            has("CQS-11"),
            "the province template counts its communes done"
        );
        assert!(handed("CQS-06"));
    }
}
