//! An axum app served on 127.0.0.1 for the length of one test, and a reqwest client for it.

use std::future::Future;
use std::time::Duration;

/// Serves `app` on a free loopback port and runs `run` with the server's base URL
/// (`http://127.0.0.1:PORT`) and a client that bypasses any proxy, on one tokio runtime; the
/// server stops when `run` ends.
pub fn with_app<T, F, Fut>(app: axum::Router, run: F) -> T
where
    F: FnOnce(String, reqwest::Client) -> Fut,
    Fut: Future<Output = T>,
{
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a loopback port");
        let addr = listener.local_addr().expect("its address");
        let server = tokio::spawn(async move { axum::serve(listener, app).await });
        let client = reqwest::Client::builder()
            .no_proxy()
            .build()
            .expect("a client");
        let out = run(format!("http://{addr}"), client).await;
        server.abort();
        out
    })
}

/// Sends `request`, waiting at most ten seconds for the answer.
pub async fn send(request: reqwest::RequestBuilder) -> reqwest::Response {
    tokio::time::timeout(Duration::from_secs(10), request.send())
        .await
        .expect("the server answers in time")
        .expect("an HTTP response")
}
