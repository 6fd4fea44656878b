//! Times as people read them: in their own time zone and language (the browser knows both).

use chrono::{DateTime, Utc};

/// The browser's clock, for countdowns (the server's clocks are computed at its own now).
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// A timestamp in the reader's own time zone and language.
pub fn local(at: DateTime<Utc>, lang: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(at.timestamp_millis() as f64));
    date.to_locale_string(lang, &wasm_bindgen::JsValue::UNDEFINED).into()
}
