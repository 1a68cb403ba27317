//! Tokenization through the vault's provider page (the default transport), in headless
//! Chromium against the sandbox's `/provider`: the genuine easyXDM library in provider mode, so
//! our consumer side faces third-party protocol code. What the customer reads, what reaches
//! the vault, and what a hostile frame cannot do.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::disallowed_macros, clippy::disallowed_methods)] // clippy.toml's rules are for the wasm, not tests

mod common;

use common::*;
use omise_checkout::{CardForm, OmiseCheckout};
use omise_checkout_core::field::{Field, FieldError};
use omise_checkout_core::locale::Locale;
use omise_checkout_core::messages;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlIFrameElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A vault URL of the test's own: the sandbox serves the same provider page under it (the
/// provider calls the sandbox's `/tokens`), so tests running side by side in this page each
/// count only their own iframes.
fn vault(name: &str) -> String {
    format!("{}/__sandbox/vault/{name}", sandbox())
}

/// A vault whose provider page is blank: it never says it is ready.
fn blank_vault(name: &str) -> String {
    format!("{}/__sandbox/blank-vault/{name}", sandbox())
}

/// The provider iframes of the vault at `vault_url` in the page.
fn provider_frames(vault_url: &str) -> Vec<HtmlIFrameElement> {
    let list = document().query_selector_all("iframe").unwrap();
    let prefix = format!("{vault_url}/provider?");
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlIFrameElement>().ok())
        .filter(|f| f.src().starts_with(&prefix))
        .collect()
}

fn channel_of(frame: &HtmlIFrameElement) -> String {
    let src = frame.src();
    let start = src.find("xdm_c=").expect("channel in the URL") + 6;
    src[start..].split('&').next().unwrap().to_string()
}

fn fill(root: &Element, number: &str) {
    for f in ["number", "expiry", "security-code", "name"] {
        input(root, f).set_value("");
    }
    type_text(&input(root, "number"), number);
    type_text(&input(root, "expiry"), "1230");
    type_text(&input(root, "security-code"), "123");
    type_text(&input(root, "name"), "Somchai Jaidee");
}

async fn tokenize(form: &CardForm) -> JsValue {
    JsFuture::from(form.tokenize()).await.expect("tokenize never rejects")
}

/// A checkout on the vault `vault(name)`, unless `extra` names another.
async fn checkout(name: &str, extra: &[(&str, JsValue)]) -> (String, OmiseCheckout) {
    let key = fresh_key().await;
    let mut all: Vec<(&str, JsValue)> = vec![("vaultUrl", vault(name).into())];
    all.extend(extra.iter().cloned());
    let checkout = OmiseCheckout::new(options(&key, &all)).expect("checkout");
    (key, checkout)
}

fn mount(checkout: &OmiseCheckout) -> (CardForm, Element) {
    let form = checkout.mount_card_form(container().into(), JsValue::UNDEFINED).expect("mount");
    let root = form.element().expect("root");
    (form, root)
}

fn error_code(r: &JsValue) -> String {
    let e = get(r, "error");
    assert!(e.is_object(), "expected an error, got {}", json(r));
    text(&e, "code")
}

#[wasm_bindgen_test]
async fn a_token_comes_through_the_provider_page_and_the_frame_url_has_no_card_data() {
    let v = vault("token");
    let (key, checkout) = checkout("token", &[]).await;
    assert_eq!(provider_frames(&v).len(), 0, "no iframe before a form mounts");
    let (form, root) = mount(&checkout);
    sleep(0).await; // the iframe is inserted in the task after the form's
                    // The iframe starts with the form, before any tokenize().
    let frames = provider_frames(&v);
    assert_eq!(frames.len(), 1, "one provider iframe per checkout");
    let frame = frames.last().unwrap();
    let src = frame.src();
    let own = web_sys::window().unwrap().location().origin().unwrap();
    assert!(src.starts_with(&format!("{v}/provider?xdm_e=")), "{src}");
    assert!(src.contains(&js_sys::encode_uri_component(&own).as_string().unwrap()), "{src}");
    assert!(frame.hidden(), "the frame is hidden");
    fill(&root, "4242424242424242");
    let r = tokenize(&form).await;
    let token = get(&r, "token");
    assert!(text(&token, "id").starts_with("tokn_test_"), "{}", json(&r));
    assert_eq!(text(&get(&token, "card"), "last_digits"), "4242");
    assert_eq!(request_count(&key, "/tokens").await, 1);
    assert!(!frame.src().contains("4242"), "no card data in the frame URL");
    // The card stays until the outcome is known (the default), then goes.
    assert_eq!(input(&root, "number").value(), "4242 4242 4242 4242", "kept after the token");
    checkout.authorize(obj(&[("status", "successful".into())]));
    assert_eq!(input(&root, "number").value(), "", "card data cleared once the charge succeeded");
    // A second form shares the iframe.
    let (second, _) = mount(&checkout);
    sleep(0).await;
    assert_eq!(provider_frames(&v).len(), 1);
    second.destroy();
    checkout.destroy();
    assert_eq!(provider_frames(&v).len(), 1, "still used by the first form");
    form.destroy();
    assert_eq!(provider_frames(&v).len(), 0, "gone with the last form and the checkout");
}

#[wasm_bindgen_test]
async fn invalid_card_from_the_vault_lands_on_its_fields() {
    let (key, checkout) = checkout("invalid-card", &[]).await;
    let (form, root) = mount(&checkout);
    sleep(0).await; // the iframe is inserted in the task after the form's
    fault(&key, "/tokens", "invalid_card", 1, "").await;
    fill(&root, "4242424242424242");
    let r = tokenize(&form).await;
    assert_eq!(error_code(&r), "invalid_card");
    let en = |f, e| messages::field_error(f, e).text(Locale::En);
    assert_eq!(error_text(&root, "number"), en(Field::Number, FieldError::Invalid));
    assert_eq!(error_text(&root, "name"), en(Field::Name, FieldError::Required));
    form.destroy();
    checkout.destroy();
}

#[wasm_bindgen_test]
async fn security_code_check_false_is_refused_and_a_wrong_key_is_a_configuration_error() {
    let (_key, checkout) = checkout("security-code", &[]).await;
    let (form, root) = mount(&checkout);
    sleep(0).await; // the iframe is inserted in the task after the form's
    fill(&root, "4111111111160001");
    let r = tokenize(&form).await;
    assert!(get(&r, "token").is_undefined(), "{}", json(&r));
    assert_eq!(error_code(&r), "security_code_check_failed");
    assert_eq!(text(&get(&r, "error"), "field"), "securityCode");
    form.destroy();
    checkout.destroy();

    // 401 authentication_failure through the provider → the merchant's configuration problem.
    let checkout =
        OmiseCheckout::new(options("pkey_test_doesnotexist", &[("vaultUrl", vault("wrong-key").into())]))
            .unwrap();
    let card = obj(&[
        ("name", "A B".into()),
        ("number", "4242424242424242".into()),
        ("expiration_month", 12.into()),
        ("expiration_year", 2030.into()),
        ("security_code", "123".into()),
    ]);
    let r = JsFuture::from(checkout.create_token(card)).await.unwrap();
    assert_eq!(error_code(&r), "configuration_error");
    assert_eq!(
        text(&get(&r, "error"), "message"),
        messages::error(omise_checkout_core::error::ErrorCode::ConfigurationError).text(Locale::En)
    );
    checkout.destroy();
}

#[wasm_bindgen_test]
async fn vault_faults_through_the_provider_end_in_their_errors() {
    let rows: &[(&str, &str, &str)] = &[
        ("503", "", "service_unavailable"),
        ("429", r#","retryAfter":2"#, "rate_limited"),
        // Not JSON: the provider passes the status alone.
        ("html", "", "service_unavailable"),
        ("malformed_json", "", "invalid_response"),
        ("not_token", "", "invalid_response"),
        // The provider's own request failed: it answers an error without data.
        ("drop", "", "invalid_response"),
        ("timeout", r#","delayMs":4000"#, "timeout"),
    ];
    let (key, checkout) = checkout("faults", &[("timeoutMs", 1000.into())]).await;
    let (form, root) = mount(&checkout);
    sleep(0).await; // the iframe is inserted in the task after the form's
    for (mode, extra, code) in rows {
        let times = if *mode == "drop" { 2 } else { 1 };
        fault(&key, "/tokens", mode, times, extra).await;
        fill(&root, "4242424242424242");
        let r = tokenize(&form).await;
        assert_eq!(error_code(&r), *code, "{mode}: {}", json(&r));
        call("DELETE", &format!("/__sandbox/faults?key={key}"), None).await;
        if *mode == "timeout" {
            // The delayed request still completes at the vault; let it, then try again.
            sleep(3200).await;
        }
        let r = tokenize(&form).await;
        assert!(text(&get(&r, "token"), "id").starts_with("tokn_test_"), "{mode} then retry: {}", json(&r));
    }
    form.destroy();
    checkout.destroy();
}

#[wasm_bindgen_test]
async fn a_provider_that_never_gets_ready_times_out_and_the_next_call_starts_afresh() {
    let blank = blank_vault("never-ready");
    let (key, checkout) =
        checkout("", &[("vaultUrl", blank.clone().into()), ("readyTimeoutMs", 800.into())]).await;
    let (form, root) = mount(&checkout);
    sleep(0).await; // the iframe is inserted in the task after the form's
    let first = channel_of(provider_frames(&blank).last().unwrap());
    fill(&root, "4242424242424242");
    let r = tokenize(&form).await;
    assert_eq!(error_code(&r), "timeout", "{}", json(&r));
    assert_eq!(provider_frames(&blank).len(), 0, "the dead iframe is torn down");
    let shown = root.query_selector(".omise-form-error").unwrap().unwrap().text_content().unwrap();
    assert_eq!(shown, messages::error(omise_checkout_core::error::ErrorCode::Timeout).text(Locale::En));
    assert_eq!(input(&root, "number").value(), "4242 4242 4242 4242", "the card is kept for a retry");
    // The next call opens a new iframe on a new channel (and times out again here).
    let again = form.tokenize();
    sleep(0).await; // the call starts in a task
    let frames = provider_frames(&blank);
    assert_eq!(frames.len(), 1);
    assert_ne!(channel_of(frames.last().unwrap()), first);
    assert_eq!(error_code(&JsFuture::from(again).await.unwrap()), "timeout");
    assert_eq!(request_count(&key, "/tokens").await, 0, "nothing reached the vault");
    form.destroy();
    checkout.destroy();
}

#[wasm_bindgen_test]
async fn forged_ready_and_results_from_other_frames_are_ignored() {
    // A provider that never answers, so only a forgery could produce a token.
    let blank = blank_vault("forged");
    let (_key, checkout) = checkout(
        "",
        &[("vaultUrl", blank.clone().into()), ("readyTimeoutMs", 2500.into()), ("timeoutMs", 2500.into())],
    )
    .await;
    let (form, root) = mount(&checkout);
    sleep(0).await; // the iframe is inserted in the task after the form's
    let channel = channel_of(provider_frames(&blank).last().unwrap());
    fill(&root, "4242424242424242");
    let pending = form.tokenize();
    let forged_token = r#"{"object":"token","id":"tokn_test_forged","card":{"security_code_check":true}}"#;
    let messages = [
        format!("{channel}-ready"),
        format!(r#"{channel} {{"jsonrpc":"2.0","id":1,"result":{{"status":200,"data":{forged_token}}}}}"#),
    ];
    // 1. From a frame on the vault's own origin that is not our iframe (wrong source).
    let list = js_sys::Array::new();
    for m in &messages {
        list.push(&JsValue::from_str(m));
    }
    let hash = js_sys::encode_uri_component(&js_sys::JSON::stringify(&list).unwrap().as_string().unwrap());
    let forge: HtmlIFrameElement = document().create_element("iframe").unwrap().dyn_into().unwrap();
    forge.set_src(&format!("{}/__sandbox/forge#{}", sandbox(), hash.as_string().unwrap()));
    document().body().unwrap().append_child(&forge).unwrap();
    // 2. From this page itself (wrong origin and source).
    let w = web_sys::window().unwrap();
    for m in &messages {
        w.post_message(&JsValue::from_str(m), "*").unwrap();
    }
    let r = JsFuture::from(pending).await.unwrap();
    assert!(get(&r, "token").is_undefined(), "a forged token was accepted: {}", json(&r));
    assert_eq!(error_code(&r), "timeout");
    forge.remove();
    form.destroy();
    checkout.destroy();
}

#[wasm_bindgen_test]
async fn a_double_click_makes_one_token_through_the_provider() {
    let (key, checkout) = checkout("double-click", &[]).await;
    let (form, root) = mount(&checkout);
    sleep(0).await; // the iframe is inserted in the task after the form's
    fill(&root, "5555555555554444");
    let (a, b) = (form.tokenize(), form.tokenize());
    assert!(js_sys::Object::is(&a, &b), "the same promise while in flight");
    let (a, b) = (JsFuture::from(a).await.unwrap(), JsFuture::from(b).await.unwrap());
    assert_eq!(text(&get(&a, "token"), "id"), text(&get(&b, "token"), "id"));
    assert_eq!(request_count(&key, "/tokens").await, 1);
    form.destroy();
    checkout.destroy();
}

#[wasm_bindgen_test]
async fn headless_create_token_opens_the_provider_on_first_use() {
    let v = vault("headless");
    let (_key, checkout) = checkout("headless", &[]).await;
    assert_eq!(provider_frames(&v).len(), 0, "no iframe before it is needed");
    let card = obj(&[
        ("name", "TARO YAMADA".into()),
        ("number", "3530 1113 3330 0000".into()),
        ("expiration_month", "12".into()),
        ("expiration_year", 2031.into()),
        ("security_code", "123".into()),
    ]);
    let r = JsFuture::from(checkout.create_token(card)).await.unwrap();
    assert_eq!(text(&get(&get(&r, "token"), "card"), "brand"), "JCB", "{}", json(&r));
    assert_eq!(provider_frames(&v).len(), 1);
    checkout.destroy();
    assert_eq!(provider_frames(&v).len(), 0);
    let after = JsFuture::from(checkout.create_token(obj(&[]))).await.unwrap();
    assert_eq!(error_code(&after), "destroyed");
}

#[wasm_bindgen_test]
async fn fetch_transport_stays_available_and_unknown_transports_throw() {
    // At the sandbox's root, where no other test frames a provider.
    let (key, checkout) =
        checkout("", &[("transport", "fetch".into()), ("vaultUrl", sandbox().into())]).await;
    let (form, root) = mount(&checkout);
    sleep(0).await; // the iframe is inserted in the task after the form's
    assert_eq!(provider_frames(sandbox()).len(), 0, "no iframe with transport: 'fetch'");
    fill(&root, "4242424242424242");
    assert!(text(&get(&tokenize(&form).await, "token"), "id").starts_with("tokn_test_"));
    assert_eq!(request_count(&key, "/tokens").await, 1);
    form.destroy();
    let e = OmiseCheckout::new(options(&key, &[("transport", "xhr".into())])).err().unwrap();
    assert_eq!(text(&e, "code"), "invalid_transport");
}
