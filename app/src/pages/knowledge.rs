//! The knowledge base in the portal: search the published articles and read one. Staff
//! also see drafts and edit articles (versioned, like every other change).

use edgedesk_domain::knowledge::{Article, ArticleInput};
use edgedesk_domain::ErrorCode;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::api::{self, Saved};
use crate::components::form_message::FormMessage;
use crate::components::text_field::TextField;
use crate::dates::local;
use crate::i18n::use_i18n;
use crate::session::use_session;
use crate::title::use_page_title;

#[component]
pub fn KnowledgePage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.p().kb_title.to_string());
    let typed = RwSignal::new(String::new());
    let search = RwSignal::new(String::new());
    let articles = LocalResource::new(move || {
        let text = search.get();
        async move { api::articles(&text).await }
    });
    view! {
        <h1>{move || i18n.p().kb_title}</h1>
        <p class="lead">{move || i18n.p().kb_intro}</p>
        <form role="search" class="search-form" on:submit=move |ev| {
            ev.prevent_default();
            search.set(typed.get_untracked());
        }>
            <div class="field">
                <label for="field-kb-search">{move || i18n.p().kb_search}</label>
                <input id="field-kb-search" name="q" type="search" bind:value=typed/>
            </div>
        </form>
        {move || match articles.get() {
            None => view! { <p role="status" class="muted">{i18n.t().loading}</p> }.into_any(),
            Some(Err(error)) => {
                view! { <p role="alert" class="alert alert-error">{i18n.t().error(error.code, None)}</p> }.into_any()
            }
            Some(Ok(list)) if list.is_empty() => view! { <p class="empty-state">{i18n.p().kb_empty}</p> }.into_any(),
            Some(Ok(list)) => view! {
                <ul class="article-list">
                    {list.into_iter().map(|article| view! {
                        <li class="card">
                            <h2><A href=format!("/kb/{}", article.id)>{article.title}</A></h2>
                            {(!article.published).then(|| view! { <span class="badge">{i18n.p().kb_draft}</span> })}
                            <p class="muted">{article.excerpt}</p>
                        </li>
                    }).collect_view()}
                </ul>
            }
            .into_any(),
        }}
    }
}

#[component]
pub fn ArticlePage() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let session = use_session();
    let loaded = LocalResource::new(move || {
        let id = params.read().get("id").unwrap_or_default();
        async move { api::article(&id).await }
    });
    use_page_title(move || match loaded.get() {
        Some(Ok(article)) => article.title,
        Some(Err(_)) => i18n.p().kb_not_found.to_string(),
        None => i18n.t().loading.to_string(),
    });
    move || match loaded.get() {
        None => view! { <p role="status" class="muted">{i18n.t().loading}</p> }.into_any(),
        Some(Err(error)) if error.code == ErrorCode::NotFound => {
            view! { <h1>{i18n.p().kb_not_found}</h1> }.into_any()
        }
        Some(Err(error)) => {
            view! { <p role="alert" class="alert alert-error">{i18n.t().error(error.code, None)}</p> }
                .into_any()
        }
        Some(Ok(article)) => {
            let shown = RwSignal::new(article);
            view! {
                <ArticleView article=shown/>
                <Show when=move || session.is_staff()>
                    <ArticleEditor article=shown/>
                </Show>
                <p><A href="/kb">{move || i18n.p().kb_title}</A></p>
            }
            .into_any()
        }
    }
}

#[component]
fn ArticleView(article: RwSignal<Article>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let article = article.get();
        let updated = local(article.updated_at, i18n.lang().code());
        view! {
            <article class="card">
                <h1>{article.title}</h1>
                {(!article.published).then(|| view! { <span class="badge">{i18n.p().kb_draft}</span> })}
                <p class="muted">{i18n.p().article_updated} " " {updated} " · " {article.author}</p>
                <p class="prose">{article.body}</p>
            </article>
        }
    }
}

#[component]
fn ArticleEditor(article: RwSignal<Article>) -> impl IntoView {
    let i18n = use_i18n();
    let current = article.get_untracked();
    let title = RwSignal::new(current.title);
    let body = RwSignal::new(current.body);
    let published = RwSignal::new(current.published);
    let message = RwSignal::new(None::<(bool, String)>);
    // After a conflict the form shows the stored article, so nothing is overwritten unseen.
    let save = Action::new_local(move |(id, input): &(i64, ArticleInput)| {
        let (id, input) = (*id, input.clone());
        async move {
            message.set(Some(match api::update_article(id, &input).await {
                Ok(Saved::Done(saved)) => {
                    article.set(saved);
                    (true, i18n.p().saved.to_string())
                }
                Ok(Saved::Stale(current)) => {
                    title.set(current.title.clone());
                    body.set(current.body.clone());
                    published.set(current.published);
                    article.set(current);
                    (false, i18n.p().conflict.to_string())
                }
                Err(error) => (false, i18n.process_error(&error)),
            }));
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let shown = article.get_untracked();
        let input = ArticleInput {
            title: title.get_untracked(),
            body: body.get_untracked(),
            source_ticket_id: shown.source_ticket_id,
            published: published.get_untracked(),
            version: Some(shown.version),
        };
        save.dispatch((shown.id, input));
    };
    view! {
        <form class="card form" on:submit=submit aria-labelledby="edit-article-heading">
            <h2 id="edit-article-heading" class="section-title">{move || i18n.p().article_edit}</h2>
            <TextField name="edit-title" label=Signal::derive(move || i18n.p().article_title) value=title/>
            <TextField name="edit-body" label=Signal::derive(move || i18n.p().article_body) value=body
                multiline=true rows=10/>
            <label class="checkbox">
                <input type="checkbox" name="published" bind:checked=published/> " " {move || i18n.p().article_publish}
            </label>
            <FormMessage message=message/>
            <button type="submit" class="button button-primary" disabled=move || save.pending().get()>
                {move || i18n.p().article_save}
            </button>
        </form>
    }
}
