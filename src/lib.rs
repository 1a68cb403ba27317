//! The wasm adapter of omise-checkout: the JS API, DOM, fetch and timers. Every rule lives in
//! `omise-checkout-core`; this crate reads the browser, calls the core and renders its answers.

mod clock;
mod js;
mod types;
mod validators;

pub use validators::*;
