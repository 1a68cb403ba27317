//! The state every handler shares (`AppState`): configuration, the one store, the sandbox
//! clock and the HTTP client. Handlers import this, never the router.

use crate::client::ApiClient;
use crate::clock::Clock;
use crate::errors::ApiError;
use crate::origins::Origins;
use crate::store::{Inner, Store};
use crate::{middleware, persist, webhooks, Config};
use axum::http::{header, HeaderMap, HeaderValue};
use std::net::SocketAddr;
use std::sync::{Arc, OnceLock};

pub struct App {
    pub config: Config,
    pub store: Store,
    /// Sandbox time: real time plus what `POST /__sandbox/clock` added.
    pub clock: Clock,
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
    /// The state, with every object read back from `--db` when given.
    pub fn new(config: Config) -> std::io::Result<AppState> {
        let store =
            Store::new(&config.public_key, &config.secret_key, config.settle_delay_ms, config.max_objects);
        let clock = Clock::default();
        if let Some(path) = &config.db {
            let mut inner = store.lock();
            persist::open(path, &mut inner)?;
            clock.set_offset(inner.clock_offset_ms);
        }
        // Upstream origins are validated URLs; the fallback cannot be reached in practice.
        let csp = HeaderValue::from_str(&middleware::csp_for(&config))
            .unwrap_or_else(|_| HeaderValue::from_static(middleware::CSP));
        Ok(Arc::new(App {
            config,
            store,
            clock,
            client: ApiClient::new(),
            csp,
            addr: OnceLock::new(),
            origins: OnceLock::new(),
        }))
    }

    /// Starts the webhook outbox once the address is known (a `/path` target is this server).
    pub fn start_outbox(self: &Arc<Self>) {
        if let Some(outbox) = webhooks::start(self) {
            self.store.lock().outbox = Some(outbox);
        }
    }

    pub fn now_ms(&self) -> i64 {
        self.clock.now_ms()
    }

    /// Runs a change under the lock with the sandbox time, then waits until `--db` has it on
    /// disk (at once without `--db`) before the caller answers.
    pub async fn write<T>(
        &self,
        change: impl FnOnce(&mut Inner, i64) -> Result<T, ApiError>,
    ) -> Result<T, ApiError> {
        let (out, commit) = {
            let mut inner = self.store.lock();
            let out = change(&mut inner, self.clock.now_ms());
            (out, inner.commit())
        };
        commit.wait().await?;
        out
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
