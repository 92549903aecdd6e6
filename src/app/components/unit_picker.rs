//! Choosing a unit from the official list (34 provinces, 3,321 communes,
//! wards and special zones) instead of typing it: searched without
//! diacritics, recorded with its official code. The list is fetched from the
//! page's own origin the first time the picker opens (the picker asks; the
//! runner fetches).

use crate::app::state::{Action, Units};
use crate::browser;
use crate::i18n::{fill, Lang, M};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct UnitPickerProps {
    pub lang: Lang,
    /// the unit chosen
    pub on_pick: Callback<crate::plan::Unit>,
    pub on_close: Callback<()>,
    /// what the picker is for, as its label says
    #[prop_or(M::UnitPick)]
    pub purpose: M,
    /// the list, once asked for
    pub units: Option<Units>,
    pub dispatch: Callback<Action>,
}

#[function_component(UnitPicker)]
pub fn unit_picker(props: &UnitPickerProps) -> Html {
    let lang = props.lang;
    let query = use_state(String::new);
    let search = use_node_ref();
    {
        let (d, search) = (props.dispatch.clone(), search.clone());
        use_effect_with((), move |_| {
            browser::focus(&search);
            d.emit(Action::NeedUnits);
        });
    }
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(browser::input_value(&e)))
    };
    // the search box and the units found are one list for the arrow keys;
    // Enter in the box takes the first unit found
    let picker = use_node_ref();
    let onkeydown = {
        let (close, picker) = (props.on_close.clone(), picker.clone());
        Callback::from(move |e: KeyboardEvent| {
            const WALKED: &str = "input[name=unit-search], .unit-choice";
            let in_box = browser::from_field(&e, "unit-search");
            let done = match e.key().as_str() {
                "Escape" => {
                    close.emit(());
                    true
                }
                "ArrowDown" => browser::step_focus(&picker, WALKED, 1),
                "ArrowUp" => browser::step_focus(&picker, WALKED, -1),
                "Enter" if in_box => browser::click_first(&picker, ".unit-choice"),
                _ => false,
            };
            if done {
                e.prevent_default();
            }
        })
    };
    let results = match &props.units {
        Some(Units::Ready(l)) => {
            let found = l.search(&query, 30);
            if query.trim().is_empty() {
                html! {}
            } else if found.is_empty() {
                html! { <p class="picker-none">{ lang.t(M::UnitNone) }</p> }
            } else {
                html! {
                    <ul class="unit-results">
                        { for found.iter().map(|f| {
                            let unit = f.unit();
                            let pick = props.on_pick.clone();
                            let onclick = Callback::from(move |_| pick.emit(unit.clone()));
                            html! {
                                <li key={f.commune.map(|c| c.code.clone()).unwrap_or_else(|| f.province.code.clone())}>
                                    <button type="button" class="unit-choice" {onclick}>
                                        { f.label() }
                                        <span class="unit-code">{ f.commune.map(|c| c.code.clone()).unwrap_or_else(|| f.province.code.clone()) }</span>
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                }
            }
        }
        None | Some(Units::Loading) => {
            html! { <p class="picker-none" role="status">{ lang.t(M::UnitLoading) }</p> }
        }
        Some(Units::Failed) => {
            html! { <p class="cell-error" role="alert">{ lang.t(M::UnitListFailed) }</p> }
        }
    };
    let close = {
        let close = props.on_close.clone();
        Callback::from(move |_| close.emit(()))
    };
    html! {
        <div class="unit-picker" role="group" aria-label={lang.t(props.purpose)} ref={picker} {onkeydown}>
            <label class="field">
                <span class="field-label">{ lang.t(M::UnitSearch) }</span>
                <input type="search" name="unit-search" ref={search} value={(*query).clone()} {oninput} autocomplete="off" />
            </label>
            { results }
            <p class="picker-note">{ fill(lang.t(M::UnitNotListed), &[]) }</p>
            <button type="button" class="button small" onclick={close}>{ lang.t(M::Close) }</button>
        </div>
    }
}
