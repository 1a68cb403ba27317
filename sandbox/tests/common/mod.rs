//! Shared test harness: an in-process sandbox on 127.0.0.1:0 and a small HTTP client.
#![allow(dead_code)]

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::{HeaderMap, Method, Request, StatusCode};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use omise_sandbox::auth::basic_header;
use omise_sandbox::{serve, Config, Handle};
use serde_json::Value;
use std::net::SocketAddr;
use std::path::PathBuf;

pub const PK: &str = "pkey_test_sandbox0000000000";
pub const SK: &str = "skey_test_sandbox0000000000";

pub struct Sandbox {
    pub addr: SocketAddr,
    pub base: String,
    pub handle: Option<Handle>,
    pub root: PathBuf,
    client: Client<HttpConnector, Full<Bytes>>,
}

#[derive(Debug)]
pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Resp {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("")
    }

    /// Asserts an Omise error object with this status and code.
    pub fn assert_error(&self, status: u16, code: &str) -> Value {
        assert_eq!(self.status.as_u16(), status, "{}", self.body);
        let v = self.json();
        assert_eq!(v["object"], "error", "{}", self.body);
        assert_eq!(v["code"], code, "{}", self.body);
        assert_eq!(v["location"], format!("https://www.omise.co/api-errors#{}", code.replace('_', "-")));
        assert!(v["message"].as_str().is_some_and(|m| !m.is_empty()));
        v
    }
}

/// A temporary www/ and dist/ with one file of each served type.
fn fixture_dirs() -> PathBuf {
    let root = std::env::temp_dir().join(format!("omise-sandbox-test-{}", fastrand::u64(..)));
    let www = root.join("www");
    let dist = root.join("dist");
    std::fs::create_dir_all(www.join("sub")).unwrap();
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(www.join("index.html"), "<!doctype html><title>demo</title>").unwrap();
    std::fs::write(www.join("sub/index.html"), "<!doctype html><title>sub</title>").unwrap();
    std::fs::write(www.join("app.js"), "export const a = 1;").unwrap();
    std::fs::write(www.join("mod.mjs"), "export {};").unwrap();
    std::fs::write(www.join("style.css"), "body{}").unwrap();
    std::fs::write(www.join("data.json"), "{}").unwrap();
    std::fs::write(www.join("logo.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>").unwrap();
    std::fs::write(www.join("logo.png"), [0x89, b'P', b'N', b'G']).unwrap();
    std::fs::write(www.join("favicon.ico"), [0, 0, 1, 0]).unwrap();
    std::fs::write(dist.join("omise_checkout.js"), "export default 1;").unwrap();
    std::fs::write(dist.join("omise_checkout_bg.wasm"), [0, b'a', b's', b'm', 1, 0, 0, 0]).unwrap();
    std::fs::write(root.join("secret.txt"), "outside the web root").unwrap();
    root
}

pub async fn start() -> Sandbox {
    start_with(|_| {}).await
}

pub async fn start_with(tweak: impl FnOnce(&mut Config)) -> Sandbox {
    let root = fixture_dirs();
    let mut config =
        Config { port: 0, quiet: true, www: root.join("www"), dist: root.join("dist"), ..Config::default() };
    tweak(&mut config);
    let (addr, handle) = serve(config).await.expect("sandbox starts");
    Sandbox {
        addr,
        base: format!("http://{addr}"),
        handle: Some(handle),
        root,
        client: Client::builder(TokioExecutor::new()).build_http(),
    }
}

/// A client for a sandbox running elsewhere (a spawned binary).
pub fn connect(addr: SocketAddr) -> Sandbox {
    Sandbox {
        addr,
        base: format!("http://{addr}"),
        handle: None,
        root: std::env::temp_dir().join(format!("omise-sandbox-none-{}", fastrand::u64(..))),
        client: Client::builder(TokioExecutor::new()).build_http(),
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

pub fn card_form(number: &str) -> String {
    format!(
        "card%5Bname%5D=Somchai+Prasert&card%5Bnumber%5D={number}&card%5Bexpiration_month%5D=12\
         &card%5Bexpiration_year%5D=2031&card%5Bsecurity_code%5D={}",
        if number.starts_with("34") || number.starts_with("37") { "1234" } else { "123" }
    )
}

impl Sandbox {
    /// One request. `auth` is a key (sent as Basic `key:`); `body` is (content type, text).
    pub async fn try_send(
        &self,
        method: &str,
        path: &str,
        auth: Option<&str>,
        body: Option<(&str, &str)>,
        headers: &[(&str, &str)],
    ) -> Result<Resp, String> {
        let mut b = Request::builder()
            .method(Method::from_bytes(method.as_bytes()).unwrap())
            .uri(format!("{}{path}", self.base));
        if let Some(key) = auth {
            b = b.header("authorization", basic_header(key));
        }
        if let Some((ct, _)) = body {
            b = b.header("content-type", ct);
        }
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        let payload = body.map(|(_, text)| text.to_owned()).unwrap_or_default();
        let req = b.body(Full::new(Bytes::from(payload))).unwrap();
        let resp = self.client.request(req).await.map_err(|e| format!("{e:?}"))?;
        let status = resp.status();
        let headers = resp.headers().clone();
        let bytes = resp.into_body().collect().await.map_err(|e| format!("{e:?}"))?.to_bytes();
        Ok(Resp { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() })
    }

    pub async fn send(
        &self,
        method: &str,
        path: &str,
        auth: Option<&str>,
        body: Option<(&str, &str)>,
        headers: &[(&str, &str)],
    ) -> Resp {
        self.try_send(method, path, auth, body, headers).await.expect("an HTTP answer")
    }

    pub async fn get(&self, path: &str, auth: Option<&str>) -> Resp {
        self.send("GET", path, auth, None, &[]).await
    }

    pub async fn post_form(&self, path: &str, auth: Option<&str>, form: &str) -> Resp {
        self.send("POST", path, auth, Some(("application/x-www-form-urlencoded", form)), &[]).await
    }

    pub async fn post_json(&self, path: &str, auth: Option<&str>, json: &Value) -> Resp {
        self.send("POST", path, auth, Some(("application/json", &json.to_string())), &[]).await
    }

    /// A token for a card number, with the default public key.
    pub async fn token_with(&self, pk: &str, number: &str) -> Value {
        let r = self.post_form("/tokens", Some(pk), &card_form(number)).await;
        assert_eq!(r.status, 200, "{number}: {}", r.body);
        r.json()
    }

    pub async fn token(&self, number: &str) -> Value {
        self.token_with(PK, number).await
    }

    /// Charges a fresh token of `number` for THB 100.00 with a return URI.
    pub async fn charge_card_with(&self, pk: &str, sk: &str, number: &str, extra: &str) -> Value {
        let token = self.token_with(pk, number).await;
        let form = format!(
            "card={}&amount=10000&currency=thb&return_uri=http%3A%2F%2Fshop.test%2Fdone%3Forder%3D7{extra}",
            token["id"].as_str().unwrap()
        );
        let r = self.post_form("/charges", Some(sk), &form).await;
        assert_eq!(r.status, 200, "{number}: {}", r.body);
        r.json()
    }

    pub async fn charge_card(&self, number: &str) -> Value {
        self.charge_card_with(PK, SK, number, "").await
    }

    /// The path part of an absolute URL on this server.
    pub fn path_of(&self, url: &str) -> String {
        url.strip_prefix(&self.base).unwrap_or_else(|| panic!("{url} is not on {}", self.base)).to_owned()
    }

    /// Fresh account keys from `/__sandbox/keys`.
    pub async fn new_keys(&self) -> (String, String) {
        let v = self.send("POST", "/__sandbox/keys", None, None, &[]).await.json();
        (v["publicKey"].as_str().unwrap().to_owned(), v["secretKey"].as_str().unwrap().to_owned())
    }
}
