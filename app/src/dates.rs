//! Times as people read them: in their own time zone and language (the browser knows both).

use chrono::{DateTime, Utc};

/// The browser's clock, for countdowns (the server's clocks are computed at its own now).
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// A timestamp in the reader's own time zone and language, to the minute ("2 Dec 2026,
/// 15:54"). The browser's own locale decides the order and clock when it speaks the
/// chosen language (en-GB and en-US differ); otherwise the language's default.
pub fn local(at: DateTime<Utc>, lang: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at.timestamp_millis() as f64));
    let browser = web_sys::window().and_then(|window| window.navigator().language());
    let locale =
        browser.filter(|tag| tag.split('-').next() == Some(lang)).unwrap_or_else(|| lang.to_string());
    let options = js_sys::Object::new();
    for (key, value) in [("dateStyle", "medium"), ("timeStyle", "short")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_string(&locale, &options).into()
}

/// A time as a `datetime-local` input shows it: the reader's own time zone, to the minute.
pub fn to_input(at: DateTime<Utc>) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at.timestamp_millis() as f64));
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// What a `datetime-local` input holds, read in the reader's time zone; `None` when empty
/// or not a time.
pub fn from_input(value: &str) -> Option<DateTime<Utc>> {
    if value.trim().is_empty() {
        return None;
    }
    // Without a zone, JavaScript reads a date-time form as local time.
    let millis = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(value)).get_time();
    (!millis.is_nan()).then(|| DateTime::from_timestamp_millis(millis as i64)).flatten()
}
