#!/usr/bin/env bash
# Time and size of the report on a typo at the end of a one-line catalog of about 200 MB,
# for one or more builds of `xtask`, side by side in one run:
#
#   benches/report/run.sh target/release/xtask [OTHER_XTASK ...]
#
# Build the binaries first (`cargo build --release -p xtask`; for an older revision, in a
# `git worktree` of it). SIZE_MB (default 200) sets the file size.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 XTASK [XTASK ...]" >&2; exit 2; }
size_mb=${SIZE_MB:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/catalog"
python3 - "$work/catalog/big.json" "$size_mb" <<'PY'
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
printf 'catalog: %s bytes on one line\n\n' "$(stat -c %s "$work/catalog/big.json")"
printf '| xtask | wall s | user s | peak RSS MB | report bytes |\n|---|---|---|---|---|\n'
for bin in "$@"; do
    /usr/bin/time -f '%e %U %M' -o "$work/time" "$bin" gen --root "$work" 2>"$work/report" >/dev/null || true
    read -r wall user rss < <(tail -n 1 "$work/time")
    printf '| %s | %s | %s | %d | %s |\n' "$bin" "$wall" "$user" $((rss / 1024)) "$(stat -c %s "$work/report")"
done
