//! What the shopper types for a payment method: the konbini payer's name, email and phone
//! number (`econtext`), the TrueMoney Wallet's mobile number (`truemoney`). Three-state like the
//! card fields (STYLE.md pattern 2): `Incomplete` is shown only on blur or submit.

use alloc::string::String;
use alloc::vec::Vec;

use crate::field::FieldError;
use crate::messages::Message;
use crate::normalize::{digit_value, is_separator};
use crate::validity::Validity;

/// A field of a payment method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PayerField {
    /// `econtext`'s `name`: at most 10 letters, digits, kana or kanji (docs.omise.co); it may be
    /// printed on the store's receipt.
    Name,
    Email,
    /// A Thai mobile number: 10 digits from 06, 08 or 09 (`+66` accepted).
    PhoneTh,
    /// A Japanese phone number: 10 or 11 digits from 0 (`+81` accepted).
    PhoneJp,
}

/// Longest `econtext` name, in characters (docs.omise.co).
pub const MAX_NAME_CHARS: usize = 10;
/// Longest email address (RFC 5321 path limit).
pub const MAX_EMAIL_LEN: usize = 254;

impl PayerField {
    /// The JS-facing id (`field` in errors, the `omise-field--<id>` class).
    pub fn code(self) -> &'static str {
        match self {
            PayerField::Name => "name",
            PayerField::Email => "email",
            PayerField::PhoneTh | PayerField::PhoneJp => "phoneNumber",
        }
    }

    /// The source parameter it is sent as.
    pub fn api_name(self) -> &'static str {
        match self {
            PayerField::Name => "name",
            PayerField::Email => "email",
            PayerField::PhoneTh | PayerField::PhoneJp => "phone_number",
        }
    }

    pub fn label(self) -> Message {
        match self {
            PayerField::Name => Message::LabelPayerName,
            PayerField::Email => Message::LabelEmail,
            PayerField::PhoneTh | PayerField::PhoneJp => Message::LabelPhone,
        }
    }

    pub fn hint(self) -> Option<Message> {
        match self {
            PayerField::Name => Some(Message::HintPayerName),
            PayerField::PhoneTh => Some(Message::HintTruemoneyPhone),
            _ => None,
        }
    }

    /// `autocomplete` of its input.
    pub fn autocomplete(self) -> &'static str {
        match self {
            PayerField::Name => "name",
            PayerField::Email => "email",
            PayerField::PhoneTh | PayerField::PhoneJp => "tel",
        }
    }

    /// `inputmode` of its input: the keyboard a phone shows.
    pub fn input_mode(self) -> &'static str {
        match self {
            PayerField::Name => "text",
            PayerField::Email => "email",
            PayerField::PhoneTh | PayerField::PhoneJp => "tel",
        }
    }

    /// The text for an error of this field.
    pub fn error_message(self, error: FieldError) -> Message {
        match (self, error) {
            (PayerField::Name, FieldError::Required) => Message::PayerNameRequired,
            (PayerField::Name, FieldError::TooLong) => Message::PayerNameTooLong,
            (PayerField::Name, _) => Message::PayerNameInvalid,
            (PayerField::Email, FieldError::Required) => Message::EmailRequired,
            (PayerField::Email, _) => Message::EmailInvalid,
            (_, FieldError::Required) => Message::PhoneRequired,
            _ => Message::PhoneInvalid,
        }
    }
}

/// A field's state and the value to send (trimmed; a phone number as its digits).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PayerCheck {
    pub state: Validity,
    pub error: Option<FieldError>,
    pub value: String,
}

fn incomplete(error: FieldError, value: String) -> PayerCheck {
    PayerCheck { state: Validity::Incomplete, error: Some(error), value }
}

fn invalid(error: FieldError, value: String) -> PayerCheck {
    PayerCheck { state: Validity::Invalid, error: Some(error), value }
}

fn valid(value: String) -> PayerCheck {
    PayerCheck { state: Validity::Valid, error: None, value }
}

/// Checks what was typed in `field`.
pub fn check(field: PayerField, input: &str) -> PayerCheck {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return incomplete(FieldError::Required, String::new());
    }
    if trimmed.chars().any(char::is_control) {
        return invalid(FieldError::Invalid, trimmed.into());
    }
    match field {
        PayerField::Name => name(trimmed),
        PayerField::Email => email(&half_width(trimmed)),
        // Thai mobile numbers start 06, 08 or 09; Japanese numbers never 00 (international).
        PayerField::PhoneTh => phone(trimmed, "66", |d| matches!(d, [_, 6 | 8 | 9, ..]), 10..=10),
        PayerField::PhoneJp => phone(trimmed, "81", |d| !matches!(d, [_, 0, ..]), 10..=11),
    }
}

fn name(value: &str) -> PayerCheck {
    // Runs of spaces as one (no `split`/`join`: a byte loop keeps the widget small).
    let mut out = String::with_capacity(value.len());
    let mut count = 0;
    for c in value.chars() {
        let c = if c.is_whitespace() { ' ' } else { c };
        if c == ' ' && out.ends_with(' ') {
            continue;
        }
        if !name_char(c) {
            return invalid(FieldError::Invalid, value.into());
        }
        out.push(c);
        count += 1;
    }
    if count > MAX_NAME_CHARS {
        invalid(FieldError::TooLong, out)
    } else {
        valid(out)
    }
}

/// What Omise takes in an `econtext` name: letters and digits (ASCII, Latin-1, full-width),
/// hiragana, katakana (with its middle dot and long-vowel mark, half-width too), kanji, and
/// spaces. Explicit ranges, not `char::is_alphanumeric`: its Unicode tables would cost the
/// widget kilobytes.
fn name_char(c: char) -> bool {
    matches!(c,
        'a'..='z' | 'A'..='Z' | '0'..='9' | ' '
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{FF}'
        | '\u{3005}' // 々
        | '\u{3041}'..='\u{30FF}' // hiragana, katakana, ・, ー
        | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' // kanji
        | '\u{FF10}'..='\u{FF19}' | '\u{FF21}'..='\u{FF3A}' | '\u{FF41}'..='\u{FF5A}'
        | '\u{FF66}'..='\u{FF9F}' // half-width katakana
    )
}

/// Full-width ASCII (U+FF01–U+FF5E, what a Japanese IME in full-width mode types: `ｔａｒｏ＠
/// ｅｘａｍｐｌｅ．ｊｐ`) as ASCII, and the ideographic space as a space: an address is sent as
/// ASCII, and a shopper should not have to see why `＠` is not `@`.
fn half_width(value: &str) -> String {
    value
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            c => c,
        })
        .collect()
}

fn email(value: &str) -> PayerCheck {
    let bytes = value.as_bytes();
    let at = bytes.iter().position(|b| *b == b'@');
    if value.len() > MAX_EMAIL_LEN {
        return invalid(FieldError::TooLong, value.into());
    }
    let spaced = value.chars().any(char::is_whitespace);
    if spaced || bytes.iter().filter(|b| **b == b'@').count() > 1 {
        return invalid(FieldError::Invalid, value.into());
    }
    // `local@label.label…`: labels not empty, the last of two letters or more.
    let shaped = at.is_some_and(|at| {
        let domain = &bytes[at + 1..];
        let mut label = 0;
        let mut labels = 0;
        for &b in domain.iter().chain([b'.'].iter()) {
            if b == b'.' {
                if label == 0 {
                    return false;
                }
                labels += 1;
                label = 0;
            } else {
                label += 1;
            }
        }
        let tld = domain.iter().rev().take_while(|b| **b != b'.').count();
        at > 0 && labels >= 2 && tld >= 2
    });
    // Anything else may still become an address as the shopper types.
    if shaped {
        valid(value.into())
    } else {
        incomplete(FieldError::Incomplete, value.into())
    }
}

/// A phone number as its national digits: separators and a leading `+<country>` (or
/// `<country>` after `+`) dropped; full-width and Thai digits read as digits.
fn phone(
    value: &str,
    country: &str,
    prefix_ok: fn(&[u8]) -> bool,
    lengths: core::ops::RangeInclusive<usize>,
) -> PayerCheck {
    let (international, rest) = match value.strip_prefix('+').or_else(|| value.strip_prefix('＋')) {
        Some(rest) => (true, rest),
        None => (false, value),
    };
    let mut digits = Vec::with_capacity(16);
    for c in rest.chars() {
        match digit_value(c) {
            Some(d) => digits.push(d),
            None if is_separator(c) || c == '(' || c == ')' => {}
            None => return invalid(FieldError::Invalid, value.into()),
        }
    }
    if international {
        // `+66 81…` is `081…`: the country code's two digits become the trunk prefix 0.
        let code = country.as_bytes();
        let matches = digits.iter().zip(code).all(|(d, c)| b'0' + d == *c);
        if !matches {
            return invalid(FieldError::Invalid, value.into());
        }
        if digits.len() < code.len() {
            return incomplete(FieldError::Incomplete, value.into());
        }
        digits[1] = 0;
        digits.remove(0);
    }
    let text: String = digits.iter().map(|d| (b'0' + d) as char).collect();
    let wrong_start = digits.first().is_some_and(|d| *d != 0) || (digits.len() >= 2 && !prefix_ok(&digits));
    if wrong_start || digits.len() > *lengths.end() {
        invalid(FieldError::Invalid, text)
    } else if lengths.contains(&digits.len()) {
        valid(text)
    } else {
        incomplete(FieldError::Incomplete, text)
    }
}
