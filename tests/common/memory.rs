//! Looking for card data in the wasm memory buffer. The test's own card digits must never be in
//! that memory, or the scan would find the test instead of the widget: they are written in the
//! test with every digit shifted by one (`0`→`1`, …, `9`→`0`), and shifted back, typed and
//! searched for by JavaScript only.

use wasm_bindgen::prelude::*;
use web_sys::HtmlInputElement;

#[wasm_bindgen(inline_js = r#"
const unshift = (s) => s.replace(/[0-9]/g, (d) => String((Number(d) + 9) % 10));

export function type_shifted(el, shifted) {
    el.focus();
    for (const ch of unshift(shifted)) {
        const caret = el.selectionStart ?? el.value.length;
        el.value = el.value.slice(0, caret) + ch + el.value.slice(caret);
        el.setSelectionRange(caret + 1, caret + 1);
        el.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText", data: ch }));
    }
}

export function find_shifted(memory, needles) {
    const bytes = new Uint8Array(memory.buffer);
    const encoder = new TextEncoder();
    for (let n = 0; n < needles.length; n++) {
        const needle = encoder.encode(unshift(needles[n]));
        const first = needle[0];
        for (let at = bytes.indexOf(first); at !== -1; at = bytes.indexOf(first, at + 1)) {
            let i = 1;
            while (i < needle.length && bytes[at + i] === needle[i]) i++;
            if (i === needle.length) return [n, at];
        }
    }
    return [];
}
"#)]
extern "C" {
    /// Types the un-shifted `shifted` into `el` one character at a time, as a keyboard would.
    fn type_shifted(el: &HtmlInputElement, shifted: &str);
    fn find_shifted(memory: &JsValue, needles: js_sys::Array) -> js_sys::Array;
}

/// Types a card value written with shifted digits (`"6565"` types `5454`).
pub fn type_secret(el: &HtmlInputElement, shifted: &str) {
    type_shifted(el, shifted);
}

/// The first of the (shifted) `needles` found anywhere in this module's memory, as
/// `(index in needles, byte offset)`. Never returns or prints the bytes themselves.
pub fn find_in_memory(needles: &[&str]) -> Option<(usize, u32)> {
    let list: js_sys::Array = needles.iter().map(|n| JsValue::from_str(n)).collect();
    let found = find_shifted(&wasm_bindgen::memory(), list);
    let index = found.get(0).as_f64()?;
    Some((index as usize, found.get(1).as_f64().unwrap_or_default() as u32))
}
