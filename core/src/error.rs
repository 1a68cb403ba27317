//! The one error vocabulary of calls to Omise (tokens, sources, status polling). Every failure
//! the adapter can meet (transport, HTTP status, error object, odd body) is classified into an
//! `ErrorCode` exactly once; `code()` is the stable JS-facing string and `messages` has the
//! customer-facing text for each (STYLE.md pattern 5).

/// Why a call to Omise (or to the merchant's status endpoint) did not give the wanted object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// Offline, DNS failure, connection refused or dropped, CORS refusal.
    NetworkError,
    /// No answer within `timeoutMs`.
    Timeout,
    /// HTTP 5xx, or `search_unavailable`: Omise is having trouble; try again shortly.
    ServiceUnavailable,
    /// HTTP 429.
    RateLimited,
    /// An answer that is not what the API sends: HTML error page, malformed JSON, a 200 that is
    /// not the expected object.
    InvalidResponse,
    /// `authentication_failure`: the merchant's key is wrong. Not the customer's fault.
    ConfigurationError,
    /// `invalid_card` the core could not place on a field.
    InvalidCard,
    /// `brand_not_supported` (or an `invalid_card` part "brand not supported").
    BrandNotSupported,
    /// `failed_fraud_check`.
    FailedFraudCheck,
    /// The token came back with `card.security_code_check: false` (SPEC §2): not handed on.
    SecurityCodeCheckFailed,
    /// The form has fields that are not valid; nothing was sent.
    ValidationError,
    /// `bad_request`, `invalid_source`, `invalid_amount` and other 400s.
    BadRequest,
    /// `not_found` (404).
    NotFound,
    /// `used_token`.
    UsedToken,
    /// `authorize()` refused a URL that is not `https:` (or localhost).
    UnsafeRedirect,
    /// `authorize()` was called for a charge that needs no authorization.
    NoAuthorizationNeeded,
    /// The form or poller was destroyed while the call was running.
    Destroyed,
    /// Anything else (an unknown error code from the API).
    Unknown,
    /// After the token: the merchant's order call failed (its server said no, or answered
    /// 5xx). Reported by the merchant with `form.showError('order_failed')`: the card was not
    /// charged and is still in the form, so the customer can simply try again.
    OrderFailed,
    /// After the token: the device went offline before the order reached the merchant
    /// (`form.showError('offline')`).
    Offline,
    /// Token creation failed the issuer's small authorization (seed 001: in Japan creating a
    /// token authorizes ¥100, and a debit card is charged and refunded ¥100). The card may
    /// have been fine while typing and its limit used up meanwhile. Error object code
    /// `authorization_failed` (our choice for the sandbox; the live code is unverified).
    AuthorizationFailed,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 21] = [
        ErrorCode::NetworkError,
        ErrorCode::Timeout,
        ErrorCode::ServiceUnavailable,
        ErrorCode::RateLimited,
        ErrorCode::InvalidResponse,
        ErrorCode::ConfigurationError,
        ErrorCode::InvalidCard,
        ErrorCode::BrandNotSupported,
        ErrorCode::FailedFraudCheck,
        ErrorCode::SecurityCodeCheckFailed,
        ErrorCode::ValidationError,
        ErrorCode::BadRequest,
        ErrorCode::NotFound,
        ErrorCode::UsedToken,
        ErrorCode::UnsafeRedirect,
        ErrorCode::NoAuthorizationNeeded,
        ErrorCode::Destroyed,
        ErrorCode::Unknown,
        ErrorCode::OrderFailed,
        ErrorCode::Offline,
        ErrorCode::AuthorizationFailed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ErrorCode::NetworkError => "network_error",
            ErrorCode::Timeout => "timeout",
            ErrorCode::ServiceUnavailable => "service_unavailable",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::InvalidResponse => "invalid_response",
            ErrorCode::ConfigurationError => "configuration_error",
            ErrorCode::InvalidCard => "invalid_card",
            ErrorCode::BrandNotSupported => "brand_not_supported",
            ErrorCode::FailedFraudCheck => "failed_fraud_check",
            ErrorCode::SecurityCodeCheckFailed => "security_code_check_failed",
            ErrorCode::ValidationError => "validation_error",
            ErrorCode::BadRequest => "bad_request",
            ErrorCode::NotFound => "not_found",
            ErrorCode::UsedToken => "used_token",
            ErrorCode::UnsafeRedirect => "unsafe_redirect",
            ErrorCode::NoAuthorizationNeeded => "no_authorization_needed",
            ErrorCode::Destroyed => "destroyed",
            ErrorCode::Unknown => "unknown_error",
            ErrorCode::OrderFailed => "order_failed",
            ErrorCode::Offline => "offline",
            ErrorCode::AuthorizationFailed => "authorization_failed",
        }
    }

    /// The code for a `code()` string (exact match), e.g. what a merchant passes to
    /// `form.showError`.
    pub fn from_code(code: &str) -> Option<ErrorCode> {
        ErrorCode::ALL.into_iter().find(|c| c.code() == code)
    }

    /// Worth asking again (polling keeps going within its budget on these).
    pub fn is_transient(self) -> bool {
        matches!(
            self,
            ErrorCode::NetworkError
                | ErrorCode::Timeout
                | ErrorCode::ServiceUnavailable
                | ErrorCode::RateLimited
                | ErrorCode::InvalidResponse
        )
    }
}
