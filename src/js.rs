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

thread_local! {
    /// JS strings for the few dozen static texts used as keys and codes, made once: decoding a
    /// string across the boundary for every key was most of a validator call's cost.
    static STATIC_STRS: std::cell::RefCell<Vec<(&'static str, JsValue)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The JS string for a static text, cached.
pub fn static_str(s: &'static str) -> JsValue {
    STATIC_STRS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((_, v)) = cache.iter().find(|(k, _)| std::ptr::eq(*k, s)) {
            return v.clone();
        }
        let v = JsValue::from_str(s);
        // Bounded: static texts are finite, but stay small whatever happens.
        if cache.len() < 256 {
            cache.push((s, v.clone()));
        }
        v
    })
}

/// A plain object from key/value pairs.
pub fn object(pairs: &[(&'static str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &static_str(k), v);
    }
    o.into()
}

/// Sets `object[key] = value`.
pub fn set(object: &JsValue, key: &'static str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &static_str(key), value);
}

/// A string or `null`.
pub fn str_or_null(value: Option<&'static str>) -> JsValue {
    value.map(static_str).unwrap_or(JsValue::NULL)
}
