//! The one place Rust values become JS values (STYLE.md pattern 5).

use wasm_bindgen::JsValue;

/// `object[key]` as a whole number that fits in `u32`, else `None`.
pub fn uint_field(object: &JsValue, key: &str) -> Option<u32> {
    let n = js_sys::Reflect::get(object, &JsValue::from_str(key)).ok()?.as_f64()?;
    (n.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(&n)).then_some(n as u32)
}

/// `object[key]`, `undefined` when missing or when `object` is not an object.
pub fn get(object: &JsValue, key: &str) -> JsValue {
    if !object.is_object() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// `object[key]` as a string, if it is one.
pub fn get_str(object: &JsValue, key: &str) -> Option<String> {
    get(object, key).as_string()
}

/// `object[key]` as text: strings as they are, finite numbers written out (expiry fields may
/// arrive as `12` or `"12"`).
pub fn get_text(object: &JsValue, key: &str) -> Option<String> {
    let v = get(object, key);
    if let Some(s) = v.as_string() {
        return Some(s);
    }
    let n = v.as_f64().filter(|n| n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15)?;
    Some((n as i64).to_string())
}

/// A plain object from key/value pairs.
pub fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

/// Sets `object[key] = value`.
pub fn set(object: &JsValue, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &JsValue::from_str(key), value);
}

/// A string or `null`.
pub fn str_or_null(value: Option<&str>) -> JsValue {
    value.map(JsValue::from_str).unwrap_or(JsValue::NULL)
}
