//! A fast hasher for the short keys of the analysis (eIds, folded names,
//! node ids). The keys come from the document, and SipHash's resistance to
//! flooding is not needed for them. Eight bytes at a time: rotate, xor,
//! multiply (the scheme of rustc's FxHasher, written here).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl FastHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
        // The length, so that "a" and "a\0" differ.
        self.add(bytes.len() as u64);
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
}

/// A `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// A `HashSet` with [`FastHasher`].
pub type FastSet<T> = std::collections::HashSet<T, BuildHasherDefault<FastHasher>>;

/// The hash of a string.
pub fn hash_str(s: &str) -> u64 {
    let mut h = FastHasher::default();
    h.write(s.as_bytes());
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_strings_hash_equal_and_near_ones_differ() {
        assert_eq!(hash_str("annex_I__sec_II__para_18"), hash_str(&format!("annex_I__sec_II__para_{}", 18)));
        let keys = ["", "a", "a\0", "para_1", "para_10", "para_1__2", "sec_II__para_18", "sec_II__para_81", "annex__sec_II__para_18"];
        let hashes: std::collections::HashSet<u64> = keys.iter().map(|k| hash_str(k)).collect();
        assert_eq!(hashes.len(), keys.len());
    }

    #[test]
    fn a_map_finds_what_it_holds() {
        let mut m: FastMap<String, usize> = FastMap::default();
        for i in 0..1000 {
            m.insert(format!("para_{i}"), i);
        }
        assert!((0..1000).all(|i| m[&format!("para_{i}")] == i));
    }
}
