use edgedesk_domain::knowledge::Suggestions;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::i18n::use_i18n;

/// Milliseconds of quiet typing before asking for suggestions.
const PAUSE_MS: u64 = 400;

/// Earlier solutions for a text being written: articles for everyone, similar resolved
/// tickets for staff (the API decides). Asks once typing pauses.
#[component]
pub fn SuggestionList(
    #[prop(into)] text: Signal<String>,
    /// The ticket on screen, left out of its own suggestions.
    #[prop(optional)]
    ticket: Option<i64>,
    /// Customers see a gentler heading and nothing when there is nothing to show.
    #[prop(optional)]
    for_customer: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    // The text as it stood when typing last paused.
    let paused = RwSignal::new(None::<String>);
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let query = text.get();
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            move || paused.set(Some(query)),
            std::time::Duration::from_millis(PAUSE_MS),
        );
        pending.set_value(handle.ok());
    });
    // Suggestions are a help, not a duty: a failed lookup shows nothing.
    let found = LocalResource::new(move || {
        let query = paused.get();
        async move {
            match query {
                Some(query) => api::suggestions(&query, ticket).await.ok(),
                None => None::<Suggestions>,
            }
        }
    });
    move || {
        let p = i18n.p();
        let suggestions = found.get().flatten()?;
        let empty = suggestions.tickets.is_empty() && suggestions.articles.is_empty();
        if empty && for_customer {
            return None;
        }
        Some(view! {
            <section class="card suggestions" aria-labelledby="suggestions-heading" aria-live="polite">
                <h2 id="suggestions-heading" class="section-title">
                    {if for_customer { p.suggestions_for_customer } else { p.suggestions_heading }}
                </h2>
                {empty.then(|| view! { <p class="muted">{p.no_suggestions}</p> })}
                {(!suggestions.tickets.is_empty()).then(|| view! {
                    <h3>{p.similar_tickets}</h3>
                    <ul>
                        {suggestions.tickets.into_iter().map(|ticket| view! {
                            <li>
                                <A href=format!("/tickets/{}", ticket.id)>{ticket.number}</A> " " {ticket.title}
                                {ticket.resolution.map(|resolution| view! { <p class="muted">{resolution}</p> })}
                            </li>
                        }).collect_view()}
                    </ul>
                })}
                {(!suggestions.articles.is_empty()).then(|| view! {
                    <h3>{p.kb_title}</h3>
                    <ul>
                        {suggestions.articles.into_iter().map(|article| view! {
                            <li>
                                <A href=format!("/kb/{}", article.id)>{article.title}</A>
                                {(!article.published).then(|| view! { " " <span class="badge">{p.kb_draft}</span> })}
                                <p class="muted">{article.excerpt}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                })}
            </section>
        })
    }
}
