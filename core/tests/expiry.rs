//! Expiry dates: the forms customers and autofill produce, formatting while typing, and the
//! date rules, with `today` passed in.

#![allow(clippy::disallowed_macros, clippy::disallowed_methods)] // clippy.toml's rules are for the wasm, not tests

use omise_checkout_core::expiry::{check, check_date, format, YearMonth};
use omise_checkout_core::form::{Effect, FormModel, InputKind};
use omise_checkout_core::{Field, FieldError, Validity};

use FieldError::{Expired, MonthInvalid, Required, TooFarAhead};
use Validity::{Incomplete, Invalid, Valid};

const TODAY: YearMonth = YearMonth { year: 2026, month: 11 };

/// (label, input, state, month, year, formatted)
type Row = (&'static str, &'static str, Validity, Option<u32>, Option<u32>, &'static str);
const PARSES: &[Row] = &[
    ("MM/YY", "12/28", Valid, Some(12), Some(2028), "12 / 28"),
    ("MM / YY", "12 / 28", Valid, Some(12), Some(2028), "12 / 28"),
    ("MMYY", "1228", Valid, Some(12), Some(2028), "12 / 28"),
    ("M/YY", "3/29", Valid, Some(3), Some(2029), "03 / 29"),
    ("MM/YYYY", "12/2028", Valid, Some(12), Some(2028), "12 / 2028"),
    ("MMYYYY", "122028", Valid, Some(12), Some(2028), "12 / 2028"),
    ("autofill YYYY-MM", "2028-12", Valid, Some(12), Some(2028), "12 / 2028"),
    ("full-width", "１２／２８", Valid, Some(12), Some(2028), "12 / 28"),
    ("full-width no slash", "１２２８", Valid, Some(12), Some(2028), "12 / 28"),
    ("dash", "12-28", Valid, Some(12), Some(2028), "12 / 28"),
    ("current month still valid", "11/26", Valid, Some(11), Some(2026), "11 / 26"),
    ("twenty years ahead", "11/46", Valid, Some(11), Some(2046), "11 / 46"),
];

#[test]
fn parses_the_forms_people_type() {
    for (label, input, state, month, year, formatted) in PARSES {
        let c = check(input, TODAY);
        assert_eq!(
            (c.state, c.month, c.year, c.formatted.as_str()),
            (*state, *month, *year, *formatted),
            "{label}"
        );
        assert_eq!(c.error, None, "{label}");
    }
}

/// (label, input, state, error, formatted)
const STATES: &[(&str, &str, Validity, FieldError, &str)] = &[
    ("empty", "", Incomplete, Required, ""),
    ("lone 1 may be 10–12", "1", Incomplete, FieldError::Incomplete, "1"),
    ("lone 0", "0", Incomplete, FieldError::Incomplete, "0"),
    ("first digit 2–9 becomes 0N / ", "4", Incomplete, FieldError::Incomplete, "04 / "),
    ("full-width first digit", "４", Incomplete, FieldError::Incomplete, "04 / "),
    ("1/ is January", "1/", Incomplete, FieldError::Incomplete, "01 / "),
    ("month only", "12", Incomplete, FieldError::Incomplete, "12"),
    ("deleting the separator leaves the month", "12 /", Incomplete, FieldError::Incomplete, "12"),
    ("one year digit", "12 / 2", Incomplete, FieldError::Incomplete, "12 / 2"),
    ("month 13", "13", Invalid, MonthInvalid, "13"),
    ("month 00", "00", Invalid, MonthInvalid, "00"),
    ("month 00 with year", "00/28", Invalid, MonthInvalid, "00 / 28"),
    ("last month", "10/26", Invalid, Expired, "10 / 26"),
    ("last year", "12/25", Invalid, Expired, "12 / 25"),
    ("21 years ahead", "12/47", Invalid, TooFarAhead, "12 / 47"),
    ("4-digit past year", "12/2019", Invalid, Expired, "12 / 2019"),
    ("20 could still become 2031", "12/20", Incomplete, Expired, "12 / 20"),
    ("3 year digits on the way to 4", "12/203", Incomplete, FieldError::Incomplete, "12 / 203"),
    ("3 year digits that cannot become valid", "12/199", Invalid, FieldError::Invalid, "12 / 199"),
    ("letters", "ab/cd", Invalid, FieldError::Invalid, ""),
    ("too many digits", "12/20281", Invalid, FieldError::Invalid, "122028"),
    ("three groups", "1/2/3", Invalid, FieldError::Invalid, "123"),
];

#[test]
fn states_while_typing() {
    for (label, input, state, error, formatted) in STATES {
        let c = check(input, TODAY);
        assert_eq!(
            (c.state, c.error, c.formatted.as_str()),
            (*state, Some(*error), *formatted),
            "{label}: {input:?}"
        );
    }
}

#[test]
fn date_rules() {
    let rows: &[(&str, u32, u32, Result<(), FieldError>)] = &[
        ("current month", 11, 2026, Ok(())),
        ("next month", 12, 2026, Ok(())),
        ("previous month", 10, 2026, Err(Expired)),
        ("exactly 20 years", 11, 2046, Ok(())),
        ("20 years and a month", 12, 2046, Err(TooFarAhead)),
        ("month 0", 0, 2030, Err(MonthInvalid)),
        ("month 13", 13, 2030, Err(MonthInvalid)),
    ];
    for (label, month, year, expected) in rows {
        assert_eq!(check_date(*month, *year, TODAY), *expected, "{label}");
    }
}

#[test]
fn january_rollover() {
    let jan = YearMonth { year: 2027, month: 1 };
    assert_eq!(check("01/27", jan).state, Valid);
    assert_eq!(check("12/26", jan).error, Some(Expired));
}

#[test]
fn format_keeps_caret() {
    // (input with caret, expected with caret)
    let rows = [
        ("4|", "04 / |"),
        ("12|", "12|"),
        ("123|", "12 / 3|"),
        ("12 / 28|", "12 / 28|"),
        ("1|2 / 28", "1|2 / 28"),
        ("12 / 2|8", "12 / 2|8"),
        ("1228|", "12 / 28|"),
        ("12 / 20281|", "12 / 2028|"),
        ("12x|", "12|"),
        ("1２/２８|", "12 / 28|"),
        ("12/|", "12 / |"),
        ("1 /|", "01 / |"),
        ("12 /|", "12|"),
        ("12 / |", "12|"),
        ("927|", "09 / 27|"),
        // The month retyped over a selection: the caret stays after the month.
        ("9| / 28", "09| / 28"),
    ];
    for (input, expected) in rows {
        let caret = input.find('|').unwrap();
        let out = format(&input.replace('|', ""), caret);
        let mut got = out.value.clone();
        got.insert(out.caret, '|');
        assert_eq!(got, expected, "{input}");
    }
}

/// Splits "12 / |" into ("12 / ", 5).
fn at(s: &str) -> (String, usize) {
    let caret = s.find('|').expect("row has a caret");
    (s.replace('|', ""), s[..caret].encode_utf16().count())
}

/// One keystroke into `value` at `caret`, as the browser performs it before `input` fires:
/// `⌫` is Backspace, anything else is typed there.
fn press(value: &str, caret: usize, key: char) -> (String, usize) {
    let mut chars: Vec<char> = value.chars().collect();
    if key == '⌫' {
        if caret == 0 {
            return (value.to_string(), 0);
        }
        chars.remove(caret - 1);
        (chars.into_iter().collect(), caret - 1)
    } else {
        chars.insert(caret, key);
        (chars.into_iter().collect(), caret + 1)
    }
}

/// (label, keystrokes with the value and caret expected after each one)
type Sequence = (&'static str, &'static [(char, &'static str)]);
const TYPING: &[Sequence] = &[
    (
        "a typed slash is the separator",
        &[('1', "1|"), ('2', "12|"), ('/', "12 / |"), ('2', "12 / 2|"), ('8', "12 / 28|")],
    ),
    ("a typed space is the separator", &[('1', "1|"), ('2', "12|"), (' ', "12 / |"), ('2', "12 / 2|")]),
    (
        "1 then space then slash is January",
        &[('1', "1|"), (' ', "01 / |"), ('/', "01 / |"), ('3', "01 / 3|")],
    ),
    ("1 then slash is January", &[('1', "1|"), ('/', "01 / |"), ('3', "01 / 3|"), ('0', "01 / 30|")]),
    (
        "a slash after the separator is not doubled",
        &[('1', "1|"), ('2', "12|"), ('/', "12 / |"), ('/', "12 / |")],
    ),
    ("digits only", &[('1', "1|"), ('2', "12|"), ('2', "12 / 2|"), ('8', "12 / 28|")]),
    ("first digit 2–9 is the month", &[('9', "09 / |"), ('2', "09 / 2|"), ('7', "09 / 27|")]),
    (
        "four-digit year",
        &[
            ('1', "1|"),
            ('2', "12|"),
            ('/', "12 / |"),
            ('2', "12 / 2|"),
            ('0', "12 / 20|"),
            ('3', "12 / 203|"),
            ('0', "12 / 2030|"),
        ],
    ),
    ("full-width slash", &[('１', "1|"), ('２', "12|"), ('／', "12 / |"), ('３', "12 / 3|")]),
    // The separator goes with the last year digit, and one Backspace takes a typed one.
    (
        "backspace the year, the separator goes with it",
        &[('1', "1|"), ('2', "12|"), ('/', "12 / |"), ('2', "12 / 2|"), ('⌫', "12|"), ('⌫', "1|")],
    ),
    (
        "backspace a typed separator",
        &[('1', "1|"), ('2', "12|"), ('/', "12 / |"), ('⌫', "12|"), ('/', "12 / |")],
    ),
    (
        "retype after backspace",
        &[('1', "1|"), ('2', "12|"), ('3', "12 / 3|"), ('⌫', "12|"), ('4', "12 / 4|")],
    ),
    ("backspace after a padded month", &[('4', "04 / |"), ('⌫', "04|"), ('⌫', "0|"), ('⌫', "|")]),
];

#[test]
fn typing_keystroke_by_keystroke_keeps_value_and_caret() {
    for (label, keys) in TYPING {
        let (mut value, mut caret) = (String::new(), 0);
        for (i, (key, expected)) in keys.iter().enumerate() {
            let (raw, raw_caret) = press(&value, caret, *key);
            let out = format(&raw, raw_caret);
            let mut got = out.value.clone();
            got.insert(out.caret, '|');
            assert_eq!(got, *expected, "{label}: key {} ({key:?}) on {raw:?}", i + 1);
            (value, caret) = (out.value, out.caret);
        }
    }
}

/// (label, value after a paste into the empty field, formatted with caret, month, year)
const PASTES: &[(&str, &str, &str, u32, u32)] = &[
    ("927", "927|", "09 / 27|", 9, 2027),
    ("0927", "0927|", "09 / 27|", 9, 2027),
    ("9/27", "9/27|", "09 / 27|", 9, 2027),
    ("9 / 27", "9 / 27|", "09 / 27|", 9, 2027),
    ("92027", "92027|", "09 / 2027|", 9, 2027),
    ("12/2030", "12/2030|", "12 / 2030|", 12, 2030),
    ("full-width 927", "９２７|", "09 / 27|", 9, 2027),
    ("1228 still December", "1228|", "12 / 28|", 12, 2028),
];

#[test]
fn pastes_read_as_month_and_year() {
    for (label, pasted, expected, month, year) in PASTES {
        let (raw, caret) = at(pasted);
        let out = format(&raw, caret);
        let mut got = out.value.clone();
        got.insert(out.caret, '|');
        assert_eq!(got, *expected, "{label}");
        let c = check(&raw, TODAY);
        assert_eq!((c.state, c.month, c.year), (Valid, Some(*month), Some(*year)), "{label}");
        assert_eq!(c.formatted, expected.replace('|', ""), "{label}");
    }
}

#[test]
fn a_four_digit_year_completes_the_field() {
    // Typed key by key into the form: focus moves on once the field is complete, `MM / YY` or
    // `MM / YYYY`, and not before (`12 / 20` may still become 2031).
    let rows: &[(&str, &str, usize)] = &[("two-digit year", "12/28", 5), ("four-digit year", "12/2030", 7)];
    for (label, typed, complete_at) in rows {
        let mut form = FormModel::new(&[], TODAY);
        let mut value = String::new();
        for (typed_so_far, c) in typed.chars().enumerate().map(|(i, c)| (i + 1, c)) {
            value.push(c);
            let effects = form.input(Field::Expiry, &value, value.len(), InputKind::Insert);
            if let Some(Effect::SetValue { value: v, .. }) = effects.first() {
                value = v.to_string();
            }
            let moved = effects.contains(&Effect::Focus(Field::SecurityCode));
            assert_eq!(
                moved,
                typed_so_far == *complete_at,
                "{label}: key {typed_so_far} → {value:?}: {effects:?}"
            );
        }
        assert_eq!(form.get(Field::Expiry).map(|f| f.state), Some(Valid), "{label}");
    }
    let mut form = FormModel::new(&[], TODAY);
    let effects = form.input(Field::Expiry, "12/2030", 7, InputKind::Insert);
    assert!(effects.contains(&Effect::Focus(Field::SecurityCode)), "pasted: {effects:?}");
}

#[test]
fn any_today_gives_an_answer_not_an_overflow() {
    // `today` comes from the page (`validateExpiry(input, today)`): a year near u32::MAX used to
    // overflow `today.year + MAX_YEARS_AHEAD` while checking a two- or three-digit year.
    let far = |year, month| YearMonth { year, month };
    let rows: &[(&str, &str, YearMonth, Validity)] = &[
        ("two-digit year, last year", "12/20", far(u32::MAX, 1), Invalid),
        ("three-digit year, last year", "12/202", far(u32::MAX, 12), Invalid),
        ("four-digit year, last year", "12/2028", far(u32::MAX, 12), Invalid),
        ("two-digit year, 19 before the last", "12/20", far(u32::MAX - 19, 1), Invalid),
        ("two-digit year, month 0", "12/28", far(u32::MAX, 0), Invalid),
        ("three-digit year, month beyond 12", "12/203", far(u32::MAX - 5, u32::MAX), Invalid),
        ("year 0", "12/28", far(0, 1), Invalid),
        ("year 0, three digits", "12/001", far(0, 1), Incomplete),
        ("year 9999", "12/999", far(9_999, 1), Incomplete),
        ("year 9999, two digits", "12/99", far(9_999, 1), Incomplete),
    ];
    for (label, input, today, want) in rows {
        assert_eq!(check(input, *today).state, *want, "{label}: {input:?} at {today:?}");
    }
}
