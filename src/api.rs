//! Calls to the vault, the API and a merchant's status endpoint: send, read the few fields the
//! core needs, let the core classify (STYLE.md pattern 5).

use alloc::borrow::ToOwned;
use alloc::boxed::Box;
use alloc::string::String;

use omise_checkout_core::api::{self, Answer, Expect, Problem};
use omise_checkout_core::error::ErrorCode;
#[cfg(feature = "checkout")]
use omise_checkout_core::request::TokenRequest;
use wasm_bindgen::JsValue;
use zeroize::Zeroizing;

use crate::config::Config;
use crate::js;
use crate::transport::{HttpRequest, Reply};

/// A request body with its content type.
pub struct Body {
    pub content_type: &'static str,
    pub text: String,
}

/// Where the wanted object (the parsed JSON) or the problem goes.
pub type OnAnswer = Box<dyn FnOnce(Result<JsValue, Problem>)>;

/// Sends one request; `done` gets the wanted object (the parsed JSON) or the problem, later.
pub fn call(
    config: &Config,
    method: &'static str,
    url: String,
    body: Option<Body>,
    expect: Expect,
    with_key: bool,
    done: OnAnswer,
) {
    let request = HttpRequest {
        method,
        url,
        authorization: if with_key { Some(config.authorization()) } else { None },
        content_type: body.as_ref().map(|b| b.content_type),
        body: body.map(|b| Zeroizing::new(b.text)),
        timeout_ms: config.timeout_ms,
    };
    crate::transport::send(request, Box::new(move |reply| done(interpret(reply, expect))));
}

/// What an answer means, whichever way it travelled (fetch or the provider page): the wanted
/// object (the parsed JSON) or the problem, decided by the core's one classifier.
fn interpret(reply: Reply, expect: Expect) -> Result<JsValue, Problem> {
    match reply {
        Reply::NetworkFailure => Err(Problem::new(ErrorCode::NetworkError)),
        Reply::TimedOut => Err(Problem::new(ErrorCode::Timeout)),
        Reply::Response { status, retry_after, json } => {
            let object = json.as_ref().and_then(|j| js::get_str(j, "object"));
            // A merchant's status endpoint may answer a bare `{ status, failure_code }`.
            let object = match (&object, &json) {
                (None, Some(j)) if expect == Expect::Status && js::get_str(j, "status").is_some() => {
                    Some("status".to_owned())
                }
                _ => object,
            };
            let code = json.as_ref().and_then(|j| js::get_str(j, "code"));
            let message = json.as_ref().and_then(|j| js::get_str(j, "message"));
            let answer = Answer {
                status,
                json: json.is_some(),
                object: object.as_deref(),
                code: code.as_deref(),
                message: message.as_deref(),
                retry_after: retry_after.as_deref(),
            };
            api::classify(&answer, expect)?;
            json.ok_or_else(|| Problem::new(ErrorCode::InvalidResponse))
        }
    }
}

#[cfg(feature = "checkout")]
/// A token from the vault, through its provider page (the default) or `POST {vault}/tokens`;
/// then the checks a token must pass before it is handed on: an id of the right shape and
/// `card.security_code_check` not `false` (SPEC §2). The card's text (JSON or form body) is
/// wiped from memory once sent.
pub fn create_token(config: &Config, card: &TokenRequest, done: OnAnswer) {
    let done: crate::transport::OnReply = Box::new(move |reply| done(check_token(reply)));
    match &config.provider {
        Some(provider) => {
            let card_json = card.json_card();
            provider.create_token(&config.public_key, &card_json, config.timeout_ms, done)
        }
        None => {
            let body: Zeroizing<String> = card.form_body();
            let mut url = String::with_capacity(config.vault_url.len() + 7);
            url.push_str(&config.vault_url);
            url.push_str("/tokens");
            let request = HttpRequest {
                method: "POST",
                url,
                authorization: Some(config.authorization()),
                content_type: Some("application/x-www-form-urlencoded"),
                body: Some(body),
                timeout_ms: config.timeout_ms,
            };
            crate::transport::send(request, done)
        }
    }
}

#[cfg(feature = "checkout")]
fn check_token(reply: Reply) -> Result<JsValue, Problem> {
    let token = interpret(reply, Expect::Token)?;
    let id = js::get_str(&token, "id").unwrap_or_default();
    if !api::is_token_id(&id) {
        return Err(Problem::new(ErrorCode::InvalidResponse));
    }
    let check = js::get(&js::get(&token, "card"), "security_code_check").as_bool();
    api::check_security_code(check)?;
    Ok(token)
}
