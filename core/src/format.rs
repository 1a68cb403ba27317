//! Formatting as the customer types, with the caret kept on the same digit (SPEC §6: compute
//! the caret from "digits before the caret", never from string lengths).
//!
//! Carets are UTF-16 code unit offsets, as `HTMLInputElement.selectionStart` reports them.

use alloc::string::String;
use alloc::vec::Vec;

use zeroize::Zeroizing;

use crate::brand::{detect, Brand};
use crate::normalize::{digit_value, is_separator};
use crate::number::MAX_DIGITS;

/// A formatted value and where the caret goes in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Formatted {
    pub value: String,
    pub caret: usize,
}

/// How many digits stand before UTF-16 offset `caret` in `input`.
pub fn digits_before(input: &str, caret: usize) -> usize {
    let mut units = 0;
    let mut count = 0;
    for c in input.chars() {
        if units >= caret {
            break;
        }
        units += c.len_utf16();
        if digit_value(c).is_some() {
            count += 1;
        }
    }
    count
}

/// Groups ASCII `digits` with single spaces after each gap position.
fn group(digits: &[u8], gaps: &[u8]) -> String {
    let mut out = String::with_capacity(digits.len() + gaps.len());
    for (i, d) in digits.iter().enumerate() {
        if i > 0 && gaps.iter().any(|&g| usize::from(g) == i) {
            out.push(' ');
        }
        out.push((b'0' + d) as char);
    }
    out
}

/// Offset in `formatted` just after its `n`-th digit (0 → start).
fn offset_after_digit(formatted: &str, n: usize) -> usize {
    if n == 0 {
        return 0;
    }
    let mut seen = 0;
    for (i, c) in formatted.char_indices() {
        if c.is_ascii_digit() {
            seen += 1;
            if seen == n {
                return i + 1;
            }
        }
    }
    formatted.len()
}

/// The grouping and the digit cap for a number as typed so far.
fn layout(digits: &[u8]) -> (usize, Brand) {
    let brand = detect(&digits[..digits.len().min(6)]).brand.unwrap_or(Brand::Visa);
    (brand.max_len().min(MAX_DIGITS), brand)
}

/// Formats a card number (4-4-4-4(-3); Amex 4-6-5; Diners 14 4-6-4), keeping the caret after
/// the same digit. Non-digits are dropped; digits beyond the brand's longest length are cut.
pub fn card_number(input: &str, caret: usize) -> Formatted {
    // Sized so it never reallocates (which would leave a copy behind); wiped when this returns.
    let mut digits = Zeroizing::new(Vec::with_capacity(MAX_DIGITS + 1));
    for c in input.chars() {
        if let Some(d) = digit_value(c) {
            digits.push(d);
            if digits.len() > MAX_DIGITS {
                break;
            }
        }
    }
    let (cap, brand) = layout(&digits);
    digits.truncate(cap);
    let value = group(&digits, brand.gaps(digits.len()));
    let before = digits_before(input, caret).min(digits.len());
    let caret = offset_after_digit(&value, before);
    Formatted { value, caret }
}

/// Backspace or Delete next to a separator: remove the digit on the far side of it instead
/// (otherwise the separator is re-inserted and the caret never moves). `caret` is collapsed;
/// `forward` is Delete. Returns `None` when the key should be handled normally.
pub fn delete_across_separator(value: &str, caret: usize, forward: bool) -> Option<Formatted> {
    // Our formatted values are ASCII, so byte offsets equal UTF-16 offsets here (and no copy of
    // the number is made to index it).
    let bytes = value.as_bytes();
    if !value.is_ascii() || caret > bytes.len() {
        return None;
    }
    let neighbour = if forward { bytes.get(caret) } else { caret.checked_sub(1).and_then(|i| bytes.get(i)) };
    if !neighbour.is_some_and(|b| is_separator(*b as char)) {
        return None;
    }
    // Find the digit beyond the run of separators and remove it.
    let target = if forward {
        (caret..bytes.len()).find(|&i| bytes[i].is_ascii_digit())?
    } else {
        (0..caret).rev().find(|&i| bytes[i].is_ascii_digit())?
    };
    let mut edited = Zeroizing::new(String::with_capacity(value.len()));
    edited.push_str(value.get(..target)?);
    let caret_digits = edited.bytes().filter(u8::is_ascii_digit).count();
    edited.push_str(value.get(target + 1..)?);
    let reformatted = card_number(&edited, 0);
    let caret = offset_after_digit(&reformatted.value, caret_digits);
    Some(Formatted { value: reformatted.value, caret })
}
