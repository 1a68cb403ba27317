//! Card number validity: three states (STYLE.md pattern 2) on top of brand detection.

use alloc::string::String;
use alloc::vec::Vec;

use zeroize::Zeroizing;

use crate::brand::{detect, Brand};
use crate::field::FieldError;
use crate::normalize;
use crate::validity::Validity;

/// Longest card number any brand issues (ISO/IEC 7812).
pub const MAX_DIGITS: usize = 19;

/// Everything known about a card number as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberCheck {
    pub state: Validity,
    /// What is wrong if the customer stopped here (set whenever `state` is not `Valid`).
    pub error: Option<FieldError>,
    pub brand: Option<Brand>,
    pub candidates: Vec<Brand>,
    /// The normalized ASCII digits (empty when the input has forbidden characters).
    pub digits: String,
}

impl NumberCheck {
    /// The security code length for this number: the brand's, or 3 when unknown.
    pub fn security_code_len(&self) -> u8 {
        self.brand.map_or(3, Brand::security_code_len)
    }
}

/// The Luhn (mod 10) checksum over ASCII digits; false for anything else or an empty string.
pub fn luhn(digits: &str) -> bool {
    let mut sum = 0u32;
    for (i, c) in digits.bytes().rev().enumerate() {
        if !c.is_ascii_digit() {
            return false;
        }
        let mut d = (c - b'0') as u32;
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    !digits.is_empty() && sum % 10 == 0
}

fn result(state: Validity, error: Option<FieldError>, digits: &[u8]) -> NumberCheck {
    let detection = detect(digits);
    NumberCheck {
        state,
        error,
        brand: detection.brand,
        candidates: detection.candidates,
        digits: normalize::to_ascii(digits),
    }
}

/// Checks a card number as typed or pasted.
pub fn check(input: &str) -> NumberCheck {
    // The digit values are card data too: wiped when this returns.
    let Some(digits) = normalize::digits(input).map(Zeroizing::new) else {
        return NumberCheck {
            state: Validity::Invalid,
            error: Some(FieldError::Invalid),
            brand: None,
            candidates: Vec::new(),
            digits: String::new(),
        };
    };
    if digits.is_empty() {
        return result(Validity::Incomplete, Some(FieldError::Required), &digits);
    }
    if digits.len() > MAX_DIGITS {
        // Detect on the first digits only: keeps huge pastes cheap and still names the brand.
        return result(Validity::Invalid, Some(FieldError::Invalid), &digits[..MAX_DIGITS]);
    }
    let detection = detect(&digits);
    if detection.candidates.is_empty() {
        return result(Validity::Invalid, Some(FieldError::UnsupportedBrand), &digits);
    }
    let Some(brand) = detection.brand.filter(|_| is_settled(&detection.candidates, &digits)) else {
        // Several brands still possible (e.g. `3`): judge by the most permissive one.
        return result(Validity::Incomplete, Some(FieldError::Incomplete), &digits);
    };
    let rule = brand.rule();
    let len = digits.len();
    let max = brand.max_len();
    // `iter().any`, not `contains`: `[u8]::contains` is a memchr (400 bytes of wasm) for a list
    // of a few lengths.
    let at_valid_length = rule.lengths.iter().any(|&l| usize::from(l) == len);
    let checksum_ok = !rule.luhn || luhn(&Zeroizing::new(normalize::to_ascii(&digits)));
    let (state, error) = if len > max {
        (Validity::Invalid, Some(FieldError::Invalid))
    } else if at_valid_length && checksum_ok {
        (Validity::Valid, None)
    } else if at_valid_length && len == max {
        (Validity::Invalid, Some(FieldError::Invalid))
    } else if at_valid_length {
        // A Luhn failure at 16 digits could still be a 19-digit card: not an error while
        // typing, but the error to show on blur is "invalid", not "incomplete".
        (Validity::Incomplete, Some(FieldError::Invalid))
    } else {
        (Validity::Incomplete, Some(FieldError::Incomplete))
    };
    result(state, error, &digits)
}

/// A detected brand is final once no other brand with a longer prefix is still possible,
/// or once the number is long enough that the longest prefix rule has been read.
fn is_settled(candidates: &[Brand], digits: &[u8]) -> bool {
    candidates.len() == 1 || digits.len() >= 6
}
