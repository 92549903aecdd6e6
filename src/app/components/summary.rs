//! The summary strip: the date the figures are counted to, how many
//! indicators stand where, the composite score and what it covers, and the
//! consistency warnings, each a link to its indicator and each acceptable
//! with a reason.

use super::TextInput;
use crate::app::labels;
use crate::app::state::Action;
use crate::app::Shared;
use crate::browser;
use crate::calc::{self, Basis, Status, Warning};
use crate::i18n::{fill, Lang, M};
use crate::numfmt;
use crate::plan::edit::{Edit, HeaderField};
use crate::plan::{Date, Period, Plan};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    pub lang: Lang,
    pub plan: Shared<Plan>,
    pub period: Period,
    pub basis: Basis,
    pub today: Date,
    pub parent: Option<Shared<Plan>>,
    /// the words the indicator table is searched for
    #[prop_or_default]
    pub find: AttrValue,
    pub dispatch: Callback<Action>,
}

/// The statuses that always have a tile; "tracked" has one only when used.
const TILES: [Status; 6] = [
    Status::Met,
    Status::OnTrack,
    Status::Behind,
    Status::NotMet,
    Status::NoActual,
    Status::NoTarget,
];

fn as_of_edit(_: &str, s: &str, _: Lang) -> Result<Edit, M> {
    let t = s.trim();
    let date = if t.is_empty() {
        None
    } else {
        Some(t.parse::<Date>().map_err(|_| M::BadDate)?)
    };
    if date.is_some_and(|d| !crate::plan::year_in_range(d.year)) {
        return Err(M::BadDate);
    }
    Ok(Edit::Header(HeaderField::AsOf(date)))
}

/// A stable key of a warning in the list, for the form that accepts it.
fn warning_key(w: &Warning) -> String {
    format!(
        "{}|{}|{}",
        w.indicator(),
        w.code(),
        w.period().map(|p| p.to_string()).unwrap_or_default()
    )
}

#[function_component(Summary)]
pub fn summary(props: &SummaryProps) -> Html {
    let lang = props.lang;
    let plan = &*props.plan.0;
    let d = props.dispatch.clone();
    // the warning being accepted: its key, the reason typed, whether it was refused for lack of one
    let accepting = use_state(|| None::<(String, String, bool)>);
    let (groups_opened, on_groups_toggle) = super::use_opened();
    let (warnings_opened, on_warnings_toggle) = super::use_opened();
    let mut counts = [0usize; 7];
    for ind in &plan.indicators {
        let e = calc::evaluate(ind, props.basis, props.period);
        counts[Status::ALL.iter().position(|s| *s == e.status).unwrap_or(0)] += 1;
    }
    let count = |s: Status| counts[Status::ALL.iter().position(|x| *x == s).unwrap_or(0)];
    let score = calc::score(plan, props.basis, props.period);
    let warnings = calc::warnings(plan, props.parent.as_ref().map(|p| &*p.0));
    let (open, accepted): (Vec<&Warning>, Vec<&Warning>) = warnings
        .iter()
        .partition(|w| calc::acknowledged(plan, w).is_none());
    // a few warnings are open from the start; many wait for the planner to open them
    let open_warnings = !open.is_empty() && open.len() <= 6;
    let tile = |status: Status, n: usize| {
        html! {
            <div class={classes!("tile", labels::status_class(status))} data-status={labels::status_class(status)}>
                <span class="tile-number">{ n }</span>
                <span class="tile-label">{ labels::status(lang, status) }</span>
            </div>
        }
    };
    let period_name = labels::period(lang, props.period);
    let judged_note = if props.basis.over(props.period) {
        Some(fill(lang.t(M::AsOfOver), &[&period_name]))
    } else {
        let at = props.basis.judged_at(props.period);
        let m = if props.basis.as_of < at {
            M::AsOfNotStarted
        } else {
            M::AsOfClamped
        };
        (at != props.basis.as_of).then(|| fill(lang.t(m), &[&period_name, &at.dmy()]))
    };
    // a date ahead of today judges the figures typed as if they were that day's
    let future_note = plan
        .as_of
        .filter(|d| *d > props.today)
        .map(|d| fill(lang.t(M::AsOfFuture), &[&d.dmy(), &props.today.dmy()]));
    let use_today = {
        let d = d.clone();
        Callback::from(move |_| d.emit(Action::Edit(Edit::Header(HeaderField::AsOf(None)))))
    };
    let name_of = |id: &str| {
        plan.indicator(id)
            .map(|i| {
                let n = labels::name_with_level(lang, i);
                if i.code.is_empty() {
                    n
                } else {
                    format!("{} {}", i.code, n)
                }
            })
            .unwrap_or_default()
    };
    let warning_item = |w: &Warning| {
        let id = w.indicator().to_string();
        let key = warning_key(w);
        let select = {
            let (d, id) = (d.clone(), id.clone());
            Callback::from(move |_| d.emit(Action::Select(Some(id.clone()))))
        };
        let text = labels::warning(lang, w, plan.indicator(&id));
        let form = accepting.as_ref().filter(|(k, _, _)| *k == key).cloned();
        let start = {
            let (accepting, key) = (accepting.clone(), key.clone());
            Callback::from(move |_| accepting.set(Some((key.clone(), String::new(), false))))
        };
        let form_html = form.map(|(_, reason, refused)| {
            let oninput = {
                let (accepting, key) = (accepting.clone(), key.clone());
                Callback::from(move |e: InputEvent| accepting.set(Some((key.clone(), browser::input_value(&e), false))))
            };
            let onsubmit = {
                let (accepting, d, key, reason, w) = (accepting.clone(), d.clone(), key.clone(), reason.clone(), w.clone());
                Callback::from(move |e: SubmitEvent| {
                    e.prevent_default();
                    if reason.trim().is_empty() {
                        accepting.set(Some((key.clone(), reason.clone(), true)));
                        return;
                    }
                    d.emit(Action::Edit(Edit::Acknowledge {
                        id: w.indicator().to_string(),
                        warning: w.code().to_string(),
                        period: w.period(),
                        reason: Some(reason.trim().to_string()),
                    }));
                    accepting.set(None);
                })
            };
            let cancel = {
                let accepting = accepting.clone();
                Callback::from(move |_| accepting.set(None))
            };
            html! {
                <form class="acknowledge" {onsubmit}>
                    <label class="field">
                        <span class="field-label">{ lang.t(M::AcknowledgeReason) }</span>
                        <input type="text" name="reason" value={reason} {oninput} aria-invalid={refused.to_string()} />
                    </label>
                    <button type="submit" class="button small primary">{ lang.t(M::AcknowledgeSave) }</button>
                    <button type="button" class="button small" onclick={cancel}>{ lang.t(M::Cancel) }</button>
                    if refused { <span class="cell-error" role="alert">{ lang.t(M::AcknowledgeNeedsReason) }</span> }
                </form>
            }
        });
        html! {
            <li key={key.clone()}>
                <button type="button" class="link" onclick={select}>{ name_of(&id) }</button>
                { ": " }{ text }
                { " " }
                <button type="button" class="link small" onclick={start} aria-label={format!("{}: {}", lang.t(M::Acknowledge), name_of(&id))}>
                    { lang.t(M::Acknowledge) }
                </button>
                { for form_html }
            </li>
        }
    };
    let accepted_item = |w: &Warning| {
        let id = w.indicator().to_string();
        let reason = calc::acknowledged(plan, w).unwrap_or_default().to_string();
        let withdraw = {
            let (d, w) = (d.clone(), w.clone());
            Callback::from(move |_| {
                d.emit(Action::Edit(Edit::Acknowledge {
                    id: w.indicator().to_string(),
                    warning: w.code().to_string(),
                    period: w.period(),
                    reason: None,
                }))
            })
        };
        html! {
            <li key={warning_key(w)}>
                { format!("{}: {} — {}", name_of(&id), labels::warning(lang, w, plan.indicator(&id)), reason) }
                { " " }
                <button type="button" class="link small" onclick={withdraw}>{ lang.t(M::Unacknowledge) }</button>
            </li>
        }
    };
    let find = {
        let d = d.clone();
        Callback::from(move |e: InputEvent| d.emit(Action::Find(crate::browser::input_value(&e))))
    };
    let draft = score.scored == 0 && !plan.indicators.is_empty();
    html! {
        <section class="summary" aria-label={lang.t(M::Summary)}>
            <div class="as-of">
                <TextInput {lang} label={lang.t(M::AsOfLabel)} name="as_of" value={plan.as_of.map(|d| d.dmy()).unwrap_or_default()}
                    placeholder={format!("{} ({})", lang.t(M::AsOfToday), props.today.dmy())} to_edit={as_of_edit as super::text_input::ToEdit}
                    dispatch={d.clone()} class="as-of-field" />
                if plan.as_of.is_some() {
                    <button type="button" class="button small" onclick={use_today}>{ lang.t(M::AsOfUseToday) }</button>
                }
                if let Some(note) = judged_note {
                    <span class="as-of-note">{ note }</span>
                }
                if let Some(note) = future_note {
                    <span class="as-of-note as-of-future" role="status">{ note }</span>
                }
                // rows far from the screen are not drawn, so the browser's own find cannot reach them
                <input type="search" class="find-indicator" name="find-indicator" value={props.find.clone()} oninput={find}
                    placeholder={lang.t(M::FindIndicator)} aria-label={lang.t(M::FindIndicator)} />
            </div>
            <div class="tiles">
                { for TILES.iter().map(|s| tile(*s, count(*s))) }
                if count(Status::Tracked) > 0 {
                    { tile(Status::Tracked, count(Status::Tracked)) }
                }
                <div class="tile score" data-status="score">
                    <span class="tile-number">{ score.overall.map(|s| numfmt::format(s, lang, 1)).unwrap_or_else(|| "—".into()) }</span>
                    <span class="tile-label">
                        { format!("{} /100", lang.t(M::Score)) }
                        <span class="score-covers">
                            { match score.overall {
                                Some(_) => fill(lang.t(M::ScoreCovers), &[&score.scored.to_string(), &score.judged.to_string()]),
                                None => lang.t(M::ScoreNone).to_string(),
                            } }
                        </span>
                    </span>
                </div>
            </div>
            if draft {
                <p class="draft-note" role="note">{ lang.t(M::DraftNote) }</p>
            }
            if score.overall.is_some() && score.groups.len() > 1 {
                <details class="group-scores" ontoggle={on_groups_toggle}>
                    <summary>{ lang.t(M::ScoreByGroup) }</summary>
                    if groups_opened {
                        <table class="group-score-table">
                        <tbody>
                            { for score.groups.iter().map(|g| html! {
                                <tr>
                                    <th scope="row">{ crate::app::labels::group(lang, &g.group) }</th>
                                    <td>{ g.score.map(|s| numfmt::format(s, lang, 1)).unwrap_or_else(|| "—".into()) }</td>
                                    <td>{ fill(lang.t(M::ScoreCovers), &[&g.scored.to_string(), &g.judged.to_string()]) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                    }
                </details>
            }
            <details class="warnings" open={open_warnings} ontoggle={on_warnings_toggle}>
                <summary>
                    { lang.t(M::Warnings) }
                    <span class={classes!("warning-count", (!open.is_empty()).then_some("some"))}>{ open.len() }</span>
                </summary>
                if warnings_opened || open_warnings {
                    if open.is_empty() {
                        <p class="no-warnings">{ lang.t(M::NoWarnings) }</p>
                    } else {
                        <ul>{ for open.iter().take(200).map(|w| warning_item(w)) }</ul>
                    }
                    if !accepted.is_empty() {
                        <details class="accepted">
                            <summary>{ format!("{} ({})", lang.t(M::Acknowledged), accepted.len()) }</summary>
                            <ul>{ for accepted.iter().take(200).map(|w| accepted_item(w)) }</ul>
                        </details>
                    }
                }
            </details>
        </section>
    }
}
