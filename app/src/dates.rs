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
