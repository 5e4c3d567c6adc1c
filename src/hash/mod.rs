//! Fast hashing: one 64-bit hash, the same on every platform, that names
//! versions of the search index, tells whether a file changed, and takes the
//! fingerprints of template input ([`fingerprint`]).

pub(crate) mod fingerprint;

/// A 64-bit hash of bytes, the same on every platform: names a version of
/// the search index so browsers never mix files of two builds, and tells
/// whether a text changed.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Hash(pub u64);

impl Default for Hash {
    fn default() -> Hash {
        Hash(0xcbf2_9ce4_8422_2325)
    }
}

impl Hash {
    /// Mixes `bytes` in.
    pub(crate) fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            self.word(u64::from_le_bytes(word));
        }
        // The rest, with the length in the last byte (always free: the
        // rest is at most seven bytes), so that trailing zeros count.
        let mut last = [0u8; 8];
        last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        last[7] = bytes.len() as u8;
        self.word(u64::from_le_bytes(last));
    }

    /// Mixes in `bytes` after their length, so that where one run of
    /// bytes ends and the next begins counts.
    pub(crate) fn write_delimited(&mut self, bytes: &[u8]) {
        self.word(bytes.len() as u64);
        self.write(bytes);
    }

    /// Mixes in a number.
    pub(crate) fn write_u64(&mut self, n: u64) {
        self.word(n);
    }

    fn word(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    /// Twelve hex digits.
    pub(crate) fn short(self) -> String {
        format!("{:012x}", self.0 >> 16)
    }
}

/// The same hash for what hashes itself the standard way (`derive(Hash)`).
impl std::hash::Hasher for Hash {
    fn write(&mut self, bytes: &[u8]) {
        Hash::write(self, bytes);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map with a fast, deterministic hash, for maps whose order never
/// reaches the output (the search index's terms, the graph's names).
pub(crate) type FastMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<Hash>>;

/// A set with the hash of [`FastMap`].
pub(crate) type FastSet<T> = std::collections::HashSet<T, std::hash::BuildHasherDefault<Hash>>;

/// A hash of `bytes`, to tell whether they changed. Every text is hashed
/// when it is parsed and again each time it is read back, so this is the
/// search index's hash, which takes eight bytes at a step.
pub(crate) fn digest(bytes: &[u8]) -> u64 {
    let mut h = Hash::default();
    h.write(bytes);
    h.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_depends_on_every_byte_and_the_length() {
        let h = |b: &[u8]| {
            let mut x = Hash::default();
            x.write(b);
            x.0
        };
        assert_ne!(h(b"abc"), h(b"abd"));
        assert_ne!(h(b""), h(b"\0"));
        assert_ne!(h(b"0123456789"), h(b"0123456788"));
        assert_eq!(h(b"same"), h(b"same"));
    }
}
