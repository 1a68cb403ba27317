//! The form's DOM: real labels, `autocomplete`, `inputmode`, error elements tied with
//! `aria-describedby`, a polite live region. No `name` attributes on card inputs (card data can
//! never be posted to the merchant's server with a surrounding form), no `pattern` attribute
//! (it broke autofill in Safari 18), no inline styles (strict CSP): classes only.

use alloc::string::String;
use alloc::vec::Vec;

use omise_checkout_core::brand::Brand;
use omise_checkout_core::field::Field;
use omise_checkout_core::locale::Locale;
use omise_checkout_core::messages::Message;
use omise_checkout_core::request::concat;
use web_sys::{Document, Element, HtmlElement, HtmlInputElement};

use crate::dom::{add, el, remove_attr, set_attr};
use crate::words::Words;

/// The next id (an atomic, not `thread_local!`, which `no_std` lacks; the wasm has one thread).
static NEXT_ID: core::sync::atomic::AtomicU32 = core::sync::atomic::AtomicU32::new(1);

/// One field's elements.
pub struct FieldDom {
    pub field: Field,
    pub wrap: HtmlElement,
    pub label: HtmlElement,
    pub input: HtmlInputElement,
    pub error: HtmlElement,
    pub hint: Option<HtmlElement>,
}

/// Everything the form put into the page (removed as one on destroy).
pub struct Dom {
    pub root: HtmlElement,
    pub fields: Vec<FieldDom>,
    /// The brand's mark beside the number (`brand_mark`), named for screen readers.
    pub brand: HtmlElement,
    marks: super::brand_mark::Marks,
    pub form_error: HtmlElement,
    pub live: HtmlElement,
}

impl Dom {
    pub fn field(&self, field: Field) -> Option<&FieldDom> {
        self.fields.iter().find(|f| f.field == field)
    }

    /// Builds the form inside `target` (appended; the target's other content is left alone).
    pub fn build(document: &Document, target: Element, fields: &[Field], locale: Locale) -> Option<Dom> {
        let n = NEXT_ID.fetch_add(1, core::sync::atomic::Ordering::Relaxed);
        let mut prefix = String::from("omise-");
        omise_checkout_core::request::push_uint(&mut prefix, u64::from(n));
        let root = el(document, "div", "omise-card-form");
        set_attr(&root, "lang", locale.code());
        let mut built = Vec::new();
        let mut row: Option<HtmlElement> = None;
        // The brand's mark: put beside the number (every form has one).
        let brand = el(document, "span", "omise-brand");
        brand.set_hidden(true);
        for &field in fields {
            let f = build_field(document, &prefix, field, locale, &brand);
            // Expiry and security code share a row.
            match field {
                Field::Expiry => {
                    let r = el(document, "div", "omise-row");
                    add(&r, &f.wrap);
                    add(&root, &r);
                    row = Some(r);
                }
                _ => add(row.as_ref().filter(|_| field == Field::SecurityCode).unwrap_or(&root), &f.wrap),
            }
            built.push(f);
        }
        let form_error = el(document, "div", "omise-form-error");
        set_attr(&form_error, "id", &concat(&[prefix.as_str(), "-form-error"]));
        add(&root, &form_error);
        let live = el(document, "div", "omise-live omise-sr-only");
        set_attr(&live, "aria-live", "polite");
        set_attr(&live, "aria-atomic", "true");
        add(&root, &live);
        // The target may be anything the merchant passed that resolved to an element: the
        // one call here that can throw (e.g. a target inside a form being removed) is checked.
        if !crate::dom::try_add(&target, &root) {
            return None;
        }
        Some(Dom { root, fields: built, brand, marks: Default::default(), form_error, live })
    }

    /// The detected brand: its mark, `data-brand` on the root, the security-code hint.
    pub fn set_brand(&self, brand: Option<Brand>, locale: Locale) {
        self.marks.show(&self.brand, brand);
        match brand {
            Some(b) => set_attr(&self.root, "data-brand", b.id()),
            None => remove_attr(&self.root, "data-brand"),
        }
        self.set_security_code_hint(brand, locale);
    }

    /// Every text that follows the locale (labels, placeholders, hints, `lang`); values stay.
    pub fn relabel(&self, locale: Locale, brand: Option<Brand>) {
        set_attr(&self.root, "lang", locale.code());
        for f in &self.fields {
            f.label.set_text_content(Some(label_text(f.field).words(locale)));
            if let Some(m) = placeholder(f.field) {
                set_attr(&f.input, "placeholder", m.words(locale));
            }
        }
        self.set_security_code_hint(brand, locale);
    }

    fn set_security_code_hint(&self, brand: Option<Brand>, locale: Locale) {
        if let Some(hint) = self.field(Field::SecurityCode).and_then(|f| f.hint.as_ref()) {
            let four = brand.is_some_and(|b| b.security_code_len() == 4);
            let m = if four { Message::HintSecurityCode4 } else { Message::HintSecurityCode3 };
            hint.set_text_content(Some(m.words(locale)));
        }
    }
}

fn build_field(
    document: &Document,
    prefix: &str,
    field: Field,
    locale: Locale,
    brand: &HtmlElement,
) -> FieldDom {
    let code = field.code();
    let kebab = match field {
        Field::SecurityCode => "security-code",
        Field::PostalCode => "postal-code",
        _ => code,
    };
    let id = concat(&[prefix, "-", kebab]);
    let hint = (field == Field::SecurityCode).then(|| Message::HintSecurityCode3.words(locale));
    let parts = crate::dom::field(document, &id, kebab, label_text(field).words(locale), hint);
    let input = parts.input;
    let (autocomplete, numeric) = match field {
        Field::Number => ("cc-number", true),
        Field::Expiry => ("cc-exp", true),
        Field::SecurityCode => ("cc-csc", true),
        Field::Name => ("cc-name", false),
        Field::PostalCode => ("postal-code", false),
        Field::City => ("address-level2", false),
        Field::Country => ("country-name", false),
    };
    set_attr(&input, "autocomplete", autocomplete);
    if numeric {
        set_attr(&input, "inputmode", "numeric");
    }
    if field != Field::Name && field != Field::City && field != Field::Country {
        set_attr(&input, "autocapitalize", "off");
    }
    if let Some(m) = placeholder(field) {
        set_attr(&input, "placeholder", m.words(locale));
    }
    if field == Field::Number {
        // The brand's mark, named for screen readers, is described with the error.
        let brand_id = concat(&[id.as_str(), "-brand"]);
        set_attr(brand, "id", &brand_id);
        add(&parts.control, brand);
        set_attr(&input, "aria-describedby", &concat(&[id.as_str(), "-error ", brand_id.as_str()]));
    }
    FieldDom { field, wrap: parts.wrap, label: parts.label, input, error: parts.error, hint: parts.hint }
}

fn placeholder(field: Field) -> Option<Message> {
    match field {
        Field::Expiry => Some(Message::PlaceholderExpiry),
        Field::Name => Some(Message::PlaceholderName),
        _ => None,
    }
}

pub fn label_text(field: Field) -> Message {
    match field {
        Field::Number => Message::LabelNumber,
        Field::Expiry => Message::LabelExpiry,
        Field::SecurityCode => Message::LabelSecurityCode,
        Field::Name => Message::LabelName,
        Field::PostalCode => Message::LabelPostalCode,
        Field::City => Message::LabelCity,
        Field::Country => Message::LabelCountry,
    }
}
