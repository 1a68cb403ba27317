//! The vault's provider page, `GET /provider`: what Omise.js (and the widget's default
//! transport) frames to tokenize. It runs the genuine easyXDM library from the npm package
//! `easyxdm` (a devDependency, served from `node_modules`; nothing of it is copied into this
//! repository) with `assets/provider.js`, so the widget's consumer code is tested against
//! third-party protocol code, not a mirror of itself.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::path::PathBuf;
use std::sync::OnceLock;

const PROVIDER_JS: &str = include_str!("../assets/provider.js");

/// Scripts from this server only; the page connects to this server's `/tokens` only; any
/// merchant page may frame it (as the real vault's page allows).
const PROVIDER_CSP: &str = "default-src 'none'; script-src 'self'; connect-src 'self'; base-uri 'none'; \
form-action 'none'; frame-ancestors *";

const PAGE: &str = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<title>Omise sandbox vault</title>\
<script src=\"/provider/easyXDM.js\"></script><script src=\"/provider/provider.js\"></script>\
</head><body></body></html>\n";

/// Where easyXDM is: `OMISE_SANDBOX_EASYXDM`, else `node_modules/easyxdm/lib/easyXDM.js` in
/// the working directory or one of its parents (`cargo test` runs in `sandbox/`).
fn easyxdm_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("OMISE_SANDBOX_EASYXDM") {
        return Some(PathBuf::from(p));
    }
    let cwd = std::env::current_dir().ok()?;
    cwd.ancestors().map(|dir| dir.join("node_modules/easyxdm/lib/easyXDM.js")).find(|p| p.is_file())
}

/// The library's text, read once. The npm package's `lib/easyXDM.js` is a CommonJS module (it
/// ends with `module.exports = easyXDM`), so it is served inside a function that gives it a
/// `module` and puts the export on `window`, untouched otherwise.
fn easyxdm_source() -> Option<&'static [u8]> {
    static SOURCE: OnceLock<Option<Vec<u8>>> = OnceLock::new();
    SOURCE
        .get_or_init(|| {
            let found = easyxdm_path().and_then(|p| std::fs::read(p).ok()).map(|lib| {
                let mut js = b"(function (module) {\n".to_vec();
                js.extend_from_slice(&lib);
                js.extend_from_slice(b"\nwindow.easyXDM = module.exports;\n})({ exports: {} });\n");
                js
            });
            if found.is_none() {
                eprintln!(
                    "omise-sandbox: GET /provider needs the npm package easyxdm (run `npm install` in the \
repository, or set OMISE_SANDBOX_EASYXDM to its lib/easyXDM.js); the widget's default transport will time out"
                );
            }
            found
        })
        .as_deref()
}

fn with_type(body: impl IntoResponse, content_type: &'static str) -> Response {
    let mut r = body.into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    // A merchant page that is cross-origin isolated (COEP `require-corp`, e.g. the
    // wasm-bindgen-test runner's) may only embed documents that opt in like this.
    h.insert("cross-origin-embedder-policy", HeaderValue::from_static("require-corp"));
    h.insert("cross-origin-resource-policy", HeaderValue::from_static("cross-origin"));
    r
}

pub async fn page() -> Response {
    let mut r = with_type(PAGE, "text/html; charset=utf-8");
    r.headers_mut().insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(PROVIDER_CSP));
    r
}

pub async fn script() -> Response {
    with_type(PROVIDER_JS, "text/javascript; charset=utf-8")
}

pub async fn easyxdm() -> Response {
    match easyxdm_source() {
        Some(src) => with_type(src, "text/javascript; charset=utf-8"),
        None => with_type(
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "throw new Error('omise-sandbox: easyxdm is not installed (npm install)');",
            ),
            "text/javascript; charset=utf-8",
        ),
    }
}

/// A vault whose provider page never gets ready (a blank page): for the widget's ready-timeout
/// tests, at its own URL so that tests running side by side are not affected.
pub async fn blank() -> Response {
    let mut r = with_type("<!doctype html><title>blank</title>", "text/html; charset=utf-8");
    r.headers_mut().insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(PROVIDER_CSP));
    r
}

const FORGE_JS: &str = "// Test fixture: posts each string of the JSON array in location.hash to the parent, as a\n\
// hostile frame on the vault's origin would. The widget must ignore every one of them.\n\
(function () {\n  var list = [];\n  try { list = JSON.parse(decodeURIComponent(location.hash.slice(1))); } catch (e) { list = []; }\n\
  list.forEach(function (m) { if (typeof m === 'string') { parent.postMessage(m, '*'); } });\n})();\n";

/// A frame on the vault's origin that is not the widget's provider iframe and posts forged
/// provider messages (the strings in its URL's fragment) to its parent: for the widget's tests.
pub async fn forge() -> Response {
    let mut r = with_type(
        "<!doctype html><title>forge</title><script src=\"/__sandbox/forge.js\"></script>",
        "text/html; charset=utf-8",
    );
    r.headers_mut().insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(PROVIDER_CSP));
    r
}

pub async fn forge_script() -> Response {
    with_type(FORGE_JS, "text/javascript; charset=utf-8")
}
