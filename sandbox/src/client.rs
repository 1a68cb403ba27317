//! The demo backend's HTTP client, exactly as a merchant server calls Omise: over loopback to
//! this sandbox (plain HTTP/1.1), or over HTTPS to the real API in live mode (rustls with ring
//! and Mozilla's roots compiled in, so it needs nothing from the machine).

use crate::auth::basic_header;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::{header, Method, Request, StatusCode};
use hyper_rustls::{HttpsConnector, HttpsConnectorBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use std::time::Duration;

/// Longer than the longest injected `timeout` fault a test would use (30 s by default).
const CALL_TIMEOUT: Duration = Duration::from_secs(60);

pub struct ApiClient {
    client: Client<HttpsConnector<HttpConnector>, Full<Bytes>>,
}

impl Default for ApiClient {
    fn default() -> Self {
        Self::new()
    }
}

impl ApiClient {
    pub fn new() -> Self {
        let connector =
            HttpsConnectorBuilder::new().with_webpki_roots().https_or_http().enable_http1().build();
        ApiClient { client: Client::builder(TokioExecutor::new()).build(connector) }
    }

    /// One call; `Err` when the connection failed or no answer came (timeouts, dropped
    /// connections). A form body is sent when `form` is given; `host` overrides `Host`.
    pub async fn call(
        &self,
        method: Method,
        url: &str,
        key: &str,
        host: Option<&str>,
        form: Option<String>,
    ) -> Result<(StatusCode, Bytes), String> {
        let mut builder =
            Request::builder().method(method).uri(url).header(header::AUTHORIZATION, basic_header(key));
        if let Some(host) = host {
            // The browser's host, so `authorize_uri` is on the origin the customer is using.
            builder = builder.header(header::HOST, host);
        }
        if form.is_some() {
            builder = builder.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        }
        let request =
            builder.body(Full::new(Bytes::from(form.unwrap_or_default()))).map_err(|e| e.to_string())?;
        let call = async {
            let response = self.client.request(request).await.map_err(|e| e.to_string())?;
            let status = response.status();
            let body = response.into_body().collect().await.map_err(|e| e.to_string())?.to_bytes();
            Ok((status, body))
        };
        tokio::time::timeout(CALL_TIMEOUT, call).await.map_err(|_| "timed out".to_owned())?
    }

    /// A webhook delivery: POSTs JSON (no key), answers the status or an error.
    pub async fn post_json(&self, url: &str, body: Bytes, timeout: Duration) -> Result<StatusCode, String> {
        let request = Request::builder()
            .method(Method::POST)
            .uri(url)
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::USER_AGENT, "omise-sandbox-webhooks")
            .body(Full::new(body))
            .map_err(|e| e.to_string())?;
        let call = async {
            let response = self.client.request(request).await.map_err(|e| e.to_string())?;
            let status = response.status();
            let _ = response.into_body().collect().await;
            Ok(status)
        };
        tokio::time::timeout(timeout, call).await.map_err(|_| "timed out".to_owned())?
    }
}
