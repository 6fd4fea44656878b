//! The console's filter bar: search, one compact picker per filter, the order, and the
//! chosen filters as chips that remove themselves when clicked.

use edgedesk_domain::auth::{Role, Tier};
use edgedesk_domain::category::Category;
use edgedesk_domain::lifecycle::Status;
use edgedesk_domain::priority::Priority;
use edgedesk_domain::queue::Sort;
use edgedesk_domain::ticket::AgentSummary;
use leptos::prelude::*;

use crate::api;
use crate::components::select_field::category_choices;
use crate::i18n::use_i18n;
use crate::session::use_session;

type Options = Vec<(String, String)>;

/// The parameters that narrow a queue (chips), as opposed to choosing it or its order.
const FILTERS: [&str; 6] = ["status", "priority", "tier", "category", "assignee", "q"];

#[component]
pub fn FilterBar(
    params: Signal<Vec<(&'static str, String)>>,
    /// Sets parameters (an empty value removes one).
    change: Callback<Vec<(&'static str, String)>>,
    categories: LocalResource<Vec<Category>>,
    agents: LocalResource<Vec<AgentSummary>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let value = move |key: &str| {
        params.with(|list| {
            list.iter().find(|(name, _)| *name == key).map(|(_, v)| v.clone()).unwrap_or_default()
        })
    };
    let text = RwSignal::new(value("q"));
    // Another view (a queue link, a saved view) brings its own search words.
    Effect::new(move |_| text.set(value("q")));

    /// A filter: its URL key, its label, and its choices.
    type Picker = (&'static str, fn(&crate::i18n::I18n) -> &'static str, Signal<Options>);
    let statuses = move || -> Options {
        Status::ALL
            .into_iter()
            .map(|s| (s.as_str().to_string(), i18n.t().status_for(s, true).to_string()))
            .collect()
    };
    let priorities = move || -> Options {
        Priority::ALL.into_iter().map(|p| (p.as_str().to_string(), p.as_str().to_string())).collect()
    };
    let tiers = move || -> Options {
        Tier::ALL.into_iter().map(|t| (t.as_str().to_string(), i18n.p().tier(t).to_string())).collect()
    };
    let category_options = move || -> Options {
        category_choices(categories.get().unwrap_or_default(), "").into_iter().skip(1).collect()
    };
    let agent_options = move || -> Options {
        agents.get().unwrap_or_default().into_iter().map(|a| (a.id.to_string(), a.name)).collect()
    };
    let pickers: [Picker; 5] = [
        ("status", |i| i.p().field_status, Signal::derive(statuses)),
        ("priority", |i| i.p().field_priority, Signal::derive(priorities)),
        ("tier", |i| i.p().field_tier, Signal::derive(tiers)),
        ("category", |i| i.p().field_category, Signal::derive(category_options)),
        ("assignee", |i| i.p().field_assignee, Signal::derive(agent_options)),
    ];
    let sorts = move || -> Options {
        let p = i18n.p();
        Sort::ALL
            .into_iter()
            .map(|sort| {
                (sort.as_str().to_string(), i18n.c().sort(sort, p.sort_newest, p.sort_oldest).to_string())
            })
            .collect()
    };
    let chosen_sort = move || {
        let chosen = value("sort");
        let queue = edgedesk_domain::queue::Queue::parse(&value("queue")).unwrap_or_default();
        Sort::parse(&chosen).unwrap_or(queue.default_sort()).as_str().to_string()
    };
    // The chips: every chosen filter with the caption its picker shows.
    let chips = move || {
        let mut chips: Vec<(&'static str, String)> = pickers
            .iter()
            .filter_map(|(key, label, options)| {
                let chosen = value(key);
                (!chosen.is_empty()).then(|| {
                    let caption = options
                        .with(|list| list.iter().find(|(v, _)| *v == chosen).map(|(_, c)| c.clone()))
                        .unwrap_or(chosen);
                    (*key, format!("{}: {}", label(&i18n), caption.trim_start_matches("– ")))
                })
            })
            .collect();
        let words = value("q");
        if !words.is_empty() {
            chips.push(("q", format!("{}: {words}", i18n.p().search_label)));
        }
        chips
    };

    // The box shows what the server last accepted.
    let away = RwSignal::new(false);
    let set_away = Action::new_local(move |wanted: &bool| {
        let wanted = *wanted;
        async move {
            if api::set_away(wanted).await.is_ok() {
                away.set(wanted);
            }
        }
    });
    let toggle_away = move |ev: leptos::ev::Event| {
        set_away.dispatch(event_target_checked(&ev));
    };
    let is_agent = move || session.me().is_some_and(|me| me.role == Role::Agent);

    view! {
        <div class="filter-bar" role="group" aria-label=move || i18n.c().filters_label>
            <form role="search" class="search-form" on:submit=move |ev| {
                ev.prevent_default();
                // Search looks across the whole desk, like every desk's search box.
                let words = text.get_untracked().trim().to_string();
                let mut changes = vec![("q", words.clone())];
                if !words.is_empty() {
                    changes.push(("queue", "all".to_string()));
                }
                change.run(changes);
            }>
                <label for="field-search" class="visually-hidden">{move || i18n.p().search_label}</label>
                <input id="field-search" name="q" type="search" class="search-input" bind:value=text
                    placeholder=move || i18n.c().search_placeholder/>
            </form>
            {pickers.into_iter().map(|(key, label, options)| {
                let id = format!("filter-{key}");
                view! {
                    <select id=id name=key class="filter-select" class:filter-active=move || !value(key).is_empty()
                        aria-label=move || label(&i18n)
                        on:change=move |ev| change.run(vec![(key, event_target_value(&ev))])>
                        <option value="" selected=move || value(key).is_empty()>{move || label(&i18n)}</option>
                        {move || options.get().into_iter().map(|(option, caption)| {
                            let selected = value(key) == option;
                            view! { <option value=option selected=selected>{caption}</option> }
                        }).collect_view()}
                    </select>
                }
            }).collect_view()}
            <select id="filter-sort" name="sort" class="filter-select" aria-label=move || i18n.p().sort_label
                on:change=move |ev| change.run(vec![("sort", event_target_value(&ev))])>
                {move || sorts().into_iter().map(|(option, caption)| {
                    let selected = chosen_sort() == option;
                    view! { <option value=option selected=selected>{caption}</option> }
                }).collect_view()}
            </select>
            <Show when=is_agent>
                <label class="checkbox away-toggle">
                    <input type="checkbox" name="away" prop:checked=away disabled=move || set_away.pending().get()
                        on:change=toggle_away/>
                    " " {move || i18n.p().away_label}
                </label>
            </Show>
        </div>
        {move || {
            let chips = chips();
            (!chips.is_empty()).then(|| {
                let several = chips.len() > 1;
                view! {
                    <ul class="chips" aria-label=move || i18n.c().filters_label>
                        {chips.into_iter().map(|(key, caption)| {
                            let label = format!("{} {caption}", i18n.c().filter_remove);
                            view! {
                                <li>
                                    <button type="button" class="chip chip-filter" aria-label=label
                                        on:click=move |_| change.run(vec![(key, String::new())])>
                                        {caption} <span aria-hidden="true">" ×"</span>
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                        {several.then(|| view! {
                            <li>
                                <button type="button" class="button-link" on:click=move |_| {
                                    change.run(FILTERS.iter().map(|key| (*key, String::new())).collect());
                                }>{move || i18n.c().filters_clear}</button>
                            </li>
                        })}
                    </ul>
                }
            })
        }}
    }
}
