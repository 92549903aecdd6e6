//! The indicator table, grouped by indicator group with collapsible groups.

use super::figure_input::CellMsg;
use super::IndicatorRow;
use crate::app::grid::{self, Col, Range, Rejected};
use crate::browser;
use crate::app::state::Action;
use crate::app::Shared;
use crate::i18n::{Lang, M};
use crate::calc::Basis;
use crate::plan::{Indicator, Period, Plan};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct IndicatorTableProps {
    pub lang: Lang,
    pub plan: Shared<Plan>,
    pub period: Period,
    pub basis: Basis,
    pub selected: Option<AttrValue>,
    pub collapsed: Rc<BTreeSet<String>>,
    pub parent: Option<Shared<Plan>>,
    /// cells that refused what was pasted into them
    #[prop_or_default]
    pub rejected: Rc<Vec<Rejected>>,
    /// beside the detail panel: the achievement bar and the row actions wait
    #[prop_or_default]
    pub compact: bool,
    pub dispatch: Callback<Action>,
}

#[function_component(IndicatorTable)]
pub fn indicator_table(props: &IndicatorTableProps) -> Html {
    let lang = props.lang;
    let plan = &*props.plan.0;
    let basis = props.basis;
    // the cells selected as in a spreadsheet: where the selection started and
    // the cell it reaches; Shift asks the next cell focused to extend it
    let range = use_mut_ref(|| None::<Range>);
    let extending = use_mut_ref(|| false);
    let redraw = use_force_update();
    let on_cell = {
        let (range, extending) = (range.clone(), extending.clone());
        use_memo((), move |_| {
            Callback::from(move |msg: CellMsg| match msg {
                CellMsg::Extend => *extending.borrow_mut() = true,
                CellMsg::Focus { id, column } => {
                    let Some(col) = Col::from_name(&column) else { return };
                    let here = (id.to_string(), col);
                    let extend = std::mem::take(&mut *extending.borrow_mut());
                    let anchor = range.borrow().as_ref().filter(|_| extend).map(|r| r.anchor.clone());
                    let was_many = range.borrow().as_ref().is_some_and(|r| r.anchor != r.head);
                    *range.borrow_mut() = Some(Range { anchor: anchor.unwrap_or_else(|| here.clone()), head: here });
                    // only a selection of several cells is drawn: moving one cell at a time redraws nothing
                    if extend || was_many {
                        redraw.force_update();
                    }
                }
            })
        })
    };
    let on_cell: Callback<CellMsg> = (*on_cell).clone();
    let marks: std::collections::BTreeMap<String, (Col, Col)> =
        range.borrow().as_ref().map(|r| grid::marks(plan, &props.collapsed, r)).unwrap_or_default().into_iter().collect();
    let oncopy = {
        let (plan, collapsed, period, range) = (props.plan.clone(), props.collapsed.clone(), props.period, range.clone());
        Callback::from(move |e: Event| {
            let range = range.borrow();
            let Some(r) = range.as_ref() else { return };
            if grid::marks(&plan.0, &collapsed, r).is_empty() {
                return; // one cell: the browser copies its text
            }
            if let Some(text) = grid::copy(&plan.0, &collapsed, period, r, lang) {
                browser::grid::set_copied(&e, &text);
            }
        })
    };
    if plan.indicators.is_empty() {
        return super::paste_zone(lang, &props.dispatch);
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
            let rejected = Rc::new(props.rejected.iter().filter(|r| members.iter().any(|m| m.id == r.id)).cloned().collect::<Vec<_>>());
            let marked = Rc::new(members.iter().map(|m| marks.get(&m.id).copied()).collect::<Vec<_>>());
            html! {
                <IndicatorGroup key={format!("g:{group}")} {lang} group={AttrValue::from(group.to_string())}
                    members={Members(Rc::new(members))} {first} period={props.period} {basis} {selected}
                    open={!props.collapsed.contains(group)} {parents} rejected={rejected} marked={marked}
                    on_cell={on_cell.clone()} compact={props.compact} dispatch={props.dispatch.clone()} />
            }
        })
        .collect();
    html! {
        <div class="table-wrap" {oncopy}>
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
                        if !props.compact {
                            <th class="col-bar" scope="col">{ lang.t(M::ColAchievement) }</th>
                        }
                        <th class="col-status" scope="col">{ lang.t(M::ColStatus) }</th>
                        if !props.compact {
                            <th class="col-actions" scope="col"><span class="visually-hidden">{ lang.t(M::Details) }</span></th>
                        }
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
    pub basis: Basis,
    /// the selected indicator, when it is in this group
    pub selected: Option<AttrValue>,
    pub open: bool,
    pub parents: Parents,
    pub rejected: Rc<Vec<Rejected>>,
    /// for each member, the columns of the selection it holds
    pub marked: Rc<Vec<Option<(Col, Col)>>>,
    pub on_cell: Callback<CellMsg>,
    pub compact: bool,
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
                <th colspan={if props.compact { "8" } else { "10" }} scope="rowgroup">
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
                        period={props.period} basis={props.basis}
                        selected={props.selected.as_deref() == Some(ind.id.as_str())}
                        parent={props.parents.0.get(k).cloned().flatten().map(Shared)}
                        rejected={props.rejected.iter().filter(|r| r.id == ind.id).cloned().collect::<Vec<_>>()}
                        marked={props.marked.get(k).copied().flatten()} on_cell={props.on_cell.clone()} compact={props.compact} dispatch={props.dispatch.clone()} />
                }) }
            }
        </tbody>
    }
}
