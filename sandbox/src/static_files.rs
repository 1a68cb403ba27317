//! Static files: `www/` (the demo pages) at `/` and the built package at `/dist/`.
//! Paths are decoded and checked segment by segment; `..` and friends are refused.

use crate::app::AppState;
use crate::errors::ApiError;
use axum::extract::{Path as UrlPath, State};
use axum::http::{header, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use std::path::{Path, PathBuf};

const SANDBOX_CSS: &str = include_str!("../assets/sandbox.css");

pub fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json" | "map") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("ico") => "image/x-icon",
        Some("txt" | "md") => "text/plain; charset=utf-8",
        Some("ts") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The file under `root` for a URL path, or `None` when the path tries to leave `root`.
pub fn resolve(root: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path)?;
    let mut path = root.to_path_buf();
    for segment in decoded.split('/').filter(|s| !s.is_empty()) {
        let bad = segment == "."
            || segment == ".."
            || segment.starts_with('.')
            || segment.contains(['\\', '\0', ':']);
        if bad {
            return None;
        }
        path.push(segment);
    }
    if decoded.is_empty() || decoded.ends_with('/') {
        path.push("index.html");
    }
    Some(path)
}

async fn serve_file(path: Option<PathBuf>) -> Response {
    let Some(mut path) = path else {
        return ApiError::bad_request("path is not allowed").into_response();
    };
    if tokio::fs::metadata(&path).await.is_ok_and(|m| m.is_dir()) {
        path.push("index.html");
    }
    match tokio::fs::read(&path).await {
        Ok(bytes) => {
            let mut resp = (StatusCode::OK, bytes).into_response();
            resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(mime(&path)));
            resp
        }
        Err(_) => ApiError::not_found("the requested file").into_response(),
    }
}

pub async fn www_index(State(app): State<AppState>) -> Response {
    serve_file(resolve(&app.config.www, "/")).await
}

/// The router's fallback: files from `www/` for GET and HEAD, JSON 404 for anything else.
pub async fn www(State(app): State<AppState>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        return ApiError::not_found("the requested resource").into_response();
    }
    serve_file(resolve(&app.config.www, uri.path())).await
}

pub async fn dist(State(app): State<AppState>, UrlPath(path): UrlPath<String>, uri: Uri) -> Response {
    // Use the raw path so percent-encoded traversal is decoded and checked here, once.
    let raw = uri.path().strip_prefix("/dist").unwrap_or(&path);
    serve_file(resolve(&app.config.dist, raw)).await
}

pub async fn sandbox_css() -> Response {
    let mut resp = (StatusCode::OK, SANDBOX_CSS).into_response();
    resp.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/css; charset=utf-8"));
    resp
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_traversal() {
        let root = Path::new("/srv/www");
        assert_eq!(resolve(root, "/a/b.js"), Some(PathBuf::from("/srv/www/a/b.js")));
        assert_eq!(resolve(root, "/"), Some(PathBuf::from("/srv/www/index.html")));
        for bad in
            ["/../etc/passwd", "/a/%2e%2e/%2e%2e/x", "/a/..%2fb", "/%2e%2e%5cx", "/.git/config", "/%zz"]
        {
            assert_eq!(resolve(root, bad), None, "{bad}");
        }
    }
}
