//! The one outbox: every recorded event is POSTed as JSON to each webhook URL
//! (`--webhook URL`, repeatable, or `OMISE_SANDBOX_WEBHOOKS`, comma-separated). Never in the
//! request's way: `events::record` only queues (a full queue drops the event for the webhooks
//! with one line on stderr; it stays readable at `/events`). Each delivery is retried with
//! back-off (`BACKOFF_MS`, then given up), at most `PARALLEL` at once, and its last result
//! shows in the event's `webhook_deliveries`.
//!
//! Only loopback URLs (`127.0.0.0/8`, `localhost`, `[::1]`) unless `--allow-remote-webhooks`:
//! events carry customer data (e-mails, names, last digits). A URL that is only a path
//! (`/demo/webhooks`) means this server itself, whatever port it got.

use crate::state::App;
use bytes::Bytes;
use serde_json::Value;
use std::sync::{Arc, Weak};
use std::time::Duration;
use tokio::sync::{mpsc, Semaphore};

/// Waits before the 2nd, 3rd, … attempt; after the last one the delivery is given up.
pub const BACKOFF_MS: [u64; 5] = [200, 500, 1_000, 2_000, 4_000];
const QUEUE: usize = 10_000;
const PARALLEL: usize = 32;
const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(10);

struct Job {
    account: usize,
    event_id: String,
    body: Bytes,
}

#[derive(Debug, Clone)]
pub struct Outbox {
    tx: mpsc::Sender<Job>,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Job({})", self.event_id)
    }
}

impl Outbox {
    pub fn send(&self, account: usize, event_id: &str, payload: &Value) {
        let body = Bytes::from(serde_json::to_vec(payload).unwrap_or_default());
        if self.tx.try_send(Job { account, event_id: event_id.to_owned(), body }).is_err() {
            eprintln!("omise-sandbox: webhook queue full: event {event_id} not delivered");
        }
    }
}

/// `http://127.0.0.1:9000/hooks` is fine; `https://example.com/` only with `allow_remote`.
pub fn check_url(url: &str, allow_remote: bool) -> Result<(), String> {
    if url.starts_with('/') {
        return Ok(());
    }
    let rest = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))
        .ok_or_else(|| format!("{url}: a webhook URL is http(s)://host[:port]/path or /path"))?;
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.is_empty() || authority.contains('@') {
        return Err(format!("{url}: no host (or credentials in it)"));
    }
    let host = match authority.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => authority.split(':').next().unwrap_or(""),
    };
    let loopback = host == "localhost" || host.parse::<std::net::IpAddr>().is_ok_and(|ip| ip.is_loopback());
    if loopback || allow_remote {
        Ok(())
    } else {
        Err(format!("{url}: only loopback webhook URLs unless --allow-remote-webhooks"))
    }
}

/// The outbox and its dispatcher, when webhooks are configured.
pub fn start(app: &Arc<App>) -> Option<Outbox> {
    let own = format!("http://{}", app.loopback_addr());
    let targets: Vec<String> = app
        .config
        .webhooks
        .iter()
        .filter(|u| check_url(u, app.config.allow_remote_webhooks).is_ok())
        .map(|u| if u.starts_with('/') { format!("{own}{u}") } else { u.clone() })
        .collect();
    if targets.is_empty() {
        return None;
    }
    let (tx, rx) = mpsc::channel(QUEUE);
    tokio::spawn(dispatch(Arc::downgrade(app), Arc::new(targets), rx));
    Some(Outbox { tx })
}

async fn dispatch(app: Weak<App>, targets: Arc<Vec<String>>, mut rx: mpsc::Receiver<Job>) {
    let slots = Arc::new(Semaphore::new(PARALLEL));
    while let Some(job) = rx.recv().await {
        let job = Arc::new(job);
        for url in targets.iter() {
            let Ok(permit) = slots.clone().acquire_owned().await else { return };
            tokio::spawn(deliver(app.clone(), job.clone(), url.clone(), permit));
        }
    }
}

async fn deliver(app: Weak<App>, job: Arc<Job>, url: String, _permit: tokio::sync::OwnedSemaphorePermit) {
    let mut attempt = 0usize;
    loop {
        let Some(a) = app.upgrade() else { return };
        let status =
            a.client.post_json(&url, job.body.clone(), ATTEMPT_TIMEOUT).await.map_or(0, |s| s.as_u16());
        attempt += 1;
        {
            let mut inner = a.store.lock();
            crate::events::delivered(&mut inner, job.account, &job.event_id, &url, status, attempt as u32);
            // Delivery results are informative: written with the next change, not waited for.
            let _ = inner.commit();
        }
        drop(a);
        if (200..300).contains(&status) || attempt > BACKOFF_MS.len() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(BACKOFF_MS[attempt - 1])).await;
    }
}

#[cfg(test)]
mod tests {
    use super::check_url;

    #[test]
    fn loopback_only_unless_allowed() {
        for ok in [
            "http://127.0.0.1:9/x",
            "http://localhost/h",
            "http://[::1]:8080/",
            "/demo/webhooks",
            "http://127.8.0.1/",
        ] {
            assert!(check_url(ok, false).is_ok(), "{ok}");
        }
        for bad in [
            "http://example.com/",
            "http://127.0.0.1.evil.test/",
            "http://10.0.0.1/",
            "ftp://127.0.0.1/",
            "http://u@127.0.0.1/",
        ] {
            assert!(check_url(bad, false).is_err(), "{bad}");
        }
        assert!(check_url("https://example.com/hooks", true).is_ok());
    }
}
