//! Rolling up several units' plan files into one plan: numerators,
//! denominators and counts summed, never percentages averaged; what could not
//! be combined is reported.

use crate::app::labels;
use crate::app::state::{Action, Purpose};
use crate::browser;
use crate::calc::RollUp;
use crate::i18n::{fill, Lang, M};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RollUpFilesProps {
    pub lang: Lang,
    pub dispatch: Callback<Action>,
}

#[function_component(RollUpFiles)]
pub fn roll_up_files(props: &RollUpFilesProps) -> Html {
    let lang = props.lang;
    // the files are read and summed by the app (`Purpose::RollUp`): the component only hands them over
    let onchange = {
        let d = props.dispatch.clone();
        Callback::from(move |e: Event| {
            d.emit(Action::FilesChosen {
                files: browser::chosen_files(&e),
                purpose: Purpose::RollUp,
            })
        })
    };
    html! {
        <label class="button open-file" title={lang.t(M::RollUpHint)}>
            <input type="file" class="visually-hidden" name="rollup-files" multiple=true accept=".json,application/json" {onchange} />
            { lang.t(M::RollUpFiles) }
        </label>
    }
}

#[derive(Properties, PartialEq)]
pub struct SumProgressProps {
    pub lang: Lang,
    /// files read and checked, of `total` (0: the worker is starting)
    pub read: u32,
    pub total: u32,
    pub dispatch: Callback<Action>,
}

/// A roll-up under way: how many files are read, and a way to stop it.
#[function_component(SumProgress)]
pub fn sum_progress(props: &SumProgressProps) -> Html {
    let lang = props.lang;
    let stop_button = use_node_ref();
    {
        let b = stop_button.clone();
        use_effect_with((), move |_| {
            browser::focus(&b);
            // the stop button goes with the bar: the focus is not left on nothing
            browser::focus_main_if_lost
        });
    }
    let stop = {
        let d = props.dispatch.clone();
        Callback::from(move |_| d.emit(Action::StopSum))
    };
    let words = if props.total == 0 {
        lang.t(M::SumStarting).to_string()
    } else {
        let n = |x: u32| crate::numfmt::format(f64::from(x), lang, 0);
        fill(lang.t(M::SumRead), &[&n(props.read), &n(props.total)])
    };
    html! {
        <section class="summing" aria-labelledby="summing-title">
            <h2 id="summing-title">{ lang.t(M::Summing) }</h2>
            <progress max={props.total.max(1).to_string()} value={props.read.to_string()} aria-labelledby="summing-title"></progress>
            <span class="summing-count" role="status">{ words }</span>
            <button type="button" class="button" ref={stop_button} onclick={stop}>{ lang.t(M::SumStop) }</button>
        </section>
    }
}

/// The lines of a roll-up report, in the planner's language.
pub fn report_lines(lang: Lang, r: &RollUp) -> Vec<String> {
    let name = |key: &str| {
        r.plan
            .indicators
            .iter()
            .find(|i| i.key() == key)
            .map(|i| format!("{key} {}", labels::name(lang, i)))
            .unwrap_or_else(|| key.to_string())
    };
    let unit = fill(
        lang.t(M::RollUpUnit),
        &[&r.plan.unit.name, labels::level(lang, r.plan.unit.level)],
    );
    let mut out: Vec<String> = std::iter::once(unit)
        .chain(r.conflicts.iter().map(|c| {
            fill(
                lang.t(M::RollUpConflict),
                &[
                    &name(&c.key),
                    &c.unit,
                    labels::definition_word(lang, &c.what),
                ],
            )
        }))
        .collect();
    out.extend(
        r.skipped
            .iter()
            .map(|s| labels::skipped_named(lang, s, &name(&s.key))),
    );
    out
}
