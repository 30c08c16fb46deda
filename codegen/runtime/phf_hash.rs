// The hash of errcat's lookup tables. errcat includes this file to build the tables
// and writes it into each generated `codes.rs` to read them: one function for both.

/// Odd 64-bit constants (digits of π) mixed into the hash.
const K0: u64 = 0x243f_6a88_85a3_08d3;
const K1: u64 = 0x1319_8a2e_0370_7344;

/// The full 128-bit product of `a` and `b`, folded to 64 bits.
const fn fold_mul(a: u64, b: u64) -> u64 {
    let p = (a as u128) * (b as u128);
    (p as u64) ^ ((p >> 64) as u64)
}

const fn read8(bytes: &[u8], i: usize) -> u64 {
    u64::from_le_bytes([
        bytes[i],
        bytes[i + 1],
        bytes[i + 2],
        bytes[i + 3],
        bytes[i + 4],
        bytes[i + 5],
        bytes[i + 6],
        bytes[i + 7],
    ])
}

const fn read4(bytes: &[u8], i: usize) -> u64 {
    u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]) as u64
}

/// Four words that stand for `bytes`. Up to 32 bytes they are the bytes themselves (read
/// from both ends, so together with the length they spell the key exactly); above, the last
/// 32 bytes with a digest of the others folded in, which a lookup confirms in full.
pub(super) const fn words(bytes: &[u8]) -> [u64; 4] {
    let len = bytes.len();
    if len > 16 {
        let mut a = 0;
        let mut i = 0;
        while i + 32 < len {
            a = fold_mul(read8(bytes, i) ^ a ^ K0, read8(bytes, i + 8) ^ K1);
            i += 16;
        }
        let (first, second) = if len >= 32 {
            (read8(bytes, len - 32) ^ a, read8(bytes, len - 24))
        } else {
            (read8(bytes, 0), read8(bytes, 8))
        };
        return [first, second, read8(bytes, len - 16), read8(bytes, len - 8)];
    }
    if len >= 8 {
        return [read8(bytes, 0), read8(bytes, len - 8), 0, 0];
    }
    if len >= 4 {
        return [(read4(bytes, 0) << 32) | read4(bytes, len - 4), 0, 0, 0];
    }
    if len > 0 {
        let a = ((bytes[0] as u64) << 16) | ((bytes[len / 2] as u64) << 8);
        return [a | bytes[len - 1] as u64, 0, 0, 0];
    }
    [0; 4]
}

/// The four words as two 128-bit pairs, as the tables store them.
pub(super) const fn pairs(words: [u64; 4]) -> (u128, u128) {
    (
        ((words[1] as u128) << 64) | words[0] as u128,
        ((words[3] as u128) << 64) | words[2] as u128,
    )
}

/// The hash of a key of `len` bytes with these [`words`], under `seed`.
pub(super) const fn hash(words: [u64; 4], len: usize, seed: u64) -> u64 {
    let len = (len as u64).wrapping_mul(K1);
    let low = fold_mul(words[0] ^ seed ^ K0, words[1] ^ len);
    low ^ fold_mul(words[2] ^ seed ^ K1, words[3] ^ K0)
}

/// The slot of a key with hash `h` in a table of `slots` slots, whose keys were spread over
/// the buckets of `table`: one bucket read, no division. `None` when the bucket's
/// filter (one bit per key of the bucket) shows that no key has this hash.
pub(super) const fn slot(h: u64, table: &[(u32, u32, u64)], slots: usize) -> Option<usize> {
    let bucket = ((h >> 32) * table.len() as u64) >> 32;
    let (d1, d2, filter) = table[bucket as usize];
    if filter & filter_bit(h) == 0 {
        return None;
    }
    let f2 = (h.wrapping_mul(K1) >> 32) as u32;
    let x = (h as u32).wrapping_add(d1.wrapping_mul(f2));
    let x = x.wrapping_add(d2);
    Some(((x as u64 * slots as u64) >> 32) as usize)
}

/// The bit a key with hash `h` sets in its bucket's filter.
pub(super) const fn filter_bit(h: u64) -> u64 {
    1 << ((h >> 20) & 63)
}
