//! One editable figure: a value or `k/n` counts, typed the planner's way; in
//! a target cell also a comparator or a range ("trên 80", "2–5"). Every valid
//! keystroke updates the plan. An entry that cannot be meant ("9O", "≥98" in
//! an actual cell, a pasted column) stays visible with its error until it is
//! corrected or Escape puts back what the cell held; leaving the cell never
//! throws it away silently, and meanwhile the plan holds the figure the cell
//! had before.
//!
//! The keys of a spreadsheet: arrows move between cells (F2 or a double click
//! edits in place, where arrows move the caret), Enter commits and moves down,
//! Tab across, Escape puts the cell back, typing over a cell replaces it,
//! Shift with an arrow extends a selection the table copies as cells, and a
//! block pasted from a spreadsheet fills the cells from here.

use crate::app::labels;
use crate::app::state::Action;
use crate::browser;
use crate::i18n::{Lang, M};
use crate::numfmt;
use crate::plan::edit::{Edit, Slot};
use crate::plan::{Comparator, Figure, Kind};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FigureInputProps {
    pub lang: Lang,
    pub indicator: AttrValue,
    pub slot: Slot,
    pub figure: Option<Figure>,
    /// how typed text is read (a percent in a "k of n units" cell is a share of n)
    pub kind: Kind,
    /// the plan's number of sub-units (0: unknown)
    #[prop_or_default]
    pub units: usize,
    /// a target's comparator and, for a range, its upper bound: shown as "2–5"
    #[prop_or_default]
    pub comparator: Comparator,
    #[prop_or_default]
    pub upper: Option<f64>,
    /// the share, cut or units the figure makes, already in words ("= 68%")
    #[prop_or_default]
    pub derived: Option<AttrValue>,
    /// what to type, shown while the cell is being edited
    #[prop_or_default]
    pub hint: AttrValue,
    /// the column, for Enter to move down
    pub column: AttrValue,
    pub label: AttrValue,
    /// warnings on this figure, already in words
    #[prop_or_default]
    pub flags: Vec<AttrValue>,
    /// what a paste put here and the cell refused, with the reason
    #[prop_or_default]
    pub rejected: Option<(AttrValue, M)>,
    /// the table's cell selection: told when this cell takes focus, and
    /// before Shift moves focus on (the cell reached extends the selection)
    #[prop_or_default]
    pub on_cell: Option<Callback<CellMsg>>,
    pub dispatch: Callback<Action>,
}

/// What a cell tells the table's selection.
#[derive(Clone, Debug, PartialEq)]
pub enum CellMsg {
    /// this cell took focus
    Focus { id: AttrValue, column: AttrValue },
    /// the next cell to take focus extends the selection
    Extend,
    /// the next cell to take focus is reached by the keys (arrows, Enter, Tab)
    Walk,
}

/// How keys act in a cell being edited.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// just entered, its text selected: arrows move, typing replaces
    Select,
    /// typing over it: arrows commit and move
    Typing,
    /// F2 or a double click: arrows move the caret
    InPlace,
}

/// What the cell held when the planner entered it, to put back.
#[derive(Clone, Copy, PartialEq)]
struct Held {
    figure: Option<Figure>,
    comparator: Comparator,
    upper: Option<f64>,
}

#[derive(Clone, PartialEq)]
struct Editing {
    /// the cell being edited (a year switch shows another cell in its place)
    slot: Slot,
    text: String,
    held: Held,
    error: Option<M>,
    /// the language-dependent reading of an ambiguous number, shown back
    read_as: Option<String>,
    focused: bool,
    mode: Mode,
}

/// The figure as the cell shows it: "98,3", "15/15", a range "2–5".
fn shown(figure: Option<Figure>, comparator: Comparator, upper: Option<f64>, lang: Lang) -> String {
    match (figure, comparator, upper) {
        (Some(f), Comparator::Between, Some(u)) => format!(
            "{}–{}",
            numfmt::format_figure(f, lang),
            numfmt::format(u, lang, 2)
        ),
        (Some(f), ..) => numfmt::format_figure(f, lang),
        (None, ..) => String::new(),
    }
}

fn held_now_for(props: &FigureInputProps) -> Held {
    Held {
        figure: props.figure,
        comparator: props.comparator,
        upper: props.upper,
    }
}

#[function_component(FigureInput)]
pub fn figure_input(props: &FigureInputProps) -> Html {
    let editing = use_state(|| None::<Editing>);
    let lang = props.lang;
    let is_target = matches!(props.slot, Slot::Target(_));
    let held_now = held_now_for(props);
    // an edit left with an error belongs to its own cell only
    let current = editing
        .as_ref()
        .filter(|e| e.slot == props.slot)
        .cloned()
        .or_else(|| {
            // a cell that refused a pasted text shows it, with the reason, until fixed or put back
            props.rejected.as_ref().map(|(text, error)| Editing {
                slot: props.slot,
                text: text.to_string(),
                held: held_now_for(props),
                error: Some(*error),
                read_as: None,
                focused: false,
                mode: Mode::Select,
            })
        });
    let text = match &current {
        Some(e) => e.text.clone(),
        None => shown(props.figure, props.comparator, props.upper, lang),
    };

    // puts the plan back to what the cell held when it was entered
    let put_back = {
        let (dispatch, id, slot) = (
            props.dispatch.clone(),
            props.indicator.to_string(),
            props.slot,
        );
        move |held: Held, now: Held| {
            if held == now {
                return;
            }
            let edit = match slot {
                Slot::Target(period) => Edit::Target {
                    id: id.clone(),
                    period,
                    figure: held.figure,
                    comparator: Some(held.comparator),
                    upper: held.upper,
                },
                slot => Edit::Figure {
                    id: id.clone(),
                    slot,
                    figure: held.figure,
                },
            };
            dispatch.emit(Action::Edit(edit));
        }
    };

    let onfocus = {
        let (editing, current, slot) = (editing.clone(), current.clone(), props.slot);
        let text = shown(props.figure, props.comparator, props.upper, lang);
        let (on_cell, id, column) = (
            props.on_cell.clone(),
            props.indicator.clone(),
            props.column.clone(),
        );
        Callback::from(move |e: FocusEvent| {
            match &current {
                // back into a cell left with an error: the planner's text is still there
                Some(ed) if ed.error.is_some() => editing.set(Some(Editing {
                    focused: true,
                    mode: Mode::Select,
                    ..ed.clone()
                })),
                _ => editing.set(Some(Editing {
                    slot,
                    text: text.clone(),
                    held: held_now,
                    error: None,
                    read_as: None,
                    focused: true,
                    mode: Mode::Select,
                })),
            }
            // typing over a cell replaces it
            browser::grid::select_all(&e);
            if let Some(on) = &on_cell {
                on.emit(CellMsg::Focus {
                    id: id.clone(),
                    column: column.clone(),
                });
            }
        })
    };
    let oninput = {
        let (editing, dispatch, id, slot, kind, units) = (
            editing.clone(),
            props.dispatch.clone(),
            props.indicator.to_string(),
            props.slot,
            props.kind.clone(),
            props.units,
        );
        Callback::from(move |e: InputEvent| {
            let text = browser::input_value(&e);
            let Some(mut next) = (*editing).clone().filter(|e| e.slot == slot) else {
                return;
            };
            if next.mode == Mode::Select {
                next.mode = Mode::Typing;
            }
            match numfmt::read_entry(&text, lang, &kind, units, is_target) {
                Ok(entry) => {
                    next.error = None;
                    next.read_as = entry
                        .figure
                        .filter(|_| entry.ambiguous)
                        .map(|f| numfmt::format_figure(f, lang));
                    let edit = match slot {
                        Slot::Target(period) => Edit::Target {
                            id: id.clone(),
                            period,
                            figure: entry.figure,
                            comparator: entry.comparator,
                            upper: entry.upper,
                        },
                        slot => Edit::Figure {
                            id: id.clone(),
                            slot,
                            figure: entry.figure,
                        },
                    };
                    dispatch.emit(Action::Edit(edit));
                }
                Err(err) => {
                    next.error = Some(labels::num_error(err));
                    next.read_as = None;
                }
            }
            next.text = text;
            editing.set(Some(next));
        })
    };
    let onblur = {
        let (editing, put_back, dispatch, id, kind, units) = (
            editing.clone(),
            put_back.clone(),
            props.dispatch.clone(),
            props.indicator.to_string(),
            props.kind.clone(),
            props.units,
        );
        Callback::from(
            move |_: FocusEvent| match (*editing).clone().filter(|e| e.focused) {
                // a wrong entry stays in sight, and the plan keeps what the cell held before
                Some(e) if e.error.is_some() => {
                    put_back(e.held, held_now);
                    // kept by the app too, so that it outlives the cell: a search that
                    // hides the row, a group folded, the row scrolled far away
                    if let Err(error) = numfmt::read_entry(&e.text, lang, &kind, units, is_target) {
                        dispatch.emit(Action::LeftWrong(crate::app::grid::Rejected {
                            id: id.clone(),
                            slot: e.slot,
                            text: e.text.clone(),
                            error,
                        }));
                    }
                    editing.set(Some(Editing {
                        focused: false,
                        ..e
                    }));
                }
                _ => editing.set(None),
            },
        )
    };
    let onpaste = {
        let (editing, slot, dispatch, id, column) = (
            editing.clone(),
            props.slot,
            props.dispatch.clone(),
            props.indicator.to_string(),
            props.column.clone(),
        );
        Callback::from(move |e: Event| {
            let Some(pasted) = browser::pasted_text(&e) else {
                return;
            };
            if numfmt::is_block(&pasted) {
                // the browser would join the lines into one number (85, 90, 100 → 8590100):
                // in the table the block fills the cells from here; elsewhere it is refused
                e.prevent_default();
                match crate::app::grid::Col::from_name(&column) {
                    Some(col) => {
                        editing.set(None);
                        dispatch.emit(Action::PasteBlock {
                            id: id.clone(),
                            column: col,
                            text: pasted,
                        });
                    }
                    None => {
                        if let Some(mut next) = (*editing).clone().filter(|e| e.slot == slot) {
                            next.error = Some(M::NumSeveralValues);
                            next.read_as = None;
                            editing.set(Some(next));
                        }
                    }
                }
            }
        })
    };
    let onkeydown = {
        let (editing, on_cell, dispatch, id, slot) = (
            editing.clone(),
            props.on_cell.clone(),
            props.dispatch.clone(),
            props.indicator.to_string(),
            props.slot,
        );
        Callback::from(move |e: KeyboardEvent| {
            let mode = editing.as_ref().map(|ed| ed.mode).unwrap_or(Mode::Select);
            let go = |rows: i32, cols: i32| {
                e.prevent_default();
                if let Some(on) = &on_cell {
                    if e.shift_key() && (rows, cols) != (0, 0) {
                        on.emit(CellMsg::Extend);
                    }
                    on.emit(CellMsg::Walk);
                }
                browser::grid::move_focus(&e, rows, cols);
            };
            match e.key().as_str() {
                "Escape" => {
                    e.prevent_default();
                    let held = editing.as_ref().map_or(held_now, |ed| ed.held);
                    if let Some(ed) = &*editing {
                        put_back(ed.held, held_now);
                    }
                    // what the app kept of a wrong entry here goes too (the detail
                    // panel's cells are not told of it, and nothing is lost by asking)
                    dispatch.emit(Action::DismissRejected {
                        id: id.clone(),
                        slot,
                    });
                    // the cell keeps the focus, back to what it held and selected:
                    // typing replaces it, the arrows move on
                    editing.set(Some(Editing {
                        slot,
                        text: shown(held.figure, held.comparator, held.upper, lang),
                        held,
                        error: None,
                        read_as: None,
                        focused: true,
                        mode: Mode::Select,
                    }));
                    browser::grid::select_soon(e.target());
                }
                "Enter" => go(if e.shift_key() { -1 } else { 1 }, 0),
                "F2" => {
                    e.prevent_default();
                    if let Some(ed) = (*editing).clone() {
                        editing.set(Some(Editing {
                            mode: Mode::InPlace,
                            ..ed
                        }));
                    }
                    browser::grid::caret_to_end(e.target());
                }
                "ArrowUp" if mode != Mode::InPlace => go(-1, 0),
                "ArrowDown" if mode != Mode::InPlace => go(1, 0),
                "ArrowLeft" if mode != Mode::InPlace => go(0, -1),
                "ArrowRight" if mode != Mode::InPlace => go(0, 1),
                _ => {}
            }
        })
    };
    let ondblclick = {
        let editing = editing.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(ed) = (*editing).clone() {
                editing.set(Some(Editing {
                    mode: Mode::InPlace,
                    ..ed
                }));
            }
            browser::grid::caret_to_end(e.target());
        })
    };
    let onmousedown = {
        let on_cell = props.on_cell.clone();
        Callback::from(move |e: MouseEvent| {
            if e.shift_key() {
                if let Some(on) = &on_cell {
                    on.emit(CellMsg::Extend);
                }
            }
        })
    };

    let error = current.as_ref().and_then(|e| e.error);
    let read_as = current.as_ref().and_then(|e| e.read_as.clone());
    let focused = current.as_ref().is_some_and(|e| e.focused);
    let invalid = error.is_some() || !props.flags.is_empty();
    html! {
        <div class={classes!("figure", invalid.then_some("flagged"), error.map(|_| "has-error"))}>
            // few attributes: a large plan has a thousand of these cells. No
            // inputmode: the decimal keypad of phones has no "/" for counts.
            <input type="text" class="figure-input" data-col={props.column.clone()} aria-label={props.label.clone()}
                aria-invalid={error.map(|_| "true")} placeholder={focused.then(|| props.hint.clone())}
                value={text} {onfocus} {oninput} {onblur} {onkeydown} {onpaste} {ondblclick} {onmousedown} />
            // one stable sibling: a varying number of siblings would make Yew
            // replace the input being typed in, and the planner would lose focus
            <span class="figure-notes">
                if let Some(d) = props.derived.clone().filter(|_| error.is_none()) {
                    <span class="derived">{ d }</span>
                }
                if let Some(err) = error {
                    <span class="cell-error" role="alert">{ lang.t(err) }</span>
                } else if let Some(r) = read_as {
                    <span class="cell-note">{ format!("{} {r}", lang.t(M::ReadAs)) }</span>
                }
                { for props.flags.iter().map(|f| html! { <span class="cell-flag">{ f.clone() }</span> }) }
            </span>
        </div>
    }
}
