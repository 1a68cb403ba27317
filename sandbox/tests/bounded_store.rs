//! The store is bounded: past `max_objects` of a kind, the oldest objects go (404, as an id
//! that never existed) and the newest stay readable.

mod common;

use common::{start_with, PK, SK};

const CAP: usize = 50;

#[tokio::test]
async fn oldest_tokens_are_evicted_past_max_objects() {
    let sb = start_with(|c| c.max_objects = CAP).await;
    let mut ids = Vec::new();
    for _ in 0..CAP + 30 {
        ids.push(sb.token("4242424242424242").await["id"].as_str().unwrap().to_owned());
    }
    for (i, id) in ids.iter().enumerate() {
        let r = sb.get(&format!("/tokens/{id}"), Some(PK)).await;
        if i < 30 {
            r.assert_error(404, "not_found");
        } else {
            assert_eq!(r.status, 200, "token {i} of {}: {}", ids.len(), r.body);
        }
    }
}

#[tokio::test]
async fn charges_and_accounts_are_bounded_too() {
    let sb = start_with(|c| c.max_objects = 5).await;
    let mut charges = Vec::new();
    for _ in 0..8 {
        charges.push(sb.charge_card("4242424242424242").await["id"].as_str().unwrap().to_owned());
    }
    sb.get(&format!("/charges/{}", charges[2]), Some(SK)).await.assert_error(404, "not_found");
    assert_eq!(sb.get(&format!("/charges/{}", charges[3]), Some(SK)).await.status, 200);
    // The sixth fresh account pushes the first out: its keys stop working. The configured
    // keys' account is never evicted.
    let first = sb.new_keys().await.0;
    for _ in 0..5 {
        sb.new_keys().await;
    }
    let form = common::card_form("4242424242424242");
    sb.post_form("/tokens", Some(&first), &form).await.assert_error(401, "authentication_failure");
    assert_eq!(sb.post_form("/tokens", Some(PK), &form).await.status, 200);
}
