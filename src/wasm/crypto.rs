//! WebCrypto (`crypto.subtle`) for HMAC-SHA256, SHA-256, RSA-OAEP-SHA256,
//! AES-128-GCM, AES-CBC and PBKDF2: declared as extern methods, so the glue
//! is one small shim per method and no crate is added.
//!
//! Data arguments are JavaScript `BufferSource`s, so bodies and files that
//! are still in JavaScript memory are hashed, verified and decrypted there
//! and never copied into wasm memory (which does not shrink); bytes that are
//! already in wasm cross with [`js_bytes`]. Keys are imported from views of
//! wasm memory (WebCrypto copies them), leaving no copy in the JS heap.

use js_sys::{Array, ArrayBuffer, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    type Crypto;
    /// The global `crypto` (browsers, workerd, Node ≥ 19).
    #[wasm_bindgen(thread_local_v2, js_name = crypto)]
    static CRYPTO: Crypto;
    #[wasm_bindgen(method, getter)]
    fn subtle(this: &Crypto) -> Subtle;

    type Subtle;
    #[wasm_bindgen(method, catch, js_name = importKey)]
    fn import_key(
        this: &Subtle,
        format: &str,
        key: &[u8],
        algorithm: &JsValue,
        extractable: bool,
        usages: &Array,
    ) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn sign(this: &Subtle, algorithm: &str, key: &JsValue, data: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn verify(
        this: &Subtle,
        algorithm: &str,
        key: &JsValue,
        signature: &JsValue,
        data: &JsValue,
    ) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn digest(this: &Subtle, algorithm: &str, data: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn decrypt(this: &Subtle, algorithm: &JsValue, key: &JsValue, data: &JsValue)
        -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn encrypt(this: &Subtle, algorithm: &JsValue, key: &JsValue, data: &JsValue)
        -> Result<Promise, JsValue>;
    #[wasm_bindgen(method, catch, js_name = deriveBits)]
    fn derive_bits(
        this: &Subtle,
        algorithm: &JsValue,
        key: &JsValue,
        length: u32,
    ) -> Result<Promise, JsValue>;
}

/// WebCrypto failed (bad key, failed authentication, unsupported algorithm).
/// Deliberately carries nothing: callers map it to their own answer, and a
/// runtime's message could echo key material.
#[derive(Debug)]
pub struct Failed;

type Outcome<T> = Result<T, Failed>;

fn subtle() -> Outcome<Subtle> {
    let subtle = CRYPTO.with(Crypto::subtle);
    // A runtime without WebCrypto gives `undefined`: fail instead of calling into it.
    if subtle.is_undefined() {
        Err(Failed)
    } else {
        Ok(subtle)
    }
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

/// Bytes in wasm memory as a JavaScript `Uint8Array` (a copy: keys, IVs,
/// envelopes and answers, all small).
pub fn js_bytes(bytes: &[u8]) -> Uint8Array {
    Uint8Array::from(bytes)
}

/// `{ name, ...members }` for an algorithm parameter.
fn algorithm(name: &str, members: &[(&str, JsValue)]) -> JsValue {
    let object = Object::new();
    for (key, value) in std::iter::once(&("name", JsValue::from_str(name))).chain(members) {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

fn usages(list: &[&str]) -> Array {
    list.iter().map(|usage| JsValue::from_str(usage)).collect()
}

async fn import(format: &str, key: &[u8], algorithm: &JsValue, usage: &[&str]) -> Outcome<JsValue> {
    settle(subtle()?.import_key(format, key, algorithm, false, &usages(usage))).await
}

async fn hmac_key(secret: &[u8], usage: &str) -> Outcome<JsValue> {
    let params = algorithm("HMAC", &[("hash", JsValue::from_str("SHA-256"))]);
    import("raw", secret, &params, &[usage]).await
}

/// WebCrypto's constant-time HMAC-SHA256 check of `mac` over `data` (in JavaScript memory).
pub async fn hmac_verify(secret: &[u8], mac: &[u8], data: &Uint8Array) -> Outcome<bool> {
    let key = hmac_key(secret, "verify").await?;
    Ok(settle(subtle()?.verify("HMAC", &key, &js_bytes(mac), data)).await?.as_bool() == Some(true))
}

/// HMAC-SHA256 of `data` (in JavaScript memory).
pub async fn hmac_sign(secret: &[u8], data: &Uint8Array) -> Outcome<Vec<u8>> {
    let key = hmac_key(secret, "sign").await?;
    bytes(subtle()?.sign("HMAC", &key, data)).await
}

/// SHA-256 of `data` (a `Uint8Array` or `ArrayBuffer` in JavaScript memory).
pub async fn sha256(data: &JsValue) -> Outcome<Vec<u8>> {
    bytes(subtle()?.digest("SHA-256", data)).await
}

/// Imports a PKCS#8 RSA key for RSA-OAEP-SHA256 decryption.
pub async fn rsa_oaep_key(pkcs8: &[u8]) -> Outcome<JsValue> {
    let params = algorithm("RSA-OAEP", &[("hash", JsValue::from_str("SHA-256"))]);
    import("pkcs8", pkcs8, &params, &["decrypt"]).await
}

/// RSA-OAEP (SHA-256, MGF1-SHA-256, empty label) decryption.
pub async fn rsa_oaep_decrypt(key: &JsValue, data: &[u8]) -> Outcome<Vec<u8>> {
    bytes(subtle()?.decrypt(&algorithm("RSA-OAEP", &[]), key, &js_bytes(data))).await
}

/// Imports a raw AES key for `name` ("AES-GCM" or "AES-CBC").
pub async fn aes_key(name: &str, raw: &[u8], usage: &[&str]) -> Outcome<JsValue> {
    import("raw", raw, &JsValue::from_str(name), usage).await
}

fn with_iv(name: &str, iv: &[u8]) -> JsValue {
    algorithm(name, &[("iv", js_bytes(iv).into())])
}

/// AES-GCM decryption of `ciphertext || 16-byte tag` (no AAD); fails on a wrong tag.
pub async fn aes_gcm_decrypt(key: &JsValue, iv: &[u8], data: &[u8]) -> Outcome<Vec<u8>> {
    bytes(subtle()?.decrypt(&with_iv("AES-GCM", iv), key, &js_bytes(data))).await
}

/// AES-GCM encryption; the result ends with the 16-byte tag.
pub async fn aes_gcm_encrypt(key: &JsValue, iv: &[u8], data: &[u8]) -> Outcome<Vec<u8>> {
    bytes(subtle()?.encrypt(&with_iv("AES-GCM", iv), key, &js_bytes(data))).await
}

/// AES-CBC decryption with PKCS#7 padding removed (fails on bad padding),
/// of bytes in wasm memory, into wasm memory.
pub async fn aes_cbc_decrypt(raw_key: &[u8], iv: &[u8], data: &[u8]) -> Outcome<Vec<u8>> {
    let key = aes_key("AES-CBC", raw_key, &["decrypt"]).await?;
    bytes(subtle()?.decrypt(&with_iv("AES-CBC", iv), &key, &js_bytes(data))).await
}

/// AES-CBC decryption of `data` in JavaScript memory; the plaintext stays there.
pub async fn aes_cbc_decrypt_js(raw_key: &[u8], iv: &[u8], data: &Uint8Array) -> Outcome<ArrayBuffer> {
    let key = aes_key("AES-CBC", raw_key, &["decrypt"]).await?;
    buffer(subtle()?.decrypt(&with_iv("AES-CBC", iv), &key, data)).await
}

/// PBKDF2 with HMAC-`hash`: `length` bytes derived from `password` and `salt`.
pub async fn pbkdf2(
    password: &[u8],
    salt: &[u8],
    iterations: u32,
    hash: &str,
    length: usize,
) -> Outcome<Vec<u8>> {
    let key = import("raw", password, &JsValue::from_str("PBKDF2"), &["deriveBits"]).await?;
    let params = algorithm(
        "PBKDF2",
        &[
            ("salt", js_bytes(salt).into()),
            ("iterations", JsValue::from(iterations)),
            ("hash", JsValue::from_str(hash)),
        ],
    );
    let bits = u32::try_from(length.saturating_mul(8)).map_err(|_| Failed)?;
    bytes(subtle()?.derive_bits(&params, &key, bits)).await
}
