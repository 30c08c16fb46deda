//! `cargo run --release --manifest-path benches/lookup/Cargo.toml`: nanoseconds per lookup
//! (hits and misses) of the generated `FromStr` against a plain `match` and a `HashMap`.

#![allow(dead_code, missing_docs)]

use std::collections::HashMap;
use std::hint::black_box;
use std::time::Instant;

mod n100 {
    include!(concat!(env!("OUT_DIR"), "/codes100.rs"));
    pub mod matched {
        include!(concat!(env!("OUT_DIR"), "/match100.rs"));
    }
}
mod n1000 {
    include!(concat!(env!("OUT_DIR"), "/codes1000.rs"));
    pub mod matched {
        include!(concat!(env!("OUT_DIR"), "/match1000.rs"));
    }
}
mod n10000 {
    include!(concat!(env!("OUT_DIR"), "/codes10000.rs"));
}

/// Median of 15 runs of `f` over `keys`, in nanoseconds per lookup.
fn time(keys: &[String], f: impl Fn(&str) -> bool) -> f64 {
    let mut runs: Vec<f64> = (0..15)
        .map(|_| {
            let start = Instant::now();
            let mut found = 0usize;
            for _ in 0..20 {
                for k in keys {
                    found += usize::from(f(black_box(k)));
                }
            }
            black_box(found);
            start.elapsed().as_nanos() as f64 / (20 * keys.len()) as f64
        })
        .collect();
    runs.sort_by(f64::total_cmp);
    runs[runs.len() / 2]
}

macro_rules! bench {
    ($n:literal, $module:ident, $matched:expr) => {{
        let hits: Vec<String> = $module::ErrorCode::ALL
            .iter()
            .map(|c| c.as_str().to_owned())
            .collect();
        let misses: Vec<String> = hits.iter().map(|h| format!("{h}x")).collect();
        let map: HashMap<&str, $module::ErrorCode> = $module::ErrorCode::ALL
            .iter()
            .map(|c| (c.as_str(), *c))
            .collect();
        let row = |name: &str, f: &dyn Fn(&str) -> bool| {
            println!(
                "| {:>6} | {name:<18} | {:>8.1} | {:>8.1} |",
                $n,
                time(&hits, f),
                time(&misses, f)
            );
        };
        row("errcat from_code", &|k| {
            $module::ErrorCode::from_code(k).is_some()
        });
        row("HashMap (SipHash)", &|k| map.contains_key(k));
        let matched: Option<fn(&str) -> Option<usize>> = $matched;
        if let Some(m) = matched {
            row("match", &|k| m(k).is_some());
        }
    }};
}

fn main() {
    println!("| codes | lookup | hit ns | miss ns |\n|---:|---|---:|---:|");
    bench!(100, n100, Some(n100::matched::lookup));
    bench!(1000, n1000, Some(n1000::matched::lookup));
    bench!(10000, n10000, None);
}
