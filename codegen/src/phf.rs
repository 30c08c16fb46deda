//! Perfect hashing computed at generation time, so a generated `FromStr` over thousands of
//! codes is one hash, two table reads and one string comparison, with no runtime dependency.
//!
//! The scheme is the hash-and-displace one of the `phf` crate (CHD): keys are split into
//! buckets by one part of their hash, and each bucket, largest first, gets the displacement
//! pair `(d1, d2)` that puts all its keys on free slots: `slot = (f1 + d1 * f2 + d2) % len`.
//! The hash is cheaper than phf's SipHash: one folded 64×64→128-bit multiply per 8-byte word
//! (as in wyhash and foldhash), finished with the murmur3 avalanche. [`HASH_SOURCE`] is the same function as Rust source, emitted
//! into generated crates; a test keeps the two identical.

/// Average number of keys per bucket (phf uses 5 too).
const LAMBDA: usize = 5;

const K: u64 = 0x517c_c1b7_2722_0a95;

/// The full 128-bit product of `a` and `b`, folded to 64 bits: every input bit reaches every
/// output bit (a plain wrapping multiply only carries upwards, which lets keys that differ in
/// the top of one word and the bottom of the next collide).
const fn fold_mul(a: u64, b: u64) -> u64 {
    let p = (a as u128) * (b as u128);
    (p as u64) ^ ((p >> 64) as u64)
}

/// The hash of `bytes` under `seed`.
pub const fn hash(bytes: &[u8], seed: u64) -> u64 {
    let mut h = seed ^ (bytes.len() as u64).wrapping_mul(K);
    let mut i = 0;
    while i + 8 <= bytes.len() {
        let word = u64::from_le_bytes([
            bytes[i],
            bytes[i + 1],
            bytes[i + 2],
            bytes[i + 3],
            bytes[i + 4],
            bytes[i + 5],
            bytes[i + 6],
            bytes[i + 7],
        ]);
        h = fold_mul(h ^ word, K);
        i += 8;
    }
    let mut tail = 0u64;
    let mut shift = 0;
    while i < bytes.len() {
        tail |= (bytes[i] as u64) << shift;
        shift += 8;
        i += 1;
    }
    h = fold_mul(h ^ tail, K);
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h
}

/// [`hash`] as it is written into generated crates (with `SEED` a constant there).
pub const HASH_SOURCE: &str = r#"
const K: u64 = 0x517c_c1b7_2722_0a95;

const fn fold_mul(a: u64, b: u64) -> u64 {
    let p = (a as u128) * (b as u128);
    (p as u64) ^ ((p >> 64) as u64)
}

/// The hash the lookup tables were built with (computed by errcat at generation time).
pub(super) const fn hash(bytes: &[u8]) -> u64 {
    let mut h = SEED ^ (bytes.len() as u64).wrapping_mul(K);
    let mut i = 0;
    while i + 8 <= bytes.len() {
        let word = u64::from_le_bytes([
            bytes[i],
            bytes[i + 1],
            bytes[i + 2],
            bytes[i + 3],
            bytes[i + 4],
            bytes[i + 5],
            bytes[i + 6],
            bytes[i + 7],
        ]);
        h = fold_mul(h ^ word, K);
        i += 8;
    }
    let mut tail = 0u64;
    let mut shift = 0;
    while i < bytes.len() {
        tail |= (bytes[i] as u64) << shift;
        shift += 8;
        i += 1;
    }
    h = fold_mul(h ^ tail, K);
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^= h >> 33;
    h
}

/// The slot of a key with hash `h` in a table of `len` slots.
pub(super) const fn slot(h: u64, len: u32) -> usize {
    let g = (h.wrapping_mul(K) >> 32) as u32;
    let (f1, f2) = (h as u32, (h >> 32) as u32);
    let (d1, d2) = DISPLACEMENTS[(g % DISPLACEMENTS.len() as u32) as usize];
    (f1.wrapping_add(d1.wrapping_mul(f2)).wrapping_add(d2) % len) as usize
}
"#;

/// Splits a hash into the bucket selector and the two slot functions (as `slot` does).
fn parts(h: u64) -> (u32, u32, u32) {
    ((h.wrapping_mul(K) >> 32) as u32, h as u32, (h >> 32) as u32)
}

/// A perfect hash of a set of keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phf {
    /// The hash seed.
    pub seed: u64,
    /// Displacement pair per bucket.
    pub displacements: Vec<(u32, u32)>,
    /// For each slot, the index of the key placed there.
    pub slots: Vec<usize>,
}

impl Phf {
    /// The slot of `key`.
    #[cfg(test)]
    pub fn slot(&self, key: &str) -> usize {
        let (g, f1, f2) = parts(hash(key.as_bytes(), self.seed));
        let (d1, d2) = self.displacements[(g % self.displacements.len() as u32) as usize];
        (f1.wrapping_add(d1.wrapping_mul(f2)).wrapping_add(d2) % self.slots.len() as u32) as usize
    }
}

/// Builds a perfect hash of `keys` (which must be distinct and fewer than 2³² keys).
/// Deterministic: the same keys give the same tables.
pub fn build(keys: &[&str]) -> Phf {
    let n = keys.len().max(1);
    let buckets = n.div_ceil(LAMBDA);
    for seed in 0u64.. {
        let seed = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x2545_f491_4f6c_dd1d;
        if let Some(phf) = try_build(keys, seed, n, buckets) {
            return phf;
        }
    }
    unreachable!("the seed loop only ends by returning")
}

fn try_build(keys: &[&str], seed: u64, n: usize, buckets: usize) -> Option<Phf> {
    let hashes: Vec<(u32, u32, u32)> = keys
        .iter()
        .map(|k| parts(hash(k.as_bytes(), seed)))
        .collect();
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); buckets];
    for (i, &(g, _, _)) in hashes.iter().enumerate() {
        members[(g % buckets as u32) as usize].push(i);
    }
    let mut order: Vec<usize> = (0..buckets).collect();
    order.sort_by_key(|&b| (std::cmp::Reverse(members[b].len()), b));

    let mut slots: Vec<Option<usize>> = vec![None; n];
    let mut displacements = vec![(0u32, 0u32); buckets];
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
                generation += 1;
                placed.clear();
                for &key in &members[b] {
                    let (_, f1, f2) = hashes[key];
                    let slot =
                        (f1.wrapping_add(d1.wrapping_mul(f2)).wrapping_add(d2) % n as u32) as usize;
                    if slots[slot].is_some() || tried[slot] == generation {
                        continue 'next;
                    }
                    tried[slot] = generation;
                    placed.push((slot, key));
                }
                for &(slot, key) in &placed {
                    slots[slot] = Some(key);
                }
                displacements[b] = (d1, d2);
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
    fn every_key_gets_its_own_slot() {
        let keys: Vec<String> = (0..3000).map(|i| format!("code_{i}")).collect();
        let refs: Vec<&str> = keys.iter().map(String::as_str).collect();
        let phf = build(&refs);
        for (i, key) in refs.iter().enumerate() {
            assert_eq!(phf.slots[phf.slot(key)], i, "{key}");
        }
        assert_eq!(build(&refs), phf, "not deterministic");
    }

    #[test]
    fn similar_keys_do_not_collide() {
        let keys: Vec<String> = (0..100_000).map(|i| format!("code_{i}")).collect();
        let hashes: std::collections::HashSet<u64> =
            keys.iter().map(|k| hash(k.as_bytes(), 7)).collect();
        assert_eq!(hashes.len(), keys.len());
    }

    #[test]
    fn emitted_hash_is_this_hash() {
        // The emitted source, with `SEED` set, must be this very function.
        let emitted = HASH_SOURCE.replace("SEED ^", "seed ^").replace(
            "pub(super) const fn hash(bytes: &[u8])",
            "pub const fn hash(bytes: &[u8], seed: u64)",
        );
        let ours = include_str!("phf.rs");
        let body = |s: &str| {
            let start = s
                .find("pub const fn hash(bytes: &[u8], seed: u64) -> u64 {")
                .expect("hash fn");
            let end = start + s[start..].find("\n}\n").expect("end of hash fn");
            s[start..end].to_owned()
        };
        assert_eq!(body(&emitted), body(ours));
    }
}
