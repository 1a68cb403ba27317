//! The vault's provider page (`GET /provider`): the genuine easyXDM library from the npm
//! package, our `createToken`, a strict CSP that still lets any merchant page frame it, and
//! the trailing-slash `/sources/` Omise.js posts to.

mod common;

use common::*;
use serde_json::json;

#[tokio::test]
async fn the_provider_page_loads_easyxdm_and_our_create_token_under_a_strict_csp() {
    let sb = start().await;
    let page = sb.get("/provider?xdm_e=http%3A%2F%2F127.0.0.1%3A1&xdm_c=omisecheckout1&xdm_p=1", None).await;
    assert_eq!(page.status, 200);
    assert!(page.header("content-type").starts_with("text/html"));
    let csp = page.header("content-security-policy");
    for part in ["default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors *"] {
        assert!(csp.contains(part), "{part} in {csp}");
    }
    assert!(page.body.contains("<script src=\"/provider/easyXDM.js\"></script>"), "{}", page.body);
    assert!(!page.body.contains("omisecheckout1"), "the query is not echoed into the page");
    // A cross-origin-isolated merchant page (COEP require-corp) may embed it.
    assert_eq!(page.header("cross-origin-resource-policy"), "cross-origin");

    let lib = sb.get("/provider/easyXDM.js", None).await;
    assert_eq!(lib.status, 200, "{}", lib.body);
    assert!(lib.header("content-type").starts_with("text/javascript"));
    assert!(lib.body.contains("easyXDM.stack.PostMessageTransport"), "the genuine library");
    assert!(lib.body.contains("window.easyXDM = module.exports"), "exported onto window");

    let ours = sb.get("/provider/provider.js", None).await;
    assert!(ours.body.contains("new easyXDM.Rpc(") && ours.body.contains("createToken"));
    assert!(!ours.body.contains("console."), "nothing logged, card data included");
}

#[tokio::test]
async fn sources_accept_the_trailing_slash_omise_js_uses() {
    let sb = start().await;
    let body = json!({"type": "paypay", "amount": 10000, "currency": "jpy"});
    let slash = sb.post_json("/sources/", Some(PK), &body).await;
    let plain = sb.post_json("/sources", Some(PK), &body).await;
    assert_eq!(slash.status, plain.status, "{} / {}", slash.body, plain.body);
    assert_ne!(slash.status, 404, "routed, not the static-file fallback");
    assert_eq!(slash.json()["object"], plain.json()["object"]);
    assert_eq!(slash.json()["code"], plain.json()["code"]);
}
