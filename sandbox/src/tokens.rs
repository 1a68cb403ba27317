//! The vault: `POST /tokens` and `GET /tokens/{id}` with the public key.

use crate::app::AppState;
use crate::auth::{self, KeyKind};
use crate::body::read_params;
use crate::clock::rfc3339_ms;
use crate::errors::{json_response, ApiError};
use crate::store::{CardInfo, Inner, Token};
use crate::{cards, clock, ids, validate};
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};

/// The Card object (SPEC §2) at `location` (a customer's card has one; a token's has none).
pub fn card_json(card: &CardInfo, location: Option<String>) -> Value {
    let b = &card.billing;
    json!({
        "object": "card",
        "id": card.id,
        "livemode": false,
        "location": location,
        "deleted": false,
        "street1": b.street1,
        "street2": b.street2,
        "city": b.city,
        "state": b.state,
        "postal_code": b.postal_code,
        "country": card.country,
        "phone_number": b.phone_number,
        "financing": "credit",
        "bank": "Bank of the Sandbox",
        "brand": card.brand,
        "first_digits": null,
        "last_digits": card.last_digits,
        "name": card.name,
        "expiration_month": card.expiration_month,
        "expiration_year": card.expiration_year,
        "fingerprint": card.fingerprint,
        "security_code_check": card.security_code_check,
        "tokenization_method": null,
        "created_at": rfc3339_ms(card.created_ms),
    })
}

/// `charge_status` of a token or source: its charge's status, `unknown` before any charge.
pub fn charge_status(inner: &Inner, account: usize, charge_id: Option<&str>, now_ms: i64) -> &'static str {
    let charge = charge_id.and_then(|id| inner.accounts.get(&account)?.charges.get(id));
    charge.map_or("unknown", |c| c.status(now_ms))
}

pub fn token_json(token: &Token, charge_status: &str) -> Value {
    json!({
        "object": "token",
        "id": token.id,
        "livemode": false,
        "location": format!("/tokens/{}", token.id),
        "used": token.used,
        "charge_status": charge_status,
        "created_at": rfc3339_ms(token.created_ms),
        "card": card_json(&token.card, None),
    })
}

/// Token-time authorization (seed 001: in live Japan the vault authorizes ¥100 on the card and
/// releases it; a refused authorization fails the token). On, a declining test card (`Fail`)
/// fails here; 3-D Secure cards, whose failure needs the page, still fail at charge time.
fn declines_authorization(app: &AppState, behaviour: cards::Behaviour) -> bool {
    let on = app.store.lock().token_authorization.unwrap_or(app.config.token_authorization);
    on && matches!(behaviour, cards::Behaviour::Fail(_))
}

/// The error a refused token-time authorization answers. The code is our choice: the live
/// vault's code for it is unverified (the same as the `authorization_failed` fault).
pub fn authorization_failed() -> ApiError {
    ApiError::new(
        StatusCode::BAD_REQUEST,
        "authorization_failed",
        "the card was declined when it was authorized for verification",
    )
}

pub fn routes() -> Router<AppState> {
    Router::new().route("/tokens", post(create)).route("/tokens/{id}", get(read))
}

pub async fn create(
    State(app): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let account = auth::authenticate(&headers, &app.store.lock(), KeyKind::Public)?;
    let params = read_params(&headers, body).await?;
    let card = match params.get("card") {
        Some(card @ Value::Object(_)) => card.clone(),
        None => json!({}),
        Some(_) => return Err(ApiError::bad_request("card must be an object of card fields")),
    };
    let valid = validate::validate(&card, clock::this_month())
        .map_err(|message| ApiError::new(StatusCode::BAD_REQUEST, "invalid_card", message))?;
    let behaviour = cards::behaviour(&valid.digits);
    if declines_authorization(&app, behaviour) {
        return Err(authorization_failed());
    }
    let now = app.now_ms();
    let info = CardInfo {
        id: ids::random_id("card_test_"),
        brand: valid.brand.omise_name().to_owned(),
        last_digits: valid.digits[valid.digits.len().saturating_sub(4)..].to_owned(),
        name: valid.name,
        expiration_month: valid.month,
        expiration_year: valid.year,
        fingerprint: cards::fingerprint(&valid.digits),
        security_code_check: behaviour.security_code_check(),
        billing: valid.billing,
        // As sent; else the issuer's country: every sandbox card is "issued" in Thailand.
        country: valid.country.unwrap_or_else(|| "th".to_owned()),
        created_ms: now,
        behaviour,
    };
    let token =
        Token { id: ids::random_id("tokn_test_"), card: info, used: false, charge_id: None, created_ms: now };
    let body = token_json(&token, "unknown");
    app.write(|inner, _| {
        inner.insert_token(account, token);
        Ok(())
    })
    .await?;
    Ok(json_response(StatusCode::OK, &body))
}

pub async fn read(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let mut inner = app.store.lock();
    let account = auth::authenticate(&headers, &inner, KeyKind::Public)?;
    let token =
        inner.account(account).tokens.get(&id).cloned().ok_or_else(|| ApiError::not_found("token"))?;
    let status = charge_status(&inner, account, token.charge_id.as_deref(), app.now_ms());
    Ok(json_response(StatusCode::OK, &token_json(&token, status)))
}
