//! The published error reference: the pages in `generated/docs/` built into a site with mdBook
//! ([`build`]), and an offline check of that site ([`check`]): every internal link and anchor
//! resolves, and no page has two elements with one id.
//!
//! This is a package of its own so that `cargo xtask gen` never compiles mdBook;
//! `cargo xtask docs` runs it.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use mdbook_driver::MDBook;

/// Builds the book whose `book.toml` is in `book_dir` into `out` (created or replaced).
/// `site_url` is the path the site is served under (`/` or `/errors/`), for the 404 page.
pub fn build(book_dir: &Path, out: &Path, site_url: &str) -> Result<(), String> {
    let mut book = MDBook::load(book_dir)
        .map_err(|e| format!("cannot load the book in {}: {e:#}", book_dir.display()))?;
    // mdBook reads a relative build folder against the book's folder; `out` is meant
    // against the current one.
    let out =
        std::path::absolute(out).map_err(|e| format!("cannot resolve {}: {e}", out.display()))?;
    book.config.build.build_dir = out.clone();
    book.config
        .set("output.html.site-url", site_url)
        .map_err(|e| format!("cannot set the site URL: {e:#}"))?;
    book.book.for_each_chapter_mut(|chapter| {
        chapter.content = heading_ids(&chapter.content);
    });
    book.build()
        .map_err(|e| format!("mdBook failed to build {}: {e:#}", out.display()))
}

/// The pages mark each code's section with `<a id="X"></a>` before its heading, which a git
/// host's markdown view and mdBook both resolve. mdBook would also give the heading an id of
/// its own (sometimes the same one: a duplicate id); here the anchor becomes the heading's
/// id instead (`### heading {#X}`), so each section has exactly one. An anchor that the
/// heading-attribute syntax cannot hold is left as it is.
pub fn heading_ids(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut lines = markdown.split_inclusive('\n').peekable();
    while let Some(line) = lines.next() {
        let anchor = line
            .trim_end()
            .strip_prefix("<a id=\"")
            .and_then(|rest| rest.strip_suffix("\"></a>"))
            .map(unescape);
        let Some(anchor) = anchor.filter(|a| {
            !a.is_empty()
                && a.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "-_.:~%".contains(c))
        }) else {
            out.push_str(line);
            continue;
        };
        // The heading follows after one blank line.
        let mut ahead = lines.clone();
        let blank = ahead.next();
        let heading = ahead.next();
        match (blank, heading) {
            (Some(b), Some(h)) if b.trim().is_empty() && h.starts_with('#') => {
                lines.next();
                lines.next();
                out.push_str(&format!("{} {{#{anchor}}}\n", h.trim_end()));
            }
            _ => out.push_str(line),
        }
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// What [`check`] found.
#[derive(Debug, Default)]
pub struct Report {
    /// HTML pages read.
    pub pages: usize,
    /// Internal links (and asset references) followed.
    pub links: usize,
    /// Of those, links with a fragment whose id was looked up.
    pub anchors: usize,
    /// External links, not followed (the check is offline).
    pub external: usize,
    /// `page: link` for every link whose file or id does not exist.
    pub broken: Vec<String>,
    /// `page: id` for every id that appears more than once on its page.
    pub duplicate_ids: Vec<String>,
    /// Size in bytes of every page, by path relative to the site.
    pub sizes: BTreeMap<String, u64>,
}

impl Report {
    /// Every problem, one line each: broken links, duplicate ids, and pages over
    /// `max_page_bytes` (when given). Empty for a site to publish.
    pub fn problems(&self, max_page_bytes: Option<u64>) -> Vec<String> {
        let mut out: Vec<String> = self
            .broken
            .iter()
            .map(|b| format!("broken link: {b}"))
            .collect();
        out.extend(
            self.duplicate_ids
                .iter()
                .map(|d| format!("duplicate id: {d}")),
        );
        if let Some(max) = max_page_bytes {
            out.extend(
                self.sizes
                    .iter()
                    .filter(|(_, size)| **size > max)
                    .map(|(page, size)| format!("page over {max} bytes: {page} ({size} bytes)")),
            );
        }
        out
    }

    /// Whether nothing is broken or duplicated.
    pub fn is_clean(&self) -> bool {
        self.broken.is_empty() && self.duplicate_ids.is_empty()
    }
}

/// One HTML page as the check sees it.
#[derive(Default)]
struct Page {
    ids: Vec<String>,
    links: Vec<String>,
    base: Option<String>,
}

struct Sink(std::cell::RefCell<Page>);

impl TokenSink for Sink {
    type Handle = ();
    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        if let Token::TagToken(Tag {
            kind: TagKind::StartTag,
            name,
            attrs,
            ..
        }) = token
        {
            let mut page = self.0.borrow_mut();
            for a in &attrs {
                let value = a.value.to_string();
                match &*a.name.local {
                    "id" => page.ids.push(value),
                    "name" if &*name == "a" => page.ids.push(value),
                    "href" if &*name == "base" => page.base = Some(value),
                    "href" | "src" => page.links.push(value),
                    _ => {}
                }
            }
        }
        TokenSinkResult::Continue
    }
}

fn read_page(html: &str) -> Page {
    let tokenizer = Tokenizer::new(Sink(Default::default()), TokenizerOpts::default());
    let input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.0.into_inner()
}

fn html_files(dir: &Path, rel: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir.join(rel))? {
        let entry = entry?;
        let path = rel.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            html_files(dir, &path, out)?;
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
    Ok(())
}

/// Decodes `%XX` escapes of a URL path or fragment.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(Ok(b)) = s.get(i + 1..i + 3).map(|h| u8::from_str_radix(h, 16))
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Joins a relative URL path to the folder `dir` (both `/`-separated, relative to the site),
/// resolving `.` and `..`; `None` when it climbs out of the site.
fn join(dir: &str, link: &str) -> Option<String> {
    let mut parts: Vec<&str> = if link.starts_with('/') {
        Vec::new()
    } else {
        dir.split('/').filter(|p| !p.is_empty()).collect()
    };
    for p in link.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    let mut path = parts.join("/");
    if link.ends_with('/') || path.is_empty() {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str("index.html");
    }
    Some(path)
}

/// A path from the server's root made relative to the site, which is served under `prefix`
/// (`ref`, or empty when the site is the server's root).
fn under_site<'a>(path: &'a str, prefix: &str) -> &'a str {
    if prefix.is_empty() {
        return path;
    }
    match path.strip_prefix(prefix) {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => rest.trim_start_matches('/'),
        _ => path,
    }
}

/// Checks the built site in `site`: every link and asset reference that stays inside the
/// site must name an existing file, and its fragment (if any) an id on that page; no page may
/// hold an id twice. `site_path` is the path the site is served under (`/` by default): a
/// `<base href>` or a root-relative link is read relative to it.
pub fn check(site: &Path, site_path: &str) -> Result<Report, String> {
    let mut files = Vec::new();
    html_files(site, Path::new(""), &mut files)
        .map_err(|e| format!("cannot list {}: {e}", site.display()))?;
    files.sort();
    let mut pages: BTreeMap<String, Page> = BTreeMap::new();
    let mut report = Report::default();
    for file in &files {
        let path = site.join(file);
        let html = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let rel = file
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        report.sizes.insert(rel.clone(), html.len() as u64);
        pages.insert(rel, read_page(&html));
    }
    report.pages = pages.len();
    let ids: BTreeMap<&str, BTreeSet<&str>> = pages
        .iter()
        .map(|(p, page)| (p.as_str(), page.ids.iter().map(String::as_str).collect()))
        .collect();
    let prefix = site_path.trim_matches('/');
    for (rel, page) in &pages {
        let mut seen = BTreeSet::new();
        for id in &page.ids {
            if !seen.insert(id) {
                report.duplicate_ids.push(format!("{rel}: {id}"));
            }
        }
        let dir = match &page.base {
            // `<base href="/ref/">` names the site's root as served: relative to the site,
            // that is its top folder.
            Some(base) => under_site(base.trim_start_matches('/'), prefix).to_owned(),
            None => rel.rsplit_once('/').map_or("", |(d, _)| d).to_owned(),
        };
        for link in &page.links {
            let lower = link.to_ascii_lowercase();
            if lower.contains(':') && !lower.starts_with('/') && !lower.starts_with('#') {
                let scheme = &lower[..lower.find(':').unwrap_or(0)];
                if scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
                {
                    report.external += 1;
                    continue;
                }
            }
            report.links += 1;
            let (path, fragment) = match link.split_once('#') {
                Some((p, f)) => (p, Some(f)),
                None => (link.as_str(), None),
            };
            let path = path.split('?').next().unwrap_or_default();
            let target = if path.is_empty() {
                Some(rel.clone())
            } else if let Some(abs) = path.strip_prefix('/') {
                let abs = under_site(abs, prefix);
                join("", &percent_decode(abs))
            } else {
                join(&dir, &percent_decode(path))
            };
            let Some(target) = target else {
                report
                    .broken
                    .push(format!("{rel}: {link} (leaves the site)"));
                continue;
            };
            let exists = ids.contains_key(target.as_str()) || site.join(&target).is_file();
            if !exists {
                report
                    .broken
                    .push(format!("{rel}: {link} (no file {target})"));
                continue;
            }
            if let Some(f) = fragment.filter(|f| !f.is_empty()) {
                report.anchors += 1;
                let f = percent_decode(f);
                if !ids
                    .get(target.as_str())
                    .is_some_and(|set| set.contains(f.as_str()))
                {
                    report
                        .broken
                        .push(format!("{rel}: {link} (no id `{f}` in {target})"));
                }
            }
        }
    }
    Ok(report)
}

/// Every id on the page at `page` (a path relative to `site`).
pub fn page_ids(site: &Path, page: &str) -> Result<BTreeSet<String>, String> {
    let file = site.join(percent_decode(page));
    let html = fs::read_to_string(&file).map_err(|e| format!("{}: {e}", file.display()))?;
    Ok(read_page(&html).ids.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::Report;

    #[test]
    fn problems_name_broken_links_duplicate_ids_and_pages_over_the_limit() {
        let report = Report {
            broken: vec!["a.html: b.html#x".to_owned()],
            duplicate_ids: vec!["a.html: x".to_owned()],
            sizes: [("a.html".to_owned(), 10), ("big.html".to_owned(), 500)].into(),
            ..Report::default()
        };
        assert_eq!(
            report.problems(Some(100)),
            [
                "broken link: a.html: b.html#x",
                "duplicate id: a.html: x",
                "page over 100 bytes: big.html (500 bytes)"
            ]
        );
        assert_eq!(report.problems(None).len(), 2);
        assert!(Report::default().problems(Some(0)).is_empty());
    }
}
