//! The summary strip: how many indicators stand where, the composite score,
//! and the consistency warnings, each a link to its indicator.

use crate::app::labels;
use crate::app::state::Action;
use crate::app::Shared;
use crate::calc::{self, Status};
use crate::i18n::{Lang, M};
use crate::numfmt;
use crate::plan::{Period, Plan};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub lang: Lang,
    pub plan: Shared<Plan>,
    pub period: Period,
    pub parent: Option<Shared<Plan>>,
    pub dispatch: Callback<Action>,
}

#[function_component(Summary)]
pub fn summary(props: &SummaryProps) -> Html {
    let lang = props.lang;
    let plan = &*props.plan.0;
    let mut counts = [0usize; 4];
    for ind in &plan.indicators {
        let e = calc::evaluate(plan, ind, props.period);
        counts[match e.status {
            Status::Met => 0,
            Status::OnTrack => 1,
            Status::Behind => 2,
            Status::NoData => 3,
        }] += 1;
    }
    let score = calc::score(plan, props.period);
    let warnings = calc::warnings(plan, props.parent.as_ref().map(|p| &*p.0));
    let tile = |status: Status, n: usize| {
        html! {
            <div class={classes!("tile", labels::status_class(status))} data-status={labels::status_class(status)}>
                <span class="tile-number">{ n }</span>
                <span class="tile-label">{ labels::status(lang, status) }</span>
            </div>
        }
    };
    html! {
        <section class="summary" aria-label={lang.t(M::Summary)}>
            <div class="tiles">
                { tile(Status::Met, counts[0]) }
                { tile(Status::OnTrack, counts[1]) }
                { tile(Status::Behind, counts[2]) }
                { tile(Status::NoData, counts[3]) }
                <div class="tile score">
                    <span class="tile-number">{ score.overall.map(|s| numfmt::format(s, lang, 1)).unwrap_or_else(|| "—".into()) }</span>
                    <span class="tile-label">{ format!("{} /100", lang.t(M::Score)) }</span>
                </div>
            </div>
            <details class="warnings" open={!warnings.is_empty() && warnings.len() <= 6}>
                <summary>
                    { lang.t(M::Warnings) }
                    <span class={classes!("warning-count", (!warnings.is_empty()).then_some("some"))}>{ warnings.len() }</span>
                </summary>
                if warnings.is_empty() {
                    <p class="no-warnings">{ lang.t(M::NoWarnings) }</p>
                } else {
                    <ul>
                        { for warnings.iter().take(200).map(|w| {
                            let id = w.indicator().to_string();
                            let name = plan.indicator(&id).map(|i| {
                                let n = labels::name(lang, i);
                                if i.code.is_empty() { n } else { format!("{} {}", i.code, n) }
                            }).unwrap_or_default();
                            let d = props.dispatch.clone();
                            let onclick = Callback::from(move |_| d.emit(Action::Select(Some(id.clone()))));
                            html! {
                                <li>
                                    <button type="button" class="link" {onclick}>{ name }</button>
                                    { ": " }{ labels::warning(lang, w) }
                                </li>
                            }
                        }) }
                    </ul>
                }
            </details>
        </section>
    }
}
