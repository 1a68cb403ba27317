//! The form's behaviour without a DOM: when errors show, when focus moves, what submit sends.

use omise_checkout_core::expiry::YearMonth;
use omise_checkout_core::form::{Effect, FormModel, InputKind};
use omise_checkout_core::{Brand, Field, FieldError, Validity};

const TODAY: YearMonth = YearMonth { year: 2026, month: 11 };

fn form() -> FormModel {
    FormModel::new(&[], TODAY)
}

fn type_all(form: &mut FormModel, field: Field, value: &str) -> Vec<Effect> {
    form.input(field, value, value.encode_utf16().count(), InputKind::Insert)
}

#[test]
fn incomplete_is_not_shown_while_typing_but_on_blur() {
    let mut f = form();
    let effects = type_all(&mut f, Field::Number, "4242");
    assert!(!effects.iter().any(|e| matches!(e, Effect::ShowError { .. })), "{effects:?}");
    assert_eq!(
        f.blur(Field::Number),
        vec![Effect::ShowError { field: Field::Number, error: FieldError::Incomplete }]
    );
    // Typing again hides it until the next blur.
    let effects = type_all(&mut f, Field::Number, "42424");
    assert!(effects.contains(&Effect::HideError { field: Field::Number }), "{effects:?}");
}

#[test]
fn invalid_is_shown_at_once() {
    let mut f = form();
    let effects = type_all(&mut f, Field::Number, "1234");
    assert!(
        effects.contains(&Effect::ShowError { field: Field::Number, error: FieldError::UnsupportedBrand })
    );
    let effects = type_all(&mut f, Field::Name, "4242 4242 4242 4242");
    assert!(
        effects.contains(&Effect::ShowError { field: Field::Name, error: FieldError::LooksLikeCardNumber })
    );
    let effects = type_all(&mut f, Field::Expiry, "13");
    assert!(effects.contains(&Effect::ShowError { field: Field::Expiry, error: FieldError::MonthInvalid }));
}

#[test]
fn an_empty_required_field_says_required_on_blur() {
    // (label, typed before leaving the field)
    const ROWS: &[(&str, Field, &str)] = &[
        ("empty name", Field::Name, ""),
        ("whitespace-only name", Field::Name, "   "),
        ("ideographic spaces only", Field::Name, "\u{3000}\u{3000}"),
        ("empty number", Field::Number, ""),
        ("empty expiry", Field::Expiry, ""),
        ("empty security code", Field::SecurityCode, ""),
    ];
    for &(label, field, typed) in ROWS {
        let mut f = form();
        let effects = type_all(&mut f, field, typed);
        assert!(!effects.iter().any(|e| matches!(e, Effect::ShowError { .. })), "{label}: not while typing");
        assert_eq!(f.blur(field), vec![Effect::ShowError { field, error: FieldError::Required }], "{label}");
        assert_eq!(f.blur(field), vec![], "{label}: shown once");
    }
    // Optional billing fields left empty stay quiet.
    let mut f = FormModel::new(&[Field::PostalCode], TODAY);
    assert_eq!(f.blur(Field::PostalCode), vec![]);
    let Err(effects) = form().submit() else { panic!("empty form must not submit") };
    assert!(effects.contains(&Effect::ShowError { field: Field::Name, error: FieldError::Required }));
    assert_eq!(effects.last(), Some(&Effect::Focus(Field::Number)), "focus goes to the first bad field");
}

#[test]
fn a_code_left_from_another_brand_is_judged_again_at_once() {
    // (label, number before, code typed, number after, error shown on the code at once)
    const ROWS: &[(&str, &str, &str, &str, Option<FieldError>)] = &[
        ("amex code, then visa", "378282246310005", "1234", "4242424242424242", Some(FieldError::TooLong)),
        ("amex code, then visa's first digit", "3782", "1234", "4", Some(FieldError::TooLong)),
        ("visa code, then amex", "4242", "123", "3782", Some(FieldError::Incomplete)),
        ("visa code, then mastercard", "4242", "123", "5555", None),
    ];
    for &(label, before, code, after, shown) in ROWS {
        let mut f = form();
        type_all(&mut f, Field::Number, before);
        type_all(&mut f, Field::SecurityCode, code);
        assert_eq!(f.get(Field::SecurityCode).unwrap().shown, None, "{label}: valid before");
        let effects = f.input(Field::Number, after, after.len(), InputKind::Other);
        assert_eq!(f.get(Field::SecurityCode).unwrap().shown, shown, "{label}: {effects:?}");
        if let Some(error) = shown {
            assert!(effects.contains(&Effect::ShowError { field: Field::SecurityCode, error }), "{label}");
        }
    }
    // Back to amex: the 4-digit code is right again and its error goes.
    let mut f = form();
    type_all(&mut f, Field::Number, "3782");
    type_all(&mut f, Field::SecurityCode, "1234");
    f.input(Field::Number, "4242", 4, InputKind::Other);
    let effects = f.input(Field::Number, "3782", 4, InputKind::Other);
    assert!(effects.contains(&Effect::HideError { field: Field::SecurityCode }), "{effects:?}");
    // An untouched, empty code stays quiet when the brand changes.
    let mut f = form();
    let effects = type_all(&mut f, Field::Number, "3782");
    assert!(!effects.iter().any(|e| matches!(e, Effect::ShowError { .. })), "{effects:?}");
}

#[test]
fn focus_goes_to_the_first_field_that_needs_the_customer() {
    let focus = |effects: &[Effect]| {
        effects.iter().find_map(|e| if let Effect::Focus(f) = e { Some(*f) } else { None })
    };
    // Everything filled, then the number retyped: focus stays (nothing else needs the customer).
    let mut f = form();
    type_all(&mut f, Field::Number, "4242424242424242");
    type_all(&mut f, Field::Expiry, "1228");
    type_all(&mut f, Field::SecurityCode, "123");
    type_all(&mut f, Field::Name, "Taro Yamada");
    f.input(Field::Number, "", 0, InputKind::Other);
    assert_eq!(focus(&type_all(&mut f, Field::Number, "5555555555554444")), None);
    // Expiry and code filled, name empty: past the filled ones to the name.
    f.input(Field::Name, "", 0, InputKind::Other);
    f.input(Field::Number, "", 0, InputKind::Other);
    assert_eq!(focus(&type_all(&mut f, Field::Number, "4242424242424242")), Some(Field::Name));
    // Expiry filled but incomplete: that is where the customer is needed.
    f.input(Field::Expiry, "12", 2, InputKind::Other);
    f.input(Field::Number, "", 0, InputKind::Other);
    assert_eq!(focus(&type_all(&mut f, Field::Number, "4242424242424242")), Some(Field::Expiry));
    // The last field done with an earlier one still empty: back to that one.
    let mut f = form();
    type_all(&mut f, Field::Expiry, "1228");
    // (4 digits: with no brand yet, a code is full at 4.)
    assert_eq!(focus(&type_all(&mut f, Field::SecurityCode, "1234")), Some(Field::Name));
    type_all(&mut f, Field::Name, "Taro Yamada");
    f.input(Field::SecurityCode, "", 0, InputKind::Other);
    assert_eq!(focus(&type_all(&mut f, Field::SecurityCode, "1234")), Some(Field::Number));
}

#[test]
fn focus_moves_on_when_a_field_is_complete() {
    let mut f = form();
    assert!(type_all(&mut f, Field::Number, "4242424242424242").contains(&Effect::Focus(Field::Expiry)));
    assert!(type_all(&mut f, Field::Expiry, "1228").contains(&Effect::Focus(Field::SecurityCode)));
    assert!(type_all(&mut f, Field::SecurityCode, "123").contains(&Effect::Focus(Field::Name)));
    // Not on deletion or autofill.
    let effects = f.input(Field::Number, "4242424242424242", 16, InputKind::Other);
    assert!(!effects.contains(&Effect::Focus(Field::Expiry)));
    // Not when the caret is in the middle.
    let effects = f.input(Field::Expiry, "12 / 28", 2, InputKind::Insert);
    assert!(!effects.iter().any(|e| matches!(e, Effect::Focus(_))));
}

#[test]
fn brand_switch_changes_security_code_length() {
    let mut f = form();
    type_all(&mut f, Field::SecurityCode, "1234");
    assert_eq!(f.get(Field::SecurityCode).unwrap().state, Validity::Valid, "3–4 digits while unknown");
    let effects = type_all(&mut f, Field::Number, "4242424242424242");
    assert!(effects.contains(&Effect::Brand(Some(Brand::Visa))));
    assert_eq!(f.get(Field::SecurityCode).unwrap().state, Validity::Invalid, "visa takes 3");
    let effects = type_all(&mut f, Field::Number, "378282246310005");
    assert!(effects.contains(&Effect::Brand(Some(Brand::Amex))));
    assert_eq!(f.get(Field::SecurityCode).unwrap().state, Validity::Valid);
    // The security code input is cut at the brand's length.
    let effects = type_all(&mut f, Field::SecurityCode, "12345");
    assert!(effects.contains(&Effect::SetValue {
        field: Field::SecurityCode,
        value: "1234".into(),
        caret: 4
    }));
}

#[test]
fn formatting_sets_value_and_caret_and_emits_change() {
    let mut f = form();
    let effects = type_all(&mut f, Field::Number, "42424");
    assert_eq!(effects[0], Effect::SetValue { field: Field::Number, value: "4242 4".into(), caret: 6 });
    assert!(effects.contains(&Effect::Changed));
    // Same value again (a same-brand paste of the same digits) is no change.
    let effects = f.input(Field::Number, "4242 4", 6, InputKind::Insert);
    assert!(!effects.contains(&Effect::Changed));
}

#[test]
fn submit_builds_the_request() {
    let mut f = FormModel::new(&[Field::PostalCode, Field::Country], TODAY);
    type_all(&mut f, Field::Number, "４２４２ ４２４２ ４２４２ ４２４２");
    type_all(&mut f, Field::Expiry, "2028-12");
    type_all(&mut f, Field::SecurityCode, "１２３");
    type_all(&mut f, Field::Name, "  Taro  Yamada ");
    type_all(&mut f, Field::PostalCode, " 10320 ");
    assert!(f.complete());
    let req = f.submit().expect("valid form submits");
    assert_eq!(req.number, "4242424242424242");
    assert_eq!((req.expiration_month, req.expiration_year), (12, 2028));
    assert_eq!(req.security_code, "123");
    assert_eq!(req.name, "Taro Yamada");
    assert_eq!(req.billing.postal_code.as_deref(), Some("10320"));
    assert_eq!(req.billing.country, None);
}

#[test]
fn server_errors_and_clear() {
    let mut f = form();
    type_all(&mut f, Field::SecurityCode, "123");
    let effects = f.server_error(Field::SecurityCode, FieldError::SecurityCodeCheckFailed);
    assert_eq!(
        effects,
        vec![Effect::ShowError { field: Field::SecurityCode, error: FieldError::SecurityCodeCheckFailed }]
    );
    let effects = f.clear(&[Field::Number, Field::SecurityCode]);
    assert!(effects.contains(&Effect::SetValue { field: Field::SecurityCode, value: "".into(), caret: 0 }));
    assert!(effects.contains(&Effect::HideError { field: Field::SecurityCode }));
    assert_eq!(f.get(Field::SecurityCode).unwrap().value, "");
}
