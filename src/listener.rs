//! A DOM event listener that removes itself on drop (gloo's EventListener, in twenty lines).

use alloc::boxed::Box;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Event, EventTarget};

/// An attached listener; dropping it detaches it and frees the closure.
pub struct Listener {
    target: EventTarget,
    kind: &'static str,
    capture: bool,
    closure: Closure<dyn FnMut(Event)>,
}

impl Listener {
    pub fn new(target: &EventTarget, kind: &'static str, f: impl FnMut(Event) + 'static) -> Listener {
        Listener::with_capture(target, kind, false, f)
    }

    /// In the capture phase: runs before the page's own listeners on the same target.
    pub fn with_capture(
        target: &EventTarget,
        kind: &'static str,
        capture: bool,
        f: impl FnMut(Event) + 'static,
    ) -> Listener {
        Listener::attach(target, kind, capture, Box::new(f))
    }

    /// The one copy of the attaching code: each listener's closure arrives boxed, so the
    /// wasm-bindgen closure glue is not repeated for every closure type.
    fn attach(target: &EventTarget, kind: &'static str, capture: bool, f: Box<dyn FnMut(Event)>) -> Listener {
        let closure = Closure::wrap(f);
        let _ =
            target.add_event_listener_with_callback_and_bool(kind, closure.as_ref().unchecked_ref(), capture);
        Listener { target: target.clone(), kind, capture, closure }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self.target.remove_event_listener_with_callback_and_bool(
            self.kind,
            self.closure.as_ref().unchecked_ref(),
            self.capture,
        );
    }
}
