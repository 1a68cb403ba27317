//! Small DOM helpers for the card form, the picker and the charge views: elements with a class,
//! unique ids, text nodes. Text only (`textContent`), never markup; classes only, never inline
//! styles.
//!
//! The calls that build the widget's own elements are bound here without `catch`: web-sys
//! binds `createElement`, `setAttribute` and `appendChild` as throwing (they can, for a bad tag
//! or attribute name, or a node put inside itself), and every call then carries its `Result`,
//! whose `?` drops each value built so far (−2.5 KB gzip on the checkout module, −1.2 KB on the
//! charge module without them). Here the tags and attribute names are static and valid, and a
//! new element is only ever appended to an element, never to itself or a descendant, so none
//! of them can throw.

use alloc::string::String;

use omise_checkout_core::request::concat;
use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement, Node};

#[wasm_bindgen]
extern "C" {
    /// Any DOM object, for the calls below (web-sys's own types cannot take new methods here).
    type Raw;
    #[wasm_bindgen(method, js_name = createElement)]
    fn create_element(this: &Raw, tag: &str) -> HtmlElement;
    #[wasm_bindgen(method, js_name = createElementNS)]
    fn create_element_ns(this: &Raw, namespace: &str, tag: &str) -> Element;
    #[wasm_bindgen(method, js_name = setAttribute)]
    fn set_attribute(this: &Raw, name: &str, value: &str);
    #[wasm_bindgen(method, catch, js_name = appendChild)]
    fn append_child(this: &Raw, child: &Node) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(method, catch, js_name = querySelector)]
    fn query_selector(this: &Raw, selector: &str) -> Result<Option<Element>, JsValue>;
    #[wasm_bindgen(method, getter, js_name = ownerDocument)]
    fn owner_document(this: &Raw) -> Document;
    #[wasm_bindgen(method, js_name = removeAttribute)]
    fn remove_attribute(this: &Raw, name: &str);
    #[wasm_bindgen(method, getter, js_name = classList)]
    fn class_list(this: &Raw) -> Raw;
    #[wasm_bindgen(method)]
    fn toggle(this: &Raw, class: &str, on: bool) -> bool;
}

fn raw(object: &JsValue) -> &Raw {
    object.unchecked_ref()
}

/// `document.createElementNS(namespace, tag)` for a static SVG tag (never throws).
pub fn el_ns(document: &Document, namespace: &str, tag: &str) -> Element {
    raw(document).create_element_ns(namespace, tag)
}

/// `element.setAttribute(name, value)` with a static, valid name (never throws).
pub fn set_attr(element: &Element, name: &str, value: &str) {
    raw(element).set_attribute(name, value);
}

/// `element.removeAttribute(name)` (never throws).
pub fn remove_attr(element: &Element, name: &str) {
    raw(element).remove_attribute(name);
}

/// `element.classList.toggle(class, on)` for a static class name (never throws).
pub fn toggle_class(element: &Element, class: &str, on: bool) {
    raw(element).class_list().toggle(class, on);
}

/// `parent.appendChild(child)` of a node that is not an ancestor of `parent` (never throws).
/// (One binding for this and [`try_add`]: the `catch` one, whose result is dropped here.)
pub fn add(parent: &Node, child: &Node) {
    let _ = raw(parent).append_child(child);
}

/// `parent.appendChild(child)` where `parent` or `child` is the merchant's (a target, their
/// card form's container): it can throw (e.g. a node put inside itself), so it is checked.
pub fn try_add(parent: &Node, child: &Node) -> bool {
    raw(parent).append_child(child).is_ok()
}

/// `root.querySelector(selector)` on an element or a document; `None` for no match or a
/// selector the browser cannot read (a merchant's).
pub fn query(root: &Node, selector: &str) -> Option<Element> {
    raw(root).query_selector(selector).ok().flatten()
}

/// An element's `ownerDocument` (never `null` for an element).
pub fn owner(element: &Element) -> Document {
    raw(element).owner_document()
}

/// The next id (an atomic, not `thread_local!`, which `no_std` lacks; the wasm has one thread).
static NEXT_ID: core::sync::atomic::AtomicU32 = core::sync::atomic::AtomicU32::new(1);

pub fn document() -> Option<Document> {
    crate::js::window()?.document()
}

/// `<tag class="class">` (no class when empty) for a static HTML tag (never throws).
pub fn el(document: &Document, tag: &str, class: &str) -> HtmlElement {
    let e = raw(document).create_element(tag);
    if !class.is_empty() {
        set_attr(&e, "class", class);
    }
    e
}

/// `<tag class>` with `text`, appended to `parent`.
pub fn text_in(parent: &Element, tag: &str, class: &str, text: &str) -> HtmlElement {
    // An element's `ownerDocument` is never `null`.
    let e = el(&owner(parent), tag, class);
    e.set_text_content(Some(text));
    add(parent, &e);
    e
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
        Some(selector) => {
            let document = document()?;
            query(&document, &selector)
        }
        None => target.dyn_ref::<Element>().cloned(),
    }
}

/// One labelled text field, as the card form and the picker build theirs:
/// `<div class="omise-field omise-field--{kind}"><label for={id}>` label `</label><div
/// class="omise-control"><input id={id} type="text" …></div>` [`<div class="omise-hint"
/// id="{id}-hint">` hint `</div>`] `<div class="omise-error" id="{id}-error"></div></div>`.
/// `type="text"` with an `inputmode` set by the caller: the browser's own checks (email, number)
/// would speak over the widget's, in another language. No `name`, no `pattern`, no inline
/// style. `aria-describedby` names the error and the hint; a caller that adds a described
/// element sets it again.
pub struct FieldParts {
    pub wrap: HtmlElement,
    pub label: HtmlElement,
    pub control: HtmlElement,
    pub input: web_sys::HtmlInputElement,
    pub hint: Option<HtmlElement>,
    pub error: HtmlElement,
}

pub fn field(document: &Document, id: &str, kind: &str, label: &str, hint: Option<&str>) -> FieldParts {
    let wrap = el(document, "div", &concat(&["omise-field omise-field--", kind]));
    let label = text_in(&wrap, "label", "omise-label", label);
    set_attr(&label, "for", id);
    let control = el(document, "div", "omise-control");
    let input: web_sys::HtmlInputElement = el(document, "input", "omise-input").unchecked_into();
    set_attr(&input, "id", id);
    for (k, v) in
        [("type", "text"), ("autocorrect", "off"), ("spellcheck", "false"), ("aria-invalid", "false")]
    {
        set_attr(&input, k, v);
    }
    add(&control, &input);
    add(&wrap, &control);
    let error_id = concat(&[id, "-error"]);
    let mut described = error_id.clone();
    let hint = hint.map(|text| {
        let hint_id = concat(&[id, "-hint"]);
        let hint = text_in(&wrap, "div", "omise-hint", text);
        set_attr(&hint, "id", &hint_id);
        described.push(' ');
        described.push_str(&hint_id);
        hint
    });
    let error = el(document, "div", "omise-error");
    set_attr(&error, "id", &error_id);
    add(&wrap, &error);
    set_attr(&input, "aria-describedby", &described);
    FieldParts { wrap, label, control, input, hint, error }
}

/// A field's error shown (or cleared): its text, `aria-invalid` on the input, the field's
/// `omise-field--invalid` class. The card form and the picker show errors alike.
pub fn show_field_error(error: &Element, input: &Element, wrap: &Element, text: Option<&str>) {
    error.set_text_content(text);
    set_attr(input, "aria-invalid", if text.is_some() { "true" } else { "false" });
    toggle_class(wrap, "omise-field--invalid", text.is_some());
}

/// Polite announcement; emptied first so the same text is read again.
pub fn announce(live: &HtmlElement, text: &str) {
    live.set_text_content(None);
    live.set_text_content(Some(text));
}
