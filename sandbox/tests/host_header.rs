//! Absolute URLs come from configuration (`--public-url`, else the listening address), never
//! from the request's `Host`; the demo sends customers back only to its own return page.

mod common;

use common::{start, start_with, Sandbox, PK, SK};
use serde_json::{json, Value};

const FORGED: &str = "evil.example";

/// A 3-D Secure charge made with this `Host` header.
async fn charge_3ds(sb: &Sandbox, host: &str) -> Value {
    let t = sb.token("4111111111111111").await;
    let form = format!(
        "card={}&amount=10000&currency=thb&return_uri=https%3A%2F%2Fshop.test%2Fdone",
        t["id"].as_str().unwrap()
    );
    let r = sb
        .send(
            "POST",
            "/charges",
            Some(SK),
            Some(("application/x-www-form-urlencoded", &form)),
            &[("host", host)],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.json()
}

async fn demo_order(sb: &Sandbox, host: &str, extra: Value) -> Value {
    let t = sb.token("4111111111111111").await;
    let mut body = json!({"token": t["id"], "amount": 100000, "currency": "thb"});
    body.as_object_mut().unwrap().extend(extra.as_object().unwrap().clone());
    let r = sb
        .send("POST", "/demo/orders", None, Some(("application/json", &body.to_string())), &[("host", host)])
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.json()
}

#[tokio::test]
async fn a_forged_host_does_not_move_authorize_or_demo_urls() {
    let sb = start().await;
    let c = charge_3ds(&sb, FORGED).await;
    let authorize = c["authorize_uri"].as_str().unwrap();
    assert!(authorize.starts_with(&format!("{}/authorize/", sb.base)), "{authorize}");

    let v = sb.send("GET", "/demo/config", None, None, &[("host", FORGED)]).await.json();
    assert_eq!(
        (v["vaultUrl"].as_str(), v["apiUrl"].as_str()),
        (Some(sb.base.as_str()), Some(sb.base.as_str()))
    );

    let o = demo_order(&sb, FORGED, json!({})).await;
    let oid = o["orderId"].as_str().unwrap();
    assert!(o["authorizeUri"].as_str().unwrap().starts_with(&format!("{}/authorize/", sb.base)), "{o}");
    assert_eq!(o["statusUrl"], format!("{}/demo/orders/{oid}", sb.base));
    let r = sb.post_form(&sb.path_of(o["authorizeUri"].as_str().unwrap()), None, "decision=authorize").await;
    assert_eq!(r.header("location"), format!("{}/complete.html?order={oid}&lang=en", sb.base));
}

#[tokio::test]
async fn the_demo_returns_customers_only_to_its_own_page() {
    let sb = start().await;
    let o = demo_order(&sb, &sb.addr.to_string(), json!({"returnUri": "https://evil.example/phish"})).await;
    let oid = o["orderId"].as_str().unwrap();
    let path = sb.path_of(o["authorizeUri"].as_str().unwrap());
    // The 3-D Secure page's form may only go back to this server.
    let page = sb.get(&path, None).await;
    assert!(!page.header("content-security-policy").contains("evil.example"));
    let r = sb.post_form(&path, None, "decision=decline").await;
    assert_eq!(r.status, 303);
    assert_eq!(r.header("location"), format!("{}/complete.html?order={oid}&lang=en", sb.base));
}

#[tokio::test]
async fn public_url_is_used_for_every_absolute_url() {
    let public = "https://shop.test:8443";
    let sb = start_with(|c| c.public_url = Some(public.into())).await;
    // Even the listening address's own name does not override it (a proxy may send that).
    for host in [FORGED.to_owned(), sb.addr.to_string()] {
        let c = charge_3ds(&sb, &host).await;
        assert!(c["authorize_uri"].as_str().unwrap().starts_with(&format!("{public}/authorize/")), "{c}");
        let v = sb.send("GET", "/demo/config", None, None, &[("host", &host)]).await.json();
        assert_eq!((v["vaultUrl"].as_str(), v["publicKey"].as_str()), (Some(public), Some(PK)));
        let o = demo_order(&sb, &host, json!({})).await;
        assert!(o["statusUrl"].as_str().unwrap().starts_with(&format!("{public}/demo/orders/")), "{o}");
    }
    // And its pages count as this server's own.
    let t = sb.token("4242424242424242").await;
    let body = json!({"token": t["id"]}).to_string();
    let r = sb
        .send(
            "POST",
            "/demo/orders",
            None,
            Some(("application/json", &body)),
            &[("origin", public), ("sec-fetch-site", "same-origin")],
        )
        .await;
    assert_eq!((r.status.as_u16(), r.header("access-control-allow-origin")), (200, public), "{}", r.body);
}
