//! Static files (MIME, CSP, traversal) and the demo merchant backend end to end.

mod common;

use common::{start, PK};
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::time::Duration;

#[tokio::test]
async fn static_files_have_mime_types_and_security_headers() {
    let sb = start().await;
    for (path, mime) in [
        ("/", "text/html; charset=utf-8"),
        ("/index.html", "text/html; charset=utf-8"),
        ("/sub/", "text/html; charset=utf-8"),
        ("/sub", "text/html; charset=utf-8"),
        ("/app.js", "text/javascript; charset=utf-8"),
        ("/mod.mjs", "text/javascript; charset=utf-8"),
        ("/style.css", "text/css; charset=utf-8"),
        ("/data.json", "application/json"),
        ("/logo.svg", "image/svg+xml"),
        ("/logo.png", "image/png"),
        ("/favicon.ico", "image/x-icon"),
        ("/dist/omise_checkout.js", "text/javascript; charset=utf-8"),
        ("/dist/omise_checkout_bg.wasm", "application/wasm"),
        ("/__sandbox/sandbox.css", "text/css; charset=utf-8"),
    ] {
        let r = sb.get(path, None).await;
        assert_eq!(r.status, 200, "{path}");
        assert_eq!(r.header("content-type"), mime, "{path}");
        assert_eq!(r.header("x-content-type-options"), "nosniff");
        assert_eq!(r.header("referrer-policy"), "no-referrer");
        assert_eq!(r.header("cache-control"), "no-store");
        if mime.starts_with("text/html") {
            let csp = r.header("content-security-policy");
            assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval'"), "{csp}");
            assert!(csp.contains("style-src 'self';") && csp.contains("frame-ancestors 'none'"));
            assert!(!csp.contains("unsafe-inline"));
        }
    }
    assert_eq!(sb.get("/index.html", None).await.body, "<!doctype html><title>demo</title>");
    assert_eq!(sb.get("/missing.js", None).await.status, 404);
    assert_eq!(sb.get("/dist/missing.wasm", None).await.status, 404);
}

/// Sends a raw request line (clients normalize `..` away, attackers do not).
fn raw_get(addr: std::net::SocketAddr, target: &str) -> String {
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    write!(s, "GET {target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").unwrap();
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    out
}

#[tokio::test]
async fn traversal_is_refused() {
    let sb = start().await;
    let addr = sb.addr;
    let answers = tokio::task::spawn_blocking(move || {
        [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/sub/..%2f..%2fsecret.txt",
            "/dist/../secret.txt",
            "/dist/%2e%2e/secret.txt",
            "/%2e%2e%5csecret.txt",
            "/.hidden",
        ]
        .map(|t| (t, raw_get(addr, t)))
    })
    .await
    .unwrap();
    for (target, answer) in answers {
        let status = answer.split(' ').nth(1).unwrap_or("");
        assert!(status == "400" || status == "404", "{target}: {answer}");
        assert!(!answer.contains("outside the web root"), "{target}");
    }
}

#[tokio::test]
async fn missing_www_just_404s() {
    let sb = common::start_with(|c| {
        c.www = "/nonexistent/www".into();
        c.dist = "/nonexistent/dist".into();
    })
    .await;
    sb.get("/", None).await.assert_error(404, "not_found");
    sb.get("/dist/omise_checkout.js", None).await.assert_error(404, "not_found");
}

#[tokio::test]
async fn demo_config_points_at_this_server() {
    let sb = start().await;
    let v = sb.get("/demo/config", None).await.json();
    let cart = json!({"amount": 100000, "currency": "thb"});
    let carts = json!([cart, {"amount": 3000, "currency": "jpy"}]);
    assert_eq!(
        v,
        json!({"publicKey": PK, "vaultUrl": sb.base, "apiUrl": sb.base, "live": false, "cart": cart,
               "carts": carts})
    );
    // Another port is not this server: the Host header does not move the URLs (host_header.rs).
    let v = sb.send("GET", "/demo/config", None, None, &[("host", "localhost:9999")]).await.json();
    assert_eq!(v["apiUrl"], sb.base);
}

async fn order(sb: &common::Sandbox, body: Value) -> common::Resp {
    sb.post_json("/demo/orders", None, &body).await
}

#[tokio::test]
async fn demo_orders_end_to_end() {
    let sb = start().await;
    // Immediate success.
    let t = sb.token("4242424242424242").await;
    let r = order(&sb, json!({"token": t["id"], "amount": 100000, "currency": "thb"})).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let o = r.json();
    let oid = o["orderId"].as_str().unwrap();
    assert!(oid.starts_with("ord_"));
    assert!(o["chargeId"].as_str().unwrap().starts_with("chrg_test_"));
    assert_eq!((o["status"].as_str(), o["authorizeUri"].as_str()), (Some("successful"), None));
    assert_eq!(o["statusUrl"], format!("{}/demo/orders/{oid}", sb.base));
    assert_eq!((o["amount"].as_i64(), o["currency"].as_str()), (Some(100000), Some("thb")));
    let s = sb.get(&format!("/demo/orders/{oid}"), None).await.json();
    assert_eq!(s["object"], "charge");
    assert_eq!((s["status"].as_str(), s["paid"].as_bool()), (Some("successful"), Some(true)));
    assert_eq!(s["id"], o["chargeId"]);

    // Double submit of the same token: the second is the API's used_token, passed through.
    let again = order(&sb, json!({"token": t["id"], "amount": 100000, "currency": "thb"})).await;
    assert_eq!(again.status, 400);
    assert_eq!(again.json()["error"]["code"], "used_token");
    assert_eq!(sb.get("/demo/orders", None).await.json()["count"], 1);

    // Failure card: failed with code and message.
    let t = sb.token("4111111111140011").await;
    let o = order(&sb, json!({"token": t["id"], "amount": 100000, "currency": "thb"})).await.json();
    assert_eq!(
        (o["status"].as_str(), o["failureCode"].as_str()),
        (Some("failed"), Some("insufficient_fund"))
    );
    assert!(o["failureMessage"].as_str().unwrap().contains("insufficient funds"));

    // 3-D Secure with the default return URI and a settle delay: the return page must poll.
    let t = sb.token("4111111111111111").await;
    let o = order(&sb, json!({"token": t["id"], "amount": 100000, "currency": "thb", "settleDelayMs": 300}))
        .await
        .json();
    let oid = o["orderId"].as_str().unwrap();
    assert_eq!(o["status"], "pending");
    let path = sb.path_of(o["authorizeUri"].as_str().unwrap());
    let r = sb.post_form(&path, None, "decision=authorize").await;
    assert_eq!(r.header("location"), format!("{}/complete.html?order={oid}&lang=en", sb.base));
    let url = format!("/demo/orders/{oid}");
    assert_eq!(sb.get(&url, None).await.json()["status"], "pending");
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(sb.get(&url, None).await.json()["status"], "successful");

    // A source; a client's return URI is ignored: back to the demo's own page; decline.
    let src = sb
        .post_json(
            "/sources",
            Some(PK),
            &json!({"type": "truemoney", "amount": 100000, "currency": "thb", "phone_number": "0812345678"}),
        )
        .await
        .json();
    let o = order(
        &sb,
        json!({"source": src["id"], "amount": 100000, "currency": "thb", "returnUri": "http://shop.test/back"}),
    )
    .await
    .json();
    let r = sb.post_form(&sb.path_of(o["authorizeUri"].as_str().unwrap()), None, "decision=decline").await;
    assert_eq!(
        r.header("location"),
        format!("{}/complete.html?order={}&lang=en", sb.base, o["orderId"].as_str().unwrap())
    );
    let s = sb.get(&format!("/demo/orders/{}", o["orderId"].as_str().unwrap()), None).await.json();
    assert_eq!(
        (s["status"].as_str(), s["failure_code"].as_str()),
        (Some("failed"), Some("payment_rejected"))
    );

    // Errors: unknown token, missing fields, bad JSON, unknown order.
    let r = order(&sb, json!({"token": "tokn_test_nope", "amount": 100000, "currency": "thb"})).await;
    assert_eq!((r.status.as_u16(), r.json()["error"]["code"].as_str()), (404, Some("not_found")));
    let r = order(&sb, json!({"amount": 100000})).await;
    assert_eq!(r.status, 400);
    assert_eq!(r.json()["error"]["code"], "bad_request");
    let r = sb.send("POST", "/demo/orders", None, Some(("application/json", "{")), &[]).await;
    assert_eq!(r.status, 400);
    let r = sb.get("/demo/orders/ord_nope", None).await;
    assert_eq!((r.status.as_u16(), r.json()["error"]["code"].as_str()), (404, Some("not_found")));
    assert_eq!(sb.get("/demo/orders", None).await.json()["count"], 4);
}

#[tokio::test]
async fn demo_orders_with_a_fresh_account_and_api_faults() {
    let sb = start().await;
    let (pk, _) = sb.new_keys().await;
    let t = sb.token_with(&pk, "5555555555554444").await;
    // Without publicKey the default account cannot see this token.
    let r = order(&sb, json!({"token": t["id"], "amount": 100000, "currency": "thb"})).await;
    assert_eq!(r.status, 404);
    let r = order(&sb, json!({"token": t["id"], "amount": 100000, "currency": "thb", "publicKey": pk})).await;
    assert_eq!(r.json()["status"], "successful");
    let r = order(
        &sb,
        json!({"token": t["id"], "amount": 100000, "currency": "thb", "publicKey": "pkey_test_x"}),
    )
    .await;
    assert_eq!(r.status, 400);

    // The API failing behind the demo: errors are passed through or become 502.
    for (fault, status, code) in [
        ("503", 503, "service_unavailable"),
        ("html", 502, "bad_gateway"),
        ("malformed_json", 502, "bad_gateway"),
        ("drop", 502, "bad_gateway"),
    ] {
        let t = sb.token("4242424242424242").await;
        sb.post_json("/__sandbox/faults", None, &json!({"path": "/charges", "fault": fault})).await;
        let r = order(&sb, json!({"token": t["id"], "amount": 100000, "currency": "thb"})).await;
        assert_eq!(r.status.as_u16(), status, "{fault}: {}", r.body);
        assert_eq!(r.json()["error"]["code"], code, "{fault}");
    }
    assert_eq!(sb.get("/demo/orders", None).await.json()["count"], 1);
}

#[tokio::test]
async fn demo_keeps_the_browsers_origin_for_authorize_and_return() {
    let sb = start().await;
    let host = format!("localhost:{}", sb.addr.port());
    let t = sb.token("4111111111111111").await;
    let body = json!({"token": t["id"], "amount": 100000, "currency": "thb"}).to_string();
    let r =
        sb.send("POST", "/demo/orders", None, Some(("application/json", &body)), &[("host", &host)]).await;
    let o = r.json();
    assert!(o["authorizeUri"].as_str().unwrap().starts_with(&format!("http://{host}/authorize/")), "{o}");
    assert!(o["statusUrl"].as_str().unwrap().starts_with(&format!("http://{host}/demo/orders/")));
    // The page lets its form redirect to the merchant's return origin, and nowhere else.
    let path = o["authorizeUri"].as_str().unwrap().split_once(&host).unwrap().1.to_owned();
    let page = sb.get(&path, None).await;
    let csp = page.header("content-security-policy");
    assert!(csp.contains(&format!("form-action 'self' http://{host};")), "{csp}");
}

#[tokio::test]
async fn shutdown_stops_the_listener() {
    let mut sb = start().await;
    assert_eq!(sb.get("/demo/config", None).await.status, 200);
    sb.handle.take().unwrap().shutdown().await;
    assert!(tokio::net::TcpStream::connect(sb.addr).await.is_err());
}
