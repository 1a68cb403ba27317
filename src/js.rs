//! The one place Rust values become JS values (STYLE.md pattern 5).

use alloc::string::String;
use alloc::vec::Vec;
use core::cell::RefCell;

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;

#[wasm_bindgen(
    inline_js = "export function omiseWindow() { return typeof window == 'object' ? window : undefined; }"
)]
extern "C" {
    #[wasm_bindgen(js_name = omiseWindow)]
    fn window_or_none() -> Option<web_sys::Window>;
}

/// The page's `window`, `None` in a worker or in Node: one small import instead of
/// `web_sys::window()`, whose search of the global object (`globalThis`, `self`, `window`,
/// `global`, each cached in a lazy static) js-sys links into every module.
pub fn window() -> Option<web_sys::Window> {
    window_or_none()
}

/// `object[key]` as a whole number that fits in `u32`, else `None`.
pub fn uint_field(object: &JsValue, key: &str) -> Option<u32> {
    let n = js_sys::Reflect::get(object, &JsValue::from_str(key)).ok()?.as_f64()?;
    (omise_checkout_core::is_whole(n) && (0.0..=u32::MAX as f64).contains(&n)).then_some(n as u32)
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

/// Largest integer a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// A JS value read as text whatever its type (the exports take `unknown` at runtime): a string
/// as it is; a whole number from 0 to `Number.MAX_SAFE_INTEGER` as its decimal digits
/// (`4111111111111111`, an expiry month `12`); `None` for anything else: other numbers (a
/// larger one has already lost digits), booleans, objects, `null`, `undefined`, symbols,
/// BigInt.
pub fn text(value: &JsValue) -> Option<String> {
    if let Some(s) = value.as_string() {
        return Some(s);
    }
    let n = value
        .as_f64()
        .filter(|n| omise_checkout_core::is_whole(*n) && (0.0..=MAX_SAFE_INTEGER).contains(n))?;
    // Written out by hand, in a buffer that never grows (no `to_string` in the wasm, and no
    // stray copy of a card number left behind by a reallocation).
    let mut digits = String::with_capacity(20);
    omise_checkout_core::request::push_uint(&mut digits, n as u64);
    Some(digits)
}

/// A property read with [`text`].
#[derive(Debug, PartialEq, Eq)]
pub enum Prop {
    /// Absent, `undefined` or `null` (or the object is not an object).
    Missing,
    Text(String),
    /// Of a type that is not text (`true`, `{}`, `1.5`, a symbol…), or its getter threw.
    Unreadable,
}

/// `object[key]` as text. A getter that throws is `Unreadable`: `Reflect.get` is caught, never
/// left to unwind through the wasm.
pub fn prop_text(object: &JsValue, key: &str) -> Prop {
    if !object.is_object() {
        return Prop::Missing;
    }
    match js_sys::Reflect::get(object, &JsValue::from_str(key)) {
        Ok(v) if v.is_undefined() || v.is_null() => Prop::Missing,
        Ok(v) => text(&v).map_or(Prop::Unreadable, Prop::Text),
        Err(_) => Prop::Unreadable,
    }
}

/// JS strings for the few dozen static texts used as keys and codes, made once: decoding a
/// string across the boundary for every key was most of a validator call's cost.
static STATIC_STRS: SingleThreaded<RefCell<Vec<(&'static str, JsValue)>>> =
    SingleThreaded(RefCell::new(Vec::new()));

/// A `static` for the wasm's one thread (`no_std` has no `thread_local!`).
pub(crate) struct SingleThreaded<T>(pub(crate) T);

// SAFETY: the widget runs on the page's one thread: wasm32 without the `atomics` target feature
// has no threads, and host builds (clippy, `cargo test`) never call into JS.
unsafe impl<T> Sync for SingleThreaded<T> {}

/// The JS string for a static text, cached.
pub fn static_str(s: &'static str) -> JsValue {
    // `try_borrow_mut`: never busy (nothing here calls back into it), and it has no panic path,
    // whose message formatting would bring `core::fmt` into the validators' wasm.
    let Ok(mut cache) = STATIC_STRS.0.try_borrow_mut() else { return JsValue::from_str(s) };
    if let Some((_, v)) = cache.iter().find(|(k, _)| core::ptr::eq(*k, s)) {
        return v.clone();
    }
    let v = JsValue::from_str(s);
    // Bounded: static texts are finite, but stay small whatever happens.
    if cache.len() < 256 {
        cache.push((s, v.clone()));
    }
    v
}

/// A plain object from key/value pairs.
pub fn object(pairs: &[(&'static str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &static_str(k), v);
    }
    o.into()
}

/// The strings of an array (other items skipped); empty for anything that is not an array.
#[cfg(feature = "checkout")]
pub fn strings(value: &JsValue) -> Vec<String> {
    match wasm_bindgen::JsCast::dyn_ref::<js_sys::Array>(value) {
        Some(list) => list.iter().filter_map(|v| v.as_string()).collect(),
        None => Vec::new(),
    }
}

/// Sets `object[key] = value`.
pub fn set(object: &JsValue, key: &'static str, value: &JsValue) {
    let _ = js_sys::Reflect::set(object, &static_str(key), value);
}

/// A string or `null`.
pub fn str_or_null(value: Option<&'static str>) -> JsValue {
    value.map(static_str).unwrap_or(JsValue::NULL)
}
