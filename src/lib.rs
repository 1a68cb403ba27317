//! The wasm adapter of omise-checkout: the JS API, DOM, fetch and timers. Every rule lives in
//! `omise-checkout-core`; this crate reads the browser, calls the core and renders its answers.
//!
//! One crate, three wasm modules (features, see Cargo.toml): `checkout` (the checkout page),
//! `charge` (after the charge, loaded on demand) and `validators`. With both `checkout` and
//! `charge` (tests, the rlib) everything runs in one module; the checkout module alone hands
//! `handleCharge`/`pollStatus` to the charge module (`lazy_charge`).

// A module built alone leaves helpers the others use (e.g. the QR's time parsing on the checkout
// page): lint dead code in the whole build (the default) only.
#![cfg_attr(not(all(feature = "checkout", feature = "charge")), allow(dead_code))]

#[cfg(any(feature = "checkout", feature = "charge"))]
mod api;
#[cfg(feature = "checkout")]
mod card_form;
#[cfg(any(feature = "checkout", feature = "charge"))]
mod catalog;
#[cfg(feature = "charge")]
mod charge_view;
#[cfg(any(feature = "checkout", feature = "charge"))]
mod checkout;
mod clock;
#[cfg(any(feature = "checkout", feature = "charge"))]
mod config;
#[cfg(any(feature = "checkout", feature = "charge"))]
mod device;
#[cfg(any(feature = "checkout", feature = "charge"))]
mod dom;
#[cfg(feature = "checkout")]
mod events;
#[cfg(any(feature = "checkout", feature = "charge"))]
mod intl;
mod js;
#[cfg(all(feature = "checkout", not(feature = "charge")))]
mod lazy_charge;
#[cfg(any(feature = "checkout", feature = "charge"))]
mod listener;
#[cfg(any(feature = "checkout", feature = "charge"))]
mod payments;
#[cfg(feature = "checkout")]
mod picker;
#[cfg(feature = "charge")]
mod poll;
#[cfg(feature = "checkout")]
mod provider;
#[cfg(any(feature = "checkout", feature = "charge"))]
mod results;
#[cfg(any(feature = "checkout", feature = "charge"))]
mod status;
#[cfg(any(feature = "checkout", feature = "charge"))]
mod subject;
#[cfg(any(feature = "checkout", feature = "charge"))]
mod timer;
#[cfg(any(feature = "checkout", feature = "charge"))]
mod transport;
mod types;
#[cfg(any(feature = "checkout", feature = "charge"))]
mod types_methods;
#[cfg(feature = "validators")]
mod validators;

#[cfg(feature = "checkout")]
pub use card_form::CardForm;
#[cfg(any(feature = "checkout", feature = "charge"))]
pub use catalog::message;
#[cfg(any(feature = "checkout", feature = "charge"))]
pub use checkout::OmiseCheckout;
#[cfg(feature = "checkout")]
pub use picker::PaymentMethods;
#[cfg(any(feature = "checkout", feature = "charge"))]
pub use status::status_message;
#[cfg(feature = "validators")]
pub use validators::*;
