//! Helpers for the domain's own tests.

/// A small deterministic generator, so property tests need no extra crate and every
/// failure can be replayed from its seed.
pub struct Random(pub u64);

impl Random {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number in `0..limit`.
    pub fn below(&mut self, limit: u64) -> i64 {
        (self.next() % limit) as i64
    }

    pub fn pick<T: Clone>(&mut self, items: &[T]) -> T {
        items[(self.next() % items.len() as u64) as usize].clone()
    }
}
