//! The demo backend and the test controls answer only this server's pages, pages on this
//! machine in test mode, and non-browser clients; never a page on another site. The vault
//! and API keep answering every origin.

mod common;

use common::{start, start_with, Sandbox, PK};
use omise_sandbox::upstream::Upstream;
use serde_json::json;

const EVIL: &str = "https://evil.example";
/// The browser tests' page: another port of 127.0.0.1 (same site).
const TEST_PAGE: &str = "http://127.0.0.1:8000";

/// A browser's headers for a fetch from `origin` (`None`: a same-origin GET, which has none).
fn browser(origin: Option<&str>, site: &'static str) -> Vec<(&'static str, String)> {
    let mut h = vec![("sec-fetch-site", site.to_owned())];
    if let Some(o) = origin {
        h.push(("origin", o.to_owned()));
    }
    h
}

async fn call(
    sb: &Sandbox,
    method: &str,
    path: &str,
    body: Option<&str>,
    headers: &[(&str, String)],
) -> common::Resp {
    let headers: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
    sb.send(method, path, None, body.map(|b| ("application/json", b)), &headers).await
}

fn order_body(token: &serde_json::Value) -> String {
    json!({"token": token["id"], "amount": 100000, "currency": "thb"}).to_string()
}

#[tokio::test]
async fn a_cross_site_page_cannot_create_demo_orders() {
    let sb = start().await;
    let own = sb.base.clone();
    for (label, headers) in [
        ("evil origin", browser(Some(EVIL), "cross-site")),
        ("evil origin, old browser", vec![("origin", EVIL.to_owned())]),
        ("cross-site without origin", browser(None, "cross-site")),
        ("opaque origin", browser(Some("null"), "cross-site")),
        ("loopback name, other site", browser(Some(TEST_PAGE), "cross-site")),
    ] {
        let t = sb.token("4242424242424242").await;
        let r = call(&sb, "POST", "/demo/orders", Some(&order_body(&t)), &headers).await;
        r.assert_error(403, "forbidden");
        assert_eq!(r.header("access-control-allow-origin"), "", "{label}");
        // The preflight a cross-site JSON fetch needs is refused too.
        let mut preflight = headers.clone();
        preflight.push(("access-control-request-method", "POST".into()));
        let r = call(&sb, "OPTIONS", "/demo/orders", None, &preflight).await;
        assert_eq!((r.status.as_u16(), r.header("access-control-allow-origin")), (403, ""), "{label}");
    }
    assert_eq!(sb.get("/demo/orders", None).await.json()["count"], 0, "nothing was charged");

    // The demo's own page, a page on another port of this machine, and curl all may.
    for (label, headers, cors) in [
        ("same origin", browser(Some(&own), "same-origin"), own.as_str()),
        ("browser tests' page", browser(Some(TEST_PAGE), "same-site"), TEST_PAGE),
        ("no browser", vec![], ""),
    ] {
        let t = sb.token("4242424242424242").await;
        let r = call(&sb, "POST", "/demo/orders", Some(&order_body(&t)), &headers).await;
        assert_eq!(r.status, 200, "{label}: {}", r.body);
        assert_eq!(r.header("access-control-allow-origin"), cors, "{label}: never *");
    }
    let r = call(&sb, "OPTIONS", "/demo/orders", None, &browser(Some(TEST_PAGE), "same-site")).await;
    assert_eq!((r.status.as_u16(), r.header("access-control-allow-origin")), (204, TEST_PAGE));
    assert_eq!(r.header("vary"), "Origin");
}

#[tokio::test]
async fn demo_orders_take_json_for_the_carts_total_only() {
    let sb = start().await;
    let t = sb.token("4242424242424242").await;
    let id = t["id"].as_str().unwrap();
    // A form (what a cross-site <form> or no-preflight fetch sends) is refused unread.
    let form = format!("token={id}&amount=100000&currency=thb");
    let r = sb.post_form("/demo/orders", None, &form).await;
    assert_eq!(r.status, 415, "{}", r.body);
    assert_eq!(r.json()["error"]["code"], "bad_request");
    let r = sb.send("POST", "/demo/orders", None, Some(("text/plain", &order_body(&t))), &[]).await;
    assert_eq!(r.status, 415, "{}", r.body);
    // Any amount or currency but the cart's is refused before a charge is made.
    for body in [
        json!({"token": id, "amount": 100, "currency": "thb"}),
        json!({"token": id, "amount": 100001, "currency": "thb"}),
        json!({"token": id, "amount": "1e5", "currency": "thb"}),
        json!({"token": id, "amount": 100000, "currency": "usd"}),
    ] {
        let r = sb.post_json("/demo/orders", None, &body).await;
        assert_eq!(r.status, 400, "{body}: {}", r.body);
        assert_eq!(r.json()["error"]["code"], "invalid_amount", "{body}");
    }
    // The token is still unused: nothing was charged.
    assert_eq!(sb.get(&format!("/tokens/{id}"), Some(PK)).await.json()["used"], false);
    // Omitted, the cart's total is charged.
    let o = sb.post_json("/demo/orders", None, &json!({"token": id})).await.json();
    assert_eq!((o["amount"].as_i64(), o["currency"].as_str()), (Some(100000), Some("thb")), "{o}");
}

#[tokio::test]
async fn sandbox_controls_refuse_cross_site_and_reflect_only_loopback() {
    let sb = start().await;
    let controls: [(&str, &str, Option<&str>); 9] = [
        ("POST", "/__sandbox/keys", Some("{}")),
        ("POST", "/__sandbox/faults", Some(r#"{"path":"/tokens","fault":"503"}"#)),
        ("GET", "/__sandbox/faults", None),
        ("DELETE", "/__sandbox/faults", None),
        ("POST", "/__sandbox/config", Some(r#"{"settleDelayMs":0}"#)),
        ("POST", "/__sandbox/reset", None),
        ("GET", "/__sandbox/requests?path=/tokens", None),
        ("GET", "/__sandbox/echo?json=%7B%7D", None),
        ("GET", "/demo/config", None),
    ];
    for (method, path, body) in controls {
        for headers in [browser(Some(EVIL), "cross-site"), browser(None, "cross-site")] {
            let r = call(&sb, method, path, body, &headers).await;
            r.assert_error(403, "forbidden");
            assert_eq!(r.header("access-control-allow-origin"), "", "{method} {path}");
        }
        let r = call(&sb, method, path, body, &browser(Some(TEST_PAGE), "same-site")).await;
        assert_eq!(r.status, 200, "{method} {path}: {}", r.body);
        assert_eq!(r.header("access-control-allow-origin"), TEST_PAGE, "{method} {path}");
        let r = call(&sb, method, path, body, &[]).await;
        assert_eq!(
            (r.status.as_u16(), r.header("access-control-allow-origin")),
            (200, ""),
            "{method} {path}"
        );
    }
    // A fault queued cross-site would have broken /tokens: none was.
    sb.send("DELETE", "/__sandbox/faults", None, None, &[]).await;
    let r = call(
        &sb,
        "POST",
        "/__sandbox/faults",
        Some(r#"{"path":"/tokens","fault":"503"}"#),
        &browser(Some(EVIL), "cross-site"),
    )
    .await;
    assert_eq!(r.status, 403);
    assert_eq!(sb.get("/__sandbox/faults", None).await.json()["faults"], json!([]));
    // The authorization pages' stylesheet is an asset, and the API keeps `*`.
    let r = call(&sb, "GET", "/__sandbox/sandbox.css", None, &browser(Some(EVIL), "cross-site")).await;
    assert_eq!(r.status, 200);
    let r = sb
        .send(
            "POST",
            "/tokens",
            Some(PK),
            Some(("application/x-www-form-urlencoded", "")),
            &[("origin", EVIL), ("sec-fetch-site", "cross-site")],
        )
        .await;
    assert_eq!((r.status.as_u16(), r.header("access-control-allow-origin")), (400, "*"));
}

#[tokio::test]
async fn live_mode_has_no_test_controls_and_trusts_only_its_own_pages() {
    let omise = start().await;
    let (pk, sk) = omise.new_keys().await;
    let upstream = Upstream::new(&pk, &sk, &omise.base, &omise.base).unwrap();
    let demo = start_with(|c| c.upstream = Some(upstream)).await;
    for (method, path) in [
        ("POST", "/__sandbox/keys"),
        ("POST", "/__sandbox/faults"),
        ("GET", "/__sandbox/faults"),
        ("POST", "/__sandbox/config"),
        ("POST", "/__sandbox/reset"),
        ("GET", "/__sandbox/charges/chrg_test_x"),
        ("GET", "/__sandbox/requests?path=/tokens"),
        ("GET", "/__sandbox/echo?json=%7B%7D"),
    ] {
        demo.send(method, path, None, Some(("application/json", "{}")), &[])
            .await
            .assert_error(404, "not_found");
    }
    assert_eq!(demo.get("/__sandbox/sandbox.css", None).await.status, 200);
    // Per-request faults are controls too.
    let r = demo.send("GET", "/demo/config", None, None, &[("x-sandbox-fault", "status=503")]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    // With real keys, a page on another port of this machine is not the demo.
    let token = omise.token_with(&pk, "4242424242424242").await;
    let r = call(
        &demo,
        "POST",
        "/demo/orders",
        Some(&order_body(&token)),
        &browser(Some(TEST_PAGE), "same-site"),
    )
    .await;
    r.assert_error(403, "forbidden");
    let r = call(
        &demo,
        "POST",
        "/demo/orders",
        Some(&order_body(&token)),
        &browser(Some(&demo.base), "same-origin"),
    )
    .await;
    assert_eq!(r.status, 200, "{}", r.body);
}
