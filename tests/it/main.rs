//! errcat's end-to-end tests, one module per concern, built as one test binary so the
//! workspace's libraries and the generated crates are linked once. Run one concern with a
//! filter: `cargo test -p errcat-tests -- fuzz::`. Shared helpers are the `errcat_tests`
//! library (`tests/support.rs`).

/// `insta::assert_snapshot!` for the modules of this binary. Each snapshot is
/// `tests/snapshots/<module>__<name>.snap`, the name and place insta gives it in a test
/// binary of its own, so the module path of this binary (`it::<module>`) does not rename it.
macro_rules! snapshot {
    ($name:expr, $value:expr $(,)?) => {{
        let module = module_path!().rsplit("::").next().unwrap_or_default();
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path("../snapshots");
        settings.set_prepend_module_to_snapshot(false);
        settings.bind(|| insta::assert_snapshot!(format!("{module}__{}", $name), $value));
    }};
}

mod adoption;
mod args;
mod bodies;
mod canary;
mod cli;
mod diagnostics;
mod docs;
mod envelopes;
mod evolve;
mod examples;
mod fuzz;
mod google_rpc;
mod hardening;
mod http;
mod integrations;
mod locales;
mod loopback;
mod markup;
mod names;
mod oracles;
mod publish;
mod registries;
mod reports;
mod seeds;
mod snapshots;
mod staleness;
mod standalone;
mod text;
mod vendor;
mod vendors;
