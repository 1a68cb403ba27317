//! The payment-method picker and `handleCharge` in headless Chromium, against the local sandbox:
//! what is offered, each method's `{ source }`, validation errors and their a11y wiring like the
//! card form's, the card choice, the QR code (countdown, paid, expired, new QR) and konbini.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::disallowed_macros, clippy::disallowed_methods)] // clippy.toml's rules are for the wasm, not tests

mod common;

use common::*;
use omise_checkout::{OmiseCheckout, PaymentMethods};
use omise_checkout_core::locale::Locale;
use omise_checkout_core::messages::Message;
use omise_checkout_core::methods::{Device, PayerField, METHODS};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

async fn checkout(locale: &str) -> (String, OmiseCheckout) {
    let key = fresh_key().await;
    let c = OmiseCheckout::new(options(&key, &[("locale", locale.into())])).expect("checkout");
    (key, c)
}

fn mount(c: &OmiseCheckout, target: &Element, opts: &[(&str, JsValue)]) -> PaymentMethods {
    c.mount_payment_methods(target.clone().into(), obj(opts)).expect("mount")
}

fn choices(p: &PaymentMethods) -> Vec<String> {
    let Some(root) = p.element() else { return Vec::new() };
    let radios = root.query_selector_all(".omise-methods__list > .omise-method > label input").unwrap();
    (0..radios.length())
        .map(|i| radios.item(i).unwrap().dyn_into::<HtmlInputElement>().unwrap().value())
        .collect()
}

async fn create(p: &PaymentMethods) -> JsValue {
    JsFuture::from(p.create_source()).await.expect("never rejects")
}

fn field_input(root: &Element, code: &str) -> HtmlInputElement {
    root.query_selector(&format!(".omise-field--payer-{code} input")).unwrap().unwrap().dyn_into().unwrap()
}

fn field_error(root: &Element, code: &str) -> String {
    let e = root.query_selector(&format!(".omise-field--payer-{code} .omise-error")).unwrap().unwrap();
    e.text_content().unwrap_or_default()
}

fn array(items: &[&str]) -> JsValue {
    items.iter().map(|s| JsValue::from(*s)).collect::<js_sys::Array>().into()
}

fn t(m: Message, l: Locale) -> &'static str {
    m.text(l)
}

#[wasm_bindgen_test]
async fn the_picker_offers_what_fits_the_amount_currency_and_device() {
    let (_k, c) = checkout("en").await;
    let rows: &[(f64, &str, &str, &[&str])] = &[
        (100_000.0, "thb", "desktop", &["promptpay", "truemoney", "rabbit_linepay", "shopeepay"]),
        (
            100_000.0,
            "thb",
            "android",
            &["promptpay", "mobile_banking", "truemoney", "rabbit_linepay", "shopeepay"],
        ),
        (3_000.0, "jpy", "ios", &["paypay", "econtext"]),
        (1_000.0, "thb", "desktop", &[]),
    ];
    for &(amount, currency, device, want) in rows {
        let target = container();
        let p = mount(
            &c,
            &target,
            &[("amount", amount.into()), ("currency", currency.into()), ("device", device.into())],
        );
        assert_eq!(choices(&p), want, "{amount} {currency} {device}");
        p.destroy();
        assert!(target.first_element_child().is_none(), "destroy leaves nothing");
    }
    // Accessible: a fieldset with its legend, radios inside labels, errors described.
    let target = container();
    let p = mount(
        &c,
        &target,
        &[("amount", 100_000.into()), ("currency", "thb".into()), ("device", "android".into())],
    );
    let root = p.element().unwrap();
    let list = root.query_selector("fieldset").unwrap().unwrap();
    assert_eq!(
        list.query_selector("legend").unwrap().unwrap().text_content().unwrap(),
        t(Message::PayWith, Locale::En)
    );
    let described = list.get_attribute("aria-describedby").unwrap();
    assert!(root.query_selector(&format!("[id='{described}']")).unwrap().is_some());
    let radios = root.query_selector_all("input[type=radio]").unwrap();
    assert_eq!(radios.length(), 5 + 5, "five choices and five banks");
    for i in 0..radios.length() {
        let r: Element = radios.item(i).unwrap().dyn_into().unwrap();
        assert_eq!(r.parent_element().unwrap().tag_name(), "LABEL");
    }
    assert!(root.query_selector("[style]").unwrap().is_none(), "no inline style");
}

/// `on("change")`: each choice is reported as `{ selected, sourceType }`; a misspelt event or a
/// callback that is not a function throws, as the card form's `on` does.
#[wasm_bindgen_test]
async fn change_is_reported_and_a_wrong_event_or_callback_throws() {
    let (_k, c) = checkout("en").await;
    let target = container();
    let p = mount(
        &c,
        &target,
        &[("amount", 100_000.into()), ("currency", "thb".into()), ("device", "android".into())],
    );
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let s = seen.clone();
    let cb = Closure::<dyn FnMut(JsValue)>::new(move |d: JsValue| {
        s.borrow_mut().push((get(&d, "selected").as_string(), get(&d, "sourceType").as_string()))
    });
    p.on("change".into(), cb.as_ref().clone()).expect("change");
    p.select("promptpay".into());
    p.select("mobile_banking_scb".into());
    assert_eq!(
        *seen.borrow(),
        [
            (Some("promptpay".to_string()), Some("promptpay".to_string())),
            (Some("mobile_banking".to_string()), Some("mobile_banking_scb".to_string())),
        ]
    );
    let err = p.on("chnage".into(), cb.as_ref().clone()).expect_err("a misspelt event");
    assert_eq!(text(&err, "code"), "unknown_event");
    let err = p.on("change".into(), "not a function".into()).expect_err("not a function");
    assert_eq!(text(&err, "code"), "invalid_callback");
    p.destroy();
}

/// `setAmount`: a new total filters again and is the amount of the next source; one that is not
/// a whole number of the smallest unit, or without a currency, throws and changes nothing (a
/// source is never made for a total the page no longer shows).
#[wasm_bindgen_test]
async fn a_new_total_filters_again_and_a_bad_one_throws_and_changes_nothing() {
    let (_k, c) = checkout("en").await;
    let target = container();
    let p = mount(
        &c,
        &target,
        &[
            ("amount", 100_000.into()),
            ("currency", "thb".into()),
            ("device", "desktop".into()),
            ("selected", "promptpay".into()),
        ],
    );
    p.set_amount(3_000.into(), "jpy".into()).expect("a yen total");
    assert_eq!(choices(&p), ["paypay", "econtext"]);
    assert!(p.selected().is_null(), "the chosen method went with the baht");
    p.set_amount(250_000.into(), "THB".into()).expect("a baht total, any case");
    p.select("promptpay".into());
    let source = get(&create(&p).await, "source");
    assert_eq!(get(&source, "amount").as_f64(), Some(250_000.0), "{}", json(&source));
    let bad = [
        (JsValue::from("100000"), "thb"),
        (JsValue::from(1000.5), "thb"),
        (JsValue::from(-100), "thb"),
        (JsValue::UNDEFINED, "thb"),
        (JsValue::from(100_000), "baht"),
        (JsValue::from(100_000), ""),
    ];
    for (amount, currency) in bad {
        let err = p.set_amount(amount.clone(), currency.into()).expect_err("refused");
        assert_eq!(text(&err, "code"), "invalid_options", "{amount:?} {currency}");
    }
    assert_eq!(p.selected().as_string().as_deref(), Some("promptpay"), "nothing changed");
    let source = get(&create(&p).await, "source");
    assert_eq!(get(&source, "amount").as_f64(), Some(250_000.0), "the last good total");
    p.destroy();
    p.set_amount("oops".into(), "thb".into()).expect("a destroyed picker ignores it");
}

#[wasm_bindgen_test]
async fn every_method_creates_its_source_against_the_sandbox() {
    let (_k, c) = checkout("en").await;
    for m in METHODS {
        let device = if m.device == Device::Phone { "android" } else { "desktop" };
        let target = container();
        let p = mount(
            &c,
            &target,
            &[
                ("amount", (m.min_amount as f64).into()),
                ("currency", m.currency.into()),
                ("device", device.into()),
                ("methods", js_sys::Array::of1(&m.source_type.into()).into()),
            ],
        );
        p.select(m.source_type.into());
        let root = p.element().unwrap();
        for f in m.fields {
            let value = match f {
                PayerField::Name => "ヤマダタロウ",
                PayerField::Email => "taro@example.jp",
                PayerField::PhoneTh => "081 234 5678",
                PayerField::PhoneJp => "090-1234-5678",
            };
            type_text(&field_input(&root, f.code()), value);
        }
        let r = create(&p).await;
        let source = get(&r, "source");
        assert_eq!(text(&source, "type"), m.source_type, "{}", json(&r));
        assert_eq!(text(&source, "flow"), m.flow.code(), "{}", json(&r));
        assert!(text(&source, "id").starts_with("src_test_"));
        p.destroy();
    }
}

#[wasm_bindgen_test]
async fn a_double_click_creates_one_source() {
    let (_k, c) = checkout("th").await;
    let target = container();
    let p = mount(
        &c,
        &target,
        &[("amount", 100_000.into()), ("currency", "thb".into()), ("device", "desktop".into())],
    );
    p.select("promptpay".into());
    let (first, second) = (p.create_source(), p.create_source());
    let (a, b) = (JsFuture::from(first).await.unwrap(), JsFuture::from(second).await.unwrap());
    let id = text(&get(&a, "source"), "id");
    assert!(id.starts_with("src_test_"), "{}", json(&a));
    assert_eq!(text(&get(&b, "source"), "id"), id, "the second click shares the first request");
    // Once it is answered, the next Pay creates a new source.
    let c3 = create(&p).await;
    assert_ne!(text(&get(&c3, "source"), "id"), id);
    p.destroy();
}

#[wasm_bindgen_test]
async fn konbini_fields_validate_with_errors_focus_and_aria_in_japanese() {
    let (_k, c) = checkout("ja").await;
    let target = container();
    let p = mount(
        &c,
        &target,
        &[("amount", 3_000.into()), ("currency", "jpy".into()), ("selected", "econtext".into())],
    );
    let root = p.element().unwrap();
    assert_eq!(root.get_attribute("lang").as_deref(), Some("ja"));
    // Nothing typed: every field says what it needs, focus on the first, nothing sent.
    let r = create(&p).await;
    let error = get(&r, "error");
    assert_eq!((text(&error, "code"), text(&error, "field")), ("validation_error".into(), "name".into()));
    assert_eq!(text(&error, "message"), t(Message::PayerNameRequired, Locale::Ja));
    assert_eq!(field_error(&root, "email"), t(Message::EmailRequired, Locale::Ja));
    assert_eq!(field_error(&root, "phoneNumber"), t(Message::PhoneRequired, Locale::Ja));
    let name = field_input(&root, "name");
    assert_eq!(name.get_attribute("aria-invalid").as_deref(), Some("true"));
    let active = web_sys::window().unwrap().document().unwrap().active_element().unwrap();
    assert_eq!(active, name.clone().unchecked_into::<Element>(), "focus on the first field to fix");
    // Each input is labelled and described by its error (and hint).
    for code in ["name", "email", "phoneNumber"] {
        let i = field_input(&root, code);
        assert!(root.query_selector(&format!("label[for='{}']", i.id())).unwrap().is_some(), "{code}");
        let described = i.get_attribute("aria-describedby").unwrap();
        assert!(described.contains(&format!("{}-error", i.id())), "{code}: {described}");
        assert!(!i.has_attribute("pattern") && !i.has_attribute("name"), "{code}");
    }
    assert_eq!(field_input(&root, "email").get_attribute("autocomplete").as_deref(), Some("email"));
    assert_eq!(field_input(&root, "phoneNumber").get_attribute("inputmode").as_deref(), Some("tel"));
    // The name's hint is read with it (the card form's field builder: `type="text"`, no
    // autocorrect, hint and error named by `aria-describedby`).
    let hint_id = format!("{}-hint", name.id());
    assert!(name.get_attribute("aria-describedby").unwrap().contains(&hint_id));
    let hint = root.query_selector(&format!("#{hint_id}")).unwrap().unwrap();
    assert_eq!(hint.text_content().unwrap_or_default(), t(Message::HintPayerName, Locale::Ja));
    assert_eq!((name.type_(), name.get_attribute("autocorrect").as_deref()), ("text".into(), Some("off")));
    // Too long is shown at once; an address being typed only on blur.
    type_text(&name, "ヤマダタロウヤマダタロウ");
    assert_eq!(field_error(&root, "name"), t(Message::PayerNameTooLong, Locale::Ja));
    let email = field_input(&root, "email");
    email.set_value("");
    type_text(&email, "taro@exa");
    assert_eq!(field_error(&root, "email"), "", "typing: an incomplete address is not an error yet");
    blur(&email);
    assert_eq!(field_error(&root, "email"), t(Message::EmailInvalid, Locale::Ja));
    // Language switch in place: values stay, errors are said in the new language.
    p.set_locale("th".into());
    let root = p.element().unwrap();
    assert_eq!(field_input(&root, "email").value(), "taro@exa");
    assert_eq!(field_error(&root, "email"), t(Message::EmailInvalid, Locale::Th));
    assert_eq!(p.selected().as_string().as_deref(), Some("econtext"));
    // An address typed in full-width (a Japanese IME) is taken and sent as ASCII.
    let email = field_input(&root, "email");
    email.set_value("");
    type_text(&email, "ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ");
    blur(&email);
    assert_eq!(field_error(&root, "email"), "");
    let name = field_input(&root, "name");
    name.set_value("");
    type_text(&name, "ヤマダ タロウ");
    type_text(&field_input(&root, "phoneNumber"), "０９０－１２３４－５６７８");
    let r = create(&p).await;
    let source = get(&r, "source");
    assert_eq!(text(&source, "email"), "taro@example.jp", "{}", json(&r));
    assert_eq!(text(&source, "phone_number"), "09012345678");
}

/// Nothing fits (a total under every method's minimum, a currency none takes): the picker says
/// so where the choices would be, in the shopper's language, and `createSource` answers with
/// it (never "choose a payment method" with nothing to choose); a new total brings the choices
/// back. A `methods` or `device` option it cannot read throws instead of silently offering
/// something else.
#[wasm_bindgen_test]
async fn nothing_that_fits_is_said_and_unreadable_methods_or_device_throw() {
    let (_k, c) = checkout("ja").await;
    let target = container();
    let p =
        mount(&c, &target, &[("amount", 50.into()), ("currency", "jpy".into()), ("device", "ios".into())]);
    let root = p.element().unwrap();
    let note =
        || root.query_selector(".omise-methods > .omise-error").unwrap().unwrap().text_content().unwrap();
    assert!(choices(&p).is_empty());
    assert_eq!(note(), t(Message::NoMethodFits, Locale::Ja));
    let r = create(&p).await;
    let error = get(&r, "error");
    assert_eq!(text(&error, "field"), "method", "{}", json(&r));
    assert_eq!(text(&error, "message"), t(Message::NoMethodFits, Locale::Ja));
    p.set_amount(3_000.into(), "jpy".into()).expect("a total that fits");
    let root = p.element().unwrap();
    assert_eq!(choices(&p), ["paypay", "econtext"]);
    assert_eq!(
        root.query_selector(".omise-methods > .omise-error").unwrap().unwrap().text_content().unwrap(),
        ""
    );
    p.set_amount(3_000.into(), "usd".into()).expect("a currency no method takes");
    let root = p.element().unwrap();
    assert_eq!(
        root.query_selector(".omise-methods > .omise-error").unwrap().unwrap().text_content().unwrap(),
        t(Message::NoMethodFits, Locale::Ja)
    );
    p.destroy();

    // Only discontinued Thai internet banking asked for: taken, nothing offered, and said.
    let p = mount(
        &c,
        &target,
        &[
            ("amount", 100_000.into()),
            ("currency", "thb".into()),
            ("methods", array(&["internet_banking_scb"])),
        ],
    );
    assert!(choices(&p).is_empty());
    p.destroy();

    let base = |extra: (&str, JsValue)| {
        obj(&[("amount", 100_000.into()), ("currency", "thb".into()), ("device", "desktop".into()), extra])
    };
    let promptpay = JsValue::from("promptpay");
    let bad_methods = [
        promptpay.clone(),
        array(&["promptpy"]),
        array(&["promptpay", "card"]),
        array(&[]),
        js_sys::Array::of2(&promptpay, &JsValue::from(1)).into(),
        JsValue::from(true),
    ];
    for methods in bad_methods {
        let err = c.mount_payment_methods(target.clone().into(), base(("methods", methods.clone()))).err();
        let err = err.unwrap_or_else(|| panic!("methods {methods:?} refused"));
        assert_eq!(text(&err, "code"), "invalid_options", "{methods:?}");
        assert!(target.first_element_child().is_none(), "nothing mounted for {methods:?}");
    }
    for device in [JsValue::from("Phone"), JsValue::from("iPhone"), JsValue::from(1)] {
        let mut opts = vec![("amount", JsValue::from(100_000)), ("currency", "thb".into())];
        opts.push(("device", device.clone()));
        let err = c.mount_payment_methods(target.clone().into(), obj(&opts)).err();
        let err = err.unwrap_or_else(|| panic!("device {device:?} refused"));
        assert_eq!(text(&err, "code"), "invalid_options", "{device:?}");
    }
    // null is "not given", as undefined.
    let p = mount(
        &c,
        &target,
        &[
            ("amount", 100_000.into()),
            ("currency", "thb".into()),
            ("methods", JsValue::NULL),
            ("device", JsValue::NULL),
        ],
    );
    assert!(choices(&p).contains(&"promptpay".to_string()));
    p.destroy();
}

#[wasm_bindgen_test]
async fn no_choice_and_no_bank_are_explained() {
    let (_k, c) = checkout("th").await;
    let target = container();
    let p = mount(
        &c,
        &target,
        &[("amount", 100_000.into()), ("currency", "thb".into()), ("device", "ios".into())],
    );
    let root = p.element().unwrap();
    let r = create(&p).await;
    assert_eq!(text(&get(&r, "error"), "field"), "method");
    let shown =
        root.query_selector(".omise-methods > .omise-error").unwrap().unwrap().text_content().unwrap();
    assert_eq!(shown, t(Message::MethodRequired, Locale::Th));
    p.select("mobile_banking".into());
    assert_eq!(
        root.query_selector(".omise-methods > .omise-error").unwrap().unwrap().text_content().unwrap(),
        ""
    );
    let r = create(&p).await;
    assert_eq!(text(&get(&r, "error"), "message"), t(Message::BankRequired, Locale::Th));
    p.select("mobile_banking_bay".into());
    let r = create(&p).await;
    let source = get(&r, "source");
    assert_eq!(text(&source, "type"), "mobile_banking_bay", "{}", json(&r));
}

#[wasm_bindgen_test]
async fn the_card_choice_shows_the_merchants_card_form() {
    let (_k, c) = checkout("en").await;
    let target = container();
    let card_slot = container();
    let form = c.mount_card_form(card_slot.clone().into(), JsValue::UNDEFINED).unwrap();
    let p = mount(
        &c,
        &target,
        &[
            ("amount", 100_000.into()),
            ("currency", "thb".into()),
            ("card", card_slot.clone().into()),
            ("selected", "card".into()),
        ],
    );
    assert_eq!(choices(&p)[0], "card");
    assert!(target.contains(Some(&card_slot)), "the card form sits under its choice");
    let body = card_slot.parent_element().unwrap();
    assert!(!body.unchecked_ref::<web_sys::HtmlElement>().hidden());
    let r = create(&p).await;
    assert_eq!(get(&r, "card").as_bool(), Some(true), "{}", json(&r));
    p.select("promptpay".into());
    assert!(body.unchecked_ref::<web_sys::HtmlElement>().hidden(), "the card form hides with another choice");
    assert_eq!(text(&get(&create(&p).await, "source"), "type"), "promptpay");
    p.destroy();
    form.destroy();
}

/// A `card` option that holds the picker's own target (or is it) would take the picker inside
/// itself and leave the page with it: refused at mount (`mount_failed`), nothing moved.
#[wasm_bindgen_test]
async fn a_card_container_around_the_picker_is_refused_and_nothing_moves() {
    let (_k, c) = checkout("en").await;
    let card_slot = container();
    let target = web_sys::window().unwrap().document().unwrap().create_element("div").unwrap();
    card_slot.append_child(&target).unwrap();
    let body = web_sys::window().unwrap().document().unwrap().body().unwrap();
    for card in [&card_slot, &target] {
        let opts =
            obj(&[("amount", 100_000.into()), ("currency", "thb".into()), ("card", card.clone().into())]);
        let err = c.mount_payment_methods(target.clone().into(), opts).err().expect("refused");
        assert_eq!(text(&err, "code"), "mount_failed", "{}", json(&err));
        assert!(body.contains(Some(&card_slot)), "the merchant's container is still in the page");
        assert_eq!(target.parent_element().as_ref(), Some(&card_slot));
        assert!(target.query_selector(".omise-methods").unwrap().is_none(), "no picker was built");
    }
    // A container beside the target is taken, as before.
    let beside = container();
    let p = mount(
        &c,
        &target,
        &[("amount", 100_000.into()), ("currency", "thb".into()), ("card", beside.clone().into())],
    );
    assert!(target.contains(Some(&beside)));
    p.destroy();
}

/// A PromptPay order through the demo backend, paying by `expires_in` seconds.
async fn promptpay_order(c: &OmiseCheckout, key: &str, expires_in: u32) -> JsValue {
    let target = container();
    let p = mount(
        c,
        &target,
        &[("amount", 100_000.into()), ("currency", "thb".into()), ("selected", "promptpay".into())],
    );
    let source = get(&create(&p).await, "source");
    p.destroy();
    let body = format!(
        r#"{{"source":"{}","amount":100000,"currency":"thb","publicKey":"{key}","expiresInSeconds":{expires_in}}}"#,
        text(&source, "id")
    );
    call("POST", "/demo/orders", Some(&body)).await
}

fn handle(c: &OmiseCheckout, order: &JsValue, target: &Element, extra: &[(&str, JsValue)]) -> JsValue {
    let mut opts = vec![
        ("target", JsValue::from(target.clone())),
        ("statusUrl", text(order, "statusUrl").into()),
        ("interval", 250.into()),
    ];
    opts.extend(extra.iter().cloned());
    c.handle_charge(get(order, "charge"), obj(&opts)).expect("handled")
}

#[wasm_bindgen_test]
async fn a_promptpay_qr_counts_down_and_goes_once_paid() {
    let (key, c) = checkout("th").await;
    let order = promptpay_order(&c, &key, 600).await;
    let target = container();
    // A `device` it cannot read throws before anything is shown ("Save QR image" is for phones).
    let opts = obj(&[
        ("target", target.clone().into()),
        ("statusUrl", text(&order, "statusUrl").into()),
        ("device", "Phone".into()),
    ]);
    let err = c.handle_charge(get(&order, "charge"), opts).expect_err("an unreadable device");
    assert_eq!(text(&err, "code"), "invalid_options");
    assert!(target.first_element_child().is_none(), "nothing shown");
    let h = handle(&c, &order, &target, &[]);
    assert_eq!(text(&h, "kind"), "qr");
    let img = target.query_selector("img.omise-qr__image").unwrap().expect("the QR image");
    let uri =
        text(&get(&get(&get(&get(&order, "charge"), "source"), "scannable_code"), "image"), "download_uri");
    assert_eq!(img.get_attribute("src").as_deref(), Some(uri.as_str()));
    assert!(target.query_selector(".omise-charge svg").unwrap().is_none(), "an image, never injected markup");
    assert!(target.text_content().unwrap().contains("฿1,000.00"), "the amount");
    sleep(1200).await;
    let clock = target.query_selector(".omise-qr__clock").unwrap().unwrap().text_content().unwrap();
    assert!(clock.starts_with("9:5") || clock == "10:00", "{clock}");
    let id = text(&get(&order, "charge"), "id");
    call("POST", &format!("/__sandbox/charges/{id}/pay"), None).await;
    let outcome = JsFuture::from(get(&h, "result").dyn_into::<js_sys::Promise>().unwrap()).await.unwrap();
    assert_eq!(text(&outcome, "state"), "succeeded", "{}", json(&outcome));
    assert!(target.query_selector("img").unwrap().is_none(), "no QR once paid");
    let status = target.query_selector(".omise-status").unwrap().unwrap().text_content().unwrap();
    assert_eq!(status, t(Message::StatusSuccessful, Locale::Th));
}

#[wasm_bindgen_test]
async fn an_expired_qr_is_never_payable_and_asks_for_a_new_one() {
    let (key, c) = checkout("ja").await;
    let order = promptpay_order(&c, &key, 2).await;
    let target = container();
    let asked = std::rc::Rc::new(std::cell::Cell::new(0));
    let counter = asked.clone();
    let request_new = Closure::<dyn FnMut()>::new(move || counter.set(counter.get() + 1));
    // A `requestNewQr` that is not a function would leave an expired QR without a way on.
    let wrong = obj(&[("target", target.clone().into()), ("requestNewQr", "location.reload()".into())]);
    let err = c.handle_charge(get(&order, "charge"), wrong).expect_err("not a function");
    assert_eq!(text(&err, "code"), "invalid_options", "{}", json(&err));
    assert!(target.first_element_child().is_none(), "nothing shown");
    let h = handle(&c, &order, &target, &[("requestNewQr", request_new.as_ref().clone())]);
    let outcome = JsFuture::from(get(&h, "result").dyn_into::<js_sys::Promise>().unwrap()).await.unwrap();
    assert_eq!(get(&outcome, "expired").as_bool(), Some(true), "{}", json(&outcome));
    assert!(target.query_selector("img").unwrap().is_none(), "the stale QR is gone");
    let status = target.query_selector(".omise-status").unwrap().unwrap().text_content().unwrap();
    assert_eq!(status, t(Message::QrExpired, Locale::Ja));
    let button: web_sys::HtmlElement =
        target.query_selector(".omise-charge button").unwrap().unwrap().dyn_into().unwrap();
    assert_eq!(button.text_content().unwrap(), t(Message::QrNew, Locale::Ja));
    button.click();
    assert_eq!(asked.get(), 1);
    // The sandbox agrees: the charge expired and the payer cannot pay it.
    sleep(1500).await;
    let id = text(&get(&order, "charge"), "id");
    let paid = call("POST", &format!("/__sandbox/charges/{id}/pay"), None).await;
    assert_eq!(text(&paid, "code"), "failed_payment", "{}", json(&paid));
}

#[wasm_bindgen_test]
async fn konbini_shows_the_pay_by_time_and_its_instructions_and_awaits_payment() {
    let (key, c) = checkout("ja").await;
    let target = container();
    let p = mount(
        &c,
        &target,
        &[("amount", 3_000.into()), ("currency", "jpy".into()), ("selected", "econtext".into())],
    );
    let root = p.element().unwrap();
    type_text(&field_input(&root, "name"), "ヤマダタロウ");
    type_text(&field_input(&root, "email"), "taro@example.jp");
    type_text(&field_input(&root, "phoneNumber"), "09012345678");
    let source = get(&create(&p).await, "source");
    let body = format!(
        r#"{{"source":"{}","amount":3000,"currency":"jpy","publicKey":"{key}","expiresInSeconds":259200}}"#,
        text(&source, "id")
    );
    let order = call("POST", "/demo/orders", Some(&body)).await;
    let view = container();
    let h = handle(&c, &order, &view, &[]);
    assert_eq!(text(&h, "kind"), "instructions", "{}", json(&order));
    let outcome = JsFuture::from(get(&h, "result").dyn_into::<js_sys::Promise>().unwrap()).await.unwrap();
    assert_eq!(text(&outcome, "state"), "pending");
    assert_eq!(text(&outcome, "message"), t(Message::KonbiniAwaiting, Locale::Ja));
    let link = view.query_selector("a").unwrap().unwrap();
    assert_eq!(link.get_attribute("href"), Some(text(&get(&order, "charge"), "authorize_uri")));
    assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
    let pay_by = view.query_selector(".omise-konbini__pay-by").unwrap().unwrap().text_content().unwrap();
    assert!(pay_by.contains('年'), "a Japanese date: {pay_by}");
}

#[wasm_bindgen_test]
async fn a_final_charge_shows_its_status_without_card_words_and_unsafe_qr_urls_are_refused() {
    let (_k, c) = checkout("en").await;
    let target = container();
    let charge = obj(&[
        ("status", "failed".into()),
        ("failure_code", "insufficient_balance".into()),
        ("source", obj(&[("type", "truemoney_jumpapp".into()), ("flow", "app_redirect".into())])),
    ]);
    let h = c.handle_charge(charge, obj(&[("target", target.clone().into())])).unwrap();
    assert_eq!(text(&h, "kind"), "status");
    let shown = target.text_content().unwrap();
    assert_eq!(shown, t(Message::FailureInsufficientBalanceOther, Locale::En));
    assert!(!shown.to_lowercase().contains("card"));
    let image = obj(&[("download_uri", "http://evil.test/qr.svg".into())]);
    let code = obj(&[("image", image)]);
    let charge = obj(&[("status", "pending".into()), ("source", obj(&[("scannable_code", code)]))]);
    let r = c.handle_charge(charge, obj(&[("target", target.clone().into())])).unwrap();
    assert_eq!(text(&get(&r, "error"), "code"), "unsafe_redirect");
}
