//! The package metadata of a catalog (`package`): what crates.io accepts, checked here so a
//! bad value is a located error now rather than a refused `cargo publish` later.

use crate::diag::{Diagnostic, Diagnostics};
use crate::format::Package;

/// Problems with `package`, at `/package/...`.
pub fn check(package: &Package, out: &mut Diagnostics) {
    match &package.license {
        Some(license) if !is_license_expression(license) => out.push(
            Diagnostic::at(
                "/package/license",
                format!("`{license}` is not an SPDX license expression"),
            )
            .hint("write identifiers joined by OR, AND or WITH, e.g. \"MIT OR Apache-2.0\""),
        ),
        None if package.publish => out.push(
            Diagnostic::at("/package", "a crate to publish needs a `license`")
                .hint("add \"license\": \"MIT OR Apache-2.0\" (or the license of your choice), or set \"publish\": false"),
        ),
        _ => {}
    }
    if let Some(description) = &package.description
        && (description.trim().is_empty() || description.contains('\n'))
    {
        out.push(
            Diagnostic::at(
                "/package/description",
                "the description must be one non-empty line",
            )
            .hint("crates.io shows it in search results"),
        );
    }
    for (field, url) in [
        ("repository", &package.repository),
        ("homepage", &package.homepage),
    ] {
        if let Some(url) = url
            && !(url.starts_with("https://") || url.starts_with("http://"))
        {
            out.push(
                Diagnostic::at(
                    format!("/package/{field}"),
                    format!("`{url}` is not an http(s) URL"),
                )
                .hint("write the full address, https://…"),
            );
        }
    }
    for (field, items, valid, rule) in [
        (
            "keywords",
            &package.keywords,
            is_keyword as fn(&str) -> bool,
            "ASCII letters, digits, `-`, `_` and `+`, starting with a letter or digit, at most 20 characters",
        ),
        (
            "categories",
            &package.categories,
            is_category_slug,
            "a crates.io category slug: lowercase letters, digits and `-`, with `::` between levels (e.g. `web-programming::http-client`)",
        ),
    ] {
        if items.len() > 5 {
            out.push(
                Diagnostic::at(
                    format!("/package/{field}"),
                    format!("{} {field}; crates.io takes at most 5", items.len()),
                )
                .hint("keep the five that matter most"),
            );
        }
        for (i, item) in items.iter().enumerate() {
            if !valid(item) {
                out.push(
                    Diagnostic::at(
                        format!("/package/{field}/{i}"),
                        format!(
                            "`{}` is not a valid crates.io {field} entry",
                            item.escape_debug()
                        ),
                    )
                    .hint(rule),
                );
            }
        }
    }
}

fn is_keyword(s: &str) -> bool {
    s.len() <= 20
        && s.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '+'))
}

fn is_category_slug(s: &str) -> bool {
    s.split("::").all(|part| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    })
}

/// An SPDX expression as cargo accepts it: license identifiers (letters, digits, `.`, `-`,
/// `+`) joined by `OR`, `AND` or `WITH`, with balanced parentheses.
fn is_license_expression(s: &str) -> bool {
    let spaced = s.replace('(', " ( ").replace(')', " ) ");
    let mut depth = 0i32;
    let mut expect_id = true;
    for token in spaced.split_whitespace() {
        match token {
            "(" if expect_id => depth += 1,
            ")" if !expect_id => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            "OR" | "AND" | "WITH" if !expect_id => expect_id = true,
            id if expect_id
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '+')) =>
            {
                expect_id = false
            }
            _ => return false,
        }
    }
    depth == 0 && !expect_id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn license_expressions() {
        for good in [
            "MIT",
            "MIT OR Apache-2.0",
            "(MIT OR Apache-2.0) AND BSD-3-Clause",
            "GPL-2.0+ WITH Classpath-exception-2.0",
        ] {
            assert!(is_license_expression(good), "{good}");
        }
        for bad in [
            "",
            "MIT OR",
            "MIT/Apache-2.0",
            "(MIT",
            "MIT)",
            "OR MIT",
            "MIT Apache-2.0",
        ] {
            assert!(!is_license_expression(bad), "{bad}");
        }
    }

    #[test]
    fn publishing_needs_a_license_and_valid_entries() {
        let mut out = Diagnostics::new();
        let package = Package {
            publish: true,
            keywords: vec!["errors".into(), "-bad".into(), "x".repeat(21)],
            categories: vec!["web-programming::http-client".into(), "Web".into()],
            repository: Some("github.com/acme/errors".into()),
            ..Package::default()
        };
        check(&package, &mut out);
        let at: Vec<&str> = out.iter().filter_map(|d| d.pointer.as_deref()).collect();
        assert_eq!(
            at,
            [
                "/package",
                "/package/repository",
                "/package/keywords/1",
                "/package/keywords/2",
                "/package/categories/1"
            ]
        );
        let mut fine = Diagnostics::new();
        check(
            &Package {
                publish: true,
                license: Some("MIT OR Apache-2.0".into()),
                keywords: vec!["errors".into(), "http+json".into()],
                ..Package::default()
            },
            &mut fine,
        );
        assert!(fine.is_empty(), "{fine:?}");
    }
}
