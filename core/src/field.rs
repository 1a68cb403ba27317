//! The form's fields and the one error vocabulary every field validator reports in.

use serde::Serialize;

/// A field of the card form. `code()` is the JS-facing name (`field` in error objects).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Field {
    Number,
    Expiry,
    SecurityCode,
    Name,
    PostalCode,
    City,
    Country,
}

impl Field {
    pub const ALL: [Field; 7] = [
        Field::Number,
        Field::Expiry,
        Field::SecurityCode,
        Field::Name,
        Field::PostalCode,
        Field::City,
        Field::Country,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Field::Number => "number",
            Field::Expiry => "expiry",
            Field::SecurityCode => "securityCode",
            Field::Name => "name",
            Field::PostalCode => "postalCode",
            Field::City => "city",
            Field::Country => "country",
        }
    }
}

/// Why a field is not valid. One enum for all fields; `code()` is stable and JS-facing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FieldError {
    /// Nothing typed.
    Required,
    /// Could still become valid by typing more (shown only on blur or submit).
    Incomplete,
    /// Can never become valid as typed (wrong characters, failed checksum, wrong length).
    Invalid,
    /// Number has a prefix no supported brand uses.
    UnsupportedBrand,
    /// Expiry month outside 1–12.
    MonthInvalid,
    /// Expiry before the current month.
    Expired,
    /// Expiry more than 20 years ahead.
    TooFarAhead,
    /// Longer than the field allows.
    TooLong,
    /// A card number typed into the name field.
    LooksLikeCardNumber,
    /// Token came back with `security_code_check: false` (SPEC §2).
    SecurityCodeCheckFailed,
}

impl FieldError {
    pub const ALL: [FieldError; 10] = [
        FieldError::Required,
        FieldError::Incomplete,
        FieldError::Invalid,
        FieldError::UnsupportedBrand,
        FieldError::MonthInvalid,
        FieldError::Expired,
        FieldError::TooFarAhead,
        FieldError::TooLong,
        FieldError::LooksLikeCardNumber,
        FieldError::SecurityCodeCheckFailed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            FieldError::Required => "required",
            FieldError::Incomplete => "incomplete",
            FieldError::Invalid => "invalid",
            FieldError::UnsupportedBrand => "unsupported_brand",
            FieldError::MonthInvalid => "month_invalid",
            FieldError::Expired => "expired",
            FieldError::TooFarAhead => "too_far_ahead",
            FieldError::TooLong => "too_long",
            FieldError::LooksLikeCardNumber => "looks_like_card_number",
            FieldError::SecurityCodeCheckFailed => "security_code_check_failed",
        }
    }
}
