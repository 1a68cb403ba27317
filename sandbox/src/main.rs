//! `omise-sandbox` command line: flags, start-up banner, graceful shutdown.

use omise_sandbox::upstream::Upstream;
use omise_sandbox::{serve, Config};
use std::io::Write;
use std::process::ExitCode;

const USAGE: &str = "usage: omise-sandbox [--port 8787] [--bind 127.0.0.1] [--www www] [--dist dist]
       [--public-key pkey_test_…] [--secret-key skey_test_…] [--settle-delay-ms 0] [--quiet]

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
            _ => return Err(format!("unknown flag {flag}")),
        }
    }
    Ok(config)
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
    let config = match parse(std::env::args().skip(1)).and_then(|mut c| {
        c.upstream = Upstream::from_env(|name| std::env::var(name).ok())?;
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
    let (public_key, secret_key) = (config.public_key.clone(), config.secret_key.clone());
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
    let _ = writeln!(out, "demo: http://{addr}/");
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
        assert!(parse(["--public-key", "skey_x"].iter().map(|s| s.to_string())).is_err());
        assert!(parse(["--nope"].iter().map(|s| s.to_string())).is_err());
    }
}
