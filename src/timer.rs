//! What runs later: `setTimeout` with a handle that cancels on drop (STYLE.md pattern 6), so a
//! destroyed form or a finished poll never leaves a timer behind; a microtask (`soon`); a
//! promise's outcome (`then`).
//!
//! The widget has no futures runtime: a request, a tokenization or a poll is a chain of these
//! callbacks, each boxed, so the wasm carries one copy of the closure glue per kind of callback
//! (not one per closure), and no executor, task queue or wakers (−2.9 KB gzip on the checkout
//! page, −1.8 KB in the charge module when this replaced wasm-bindgen-futures).

use alloc::boxed::Box;

use js_sys::Promise;
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
    #[wasm_bindgen(js_name = queueMicrotask)]
    fn queue_microtask(f: &JsValue);
    /// A promise, with `then` and `finally` taking plain functions (js-sys wants closures).
    type Settles;
    #[wasm_bindgen(method, js_name = then)]
    fn then_call(this: &Settles, ok: &JsValue, failed: &JsValue);
    #[wasm_bindgen(method, js_name = finally)]
    fn finally_call(this: &Settles, f: &JsValue) -> Promise;
}

/// Runs `f` in a microtask: after the current call returns (so a caller can still register
/// for what `f` reports, and a timer's or listener's closure is not dropped while it runs),
/// before the page's next task.
pub fn soon(f: Box<dyn FnOnce()>) {
    queue_microtask(&Closure::once_into_js(f));
}

/// Calls `f` once `promise` settles: `Ok(value)` or `Err(reason)`. (One closure for both
/// outcomes, bound to `true` or `false`; whichever runs frees it.)
pub fn then(promise: &Promise, f: Box<dyn FnOnce(Result<JsValue, JsValue>)>) {
    let settled: js_sys::Function =
        Closure::once_into_js(move |ok: bool, value: JsValue| f(if ok { Ok(value) } else { Err(value) }))
            .unchecked_into();
    promise.unchecked_ref::<Settles>().then_call(
        &settled.bind1(&JsValue::NULL, &JsValue::TRUE),
        &settled.bind1(&JsValue::NULL, &JsValue::FALSE),
    );
}

/// `promise.finally(f)`: a promise that settles as `promise` does, after `f` ran.
pub fn finally(promise: &Promise, f: Box<dyn FnOnce()>) -> Promise {
    promise.unchecked_ref::<Settles>().finally_call(&Closure::once_into_js(f))
}

/// A promise and what resolves it, for an answer that a callback gives later.
pub fn promise() -> (Promise, Resolve) {
    let mut resolve = None;
    let promise = Promise::new(&mut |res, _| resolve = Some(res));
    (promise, Resolve(resolve))
}

/// The `resolve` of a promise from `promise()` (the executor runs inside `new Promise`, so it
/// is always there).
pub struct Resolve(Option<js_sys::Function>);

impl Resolve {
    pub fn with(self, value: &JsValue) {
        if let Some(resolve) = self.0 {
            let _ = resolve.call1(&JsValue::UNDEFINED, value);
        }
    }
}

/// A pending `setTimeout`; dropping it clears the timeout and frees the closure.
pub struct Timeout {
    id: JsValue,
    _closure: Closure<dyn FnMut()>,
}

impl Timeout {
    /// Runs `f` once after `ms` milliseconds, unless the handle is dropped first.
    pub fn new(ms: u32, f: impl FnOnce() + 'static) -> Option<Timeout> {
        Timeout::boxed(ms, Box::new(f))
    }

    /// The one copy of the arming code: each callback arrives boxed, so the closure glue is not
    /// repeated for every callback type (as `Listener` does).
    fn boxed(ms: u32, f: Box<dyn FnOnce()>) -> Option<Timeout> {
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
