//! The indicator table, grouped by indicator group with collapsible groups.

use super::IndicatorRow;
use crate::app::state::Action;
use crate::app::Shared;
use crate::i18n::{Lang, M};
use crate::plan::{Date, Period, Plan};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct IndicatorTableProps {
    pub lang: Lang,
    pub plan: Shared<Plan>,
    pub period: Period,
    pub selected: Option<AttrValue>,
    pub collapsed: Rc<BTreeSet<String>>,
    pub dispatch: Callback<Action>,
}

#[function_component(IndicatorTable)]
pub fn indicator_table(props: &IndicatorTableProps) -> Html {
    let lang = props.lang;
    let plan = &*props.plan.0;
    let start = Date::start_of_year(plan.period.start);
    let units = plan.sub_units.len();
    if plan.indicators.is_empty() {
        return html! { <p class="table-empty">{ lang.t(M::NoIndicators) }</p> };
    }
    let period_name = crate::app::labels::period(lang, props.period);
    let mut number = 0;
    let groups = plan.groups().into_iter().map(|group| {
        let members: Vec<_> = plan.indicators.iter().filter(|i| i.group == group).collect();
        let open = !props.collapsed.contains(group);
        let toggle = {
            let (d, g) = (props.dispatch.clone(), group.to_string());
            Callback::from(move |_| d.emit(Action::ToggleGroup(g.clone())))
        };
        let title = if group.trim().is_empty() { lang.t(M::NoGroup).to_string() } else { group.to_string() };
        let rows = members.iter().map(|ind| {
            number += 1;
            html! {
                <IndicatorRow key={ind.id.clone()} {lang} indicator={Shared(Rc::clone(ind))} {number}
                    period={props.period} {start} {units}
                    selected={props.selected.as_deref() == Some(ind.id.as_str())} dispatch={props.dispatch.clone()} />
            }
        }).collect::<Html>();
        html! {
            <tbody key={format!("g:{group}")} class="group">
                <tr class="group-row">
                    <th colspan="10" scope="rowgroup">
                        <button type="button" class="group-toggle" aria-expanded={open.to_string()} onclick={toggle}>
                            <span class="chevron" aria-hidden="true">{ if open { "▾" } else { "▸" } }</span>
                            { title }
                            <span class="group-count">{ format!("{} {}", members.len(), lang.t(M::Indicators)) }</span>
                        </button>
                    </th>
                </tr>
                if open { { rows } }
            </tbody>
        }
    });
    html! {
        <div class="table-wrap">
            <table class="indicator-table">
                <thead>
                    <tr>
                        <th class="col-no" scope="col">{ lang.t(M::ColNo) }</th>
                        <th class="col-code" scope="col">{ lang.t(M::ColCode) }</th>
                        <th class="col-name" scope="col">{ lang.t(M::ColIndicator) }</th>
                        <th class="col-figure" scope="col">{ lang.t(M::ColBaseline) }</th>
                        <th class="col-figure" scope="col">{ format!("{} {}", lang.t(M::ColTarget), period_name) }</th>
                        <th class="col-figure" scope="col">{ lang.t(M::ColActual) }</th>
                        <th class="col-gap" scope="col">{ lang.t(M::ColGap) }</th>
                        <th class="col-bar" scope="col">{ lang.t(M::ColAchievement) }</th>
                        <th class="col-status" scope="col">{ lang.t(M::ColStatus) }</th>
                        <th class="col-actions" scope="col"><span class="visually-hidden">{ lang.t(M::Details) }</span></th>
                    </tr>
                </thead>
                { for groups }
            </table>
        </div>
    }
}
