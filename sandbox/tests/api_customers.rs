//! Customers and their cards: create with a token, list, update (a new card becomes the
//! default), card list/read/update/destroy, destroy; charges on a customer's default or given
//! card; a token attached once.

mod common;

use common::{start, Sandbox, PK, SK};
use serde_json::{json, Value};

async fn send_json(sb: &Sandbox, method: &str, path: &str, body: &Value) -> common::Resp {
    sb.send(method, path, Some(SK), Some(("application/json", &body.to_string())), &[]).await
}

async fn customer(sb: &Sandbox, number: &str) -> Value {
    let t = sb.token(number).await;
    let r = sb
        .post_form(
            "/customers",
            Some(SK),
            &format!(
                "email=a%40b.test&description=Regular&metadata%5Bplan%5D=gold&card={}",
                t["id"].as_str().unwrap()
            ),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.json()
}

#[tokio::test]
async fn customers_with_cards_from_create_to_destroy() {
    let sb = start().await;
    let c = customer(&sb, "4242424242424242").await;
    let id = c["id"].as_str().unwrap();
    assert!(id.starts_with("cust_test_"));
    assert_eq!(
        (c["email"].as_str(), c["metadata"]["plan"].as_str(), c["cards"]["total"].as_u64()),
        (Some("a@b.test"), Some("gold"), Some(1))
    );
    let first_card = c["cards"]["data"][0]["id"].as_str().unwrap().to_owned();
    assert_eq!(c["default_card"], first_card.as_str());
    assert_eq!(c["cards"]["data"][0]["location"], format!("/customers/{id}/cards/{first_card}"));
    // Update: a new token adds a card and makes it the default.
    let t2 = sb.token("5555555555554444").await;
    let r = send_json(
        &sb,
        "PATCH",
        &format!("/customers/{id}"),
        &json!({"card": t2["id"], "description": "VIP"}),
    )
    .await;
    let u = r.json();
    assert_eq!((u["cards"]["total"].as_u64(), u["description"].as_str()), (Some(2), Some("VIP")));
    let second = u["default_card"].as_str().unwrap().to_owned();
    assert_ne!(second, first_card);
    // Read, list.
    assert_eq!(sb.get(&format!("/customers/{id}"), Some(SK)).await.json()["default_card"], second.as_str());
    customer(&sb, "4242424242424242").await;
    let list = sb.get("/customers?limit=1", Some(SK)).await.json();
    assert_eq!((list["total"].as_u64(), list["data"].as_array().unwrap().len()), (Some(2), 1));
    // Cards.
    let cards = sb.get(&format!("/customers/{id}/cards"), Some(SK)).await.json();
    assert_eq!(cards["total"], 2);
    let card = sb.get(&format!("/customers/{id}/cards/{first_card}"), Some(SK)).await.json();
    assert_eq!(
        (card["object"].as_str(), card["last_digits"].as_str(), card["deleted"].as_bool()),
        (Some("card"), Some("4242"), Some(false))
    );
    let r = send_json(
        &sb,
        "PATCH",
        &format!("/customers/{id}/cards/{first_card}"),
        &json!({"name": "New Name", "expiration_month": 3, "city": "Chiang Mai"}),
    )
    .await;
    let upd = r.json();
    assert_eq!(
        (upd["name"].as_str(), upd["expiration_month"].as_u64(), upd["city"].as_str()),
        (Some("New Name"), Some(3), Some("Chiang Mai"))
    );
    send_json(&sb, "PATCH", &format!("/customers/{id}/cards/{first_card}"), &json!({"expiration_month": 13}))
        .await
        .assert_error(400, "invalid_card");
    let gone =
        sb.send("DELETE", &format!("/customers/{id}/cards/{second}"), Some(SK), None, &[]).await.json();
    assert_eq!((gone["id"].as_str(), gone["deleted"].as_bool()), (Some(second.as_str()), Some(true)));
    // The default moves to the card left.
    assert_eq!(
        sb.get(&format!("/customers/{id}"), Some(SK)).await.json()["default_card"],
        first_card.as_str()
    );
    sb.get(&format!("/customers/{id}/cards/{second}"), Some(SK)).await.assert_error(404, "not_found");
    let d = sb.send("DELETE", &format!("/customers/{id}"), Some(SK), None, &[]).await.json();
    assert_eq!((d["id"].as_str(), d["deleted"].as_bool()), (Some(id), Some(true)));
    sb.get(&format!("/customers/{id}"), Some(SK)).await.assert_error(404, "not_found");
    let keys: Vec<String> = sb.get("/events?limit=100", Some(SK)).await.json()["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["key"].as_str().unwrap().to_owned())
        .collect();
    for key in [
        "customer.create",
        "customer.update",
        "customer.update.card",
        "customer.destroy.card",
        "customer.destroy",
    ] {
        assert!(keys.iter().any(|k| k == key), "{key} in {keys:?}");
    }
}

#[tokio::test]
async fn a_token_is_attached_once() {
    let sb = start().await;
    let t = sb.token("4242424242424242").await;
    let form = format!("card={}", t["id"].as_str().unwrap());
    assert_eq!(sb.post_form("/customers", Some(SK), &form).await.status, 200);
    sb.post_form("/customers", Some(SK), &form).await.assert_error(400, "used_token");
    sb.post_form("/customers", Some(SK), "card=tokn_test_nope").await.assert_error(404, "not_found");
    sb.post_form("/customers", Some(PK), "email=x%40y.test")
        .await
        .assert_error(401, "authentication_failure");
    // Nor can it then be charged.
    let charge = format!("card={}&amount=5000&currency=thb", t["id"].as_str().unwrap());
    sb.post_form("/charges", Some(SK), &charge).await.assert_error(400, "used_token");
}

#[tokio::test]
async fn charges_on_a_customers_default_or_given_card() {
    let sb = start().await;
    let c = customer(&sb, "4242424242424242").await;
    let id = c["id"].as_str().unwrap();
    let declined = sb.token("4111111111140011").await;
    let u =
        send_json(&sb, "PATCH", &format!("/customers/{id}"), &json!({"card": declined["id"]})).await.json();
    let good_card = c["default_card"].as_str().unwrap();
    // Default card: the declined one, now.
    let r =
        sb.post_form("/charges", Some(SK), &format!("customer={id}&amount=5000&currency=thb")).await.json();
    assert_eq!(
        (r["status"].as_str(), r["failure_code"].as_str(), r["customer"].as_str()),
        (Some("failed"), Some("insufficient_fund"), Some(id))
    );
    assert_eq!(r["card"]["id"], u["default_card"]);
    let r = sb
        .post_form("/charges", Some(SK), &format!("customer={id}&card={good_card}&amount=5000&currency=thb"))
        .await
        .json();
    assert_eq!((r["status"].as_str(), r["card"]["id"].as_str()), (Some("successful"), Some(good_card)));
    sb.post_form(
        "/charges",
        Some(SK),
        &format!("customer={id}&card=card_test_nope&amount=5000&currency=thb"),
    )
    .await
    .assert_error(404, "not_found");
    sb.post_form("/charges", Some(SK), "customer=cust_test_nope&amount=5000&currency=thb")
        .await
        .assert_error(404, "not_found");
    sb.post_form("/charges", Some(SK), &format!("card={good_card}&amount=5000&currency=thb"))
        .await
        .assert_error(400, "bad_request");
}

#[tokio::test]
async fn the_card_object_echoes_billing_fields() {
    let sb = start().await;
    let form = format!(
        "{}&card%5Bstreet1%5D=1+Silom&card%5Bstreet2%5D=Fl+2&card%5Bcity%5D=Bangkok&card%5Bstate%5D=BKK\
         &card%5Bpostal_code%5D=10500&card%5Bcountry%5D=TH&card%5Bphone_number%5D=0812345678",
        common::card_form("4242424242424242")
    );
    let t = sb.post_form("/tokens", Some(PK), &form).await.json();
    let card = &t["card"];
    for (k, v) in [
        ("street1", "1 Silom"),
        ("street2", "Fl 2"),
        ("city", "Bangkok"),
        ("state", "BKK"),
        ("postal_code", "10500"),
        ("country", "th"),
        ("phone_number", "0812345678"),
    ] {
        assert_eq!(card[k], v, "{k}");
    }
    assert_eq!((card["deleted"].as_bool(), card["tokenization_method"].is_null()), (Some(false), true));
}
