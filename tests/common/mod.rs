//! Helpers shared by the integration tests: a small seeded PRNG (so every run
//! picks the same "random" sites and inputs) and the fixture documents.

#![allow(dead_code)]

pub mod akn;

use std::path::{Path, PathBuf};

/// The diagnostics `tests/fixtures/seed/EXPECTED.md` lists for the seed, in
/// text order: (code, 1-based line). No others are expected.
pub const SEED_DIAGNOSTICS: &[(&str, usize)] = &[
    ("list.duplicate", 94),
    ("vote.duplicate", 114),
    ("vote.duplicate", 146),
    ("reference.annex-number", 156),
    ("vote.duplicate", 160),
    ("structure.inline-heading", 174),
];

/// SplitMix64: tiny, fast, and good enough to pick test sites and generate
/// inputs. Deterministic for a given seed.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// A generator seeded from a label (a document name, a test name) and a
    /// number, so that independent streams do not share a sequence.
    pub fn from_label(label: &str, salt: u64) -> Rng {
        // FNV-1a over the label, then mixed with the salt.
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in label.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        let mut rng = Rng(h ^ salt.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        rng.next_u64();
        rng
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        assert!(n > 0, "below(0)");
        // Multiply-shift: no modulo bias worth caring about for test sizes.
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True with probability `num / den`.
    pub fn chance(&mut self, num: usize, den: usize) -> bool {
        self.below(den) < num
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

pub struct Fixture {
    /// The file name, for messages.
    pub name: String,
    pub text: String,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The Chinese seed report.
pub fn seed() -> Fixture {
    let path = root().join("seed/000_e12bae3abcaa388b.txt");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Fixture { name: "seed/000_e12bae3abcaa388b.txt".to_string(), text }
}

/// The English corpus documents (`corpus/en_*.txt`), sorted by name.
pub fn english_corpus() -> Vec<Fixture> {
    fixtures_in(&root().join("corpus"), "corpus", |n| n.starts_with("en_") && n.ends_with(".txt"))
}

/// The files of `dir` whose names `keep` accepts, sorted by name, each named
/// `label/name`.
fn fixtures_in(dir: &Path, label: &str, keep: impl Fn(&str) -> bool) -> Vec<Fixture> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| keep(n))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let text = std::fs::read_to_string(dir.join(&n)).unwrap_or_else(|e| panic!("{n}: {e}"));
            Fixture { name: format!("{label}/{n}"), text }
        })
        .collect()
}

/// The seed followed by the English corpus.
pub fn all_documents() -> Vec<Fixture> {
    let mut out = vec![seed()];
    out.extend(english_corpus());
    out
}

/// The documents of `tests/corpus-dev/` (official documents no fixture was
/// built on), sorted by name, `.txt` and `.md` files but its README and
/// SOURCES.
pub fn corpus_dev() -> Vec<Fixture> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus-dev");
    fixtures_in(&dir, "corpus-dev", |n| (n.ends_with(".txt") || n.ends_with(".md")) && n != "README.md" && n != "SOURCES.md")
}
