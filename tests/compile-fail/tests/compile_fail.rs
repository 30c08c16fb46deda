//! The generated API turns mistakes into compile errors. Each program in `tests/ui/` misuses
//! `shop_errors` and must fail to compile with the error pinned in its `.stderr` file (rustc's
//! whole output, not only that it failed): a missing argument, a misspelled one, a wrongly
//! typed one, and a code raised from an operation that does not list it. `tests/pass/` uses
//! the same items correctly and must compile and run, so each failure is its own mistake's
//! and not a missing feature's or a wrong path's.
//!
//! The pinned output is rustc's, and it changes with rustc's version: these files were written
//! by rustc 1.95.0. Where rustc quotes `generated/shop/src/` (the `new` a call does not match,
//! the `From` impls an operation has), trybuild drops the line numbers but keeps the quoted
//! line, so regenerating the crate can change them too. After either, rewrite them, read the
//! difference, and commit only the intended error:
//!
//! ```text
//! TRYBUILD=overwrite cargo test -p errcat-compile-fail
//! ```

/// The compiler the `.stderr` files were written by.
const PINNED: &str = "rustc 1.95.0 ";

fn main() {
    // Another rustc words its errors differently: CI (the `CI` variable set) fails and says how
    // to refresh; elsewhere the cases are skipped, saying so, unless they are being rewritten.
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let version = std::process::Command::new(&rustc)
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
        .unwrap_or_default();
    let ci = std::env::var("CI").is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false"));
    if !version.starts_with(PINNED) && std::env::var_os("TRYBUILD").is_none() {
        let found = version.trim();
        assert!(
            !ci,
            "the compile-fail output is pinned for {}, and this is {found}: refresh it with \
             `TRYBUILD=overwrite cargo test -p errcat-compile-fail` and read the difference",
            PINNED.trim()
        );
        eprintln!(
            "compile-fail tests skipped: their output is pinned for {}, this is {found} (this fails under CI)",
            PINNED.trim()
        );
        return;
    }
    // What a user sees is rustc's output. CI (`.ci/run`, `.ci/features`) runs `cargo test` with
    // clippy's driver as the workspace wrapper, and the scratch project trybuild builds is a
    // workspace of its own, so its programs would be compiled by clippy's driver too, which
    // prints types with their full paths (`shop_errors::operations::GetOrderError` where rustc
    // writes `GetOrderError`) and lints the programs with warnings denied.
    //
    // SAFETY: this is `main` of a test without libtest's harness (`harness = false`): no
    // other thread has started, so none reads or writes the environment at the same time.
    unsafe {
        std::env::remove_var("RUSTC_WORKSPACE_WRAPPER");
        std::env::remove_var("CARGO_BUILD_RUSTC_WORKSPACE_WRAPPER");
    }

    let cases = trybuild::TestCases::new();
    cases.pass("tests/pass/*.rs");
    cases.compile_fail("tests/ui/*.rs");
    // The cases run when `cases` is dropped, which panics if any of them failed.
}
