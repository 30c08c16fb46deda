//! Time each stage of the pipeline on a synthetic catalog:
//! `cargo run --release -p errcat-codegen --example measure -- CODES [DESCRIPTION_BYTES]`.

use std::time::Instant;

use errcat_codegen::diag::Report;
use errcat_codegen::emit::{docs, rust};
use errcat_codegen::{load, load_model, synthetic};

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let description: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(200);
    let text = synthetic::json(&synthetic::catalog("synthetic", n, description));
    println!(
        "catalog: {n} codes, {description}-byte descriptions, {} bytes of JSON",
        text.len()
    );

    let t = Instant::now();
    let catalog = load::catalog(&text).expect("valid");
    println!("load:       {:>8.3} s", t.elapsed().as_secs_f64());
    drop(catalog);
    let t = Instant::now();
    let model = load_model("synthetic.json", &text, &mut Report::default()).expect("valid");
    println!("load+model: {:>8.3} s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let files = rust::emit(&model, "cargo xtask gen", false);
    println!(
        "rust:       {:>8.3} s ({} bytes of codes.rs)",
        t.elapsed().as_secs_f64(),
        files.codes_rs.len()
    );
    let t = Instant::now();
    let page = docs::page(&model, "cargo xtask gen");
    println!(
        "docs:       {:>8.3} s ({} bytes)",
        t.elapsed().as_secs_f64(),
        page.len()
    );
}
