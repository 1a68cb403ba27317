//! `invalid_card` messages split into field errors, the way the official mobile SDKs do
//! (SPEC §2): the API joins English sentences with ", ", ", and " and " and "; each part that
//! mentions "number", "expiration", "name" or "security code" lands on that field; "brand not
//! supported" marks the number unless a number error is already there.

use alloc::vec::Vec;

use crate::field::{Field, FieldError};

/// What one `invalid_card` message says about the form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Split {
    /// Errors to show on fields, in message order, at most one per field.
    pub fields: Vec<(Field, FieldError)>,
    /// A "brand not supported" part.
    pub brand_not_supported: bool,
    /// Parts that mention no field we know (shown as a general error).
    pub unplaced: usize,
}

/// The subjects a part can start with; " and " splits only before one of them, so
/// `expiration month is not between 1 and 12` stays whole.
const SUBJECTS: [&str; 9] =
    ["number", "brand", "expiration", "name", "security code", "postal code", "city", "country", "card"];

/// Splits an `invalid_card` message into field errors. Never panics; unknown text is counted
/// as unplaced, never echoed.
pub fn split(message: &str) -> Split {
    let mut out = Split::default();
    let lower = message.to_ascii_lowercase();
    for part in parts(&lower) {
        place(part.trim(), &mut out);
    }
    if out.brand_not_supported && !out.fields.iter().any(|(f, _)| *f == Field::Number) {
        out.fields.push((Field::Number, FieldError::UnsupportedBrand));
    }
    out
}

fn parts(message: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for chunk in message.split(", ") {
        let chunk = chunk.strip_prefix("and ").unwrap_or(chunk);
        let mut rest = chunk;
        // Split on " and " only when a new subject follows.
        loop {
            let next = rest.match_indices(" and ").map(|(i, _)| i).find(|&i| {
                let after = &rest[i + 5..];
                SUBJECTS.iter().any(|s| after.starts_with(s))
            });
            match next {
                Some(i) => {
                    out.push(&rest[..i]);
                    rest = &rest[i + 5..];
                }
                None => break,
            }
        }
        out.push(rest);
    }
    out
}

fn place(part: &str, out: &mut Split) {
    let blank = part.contains("blank") || part.contains("required") || part.contains("missing");
    let (field, error) = if part.starts_with("brand") || part.contains("brand not supported") {
        out.brand_not_supported = true;
        return;
    } else if part.contains("expiration") || part.contains("expiry") {
        let error = if blank {
            FieldError::Required
        } else if part.contains("past") || part.contains("expired") {
            FieldError::Expired
        } else if part.contains("month") {
            FieldError::MonthInvalid
        } else {
            FieldError::Invalid
        };
        (Field::Expiry, error)
    } else if part.contains("security code") || part.contains("cvv") || part.contains("cvc") {
        (Field::SecurityCode, if blank { FieldError::Required } else { FieldError::Invalid })
    } else if part.contains("number") {
        (Field::Number, if blank { FieldError::Required } else { FieldError::Invalid })
    } else if part.contains("name") {
        let error = if blank {
            FieldError::Required
        } else if part.contains("too long") {
            FieldError::TooLong
        } else {
            FieldError::Invalid
        };
        (Field::Name, error)
    } else if part.contains("postal") {
        (Field::PostalCode, FieldError::Invalid)
    } else if part.contains("city") {
        (Field::City, FieldError::Invalid)
    } else if part.contains("country") {
        (Field::Country, FieldError::Invalid)
    } else {
        if !part.is_empty() {
            out.unplaced += 1;
        }
        return;
    };
    if !out.fields.iter().any(|(f, _)| *f == field) {
        out.fields.push((field, error));
    }
}
