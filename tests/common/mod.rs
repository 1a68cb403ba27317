//! Helpers for the browser tests that run against the local sandbox (`scripts/test.sh` starts
//! it on a free port and passes its URL in as OMISE_SANDBOX_URL at build time).
#![allow(dead_code)]

pub mod memory;

use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    CompositionEvent, CompositionEventInit, Element, Event, EventInit, HtmlElement, HtmlInputElement,
    InputEvent, InputEventInit, RequestInit, Response,
};

// Not `env!`: the lint and the host build run before any sandbox exists.
#[allow(clippy::option_env_unwrap)]
pub fn sandbox() -> &'static str {
    option_env!("OMISE_SANDBOX_URL")
        .expect("OMISE_SANDBOX_URL is not set: run the browser tests with `npm test`")
}

pub fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

pub fn text(v: &JsValue, key: &str) -> String {
    get(v, key).as_string().unwrap_or_else(|| panic!("{key} is not a string in {}", json(v)))
}

pub fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    o.into()
}

pub fn json(v: &JsValue) -> String {
    js_sys::JSON::stringify(v).ok().and_then(|s| s.as_string()).unwrap_or_else(|| format!("{v:?}"))
}

/// A sandbox HTTP call; returns the parsed JSON body (or `null`).
pub async fn call(method: &str, path: &str, body: Option<&str>) -> JsValue {
    let init = RequestInit::new();
    init.set_method(method);
    if let Some(b) = body {
        init.set_body(&JsValue::from_str(b));
        let headers = web_sys::Headers::new().unwrap();
        headers.set("Content-Type", "application/json").unwrap();
        init.set_headers(&headers);
    }
    let url = format!("{}{}", sandbox(), path);
    let w = web_sys::window().unwrap();
    let r: Response =
        JsFuture::from(w.fetch_with_str_and_init(&url, &init)).await.unwrap().dyn_into().unwrap();
    let t = JsFuture::from(r.text().unwrap()).await.unwrap().as_string().unwrap_or_default();
    js_sys::JSON::parse(&t).unwrap_or(JsValue::NULL)
}

/// A fresh sandbox account, so tests cannot see each other's tokens, counters or faults.
pub async fn fresh_key() -> String {
    text(&call("POST", "/__sandbox/keys", Some("{}")).await, "publicKey")
}

/// Queues a fault for the next `times` requests to `path` made with `key` (tests run
/// concurrently; a fault meant for one must not hit another).
pub async fn fault(key: &str, path: &str, fault: &str, times: u32, extra: &str) {
    let body = format!(r#"{{"key":"{key}","path":"{path}","fault":"{fault}","times":{times}{extra}}}"#);
    call("POST", "/__sandbox/faults", Some(&body)).await;
}

/// Requests made to `path` with `key`.
pub async fn request_count(key: &str, path: &str) -> u32 {
    let r = call("GET", &format!("/__sandbox/requests?path={path}&key={key}"), None).await;
    get(&r, "count").as_f64().unwrap_or(-1.0) as u32
}

pub fn options(key: &str, extra: &[(&str, JsValue)]) -> JsValue {
    let o = obj(&[
        ("publicKey", key.into()),
        ("vaultUrl", sandbox().into()),
        ("apiUrl", sandbox().into()),
        ("locale", "en".into()),
    ]);
    for (k, v) in extra {
        Reflect::set(&o, &(*k).into(), v).unwrap();
    }
    o
}

/// A fresh container in the page.
pub fn container() -> Element {
    let d = web_sys::window().unwrap().document().unwrap();
    let c = d.create_element("div").unwrap();
    d.body().unwrap().append_child(&c).unwrap();
    c
}

pub fn input(root: &Element, field: &str) -> HtmlInputElement {
    root.query_selector(&format!(".omise-field--{field} input")).unwrap().unwrap().dyn_into().unwrap()
}

pub fn error_text(root: &Element, field: &str) -> String {
    root.query_selector(&format!(".omise-field--{field} .omise-error"))
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default()
}

fn dispatch_input(el: &HtmlInputElement, input_type: &str, data: Option<&str>, composing: bool) {
    let init = InputEventInit::new();
    init.set_bubbles(true);
    init.set_input_type(input_type);
    init.set_data(data);
    init.set_is_composing(composing);
    let e = InputEvent::new_with_event_init_dict("input", &init).unwrap();
    el.dispatch_event(&e).unwrap();
}

/// Types `s` one character at a time at the caret, as a keyboard would.
pub fn type_text(el: &HtmlInputElement, s: &str) {
    el.focus().unwrap();
    for ch in s.chars() {
        let v = el.value();
        let caret = el.selection_start().unwrap().unwrap_or(v.len() as u32) as usize;
        let units: Vec<u16> = v.encode_utf16().collect();
        let mut next: Vec<u16> = units[..caret].to_vec();
        let mut buf = [0u16; 2];
        let ins = ch.encode_utf16(&mut buf);
        next.extend_from_slice(ins);
        next.extend_from_slice(&units[caret..]);
        el.set_value(&String::from_utf16_lossy(&next));
        let c = (caret + ins.len()) as u32;
        el.set_selection_range(c, c).unwrap();
        dispatch_input(el, "insertText", Some(&ch.to_string()), false);
    }
}

/// Replaces the selection `[start, end)` with `s`, as a paste does.
pub fn paste(el: &HtmlInputElement, start: u32, end: u32, s: &str) {
    el.focus().unwrap();
    let units: Vec<u16> = el.value().encode_utf16().collect();
    let mut next: Vec<u16> = units[..start as usize].to_vec();
    next.extend(s.encode_utf16());
    next.extend_from_slice(&units[end as usize..]);
    el.set_value(&String::from_utf16_lossy(&next));
    let c = start + s.encode_utf16().count() as u32;
    el.set_selection_range(c, c).unwrap();
    dispatch_input(el, "insertFromPaste", None, false);
}

/// Sets a value the way browser autofill does: no keystrokes, `input` then `change`.
pub fn autofill(el: &HtmlInputElement, s: &str) {
    el.set_value(s);
    dispatch_input(el, "insertReplacementText", None, false);
    fire(el, "change");
}

/// An IME composition that ends with `s` in the field.
pub fn compose(el: &HtmlInputElement, s: &str) {
    el.focus().unwrap();
    let init = CompositionEventInit::new();
    init.set_bubbles(true);
    el.dispatch_event(&CompositionEvent::new_with_event_init_dict("compositionstart", &init).unwrap())
        .unwrap();
    el.set_value(s);
    dispatch_input(el, "insertCompositionText", Some(s), true);
    init.set_data(s);
    el.dispatch_event(&CompositionEvent::new_with_event_init_dict("compositionend", &init).unwrap()).unwrap();
}

/// Backspace (or Delete) with the caret at `caret`; returns whether the widget handled it.
pub fn delete(el: &HtmlInputElement, caret: u32, forward: bool) -> bool {
    el.focus().unwrap();
    el.set_selection_range(caret, caret).unwrap();
    let init = InputEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_input_type(if forward { "deleteContentForward" } else { "deleteContentBackward" });
    let e = InputEvent::new_with_event_init_dict("beforeinput", &init).unwrap();
    el.dispatch_event(&e).unwrap();
    e.default_prevented()
}

pub fn fire(el: &HtmlInputElement, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    el.dispatch_event(&Event::new_with_event_init_dict(kind, &init).unwrap()).unwrap();
}

pub fn blur(el: &HtmlInputElement) {
    let h: &HtmlElement = el.as_ref();
    h.blur().unwrap();
}

pub async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(p).await.unwrap();
}
