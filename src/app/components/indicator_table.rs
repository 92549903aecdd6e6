//! The indicator table, grouped by indicator group with collapsible groups.

use super::IndicatorRow;
use crate::app::state::Action;
use crate::app::Shared;
use crate::i18n::{Lang, M};
use crate::plan::{Date, Indicator, Period, Plan};
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
    pub parent: Option<Shared<Plan>>,
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
    let mut number = 1;
    let groups: Vec<Html> = plan
        .groups()
        .into_iter()
        .map(|group| {
            let members: Vec<Rc<Indicator>> = plan.indicators.iter().filter(|i| i.group == group).cloned().collect();
            let selected = props.selected.clone().filter(|id| members.iter().any(|i| i.id == id.as_str()));
            let first = number;
            number += members.len();
            let parents = Parents(Rc::new(
                members.iter().map(|i| props.parent.as_ref().and_then(|p| crate::calc::counterpart(&p.0, plan, i).cloned())).collect(),
            ));
            html! {
                <IndicatorGroup key={format!("g:{group}")} {lang} group={AttrValue::from(group.to_string())}
                    members={Members(Rc::new(members))} {first} period={props.period} {start} {units} {selected}
                    open={!props.collapsed.contains(group)} {parents} dispatch={props.dispatch.clone()} />
            }
        })
        .collect();
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
                { for groups.into_iter() }
            </table>
        </div>
    }
}

/// The indicators of one group; equal when they are the very same indicators,
/// so that a group whose indicators did not change is not rendered again.
#[derive(Clone)]
pub struct Members(pub Rc<Vec<Rc<Indicator>>>);

impl PartialEq for Members {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len() && self.0.iter().zip(other.0.iter()).all(|(a, b)| Rc::ptr_eq(a, b))
    }
}

/// The parent plan's indicator for each member (matched by code and level), compared by pointer.
#[derive(Clone)]
pub struct Parents(pub Rc<Vec<Option<Rc<Indicator>>>>);

impl PartialEq for Parents {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len()
            && self.0.iter().zip(other.0.iter()).all(|(a, b)| match (a, b) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            })
    }
}

#[derive(Properties, PartialEq)]
pub struct IndicatorGroupProps {
    pub lang: Lang,
    pub group: AttrValue,
    pub members: Members,
    /// the number of the group's first indicator in the whole table
    pub first: usize,
    pub period: Period,
    pub start: Date,
    pub units: usize,
    /// the selected indicator, when it is in this group
    pub selected: Option<AttrValue>,
    pub open: bool,
    pub parents: Parents,
    pub dispatch: Callback<Action>,
}

#[function_component(IndicatorGroup)]
pub fn indicator_group(props: &IndicatorGroupProps) -> Html {
    let lang = props.lang;
    let members = &props.members.0;
    let toggle = {
        let (d, g) = (props.dispatch.clone(), props.group.to_string());
        Callback::from(move |_| d.emit(Action::ToggleGroup(g.clone())))
    };
    let title = if props.group.trim().is_empty() { lang.t(M::NoGroup).to_string() } else { props.group.to_string() };
    html! {
        <tbody class="group">
            <tr class="group-row">
                <th colspan="10" scope="rowgroup">
                    <button type="button" class="group-toggle" aria-expanded={props.open.to_string()} onclick={toggle}>
                        <span class="chevron" aria-hidden="true">{ if props.open { "▾" } else { "▸" } }</span>
                        { title }
                        <span class="group-count">{ format!("{} {}", members.len(), lang.t(M::Indicators)) }</span>
                    </button>
                </th>
            </tr>
            if props.open {
                { for members.iter().enumerate().map(|(k, ind)| html! {
                    <IndicatorRow key={ind.id.clone()} {lang} indicator={Shared(Rc::clone(ind))} number={props.first + k}
                        period={props.period} start={props.start} units={props.units}
                        selected={props.selected.as_deref() == Some(ind.id.as_str())}
                        parent={props.parents.0.get(k).cloned().flatten().map(Shared)} dispatch={props.dispatch.clone()} />
                }) }
            }
        </tbody>
    }
}
