#!/usr/bin/env bash
# How long `cargo install --path cli` takes, as README gives it, from an empty target folder:
#
#   benches/install/run.sh [BASE]
#
# This checkout with default features, then with `--features site` (mdBook), then, when BASE
# (a commit) is given, BASE's `cargo install --path cli` as its README gave it. Dependencies
# are fetched first (cargo's registry cache is warm); each install builds everything in
# release into a fresh target folder and installs into a scratch root. Prints a markdown table.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
base=${1:-}
work=${ERRCAT_BENCH_DIR:-/tmp/errcat-bench/install}
rm -rf "$work"
mkdir -p "$work"

install() { # install LABEL SOURCE [ARGS…]: wall seconds of one install
    local label=$1 source=$2
    shift 2
    cargo fetch --quiet --manifest-path "$source/Cargo.toml"
    local start=$EPOCHREALTIME
    cargo install --quiet --path "$source/cli" --root "$work/root-$label" \
        --target-dir "$work/target-$label" "$@" >"$work/$label.log" 2>&1 \
        || { cat "$work/$label.log" >&2; exit 1; }
    awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", b - a }'
    rm -rf "$work/target-$label"
}

rows=()
t=$(install default "$root")
rows+=("| this checkout | \`cargo install --path cli\` | $t |")
echo "${rows[-1]}" >&2
t=$(install site "$root" --features site)
rows+=("| this checkout | \`cargo install --path cli --features site\` | $t |")
echo "${rows[-1]}" >&2
if [ -n "$base" ]; then
    mkdir -p "$work/base-src"
    git -C "$root" archive "$base" | tar -x -C "$work/base-src"
    t=$(install base "$work/base-src")
    rows+=("| $base | \`cargo install --path cli\` | $t |")
    echo "${rows[-1]}" >&2
fi
echo "| version | command | seconds |"
echo "|---|---|---:|"
printf '%s\n' "${rows[@]}"
