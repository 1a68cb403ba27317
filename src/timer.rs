//! `setTimeout` with a handle that cancels on drop (STYLE.md pattern 6), so a destroyed form
//! or a finished poll never leaves a timer behind.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    // The global functions, with the id kept as an opaque value: web-sys types it `i32`, but
    // fake clocks in merchants' test suites (Playwright's `page.clock`, @sinonjs/fake-timers)
    // hand out ids from 10^12 up, and a truncated id would leave the timer armed after drop.
    #[wasm_bindgen(js_name = setTimeout)]
    fn set_timeout(handler: &js_sys::Function, ms: i32) -> JsValue;
    #[wasm_bindgen(js_name = clearTimeout)]
    fn clear_timeout(id: &JsValue);
}

/// A pending `setTimeout`; dropping it clears the timeout and frees the closure.
pub struct Timeout {
    id: JsValue,
    _closure: Closure<dyn FnMut()>,
}

impl Timeout {
    /// Runs `f` once after `ms` milliseconds, unless the handle is dropped first.
    pub fn new(ms: u32, f: impl FnOnce() + 'static) -> Option<Timeout> {
        let mut f = Some(f);
        let closure = Closure::<dyn FnMut()>::new(move || {
            if let Some(f) = f.take() {
                f();
            }
        });
        let id = set_timeout(closure.as_ref().unchecked_ref(), ms.min(i32::MAX as u32) as i32);
        Some(Timeout { id, _closure: closure })
    }
}

impl Drop for Timeout {
    fn drop(&mut self) {
        clear_timeout(&self.id);
    }
}
