//! Catalog versions: semver `MAJOR.MINOR.PATCH`, as a catalog states them and cargo reads
//! them. How changes bump them is the evolve stage's business.

use std::fmt;

/// A catalog (and crate) version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Version {
    /// Breaking changes (from 1.0.0).
    pub major: u64,
    /// Compatible additions and behaviour (breaking changes for `0.y.z`).
    pub minor: u64,
    /// Fixes and documentation (every change for `0.0.z`).
    pub patch: u64,
}

impl Version {
    /// The version of a catalog that gives none: what every generated crate was before
    /// catalogs had versions.
    pub const DEFAULT: Version = Version {
        major: 0,
        minor: 1,
        patch: 0,
    };

    /// Reads `MAJOR.MINOR.PATCH`: three numbers without leading zeros, nothing else (no
    /// pre-release or build suffix). The error says what is wrong; the caller locates it.
    pub fn parse(s: &str) -> Result<Version, NotAVersion> {
        let fail = |why| NotAVersion {
            text: s.to_owned(),
            why,
        };
        let parts: Vec<&str> = s.split('.').collect();
        if parts.len() != 3 {
            return Err(fail(Why::Shape));
        }
        let mut numbers = [0u64; 3];
        for (n, part) in numbers.iter_mut().zip(&parts) {
            let digits = !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
            if !digits || (part.len() > 1 && part.starts_with('0')) {
                return Err(fail(Why::Digits));
            }
            *n = part
                .parse()
                .map_err(|_| fail(Why::TooLarge(part.to_string())))?;
        }
        Ok(Version {
            major: numbers[0],
            minor: numbers[1],
            patch: numbers[2],
        })
    }
}

/// Why a text is not a [`Version`]; shown, it is the message for the catalog's author.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotAVersion {
    text: String,
    why: Why,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Why {
    /// Not three parts.
    Shape,
    /// A part that is not a number without leading zeros.
    Digits,
    /// A part too large for a version number.
    TooLarge(String),
}

impl fmt::Display for NotAVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = &self.text;
        match &self.why {
            Why::Shape => write!(
                f,
                "`{s}` is not a version: write MAJOR.MINOR.PATCH, e.g. `1.4.0` (no pre-release or build suffix)"
            ),
            Why::Digits => write!(
                f,
                "`{s}` is not a version: each of MAJOR.MINOR.PATCH is a number without leading zeros"
            ),
            Why::TooLarge(part) => write!(f, "`{s}` is not a version: `{part}` is too large"),
        }
    }
}

impl std::error::Error for NotAVersion {}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_plain_semver() {
        assert_eq!(Version::parse("1.20.3").unwrap().to_string(), "1.20.3");
        for bad in [
            "1.2",
            "1.2.3.4",
            "01.2.3",
            "1.2.3-beta",
            "1.2.x",
            "",
            "1..3",
            "v1.2.3",
        ] {
            assert!(Version::parse(bad).is_err(), "{bad}");
        }
        for (bad, message) in [
            (
                "1.2",
                "`1.2` is not a version: write MAJOR.MINOR.PATCH, e.g. `1.4.0` (no pre-release or build suffix)",
            ),
            (
                "1.02.3",
                "`1.02.3` is not a version: each of MAJOR.MINOR.PATCH is a number without leading zeros",
            ),
            (
                "1.2.99999999999999999999",
                "`1.2.99999999999999999999` is not a version: `99999999999999999999` is too large",
            ),
        ] {
            assert_eq!(Version::parse(bad).unwrap_err().to_string(), message);
        }
    }
}
