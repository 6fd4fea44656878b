//! The agent console: queues, filters, search and sorting over the ticket list (staff only).

use edgedesk_domain::auth::{Role, Tier};
use edgedesk_domain::lifecycle::Status;
use edgedesk_domain::priority::Priority;
use edgedesk_domain::queue::Queue;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use std::collections::BTreeSet;

use crate::components::bulk_bar::BulkBar;
use crate::components::guard::RequireAccount;
use crate::components::select_field::{category_choices, SelectField};
use crate::components::shortcuts::Shortcuts;
use crate::components::ticket_list::TicketList;
use crate::i18n::use_i18n;
use crate::session::use_session;
use crate::title::use_page_title;

#[component]
pub fn ConsolePage() -> impl IntoView {
    let i18n = use_i18n();
    use_page_title(move || i18n.t().console_title.to_string());
    view! {
        <h1>{move || i18n.t().console_title}</h1>
        <RequireAccount staff_only=true>
            <Console/>
        </RequireAccount>
    }
}

#[component]
fn Console() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let queue = RwSignal::new("all".to_string());
    let status = RwSignal::new(String::new());
    let priority = RwSignal::new(String::new());
    let tier = RwSignal::new(String::new());
    let category = RwSignal::new(String::new());
    let assignee = RwSignal::new(String::new());
    let text = RwSignal::new(String::new());
    let searched = RwSignal::new(String::new());
    let sort = RwSignal::new("newest".to_string());
    let filters = Signal::derive(move || {
        vec![
            ("queue", queue.get()),
            ("status", status.get()),
            ("priority", priority.get()),
            ("tier", tier.get()),
            ("category", category.get()),
            ("assignee", assignee.get()),
            ("q", searched.get()),
            ("sort", sort.get()),
        ]
    });
    let any = move || (String::new(), i18n.p().any.to_string());
    let queues =
        Signal::derive(move || Queue::all().into_iter().map(|(name, q)| (name, i18n.p().queue(q))).collect());
    let statuses = Signal::derive(move || {
        let mut options = vec![any()];
        options.extend(
            Status::ALL.into_iter().map(|s| (s.as_str().to_string(), i18n.t().status(s).to_string())),
        );
        options
    });
    let priorities = Signal::derive(move || {
        let mut options = vec![any()];
        options.extend(Priority::ALL.into_iter().map(|p| (p.as_str().to_string(), p.as_str().to_string())));
        options
    });
    let tiers = Signal::derive(move || {
        let mut options = vec![any()];
        options.extend(Tier::ALL.into_iter().map(|t| (t.as_str().to_string(), i18n.p().tier(t).to_string())));
        options
    });
    let categories = LocalResource::new(|| async { api::categories().await.unwrap_or_default() });
    let category_options =
        Signal::derive(move || category_choices(categories.get().unwrap_or_default(), i18n.p().any));
    let agents = LocalResource::new(|| async { api::agents().await.unwrap_or_default() });
    let agent_options = Signal::derive(move || {
        let mut options = vec![any()];
        options.extend(agents.get().unwrap_or_default().into_iter().map(|a| (a.id.to_string(), a.name)));
        options
    });
    let sorts = Signal::derive(move || {
        vec![
            ("newest".to_string(), i18n.p().sort_newest.to_string()),
            ("oldest".to_string(), i18n.p().sort_oldest.to_string()),
        ]
    });
    let selection = RwSignal::new(BTreeSet::<i64>::new());
    let refresh = RwSignal::new(0u32);
    let away = RwSignal::new(false);
    let toggle_away = move |ev: leptos::ev::Event| {
        let value = event_target_checked(&ev);
        spawn_local(async move {
            if api::set_away(value).await.is_ok() {
                away.set(value);
            }
        });
    };
    let is_agent = move || session.me().is_some_and(|me| me.role == Role::Agent);
    view! {
        <div class="filter-bar">
            <SelectField name="queue" label=Signal::derive(move || i18n.p().queue_label) value=queue options=queues/>
            <SelectField name="filter-status" label=Signal::derive(move || i18n.p().field_status) value=status options=statuses/>
            <SelectField name="filter-priority" label=Signal::derive(move || i18n.p().field_priority) value=priority options=priorities/>
            <SelectField name="filter-tier" label=Signal::derive(move || i18n.p().field_tier) value=tier options=tiers/>
            <SelectField name="filter-category" label=Signal::derive(move || i18n.p().field_category) value=category
                options=category_options/>
            <SelectField name="filter-assignee" label=Signal::derive(move || i18n.p().field_assignee) value=assignee
                options=agent_options/>
            <SelectField name="sort" label=Signal::derive(move || i18n.p().sort_label) value=sort options=sorts/>
            <form role="search" class="search-form" on:submit=move |ev| {
                ev.prevent_default();
                searched.set(text.get_untracked().trim().to_string());
            }>
                <div class="field">
                    <label for="field-search">{move || i18n.p().search_label}</label>
                    <input id="field-search" name="q" type="search" bind:value=text/>
                </div>
            </form>
            <Show when=is_agent>
                <label class="checkbox">
                    <input type="checkbox" name="away" prop:checked=away on:change=toggle_away/>
                    " " {move || i18n.p().away_label}
                </label>
            </Show>
        </div>
        <BulkBar selection=selection refresh=refresh/>
        <TicketList empty_text=Signal::derive(move || i18n.t().console_empty) filters=filters staff=true
            selection=selection refresh=refresh/>
        <Shortcuts/>
    }
}
