//! The catalog picker: search the built-in indicators (Vietnamese typed
//! without diacritics matches too), see each one's national references and
//! where they stand, and add an indicator once for each level the plan sets
//! it for. Also the small views of references other components show.

use crate::app::labels;
use crate::app::state::Action;
use crate::browser;
use crate::catalog::{self, catalog, Entry, Reference};
use crate::i18n::{fill, Lang, M};
use crate::plan::edit::Edit;
use crate::plan::{Indicator, Level, Period};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CatalogPickerProps {
    pub lang: Lang,
    /// the plan the indicators go into: entries it holds already are marked
    pub plan: crate::app::Shared<crate::plan::Plan>,
    /// the year shown: the national targets of this year are shown and can be filtered on
    pub year: i32,
    pub dispatch: Callback<Action>,
}

/// "cấp xã", beside an indicator set for a level other than its plan's.
pub fn level_badge(lang: Lang, ind: &Indicator) -> Html {
    match ind.applies_to {
        Some(l) => {
            html! { <span class="level-badge" data-level={format!("{l:?}").to_lowercase()}>{ catalog::level_name(lang, l) }</span> }
        }
        None => Html::default(),
    }
}

/// Every national reference of an entry (those binding `level`, when given),
/// each with its document, clause, target, due year and status; a target
/// already due before `year` is marked as past.
pub fn references_list(lang: Lang, e: &Entry, level: Option<Level>, year: i32) -> Html {
    let refs: Vec<&Reference> = e
        .references
        .iter()
        .filter(|r| level.is_none_or(|l| r.levels.is_empty() || r.levels.contains(&l)))
        .collect();
    if refs.is_empty() {
        return Html::default();
    }
    html! {
        <ul class="references">
            { for refs.into_iter().map(|r| {
                let past = r.due.is_some_and(|d| d < year);
                html! {
                    <li class={classes!("reference", past.then_some("past"))} data-document={r.document.clone()}>
                        <span class="reference-text">{ catalog::reference_line(lang, e, r) }</span>
                        { " " }
                        <span class={classes!("ref-status", catalog::status_class(r))}>{ catalog::status_text(lang, r) }</span>
                        if past { <span class="ref-past">{ format!(" · {}", lang.t(M::RefPast)) }</span> }
                    </li>
                }
            }) }
        </ul>
    }
}

/// The national references of a catalog indicator for the detail panel,
/// under a heading; nothing for an indicator of the planner's own.
pub fn references_section(lang: Lang, code: &str, level: Level, year: i32) -> Html {
    match catalog().entry(code).filter(|e| {
        e.references
            .iter()
            .any(|r| r.levels.is_empty() || r.levels.contains(&level))
    }) {
        Some(e) => html! {
            <section class="national-references" aria-labelledby="references-title">
                <h3 id="references-title" class="references-title">{ lang.t(M::NationalRef) }</h3>
                { references_list(lang, e, Some(level), year) }
            </section>
        },
        None => Html::default(),
    }
}

/// Beside a target compared with the national set: "Quốc gia: ≥ 80% (đến
/// 2030) · 71/NQ-CP", and the full reference as its title. `None` when the
/// parent indicator is not the national set's.
pub fn national_note(lang: Lang, parent: &Indicator, period: Period) -> Option<(String, String)> {
    let (e, r) = catalog::national_reference(parent, period.year())?;
    let due = r.due?;
    let when = if due == period.year() {
        String::new()
    } else {
        format!(" ({})", fill(lang.t(M::NationalBy), &[&due.to_string()]))
    };
    let shown = format!(
        "{}: {}{when} · {}",
        lang.t(M::NationalShort),
        catalog::target_text(lang, e, r),
        r.document
    );
    let title = format!(
        "{} — {}",
        catalog::reference_line(lang, e, r),
        catalog::status_text(lang, r)
    );
    Some((shown, title))
}

#[function_component(CatalogPicker)]
pub fn catalog_picker(props: &CatalogPickerProps) -> Html {
    let lang = props.lang;
    let plan = &*props.plan.0;
    let year = props.year;
    let query = use_state(String::new);
    let national_only = use_state(|| false);
    let search = use_node_ref();
    {
        let search = search.clone();
        use_effect_with((), move |_| browser::focus(&search));
    }
    let c = catalog();
    let levels_of = |e: &Entry| e.levels_for(plan.unit.level, plan.period.start);
    let results: Vec<&Entry> = c
        .search(&query)
        .into_iter()
        .filter(|e| {
            !*national_only
                || levels_of(e)
                    .iter()
                    .any(|l| e.reference_for(year, *l).is_some())
        })
        .collect();
    let oninput = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| query.set(browser::input_value(&e)))
    };
    let on_filter = {
        let national_only = national_only.clone();
        Callback::from(move |_| national_only.set(!*national_only))
    };
    // closed, the picker gives the focus back to the button that opened it
    let close = {
        let d = props.dispatch.clone();
        Callback::from(move |_| {
            d.emit(Action::ShowPicker(false));
            browser::focus_soon(".toolbar .from-catalog");
        })
    };
    let onkeydown = {
        let d = props.dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                d.emit(Action::ShowPicker(false));
                browser::focus_soon(".toolbar .from-catalog");
            }
        })
    };
    let pick = |vi: &str, en: &str| {
        if lang == Lang::En && !en.is_empty() {
            en.to_string()
        } else {
            vi.to_string()
        }
    };
    let items = results.iter().map(|e| {
        let group = c.group(&e.group).map(|g| pick(&g.vi, &g.en)).unwrap_or_default();
        let levels = levels_of(e);
        // the national target of the shown year, at each level the plan can set it for
        let national = levels.iter().map(|l| {
            let at = if levels.len() > 1 || *l != plan.unit.level { format!(" ({})", catalog::level_name(lang, *l)) } else { String::new() };
            let label = format!("{}{at}", fill(lang.t(M::NationalFor), &[&year.to_string()]));
            match e.reference_for(year, *l) {
                Some(r) => {
                    let doc = c.document(&r.document).map(|d| catalog::citation(lang, d)).unwrap_or_default();
                    html! { <span class="catalog-national">{ format!("{label}: {} — {doc}, {}", catalog::target_text(lang, e, r), catalog::due_text(lang, r)) }</span> }
                }
                None => Html::default(),
            }
        }).collect::<Html>();
        let buttons = levels.iter().map(|l| {
            let l = *l;
            let own = l == plan.unit.level && levels.len() == 1;
            let was_added = plan.indicators.iter().any(|i| i.code == e.code && catalog::level_in(i, plan.unit.level) == l);
            let add = {
                let (d, code, plan_level, years, search) = (props.dispatch.clone(), e.code.clone(), plan.unit.level, plan.period, search.clone());
                Callback::from(move |_| {
                    if let Some(entry) = catalog().entry(&code) {
                        let mut indicator = entry.indicator(browser::new_id("i"), l, plan_level, years, lang);
                        // the national targets the picker shows are its first targets
                        catalog::set_national_targets(&mut indicator, entry, l, years);
                        d.emit(Action::Edit(Edit::Add { indicator, after: None }));
                        // the button goes disabled: the keyboard goes back to the search
                        browser::focus(&search);
                    }
                })
            };
            let (label, aria) = if own {
                (lang.t(M::Add).to_string(), format!("{}: {}", lang.t(M::Add), e.code))
            } else {
                let at = catalog::level_name(lang, l);
                (fill(lang.t(M::AddAt), &[at]), format!("{}: {}, {at}", lang.t(M::Add), e.code))
            };
            html! {
                <button type="button" class={classes!("button", "small", (!was_added).then_some("primary"))} onclick={add} disabled={was_added}
                    aria-label={aria} data-level={format!("{l:?}").to_lowercase()}>
                    { match (was_added, own) {
                        (false, _) => label,
                        (true, true) => format!("✓ {}", lang.t(M::InPlan)),
                        (true, false) => format!("✓ {} · {}", lang.t(M::InPlan), catalog::level_name(lang, l)),
                    } }
                </button>
            }
        }).collect::<Html>();
        html! {
            <li key={e.code.clone()} class="catalog-entry" data-code={e.code.clone()}>
                <div class="catalog-main">
                    <span class="catalog-code">{ e.code.clone() }</span>
                    <span class="catalog-name">{ pick(&e.name.vi, &e.name.en) }</span>
                    <span class="catalog-meta">{ format!("{group} · {} · {} · {}", labels::kind(lang, &e.kind), e.unit, catalog::levels_text(lang, &e.levels)) }</span>
                    <span class="catalog-desc">{ pick(&e.description.vi, &e.description.en) }</span>
                    if let Some(note) = e.replacement_note.as_ref().filter(|_| e.replaced_by.is_some()) {
                        <span class="catalog-old">{ format!("{}: {}", lang.t(M::OldTerm), pick(&note.vi, &note.en)) }</span>
                    }
                    { national }
                    { references_list(lang, e, None, year) }
                </div>
                <div class="catalog-add">{ buttons }</div>
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
                <div class="catalog-tools">
                    <label class="check">
                        <input type="checkbox" name="national-only" checked={*national_only} onchange={on_filter} />
                        { fill(lang.t(M::FilterNational), &[&year.to_string()]) }
                    </label>
                    <span class="catalog-count" role="status">{ fill(lang.t(M::CatalogCount), &[&results.len().to_string()]) }</span>
                </div>
                if results.is_empty() {
                    <p class="muted catalog-none">{ lang.t(M::CatalogNone) }</p>
                } else {
                    <ul class="catalog-list">{ items }</ul>
                }
            </div>
        </div>
    }
}
