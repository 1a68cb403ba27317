//! The catalog is complete and sane in every locale, and every code maps to a text.

#![allow(clippy::disallowed_methods)] // clippy.toml's rules are for the wasm, not tests

use std::collections::HashSet;

use omise_checkout_core::error::ErrorCode;
use omise_checkout_core::field::{Field, FieldError};
use omise_checkout_core::locale::Locale;
use omise_checkout_core::messages::{self, Message, FAILURE_CODES};

/// Texts that are the same in every language on purpose (formats and names printed on cards,
/// and brand names their owners write in Latin letters in every market).
const LOCALE_NEUTRAL: &[Message] = &[
    Message::PlaceholderExpiry,
    Message::PlaceholderName,
    Message::MethodPromptpay,
    Message::MethodTruemoney,
    Message::MethodLinepay,
    Message::MethodShopeepay,
    Message::MethodPaypay,
];

fn has_japanese(s: &str) -> bool {
    s.chars().any(|c| matches!(c, '\u{3040}'..='\u{30FF}' | '\u{4E00}'..='\u{9FFF}'))
}

fn has_thai(s: &str) -> bool {
    s.chars().any(|c| matches!(c, '\u{0E00}'..='\u{0E7F}'))
}

#[test]
fn every_text_is_plain_and_non_empty() {
    for &m in Message::ALL {
        for locale in Locale::ALL {
            let text = m.text(locale);
            assert!(!text.trim().is_empty(), "{} / {}: empty", m.key(), locale.code());
            assert!(!text.contains(['<', '>']), "{} / {}: markup in {text:?}", m.key(), locale.code());
            assert_eq!(text, text.trim(), "{} / {}: stray whitespace", m.key(), locale.code());
            assert!(!text.contains("  "), "{} / {}: double space in {text:?}", m.key(), locale.code());
        }
    }
}

#[test]
fn japanese_and_thai_texts_are_translated() {
    for &m in Message::ALL.iter().filter(|m| !LOCALE_NEUTRAL.contains(m)) {
        let (en, ja, th) = (m.text(Locale::En), m.text(Locale::Ja), m.text(Locale::Th));
        assert!(has_japanese(ja), "{}: ja text has no Japanese: {ja:?}", m.key());
        assert!(has_thai(th), "{}: th text has no Thai: {th:?}", m.key());
        assert!(!has_japanese(en) && !has_thai(en), "{}: en text is not English: {en:?}", m.key());
        assert_ne!(ja, en, "{}", m.key());
        assert_ne!(th, en, "{}", m.key());
    }
}

#[test]
fn japanese_sentences_are_polite() {
    // Sentences (texts ending in 。) use です/ます forms or polite requests (ください).
    for &m in Message::ALL {
        let ja = m.text(Locale::Ja);
        if ja.ends_with('。') {
            for sentence in ja.split_terminator('。') {
                let polite =
                    ["す", "ください", "ません", "した", "でした"].iter().any(|e| sentence.ends_with(e));
                assert!(polite, "{}: not polite: {sentence:?}", m.key());
            }
        }
    }
}

#[test]
fn keys_are_unique_snake_case() {
    let mut seen = HashSet::new();
    for &m in Message::ALL {
        let key = m.key();
        assert!(seen.insert(key), "duplicate key {key}");
        assert!(
            !key.is_empty() && key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        );
        assert!(!key.starts_with('_') && !key.ends_with('_') && !key.contains("__"), "{key}");
    }
    let variants: HashSet<_> = Message::ALL.iter().collect();
    assert_eq!(variants.len(), Message::ALL.len(), "ALL lists a variant twice");
}

#[test]
fn spec_status_texts_are_verbatim() {
    let rows: &[(Message, Locale, &str)] = &[
        (
            Message::StatusReceived,
            Locale::En,
            "Your order was received and is awaiting payment confirmation.",
        ),
        (Message::StatusReceived, Locale::Ja, "ご注文を受け付けました。お支払いの確認をお待ちしています。"),
        (Message::StatusReceived, Locale::Th, "ได้รับคำสั่งซื้อของคุณแล้ว กำลังรอการยืนยันการชำระเงิน"),
        (Message::StatusFailed, Locale::En, "Your payment failed and your order couldn't be processed."),
        (Message::StatusFailed, Locale::Ja, "お支払いに失敗したため、ご注文を処理できませんでした。"),
        (Message::StatusFailed, Locale::Th, "การชำระเงินไม่สำเร็จ จึงไม่สามารถดำเนินการคำสั่งซื้อของคุณได้"),
        (Message::StatusSuccessful, Locale::En, "Your payment is confirmed and your order is complete."),
        (Message::StatusSuccessful, Locale::Ja, "お支払いが確認され、ご注文が完了しました。"),
        (Message::StatusSuccessful, Locale::Th, "ยืนยันการชำระเงินแล้ว คำสั่งซื้อของคุณเสร็จสมบูรณ์"),
    ];
    for (m, locale, want) in rows {
        assert_eq!(m.text(*locale), *want, "{} / {}", m.key(), locale.code());
    }
}

#[test]
fn english_texts_from_the_brief() {
    let rows: &[(Message, &str)] = &[
        (Message::LabelNumber, "Card number"),
        (Message::LabelExpiry, "Expiry date"),
        (Message::LabelSecurityCode, "Security code"),
        (Message::LabelName, "Name on card"),
        (Message::PlaceholderExpiry, "MM / YY"),
        (Message::HintSecurityCode3, "3 digits on the back of the card"),
        (Message::HintSecurityCode4, "4 digits on the front of the card"),
        (Message::ValidationError, "Please check the highlighted fields."),
        (
            Message::NetworkError,
            "We couldn't reach the payment service. Please check your connection and try again.",
        ),
        (
            Message::UsedToken,
            "This card was already used for a payment attempt. Please enter your card details again.",
        ),
        (
            Message::SecurityCodeCheckFailed,
            "The security code could not be verified. Please check the code on your card and try again.",
        ),
        (
            Message::NameLooksLikeCardNumber,
            "This looks like a card number. Please enter the name printed on the card.",
        ),
        (
            Message::FailureInsufficientFund,
            "Your card's balance or credit limit is insufficient. Please try another card.",
        ),
    ];
    for (m, want) in rows {
        assert_eq!(m.text(Locale::En), *want, "{}", m.key());
    }
    for locale in Locale::ALL {
        assert_eq!(Message::PlaceholderExpiry.text(locale), "MM / YY");
    }
}

#[test]
fn every_field_error_pair_has_a_field_specific_text() {
    use Message as M;
    for field in Field::ALL {
        for error in FieldError::ALL {
            let m = messages::field_error(field, error);
            let family: &[Message] = match field {
                Field::Number => {
                    &[M::NumberRequired, M::NumberIncomplete, M::NumberInvalid, M::NumberUnsupportedBrand]
                }
                Field::Expiry => &[
                    M::ExpiryRequired,
                    M::ExpiryIncomplete,
                    M::ExpiryInvalid,
                    M::ExpiryMonthInvalid,
                    M::ExpiryExpired,
                    M::ExpiryTooFarAhead,
                ],
                Field::SecurityCode => &[
                    M::SecurityCodeRequired,
                    M::SecurityCodeIncomplete,
                    M::SecurityCodeInvalid,
                    M::SecurityCodeCheckFailed,
                ],
                Field::Name => &[M::NameRequired, M::NameTooLong, M::NameInvalid, M::NameLooksLikeCardNumber],
                Field::PostalCode | Field::City | Field::Country => {
                    &[M::BillingRequired, M::BillingTooLong, M::BillingInvalid]
                }
            };
            assert!(family.contains(&m), "{}/{} → {}", field.code(), error.code(), m.key());
            if error == FieldError::Required {
                assert!(m.key().ends_with("_required"), "{}: {}", field.code(), m.key());
            }
        }
    }
}

#[test]
fn field_errors_the_validators_report() {
    use Field as F;
    use FieldError as E;
    use Message as M;
    let rows: &[(F, E, M)] = &[
        (F::Number, E::Required, M::NumberRequired),
        (F::Number, E::Incomplete, M::NumberIncomplete),
        (F::Number, E::Invalid, M::NumberInvalid),
        (F::Number, E::UnsupportedBrand, M::NumberUnsupportedBrand),
        (F::Expiry, E::Required, M::ExpiryRequired),
        (F::Expiry, E::Incomplete, M::ExpiryIncomplete),
        (F::Expiry, E::Invalid, M::ExpiryInvalid),
        (F::Expiry, E::MonthInvalid, M::ExpiryMonthInvalid),
        (F::Expiry, E::Expired, M::ExpiryExpired),
        (F::Expiry, E::TooFarAhead, M::ExpiryTooFarAhead),
        (F::SecurityCode, E::Required, M::SecurityCodeRequired),
        (F::SecurityCode, E::Incomplete, M::SecurityCodeIncomplete),
        (F::SecurityCode, E::Invalid, M::SecurityCodeInvalid),
        (F::SecurityCode, E::SecurityCodeCheckFailed, M::SecurityCodeCheckFailed),
        (F::Name, E::Required, M::NameRequired),
        (F::Name, E::TooLong, M::NameTooLong),
        (F::Name, E::Invalid, M::NameInvalid),
        (F::Name, E::LooksLikeCardNumber, M::NameLooksLikeCardNumber),
        (F::PostalCode, E::Required, M::BillingRequired),
        (F::City, E::TooLong, M::BillingTooLong),
        (F::Country, E::Invalid, M::BillingInvalid),
    ];
    for (field, error, want) in rows {
        assert_eq!(messages::field_error(*field, *error), *want, "{}/{}", field.code(), error.code());
    }
}

#[test]
fn every_error_code_has_its_own_text() {
    let mut seen = HashSet::new();
    for code in ErrorCode::ALL {
        let m = messages::error(code);
        assert!(seen.insert(m), "{} shares a text", code.code());
        if code != ErrorCode::SecurityCodeCheckFailed {
            assert_eq!(m.key(), code.code(), "key follows the error code");
        }
    }
    assert_eq!(messages::error(ErrorCode::SecurityCodeCheckFailed), Message::SecurityCodeCheckFailed);
    let config = Message::ConfigurationError.text(Locale::En);
    assert!(config.contains("not been charged") && config.contains("contact the shop"), "{config}");
}

#[test]
fn failure_codes_map_to_their_texts() {
    use Message as M;
    let rows: &[(&str, M)] = &[
        ("insufficient_fund", M::FailureInsufficientFund),
        ("insufficient_balance", M::FailureInsufficientFund),
        ("stolen_or_lost_card", M::FailureStolenOrLostCard),
        ("failed_processing", M::FailureFailedProcessing),
        ("payment_rejected", M::FailurePaymentRejected),
        ("invalid_security_code", M::FailureInvalidSecurityCode),
        ("failed_fraud_check", M::FailureFraudCheck),
        ("invalid_account_number", M::FailureInvalidAccount),
        ("invalid_account", M::FailureInvalidAccount),
        ("payment_cancelled", M::FailurePaymentCancelled),
        ("timeout", M::FailureTimeout),
        ("confirmed_amount_mismatch", M::FailureAmountMismatch),
        ("upper case", M::FailureGeneric),
        (" INSUFFICIENT_FUND ", M::FailureInsufficientFund),
        ("", M::FailureGeneric),
        ("unknown_code", M::FailureGeneric),
        ("insufficient_fund_x", M::FailureGeneric),
        ("insufficient", M::FailureGeneric),
        ("<img src=x onerror=alert(1)>", M::FailureGeneric),
        ("insufficient_fund\0", M::FailureGeneric),
        ("ｔｉｍｅｏｕｔ", M::FailureGeneric),
    ];
    for (code, want) in rows {
        assert_eq!(messages::failure(code), *want, "{code:?}");
    }
    assert_eq!(messages::failure(&"x".repeat(100_000)), M::FailureGeneric);
    for (code, want) in FAILURE_CODES {
        assert_eq!(messages::failure(code), *want, "{code}");
    }
}

#[test]
fn failure_texts_do_not_accuse_the_customer() {
    for m in [Message::FailureStolenOrLostCard, Message::FailureFraudCheck, Message::FailedFraudCheck] {
        let en = m.text(Locale::En).to_lowercase();
        for word in ["stolen", "lost", "fraud"] {
            assert!(!en.contains(word), "{}: {en}", m.key());
        }
        for word in ["盗難", "紛失", "不正"] {
            assert!(!m.text(Locale::Ja).contains(word), "{}", m.key());
        }
        for word in ["ขโมย", "สูญหาย", "ทุจริต"] {
            assert!(!m.text(Locale::Th).contains(word), "{}", m.key());
        }
    }
}

#[test]
fn japanese_and_thai_texts_read_naturally() {
    let rows: &[(Message, Locale, &str)] = &[
        (Message::ExpiryTooFarAhead, Locale::Ja, "有効期限が先すぎます。ご確認ください。"),
        (
            Message::FailurePaymentRejected,
            Locale::Ja,
            "お支払いが承認されませんでした。もう一度お試しください。それでも承認されない場合は、\
             カード発行会社にお問い合わせいただくか、別のお支払い方法をお使いください。",
        ),
        (
            Message::FailurePaymentCancelled,
            Locale::Ja,
            "お支払いはキャンセルされました。引き続きご注文される場合は、もう一度お手続きください。",
        ),
        (
            Message::FailurePaymentRejected,
            Locale::Th,
            "การชำระเงินถูกปฏิเสธ กรุณาลองอีกครั้ง หากยังไม่สำเร็จ กรุณาติดต่อผู้ออกบัตรหรือใช้วิธีชำระเงินอื่น",
        ),
    ];
    for (m, locale, want) in rows {
        assert_eq!(m.text(*locale), *want, "{} / {}", m.key(), locale.code());
    }
    // "…いただくか、…いただくか、…" strings alternatives together clumsily: one per sentence.
    for &m in Message::ALL {
        for sentence in m.text(Locale::Ja).split_terminator('。') {
            assert!(sentence.matches("いただくか").count() <= 1, "{}: {sentence}", m.key());
            assert!(sentence.matches("か、").count() <= 1, "{}: {sentence}", m.key());
        }
    }
}

#[test]
fn mastercard_is_spelled_as_the_brand_spells_it() {
    for &m in Message::ALL {
        for locale in Locale::ALL {
            assert!(!m.text(locale).contains("MasterCard"), "{} / {}", m.key(), locale.code());
        }
    }
    assert_eq!(omise_checkout_core::Brand::Mastercard.display_name(), "Mastercard");
}

#[test]
fn every_locale_has_the_after_token_texts_and_they_reassure() {
    // Shown by `form.showError` once a token exists: the customer must learn that the card was
    // not charged and that trying again is safe, in every language.
    let rows: &[(ErrorCode, Locale, &str)] = &[
        (ErrorCode::OrderFailed, Locale::En, "not charged"),
        (ErrorCode::OrderFailed, Locale::Ja, "請求は行われていません"),
        (ErrorCode::OrderFailed, Locale::Th, "ยังไม่มีการเรียกเก็บเงิน"),
        (ErrorCode::Offline, Locale::En, "not charged"),
        (ErrorCode::Offline, Locale::Ja, "請求は行われていません"),
        (ErrorCode::Offline, Locale::Th, "ยังไม่มีการเรียกเก็บเงิน"),
        (ErrorCode::Offline, Locale::En, "connection"),
        (ErrorCode::Offline, Locale::Ja, "接続"),
        (ErrorCode::Offline, Locale::Th, "การเชื่อมต่อ"),
    ];
    for &(code, locale, needle) in rows {
        let text = messages::error(code).text(locale);
        assert!(text.contains(needle), "{} / {}: {text:?}", code.code(), locale.code());
    }
    for code in [ErrorCode::OrderFailed, ErrorCode::Offline] {
        assert_eq!(ErrorCode::from_code(code.code()), Some(code));
        assert_eq!(messages::error(code).key(), code.code());
    }
    assert_eq!(ErrorCode::from_code("order-failed"), None);
}

#[test]
fn every_message_is_found_by_its_key_and_processing_is_in_every_locale() {
    for &m in Message::ALL {
        assert_eq!(Message::from_key(m.key()), Some(m), "{}", m.key());
    }
    assert_eq!(Message::from_key("Processing"), None, "keys match exactly");
    assert_eq!(Message::from_key(""), None);
    // The Pay button's busy text (`message('processing', locale)`, `bindPayButton`).
    let rows = [(Locale::En, "Processing…"), (Locale::Ja, "処理しています…"), (Locale::Th, "กำลังดำเนินการ…")];
    for (locale, want) in rows {
        assert_eq!(Message::Processing.text(locale), want);
    }
}

#[test]
fn card_update_reasons_follow_the_failed_charge() {
    use omise_checkout_core::messages::update_reason;
    let rows: &[(Option<&str>, Message)] = &[
        (Some("insufficient_fund"), Message::UpdateReasonInsufficientFund),
        (Some("stolen_or_lost_card"), Message::UpdateReasonStolenOrLost),
        (Some("payment_rejected"), Message::UpdateReasonDeclined),
        (Some("failed_fraud_check"), Message::UpdateReasonDeclined),
        (Some("failed_processing"), Message::UpdateReasonDeclined),
        (Some("invalid_account_number"), Message::UpdateReasonInvalidCard),
        (Some("invalid_security_code"), Message::UpdateReasonSecurityCode),
        (Some(" Insufficient_Fund "), Message::UpdateReasonInsufficientFund),
        (Some("something_new"), Message::UpdateReasonGeneric),
        (Some("<img src=x>"), Message::UpdateReasonGeneric),
        (None, Message::UpdateReasonGeneric),
    ];
    for (code, want) in rows {
        assert_eq!(update_reason(*code), *want, "{code:?}");
    }
    // The action names no amount, and every reason asks for a card, in every language.
    for locale in Locale::ALL {
        let action = Message::ActionUpdateCard.text(locale);
        assert!(!action.chars().any(|c| c.is_ascii_digit() || "฿¥$".contains(c)), "{action}");
    }
}

#[test]
fn refunds_read_pending_then_successful_with_the_wait_or_failed() {
    use omise_checkout_core::status::{refund_message, Kind};
    let rows: &[(&str, Kind, Message)] = &[
        ("pending", Kind::Pending, Message::RefundPending),
        ("successful", Kind::Success, Message::RefundSuccessful),
        ("closed", Kind::Success, Message::RefundSuccessful),
        ("failed", Kind::Failure, Message::RefundFailed),
        (" FAILED ", Kind::Failure, Message::RefundFailed),
        ("", Kind::Pending, Message::RefundPending),
        ("weird", Kind::Pending, Message::RefundPending),
    ];
    for (status, kind, message) in rows {
        let m = refund_message(status);
        assert_eq!((m.kind, m.message), (*kind, *message), "{status:?}");
    }
    // Seed 004: the issuer takes 5-10 business days; every locale says so.
    for locale in Locale::ALL {
        let text = Message::RefundSuccessful.text(locale);
        assert!(text.contains('5') && text.contains("10"), "{locale:?}: {text}");
    }
}

#[test]
fn a_token_time_authorization_failure_has_its_own_words() {
    use omise_checkout_core::api::{classify, Answer, Expect};
    use omise_checkout_core::error::ErrorCode;
    let answer = Answer {
        status: 400,
        json: true,
        object: Some("error"),
        code: Some("authorization_failed"),
        message: Some("the card was declined during authorization"),
        retry_after: None,
    };
    let problem = classify(&answer, Expect::Token).unwrap_err();
    assert_eq!(problem.code, ErrorCode::AuthorizationFailed);
    assert!(problem.fields.is_empty(), "a form-level message, not a field's");
    for locale in Locale::ALL {
        let text = messages::error(ErrorCode::AuthorizationFailed).text(locale);
        assert!(text.contains("100"), "{locale:?} mentions the 100 yen check: {text}");
    }
}

#[test]
fn the_text_tables_follow_the_declaration_order() {
    // `text()` indexes each language's table with the variant's number: the tables are built
    // in `Message::ALL` order, which must be the declaration order.
    for (i, m) in Message::ALL.iter().enumerate() {
        assert_eq!(*m as usize, i, "{m:?}");
    }
    assert_eq!(Message::QrScan.text(Locale::Ja), "銀行アプリでこのQRコードを読み取ってお支払いください。");
}
