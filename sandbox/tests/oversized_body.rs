//! An oversized body is answered with a readable 413 error object, not a reset: the server
//! reads and discards what it refused (up to a bound) before answering and closing.

mod common;

use common::{start, SK};
use omise_sandbox::auth::basic_header;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpSocket;

const SIZE: usize = 3 * 1024 * 1024;

/// A 3 MB form body, as a client that sends everything before reading the answer does.
fn request(auth: Option<&str>, chunked: bool) -> Vec<u8> {
    let body = format!("amount=100&description={}", "x".repeat(SIZE));
    let mut head = String::from("POST /charges HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    head.push_str("Content-Type: application/x-www-form-urlencoded\r\n");
    if let Some(key) = auth {
        head.push_str(&format!("Authorization: {}\r\n", basic_header(key)));
    }
    let mut out = Vec::new();
    if chunked {
        head.push_str("Transfer-Encoding: chunked\r\n\r\n");
        out.extend_from_slice(head.as_bytes());
        for chunk in body.as_bytes().chunks(64 * 1024) {
            out.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
            out.extend_from_slice(chunk);
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(b"0\r\n\r\n");
    } else {
        head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
        out.extend_from_slice(head.as_bytes());
        out.extend_from_slice(body.as_bytes());
    }
    out
}

/// Writes the whole request, then reads the whole answer: `Err` if either fails. The send
/// buffer is small, as on a slower link than loopback: the client is still writing when the
/// server answers, which is when a server that closes early resets the connection.
async fn send(addr: std::net::SocketAddr, request: &[u8]) -> Result<String, String> {
    let socket = TcpSocket::new_v4().map_err(|e| e.to_string())?;
    socket.set_send_buffer_size(64 * 1024).map_err(|e| e.to_string())?;
    let mut s = socket.connect(addr).await.map_err(|e| e.to_string())?;
    s.set_nodelay(true).map_err(|e| e.to_string())?;
    s.write_all(request).await.map_err(|e| format!("writing: {e}"))?;
    let mut answer = Vec::new();
    // The answer ends when the server closes or when the JSON object is complete.
    let read = async {
        let mut buf = [0u8; 4096];
        loop {
            let n = s.read(&mut buf).await.map_err(|e| format!("reading: {e}"))?;
            answer.extend_from_slice(&buf[..n]);
            if n == 0 || answer.ends_with(b"}") {
                return Ok::<_, String>(());
            }
        }
    };
    tokio::time::timeout(Duration::from_secs(10), read)
        .await
        .map_err(|_| "no answer in 10 s".to_owned())??;
    Ok(String::from_utf8_lossy(&answer).into_owned())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_form_gets_a_readable_413() {
    let sb = start().await;
    for (label, auth, chunked) in [
        ("declared length", Some(SK), false),
        ("chunked", Some(SK), true),
        ("no key: 401, same rule", None, false),
    ] {
        let req = request(auth, chunked);
        for attempt in 0..5 {
            let answer = send(sb.addr, &req).await.unwrap_or_else(|e| panic!("{label} #{attempt}: {e}"));
            let (head, body) = answer.split_once("\r\n\r\n").unwrap_or_else(|| panic!("{label}: {answer}"));
            let (status, code) =
                if auth.is_some() { ("413", "bad_request") } else { ("401", "authentication_failure") };
            assert!(head.starts_with(&format!("HTTP/1.1 {status} ")), "{label} #{attempt}: {head}");
            let v: serde_json::Value =
                serde_json::from_str(body).unwrap_or_else(|e| panic!("{label}: {e}: {body}"));
            assert_eq!((v["object"].as_str(), v["code"].as_str()), (Some("error"), Some(code)), "{label}");
        }
    }
    // The server is still fine.
    assert_eq!(sb.get("/demo/config", None).await.status, 200);
}
