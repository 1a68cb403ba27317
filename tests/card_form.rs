//! The card form and tokenization in headless Chromium, against the local sandbox: what the
//! customer sees (values, carets, texts, aria) and what reaches the vault.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::disallowed_macros, clippy::disallowed_methods)] // clippy.toml's rules are for the wasm, not tests

mod common;

use std::cell::Cell;
use std::rc::Rc;

use common::memory::{find_in_memory, type_secret};
use common::*;
use omise_checkout::{CardForm, OmiseCheckout};
use omise_checkout_core::error::ErrorCode;
use omise_checkout_core::field::{Field, FieldError};
use omise_checkout_core::locale::Locale;
use omise_checkout_core::messages::{self, Message};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

async fn mounted(extra: &[(&str, JsValue)]) -> (String, CardForm, Element, Element) {
    let key = fresh_key().await;
    let checkout = OmiseCheckout::new(options(&key, extra)).expect("checkout");
    let target = container();
    let form = checkout.mount_card_form(target.clone().into(), JsValue::UNDEFINED).expect("mount");
    let root = form.element().expect("root");
    (key, form, target, root)
}

/// A checkout (kept: `authorize` and `setLocale` act through it) and a form mounted with
/// `form_options`.
async fn shop(
    extra: &[(&str, JsValue)],
    form_options: &[(&str, JsValue)],
) -> (String, OmiseCheckout, CardForm, Element) {
    let key = fresh_key().await;
    let checkout = OmiseCheckout::new(options(&key, extra)).expect("checkout");
    let form = checkout.mount_card_form(container().into(), obj(form_options)).expect("mount");
    let root = form.element().expect("root");
    (key, checkout, form, root)
}

fn fill(root: &Element, number: &str) {
    for f in ["number", "expiry", "security-code", "name"] {
        input(root, f).set_value("");
    }
    type_text(&input(root, "number"), number);
    type_text(&input(root, "expiry"), "1230");
    type_text(&input(root, "security-code"), if number.starts_with("37") { "1234" } else { "123" });
    type_text(&input(root, "name"), "Somchai Jaidee");
}

async fn tokenize(form: &CardForm) -> JsValue {
    JsFuture::from(form.tokenize()).await.expect("tokenize never rejects")
}

fn en(field: Field, error: FieldError) -> &'static str {
    messages::field_error(field, error).text(Locale::En)
}

#[wasm_bindgen_test]
async fn mount_builds_an_accessible_form_and_destroy_leaves_nothing() {
    let (_c, form, target, root) = mounted(&[]).await;
    let inputs = root.query_selector_all("input").unwrap();
    assert_eq!(inputs.length(), 4);
    for (field, autocomplete) in
        [("number", "cc-number"), ("expiry", "cc-exp"), ("security-code", "cc-csc"), ("name", "cc-name")]
    {
        let i = input(&root, field);
        assert_eq!(i.get_attribute("autocomplete").as_deref(), Some(autocomplete), "{field}");
        assert!(!i.has_attribute("name"), "{field} must have no name attribute");
        assert!(!i.has_attribute("pattern"), "{field} must have no pattern attribute");
        assert!(!i.has_attribute("style"), "{field} must have no inline style");
        let label = root.query_selector(&format!("label[for='{}']", i.id())).unwrap();
        assert!(label.is_some_and(|l| !l.text_content().unwrap_or_default().is_empty()), "{field} label");
        let described = i.get_attribute("aria-describedby").unwrap_or_default();
        assert!(described.contains(&format!("{}-error", i.id())), "{field}: {described}");
    }
    assert_eq!(input(&root, "number").get_attribute("inputmode").as_deref(), Some("numeric"));
    assert_eq!(root.query_selector("[aria-live='polite']").unwrap().map(|_| ()), Some(()));

    let changes = Rc::new(Cell::new(0));
    let c = changes.clone();
    let cb = Closure::<dyn FnMut(JsValue)>::new(move |_| c.set(c.get() + 1));
    form.on("change", cb.as_ref().clone().into()).unwrap();
    let number = input(&root, "number");
    type_text(&number, "42");
    assert_eq!(changes.get(), 2);
    form.destroy();
    assert_eq!(target.child_element_count(), 0, "destroy removes the DOM");
    type_text(&number, "4");
    assert_eq!(changes.get(), 2, "no listener left after destroy");
    form.destroy(); // idempotent
    let r = tokenize(&form).await;
    assert_eq!(text(&get(&r, "error"), "code"), "destroyed");
}

#[wasm_bindgen_test]
async fn typing_deleting_and_pasting_keep_the_caret() {
    let (_c, form, _t, root) = mounted(&[]).await;
    let n = input(&root, "number");
    type_text(&n, "4242424242424242");
    assert_eq!(n.value(), "4242 4242 4242 4242");
    assert_eq!(n.selection_start().unwrap(), Some(19));
    // Backspace right after a space removes the digit before it.
    assert!(delete(&n, 5, false));
    assert_eq!(n.value(), "4244 2424 2424 242");
    assert_eq!(n.selection_start().unwrap(), Some(3));
    // Typing in the middle keeps the caret after the typed digit.
    n.set_selection_range(3, 3).unwrap();
    type_text(&n, "2");
    assert_eq!(n.value(), "4242 4242 4242 4242");
    assert_eq!(n.selection_start().unwrap(), Some(4));
    // Paste in the middle, with the customer's own spaces and dashes.
    n.set_value("4242 4242");
    type_text(&n, "");
    paste(&n, 5, 5, "11-11 ");
    assert_eq!(n.value(), "4242 1111 4242");
    assert_eq!(n.selection_start().unwrap(), Some(9));
    form.destroy();
}

#[wasm_bindgen_test]
async fn ime_full_width_digits_and_autofill_become_normal_values() {
    let (_c, form, _t, root) = mounted(&[]).await;
    let n = input(&root, "number");
    compose(&n, "４２４２４２４２４２４２４２４２");
    assert_eq!(n.value(), "4242 4242 4242 4242");
    let code = input(&root, "security-code");
    compose(&code, "１２３");
    assert_eq!(code.value(), "123");
    autofill(&input(&root, "expiry"), "12/2030");
    assert_eq!(input(&root, "expiry").value(), "12 / 2030");
    autofill(&input(&root, "name"), "TARO YAMADA");
    let state = form.state();
    assert_eq!(get(&state, "complete").as_bool(), Some(true), "{}", json(&state));
    assert_eq!(text(&state, "brand"), "visa");
    form.destroy();
}

#[wasm_bindgen_test]
async fn errors_show_at_the_right_time_with_aria() {
    let (_c, form, _t, root) = mounted(&[]).await;
    let n = input(&root, "number");
    type_text(&n, "5555");
    assert_eq!(error_text(&root, "number"), "", "incomplete is not shown while typing");
    assert_eq!(n.get_attribute("aria-invalid").as_deref(), Some("false"));
    blur(&n);
    assert_eq!(error_text(&root, "number"), en(Field::Number, FieldError::Incomplete));
    assert_eq!(n.get_attribute("aria-invalid").as_deref(), Some("true"));
    type_text(&n, "555555554445");
    assert_eq!(
        error_text(&root, "number"),
        en(Field::Number, FieldError::Invalid),
        "invalid is shown at once"
    );
    let live = root.query_selector("[aria-live='polite']").unwrap().unwrap();
    assert_eq!(live.text_content().unwrap_or_default(), en(Field::Number, FieldError::Invalid));
    // A card number typed into the name field is refused.
    type_text(&input(&root, "name"), "4242424242424242");
    assert_eq!(error_text(&root, "name"), en(Field::Name, FieldError::LooksLikeCardNumber));
    form.destroy();
}

#[wasm_bindgen_test]
async fn brand_switch_changes_the_security_code_length() {
    let (_c, form, _t, root) = mounted(&[]).await;
    let n = input(&root, "number");
    type_text(&n, "3782");
    assert_eq!(root.get_attribute("data-brand").as_deref(), Some("amex"));
    let hint = root.query_selector(".omise-hint").unwrap().unwrap().text_content().unwrap_or_default();
    assert_eq!(hint, Message::HintSecurityCode4.text(Locale::En));
    let code = input(&root, "security-code");
    type_text(&code, "12345");
    assert_eq!(code.value(), "1234", "amex takes four digits");
    n.set_value("");
    type_text(&n, "4242");
    assert_eq!(root.get_attribute("data-brand").as_deref(), Some("visa"));
    let s = form.state();
    assert_eq!(text(&get(&get(&s, "fields"), "securityCode"), "state"), "invalid", "{}", json(&s));
    form.destroy();
}

#[wasm_bindgen_test]
async fn tokenizes_and_clears_card_data_with_clear_after_token_true() {
    // `clearAfterToken: true` keeps today's behaviour for merchants who want it.
    let (_c, _checkout, form, root) = shop(&[], &[("clearAfterToken", true.into())]).await;
    let seen = Rc::new(Cell::new(false));
    let s = seen.clone();
    let cb = Closure::<dyn FnMut(JsValue)>::new(move |_| s.set(true));
    form.on("tokenized", cb.as_ref().clone().into()).unwrap();
    fill(&root, "4242424242424242");
    let r = tokenize(&form).await;
    let token = get(&r, "token");
    assert!(text(&token, "id").starts_with("tokn_test_"), "{}", json(&r));
    assert_eq!(text(&get(&token, "card"), "last_digits"), "4242");
    assert!(seen.get(), "tokenized event");
    assert_eq!(input(&root, "number").value(), "");
    assert_eq!(input(&root, "security-code").value(), "");
    assert_eq!(input(&root, "name").value(), "Somchai Jaidee");
    form.destroy();
}

#[wasm_bindgen_test]
async fn nothing_is_sent_while_a_field_is_invalid() {
    let (key, form, _t, root) = mounted(&[]).await;
    type_text(&input(&root, "number"), "4242");
    let r = tokenize(&form).await;
    let e = get(&r, "error");
    assert_eq!(text(&e, "code"), "validation_error");
    assert_eq!(text(&e, "field"), "number");
    assert_eq!(error_text(&root, "expiry"), en(Field::Expiry, FieldError::Required));
    let active = web_sys::window().unwrap().document().unwrap().active_element().unwrap();
    assert_eq!(active.id(), input(&root, "number").id(), "focus goes to the first bad field");
    assert_eq!(request_count(&key, "/tokens").await, 0);
    form.destroy();
}

#[wasm_bindgen_test]
async fn double_submit_makes_one_request() {
    let (key, form, _t, root) = mounted(&[]).await;
    fill(&root, "5555555555554444");
    let (a, b) = (form.tokenize(), form.tokenize());
    assert!(js_sys::Object::is(&a, &b), "the same promise while in flight");
    let (a, b) = (JsFuture::from(a).await.unwrap(), JsFuture::from(b).await.unwrap());
    assert_eq!(text(&get(&a, "token"), "id"), text(&get(&b, "token"), "id"));
    assert_eq!(request_count(&key, "/tokens").await, 1);
    form.destroy();
}

#[wasm_bindgen_test]
async fn security_code_check_false_is_not_handed_on() {
    let (_c, form, _t, root) = mounted(&[]).await;
    fill(&root, "4111111111160001");
    let r = tokenize(&form).await;
    assert!(get(&r, "token").is_undefined(), "{}", json(&r));
    let e = get(&r, "error");
    assert_eq!(text(&e, "code"), "security_code_check_failed");
    assert_eq!(text(&e, "field"), "securityCode");
    assert_eq!(
        error_text(&root, "security-code"),
        en(Field::SecurityCode, FieldError::SecurityCodeCheckFailed)
    );
    form.destroy();
}

#[wasm_bindgen_test]
async fn every_fault_ends_in_its_error_and_the_form_works_again() {
    let rows: &[(&str, &str, &str)] = &[
        ("503", "", "service_unavailable"),
        ("500", "", "service_unavailable"),
        ("429", r#","retryAfter":2"#, "rate_limited"),
        ("html", "", "service_unavailable"),
        ("malformed_json", "", "invalid_response"),
        ("not_token", "", "invalid_response"),
        ("empty", "", "invalid_response"),
        // Chrome silently retries a request whose reused keep-alive connection closes without an
        // answer, so the connection is dropped twice (the leftover is cleared below).
        ("drop", "", "network_error"),
        ("timeout", r#","delayMs":4000"#, "timeout"),
    ];
    // The fetch transport's HTTP classification (the provider's is in tests/provider.rs).
    let (key, form, _t, root) = mounted(&[("timeoutMs", 1000.into()), ("transport", "fetch".into())]).await;
    for (fault_mode, extra, code) in rows {
        let times = if *fault_mode == "drop" { 2 } else { 1 };
        fault(&key, "/tokens", fault_mode, times, extra).await;
        fill(&root, "4242424242424242");
        let r = tokenize(&form).await;
        let e = get(&r, "error");
        assert!(e.is_object(), "{fault_mode}: expected an error, got {}", json(&r));
        assert_eq!(text(&e, "code"), *code, "{fault_mode}: {}", json(&r));
        let shown =
            root.query_selector(".omise-form-error").unwrap().unwrap().text_content().unwrap_or_default();
        assert!(!shown.is_empty(), "{fault_mode}: an error is shown");
        assert!(!input(&root, "number").read_only(), "{fault_mode}: the form is usable again");
        call("DELETE", &format!("/__sandbox/faults?key={key}"), None).await;
        let r = tokenize(&form).await;
        assert!(
            text(&get(&r, "token"), "id").starts_with("tokn_test_"),
            "{fault_mode} then retry: {}",
            json(&r)
        );
    }
    form.destroy();
}

#[wasm_bindgen_test]
async fn a_closed_server_is_a_network_error() {
    let key = fresh_key().await;
    let o = options(&key, &[("vaultUrl", "http://127.0.0.1:9".into()), ("transport", "fetch".into())]);
    let checkout = OmiseCheckout::new(o).unwrap();
    let card = obj(&[
        ("name", "A B".into()),
        ("number", "4242424242424242".into()),
        ("expiration_month", 12.into()),
        ("expiration_year", 2030.into()),
        ("security_code", "123".into()),
    ]);
    let r = JsFuture::from(checkout.create_token(card)).await.unwrap();
    assert_eq!(text(&get(&r, "error"), "code"), "network_error");
}

#[wasm_bindgen_test]
async fn headless_create_token_validates_then_tokenizes() {
    let key = fresh_key().await;
    let checkout = OmiseCheckout::new(options(&key, &[])).unwrap();
    let card = |number: &str, year: i32| {
        obj(&[
            ("name", "TARO YAMADA".into()),
            ("number", number.into()),
            ("expiration_month", "12".into()),
            ("expiration_year", year.into()),
            ("security_code", "123".into()),
        ])
    };
    let r = JsFuture::from(checkout.create_token(card("3530 1113 3330 0000", 2031))).await.unwrap();
    assert_eq!(text(&get(&get(&r, "token"), "card"), "brand"), "JCB", "{}", json(&r));
    let r = JsFuture::from(checkout.create_token(card("4242424242424242", 2001))).await.unwrap();
    let e = get(&r, "error");
    assert_eq!(text(&e, "code"), "validation_error");
    assert_eq!(text(&e, "field"), "expiry");
    assert_eq!(request_count(&key, "/tokens").await, 1);
}

#[wasm_bindgen_test]
async fn wrong_keys_and_insecure_endpoints_are_refused_before_any_request() {
    for (key, vault, code) in [
        ("skey_test_5xyz", None, "invalid_key"),
        ("pk_test_123", None, "invalid_key"),
        ("", None, "invalid_key"),
        ("pkey_test_5xyz", Some("http://vault.example.com"), "insecure_endpoint"),
        ("pkey_test_5xyz", Some("javascript:alert(1)"), "insecure_endpoint"),
    ] {
        let mut o = obj(&[("publicKey", key.into())]);
        if let Some(v) = vault {
            o = obj(&[("publicKey", key.into()), ("vaultUrl", v.into())]);
        }
        let e = OmiseCheckout::new(o).err().unwrap_or_else(|| panic!("{key} {vault:?} accepted"));
        assert_eq!(text(&e, "code"), code, "{key} {vault:?}");
    }
    let secret = OmiseCheckout::new(obj(&[("publicKey", "skey_test_5xyz".into())])).err().unwrap();
    assert!(text(&secret, "message").contains("SECRET"), "the message says why");
    // An unknown public key is the merchant's configuration problem, not the customer's.
    let checkout = OmiseCheckout::new(options("pkey_test_doesnotexist", &[])).unwrap();
    let card = obj(&[
        ("name", "A B".into()),
        ("number", "4242424242424242".into()),
        ("expiration_month", 12.into()),
        ("expiration_year", 2030.into()),
        ("security_code", "123".into()),
    ]);
    let r = JsFuture::from(checkout.create_token(card)).await.unwrap();
    let e = get(&r, "error");
    assert_eq!(text(&e, "code"), "configuration_error");
    assert_eq!(
        text(&e, "message"),
        messages::error(omise_checkout_core::error::ErrorCode::ConfigurationError).text(Locale::En)
    );
}

#[wasm_bindgen_test]
async fn labels_and_errors_follow_the_locale() {
    for locale in [Locale::Ja, Locale::Th] {
        let key = fresh_key().await;
        let checkout = OmiseCheckout::new(options(&key, &[("locale", locale.code().into())])).unwrap();
        let target = container();
        let form = checkout.mount_card_form(target.into(), JsValue::UNDEFINED).unwrap();
        let root = form.element().unwrap();
        let label = root.query_selector(".omise-field--number label").unwrap().unwrap();
        assert_eq!(label.text_content().unwrap_or_default(), Message::LabelNumber.text(locale));
        let n = input(&root, "number");
        type_text(&n, "1234");
        let want = messages::field_error(Field::Number, FieldError::UnsupportedBrand).text(locale);
        assert_eq!(error_text(&root, "number"), want, "{locale:?}");
        form.destroy();
    }
    // th-TH resolves to th.
    let key = fresh_key().await;
    let checkout = OmiseCheckout::new(options(&key, &[("locale", "th-TH".into())])).unwrap();
    assert_eq!(checkout.locale(), "th");
}

#[wasm_bindgen(inline_js = "
export function install_big_timer_ids() {
  // What fake clocks in merchants' test suites do (Playwright's page.clock: ids from 1e12).
  const real = { set: globalThis.setTimeout, clear: globalThis.clearTimeout };
  const live = new Map();
  const errors = [];
  let next = 1e12;
  globalThis.setTimeout = (fn, ms, ...args) => {
    const id = next++;
    live.set(id, real.set.call(globalThis, () => {
      live.delete(id);
      try { fn(...args); } catch (e) { errors.push(String(e)); }
    }, ms));
    return id;
  };
  globalThis.clearTimeout = (id) => {
    if (live.has(id)) { real.clear.call(globalThis, live.get(id)); live.delete(id); }
  };
  globalThis.__bigTimers = { real, live, errors };
}
export function uninstall_big_timer_ids() {
  const t = globalThis.__bigTimers;
  globalThis.setTimeout = t.real.set;
  globalThis.clearTimeout = t.real.clear;
  return `live=${t.live.size} errors=${t.errors.join('; ')}`;
}
")]
extern "C" {
    fn install_big_timer_ids();
    fn uninstall_big_timer_ids() -> String;
}

#[wasm_bindgen_test]
async fn timers_are_cleared_under_fake_clocks_with_large_timer_ids() {
    install_big_timer_ids();
    let (_key, form, target, _root) = mounted(&[]).await;
    // Destroyed at once; then a tokenization's timeout timer is armed
    // and must be cleared when the answer comes.
    form.destroy();
    let (_key, form, _t, root) = mounted(&[]).await;
    fill(&root, "4242424242424242");
    let result = tokenize(&form).await;
    sleep(50).await;
    let report = uninstall_big_timer_ids();
    assert!(text(&get(&result, "token"), "id").starts_with("tokn_test_"), "{}", json(&result));
    assert_eq!(report, "live=0 errors=");
    assert_eq!(target.child_element_count(), 0);
    form.destroy();
}

type Callback = Closure<dyn FnMut(JsValue)>;

fn counter() -> (Rc<Cell<u32>>, Callback) {
    let count = Rc::new(Cell::new(0));
    let c = count.clone();
    (count, Closure::new(move |state: JsValue| c.set(c.get() + u32::from(get(&state, "complete") == false))))
}

#[wasm_bindgen_test]
async fn ready_fires_once_mounted_and_a_late_listener_still_hears_it() {
    let (_key, form, _target, _root) = mounted(&[]).await;
    let (early, cb) = counter();
    form.on("ready", cb.as_ref().clone().into()).unwrap();
    assert_eq!(early.get(), 0, "not during mountCardForm");
    sleep(0).await;
    assert_eq!(early.get(), 1, "ready, with the form state");

    let (late, cb2) = counter();
    form.on("ready", cb2.as_ref().clone().into()).unwrap();
    sleep(0).await;
    assert_eq!((early.get(), late.get()), (1, 1), "a late listener gets it; the early one not twice");

    let (_key, destroyed, _t, _r) = mounted(&[]).await;
    let (never, cb3) = counter();
    destroyed.on("ready", cb3.as_ref().clone().into()).unwrap();
    destroyed.destroy();
    sleep(0).await;
    assert_eq!(never.get(), 0, "a form destroyed at once is never ready");
    form.destroy();
}

#[wasm_bindgen_test]
async fn a_destroyed_form_answers_without_its_dom() {
    let (_key, form, target, root) = mounted(&[]).await;
    type_text(&input(&root, "number"), "4242");
    form.destroy();
    form.destroy();
    assert!(form.element().is_none());
    assert_eq!(target.child_element_count(), 0);
    let result = tokenize(&form).await;
    assert_eq!(text(&get(&result, "error"), "code"), "destroyed", "{}", json(&result));
    let state = form.state();
    assert_eq!(text(&get(&get(&state, "fields"), "number"), "state"), "incomplete", "{}", json(&state));
    assert_eq!(get(&state, "complete"), false);
    let (count, cb) = counter();
    form.on("ready", cb.as_ref().clone().into()).expect("known event");
    assert!(form.on("nope", cb.as_ref().clone().into()).is_err(), "unknown events are still refused");
    form.clear();
    form.focus(None);
    sleep(0).await;
    assert_eq!(count.get(), 0);
}

/// After a token the request body with the security code, and after a successful outcome,
/// `clear()` and `destroy()` the card number (grouped or not), are no longer readable in the
/// wasm memory buffer.
#[wasm_bindgen_test]
async fn card_data_is_wiped_from_wasm_memory_after_a_token_and_after_destroy() {
    // 5454 5454 5454 5454 and 739, written with shifted digits (see `common::memory`).
    const NUMBER: &str = "6565656565656565";
    const CODE: &str = "840";
    const NEEDLES: &[(&str, &str)] = &[
        ("the grouped number", "6565 6565 6565 6565"),
        ("the number", "6565656565656565"),
        ("half the number", "65656565"),
        ("half the grouped number", "6565 6565"),
        ("the form body's security code", "security_code%6D=840"),
        ("the JSON security code", "\"security_code\":\"840\""),
    ];
    let needles: Vec<&str> = NEEDLES.iter().map(|(_, n)| *n).collect();
    let assert_wiped = |when: &str| {
        if let Some((i, at)) = find_in_memory(&needles) {
            panic!("{when}: {} is still in wasm memory (offset {at})", NEEDLES[i].0);
        }
    };
    assert_wiped("before typing");

    // With `fetch` (a form-encoded body) and through the vault's provider page (the default: the
    // card leaves as JSON). By default the form keeps the card until the outcome is known: the
    // request's copies are gone once the token exists, the form's own once the checkout is
    // handed a successful charge.
    let request_needles = &needles[4..];
    for transport in ["fetch", "provider"] {
        let (_c, checkout, form, root) = shop(&[("transport", transport.into())], &[]).await;
        type_secret(&input(&root, "number"), NUMBER);
        type_text(&input(&root, "expiry"), "1230");
        type_secret(&input(&root, "security-code"), CODE);
        type_text(&input(&root, "name"), "Somchai Jaidee");
        // The scan finds what the live form holds (so a pass below is not a blind scan).
        assert_eq!(find_in_memory(&needles[..1]).map(|(i, _)| i), Some(0), "the form holds the number");
        let r = tokenize(&form).await;
        assert!(get(&r, "token").is_object(), "{transport}: {}", json(&r));
        if let Some((i, _)) = find_in_memory(request_needles) {
            panic!("after a token through {transport}: {} is still in wasm memory", NEEDLES[4 + i].0);
        }
        assert!(find_in_memory(&needles[..1]).is_some(), "{transport}: the form keeps the card for now");
        checkout.authorize(obj(&[("status", "successful".into())]));
        assert_eq!(input(&root, "number").value(), "", "{transport}: cleared on success");
        assert_wiped(&format!("after a successful charge through {transport}"));
        form.destroy();
    }

    // `clearAfterToken: true`: wiped as soon as the token exists.
    let (_c, _checkout, form, root) = shop(&[], &[("clearAfterToken", true.into())]).await;
    type_secret(&input(&root, "number"), NUMBER);
    type_text(&input(&root, "expiry"), "1230");
    type_secret(&input(&root, "security-code"), CODE);
    type_text(&input(&root, "name"), "Somchai Jaidee");
    assert!(get(&tokenize(&form).await, "token").is_object());
    assert_wiped("after a token with clearAfterToken: true");
    form.destroy();

    // `form.clear()` (the merchant's own signal).
    let (_c, form, _t, root) = mounted(&[]).await;
    type_secret(&input(&root, "number"), NUMBER);
    type_secret(&input(&root, "security-code"), CODE);
    assert!(find_in_memory(&needles[..1]).is_some(), "the form holds the number");
    form.clear();
    assert_wiped("after clear()");
    form.destroy();

    let (_c, form, _t, root) = mounted(&[]).await;
    type_secret(&input(&root, "number"), NUMBER);
    type_secret(&input(&root, "security-code"), CODE);
    assert!(find_in_memory(&needles[..1]).is_some(), "the form holds the number");
    form.destroy();
    assert_wiped("after destroy()");
}

// "Checkout that never leaves the shopper guessing".

#[wasm_bindgen(inline_js = "
export function computed(el, prop, pseudo) {
  return getComputedStyle(el, pseudo || null).getPropertyValue(prop);
}
export function set_width(el, px) { el.style.width = px + 'px'; }
")]
extern "C" {
    fn computed(el: &Element, prop: &str, pseudo: Option<String>) -> String;
    fn set_width(el: &Element, px: u32);
}

fn form_error_text(root: &Element) -> String {
    root.query_selector(".omise-form-error").unwrap().unwrap().text_content().unwrap_or_default()
}

fn active_id() -> String {
    web_sys::window().unwrap().document().unwrap().active_element().map(|e| e.id()).unwrap_or_default()
}

fn field_error_code(form: &CardForm, field: &str) -> JsValue {
    get(&get(&get(&form.state(), "fields"), field), "error")
}

#[wasm_bindgen_test]
async fn pay_is_never_left_unexplained() {
    let (_c, form, _t, root) = mounted(&[]).await;
    // An empty required field left behind says "required" (Pay stays enabled; the form explains).
    let expiry = input(&root, "expiry");
    expiry.focus().unwrap();
    blur(&expiry);
    assert_eq!(error_text(&root, "expiry"), en(Field::Expiry, FieldError::Required));
    assert_eq!(expiry.get_attribute("aria-invalid").as_deref(), Some("true"));
    // A whitespace-only name is an empty name.
    let name = input(&root, "name");
    type_text(&name, "   ");
    assert_eq!(error_text(&root, "name"), "", "not while typing");
    blur(&name);
    assert_eq!(error_text(&root, "name"), en(Field::Name, FieldError::Required));
    assert_eq!(field_error_code(&form, "name"), "required");

    // A 4-digit code left from Amex is an error the moment the number turns Visa.
    let (number, code) = (input(&root, "number"), input(&root, "security-code"));
    type_text(&number, "378282246310005");
    type_text(&code, "1234");
    assert_eq!(error_text(&root, "security-code"), "");
    number.set_value("");
    fire(&number, "input");
    type_text(&number, "4242424242424242");
    assert_eq!(error_text(&root, "security-code"), en(Field::SecurityCode, FieldError::TooLong));
    assert_eq!(code.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(field_error_code(&form, "securityCode"), "too_long");
    // tokenize() explains and focuses the first bad field; nothing is sent.
    let r = tokenize(&form).await;
    assert_eq!(text(&get(&r, "error"), "code"), "validation_error");
    assert_eq!(active_id(), input(&root, "expiry").id());
    form.destroy();
}

#[wasm_bindgen_test]
async fn a_slow_vault_shows_busy_in_state_event_and_pay_button() {
    let (key, checkout, form, root) = shop(&[("transport", "fetch".into())], &[]).await;
    let button: web_sys::HtmlElement = {
        let d = web_sys::window().unwrap().document().unwrap();
        let b = d.create_element("button").unwrap();
        b.set_text_content(Some("Pay ฿1,000"));
        container().append_child(&b).unwrap();
        b.dyn_into().unwrap()
    };
    form.bind_pay_button(button.clone().into()).unwrap();
    let clicks = Rc::new(Cell::new(0));
    let c = clicks.clone();
    let on_click = Closure::<dyn FnMut()>::new(move || c.set(c.get() + 1));
    button.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref()).unwrap();
    let events = Rc::new(std::cell::RefCell::new(Vec::new()));
    let e = events.clone();
    let on_busy = Closure::<dyn FnMut(JsValue)>::new(move |d: JsValue| e.borrow_mut().push(get(&d, "busy")));
    form.on("busy", on_busy.as_ref().clone().into()).unwrap();
    assert_eq!(get(&form.state(), "busy"), false);

    fault(&key, "/tokens", "timeout", 1, r#","delayMs":1500"#).await;
    fill(&root, "4242424242424242");
    let pending = form.tokenize();
    sleep(300).await;
    let state = form.state();
    assert_eq!(get(&state, "busy"), true, "{}", json(&state));
    assert_eq!(get(&state, "complete"), true, "a slow vault is not an incomplete form");
    assert_eq!(*events.borrow(), vec![JsValue::TRUE]);
    assert_eq!(root.get_attribute("aria-busy").as_deref(), Some("true"));
    assert!(input(&root, "number").read_only());
    assert_eq!(button.get_attribute("aria-busy").as_deref(), Some("true"));
    assert!(!button.has_attribute("disabled"), "the button stays enabled and in the Tab order");
    assert_eq!(button.text_content().unwrap_or_default(), Message::Processing.text(Locale::En));
    assert!(button.query_selector(".omise-spinner").unwrap().is_some(), "a spinner");
    button.click();
    assert_eq!(clicks.get(), 0, "a click while busy never reaches the page (no second order)");
    // The busy text follows a language switch.
    checkout.set_locale("ja".into());
    assert_eq!(button.text_content().unwrap_or_default(), Message::Processing.text(Locale::Ja));
    checkout.set_locale("en".into());

    let r = JsFuture::from(pending).await.unwrap();
    assert!(get(&r, "token").is_object(), "{}", json(&r));
    assert_eq!(get(&form.state(), "busy"), false);
    assert_eq!(*events.borrow(), vec![JsValue::TRUE, JsValue::FALSE], "the event fired both ways");
    assert_eq!(root.get_attribute("aria-busy").as_deref(), Some("false"));
    assert!(!input(&root, "number").read_only());
    assert_eq!(button.text_content().unwrap_or_default(), "Pay ฿1,000", "the button's own content is back");
    assert!(!button.has_attribute("aria-busy"));
    button.click();
    assert_eq!(clicks.get(), 1);

    // The merchant's order call can keep the form busy too.
    let later =
        js_sys::Function::new_with_args("v", "return new Promise((r) => setTimeout(() => r(v), 200))");
    let order = later.call1(&JsValue::NULL, &"order placed".into()).unwrap();
    let wrapped = form.busy_while(order);
    assert_eq!(get(&form.state(), "busy"), true);
    assert_eq!(button.get_attribute("aria-busy").as_deref(), Some("true"));
    assert_eq!(JsFuture::from(wrapped).await.unwrap(), "order placed");
    assert_eq!(get(&form.state(), "busy"), false);
    assert_eq!(events.borrow().len(), 4);
    // A failed order call: the promise rejects with the merchant's own reason, and the form is
    // no longer busy.
    let failing =
        js_sys::Function::new_with_args("v", "return new Promise((_, f) => setTimeout(() => f(v), 50))");
    let wrapped = form.busy_while(failing.call1(&JsValue::NULL, &"order failed".into()).unwrap());
    assert_eq!(get(&form.state(), "busy"), true);
    assert_eq!(JsFuture::from(wrapped).await.unwrap_err(), "order failed");
    assert_eq!(get(&form.state(), "busy"), false);
    assert_eq!(events.borrow().len(), 6);
    form.destroy();
    assert_eq!(button.text_content().unwrap_or_default(), "Pay ฿1,000");
    assert!(!button.class_list().contains("omise-pay-button"), "destroy() gives the button back");
}

#[wasm_bindgen_test]
async fn the_card_stays_until_the_outcome_is_known() {
    let (_c, checkout, form, root) = shop(&[], &[]).await;
    fill(&root, "4242424242424242");
    let r = tokenize(&form).await;
    assert!(get(&r, "token").is_object(), "{}", json(&r));
    assert_eq!(input(&root, "number").value(), "4242 4242 4242 4242", "kept after the token");
    assert_eq!(input(&root, "security-code").value(), "123");
    // The order call failed (502): the merchant says so in the form; the card is still there.
    let shown = form.show_error("order_failed".into());
    assert_eq!(text(&shown, "code"), "order_failed");
    let want = messages::error(ErrorCode::OrderFailed).text(Locale::En);
    assert_eq!(text(&shown, "message"), want);
    assert_eq!(form_error_text(&root), want);
    let live = root.query_selector("[aria-live='polite']").unwrap().unwrap();
    assert_eq!(live.text_content().unwrap_or_default(), want, "announced");
    form.show_error("offline".into());
    assert_eq!(form_error_text(&root), messages::error(ErrorCode::Offline).text(Locale::En));
    // A declined charge's failure code gets its own advice; an unknown one the generic text.
    form.show_error("insufficient_fund".into());
    assert_eq!(form_error_text(&root), Message::FailureInsufficientFund.text(Locale::En));
    form.show_error("<b>weird</b>".into());
    assert_eq!(form_error_text(&root), Message::FailureGeneric.text(Locale::En));
    // Not a string (a status number passed by mistake): a generic text, never a trap.
    let shown = form.show_error(502.into());
    assert_eq!(text(&shown, "code"), "unknown_error");
    assert_eq!(form_error_text(&root), messages::error(ErrorCode::Unknown).text(Locale::En));
    form.show_error(JsValue::NULL);
    assert_eq!(form_error_text(&root), "");
    // The retry makes a new token from the same card, with nothing retyped.
    let r = tokenize(&form).await;
    assert!(get(&r, "token").is_object(), "{}", json(&r));
    // A pending charge without a redirect is not an outcome yet; a successful one is.
    checkout.authorize(obj(&[("status", "pending".into())]));
    assert_eq!(input(&root, "number").value(), "4242 4242 4242 4242");
    let answer = checkout.authorize(obj(&[("status", "successful".into())]));
    assert_eq!(text(&get(&answer, "error"), "code"), "no_authorization_needed");
    assert_eq!(input(&root, "number").value(), "", "cleared on success");
    assert_eq!(input(&root, "security-code").value(), "");
    assert_eq!(input(&root, "name").value(), "Somchai Jaidee");
    form.destroy();

    // `clearAfterToken: false`: only the merchant's `clear()` clears.
    let (_c, checkout, form, root) = shop(&[], &[("clearAfterToken", false.into())]).await;
    fill(&root, "4242424242424242");
    assert!(get(&tokenize(&form).await, "token").is_object());
    checkout.authorize(obj(&[("status", "successful".into())]));
    assert_eq!(input(&root, "number").value(), "4242 4242 4242 4242");
    form.clear();
    assert_eq!(input(&root, "number").value(), "");
    form.destroy();
}

#[wasm_bindgen_test]
async fn a_successful_charge_handed_to_handle_charge_lets_the_card_go_as_authorize_does() {
    let (_c, checkout, form, root) = shop(&[], &[]).await;
    fill(&root, "4242424242424242");
    assert!(get(&tokenize(&form).await, "token").is_object());
    let target = container();
    let charge = |status: &str| {
        obj(&[
            ("object", "charge".into()),
            ("status", status.into()),
            ("failure_code", if status == "failed" { "insufficient_fund".into() } else { JsValue::NULL }),
            ("amount", 100_000.into()),
            ("currency", "thb".into()),
        ])
    };
    // Declined: the card stays for the shopper to try again.
    let handled =
        checkout.handle_charge(charge("failed"), obj(&[("target", target.clone().into())])).unwrap();
    assert_eq!(text(&handled, "kind"), "status");
    assert_eq!(input(&root, "number").value(), "4242 4242 4242 4242", "kept after a decline");
    // Successful: the outcome the form waited for (clearAfterToken: 'on-success').
    let handled = checkout.handle_charge(charge("successful"), obj(&[("target", target.into())])).unwrap();
    assert_eq!(text(&handled, "kind"), "status");
    assert_eq!(input(&root, "number").value(), "", "cleared on success");
    assert_eq!(input(&root, "security-code").value(), "");
    assert_eq!(input(&root, "name").value(), "Somchai Jaidee");
    form.destroy();
}

/// The shipped stylesheet, in the test page (once).
fn load_stylesheet() {
    let d = web_sys::window().unwrap().document().unwrap();
    if d.get_element_by_id("omise-css").is_none() {
        let style = d.create_element("style").unwrap();
        style.set_id("omise-css");
        style.set_text_content(Some(include_str!("../styles/omise-checkout.css")));
        d.body().unwrap().append_child(&style).unwrap();
    }
}

#[wasm_bindgen_test]
async fn a_stale_decline_goes_and_focus_skips_filled_fields() {
    load_stylesheet();
    let (key, _checkout, form, root) = shop(&[("transport", "fetch".into())], &[]).await;
    fault(&key, "/tokens", "503", 1, "").await;
    fill(&root, "4242424242424242");
    let r = tokenize(&form).await;
    assert_eq!(text(&get(&r, "error"), "code"), "service_unavailable");
    let want = messages::error(ErrorCode::ServiceUnavailable).text(Locale::En);
    assert_eq!(form_error_text(&root), want);
    // One style for every error: the form's is not weaker than a field's.
    input(&root, "expiry").set_value("");
    type_text(&input(&root, "expiry"), "13");
    let (form_error, field_error) = (
        root.query_selector(".omise-form-error").unwrap().unwrap(),
        root.query_selector(".omise-field--expiry .omise-error").unwrap().unwrap(),
    );
    assert_eq!(form_error_text(&root), "", "editing the card hides the stale error");
    form.show_error("order_failed".into());
    for prop in ["color", "font-size", "font-weight"] {
        assert_eq!(computed(&form_error, prop, None), computed(&field_error, prop, None), "{prop}");
    }
    let mark = |el: &Element| computed(el, "content", Some("::before".into()));
    assert_eq!(mark(&form_error), mark(&field_error), "the same error mark");
    assert_ne!(mark(&form_error), "none");
    // Editing the number hides it too.
    type_text(&input(&root, "number"), "4");
    assert_eq!(form_error_text(&root), "");
    form.destroy();

    // Retyping the number: focus goes past the filled fields to the first that needs the shopper.
    let (_c, form, _t, root) = mounted(&[]).await;
    fill(&root, "4242424242424242");
    let number = input(&root, "number");
    let erase = |el: &web_sys::HtmlInputElement| {
        el.set_value("");
        fire(el, "input");
    };
    erase(&number);
    type_text(&number, "5555555555554444");
    assert_eq!(active_id(), number.id(), "every other field is filled: focus stays");
    erase(&input(&root, "name"));
    erase(&number);
    type_text(&number, "4242424242424242");
    assert_eq!(active_id(), input(&root, "name").id(), "not the filled expiry");
    form.destroy();
}

#[wasm_bindgen_test]
async fn long_numbers_stay_visible_on_narrow_screens() {
    load_stylesheet();
    for width in [320, 390] {
        for (number, brand, shown) in [
            ("6447032400000000001", "discover", "6447 0324 0000 0000 001"),
            ("378282246310005", "amex", "3782 822463 10005"),
            ("5555555555554444", "mastercard", "5555 5555 5555 4444"),
        ] {
            let key = fresh_key().await;
            let checkout = OmiseCheckout::new(options(&key, &[])).unwrap();
            let target = container();
            set_width(&target, width);
            let form = checkout.mount_card_form(target.into(), JsValue::UNDEFINED).unwrap();
            let root = form.element().unwrap();
            let n = input(&root, "number");
            type_text(&n, number);
            assert_eq!(n.value(), shown);
            assert_eq!(root.get_attribute("data-brand").as_deref(), Some(brand));
            assert!(n.client_width() > 0);
            assert!(
                n.scroll_width() <= n.client_width(),
                "{brand} at {width}px: {} > {}",
                n.scroll_width(),
                n.client_width()
            );
            // The mark is drawn by us (no inline style), and the brand is named for screen readers.
            let mark = root.query_selector(".omise-brand svg").unwrap().expect("a brand mark");
            assert!(!mark.has_attribute("style"));
            assert_eq!(mark.get_attribute("aria-hidden").as_deref(), Some("true"));
            let brand_el = root.query_selector(".omise-brand").unwrap().unwrap();
            let name =
                omise_checkout_core::Brand::ALL.iter().find(|b| b.id() == brand).unwrap().display_name();
            assert!(brand_el.text_content().unwrap_or_default().ends_with(name), "{brand}");
            form.destroy();
        }
    }
}

#[wasm_bindgen_test]
async fn set_locale_switches_the_language_in_place() {
    let (_c, checkout, form, root) = shop(&[], &[]).await;
    let number = input(&root, "number");
    type_text(&number, "42424242");
    blur(&number);
    type_text(&input(&root, "name"), "Taro Yamada");
    form.show_error("offline".into());
    assert_eq!(error_text(&root, "number"), en(Field::Number, FieldError::Incomplete));

    form.set_locale("ja".into());
    let ja = Locale::Ja;
    assert_eq!(form.locale(), "ja");
    assert_eq!(root.get_attribute("lang").as_deref(), Some("ja"));
    assert_eq!(number.value(), "4242 4242", "what was typed stays");
    assert_eq!(input(&root, "name").value(), "Taro Yamada");
    let label = |field: &str| {
        root.query_selector(&format!(".omise-field--{field} label")).unwrap().unwrap().text_content().unwrap()
    };
    assert_eq!(label("number"), Message::LabelNumber.text(ja));
    assert_eq!(label("security-code"), Message::LabelSecurityCode.text(ja));
    assert_eq!(input(&root, "name").placeholder(), Message::PlaceholderName.text(ja));
    let hint = root.query_selector(".omise-hint").unwrap().unwrap().text_content().unwrap();
    assert_eq!(hint, Message::HintSecurityCode3.text(ja));
    assert_eq!(
        error_text(&root, "number"),
        messages::field_error(Field::Number, FieldError::Incomplete).text(ja)
    );
    assert_eq!(form_error_text(&root), messages::error(ErrorCode::Offline).text(ja));
    // Errors made later are in Japanese too.
    let r = tokenize(&form).await;
    assert_eq!(text(&get(&r, "error"), "message"), messages::error(ErrorCode::ValidationError).text(ja));

    // The checkout's setLocale reaches its forms and its later messages.
    checkout.set_locale("th-TH".into());
    let th = Locale::Th;
    assert_eq!(checkout.locale(), "th");
    assert_eq!(form.locale(), "th");
    assert_eq!(label("number"), Message::LabelNumber.text(th));
    assert_eq!(
        error_text(&root, "number"),
        messages::field_error(Field::Number, FieldError::Incomplete).text(th)
    );
    assert_eq!(number.value(), "4242 4242");
    let answer = checkout.authorize(obj(&[("status", "failed".into())]));
    assert_eq!(
        text(&get(&answer, "error"), "message"),
        messages::error(ErrorCode::NoAuthorizationNeeded).text(th)
    );
    assert_eq!(omise_checkout::message("processing".into(), "th".into()), Message::Processing.text(th));
    assert!(omise_checkout::message("no_such_key".into(), JsValue::UNDEFINED).is_undefined());
    form.destroy();
}

#[wasm_bindgen_test]
async fn a_card_update_form_says_why_and_reads_update_card() {
    let key = fresh_key().await;
    let checkout = OmiseCheckout::new(options(&key, &[("locale", "th".into())])).unwrap();
    let failure = obj(&[
        ("code", "insufficient_fund".into()),
        ("amount", 100000.into()),
        ("currency", "thb".into()),
        ("description", "Monthly membership".into()),
    ]);
    let mount_options = obj(&[("purpose", "update".into()), ("failure", failure)]);
    let form = checkout.mount_card_form(container().into(), mount_options).unwrap();
    let root = form.element().unwrap();
    let reason = root.query_selector(".omise-update-reason").unwrap().expect("the reason above the fields");
    assert_eq!(reason.text_content().unwrap(), Message::UpdateReasonInsufficientFund.text(Locale::Th));
    let detail = root.query_selector(".omise-update-detail").unwrap().unwrap().text_content().unwrap();
    assert!(detail.starts_with("Monthly membership · ") && detail.contains("1,000.00"), "{detail}");
    let button: web_sys::HtmlElement =
        web_sys::window().unwrap().document().unwrap().create_element("button").unwrap().dyn_into().unwrap();
    button.set_text_content(Some("Pay ฿1,000.00"));
    form.bind_pay_button(button.clone().into()).unwrap();
    assert_eq!(button.text_content().unwrap(), Message::ActionUpdateCard.text(Locale::Th), "no amount");
    form.set_locale("ja".into());
    assert_eq!(reason.text_content().unwrap(), Message::UpdateReasonInsufficientFund.text(Locale::Ja));
    assert_eq!(button.text_content().unwrap(), Message::ActionUpdateCard.text(Locale::Ja));
    fill(&root, "5555555555554444");
    let r = tokenize(&form).await;
    assert!(text(&get(&r, "token"), "id").starts_with("tokn_test_"), "{}", json(&r));
    // An unknown code gets the generic reason, never the code itself.
    let other = checkout
        .mount_card_form(
            container().into(),
            obj(&[("purpose", "update".into()), ("failure", obj(&[("code", "<b>x</b>".into())]))]),
        )
        .unwrap();
    let el = other.element().unwrap().query_selector(".omise-update-reason").unwrap().unwrap();
    assert_eq!(el.text_content().unwrap(), Message::UpdateReasonGeneric.text(Locale::Th));
    other.destroy();
    form.destroy();
}

#[wasm_bindgen_test]
async fn a_token_time_authorization_failure_keeps_the_card_but_the_code() {
    let (key, form, _t, root) = mounted(&[("locale", "ja".into())]).await;
    fault(&key, "/tokens", "authorization_failed", 1, "").await;
    fill(&root, "4242424242424242");
    let r = tokenize(&form).await;
    assert_eq!(text(&get(&r, "error"), "code"), "authorization_failed", "{}", json(&r));
    let shown = root.query_selector(".omise-form-error").unwrap().unwrap().text_content().unwrap_or_default();
    let want = messages::error(omise_checkout_core::error::ErrorCode::AuthorizationFailed).text(Locale::Ja);
    assert!(shown.contains(want), "{shown}");
    assert_eq!(input(&root, "number").value(), "4242 4242 4242 4242", "the number stays");
    assert_eq!(input(&root, "name").value(), "Somchai Jaidee");
    assert_eq!(input(&root, "security-code").value(), "", "the security code is asked again");
    form.destroy();
}
