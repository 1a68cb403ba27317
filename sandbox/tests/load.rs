//! Bounded load: 2,000 token requests from 50 concurrent keep-alive clients on loopback.

mod common;

use common::{start, PK};
use std::collections::HashSet;
use std::time::Duration;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_thousand_tokens_from_fifty_clients() {
    let sb = start().await;
    let report = omise_sandbox::loadgen::tokens(sb.addr, PK, 2_000, 50).await;
    assert_eq!(report.failed, 0);
    assert_eq!(report.ids.len(), 2_000, "every request answered 200");
    let distinct: HashSet<&String> = report.ids.iter().collect();
    assert_eq!(distinct.len(), 2_000, "token ids are distinct");
    assert!(report.ids.iter().all(|id| id.starts_with("tokn_test_")));
    assert!(report.elapsed < Duration::from_secs(20), "took {:?}", report.elapsed);
    // None lost: the server counted exactly as many.
    let counted = sb.get("/__sandbox/requests?path=/tokens", None).await.json()["count"].as_u64();
    assert_eq!(counted, Some(2_000));
    // And every token is readable afterwards.
    let last = sb.get(&format!("/tokens/{}", report.ids[1999]), Some(PK)).await;
    assert_eq!(last.status, 200);
}
