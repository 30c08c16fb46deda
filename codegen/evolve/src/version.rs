//! How changes bump a catalog version, as cargo reads versions.

use super::diff::Class;
use errcat_catalog::format::Version;

/// The version a change needs after a released one. (A trait: [`Version`] is the format's
/// type, and bumping it is this stage's rule.)
pub trait Bump {
    /// See the implementation for [`Version`].
    fn bump(self, class: Class) -> Version;
}

impl Bump for Version {
    /// The smallest version after `self` that a change of `class` needs, as cargo reads
    /// versions: for `1.0.0` and up, breaking bumps MAJOR, additive and behavioural bump
    /// MINOR, docs bump PATCH; for `0.y.z`, breaking bumps `y` and everything else `z`; for
    /// `0.0.z`, every change bumps `z` (cargo treats each `0.0.z` as incompatible with the next).
    fn bump(self, class: Class) -> Version {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Version {
        Version::parse(s).unwrap()
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
