#!/usr/bin/env bash
# Time and size of reports on one-line catalogs, for one or more builds of `xtask`, side by
# side in one run:
#
#   benches/report/run.sh target/release/xtask [OTHER_XTASK ...]
#
# Two inputs, each one line:
#
# - typo: a catalog of about SIZE_MB (default 200) MB with a typo (a trailing comma) at the
#   end: one problem, so the report is a few hundred bytes whatever the size.
# - many: a catalog of about MANY_KB (default 1000) KB whose codes are all defined twice, once
#   in each half of the line, MANY (default 1000) problems whose two places are half the line
#   apart. Each place is shown in its own window, the first three problems in full and the
#   rest counted and listed a line each: about 50 KB of report for the defaults (64 KB is
#   the bound `tests/it/reports.rs` asserts).
#
# Build the binaries first (`cargo build --release -p xtask`; for an older revision, in a
# `git worktree` of it).
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 XTASK [XTASK ...]" >&2; exit 2; }
size_mb=${SIZE_MB:-200}
many_kb=${MANY_KB:-1000}
many=${MANY:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/typo/catalog" "$work/many/catalog"
python3 - "$work/typo/catalog/big.json" "$size_mb" <<'PY'
import sys
path, size = sys.argv[1], int(sys.argv[2]) * 1_000_000
entry = '{"code":"c%d","message":"Message number %d is long enough to fill","status":400}'
with open(path, "w") as f:
    f.write('{"format":1,"name":"big","title":"Big","codes":[')
    written, i = 0, 0
    while written < size:
        s = entry % (i, i) + ","
        f.write(s)
        written += len(s)
        i += 1
    # The typo: a trailing comma in the last entry.
    f.write('{"code":"x","message":"m","status":404,}]}')
PY
python3 - "$work/many/catalog/many.json" "$many_kb" "$many" <<'PY'
import sys
path, size, n = sys.argv[1], int(sys.argv[2]) * 1000, int(sys.argv[3])
filler = "m" * max(1, size // (2 * n) - 34)
entries = ['{"code":"code_%04d","message":"%s"}' % (i % n, filler) for i in range(2 * n)]
with open(path, "w") as f:
    f.write('{"format":1,"name":"many","title":"Many","codes":[' + ",".join(entries) + "]}")
PY
for input in typo many; do
    file=$(ls "$work/$input/catalog/"*.json)
    printf '\n%s: %s bytes on one line\n\n' "$input" "$(stat -c %s "$file")"
    printf '| xtask | wall s | user s | peak RSS MB | report bytes | longest line |\n|---|---|---|---|---|---|\n'
    for bin in "$@"; do
        /usr/bin/time -f '%e %U %M' -o "$work/time" "$bin" gen --root "$work/$input" 2>"$work/report" >/dev/null || true
        read -r wall user rss < <(tail -n 1 "$work/time")
        longest=$(awk '{ if (length > n) n = length } END { print n + 0 }' "$work/report")
        printf '| %s | %s | %s | %d | %s | %s |\n' "$bin" "$wall" "$user" $((rss / 1024)) "$(stat -c %s "$work/report")" "$longest"
    done
done
