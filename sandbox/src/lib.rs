//! omise-sandbox: a local, Omise-compatible test-mode server (vault, API, 3-D Secure and
//! bank authorization pages) plus the demo merchant backend, in one process.
//!
//! `serve` starts it in-process (the binary, the integration tests and the load example all
//! use it).

#![recursion_limit = "256"]

pub mod admin;
pub mod app;
pub mod auth;
pub mod authorize;
pub mod authorize_text;
pub mod body;
pub mod capability;
pub mod cards;
pub mod charge_actions;
pub mod charge_rules;
pub mod charges;
pub mod client;
pub mod clock;
pub mod conn;
pub mod customers;
pub mod demo;
pub mod demo_admin;
pub mod demo_member;
pub mod demo_webhooks;
pub mod errors;
pub mod events;
pub mod evict;
pub mod faults;
pub mod guard;
pub mod ids;
pub mod list;
pub mod loadgen;
pub mod methods;
pub mod middleware;
pub mod model;
pub mod origins;
pub mod payer;
pub mod persist;
pub mod promptpay;
pub mod provider;
pub mod refunds;
pub mod request_body;
pub mod schedule_rules;
pub mod schedules;
pub mod search;
pub mod server;
pub mod sources;
pub mod state;
pub mod static_files;
pub mod store;
pub mod ticker;
pub mod tokens;
pub mod upstream;
pub mod validate;
pub mod webhooks;

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinHandle;

pub const DEFAULT_PUBLIC_KEY: &str = "pkey_test_sandbox0000000000";
pub const DEFAULT_SECRET_KEY: &str = "skey_test_sandbox0000000000";

#[derive(Debug, Clone)]
pub struct Config {
    pub bind: IpAddr,
    /// 0 picks a free port.
    pub port: u16,
    pub www: PathBuf,
    pub dist: PathBuf,
    pub public_key: String,
    pub secret_key: String,
    /// How long a charge stays `pending` after the authorization page's redirect.
    pub settle_delay_ms: u64,
    /// No access log.
    pub quiet: bool,
    /// Live mode: the demo uses this Omise account instead of the sandbox (upstream.rs).
    pub upstream: Option<upstream::Upstream>,
    /// `scheme://host[:port]` for every absolute URL (origins.rs); `None`: the listen address.
    pub public_url: Option<String>,
    /// A request's line and headers must arrive within this (also the longest a keep-alive
    /// connection may wait for its next request).
    pub header_timeout: Duration,
    /// A connection on which nothing moves while the server waits for the client is closed after
    /// this; a request body must arrive within it too (conn.rs, request_body.rs).
    pub idle_timeout: Duration,
    /// Connections served at once; more are closed at once, with a log line (server.rs).
    pub max_connections: usize,
    /// Objects kept per kind (tokens, sources, charges, refunds, customers, schedules,
    /// occurrences, events, orders, accounts); the oldest go first.
    pub max_objects: usize,
    /// `--db PATH`: every object also in this embedded database file (persist.rs).
    pub db: Option<PathBuf>,
    /// `--webhook URL` (repeatable): where events are POSTed (webhooks.rs); a bare `/path` is
    /// this server.
    pub webhooks: Vec<String>,
    /// `--allow-remote-webhooks`: webhook URLs beyond loopback.
    pub allow_remote_webhooks: bool,
    /// `--token-authorization`: creating a token runs the issuer's small authorization, as in
    /// live Japan (seed 001), so declining test cards fail at `POST /tokens` (tokens.rs).
    pub token_authorization: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 8787,
            www: PathBuf::from("www"),
            dist: PathBuf::from("dist"),
            public_key: DEFAULT_PUBLIC_KEY.into(),
            secret_key: DEFAULT_SECRET_KEY.into(),
            settle_delay_ms: 0,
            quiet: false,
            upstream: None,
            public_url: None,
            header_timeout: Duration::from_secs(10),
            idle_timeout: Duration::from_secs(30),
            max_connections: 4_096,
            max_objects: evict::DEFAULT_MAX_OBJECTS,
            db: None,
            webhooks: Vec::new(),
            allow_remote_webhooks: false,
            token_authorization: false,
        }
    }
}

/// A running server.
pub struct Handle {
    stop: watch::Sender<bool>,
    task: JoinHandle<()>,
}

impl Handle {
    /// Stops accepting, lets in-flight requests finish (up to a few seconds), and returns.
    pub async fn shutdown(self) {
        let _ = self.stop.send(true);
        let _ = self.task.await;
    }
}

/// Binds and starts serving on the current tokio runtime.
pub async fn serve(config: Config) -> std::io::Result<(SocketAddr, Handle)> {
    let listener = TcpListener::bind(SocketAddr::new(config.bind, config.port)).await?;
    let addr = listener.local_addr()?;
    let limits = server::Limits::from(&config);
    let app = state::App::new(config)?;
    let _ = app.addr.set(addr);
    let _ = app.origins.set(origins::Origins::new(app.config.public_url.as_deref(), app.loopback_addr()));
    app.start_outbox();
    let (stop, stopped) = watch::channel(false);
    ticker::spawn(&app, stopped.clone());
    let router = app::router(app);
    let task = tokio::spawn(server::run(listener, router, limits, stopped));
    Ok((addr, Handle { stop, task }))
}
