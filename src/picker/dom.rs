//! The picker's DOM: a fieldset of radio choices with a legend, each choice's panel (what
//! happens next, the bank list, the fields), errors tied with `aria-describedby`, a polite live
//! region. Fields are built like the card form's (real labels, `autocomplete`, `inputmode`, no
//! `pattern`, no inline style). Rebuilt whole on `setLocale` / `setAmount`: values, choice and
//! errors come back from the model.

use alloc::vec::Vec;

use alloc::rc::Rc;

use omise_checkout_core::locale::Locale;
use omise_checkout_core::messages::Message;
use omise_checkout_core::methods::picker::{Choice, Target};
use omise_checkout_core::methods::PayerField;
use omise_checkout_core::request::concat;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement, HtmlInputElement};

use super::Inner;
use crate::dom::{add, el, join, set_attr, text_in, toggle_class, unique_id};
use crate::listener::Listener;
use crate::words::Words;

pub struct ChoiceDom {
    pub choice: Choice,
    pub radio: HtmlInputElement,
    pub body: HtmlElement,
}

pub struct FieldDom {
    pub field: PayerField,
    pub wrap: HtmlElement,
    pub input: HtmlInputElement,
    pub error: HtmlElement,
}

pub struct Dom {
    pub root: HtmlElement,
    pub live: HtmlElement,
    pub choice_error: HtmlElement,
    pub choices: Vec<ChoiceDom>,
    pub bank_error: Option<HtmlElement>,
    pub banks: Vec<(HtmlInputElement, &'static str)>,
    pub fields: Vec<FieldDom>,
}

impl Dom {
    pub fn error_of(&self, target: Target) -> Option<&HtmlElement> {
        match target {
            Target::Choice => Some(&self.choice_error),
            Target::Bank => self.bank_error.as_ref(),
            Target::Field(f) => self.fields.iter().find(|d| d.field == f).map(|d| &d.error),
        }
    }
}

fn radio(
    document: &Document,
    name: &str,
    value: &str,
    label: &str,
    class: &str,
) -> (HtmlElement, HtmlInputElement) {
    let option = el(document, "label", class);
    let input: HtmlInputElement = el(document, "input", "omise-method__radio").unchecked_into();
    set_attr(&input, "type", "radio");
    set_attr(&input, "name", name);
    input.set_value(value);
    add(&option, &input);
    text_in(&option, "span", "omise-method__name", label);
    (option, input)
}

impl Inner {
    /// (Re)builds the picker in the target, as the model says.
    pub(super) fn build(self: &Rc<Self>) {
        self.listeners.take();
        if let Some(old) = self.dom.borrow_mut().take() {
            old.root.remove();
        }
        if let Some(dom) = self.build_dom() {
            crate::dom::try_add(&self.target, &dom.root);
            *self.dom.borrow_mut() = Some(dom);
            self.listen();
            self.restore();
        }
    }

    fn build_dom(&self) -> Option<Dom> {
        let document = crate::dom::document()?;
        let locale = self.locale.get();
        let model = self.model.borrow();
        let prefix = unique_id("m");
        let root = el(&document, "div", "omise-methods");
        set_attr(&root, "lang", locale.code());
        let list = el(&document, "fieldset", "omise-methods__list");
        let choice_error_id = join(&prefix, "error");
        set_attr(&list, "aria-describedby", &choice_error_id);
        text_in(&list, "legend", "omise-label", Message::PayWith.words(locale));
        let mut dom = Dom {
            root: root.clone(),
            live: el(&document, "div", "omise-live omise-sr-only"),
            choice_error: el(&document, "div", "omise-error"),
            choices: Vec::new(),
            bank_error: None,
            banks: Vec::new(),
            fields: Vec::new(),
        };
        for choice in model.choices() {
            let item = el(&document, "div", "omise-method");
            let label = match choice {
                Choice::Card => Message::MethodCard,
                Choice::Group(g) => g.label(),
            };
            let (option, radio) =
                radio(&document, &prefix, choice.id(), label.words(locale), "omise-method__option");
            add(&item, &option);
            let body = el(&document, "div", "omise-method__body");
            body.set_hidden(true);
            match choice {
                Choice::Card => {
                    if let Some(card) = &self.card {
                        // The merchant's element (never one that holds the target: refused at
                        // mount), through the checked call.
                        crate::dom::try_add(&body, card);
                    }
                }
                Choice::Group(group) => {
                    let rows = model.rows_of(group);
                    if let Some(first) = rows.first() {
                        text_in(&body, "p", "omise-hint omise-method__note", first.note.words(locale));
                        if group.shopper_picks() {
                            self.build_banks(&document, &body, &prefix, &rows, locale, &mut dom);
                        }
                        for &field in first.fields {
                            dom.fields.push(build_field(&document, &body, &prefix, field, locale));
                        }
                    }
                }
            }
            add(&item, &body);
            add(&list, &item);
            dom.choices.push(ChoiceDom { choice, radio, body });
        }
        add(&root, &list);
        set_attr(&dom.choice_error, "id", &choice_error_id);
        add(&root, &dom.choice_error);
        set_attr(&dom.live, "aria-live", "polite");
        set_attr(&dom.live, "aria-atomic", "true");
        add(&root, &dom.live);
        Some(dom)
    }

    fn build_banks(
        &self,
        document: &Document,
        body: &HtmlElement,
        prefix: &str,
        rows: &[&'static omise_checkout_core::methods::Method],
        locale: Locale,
        dom: &mut Dom,
    ) {
        let banks = el(document, "fieldset", "omise-method__banks");
        let error_id = join(prefix, "bank-error");
        set_attr(&banks, "aria-describedby", &error_id);
        text_in(&banks, "legend", "omise-label", Message::LabelBank.words(locale));
        let name = join(prefix, "bank");
        for m in rows {
            let (option, input) =
                radio(document, &name, m.source_type, m.label.words(locale), "omise-method__bank");
            add(&banks, &option);
            dom.banks.push((input, m.source_type));
        }
        add(body, &banks);
        let error = text_in(body, "div", "omise-error", "");
        set_attr(&error, "id", &error_id);
        dom.bank_error = Some(error);
    }

    fn listen(self: &Rc<Self>) {
        let dom = self.dom.borrow();
        let Some(dom) = dom.as_ref() else { return };
        let mut listeners = self.listeners.borrow_mut();
        // One kind of closure for every listener (each kind is a copy of the closure glue): a
        // radio has no payer field.
        type Handler = fn(&Rc<Inner>, &HtmlInputElement, Option<PayerField>);
        let on =
            |input: &HtmlInputElement, kind: &'static str, field: Option<PayerField>, handler: Handler| {
                let (inner, input2) = (self.clone(), input.clone());
                Listener::new(input.as_ref(), kind, move |_| handler(&inner, &input2, field))
            };
        let radios = dom.choices.iter().map(|c| &c.radio).chain(dom.banks.iter().map(|(r, _)| r));
        for radio in radios {
            listeners.push(on(radio, "change", None, |inner, radio, _| {
                let effects = inner.model.borrow_mut().select(&radio.value());
                inner.apply(effects);
            }));
        }
        for f in &dom.fields {
            listeners.push(on(&f.input, "input", Some(f.field), |inner, input, field| {
                if let Some(field) = field {
                    let effects = inner.model.borrow_mut().input(field, &input.value());
                    inner.apply(effects);
                }
            }));
            listeners.push(on(&f.input, "blur", Some(f.field), |inner, _, field| {
                if let Some(field) = field {
                    let effects = inner.model.borrow_mut().blur(field);
                    inner.apply(effects);
                }
            }));
        }
    }

    /// What the model holds, back on screen after a rebuild: the choice, the bank, values and
    /// errors (not announced again).
    fn restore(&self) {
        let dom = self.dom.borrow();
        let Some(dom) = dom.as_ref() else { return };
        let model = self.model.borrow();
        let row = model.selected_row().map(|m| m.source_type);
        for (radio, ty) in &dom.banks {
            radio.set_checked(Some(*ty) == row);
        }
        for f in &dom.fields {
            f.input.set_value(model.value(f.field));
        }
        drop(model);
        self.sync(dom);
        let model = self.model.borrow();
        let targets = [Target::Choice, Target::Bank]
            .into_iter()
            .chain(dom.fields.iter().map(|f| Target::Field(f.field)));
        for target in targets {
            super::render::show_error(dom, target, model.shown(target).map(|m| m.words(self.locale.get())));
        }
    }

    /// The chosen radio checked and only its panel shown.
    pub(super) fn sync(&self, dom: &Dom) {
        let selected = self.model.borrow().selected();
        for c in &dom.choices {
            let on = Some(c.choice) == selected;
            c.radio.set_checked(on);
            c.body.set_hidden(!on);
            if let Some(p) = c.body.parent_element() {
                toggle_class(&p, "omise-method--selected", on);
            }
        }
    }
}

fn build_field(
    document: &Document,
    body: &HtmlElement,
    prefix: &str,
    field: PayerField,
    locale: Locale,
) -> FieldDom {
    let code = field.code();
    // `omise-field--payer-<id>`: apart from the card form's fields (both have a name).
    let parts = crate::dom::field(
        document,
        &join(prefix, code),
        &concat(&["payer-", code]),
        field.label().words(locale),
        field.hint().map(|h| h.words(locale)),
    );
    let input = parts.input;
    set_attr(&input, "autocomplete", field.autocomplete());
    set_attr(&input, "inputmode", field.input_mode());
    if field != PayerField::Name {
        set_attr(&input, "autocapitalize", "off");
    }
    add(body, &parts.wrap);
    FieldDom { field, wrap: parts.wrap, input, error: parts.error }
}
