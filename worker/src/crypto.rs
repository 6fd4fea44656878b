//! WebCrypto through the Worker's global `crypto`: random tokens, SHA-256, PBKDF2 and HMAC.
//! Native code in workerd does the work, so hashing costs little of the Worker's CPU budget.

use edgedesk_domain::hex::hex;
use edgedesk_domain::ApiError;
use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Crypto, CryptoKey, Pbkdf2Params, SubtleCrypto};

use crate::http;

fn crypto() -> Result<Crypto, ApiError> {
    Reflect::get(&js_sys::global(), &JsValue::from_str("crypto"))
        .map(JsCast::unchecked_into::<Crypto>)
        .map_err(|err| http::internal(format!("no WebCrypto: {err:?}")))
}

fn subtle() -> Result<SubtleCrypto, ApiError> {
    Ok(crypto()?.subtle())
}

fn js_error(context: &'static str) -> impl Fn(JsValue) -> ApiError {
    move |err| http::internal(format!("{context}: {err:?}"))
}

pub fn random_bytes(count: usize) -> Result<Vec<u8>, ApiError> {
    let mut bytes = vec![0u8; count];
    crypto()?.get_random_values_with_u8_array(&mut bytes).map_err(js_error("getRandomValues"))?;
    Ok(bytes)
}

/// 256 random bits as hex: session and status-link tokens.
pub fn random_token() -> Result<String, ApiError> {
    Ok(hex(&random_bytes(32)?))
}

pub async fn sha256_hex(text: &str) -> Result<String, ApiError> {
    let promise =
        subtle()?.digest_with_str_and_u8_array("SHA-256", text.as_bytes()).map_err(js_error("digest"))?;
    let digest = JsFuture::from(promise).await.map_err(js_error("digest"))?;
    Ok(hex(&Uint8Array::new(&digest).to_vec()))
}

/// PBKDF2-HMAC-SHA256, 256 bits.
pub async fn pbkdf2(password: &str, salt: &[u8], iterations: u32) -> Result<Vec<u8>, ApiError> {
    let subtle = subtle()?;
    let usages = Array::of1(&JsValue::from_str("deriveBits"));
    let import = subtle
        .import_key_with_str("raw", &Uint8Array::from(password.as_bytes()), "PBKDF2", false, &usages)
        .map_err(js_error("importKey"))?;
    let key: CryptoKey = JsFuture::from(import).await.map_err(js_error("importKey"))?.unchecked_into();
    let params =
        Pbkdf2Params::new("PBKDF2", &JsValue::from_str("SHA-256"), iterations, &Uint8Array::from(salt));
    let derive = subtle.derive_bits_with_object(&params, &key, 256).map_err(js_error("deriveBits"))?;
    let bits = JsFuture::from(derive).await.map_err(js_error("deriveBits"))?;
    Ok(Uint8Array::new(&bits).to_vec())
}

/// HMAC-SHA256 of `message` under `key` (webhook signatures).
pub async fn hmac_sha256(key: &[u8], message: &[u8]) -> Result<Vec<u8>, ApiError> {
    let subtle = subtle()?;
    let algorithm = js_sys::Object::new();
    Reflect::set(&algorithm, &JsValue::from_str("name"), &JsValue::from_str("HMAC"))
        .map_err(js_error("HMAC"))?;
    Reflect::set(&algorithm, &JsValue::from_str("hash"), &JsValue::from_str("SHA-256"))
        .map_err(js_error("HMAC"))?;
    let usages = Array::of1(&JsValue::from_str("sign"));
    let import = subtle
        .import_key_with_object("raw", &Uint8Array::from(key), &algorithm, false, &usages)
        .map_err(js_error("importKey"))?;
    let key: CryptoKey = JsFuture::from(import).await.map_err(js_error("importKey"))?.unchecked_into();
    let sign = subtle.sign_with_str_and_u8_array("HMAC", &key, message).map_err(js_error("sign"))?;
    let mac = JsFuture::from(sign).await.map_err(js_error("sign"))?;
    Ok(Uint8Array::new(&mac).to_vec())
}

/// The stored hash of a link token (status links, invitations). `None` for text that
/// cannot be one of our tokens (64 hex characters), so no lookup is wasted on it.
pub async fn link_token_hash(token: &str) -> Result<Option<String>, ApiError> {
    if token.len() != 64 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(None);
    }
    sha256_hex(&token.to_ascii_lowercase()).await.map(Some)
}
