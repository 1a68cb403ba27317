//! Redirect payments and status polling in headless Chromium, against the local sandbox:
//! 3-D Secure authorized and declined, a redirect source, delayed completion, faults in the
//! middle of polling, budget exhaustion, hidden pages, hostile server text.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::disallowed_macros, clippy::disallowed_methods)] // clippy.toml's rules are for the wasm, not tests

mod common;

use std::cell::Cell;
use std::rc::Rc;

use common::*;
use js_sys::Promise;
use omise_checkout::OmiseCheckout;
use omise_checkout_core::locale::Locale;
use omise_checkout_core::messages::{self, Message};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, RequestInit, RequestRedirect};

wasm_bindgen_test_configure!(run_in_browser);

struct Shop {
    key: String,
    checkout: OmiseCheckout,
}

async fn shop(locale: &str) -> Shop {
    let key = fresh_key().await;
    let checkout = OmiseCheckout::new(options(&key, &[("locale", locale.into())])).unwrap();
    Shop { key, checkout }
}

impl Shop {
    async fn token(&self, number: &str) -> String {
        let card = obj(&[
            ("name", "TARO YAMADA".into()),
            ("number", number.into()),
            ("expiration_month", 12.into()),
            ("expiration_year", 2031.into()),
            ("security_code", "123".into()),
        ]);
        let r = JsFuture::from(self.checkout.create_token(card)).await.unwrap();
        text(&get(&r, "token"), "id")
    }

    /// What the merchant's server does: a charge with the secret key (the sandbox's demo backend).
    async fn order(&self, payment: (&str, &str), settle_ms: u32) -> JsValue {
        let body = format!(
            r#"{{"{}":"{}","amount":100000,"currency":"thb","publicKey":"{}","settleDelayMs":{settle_ms},"returnUri":"{}/complete.html"}}"#,
            payment.0,
            payment.1,
            self.key,
            sandbox()
        );
        call("POST", "/demo/orders", Some(&body)).await
    }

    async fn poll(&self, options: JsValue) -> JsValue {
        let p: Promise = self.checkout.poll_status(options).unwrap();
        JsFuture::from(p).await.unwrap()
    }
}

/// The customer's decision on the sandbox's 3-D Secure / bank page (posted as the page's form
/// would, without leaving the test page).
async fn decide(authorize_uri: &str, decision: &str) {
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_redirect(RequestRedirect::Manual);
    let headers = web_sys::Headers::new().unwrap();
    headers.set("Content-Type", "application/x-www-form-urlencoded").unwrap();
    init.set_headers(&headers);
    init.set_body(&JsValue::from_str(&format!("decision={decision}")));
    let w = web_sys::window().unwrap();
    JsFuture::from(w.fetch_with_str_and_init(authorize_uri, &init)).await.unwrap();
}

fn status_el(target: &Element) -> Element {
    target.query_selector(".omise-status").unwrap().expect("a status element in the target")
}

fn en(m: Message) -> &'static str {
    m.text(Locale::En)
}

#[wasm_bindgen_test]
async fn three_d_secure_authorized_after_a_delay_polls_until_success() {
    let shop = shop("en").await;
    let token = shop.token("4111111111111111").await;
    let order = shop.order(("token", &token), 1500).await;
    assert_eq!(text(&order, "status"), "pending", "{}", json(&order));
    let uri = text(&order, "authorizeUri");
    decide(&uri, "authorize").await;
    let target = container();
    let updates = Rc::new(Cell::new(0));
    let u = updates.clone();
    let on_update = Closure::<dyn FnMut(JsValue)>::new(move |_| u.set(u.get() + 1));
    let started = js_sys::Date::now();
    let outcome = shop
        .poll(obj(&[
            ("statusUrl", text(&order, "statusUrl").into()),
            ("target", target.clone().into()),
            ("interval", 250.into()),
            ("onUpdate", on_update.as_ref().clone()),
        ]))
        .await;
    assert_eq!(text(&outcome, "state"), "succeeded", "{}", json(&outcome));
    assert_eq!(text(&outcome, "status"), "successful");
    assert!(js_sys::Date::now() - started >= 1000.0, "polling waited for the delayed completion");
    assert!(updates.get() >= 1, "the pending state was shown while waiting");
    let el = status_el(&target);
    assert_eq!(el.text_content().unwrap_or_default(), en(Message::StatusSuccessful));
    assert_eq!(el.get_attribute("role").as_deref(), Some("status"));
    assert!(el.class_list().contains("omise-status--success"));
}

#[wasm_bindgen_test]
async fn three_d_secure_declined_is_a_localized_failure() {
    let shop = shop("ja").await;
    let token = shop.token("5454545454545454").await;
    let order = shop.order(("token", &token), 0).await;
    decide(&text(&order, "authorizeUri"), "decline").await;
    let target = container();
    let outcome = shop
        .poll(obj(&[("statusUrl", text(&order, "statusUrl").into()), ("target", target.clone().into())]))
        .await;
    assert_eq!(text(&outcome, "state"), "failed");
    assert_eq!(text(&outcome, "failureCode"), "payment_rejected");
    let want = messages::failure("payment_rejected").text(Locale::Ja);
    assert_eq!(text(&outcome, "message"), want);
    assert_eq!(status_el(&target).text_content().unwrap_or_default(), want);
    assert!(status_el(&target).class_list().contains("omise-status--failure"));
}

#[wasm_bindgen_test]
async fn three_d_secure_failure_card_fails_even_when_authorized() {
    let shop = shop("th").await;
    let token = shop.token("4111111111140003").await;
    let order = shop.order(("token", &token), 0).await;
    decide(&text(&order, "authorizeUri"), "authorize").await;
    // With the public key, as the mobile SDKs do: the token's charge_status.
    let outcome = shop.poll(obj(&[("tokenId", token.clone().into()), ("interval", 250.into())])).await;
    assert_eq!(text(&outcome, "state"), "failed", "{}", json(&outcome));
}

#[wasm_bindgen_test]
async fn redirect_source_polled_with_the_public_key() {
    let shop = shop("en").await;
    // Rabbit LINE Pay: a redirect source (Thai internet banking was discontinued in 2025).
    let params =
        obj(&[("type", "rabbit_linepay".into()), ("amount", 100000.into()), ("currency", "thb".into())]);
    let r = JsFuture::from(shop.checkout.create_source(params)).await.unwrap();
    let source = get(&r, "source");
    assert_eq!(text(&source, "flow"), "redirect", "{}", json(&r));
    let id = text(&source, "id");
    let order = shop.order(("source", &id), 0).await;
    decide(&text(&order, "authorizeUri"), "authorize").await;
    let outcome = shop.poll(obj(&[("sourceId", id.into()), ("interval", 250.into())])).await;
    assert_eq!(text(&outcome, "state"), "succeeded", "{}", json(&outcome));
    // A bad source request is refused before anything is sent.
    let r = JsFuture::from(shop.checkout.create_source(obj(&[("type", "x y".into())]))).await.unwrap();
    assert_eq!(text(&get(&r, "error"), "code"), "bad_request");
}

#[wasm_bindgen_test]
async fn status_endpoint_failing_three_times_then_answering() {
    let shop = shop("en").await;
    let token = shop.token("4242424242424242").await;
    let order = shop.order(("token", &token), 0).await;
    let status_url = text(&order, "statusUrl");
    let path = status_url.trim_start_matches(sandbox()).to_string();
    call("POST", "/__sandbox/faults", Some(&format!(r#"{{"path":"{path}","fault":"503","times":3}}"#))).await;
    let outcome = shop.poll(obj(&[("statusUrl", status_url.into()), ("interval", 250.into())])).await;
    assert_eq!(text(&outcome, "state"), "succeeded", "{}", json(&outcome));
    let count = get(&call("GET", &format!("/__sandbox/requests?path={path}"), None).await, "count");
    assert_eq!(count.as_f64(), Some(4.0), "three 503s, then the answer");
}

#[wasm_bindgen_test]
async fn budget_exhausted_while_pending_is_order_received_not_an_error() {
    let shop = shop("en").await;
    let token = shop.token("3566111111111113").await;
    let order = shop.order(("token", &token), 0).await; // never authorized: stays pending
    let target = container();
    let outcome = shop
        .poll(obj(&[
            ("statusUrl", text(&order, "statusUrl").into()),
            ("target", target.clone().into()),
            ("interval", 250.into()),
            ("maxWait", 1500.into()),
        ]))
        .await;
    assert_eq!(text(&outcome, "state"), "pending");
    assert!(get(&outcome, "error").is_undefined());
    assert_eq!(status_el(&target).text_content().unwrap_or_default(), en(Message::StatusStillConfirming));
    assert!(status_el(&target).class_list().contains("omise-status--pending"));
}

#[wasm_bindgen_test]
async fn unknown_order_stops_with_an_error() {
    let shop = shop("en").await;
    let url = format!("{}/demo/orders/ord_doesnotexist", sandbox());
    let outcome = shop.poll(obj(&[("statusUrl", url.into())])).await;
    assert_eq!(text(&outcome, "state"), "failed");
    assert_eq!(text(&get(&outcome, "error"), "code"), "not_found");
}

#[wasm_bindgen_test]
async fn hostile_server_text_is_inert() {
    let shop = shop("en").await;
    let hostile = r#"{"status":"failed","failure_code":"<img src=x onerror=alert(1)>","failure_message":"<script>alert(1)</script><b>bold</b>"}"#;
    let url =
        format!("{}/__sandbox/echo?json={}", sandbox(), String::from(js_sys::encode_uri_component(hostile)));
    let target = container();
    let outcome = shop.poll(obj(&[("statusUrl", url.into()), ("target", target.clone().into())])).await;
    assert_eq!(text(&outcome, "state"), "failed");
    // The merchant's page gets a code it can compare, never the server's markup.
    assert_eq!(text(&outcome, "failureCode"), "unknown", "{}", json(&outcome));
    let el = status_el(&target);
    assert_eq!(el.child_element_count(), 0, "no element was created from server text");
    assert_eq!(el.text_content().unwrap_or_default(), en(Message::FailureGeneric));
    assert!(!target.inner_html().contains("<script"), "{}", target.inner_html());
    // statusMessage never echoes server text either.
    let m = shop.checkout.status_message(
        obj(&[("status", "failed".into()), ("failure_code", "<b>x</b>".into())]),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
    );
    assert_eq!(text(&m, "text"), en(Message::FailureGeneric));
    assert_eq!(text(&m, "kind"), "failure");
}

#[wasm_bindgen_test]
async fn hidden_page_pauses_polling_and_destroy_stops_it() {
    let shop = shop("en").await;
    let token = shop.token("4111111111111111").await;
    let order = shop.order(("token", &token), 0).await;
    let status_url = text(&order, "statusUrl");
    let path = status_url.trim_start_matches(sandbox()).to_string();
    let count = || {
        let path = path.clone();
        async move {
            get(&call("GET", &format!("/__sandbox/requests?path={path}"), None).await, "count")
                .as_f64()
                .unwrap()
        }
    };
    let document = web_sys::window().unwrap().document().unwrap();
    let set_hidden = |hidden: bool| {
        let getter =
            js_sys::Function::new_no_args(if hidden { "return 'hidden'" } else { "return 'visible'" });
        let desc = obj(&[("get", getter.into()), ("configurable", true.into())]);
        js_sys::Object::define_property(document.as_ref(), &"visibilityState".into(), desc.unchecked_ref());
        document.dispatch_event(&web_sys::Event::new("visibilitychange").unwrap()).unwrap();
    };
    let p: Promise = shop
        .checkout
        .poll_status(obj(&[("statusUrl", status_url.into()), ("interval", 250.into())]))
        .unwrap();
    sleep(600).await;
    set_hidden(true);
    sleep(200).await;
    let paused_at = count().await;
    sleep(1200).await;
    assert_eq!(count().await, paused_at, "no request while the page is hidden");
    set_hidden(false);
    sleep(400).await;
    assert!(count().await > paused_at, "polling resumes when the page is visible");
    let destroy: js_sys::Function = get(&p, "destroy").unchecked_into();
    destroy.call0(&JsValue::UNDEFINED).unwrap();
    let outcome = JsFuture::from(p).await.unwrap();
    assert_eq!(get(&outcome, "stopped").as_bool(), Some(true));
    let stopped_at = count().await;
    sleep(1200).await;
    assert_eq!(count().await, stopped_at, "no request after destroy");
    let doc: &js_sys::Object = document.unchecked_ref();
    js_sys::Reflect::delete_property(doc, &"visibilityState".into()).unwrap();
}

#[wasm_bindgen_test]
fn authorize_only_follows_safe_urls() {
    let checkout = OmiseCheckout::new(options("pkey_test_x", &[])).unwrap();
    for (charge, code) in [
        (
            obj(&[("status", "pending".into()), ("authorize_uri", "javascript:alert(1)".into())]),
            "unsafe_redirect",
        ),
        (
            obj(&[("status", "pending".into()), ("authorize_uri", "http://evil.example.com/3ds".into())]),
            "unsafe_redirect",
        ),
        (
            obj(&[("status", "pending".into()), ("authorize_uri", "data:text/html,hi".into())]),
            "unsafe_redirect",
        ),
        // Plain HTTP is for loopback only, and `127.` at the start of a name is not loopback.
        (
            obj(&[("status", "pending".into()), ("authorize_uri", "http://127.evil.test/3ds".into())]),
            "unsafe_redirect",
        ),
        (
            obj(&[("status", "pending".into()), ("authorize_uri", "http://127.0.0.1.evil.test/3ds".into())]),
            "unsafe_redirect",
        ),
        (
            obj(&[("status", "pending".into()), ("authorize_uri", "http://localhost@evil.test/3ds".into())]),
            "unsafe_redirect",
        ),
        (
            obj(&[("status", "successful".into()), ("authorize_uri", "https://bank.example/3ds".into())]),
            "no_authorization_needed",
        ),
        (obj(&[("status", "pending".into())]), "no_authorization_needed"),
    ] {
        let r = checkout.authorize(charge.clone());
        assert_eq!(text(&get(&r, "error"), "code"), code, "{}", json(&charge));
    }
}

#[wasm_bindgen_test]
fn status_messages_cover_every_status() {
    use omise_checkout::status_message;
    for (status, code, kind, message) in [
        ("successful", None, "success", Message::StatusSuccessful),
        ("pending", None, "pending", Message::StatusReceived),
        ("chargeable", None, "pending", Message::StatusReceived),
        ("failed", None, "failure", Message::StatusFailed),
        ("failed", Some("insufficient_fund"), "failure", Message::FailureInsufficientFund),
        ("expired", None, "failure", Message::StatusFailed),
        ("reversed", None, "failure", Message::StatusReversed),
        ("canceled", None, "failure", Message::StatusFailed),
    ] {
        for locale in Locale::ALL {
            let m = status_message(
                status.into(),
                code.map_or(JsValue::UNDEFINED, JsValue::from),
                locale.code().into(),
            );
            assert_eq!(text(&m, "kind"), kind, "{status}");
            assert_eq!(text(&m, "text"), message.text(locale), "{status} {locale:?}");
        }
    }
}

#[wasm_bindgen_test]
async fn a_spinner_while_polling_then_still_confirming_with_check_again() {
    let shop = shop("en").await;
    let token = shop.token("4111111111111111").await;
    // Pending until authorized, and for 1.5 s after.
    let order = shop.order(("token", &token), 1500).await;
    let target = container();
    let busy_seen = Rc::new(Cell::new(false));
    let last = Rc::new(std::cell::RefCell::new(JsValue::NULL));
    let (seen, t, l) = (busy_seen.clone(), target.clone(), last.clone());
    let on_update = Closure::<dyn FnMut(JsValue)>::new(move |v: JsValue| {
        *l.borrow_mut() = v;
        let el = status_el(&t);
        if el.class_list().contains("omise-status--busy")
            && el.get_attribute("aria-busy").as_deref() == Some("true")
        {
            seen.set(true);
        }
    });
    let outcome = shop
        .poll(obj(&[
            ("statusUrl", text(&order, "statusUrl").into()),
            ("target", target.clone().into()),
            ("interval", 250.into()),
            ("maxWait", 1500.into()),
            ("onUpdate", on_update.as_ref().clone()),
        ]))
        .await;
    assert!(busy_seen.get(), "a spinner (busy status) while polling");
    assert_eq!(text(&outcome, "state"), "pending");
    assert_eq!(get(&outcome, "stillConfirming").as_bool(), Some(true), "{}", json(&outcome));
    let el = status_el(&target);
    assert_eq!(el.text_content().unwrap_or_default(), en(Message::StatusStillConfirming));
    assert!(!el.class_list().contains("omise-status--busy"), "no spinner once polling is over");
    let button: web_sys::HtmlElement = target
        .query_selector(".omise-status-actions button")
        .unwrap()
        .expect("Check again")
        .dyn_into()
        .unwrap();
    assert_eq!(button.text_content().unwrap_or_default(), en(Message::ActionCheckAgain));
    // The shopper completes 3-D Secure in another tab, then checks again.
    decide(&text(&order, "authorizeUri"), "authorize").await;
    button.click();
    sleep(50).await;
    assert!(status_el(&target).class_list().contains("omise-status--busy"), "polling again");
    assert!(
        target.query_selector(".omise-status-actions").unwrap().is_none(),
        "the button is gone meanwhile"
    );
    for _ in 0..40 {
        if status_el(&target).class_list().contains("omise-status--success") {
            break;
        }
        sleep(100).await;
    }
    assert_eq!(status_el(&target).text_content().unwrap_or_default(), en(Message::StatusSuccessful));
    sleep(50).await;
    assert_eq!(text(&last.borrow(), "state"), "succeeded", "the outcome after Check again reaches onUpdate");
}

#[wasm_bindgen_test]
async fn a_failure_offers_try_again_and_another_method_in_the_shoppers_words() {
    let shop = shop("th").await;
    let token = shop.token("5454545454545454").await;
    let order = shop.order(("token", &token), 0).await;
    decide(&text(&order, "authorizeUri"), "decline").await;
    let target = container();
    let outcome = shop
        .poll(obj(&[
            ("statusUrl", text(&order, "statusUrl").into()),
            ("target", target.clone().into()),
            ("retryUrl", "/checkout?retry=1".into()),
            ("otherMethodUrl", "/checkout#methods".into()),
        ]))
        .await;
    assert_eq!(text(&outcome, "state"), "failed");
    let links = target.query_selector_all(".omise-status-actions a").unwrap();
    assert_eq!(links.length(), 2);
    let link = |i| links.item(i).unwrap().dyn_into::<Element>().unwrap();
    assert_eq!(link(0).text_content().unwrap_or_default(), Message::ActionTryAgain.text(Locale::Th));
    assert_eq!(link(0).get_attribute("href").as_deref(), Some("/checkout?retry=1"));
    assert_eq!(link(1).text_content().unwrap_or_default(), Message::ActionOtherMethod.text(Locale::Th));
    assert_eq!(link(1).get_attribute("href").as_deref(), Some("/checkout#methods"));
    // Links go only where a status URL may.
    let bad = shop.checkout.poll_status(obj(&[
        ("statusUrl", text(&order, "statusUrl").into()),
        ("retryUrl", "javascript:alert(1)".into()),
    ]));
    assert_eq!(text(&bad.expect_err("refused"), "code"), "insecure_endpoint");
}

#[wasm_bindgen_test]
async fn a_declined_bank_payment_never_mentions_a_card() {
    let shop = shop("en").await;
    // Mobile banking: the bank's app (the sandbox's app page) declines.
    let params =
        obj(&[("type", "mobile_banking_scb".into()), ("amount", 100000.into()), ("currency", "thb".into())]);
    let id = text(&get(&JsFuture::from(shop.checkout.create_source(params)).await.unwrap(), "source"), "id");
    let order = shop.order(("source", &id), 0).await;
    decide(&text(&order, "authorizeUri"), "decline").await;
    let target = container();
    let outcome = shop
        .poll(obj(&[("statusUrl", text(&order, "statusUrl").into()), ("target", target.clone().into())]))
        .await;
    assert_eq!(text(&outcome, "state"), "failed", "{}", json(&outcome));
    let shown = status_el(&target).text_content().unwrap_or_default();
    assert!(!shown.to_lowercase().contains("card"), "{shown}");
    let code = text(&outcome, "failureCode");
    assert_eq!(shown, messages::failure_other(&code).text(Locale::En));
}
