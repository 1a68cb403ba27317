//! The vault's provider page protocol, as Omise.js 2.x speaks it (easyXDM's PostMessage
//! transport carrying JSON-RPC 2.0): the strings our page posts to the provider iframe and the
//! rules for the strings it posts back. The adapter (`src/provider.rs`) owns the iframe, the
//! listener and the timers; everything here is plain text handling, table-tested.
//!
//! 1. The provider announces itself with the bare string `"<channel>-ready"`.
//! 2. Every later message either way is `"<channel> " + JSON`.
//! 3. A call is `{"jsonrpc":"2.0","method":…,"params":[…],"id":N}`; the answer carries the same
//!    `id` and either `result` or `error` (`{code, message, data?}`), in any order.

use alloc::string::String;

use zeroize::Zeroizing;

/// One conversation with one provider iframe: the channel name both sides prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Channel {
    name: String,
}

impl Channel {
    /// A channel from a page-unique number (`omisecheckout7`). easyXDM strips quotes, angle
    /// brackets and backslashes from the name it is given; ours has none.
    pub fn numbered(n: u64) -> Channel {
        let mut name = String::from("omisecheckout");
        push_decimal(n, &mut name);
        Channel { name }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether `data` is the provider's ready announcement for this channel (exactly).
    pub fn is_ready(&self, data: &str) -> bool {
        data.len() == self.name.len() + 6
            && data.starts_with(self.name.as_str())
            && data.as_bytes()[self.name.len()..] == *b"-ready"
    }

    /// The JSON part of a message on this channel, or `None` for anything else (other
    /// channels, other scripts' messages, the ready announcement).
    pub fn payload<'a>(&self, data: &'a str) -> Option<&'a str> {
        let rest = data.strip_prefix(self.name.as_str())?;
        rest.strip_prefix(' ')
    }

    /// The query of the provider page's URL: our origin (`xdm_e`, URL-encoded), the channel
    /// (`xdm_c`) and the transport (`xdm_p=1`, postMessage). Card data never goes here.
    pub fn provider_query(&self, own_origin: &str) -> String {
        let mut q = String::from("?xdm_e=");
        crate::request::percent_encode(own_origin, &mut q);
        q.push_str("&xdm_c=");
        q.push_str(&self.name);
        q.push_str("&xdm_p=1");
        q
    }

    /// `"<channel> {"jsonrpc":"2.0","method":"createToken","params":[key,{"card":…}],"id":N}"`.
    /// `card_json` is the card object as JSON (it holds the card data, so the message is wiped
    /// when dropped, like the card JSON the caller passes in).
    pub fn create_token_call(&self, id: u32, public_key: &str, card_json: &str) -> Zeroizing<String> {
        let mut m =
            Zeroizing::new(String::with_capacity(self.name.len() + 96 + public_key.len() + card_json.len()));
        m.push_str(&self.name);
        m.push_str(" {\"jsonrpc\":\"2.0\",\"method\":\"createToken\",\"params\":[");
        push_json_string(public_key, &mut m);
        m.push_str(",{\"card\":");
        m.push_str(card_json);
        m.push_str("}],\"id\":");
        push_decimal(id as u64, &mut m);
        m.push('}');
        m
    }
}

/// What one parsed answer says, read by the adapter from the JSON (`JSON.parse` in the page).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AnswerShape {
    /// `result.status` (a number) when there is a `result`.
    pub result_status: Option<f64>,
    /// `result.data` is an object.
    pub result_data: bool,
    /// There is an `error` member.
    pub error: bool,
    /// `error.data.status` (a number).
    pub error_status: Option<f64>,
    /// `error.data.data` is an object.
    pub error_data: bool,
}

/// Where the HTTP-like answer is, once the envelope is taken off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unwrapped {
    /// `result.data` (status from `result.status`, 200 when missing).
    Result(u16),
    /// `error.data.data`, an Omise error object with its HTTP status.
    ErrorData(u16),
    /// `error.data.status` alone: the vault answered this status without a JSON object (an
    /// HTML error page from a proxy); classified by the status.
    ErrorStatus(u16),
    /// An answer the core cannot read as an API answer: an error without `data` (the provider
    /// threw, or the method is unknown: -32601) or a result without an object. The caller
    /// reports it as an invalid response.
    Unreadable,
}

/// Takes the JSON-RPC envelope off an answer.
pub fn unwrap_answer(a: &AnswerShape) -> Unwrapped {
    let status = |s: Option<f64>, default: u16| match s {
        Some(n) if crate::is_whole(n) && (100.0..=599.0).contains(&n) => Some(n as u16),
        None => Some(default),
        _ => None,
    };
    if a.error {
        return match (a.error_data, a.error_status.and_then(|s| status(Some(s), 0))) {
            (true, Some(s)) => Unwrapped::ErrorData(s),
            (true, None) if a.error_status.is_none() => Unwrapped::ErrorData(400),
            (false, Some(s)) => Unwrapped::ErrorStatus(s),
            _ => Unwrapped::Unreadable,
        };
    }
    match (a.result_data, status(a.result_status, 200)) {
        (true, Some(s)) => Unwrapped::Result(s),
        _ => Unwrapped::Unreadable,
    }
}

/// A JSON string literal of `s`.
fn push_json_string(s: &str, out: &mut String) {
    out.push('"');
    crate::request::json_escape(s, out);
    out.push('"');
}

fn push_decimal(n: u64, out: &mut String) {
    crate::request::push_uint(out, n);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ready_is_exact_and_per_channel() {
        let ch = Channel::numbered(1);
        let rows: &[(&str, &str, bool)] = &[
            ("own ready", "omisecheckout1-ready", true),
            ("another channel's ready", "omisecheckout10-ready", false),
            ("prefix of ours", "omisecheckout-ready", false),
            ("trailing text", "omisecheckout1-ready ", false),
            ("a call, not ready", "omisecheckout1 {}", false),
            ("empty", "", false),
        ];
        for (label, data, want) in rows {
            assert_eq!(ch.is_ready(data), *want, "{label}");
        }
    }

    #[test]
    fn payload_needs_the_channel_and_a_space() {
        let ch = Channel::numbered(1);
        let rows: &[(&str, &str, Option<&str>)] = &[
            ("ours", "omisecheckout1 {\"id\":1}", Some("{\"id\":1}")),
            ("channel 10 is not channel 1", "omisecheckout10 {\"id\":1}", None),
            ("ready is not a payload", "omisecheckout1-ready", None),
            ("no space", "omisecheckout1{}", None),
            ("other script", "hello", None),
        ];
        for (label, data, want) in rows {
            assert_eq!(ch.payload(data), *want, "{label}");
        }
    }

    #[test]
    fn provider_query_encodes_the_origin_and_carries_no_card_data() {
        let q = Channel::numbered(42).provider_query("http://127.0.0.1:8787");
        assert_eq!(q, "?xdm_e=http%3A%2F%2F127.0.0.1%3A8787&xdm_c=omisecheckout42&xdm_p=1");
    }

    #[test]
    fn create_token_call_is_the_json_rpc_easyxdm_expects() {
        let m = Channel::numbered(3).create_token_call(7, "pkey_test_1", "{\"number\":\"4242\"}");
        assert_eq!(
            m.as_str(),
            "omisecheckout3 {\"jsonrpc\":\"2.0\",\"method\":\"createToken\",\"params\":[\"pkey_test_1\",{\"card\":{\"number\":\"4242\"}}],\"id\":7}"
        );
    }

    #[test]
    fn answers_unwrap_to_the_api_answer_or_unreadable() {
        let base = AnswerShape {
            result_status: None,
            result_data: false,
            error: false,
            error_status: None,
            error_data: false,
        };
        let rows: &[(&str, AnswerShape, Unwrapped)] = &[
            (
                "token",
                AnswerShape { result_status: Some(200.0), result_data: true, ..base },
                Unwrapped::Result(200),
            ),
            ("result without status", AnswerShape { result_data: true, ..base }, Unwrapped::Result(200)),
            (
                "result without data",
                AnswerShape { result_status: Some(200.0), ..base },
                Unwrapped::Unreadable,
            ),
            (
                "result, odd status",
                AnswerShape { result_status: Some(2.5), result_data: true, ..base },
                Unwrapped::Unreadable,
            ),
            (
                "API error",
                AnswerShape { error: true, error_status: Some(400.0), error_data: true, ..base },
                Unwrapped::ErrorData(400),
            ),
            (
                "401",
                AnswerShape { error: true, error_status: Some(401.0), error_data: true, ..base },
                Unwrapped::ErrorData(401),
            ),
            ("provider threw (no data)", AnswerShape { error: true, ..base }, Unwrapped::Unreadable),
            (
                "status without an object (an HTML page)",
                AnswerShape { error: true, error_status: Some(502.0), ..base },
                Unwrapped::ErrorStatus(502),
            ),
            (
                "error object without status",
                AnswerShape { error: true, error_data: true, ..base },
                Unwrapped::ErrorData(400),
            ),
            (
                "odd status",
                AnswerShape { error: true, error_status: Some(99999.0), ..base },
                Unwrapped::Unreadable,
            ),
            ("neither", base, Unwrapped::Unreadable),
            (
                "error wins over result",
                AnswerShape { result_data: true, error: true, ..base },
                Unwrapped::Unreadable,
            ),
        ];
        for (label, shape, want) in rows {
            assert_eq!(unwrap_answer(shape), *want, "{label}");
        }
    }
}
