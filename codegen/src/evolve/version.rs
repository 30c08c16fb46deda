//! Catalog versions: semver `MAJOR.MINOR.PATCH`, compared and bumped as cargo reads them.

use std::fmt;

use super::diff::Class;

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
    /// pre-release or build suffix). The error says what is wrong.
    pub fn parse(s: &str) -> Result<Version, String> {
        let parts: Vec<&str> = s.split('.').collect();
        if parts.len() != 3 {
            return Err(format!(
                "`{s}` is not a version: write MAJOR.MINOR.PATCH, e.g. `1.4.0` (no pre-release or build suffix)"
            ));
        }
        let mut numbers = [0u64; 3];
        for (n, part) in numbers.iter_mut().zip(&parts) {
            let digits = !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
            if !digits || (part.len() > 1 && part.starts_with('0')) {
                return Err(format!(
                    "`{s}` is not a version: each of MAJOR.MINOR.PATCH is a number without leading zeros"
                ));
            }
            *n = part
                .parse()
                .map_err(|_| format!("`{s}` is not a version: `{part}` is too large"))?;
        }
        Ok(Version {
            major: numbers[0],
            minor: numbers[1],
            patch: numbers[2],
        })
    }

    /// The smallest version after `self` that a change of `class` needs, as cargo reads
    /// versions: for `1.0.0` and up, breaking bumps MAJOR, additive and behavioural bump
    /// MINOR, docs bump PATCH; for `0.y.z`, breaking bumps `y` and everything else `z`; for
    /// `0.0.z`, every change bumps `z` (cargo treats each `0.0.z` as incompatible with the next).
    pub fn bump(self, class: Class) -> Version {
        let Version {
            major,
            minor,
            patch,
        } = self;
        let (major, minor, patch) = match (major, minor, class) {
            (0, 0, _) => (0, 0, patch + 1),
            (0, _, Class::Breaking) => (0, minor + 1, 0),
            (0, _, _) => (0, minor, patch + 1),
            (_, _, Class::Breaking) => (major + 1, 0, 0),
            (_, _, Class::Additive | Class::Behavioural) => (major, minor + 1, 0),
            (_, _, Class::Docs) => (major, minor, patch + 1),
        };
        Version {
            major,
            minor,
            patch,
        }
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Version {
        Version::parse(s).unwrap()
    }

    #[test]
    fn parses_only_plain_semver() {
        assert_eq!(v("1.20.3").to_string(), "1.20.3");
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
    }

    #[test]
    fn bumps_as_cargo_reads_versions() {
        assert_eq!(v("1.2.3").bump(Class::Breaking), v("2.0.0"));
        assert_eq!(v("1.2.3").bump(Class::Behavioural), v("1.3.0"));
        assert_eq!(v("1.2.3").bump(Class::Additive), v("1.3.0"));
        assert_eq!(v("1.2.3").bump(Class::Docs), v("1.2.4"));
        assert_eq!(v("0.2.3").bump(Class::Breaking), v("0.3.0"));
        assert_eq!(v("0.2.3").bump(Class::Additive), v("0.2.4"));
        assert_eq!(v("0.2.3").bump(Class::Behavioural), v("0.2.4"));
        assert_eq!(v("0.2.3").bump(Class::Docs), v("0.2.4"));
        assert_eq!(v("0.0.3").bump(Class::Docs), v("0.0.4"));
        assert_eq!(v("0.0.3").bump(Class::Breaking), v("0.0.4"));
        assert!(v("0.10.0") > v("0.9.9"));
    }
}
