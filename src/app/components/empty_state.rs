//! The start screen: what the tool does, the ways to start, the plans stored
//! in this browser (open, rename, duplicate, delete, find), how much room
//! they take, and the backup of them all.

use crate::app::labels;
use crate::app::state::{Action, Download, Purpose};
use crate::browser::{self, PlanEntry, Usage};
use crate::catalog::{
    default_plan_year, plan_years, sample_plan, template_plan, Template, TEMPLATES,
};
use crate::i18n::{fill, Lang, M};
use crate::plan::{Level, Plan, Unit};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmptyStateProps {
    pub lang: Lang,
    pub plans: Rc<Vec<PlanEntry>>,
    #[prop_or_default]
    pub usage: Option<Usage>,
    #[prop_or_default]
    pub persisted: bool,
    pub dispatch: Callback<Action>,
}

/// A blank plan for this year.
pub fn blank_plan(lang: Lang) -> Plan {
    let year = browser::this_year();
    let mut p = Plan::new(
        browser::new_id("p"),
        lang.t(M::NewPlanTitle),
        Unit::new(String::new(), Level::Commune),
        year,
    );
    p.created = browser::now();
    p
}

/// A size in bytes as a planner reads it: "812 KB", "1,2 MB", "3,4 GB".
pub fn size(lang: Lang, bytes: f64) -> String {
    let (value, unit) = match bytes {
        b if b >= 1_073_741_824.0 => (b / 1_073_741_824.0, "GB"),
        b if b >= 1_048_576.0 => (b / 1_048_576.0, "MB"),
        b => ((b / 1024.0).max(if b > 0.0 { 1.0 } else { 0.0 }), "KB"),
    };
    format!(
        "{} {unit}",
        crate::numfmt::format(value, lang, if unit == "KB" { 0 } else { 1 })
    )
}

/// Shown when more plans are stored than fit on a screen.
const FIND_FROM: usize = 8;

#[function_component(EmptyState)]
pub fn empty_state(props: &EmptyStateProps) -> Html {
    let lang = props.lang;
    let d = props.dispatch.clone();
    let query = use_state(String::new);

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
    let year_options = plan_years(this_year)
        .into_iter()
        .map(|y| {
            html! {
                <option value={y.to_string()} selected={y == *plan_year}>{ y }</option>
            }
        })
        .collect::<Html>();

    let folded = crate::text::fold(query.trim());
    let shown: Vec<&PlanEntry> = props
        .plans
        .iter()
        .filter(|e| {
            folded.is_empty()
                || crate::text::fold(&format!("{} {}", e.title, e.unit)).contains(&folded)
        })
        .collect();
    let rows = shown.iter().map(|e| html! { <PlanRow key={e.id.clone()} {lang} entry={(*e).clone()} dispatch={d.clone()} /> }).collect::<Html>();
    let find = (props.plans.len() > FIND_FROM).then(|| {
        let query = query.clone();
        html! {
            <label class="find-plan">
                <span class="visually-hidden">{ lang.t(M::FindPlan) }</span>
                <input type="search" name="find-plan" placeholder={lang.t(M::FindPlan)} aria-label={lang.t(M::FindPlan)}
                    value={(*query).clone()} oninput={Callback::from(move |e: InputEvent| query.set(browser::input_value(&e)))} />
            </label>
        }
    });
    let storage = html! {
        <div class="storage-info" data-info="storage">
            if let Some(u) = props.usage {
                <p class="usage">{ fill(lang.t(M::StorageUsage), &[&size(lang, u.used), &size(lang, (u.quota - u.used).max(0.0))]) }</p>
            }
            <p class={classes!("persistence", (!props.persisted).then_some("warn"))}>
                { lang.t(if props.persisted { M::Persisted } else { M::NotPersisted }) }
            </p>
            <div class="start-actions backup">
                <button type="button" class="button" data-action="backup" disabled={props.plans.is_empty()}
                    onclick={{ let d = d.clone(); move |_| d.emit(Action::Export(Download::Backup)) }}>{ lang.t(M::Backup) }</button>
                <label class="button open-file">
                    <input type="file" class="visually-hidden" name="backup-file" accept=".json,application/json" onchange={{
                        let d = d.clone();
                        Callback::from(move |e: Event| d.emit(Action::FilesChosen { files: browser::chosen_files(&e), purpose: Purpose::Import }))
                    }} />
                    { lang.t(M::RestoreBackup) }
                </label>
            </div>
            <p class="muted">{ lang.t(M::BackupHint) }</p>
        </div>
    };
    let my_plans = html! {
        <section class="my-plans" aria-labelledby="my-plans-title">
            <h2 id="my-plans-title">
                { lang.t(M::MyPlans) }
                if !props.plans.is_empty() {
                    <span class="count">{ fill(lang.t(M::PlansCount), &[&props.plans.len().to_string()]) }</span>
                }
            </h2>
            { find }
            if props.plans.is_empty() {
                <p class="muted">{ lang.t(M::MyPlansEmpty) }</p>
            } else if shown.is_empty() {
                <p class="muted">{ lang.t(M::NoPlanFound) }</p>
            } else {
                <ul class="plan-list">{ rows }</ul>
            }
            { storage }
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

#[derive(Properties, PartialEq)]
struct PlanRowProps {
    lang: Lang,
    entry: PlanEntry,
    dispatch: Callback<Action>,
}

/// One stored plan: open it, rename it in place, duplicate it, or delete it
/// after a confirmation. Only what the planner types lives here; every
/// change is an action.
#[function_component(PlanRow)]
fn plan_row(props: &PlanRowProps) -> Html {
    let lang = props.lang;
    let e = &props.entry;
    let d = props.dispatch.clone();
    let renaming = use_state(|| None::<String>);
    let confirming = use_state(|| false);
    let id = e.id.clone();
    let meta = {
        let mut parts = Vec::new();
        if !e.unit.trim().is_empty() {
            parts.push(e.unit.clone());
        }
        parts.push(labels::level(lang, e.level).to_string());
        parts.push(if e.start == e.end {
            e.start.to_string()
        } else {
            format!("{}–{}", e.start, e.end)
        });
        parts.push(format!(
            "{} {}",
            lang.t(M::UpdatedAt),
            browser::local_time(&e.updated)
        ));
        parts.push(size(lang, e.size as f64));
        parts.join(" · ")
    };
    html! {
        <li class="plan-entry" data-id={id.clone()}>
            if let Some(title) = (*renaming).clone() {
                <form class="rename" onsubmit={{
                    let (d, id, renaming) = (d.clone(), id.clone(), renaming.clone());
                    Callback::from(move |ev: SubmitEvent| {
                        ev.prevent_default();
                        if let Some(title) = (*renaming).clone() {
                            d.emit(Action::Rename { id: id.clone(), title });
                        }
                        renaming.set(None);
                    })
                }}>
                    <input type="text" name="title" aria-label={lang.t(M::FieldTitle)} value={title} oninput={{
                        let renaming = renaming.clone();
                        Callback::from(move |ev: InputEvent| renaming.set(Some(browser::input_value(&ev))))
                    }} />
                    <button type="submit" class="button primary">{ lang.t(M::Save) }</button>
                    <button type="button" class="button" onclick={{ let r = renaming.clone(); move |_| r.set(None) }}>{ lang.t(M::Cancel) }</button>
                </form>
            } else {
                <button type="button" class="plan-open link" onclick={{
                    let (d, id) = (d.clone(), id.clone());
                    move |_| d.emit(Action::OpenStored(id.clone()))
                }}>{ e.title.clone() }</button>
                <span class="plan-updated">{ meta }</span>
                <span class="plan-actions">
                    if *confirming {
                        <span class="confirm" role="alert">{ lang.t(M::ConfirmDelete) }</span>
                        <button type="button" class="button danger" onclick={{
                            let (d, id, confirming) = (d.clone(), id.clone(), confirming.clone());
                            move |_| { d.emit(Action::Delete(id.clone())); confirming.set(false); }
                        }}>{ lang.t(M::Delete) }</button>
                        <button type="button" class="button" onclick={{ let c = confirming.clone(); move |_| c.set(false) }}>{ lang.t(M::Cancel) }</button>
                    } else {
                        <button type="button" class="button small" onclick={{
                            let (r, title) = (renaming.clone(), e.title.clone());
                            move |_| r.set(Some(title.clone()))
                        }}>{ lang.t(M::Rename) }</button>
                        <button type="button" class="button small" onclick={{
                            let (d, id) = (d.clone(), id.clone());
                            move |_| d.emit(Action::Duplicate { id: id.clone(), new_id: browser::new_id("p"), suffix: lang.t(M::CopySuffix).to_string() })
                        }}>{ lang.t(M::Duplicate) }</button>
                        <button type="button" class="button small" onclick={{ let c = confirming.clone(); move |_| c.set(true) }}>{ lang.t(M::Delete) }</button>
                    }
                </span>
            }
        </li>
    }
}
