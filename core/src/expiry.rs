//! Expiry dates as typed (`MM/YY`, `MM / YY`, `MMYY`, `M/YY`, `MM/YYYY`, autofill's `YYYY-MM`,
//! full-width digits). Time is passed in: `today` is the customer's current month.

use alloc::string::String;
use alloc::vec;
use alloc::vec::Vec;

use crate::field::FieldError;
use crate::format::{digits_before, Formatted};
use crate::normalize::digit_value;
use crate::validity::Validity;

/// Cards are issued at most this far ahead; SPEC §6: a 19-year cap rejected real cards.
pub const MAX_YEARS_AHEAD: u32 = 20;

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct YearMonth {
    pub year: u32,
    pub month: u32,
}

/// Everything known about an expiry as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExpiryCheck {
    pub state: Validity,
    /// What is wrong if the customer stopped here (set whenever `state` is not `Valid`).
    pub error: Option<FieldError>,
    pub month: Option<u32>,
    /// Four-digit year.
    pub year: Option<u32>,
    /// `MM / YY` (or `MM / YYYY` while a four-digit year is being typed).
    pub formatted: String,
}

/// Month 1–12, not before `today`'s month, not more than 20 years ahead.
pub fn check_date(month: u32, year: u32, today: YearMonth) -> Result<(), FieldError> {
    if !(1..=12).contains(&month) {
        return Err(FieldError::MonthInvalid);
    }
    // In i64: no sum of two u32 months overflows.
    let months = |ym: YearMonth| i64::from(ym.year) * 12 + i64::from(ym.month);
    let (date, now) = (months(YearMonth { year, month }), months(today));
    if date < now {
        Err(FieldError::Expired)
    } else if date - now > i64::from(MAX_YEARS_AHEAD) * 12 {
        Err(FieldError::TooFarAhead)
    } else {
        Ok(())
    }
}

/// The input split into month digits and year digits.
#[derive(Debug, Default, PartialEq, Eq)]
struct Parts {
    month: String,
    year: String,
    /// A separator followed the month (typed `1/`, `12/`, `12 `).
    separated: bool,
    /// The input ends in the ` / ` we show, or what Backspace leaves of it: the year digit
    /// after it or the separator itself was just deleted, and the separator goes with it
    /// (`12 / 3` ⌫ → `12`). A separator the customer types (`12/`, `12 `) stays.
    left_over: bool,
}

fn is_expiry_separator(c: char) -> bool {
    matches!(c, '/' | '\u{FF0F}' | '-' | '\u{FF0D}' | '.' | ' ' | '\u{3000}' | '\u{00A0}')
}

/// Splits into digit groups; `None` for characters that have no place in an expiry.
fn parse(input: &str) -> Option<Parts> {
    let mut groups: Vec<String> = vec![String::new()];
    for c in input.chars() {
        if let Some(d) = digit_value(c) {
            groups.last_mut()?.push((b'0' + d) as char);
        } else if is_expiry_separator(c) {
            if !groups.last()?.is_empty() {
                groups.push(String::new());
            }
        } else {
            return None;
        }
        if groups.len() > 3 || groups.iter().map(String::len).sum::<usize>() > 6 {
            return None;
        }
    }
    let separated = groups.len() > 1;
    let left_over =
        matches!(input.as_bytes(), [.., d, b' ', b'/'] | [.., d, b' ', b'/', b' '] if d.is_ascii_digit());
    groups.retain(|g| !g.is_empty());
    let parts =
        |month: &str, year: &str| Parts { month: month.into(), year: year.into(), separated, left_over };
    match groups.as_slice() {
        [] => Some(Parts::default()),
        // Autofill `YYYY-MM`.
        [y, m] if y.len() == 4 && m.len() <= 2 => Some(parts(m, y)),
        [m, y] if m.len() <= 2 => Some(parts(m, y)),
        // Digits without a separator (typed, or pasted `927`, `0927`, `1228`, `122028`). No
        // month starts with 2–9, so such a digit is the month on its own, as when typed.
        [one] if one.len() > 1 && one.as_bytes().first().is_some_and(|d| *d >= b'2') => {
            Some(parts(one.get(..1)?, one.get(1..)?))
        }
        [one] if one.len() <= 2 => Some(parts(one, "")),
        [one] => Some(parts(one.get(..2)?, one.get(2..)?)),
        _ => None,
    }
}

fn invalid(error: FieldError, formatted: String) -> ExpiryCheck {
    ExpiryCheck { state: Validity::Invalid, error: Some(error), month: None, year: None, formatted }
}

fn incomplete(error: FieldError, month: Option<u32>, formatted: String) -> ExpiryCheck {
    ExpiryCheck { state: Validity::Incomplete, error: Some(error), month, year: None, formatted }
}

/// `MM / YY` as far as typed: the month padded once it can only be one digit, the separator
/// shown once the month is done (a year digit, a typed separator, or a lone 2–9).
fn format_parts(parts: &Parts) -> String {
    let (month, year) = (parts.month.as_str(), parts.year.as_str());
    // A first digit 2–9 can only be a month 02–09; `1/` is month 01.
    let lone_month_done = matches!(month.as_bytes(), [d] if *d >= b'2' || parts.separated);
    let pad = month.len() == 1 && (lone_month_done || !year.is_empty());
    let separator =
        !year.is_empty() || lone_month_done || (month.len() == 2 && parts.separated && !parts.left_over);
    let mut out = String::with_capacity(month.len() + year.len() + 4);
    if pad {
        out.push('0');
    }
    out.push_str(month);
    if separator {
        out.push_str(" / ");
        out.push_str(year);
    }
    out
}

/// The value of a run of ASCII digits (the parsed month or year: at most 4 digits), 0 for
/// anything else, as `str::parse().unwrap_or(0)` but without its 300 bytes of wasm.
fn ascii_number(digits: &str) -> u32 {
    if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return 0;
    }
    digits.bytes().fold(0, |n, b| n * 10 + u32::from(b - b'0'))
}

/// Checks an expiry as typed, against `today`.
pub fn check(input: &str, today: YearMonth) -> ExpiryCheck {
    let Some(parts) = parse(input) else {
        return invalid(FieldError::Invalid, input.chars().filter(|c| c.is_ascii_digit()).take(6).collect());
    };
    let formatted = format_parts(&parts);
    if parts.month.is_empty() {
        return incomplete(FieldError::Required, None, formatted);
    }
    let month = ascii_number(&parts.month);
    let month_can_grow = parts.month.len() == 1 && parts.year.is_empty() && !parts.separated;
    if month_can_grow && month <= 1 {
        return incomplete(FieldError::Incomplete, None, formatted);
    }
    if !(1..=12).contains(&month) {
        return invalid(FieldError::MonthInvalid, formatted);
    }
    let year_digits = parts.year.len();
    let year = ascii_number(&parts.year);
    match year_digits {
        0 | 1 => incomplete(FieldError::Incomplete, Some(month), formatted),
        2 => {
            let full = year.saturating_add(2000);
            match check_date(month, full, today) {
                Ok(()) => ExpiryCheck {
                    state: Validity::Valid,
                    error: None,
                    month: Some(month),
                    year: Some(full),
                    formatted,
                },
                // `12 / 20` may be the start of `12 / 2031`: not an error while typing.
                Err(e) if could_be_four_digit_year(year, year_digits, month, today) => {
                    incomplete(e, Some(month), formatted)
                }
                Err(e) => invalid(e, formatted),
            }
        }
        3 => {
            if could_be_four_digit_year(year, year_digits, month, today) {
                incomplete(FieldError::Incomplete, Some(month), formatted)
            } else {
                invalid(FieldError::Invalid, formatted)
            }
        }
        _ => match check_date(month, year, today) {
            Ok(()) => ExpiryCheck {
                state: Validity::Valid,
                error: None,
                month: Some(month),
                year: Some(year),
                formatted,
            },
            Err(e) => invalid(e, formatted),
        },
    }
}

/// Whether some valid four-digit year starts with the `digits` typed so far (`prefix`, their
/// value). `today` comes from the page and may be anything: every sum saturates, so a year near
/// `u32::MAX` gives an answer, not an overflow.
fn could_be_four_digit_year(prefix: u32, digits: usize, month: u32, today: YearMonth) -> bool {
    let Some(scale) = 4usize.checked_sub(digits).filter(|n| *n > 0).map(|n| 10u32.pow(n as u32)) else {
        return false;
    };
    let first = prefix.saturating_mul(scale).max(today.year);
    let last = prefix.saturating_add(1).saturating_mul(scale).saturating_sub(1);
    let last = last.min(today.year.saturating_add(MAX_YEARS_AHEAD));
    (first..=last).any(|y| check_date(month, y, today).is_ok())
}

/// Formats an expiry as typed, keeping the caret after the same digit (at the end when it was).
pub fn format(input: &str, caret: usize) -> Formatted {
    // Like the card number: characters with no place here and digits past six are dropped.
    let mut kept = 0;
    let cleaned: String = input
        .chars()
        .filter(|c| {
            let digit = digit_value(*c).is_some();
            kept += usize::from(digit);
            (digit && kept <= 6) || is_expiry_separator(*c)
        })
        .collect();
    let value = match parse(&cleaned) {
        Some(parts) => format_parts(&parts),
        None => input.chars().filter(|c| c.is_ascii_digit()).take(6).collect(),
    };
    let at_end = caret >= input.encode_utf16().count();
    if at_end {
        return Formatted { caret: value.len(), value };
    }
    let before = digits_before(input, caret);
    let mut seen = 0;
    let mut pos = 0;
    for (i, c) in value.char_indices() {
        if seen == before {
            break;
        }
        if c.is_ascii_digit() {
            seen += 1;
        }
        pos = i + 1;
    }
    // An inserted leading zero is a digit the customer did not type.
    if value.starts_with('0') && !input.trim_start().starts_with(['0', '\u{FF10}', '\u{0E50}']) && pos > 0 {
        pos = offset_after(&value, before + 1);
    }
    Formatted { value, caret: pos }
}

fn offset_after(value: &str, digits: usize) -> usize {
    let mut seen = 0;
    for (i, c) in value.char_indices() {
        if c.is_ascii_digit() {
            seen += 1;
            if seen == digits {
                return i + 1;
            }
        }
    }
    value.len()
}
