//! Admins create, see and revoke API tokens. A new token's secret is shown once.

use edgedesk_domain::admin::NewApiToken;
use edgedesk_domain::auth::Scope;
use edgedesk_domain::ApiError;
use leptos::prelude::*;

use crate::api;
use crate::components::data_table::DataTable;
use crate::components::text_field::TextField;
use crate::i18n::use_i18n;

#[component]
pub fn TokenManager() -> impl IntoView {
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let scopes = RwSignal::new(vec![Scope::TicketsRead]);
    let invalid = RwSignal::new(None::<ApiError>);
    let create = Action::new_local(move |token: &NewApiToken| {
        let token = token.clone();
        async move {
            let created = api::create_token(&token).await;
            if created.is_ok() {
                name.set(String::new());
            }
            created
        }
    });
    let revoke = Action::new_local(|id: &i64| {
        let id = *id;
        async move { api::revoke_token(id).await }
    });
    let tokens = LocalResource::new(move || {
        create.version().track();
        revoke.version().track();
        api::list_tokens()
    });
    let failure = move || {
        invalid
            .get()
            .or_else(|| create.value().get().and_then(Result::err))
            .or_else(|| revoke.value().get().and_then(Result::err))
            .or_else(|| tokens.get().and_then(Result::err))
    };
    let secret = move || create.value().get().and_then(Result::ok).map(|created| created.token);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let token = NewApiToken { name: name.get_untracked(), scopes: scopes.get_untracked() };
        invalid.set(token.validate().err());
        if invalid.with_untracked(Option::is_none) {
            create.dispatch(token);
        }
    };
    let listed = move || tokens.get().and_then(Result::ok).unwrap_or_default();
    let when = move |at: Option<chrono::DateTime<chrono::Utc>>| {
        at.map_or(i18n.t().never.to_string(), |at| at.format("%Y-%m-%d %H:%M UTC").to_string())
    };
    let columns = move || {
        let t = i18n.t();
        vec![t.token_name, t.token_scopes, t.col_last_used, t.col_state, t.col_actions]
    };

    view! {
        <section class="card" aria-labelledby="tokens-heading">
            <h2 id="tokens-heading">{move || i18n.t().tokens_heading}</h2>
            <p class="muted">{move || i18n.t().tokens_intro}</p>
            <form class="form" novalidate on:submit=on_submit aria-label=move || i18n.t().create_token>
                <div role="alert" class="form-alerts">
                    {move || failure().map(|error| view! { <p class="alert alert-error">{i18n.t().error(error.code, None)}</p> })}
                </div>
                <TextField name="token-name" label=Signal::derive(move || i18n.t().token_name) value=name/>
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
                    <button type="submit" class="button button-primary" disabled=move || create.pending().get()>
                        {move || i18n.t().create_token}
                    </button>
                </div>
            </form>
            {move || secret().map(|token| view! {
                <div class="alert confirmation" role="status">
                    <p>{i18n.t().token_created}</p>
                    <p><code data-testid="new-token">{token}</code></p>
                </div>
            })}
            <Show when=move || !listed().is_empty()
                fallback=move || view! { <p class="muted">{i18n.t().tokens_empty}</p> }>
                <DataTable columns>
                    {move || listed().into_iter().map(|token| {
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
                                            on:click=move |_| { revoke.dispatch(token.id); }>{t.revoke}</button>
                                    })}
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </DataTable>
            </Show>
        </section>
    }
}
