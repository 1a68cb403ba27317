//! The token request as the vault expects it: form-encoded `card[...]` fields and HTTP Basic
//! auth with the public key as user name and an empty password (SPEC §2).

use alloc::borrow::ToOwned;

use alloc::string::String;
use alloc::vec::Vec;

use zeroize::{Zeroize, Zeroizing};

use crate::field::{Field, FieldError};
use crate::secret::SecretString;

/// The card as sent to `POST /tokens`. Field names are the API's.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TokenRequest {
    pub name: String,
    /// ASCII digits; wiped from memory when dropped.
    pub number: SecretString,
    pub expiration_month: u32,
    pub expiration_year: u32,
    /// ASCII digits; wiped from memory when dropped.
    pub security_code: SecretString,
    pub billing: Billing,
}

/// The optional billing fields, by their API names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Billing {
    pub city: Option<String>,
    pub postal_code: Option<String>,
    pub country: Option<String>,
    pub state: Option<String>,
    pub street1: Option<String>,
    pub street2: Option<String>,
    pub phone_number: Option<String>,
}

impl Billing {
    /// Each field read by its API name (`city`, `postal_code`, …).
    pub fn from_fn(mut get: impl FnMut(&'static str) -> Option<String>) -> Billing {
        Billing {
            city: get("city"),
            postal_code: get("postal_code"),
            country: get("country"),
            state: get("state"),
            street1: get("street1"),
            street2: get("street2"),
            phone_number: get("phone_number"),
        }
    }

    /// `(API name, value)` in the order they are sent.
    pub fn pairs(&self) -> [(&'static str, &Option<String>); 7] {
        [
            ("city", &self.city),
            ("postal_code", &self.postal_code),
            ("country", &self.country),
            ("state", &self.state),
            ("street1", &self.street1),
            ("street2", &self.street2),
            ("phone_number", &self.phone_number),
        ]
    }

    /// Trimmed, with empty fields left out.
    pub fn cleaned(&self) -> Billing {
        let pairs = self.pairs();
        Billing::from_fn(|key| {
            let value = pairs.iter().find(|(k, _)| *k == key).and_then(|(_, v)| v.as_deref())?;
            Some(value.trim().to_owned()).filter(|s| !s.is_empty())
        })
    }
}

/// One field's value as sent: text, or a number written without quotes in JSON.
#[derive(Clone, Copy)]
enum Value<'a> {
    Text(&'a str),
    Number(u32),
}

impl TokenRequest {
    /// `(API name, value)` in the order they are sent: the card, then the non-empty billing
    /// fields.
    fn fields(&self) -> impl Iterator<Item = (&'static str, Value<'_>)> {
        let card = [
            ("name", Value::Text(&self.name)),
            ("number", Value::Text(&self.number)),
            ("expiration_month", Value::Number(self.expiration_month)),
            ("expiration_year", Value::Number(self.expiration_year)),
            ("security_code", Value::Text(&self.security_code)),
        ];
        let billing = self
            .billing
            .pairs()
            .into_iter()
            .filter_map(|(k, v)| v.as_deref().filter(|v| !v.is_empty()).map(|v| (k, Value::Text(v))));
        card.into_iter().chain(billing)
    }

    /// `application/x-www-form-urlencoded` body: `card[name]=…&card[number]=…`. Wiped from
    /// memory when dropped; built in one buffer sized up front, so no reallocation leaves a
    /// copy of the card behind.
    pub fn form_body(&self) -> Zeroizing<String> {
        let len = |k: &str, v: Value| {
            "&card%5B%5D=".len()
                + k.len()
                + match v {
                    Value::Text(t) => {
                        t.bytes().map(|b| if is_unreserved(b) || b == b' ' { 1 } else { 3 }).sum()
                    }
                    Value::Number(_) => 10,
                }
        };
        let mut body = Zeroizing::new(String::with_capacity(self.fields().map(|(k, v)| len(k, v)).sum()));
        for (key, value) in self.fields() {
            if !body.is_empty() {
                body.push('&');
            }
            body.push_str("card%5B");
            body.push_str(key);
            body.push_str("%5D=");
            match value {
                Value::Text(t) => percent_encode(t, &mut body),
                Value::Number(n) => push_uint(&mut body, n.into()),
            }
        }
        body
    }

    /// The card as the JSON object the API takes under `"card"`: `{"name":…,"number":…,
    /// "expiration_month":12,"expiration_year":2028,"security_code":…}` plus the non-empty
    /// billing fields by their API names. Wiped from memory when dropped; one buffer sized up
    /// front, like `form_body`.
    pub fn json_card(&self) -> Zeroizing<String> {
        let len = |k: &str, v: Value| {
            r#","":"""#.len()
                + k.len()
                + match v {
                    Value::Text(t) => t.chars().map(json_escaped_len).sum(),
                    Value::Number(_) => 10,
                }
        };
        let mut json =
            Zeroizing::new(String::with_capacity(2 + self.fields().map(|(k, v)| len(k, v)).sum::<usize>()));
        json.push('{');
        for (key, value) in self.fields() {
            if json.len() > 1 {
                json.push(',');
            }
            json.push('"');
            json.push_str(key);
            json.push_str("\":");
            match value {
                Value::Text(t) => {
                    json.push('"');
                    json_escape(t, &mut json);
                    json.push('"');
                }
                Value::Number(n) => push_uint(&mut json, n.into()),
            }
        }
        json.push('}');
        json
    }
}

/// A whole number in decimal (no `to_string`: STYLE.md rule 9).
pub fn push_uint(out: &mut String, n: u64) {
    // From the largest power of ten not above `n` (1 for 0) down: no digit buffer, so no index
    // and no bounds check (whose panic message brings integer formatting into the wasm).
    let mut scale = 1;
    while n / scale >= 10 {
        scale *= 10;
    }
    loop {
        out.push(char::from(b'0' + (n / scale % 10) as u8));
        if scale == 1 {
            break;
        }
        scale /= 10;
    }
}

/// `parts.join(sep)` in one allocation: the standard `join` and `concat` share a generic copy
/// loop with its own panics, a KB of wasm.
pub fn join<S: AsRef<str>>(parts: &[S], sep: &str) -> String {
    let len = parts.iter().map(|p| p.as_ref().len() + sep.len()).sum::<usize>();
    let mut out = String::with_capacity(len.saturating_sub(sep.len()));
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(part.as_ref());
    }
    out
}

/// `parts.concat()` (see [`join`]).
pub fn concat(parts: &[&str]) -> String {
    join(parts, "")
}

/// JSON string contents (RFC 8259): `"` and `\` escaped, control characters as `\n`, `\t`… or
/// `\u00XX`; everything else as it is (UTF-8).
pub fn json_escape(value: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
}

/// Bytes `c` takes once escaped by `json_escape`.
fn json_escaped_len(c: char) -> usize {
    match c {
        '"' | '\\' | '\n' | '\r' | '\t' | '\u{8}' | '\u{c}' => 2,
        c if (c as u32) < 0x20 => 6,
        c => c.len_utf8(),
    }
}

fn is_unreserved(b: u8) -> bool {
    matches!(b, b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*')
}

/// Form encoding (WHATWG `application/x-www-form-urlencoded`): unreserved bytes as they are,
/// space as `+`, everything else `%XX` of its UTF-8 bytes.
pub fn percent_encode(value: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in value.bytes() {
        match b {
            b if is_unreserved(b) => out.push(b as char),
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                out.push(HEX[(b >> 4) as usize] as char);
                out.push(HEX[(b & 15) as usize] as char);
            }
        }
    }
}

/// `Basic base64("key:")`, the header value the vault and API expect.
pub fn basic_auth(key: &str) -> String {
    let mut out = String::from("Basic ");
    base64(concat(&[key, ":"]).as_bytes(), &mut out);
    out
}

/// Standard base64 with padding, appended to `out`.
pub fn base64(input: &[u8], out: &mut String) {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for chunk in input.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (b[0] as u32) << 16 | (b[1] as u32) << 8 | b[2] as u32;
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
}

/// A card as a merchant's code passes it to headless `createToken` (the API's field names;
/// month and year as text, since JS may give `12` or `"12"`).
#[derive(Clone, Default)]
pub struct CardInput {
    pub name: String,
    pub number: String,
    pub expiration_month: String,
    pub expiration_year: String,
    pub security_code: String,
    pub billing: Billing,
}

/// The number and security code are wiped from memory with the input.
impl Drop for CardInput {
    fn drop(&mut self) {
        self.number.zeroize();
        self.security_code.zeroize();
    }
}

/// Card data stays out of logs: the number and security code are not printed.
impl core::fmt::Debug for CardInput {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("CardInput")
            .field("name", &self.name)
            .field("expiration_month", &self.expiration_month)
            .field("expiration_year", &self.expiration_year)
            .field("billing", &self.billing)
            .finish_non_exhaustive()
    }
}

/// Checks a headless card with the same rules as the form; every problem is reported, in
/// form order, so nothing invalid is ever sent.
pub fn validate(
    card: &CardInput,
    today: crate::expiry::YearMonth,
) -> Result<TokenRequest, Vec<(Field, FieldError)>> {
    use crate::validity::Validity;
    let mut errors = Vec::new();
    let mut number = crate::number::check(&card.number);
    let digits = SecretString::from(core::mem::take(&mut number.digits));
    if number.state != Validity::Valid {
        errors.push((Field::Number, number.error.unwrap_or(FieldError::Invalid)));
    }
    let month = parse_uint(&card.expiration_month);
    let year = parse_uint(&card.expiration_year).map(|y| if y < 100 { 2000 + y } else { y });
    let expiry = match (month, year) {
        (None, _) | (_, None)
            if card.expiration_month.trim().is_empty() || card.expiration_year.trim().is_empty() =>
        {
            Err(FieldError::Required)
        }
        (Some(m), Some(y)) => crate::expiry::check_date(m, y, today).map(|_| (m, y)),
        _ => Err(FieldError::Invalid),
    };
    if let Err(e) = expiry {
        errors.push((Field::Expiry, e));
    }
    let mut code = crate::security_code::check(&card.security_code, number.brand);
    let code_digits = SecretString::from(core::mem::take(&mut code.digits));
    if code.state != Validity::Valid {
        errors.push((Field::SecurityCode, code.error.unwrap_or(FieldError::Invalid)));
    }
    let name = crate::name::check(&card.name);
    if name.state != Validity::Valid {
        errors.push((Field::Name, name.error.unwrap_or(FieldError::Invalid)));
    }
    let b = &card.billing;
    let billing = [(Field::City, &b.city), (Field::PostalCode, &b.postal_code), (Field::Country, &b.country)];
    for (field, value) in billing {
        if let Some(v) = value {
            if let (Validity::Invalid, e) = crate::form::evaluate(field, v, None, today) {
                errors.push((field, e.unwrap_or(FieldError::Invalid)));
            }
        }
    }
    let (expiration_month, expiration_year) = match expiry {
        Ok(my) if errors.is_empty() => my,
        _ => return Err(errors),
    };
    Ok(TokenRequest {
        name: name.value,
        number: digits,
        expiration_month,
        expiration_year,
        security_code: code_digits,
        billing: card.billing.cleaned(),
    })
}

/// A whole number of at most 4 digits (full-width digits allowed), else `None`.
fn parse_uint(text: &str) -> Option<u32> {
    let t = text.trim();
    if t.is_empty() || crate::char_count(t) > 4 {
        return None;
    }
    t.chars().try_fold(0u32, |n, c| crate::normalize::digit_value(c).map(|d| n * 10 + d as u32))
}
