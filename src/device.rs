//! The shopper's device (phone or desktop), from the options or the browser: bank apps are
//! offered on phones only, and "Save QR image" shows there.

use omise_checkout_core::methods::{self, DeviceKind};
use wasm_bindgen::JsValue;

use crate::js;

/// The device: the `device` option (`phone`, `ios`, `android`, `desktop`), else the browser's.
/// Another value throws `invalid_options` (a misspelt `"Phone"` would silently offer a
/// computer's methods on a phone, or the other way round).
pub(crate) fn device(options: &JsValue) -> Result<DeviceKind, JsValue> {
    let given = js::get(options, "device");
    Ok(match given.as_string().as_deref() {
        Some("ios") => DeviceKind::Ios,
        Some("android") => DeviceKind::Android,
        Some("phone") => DeviceKind::OtherPhone,
        Some("desktop") => DeviceKind::Desktop,
        _ if given.is_undefined() || given.is_null() => {
            let nav = crate::js::window().map(|w| w.navigator());
            let ua = nav.as_ref().and_then(|n| n.user_agent().ok()).unwrap_or_default();
            let touch = nav.is_some_and(|n| n.max_touch_points() > 1);
            methods::device_of(&ua, touch)
        }
        _ => {
            return Err(crate::config::error(
                "invalid_options",
                "omise-checkout: device must be phone, ios, android or desktop",
            ))
        }
    })
}
