//! The start screen: what the tool does, the ways to start, and the plans
//! stored in this browser (open, rename, duplicate, delete).

use crate::app::state::{Action, PlanEntry};
use crate::browser;
use crate::catalog::{default_plan_year, plan_years, sample_plan, template_plan, Template, TEMPLATES};
use crate::i18n::{fill, Lang, M};
use crate::plan::{Level, Plan, Unit};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmptyStateProps {
    pub lang: Lang,
    pub plans: Rc<Vec<PlanEntry>>,
    pub dispatch: Callback<Action>,
}

/// A blank plan for this year.
pub fn blank_plan(lang: Lang) -> Plan {
    let year = browser::this_year();
    let mut p = Plan::new(browser::new_id("p"), lang.t(M::NewPlanTitle), Unit::new(String::new(), Level::Commune), year);
    p.created = browser::now();
    p
}

#[function_component(EmptyState)]
pub fn empty_state(props: &EmptyStateProps) -> Html {
    let lang = props.lang;
    let d = props.dispatch.clone();
    let renaming = use_state(|| None::<(String, String)>);
    let confirming = use_state(|| None::<String>);

    let start_blank = {
        let d = d.clone();
        Callback::from(move |_| d.emit(Action::Open(Rc::new(blank_plan(lang)))))
    };
    let start_sample = {
        let d = d.clone();
        Callback::from(move |_| {
            let mut p = sample_plan(&browser::new_id("p"));
            p.created = browser::now();
            d.emit(Action::Open(Rc::new(p)));
        })
    };
    // the year of a yearly template: this year, or one the planner picks
    let this_year = browser::this_year();
    let plan_year = use_state(|| default_plan_year(this_year));
    let on_year = {
        let plan_year = plan_year.clone();
        Callback::from(move |e: Event| {
            if let Ok(y) = browser::select_value(&e).parse::<i32>() {
                plan_year.set(y);
            }
        })
    };
    let templates = TEMPLATES.iter().map(|t| {
        let t = *t;
        let year = *plan_year;
        let y = year.to_string();
        let label = match t {
            Template::CommuneYear => fill(lang.t(M::TplCommuneYear), &[&y]),
            Template::ProvinceYear => fill(lang.t(M::TplProvinceYear), &[&y]),
            Template::ProvinceFiveYears => lang.t(M::TplProvinceFive).to_string(),
            Template::DistrictYear => lang.t(M::TplDistrictYear).to_string(),
        };
        let d = d.clone();
        let onclick = Callback::from(move |_| {
            let span = t.years(year);
            let title = if span.start == span.end {
                fill(lang.t(M::TplTitle), &[&span.start.to_string()])
            } else {
                fill(lang.t(M::TplTitleSpan), &[&span.start.to_string(), &span.end.to_string()])
            };
            let mut p = template_plan(t, &browser::new_id("p"), &title, "", year, lang);
            p.created = browser::now();
            d.emit(Action::Open(Rc::new(p)));
        });
        html! { <button type="button" class={classes!("button", (t == Template::DistrictYear).then_some("old"))} data-template={t.key()} {onclick}>{ label }</button> }
    }).collect::<Html>();
    let year_options = plan_years(this_year).into_iter().map(|y| html! {
        <option value={y.to_string()} selected={y == *plan_year}>{ y }</option>
    }).collect::<Html>();
    let rows = props.plans.iter().map(|entry| {
        let id = entry.id.clone();
        let open = {
            let (d, id) = (d.clone(), id.clone());
            Callback::from(move |_| {
                let loaded = browser::load_plan(&id);
                if !loaded.kept_aside.is_empty() {
                    d.emit(Action::Notify(crate::app::state::Notice::KeptAside(loaded.kept_aside)));
                    d.emit(Action::PlansListed(browser::load_index().value));
                }
                if let Some(p) = loaded.value {
                    d.emit(Action::Open(Rc::new(p)));
                }
            })
        };
        let duplicate = {
            let (d, id) = (d.clone(), id.clone());
            Callback::from(move |_| {
                if let Some(mut p) = browser::load_plan(&id).value {
                    p.id = browser::new_id("p");
                    p.title = format!("{} {}", p.title, lang.t(M::CopySuffix));
                    let (_, listed) = browser::save_plan(&p, &browser::now(), crate::app::VERSION);
                    d.emit(Action::PlansListed(listed));
                }
            })
        };
        let start_rename = {
            let (renaming, id, title) = (renaming.clone(), id.clone(), entry.title.clone());
            Callback::from(move |_| renaming.set(Some((id.clone(), title.clone()))))
        };
        let ask_delete = {
            let (confirming, id) = (confirming.clone(), id.clone());
            Callback::from(move |_| confirming.set(Some(id.clone())))
        };
        let is_renaming = renaming.as_ref().filter(|(r, _)| *r == id).map(|(_, t)| t.clone());
        let is_confirming = confirming.as_deref() == Some(id.as_str());
        html! {
            <li key={id.clone()} class="plan-entry" data-id={id.clone()}>
                if let Some(title) = is_renaming {
                    <form class="rename" onsubmit={{
                        let (d, id, renaming) = (d.clone(), id.clone(), renaming.clone());
                        Callback::from(move |e: SubmitEvent| {
                            e.prevent_default();
                            let new_title = renaming.as_ref().map(|r| r.1.clone()).unwrap_or_default();
                            if let Some(mut p) = browser::load_plan(&id).value {
                                p.title = new_title;
                                let (_, listed) = browser::save_plan(&p, &browser::now(), crate::app::VERSION);
                                d.emit(Action::PlansListed(listed));
                            }
                            renaming.set(None);
                        })
                    }}>
                        <input type="text" name="title" aria-label={lang.t(M::FieldTitle)} value={title} oninput={{
                            let (renaming, id) = (renaming.clone(), id.clone());
                            Callback::from(move |e: InputEvent| renaming.set(Some((id.clone(), browser::input_value(&e)))))
                        }} />
                        <button type="submit" class="button primary">{ lang.t(M::Save) }</button>
                        <button type="button" class="button" onclick={{ let r = renaming.clone(); move |_| r.set(None) }}>{ lang.t(M::Cancel) }</button>
                    </form>
                } else {
                    <button type="button" class="plan-open link" onclick={open}>{ entry.title.clone() }</button>
                    <span class="plan-updated">{ format!("{} {}", lang.t(M::UpdatedAt), browser::local_time(&entry.updated)) }</span>
                    <span class="plan-actions">
                        if is_confirming {
                            <span class="confirm" role="alert">{ lang.t(M::ConfirmDelete) }</span>
                            <button type="button" class="button danger" onclick={{
                                let (d, id, confirming) = (d.clone(), id.clone(), confirming.clone());
                                move |_| { d.emit(Action::PlansListed(browser::delete_plan(&id))); confirming.set(None); }
                            }}>{ lang.t(M::Delete) }</button>
                            <button type="button" class="button" onclick={{ let c = confirming.clone(); move |_| c.set(None) }}>{ lang.t(M::Cancel) }</button>
                        } else {
                            <button type="button" class="button small" onclick={start_rename}>{ lang.t(M::Rename) }</button>
                            <button type="button" class="button small" onclick={duplicate}>{ lang.t(M::Duplicate) }</button>
                            <button type="button" class="button small" onclick={ask_delete}>{ lang.t(M::Delete) }</button>
                        }
                    </span>
                }
            </li>
        }
    }).collect::<Html>();
    let my_plans = html! {
        <section class="my-plans" aria-labelledby="my-plans-title">
            <h2 id="my-plans-title">{ lang.t(M::MyPlans) }</h2>
            if props.plans.is_empty() {
                <p class="muted">{ lang.t(M::MyPlansEmpty) }</p>
            } else {
                <ul class="plan-list">{ rows }</ul>
            }
        </section>
    };
    html! {
        <div class="home">
            // a returning planner sees their plans first
            if !props.plans.is_empty() { { my_plans.clone() } }
            <section class="empty-state" aria-labelledby="empty-title">
                <h2 id="empty-title">{ lang.t(M::EmptyTitle) }</h2>
                <p class="lead">{ lang.t(M::EmptyLead) }</p>
                <div class="start-actions">
                    <button type="button" class="button primary" data-action="start-blank" onclick={start_blank}>{ lang.t(M::StartBlank) }</button>
                    <button type="button" class="button" data-action="start-sample" onclick={start_sample}>{ lang.t(M::StartSample) }</button>
                    <super::OpenFile {lang} dispatch={d.clone()} />
                    <super::RollUpFiles {lang} dispatch={d.clone()} />
                </div>
                <p class="drop-hint">{ lang.t(M::DropHint) }</p>
                <h3 class="templates-title">{ lang.t(M::Templates) }</h3>
                <label class="field template-year">
                    <span class="field-label">{ lang.t(M::TplYear) }</span>
                    <select name="template-year" onchange={on_year}>{ year_options }</select>
                </label>
                <div class="start-actions templates">{ templates }</div>
                <p class="template-note">{ lang.t(M::TplDefaults) }</p>
                <p class="template-note">{ lang.t(M::TplDistrictNote) }</p>
                <p class="privacy">{ lang.t(M::EmptyPrivacy) }</p>
            </section>
            if props.plans.is_empty() { { my_plans } }
        </div>
    }
}
