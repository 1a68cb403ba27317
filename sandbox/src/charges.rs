//! `POST /charges` and `GET /charges/{id}`: the merchant server's calls, secret key only.

use crate::app::AppState;
use crate::auth::{self, KeyKind};
use crate::body::{int, read_params, text, Int};
use crate::cards::{failure_message, Behaviour};
use crate::errors::{json_response, ApiError};
use crate::sources::{amount_and_currency, source_json};
use crate::store::{Charge, Outcome};
use crate::tokens::card_json;
use crate::{clock, ids};
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Map, Value};
use std::time::{Duration, Instant};

/// The Charge object (SPEC §2) as it looks at `now` (settle delays resolve lazily).
pub fn charge_json(charge: &Charge, now: Instant) -> Value {
    let status = charge.status(now);
    let (code, message) = match charge.visible_outcome(now) {
        Some(Outcome::Failed(code)) => (Some(code.clone()), Some(failure_message(code))),
        _ => (None, None),
    };
    let successful = status == "successful";
    json!({
        "object": "charge",
        "id": charge.id,
        "livemode": false,
        "location": format!("/charges/{}", charge.id),
        "status": status,
        "authorized": successful,
        "paid": successful,
        "amount": charge.amount,
        "currency": charge.currency,
        "description": charge.description,
        "metadata": charge.metadata,
        "failure_code": code,
        "failure_message": message,
        "authorize_uri": charge.authorize_uri,
        "return_uri": charge.return_uri,
        "card": charge.card.as_ref().map(card_json),
        "source": charge.source.as_ref().map(|s| source_json(s, status)),
        "created_at": charge.created_at,
    })
}

/// `metadata[sandbox_settle_delay_ms]`: this charge's settle delay, capped at ten minutes.
fn settle_delay(metadata: &Value) -> Option<Duration> {
    match int(metadata, "sandbox_settle_delay_ms") {
        Int::Value(ms) if ms >= 0 => Some(Duration::from_millis(ms.min(600_000) as u64)),
        _ => None,
    }
}

fn return_uri(params: &Value) -> Result<Option<String>, ApiError> {
    let Some(uri) = text(params, "return_uri").filter(|u| !u.trim().is_empty()) else {
        return Ok(None);
    };
    let ok = (uri.starts_with("http://") || uri.starts_with("https://"))
        && uri.len() <= 2048
        && !uri.chars().any(|c| c.is_control() || c.is_whitespace());
    if ok {
        Ok(Some(uri))
    } else {
        Err(ApiError::bad_request("return_uri is invalid"))
    }
}

pub async fn create(
    State(app): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let account = auth::authenticate(&headers, &app.store.lock(), KeyKind::Secret)?;
    let params = read_params(&headers, body).await?;
    let (amount, currency) = amount_and_currency(&params)?;
    let return_uri = return_uri(&params)?;
    let metadata = match params.get("metadata") {
        Some(m @ Value::Object(_)) => m.clone(),
        _ => Value::Object(Map::new()),
    };
    let card_id = text(&params, "card").filter(|s| !s.is_empty());
    let source_id = text(&params, "source").filter(|s| !s.is_empty());
    let id = ids::random_id("chrg_test_");
    let authorize_uri = format!("{}/authorize/{id}", app.origin(&headers));
    let mut charge = Charge {
        id: id.clone(),
        amount,
        currency,
        description: text(&params, "description").map(|d| d.chars().take(255).collect()),
        settle_delay: settle_delay(&metadata),
        metadata,
        return_uri,
        authorize_uri: None,
        card: None,
        source: None,
        created_at: clock::now_rfc3339(),
        outcome: None,
        settles_at: None,
    };

    let mut inner = app.store.lock();
    let acc = inner.account(account);
    match (card_id, source_id) {
        (Some(token_id), None) => {
            let token = acc.tokens.get_mut(&token_id).ok_or_else(|| ApiError::not_found("token"))?;
            if token.used {
                return Err(ApiError::new(StatusCode::BAD_REQUEST, "used_token", "token was already used"));
            }
            let behaviour = token.card.behaviour;
            if behaviour.needs_3ds() && charge.return_uri.is_none() {
                return Err(ApiError::bad_request("return_uri is required for 3-D Secure charges"));
            }
            token.used = true;
            token.charge_id = Some(id.clone());
            charge.card = Some(token.card.clone());
            match behaviour {
                Behaviour::Succeed => charge.outcome = Some(Outcome::Successful),
                Behaviour::Fail(code) => charge.outcome = Some(Outcome::Failed(code.to_owned())),
                Behaviour::ThreeDSecure | Behaviour::ThreeDSecureFails => {
                    charge.authorize_uri = Some(authorize_uri)
                }
            }
        }
        (None, Some(src_id)) => {
            let source = acc.sources.get_mut(&src_id).ok_or_else(|| ApiError::not_found("source"))?;
            if source.charge_id.is_some() {
                return Err(ApiError::bad_request("source was already used"));
            }
            if source.amount != charge.amount || source.currency != charge.currency {
                return Err(ApiError::bad_request("amount and currency must match the source's"));
            }
            if source.flow != "offline" && charge.return_uri.is_none() {
                return Err(ApiError::bad_request("return_uri is required for redirect sources"));
            }
            source.charge_id = Some(id.clone());
            charge.source = Some(source.clone());
            charge.authorize_uri = Some(authorize_uri);
        }
        (Some(_), Some(_)) => return Err(ApiError::bad_request("give either card or source, not both")),
        (None, None) => return Err(ApiError::bad_request("card or source is required")),
    }
    let body = charge_json(&charge, Instant::now());
    inner.insert_charge(account, charge);
    Ok(json_response(StatusCode::OK, &body))
}

pub async fn read(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let mut inner = app.store.lock();
    let account = auth::authenticate(&headers, &inner, KeyKind::Secret)?;
    let charge = inner.account(account).charges.get(&id).ok_or_else(|| ApiError::not_found("charge"))?;
    Ok(json_response(StatusCode::OK, &charge_json(charge, Instant::now())))
}
