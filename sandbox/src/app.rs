//! The router: each room (tokens, sources, charges, refunds, customers, schedules, search,
//! events, capability) brings its own routes; this file only joins them with the
//! authorization pages, the demo backend, the test controls and the static files, and puts the
//! one middleware in front. The shared state is in state.rs.

use crate::errors::ApiError;
use crate::{admin, authorize, capability, charges, customers, demo, demo_admin, demo_member, demo_webhooks};
use crate::{events, middleware};
use crate::{payer, promptpay, provider, refunds, schedules, search, sources, static_files, tokens};
use axum::extract::Request;
use axum::http::{Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;

pub use crate::state::{App, AppState};

/// The first path segments of the Omise API: a trailing slash is accepted on these, and an
/// unknown path under them is an API `not_found`, never a static file.
pub const API_ROOTS: &[&str] = &[
    "tokens",
    "sources",
    "charges",
    "refunds",
    "customers",
    "schedules",
    "occurrences",
    "search",
    "events",
    "capability",
    "account",
    "balance",
    "transactions",
    "disputes",
    "transfers",
    "recipients",
    "links",
];

fn api_root(path: &str) -> bool {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or("");
    API_ROOTS.contains(&first)
}

async fn not_found() -> ApiError {
    ApiError::not_found("the requested resource")
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "bad_request", "method not allowed for this resource")
}

/// Unknown API paths answer an Omise `not_found`; anything else is a demo page or file.
async fn fallback(state: axum::extract::State<AppState>, method: Method, uri: Uri) -> Response {
    if api_root(uri.path()) {
        return ApiError::not_found(&format!("the API path {}", uri.path())).into_response();
    }
    static_files::www(state, method, uri).await
}

/// `/charges/` → `/charges` (Omise.js posts `/sources/`, some clients add slashes) on API paths.
async fn trailing_slash(mut req: Request) -> Request {
    let path = req.uri().path();
    if path.len() > 1 && path.ends_with('/') && api_root(path) {
        let trimmed = path.trim_end_matches('/');
        let rebuilt = match req.uri().query() {
            Some(q) => format!("{trimmed}?{q}"),
            None => trimmed.to_owned(),
        };
        if let Ok(uri) = rebuilt.parse::<Uri>() {
            *req.uri_mut() = uri;
        }
    }
    req
}

pub fn router(state: AppState) -> Router {
    let api = Router::new()
        // The Omise API, room by room.
        .merge(tokens::routes())
        .merge(sources::routes())
        .merge(charges::routes())
        .merge(refunds::routes())
        .merge(customers::routes())
        .merge(schedules::routes())
        .merge(search::routes())
        .merge(events::routes())
        .merge(capability::routes())
        .route("/authorize/{id}", get(authorize::page).post(authorize::decide))
        // PromptPay's QR image (`scannable_code.image.download_uri`) and the payer (payer.rs).
        .route("/charges/{id}/documents/{docu}/downloads/{file}", get(promptpay::download))
        .route("/__sandbox/charges/{id}/pay", post(payer::pay))
        .route("/__sandbox/charges/{id}/decline", post(payer::decline))
        .route("/payer/{id}", get(payer::page_get).post(payer::page_post))
        // The vault's provider page (tokenization through an iframe, as Omise.js does).
        .route("/provider", get(provider::page))
        .route("/provider/easyXDM.js", get(provider::easyxdm))
        .route("/provider/provider.js", get(provider::script))
        // The same page at a path of the test's own (tests running side by side count their
        // own iframes), and a provider that never gets ready.
        .route("/__sandbox/vault/{name}/provider", get(provider::page))
        .route("/__sandbox/blank-vault/{name}/provider", get(provider::blank))
        .route("/__sandbox/forge", get(provider::forge))
        .route("/__sandbox/forge.js", get(provider::forge_script))
        // Demo merchant backend.
        .route("/demo/config", get(demo::config))
        .route("/demo/orders", post(demo::create_order).get(demo::count_orders))
        .route("/demo/orders/{id}", get(demo::order_status))
        .route("/demo/webhooks", post(demo_webhooks::receive))
        .route("/demo/members", post(demo_member::subscribe))
        .route("/demo/members/{id}", get(demo_member::read))
        .route("/demo/members/{id}/card", post(demo_member::update_card))
        .route("/demo/admin/orders", get(demo_admin::list_orders))
        .route("/demo/admin/orders/{id}/refunds", post(demo_admin::refund_order))
        // Sandbox controls for tests.
        .route("/__sandbox/keys", post(admin::new_keys))
        .route(
            "/__sandbox/faults",
            get(admin::list_faults).post(admin::add_fault).delete(admin::clear_faults),
        )
        .route("/__sandbox/config", get(admin::read_config).post(admin::set_config))
        .route("/__sandbox/clock", get(admin::read_clock).post(admin::advance_clock))
        .route("/__sandbox/reset", post(admin::reset))
        .route("/__sandbox/charges/{id}", get(admin::read_charge))
        .route("/__sandbox/requests", get(admin::requests))
        .route("/__sandbox/echo", get(admin::echo))
        .route("/__sandbox/sandbox.css", get(static_files::sandbox_css))
        // Static files: the demo pages and the built package.
        .route("/", get(static_files::www_index))
        .route("/dist/{*path}", get(static_files::dist))
        .route("/__sandbox/{*rest}", get(not_found).post(not_found))
        .fallback(fallback)
        .method_not_allowed_fallback(method_not_allowed);
    let inner =
        api.layer(axum::middleware::from_fn_with_state(state.clone(), middleware::gate)).with_state(state);
    // Outside the inner router, so the path is rewritten before it routes.
    Router::new().fallback_service(inner).layer(axum::middleware::map_request(trailing_slash))
}
