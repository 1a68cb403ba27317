//! Slow and idle clients cannot hold the server: a header timeout, an idle timeout, a body
//! deadline and a cap on connections. Every test is bounded (connections, seconds) and uses
//! short timeouts set through `Config` (the `--header-timeout-ms`, `--idle-timeout-ms` and
//! `--max-connections` flags).

mod common;

use common::{card_form, start_with, Sandbox, PK};
use omise_sandbox::auth::basic_header;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const SLOW_CLIENTS: usize = 1_000;

/// Reads until the server closes; `None` if it is still open after `limit`.
async fn read_until_closed(s: &mut TcpStream, limit: Duration) -> Option<Vec<u8>> {
    read_until_closed_by(s, Instant::now() + limit).await
}

async fn read_until_closed_by(s: &mut TcpStream, deadline: Instant) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let read = async {
        let mut buf = vec![0u8; 64 * 1024];
        loop {
            match s.read(&mut buf).await {
                Ok(0) | Err(_) => return,
                Ok(n) => out.extend_from_slice(&buf[..n]),
            }
        }
    };
    tokio::time::timeout_at(deadline.into(), read).await.ok().map(|_| out)
}

async fn legit_token(sb: &Sandbox) -> Duration {
    let started = Instant::now();
    let r = sb.post_form("/tokens", Some(PK), &card_form("4242424242424242")).await;
    assert_eq!(r.status, 200, "{}", r.body);
    started.elapsed()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slowloris_does_not_starve_a_legit_request() {
    let header_timeout = Duration::from_secs(2);
    let sb = start_with(|c| {
        c.header_timeout = header_timeout;
        c.max_connections = 2 * SLOW_CLIENTS;
    })
    .await;
    let mut slow = Vec::with_capacity(SLOW_CLIENTS);
    for _ in 0..SLOW_CLIENTS {
        let mut s = TcpStream::connect(sb.addr).await.expect("connect");
        s.write_all(b"POST /tokens HTTP/1.1\r\nHost: 127.0.0.1\r\n").await.unwrap();
        slow.push(s);
    }
    let opened = Instant::now();
    // The slow clients keep sending one header line at a time while legit requests come in.
    let trickle = async {
        for _ in 0..4 {
            tokio::time::sleep(Duration::from_millis(300)).await;
            for s in slow.iter_mut() {
                let _ = s.write_all(b"X-Slow: 1\r\n").await;
            }
        }
    };
    let legit = async {
        let mut times = Vec::new();
        for _ in 0..5 {
            times.push(legit_token(&sb).await);
            tokio::time::sleep(Duration::from_millis(150)).await;
        }
        times
    };
    let ((), times) = tokio::join!(trickle, legit);
    assert!(opened.elapsed() < header_timeout, "the legit requests ran while all slow clients were held");
    for t in &times {
        assert!(*t < Duration::from_secs(1), "a legit request took {t:?} beside {SLOW_CLIENTS} slow clients");
    }
    // Every slow client is cut off at the header timeout, without ever getting its request in.
    let mut closed = 0;
    let deadline = opened + header_timeout + Duration::from_secs(3);
    for s in slow.iter_mut() {
        let answer = read_until_closed_by(s, deadline).await;
        if answer.is_some_and(|a| !a.starts_with(b"HTTP/1.1 200")) {
            closed += 1;
        }
    }
    assert_eq!(closed, SLOW_CLIENTS);
    eprintln!("legit requests beside {SLOW_CLIENTS} slow clients: {times:?}");
    legit_token(&sb).await;
}

#[tokio::test]
async fn connection_cap_closes_extra_connections_and_recovers() {
    let sb = start_with(|c| c.max_connections = 20).await;
    let mut idle = Vec::new();
    for _ in 0..20 {
        idle.push(TcpStream::connect(sb.addr).await.unwrap());
    }
    tokio::time::sleep(Duration::from_millis(200)).await;
    // The 21st is closed at once, unanswered.
    let mut extra = TcpStream::connect(sb.addr).await.unwrap();
    let _ = extra.write_all(b"GET /demo/config HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").await;
    let answer = read_until_closed(&mut extra, Duration::from_secs(3)).await.expect("closed");
    assert!(answer.is_empty(), "{}", String::from_utf8_lossy(&answer));
    // As soon as some end, new connections are served again.
    idle.truncate(10);
    let started = Instant::now();
    loop {
        let ok = sb.try_send("GET", "/demo/config", None, None, &[]).await.is_ok_and(|r| r.status == 200);
        if ok {
            break;
        }
        assert!(started.elapsed() < Duration::from_secs(3), "not served again after connections ended");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn idle_keep_alive_connections_are_closed_at_the_header_timeout() {
    let sb = start_with(|c| c.header_timeout = Duration::from_millis(500)).await;
    let mut s = TcpStream::connect(sb.addr).await.unwrap();
    s.write_all(b"GET /demo/config HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").await.unwrap();
    let started = Instant::now();
    let answer = read_until_closed(&mut s, Duration::from_secs(3)).await.expect("closed after the timeout");
    assert!(answer.starts_with(b"HTTP/1.1 200"), "{}", String::from_utf8_lossy(&answer));
    assert!(started.elapsed() >= Duration::from_millis(400), "kept alive for a while first");
    // A silent connection is closed the same way.
    let mut silent = TcpStream::connect(sb.addr).await.unwrap();
    assert!(read_until_closed(&mut silent, Duration::from_secs(3)).await.is_some());
}

#[tokio::test]
async fn a_stalled_body_is_given_up_at_the_idle_timeout() {
    let sb = start_with(|c| c.idle_timeout = Duration::from_millis(500)).await;
    let mut s = TcpStream::connect(sb.addr).await.unwrap();
    let head = format!(
        "POST /tokens HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: {}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\ncard%5Bname",
        basic_header(PK)
    );
    s.write_all(head.as_bytes()).await.unwrap();
    let answer = read_until_closed(&mut s, Duration::from_secs(3)).await.expect("answered and closed");
    let text = String::from_utf8_lossy(&answer);
    assert!(text.starts_with("HTTP/1.1 400"), "{text}");
    assert!(text.contains("request body could not be read"), "{text}");
}

#[tokio::test]
async fn a_client_that_stops_reading_is_closed_at_the_idle_timeout() {
    let sb = start_with(|c| c.idle_timeout = Duration::from_millis(500)).await;
    // Far more than the socket buffers hold, so the server's writes stall.
    let size = 48 * 1024 * 1024;
    std::fs::write(sb.root.join("www/big.bin"), vec![b'x'; size]).unwrap();
    let mut s = TcpStream::connect(sb.addr).await.unwrap();
    s.write_all(b"GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").await.unwrap();
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let got = read_until_closed(&mut s, Duration::from_secs(10)).await.expect("closed");
    assert!(got.starts_with(b"HTTP/1.1 200"));
    assert!(got.len() < size, "the server gave up on the stalled answer ({} bytes read)", got.len());
    eprintln!("stalled answer: {} of {size} bytes delivered", got.len());
}
