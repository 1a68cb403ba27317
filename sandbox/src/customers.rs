//! The customers room: `POST`/`GET /customers`, `GET`/`PATCH`/`DELETE /customers/{id}`, and a
//! customer's cards at `/customers/{id}/cards[/{card}]` (list, retrieve, update, destroy),
//! secret key only. `card=tokn_…` (on create or update) keeps the token's card as the
//! customer's and makes it the default; a token can be used once (`used_token`), for a charge
//! or for a customer.

use crate::auth::{self, KeyKind};
use crate::body::{int, metadata, read_params, short_text, text, Int};
use crate::clock::rfc3339_ms;
use crate::errors::{json_response, ApiError};
use crate::list::{self, Page};
use crate::state::AppState;
use crate::store::{Account, CardInfo, Customer, Inner, Kind};
use crate::tokens::card_json;
use crate::{events, ids, validate};
use axum::body::Body;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde_json::{json, Value};

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/customers", get(list).post(create))
        .route("/customers/{id}", get(read).patch(update).delete(destroy))
        .route("/customers/{id}/cards", get(list_cards))
        .route("/customers/{id}/cards/{card}", get(read_card).patch(update_card).delete(destroy_card))
}

fn customer_card_json(cust: &str, card: &CardInfo) -> Value {
    card_json(card, Some(format!("/customers/{cust}/cards/{}", card.id)))
}

pub fn customer_json(c: &Customer, now_ms: i64) -> Value {
    let cards = c.cards.iter().map(|card| customer_card_json(&c.id, card)).collect();
    json!({
        "object": "customer",
        "id": c.id,
        "livemode": false,
        "location": format!("/customers/{}", c.id),
        "deleted": false,
        "default_card": c.default_card,
        "email": c.email,
        "description": c.description,
        "metadata": c.metadata,
        "cards": list::all(&format!("/customers/{}/cards", c.id), now_ms, cards),
        "linked_accounts": [],
        "created_at": rfc3339_ms(c.created_ms),
    })
}

fn merge_metadata(target: &mut Value, params: &Value) {
    if let (Value::Object(new), Value::Object(old)) = (metadata(params), target) {
        for (k, v) in new {
            if v.is_null() {
                old.remove(&k);
            } else {
                old.insert(k, v);
            }
        }
    }
}

/// Takes an unused token's card for a customer (marks the token used).
fn take_token(acc: &mut Account, token_id: &str) -> Result<CardInfo, ApiError> {
    let token = acc.tokens.get_mut(token_id).ok_or_else(|| ApiError::not_found("token"))?;
    if token.used {
        return Err(ApiError::new(StatusCode::BAD_REQUEST, "used_token", "token was already used"));
    }
    token.used = true;
    Ok(token.card.clone())
}

fn customer_mut<'a>(inner: &'a mut Inner, account: usize, id: &str) -> Result<&'a mut Customer, ApiError> {
    inner.account(account).customers.get_mut(id).ok_or_else(|| ApiError::not_found("customer"))
}

/// Applies `email`, `description`, `metadata`, `card=tokn_…` and `default_card` to a customer.
fn apply(inner: &mut Inner, account: usize, id: &str, params: &Value) -> Result<(), ApiError> {
    let new_card = match text(params, "card").filter(|s| !s.is_empty()) {
        Some(token) => {
            let card = take_token(inner.account(account), &token)?;
            inner.touch(Kind::Token, account, &token);
            Some(card)
        }
        None => None,
    };
    let c = customer_mut(inner, account, id)?;
    if params.get("email").is_some() {
        c.email = short_text(params, "email").filter(|e| !e.is_empty());
    }
    if params.get("description").is_some() {
        c.description = short_text(params, "description");
    }
    merge_metadata(&mut c.metadata, params);
    if let Some(card) = new_card {
        c.default_card = Some(card.id.clone());
        c.cards.push(card);
    }
    if let Some(default) = text(params, "default_card").filter(|s| !s.is_empty()) {
        if !c.cards.iter().any(|card| card.id == default) {
            return Err(ApiError::not_found("card"));
        }
        c.default_card = Some(default);
    }
    Ok(())
}

fn ok(body: &Value) -> Result<Response, ApiError> {
    Ok(json_response(StatusCode::OK, body))
}

pub async fn create(
    State(app): State<AppState>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let account = auth::secret(&app, &headers)?;
    let params = read_params(&headers, body).await?;
    let body = app
        .write(|inner, now| {
            let id = ids::random_id("cust_test_");
            let c = Customer {
                id: id.clone(),
                email: None,
                description: None,
                metadata: json!({}),
                default_card: None,
                cards: Vec::new(),
                created_ms: now,
            };
            inner.account(account).customers.insert(id.clone(), c);
            if let Err(e) = apply(inner, account, &id, &params) {
                inner.account(account).customers.remove(&id);
                return Err(e);
            }
            inner.admit(Kind::Customer, account, &id);
            let body = customer_json(&inner.account(account).customers[&id], now);
            events::record(inner, account, "customer.create", body.clone(), now);
            Ok(body)
        })
        .await?;
    ok(&body)
}

pub async fn read(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let mut inner = app.store.lock();
    let account = auth::authenticate(&headers, &inner, KeyKind::Secret)?;
    let c = customer_mut(&mut inner, account, &id)?;
    ok(&customer_json(c, app.now_ms()))
}

pub async fn list(
    State(app): State<AppState>,
    headers: HeaderMap,
    q: RawQuery,
) -> Result<Response, ApiError> {
    let page = Page::from_params(&list::query(&q), app.now_ms())?;
    auth::read(&app, &headers, |acc, now| {
        let items = acc.customers.values().map(|c| (c.created_ms, c.id.clone(), c)).collect();
        let (total, rows) = page.slice(items);
        Ok(page.json("/customers", total, rows.into_iter().map(|c| customer_json(c, now)).collect()))
    })
}

/// Records `key` about customer `id` after a change, and answers it.
fn changed(inner: &mut Inner, account: usize, id: &str, key: &str, now: i64) -> Value {
    inner.touch(Kind::Customer, account, id);
    let body = inner.account(account).customers.get(id).map(|c| customer_json(c, now)).unwrap_or_default();
    events::record(inner, account, key, body.clone(), now);
    body
}

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
            apply(inner, account, &id, &params)?;
            Ok(changed(inner, account, &id, "customer.update", now))
        })
        .await?;
    ok(&body)
}

/// `DELETE /customers/{id}`: the customer, its cards, and its schedules (now `deleted`).
pub async fn destroy(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    let account = auth::secret(&app, &headers)?;
    let body = app
        .write(|inner, now| {
            let c = inner
                .account(account)
                .customers
                .remove(&id)
                .ok_or_else(|| ApiError::not_found("customer"))?;
            inner.touch(Kind::Customer, account, &id);
            crate::schedule_rules::end_for_customer(inner, account, &id, now);
            let mut body = customer_json(&c, now);
            body["deleted"] = true.into();
            events::record(inner, account, "customer.destroy", body.clone(), now);
            Ok(body)
        })
        .await?;
    ok(&body)
}

pub async fn list_cards(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    q: RawQuery,
) -> Result<Response, ApiError> {
    let now = app.now_ms();
    let page = Page::from_params(&list::query(&q), now)?;
    let mut inner = app.store.lock();
    let account = auth::authenticate(&headers, &inner, KeyKind::Secret)?;
    let c = customer_mut(&mut inner, account, &id)?;
    let items = c.cards.iter().map(|card| (card.created_ms, card.id.clone(), card)).collect();
    let (total, rows) = page.slice(items);
    let data = rows.into_iter().map(|card| customer_card_json(&id, card)).collect();
    ok(&page.json(&format!("/customers/{id}/cards"), total, data))
}

pub async fn read_card(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path((id, card)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let mut inner = app.store.lock();
    let account = auth::authenticate(&headers, &inner, KeyKind::Secret)?;
    let c = customer_mut(&mut inner, account, &id)?;
    let found = c.cards.iter().find(|x| x.id == card).ok_or_else(|| ApiError::not_found("card"))?;
    ok(&customer_card_json(&id, found))
}

/// `PATCH /customers/{id}/cards/{card}`: `name`, `expiration_month`, `expiration_year` and the
/// billing fields.
pub async fn update_card(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path((id, card)): Path<(String, String)>,
    body: Body,
) -> Result<Response, ApiError> {
    let account = auth::secret(&app, &headers)?;
    let params = read_params(&headers, body).await?;
    let month = match int(&params, "expiration_month") {
        Int::Missing => None,
        Int::Value(m @ 1..=12) => Some(m as u32),
        _ => {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "invalid_card",
                "expiration month is not between 1 and 12",
            ))
        }
    };
    let year = match int(&params, "expiration_year") {
        Int::Missing => None,
        Int::Value(y @ 2000..=2200) => Some(y as u32),
        _ => {
            return Err(ApiError::new(StatusCode::BAD_REQUEST, "invalid_card", "expiration year is invalid"))
        }
    };
    let body = app
        .write(|inner, now| {
            let c = customer_mut(inner, account, &id)?;
            let found =
                c.cards.iter_mut().find(|x| x.id == card).ok_or_else(|| ApiError::not_found("card"))?;
            if let Some(name) = short_text(&params, "name").filter(|n| !n.trim().is_empty()) {
                found.name = name;
            }
            found.expiration_month = month.unwrap_or(found.expiration_month);
            found.expiration_year = year.unwrap_or(found.expiration_year);
            let b = validate::billing(&params);
            let keep = |new: Option<String>, old: &mut Option<String>| *old = new.or(old.take());
            keep(b.street1, &mut found.billing.street1);
            keep(b.street2, &mut found.billing.street2);
            keep(b.city, &mut found.billing.city);
            keep(b.state, &mut found.billing.state);
            keep(b.postal_code, &mut found.billing.postal_code);
            keep(b.phone_number, &mut found.billing.phone_number);
            if let Some(country) = short_text(&params, "country").filter(|c| !c.is_empty()) {
                found.country = country.to_ascii_lowercase();
            }
            let body = customer_card_json(&id, found);
            changed(inner, account, &id, "customer.update.card", now);
            Ok(body)
        })
        .await?;
    ok(&body)
}

/// `DELETE /customers/{id}/cards/{card}`: the default moves to the newest card left.
pub async fn destroy_card(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path((id, card)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    let account = auth::secret(&app, &headers)?;
    let body = app
        .write(|inner, now| {
            let c = customer_mut(inner, account, &id)?;
            let at = c.cards.iter().position(|x| x.id == card).ok_or_else(|| ApiError::not_found("card"))?;
            let removed = c.cards.remove(at);
            if c.default_card.as_deref() == Some(card.as_str()) {
                c.default_card = c.cards.last().map(|x| x.id.clone());
            }
            let mut body = customer_card_json(&id, &removed);
            body["deleted"] = true.into();
            changed(inner, account, &id, "customer.destroy.card", now);
            Ok(body)
        })
        .await?;
    ok(&body)
}
