//! The built reference site: every `reference_url()` of every generated crate (and every
//! `doc_url()` that points into the reference) lands on an id of the site, the offline link
//! check finds nothing broken, and in a real browser (headless Chromium) a code's permalink
//! shows its section and the search finds codes by number and by name.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace root")
        .to_path_buf()
}

/// The site, built once per test run from `generated/` (as `cargo xtask docs` builds it).
fn site() -> &'static Path {
    static SITE: OnceLock<PathBuf> = OnceLock::new();
    SITE.get_or_init(|| {
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("site");
        errcat_site::build(&root().join("generated"), &out, "/").expect("the site builds");
        out
    })
}

/// Whether `url` (page and fragment) lands on an id of the built site; pages are read once.
fn lands(url: &str) -> Result<(), String> {
    static PAGES: std::sync::Mutex<BTreeMap<String, BTreeSet<String>>> =
        std::sync::Mutex::new(BTreeMap::new());
    let (page, fragment) = url
        .split_once('#')
        .ok_or_else(|| format!("{url}: no anchor"))?;
    let mut pages = PAGES.lock().unwrap_or_else(|e| e.into_inner());
    if !pages.contains_key(page) {
        let ids = errcat_site::page_ids(site(), page)?;
        pages.insert(page.to_owned(), ids);
    }
    let id = percent_decode(fragment);
    if pages[page].contains(&id) {
        Ok(())
    } else {
        Err(format!("{url}: no id `{id}` on {page}"))
    }
}

fn percent_decode(s: &str) -> String {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%'
            && let Some(Ok(v)) = s.get(i + 1..i + 3).map(|h| u8::from_str_radix(h, 16))
        {
            out.push(v);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `doc_url()` returns `&str` or `Option<&str>` depending on the catalog.
trait MaybeUrl {
    fn url(self) -> Option<&'static str>;
}
impl MaybeUrl for &'static str {
    fn url(self) -> Option<&'static str> {
        Some(self)
    }
}
impl MaybeUrl for Option<&'static str> {
    fn url(self) -> Option<&'static str> {
        self
    }
}

/// Where the reference is published according to the catalog behind `krate`, if anywhere.
fn reference_base(krate: &str) -> Option<String> {
    let text = std::fs::read_to_string(root().join("generated").join(krate).join("catalog.json"))
        .expect("catalog.json");
    let catalog: Value = serde_json::from_str(&text).expect("JSON");
    let settings = std::fs::read_to_string(root().join("catalog/errcat.json"))
        .ok()
        .and_then(|t| serde_json::from_str::<Value>(&t).ok());
    catalog["reference_url"]
        .as_str()
        .or(settings.as_ref().and_then(|s| s["reference_url"].as_str()))
        .map(str::to_owned)
}

macro_rules! reference_urls_land_on_ids {
    ($($test:ident: $krate:ident => $name:literal),* $(,)?) => {$(
        #[test]
        fn $test() {
            let base = reference_base($name);
            let strip = |url: &str| -> Option<String> {
                match &base {
                    Some(b) => url.strip_prefix(b.as_str()).map(str::to_owned),
                    None => Some(url.to_owned()),
                }
            };
            for &code in $krate::ErrorCode::ALL {
                let url = code.reference_url();
                let path = strip(url).unwrap_or_else(|| panic!("{url} is not under {base:?}"));
                assert!(path.contains(".html#"), "{url}: a page and an anchor");
                lands(&path).unwrap_or_else(|e| panic!("{}: {e}", code.as_str()));
                // A doc URL into the reference must land too.
                if let (Some(doc), Some(b)) = (code.doc_url().url(), &base) {
                    if let Some(path) = doc.strip_prefix(b.as_str()) {
                        lands(path).unwrap_or_else(|e| panic!("{}: {e}", code.as_str()));
                    }
                }
            }
        }
    )*};
}

reference_urls_land_on_ids! {
    datamaker_reference: datamaker_errors => "datamaker",
    dataxid_reference: dataxid_errors => "dataxid",
    datocms_cda_reference: datocms_cda_errors => "datocms-cda",
    datocms_cma_reference: datocms_cma_errors => "datocms-cma",
    dreamfactory_reference: dreamfactory_errors => "dreamfactory",
    records_api_reference: records_api_errors => "records-api",
    twilio_reference: twilio_errors => "twilio",
    postgres_reference: postgres_errors => "postgres",
    pg_error_codes_reference: pg_error_codes_errors => "pg-error-codes",
    http_status_codes_reference: http_status_codes_errors => "http-status-codes",
    datocms_cda_site_reference: datocms_cda_site_api_errors => "datocms-cda-site-api-errors",
}

#[test]
fn link_check_finds_nothing_broken_and_no_page_is_too_big() {
    let report = errcat_site::check(site(), "/").expect("the check runs");
    assert!(
        report.broken.is_empty(),
        "broken links: {:#?}",
        report.broken
    );
    assert!(
        report.duplicate_ids.is_empty(),
        "duplicate ids: {:#?}",
        report.duplicate_ids
    );
    assert!(report.links > 1000 && report.anchors > 1000, "{report:?}");
    for (page, size) in &report.sizes {
        assert!(*size <= 300_000, "{page} is {size} bytes");
    }
}

#[test]
fn link_check_reports_broken_links_and_duplicate_ids() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    std::fs::write(
        dir.path().join("index.html"),
        r##"<p id="a"></p><p id="a"></p><a href="sub/b.html#x">ok</a><a href="sub/b.html#nope">bad id</a>
           <a href="missing.html">no file</a><a href="https://example.com/">external</a><a href="#a">self</a>"##,
    )
    .expect("write");
    std::fs::write(
        dir.path().join("sub/b.html"),
        r#"<h3 id="x"></h3><a href="../index.html#a">up</a><a href="../../out.html">out</a>"#,
    )
    .expect("write");
    let report = errcat_site::check(dir.path(), "/").expect("the check runs");
    assert_eq!(report.duplicate_ids, ["index.html: a"]);
    assert_eq!(report.broken.len(), 3, "{:#?}", report.broken);
    assert!(report.broken.iter().any(|b| b.contains("sub/b.html#nope")));
    assert!(report.broken.iter().any(|b| b.contains("missing.html")));
    assert!(report.broken.iter().any(|b| b.contains("leaves the site")));
    assert_eq!((report.links, report.anchors, report.external), (6, 4, 1));
}

#[test]
fn anchors_become_heading_ids() {
    let md = "<a id=\"E_1\"></a>\n\n### `E_1` — Title\n\nbody\n<a id=\"a b\"></a>\n\n### kept\n";
    assert_eq!(
        errcat_site::heading_ids(md),
        "### `E_1` — Title {#E_1}\n\nbody\n<a id=\"a b\"></a>\n\n### kept\n"
    );
}

// ---------------------------------------------------------------------------------------
// The browser test.

/// Serves `dir` over HTTP on a free loopback port, one thread per connection.
fn serve(dir: &'static Path) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || answer(dir, stream));
        }
    });
    port
}

fn answer(dir: &Path, mut stream: TcpStream) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/");
    let path = path
        .split(['?', '#'])
        .next()
        .unwrap_or("/")
        .trim_start_matches('/');
    let path = if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_owned()
    };
    let file = dir.join(&path);
    let (status, body) = match std::fs::read(&file) {
        Ok(body) if !path.contains("..") => ("200 OK", body),
        _ => ("404 Not Found", b"not found".to_vec()),
    };
    let kind = match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript",
        Some("css") => "text/css",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("woff2") => "font/woff2",
        _ => "application/octet-stream",
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

/// Headless Chromium, killed when dropped.
struct Browser {
    child: Child,
    _profile: tempfile::TempDir,
    socket: tungstenite::WebSocket<TcpStream>,
    next_id: u64,
    session: String,
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Browser {
    fn start(chromium: &Path) -> Browser {
        let profile = tempfile::tempdir().expect("profile dir");
        let mut child = Command::new(chromium)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--remote-debugging-port=0",
                "--window-size=1280,800",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("chromium starts");
        // Chromium prints where its DevTools endpoint listens.
        let mut stderr = BufReader::new(child.stderr.take().expect("stderr"));
        let mut line = String::new();
        let ws = loop {
            line.clear();
            if stderr.read_line(&mut line).expect("chromium's stderr") == 0 {
                panic!("chromium exited before it listened for DevTools");
            }
            if let Some(at) = line.find("ws://") {
                break line[at..].trim().to_owned();
            }
        };
        std::thread::spawn(move || {
            let mut sink = Vec::new();
            let _ = stderr.read_to_end(&mut sink);
        });
        let hostport = ws
            .trim_start_matches("ws://")
            .split('/')
            .next()
            .expect("host")
            .to_owned();
        let stream = TcpStream::connect(&hostport).expect("connect to DevTools");
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .expect("timeout");
        let (socket, _) = tungstenite::client(ws.as_str(), stream).expect("WebSocket handshake");
        let mut browser = Browser {
            child,
            _profile: profile,
            socket,
            next_id: 0,
            session: String::new(),
        };
        let target = browser.call("Target.createTarget", json!({"url": "about:blank"}));
        let attached = browser.call(
            "Target.attachToTarget",
            json!({"targetId": target["targetId"], "flatten": true}),
        );
        browser.session = attached["sessionId"].as_str().expect("session").to_owned();
        browser.call("Page.enable", json!({}));
        browser.call(
            "Emulation.setDeviceMetricsOverride",
            json!({"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": false}),
        );
        browser
    }

    /// Sends a command (to the page once attached) and waits for its answer; events that
    /// arrive meanwhile are dropped.
    fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({"id": id, "method": method, "params": params});
        if !self.session.is_empty() {
            message["sessionId"] = json!(self.session);
        }
        self.socket
            .send(tungstenite::Message::text(message.to_string()))
            .expect("send");
        loop {
            let reply = self.socket.read().expect("DevTools answers");
            let Ok(text) = reply.to_text() else { continue };
            let value: Value = serde_json::from_str(text).expect("JSON");
            if value["id"] == json!(id) {
                assert!(value.get("error").is_none(), "{method}: {value}");
                return value["result"].clone();
            }
        }
    }

    /// Evaluates `js` (awaiting a promise) and returns its value.
    fn eval(&mut self, js: &str) -> Value {
        let r = self.call(
            "Runtime.evaluate",
            json!({"expression": js, "awaitPromise": true, "returnByValue": true}),
        );
        assert!(r.get("exceptionDetails").is_none(), "{js}: {r}");
        r["result"]["value"].clone()
    }

    /// Opens `url` and waits until the page has loaded.
    fn open(&mut self, url: &str) {
        self.call("Page.navigate", json!({"url": url}));
        let deadline = Instant::now() + Duration::from_secs(30);
        while Instant::now() < deadline {
            if self.eval("document.readyState") == json!("complete")
                && self
                    .eval("location.href")
                    .as_str()
                    .is_some_and(|h| h.split('#').next() == url.split('#').next())
            {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("{url} did not load");
    }

    fn screenshot(&mut self, path: &Path) {
        use base64::Engine;
        let shot = self.call("Page.captureScreenshot", json!({"format": "png"}));
        let png = base64::engine::general_purpose::STANDARD
            .decode(shot["data"].as_str().expect("data"))
            .expect("base64");
        std::fs::write(path, png).expect("write screenshot");
    }
}

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("CHROMIUM")
        .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    path.is_file().then_some(path)
}

/// Polls `js` until it returns something other than `null` (at most 20 s).
fn wait_for(browser: &mut Browser, js: &str) -> Value {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let v = browser.eval(js);
        if !v.is_null() || Instant::now() > deadline {
            return v;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// What the search box lists for `query`: the result links.
fn search(browser: &mut Browser, base: &str, query: &str) -> Vec<String> {
    browser.open(&format!("{base}index.html"));
    let js = format!(
        r#"(() => {{
            document.getElementById('mdbook-search-toggle').click();
            const bar = document.getElementById('mdbook-searchbar');
            bar.value = {q};
            bar.dispatchEvent(new KeyboardEvent('keyup', {{ key: 'Enter' }}));
            return true;
        }})()"#,
        q = json!(query)
    );
    browser.eval(&js);
    let links = wait_for(
        browser,
        r#"(() => {
            const a = [...document.querySelectorAll('#mdbook-searchresults a')].map(a => a.href);
            return a.length ? a : null;
        })()"#,
    );
    // mdBook adds `?highlight=…` to each result; what matters is the page and the anchor.
    links
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str())
                .map(|h| match (h.split_once('?'), h.split_once('#')) {
                    (Some((page, _)), Some((_, anchor))) => format!("{page}#{anchor}"),
                    _ => h.to_owned(),
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_browser_shows_permalinks_and_finds_codes() {
    let Some(chromium) = chromium() else {
        // CI installs Chromium (`.ci/run`), and there its absence is a failure.
        assert!(
            std::env::var_os("CI").is_none(),
            "CI needs Chromium at /usr/bin/chromium (or $CHROMIUM)"
        );
        eprintln!("skipped: no Chromium at /usr/bin/chromium (set CHROMIUM to its path)");
        return;
    };
    let site = site();
    let port = serve(site);
    let base = format!("http://127.0.0.1:{port}/");
    let mut browser = Browser::start(&chromium);

    // A code's permalink shows that code's section at the top of the viewport: on a page of
    // a split catalog, on a small page, and for a string code.
    let permalinks = [
        (twilio_errors::ErrorCode::E21211.reference_url(), "21211"),
        (twilio_errors::ErrorCode::E400.reference_url(), "400"),
        (
            dataxid_errors::ErrorCode::RateLimitExceeded.reference_url(),
            "rate_limit_exceeded",
        ),
    ];
    let shots = root().join("target/site-screenshots");
    std::fs::create_dir_all(&shots).expect("screenshot folder");
    for (reference, code) in permalinks {
        let url = format!("{base}{reference}");
        browser.open(&url);
        let id = reference.split('#').nth(1).expect("anchor").to_owned();
        let seen = wait_for(
            &mut browser,
            &format!(
                r#"(() => {{
                    const el = document.getElementById({id});
                    if (!el) return 'missing';
                    const r = el.getBoundingClientRect();
                    return (r.top >= 0 && r.top < innerHeight / 3) ? el.tagName + ' ' + el.textContent : null;
                }})()"#,
                id = json!(id)
            ),
        );
        let seen = seen
            .as_str()
            .unwrap_or_else(|| panic!("{url}: the section is not at the top of the viewport"));
        assert!(
            seen.starts_with("H3 ") && seen.contains(code),
            "{url}: {seen}"
        );
        browser.screenshot(&shots.join(format!("permalink-{code}.png")));
    }

    // The biggest page: how long it takes to load, and how long its sidebar is.
    let report = errcat_site::check(site, "/").expect("check");
    let (biggest, size) = report.sizes.iter().max_by_key(|(_, s)| **s).expect("pages");
    browser.open(&format!("{base}{biggest}"));
    let timing = browser.eval(
        "(() => { const n = performance.getEntriesByType('navigation')[0]; return [n.domContentLoadedEventEnd, document.getElementsByTagName('*').length, document.querySelectorAll('#mdbook-sidebar a, .sidebar a').length]; })()",
    );
    eprintln!(
        "biggest page {biggest} ({size} bytes): DOMContentLoaded {} ms, {} elements, {} sidebar links",
        timing[0], timing[1], timing[2]
    );
    assert!(
        timing[2].as_u64().expect("count") <= 500,
        "sidebar links: {timing}"
    );

    // The search finds a code by its number and by its name.
    let by_number = search(&mut browser, &base, "21211");
    assert!(
        by_number
            .iter()
            .any(|h| h.ends_with("twilio/21000-21999.html#21211")),
        "search for 21211: {by_number:#?}"
    );
    let by_name = search(&mut browser, &base, "rate_limit_exceeded");
    assert!(
        by_name.iter().any(|h| h.ends_with(&format!(
            "/{}",
            dataxid_errors::ErrorCode::RateLimitExceeded.reference_url()
        ))),
        "search for rate_limit_exceeded: {by_name:#?}"
    );

    // One screenshot per catalog, for a person to look at (not committed).
    for entry in std::fs::read_dir(root().join("generated/docs")).expect("docs") {
        let name = entry
            .expect("entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        let Some(stem) = name
            .strip_suffix(".md")
            .filter(|s| *s != "SUMMARY" && *s != "README")
        else {
            continue;
        };
        browser.open(&format!("{base}{stem}.html"));
        browser.screenshot(&shots.join(format!("{stem}.png")));
    }
}

/// A workspace that publishes its reference under a base URL, with a catalog big enough to be
/// split and one whose doc-URL template points into the reference: every code's reference
/// URL and doc URL land on an id of the site built for that base; a doc URL into the
/// reference that would not land is refused by `gen`.
#[test]
fn reference_and_doc_urls_under_a_base_land_on_ids() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    std::fs::create_dir_all(root.join("catalog")).expect("mkdir");
    let base = "https://errors.example.com/ref/";
    std::fs::write(
        root.join("catalog/errcat.json"),
        json!({ "reference_url": base }).to_string(),
    )
    .expect("write");
    let codes: Vec<Value> = (0..650)
        .map(|i| json!({"code": 1000 + i * 7, "message": format!("Error number {i}")}))
        .collect();
    let mut big = json!({
        "format": 1,
        "name": "big",
        "title": "Big API",
        "code_type": "integer",
        "codes": codes,
    });
    std::fs::write(root.join("catalog/big.json"), big.to_string()).expect("write");
    let small = json!({
        "format": 1,
        "name": "small",
        "title": "Small API",
        "doc_url": format!("{base}small.html#{{code}}"),
        "codes": [
            {"code": "a&b", "message": "A code with an ampersand"},
            {"code": "c", "message": "Another"},
        ],
    });
    std::fs::write(root.join("catalog/small.json"), small.to_string()).expect("write");
    let other = json!({
        "format": 1,
        "name": "other",
        "title": "Other API",
        "reference_url": "https://other.example.org/",
        "codes": [{"code": "x", "message": "Published elsewhere"}],
    });
    std::fs::write(root.join("catalog/other.json"), other.to_string()).expect("write");

    let plan = errcat_codegen::Generator::new()
        .root(root)
        .plan()
        .unwrap_or_else(|r| panic!("{r}"));
    plan.apply(root).expect("generated");
    let out = root.join("site");
    errcat_site::build(&root.join("generated"), &out, "/ref/").expect("the site builds");
    let report = errcat_site::check(&out, "/ref/").expect("check");
    assert!(report.is_clean(), "{report:?}");

    let mut urls = Vec::new();
    for name in ["big", "small", "other"] {
        let rs = std::fs::read_to_string(root.join(format!("generated/{name}/src/codes.rs")))
            .expect("codes.rs");
        // A table of URLs, or for a catalog of one code, the one URL the method returns.
        let table = match rs.split("static REFERENCE_URLS").nth(1) {
            Some(table) => &table[..table.find("];").expect("end")],
            None => {
                let body = rs
                    .split("fn reference_url(self)")
                    .nth(1)
                    .expect("reference_url()");
                &body[..body.find('}').expect("end")]
            }
        };
        urls.extend(table.split('"').skip(1).step_by(2).map(str::to_owned));
    }
    assert_eq!(urls.len(), 653);
    assert!(urls.contains(&format!("{base}big/1000-1999.html#1000")));
    assert!(urls.contains(&format!("{base}small.html#a%26b")));
    assert!(urls.contains(&"https://other.example.org/other.html#x".to_owned()));
    let small_rs =
        std::fs::read_to_string(root.join("generated/small/src/codes.rs")).expect("codes.rs");
    assert!(
        small_rs.contains(&format!("\"{base}small.html#a%26b\"")),
        "the doc URL"
    );
    for url in &urls {
        let rest = url
            .strip_prefix(base)
            .or_else(|| url.strip_prefix("https://other.example.org/"))
            .expect("under a base");
        let (page, fragment) = rest.split_once('#').expect("anchor");
        let ids = errcat_site::page_ids(&out, page).expect("page");
        assert!(ids.contains(&percent_decode(fragment)), "{url}");
    }

    // A doc-URL template into the reference that misses the sections is refused.
    big["doc_url"] = json!(format!("{base}big.html#{{code}}"));
    std::fs::write(root.join("catalog/big.json"), big.to_string()).expect("write");
    let report = errcat_codegen::Generator::new()
        .root(root)
        .plan()
        .expect_err("refused");
    let message = report.to_string();
    assert!(
        message.contains("the `doc_url` of code `1000`")
            && message.contains("big/1000-1999.html#1000")
            && message.contains("(650 codes in all)"),
        "{message}"
    );
}

#[test]
fn a_bad_reference_url_setting_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(dir.path().join("catalog")).expect("mkdir");
    std::fs::write(
        dir.path().join("catalog/errcat.json"),
        r#"{ "reference_url": "errors.example.com" }"#,
    )
    .expect("write");
    let report = errcat_codegen::Generator::new()
        .root(dir.path())
        .plan()
        .expect_err("refused");
    assert!(
        report
            .to_string()
            .contains("catalog/errcat.json: `reference_url` must be an absolute"),
        "{report}"
    );
    std::fs::write(
        dir.path().join("catalog/errcat.json"),
        r#"{ "reference": "x" }"#,
    )
    .expect("write");
    let report = errcat_codegen::Generator::new()
        .root(dir.path())
        .plan()
        .expect_err("refused");
    assert!(
        report.to_string().contains("unknown field `reference`"),
        "{report}"
    );
}
