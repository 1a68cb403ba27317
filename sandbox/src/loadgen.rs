//! A small keep-alive load generator for `POST /tokens`, shared by the load test and the
//! `load` example so both measure the same thing: N clients, one HTTP/1.1 connection each.

use crate::auth::basic_header;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::client::conn::http1;
use hyper::Request;
use hyper_util::rt::TokioIo;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::net::TcpStream;

const CARD: &str = "card%5Bname%5D=Load+Test&card%5Bnumber%5D=4242424242424242&card%5Bexpiration_month%5D=12\
&card%5Bexpiration_year%5D=2031&card%5Bsecurity_code%5D=123";

#[derive(Debug, Default)]
pub struct LoadReport {
    /// Token ids of the 200 answers, in completion order.
    pub ids: Vec<String>,
    /// Requests that got no answer or a non-200 one.
    pub failed: usize,
    pub latencies: Vec<Duration>,
    pub elapsed: Duration,
}

impl LoadReport {
    /// The `q`-quantile latency (0.5 = median).
    pub fn quantile(&self, q: f64) -> Duration {
        let mut sorted = self.latencies.clone();
        sorted.sort_unstable();
        sorted.get(((sorted.len() as f64 - 1.0) * q).round() as usize).copied().unwrap_or_default()
    }

    pub fn per_second(&self) -> f64 {
        self.ids.len() as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

async fn client(addr: SocketAddr, key: String, next: Arc<AtomicUsize>, total: usize) -> LoadReport {
    let mut report = LoadReport::default();
    let Ok(stream) = TcpStream::connect(addr).await else {
        return report;
    };
    let _ = stream.set_nodelay(true);
    let Ok((mut sender, conn)) = http1::handshake::<_, Full<Bytes>>(TokioIo::new(stream)).await else {
        return report;
    };
    tokio::spawn(conn);
    let auth = basic_header(&key);
    while next.fetch_add(1, Ordering::Relaxed) < total {
        let start = Instant::now();
        let request = Request::post("/tokens")
            .header("host", addr.to_string())
            .header("authorization", &auth)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Full::new(Bytes::from_static(CARD.as_bytes())));
        let answer = async {
            sender.ready().await.ok()?;
            let resp = sender.send_request(request.ok()?).await.ok()?;
            let ok = resp.status() == 200;
            let body = resp.into_body().collect().await.ok()?.to_bytes();
            let v: serde_json::Value = serde_json::from_slice(&body).ok()?;
            ok.then(|| v.get("id")?.as_str().map(str::to_owned))?
        };
        match answer.await {
            Some(id) => {
                report.latencies.push(start.elapsed());
                report.ids.push(id);
            }
            None => report.failed += 1,
        }
    }
    report
}

/// Sends `total` token requests over `clients` concurrent keep-alive connections.
pub async fn tokens(addr: SocketAddr, public_key: &str, total: usize, clients: usize) -> LoadReport {
    let next = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let tasks: Vec<_> = (0..clients)
        .map(|_| tokio::spawn(client(addr, public_key.to_owned(), next.clone(), total)))
        .collect();
    let mut report = LoadReport::default();
    for task in tasks {
        if let Ok(part) = task.await {
            report.ids.extend(part.ids);
            report.latencies.extend(part.latencies);
            report.failed += part.failed;
        }
    }
    report.elapsed = start.elapsed();
    // Requests no client got to send (a client failed to connect) count as failed too.
    report.failed += total.saturating_sub(report.ids.len() + report.failed);
    report
}
