//! Webhooks: every event reaches every URL; a receiver that fails twice gets the event on the
//! third try; a receiver that hangs does not slow the API; the demo shop's `/demo/webhooks`
//! verifies the event with the API and shows it on the order's status endpoint.

mod common;

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::Router;
use common::{card_form, start_with, PK, SK};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Default)]
struct Receiver {
    ok: Mutex<Vec<Value>>,
    flaky_calls: AtomicUsize,
    /// Calls per event id: each event fails twice, then is accepted.
    flaky_seen: Mutex<std::collections::HashMap<String, usize>>,
    flaky_ok: Mutex<Vec<Value>>,
}

async fn ok(State(r): State<Arc<Receiver>>, body: String) -> StatusCode {
    r.ok.lock().unwrap().push(serde_json::from_str(&body).unwrap());
    StatusCode::OK
}

async fn flaky(State(r): State<Arc<Receiver>>, body: String) -> StatusCode {
    r.flaky_calls.fetch_add(1, Ordering::SeqCst);
    let event: Value = serde_json::from_str(&body).unwrap();
    let id = event["id"].as_str().unwrap().to_owned();
    let calls = {
        let mut seen = r.flaky_seen.lock().unwrap();
        let n = seen.entry(id).or_default();
        *n += 1;
        *n
    };
    if calls <= 2 {
        return StatusCode::INTERNAL_SERVER_ERROR;
    }
    r.flaky_ok.lock().unwrap().push(event);
    StatusCode::OK
}

async fn slow() -> StatusCode {
    tokio::time::sleep(Duration::from_secs(20)).await;
    StatusCode::OK
}

async fn receiver() -> (String, Arc<Receiver>) {
    let state = Arc::new(Receiver::default());
    let app = Router::new()
        .route("/ok", post(ok))
        .route("/flaky", post(flaky))
        .route("/slow", post(slow))
        .with_state(state.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (base, state)
}

async fn eventually(what: &str, mut check: impl FnMut() -> bool) {
    let until = Instant::now() + Duration::from_secs(10);
    while !check() {
        assert!(Instant::now() < until, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn every_event_reaches_every_webhook_with_retries() {
    let (base, rx) = receiver().await;
    let urls = vec![format!("{base}/ok"), format!("{base}/flaky"), format!("{base}/slow")];
    let sb = start_with(|c| c.webhooks = urls).await;
    let started = Instant::now();
    let c = sb.charge_card("4242424242424242").await;
    assert!(started.elapsed() < Duration::from_secs(2), "a hanging receiver must not slow the API");
    let cid = c["id"].as_str().unwrap();
    let r = sb.post_form(&format!("/charges/{cid}/refunds"), Some(SK), "amount=100").await;
    assert_eq!(r.status, 200);
    eventually("two events at /ok", || rx.ok.lock().unwrap().len() == 2).await;
    eventually("two events at /flaky", || rx.flaky_ok.lock().unwrap().len() == 2).await;
    let got = rx.ok.lock().unwrap().clone();
    assert_eq!(
        (got[0]["object"].as_str(), got[0]["key"].as_str(), got[0]["data"]["id"].as_str()),
        (Some("event"), Some("charge.create"), Some(cid))
    );
    assert_eq!(got[1]["key"], "refund.create");
    // Each flaky delivery took three attempts (two 500s, then 200).
    assert_eq!(rx.flaky_calls.load(Ordering::SeqCst), 6);
    let event_id = got[0]["id"].as_str().unwrap();
    let e = sb.get(&format!("/events/{event_id}"), Some(SK)).await.json();
    let deliveries = e["webhook_deliveries"].as_array().unwrap();
    let flaky = deliveries.iter().find(|d| d["uri"].as_str().unwrap().ends_with("/flaky")).unwrap();
    assert_eq!((flaky["status"].as_u64(), flaky["attempts"].as_u64()), (Some(200), Some(3)));
    // The events also arrive after a clock advance settles the refund.
    sb.post_json("/__sandbox/clock", None, &json!({"advanceSeconds": 61})).await;
    eventually("refund.success at /ok", || {
        rx.ok.lock().unwrap().iter().any(|e| e["key"] == "refund.success")
    })
    .await;
}

#[tokio::test]
async fn the_demo_shop_receives_verified_webhooks() {
    let sb = start_with(|c| c.webhooks = vec!["/demo/webhooks".into()]).await;
    let token = sb.post_form("/tokens", Some(PK), &card_form("4242424242424242")).await.json();
    let order = sb.post_json("/demo/orders", None, &json!({"token": token["id"]})).await.json();
    let order_id = order["orderId"].as_str().unwrap().to_owned();
    let mut last = Value::Null;
    let until = Instant::now() + Duration::from_secs(10);
    while last["webhook"].is_null() {
        assert!(Instant::now() < until, "no webhook reached the demo: {last}");
        tokio::time::sleep(Duration::from_millis(50)).await;
        last = sb.get(&format!("/demo/orders/{order_id}"), None).await.json();
    }
    assert_eq!(last["webhook"], json!({"key": "charge.create", "status": "successful"}));
    // A forged event (not known to the API) is refused.
    let forged = json!({"object": "event", "id": "evnt_test_forged", "key": "charge.complete",
                        "data": {"object": "charge", "id": order["chargeId"], "status": "failed"}});
    let r = sb.post_json("/demo/webhooks", None, &forged).await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert_eq!(
        sb.get(&format!("/demo/orders/{order_id}"), None).await.json()["webhook"]["status"],
        "successful"
    );
}
