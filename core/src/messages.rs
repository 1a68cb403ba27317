//! The one catalog of customer-facing texts, in `en`, `ja` and `th` (issues 4 and 5).
//!
//! `Message` names every text; `key()` is its stable snake_case id; `text(locale)` is an
//! exhaustive `match` per locale (`messages/en.rs`, `ja.rs`, `th.rs`), so a text missing in one
//! language is a compile error, not a blank on a customer's screen. The checkout page's own
//! texts (card form, card update, method picker) are marked `checkout_only!`: without the
//! `checkout-texts` feature they are left out of the texts the after-the-charge module gets on
//! a page that loads it alone (`omise_checkout_charge_texts_<locale>.js`, `examples/texts.rs`; the
//! module's wasm carries no texts, see the widget's `words.rs`; a Node test checks that it
//! lacks each in all three languages or in none). Likewise the QR code's and konbini's texts are
//! marked `views_only!`: without the `view-texts` feature they are left out of the return page's
//! module's texts (`omise_checkout_status_texts_<locale>.js`). The mapping functions here
//! (`field_error`, `error`, `failure`) are the only way a code becomes a text, so server strings
//! (`failure_message`, error `message`) are never shown to the customer.
//!
//! Status texts follow SPEC §3 (seed 002) verbatim. Texts are plain text: the adapter sets them
//! with `textContent`, and a test makes sure none contains `<` or `>`.

use crate::error::ErrorCode;
use crate::field::{Field, FieldError};
use crate::locale::Locale;

/// A text of the checkout page only (card form, card update, method picker): `""` in a build
/// without the `checkout-texts` feature (the after-the-charge module's texts file), which then
/// does not carry the string. The `match` of each language stays exhaustive either way.
macro_rules! checkout_only {
    ($text:expr) => {
        if cfg!(feature = "checkout-texts") {
            $text
        } else {
            ""
        }
    };
}

/// A text of the after-the-charge views only (the QR code, konbini instructions): `""` in a
/// build without the `view-texts` feature (the return page's texts file, for the status module,
/// which has no such views), like `checkout_only!`.
macro_rules! views_only {
    ($text:expr) => {
        if cfg!(feature = "view-texts") {
            $text
        } else {
            ""
        }
    };
}

mod en;
mod ja;
mod th;

/// Declares `Message`, `Message::ALL` and `Message::key` from one list, so `ALL` cannot miss a
/// variant and every variant has a key.
macro_rules! catalog {
    ($( $(#[$doc:meta])* $variant:ident => $key:expr, )*) => {
        /// A customer-facing text of the catalog. `key()` is the stable id; `text()` the words.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Message {
            $( $(#[$doc])* $variant, )*
        }

        impl Message {
            /// Every message, in declaration order.
            pub const ALL: &'static [Message] = &[$( Message::$variant, )*];

            /// Every key, in declaration order (joined at compile time like the texts).
            const KEYS: [&'static str; Message::ALL.len()] = [$( $key, )*];

            /// Stable snake_case id (unique; tested). `""` for a checkout-page text in a build
            /// without them (its key is not needed there either: `message()` answers
            /// `undefined` for it).
            pub fn key(self) -> &'static str {
                slice(&KEYS_JOINED.bytes, &KEYS_JOINED.ends, self as usize)
            }
        }
    };
}

catalog! {
    // Form labels, placeholders and hints.
    LabelNumber => checkout_only!("label_number"),
    LabelExpiry => checkout_only!("label_expiry"),
    LabelSecurityCode => checkout_only!("label_security_code"),
    LabelName => checkout_only!("label_name"),
    LabelPostalCode => checkout_only!("label_postal_code"),
    LabelCity => checkout_only!("label_city"),
    LabelCountry => checkout_only!("label_country"),
    /// `MM / YY` in every locale: it is the format printed on cards.
    PlaceholderExpiry => checkout_only!("placeholder_expiry"),
    /// An example name in capitals, as embossed on cards (Latin script in every locale).
    PlaceholderName => checkout_only!("placeholder_name"),
    /// Security-code hint for 3-digit brands (on the back).
    HintSecurityCode3 => checkout_only!("hint_security_code_3"),
    /// Security-code hint for American Express (4 digits on the front).
    HintSecurityCode4 => checkout_only!("hint_security_code_4"),
    /// Tokenization or source creation running.
    Processing => checkout_only!("processing"),
    /// Return page polling the status.
    Checking => "checking",

    // Field errors (`field_error`).
    NumberRequired => checkout_only!("number_required"),
    NumberIncomplete => checkout_only!("number_incomplete"),
    NumberInvalid => checkout_only!("number_invalid"),
    NumberUnsupportedBrand => checkout_only!("number_unsupported_brand"),
    ExpiryRequired => checkout_only!("expiry_required"),
    ExpiryIncomplete => checkout_only!("expiry_incomplete"),
    ExpiryInvalid => checkout_only!("expiry_invalid"),
    ExpiryMonthInvalid => checkout_only!("expiry_month_invalid"),
    ExpiryExpired => checkout_only!("expiry_expired"),
    ExpiryTooFarAhead => checkout_only!("expiry_too_far_ahead"),
    SecurityCodeRequired => checkout_only!("security_code_required"),
    SecurityCodeIncomplete => checkout_only!("security_code_incomplete"),
    SecurityCodeInvalid => checkout_only!("security_code_invalid"),
    /// Token came back with `security_code_check: false` (SPEC §2). Used both on the field and
    /// for `ErrorCode::SecurityCodeCheckFailed`.
    SecurityCodeCheckFailed => "security_code_check_failed",
    NameRequired => checkout_only!("name_required"),
    NameTooLong => checkout_only!("name_too_long"),
    NameInvalid => checkout_only!("name_invalid"),
    NameLooksLikeCardNumber => checkout_only!("name_looks_like_card_number"),
    /// Postal code, city or country (the label beside it names the field).
    BillingRequired => checkout_only!("billing_required"),
    BillingTooLong => checkout_only!("billing_too_long"),
    BillingInvalid => checkout_only!("billing_invalid"),

    // Call errors (`error`), one per `ErrorCode`.
    NetworkError => "network_error",
    Timeout => "timeout",
    ServiceUnavailable => "service_unavailable",
    RateLimited => "rate_limited",
    InvalidResponse => "invalid_response",
    /// `authentication_failure`: the merchant's fault; the customer is told they were not
    /// charged and to contact the shop.
    ConfigurationError => "configuration_error",
    InvalidCard => "invalid_card",
    BrandNotSupported => "brand_not_supported",
    FailedFraudCheck => "failed_fraud_check",
    ValidationError => "validation_error",
    BadRequest => "bad_request",
    NotFound => "not_found",
    UsedToken => "used_token",
    UnsafeRedirect => "unsafe_redirect",
    NoAuthorizationNeeded => "no_authorization_needed",
    Destroyed => "destroyed",
    UnknownError => "unknown_error",
    /// After the token, the merchant's order call failed (`form.showError('order_failed')`):
    /// the card was not charged and is still in the form.
    OrderFailed => "order_failed",
    /// After the token, the connection dropped before the order was placed
    /// (`form.showError('offline')`).
    Offline => "offline",

    // Payment statuses (SPEC §3, verbatim for received / failed / successful).
    /// Source chargeable, charge pending, or still pending when polling gave up (seed 002).
    StatusReceived => "status_received",
    /// Charge failed or expired, source failed or canceled, with no failure code to explain.
    StatusFailed => "status_failed",
    StatusSuccessful => "status_successful",
    /// `reversed`: the authorization was released, so nothing was paid (SPEC §3 leaves the
    /// wording to us). Decision: tell the customer plainly that the payment was cancelled, the
    /// amount was not charged (a released hold may take the issuer a few days to disappear,
    /// but no money moved) and the order was not completed; no "try again", because a reversal
    /// is usually the shop's decision.
    StatusReversed => "status_reversed",

    // Charge failure codes (`failure`, SPEC §3, seeds 001 and 003).
    FailureInsufficientFund => "failure_insufficient_fund",
    /// `stolen_or_lost_card`: worded so as not to accuse the customer.
    FailureStolenOrLostCard => "failure_stolen_or_lost_card",
    FailureFailedProcessing => "failure_failed_processing",
    /// `payment_rejected` (also what failed 3-D Secure enrollment or validation gives).
    FailurePaymentRejected => "failure_payment_rejected",
    FailureInvalidSecurityCode => "failure_invalid_security_code",
    /// `failed_fraud_check`: worded so as not to accuse the customer.
    FailureFraudCheck => "failure_fraud_check",
    /// `invalid_account_number` / `invalid_account`.
    FailureInvalidAccount => "failure_invalid_account",
    FailurePaymentCancelled => "failure_payment_cancelled",
    FailureTimeout => "failure_timeout",
    FailureAmountMismatch => "failure_amount_mismatch",
    /// Any other (or unreadable) failure code.
    FailureGeneric => "failure_generic",

    // Failures of bank and wallet payments (PromptPay, mobile banking, TrueMoney, PayPay, …):
    // no "card" and no "card issuer" in them.
    /// `insufficient_fund` / `insufficient_balance` for a bank or wallet payment.
    FailureInsufficientBalanceOther => "failure_insufficient_balance_other",
    /// A decline by the bank or wallet (`payment_rejected`, `failed_fraud_check`, …).
    FailureDeclinedOther => "failure_declined_other",
    /// `invalid_account(_number)` for a bank or wallet payment.
    FailureInvalidAccountOther => "failure_invalid_account_other",

    // The return page's end states and actions (pollStatus).
    /// Still pending when polling gave up: confirmation follows (seed 002), with the reassurance
    /// a shopper needs not to pay again.
    StatusStillConfirming => "status_still_confirming",
    /// Button: poll once more after "still confirming".
    ActionCheckAgain => "action_check_again",
    /// Link: back to the payment step after a failure.
    ActionTryAgain => "action_try_again",
    /// Link: choose another payment method after a failure.
    ActionOtherMethod => "action_other_method",

    // Updating the card after failed renewals (seed 000): why a new card is needed, by the
    // failed charge's `failure_code`, and the form's action.
    /// Any other (or no) failure code.
    UpdateReasonGeneric => checkout_only!("update_reason_generic"),
    UpdateReasonInsufficientFund => checkout_only!("update_reason_insufficient_fund"),
    UpdateReasonStolenOrLost => checkout_only!("update_reason_stolen_or_lost"),
    UpdateReasonDeclined => checkout_only!("update_reason_declined"),
    UpdateReasonInvalidCard => checkout_only!("update_reason_invalid_card"),
    UpdateReasonSecurityCode => checkout_only!("update_reason_security_code"),
    UpdateReasonExpired => checkout_only!("update_reason_expired"),
    /// The card form's action when it updates a saved card (no amount).
    ActionUpdateCard => checkout_only!("action_update_card"),
    /// Token creation failed the issuer's small verification (seed 001).
    AuthorizationFailed => "authorization_failed",

    // A refund's state, for the customer's order page (seed 004).
    RefundPending => "refund_pending",
    /// With the 5–10 business days it takes the issuer to show it.
    RefundSuccessful => "refund_successful",
    RefundFailed => "refund_failed",

    // The payment-method picker (`mountPaymentMethods`, `methods.rs`). Brand and app names
    // stay as their owners write them, in every language.
    PayWith => checkout_only!("pay_with"),
    MethodCard => checkout_only!("method_card"),
    MethodPromptpay => "method_promptpay",
    MethodMobileBanking => checkout_only!("method_mobile_banking"),
    MethodTruemoney => checkout_only!("method_truemoney"),
    MethodLinepay => checkout_only!("method_linepay"),
    MethodShopeepay => checkout_only!("method_shopeepay"),
    MethodPaypay => checkout_only!("method_paypay"),
    MethodKonbini => checkout_only!("method_konbini"),
    BankKbank => checkout_only!("bank_kbank"),
    BankScb => checkout_only!("bank_scb"),
    BankBay => checkout_only!("bank_bay"),
    BankBbl => checkout_only!("bank_bbl"),
    BankKtb => checkout_only!("bank_ktb"),
    LabelBank => checkout_only!("label_bank"),
    /// The konbini payer's name (`econtext`).
    LabelPayerName => checkout_only!("label_payer_name"),
    LabelEmail => checkout_only!("label_email"),
    LabelPhone => checkout_only!("label_phone"),
    HintPayerName => checkout_only!("hint_payer_name"),
    HintTruemoneyPhone => checkout_only!("hint_truemoney_phone"),
    MethodRequired => checkout_only!("method_required"),
    BankRequired => checkout_only!("bank_required"),
    /// No method fits the amount, currency and device (and no card form): said where the
    /// choices would be, and by `createSource`, instead of asking for a choice.
    NoMethodFits => checkout_only!("no_method_fits"),
    PayerNameRequired => checkout_only!("payer_name_required"),
    PayerNameTooLong => checkout_only!("payer_name_too_long"),
    PayerNameInvalid => checkout_only!("payer_name_invalid"),
    EmailRequired => checkout_only!("email_required"),
    EmailInvalid => checkout_only!("email_invalid"),
    PhoneRequired => checkout_only!("phone_required"),
    PhoneInvalid => checkout_only!("phone_invalid"),
    /// What happens after Pay, one per kind of method.
    NotePromptpay => checkout_only!("note_promptpay"),
    NoteMobileBanking => checkout_only!("note_mobile_banking"),
    /// TrueMoney's app link expires within 3 minutes (docs.omise.co/truemoney-jumpapp).
    NoteTruemoneyApp => checkout_only!("note_truemoney_app"),
    NoteTruemoneyWallet => checkout_only!("note_truemoney_wallet"),
    /// Rabbit LINE Pay and ShopeePay.
    NoteWallet => checkout_only!("note_wallet"),
    NotePaypay => checkout_only!("note_paypay"),
    NoteKonbini => checkout_only!("note_konbini"),

    // After the charge (`handleCharge`): the QR code and the konbini instructions.
    QrScan => views_only!("qr_scan"),
    /// On a phone the shopper pays from the same phone: save the image, open it in the app.
    QrScanPhone => views_only!("qr_scan_phone"),
    QrSave => views_only!("qr_save"),
    QrTimeLeft => views_only!("qr_time_left"),
    /// `{}` is the number of minutes (announced politely at 10, 5, 2 and 1).
    QrMinutesLeft => views_only!("qr_minutes_left"),
    QrExpired => views_only!("qr_expired"),
    QrNew => views_only!("qr_new"),
    LabelAmount => views_only!("label_amount"),
    KonbiniPayBy => views_only!("konbini_pay_by"),
    KonbiniHow => views_only!("konbini_how"),
    /// The konbini's end state: normal, not a problem (the shopper pays at the store later).
    KonbiniAwaiting => views_only!("konbini_awaiting"),
}

impl Message {
    /// The message with this `key()` (exact match), e.g. `processing`.
    pub fn from_key(key: &str) -> Option<Message> {
        Message::ALL.iter().copied().find(|m| !m.key().is_empty() && m.key() == key)
    }

    /// The words in `locale`: plain text, never markup; `""` for a checkout-page text in a
    /// build without them.
    pub fn text(self, locale: Locale) -> &'static str {
        let i = self as usize;
        match locale {
            Locale::En => slice(&EN_JOINED.bytes, &EN_JOINED.ends, i),
            Locale::Ja => slice(&JA_JOINED.bytes, &JA_JOINED.ends, i),
            Locale::Th => slice(&TH_JOINED.bytes, &TH_JOINED.ends, i),
        }
    }
}

const COUNT: usize = Message::ALL.len();

/// A language's `text` for every message, evaluated at compile time.
macro_rules! table {
    ($language:ident) => {{
        let mut t = [""; COUNT];
        let mut i = 0;
        while i < t.len() {
            t[i] = $language::text(Message::ALL[i]);
            i += 1;
        }
        t
    }};
}

/// One language's texts, joined, and where each ends (`ends[i]`: the end of message `i`'s bytes,
/// which start where message `i - 1`'s end). Made at compile time from the exhaustive `match`
/// of each language: `text()` is two loads and a slice, and the wasm carries two bytes a text for
/// the index instead of a pointer and a length (eight), a `match` compiled to code, or both.
struct Joined<const LEN: usize> {
    bytes: [u8; LEN],
    ends: [u16; COUNT],
}

const fn joined_len(texts: &[&str; COUNT]) -> usize {
    let mut len = 0;
    let mut i = 0;
    while i < COUNT {
        len += texts[i].len();
        i += 1;
    }
    // The ends are `u16`: a language's texts stay under 64 KB (compile error otherwise).
    assert!(len <= u16::MAX as usize);
    len
}

const fn join<const LEN: usize>(texts: &[&str; COUNT]) -> Joined<LEN> {
    let mut joined = Joined { bytes: [0; LEN], ends: [0; COUNT] };
    let mut at = 0;
    let mut i = 0;
    while i < COUNT {
        let text = texts[i].as_bytes();
        let mut k = 0;
        while k < text.len() {
            joined.bytes[at] = text[k];
            at += 1;
            k += 1;
        }
        joined.ends[i] = at as u16;
        i += 1;
    }
    joined
}

const EN: [&str; COUNT] = table!(en);
const JA: [&str; COUNT] = table!(ja);
const TH: [&str; COUNT] = table!(th);
static KEYS_JOINED: Joined<{ joined_len(&Message::KEYS) }> = join(&Message::KEYS);
static EN_JOINED: Joined<{ joined_len(&EN) }> = join(&EN);
static JA_JOINED: Joined<{ joined_len(&JA) }> = join(&JA);
static TH_JOINED: Joined<{ joined_len(&TH) }> = join(&TH);

/// Message `i`'s bytes in a language's joined texts.
fn slice<'a>(bytes: &'a [u8], ends: &[u16; COUNT], i: usize) -> &'a str {
    let start = match i.checked_sub(1) {
        Some(previous) => ends.get(previous).copied().unwrap_or(0) as usize,
        None => 0,
    };
    let end = ends.get(i).copied().unwrap_or(0) as usize;
    match bytes.get(start..end) {
        // SAFETY: `join` copied whole `&str`s one after the
        // other and `ends` holds each one's end, so `start..end` is exactly one of them: valid
        // UTF-8 (a test reads every text back).
        Some(text) => unsafe { core::str::from_utf8_unchecked(text) },
        None => "",
    }
}

pub fn field_error(field: Field, error: FieldError) -> Message {
    use FieldError as E;
    match field {
        Field::Number => match error {
            E::Required => Message::NumberRequired,
            E::Incomplete => Message::NumberIncomplete,
            E::UnsupportedBrand => Message::NumberUnsupportedBrand,
            E::Invalid
            | E::TooLong
            | E::MonthInvalid
            | E::Expired
            | E::TooFarAhead
            | E::LooksLikeCardNumber
            | E::SecurityCodeCheckFailed => Message::NumberInvalid,
        },
        Field::Expiry => match error {
            E::Required => Message::ExpiryRequired,
            E::Incomplete => Message::ExpiryIncomplete,
            E::MonthInvalid => Message::ExpiryMonthInvalid,
            E::Expired => Message::ExpiryExpired,
            E::TooFarAhead => Message::ExpiryTooFarAhead,
            E::Invalid
            | E::TooLong
            | E::UnsupportedBrand
            | E::LooksLikeCardNumber
            | E::SecurityCodeCheckFailed => Message::ExpiryInvalid,
        },
        Field::SecurityCode => match error {
            E::Required => Message::SecurityCodeRequired,
            E::Incomplete => Message::SecurityCodeIncomplete,
            E::SecurityCodeCheckFailed => Message::SecurityCodeCheckFailed,
            E::Invalid
            | E::TooLong
            | E::UnsupportedBrand
            | E::MonthInvalid
            | E::Expired
            | E::TooFarAhead
            | E::LooksLikeCardNumber => Message::SecurityCodeInvalid,
        },
        Field::Name => match error {
            E::Required => Message::NameRequired,
            E::TooLong => Message::NameTooLong,
            E::LooksLikeCardNumber => Message::NameLooksLikeCardNumber,
            E::Invalid
            | E::Incomplete
            | E::UnsupportedBrand
            | E::MonthInvalid
            | E::Expired
            | E::TooFarAhead
            | E::SecurityCodeCheckFailed => Message::NameInvalid,
        },
        Field::PostalCode | Field::City | Field::Country => match error {
            E::Required => Message::BillingRequired,
            E::TooLong => Message::BillingTooLong,
            E::Invalid
            | E::Incomplete
            | E::UnsupportedBrand
            | E::MonthInvalid
            | E::Expired
            | E::TooFarAhead
            | E::LooksLikeCardNumber
            | E::SecurityCodeCheckFailed => Message::BillingInvalid,
        },
    }
}

/// The text for a call error (one per `ErrorCode`).
pub fn error(code: ErrorCode) -> Message {
    match code {
        ErrorCode::NetworkError => Message::NetworkError,
        ErrorCode::Timeout => Message::Timeout,
        ErrorCode::ServiceUnavailable => Message::ServiceUnavailable,
        ErrorCode::RateLimited => Message::RateLimited,
        ErrorCode::InvalidResponse => Message::InvalidResponse,
        ErrorCode::ConfigurationError => Message::ConfigurationError,
        ErrorCode::InvalidCard => Message::InvalidCard,
        ErrorCode::BrandNotSupported => Message::BrandNotSupported,
        ErrorCode::FailedFraudCheck => Message::FailedFraudCheck,
        ErrorCode::SecurityCodeCheckFailed => Message::SecurityCodeCheckFailed,
        ErrorCode::ValidationError => Message::ValidationError,
        ErrorCode::BadRequest => Message::BadRequest,
        ErrorCode::NotFound => Message::NotFound,
        ErrorCode::UsedToken => Message::UsedToken,
        ErrorCode::UnsafeRedirect => Message::UnsafeRedirect,
        ErrorCode::NoAuthorizationNeeded => Message::NoAuthorizationNeeded,
        ErrorCode::Destroyed => Message::Destroyed,
        ErrorCode::Unknown => Message::UnknownError,
        ErrorCode::OrderFailed => Message::OrderFailed,
        ErrorCode::Offline => Message::Offline,
        ErrorCode::AuthorizationFailed => Message::AuthorizationFailed,
    }
}

/// Every failure code SPEC §3 names, with its text. Codes not listed get `FailureGeneric`.
pub const FAILURE_CODES: &[(&str, Message)] = &[
    ("insufficient_fund", Message::FailureInsufficientFund),
    ("insufficient_balance", Message::FailureInsufficientFund),
    ("stolen_or_lost_card", Message::FailureStolenOrLostCard),
    ("failed_processing", Message::FailureFailedProcessing),
    ("payment_rejected", Message::FailurePaymentRejected),
    ("invalid_security_code", Message::FailureInvalidSecurityCode),
    ("failed_fraud_check", Message::FailureFraudCheck),
    ("invalid_account_number", Message::FailureInvalidAccount),
    ("invalid_account", Message::FailureInvalidAccount),
    ("payment_cancelled", Message::FailurePaymentCancelled),
    ("timeout", Message::FailureTimeout),
    ("confirmed_amount_mismatch", Message::FailureAmountMismatch),
];

/// The text for a bank or wallet payment's `failure_code`: the card texts where they fit any
/// payment, texts without "card" where they do not.
pub fn failure_other(code: &str) -> Message {
    match failure(code) {
        Message::FailureInsufficientFund => Message::FailureInsufficientBalanceOther,
        Message::FailureStolenOrLostCard
        | Message::FailurePaymentRejected
        | Message::FailureInvalidSecurityCode
        | Message::FailureFraudCheck => Message::FailureDeclinedOther,
        Message::FailureFailedProcessing => Message::FailureGeneric,
        Message::FailureInvalidAccount => Message::FailureInvalidAccountOther,
        other => other,
    }
}

/// Why a new card is needed after a recurring charge failed with `code` (seed 000): the card
/// update form says it above the fields. Unknown or missing codes get the generic text.
pub fn update_reason(code: Option<&str>) -> Message {
    let code = code.map(str::trim).unwrap_or("");
    match code.to_ascii_lowercase().as_str() {
        "insufficient_fund" | "insufficient_balance" => Message::UpdateReasonInsufficientFund,
        "stolen_or_lost_card" => Message::UpdateReasonStolenOrLost,
        "payment_rejected" | "failed_fraud_check" | "failed_processing" => Message::UpdateReasonDeclined,
        "invalid_account_number" | "invalid_account" | "invalid_card" => Message::UpdateReasonInvalidCard,
        "invalid_security_code" => Message::UpdateReasonSecurityCode,
        "expired_card" | "card_expired" => Message::UpdateReasonExpired,
        _ => Message::UpdateReasonGeneric,
    }
}

/// The text for a charge's `failure_code` (SPEC §3). Matched exactly after trimming and ignoring
/// ASCII case; anything else, including hostile or overlong strings, gets the generic text, so
/// server text is never echoed to the customer.
pub fn failure(code: &str) -> Message {
    let code = code.trim();
    FAILURE_CODES
        .iter()
        .find(|(known, _)| known.eq_ignore_ascii_case(code))
        .map_or(Message::FailureGeneric, |&(_, message)| message)
}

#[cfg(test)]
mod joined_tests {
    use super::*;

    #[test]
    fn every_text_reads_back_as_its_language_wrote_it() {
        for &m in Message::ALL {
            assert_eq!(m.text(Locale::En), en::text(m), "{m:?}");
            assert_eq!(m.text(Locale::Ja), ja::text(m), "{m:?}");
            assert_eq!(m.text(Locale::Th), th::text(m), "{m:?}");
            assert_eq!(m.key(), Message::KEYS[m as usize], "{m:?}");
        }
    }
}
