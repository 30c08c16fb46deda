//! JSON pointers (RFC 6901), the way every stage names a place in a JSON file: a segment is
//! escaped when a pointer is built and unescaped when one is followed. A leaf module: it
//! imports nothing from the crate, so any stage may use it.

/// Escapes one segment: `~` becomes `~0` and `/` becomes `~1`.
pub fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

/// Undoes [`escape`]: `~1` becomes `/` and then `~0` becomes `~`, in that order, so `~01`
/// reads as `~1`.
pub fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// The unescaped segments of `pointer`; `""`, the whole document, has none.
pub fn segments(pointer: &str) -> impl Iterator<Item = String> + '_ {
    pointer.split('/').skip(1).map(unescape)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_and_unescape_round_trip() {
        for segment in ["plain", "a/b", "a~b", "~1", "~0/~", "", "ü/~"] {
            assert_eq!(unescape(&escape(segment)), segment);
        }
        assert_eq!(escape("a/b~c"), "a~1b~0c");
    }

    #[test]
    fn unescape_reads_tilde_zero_one_as_tilde_one() {
        assert_eq!(unescape("~01"), "~1");
        assert_eq!(unescape("~10"), "/0");
    }

    #[test]
    fn segments_are_unescaped() {
        assert_eq!(segments("").count(), 0);
        assert_eq!(segments("/").collect::<Vec<_>>(), [""]);
        assert_eq!(
            segments("/codes/0/a~1b~0c").collect::<Vec<_>>(),
            ["codes", "0", "a/b~c"]
        );
    }
}
