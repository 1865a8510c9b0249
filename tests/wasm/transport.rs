//! Layer 2: src/wasm/transport.rs and fetch.js through a CloudApiClient
//! whose `fetch` is injected (no network): the request it builds (URL,
//! method, headers, JSON body, `redirect: "manual"`, a timeout signal), both
//! drivers (the JavaScript fast path, and Rust awaiting each attempt when an
//! `onRequest` observer listens), timeouts, redirects refused, retries on the
//! injected clock, Meta's errors and the token scrubbed from them.

use super::{get, object};
use js_sys::{Array, Function, Promise, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;
use whatsapp_edge::wasm::cloud::CloudApiClient;

const TOKEN: &str = "EAAGtest0123456789secretTOKEN";
const MESSAGES: &str = "https://graph.facebook.com/v23.0/106540352242922/messages";
const SENT: &str = r#"{"messaging_product":"whatsapp","contacts":[{"input":"+14155552671","wa_id":"14155552671"}],"messages":[{"id":"wamid.X"}]}"#;

/// A `fetch` that records `[url, init]` in `calls` and runs `body` (JavaScript, with `calls`, `url`, `init` in scope).
fn fetch(calls: &Array, body: &str) -> JsValue {
    Function::new_with_args("calls, url, init", &format!("calls.push([url, init]); {body}"))
        .bind1(&JsValue::NULL, calls)
        .into()
}

/// A client on `fetch`, its waits recorded in `slept`; `observed` adds an `onRequest` that records events there.
fn client(
    fetch: JsValue,
    slept: &Array,
    observed: Option<&Array>,
    extra: &[(&str, JsValue)],
) -> CloudApiClient {
    let sleep = Function::new_with_args("slept, ms", "slept.push(ms); return Promise.resolve();")
        .bind1(&JsValue::NULL, slept);
    let mut options = vec![
        ("accessToken", JsValue::from_str(TOKEN)),
        ("phoneNumberId", "106540352242922".into()),
        ("wabaId", "102290129340398".into()),
        ("fetch", fetch),
        ("sleep", sleep.into()),
    ];
    if let Some(events) = observed {
        options.push((
            "onRequest",
            Function::new_with_args("events, e", "events.push(e)").bind1(&JsValue::NULL, events).into(),
        ));
    }
    options.extend(extra.iter().cloned());
    CloudApiClient::new(object(&options).unchecked_into()).unwrap()
}

fn text_message() -> JsValue {
    JSON::parse(r#"{"messaging_product":"whatsapp","to":"+14155552671","type":"text","text":{"body":"Your order shipped"}}"#).unwrap()
}

async fn settle(promise: Promise) -> Result<JsValue, JsValue> {
    JsFuture::from(promise).await
}

#[wasm_bindgen_test]
async fn the_injected_fetch_gets_the_request_the_client_built_on_both_drivers() {
    for observed in [None, Some(Array::new())] {
        let calls = Array::new();
        let answer = format!("return new Response({SENT:?}, {{ status: 200 }});");
        let client = client(fetch(&calls, &answer), &Array::new(), observed.as_ref(), &[]);
        let sent = settle(client.send_message(text_message(), None)).await.unwrap();
        assert_eq!(get(&get(&get(&sent, "messages"), "0"), "id"), "wamid.X");
        assert_eq!(calls.length(), 1);
        let (url, init) =
            (calls.get(0).unchecked_into::<Array>().get(0), calls.get(0).unchecked_into::<Array>().get(1));
        assert_eq!(url, MESSAGES);
        assert_eq!(get(&init, "method"), "POST");
        assert_eq!(get(&init, "redirect"), "manual", "never followed with the token");
        let headers: web_sys::Headers = get(&init, "headers").unchecked_into();
        assert_eq!(
            headers.get("authorization").unwrap().as_deref(),
            Some(format!("Bearer {TOKEN}").as_str())
        );
        assert_eq!(headers.get("content-type").unwrap().as_deref(), Some("application/json"));
        assert_eq!(
            get(&JSON::parse(&get(&init, "body").as_string().unwrap()).unwrap(), "to"),
            "+14155552671"
        );
        assert_eq!(get(&get(&init, "signal"), "aborted"), false, "a signal for the default 30 s timeout");
        if let Some(events) = observed {
            assert_eq!(events.length(), 1);
            assert_eq!(get(&events.get(0), "status"), 200);
            assert_eq!(get(&events.get(0), "url"), MESSAGES);
        }
    }
}

#[wasm_bindgen_test]
async fn a_fetch_that_never_answers_times_out_on_both_drivers() {
    // Node does not wait for AbortSignal.timeout's timer: the pending fetch
    // holds one of its own, as a real socket would, until the signal aborts it.
    let never = "return new Promise((_, reject) => { const held = setTimeout(() => {}, 60000); \
                 init.signal.addEventListener('abort', () => { clearTimeout(held); reject(init.signal.reason); }); });";
    for observed in [None, Some(Array::new())] {
        let calls = Array::new();
        let extra = [("timeoutMs", JsValue::from(20)), ("retry", object(&[("maxRetries", 0.into())]))];
        let client = client(fetch(&calls, never), &Array::new(), observed.as_ref(), &extra);
        let error = settle(client.list_phone_numbers()).await.unwrap_err();
        assert_eq!(get(&error, "code"), "timeout");
        assert_eq!(get(&error, "retryable"), true);
        assert_eq!(get(&error, "message"), "no response within 20 ms");
        assert_eq!(calls.length(), 1, "no retry with maxRetries 0");
    }
}

#[wasm_bindgen_test]
async fn redirects_are_refused_never_followed() {
    let answers = [
        ("return new Response(null, { status: 302, headers: { location: 'https://evil.example/steal' } });", JsValue::from(302)),
        // What a browser hands back for redirect: "manual".
        ("return { type: 'opaqueredirect', status: 0, body: null, headers: new Headers() };", JsValue::UNDEFINED),
    ];
    for (answer, status) in answers {
        let calls = Array::new();
        let error = settle(client(fetch(&calls, answer), &Array::new(), None, &[]).get_business_profile())
            .await
            .unwrap_err();
        assert_eq!(get(&error, "code"), "invalid_response");
        assert_eq!(get(&error, "status"), status);
        assert_eq!(get(&error, "retryable"), false);
        assert!(get(&error, "message").as_string().unwrap().contains("never follow"));
        assert_eq!(calls.length(), 1, "not retried, not followed");
    }
}

#[wasm_bindgen_test]
async fn network_failures_retry_on_the_injected_clock_and_never_show_the_token() {
    let calls = Array::new();
    let slept = Array::new();
    let failing =
        format!("return Promise.reject(new TypeError('connect failed, Authorization: Bearer {TOKEN}'));");
    let extra = [(
        "retry",
        object(&[("maxRetries", 2.into()), ("baseDelayMs", 10.into()), ("maxDelayMs", 40.into())]),
    )];
    let client = client(fetch(&calls, &failing), &slept, None, &extra);
    let error = settle(client.list_phone_numbers()).await.unwrap_err();
    assert_eq!(get(&error, "code"), "network_error");
    assert_eq!(calls.length(), 3, "the first attempt and two retries");
    assert_eq!(slept.length(), 2);
    assert!(slept.iter().all(|ms| ms.as_f64().is_some_and(|ms| ms <= 40.0)), "waits within maxDelayMs");
    let message = get(&error, "message").as_string().unwrap();
    assert!(message.starts_with("the request did not complete: "), "{message}");
    assert!(!message.contains(TOKEN), "{message}");
}

#[wasm_bindgen_test]
async fn metas_error_answers_become_coded_errors_and_retry_after_is_waited() {
    let calls = Array::new();
    let slept = Array::new();
    let answers = format!(
        "return calls.length === 1 \
           ? new Response(JSON.stringify({{ error: {{ message: '(#130429) Rate limit hit', code: 130429, fbtrace_id: 'T' }} }}), {{ status: 429, headers: {{ 'retry-after': '2' }} }}) \
           : new Response({SENT:?}, {{ status: 200 }});"
    );
    let client = client(fetch(&calls, &answers), &slept, None, &[]);
    settle(client.send_message(text_message(), None)).await.unwrap();
    assert_eq!(calls.length(), 2);
    assert_eq!(slept.to_vec(), [JsValue::from(2000)], "Retry-After: 2 is two seconds");
    let refusing = "return new Response(JSON.stringify({ error: { message: '(#131047) Re-engagement message', code: 131047, fbtrace_id: 'T' } }), { status: 400 });";
    let error = settle(client_with(refusing).send_message(text_message(), None)).await.unwrap_err();
    assert_eq!(get(&error, "code"), "recipient_error");
    assert_eq!(get(&error, "status"), 400);
    assert_eq!(get(&error, "metaCode"), 131047);
    let not_json = "return new Response('<html>', { status: 200 });";
    let error = settle(client_with(not_json).list_phone_numbers()).await.unwrap_err();
    assert_eq!(get(&error, "code"), "invalid_response");
    assert_eq!(get(&error, "message"), "HTTP 200 with a body that is not JSON");
}

fn client_with(answer: &str) -> CloudApiClient {
    client(fetch(&Array::new(), answer), &Array::new(), None, &[])
}
