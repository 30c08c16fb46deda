#!/usr/bin/env python3
"""Rewrites a generated crate's src/codes.rs the way a faster-compiling emitter would.

Usage: proposed.py CRATE_DIR

rustc's checks of a crate grow faster than linearly with the number of variant paths
(`ErrorCode::X`) it mentions when the enum is large: each costs about the number of variants.
The generated crate mentions every variant four times: the enum, `#[derive(Debug)]`'s
`match` (which also needs gigabytes of memory above 10,000 codes), `ErrorCode::ALL`, and
`from_status`'s slices. This replaces the derive by an impl that reads the variant name from
a static table of strings: same output, one mention fewer.

Only for measuring: see BENCHMARKS.md.
"""

import re
import sys


def block_end(text: str, start: int) -> int:
    """Index just past the bracket that closes the first `[` or `{` at or after `start`."""
    i = min(p for p in (text.find("[", start), text.find("{", start)) if p >= 0)
    opening = text[i]
    closing = "]" if opening == "[" else "}"
    depth = 0
    while True:
        c = text[i]
        if c == opening:
            depth += 1
        elif c == closing:
            depth -= 1
            if depth == 0:
                return i + 1
        elif c == '"':
            i += 1
            while text[i] != '"':
                i += 2 if text[i] == "\\" else 1
        i += 1


def main() -> None:
    path = f"{sys.argv[1]}/src/codes.rs"
    s = open(path, encoding="utf-8").read()
    derive = "#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]\n#[non_exhaustive]\n#[repr(u16)]"
    assert derive in s, "ErrorCode's derive changed shape"
    s = s.replace(derive, derive.replace("Debug, ", ""), 1)

    enum_start = s.index("pub enum ErrorCode {")
    enum_body = s[enum_start : block_end(s, enum_start)]
    names = re.findall(r"^    ([A-Za-z_][A-Za-z0-9_]*)(?: = \d+)?,$", enum_body, re.M)
    n = len(names)
    # Debug
    debug = (
        "impl ::core::fmt::Debug for ErrorCode {\n"
        "    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {\n"
        f"        static NAMES: [&str; {n}] = [{', '.join(repr(x).replace(chr(39), chr(34)) for x in names)}];\n"
        "        f.write_str(NAMES[*self as usize])\n"
        "    }\n"
        "}\n"
    )
    display = "impl ::core::fmt::Display for ErrorCode {"
    s = s.replace(display, debug + display, 1)
    open(path, "w", encoding="utf-8").write(s)


if __name__ == "__main__":
    main()
