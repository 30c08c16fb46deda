//! Time each stage of the pipeline on a synthetic catalog:
//! `cargo run --release -p errcat-codegen --example measure -- CODES [DESCRIPTION_BYTES [OUT.json]]`.
//! With `OUT.json`, the catalog is also written there (to time `cargo xtask gen` on it).

use std::time::Instant;

use errcat_codegen::Generator;
use errcat_codegen::testing as synthetic;

fn main() {
    let mut args = std::env::args().skip(1);
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let description: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(200);
    let text = synthetic::json(&synthetic::catalog("synthetic", n, description));
    let bytes = text.len();
    println!("catalog: {n} codes, {description}-byte descriptions, {bytes} bytes of JSON");
    if let Some(out) = args.next() {
        std::fs::write(&out, &text).expect("catalog written");
    }

    let t = Instant::now();
    let catalog = synthetic::parse_catalog(&text).expect("valid");
    println!("load:       {:>8.3} s", t.elapsed().as_secs_f64());
    drop(catalog);
    let t = Instant::now();
    let model = Generator::new()
        .load_str("synthetic.json", &text)
        .expect("valid");
    println!("load+model: {:>8.3} s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let files = Generator::new().crate_files(&model, false);
    let size = files.codes_rs().len();
    println!(
        "rust:       {:>8.3} s ({size} bytes of codes.rs)",
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let page = Generator::new().page(&model);
    println!(
        "docs:       {:>8.3} s ({} bytes)",
        t.elapsed().as_secs_f64(),
        page.len()
    );
}
