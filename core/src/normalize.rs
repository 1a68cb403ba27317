//! What customers really type or paste: ASCII, full-width (Japanese IME) and Thai digits,
//! with spaces, dashes and dots between them (SPEC §4, §6).

use alloc::string::String;
use alloc::vec::Vec;

/// The value of a digit in any script we accept, else `None`.
pub fn digit_value(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        // Full-width digits from Japanese IMEs (U+FF10–U+FF19).
        '\u{FF10}'..='\u{FF19}' => Some((c as u32 - 0xFF10) as u8),
        // Thai digits (U+0E50–U+0E59).
        '\u{0E50}'..='\u{0E59}' => Some((c as u32 - 0x0E50) as u8),
        _ => None,
    }
}

/// Characters people put between groups of digits; they carry no meaning.
pub fn is_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '-'
            | '.'
            | '\u{00A0}' // no-break space (copied from web pages)
            | '\u{2000}'..='\u{200B}' // en/em/thin spaces, zero-width space
            | '\u{2010}'..='\u{2015}' // hyphens and dashes
            | '\u{202F}' // narrow no-break space
            | '\u{205F}'
            | '\u{2212}' // minus sign
            | '\u{3000}' // ideographic space
            | '\u{FF0D}' // full-width hyphen-minus
            | '\u{FF0E}' // full-width full stop
            | '\u{30FC}' // katakana prolonged sound mark, typed for "-" in IME mode
    )
}

/// The digits of a card number as values 0–9, or `None` if anything other than digits and
/// separators is present (letters, emoji, control characters).
pub fn digits(input: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(input.len().min(32));
    for c in input.chars() {
        match digit_value(c) {
            Some(d) => out.push(d),
            None if is_separator(c) => {}
            None => return None,
        }
    }
    Some(out)
}

/// Every digit in `input` in order, dropping anything else (for formatting as the customer types).
pub fn digits_lossy(input: &str) -> Vec<u8> {
    input.chars().filter_map(digit_value).collect()
}

/// Digit values as an ASCII string.
pub fn to_ascii(digits: &[u8]) -> String {
    digits.iter().map(|d| (b'0' + d) as char).collect()
}
