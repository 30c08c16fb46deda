#!/usr/bin/env bash
# Clean build times of an errcat-generated crate against a strum + thiserror crate with the
# same codes, messages and statuses: `bash benches/compile/run.sh` (see BENCHMARKS.md).
#
# For each size (ERRCAT_BENCH_SIZES, default "1000 10000"): a synthetic catalog, the crate
# `cargo xtask gen --catalog … --out …` makes of it, and its strum counterpart
# (strum_crate.py). Each is built in debug and release into an empty target
# folder, so the time includes every dependency (strum's and thiserror's proc macros with
# syn; the generated crate has none). "crate alone" rebuilds only the crate itself, its
# dependencies already built. Everything goes under ERRCAT_BENCH_DIR (default
# /tmp/errcat-bench/compile). Needs python3 (for strum_crate.py), and cargo's registry
# once to fetch strum and thiserror.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
work=${ERRCAT_BENCH_DIR:-/tmp/errcat-bench/compile}
sizes=${ERRCAT_BENCH_SIZES:-"1000 10000"}
mkdir -p "$work"

# The tools, built apart from the workspace's own target folder.
echo "building the generator…" >&2
CARGO_TARGET_DIR="$work/tools" cargo build --quiet --release --manifest-path "$root/Cargo.toml" \
    -p xtask
CARGO_TARGET_DIR="$work/tools" cargo build --quiet --release --manifest-path "$root/Cargo.toml" \
    -p errcat-codegen --example measure
measure="$work/tools/release/examples/measure"
xtask="$work/tools/release/xtask"

seconds() { # seconds COMMAND…: run it, print the wall time in seconds
    local start=$EPOCHREALTIME
    "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log" >&2; exit 1; }
    awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.2f", b - a }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a / (b > 0 ? b : 0.1) }'; }

build() { # build DIR PROFILE: "clean crate-alone" seconds
    local dir=$1 profile=$2 target="$work/target-$(basename "$1")-$2" flag=()
    [[ $profile == release ]] && flag=(--release)
    rm -rf "$target"
    local package
    package=$(sed -n 's/^name = "\(.*\)"/\1/p' "$dir/Cargo.toml" | head -n1)
    local clean alone
    clean=$(seconds env CARGO_TARGET_DIR="$target" cargo build --offline "${flag[@]}" \
        --manifest-path "$dir/Cargo.toml")
    CARGO_TARGET_DIR="$target" cargo clean --quiet --offline "${flag[@]}" -p "$package" \
        --manifest-path "$dir/Cargo.toml"
    alone=$(seconds env CARGO_TARGET_DIR="$target" cargo build --offline "${flag[@]}" \
        --manifest-path "$dir/Cargo.toml")
    rm -rf "$target"
    echo "$clean $alone"
}

rows=()
for n in $sizes; do
    catalog="$work/synthetic$n.json"
    errcat="$work/errcat$n"
    strum="$work/strum$n"
    "$measure" "$n" 0 "$catalog" >/dev/null
    rm -rf "$errcat" "$strum"
    gen=$(seconds "$xtask" gen --catalog "$catalog" --out "$errcat")
    mkdir -p "$strum/src"
    python3 "$root/benches/compile/strum_crate.py" "$catalog" "$strum"
    # Download (or find in cargo's cache) what the strum crate needs, outside the timings.
    cargo generate-lockfile --quiet --manifest-path "$strum/Cargo.toml"
    cargo fetch --quiet --manifest-path "$strum/Cargo.toml"
    cargo generate-lockfile --quiet --offline --manifest-path "$errcat/Cargo.toml"
    echo "$n codes: generated in ${gen} s; building…" >&2
    for profile in debug release; do
        base=
        for crate in errcat strum; do
            case $crate in
                errcat) dir=$errcat label="errcat" ;;
                strum) dir=$strum label="strum + thiserror" ;;
            esac
            times=$(build "$dir" "$profile")
            read -r clean alone <<<"$times"
            base=${base:-$clean}
            rows+=("| $n | $profile | $label | $clean | $alone | $(ratio "$clean" "$base") |")
            echo "${rows[-1]}" >&2
        done
    done
    rows+=("| $n | | (\`xtask gen\` writing the errcat crate: $gen s) | | | |")
done

echo
echo "Seconds (wall); × is the clean build's time over errcat's"
echo
echo "| codes | profile | crate | clean build | crate alone | × |"
echo "|---:|---|---|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
