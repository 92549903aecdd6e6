//! One editable figure: a value or `k/n` counts, typed the planner's way.
//! Every valid keystroke updates the plan; an invalid one shows its error in
//! place and the plan keeps the last valid figure. Escape puts back the figure
//! the cell had when it was entered; Enter moves to the cell below.

use crate::app::labels;
use crate::app::state::Action;
use crate::browser;
use crate::i18n::{Lang, M};
use crate::numfmt;
use crate::plan::edit::{Edit, Slot};
use crate::plan::Figure;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FigureInputProps {
    pub lang: Lang,
    pub indicator: AttrValue,
    pub slot: Slot,
    pub figure: Option<Figure>,
    /// shares show the percent derived from counts beside them
    pub percent: bool,
    /// the column, for Enter to move down
    pub column: AttrValue,
    pub label: AttrValue,
    /// warnings on this figure, already in words
    #[prop_or_default]
    pub flags: Vec<AttrValue>,
    pub dispatch: Callback<Action>,
}

#[derive(Clone, PartialEq, Default)]
struct Editing {
    text: String,
    original: Option<Figure>,
    error: Option<M>,
    /// the language-dependent reading of an ambiguous number, shown back
    read_as: Option<String>,
}

#[function_component(FigureInput)]
pub fn figure_input(props: &FigureInputProps) -> Html {
    let editing = use_state(|| None::<Editing>);
    let lang = props.lang;
    let shown = match &*editing {
        Some(e) => e.text.clone(),
        None => props.figure.map(|f| numfmt::format_figure(f, lang)).unwrap_or_default(),
    };

    let emit = {
        let (dispatch, id, slot) = (props.dispatch.clone(), props.indicator.to_string(), props.slot);
        move |figure: Option<Figure>| dispatch.emit(Action::Edit(Edit::Figure { id: id.clone(), slot, figure }))
    };

    let onfocus = {
        let (editing, figure) = (editing.clone(), props.figure);
        Callback::from(move |_: FocusEvent| {
            let text = figure.map(|f| numfmt::format_figure(f, lang)).unwrap_or_default();
            editing.set(Some(Editing { text, original: figure, ..Default::default() }));
        })
    };
    let oninput = {
        let (editing, emit, current) = (editing.clone(), emit.clone(), props.figure);
        Callback::from(move |e: InputEvent| {
            let text = browser::input_value(&e);
            let mut next = (*editing).clone().unwrap_or_default();
            match numfmt::parse_figure(&text, lang) {
                Ok((figure, ambiguous)) => {
                    next.error = None;
                    next.read_as = figure.filter(|_| ambiguous).map(|f| numfmt::format_figure(f, lang));
                    if figure != current {
                        emit(figure);
                    }
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
        let editing = editing.clone();
        Callback::from(move |_: FocusEvent| editing.set(None))
    };
    let onkeydown = {
        let (editing, emit, current, column) = (editing.clone(), emit, props.figure, props.column.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Escape" => {
                if let Some(ed) = &*editing {
                    if ed.original != current {
                        emit(ed.original);
                    }
                }
                editing.set(None);
                browser::blur_target(&e);
            }
            "Enter" => {
                e.prevent_default();
                browser::focus_next_in_column(&e, &column, e.shift_key());
            }
            _ => {}
        })
    };

    let error = editing.as_ref().and_then(|e| e.error);
    let derived = match props.figure {
        Some(f @ Figure::Counts { .. }) if props.percent && error.is_none() => {
            crate::calc::value(&crate::plan::Kind::Percent, f).map(|v| numfmt::percent(v, lang))
        }
        _ => None,
    };
    let read_as = editing.as_ref().and_then(|e| e.read_as.clone());
    let invalid = error.is_some() || !props.flags.is_empty();
    html! {
        <div class={classes!("figure", invalid.then_some("flagged"))}>
            // few attributes: a large plan has a thousand of these cells. No
            // inputmode: the decimal keypad of phones has no "/" for counts.
            <input type="text" class="figure-input" data-col={props.column.clone()} aria-label={props.label.clone()}
                aria-invalid={error.map(|_| "true")} placeholder={editing.as_ref().map(|_| lang.t(M::FigureHint))}
                value={shown} {onfocus} {oninput} {onblur} {onkeydown} />
            // one stable sibling: a varying number of siblings would make Yew
            // replace the input being typed in, and the planner would lose focus
            <span class="figure-notes">
                if let Some(d) = derived {
                    <span class="derived">{ format!("= {d}") }</span>
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
