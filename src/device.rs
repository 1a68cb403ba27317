//! The shopper's device (phone or desktop), from the options or the browser: bank apps are
//! offered on phones only, and "Save QR image" shows there.

use omise_checkout_core::methods::{self, DeviceKind};
use wasm_bindgen::JsValue;

use crate::js;

/// The device: the `device` option (`phone`, `ios`, `android`, `desktop`), else the browser's.
pub(crate) fn device(options: &JsValue) -> DeviceKind {
    match js::get_str(options, "device").as_deref() {
        Some("ios") => DeviceKind::Ios,
        Some("android") => DeviceKind::Android,
        Some("phone") => DeviceKind::OtherPhone,
        Some("desktop") => DeviceKind::Desktop,
        _ => {
            let nav = crate::js::window().map(|w| w.navigator());
            let ua = nav.as_ref().and_then(|n| n.user_agent().ok()).unwrap_or_default();
            let touch = nav.is_some_and(|n| n.max_touch_points() > 1);
            methods::device_of(&ua, touch)
        }
    }
}
