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
    // `message.split(", ")`, by bytes (see `find`).
    let mut chunks = Some(message);
    while let Some(text) = chunks {
        let (chunk, next) = match find(text, ", ") {
            Some(i) => (text.get(..i).unwrap_or(""), text.get(i + 2..)),
            None => (text, None),
        };
        chunks = next;
        let chunk = chunk.strip_prefix("and ").unwrap_or(chunk);
        let mut rest = chunk;
        // Split on " and " only when a new subject follows (the matches taken left to right
        // without overlap, as `match_indices` does).
        loop {
            let mut from = 0;
            let next = loop {
                let Some(i) = rest.get(from..).and_then(|r| find(r, " and ")).map(|j| from + j) else {
                    break None;
                };
                let after = rest.get(i + 5..).unwrap_or("");
                if SUBJECTS.iter().any(|s| after.starts_with(s)) {
                    break Some(i);
                }
                from = i + 5;
            };
            match next {
                Some(i) => {
                    out.push(rest.get(..i).unwrap_or(""));
                    rest = rest.get(i + 5..).unwrap_or("");
                }
                None => break,
            }
        }
        out.push(rest);
    }
    out
}

/// Where `needle` first starts in `text`, by bytes: `str::find`/`contains`/`split` with a `&str`
/// pattern bring the two-way string searcher (and its panicking slicing) into the wasm. The
/// needles here are ASCII, so a match always starts and ends on a char boundary.
fn find(text: &str, needle: &str) -> Option<usize> {
    text.as_bytes().windows(needle.len()).position(|w| w == needle.as_bytes())
}

/// `part.contains(needle)` (see `find`).
fn has(part: &str, needle: &str) -> bool {
    find(part, needle).is_some()
}

fn place(part: &str, out: &mut Split) {
    let blank = has(part, "blank") || has(part, "required") || has(part, "missing");
    let (field, error) = if part.starts_with("brand") || has(part, "brand not supported") {
        out.brand_not_supported = true;
        return;
    } else if has(part, "expiration") || has(part, "expiry") {
        let error = if blank {
            FieldError::Required
        } else if has(part, "past") || has(part, "expired") {
            FieldError::Expired
        } else if has(part, "month") {
            FieldError::MonthInvalid
        } else {
            FieldError::Invalid
        };
        (Field::Expiry, error)
    } else if has(part, "security code") || has(part, "cvv") || has(part, "cvc") {
        (Field::SecurityCode, if blank { FieldError::Required } else { FieldError::Invalid })
    } else if has(part, "number") {
        (Field::Number, if blank { FieldError::Required } else { FieldError::Invalid })
    } else if has(part, "name") {
        let error = if blank {
            FieldError::Required
        } else if has(part, "too long") {
            FieldError::TooLong
        } else {
            FieldError::Invalid
        };
        (Field::Name, error)
    } else if has(part, "postal") {
        (Field::PostalCode, FieldError::Invalid)
    } else if has(part, "city") {
        (Field::City, FieldError::Invalid)
    } else if has(part, "country") {
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
