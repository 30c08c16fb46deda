//! Perfect hashing computed at generation time, so a generated `FromStr` over thousands of
//! codes is one hash, two table reads and a comparison of four words, with no runtime
//! dependency.
//!
//! The scheme is the hash-and-displace one of the `phf` crate (CHD): keys are split into
//! buckets by one part of their hash, and each bucket, largest first, gets the displacement
//! pair `(d1, d2)` that puts all its keys on free slots. Unlike phf, buckets and slots are
//! chosen by multiplying and shifting (no division), and the hash is one folded 64×64→128-bit
//! multiplies over the key's four words (`runtime/phf_hash.rs`, written verbatim into generated
//! crates).

include!("../../../runtime/phf_hash.rs");

/// Seeds tried before giving up (see [`build`]).
const MAX_SEEDS: u64 = 1 << 16;

/// Average number of keys per bucket (phf uses 5 too).
const LAMBDA: usize = 5;

/// A perfect hash of a set of keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phf {
    /// The hash seed.
    pub seed: u64,
    /// Displacement pair and filter per bucket.
    pub displacements: Vec<(u32, u32, u64)>,
    /// For each slot, the index of the key placed there.
    pub slots: Vec<usize>,
}

impl Phf {
    /// The slot of `key`, or `None` when its bucket's filter rules it out.
    pub fn slot(&self, key: &str) -> Option<usize> {
        let h = hash(words(key.as_bytes()), key.len(), self.seed);
        slot(h, &self.displacements, self.slots.len())
    }
}

/// The words of `key` (see `runtime/phf_hash.rs`).
#[cfg(test)]
fn key_words(key: &str) -> [u64; 4] {
    words(key.as_bytes())
}

/// The words of `key` as the two pairs generated tables store.
pub fn key_pairs(key: &str) -> (u128, u128) {
    pairs(words(key.as_bytes()))
}

/// Builds a perfect hash of `keys` (which must be distinct and fewer than 2³² keys).
/// Deterministic: the same keys give the same tables.
pub fn build(keys: &[&str]) -> Phf {
    let n = keys.len().max(1);
    let buckets = n.div_ceil(LAMBDA);
    let words: Vec<([u64; 4], usize)> = keys
        .iter()
        .map(|k| (words(k.as_bytes()), k.len()))
        .collect();
    // Distinct keys are separated by the first seed or the next few; keys that no seed
    // separates are refused by the check stage (`check/twins.rs`), so running out is a bug.
    for seed in 0..MAX_SEEDS {
        let seed = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x2545_f491_4f6c_dd1d;
        if let Some(phf) = try_build(&words, seed, n, buckets) {
            // The lookup in generated crates runs `slot`: it must find each key where the
            // search above put it.
            for (i, key) in keys.iter().enumerate() {
                let slot = phf.slot(key).map(|s| phf.slots[s]);
                assert_eq!(slot, Some(i), "errcat misplaced {key:?}: a bug in errcat");
            }
            return phf;
        }
    }
    panic!("errcat bug: no seed of {MAX_SEEDS} gives a perfect hash of these keys")
}

fn try_build(keys: &[([u64; 4], usize)], seed: u64, n: usize, buckets: usize) -> Option<Phf> {
    // (bucket, f1, f2), split from the hash as `slot` does.
    let hashes: Vec<u64> = keys.iter().map(|&(w, len)| hash(w, len, seed)).collect();
    let parts: Vec<(usize, u32, u32)> = hashes
        .iter()
        .map(|&h| {
            let bucket = (((h >> 32) * buckets as u64) >> 32) as usize;
            (bucket, h as u32, (h.wrapping_mul(K1) >> 32) as u32)
        })
        .collect();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); buckets];
    for (i, &(b, _, _)) in parts.iter().enumerate() {
        members[b].push(i);
    }
    // Two keys of one bucket with the same `f2` move together under every displacement:
    // if they share a slot once they always do. Another seed separates them.
    for m in &members {
        for (j, &a) in m.iter().enumerate() {
            if m[j + 1..].iter().any(|&b| parts[a].2 == parts[b].2) {
                return None;
            }
        }
    }
    let mut order: Vec<usize> = (0..buckets).collect();
    order.sort_by_key(|&b| (std::cmp::Reverse(members[b].len()), b));

    // `d2` moves every key of a bucket by one slot: the slot is the top bits of a 32-bit
    // sum, so one slot is `step` in that sum.
    let step = (1u64 << 32).div_ceil(n as u64) as u32;
    let mut slots: Vec<Option<usize>> = vec![None; n];
    let mut displacements = vec![(0u32, 0u32, 0u64); buckets];
    for (&h, &(b, _, _)) in hashes.iter().zip(&parts) {
        displacements[b].2 |= filter_bit(h);
    }
    let mut tried = vec![0u64; n];
    let mut generation = 0u64;
    let mut placed = Vec::new();
    for b in order {
        if members[b].is_empty() {
            continue;
        }
        let mut found = false;
        'search: for d1 in 0..n as u32 {
            'next: for d2 in 0..n as u32 {
                let d2 = d2.wrapping_mul(step);
                generation += 1;
                placed.clear();
                for &key in &members[b] {
                    let (_, f1, f2) = parts[key];
                    let x = f1.wrapping_add(d1.wrapping_mul(f2)).wrapping_add(d2);
                    let slot = ((u64::from(x) * n as u64) >> 32) as usize;
                    if slots[slot].is_some() || tried[slot] == generation {
                        continue 'next;
                    }
                    tried[slot] = generation;
                    placed.push((slot, key));
                }
                for &(slot, key) in &placed {
                    slots[slot] = Some(key);
                }
                (displacements[b].0, displacements[b].1) = (d1, d2);
                found = true;
                break 'search;
            }
        }
        if !found {
            return None;
        }
    }
    Some(Phf {
        seed,
        displacements,
        slots: slots.into_iter().map(|s| s.unwrap_or(0)).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[should_panic(expected = "no seed of 65536")]
    fn keys_no_seed_separates_end_the_search_instead_of_hanging() {
        // Two 48-byte codes made to share their four words (tests/corpus/reject/code-hash-twins.json).
        let a = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        let b = "0000000000330725R0iLnKg4AAAAAAAAAAAAAAAAAAAAAAAA";
        assert_eq!(key_words(a), key_words(b));
        build(&[a, b]);
    }

    #[test]
    fn every_key_gets_its_own_slot() {
        let keys: Vec<String> = (0..3000).map(|i| format!("code_{i}")).collect();
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let phf = build(&refs);
        for (i, key) in refs.iter().enumerate() {
            assert_eq!(phf.slot(key).map(|s| phf.slots[s]), Some(i), "{key}");
        }
        assert_eq!(build(&refs), phf, "not deterministic");
        // A bucket's filter turns most absent keys away before the slot is read.
        let absent = (0..3000)
            .filter(|i| phf.slot(&format!("code_{i}x")).is_none())
            .count();
        assert!(absent > 2400, "{absent}");
    }

    #[test]
    fn mixed_keys_get_their_own_slots() {
        let mut keys: Vec<String> = Vec::new();
        for i in 0..2000 {
            keys.push(format!("{}", 20000 + i));
            keys.push(format!("{:02}P{:02}", i / 100, i % 100));
            keys.push(format!("auth.token.expired_{i}"));
            keys.push(format!("a_{i}"));
        }
        keys.push(String::new());
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let phf = build(&refs);
        let mut seen = vec![false; refs.len()];
        for (i, key) in refs.iter().enumerate() {
            let slot = phf.slot(key).expect("a key passes its filter");
            assert_eq!(phf.slots[slot], i, "{key}");
            assert!(!seen[slot]);
            seen[slot] = true;
        }
    }

    #[test]
    fn short_keys_are_spelled_by_their_words_and_length() {
        // Up to 32 bytes, (words, length) is the key itself: distinct keys differ in it.
        let keys: Vec<String> = (0..=32)
            .flat_map(|len| {
                (0..64u8).map(move |i| {
                    let mut k = vec![b'a'; len];
                    if len > 0 {
                        k[(i as usize) % len] = b'0' + i % 40;
                    }
                    String::from_utf8(k).expect("ascii")
                })
            })
            .collect();
        let mut seen = std::collections::HashMap::new();
        for k in &keys {
            if let Some(other) = seen.insert((key_words(k), k.len()), k) {
                assert_eq!(other, k);
            }
        }
    }

    /// `key` zero-padded to 32 bytes, as four little-endian words: what `words` gives for a
    /// key of up to 32 bytes.
    fn padded(key: &[u8]) -> [u64; 4] {
        let mut buf = [0u8; 32];
        buf[..key.len()].copy_from_slice(key);
        std::array::from_fn(|i| {
            u64::from_le_bytes(buf[8 * i..8 * i + 8].try_into().expect("8 bytes"))
        })
    }

    /// The lookup of a generated `find`: the slot, then the key's words and length (and, above
    /// 32 bytes, its spelling) against those of the key placed there.
    fn find(phf: &Phf, keys: &[&str], key: &str) -> Option<usize> {
        let index = phf.slots[phf.slot(key)?];
        let placed = keys[index];
        let same = placed.len() == key.len() && key_pairs(placed) == key_pairs(key);
        (same && (key.len() <= 32 || placed == key)).then_some(index)
    }

    #[test]
    fn words_are_the_zero_padded_bytes_up_to_32() {
        for len in 0..=32u8 {
            // A different byte at each offset (high bit set in one run), so a byte read from
            // the wrong place, twice or not at all shows.
            for top in [0, 0x80] {
                let key: Vec<u8> = (0..len).map(|i| top | (i + 1)).collect();
                assert_eq!(words(&key), padded(&key), "{len} bytes from {top:#x}");
            }
        }
    }

    #[test]
    fn keys_of_every_length_are_found_and_their_neighbours_are_not() {
        // Every length from 0 to 40; for each, a twin that differs only in the last byte; and
        // keys that share a prefix of 31 or 37 bytes and differ after it.
        let mut keys: Vec<String> = Vec::new();
        for len in 0..=40 {
            let key: String = (0..len)
                .map(|i| char::from(b'a' + (i % 26) as u8))
                .collect();
            if len > 0 {
                keys.push(format!("{}#", &key[..len - 1]));
            }
            keys.push(key);
        }
        for prefix in ["p".repeat(31), "q".repeat(37)] {
            for c in 'a'..='z' {
                keys.push(format!("{prefix}{c}"));
                keys.push(format!("{prefix}.{c}"));
            }
        }
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let phf = build(&refs);
        for (i, key) in refs.iter().enumerate() {
            assert_eq!(find(&phf, &refs, key), Some(i), "{key:?}");
        }
        // One byte changed at the end, one more or one fewer, a NUL appended (the padding's
        // byte): none of them is a key.
        for key in &refs {
            let mut near = vec![format!("{key}\0"), format!("{key}a")];
            if let Some(last) = key.chars().last() {
                let cut = &key[..key.len() - 1];
                near.push(cut.to_owned());
                near.push(format!("{cut}{}", if last == '!' { '?' } else { '!' }));
            }
            for probe in near.iter().filter(|p| !refs.contains(&p.as_str())) {
                assert_eq!(find(&phf, &refs, probe), None, "{probe:?}");
            }
        }
    }

    #[test]
    fn similar_keys_do_not_collide() {
        let keys: Vec<String> = (0..100_000).map(|i| format!("code_{i}")).collect();
        let hashes: std::collections::HashSet<u64> = keys
            .iter()
            .map(|k| hash(words(k.as_bytes()), k.len(), 7))
            .collect();
        assert_eq!(hashes.len(), keys.len());
    }
}
