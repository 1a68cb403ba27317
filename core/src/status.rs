//! What a charge's or source's status means to the customer (SPEC §2 statuses, §3 texts).
//!
//! `status_message` is the one mapping from `(status, failure_code)` to a kind and a catalog
//! message; the poller (`crate::poll`) and the adapter's `statusMessage()` both use it.

use crate::messages::{self, Message};

/// A charge `status`, a source's or token's `charge_status`, or a status endpoint's `status`.
/// Parsed leniently: anything not listed is `Unknown` (SPEC §2: unknown enum values are kept as
/// unknown, never an error).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaymentStatus {
    Pending,
    Successful,
    Failed,
    Expired,
    /// Authorization released: nothing was paid.
    Reversed,
    /// Source status: the customer completed the payment; the merchant's charge follows.
    Chargeable,
    /// Source status (`canceled`; `cancelled` accepted too).
    Canceled,
    /// `unknown` (a token with no charge yet) or any value this version does not know.
    Unknown,
}

impl PaymentStatus {
    pub const ALL: [PaymentStatus; 8] = [
        PaymentStatus::Pending,
        PaymentStatus::Successful,
        PaymentStatus::Failed,
        PaymentStatus::Expired,
        PaymentStatus::Reversed,
        PaymentStatus::Chargeable,
        PaymentStatus::Canceled,
        PaymentStatus::Unknown,
    ];

    /// Case-insensitive, surrounding whitespace ignored; never fails.
    pub fn parse(s: &str) -> PaymentStatus {
        let s = s.trim();
        let is = |name: &str| s.eq_ignore_ascii_case(name);
        if is("pending") {
            PaymentStatus::Pending
        } else if is("successful") {
            PaymentStatus::Successful
        } else if is("failed") {
            PaymentStatus::Failed
        } else if is("expired") {
            PaymentStatus::Expired
        } else if is("reversed") {
            PaymentStatus::Reversed
        } else if is("chargeable") {
            PaymentStatus::Chargeable
        } else if is("canceled") || is("cancelled") {
            PaymentStatus::Canceled
        } else {
            PaymentStatus::Unknown
        }
    }

    /// The API's spelling (`unknown` for anything unrecognised).
    pub fn code(self) -> &'static str {
        match self {
            PaymentStatus::Pending => "pending",
            PaymentStatus::Successful => "successful",
            PaymentStatus::Failed => "failed",
            PaymentStatus::Expired => "expired",
            PaymentStatus::Reversed => "reversed",
            PaymentStatus::Chargeable => "chargeable",
            PaymentStatus::Canceled => "canceled",
            PaymentStatus::Unknown => "unknown",
        }
    }
}

/// How the customer should read a status: the adapter styles the message by this
/// (`code()` is the JS-facing `kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Success,
    Pending,
    Failure,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::Success => "success",
            Kind::Pending => "pending",
            Kind::Failure => "failure",
        }
    }
}

/// The end state of `pollStatus()` (`Outcome.state` in JS).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OutcomeState {
    Succeeded,
    Failed,
    Pending,
}

impl OutcomeState {
    pub fn code(self) -> &'static str {
        match self {
            OutcomeState::Succeeded => "succeeded",
            OutcomeState::Failed => "failed",
            OutcomeState::Pending => "pending",
        }
    }
}

impl From<Kind> for OutcomeState {
    fn from(kind: Kind) -> OutcomeState {
        match kind {
            Kind::Success => OutcomeState::Succeeded,
            Kind::Pending => OutcomeState::Pending,
            Kind::Failure => OutcomeState::Failed,
        }
    }
}

/// Polling stops on a final status. `chargeable` is final for a source: the customer's part is
/// done and the order is received (issue 5); `pending` and `unknown` may still change.
pub fn is_final(status: PaymentStatus) -> bool {
    match status {
        PaymentStatus::Successful
        | PaymentStatus::Failed
        | PaymentStatus::Expired
        | PaymentStatus::Reversed
        | PaymentStatus::Chargeable
        | PaymentStatus::Canceled => true,
        PaymentStatus::Pending | PaymentStatus::Unknown => false,
    }
}

/// How the shopper paid, as far as failure texts care: a card (texts may name the card and its
/// issuer) or a bank or wallet (PromptPay, mobile banking, TrueMoney, PayPay, konbini, …:
/// texts never do).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Method {
    /// A card, or not known (most charges are card charges).
    #[default]
    Card,
    Other,
}

impl Method {
    /// From a charge-like object: a `source.type` (any source is a bank or wallet payment; a
    /// `card` source type is treated as a card) or the merchant's own `method` field (`card`,
    /// or a source type such as `promptpay`). `None` when neither says.
    pub fn of(source_type: Option<&str>) -> Option<Method> {
        let t = source_type.map(str::trim).filter(|t| !t.is_empty())?;
        Some(if t.eq_ignore_ascii_case("card") { Method::Card } else { Method::Other })
    }
}

/// What to show the customer for a status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StatusMessage {
    pub kind: Kind,
    pub message: Message,
}

/// The customer-facing meaning of a status (SPEC §3 table). For a failed, expired or canceled
/// payment a `failure_code` (blank ones ignored) picks the text that says why (`messages::failure`,
/// generic for unknown codes); without one the SPEC's "payment failed" text is used. The code is
/// ignored for the other statuses.
pub fn status_message(status: PaymentStatus, failure_code: Option<&str>) -> StatusMessage {
    status_message_for(status, failure_code, Method::Card)
}

/// `status_message` for a payment made by `method`: a bank or wallet payment's failure never
/// speaks of a card or its issuer.
pub fn status_message_for(
    status: PaymentStatus,
    failure_code: Option<&str>,
    method: Method,
) -> StatusMessage {
    let failed = |code: Option<&str>| StatusMessage {
        kind: Kind::Failure,
        message: match code.map(str::trim).filter(|c| !c.is_empty()) {
            Some(code) if method == Method::Other => messages::failure_other(code),
            Some(code) => messages::failure(code),
            None => Message::StatusFailed,
        },
    };
    match status {
        PaymentStatus::Successful => {
            StatusMessage { kind: Kind::Success, message: Message::StatusSuccessful }
        }
        PaymentStatus::Pending | PaymentStatus::Unknown | PaymentStatus::Chargeable => {
            StatusMessage { kind: Kind::Pending, message: Message::StatusReceived }
        }
        PaymentStatus::Failed | PaymentStatus::Expired | PaymentStatus::Canceled => failed(failure_code),
        PaymentStatus::Reversed => StatusMessage { kind: Kind::Failure, message: Message::StatusReversed },
    }
}

/// Longest `failure_code` passed on (Omise's are under 30 characters).
pub const MAX_FAILURE_CODE_LEN: usize = 64;

/// A `failure_code` as it may be handed to the merchant's page (`failureCode`): a code shaped
/// like the API's, `^[a-z][a-z0-9_]{0,63}$`, as it is; anything else (markup, spaces, capitals,
/// long text) is `unknown`. A status endpoint is the merchant's, but what it relays may not be:
/// an `<img onerror>` came through verbatim. Surrounding whitespace is ignored; blank is `None`.
pub fn failure_code(raw: &str) -> Option<&str> {
    let code = raw.trim();
    if code.is_empty() {
        return None;
    }
    let bytes = code.as_bytes();
    let shaped = bytes.len() <= MAX_FAILURE_CODE_LEN
        && bytes.first().is_some_and(u8::is_ascii_lowercase)
        && bytes.iter().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_');
    Some(if shaped { code } else { "unknown" })
}

/// A refund's `status` as the customer should read it (seed 004): `pending` (and anything not
/// yet known), `successful` (with the 5–10 business days note), `failed` (contact the shop).
pub fn refund_message(status: &str) -> StatusMessage {
    let s = status.trim();
    if s.eq_ignore_ascii_case("successful") || s.eq_ignore_ascii_case("closed") {
        StatusMessage { kind: Kind::Success, message: Message::RefundSuccessful }
    } else if s.eq_ignore_ascii_case("failed") {
        StatusMessage { kind: Kind::Failure, message: Message::RefundFailed }
    } else {
        StatusMessage { kind: Kind::Pending, message: Message::RefundPending }
    }
}
