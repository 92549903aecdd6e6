use crate::i18n::{Lang, M};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EmptyStateProps {
    pub lang: Lang,
}

/// What the planner sees before any plan exists: what the tool does, and the ways to start.
#[function_component(EmptyState)]
pub fn empty_state(props: &EmptyStateProps) -> Html {
    let lang = props.lang;
    html! {
        <section class="empty-state" aria-labelledby="empty-title">
            <h2 id="empty-title">{ lang.t(M::EmptyTitle) }</h2>
            <p class="lead">{ lang.t(M::EmptyLead) }</p>
            <div class="start-actions">
                <button type="button" class="button primary" data-action="start-blank">{ lang.t(M::StartBlank) }</button>
                <button type="button" class="button" data-action="start-sample">{ lang.t(M::StartSample) }</button>
                <button type="button" class="button" data-action="start-import">{ lang.t(M::StartImport) }</button>
            </div>
            <p class="privacy">{ lang.t(M::EmptyPrivacy) }</p>
        </section>
    }
}
