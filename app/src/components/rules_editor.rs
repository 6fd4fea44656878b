use edgedesk_domain::priority::{Level, Priority, PriorityMatrix};
use edgedesk_domain::workflow::{Rules, SavedRules};
use leptos::prelude::*;

use crate::api;
use crate::components::form_message::FormMessage;
use crate::i18n::use_i18n;
use crate::submit::versioned_message;

/// The priority matrix (impact × urgency) and the reopen window, edited as a grid. The
/// domain refuses a matrix where more impact or urgency lowers the priority.
#[component]
pub fn RulesEditor() -> impl IntoView {
    let i18n = use_i18n();
    let saved = RwSignal::new(None::<SavedRules>);
    let cells = RwSignal::new(PriorityMatrix::default().cells);
    let reopen_days = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, String)>);
    let show = move |rules: SavedRules| {
        cells.set(rules.rules.matrix.cells);
        reopen_days.set(rules.rules.reopen_days.to_string());
        saved.set(Some(rules));
    };
    let loaded = LocalResource::new(api::rules);
    Effect::new(move || {
        if let Some(Ok(rules)) = loaded.get() {
            show(rules);
        }
    });
    let save = Action::new_local(move |rules: &SavedRules| {
        let rules = *rules;
        async move {
            let outcome = api::save_rules(&rules).await;
            let texts = (i18n.p().saved, i18n.p().conflict);
            message.set(Some(versioned_message(outcome, show, texts, |error| i18n.process_error(error))));
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(current) = saved.get_untracked() else { return };
        let rules = Rules {
            matrix: PriorityMatrix { cells: cells.get_untracked() },
            reopen_days: reopen_days.get_untracked().trim().parse().unwrap_or(0),
        };
        // The same check the API makes, before anything is sent.
        if let Err(error) = rules.validate() {
            message.set(Some((false, i18n.process_error(&error))));
            return;
        }
        save.dispatch(SavedRules { rules, version: current.version });
    };
    // Rows from high impact down, columns from low urgency up, as ITIL tables read.
    let rows = [Level::High, Level::Medium, Level::Low];
    // The grid appears with the stored rules, never with defaults a late answer would undo.
    let loading = move || view! { <p role="status" class="muted">{i18n.t().loading}</p> };
    view! {
        <Show when=move || saved.with(Option::is_some) fallback=loading>
        <form class="card form" on:submit=submit aria-labelledby="rules-heading">
            <h2 id="rules-heading" class="section-title">{move || i18n.p().rules_heading}</h2>
            <table class="data-table matrix">
                <thead>
                    <tr>
                        <th scope="col">{move || i18n.p().field_impact} " ↓ · " {move || i18n.p().field_urgency} " →"</th>
                        {Level::ALL.into_iter().map(|urgency| view! { <th scope="col">{move || i18n.p().level(urgency)}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|impact| view! {
                        <tr>
                            <th scope="row">{move || i18n.p().level(impact)}</th>
                            {Level::ALL.into_iter().map(|urgency| {
                                let (row, column) = (impact as usize, urgency as usize);
                                let label = move || format!("{} {} · {} {}", i18n.p().field_impact, i18n.p().level(impact),
                                    i18n.p().field_urgency, i18n.p().level(urgency));
                                view! {
                                    <td>
                                        <select aria-label=label on:change=move |ev| {
                                            if let Some(priority) = Priority::parse(&event_target_value(&ev)) {
                                                cells.update(|cells| cells[row][column] = priority);
                                            }
                                        }>
                                            {Priority::ALL.into_iter().map(|priority| view! {
                                                <option value=priority.as_str()
                                                    selected=move || cells.with(|cells| cells[row][column] == priority)>
                                                    {priority.as_str()}
                                                </option>
                                            }).collect_view()}
                                        </select>
                                    </td>
                                }
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            <div class="field">
                <label for="field-reopen-days">{move || i18n.p().reopen_days_label}</label>
                <input id="field-reopen-days" name="reopen-days" type="number" min="1" max="90" bind:value=reopen_days/>
            </div>
            <FormMessage message=message/>
            <button type="submit" class="button button-primary" disabled=move || save.pending().get()>
                {move || i18n.p().save_rules}
            </button>
        </form>
        </Show>
    }
}
