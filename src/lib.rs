//! The wasm adapter of omise-checkout: the JS API, DOM, fetch and timers. Every rule lives in
//! `omise-checkout-core`; this crate reads the browser, calls the core and renders its answers.
//!
//! `no_std` with `alloc`. The `dist` feature (the shipped wasm) adds the panic handler below;
//! without it, and on any target but wasm32, `std` is linked for its panic handler (tests, host
//! builds, `cargo clippy`).

#![no_std]

extern crate alloc;
#[cfg(any(not(feature = "dist"), not(target_arch = "wasm32")))]
extern crate std;

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
