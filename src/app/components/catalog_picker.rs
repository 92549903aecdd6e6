//! The catalog picker: search the built-in indicators (Vietnamese typed
//! without diacritics matches too) and add them to the plan.

use crate::app::labels;
use crate::app::state::Action;
use crate::browser;
use crate::catalog::{catalog, Entry};
use crate::i18n::{Lang, M};
use crate::numfmt;
use crate::plan::edit::Edit;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CatalogPickerProps {
    pub lang: Lang,
    /// the plan the indicators go into: entries it holds already are marked
    pub plan: crate::app::Shared<crate::plan::Plan>,
    pub dispatch: Callback<Action>,
}

/// "Quyết định 942/QĐ-TTg…: 100% (2025)", for a reference shown beside a target.
pub fn reference_text(lang: Lang, e: &Entry) -> Vec<String> {
    e.references
        .iter()
        .map(|r| {
            let unsure = if r.unconfirmed { format!(" — {}", lang.t(M::Unconfirmed)) } else { String::new() };
            let unit = if e.unit == "%" { "%".to_string() } else { format!(" {}", e.unit) };
            format!("{}, {}: {}{unit} ({}){unsure}", r.document, r.clause, numfmt::format(r.target, lang, 1), r.year)
        })
        .collect()
}

#[function_component(CatalogPicker)]
pub fn catalog_picker(props: &CatalogPickerProps) -> Html {
    let lang = props.lang;
    let query = use_state(String::new);
    let added = use_state(Vec::<String>::new);
    let search = use_node_ref();
    {
        let search = search.clone();
        use_effect_with((), move |_| browser::focus(&search));
    }
    let c = catalog();
    let results = c.search(&query);
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(browser::input_value(&e)))
    };
    let close = {
        let d = props.dispatch.clone();
        Callback::from(move |_| d.emit(Action::ShowPicker(false)))
    };
    let onkeydown = {
        let d = props.dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                d.emit(Action::ShowPicker(false));
            }
        })
    };
    let items = results.iter().map(|e| {
        let group = c.group(&e.group).map(|g| if lang == crate::i18n::Lang::En { g.en.clone() } else { g.vi.clone() }).unwrap_or_default();
        let name = if lang == crate::i18n::Lang::En { e.name.en.clone() } else { e.name.vi.clone() };
        let description = if lang == crate::i18n::Lang::En { e.description.en.clone() } else { e.description.vi.clone() };
        let add = {
            let (d, code, added) = (props.dispatch.clone(), e.code.clone(), added.clone());
            Callback::from(move |_| {
                if let Some(entry) = catalog().entry(&code) {
                    d.emit(Action::Edit(Edit::Add { indicator: entry.indicator(browser::new_id("i")), after: None }));
                    let mut list = (*added).clone();
                    list.push(code.clone());
                    added.set(list);
                }
            })
        };
        let was_added = added.contains(&e.code) || props.plan.0.indicators.iter().any(|i| i.code == e.code);
        html! {
            <li key={e.code.clone()} class="catalog-entry" data-code={e.code.clone()}>
                <div class="catalog-main">
                    <span class="catalog-code">{ e.code.clone() }</span>
                    <span class="catalog-name">{ name }</span>
                    <span class="catalog-meta">{ format!("{group} · {} · {}", labels::kind(lang, &e.kind), e.unit) }</span>
                    <span class="catalog-desc">{ description }</span>
                    { for reference_text(lang, e).into_iter().map(|r| html! { <span class="catalog-ref">{ format!("{}: {r}", lang.t(M::NationalRef)) }</span> }) }
                </div>
                <button type="button" class={classes!("button", "small", (!was_added).then_some("primary"))} onclick={add} disabled={was_added}
                    aria-label={format!("{}: {}", lang.t(M::Add), e.code)}>
                    { if was_added { format!("✓ {}", lang.t(M::InPlan)) } else { lang.t(M::Add).to_string() } }
                </button>
            </li>
        }
    }).collect::<Html>();
    html! {
        <div class="dialog-backdrop" {onkeydown}>
            <div class="dialog catalog" role="dialog" aria-modal="true" aria-labelledby="catalog-title">
                <header class="detail-head">
                    <h2 id="catalog-title">{ lang.t(M::CatalogTitle) }</h2>
                    <button type="button" class="icon-button" onclick={close} aria-label={lang.t(M::Close)}>{ "✕" }</button>
                </header>
                <input type="search" ref={search} class="catalog-search" name="catalog-search" value={(*query).clone()} {oninput}
                    placeholder={lang.t(M::CatalogSearch)} aria-label={lang.t(M::CatalogSearch)} />
                if results.is_empty() {
                    <p class="muted">{ lang.t(M::CatalogNone) }</p>
                } else {
                    <ul class="catalog-list">{ items }</ul>
                }
            </div>
        </div>
    }
}
