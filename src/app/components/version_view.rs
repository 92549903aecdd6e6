//! An earlier version of the plan, read-only: when and why it was kept, what
//! changed, and its indicators with their figures; restore it or go back.

use super::history::{summary, why};
use crate::app::labels;
use crate::app::state::Action;
use crate::app::Shared;
use crate::browser::{self, Version};
use crate::i18n::{fill, Lang, M};
use crate::plan::{Period, Plan};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct VersionViewProps {
    pub lang: Lang,
    pub version: Version,
    pub plan: Shared<Plan>,
    pub dispatch: Callback<Action>,
}

#[function_component(VersionView)]
pub fn version_view(props: &VersionViewProps) -> Html {
    let lang = props.lang;
    let plan = &*props.plan.0;
    let v = &props.version;
    let d = props.dispatch.clone();
    let years: Vec<i32> = plan.period.years().collect();
    let seq = v.seq;
    let rows = plan.indicators.iter().enumerate().map(|(k, ind)| {
        let actual = ind.actuals.last().map(|a| format!("{} ({})", labels::figure(lang, ind, a.figure), labels::period(lang, a.period)));
        html! {
            <tr data-code={ind.code.clone()}>
                <td class="c">{ k + 1 }</td>
                <td>{ ind.code.clone() }</td>
                <td>{ labels::name_with_level(lang, ind) }</td>
                <td class="c">{ ind.baseline.as_ref().map(|b| labels::figure(lang, ind, b.figure)).unwrap_or_default() }</td>
                { for years.iter().map(|y| html! {
                    <td class="c target">{ ind.target_for(Period::Year(*y)).map(|t| labels::figure(lang, ind, t.figure)).unwrap_or_default() }</td>
                }) }
                <td class="c">{ actual.unwrap_or_default() }</td>
            </tr>
        }
    }).collect::<Html>();
    html! {
        <section class="version-view" aria-labelledby="version-title">
            <div class="toolbar">
                <button type="button" class="button back" onclick={{ let d = d.clone(); move |_| d.emit(Action::CloseVersion) }}>{ lang.t(M::BackToPlan) }</button>
                <button type="button" class="button primary" data-action="restore-this"
                    onclick={{ let d = d.clone(); move |_| d.emit(Action::RestoreVersion(seq)) }}>{ lang.t(M::RestoreThis) }</button>
            </div>
            <h2 id="version-title">{ fill(lang.t(M::ViewingTitle), &[&browser::local_time(&v.kept)]) }</h2>
            <p class="version-meta">{ format!("{} · {}", why(lang, v.why), summary(lang, v)) }</p>
            <p class="plan-title">{ plan.title.clone() }</p>
            <div class="table-wrap">
                <table class="version-table">
                    <thead>
                        <tr>
                            <th scope="col">{ lang.t(M::ColNo) }</th>
                            <th scope="col">{ lang.t(M::ColCode) }</th>
                            <th scope="col">{ lang.t(M::ColIndicator) }</th>
                            <th scope="col">{ lang.t(M::ColBaseline) }</th>
                            { for years.iter().map(|y| html! { <th scope="col">{ fill(lang.t(M::TargetYear), &[&y.to_string()]) }</th> }) }
                            <th scope="col">{ lang.t(M::ColActual) }</th>
                        </tr>
                    </thead>
                    <tbody>{ rows }</tbody>
                </table>
            </div>
        </section>
    }
}
