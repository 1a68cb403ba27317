//! Search, events, account, balance and capability; what a public key may do.

mod common;

use common::{start, Sandbox, PK, SK};
use serde_json::Value;

async fn charge(sb: &Sandbox, number: &str, amount: i64, description: &str) -> Value {
    let t = sb.token(number).await;
    let form =
        format!("card={}&amount={amount}&currency=thb&description={description}", t["id"].as_str().unwrap());
    sb.post_form("/charges", Some(SK), &form).await.json()
}

fn ids(v: &Value) -> Vec<String> {
    v["data"].as_array().unwrap().iter().map(|x| x["id"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn search_scopes_queries_filters_and_pages() {
    let sb = start().await;
    let a = charge(&sb, "4242424242424242", 10000, "Green+tea").await;
    let b = charge(&sb, "4111111111140011", 25000, "Black+tea").await;
    let c = charge(&sb, "4111111111130012", 99000, "Coffee").await;
    let s = sb.get("/search?scope=charge&filters%5Bstatus%5D=failed", Some(SK)).await.json();
    for key in [
        "object",
        "order",
        "scope",
        "query",
        "filters",
        "page",
        "per_page",
        "total_pages",
        "total",
        "location",
        "data",
    ] {
        assert!(!s[key].is_null(), "{key}");
    }
    assert_eq!(
        (s["object"].as_str(), s["total"].as_u64(), s["scope"].as_str()),
        (Some("search"), Some(2), Some("charge"))
    );
    let by_code =
        sb.get("/search?scope=charge&filters[failure_code]=insufficient_fund", Some(SK)).await.json();
    assert_eq!(ids(&by_code), [b["id"].as_str().unwrap()]);
    let by_amount = sb.get("/search/?scope=charge&filters[amount]=20000..100000", Some(SK)).await.json();
    assert_eq!(by_amount["total"], 2);
    let today = &a["created_at"].as_str().unwrap()[..10];
    let by_created = sb.get(&format!("/search?scope=charge&filters[created]={today}"), Some(SK)).await.json();
    assert_eq!(by_created["total"], 3);
    let q = sb.get("/search?scope=charge&query=tea", Some(SK)).await.json();
    assert_eq!(q["total"], 2);
    let paged =
        sb.get("/search?scope=charge&per_page=1&page=2&order=reverse_chronological", Some(SK)).await.json();
    assert_eq!((paged["total_pages"].as_u64(), paged["data"].as_array().unwrap().len()), (Some(3), 1));
    let _ = c;
    assert_eq!(sb.get("/search?scope=dispute", Some(SK)).await.json()["total"], 0);
    sb.get("/search?scope=planet", Some(SK)).await.assert_error(400, "bad_request");
    sb.get("/search?scope=charge&filters[colour]=red", Some(SK)).await.assert_error(400, "bad_request");
    sb.get("/search?scope=charge&filters[amount]=lots", Some(SK)).await.assert_error(400, "bad_request");
    sb.get("/search?scope=charge&page=0", Some(SK)).await.assert_error(400, "bad_request");
    sb.get("/search?scope=charge", Some(PK)).await.assert_error(401, "authentication_failure");
    // Customers and refunds.
    let t = sb.token("4242424242424242").await;
    sb.post_form(
        "/customers",
        Some(SK),
        &format!("email=somchai%40shop.test&card={}", t["id"].as_str().unwrap()),
    )
    .await;
    let cs = sb.get("/search?scope=customer&query=somchai", Some(SK)).await.json();
    assert_eq!(cs["total"], 1);
    sb.post_form(&format!("/charges/{}/refunds", a["id"].as_str().unwrap()), Some(SK), "amount=100").await;
    let rs = sb.get("/search?scope=refund&filters[status]=pending", Some(SK)).await.json();
    assert_eq!(rs["total"], 1);
}

#[tokio::test]
async fn every_change_records_an_event() {
    let sb = start().await;
    let c = charge(&sb, "4242424242424242", 10000, "x").await;
    let events = sb.get("/events", Some(SK)).await.json();
    assert_eq!((events["object"].as_str(), events["total"].as_u64()), (Some("list"), Some(1)));
    let e = &events["data"][0];
    assert_eq!(
        (e["object"].as_str(), e["key"].as_str(), e["data"]["id"].as_str()),
        (Some("event"), Some("charge.create"), c["id"].as_str())
    );
    let one = sb.get(&format!("/events/{}", e["id"].as_str().unwrap()), Some(SK)).await.json();
    assert_eq!(
        (one["id"].clone(), one["webhook_deliveries"].clone()),
        (e["id"].clone(), serde_json::json!([]))
    );
    sb.get("/events/evnt_test_nope", Some(SK)).await.assert_error(404, "not_found");
    sb.get("/events", Some(PK)).await.assert_error(401, "authentication_failure");
    // 3-D Secure: charge.complete when the outcome shows.
    let t = sb.token("4111111111111111").await;
    let form = format!(
        "card={}&amount=10000&currency=thb&return_uri=http%3A%2F%2Fshop.test%2F",
        t["id"].as_str().unwrap()
    );
    let p = sb.post_form("/charges", Some(SK), &form).await.json();
    let path = sb.path_of(p["authorize_uri"].as_str().unwrap());
    sb.post_form(&path, None, "decision=authorize").await;
    let keys: Vec<String> = sb.get("/events", Some(SK)).await.json()["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["key"].as_str().unwrap().to_owned())
        .collect();
    assert!(keys.contains(&"charge.complete".to_owned()), "{keys:?}");
}

#[tokio::test]
async fn account_balance_and_capability() {
    let sb = start().await;
    charge(&sb, "4242424242424242", 10000, "x").await;
    let acct = sb.get("/account", Some(SK)).await.json();
    assert_eq!(
        (acct["object"].as_str(), acct["currency"].as_str(), acct["livemode"].as_bool()),
        (Some("account"), Some("thb"), Some(false))
    );
    sb.get("/account", Some(PK)).await.assert_error(401, "authentication_failure");
    let bal = sb.get("/balance", Some(SK)).await.json();
    assert_eq!(bal["object"], "balance");
    assert!(bal["total"].as_i64().unwrap() > 9000 && bal["total"].as_i64().unwrap() < 10000);
    for key in [PK, SK] {
        let cap = sb.get("/capability", Some(key)).await.json();
        assert_eq!(cap["object"], "capability");
        let methods = cap["payment_methods"].as_array().unwrap();
        let card = methods.iter().find(|m| m["name"] == "card").unwrap();
        assert!(card["card_brands"].as_array().unwrap().iter().any(|b| b == "Visa"));
        assert!(card["currencies"].as_array().unwrap().iter().any(|c| c == "thb"));
        assert!(methods.iter().any(|m| m["name"] == "promptpay"));
        for k in ["tokenization_methods", "limits", "zero_interest_installments"] {
            assert!(!cap[k].is_null(), "{k}");
        }
        assert!(cap["limits"]["charge_amount"]["min"].is_number());
    }
    sb.get("/capability", None).await.assert_error(401, "authentication_failure");
}

#[tokio::test]
async fn a_public_key_does_only_what_omise_lets_it() {
    let sb = start().await;
    for (method, path) in [
        ("GET", "/charges"),
        ("GET", "/customers"),
        ("POST", "/customers"),
        ("GET", "/schedules"),
        ("POST", "/schedules"),
        ("GET", "/refunds"),
        ("GET", "/events"),
        ("GET", "/search?scope=charge"),
        ("GET", "/account"),
        ("GET", "/balance"),
    ] {
        sb.send(method, path, Some(PK), None, &[]).await.assert_error(401, "authentication_failure");
    }
    assert_eq!(sb.get("/capability", Some(PK)).await.status, 200);
}
