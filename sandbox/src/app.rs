//! The router and the state every handler shares. The Omise emulation (vault, API,
//! authorization pages), the demo merchant backend and the sandbox controls are separate
//! modules; this file only wires them.

use crate::client::ApiClient;
use crate::errors::ApiError;
use crate::origins::Origins;
use crate::store::Store;
use crate::{admin, authorize, charges, demo, middleware, provider, sources, static_files, tokens, Config};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::routing::{get, post};
use axum::Router;
use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};

pub struct App {
    pub config: Config,
    pub store: Store,
    pub client: ApiClient,
    /// The demo pages' Content-Security-Policy (middleware::csp_for).
    pub csp: HeaderValue,
    /// The bound address, known once the listener is up.
    pub addr: OnceLock<SocketAddr>,
    /// This server's own origins (from `--public-url` or the bound address), set with `addr`.
    pub origins: OnceLock<Origins>,
}

pub type AppState = Arc<App>;

impl App {
    pub fn new(config: Config) -> AppState {
        let store =
            Store::new(&config.public_key, &config.secret_key, config.settle_delay_ms, config.max_objects);
        // Upstream origins are validated URLs; the fallback cannot be reached in practice.
        let csp = HeaderValue::from_str(&middleware::csp_for(&config))
            .unwrap_or_else(|_| HeaderValue::from_static(middleware::CSP));
        Arc::new(App {
            config,
            store,
            client: ApiClient::new(),
            csp,
            addr: OnceLock::new(),
            origins: OnceLock::new(),
        })
    }

    pub fn origins(&self) -> &Origins {
        self.origins.get_or_init(|| Origins::new(self.config.public_url.as_deref(), self.loopback_addr()))
    }

    /// This server's origin for absolute URLs (`authorize_uri`, the demo's URLs): `--public-url`,
    /// or the name of ours the browser used, else the bound address; never the request's text.
    pub fn origin(&self, headers: &HeaderMap) -> String {
        let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
        self.origins().for_host(host).to_owned()
    }

    /// Live mode: the demo uses a real Omise account, and the test controls are off.
    pub fn live(&self) -> bool {
        self.config.upstream.is_some()
    }

    /// Where the server can call itself (the demo backend's API calls).
    pub fn loopback_addr(&self) -> SocketAddr {
        let mut addr = self.addr.get().copied().unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], 0)));
        if addr.ip().is_unspecified() {
            addr.set_ip(std::net::Ipv4Addr::LOCALHOST.into());
        }
        addr
    }
}

async fn not_found() -> ApiError {
    ApiError::not_found("the requested resource")
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(StatusCode::METHOD_NOT_ALLOWED, "bad_request", "method not allowed for this resource")
}

pub fn router(state: AppState) -> Router {
    let api = Router::new()
        // Vault and API (Omise emulation).
        .route("/tokens", post(tokens::create))
        .route("/tokens/{id}", get(tokens::read))
        .route("/sources", post(sources::create))
        // Omise.js posts sources with a trailing slash.
        .route("/sources/", post(sources::create))
        .route("/sources/{id}", get(sources::read))
        .route("/charges", post(charges::create))
        .route("/charges/{id}", get(charges::read))
        .route("/authorize/{id}", get(authorize::page).post(authorize::decide))
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
        // Sandbox controls for tests.
        .route("/__sandbox/keys", post(admin::new_keys))
        .route(
            "/__sandbox/faults",
            get(admin::list_faults).post(admin::add_fault).delete(admin::clear_faults),
        )
        .route("/__sandbox/config", get(admin::read_config).post(admin::set_config))
        .route("/__sandbox/reset", post(admin::reset))
        .route("/__sandbox/charges/{id}", get(admin::read_charge))
        .route("/__sandbox/requests", get(admin::requests))
        .route("/__sandbox/echo", get(admin::echo))
        .route("/__sandbox/sandbox.css", get(static_files::sandbox_css))
        // Static files: the demo pages and the built package.
        .route("/", get(static_files::www_index))
        .route("/dist/{*path}", get(static_files::dist))
        .route("/__sandbox/{*rest}", get(not_found).post(not_found))
        .fallback(static_files::www)
        .method_not_allowed_fallback(method_not_allowed);
    api.layer(axum::middleware::from_fn_with_state(state.clone(), middleware::gate)).with_state(state)
}
