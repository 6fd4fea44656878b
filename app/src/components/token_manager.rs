//! Admins create, see and revoke API tokens. A new token's secret is shown once.

use edgedesk_domain::admin::{ApiTokenSummary, NewApiToken};
use edgedesk_domain::auth::Scope;
use edgedesk_domain::ApiError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::i18n::use_i18n;

#[component]
pub fn TokenManager() -> impl IntoView {
    let i18n = use_i18n();
    let tokens = RwSignal::new(Vec::<ApiTokenSummary>::new());
    let failure = RwSignal::new(None::<ApiError>);
    let name = RwSignal::new(String::new());
    let scopes = RwSignal::new(vec![Scope::TicketsRead]);
    let secret = RwSignal::new(None::<String>);
    let reload = move || {
        spawn_local(async move {
            match api::list_tokens().await {
                Ok(list) => tokens.set(list),
                Err(error) => failure.set(Some(error)),
            }
        })
    };
    reload();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        secret.set(None);
        let token = NewApiToken { name: name.get_untracked(), scopes: scopes.get_untracked() };
        if let Err(error) = token.validate() {
            failure.set(Some(error));
            return;
        }
        spawn_local(async move {
            match api::create_token(&token).await {
                Ok(created) => {
                    secret.set(Some(created.token));
                    name.set(String::new());
                    reload();
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let revoke = move |id: i64| {
        spawn_local(async move {
            match api::revoke_token(id).await {
                Ok(()) => reload(),
                Err(error) => failure.set(Some(error)),
            }
        })
    };
    let when = move |at: Option<chrono::DateTime<chrono::Utc>>| {
        at.map_or(i18n.t().never.to_string(), |at| at.format("%Y-%m-%d %H:%M UTC").to_string())
    };

    view! {
        <section class="card" aria-labelledby="tokens-heading">
            <h2 id="tokens-heading">{move || i18n.t().tokens_heading}</h2>
            <p class="muted">{move || i18n.t().tokens_intro}</p>
            <form class="form" novalidate on:submit=on_submit aria-label=move || i18n.t().create_token>
                <div role="alert" class="form-alerts">
                    {move || failure.get().map(|error| view! { <p class="alert alert-error">{i18n.t().error(error.code, None)}</p> })}
                </div>
                <div class="field">
                    <label for="token-name">{move || i18n.t().token_name}</label>
                    <input id="token-name" name="token-name" bind:value=name/>
                </div>
                <fieldset class="field">
                    <legend>{move || i18n.t().token_scopes}</legend>
                    {Scope::ALL.into_iter().map(|scope| view! {
                        <label class="checkbox">
                            <input type="checkbox" value=scope.as_str()
                                prop:checked=move || scopes.with(|chosen| chosen.contains(&scope))
                                on:change=move |ev| scopes.update(|chosen| {
                                    chosen.retain(|s| *s != scope);
                                    if event_target_checked(&ev) { chosen.push(scope) }
                                })/>
                            <code>{scope.as_str()}</code>
                        </label>
                    }).collect_view()}
                </fieldset>
                <div class="form-actions">
                    <button type="submit" class="button button-primary">{move || i18n.t().create_token}</button>
                </div>
            </form>
            {move || secret.get().map(|token| view! {
                <div class="alert confirmation" role="status">
                    <p>{i18n.t().token_created}</p>
                    <p><code data-testid="new-token">{token}</code></p>
                </div>
            })}
            <Show when=move || !tokens.with(Vec::is_empty)
                fallback=move || view! { <p class="muted">{i18n.t().tokens_empty}</p> }>
                <div class="table-wrap">
                    <table class="data-table">
                        <thead>
                            <tr>
                                <th scope="col">{move || i18n.t().token_name}</th>
                                <th scope="col">{move || i18n.t().token_scopes}</th>
                                <th scope="col">{move || i18n.t().col_last_used}</th>
                                <th scope="col">{move || i18n.t().col_state}</th>
                                <th scope="col">{move || i18n.t().col_actions}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || tokens.get().into_iter().map(|token| {
                                let t = i18n.t();
                                let revoked = token.revoked_at.is_some();
                                let scope_list = token.scopes.iter().map(|scope| scope.as_str()).collect::<Vec<_>>().join(" ");
                                let revoke_label = format!("{}: {}", t.revoke, token.name);
                                view! {
                                    <tr>
                                        <td data-label=t.token_name>{token.name.clone()}</td>
                                        <td data-label=t.token_scopes><code>{scope_list}</code></td>
                                        <td data-label=t.col_last_used>{when(token.last_used_at)}</td>
                                        <td data-label=t.col_state>{if revoked { t.token_revoked } else { t.token_active }}</td>
                                        <td data-label=t.col_actions>
                                            {(!revoked).then(|| view! {
                                                <button type="button" class="button" aria-label=revoke_label
                                                    on:click=move |_| revoke(token.id)>{t.revoke}</button>
                                            })}
                                        </td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}
