use edgedesk_domain::knowledge::ArticleInput;
use edgedesk_domain::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::api;
use crate::i18n::use_i18n;
use crate::workspace::use_workspace;

/// On a resolved ticket, staff turn the resolution into a knowledge-base article.
#[component]
pub fn ArticleFromResolution() -> impl IntoView {
    let i18n = use_i18n();
    let workspace = use_workspace();
    let resolution = move || {
        workspace.shown.with(|shown| shown.public.resolution.clone().map(|r| (shown.public.clone(), r)))
    };
    let title = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let publish = RwSignal::new(false);
    let saved = RwSignal::new(None::<(i64, String)>);
    let failure = RwSignal::new(None::<ApiError>);
    Effect::new(move |_| {
        if let Some((ticket, resolution)) = resolution() {
            if title.get_untracked().is_empty() {
                title.set(ticket.title.clone());
                let symptoms = ticket.symptoms.map(|s| format!("\n\n{s}")).unwrap_or_default();
                body.set(format!("{}{symptoms}\n\n{}", ticket.description, resolution.notes));
            }
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let input = ArticleInput {
            title: title.get_untracked(),
            body: body.get_untracked(),
            source_ticket_id: workspace.ticket_id(),
            published: publish.get_untracked(),
            version: None,
        };
        failure.set(None);
        spawn_local(async move {
            match api::create_article(&input).await {
                Ok(article) => saved.set(Some((article.id, article.title))),
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    move || {
        resolution().map(|_| {
            let p = i18n.p();
            view! {
                <form class="card work-form" on:submit=submit aria-labelledby="article-heading">
                    <h3 id="article-heading">{p.article_heading}</h3>
                    <div class="field">
                        <label for="field-article-title">{p.article_title}</label>
                        <input id="field-article-title" name="article-title" bind:value=title/>
                    </div>
                    <div class="field">
                        <label for="field-article-body">{p.article_body}</label>
                        <textarea id="field-article-body" name="article-body" rows="6" bind:value=body></textarea>
                    </div>
                    <label class="checkbox">
                        <input type="checkbox" name="publish" bind:checked=publish/> " " {p.article_publish}
                    </label>
                    {move || failure.get().map(|error| view! {
                        <p role="alert" class="alert alert-error">{i18n.process_error(&error)}</p>
                    })}
                    {move || saved.get().map(|(id, title)| view! {
                        <p role="status" class="alert alert-success">
                            {i18n.p().article_saved} " " <A href=format!("/kb/{id}")>{title}</A>
                        </p>
                    })}
                    <button type="submit" class="button">{p.article_save}</button>
                </form>
            }
        })
    }
}
