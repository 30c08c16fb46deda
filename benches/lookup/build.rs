//! Writes into OUT_DIR, for each catalog size, the code every contender is compiled from:
//!
//! - `errcat{n}.rs`: the module errcat generates (`errcat_codegen::module_from_file`) for a
//!   synthetic catalog of `n` codes in four styles, a quarter each: numbers (`10004`),
//!   SQLSTATE-like (`01A00`), snake_case (`auth_failure_2`) and dotted
//!   (`query.request.rejected.3`);
//! - `phf{n}.rs`: a `phf::Map` from each code to its index, built by `phf_codegen`;
//! - `plain{n}.rs`: a hand-style enum with `match`-based `as_str` and `http_status`, and (up to
//!   `ERRCAT_BENCH_MATCH_MAX` codes) a `match`-based `from_code`;
//! - `strum{n}.rs`: (up to `ERRCAT_BENCH_STRUM_MAX` codes) an enum with strum's
//!   `#[derive(EnumString)]` and one `#[strum(serialize = "…")]` per variant;
//! - `sizes.rs`: the modules above, and `run_all()`, which benchmarks each size.
//!
//! `ERRCAT_BENCH_SIZES` (comma-separated) overrides the sizes.

use std::fmt::Write;
use std::path::{Path, PathBuf};

const SIZES: &str = "100,1000,10000,50000";
const MATCH_MAX: usize = 10_000;
const STRUM_MAX: usize = 10_000;

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    println!("cargo::rerun-if-env-changed={name}");
    match std::env::var(name) {
        Ok(v) => v
            .parse()
            .unwrap_or_else(|_| panic!("{name}={v} is not valid")),
        Err(_) => default,
    }
}

fn write(out: &Path, name: &str, text: &str) {
    let path = out.join(name);
    // Unchanged files keep their mtime, so cargo does not recompile for nothing.
    if std::fs::read_to_string(&path).ok().as_deref() != Some(text) {
        std::fs::write(&path, text).expect("write to OUT_DIR");
    }
}

fn main() {
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    let sizes: String = env_or("ERRCAT_BENCH_SIZES", SIZES.to_owned());
    let match_max: usize = env_or("ERRCAT_BENCH_MATCH_MAX", MATCH_MAX);
    let strum_max: usize = env_or("ERRCAT_BENCH_STRUM_MAX", STRUM_MAX);
    let sizes: Vec<usize> = sizes
        .split(',')
        .map(|s| s.trim().parse().expect("ERRCAT_BENCH_SIZES: numbers"))
        .collect();

    let mut index = String::new();
    let mut run_all = String::from("fn run_all() {\n");
    for &n in &sizes {
        let mut catalog = errcat_codegen::testing::catalog(&format!("bench{n}"), n, 0);
        for (i, code) in catalog.codes.iter_mut().enumerate() {
            code.code = errcat_codegen::testing::CodeValue::String(mixed(i));
        }
        let codes: Vec<String> = catalog.codes.iter().map(|c| c.code.wire()).collect();
        let statuses: Vec<u16> = catalog
            .codes
            .iter()
            .map(|c| c.status.unwrap_or(0))
            .collect();

        let path = out.join(format!("catalog{n}.json"));
        write(
            &out,
            &format!("catalog{n}.json"),
            &errcat_codegen::testing::json(&catalog),
        );
        let module = errcat_codegen::module_from_file(&path).unwrap_or_else(|r| panic!("{r}"));
        write(&out, &format!("errcat{n}.rs"), &module);

        let mut map = phf_codegen::Map::new();
        for (i, code) in codes.iter().enumerate() {
            map.entry(code.as_str(), &i.to_string());
        }
        write(
            &out,
            &format!("phf{n}.rs"),
            &format!(
                "pub static MAP: ::phf::Map<&'static str, u16> = {};\n",
                map.build()
            ),
        );

        write(
            &out,
            &format!("plain{n}.rs"),
            &plain(&codes, &statuses, n <= match_max),
        );
        write(
            &out,
            &format!("strum{n}.rs"),
            &strum(&codes, n <= strum_max),
        );

        let module = format!("n{n}");
        writeln!(index, "mod {module} {{").unwrap();
        for part in ["errcat", "phf", "plain", "strum"] {
            writeln!(
                index,
                "    pub mod {part} {{ include!(concat!(env!(\"OUT_DIR\"), \"/{part}{n}.rs\")); }}"
            )
            .unwrap();
        }
        index.push_str("}\n");
        writeln!(run_all, "    bench!({n}, {module});").unwrap();
    }
    run_all.push_str("}\n");
    index.push_str(&run_all);
    write(&out, "sizes.rs", &index);

    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=../../codegen/src");
    println!("cargo::rerun-if-changed=../../codegen/runtime");
}

/// The code of entry `i`: a number, a SQLSTATE-like code, snake_case or dotted, in turn.
fn mixed(i: usize) -> String {
    const AREAS: [&str; 6] = ["auth", "billing", "storage", "query", "network", "model"];
    const B36: &[u8; 36] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let (k, area) = (i / 4, AREAS[i % AREAS.len()]);
    match i % 4 {
        0 => format!("{}", 10_000 + k),
        1 => {
            let c = |d: usize| char::from(B36[d % 36]);
            let letter = char::from(b'A' + (k / 100 % 26) as u8);
            format!("{}{}{letter}{}{}", c(k / 2600), c(k / 93_600), k / 10 % 10, k % 10)
        }
        2 => format!("{area}_failure_{k}"),
        _ => format!("{area}.request.rejected.{k}"),
    }
}

/// An enum as one would write it by hand: accessors are `match`es, and so is `from_code`
/// when `with_lookup` (else `MATCH` is `None`).
fn plain(codes: &[String], statuses: &[u16], with_lookup: bool) -> String {
    let n = codes.len();
    let mut s =
        String::from("#[derive(Clone, Copy, PartialEq, Eq)]\n#[repr(u16)]\npub enum Plain {\n");
    for i in 0..n {
        writeln!(s, "    V{i},").unwrap();
    }
    s.push_str("}\n\n#[rustfmt::skip]\npub static ALL: [Plain; ");
    write!(s, "{n}] = [").unwrap();
    for i in 0..n {
        write!(s, "Plain::V{i}, ").unwrap();
    }
    s.push_str("];\n\nimpl Plain {\n    pub const fn as_str(self) -> &'static str {\n        match self {\n");
    for (i, code) in codes.iter().enumerate() {
        writeln!(s, "            Plain::V{i} => {code:?},").unwrap();
    }
    s.push_str(
        "        }\n    }\n\n    pub const fn http_status(self) -> u16 {\n        match self {\n",
    );
    for (i, status) in statuses.iter().enumerate() {
        writeln!(s, "            Plain::V{i} => {status},").unwrap();
    }
    s.push_str("        }\n    }\n}\n\n");
    if with_lookup {
        s.push_str("pub fn from_code(code: &str) -> Option<Plain> {\n    match code {\n");
        for (i, code) in codes.iter().enumerate() {
            writeln!(s, "        {code:?} => Some(Plain::V{i}),").unwrap();
        }
        s.push_str("        _ => None,\n    }\n}\n\n");
        s.push_str("pub const MATCH: Option<fn(&str) -> Option<Plain>> = Some(from_code);\n");
    } else {
        s.push_str("pub const MATCH: Option<fn(&str) -> Option<Plain>> = None;\n");
    }
    s
}

/// An enum deriving strum's `EnumString` (`FromStr`), when `enabled` (else `PARSE` is
/// `None`).
fn strum(codes: &[String], enabled: bool) -> String {
    if !enabled {
        return "pub const PARSE: Option<fn(&str) -> bool> = None;\n".to_owned();
    }
    let mut s = String::from(
        "#[derive(Clone, Copy, PartialEq, Eq, ::strum::EnumString)]\npub enum Code {\n",
    );
    for (i, code) in codes.iter().enumerate() {
        writeln!(s, "    #[strum(serialize = {code:?})]\n    V{i},").unwrap();
    }
    s.push_str("}\n\n");
    s.push_str(
        "fn parse(code: &str) -> bool {\n    <Code as ::core::str::FromStr>::from_str(code).is_ok()\n}\n\n",
    );
    s.push_str("pub const PARSE: Option<fn(&str) -> bool> = Some(parse);\n");
    s
}
