//! The method table as data: each row's facts, what is offered for an amount, currency and
//! device, the payer fields, the picker's rules and the source it asks for.

#![allow(clippy::disallowed_macros, clippy::disallowed_methods)] // clippy.toml's rules are for the wasm, not tests

use omise_checkout_core::field::FieldError;
use omise_checkout_core::locale::Locale;
use omise_checkout_core::messages::Message;
use omise_checkout_core::methods::picker::{Choice, Effect, Picker, Target};
use omise_checkout_core::methods::{self, fields, DeviceKind, Flow, Group, PayerField, METHODS};
use omise_checkout_core::validity::Validity;

/// (type, flow, currency, fields) as docs.omise.co describes each source type.
const ROWS: &[(&str, Flow, &str, &[&str])] = &[
    ("promptpay", Flow::Offline, "thb", &[]),
    ("mobile_banking_kbank", Flow::AppRedirect, "thb", &[]),
    ("mobile_banking_scb", Flow::AppRedirect, "thb", &[]),
    ("mobile_banking_bay", Flow::AppRedirect, "thb", &[]),
    ("mobile_banking_bbl", Flow::AppRedirect, "thb", &[]),
    ("mobile_banking_ktb", Flow::AppRedirect, "thb", &[]),
    ("truemoney_jumpapp", Flow::AppRedirect, "thb", &[]),
    ("truemoney", Flow::Redirect, "thb", &["phone_number"]),
    ("rabbit_linepay", Flow::Redirect, "thb", &[]),
    ("shopeepay_jumpapp", Flow::AppRedirect, "thb", &[]),
    ("shopeepay", Flow::Redirect, "thb", &[]),
    ("paypay", Flow::AppRedirect, "jpy", &[]),
    ("econtext", Flow::Offline, "jpy", &["name", "email", "phone_number"]),
];

#[test]
fn every_row_has_the_documented_flow_currency_and_fields() {
    assert_eq!(METHODS.len(), ROWS.len(), "a row without a test row, or the reverse");
    for &(ty, flow, currency, want_fields) in ROWS {
        let m = methods::find(ty).unwrap_or_else(|| panic!("{ty}: no row"));
        assert_eq!(m.flow, flow, "{ty}");
        assert_eq!(m.currency, currency, "{ty}");
        let names: Vec<&str> = m.fields.iter().map(|f| f.api_name()).collect();
        assert_eq!(names, want_fields, "{ty}");
        assert!(m.min_amount > 0 && m.min_amount <= m.max_amount, "{ty}");
        assert_eq!(m.platform_type, ty.starts_with("mobile_banking_"), "{ty}: platform_type");
    }
}

#[test]
fn every_row_has_texts_in_every_locale_and_no_card_words() {
    for m in METHODS {
        for locale in Locale::ALL {
            for message in [m.label, m.note, m.group.label()] {
                let text = message.text(locale);
                assert!(!text.is_empty(), "{} {}", m.source_type, locale.code());
            }
        }
        let note = m.note.text(Locale::En).to_lowercase();
        assert!(!note.contains("card"), "{}: {note}", m.source_type);
    }
}

#[test]
fn thai_internet_banking_is_discontinued_and_never_offered() {
    for ty in ["internet_banking_scb", "internet_banking_bbl", "internet_banking_bay", "internet_banking_ktb"]
    {
        assert_eq!(methods::discontinued(ty), Some(("internet_banking_", "2025-09-30")), "{ty}");
        assert!(methods::find(ty).is_none(), "{ty}");
    }
    assert_eq!(methods::discontinued("promptpay"), None);
}

type Offer = (&'static str, u64, &'static str, DeviceKind, &'static [&'static str], &'static [&'static str]);

/// (label, amount, currency, device, wanted, offered types)
const OFFERS: &[Offer] = &[
    (
        "THB on a computer: no bank apps, ShopeePay's QR page",
        100_000,
        "thb",
        DeviceKind::Desktop,
        &[],
        &["promptpay", "truemoney_jumpapp", "rabbit_linepay", "shopeepay"],
    ),
    (
        "THB on an iPhone: the banks' apps, ShopeePay's app",
        100_000,
        "THB",
        DeviceKind::Ios,
        &[],
        &[
            "promptpay",
            "mobile_banking_kbank",
            "mobile_banking_scb",
            "mobile_banking_bay",
            "mobile_banking_bbl",
            "mobile_banking_ktb",
            "truemoney_jumpapp",
            "rabbit_linepay",
            "shopeepay_jumpapp",
        ],
    ),
    ("JPY anywhere", 3_000, "jpy", DeviceKind::Desktop, &[], &["paypay", "econtext"]),
    ("below the 20 THB minimum", 1_999, "thb", DeviceKind::Android, &[], &[]),
    ("exactly the minimum", 2_000, "thb", DeviceKind::Desktop, &["promptpay"], &["promptpay"]),
    ("above PromptPay's maximum", 15_000_001, "thb", DeviceKind::Desktop, &["promptpay"], &[]),
    ("konbini above its maximum, PayPay still fits", 300_001, "jpy", DeviceKind::Desktop, &[], &["paypay"]),
    ("a currency no method takes", 1_000, "usd", DeviceKind::Desktop, &[], &[]),
    (
        "merchant asks for the legacy TrueMoney",
        100_000,
        "thb",
        DeviceKind::Desktop,
        &["truemoney"],
        &["truemoney"],
    ),
    (
        "one bank by type",
        100_000,
        "thb",
        DeviceKind::Android,
        &["mobile_banking_scb"],
        &["mobile_banking_scb"],
    ),
    ("a group asked for on a computer", 100_000, "thb", DeviceKind::Desktop, &["mobile_banking"], &[]),
    ("discontinued types are unknown", 100_000, "thb", DeviceKind::Desktop, &["internet_banking_scb"], &[]),
];

#[test]
fn offered_follows_amount_currency_and_device() {
    for &(label, amount, currency, device, wanted, want) in OFFERS {
        let got: Vec<&str> =
            methods::offered(amount, currency, device, wanted).iter().map(|m| m.source_type).collect();
        assert_eq!(got, want, "{label}");
    }
}

#[test]
fn devices_from_user_agents() {
    let rows: &[(&str, bool, DeviceKind)] = &[
        ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148", true, DeviceKind::Ios),
        ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/124 Mobile Safari/537.36", true, DeviceKind::Android),
        ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.4 Safari/605.1.15", true, DeviceKind::Ios),
        ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 Version/17.4 Safari/605.1.15", false, DeviceKind::Desktop),
        ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/156 Safari/537.36", false, DeviceKind::Desktop),
        ("Mozilla/5.0 (Mobile; rv:48.0) Gecko/48.0 Firefox/48.0 KAIOS/2.5", false, DeviceKind::OtherPhone),
        ("", false, DeviceKind::Desktop),
    ];
    for &(ua, touch, want) in rows {
        assert_eq!(methods::device_of(ua, touch), want, "{ua}");
    }
    assert_eq!(DeviceKind::Ios.platform_type(), Some("IOS"));
    assert_eq!(DeviceKind::Android.platform_type(), Some("ANDROID"));
    assert_eq!(DeviceKind::OtherPhone.platform_type(), None);
}

/// (label, field, typed, state, error, value sent)
type FieldRow = (&'static str, PayerField, &'static str, Validity, Option<FieldError>, &'static str);

const FIELDS: &[FieldRow] = &[
    ("name empty", PayerField::Name, "  ", Validity::Incomplete, Some(FieldError::Required), ""),
    ("name in kanji", PayerField::Name, "山田太郎", Validity::Valid, None, "山田太郎"),
    (
        "name in katakana with a dot",
        PayerField::Name,
        "ヤマダ・タロウ",
        Validity::Valid,
        None,
        "ヤマダ・タロウ",
    ),
    ("name, spaces collapsed", PayerField::Name, " Taro   Yama ", Validity::Valid, None, "Taro Yama"),
    ("name of 10", PayerField::Name, "abcdefghij", Validity::Valid, None, "abcdefghij"),
    (
        "name of 11",
        PayerField::Name,
        "abcdefghijk",
        Validity::Invalid,
        Some(FieldError::TooLong),
        "abcdefghijk",
    ),
    ("name with markup", PayerField::Name, "<b>", Validity::Invalid, Some(FieldError::Invalid), "<b>"),
    ("email", PayerField::Email, "taro@example.jp", Validity::Valid, None, "taro@example.jp"),
    (
        "email being typed",
        PayerField::Email,
        "taro@exa",
        Validity::Incomplete,
        Some(FieldError::Incomplete),
        "taro@exa",
    ),
    (
        "email with a space",
        PayerField::Email,
        "taro @example.jp",
        Validity::Invalid,
        Some(FieldError::Invalid),
        "taro @example.jp",
    ),
    (
        "email typed full-width (Japanese IME)",
        PayerField::Email,
        "ｔａｒｏ．ｙａｍａｄａ＠ｅｘａｍｐｌｅ．ｊｐ",
        Validity::Valid,
        None,
        "taro.yamada@example.jp",
    ),
    (
        "email, full-width @ only",
        PayerField::Email,
        "taro＠example.jp",
        Validity::Valid,
        None,
        "taro@example.jp",
    ),
    (
        "email with an ideographic space",
        PayerField::Email,
        "taro　@example.jp",
        Validity::Invalid,
        Some(FieldError::Invalid),
        "taro @example.jp",
    ),
    (
        "email with two @",
        PayerField::Email,
        "a@b@c.jp",
        Validity::Invalid,
        Some(FieldError::Invalid),
        "a@b@c.jp",
    ),
    ("Thai mobile", PayerField::PhoneTh, "081-234-5678", Validity::Valid, None, "0812345678"),
    ("Thai mobile, +66", PayerField::PhoneTh, "+66 81 234 5678", Validity::Valid, None, "0812345678"),
    ("Thai digits", PayerField::PhoneTh, "๐๘๑๒๓๔๕๖๗๘", Validity::Valid, None, "0812345678"),
    (
        "Thai mobile being typed",
        PayerField::PhoneTh,
        "0812",
        Validity::Incomplete,
        Some(FieldError::Incomplete),
        "0812",
    ),
    ("Bangkok landline", PayerField::PhoneTh, "02", Validity::Invalid, Some(FieldError::Invalid), "02"),
    (
        "Thai, one too many",
        PayerField::PhoneTh,
        "08123456789",
        Validity::Invalid,
        Some(FieldError::Invalid),
        "08123456789",
    ),
    ("Thai, letters", PayerField::PhoneTh, "08x", Validity::Invalid, Some(FieldError::Invalid), "08x"),
    (
        "Japanese mobile, full-width",
        PayerField::PhoneJp,
        "０９０－１２３４－５６７８",
        Validity::Valid,
        None,
        "09012345678",
    ),
    ("Japanese landline", PayerField::PhoneJp, "03-1234-5678", Validity::Valid, None, "0312345678"),
    ("Japanese, +81", PayerField::PhoneJp, "+81 90 1234 5678", Validity::Valid, None, "09012345678"),
    ("Japanese, no leading 0", PayerField::PhoneJp, "90", Validity::Invalid, Some(FieldError::Invalid), "90"),
    (
        "+1 for a Japanese number",
        PayerField::PhoneJp,
        "+1 212",
        Validity::Invalid,
        Some(FieldError::Invalid),
        "+1 212",
    ),
];

#[test]
fn payer_fields_are_three_state() {
    for &(label, field, typed, state, error, value) in FIELDS {
        let got = fields::check(field, typed);
        assert_eq!((got.state, got.error, got.value.as_str()), (state, error, value), "{label}");
    }
}

#[test]
fn payer_field_errors_have_their_own_texts() {
    let rows = [
        (PayerField::Name, FieldError::TooLong, Message::PayerNameTooLong),
        (PayerField::Email, FieldError::Incomplete, Message::EmailInvalid),
        (PayerField::PhoneTh, FieldError::Required, Message::PhoneRequired),
        (PayerField::PhoneJp, FieldError::Invalid, Message::PhoneInvalid),
    ];
    for (field, error, want) in rows {
        assert_eq!(field.error_message(error), want, "{field:?} {error:?}");
    }
}

fn thb_picker(device: DeviceKind, card: bool) -> Picker {
    Picker::new(100_000, "thb", device, Vec::new(), card)
}

#[test]
fn the_picker_lists_the_card_then_one_choice_per_group() {
    let p = thb_picker(DeviceKind::Android, true);
    let ids: Vec<&str> = p.choices().iter().map(|c| c.id()).collect();
    assert_eq!(ids, ["card", "promptpay", "mobile_banking", "truemoney", "rabbit_linepay", "shopeepay"]);
    assert_eq!(p.rows_of(Group::MobileBanking).len(), 5);
}

#[test]
fn submit_without_a_choice_asks_for_one_then_a_bank() {
    let mut p = thb_picker(DeviceKind::Android, false);
    let effects = p.submit().unwrap_err();
    assert_eq!(
        effects,
        [
            Effect::ShowError { target: Target::Choice, message: Message::MethodRequired },
            Effect::Focus(Target::Choice),
        ]
    );
    p.select("mobile_banking");
    let effects = p.submit().unwrap_err();
    assert!(effects.contains(&Effect::Focus(Target::Bank)), "{effects:?}");
    p.select("mobile_banking_kbank");
    let request = p.submit().expect("a bank is chosen");
    assert_eq!(
        request.json(),
        r#"{"type":"mobile_banking_kbank","amount":100000,"currency":"thb","platform_type":"ANDROID"}"#
    );
}

#[test]
fn selecting_hides_the_choice_error_and_card_is_not_submitted_here() {
    let mut p = thb_picker(DeviceKind::Desktop, true);
    let _ = p.submit();
    let effects = p.select("card");
    assert_eq!(effects, [Effect::HideError { target: Target::Choice }, Effect::Changed]);
    assert_eq!(p.selected(), Some(Choice::Card));
    assert_eq!(p.submit(), Err(Vec::new()));
    assert!(p.select("mobile_banking").is_empty(), "not offered on a computer");
    assert!(p.select("internet_banking_scb").is_empty());
}

#[test]
fn konbini_fields_show_errors_as_the_card_form_does() {
    let mut p = Picker::new(3_000, "jpy", DeviceKind::Desktop, Vec::new(), false);
    p.select("econtext");
    // Incomplete is quiet while typing, shown on blur; invalid at once.
    assert_eq!(p.input(PayerField::Email, "taro@exa"), [Effect::Changed]);
    assert_eq!(
        p.blur(PayerField::Email),
        [Effect::ShowError { target: Target::Field(PayerField::Email), message: Message::EmailInvalid }]
    );
    assert_eq!(
        p.input(PayerField::Name, "ヤマダタロウヤマダタロウ"),
        [
            Effect::ShowError { target: Target::Field(PayerField::Name), message: Message::PayerNameTooLong },
            Effect::Changed
        ]
    );
    let effects = p.submit().unwrap_err();
    assert_eq!(effects.last(), Some(&Effect::Focus(Target::Field(PayerField::Name))), "{effects:?}");
    assert!(effects.contains(&Effect::ShowError {
        target: Target::Field(PayerField::PhoneJp),
        message: Message::PhoneRequired
    }));
    p.input(PayerField::Name, "ヤマダ タロウ");
    p.input(PayerField::Email, "taro@example.jp");
    p.input(PayerField::PhoneJp, "090-1234-5678");
    let request = p.submit().expect("all fields valid");
    assert_eq!(
        request.json(),
        r#"{"type":"econtext","amount":3000,"currency":"jpy","name":"ヤマダ タロウ","email":"taro@example.jp","phone_number":"09012345678"}"#
    );
}

#[test]
fn values_are_escaped_in_the_source_json() {
    let mut p = Picker::new(3_000, "jpy", DeviceKind::Desktop, vec!["econtext".into()], false);
    p.select("econtext");
    p.input(PayerField::Name, "Taro");
    p.input(PayerField::Email, "a\"b@example.jp");
    p.input(PayerField::PhoneJp, "0312345678");
    let json = p.submit().expect("valid").json();
    assert!(json.contains(r#""email":"a\"b@example.jp""#), "{json}");
}

#[test]
fn a_new_amount_drops_choices_that_no_longer_fit() {
    let mut p = Picker::new(3_000, "jpy", DeviceKind::Desktop, Vec::new(), true);
    p.select("econtext");
    p.set_amount(500_000, "jpy");
    assert_eq!(p.selected(), None);
    let ids: Vec<&str> = p.choices().iter().map(|c| c.id()).collect();
    assert_eq!(ids, ["card", "paypay"]);
    p.set_amount(100_000, "thb");
    assert_eq!(p.currency(), "thb");
    assert!(p.choices().contains(&Choice::Group(Group::PromptPay)));
}

#[test]
fn with_nothing_that_fits_the_picker_says_so_instead_of_asking_for_a_choice() {
    // 10.00 THB: under every Thai method's minimum, and no card form.
    let mut p = Picker::new(1_000, "thb", DeviceKind::Desktop, Vec::new(), false);
    assert!(p.choices().is_empty());
    assert_eq!(p.shown(Target::Choice), Some(Message::NoMethodFits));
    assert_eq!(p.submit(), Err(vec![Effect::Focus(Target::Choice)]));
    assert_eq!(p.shown(Target::Choice), Some(Message::NoMethodFits), "not \"choose one\"");
    assert!(p.select("promptpay").is_empty());
    // A total that fits brings the choices back and the note goes.
    p.set_amount(100_000, "thb");
    assert_eq!(p.shown(Target::Choice), None);
    assert!(!p.choices().is_empty());
    let effects = p.submit().unwrap_err();
    assert!(effects.contains(&Effect::ShowError { target: Target::Choice, message: Message::MethodRequired }));
    // A currency no method takes: said again.
    p.set_amount(100_000, "usd");
    assert_eq!(p.shown(Target::Choice), Some(Message::NoMethodFits));
    // With the card form there is always a choice.
    let p = Picker::new(1_000, "thb", DeviceKind::Desktop, Vec::new(), true);
    assert_eq!(p.shown(Target::Choice), None);
    assert_eq!(p.choices(), [Choice::Card]);
}

#[test]
fn the_methods_option_knows_source_types_groups_and_discontinued_types() {
    for name in [
        "promptpay",
        "mobile_banking",
        "mobile_banking_scb",
        "truemoney",
        "truemoney_jumpapp",
        "econtext",
        "internet_banking_scb",
    ] {
        assert!(methods::known(name), "{name}");
    }
    for name in ["", "card", "promptpy", "PromptPay", "mobile_banking_", "internet_banking", "alipay"] {
        assert!(!methods::known(name), "{name}");
    }
}

proptest::proptest! {
    #[test]
    fn payer_fields_never_panic_and_valid_phones_are_digits(input in "\\PC{0,40}") {
        for field in [PayerField::Name, PayerField::Email, PayerField::PhoneTh, PayerField::PhoneJp] {
            let check = fields::check(field, &input);
            if check.state == Validity::Valid && field != PayerField::Name && field != PayerField::Email {
                proptest::prop_assert!(check.value.bytes().all(|b| b.is_ascii_digit()), "{:?}", check);
            }
            if check.state == Validity::Valid && field == PayerField::Name {
                proptest::prop_assert!(check.value.chars().count() <= fields::MAX_NAME_CHARS);
            }
        }
    }
}
