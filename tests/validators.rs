//! Browser tests of the exported validators: what JS receives across the boundary
//! (plain objects, camelCase keys, `null` brand), in headless Chromium.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect};
use omise_checkout::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

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
    let r: JsValue = format_card_number("42424".into(), 5);
    assert_eq!(text(&r, "value"), "4242 4");
    assert_eq!(get(&r, "caret").as_f64(), Some(6.0));
    // A caret counted in UTF-16 units past an emoji (2 units) still lands after the right digit.
    let r: JsValue = format_card_number("4💳242".into(), 3);
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
    let r: JsValue = validate_expiry("12/28", Some(today(2026, 11))).unwrap();
    assert_eq!(text(&r, "state"), "valid");
    assert_eq!(get(&r, "month").as_f64(), Some(12.0));
    assert_eq!(get(&r, "year").as_f64(), Some(2028.0));
    assert_eq!(text(&r, "formatted"), "12 / 28");
    let r: JsValue = validate_expiry("10/26", Some(today(2026, 11))).unwrap();
    assert_eq!((text(&r, "state"), text(&r, "code")), ("invalid".into(), "expired".into()));
    assert!(get(&r, "month").is_undefined(), "no month key on invalid");
    // Without `today` the browser clock is used: last year's date is always past.
    let last_year = js_sys::Date::new_0().get_full_year() - 1;
    let r: JsValue = validate_expiry(&format!("01/{}", last_year % 100), None).unwrap();
    assert_eq!(text(&r, "code"), "expired");
}

#[wasm_bindgen_test]
fn expiry_rejects_a_malformed_today() {
    let bad = JsValue::from_str("2026-11");
    assert!(validate_expiry("12/28", Some(bad)).is_err());
    assert!(validate_expiry("12/28", Some(today(2026, 11))).is_ok());
}

#[wasm_bindgen_test]
fn security_code_and_name() {
    let r: JsValue = validate_security_code("123".into(), Some("amex".into()));
    assert_eq!((text(&r, "state"), text(&r, "code")), ("incomplete".into(), "incomplete".into()));
    let r: JsValue = validate_security_code("1234".into(), Some("amex".into()));
    assert_eq!(text(&r, "state"), "valid");
    assert!(get(&r, "code").is_undefined());
    let r: JsValue = validate_security_code("1234".into(), None);
    assert_eq!(text(&r, "state"), "valid");
    let r: JsValue = validate_name("4242 4242 4242 4242");
    assert_eq!((text(&r, "state"), text(&r, "code")), ("invalid".into(), "looks_like_card_number".into()));
    let r: JsValue = validate_name("  Taro Yamada ");
    assert_eq!(text(&r, "state"), "valid");
}
