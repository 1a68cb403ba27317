//! Memory and DOM over many mounts with the provider transport. Alone in its own test binary:
//! the browser tests of one binary run side by side in one page, and their allocations would
//! blur a measurement of wasm memory.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::disallowed_macros, clippy::disallowed_methods)] // clippy.toml's rules are for the wasm, not tests

mod common;

use common::*;
use omise_checkout::OmiseCheckout;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn wasm_memory() -> u32 {
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().dyn_into().unwrap();
    memory.buffer().dyn_into::<js_sys::ArrayBuffer>().unwrap().byte_length()
}

fn provider_frames() -> u32 {
    document().query_selector_all("iframe[src*='/provider?']").unwrap().length()
}

/// Lets the microtasks queued by the cycles run (each mount queues its `ready` event).
async fn settle() {
    JsFuture::from(js_sys::Promise::resolve(&JsValue::UNDEFINED)).await.unwrap();
    sleep(0).await;
}

#[wasm_bindgen_test]
async fn a_thousand_mounts_and_destroys_keep_memory_the_dom_and_the_iframes_flat() {
    let key = fresh_key().await;
    let checkout = OmiseCheckout::new(options(&key, &[])).unwrap();
    let target = container();
    // One form that stays (its iframe opens in the task after the mount), and forms that come
    // and go beside it.
    let kept = checkout.mount_card_form(container().into(), JsValue::UNDEFINED).unwrap();
    settle().await;
    let nodes = || document().get_elements_by_tag_name("*").length();
    let cycle = || {
        let form = checkout.mount_card_form(target.clone().into(), JsValue::UNDEFINED).unwrap();
        form.destroy();
    };
    for _ in 0..50 {
        cycle();
        settle().await;
    }
    let (n0, m0) = (nodes(), wasm_memory());
    assert_eq!(provider_frames(), 1, "one iframe, kept by the live checkout");
    for _ in 0..1000 {
        cycle();
        settle().await;
    }
    assert_eq!(nodes(), n0, "DOM nodes");
    assert_eq!(wasm_memory(), m0, "wasm memory");
    checkout.destroy();
    assert_eq!(provider_frames(), 1, "still used by the kept form");
    kept.destroy();
    assert_eq!(provider_frames(), 0, "the iframe goes with the last form and the checkout");
    // Checkouts that come and go take their iframes (and listeners) with them.
    let n1 = nodes();
    for _ in 0..100 {
        let c = OmiseCheckout::new(options(&key, &[])).unwrap();
        let form = c.mount_card_form(target.clone().into(), JsValue::UNDEFINED).unwrap();
        settle().await;
        assert_eq!(provider_frames(), 1, "the iframe opens once the form has mounted");
        form.destroy();
        c.destroy();
    }
    assert_eq!(provider_frames(), 0, "provider iframes");
    assert_eq!(nodes(), n1, "DOM nodes");
    assert_eq!(wasm_memory(), m0, "wasm memory");
}
