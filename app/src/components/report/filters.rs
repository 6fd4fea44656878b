//! The report's filters, kept in the address: each change loads `/reports?…` (so a link
//! shares exactly this report), and the page reads the address back.

use chrono::Duration;
use edgedesk_domain::auth::Tier;
use edgedesk_domain::priority::Priority;
use edgedesk_domain::report::{Dimension, Options, ReportQuery};
use edgedesk_domain::ticket::Channel;
use edgedesk_domain::workflow::Named;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::components::select_field::SelectField;
use crate::i18n::use_i18n;

fn text(value: Option<impl ToString>) -> String {
    value.map(|value| value.to_string()).unwrap_or_default()
}

#[component]
pub fn Filters(query: ReportQuery, options: Options, agent_only: bool) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let filters = &query.filters;
    let from = RwSignal::new(query.from.to_string());
    let to = RwSignal::new(query.to.to_string());
    let priority = RwSignal::new(text(filters.priority.map(Priority::as_str)));
    let tier = RwSignal::new(text(filters.tier.map(Tier::as_str)));
    let category = RwSignal::new(text(filters.category));
    let organisation = RwSignal::new(text(filters.organisation));
    let channel = RwSignal::new(text(filters.channel.map(Channel::as_str)));
    let agent = RwSignal::new(if agent_only { String::new() } else { text(filters.agent) });
    let group = RwSignal::new(query.group.as_str().to_string());
    // What the address says now (an agent's own filter is implied, not shown).
    let shown = {
        let mut shown = query.clone();
        if agent_only {
            shown.filters.agent = None;
        }
        shown.to_query()
    };
    Effect::new(move |_| {
        let pairs = [
            ("from", from.get()),
            ("to", to.get()),
            ("group", group.get()),
            ("priority", priority.get()),
            ("tier", tier.get()),
            ("channel", channel.get()),
            ("category", category.get()),
            ("organisation", organisation.get()),
            ("agent", agent.get()),
        ];
        let wanted = pairs
            .iter()
            .filter(|(_, value)| !value.is_empty())
            .map(|(key, value)| format!("{key}={}", js_sys::encode_uri_component(value)))
            .collect::<Vec<_>>()
            .join("&");
        if wanted != shown {
            navigate(&format!("/reports?{wanted}"), Default::default());
        }
    });
    let any = move || (String::new(), i18n.r().any.to_string());
    let named = |list: Vec<Named>| {
        move || {
            std::iter::once(any())
                .chain(list.iter().map(|n| (n.id.to_string(), n.name.clone())))
                .collect::<Vec<_>>()
        }
    };
    let codes = move |codes: Vec<(&'static str, String)>| {
        std::iter::once(any())
            .chain(codes.into_iter().map(|(code, name)| (code.to_string(), name)))
            .collect::<Vec<_>>()
    };
    let preset = move |days: i64| {
        let mut moved = query.clone();
        moved.from = query.to - Duration::days(days - 1);
        if agent_only {
            moved.filters.agent = None;
        }
        format!("/reports?{}", moved.to_query())
    };
    view! {
        <section class="card report-filters" aria-label=move || i18n.r().filters>
            <div class="filter-row">
                <div class="field">
                    <label for="report-from">{move || i18n.r().from}</label>
                    <input id="report-from" type="date" prop:value=from on:change=move |ev| from.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="report-to">{move || i18n.r().to}</label>
                    <input id="report-to" type="date" prop:value=to on:change=move |ev| to.set(event_target_value(&ev))/>
                </div>
                <nav class="presets" aria-label=move || i18n.r().period>
                    <a href=preset(7)>{move || i18n.r().last_7}</a>
                    <a href=preset(30)>{move || i18n.r().last_30}</a>
                    <a href=preset(90)>{move || i18n.r().last_90}</a>
                </nav>
            </div>
            <div class="filter-row">
                <SelectField name="priority" label=Signal::derive(move || i18n.r().priority) value=priority
                    options=Signal::derive(move || codes(Priority::ALL.iter().map(|p| (p.as_str(), p.as_str().to_string())).collect()))/>
                <SelectField name="tier" label=Signal::derive(move || i18n.r().tier) value=tier
                    options=Signal::derive(move || codes(Tier::ALL.iter().map(|tier| (tier.as_str(), i18n.r().tier_name(*tier).to_string())).collect()))/>
                <SelectField name="channel" label=Signal::derive(move || i18n.r().channel) value=channel
                    options=Signal::derive(move || codes(Channel::ALL.iter().map(|c| (c.as_str(), i18n.r().channel_name(c.as_str()))).collect()))/>
                <SelectField name="category" label=Signal::derive(move || i18n.r().category) value=category
                    options=Signal::derive(named(options.categories.clone()))/>
                <SelectField name="organisation" label=Signal::derive(move || i18n.r().organisation) value=organisation
                    options=Signal::derive(named(options.organisations.clone()))/>
                {(!agent_only).then(|| view! {
                    <SelectField name="agent" label=Signal::derive(move || i18n.r().agent) value=agent
                        options=Signal::derive(named(options.agents.clone()))/>
                })}
                <SelectField name="group" label=Signal::derive(move || i18n.r().group_by) value=group
                    options=Signal::derive(move || Dimension::ALL.iter()
                        .filter(|dimension| !(agent_only && **dimension == Dimension::Agent))
                        .map(|dimension| (dimension.as_str().to_string(), i18n.r().dimension(*dimension).to_string()))
                        .collect::<Vec<_>>())/>
            </div>
        </section>
    }
}
