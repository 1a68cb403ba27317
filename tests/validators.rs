//! Browser tests of the exported validators: what JS receives across the boundary
//! (plain objects, camelCase keys, `null` brand), in headless Chromium.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::disallowed_macros, clippy::disallowed_methods)] // clippy.toml's rules are for the wasm, not tests

use js_sys::{Array, Object, Reflect};
use omise_checkout::*;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod common;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap()
}

fn text(v: &JsValue, key: &str) -> String {
    get(v, key).as_string().unwrap_or_else(|| panic!("{key} is not a string: {:?}", get(v, key)))
}

fn keys(v: &JsValue) -> Vec<String> {
    Object::keys(v.unchecked_ref::<Object>()).iter().map(|k| k.as_string().unwrap()).collect()
}

#[wasm_bindgen_test]
fn card_number_result_is_a_plain_object() {
    let r: JsValue = validate_card_number("4242 4242 4242 4242".into());
    assert_eq!(Object::get_prototype_of(&r), Object::get_prototype_of(&Object::new().into()));
    assert_eq!(keys(&r), ["state", "brand", "candidates", "formatted", "securityCodeLength"]);
    assert_eq!(text(&r, "state"), "valid");
    assert_eq!(text(&r, "brand"), "visa");
    assert_eq!(text(&r, "formatted"), "4242 4242 4242 4242");
    assert_eq!(get(&r, "securityCodeLength").as_f64(), Some(3.0));
    let candidates: Array = get(&r, "candidates").dyn_into().unwrap();
    assert_eq!(candidates.to_vec(), vec![JsValue::from_str("visa")]);
}

#[wasm_bindgen_test]
fn unknown_brand_is_null_with_a_code() {
    let r: JsValue = validate_card_number("3".into());
    assert!(get(&r, "brand").is_null());
    assert_eq!(text(&r, "state"), "incomplete");
    assert_eq!(text(&r, "code"), "incomplete");
    assert_eq!(Array::from(&get(&r, "candidates")).length(), 3);
    let r: JsValue = validate_card_number("9999".into());
    assert_eq!((text(&r, "state"), text(&r, "code")), ("invalid".into(), "unsupported_brand".into()));
}

#[wasm_bindgen_test]
fn full_width_amex_and_its_code_length() {
    let r: JsValue = validate_card_number("３７８２ ８２２４６３ １０００５".into());
    assert_eq!(text(&r, "brand"), "amex");
    assert_eq!(text(&r, "formatted"), "3782 822463 10005");
    assert_eq!(get(&r, "securityCodeLength").as_f64(), Some(4.0));
}

#[wasm_bindgen_test]
fn format_returns_value_and_caret() {
    let r: JsValue = format_card_number("42424".into(), 5.into()).unwrap();
    assert_eq!(text(&r, "value"), "4242 4");
    assert_eq!(get(&r, "caret").as_f64(), Some(6.0));
    // A caret counted in UTF-16 units past an emoji (2 units) still lands after the right digit.
    let r: JsValue = format_card_number("4💳242".into(), 3.into()).unwrap();
    assert_eq!((text(&r, "value"), get(&r, "caret").as_f64()), ("4242".into(), Some(1.0)));
}

fn today(year: u32, month: u32) -> JsValue {
    let o = Object::new();
    Reflect::set(&o, &"year".into(), &year.into()).unwrap();
    Reflect::set(&o, &"month".into(), &month.into()).unwrap();
    o.into()
}

#[wasm_bindgen_test]
fn expiry_with_and_without_today() {
    let r: JsValue = validate_expiry("12/28".into(), Some(today(2026, 11))).unwrap();
    assert_eq!(text(&r, "state"), "valid");
    assert_eq!(get(&r, "month").as_f64(), Some(12.0));
    assert_eq!(get(&r, "year").as_f64(), Some(2028.0));
    assert_eq!(text(&r, "formatted"), "12 / 28");
    let r: JsValue = validate_expiry("10/26".into(), Some(today(2026, 11))).unwrap();
    assert_eq!((text(&r, "state"), text(&r, "code")), ("invalid".into(), "expired".into()));
    assert!(get(&r, "month").is_undefined(), "no month key on invalid");
    // Without `today` the browser clock is used: last year's date is always past.
    let last_year = js_sys::Date::new_0().get_full_year() - 1;
    let r: JsValue = validate_expiry(format!("01/{}", last_year % 100).into(), None).unwrap();
    assert_eq!(text(&r, "code"), "expired");
}

#[wasm_bindgen_test]
fn expiry_rejects_a_malformed_today() {
    let bad = JsValue::from_str("2026-11");
    assert!(validate_expiry("12/28".into(), Some(bad)).is_err());
    assert!(validate_expiry("12/28".into(), Some(today(2026, 11))).is_ok());
}

#[wasm_bindgen_test]
fn security_code_and_name() {
    let r: JsValue = validate_security_code("123".into(), "amex".into());
    assert_eq!((text(&r, "state"), text(&r, "code")), ("incomplete".into(), "incomplete".into()));
    let r: JsValue = validate_security_code("1234".into(), "amex".into());
    assert_eq!(text(&r, "state"), "valid");
    assert!(get(&r, "code").is_undefined());
    let r: JsValue = validate_security_code("1234".into(), JsValue::UNDEFINED);
    assert_eq!(text(&r, "state"), "valid");
    let r: JsValue = validate_name("4242 4242 4242 4242".into());
    assert_eq!((text(&r, "state"), text(&r, "code")), ("invalid".into(), "looks_like_card_number".into()));
    let r: JsValue = validate_name("  Taro Yamada ".into());
    assert_eq!(text(&r, "state"), "valid");
}

// Every export takes `unknown` at runtime. The glue wasm-bindgen generates for a `String`
// parameter handed a number, `null` or an object to the wasm as a broken string: `RuntimeError:
// memory access out of bounds`. The exports now read a `JsValue` themselves.

#[wasm_bindgen(inline_js = r#"
// The test's own glue, two levels up from this snippet, by the URL the test runner loaded it
// from (`./wasm-bindgen-test`, no extension: another URL would be another, uninitialized
// module): the exports called as a page calls them, through the generated JS, not from Rust.
const glue = () => import(new URL('../../wasm-bindgen-test', import.meta.url).href);

export async function call_export(name, args) {
  const f = (await glue())[name];
  if (typeof f !== 'function') throw new Error(`${name} is not exported`);
  try { return { value: f(...args) }; } catch (e) { return { thrown: e }; }
}

export async function construct_checkout(options) {
  const { OmiseCheckout } = await glue();
  try { return { value: new OmiseCheckout(options) }; } catch (e) { return { thrown: e }; }
}

/** A card form mounted through the glue, and each of its methods called with `args`. */
export async function form_methods_with(options, args) {
  const { OmiseCheckout } = await glue();
  const checkout = new OmiseCheckout(options);
  const el = document.createElement('div');
  document.body.append(el);
  const form = checkout.mountCardForm(el);
  const out = [];
  for (const name of ['on', 'off', 'focus', 'setLocale', 'showError', 'bindPayButton', 'busyWhile']) {
    try { await form[name](...args); out.push([name, null]); } catch (e) { out.push([name, e]); }
  }
  try { checkout.setLocale(...args); } catch (e) { out.push(['checkout.setLocale', e]); }
  form.destroy();
  checkout.destroy();
  el.remove();
  return out;
}

/** Values a page may pass by mistake, with a label each. */
export function odd_values() {
  const throwing = {};
  Object.defineProperty(throwing, 'toString', { get() { throw new Error('getter'); } });
  return [
    ['true', true], ['false', false], ['object', {}], ['array', ['4242']], ['null', null],
    ['undefined', undefined], ['symbol', Symbol('4242')], ['BigInt', 4242424242424242n],
    ['fraction', 4242.5], ['negative', -4242], ['NaN', NaN], ['Infinity', Infinity],
    ['unsafe integer', 2 ** 60], ['function', () => '4242'], ['String object', new String('4242')],
    ['throwing getter', throwing],
    ['throwing proxy', new Proxy({}, { get() { throw new Error('trap'); }, getPrototypeOf() { throw new Error('trap'); } })],
  ];
}

/** An options or card object whose every property read throws. */
export function throwing_object() {
  return new Proxy({}, {
    get() { throw new Error('getter'); }, has() { throw new Error('has'); },
    ownKeys() { throw new Error('ownKeys'); }, getOwnPropertyDescriptor() { throw new Error('gopd'); },
  });
}

/** `base`, its `key` now a getter that throws. */
export function throwing_getter(base, key) {
  Object.defineProperty(base, key, { get() { throw new Error(key); }, enumerable: true, configurable: true });
  return base;
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    async fn call_export(name: &str, args: Array) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn construct_checkout(options: JsValue) -> Result<JsValue, JsValue>;
    fn odd_values() -> Array;
    fn throwing_object() -> JsValue;
    fn throwing_getter(base: &JsValue, key: &str) -> JsValue;
    #[wasm_bindgen(catch)]
    async fn form_methods_with(options: JsValue, args: Array) -> Result<JsValue, JsValue>;
}

/// `(label, value)` pairs from `odd_values()`.
fn odd() -> Vec<(String, JsValue)> {
    odd_values()
        .iter()
        .map(|pair| {
            (Reflect::get_u32(&pair, 0).unwrap().as_string().unwrap(), Reflect::get_u32(&pair, 1).unwrap())
        })
        .collect()
}

/// Calls an export through the glue: `Ok(value)` or `Err(what it threw)`. A wasm trap (a
/// `RuntimeError`) fails the test whatever the caller expected.
async fn through_glue(name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let out = call_export(name, args.iter().collect()).await.expect("the glue loads");
    let thrown = get(&out, "thrown");
    if thrown.is_undefined() {
        return Ok(get(&out, "value"));
    }
    let kind = get(&get(&thrown, "constructor"), "name").as_string().unwrap_or_default();
    assert_ne!(kind, "RuntimeError", "{name} trapped: {:?}", get(&thrown, "message"));
    Err(thrown)
}

fn is_type_error(e: &JsValue, name: &str) -> bool {
    e.is_instance_of::<js_sys::TypeError>() && text(e, "message").starts_with(name)
}

#[wasm_bindgen_test]
async fn validate_card_number_reads_a_number_as_its_digits() {
    for r in [
        validate_card_number(JsValue::from_f64(4111111111111111.0)),
        through_glue("validateCardNumber", &[JsValue::from_f64(4111111111111111.0)]).await.unwrap(),
    ] {
        assert_eq!((text(&r, "state"), text(&r, "brand")), ("valid".into(), "visa".into()));
        assert_eq!(text(&r, "formatted"), "4111 1111 1111 1111");
    }
    // UnionPay (Luhn not required), and an expiry, a code and a name given as numbers.
    let r = through_glue("validateCardNumber", &[JsValue::from_f64(6221558812340000.0)]).await.unwrap();
    assert_eq!((text(&r, "state"), text(&r, "brand")), ("valid".into(), "unionpay".into()));
    let r = through_glue("validateExpiry", &[927.into(), today(2026, 11)]).await.unwrap();
    assert_eq!((text(&r, "state"), text(&r, "formatted")), ("valid".into(), "09 / 27".into()));
    let r = through_glue("validateSecurityCode", &[123.into(), "visa".into()]).await.unwrap();
    assert_eq!(text(&r, "state"), "valid");
    let r = through_glue("validateName", &[JsValue::from_f64(4242424242424242.0)]).await.unwrap();
    assert_eq!(text(&r, "code"), "looks_like_card_number");
    let r = through_glue("formatCardNumber", &[JsValue::from_f64(42424.0)]).await.unwrap();
    assert_eq!((text(&r, "value"), get(&r, "caret").as_f64()), ("4242 4".into(), Some(6.0)));
    let r = through_glue("formatExpiry", &[1228.into(), 4.into()]).await.unwrap();
    assert_eq!((text(&r, "value"), get(&r, "caret").as_f64()), ("12 / 28".into(), Some(7.0)));
}

#[wasm_bindgen_test]
async fn validators_answer_invalid_for_what_is_not_text() {
    for (label, value) in odd() {
        let from_rust = [
            ("validateCardNumber", validate_card_number(value.clone())),
            ("validateExpiry", validate_expiry(value.clone(), Some(today(2026, 11))).unwrap()),
            ("validateSecurityCode", validate_security_code(value.clone(), "visa".into())),
            ("validateName", validate_name(value.clone())),
        ];
        for (name, r) in from_rust {
            assert_eq!(
                (text(&r, "state"), text(&r, "code")),
                ("invalid".into(), "invalid".into()),
                "{name}({label})"
            );
        }
        for name in ["validateCardNumber", "validateExpiry", "validateSecurityCode", "validateName"] {
            let r = through_glue(name, std::slice::from_ref(&value))
                .await
                .unwrap_or_else(|e| panic!("{name}({label}) threw {e:?}"));
            assert_eq!(
                (text(&r, "state"), text(&r, "code")),
                ("invalid".into(), "invalid".into()),
                "{name}({label})"
            );
        }
        let r = validate_card_number(value.clone());
        assert_eq!(
            keys(&r),
            ["state", "code", "brand", "candidates", "formatted", "securityCodeLength"],
            "{label}"
        );
        assert!(get(&r, "brand").is_null(), "{label}");
        assert_eq!((text(&r, "formatted"), Array::from(&get(&r, "candidates")).length()), (String::new(), 0));
        // Formatters have no "invalid" to answer: a clean TypeError saying what they take.
        for name in ["formatCardNumber", "formatExpiry"] {
            let e = through_glue(name, &[value.clone(), 0.into()]).await.expect_err(&label);
            assert!(is_type_error(&e, name), "{name}({label}): {e:?}");
        }
        assert!(is_type_error(&format_card_number(value.clone(), 0.into()).unwrap_err(), "formatCardNumber"));
        assert!(is_type_error(&format_expiry(value.clone(), JsValue::NULL).unwrap_err(), "formatExpiry"));
        // As a brand, an odd value is an unknown brand (3–4 digits), not a crash.
        let r = through_glue("validateSecurityCode", &["1234".into(), value.clone()]).await.unwrap();
        assert_eq!(text(&r, "state"), "valid", "brand {label}");
        // As a caret, the end of the input.
        let r = through_glue("formatCardNumber", &["42424".into(), value.clone()]).await.unwrap();
        assert_eq!(text(&r, "value"), "4242 4", "caret {label}");
        // As `today`, a clean error.
        let e = through_glue("validateExpiry", &["12/28".into(), value.clone()]).await;
        if !value.is_null() && !value.is_undefined() {
            assert!(text(&e.expect_err(&label), "message").contains("today must be"), "today {label}");
        }
    }
}

#[wasm_bindgen_test]
async fn checkout_options_of_any_shape_throw_a_clean_error() {
    let mut cases: Vec<(String, JsValue, &str)> =
        odd().into_iter().filter(|(_, v)| !v.is_object()).map(|(l, v)| (l, v, "invalid_options")).collect();
    cases.push(("a string".into(), "pkey_test_123".into(), "invalid_options"));
    cases.push(("a proxy that throws".into(), throwing_object(), "invalid_key"));
    let key = |v: JsValue| {
        let o = Object::new();
        Reflect::set(&o, &"publicKey".into(), &v).unwrap();
        JsValue::from(o)
    };
    cases.push(("publicKey a number".into(), key(4242.into()), "invalid_key"));
    cases.push(("publicKey a symbol".into(), key(js_sys::Symbol::for_("pkey_test_1").into()), "invalid_key"));
    let valid = key("pkey_test_123".into());
    cases.push(("publicKey getter throws".into(), throwing_getter(&valid, "publicKey"), "invalid_key"));
    let with = |k: &str, v: JsValue| {
        let o = key("pkey_test_123".into());
        Reflect::set(&o, &k.into(), &v).unwrap();
        o
    };
    cases.push(("vaultUrl a number".into(), with("vaultUrl", 443.into()), "insecure_endpoint"));
    cases.push(("apiUrl an object".into(), with("apiUrl", Object::new().into()), "insecure_endpoint"));
    cases.push(("transport a number".into(), with("transport", 1.into()), "invalid_transport"));
    cases.push((
        "vaultUrl getter throws".into(),
        throwing_getter(&with("transport", "fetch".into()), "vaultUrl"),
        "insecure_endpoint",
    ));
    for (label, options, code) in cases {
        let Err(e) = OmiseCheckout::new(options.clone()) else { panic!("{label}: accepted") };
        assert_eq!(text(&e, "code"), code, "{label}");
        assert!(e.is_instance_of::<js_sys::Error>() && !text(&e, "message").is_empty(), "{label}");
        let out = construct_checkout(options).await.unwrap();
        let thrown = get(&out, "thrown");
        assert_eq!(text(&thrown, "code"), code, "{label} through the glue");
    }
    // Numbers where strings are expected elsewhere, and getters that throw, fall back to the
    // defaults: the checkout is made.
    let mut lenient = with("transport", "fetch".into());
    Reflect::set(&lenient, &"locale".into(), &42.into()).unwrap();
    Reflect::set(&lenient, &"timeoutMs".into(), &"5000".into()).unwrap();
    lenient = throwing_getter(&lenient, "readyTimeoutMs");
    let c = OmiseCheckout::new(throwing_getter(&lenient, "locale")).expect("defaults used");
    assert!(["en", "ja", "th"].contains(&c.locale().as_str()));
}

fn card(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    o.into()
}

fn good_card() -> Vec<(&'static str, JsValue)> {
    vec![
        ("name", "TARO YAMADA".into()),
        ("number", "4242424242424242".into()),
        ("expiration_month", 12.into()),
        ("expiration_year", 2031.into()),
        ("security_code", "123".into()),
    ]
}

/// `createToken`'s error for `card`: `(code, [(field, code)])`. Nothing is sent: the checkout's
/// endpoints are unreachable, so a request would end in `network_error`.
async fn token_error(card: JsValue) -> (String, Vec<(String, String)>) {
    let options = card_options();
    let checkout = OmiseCheckout::new(options).unwrap();
    let r = wasm_bindgen_futures::JsFuture::from(checkout.create_token(card)).await.expect("never rejects");
    let e = get(&r, "error");
    let fields =
        Array::from(&get(&e, "fields")).iter().map(|f| (text(&f, "field"), text(&f, "code"))).collect();
    (text(&e, "code"), fields)
}

fn card_options() -> JsValue {
    card(&[
        ("publicKey", "pkey_test_123".into()),
        ("transport", "fetch".into()),
        ("vaultUrl", "http://127.0.0.1:9".into()),
        ("apiUrl", "http://127.0.0.1:9".into()),
        ("timeoutMs", 1000.into()),
    ])
}

#[wasm_bindgen_test]
async fn create_token_reports_unreadable_card_fields_as_invalid() {
    let pairs = |key: &'static str, value: JsValue| {
        let mut c = good_card();
        c.retain(|(k, _)| *k != key);
        c.push((key, value));
        c
    };
    let field_of = |key: &'static str| match key {
        "expiration_month" | "expiration_year" => "expiry",
        "security_code" => "securityCode",
        other => other,
    };
    for key in ["name", "number", "expiration_month", "expiration_year", "security_code"] {
        for (label, value) in odd() {
            if value.is_null() || value.is_undefined() {
                continue; // missing: `required`
            }
            let (code, fields) = token_error(card(&pairs(key, value))).await;
            assert_eq!(code, "validation_error", "{key} = {label}");
            assert_eq!(fields, [(field_of(key).to_string(), "invalid".to_string())], "{key} = {label}");
        }
        let (_, fields) = token_error(card(&pairs(key, JsValue::NULL))).await;
        assert_eq!(fields, [(field_of(key).to_string(), "required".to_string())], "{key} = null");
        let (_, fields) = token_error(throwing_getter(&card(&good_card()), key)).await;
        assert_eq!(fields, [(field_of(key).to_string(), "invalid".to_string())], "{key} getter throws");
    }
    // A billing field of the form, unreadable, is invalid too; the rest of the card is fine.
    let (_, fields) = token_error(card(&pairs("city", Object::new().into()))).await;
    assert_eq!(fields, [("city".to_string(), "invalid".to_string())]);
    // Every field at once, billing fields included, in form order.
    let (code, fields) = token_error(throwing_object()).await;
    assert_eq!(code, "validation_error");
    let names: Vec<&str> = fields.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(names, ["number", "expiry", "securityCode", "name", "postalCode", "city", "country"]);
    assert!(fields.iter().all(|(_, code)| code == "invalid"), "{fields:?}");
    for value in [JsValue::from(42), JsValue::NULL, JsValue::UNDEFINED, js_sys::Symbol::for_("card").into()] {
        let (code, _) = token_error(value.clone()).await;
        assert_eq!(code, "validation_error", "{value:?}");
    }
    // Through the glue, a card that is not an object resolves to an error (no trap, no throw).
    let checkout = construct_checkout(card_options()).await.unwrap();
    let checkout = get(&checkout, "value");
    let create: js_sys::Function = get(&checkout, "createToken").dyn_into().unwrap();
    for value in [JsValue::from(42), JsValue::from_bool(true), js_sys::BigInt::from(42u32).into()] {
        let p: js_sys::Promise = create.call1(&checkout, &value).unwrap().dyn_into().unwrap();
        let r = wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
        assert_eq!(text(&get(&r, "error"), "code"), "validation_error");
    }
}

#[wasm_bindgen_test]
async fn create_token_reads_numbers_as_their_digits() {
    // A card number and a security code given as numbers tokenize (against the sandbox).
    let checkout = OmiseCheckout::new(common::options(&common::fresh_key().await, &[])).unwrap();
    let mut c = good_card();
    c[1] = ("number", JsValue::from_f64(6221558812340000.0));
    c[4] = ("security_code", 123.into());
    let r = wasm_bindgen_futures::JsFuture::from(checkout.create_token(card(&c))).await.unwrap();
    let token_card = get(&get(&r, "token"), "card");
    assert_eq!(get(&token_card, "brand").as_string().as_deref(), Some("UnionPay"), "{}", common::json(&r));
    assert_eq!(text(&token_card, "last_digits"), "0000");
}

#[wasm_bindgen_test]
async fn card_form_methods_never_trap_on_odd_arguments() {
    let key = common::fresh_key().await;
    for (label, value) in odd() {
        let calls = form_methods_with(common::options(&key, &[]), [value.clone(), value].iter().collect())
            .await
            .unwrap_or_else(|e| panic!("{label}: mounting failed: {e:?}"));
        for call in Array::from(&calls).iter() {
            let name = Reflect::get_u32(&call, 0).unwrap().as_string().unwrap();
            let thrown = Reflect::get_u32(&call, 1).unwrap();
            if thrown.is_null() {
                continue;
            }
            let kind = get(&get(&thrown, "constructor"), "name").as_string().unwrap_or_default();
            assert_ne!(kind, "RuntimeError", "{name}({label}) trapped: {:?}", get(&thrown, "message"));
        }
    }
}
