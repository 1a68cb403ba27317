//! The wasm adapter of omise-checkout: the JS API, DOM, fetch and timers. Every rule lives in
//! `omise-checkout-core`; this crate reads the browser, calls the core and renders its answers.
//!
//! One crate, four wasm modules (features, see Cargo.toml): `checkout` (the checkout page),
//! `charge` (after the charge, loaded on demand), `status` (a return page's: `charge` without
//! `handleCharge`'s views and `authorize`) and `validators`. With both `checkout` and
//! `charge` (tests, the rlib) everything runs in one module; the checkout module alone hands
//! `handleCharge`/`pollStatus` to the charge module (`lazy_charge`).
//!
//! `no_std` with `alloc`. The `dist` feature (the shipped wasm) adds the panic handler below;
//! without it, and on any target but wasm32, `std` is linked for its panic handler (tests, host
//! builds, `cargo clippy`).

#![no_std]
// A module built alone leaves helpers the others use (e.g. the QR's time parsing on the checkout
// page): lint dead code in the whole build (the default) only.
#![cfg_attr(not(all(feature = "checkout", feature = "charge")), allow(dead_code))]

extern crate alloc;
#[cfg(any(not(feature = "dist"), not(target_arch = "wasm32")))]
extern crate std;

#[cfg(any(feature = "checkout", feature = "status"))]
mod api;
#[cfg(feature = "checkout")]
mod card_form;
#[cfg(any(feature = "checkout", feature = "status"))]
mod catalog;
#[cfg(feature = "charge")]
mod charge_view;
#[cfg(any(feature = "checkout", feature = "status"))]
mod checkout;
mod clock;
#[cfg(any(feature = "checkout", feature = "status"))]
mod config;
#[cfg(any(feature = "checkout", feature = "status"))]
mod device;
#[cfg(any(feature = "checkout", feature = "status"))]
mod dom;
#[cfg(feature = "checkout")]
mod events;
#[cfg(any(feature = "checkout", feature = "status"))]
mod intl;
mod js;
#[cfg(all(feature = "checkout", not(feature = "charge")))]
mod lazy_charge;
#[cfg(any(feature = "checkout", feature = "status"))]
mod listener;
#[cfg(any(feature = "checkout", feature = "charge"))]
mod payments;
#[cfg(feature = "checkout")]
mod picker;
#[cfg(feature = "status")]
mod poll;
#[cfg(feature = "checkout")]
mod provider;
#[cfg(any(feature = "checkout", feature = "status"))]
mod results;
#[cfg(feature = "checkout")]
mod sources;
#[cfg(any(feature = "checkout", feature = "status"))]
mod status;
#[cfg(any(feature = "checkout", feature = "status"))]
mod subject;
#[cfg(any(feature = "checkout", feature = "status"))]
mod timer;
#[cfg(feature = "checkout")]
mod tokens;
#[cfg(any(feature = "checkout", feature = "status"))]
mod transport;
mod types;
#[cfg(any(feature = "checkout", feature = "status"))]
mod types_methods;
#[cfg(feature = "validators")]
mod validators;
#[cfg(any(feature = "checkout", feature = "status"))]
mod words;

#[cfg(feature = "checkout")]
pub use card_form::CardForm;
#[cfg(any(feature = "checkout", feature = "status"))]
pub use catalog::message;
#[cfg(any(feature = "checkout", feature = "status"))]
pub use checkout::OmiseCheckout;
#[cfg(feature = "checkout")]
pub use picker::PaymentMethods;
#[cfg(any(feature = "checkout", feature = "status"))]
pub use status::status_message;
#[cfg(feature = "validators")]
pub use validators::*;

/// The allocator of every wasm32 build (the shipped one and the browser tests alike, so the
/// memory and wiping tests check the allocator that ships): talc instead of std's dlmalloc.
/// Talc is maintained, has a documented setup for single-threaded wasm (memory grows through
/// `memory.grow`, freed chunks are coalesced and reused, so mount/destroy cycles stay flat),
/// and is several KB smaller than dlmalloc. lol_alloc is smaller still, but its free list is
/// a linear first-fit scan and its README asks users to use it at their own risk.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// The shipped wasm's panic handler: a trap (a JS `RuntimeError: unreachable`), as `std`'s did
/// under `panic = "abort"`, without `std`'s message formatting.
#[cfg(all(feature = "dist", target_arch = "wasm32"))]
#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    core::arch::wasm32::unreachable()
}
