//! Security code (CVV/CVC/CID): digits only, length by brand.

use alloc::string::String;

use crate::brand::Brand;
use crate::field::FieldError;
use crate::normalize::{digit_value, is_separator};
use crate::validity::Validity;

/// State and error of a security code as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecurityCodeCheck {
    pub state: Validity,
    pub error: Option<FieldError>,
    /// The normalized ASCII digits.
    pub digits: String,
}

/// Accepted lengths: Amex 4, other brands 3, 3–4 while the brand is unknown.
pub fn lengths(brand: Option<Brand>) -> (usize, usize) {
    match brand {
        Some(b) => (b.security_code_len() as usize, b.security_code_len() as usize),
        None => (3, 4),
    }
}

/// Checks a security code for `brand`.
pub fn check(input: &str, brand: Option<Brand>) -> SecurityCodeCheck {
    let (min, max) = lengths(brand);
    let mut digits = String::new();
    for c in input.chars() {
        match digit_value(c) {
            Some(d) if digits.len() <= max => digits.push((b'0' + d) as char),
            Some(_) => return done(Validity::Invalid, Some(FieldError::TooLong), digits),
            None if c == ' ' || c == '\u{3000}' || (is_separator(c) && c != '-' && c != '.') => {}
            None => return done(Validity::Invalid, Some(FieldError::Invalid), String::new()),
        }
    }
    let (state, error) = match digits.len() {
        0 => (Validity::Incomplete, Some(FieldError::Required)),
        n if n < min => (Validity::Incomplete, Some(FieldError::Incomplete)),
        n if n <= max => (Validity::Valid, None),
        _ => (Validity::Invalid, Some(FieldError::TooLong)),
    };
    done(state, error, digits)
}

fn done(state: Validity, error: Option<FieldError>, digits: String) -> SecurityCodeCheck {
    SecurityCodeCheck { state, error, digits }
}

/// The digits as typed, cut at the longest length `brand` allows (for the input's value).
pub fn format(input: &str, brand: Option<Brand>) -> String {
    let (_, max) = lengths(brand);
    input.chars().filter_map(digit_value).take(max).map(|d| (b'0' + d) as char).collect()
}
