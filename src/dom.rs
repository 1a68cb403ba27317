//! Small DOM helpers for the picker and the charge views: elements with a class, unique ids,
//! text nodes. Text only (`textContent`), never markup; classes only, never inline styles.

use alloc::string::String;

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlElement};

/// The next id (an atomic, not `thread_local!`, which `no_std` lacks; the wasm has one thread).
static NEXT_ID: core::sync::atomic::AtomicU32 = core::sync::atomic::AtomicU32::new(1);

pub fn document() -> Option<Document> {
    web_sys::window()?.document()
}

/// `<tag class="class">` (no class when empty).
pub fn el(document: &Document, tag: &str, class: &str) -> Option<HtmlElement> {
    let e: HtmlElement = document.create_element(tag).ok()?.dyn_into().ok()?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    Some(e)
}

/// `<tag class>` with `text`, appended to `parent`.
pub fn text_in(parent: &Element, tag: &str, class: &str, text: &str) -> Option<HtmlElement> {
    let e = el(&parent.owner_document()?, tag, class)?;
    e.set_text_content(Some(text));
    parent.append_child(&e).ok()?;
    Some(e)
}

/// A page-unique id: `omise-<kind><n>` (no `format!`: STYLE.md rule 9).
pub fn unique_id(kind: &str) -> String {
    let n = NEXT_ID.fetch_add(1, core::sync::atomic::Ordering::Relaxed);
    let mut id = String::with_capacity(16);
    id.push_str("omise-");
    id.push_str(kind);
    omise_checkout_core::request::push_uint(&mut id, u64::from(n));
    id
}

/// `a` + `-` + `b`.
pub fn join(a: &str, b: &str) -> String {
    let mut s = String::with_capacity(a.len() + b.len() + 1);
    s.push_str(a);
    s.push('-');
    s.push_str(b);
    s
}

/// An element, or the first match of a CSS selector.
pub fn find(target: &wasm_bindgen::JsValue) -> Option<Element> {
    match target.as_string() {
        Some(selector) => document()?.query_selector(&selector).ok().flatten(),
        None => target.dyn_ref::<Element>().cloned(),
    }
}

/// Polite announcement; emptied first so the same text is read again.
pub fn announce(live: &HtmlElement, text: &str) {
    live.set_text_content(None);
    live.set_text_content(Some(text));
}
