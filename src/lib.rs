//! The wasm adapter of omise-checkout: the JS API, DOM, fetch and timers. Every rule lives in
//! `omise-checkout-core`; this crate reads the browser, calls the core and renders its answers.

mod api;
mod card_form;
mod catalog;
mod charge_view;
mod checkout;
mod clock;
mod config;
mod dom;
mod events;
mod intl;
mod js;
mod listener;
mod payments;
mod picker;
mod poll;
mod provider;
mod results;
mod timer;
mod transport;
mod types;
mod types_methods;
mod validators;

pub use card_form::CardForm;
pub use catalog::message;
pub use checkout::OmiseCheckout;
pub use picker::PaymentMethods;
pub use poll::status_message;
pub use validators::*;
