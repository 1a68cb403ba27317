//! The accept loop. Hand-written (instead of `axum::serve`) because each connection needs
//! things axum does not give: a kill switch its requests can reach (the `drop` fault closes a
//! connection without answering), a header timeout, an idle timeout (conn.rs), a body deadline
//! and lingering close (request_body.rs), and a cap on connections served at once, so slow
//! or idle clients cannot use up the file descriptors.

use crate::conn::{Activity, Watched};
use crate::faults::ConnKill;
use crate::request_body::RequestBody;
use crate::Config;
use axum::body::Body;
use axum::http::header;
use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::Request;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Notify, OwnedSemaphorePermit, Semaphore};
use tower_service::Service;

/// In-flight requests get this long to finish on shutdown.
const DRAIN: Duration = Duration::from_secs(5);

/// The connection guards (see `Config`).
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub header_timeout: Duration,
    pub idle_timeout: Duration,
    pub max_connections: usize,
}

impl From<&Config> for Limits {
    fn from(c: &Config) -> Self {
        Limits {
            header_timeout: c.header_timeout,
            idle_timeout: c.idle_timeout,
            max_connections: c.max_connections.max(1),
        }
    }
}

/// Serves one connection until it ends, is killed by a fault, or idles out.
fn spawn_connection(
    stream: TcpStream,
    router: Router,
    limits: Limits,
    graceful: &GracefulShutdown,
    permit: OwnedSemaphorePermit,
) {
    let _ = stream.set_nodelay(true);
    let kill = Arc::new(Notify::new());
    let conn_kill = ConnKill(kill.clone());
    let activity = Activity::new();
    let busy_source = activity.clone();
    let service = hyper::service::service_fn(move |req: Request<Incoming>| {
        let busy = busy_source.busy();
        let (mut parts, incoming) = req.into_parts();
        parts.extensions.insert(conn_kill.clone());
        let expect_continue = parts.headers.contains_key(header::EXPECT);
        let (body, leftover) = RequestBody::new(incoming, limits.idle_timeout);
        let mut router = router.clone();
        async move {
            let resp = router.call(Request::from_parts(parts, Body::new(body))).await;
            leftover.drain(expect_continue).await;
            drop(busy);
            resp
        }
    });
    let conn = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .serve_connection(TokioIo::new(Watched::new(stream, activity.clone())), service);
    let conn = graceful.watch(conn);
    tokio::spawn(async move {
        // Dropping the connection future closes the socket: no answer at all.
        tokio::select! {
            _ = conn => {}
            _ = kill.notified() => {}
            _ = activity.idle_for(limits.idle_timeout) => {}
        }
        drop(permit);
    });
}

pub async fn run(listener: TcpListener, router: Router, limits: Limits, mut stop: watch::Receiver<bool>) {
    let graceful = GracefulShutdown::new();
    let slots = Arc::new(Semaphore::new(limits.max_connections));
    // Connections closed unanswered since the cap was reached (0: below the cap).
    let mut refused = 0u64;
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let stream = match accepted {
                    Ok((stream, _)) => stream,
                    Err(_) => {
                        // Out of file descriptors and the like: back off instead of spinning.
                        tokio::time::sleep(Duration::from_millis(20)).await;
                        continue;
                    }
                };
                let Ok(permit) = slots.clone().try_acquire_owned() else {
                    // Closed at once: holding it would only move the exhaustion elsewhere.
                    if refused == 0 {
                        eprintln!(
                            "omise-sandbox: {} connections open (--max-connections): closing new ones until some end",
                            limits.max_connections
                        );
                    }
                    refused += 1;
                    drop(stream);
                    continue;
                };
                if refused > 0 {
                    eprintln!("omise-sandbox: accepting connections again ({refused} closed at the limit)");
                    refused = 0;
                }
                spawn_connection(stream, router.clone(), limits, &graceful, permit);
            }
            _ = stop.changed() => break,
        }
    }
    drop(listener);
    let _ = tokio::time::timeout(DRAIN, graceful.shutdown()).await;
}
