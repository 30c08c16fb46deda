#!/usr/bin/env bash
# `gen` side by side: this checkout's xtask and the one of BASE (a commit; default 0458659,
# the version before the codegen rebuild), release builds, on the same synthetic inputs:
#
#   big:  one catalog of 100,000 codes (100-byte descriptions)
#   many: 300 catalogs of 50 codes each
#
# For each: the first run (everything written) and the second (nothing to write), with wall
# time, user+system CPU time, CPU use (over 100% means more than one core) and peak RSS.
#
#   benches/generation/run.sh [BASE]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
base=${1:-0458659}
work=${ERRCAT_BENCH_DIR:-/tmp/errcat-generation-bench}
mkdir -p "$work"

cargo build --quiet --release -p xtask --manifest-path "$root/Cargo.toml"
new=${CARGO_TARGET_DIR:-$root/target}/release/xtask
# ERRCAT_BENCH_BASE_XTASK names an already built xtask of BASE, to skip building it.
old=${ERRCAT_BENCH_BASE_XTASK:-$work/base-target/release/xtask}
if [ -z "${ERRCAT_BENCH_BASE_XTASK:-}" ]; then
    if [ ! -d "$work/base" ]; then
        mkdir -p "$work/base"
        git -C "$root" archive "$base" | tar -x -C "$work/base"
    fi
    CARGO_TARGET_DIR="$work/base-target" cargo build --quiet --release -p xtask \
        --manifest-path "$work/base/Cargo.toml"
fi

# The inputs, written once by this checkout's synthetic catalog generator.
if [ ! -f "$work/one.json" ]; then
    cargo run --quiet --release -p errcat-codegen --example measure \
        --manifest-path "$root/Cargo.toml" -- 100000 100 "$work/big.json" > /dev/null
    cargo run --quiet --release -p errcat-codegen --example measure \
        --manifest-path "$root/Cargo.toml" -- 50 100 "$work/one.json" > /dev/null
fi
python3 - "$work" <<'PY'
import json, os, sys
work = sys.argv[1]
os.makedirs(f"{work}/inputs/big/catalog", exist_ok=True)
big = json.load(open(f"{work}/big.json"))
json.dump(big, open(f"{work}/inputs/big/catalog/synthetic.json", "w"), indent=2)
os.makedirs(f"{work}/inputs/many/catalog", exist_ok=True)
one = json.load(open(f"{work}/one.json"))
for i in range(300):
    one["name"] = f"api{i:03d}"
    json.dump(one, open(f"{work}/inputs/many/catalog/api{i:03d}.json", "w"), indent=2)
PY

printf '%-5s %-6s %-6s %9s %9s %6s %9s %s\n' input xtask run wall cpu use peak written
for input in big many; do
    for which in old new; do
        bin=$old
        [ "$which" = new ] && bin=$new
        dir=$work/run-$which-$input
        rm -rf "$dir"
        cp -r "$work/inputs/$input" "$dir"
        for run in first second; do
            /usr/bin/time -o "$work/time.txt" -f "%e %U %S %P %M" \
                "$bin" gen --root "$dir" > "$work/out.txt" 2> "$work/err.txt"
            read -r wall user sys use peak < "$work/time.txt"
            cpu=$(python3 -c "print(f'{$user + $sys:.2f}')")
            written=$(grep -o '[0-9]* created, [0-9]* updated' "$work/out.txt" \
                | awk '{c += $1; u += $3} END {print c + u}')
            printf '%-5s %-6s %-6s %8ss %8ss %6s %7dMB %s\n' "$input" "$which" "$run" \
                "$wall" "$cpu" "$use" "$((peak / 1024))" "$written"
        done
    done
done
