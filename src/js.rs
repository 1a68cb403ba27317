//! The one place Rust values become JS values (STYLE.md pattern 5).

use serde::Serialize;
use tsify::{Ts, Tsify};
use wasm_bindgen::JsValue;

/// Plain JS objects: `None` becomes `null`, maps become objects, numbers stay numbers.
pub fn to_value<T: Serialize + ?Sized>(value: &T) -> JsValue {
    // Serializing our own plain structs cannot fail; `null` is the harmless fallback.
    value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

/// A typed JS value for an exported function's signature.
pub fn to_js<T: Serialize + Tsify>(value: &T) -> Ts<T> {
    Ts::new_unchecked(to_value(value))
}

/// `object[key]` as a whole number that fits in `u32`, else `None`.
pub fn uint_field(object: &JsValue, key: &str) -> Option<u32> {
    let n = js_sys::Reflect::get(object, &JsValue::from_str(key)).ok()?.as_f64()?;
    (n.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(&n)).then_some(n as u32)
}
