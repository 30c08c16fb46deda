//! What the compiler cannot check about errcat's engine: every source file of its crates is
//! at most 800 lines, and inside each crate, no two files import each other, directly or round
//! a circle; in `errcat-catalog`, each stage uses only the stages before it (the order of its
//! `lib.rs` diagram). Between crates, the compiler keeps the direction: a crate can only use
//! the crates it depends on.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The engine's crates, as folders under `codegen/`: the façade and the stages.
const CRATES: &[&str] = &[
    "src",
    "catalog/src",
    "mapping/src",
    "evolve/src",
    "emit/src",
];

/// The stages inside `errcat-catalog`, in order; a stage may use its own modules and earlier
/// stages. Rank 0 are helpers every stage may use (and which use no stage).
const CATALOG_STAGES: &[(&str, usize)] = &[
    ("diag", 0),
    ("ident", 0),
    ("text", 0),
    ("json_pointer", 0),
    ("format", 1),
    ("load", 2),
    ("check", 3),
    ("model", 4),
    ("locales", 5),
];

const MAX_LINES: usize = 800;

/// A crate's source files by module path (`rust::codes`, `plan`): each file's path and text.
type Modules = BTreeMap<String, (PathBuf, String)>;

/// Every `.rs` file under one crate's `src/`, by module path, with its text.
fn modules(src: &Path) -> Modules {
    let mut out = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("src/ is readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path
                .strip_prefix(src)
                .expect("under src/")
                .with_extension("");
            let mut parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
                parts.pop();
            }
            let text = fs::read_to_string(&path).expect("readable");
            out.insert(parts.join("::"), (path, text));
        }
    }
    out
}

/// Every crate's modules, by crate folder.
fn crates() -> Vec<(&'static str, Modules)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    CRATES
        .iter()
        .map(|c| (*c, modules(&root.join(c))))
        .collect()
}

/// The stage of a module path of `errcat-catalog`: its first segment's.
fn rank(module: &str) -> Option<usize> {
    let first = module.split("::").next()?;
    CATALOG_STAGES
        .iter()
        .find(|(s, _)| *s == first)
        .map(|(_, r)| *r)
}

/// Whether `c` can be part of a path.
fn path_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The paths a path starting at `text` names, braced groups expanded: `a::{b, c::{d, e}}` is
/// `a::b`, `a::c::d` and `a::c::e`; `self` in a group is the group's own path.
fn paths(text: &str) -> Vec<Vec<String>> {
    fn parse(text: &str, prefix: &[String], out: &mut Vec<Vec<String>>) -> usize {
        let mut at = 0;
        let mut path = prefix.to_vec();
        loop {
            let rest = &text[at..];
            let trimmed = rest.trim_start();
            at += rest.len() - trimmed.len();
            if let Some(group) = trimmed.strip_prefix('{') {
                at += 1;
                let mut inner = 0;
                loop {
                    inner += parse(&group[inner..], &path, out);
                    let rest = group[inner..].trim_start();
                    inner = group.len() - rest.len();
                    match rest.chars().next() {
                        Some(',') => inner += 1,
                        Some('}') => return at + inner + 1,
                        _ => return at + inner,
                    }
                }
            }
            let name: String = trimmed.chars().take_while(|c| path_char(*c)).collect();
            at += name.len();
            if name.is_empty() {
                if path.len() > prefix.len() {
                    out.push(path);
                }
                return at;
            }
            if name != "self" {
                path.push(name);
            }
            if text[at..].starts_with("::") {
                at += 2;
            } else {
                out.push(path);
                return at;
            }
        }
    }
    let mut out = Vec::new();
    parse(text, &[], &mut out);
    out
}

/// The modules `module`'s text names through `crate::…` or `super::…` paths (braced groups
/// included), resolved to the longest module path that exists.
fn imports(module: &str, is_mod_rs: bool, text: &str, known: &BTreeSet<&str>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let parent: Vec<&str> = {
        let mut p: Vec<&str> = module.split("::").filter(|s| !s.is_empty()).collect();
        if !is_mod_rs {
            p.pop();
        }
        p
    };
    for (prefix, base) in [("crate::", Vec::new()), ("super::", parent)] {
        let mut rest = text;
        while let Some(at) = rest.find(prefix) {
            let before = rest[..at].chars().last();
            rest = &rest[at + prefix.len()..];
            if before.is_some_and(|c| path_char(c) || c == ':') {
                continue;
            }
            for path in paths(rest) {
                let mut full: Vec<&str> = base.clone();
                full.extend(path.iter().map(String::as_str));
                while !full.is_empty() {
                    let candidate = full.join("::");
                    if known.contains(candidate.as_str()) {
                        if candidate != module {
                            out.insert(candidate);
                        }
                        break;
                    }
                    full.pop();
                }
            }
        }
    }
    out
}

#[test]
fn braced_groups_are_read_as_the_paths_they_name() {
    let named = |text: &str| -> Vec<String> { paths(text).iter().map(|p| p.join("::")).collect() };
    assert_eq!(
        named("codes::{Column, lit};"),
        ["codes::Column", "codes::lit"]
    );
    assert_eq!(named("{category, phf};"), ["category", "phf"]);
    assert_eq!(
        named("{a, b::{self, c}, d::e};"),
        ["a", "b", "b::c", "d::e"]
    );
    assert_eq!(named("model::Model;"), ["model::Model"]);
    let known: BTreeSet<&str> = ["rust", "rust::codes", "rust::category", "rust::phf"].into();
    assert_eq!(
        imports("rust::codes", false, "use super::{category, phf};", &known),
        BTreeSet::from(["rust::category".to_owned(), "rust::phf".to_owned()])
    );
}

#[test]
fn no_file_is_over_the_line_limit() {
    let long: Vec<String> = crates()
        .iter()
        .flat_map(|(_, modules)| modules.values())
        .filter(|(_, text)| text.lines().count() > MAX_LINES)
        .map(|(path, text)| format!("{} ({} lines)", path.display(), text.lines().count()))
        .collect();
    assert!(long.is_empty(), "over {MAX_LINES} lines: {long:?}");
}

#[test]
fn stages_use_only_earlier_stages_and_no_file_imports_round_a_circle() {
    let mut backwards = Vec::new();
    let mut circles = Vec::new();
    for (krate, modules) in crates() {
        let known: BTreeSet<&str> = modules.keys().map(String::as_str).collect();
        let mut graph: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
        for (module, (path, text)) in &modules {
            if module.is_empty() {
                continue; // lib.rs declares every module
            }
            let is_mod_rs = path.file_name().is_some_and(|n| n == "mod.rs");
            let used = imports(module, is_mod_rs, text, &known);
            if krate == "catalog/src" {
                let own = rank(module)
                    .unwrap_or_else(|| panic!("{module} is in no stage of CATALOG_STAGES"));
                for other in &used {
                    let theirs = rank(other).unwrap_or_else(|| panic!("{other} is in no stage"));
                    let same_stage = module.split("::").next() == other.split("::").next();
                    if !same_stage && (theirs > own || (own == 0 && theirs > 0)) {
                        backwards.push(format!("{module} uses {other}"));
                    }
                }
            }
            graph.insert(module, used);
        }
        // A circle: a module that reaches itself through the imports.
        for start in graph.keys() {
            let mut seen = BTreeSet::new();
            let mut stack: Vec<&str> = graph[start].iter().map(String::as_str).collect();
            while let Some(next) = stack.pop() {
                if next == *start {
                    circles.push(format!("{krate}: {start}"));
                    break;
                }
                if seen.insert(next) {
                    stack.extend(graph.get(next).into_iter().flatten().map(String::as_str));
                }
            }
        }
    }
    assert!(
        backwards.is_empty() && circles.is_empty(),
        "stages that use a later one: {backwards:?}; modules that import round a circle: {circles:?}"
    );
}
