#!/usr/bin/env bash
# What a crate pays to use errcat from its build script, beside prost-build, in one run:
#
#   benches/build-dep/run.sh [BASE] [ROUNDS]
#
# Three (or four) small crates, each built from clean (`cargo build`, debug, empty target
# folder) ROUNDS times (default 3), one after the other in each round so that they share the
# machine's state:
#
#   prost    an empty library with `prost-build` as its build-dependency (the tool a user would
#            otherwise pick for generated Rust from a schema at build time);
#   native   README's `build.rs` on a native catalog (a copy of catalog/dataxid.json), with
#            `errcat-codegen` from this checkout as its build-dependency, default features;
#   mapping  the same on a vendor mapping (catalog/pg-error-codes.json and the vendor file it
#            reads), with the `mapping` feature on; reported, no target;
#   base     the native crate against errcat-codegen at commit BASE (when BASE is given), for
#            the before/after figure.
#
# Every dependency is fetched before the timings (cargo's registry cache is warm; the target
# folder is empty). Prints a markdown table: wall seconds per round, the median, the ratio to
# prost, and how many crates each build compiles.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
base=${1:-}
rounds=${2:-3}
work=${ERRCAT_BENCH_DIR:-/tmp/errcat-bench/build-dep}
rm -rf "$work/crates"
mkdir -p "$work/crates"

crate() { # crate NAME BUILD_DEP_LINE BUILD_RS [CATALOG_FILES…]
    local dir="$work/crates/$1"
    mkdir -p "$dir/src" "$dir/errors"
    cat >"$dir/Cargo.toml" <<TOML
[package]
name = "user-$1"
version = "0.1.0"
edition = "2021"

[workspace]

[build-dependencies]
$2
TOML
    printf '%s\n' "$3" >"$dir/build.rs"
}

crate prost 'prost-build = "0.14"' 'fn main() { let _ = prost_build::Config::new(); }'
echo '' >"$work/crates/prost/src/lib.rs"

native_build='fn main() {
    errcat_codegen::Generator::new()
        .build_script("errors/dataxid.json")
        .unwrap_or_else(|report| panic!("{report}"));
}'
crate native "errcat-codegen = { path = \"$root/codegen\" }" "$native_build"
cp "$root/catalog/dataxid.json" "$work/crates/native/errors/"
echo 'include!(concat!(env!("OUT_DIR"), "/dataxid.rs"));' >"$work/crates/native/src/lib.rs"

mapping_build='fn main() {
    errcat_codegen::Generator::new()
        .build_script("errors/pg-error-codes.json")
        .unwrap_or_else(|report| panic!("{report}"));
}'
# (Before the engine was split, mapping was always compiled in and there was no feature.)
features=
grep -q '^mapping = ' "$root/codegen/Cargo.toml" && features=', features = ["mapping"]'
crate mapping "errcat-codegen = { path = \"$root/codegen\"$features }" "$mapping_build"
cp "$root/catalog/pg-error-codes.json" "$work/crates/mapping/errors/"
mkdir -p "$work/crates/mapping/errors/vendor"
# The mapping names its vendor file relative to itself (`vendor/…`).
src=$(sed -n 's/.*"vendor_file": *"\([^"]*\)".*/\1/p' "$root/catalog/pg-error-codes.json" | head -n1)
mkdir -p "$(dirname "$work/crates/mapping/errors/$src")"
cp "$root/catalog/$src" "$work/crates/mapping/errors/$src"
echo 'include!(concat!(env!("OUT_DIR"), "/pg-error-codes.rs"));' >"$work/crates/mapping/src/lib.rs"

names=(prost native mapping)
if [ -n "$base" ]; then
    rm -rf "$work/base-src"
    mkdir -p "$work/base-src"
    git -C "$root" archive "$base" | tar -x -C "$work/base-src"
    crate base "errcat-codegen = { path = \"$work/base-src/codegen\" }" "$native_build"
    cp "$root/catalog/dataxid.json" "$work/crates/base/errors/"
    cp "$work/crates/native/src/lib.rs" "$work/crates/base/src/"
    names+=(base)
fi

for n in "${names[@]}"; do
    cargo fetch --quiet --manifest-path "$work/crates/$n/Cargo.toml"
done

declare -A times counts
for r in $(seq "$rounds"); do
    for n in "${names[@]}"; do
        target="$work/target-$n"
        rm -rf "$target"
        start=$EPOCHREALTIME
        CARGO_TARGET_DIR="$target" cargo build --offline --manifest-path \
            "$work/crates/$n/Cargo.toml" >"$work/$n.log" 2>&1 || { cat "$work/$n.log"; exit 1; }
        t=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
        times[$n]="${times[$n]:-} $t"
        counts[$n]=$(grep -c '^ *Compiling ' "$work/$n.log")
        echo "round $r: $n ${t} s (${counts[$n]} crates compiled)" >&2
        rm -rf "$target"
    done
done

median() { tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
p=$(echo "${times[prost]}" | median)
echo "| crate | crates compiled | clean build, s (each round) | median, s | × prost-build |"
echo "|---|---:|---|---:|---:|"
for n in "${names[@]}"; do
    m=$(echo "${times[$n]}" | median)
    echo "| $n | ${counts[$n]} |${times[$n]} | $m | $(awk -v a="$m" -v b="$p" 'BEGIN { printf "%.2f", a / b }') |"
done
