//! `omise-sandbox` command line: flags, start-up banner, graceful shutdown.

use omise_sandbox::origins::parse_public_url;
use omise_sandbox::upstream::Upstream;
use omise_sandbox::webhooks;
use omise_sandbox::{serve, Config};
use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

const USAGE: &str = "usage: omise-sandbox [--port 8787] [--bind 127.0.0.1] [--www www] [--dist dist]
       [--public-key pkey_test_…] [--secret-key skey_test_…] [--settle-delay-ms 0] [--quiet]
       [--public-url http://127.0.0.1:8787] [--header-timeout-ms 10000] [--idle-timeout-ms 30000]
       [--max-connections 4096] [--max-objects 10000] [--db PATH]
       [--webhook URL]... [--allow-remote-webhooks] [--token-authorization]

Webhooks: --webhook is repeatable (or OMISE_SANDBOX_WEBHOOKS=url1,url2); loopback URLs only
unless --allow-remote-webhooks; a bare /path is this server (npm start: /demo/webhooks).

Live mode (the demo uses a real Omise account; see sandbox/README.md):
  OMISE_PUBLIC_KEY=pkey_… OMISE_SECRET_KEY=skey_… [OMISE_API_URL=https://api.omise.co]
  [OMISE_VAULT_URL=https://vault.omise.co]";

fn parse(args: impl Iterator<Item = String>) -> Result<Config, String> {
    let mut config = Config::default();
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_owned(), Some(v.to_owned())),
            _ => (arg.clone(), None),
        };
        if flag == "--quiet" {
            config.quiet = true;
            continue;
        }
        if flag == "--allow-remote-webhooks" {
            config.allow_remote_webhooks = true;
            continue;
        }
        if flag == "--token-authorization" {
            config.token_authorization = true;
            continue;
        }
        if flag == "--help" || flag == "-h" {
            return Err(String::new());
        }
        let value = match inline.or_else(|| args.next()) {
            Some(v) => v,
            None => return Err(format!("{flag} needs a value")),
        };
        let bad = |what: &str| format!("{flag}: {what}: {value}");
        match flag.as_str() {
            "--port" => config.port = value.parse().map_err(|_| bad("not a port"))?,
            "--bind" => config.bind = value.parse().map_err(|_| bad("not an IP address"))?,
            "--www" => config.www = value.into(),
            "--dist" => config.dist = value.into(),
            "--public-key" if value.starts_with("pkey_") => config.public_key = value,
            "--secret-key" if value.starts_with("skey_") => config.secret_key = value,
            "--public-key" | "--secret-key" => return Err(bad("wrong kind of key")),
            "--settle-delay-ms" => config.settle_delay_ms = value.parse().map_err(|_| bad("not a number"))?,
            "--public-url" => config.public_url = Some(parse_public_url(&value).map_err(|e| bad(&e))?),
            "--header-timeout-ms" => {
                config.header_timeout = millis(&value).ok_or_else(|| bad("not 1 or more"))?
            }
            "--idle-timeout-ms" => {
                config.idle_timeout = millis(&value).ok_or_else(|| bad("not 1 or more"))?
            }
            "--max-connections" => {
                config.max_connections = count(&value).ok_or_else(|| bad("not 1 or more"))?
            }
            "--max-objects" => config.max_objects = count(&value).ok_or_else(|| bad("not 1 or more"))?,
            "--db" if !value.is_empty() => config.db = Some(value.into()),
            "--webhook" => config.webhooks.push(value),
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    for url in &config.webhooks {
        webhooks::check_url(url, config.allow_remote_webhooks)?;
    }
    Ok(config)
}

fn count(value: &str) -> Option<usize> {
    value.parse().ok().filter(|n| *n > 0)
}

fn millis(value: &str) -> Option<Duration> {
    count(value).map(|ms| Duration::from_millis(ms as u64))
}

/// The soft open-file limit (Linux): each connection is a descriptor, so the cap stays below it.
fn open_file_limit() -> Option<usize> {
    let limits = std::fs::read_to_string("/proc/self/limits").ok()?;
    let line = limits.lines().find(|l| l.starts_with("Max open files"))?;
    line.split_whitespace().nth(3)?.parse().ok()
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    // OMISE_SANDBOX_WEBHOOKS=url1,url2 adds to the --webhook flags (checked the same way).
    let from_env: Vec<String> = std::env::var("OMISE_SANDBOX_WEBHOOKS")
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .flat_map(|u| ["--webhook".to_owned(), u.to_owned()])
        .collect();
    let config = match parse(std::env::args().skip(1).chain(from_env)).and_then(|mut c| {
        c.upstream = Upstream::from_env(|name| std::env::var(name).ok())?;
        // OMISE_SANDBOX_TOKEN_AUTHORIZATION=1 is --token-authorization.
        if matches!(std::env::var("OMISE_SANDBOX_TOKEN_AUTHORIZATION").as_deref(), Ok("1" | "true")) {
            c.token_authorization = true;
        }
        Ok(c)
    }) {
        Ok(c) => c,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("omise-sandbox: {e}");
            }
            eprintln!("{USAGE}");
            return if e.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(2) };
        }
    };
    let mut config = config;
    // Room for the listener, files being served and the demo's API calls.
    if let Some(limit) = open_file_limit().filter(|l| config.max_connections + 64 > *l) {
        config.max_connections = limit.saturating_sub(64).max(1);
        eprintln!(
            "omise-sandbox: at most {} connections (the open-file limit is {limit}; raise `ulimit -n` for more)",
            config.max_connections
        );
    }
    let (public_key, secret_key) = (config.public_key.clone(), config.secret_key.clone());
    let public_url = config.public_url.clone();
    let upstream = config.upstream.clone();
    let (addr, handle) = match serve(config).await {
        Ok(started) => started,
        Err(e) => {
            eprintln!("omise-sandbox: cannot listen: {e}");
            return ExitCode::FAILURE;
        }
    };
    // Scripts wait for the first line and read the real port from it: keep its format.
    let mut out = std::io::stdout().lock();
    let _ = writeln!(out, "omise-sandbox listening on http://{addr}");
    let demo = public_url.unwrap_or_else(|| format!("http://{addr}"));
    let _ = writeln!(out, "demo: {demo}/");
    match &upstream {
        None => {
            let _ = writeln!(out, "public key: {public_key}");
            let _ = writeln!(out, "secret key: {secret_key}");
        }
        Some(up) => {
            let kind = if up.live_keys() { "LIVE keys" } else { "test keys" };
            let _ = writeln!(out, "live mode ({kind}): the demo's charges go to {}", up.api_url);
            let _ = writeln!(out, "  card data goes from the browser to {}", up.vault_url);
            let _ = writeln!(out, "  public key: {}", up.public_key);
            let _ = writeln!(out, "  secret key: {}", up.masked_secret_key());
            if up.live_keys() {
                let _ = writeln!(out, "  WARNING: live keys charge real cards with real money.");
            }
        }
    }
    let _ = out.flush();
    drop(out);
    shutdown_signal().await;
    handle.shutdown().await;
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn parses_flags() {
        let args = ["--port", "0", "--bind=0.0.0.0", "--settle-delay-ms", "250", "--quiet"];
        let c = parse(args.iter().map(|s| s.to_string())).unwrap();
        assert_eq!((c.port, c.settle_delay_ms, c.quiet), (0, 250, true));
        assert_eq!(c.bind.to_string(), "0.0.0.0");
        let args = [
            "--public-url=https://shop.test/",
            "--header-timeout-ms",
            "1500",
            "--idle-timeout-ms=2500",
            "--max-connections",
            "64",
            "--max-objects",
            "50",
        ];
        let c = parse(args.iter().map(|s| s.to_string())).unwrap();
        assert_eq!(c.public_url.as_deref(), Some("https://shop.test"));
        assert_eq!((c.header_timeout.as_millis(), c.idle_timeout.as_millis()), (1500, 2500));
        assert_eq!((c.max_connections, c.max_objects), (64, 50));
        let args = ["--db", "/tmp/x.redb", "--webhook", "/demo/webhooks", "--webhook=http://127.0.0.1:9/h"];
        let c = parse(args.iter().map(|s| s.to_string())).unwrap();
        assert_eq!(c.db.as_deref(), Some(std::path::Path::new("/tmp/x.redb")));
        assert_eq!(c.webhooks, ["/demo/webhooks", "http://127.0.0.1:9/h"]);
        let args = ["--allow-remote-webhooks", "--webhook", "https://example.com/hooks"];
        assert!(parse(args.iter().map(|s| s.to_string())).is_ok());
        for bad in [
            &["--public-key", "skey_x"][..],
            &["--nope"],
            &["--public-url", "https://shop.test/pay"],
            &["--header-timeout-ms", "0"],
            &["--max-objects", "-1"],
            &["--webhook", "http://example.com/hooks"],
        ] {
            assert!(parse(bad.iter().map(|s| s.to_string())).is_err(), "{bad:?}");
        }
    }
}
