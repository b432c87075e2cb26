//! A small deterministic generator for the unit tests' random edits
//! (xorshift: the same sequence from the same seed, on every machine).

pub struct Rng(u64);

impl Rng {
    /// `seed` must not be 0.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// A number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}
