//! Cardholder name: required, trimmed, length-limited, and never a card number (a number typed
//! here would be sent in clear as a name).

use alloc::string::String;

use crate::field::FieldError;
use crate::normalize::{digit_value, is_separator};
use crate::validity::Validity;

/// Longest name accepted, in characters (embossed names are far shorter; this bounds abuse).
pub const MAX_CHARS: usize = 100;

/// A run of this many digits (separators allowed between them) looks like a card number.
const CARD_LIKE_DIGITS: usize = 12;

/// State and error of a cardholder name, with the trimmed value to send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameCheck {
    pub state: Validity,
    pub error: Option<FieldError>,
    pub value: String,
}

/// Checks a cardholder name.
pub fn check(input: &str) -> NameCheck {
    let trimmed = input.trim_matches(|c: char| c.is_whitespace() || is_separator(c) && c != '-' && c != '.');
    let value = collapse_whitespace(trimmed);
    let (state, error) = if value.is_empty() {
        (Validity::Incomplete, Some(FieldError::Required))
    } else if value.chars().any(char::is_control) {
        (Validity::Invalid, Some(FieldError::Invalid))
    } else if looks_like_card_number(&value) {
        (Validity::Invalid, Some(FieldError::LooksLikeCardNumber))
    } else if crate::char_count(&value) > MAX_CHARS {
        (Validity::Invalid, Some(FieldError::TooLong))
    } else {
        (Validity::Valid, None)
    };
    NameCheck { state, error, value }
}

/// The words of `text` joined by one space (what `split_whitespace` + `join(" ")` give), in
/// one pass: runs of whitespace, the ideographic space of Japanese IMEs among them, become one
/// space, and none is left at either end.
fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.chars() {
        if c.is_whitespace() {
            gap = true;
        } else {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        }
    }
    out
}

fn looks_like_card_number(value: &str) -> bool {
    let mut run = 0;
    for c in value.chars() {
        if digit_value(c).is_some() {
            run += 1;
            if run >= CARD_LIKE_DIGITS {
                return true;
            }
        } else if !is_separator(c) {
            run = 0;
        }
    }
    false
}
