#!/usr/bin/env python3
"""Writes the strum + thiserror counterpart of an errcat-generated crate.

Usage: strum_crate.py CATALOG.json DIR

DIR/Cargo.toml (a workspace of its own) and DIR/src/lib.rs: an `ErrorCode` enum with the
catalog's codes as variants, in catalog order, deriving strum's EnumString (FromStr),
IntoStaticStr (as_str), EnumIter (every code), EnumMessage (the message) and EnumCount,
and thiserror's Error (Display as `code: message`, as the generated crate prints it), plus
an `http_status` written as a `match`, which is how one writes it by hand. It covers less
than the generated crate (no descriptions, doc URLs, categories, retryable flags), so the
comparison leans in its favour.
"""

import json
import re
import sys


def variant(code: str) -> str:
    """UpperCamelCase, as errcat names variants of snake_case codes."""
    name = "".join(part[:1].upper() + part[1:] for part in re.split(r"[^A-Za-z0-9]+", code) if part)
    return name if name[:1].isalpha() else "E" + name


def rust_str(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def main() -> None:
    catalog_path, out = sys.argv[1], sys.argv[2]
    with open(catalog_path, encoding="utf-8") as f:
        catalog = json.load(f)
    name = catalog["name"]
    codes = catalog["codes"]

    with open(f"{out}/Cargo.toml", "w", encoding="utf-8") as f:
        f.write(
            f"""[package]
name = "{name}-strum"
version = "0.1.0"
edition = "2024"
publish = false

[dependencies]
strum = {{ version = "0.28", features = ["derive"] }}
thiserror = "2"

[workspace]
"""
        )

    lines = [
        f"//! {catalog['title']}: error codes with strum and thiserror derives.",
        "",
        "use strum::EnumMessage;",
        "",
        "#[derive(",
        "    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord,",
        "    strum::EnumString, strum::IntoStaticStr, strum::EnumIter, strum::EnumMessage,",
        "    strum::EnumCount, thiserror::Error,",
        ")]",
        "#[non_exhaustive]",
        "pub enum ErrorCode {",
    ]
    arms = []
    for c in codes:
        wire = str(c["code"])
        v = variant(wire)
        message = c["message"]
        lines.append(f"    /// {message}")
        if c.get("when"):
            lines.append("    ///")
            lines.append(f"    /// {c['when']}")
        lines.append(f"    #[strum(serialize = {rust_str(wire)}, message = {rust_str(message)})]")
        display = f"{wire}: {message}".replace("{", "{{").replace("}", "}}")
        lines.append(f"    #[error({rust_str(display)})]")
        lines.append(f"    {v},")
        arms.append(f"            ErrorCode::{v} => {c.get('status', 0)},")
    lines += [
        "}",
        "",
        "impl ErrorCode {",
        "    /// The wire code.",
        "    pub fn as_str(self) -> &'static str {",
        "        self.into()",
        "    }",
        "",
        "    /// The short message.",
        "    pub fn message(self) -> &'static str {",
        "        self.get_message().unwrap_or_default()",
        "    }",
        "",
        "    /// The HTTP status.",
        "    pub const fn http_status(self) -> u16 {",
        "        match self {",
        *arms,
        "        }",
        "    }",
        "}",
        "",
    ]
    with open(f"{out}/src/lib.rs", "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
