//! The demo shop's webhook endpoint, `POST /demo/webhooks`: the default target when the
//! sandbox runs under `npm start` (`--webhook /demo/webhooks`). Like a careful merchant it does
//! not trust the body: it reads the event back from the API with the order's secret key
//! (`GET /events/{id}`), and only then records the event's key and the charge's status on the
//! order, which `GET /demo/orders/{id}` shows as `webhook`. The status recorded is the
//! object's current one, read back by id, so replays and out-of-order events change nothing.

use crate::demo::demo_error;
use crate::errors::json_response;
use crate::state::AppState;
use crate::store::{Order, Rec};
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

/// `{"key","status"}` of the last verified event about the order's charge, or `null`.
pub fn webhook_json(order: &Order) -> Value {
    match &order.webhook {
        Some((key, status)) => json!({"key": key, "status": status}),
        None => Value::Null,
    }
}

fn charge_of(event: &Value) -> Option<String> {
    let data = event.get("data")?;
    let id = match data.get("object")?.as_str()? {
        "charge" => data.get("id"),
        "refund" => data.get("charge"),
        _ => None,
    };
    id?.as_str().map(str::to_owned)
}

pub async fn receive(State(app): State<AppState>, headers: HeaderMap, body: Body) -> Response {
    let event = match crate::body::read_params(&headers, body).await {
        Ok(v) => v,
        Err(e) => return demo_error(e.status, &e.code, &e.message),
    };
    let (Some(event_id), Some(charge_id)) = (event.get("id").and_then(Value::as_str), charge_of(&event))
    else {
        // Events about other objects (customers, schedules) are fine: nothing to update.
        return json_response(StatusCode::OK, &json!({"received": true, "orders": 0}));
    };
    let orders: Vec<(String, String)> = app
        .store
        .lock()
        .orders
        .iter()
        .filter(|(_, o)| o.charge_id == charge_id)
        .map(|(id, o)| (id.clone(), o.secret_key.clone()))
        .collect();
    let Some((_, secret_key)) = orders.first() else {
        return json_response(StatusCode::OK, &json!({"received": true, "orders": 0}));
    };
    // Verify: the event as the API has it, not as the body says.
    let base = match &app.config.upstream {
        Some(up) => up.api_url.clone(),
        None => format!("http://{}", app.loopback_addr()),
    };
    let url = format!("{base}/events/{event_id}");
    let verified = match app.client.call(Method::GET, &url, secret_key, None, None).await {
        Ok((status, bytes)) if status.is_success() => serde_json::from_slice::<Value>(&bytes).ok(),
        _ => None,
    };
    let Some(verified) = verified.filter(|v| charge_of(v).as_deref() == Some(charge_id.as_str())) else {
        return demo_error(
            StatusCode::BAD_REQUEST,
            "bad_request",
            "the event could not be verified with the API",
        );
    };
    let key = verified.get("key").and_then(Value::as_str).unwrap_or_default().to_owned();
    // Act on the object as it is now, never on the event's copy (Omise's advice: events may
    // come twice or out of order; `data` is the object as it was then). So a late
    // `charge.create` cannot take a successful order back to pending.
    let (object_path, is_refund) = match verified["data"]["object"].as_str() {
        Some("charge") => (format!("/charges/{charge_id}"), false),
        _ => (
            format!("/charges/{charge_id}/refunds/{}", verified["data"]["id"].as_str().unwrap_or_default()),
            true,
        ),
    };
    let current =
        match app.client.call(Method::GET, &format!("{base}{object_path}"), secret_key, None, None).await {
            Ok((status, bytes)) if status.is_success() => serde_json::from_slice::<Value>(&bytes).ok(),
            _ => None,
        };
    let Some(current) = current else {
        return demo_error(
            StatusCode::BAD_GATEWAY,
            "bad_gateway",
            "the object could not be read from the API",
        );
    };
    let now = current["status"].as_str().unwrap_or_default();
    let status = if is_refund { format!("refund {now}") } else { now.to_owned() };
    let mut inner = app.store.lock();
    for (id, _) in &orders {
        if let Some(order) = inner.orders.get_mut(id) {
            // A duplicate or stale event finds the status it would record already there:
            // nothing changes, not even the event key.
            if order.webhook.as_ref().is_some_and(|(_, s)| *s == status) {
                continue;
            }
            order.webhook = Some((key.clone(), status.clone()));
        }
        inner.touch_rec(Rec::Order(id.clone()));
    }
    let _ = inner.commit();
    json_response(StatusCode::OK, &json!({"received": true, "orders": orders.len()}))
}
