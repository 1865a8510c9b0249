//! WebCrypto (`crypto.subtle`) for HMAC-SHA256, SHA-256, RSA-OAEP-SHA256,
//! AES-128-GCM, AES-CBC and PBKDF2, through web-sys's typed `SubtleCrypto`,
//! `CryptoKey` and algorithm dictionaries.
//!
//! Data arguments that are still in JavaScript memory (bodies, files) are
//! `BufferSource`s hashed, verified and decrypted there, never copied into
//! wasm memory (which does not shrink). Bytes already in wasm cross as views
//! of wasm memory (web-sys's `&[u8]` variants), which WebCrypto copies when
//! it is called. Keys are imported from a JavaScript copy that is zeroed as
//! soon as `importKey` has taken its own (web-sys has no `&[u8]` variant of
//! it), so no key material stays in the JS heap.

use js_sys::{Array, ArrayBuffer, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    AesCbcParams, AesGcmParams, Algorithm, CryptoKey, HmacImportParams, Pbkdf2Params, RsaHashedImportParams,
    RsaOaepParams, SubtleCrypto,
};

/// WebCrypto failed (bad key, failed authentication, unsupported algorithm).
/// Deliberately carries nothing: callers map it to their own answer, and a
/// runtime's message could echo key material.
#[derive(Debug)]
pub struct Failed;

type Outcome<T> = Result<T, Failed>;

/// `globalThis.crypto.subtle`, looked up once. web-sys reaches `crypto` only
/// through `Window` or `WorkerGlobalScope`, and Node's global object is
/// neither: the global is read off `globalThis` and cast to `web_sys::Crypto`.
fn subtle() -> Outcome<SubtleCrypto> {
    thread_local! {
        static SUBTLE: Option<SubtleCrypto> = Reflect::get(&js_sys::global(), &JsValue::from_str("crypto"))
            .ok()
            .filter(JsValue::is_object)
            .map(|crypto| crypto.unchecked_into::<web_sys::Crypto>().subtle())
            // A runtime without WebCrypto (or an insecure browser context) has no `subtle`.
            .filter(|subtle| subtle.is_object());
    }
    SUBTLE.with(Clone::clone).ok_or(Failed)
}

async fn settle(promise: Result<Promise, JsValue>) -> Outcome<JsValue> {
    JsFuture::from(promise.map_err(|_| Failed)?).await.map_err(|_| Failed)
}

/// The `ArrayBuffer` a WebCrypto call resolved to, left in JavaScript memory.
async fn buffer(promise: Result<Promise, JsValue>) -> Outcome<ArrayBuffer> {
    settle(promise).await?.dyn_into::<ArrayBuffer>().map_err(|_| Failed)
}

/// A WebCrypto result copied into wasm memory. The JavaScript buffer is
/// zeroed after the copy: results that cross include decrypted keys, and the
/// JS heap would otherwise keep them until the collector reuses the memory.
async fn bytes(promise: Result<Promise, JsValue>) -> Outcome<Vec<u8>> {
    let view = Uint8Array::new(&buffer(promise).await?.into());
    let copied = view.to_vec();
    view.fill(0, 0, view.length());
    Ok(copied)
}

/// Bytes in wasm memory as a JavaScript `Uint8Array` (a copy: for bytes that
/// are joined with others in JavaScript memory, or outlive the call).
pub fn js_bytes(bytes: &[u8]) -> Uint8Array {
    Uint8Array::from(bytes)
}

/// Imports `key` (raw or PKCS#8) for `usages`, not extractable.
async fn import(format: &str, key: &[u8], algorithm: &Object, usages: &[&str]) -> Outcome<CryptoKey> {
    let usages: Array = usages.iter().map(|usage| JsValue::from_str(usage)).collect();
    let data = js_bytes(key);
    let imported = subtle()?.import_key_with_object(format, &data, algorithm, false, &usages);
    // importKey has copied the key by the time it returns its promise.
    data.fill(0, 0, data.length());
    // WebCrypto resolves importKey to a CryptoKey.
    Ok(settle(imported).await?.unchecked_into())
}

async fn hmac_key(secret: &[u8], usage: &str) -> Outcome<CryptoKey> {
    import("raw", secret, &HmacImportParams::new_with_str("HMAC", "SHA-256"), &[usage]).await
}

/// WebCrypto's constant-time HMAC-SHA256 check of `mac` over `data` (in JavaScript memory).
pub async fn hmac_verify(secret: &[u8], mac: &[u8], data: &Uint8Array) -> Outcome<bool> {
    let key = hmac_key(secret, "verify").await?;
    let verified = subtle()?.verify_with_str_and_u8_array_and_buffer_source("HMAC", &key, mac, data);
    Ok(settle(verified).await?.as_bool() == Some(true))
}

/// HMAC-SHA256 of `data` (in JavaScript memory).
pub async fn hmac_sign(secret: &[u8], data: &Uint8Array) -> Outcome<Vec<u8>> {
    let key = hmac_key(secret, "sign").await?;
    bytes(subtle()?.sign_with_str_and_buffer_source("HMAC", &key, data)).await
}

/// SHA-256 of `data` (a `Uint8Array` or `ArrayBuffer` in JavaScript memory).
pub async fn sha256(data: &Object) -> Outcome<Vec<u8>> {
    bytes(subtle()?.digest_with_str_and_buffer_source("SHA-256", data)).await
}

/// Imports a PKCS#8 RSA key for RSA-OAEP-SHA256 decryption.
pub async fn rsa_oaep_key(pkcs8: &[u8]) -> Outcome<CryptoKey> {
    let params = RsaHashedImportParams::new_with_str("SHA-256");
    // RsaHashedImportParams extends the Algorithm dictionary, whose `name` web-sys sets there.
    params.unchecked_ref::<Algorithm>().set_name("RSA-OAEP");
    import("pkcs8", pkcs8, &params, &["decrypt"]).await
}

/// RSA-OAEP (SHA-256, MGF1-SHA-256, empty label) decryption.
pub async fn rsa_oaep_decrypt(key: &CryptoKey, data: &[u8]) -> Outcome<Vec<u8>> {
    bytes(subtle()?.decrypt_with_object_and_u8_array(&RsaOaepParams::new("RSA-OAEP"), key, data)).await
}

/// Imports a raw AES key for `name` ("AES-GCM" or "AES-CBC").
pub async fn aes_key(name: &str, raw: &[u8], usage: &[&str]) -> Outcome<CryptoKey> {
    import("raw", raw, &Algorithm::new(name), usage).await
}

fn gcm(iv: &[u8]) -> AesGcmParams {
    AesGcmParams::new("AES-GCM", &js_bytes(iv))
}

fn cbc(iv: &[u8]) -> AesCbcParams {
    AesCbcParams::new("AES-CBC", &js_bytes(iv))
}

/// AES-GCM decryption of `ciphertext || 16-byte tag` (no AAD); fails on a wrong tag.
pub async fn aes_gcm_decrypt(key: &CryptoKey, iv: &[u8], data: &[u8]) -> Outcome<Vec<u8>> {
    bytes(subtle()?.decrypt_with_object_and_u8_array(&gcm(iv), key, data)).await
}

/// AES-GCM encryption; the result ends with the 16-byte tag.
pub async fn aes_gcm_encrypt(key: &CryptoKey, iv: &[u8], data: &[u8]) -> Outcome<Vec<u8>> {
    bytes(subtle()?.encrypt_with_object_and_u8_array(&gcm(iv), key, data)).await
}

/// AES-CBC decryption with PKCS#7 padding removed (fails on bad padding),
/// of bytes in wasm memory, into wasm memory.
pub async fn aes_cbc_decrypt(raw_key: &[u8], iv: &[u8], data: &[u8]) -> Outcome<Vec<u8>> {
    let key = aes_key("AES-CBC", raw_key, &["decrypt"]).await?;
    bytes(subtle()?.decrypt_with_object_and_u8_array(&cbc(iv), &key, data)).await
}

/// AES-CBC decryption of `data` in JavaScript memory; the plaintext stays there.
pub async fn aes_cbc_decrypt_js(raw_key: &[u8], iv: &[u8], data: &Uint8Array) -> Outcome<ArrayBuffer> {
    let key = aes_key("AES-CBC", raw_key, &["decrypt"]).await?;
    buffer(subtle()?.decrypt_with_object_and_buffer_source(&cbc(iv), &key, data)).await
}

/// PBKDF2 with HMAC-`hash`: `length` bytes derived from `password` and `salt`.
pub async fn pbkdf2(
    password: &[u8],
    salt: &[u8],
    iterations: u32,
    hash: &str,
    length: usize,
) -> Outcome<Vec<u8>> {
    let key = import("raw", password, &Algorithm::new("PBKDF2"), &["deriveBits"]).await?;
    let params = Pbkdf2Params::new_with_str("PBKDF2", hash, iterations, &js_bytes(salt));
    let bits = u32::try_from(length.saturating_mul(8)).map_err(|_| Failed)?;
    bytes(subtle()?.derive_bits_with_object(&params, &key, bits)).await
}
