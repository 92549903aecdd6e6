//! The version history of the open plan: each earlier version with when and
//! why it was kept and a line on what changed, to open read-only or restore.

use crate::app::state::Action;
use crate::browser::{self, Version, Why, MAX_VERSIONS, MAX_VERSION_BYTES};
use crate::i18n::{fill, Lang, M};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HistoryProps {
    pub lang: Lang,
    /// newest first; `None` while they are read
    pub versions: Option<Rc<Vec<Version>>>,
    pub dispatch: Callback<Action>,
}

pub fn why(lang: Lang, w: Why) -> &'static str {
    lang.t(match w {
        Why::Opened => M::WhyOpened,
        Why::Hourly => M::WhyHourly,
        Why::BeforeImport => M::WhyBeforeImport,
        Why::BeforeRestore => M::WhyBeforeRestore,
        Why::OtherTab => M::WhyOtherTab,
    })
}

/// One line on what changed since the version before it.
pub fn summary(lang: Lang, v: &Version) -> String {
    let Some(c) = v.changes else {
        return fill(lang.t(M::ChangesOldest), &[&v.indicators.to_string()]);
    };
    let mut parts = Vec::new();
    for (n, m) in [
        (c.added, M::ChangesAdded),
        (c.removed, M::ChangesRemoved),
        (c.figures, M::ChangesFigures),
        (c.details, M::ChangesDetails),
    ] {
        if n > 0 {
            parts.push(fill(lang.t(m), &[&n.to_string()]));
        }
    }
    if c.header {
        parts.push(lang.t(M::ChangesHeader).to_string());
    }
    if parts.is_empty() {
        lang.t(M::ChangesNone).to_string()
    } else {
        fill(lang.t(M::ChangesSince), &[&parts.join(", ")])
    }
}

#[function_component(HistoryPanel)]
pub fn history_panel(props: &HistoryProps) -> Html {
    let lang = props.lang;
    let d = props.dispatch.clone();
    let close = {
        let d = d.clone();
        Callback::from(move |_| d.emit(Action::ShowHistory(false)))
    };
    let first = use_node_ref();
    {
        let first = first.clone();
        use_effect_with((), move |_| browser::focus(&first));
    }
    let onkeydown = {
        let d = d.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                d.emit(Action::ShowHistory(false));
            }
        })
    };
    let body = match &props.versions {
        None => html! { <p class="muted" role="status">{ lang.t(M::Loading) }</p> },
        Some(v) if v.is_empty() => html! { <p class="muted">{ lang.t(M::HistoryEmpty) }</p> },
        Some(v) => html! {
            <ol class="versions">
                { for v.iter().map(|v| {
                    let seq = v.seq;
                    html! {
                        <li class="version" key={seq} data-seq={seq.to_string()}>
                            <div class="version-text">
                                <strong class="version-when">{ browser::local_time(&v.kept) }</strong>
                                <span class="version-why">{ why(lang, v.why) }</span>
                                <span class="version-summary">{ summary(lang, v) }</span>
                            </div>
                            <span class="version-actions">
                                <button type="button" class="button small" data-action="view-version"
                                    onclick={{ let d = d.clone(); move |_| d.emit(Action::ViewVersion(seq)) }}>{ lang.t(M::ViewVersion) }</button>
                                <button type="button" class="button small" data-action="restore-version"
                                    onclick={{ let d = d.clone(); move |_| d.emit(Action::RestoreVersion(seq)) }}>{ lang.t(M::RestoreVersion) }</button>
                            </span>
                        </li>
                    }
                }) }
            </ol>
        },
    };
    html! {
        <div class="dialog-backdrop">
            <div class="dialog history" role="dialog" aria-modal="true" aria-labelledby="history-title" {onkeydown}>
                <h2 id="history-title">{ lang.t(M::History) }</h2>
                { body }
                <p class="muted small">
                    { fill(lang.t(M::HistoryLimit), &[&MAX_VERSIONS.to_string(), &(MAX_VERSION_BYTES / 1_048_576).to_string()]) }
                </p>
                <div class="dialog-actions">
                    <button type="button" class="button" ref={first} onclick={close}>{ lang.t(M::Close) }</button>
                </div>
            </div>
        </div>
    }
}
