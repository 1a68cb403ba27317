//! Fault injection (queued and per-request), CORS, request counting.

mod common;

use common::{card_form, start, PK};
use serde_json::json;
use std::io::{Read, Write};
use std::time::{Duration, Instant};

async fn queue(sb: &common::Sandbox, fault: serde_json::Value) {
    let r = sb.post_json("/__sandbox/faults", None, &fault).await;
    assert_eq!(r.status, 200, "{}", r.body);
}

#[tokio::test]
async fn status_faults_hit_the_next_n_matching_requests() {
    let sb = start().await;
    let form = card_form("4242424242424242");
    queue(&sb, json!({"path": "/tokens", "method": "POST", "fault": "503", "times": 2})).await;
    // A GET does not match a POST fault.
    assert_eq!(sb.get("/tokens/tokn_test_x", Some(PK)).await.status, 404);
    sb.post_form("/tokens", Some(PK), &form).await.assert_error(503, "service_unavailable");
    sb.post_form("/tokens", Some(PK), &form).await.assert_error(503, "service_unavailable");
    assert_eq!(sb.post_form("/tokens", Some(PK), &form).await.status, 200);

    queue(&sb, json!({"path": "/tokens", "fault": 500})).await;
    sb.post_form("/tokens", Some(PK), &form).await.assert_error(500, "internal_error");
    queue(&sb, json!({"path": "/tokens", "fault": "502"})).await;
    sb.post_form("/tokens", Some(PK), &form).await.assert_error(502, "internal_error");

    queue(&sb, json!({"path": "/tokens", "fault": "429", "retryAfter": 2})).await;
    let r = sb.post_form("/tokens", Some(PK), &form).await;
    r.assert_error(429, "rate_limit_exceeded");
    assert_eq!(r.header("retry-after"), "2");
    assert_eq!(r.header("access-control-expose-headers"), "Retry-After");
    queue(&sb, json!({"path": "/tokens", "fault": "429"})).await;
    assert_eq!(sb.post_form("/tokens", Some(PK), &form).await.header("retry-after"), "1");
}

#[tokio::test]
async fn body_faults() {
    let sb = start().await;
    let form = card_form("4242424242424242");
    queue(&sb, json!({"path": "/tokens", "fault": "malformed_json"})).await;
    let r = sb.post_form("/tokens", Some(PK), &form).await;
    assert_eq!((r.status.as_u16(), r.header("content-type")), (200, "application/json"));
    assert_eq!(r.body, "{\"object\":\"token\",\"id\":");
    assert!(serde_json::from_str::<serde_json::Value>(&r.body).is_err());

    queue(&sb, json!({"path": "/tokens", "fault": "html"})).await;
    let r = sb.post_form("/tokens", Some(PK), &form).await;
    assert_eq!(r.status, 502);
    assert!(r.header("content-type").starts_with("text/html"));
    assert!(r.body.contains("502 Bad Gateway") && r.body.contains("nginx"));

    queue(&sb, json!({"path": "/tokens", "fault": "not_token"})).await;
    let r = sb.post_form("/tokens", Some(PK), &form).await;
    assert_eq!((r.status.as_u16(), r.json()), (200, json!({"object": "list", "data": []})));

    queue(&sb, json!({"path": "/tokens", "fault": "empty"})).await;
    let r = sb.post_form("/tokens", Some(PK), &form).await;
    assert_eq!((r.status.as_u16(), r.body.as_str()), (200, ""));
    assert_eq!(sb.post_form("/tokens", Some(PK), &form).await.status, 200);
}

#[tokio::test]
async fn timeout_fault_delays_then_answers() {
    let sb = start().await;
    queue(&sb, json!({"path": "/tokens", "fault": "timeout", "delayMs": 300})).await;
    let start = Instant::now();
    let r = sb.post_form("/tokens", Some(PK), &card_form("4242424242424242")).await;
    assert!(start.elapsed() >= Duration::from_millis(300));
    assert_eq!(r.json()["object"], "token");
}

#[tokio::test]
async fn drop_fault_closes_the_connection_without_an_answer() {
    let sb = start().await;
    queue(&sb, json!({"path": "/tokens", "fault": "drop"})).await;
    // Raw socket: the server must close it without sending a single byte.
    let addr = sb.addr;
    let got = tokio::task::spawn_blocking(move || {
        let mut s = std::net::TcpStream::connect(addr).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let body = "card%5Bname%5D=a";
        write!(s, "POST /tokens HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        let mut buf = Vec::new();
        let r = s.read_to_end(&mut buf);
        (r.is_ok(), buf)
    })
    .await
    .unwrap();
    assert!(got.0, "connection closed (not timed out)");
    assert!(got.1.is_empty(), "no bytes: {:?}", String::from_utf8_lossy(&got.1));
    // An HTTP client sees a network error.
    queue(&sb, json!({"path": "/tokens", "fault": "drop"})).await;
    let r = sb
        .try_send("POST", "/tokens", Some(PK), Some(("application/x-www-form-urlencoded", "a=1")), &[])
        .await;
    assert!(r.is_err(), "{r:?}");
    // And the server is fine afterwards.
    assert_eq!(sb.post_form("/tokens", Some(PK), &card_form("4242424242424242")).await.status, 200);
}

#[tokio::test]
async fn per_request_fault_header_and_query() {
    let sb = start().await;
    let form = card_form("4242424242424242");
    let ct = Some(("application/x-www-form-urlencoded", form.as_str()));
    let r = sb.send("POST", "/tokens", Some(PK), ct, &[("x-sandbox-fault", "status=503")]).await;
    r.assert_error(503, "service_unavailable");
    let r = sb.send("POST", "/tokens", Some(PK), ct, &[("x-sandbox-fault", "html-error-page")]).await;
    assert_eq!(r.status, 502);
    let r = sb.send("POST", "/tokens", Some(PK), ct, &[("x-sandbox-fault", "malformed-json")]).await;
    assert_eq!(r.body, "{\"object\":\"token\",\"id\":");
    let t = Instant::now();
    let r = sb.send("POST", "/tokens", Some(PK), ct, &[("x-sandbox-fault", "delay=200")]).await;
    assert!(t.elapsed() >= Duration::from_millis(200));
    assert_eq!(r.status, 200);
    let r = sb.send("POST", "/tokens?__sandbox_fault=status%3D429", Some(PK), ct, &[]).await;
    r.assert_error(429, "rate_limit_exceeded");
    let r = sb.try_send("POST", "/tokens", Some(PK), ct, &[("x-sandbox-fault", "drop-connection")]).await;
    assert!(r.is_err());
}

#[tokio::test]
async fn fault_admin_list_clear_and_validation() {
    let sb = start().await;
    queue(&sb, json!({"path": "/charges", "fault": "503", "times": 3})).await;
    queue(&sb, json!({"path": "/demo/orders", "method": "post", "fault": "timeout"})).await;
    let list = sb.get("/__sandbox/faults", None).await.json();
    assert_eq!(list["faults"].as_array().unwrap().len(), 2);
    assert_eq!(list["faults"][0]["times"], 3);
    assert_eq!(list["faults"][1]["method"], "POST");
    assert_eq!(sb.send("DELETE", "/__sandbox/faults", None, None, &[]).await.status, 200);
    assert_eq!(sb.get("/__sandbox/faults", None).await.json()["faults"], json!([]));
    sb.post_json("/__sandbox/faults", None, &json!({"path": "/tokens", "fault": "explode"}))
        .await
        .assert_error(400, "bad_request");
    sb.post_json("/__sandbox/faults", None, &json!({"path": "/tokens"}))
        .await
        .assert_error(400, "bad_request");
    sb.post_json("/__sandbox/faults", None, &json!({"path": "tokens", "fault": "503"}))
        .await
        .assert_error(400, "bad_request");
    // Faults reach the demo backend too.
    queue(&sb, json!({"path": "/demo/", "fault": "503"})).await;
    sb.get("/demo/config", None).await.assert_error(503, "service_unavailable");
    assert_eq!(sb.get("/demo/config", None).await.status, 200);
}

#[tokio::test]
async fn cors_preflight_and_headers() {
    let sb = start().await;
    // The vault and API answer any origin; /demo and /__sandbox do not (cross_site.rs).
    for path in ["/tokens", "/sources", "/charges", "/tokens/tokn_x"] {
        let r = sb
            .send(
                "OPTIONS",
                path,
                None,
                None,
                &[
                    ("origin", "https://merchant.example"),
                    ("access-control-request-method", "POST"),
                    ("access-control-request-headers", "authorization, content-type"),
                ],
            )
            .await;
        assert_eq!(r.status, 204, "{path}");
        assert_eq!(r.header("access-control-allow-origin"), "*");
        assert!(r.header("access-control-allow-methods").contains("POST"));
        assert!(r.header("access-control-allow-headers").contains("Authorization"));
        assert!(r.header("access-control-allow-headers").contains("Content-Type"));
        assert_eq!(r.header("access-control-max-age"), "600");
    }
    // Preflight comes before faults (a queued fault is not used up by it).
    queue(&sb, json!({"path": "/tokens", "fault": "503"})).await;
    assert_eq!(sb.send("OPTIONS", "/tokens", None, None, &[]).await.status, 204);
    let r = sb.post_form("/tokens", None, "").await;
    r.assert_error(503, "service_unavailable");
    // Errors carry CORS headers too, so the browser can read them.
    let r = sb.post_form("/tokens", None, "").await;
    r.assert_error(401, "authentication_failure");
    assert_eq!(r.header("access-control-allow-origin"), "*");
}

#[tokio::test]
async fn request_counts_per_path_prefix() {
    let sb = start().await;
    let form = card_form("4242424242424242");
    for _ in 0..3 {
        sb.post_form("/tokens", Some(PK), &form).await;
    }
    sb.send("OPTIONS", "/tokens", None, None, &[]).await;
    sb.get("/tokens/tokn_test_x", Some(PK)).await;
    let count = |p: &'static str| {
        let sb = &sb;
        async move {
            sb.get(&format!("/__sandbox/requests?path={p}"), None).await.json()["count"].as_u64().unwrap()
        }
    };
    assert_eq!(count("/tokens").await, 4);
    assert_eq!(count("/tokens/").await, 1);
    assert_eq!(count("/charges").await, 0);
    sb.send("POST", "/__sandbox/reset", None, None, &[]).await;
    assert_eq!(count("/tokens").await, 0);
}

#[tokio::test]
async fn faults_and_counts_can_be_scoped_to_one_key() {
    let sb = start().await;
    let (other, _) = sb.new_keys().await;
    let form = card_form("4242424242424242");
    let body = serde_json::json!({"key": other, "path": "/tokens", "fault": "503", "times": 1});
    sb.post_json("/__sandbox/faults", None, &body).await;
    // The default key is not affected by a fault meant for `other`.
    assert_eq!(sb.post_form("/tokens", Some(PK), &form).await.status, 200);
    sb.post_form("/tokens", Some(&other), &form).await.assert_error(503, "service_unavailable");
    assert_eq!(sb.post_form("/tokens", Some(&other), &form).await.status, 200);
    let count = |key: String| {
        let sb = &sb;
        async move {
            let r = sb.get(&format!("/__sandbox/requests?path=/tokens&key={key}"), None).await;
            r.json()["count"].as_u64().unwrap()
        }
    };
    assert_eq!(count(other.clone()).await, 2);
    assert_eq!(count(PK.to_string()).await, 1);
}
