//! Codes the generated lookup cannot tell apart. A spelling of up to 32 bytes is its own key
//! in the lookup's tables; a longer one is stood for by its last 32 bytes with a digest of the
//! rest folded in. Two long spellings of one length with the same stand-in would land on one
//! slot under every seed, and no table could be built: found here, where it can be located,
//! instead of in the emitter. It takes spellings made to collide; no catalog meets it by chance.

use std::collections::HashMap;

use crate::diag::Diagnostic;
use crate::format::Catalog;

/// The hash of the generated lookup, as generated crates have it.
#[allow(dead_code)] // Only `words` is needed here; the rest serves the emitter's copy.
mod lookup {
    include!("../../../runtime/phf_hash.rs");
}

/// An error at each spelling whose stand-in another, earlier spelling already has.
pub(super) fn check(catalog: &Catalog, out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<([u64; 4], usize), (String, String)> = HashMap::new();
    for (i, code) in catalog.codes.iter().enumerate() {
        let spellings = std::iter::once((code.code.wire(), format!("/codes/{i}/code"))).chain(
            code.aliases
                .iter()
                .enumerate()
                .map(|(j, a)| (a.clone(), format!("/codes/{i}/aliases/{j}"))),
        );
        for (spelling, place) in spellings.filter(|(s, _)| s.len() > 32) {
            let key = (lookup::words(spelling.as_bytes()), spelling.len());
            match seen.get(&key) {
                Some((first, first_place)) if *first != spelling => out.push(
                    Diagnostic::at(
                        &place,
                        format!(
                            "the generated lookup cannot tell code `{spelling}` from `{first}`: \
                             they are as long, and their first bytes fold to the same digest"
                        ),
                    )
                    .related(first_place.clone(), "the other code")
                    .hint("such codes are made to collide; change one of them"),
                ),
                Some(_) => {}
                None => {
                    seen.insert(key, (spelling, place));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::lookup::words;

    /// Two printable 48-byte spellings with the same stand-in: the digest of the first 16
    /// bytes is folded into bytes 16..24, so a second prefix is searched whose digest
    /// differs from the first's by a printable difference there.
    fn twins() -> (String, String) {
        let first = "A".repeat(48);
        let w = words(first.as_bytes());
        let printable = |b: u8| b.is_ascii_alphanumeric();
        for n in 0u64.. {
            let prefix = format!("{n:0>16}");
            let probe = format!("{prefix}{}", "A".repeat(32));
            // words()[0] is bytes 16..24 xor the prefix's digest: solve for those bytes.
            let digest = words(probe.as_bytes())[0] ^ u64::from_le_bytes(*b"AAAAAAAA");
            let middle = (w[0] ^ digest).to_le_bytes();
            if middle.iter().all(|&b| printable(b)) {
                let middle = String::from_utf8(middle.to_vec()).expect("printable ASCII");
                return (first, format!("{prefix}{middle}{}", "A".repeat(24)));
            }
        }
        unreachable!()
    }

    #[test]
    fn codes_made_to_collide_are_refused_at_both_places() {
        let (a, b) = twins();
        assert_ne!(a, b);
        assert_eq!(words(a.as_bytes()), words(b.as_bytes()));
        let json = format!(
            r#"{{"format": 1, "name": "t", "title": "T", "codes": [
                {{"code": "ok", "status": 400, "message": "m"}},
                {{"code": "{a}", "status": 400, "message": "m"}},
                {{"code": "{b}", "status": 400, "message": "m"}}]}}"#
        );
        let catalog: crate::format::Catalog = serde_json::from_str(&json).expect("a catalog");
        let mut out = Vec::new();
        super::check(&catalog, &mut out);
        assert_eq!(out.len(), 1, "{out:?}");
        assert_eq!(out[0].pointer.as_deref(), Some("/codes/2/code"));
        assert_eq!(out[0].related[0].pointer.as_deref(), Some("/codes/1/code"));
        // Long codes that differ are not twins.
        let json = json.replace(&b, &format!("{}B", &b[..47]));
        let catalog: crate::format::Catalog = serde_json::from_str(&json).expect("a catalog");
        let mut out = Vec::new();
        super::check(&catalog, &mut out);
        assert!(out.is_empty(), "{out:?}");
    }
}
