//! Generates, into OUT_DIR, the errcat module of synthetic catalogs of several sizes, and a
//! plain `match` lookup over the same codes for comparison.

use std::fmt::Write;
use std::path::PathBuf;

const SIZES: [usize; 3] = [100, 1_000, 10_000];

fn main() {
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    for n in SIZES {
        let catalog = errcat_codegen::synthetic::catalog(&format!("bench{n}"), n, 0);
        let path = out.join(format!("catalog{n}.json"));
        std::fs::write(&path, errcat_codegen::synthetic::json(&catalog)).expect("catalog");
        let module = errcat_codegen::module_from_file(&path).unwrap_or_else(|r| panic!("{r}"));
        std::fs::write(out.join(format!("codes{n}.rs")), module).expect("module");
        if n <= 1_000 {
            let mut m =
                String::from("pub fn lookup(code: &str) -> Option<usize> {\n    match code {\n");
            for (i, c) in catalog.codes.iter().enumerate() {
                writeln!(m, "        {:?} => Some({i}),", c.code.wire()).unwrap();
            }
            m.push_str("        _ => None,\n    }\n}\n");
            std::fs::write(out.join(format!("match{n}.rs")), m).expect("match");
        }
    }
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=../../codegen/src");
}
