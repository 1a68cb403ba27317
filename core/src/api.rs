//! What an answer from the vault, the API or a merchant's status endpoint means, decided once
//! (STYLE.md pattern 5). The adapter parses JSON (the browser's `JSON.parse`, no serde_json in
//! the wasm) and hands over the few fields that matter; the core decides: the object we
//! wanted, or an `ErrorCode` (plus field errors for `invalid_card`).
//!
//! Parsing is lenient (SPEC §2): unknown fields are ignored, unknown enum values are kept as
//! "unknown", and server text is never shown to the customer (only mapped codes are).

use alloc::vec;
use alloc::vec::Vec;

use crate::error::ErrorCode;
use crate::field::{Field, FieldError};

/// The longest `Retry-After` honoured; a server asking for more gets this.
pub const MAX_RETRY_AFTER_MS: u64 = 60_000;

/// The parts of an HTTP answer the core looks at.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Answer<'a> {
    pub status: u16,
    /// Whether the body parsed as a JSON object.
    pub json: bool,
    /// The body's `object` field (`token`, `source`, `charge`, `error`, …).
    pub object: Option<&'a str>,
    /// `code` and `message` of an error object.
    pub code: Option<&'a str>,
    pub message: Option<&'a str>,
    /// The `Retry-After` header.
    pub retry_after: Option<&'a str>,
}

/// Why an answer is not the wanted object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub code: ErrorCode,
    /// Field errors (from `invalid_card`), in message order.
    pub fields: Vec<(Field, FieldError)>,
    pub retry_after_ms: Option<u64>,
}

impl Problem {
    pub fn new(code: ErrorCode) -> Problem {
        Problem { code, fields: Vec::new(), retry_after_ms: None }
    }
}

/// What kind of object a call expects back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expect {
    Token,
    Source,
    /// A merchant's status endpoint: a charge object, or any object with a `status` (the adapter
    /// checks that `status` is a string and passes `object: Some("status")` then).
    Status,
}

impl Expect {
    fn accepts(self, object: Option<&str>) -> bool {
        match self {
            Expect::Token => object == Some("token"),
            Expect::Source => object == Some("source"),
            Expect::Status => matches!(object, Some("charge" | "source" | "token" | "status")),
        }
    }
}

/// Classifies an answer: `Ok(())` when it is the wanted object.
pub fn classify(answer: &Answer, expect: Expect) -> Result<(), Problem> {
    let ok_status = (200..300).contains(&answer.status);
    if answer.json && answer.object == Some("error") {
        return Err(from_error_object(answer));
    }
    if ok_status && answer.json && expect.accepts(answer.object) {
        return Ok(());
    }
    let code = match answer.status {
        429 => ErrorCode::RateLimited,
        500..=599 => ErrorCode::ServiceUnavailable,
        401 | 403 => ErrorCode::ConfigurationError,
        404 => ErrorCode::NotFound,
        // A 2xx that is not the object (an HTML page, a cut body, a list), or a 3xx/4xx body we
        // cannot read.
        _ => ErrorCode::InvalidResponse,
    };
    Err(Problem { code, fields: Vec::new(), retry_after_ms: retry_after_ms(answer.retry_after) })
}

/// The Omise error object `code`s the widget tells apart, and what each means
/// here. A table, not a `match` on strings: the same answers in a fraction of the wasm.
const ERROR_CODES: [(&str, ErrorCode); 23] = [
    ("authentication_failure", ErrorCode::ConfigurationError),
    ("key_expired", ErrorCode::ConfigurationError),
    ("forbidden", ErrorCode::ConfigurationError),
    ("invalid_card", ErrorCode::InvalidCard),
    ("authorization_failed", ErrorCode::AuthorizationFailed),
    ("failed_authorization", ErrorCode::AuthorizationFailed),
    ("brand_not_supported", ErrorCode::BrandNotSupported),
    ("failed_fraud_check", ErrorCode::FailedFraudCheck),
    ("used_token", ErrorCode::UsedToken),
    ("not_found", ErrorCode::NotFound),
    ("search_unavailable", ErrorCode::ServiceUnavailable),
    ("service_unavailable", ErrorCode::ServiceUnavailable),
    ("internal_error", ErrorCode::ServiceUnavailable),
    ("service_not_found", ErrorCode::ServiceUnavailable),
    ("rate_limit_exceeded", ErrorCode::RateLimited),
    ("too_many_requests", ErrorCode::RateLimited),
    ("bad_request", ErrorCode::BadRequest),
    ("invalid_source", ErrorCode::BadRequest),
    ("invalid_amount", ErrorCode::BadRequest),
    ("invalid_currency", ErrorCode::BadRequest),
    ("invalid_charge", ErrorCode::BadRequest),
    ("invalid_filter", ErrorCode::BadRequest),
    ("invalid_link", ErrorCode::BadRequest),
];

fn from_error_object(answer: &Answer) -> Problem {
    let code = answer.code.unwrap_or("").trim();
    let mut problem = Problem::new(match ERROR_CODES.iter().find(|(c, _)| *c == code) {
        Some(&(_, meaning)) => meaning,
        None => match answer.status {
            429 => ErrorCode::RateLimited,
            500..=599 => ErrorCode::ServiceUnavailable,
            401 | 403 => ErrorCode::ConfigurationError,
            404 => ErrorCode::NotFound,
            400 => ErrorCode::BadRequest,
            _ => ErrorCode::Unknown,
        },
    });
    problem.retry_after_ms = retry_after_ms(answer.retry_after);
    // Only a token request is answered `invalid_card` (not built into the after-the-charge
    // module, whose requests never are).
    #[cfg(feature = "card-errors")]
    if problem.code == ErrorCode::InvalidCard {
        let split = crate::invalid_card::split(answer.message.unwrap_or(""));
        problem.fields = split.fields;
        // Only a brand problem: say so plainly.
        if split.brand_not_supported && split.unplaced == 0 && problem.fields.len() == 1 {
            problem.code = ErrorCode::BrandNotSupported;
        }
    }
    if problem.code == ErrorCode::BrandNotSupported && problem.fields.is_empty() {
        problem.fields.push((Field::Number, FieldError::UnsupportedBrand));
    }
    problem
}

/// `Retry-After` in whole seconds, as milliseconds, capped. HTTP dates are not honoured (the
/// poller's own schedule applies).
pub fn retry_after_ms(header: Option<&str>) -> Option<u64> {
    // `delta-seconds` is digits only (RFC 9110 §10.2.3); read without `str::parse`'s code.
    let digits = header?.trim();
    if digits.is_empty() {
        return None;
    }
    let secs = digits.bytes().try_fold(0u64, |n, b| {
        b.is_ascii_digit().then(|| n.saturating_mul(10).saturating_add(u64::from(b - b'0')))
    })?;
    Some(secs.saturating_mul(1000).min(MAX_RETRY_AFTER_MS))
}

/// `security_code_check` on a returned token's card (SPEC §2): `false` means the charge will
/// be declined with `invalid_security_code`, so the token is not handed on. A missing field is
/// not a failure (older API versions do not send it).
pub fn check_security_code(security_code_check: Option<bool>) -> Result<(), Problem> {
    match security_code_check {
        Some(false) => Err(Problem {
            code: ErrorCode::SecurityCodeCheckFailed,
            fields: vec![(Field::SecurityCode, FieldError::SecurityCodeCheckFailed)],
            retry_after_ms: None,
        }),
        _ => Ok(()),
    }
}

/// A token id as Omise issues them: `tokn_` or `tokn_test_` then lowercase letters and digits.
pub fn is_token_id(id: &str) -> bool {
    has_id_shape(id, "tokn_")
}

/// A source id: `src_` or `src_test_` then lowercase letters and digits.
pub fn is_source_id(id: &str) -> bool {
    has_id_shape(id, "src_")
}

fn has_id_shape(id: &str, prefix: &str) -> bool {
    let Some(rest) = id.strip_prefix(prefix) else { return false };
    let rest = rest.strip_prefix("test_").unwrap_or(rest);
    !rest.is_empty() && rest.len() <= 64 && rest.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
}
