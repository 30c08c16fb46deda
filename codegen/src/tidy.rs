//! The shape of this crate, checked: every file of `src/` is at most 800 lines, each stage
//! uses only the stages before it (the order of `lib.rs`'s diagram), and no two files import
//! each other, directly or round a circle.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The pipeline's stages, in order; a stage may use its own modules and earlier stages.
/// Rank 0 are helpers every stage may use (and which use no stage).
const STAGES: &[(&str, usize)] = &[
    ("diag", 0),
    ("ident", 0),
    ("text", 0),
    ("json_pointer", 0),
    ("format", 1),
    ("load", 2),
    ("mapping", 3),
    ("check", 4),
    ("model", 5),
    ("evolve", 6),
    ("emit", 7),
    ("phf", 7),
    ("plan", 8),
    ("generator", 9),
    ("testing", 9),
    ("tidy", 9),
];

const MAX_LINES: usize = 800;

/// Every `.rs` file under `src/`, by module path (`emit::rust`, `plan`), with its text.
fn modules() -> BTreeMap<String, (PathBuf, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = BTreeMap::new();
    let mut stack = vec![src.clone()];
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
                .strip_prefix(&src)
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

/// The stage of a module path: its first segment's.
fn rank(module: &str) -> Option<usize> {
    let first = module.split("::").next()?;
    STAGES.iter().find(|(s, _)| *s == first).map(|(_, r)| *r)
}

/// The modules `module`'s text names through `crate::…` or `super::…` paths, resolved to
/// the longest module path that exists.
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
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let path: Vec<&str> = rest
                .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
                .next()
                .unwrap_or_default()
                .split("::")
                .filter(|s| !s.is_empty())
                .collect();
            let mut full: Vec<&str> = base.clone();
            full.extend(path);
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
    out
}

#[test]
fn no_file_is_over_the_line_limit() {
    let long: Vec<String> = modules()
        .values()
        .filter(|(_, text)| text.lines().count() > MAX_LINES)
        .map(|(path, text)| format!("{} ({} lines)", path.display(), text.lines().count()))
        .collect();
    assert!(long.is_empty(), "over {MAX_LINES} lines: {long:?}");
}

#[test]
fn stages_use_only_earlier_stages_and_no_file_imports_round_a_circle() {
    let modules = modules();
    let known: BTreeSet<&str> = modules.keys().map(String::as_str).collect();
    let mut graph: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let mut backwards = Vec::new();
    for (module, (path, text)) in &modules {
        if module.is_empty() {
            continue; // lib.rs: the façade declares and re-exports every stage
        }
        let is_mod_rs = path.file_name().is_some_and(|n| n == "mod.rs");
        let used = imports(module, is_mod_rs, text, &known);
        let own = rank(module).unwrap_or_else(|| panic!("{module} is in no stage of STAGES"));
        for other in &used {
            let theirs = rank(other).unwrap_or_else(|| panic!("{other} is in no stage"));
            let same_stage = module.split("::").next() == other.split("::").next();
            if !same_stage && (theirs > own || (own == 0 && theirs > 0)) {
                backwards.push(format!("{module} uses {other}"));
            }
        }
        graph.insert(module, used);
    }

    // A circle: a module that reaches itself through the imports.
    let mut circles = Vec::new();
    for start in graph.keys() {
        let mut seen = BTreeSet::new();
        let mut stack: Vec<&str> = graph[start].iter().map(String::as_str).collect();
        while let Some(next) = stack.pop() {
            if next == *start {
                circles.push((*start).to_owned());
                break;
            }
            if seen.insert(next) {
                stack.extend(graph.get(next).into_iter().flatten().map(String::as_str));
            }
        }
    }
    assert!(
        backwards.is_empty() && circles.is_empty(),
        "stages that use a later one: {backwards:?}; modules that import round a circle: {circles:?}"
    );
}
