use edgedesk_domain::sla::calendar::{Calendar, Holiday, OpeningHours, WEEKDAYS};
use edgedesk_domain::sla::SlaSettings;
use leptos::prelude::*;

use super::policy_table::fresh_id;
use crate::i18n::use_i18n;

fn office_hours() -> Vec<OpeningHours> {
    WEEKDAYS[..5]
        .iter()
        .map(|day| OpeningHours { day: (*day).into(), opens: "08:00".into(), closes: "16:00".into() })
        .collect()
}

/// Every calendar: name, time zone, around the clock or weekly hours, and holidays.
#[component]
pub fn CalendarEditor(
    settings: RwSignal<SlaSettings>,
    generation: RwSignal<u32>,
    zones: RwSignal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let count = Memo::new(move |_| settings.with(|s| s.calendars.len()));
    let add = move |_| {
        settings.update(|s| {
            let id = fresh_id("calendar", s.calendars.iter().map(|c| c.id.as_str()));
            s.calendars.push(Calendar {
                name: id.clone(),
                id,
                zone: "Europe/Copenhagen".into(),
                hours: Some(office_hours()),
                holidays: Vec::new(),
            });
        })
    };
    view! {
        <section aria-labelledby="calendars-heading">
            <h2 id="calendars-heading" class="subsection-title">{move || i18n.s().calendars_heading}</h2>
            {move || {
                generation.track();
                (0..count.get()).map(|index| view! { <CalendarCard index settings zones/> }).collect_view()
            }}
            <button type="button" class="button" on:click=add>{move || i18n.s().add_calendar}</button>
        </section>
    }
}

#[component]
fn CalendarCard(
    index: usize,
    settings: RwSignal<SlaSettings>,
    zones: RwSignal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let Some(calendar) = settings.with_untracked(|s| s.calendars.get(index).cloned()) else {
        return ().into_any();
    };
    let edit = move |change: &dyn Fn(&mut Calendar)| {
        settings.update(|s| {
            if let Some(calendar) = s.calendars.get_mut(index) {
                change(calendar);
            }
        })
    };
    let hours_count = Memo::new(move |_| {
        settings.with(|s| s.calendars.get(index).and_then(|c| c.hours.as_ref().map(Vec::len)))
    });
    let holiday_count =
        Memo::new(move |_| settings.with(|s| s.calendars.get(index).map_or(0, |c| c.holidays.len())));
    let s = i18n.s();
    let heading = format!("calendar-heading-{index}");
    let labelled_by = heading.clone();
    let name = calendar.name.clone();
    let label = move |what: &str| format!("{what} · {name}");
    // Referenced calendars cannot go; the domain refuses, and the message says which.
    let remove = move |_| {
        settings.update(|s| {
            if index < s.calendars.len() {
                s.calendars.remove(index);
            }
        })
    };
    view! {
        <fieldset class="card sla-calendar" aria-labelledby=labelled_by>
            <legend id=heading>{calendar.name.clone()}</legend>
            <div class="field">
                <label for=format!("calendar-name-{index}")>{s.calendar_name}</label>
                <input id=format!("calendar-name-{index}") type="text" value=calendar.name.clone()
                    on:input=move |ev| { let v = event_target_value(&ev); edit(&|c| c.name = v.clone()) }/>
            </div>
            <div class="field">
                <label for=format!("calendar-zone-{index}")>{s.zone}</label>
                <select id=format!("calendar-zone-{index}") on:change=move |ev| { let v = event_target_value(&ev); edit(&|c| c.zone = v.clone()) }>
                    {zones.get_untracked().into_iter().map(|zone| {
                        let selected = zone == calendar.zone;
                        let value = zone.clone();
                        view! { <option value=value selected=selected>{zone}</option> }
                    }).collect_view()}
                </select>
            </div>
            <label class="checkbox">
                <input type="checkbox" checked=calendar.hours.is_none()
                    on:change=move |ev| {
                        let always = event_target_checked(&ev);
                        edit(&|c| c.hours = (!always).then(office_hours))
                    }/>
                " " {s.around_the_clock}
            </label>
            {move || hours_count.get().map(|rows| view! {
                <h3 class="subsection-title">{i18n.s().hours_heading}</h3>
                <ul class="sla-rows">
                    {(0..rows).map(|row| view! { <HoursRow index row settings/> }).collect_view()}
                </ul>
                <button type="button" class="button button-small" on:click=move |_| edit(&|c| {
                    if let Some(hours) = c.hours.as_mut() {
                        hours.push(OpeningHours { day: "sat".into(), opens: "10:00".into(), closes: "14:00".into() });
                    }
                })>{i18n.s().add_hours}</button>
            })}
            <h3 class="subsection-title">{s.holidays_heading}</h3>
            {move || view! {
                <ul class="sla-rows">
                    {(0..holiday_count.get()).map(|row| view! { <HolidayRow index row settings/> }).collect_view()}
                </ul>
            }}
            <div class="button-row">
                <button type="button" class="button button-small" on:click=move |_| edit(&|c| c.holidays.push(Holiday {
                    date: String::new(),
                    name: String::new(),
                    closed_from: None,
                    closed_until: None,
                }))>{s.add_holiday}</button>
                <button type="button" class="button button-small" aria-label=label(s.remove_calendar) on:click=remove>
                    {s.remove_calendar}
                </button>
            </div>
        </fieldset>
    }
    .into_any()
}

#[component]
fn HoursRow(index: usize, row: usize, settings: RwSignal<SlaSettings>) -> impl IntoView {
    let i18n = use_i18n();
    let Some(hours) = settings.with_untracked(|s| s.calendars.get(index)?.hours.as_ref()?.get(row).cloned())
    else {
        return ().into_any();
    };
    let edit = move |change: &dyn Fn(&mut OpeningHours)| {
        settings.update(|s| {
            if let Some(hours) =
                s.calendars.get_mut(index).and_then(|c| c.hours.as_mut()).and_then(|h| h.get_mut(row))
            {
                change(hours);
            }
        })
    };
    let s = i18n.s();
    let day_name = |day: &str| WEEKDAYS.iter().position(|d| *d == day).map_or("", |i| s.weekdays[i]);
    let label = format!("{} {}", day_name(&hours.day), hours.opens);
    view! {
        <li class="sla-row">
            <select aria-label=format!("{} · {label}", s.day) on:change=move |ev| { let v = event_target_value(&ev); edit(&|h| h.day = v.clone()) }>
                {WEEKDAYS.iter().map(|day| view! { <option value=*day selected=hours.day == *day>{day_name(day)}</option> }).collect_view()}
            </select>
            <input type="time" aria-label=format!("{} · {label}", s.opens) value=hours.opens.clone()
                on:input=move |ev| { let v = event_target_value(&ev); edit(&|h| h.opens = v.clone()) }/>
            <input type="time" aria-label=format!("{} · {label}", s.closes) value=hours.closes.clone()
                on:input=move |ev| { let v = event_target_value(&ev); edit(&|h| h.closes = v.clone()) }/>
            <button type="button" class="button button-small" aria-label=format!("{} · {label}", s.remove)
                on:click=move |_| settings.update(|s| {
                    if let Some(hours) = s.calendars.get_mut(index).and_then(|c| c.hours.as_mut()) {
                        if row < hours.len() { hours.remove(row); }
                    }
                })>{s.remove}</button>
        </li>
    }
    .into_any()
}

#[component]
fn HolidayRow(index: usize, row: usize, settings: RwSignal<SlaSettings>) -> impl IntoView {
    let i18n = use_i18n();
    let Some(holiday) = settings.with_untracked(|s| s.calendars.get(index)?.holidays.get(row).cloned())
    else {
        return ().into_any();
    };
    let edit = move |change: &dyn Fn(&mut Holiday)| {
        settings.update(|s| {
            if let Some(holiday) = s.calendars.get_mut(index).and_then(|c| c.holidays.get_mut(row)) {
                change(holiday);
            }
        })
    };
    let optional = |text: String| (!text.trim().is_empty()).then_some(text);
    let s = i18n.s();
    let n = row + 1;
    view! {
        <li class="sla-row">
            <input type="date" aria-label=format!("{} {n}", s.holiday_date) value=holiday.date.clone()
                on:input=move |ev| { let v = event_target_value(&ev); edit(&|h| h.date = v.clone()) }/>
            <input type="text" aria-label=format!("{} {n}", s.holiday_name) value=holiday.name.clone()
                on:input=move |ev| { let v = event_target_value(&ev); edit(&|h| h.name = v.clone()) }/>
            <input type="time" aria-label=format!("{} {n}", s.closed_from) value=holiday.closed_from.clone().unwrap_or_default()
                on:input=move |ev| { let v = optional(event_target_value(&ev)); edit(&|h| h.closed_from = v.clone()) }/>
            <input type="time" aria-label=format!("{} {n}", s.closed_until) value=holiday.closed_until.clone().unwrap_or_default()
                on:input=move |ev| { let v = optional(event_target_value(&ev)); edit(&|h| h.closed_until = v.clone()) }/>
            <button type="button" class="button button-small" aria-label=format!("{} · {} {n}", s.remove, s.holiday_name)
                on:click=move |_| settings.update(|s| {
                    if let Some(calendar) = s.calendars.get_mut(index) {
                        if row < calendar.holidays.len() { calendar.holidays.remove(row); }
                    }
                })>{s.remove}</button>
        </li>
    }
    .into_any()
}
