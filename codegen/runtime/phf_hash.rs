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

/// The eight bytes of `bytes` from `i`, little-endian. Callers keep `i + 8` within `bytes`.
fn read8(bytes: &[u8], i: usize) -> u64 {
    match bytes[i..i + 8].try_into() {
        Ok(chunk) => u64::from_le_bytes(chunk),
        Err(_) => 0,
    }
}

/// The four bytes of `bytes` from `i`, little-endian. Callers keep `i + 4` within `bytes`;
/// written as a slice of `i..i + 4`, the compiler sees that and drops the bounds check.
fn read4(bytes: &[u8], i: usize) -> u64 {
    match bytes[i..i + 4].try_into() {
        Ok(chunk) => u32::from_le_bytes(chunk) as u64,
        Err(_) => 0,
    }
}

/// Four words that stand for `bytes`. Up to 32 bytes they are the bytes themselves,
/// zero-padded (so together with the length they spell the key exactly); above, the last
/// 32 bytes with a digest of the others folded in, which a lookup confirms in full.
///
/// From 4 to 32 bytes the key is read by one path, with no case per length and no bounds
/// check: each group of four bytes is read from its offset held to at most `len - 4` (reads
/// overlap rather than pass the end), and the bytes it reads before the group's start are
/// shifted out. (The compiler may stop early for a short key, as the groups past its end
/// are zero; measured, that is faster than reading all eight groups every time.)
pub(super) fn words(bytes: &[u8]) -> [u64; 4] {
    let len = bytes.len();
    if len.wrapping_sub(4) <= 28 {
        let last = len - 4;
        let at = |i: usize| {
            let from = if i < last { i } else { last };
            let skip = 8 * (i - from);
            if skip < 32 { read4(bytes, from) >> skip } else { 0 }
        };
        return [
            at(0) | (at(4) << 32),
            at(8) | (at(12) << 32),
            at(16) | (at(20) << 32),
            at(24) | (at(28) << 32),
        ];
    }
    if len > 32 {
        let mut a = 0;
        let mut i = 0;
        while i + 32 < len {
            a = fold_mul(read8(bytes, i) ^ a ^ K0, read8(bytes, i + 8) ^ K1);
            i += 16;
        }
        let tail = len - 32;
        return [
            read8(bytes, tail) ^ a,
            read8(bytes, tail + 8),
            read8(bytes, tail + 16),
            read8(bytes, tail + 24),
        ];
    }
    let mut a = 0;
    let mut i = 0;
    while i < len {
        a |= (bytes[i] as u64) << (8 * i);
        i += 1;
    }
    [a, 0, 0, 0]
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
