//! The indicator table, grouped by indicator group with collapsible groups.

use super::figure_input::CellMsg;
use super::IndicatorRow;
use crate::app::grid::{self, Col, Range, Rejected};
use crate::app::state::Action;
use crate::app::Shared;
use crate::browser;
use crate::calc::Basis;
use crate::i18n::{Lang, M};
use crate::plan::{Indicator, Period, Plan};
use std::collections::{BTreeMap, BTreeSet};
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
    /// the words searched for: only the indicators that hold them are shown
    #[prop_or_default]
    pub find: AttrValue,
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
    // the block the keys walked the focus into, by its place among the blocks
    // drawn last: it and the blocks on either side are always drawn, so the
    // arrow keys never reach a row that is not there yet, however fast they go
    let block_of = use_mut_ref(std::collections::HashMap::<String, usize>::new);
    let focus_block = use_state_eq(|| None::<usize>);
    let walking = use_mut_ref(|| false);
    let on_cell = {
        let (range, extending) = (range.clone(), extending.clone());
        let (block_of, focus_block, walking) =
            (block_of.clone(), focus_block.setter(), walking.clone());
        use_memo((), move |_| {
            Callback::from(move |msg: CellMsg| match msg {
                CellMsg::Extend => *extending.borrow_mut() = true,
                CellMsg::Walk => *walking.borrow_mut() = true,
                CellMsg::Focus { id, column } => {
                    if std::mem::take(&mut *walking.borrow_mut()) {
                        if let Some(b) = block_of.borrow().get(id.as_str()) {
                            focus_block.set(Some(*b));
                        }
                    }
                    let Some(col) = Col::from_name(&column) else {
                        return;
                    };
                    let here = (id.to_string(), col);
                    let extend = std::mem::take(&mut *extending.borrow_mut());
                    let anchor = range
                        .borrow()
                        .as_ref()
                        .filter(|_| extend)
                        .map(|r| r.anchor.clone());
                    let was_many = range.borrow().as_ref().is_some_and(|r| r.anchor != r.head);
                    *range.borrow_mut() = Some(Range {
                        anchor: anchor.unwrap_or_else(|| here.clone()),
                        head: here,
                    });
                    // only a selection of several cells is drawn: moving one cell at a time redraws nothing
                    if extend || was_many {
                        redraw.force_update();
                    }
                }
            })
        })
    };
    let on_cell: Callback<CellMsg> = (*on_cell).clone();
    // Only the blocks of rows near the screen are drawn; the others hold their
    // place with their last measured height. Printing draws them all.
    let near = use_state_eq(|| None::<Rc<Window>>);
    let heights = use_mut_ref(Heights::default);
    let printing = use_state_eq(|| false);
    let wrap = use_node_ref();
    let watcher = use_mut_ref(|| None::<browser::view::BlockWatcher>);
    {
        let (near, heights, watcher, wrap) =
            (near.clone(), heights.clone(), watcher.clone(), wrap.clone());
        // after every draw: blocks new to the page are watched too
        use_effect(move || {
            let mut w = watcher.borrow_mut();
            if w.is_none() {
                let known = Rc::new(std::cell::RefCell::new(Window::default()));
                let waiting = Rc::new(std::cell::Cell::new(false));
                *w = browser::view::BlockWatcher::new(move |seen| {
                    // a block on the screen still standing in for its rows is drawn at once;
                    // blocks only near it (or a first screen already whole) wait until the
                    // page is idle, so that the planner's first key or click comes first
                    let now = seen.iter().any(|s| s.in_view && s.rows_height.is_none());
                    {
                        let mut k = known.borrow_mut();
                        for s in seen {
                            if let Some(h) = s.rows_height.filter(|_| s.rows > 0) {
                                heights.borrow_mut().of.insert(s.key.clone(), (h, s.rows));
                            }
                            k.near.insert(s.key, s.near);
                        }
                    }
                    let tell = {
                        let (near, known, waiting) = (near.clone(), known.clone(), waiting.clone());
                        move || {
                            waiting.set(false);
                            near.set(Some(Rc::new(Window {
                                near: known.borrow().near.clone(),
                            })));
                        }
                    };
                    if now {
                        tell();
                    } else if !waiting.replace(true) {
                        browser::view::when_idle(tell);
                    }
                });
            }
            if let Some(w) = w.as_ref() {
                w.watch(&wrap);
            }
        });
    }
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let listeners = browser::view::on_print(move |p| printing.set(p));
            move || drop(listeners)
        });
    }
    let marks: std::collections::BTreeMap<String, (Col, Col)> = range
        .borrow()
        .as_ref()
        .map(|r| {
            grid::marks(
                plan,
                grid::Shown {
                    collapsed: &props.collapsed,
                    find: &props.find,
                },
                r,
            )
        })
        .unwrap_or_default()
        .into_iter()
        .collect();
    let oncopy = {
        let (plan, collapsed, find, period, range) = (
            props.plan.clone(),
            props.collapsed.clone(),
            props.find.clone(),
            props.period,
            range.clone(),
        );
        Callback::from(move |e: Event| {
            let range = range.borrow();
            let Some(r) = range.as_ref() else { return };
            let shown = grid::Shown {
                collapsed: &collapsed,
                find: &find,
            };
            if grid::marks(&plan.0, shown, r).is_empty() {
                return; // one cell: the browser copies its text
            }
            if let Some(text) = grid::copy(&plan.0, shown, period, r, lang) {
                browser::grid::set_copied(&e, &text);
            }
        })
    };
    if plan.indicators.is_empty() {
        return super::paste_zone(lang, &props.dispatch);
    }
    let shown = grid::Shown {
        collapsed: &props.collapsed,
        find: &props.find,
    };
    let searching = shown.searching();
    let query = props.find.as_str();
    let watched = near.as_ref().map(|n| n.as_ref());
    let mut unseen_drawn = 0;
    // measured once a block the watcher has not seen yet asks for it
    let mut first_rows = None;
    let mut blocks: Vec<Html> = Vec::new();
    let mut found = 0;
    let mut number = 0;
    // the rows a screen reader counts: the header row, then each group's heading and rows
    let mut row_count = 1;
    let mut ordinal = 0;
    let focused = *focus_block;
    let mut block_of = block_of.borrow_mut();
    block_of.clear();
    let average = heights.borrow().average();
    for group in plan.groups() {
        // each indicator keeps its number in the whole table while a search hides others
        let members: Vec<(usize, Rc<Indicator>)> = plan
            .indicators
            .iter()
            .filter(|i| i.group == group)
            .map(|i| {
                number += 1;
                (number, i.clone())
            })
            .filter(|(_, i)| shown.finds(i))
            .collect();
        if searching && members.is_empty() {
            continue;
        }
        found += members.len();
        let open = shown.open(group);
        let chunks: Vec<&[(usize, Rc<Indicator>)]> = if open {
            members.chunks(BLOCK).collect()
        } else {
            vec![&members[..0]]
        };
        for (k, chunk) in chunks.into_iter().enumerate() {
            // a block is named by its group and place, not by its first row: folding a
            // group or adding a row keeps the block (and the focus inside it)
            let key = format!("g:{group}:{k}");
            let holds_selected = props
                .selected
                .as_ref()
                .is_some_and(|id| chunk.iter().any(|(_, i)| i.id == id.as_str()));
            let near_screen = match watched.and_then(|w| w.near(&key)) {
                Some(near) => near,
                // not seen by the watcher yet (the first draw, a group just opened, a search):
                // the first blocks are drawn at once, so that nothing in view is missing for a frame
                None => {
                    let fit = *first_rows.get_or_insert_with(|| {
                        if plan.indicators.len() <= ALL_AT_ONCE {
                            ALL_AT_ONCE
                        } else {
                            browser::view::rows_fit(&wrap, ROW_MIN_PX, ABOVE_TABLE_PX)
                        }
                    });
                    unseen_drawn += chunk.len();
                    unseen_drawn - chunk.len() < fit
                }
            };
            let place = ordinal;
            ordinal += 1;
            block_of.extend(chunk.iter().map(|(_, i)| (i.id.clone(), place)));
            let near_focus = focused.is_some_and(|f| f.abs_diff(place) <= 1);
            let drawn = *printing || holds_selected || near_screen || near_focus;
            let ids: Vec<&str> = chunk.iter().map(|(_, i)| i.id.as_str()).collect();
            let spacer = if drawn {
                0.0
            } else {
                heights
                    .borrow()
                    .of(&key, chunk.len())
                    .unwrap_or(average * chunk.len() as f64)
            };
            let parents = Parents(Rc::new(
                chunk
                    .iter()
                    .map(|(_, i)| {
                        props
                            .parent
                            .as_ref()
                            .and_then(|p| crate::calc::counterpart(&p.0, plan, i).cloned())
                    })
                    .collect(),
            ));
            let rejected = Rc::new(
                props
                    .rejected
                    .iter()
                    .filter(|r| ids.contains(&r.id.as_str()))
                    .cloned()
                    .collect::<Vec<_>>(),
            );
            let marked = Rc::new(
                chunk
                    .iter()
                    .map(|(_, m)| marks.get(&m.id).copied())
                    .collect::<Vec<_>>(),
            );
            let first_row = row_count + 1;
            row_count += usize::from(k == 0) + chunk.len();
            let heading = (k == 0).then(|| Heading {
                group: AttrValue::from(group.to_string()),
                count: members.len(),
                open,
            });
            let selected = props.selected.clone().filter(|_| holds_selected);
            let block = AttrValue::from(key.clone());
            blocks.push(html! {
                <IndicatorBlock {key} {block} {lang} {heading} {first_row}
                    members={Members(Rc::new(chunk.iter().map(|(_, i)| i.clone()).collect()))}
                    numbers={Rc::new(chunk.iter().map(|(n, _)| *n).collect::<Vec<_>>())}
                    {drawn} {spacer} period={props.period} {basis} {selected} {parents} {rejected} {marked}
                    searching={searching} on_cell={on_cell.clone()} compact={props.compact} dispatch={props.dispatch.clone()} />
            });
        }
    }
    drop(block_of);
    let period_name = crate::app::labels::period(lang, props.period);
    let total = plan.indicators.len().to_string();
    html! {
        <>
        <p class="find-count" role="status">
            if searching {
                { if found == 0 {
                    crate::i18n::fill(lang.t(M::FoundNone), &[query.trim()])
                } else {
                    crate::i18n::fill(lang.t(M::FoundIndicators), &[&found.to_string(), &total])
                } }
            }
        </p>
        <div class="table-wrap" {oncopy} ref={wrap}>
            <table class="indicator-table" id="indicator-table" data-rows={total.clone()} aria-rowcount={row_count.to_string()}>
                // keyed like the blocks beside it: a list keyed throughout is matched by
                // key, so folding a group or a search keeps every other block as it is
                // (and the focus in it); a list keyed in part is matched by place
                <thead key="head">
                    <tr aria-rowindex="1">
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
                { for blocks.into_iter() }
            </table>
        </div>
        </>
    }
}

/// Rows a block holds: small enough that a screen shows a few blocks, large
/// enough that a long plan has few of them.
const BLOCK: usize = 12;
/// A plan this short is drawn whole at once.
const ALL_AT_ONCE: usize = 30;
/// Rows drawn before the watcher has seen their blocks are a first screen's
/// worth: as many rows of this least height as fit below the table's top...
const ROW_MIN_PX: f64 = 44.0;
/// ...which, before the table is on the page, is at least this far down (the
/// header, the toolbar, the plan's heading and the summary): on a 1366 × 768
/// or 1280 × 800 laptop the first draw of a long plan is one block of rows.
const ABOVE_TABLE_PX: f64 = 300.0;
/// A row's height in pixels before any was measured.
const ROW_PX: f64 = 56.0;

/// What the table knows of its blocks: which are near the screen, and how
/// tall their rows were when last drawn, to hold their place when they are not.
#[derive(Default, PartialEq)]
pub struct Window {
    near: BTreeMap<String, bool>,
}

impl Window {
    fn near(&self, key: &str) -> Option<bool> {
        self.near.get(key).copied()
    }
}

#[derive(Default)]
pub struct Heights {
    of: BTreeMap<String, (f64, usize)>,
}

impl Heights {
    /// The height the block's rows had when last drawn, if it held as many rows then.
    fn of(&self, key: &str, rows: usize) -> Option<f64> {
        self.of
            .get(key)
            .filter(|(_, n)| *n == rows)
            .map(|(h, _)| *h)
    }

    /// The average height of a drawn row, or a first guess.
    fn average(&self) -> f64 {
        let (h, n) = self
            .of
            .values()
            .fold((0.0, 0), |(h, n), (bh, bn)| (h + bh, n + bn));
        if n == 0 {
            ROW_PX
        } else {
            h / n as f64
        }
    }
}

/// The indicators of one group; equal when they are the very same indicators,
/// so that a group whose indicators did not change is not rendered again.
#[derive(Clone)]
pub struct Members(pub Rc<Vec<Rc<Indicator>>>);

impl PartialEq for Members {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len()
            && self
                .0
                .iter()
                .zip(other.0.iter())
                .all(|(a, b)| Rc::ptr_eq(a, b))
    }
}

/// The parent plan's indicator for each member (matched by code and level), compared by pointer.
#[derive(Clone)]
pub struct Parents(pub Rc<Vec<Option<Rc<Indicator>>>>);

impl PartialEq for Parents {
    fn eq(&self, other: &Self) -> bool {
        self.0.len() == other.0.len()
            && self
                .0
                .iter()
                .zip(other.0.iter())
                .all(|(a, b)| match (a, b) {
                    (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                    (None, None) => true,
                    _ => false,
                })
    }
}

/// The heading of a group, drawn in the group's first block.
#[derive(Clone, PartialEq)]
pub struct Heading {
    pub group: AttrValue,
    /// how many of its indicators are shown
    pub count: usize,
    pub open: bool,
}

#[derive(Properties, PartialEq)]
pub struct IndicatorBlockProps {
    /// the block's key, for the watcher
    pub block: AttrValue,
    pub lang: Lang,
    pub heading: Option<Heading>,
    pub members: Members,
    /// each member's number in the whole table
    pub numbers: Rc<Vec<usize>>,
    /// the `aria-rowindex` of the block's first row (its group's heading, if it has it)
    pub first_row: usize,
    /// the rows are drawn; else a stand-in of `spacer` pixels holds their place
    pub drawn: bool,
    pub spacer: f64,
    pub period: Period,
    pub basis: Basis,
    /// the selected indicator, when it is in this block
    pub selected: Option<AttrValue>,
    pub parents: Parents,
    pub rejected: Rc<Vec<Rejected>>,
    /// for each member, the columns of the selection it holds
    pub marked: Rc<Vec<Option<(Col, Col)>>>,
    /// a search shows its matches: groups cannot be folded meanwhile
    pub searching: bool,
    pub on_cell: Callback<CellMsg>,
    pub compact: bool,
    pub dispatch: Callback<Action>,
}

/// Up to `BLOCK` rows of one group, with the group's heading when it is the
/// group's first block.
#[function_component(IndicatorBlock)]
pub fn indicator_block(props: &IndicatorBlockProps) -> Html {
    let lang = props.lang;
    let members = &props.members.0;
    let columns = if props.compact { "8" } else { "10" };
    let heading = props.heading.as_ref().map(|h| {
        let toggle = {
            let (d, g) = (props.dispatch.clone(), h.group.to_string());
            Callback::from(move |_| d.emit(Action::ToggleGroup(g.clone())))
        };
        let title = crate::app::labels::group(lang, &h.group);
        html! {
            <tr class="group-row" aria-rowindex={props.first_row.to_string()}>
                <th colspan={columns} scope="rowgroup">
                    <button type="button" class="group-toggle" aria-expanded={h.open.to_string()} onclick={toggle} disabled={props.searching}>
                        <span class="chevron" aria-hidden="true">{ if h.open { "▾" } else { "▸" } }</span>
                        { title }
                        <span class="group-count">{ format!("{} {}", h.count, lang.t(M::Indicators)) }</span>
                    </button>
                </th>
            </tr>
        }
    });
    let rows = if props.drawn {
        html! {
            { for members.iter().enumerate().map(|(k, ind)| html! {
                <IndicatorRow key={ind.id.clone()} {lang} indicator={Shared(Rc::clone(ind))} number={props.numbers.get(k).copied().unwrap_or(0)}
                    row_index={props.first_row + usize::from(props.heading.is_some()) + k}
                    period={props.period} basis={props.basis}
                    selected={props.selected.as_deref() == Some(ind.id.as_str())}
                    parent={props.parents.0.get(k).cloned().flatten().map(Shared)}
                    rejected={props.rejected.iter().filter(|r| r.id == ind.id).cloned().collect::<Vec<_>>()}
                    marked={props.marked.get(k).copied().flatten()} on_cell={props.on_cell.clone()} compact={props.compact} dispatch={props.dispatch.clone()} />
            }) }
        }
    } else if members.is_empty() {
        html! {}
    } else {
        // the page's policy forbids style attributes: an SVG's height holds the place
        html! {
            <tr class="block-gap" aria-hidden="true">
                <td colspan={columns}><svg width="1" height={format!("{:.0}", props.spacer.max(1.0))} focusable="false"></svg></td>
            </tr>
        }
    };
    html! {
        <tbody class={classes!("group", props.heading.is_none().then_some("group-more"))} data-block={props.block.clone()} data-drawn={props.drawn.then_some("")}>
            { for heading }
            { rows }
        </tbody>
    }
}
