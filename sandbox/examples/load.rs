//! Token throughput on loopback: `cargo run --release -p omise-sandbox --example load [N] [C]
//! [ADDR]`. Starts the sandbox in-process (or uses the one running at ADDR, to read the server's
//! RSS apart from this client's), fires N (default 20,000) `POST /tokens` from C (default 50)
//! keep-alive connections, and prints requests/s, p50/p99 latency and the process RSS.
//! `LOAD_DB=path` runs the in-process sandbox with `--db path` (every token written to disk
//! before its answer).

use omise_sandbox::{loadgen, serve, Config, DEFAULT_PUBLIC_KEY};

fn rss_kib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

#[tokio::main]
async fn main() {
    let total: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(20_000);
    let clients: usize = std::env::args().nth(2).and_then(|a| a.parse().ok()).unwrap_or(50);
    let external: Option<std::net::SocketAddr> = std::env::args().nth(3).and_then(|a| a.parse().ok());
    let (addr, handle) = match external {
        Some(addr) => (addr, None),
        None => {
            let db = std::env::var_os("LOAD_DB").map(std::path::PathBuf::from);
            let config = Config { port: 0, quiet: true, db, ..Config::default() };
            let (addr, handle) = serve(config).await.expect("sandbox starts");
            (addr, Some(handle))
        }
    };
    let before = rss_kib();
    // A short warm-up so connection set-up and allocator growth are not in the figures.
    let _ = loadgen::tokens(addr, DEFAULT_PUBLIC_KEY, 500, clients).await;
    let report = loadgen::tokens(addr, DEFAULT_PUBLIC_KEY, total, clients).await;
    let after = rss_kib();
    println!("requests:    {} ok, {} failed, {clients} connections", report.ids.len(), report.failed);
    println!("elapsed:     {:.2} s", report.elapsed.as_secs_f64());
    println!("throughput:  {:.0} requests/s", report.per_second());
    println!("latency:     p50 {:.2} ms, p99 {:.2} ms", ms(report.quantile(0.5)), ms(report.quantile(0.99)));
    let kept = (total + 500).min(omise_sandbox::evict::DEFAULT_MAX_OBJECTS);
    println!(
        "rss:         {before} KiB before, {after} KiB after ({} tokens made, {kept} kept)",
        total + 500
    );
    if let Some(handle) = handle {
        handle.shutdown().await;
    }
}

fn ms(d: std::time::Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
