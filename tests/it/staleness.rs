//! `generated/` and `catalog/schema.json` must be exactly what the catalogs produce.

use errcat_codegen::{Drift, Generator};

#[test]
fn generated_files_are_up_to_date() {
    let root = errcat_tests::root();
    let plan = Generator::new()
        .root(&root)
        .plan()
        .unwrap_or_else(|report| panic!("the catalogs do not load:\n{report}"));
    let drift = plan.check(&root).expect("generated/ is readable");
    if !drift.is_empty() {
        let list: Vec<String> = drift
            .iter()
            .map(|(path, kind)| {
                let kind = match kind {
                    Drift::Missing => "missing",
                    Drift::Stale => "stale",
                    Drift::Orphaned => "produced by no catalog",
                };
                format!("  {} ({kind})", path.display())
            })
            .collect();
        panic!(
            "generated files differ from what the catalogs produce:\n{}\n\nRun `cargo xtask gen` (with `--prune` for files no catalog produces) and commit the result.",
            list.join("\n")
        );
    }
}
