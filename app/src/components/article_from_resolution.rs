use edgedesk_domain::knowledge::ArticleInput;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::components::text_field::TextField;
use crate::i18n::use_i18n;
use crate::submit::settled;
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
    Effect::new(move |_| {
        if let Some((ticket, resolution)) = resolution() {
            if title.get_untracked().is_empty() {
                title.set(ticket.title.clone());
                let symptoms = ticket.symptoms.map(|s| format!("\n\n{s}")).unwrap_or_default();
                body.set(format!("{}{symptoms}\n\n{}", ticket.description, resolution.notes));
            }
        }
    });
    let create = Action::new_local(|input: &ArticleInput| {
        let input = input.clone();
        async move { api::create_article(&input).await }
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
        create.dispatch(input);
    };
    move || {
        resolution().map(|_| {
            let p = i18n.p();
            view! {
                <form class="card work-form" on:submit=submit aria-labelledby="article-heading">
                    <h3 id="article-heading">{p.article_heading}</h3>
                    <TextField name="article-title" label=Signal::derive(move || i18n.p().article_title) value=title/>
                    <TextField name="article-body" label=Signal::derive(move || i18n.p().article_body) value=body
                        multiline=true/>
                    <label class="checkbox">
                        <input type="checkbox" name="publish" bind:checked=publish/> " " {p.article_publish}
                    </label>
                    {move || settled(create).map(|outcome| match outcome {
                        Ok(article) => view! {
                            <p role="status" class="alert alert-success">
                                {i18n.p().article_saved} " " <A href=format!("/kb/{}", article.id)>{article.title}</A>
                            </p>
                        }.into_any(),
                        Err(error) => view! {
                            <p role="alert" class="alert alert-error">{i18n.process_error(&error)}</p>
                        }.into_any(),
                    })}
                    <button type="submit" class="button" disabled=move || create.pending().get()>{p.article_save}</button>
                </form>
            }
        })
    }
}
