//! The events room: every state change records an event (`charge.create`, `charge.complete`,
//! `charge.capture`, `charge.reverse`, `charge.expire`, `charge.update`, `refund.create`,
//! `refund.success`, `refund.fail`, `customer.create|update|destroy`,
//! `customer.update.card`, `customer.destroy.card`, `schedule.create|destroy|suspend|expire`),
//! readable at `GET /events` and `GET /events/{id}` (secret key) and sent to the webhooks
//! through the one outbox (webhooks.rs).

use crate::auth;
use crate::clock::rfc3339_ms;
use crate::errors::ApiError;
use crate::ids;
use crate::list::{self, Page};
use crate::state::AppState;
use crate::store::{Delivery, Event, Inner, Kind};
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use serde_json::{json, Value};

pub fn routes() -> Router<AppState> {
    Router::new().route("/events", get(list)).route("/events/{id}", get(read))
}

pub fn event_json(e: &Event) -> Value {
    let deliveries: Vec<Value> = e
        .deliveries
        .iter()
        .map(|d| json!({"object": "webhook_delivery", "uri": d.uri, "status": d.status, "attempts": d.attempts}))
        .collect();
    json!({
        "object": "event",
        "id": e.id,
        "livemode": false,
        "location": format!("/events/{}", e.id),
        "key": e.key,
        "created_at": rfc3339_ms(e.created_ms),
        "data": e.data,
        "webhook_deliveries": deliveries,
    })
}

/// Records an event about `data` (the object as it is now) and queues it for the webhooks.
pub fn record(inner: &mut Inner, account: usize, key: &str, data: Value, now_ms: i64) -> String {
    let event = Event {
        id: ids::random_id("evnt_test_"),
        key: key.to_owned(),
        data,
        created_ms: now_ms,
        deliveries: Vec::new(),
        seq: ids::next_seq(),
    };
    let id = event.id.clone();
    let payload = inner.outbox.as_ref().map(|_| event_json(&event));
    if let Some(acc) = inner.accounts.get_mut(&account) {
        acc.events.insert(id.clone(), event);
        inner.admit(Kind::Event, account, &id);
    }
    if let (Some(outbox), Some(payload)) = (&inner.outbox, payload) {
        outbox.send(account, &id, &payload);
    }
    id
}

/// A webhook delivery's latest result, shown in the event's `webhook_deliveries`.
pub fn delivered(inner: &mut Inner, account: usize, event_id: &str, uri: &str, status: u16, attempts: u32) {
    let Some(event) = inner.accounts.get_mut(&account).and_then(|a| a.events.get_mut(event_id)) else {
        return;
    };
    match event.deliveries.iter_mut().find(|d| d.uri == uri) {
        Some(d) => (d.status, d.attempts) = (status, attempts),
        None => event.deliveries.push(Delivery { uri: uri.to_owned(), status, attempts }),
    }
    inner.touch(Kind::Event, account, event_id);
}

pub async fn list(
    State(app): State<AppState>,
    headers: HeaderMap,
    q: RawQuery,
) -> Result<Response, ApiError> {
    let page = Page::from_params(&list::query(&q), app.now_ms())?;
    auth::read(&app, &headers, |acc, _| {
        let items = acc.events.values().map(|e| (e.created_ms, ids::seq_key(e.seq), e)).collect();
        let (total, rows) = page.slice(items);
        Ok(page.json("/events", total, rows.into_iter().map(event_json).collect()))
    })
}

pub async fn read(
    State(app): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    auth::read(&app, &headers, |acc, _| {
        Ok(event_json(acc.events.get(&id).ok_or_else(|| ApiError::not_found("event"))?))
    })
}
