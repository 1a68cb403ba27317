//! The charges room: `POST /charges`, `GET /charges` (list), `GET`/`PATCH /charges/{id}`,
//! `POST /charges/{id}/capture|reverse|expire`, secret key only. The rules live in
//! charge_rules.rs; this file owns the routes and the Charge object's JSON.

use crate::auth;
use crate::body::{int, metadata, read_params, short_text, Int};
use crate::cards::failure_message;
use crate::charge_actions;
use crate::charge_rules::{self, parse_request};
use crate::clock::rfc3339_ms;
use crate::errors::{json_response, ApiError};
use crate::list::{self, Page};
use crate::refunds::refund_json;
use crate::sources::source_json;
use crate::state::AppState;
use crate::store::{Account, Charge, Outcome};
use crate::tokens::card_json;
use axum::body::Body;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use serde_json::{json, Value};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/charges", post(create).get(list))
        .route("/charges/{id}", get(read).patch(update))
        .route("/charges/{id}/capture", post(capture))
        .route("/charges/{id}/reverse", post(reverse))
        .route("/charges/{id}/expire", post(expire))
}

fn time(ms: Option<i64>) -> Value {
    ms.map_or(Value::Null, |t| rfc3339_ms(t).into())
}

/// The Charge object with every documented field (SPEC §2; Omise's charge reference).
pub fn charge_json(acc: &Account, c: &Charge, now_ms: i64) -> Value {
    let status = c.status(now_ms);
    let (code, message) = match c.visible_outcome(now_ms) {
        Some(Outcome::Failed(code)) => (Some(code.clone()), Some(failure_message(code))),
        _ => (None, None),
    };
    let paid = c.paid(now_ms);
    let authorized = c.authorized(now_ms) && c.reversed_ms.is_none();
    let capturable = c.capturable(now_ms);
    let refunds: Vec<Value> =
        c.refund_ids.iter().filter_map(|id| acc.refunds.get(id)).map(|r| refund_json(r, now_ms)).collect();
    let (fee, fee_vat, net) = c.fees();
    let card = c.card.as_ref().map(|card| {
        let location = c.customer.as_ref().map(|cust| format!("/customers/{cust}/cards/{}", card.id));
        card_json(card, location)
    });
    let offsite = c.source.as_ref().filter(|s| s.flow != "offline").map(|s| s.kind.clone());
    let offline = c.source.as_ref().filter(|s| s.flow == "offline").map(|s| s.kind.clone());
    let mut value = json!({
        "object": "charge",
        "id": c.id,
        "livemode": false,
        "location": format!("/charges/{}", c.id),
        "amount": c.amount,
        "authorization_type": null,
        "authorized_amount": if authorized { c.amount } else { 0 },
        "captured_amount": if paid { c.funding_amount() } else { 0 },
        "net": net,
        "fee": fee,
        "fee_vat": fee_vat,
        "interest": 0,
        "interest_vat": 0,
        "funding_amount": c.funding_amount(),
        "refunded_amount": c.refunded_amount,
        "refunded": c.refunded_amount,
        "transaction_fees": {"fee_flat": "0.0", "fee_rate": "3.65", "vat_rate": "7.0"},
        "platform_fee": {"fixed": null, "amount": null, "percentage": null},
        "currency": c.currency,
        "funding_currency": c.currency,
        "ip": c.ip,
        "refunds": list::all(&format!("/charges/{}/refunds", c.id), now_ms, refunds),
        "link": null,
        "description": c.description,
        "metadata": c.metadata,
        "card": card,
        "source": c.source.as_ref().map(|s| source_json(s, status)),
        "schedule": c.schedule,
        "customer": c.customer,
        "dispute": null,
        "transaction": c.transaction.as_ref().filter(|_| paid),
        "failure_code": code,
        "failure_message": message,
        "status": status,
        "authorize_uri": c.authorize_uri,
        "return_uri": c.return_uri,
        "created_at": rfc3339_ms(c.created_ms),
        "paid_at": time(c.captured_ms.or(c.settles_at_ms.map(|t| t.max(c.created_ms))).or(Some(c.created_ms)).filter(|_| paid)),
        "expires_at": rfc3339_ms(c.expires_at_ms),
        "expired_at": time(c.expired_ms),
        "reversed_at": time(c.reversed_ms),
        "zero_interest_installments": false,
        "branch": null,
        "terminal": null,
        "device": null,
        "authorized": authorized,
        "capturable": capturable,
        "capture": c.capture,
        "disputable": paid,
        "livemode_charge": false,
        "can_perform_void": false,
        "voided": false,
        "paid": paid,
        "expired": c.expired_ms.is_some(),
        "reversed": c.reversed_ms.is_some(),
        "reversible": capturable,
        "refundable": c.refundable(now_ms),
        "partially_refundable": c.refundable(now_ms),
        "missing_3ds_fields": [],
        "authenticated_by": if c.authorize_uri.is_some() && c.card.is_some() { Value::from("3DS") } else { Value::Null },
        "authentication": if c.authorize_uri.is_some() && c.card.is_some() { Value::from("3DS") } else { Value::Null },
        "approval_code": null,
        "acquirer_reference_number": null,
        "merchant_advice": null,
        "merchant_advice_code": null,
        "merchant_name": null,
        "merchant_uid": null,
        "linked_account": null,
        "offsite": offsite,
        "offline": offline,
        "source_of_fund": "card",
        "unmanaged_payment": null,
        "reference": null,
    });
    // PromptPay's QR code, konbini's references (methods.rs).
    crate::methods::decorate_charge(&mut value, c);
    value
}

pub async fn create(
    State(app): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let account = auth::secret(&app, &headers)?;
    let params = read_params(&headers, body).await?;
    let origin = app.origin(&headers);
    let body = app
        .write(|inner, now| {
            let req = parse_request(&params, now)?;
            let charge = charge_rules::create(inner, account, req, &origin, now)?;
            Ok(charge_json(inner.account(account), &charge, now))
        })
        .await?;
    Ok(json_response(StatusCode::OK, &body))
}

pub async fn read(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    auth::read(&app, &headers, |acc, now| {
        let charge = acc.charges.get(&id).ok_or_else(|| ApiError::not_found("charge"))?;
        Ok(charge_json(acc, charge, now))
    })
}

pub async fn list(
    State(app): State<AppState>,
    headers: HeaderMap,
    q: RawQuery,
) -> Result<Response, ApiError> {
    let page = Page::from_params(&list::query(&q), app.now_ms())?;
    auth::read(&app, &headers, |acc, now| {
        let items = acc.charges.values().map(|c| (c.created_ms, crate::ids::seq_key(c.seq), c)).collect();
        let (total, rows) = page.slice(items);
        Ok(page.json("/charges", total, rows.into_iter().map(|c| charge_json(acc, c, now)).collect()))
    })
}

/// `PATCH /charges/{id}`: `description`, `metadata` (merged; a `null` value removes a key).
pub async fn update(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Body,
) -> Result<Response, ApiError> {
    let account = auth::secret(&app, &headers)?;
    let params = read_params(&headers, body).await?;
    let body = app
        .write(|inner, now| {
            charge_rules::change(inner, account, &id, "charge.update", now, |c| {
                if params.get("description").is_some() {
                    c.description = short_text(&params, "description");
                }
                if let (Value::Object(new), Value::Object(old)) = (metadata(&params), &mut c.metadata) {
                    for (k, v) in new {
                        if v.is_null() {
                            old.remove(&k);
                        } else {
                            old.insert(k, v);
                        }
                    }
                }
                Ok(())
            })
        })
        .await?;
    Ok(json_response(StatusCode::OK, &body))
}

/// `POST /charges/{id}/capture` with an optional `capture_amount` (partial capture).
pub async fn capture(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    body: Body,
) -> Result<Response, ApiError> {
    let account = auth::secret(&app, &headers)?;
    let params = read_params(&headers, body).await?;
    let amount = match int(&params, "capture_amount") {
        Int::Missing => None,
        Int::Value(a) => Some(a),
        Int::Invalid => return Err(ApiError::bad_request("capture_amount must be an integer")),
    };
    let body = app
        .write(|inner, now| {
            charge_rules::change(inner, account, &id, "charge.capture", now, |c| {
                charge_actions::capture(c, amount, now)
            })
        })
        .await?;
    Ok(json_response(StatusCode::OK, &body))
}

pub async fn reverse(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let account = auth::secret(&app, &headers)?;
    let body = app
        .write(|inner, now| {
            charge_rules::change(inner, account, &id, "charge.reverse", now, |c| {
                charge_actions::reverse(c, now)
            })
        })
        .await?;
    Ok(json_response(StatusCode::OK, &body))
}

pub async fn expire(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let account = auth::secret(&app, &headers)?;
    let body = app
        .write(|inner, now| {
            charge_rules::change(inner, account, &id, "charge.expire", now, |c| {
                charge_actions::expire(c, now)
            })
        })
        .await?;
    Ok(json_response(StatusCode::OK, &body))
}
