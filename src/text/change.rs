//! What changed between two versions of a text, found by comparing them:
//! the incremental analysis reuses what lies outside the change.

use super::TextRange;

/// The bytes `start..old_end` of the old text became `start..new_end` of
/// the new one; everything before `start` is the same in both, everything
/// from `old_end` on moved by [`TextChange::delta`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextChange {
    pub start: usize,
    pub old_end: usize,
    pub new_end: usize,
}

/// What the editor left alone between two versions: the first `prefix` and
/// the last `suffix` bytes are the same in both (see
/// [`TextChange::between_outside`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unchanged {
    pub prefix: usize,
    pub suffix: usize,
}

impl Unchanged {
    /// Nothing known: every byte is compared.
    pub const NOTHING: Unchanged = Unchanged { prefix: 0, suffix: 0 };

    /// The same text: every byte is unchanged (what composing with it
    /// leaves as it is).
    pub const ALL: Unchanged = Unchanged { prefix: usize::MAX, suffix: usize::MAX };

    /// What is known unchanged between texts A and C, `self` being known
    /// between A and a text B and `other` between B and C: the bytes equal
    /// at the ends of A and B and of B and C are equal in A and C. (B may be
    /// earlier than both: two versions each edited from B.)
    pub fn and(self, other: Unchanged) -> Unchanged {
        Unchanged { prefix: self.prefix.min(other.prefix), suffix: self.suffix.min(other.suffix) }
    }

    /// After one more edit replacing `old_len` bytes at `start` with
    /// `new_len` bytes, in a text `len` bytes long before it: what is still
    /// known to be unchanged since the version this was about.
    pub fn then(self, start: usize, old_len: usize, len: usize) -> Unchanged {
        let untouched_tail = len.saturating_sub(start + old_len);
        Unchanged { prefix: self.prefix.min(start), suffix: self.suffix.min(untouched_tail) }
    }
}

impl TextChange {
    /// The smallest change that turns `old` into `new` at one place (the
    /// common prefix and suffix are kept), on character boundaries.
    pub fn between(old: &str, new: &str) -> TextChange {
        let (a, b) = (old.as_bytes(), new.as_bytes());
        let mut start = common_prefix(a, b);
        while !(old.is_char_boundary(start) && new.is_char_boundary(start)) {
            start -= 1;
        }
        let room = a.len().min(b.len()) - start;
        let mut suffix = common_suffix(&a[a.len() - room..], &b[b.len() - room..]);
        while !(old.is_char_boundary(a.len() - suffix) && new.is_char_boundary(b.len() - suffix)) {
            suffix -= 1;
        }
        TextChange { start, old_end: a.len() - suffix, new_end: b.len() - suffix }
    }

    /// [`TextChange::between`] when the first `known.prefix` and the last
    /// `known.suffix` bytes are known to be the same in both texts (the
    /// editor said where it edited): only the bytes between are compared,
    /// and the result is the same.
    pub fn between_outside(old: &str, new: &str, known: Unchanged) -> TextChange {
        let (a, b) = (old.as_bytes(), new.as_bytes());
        let n = a.len().min(b.len());
        let from = known.prefix.min(n);
        let mut start = from + common_prefix(&a[from..], &b[from..]);
        while !(old.is_char_boundary(start) && new.is_char_boundary(start)) {
            start -= 1;
        }
        let room = n - start;
        let tail = known.suffix.min(room);
        let mut suffix = tail + common_suffix(&a[a.len() - room..a.len() - tail], &b[b.len() - room..b.len() - tail]);
        while !(old.is_char_boundary(a.len() - suffix) && new.is_char_boundary(b.len() - suffix)) {
            suffix -= 1;
        }
        let change = TextChange { start, old_end: a.len() - suffix, new_end: b.len() - suffix };
        debug_assert_eq!(change, TextChange::between(old, new), "the unchanged ends given differ: {known:?}");
        change
    }

    /// How far the text after the change moved (bytes; negative when it shrank).
    pub fn delta(&self) -> isize {
        self.new_end as isize - self.old_end as isize
    }

    /// An offset of the old text at or after `old_end`, in the new text.
    pub fn moved(&self, old_offset: usize) -> usize {
        debug_assert!(old_offset >= self.old_end);
        old_offset.wrapping_add_signed(self.delta())
    }

    /// A range of the old text lying after the change, in the new text.
    pub fn moved_range(&self, r: TextRange) -> TextRange {
        TextRange::new(self.moved(r.start), self.moved(r.end))
    }

    /// The change from the old text of this change to the new text of
    /// `next` (a change of this one's new text): one range covering both,
    /// so that everything before its start and from its end on is the same
    /// in the two texts (not always the smallest such change), on
    /// character boundaries as both are.
    pub fn then(self, next: TextChange) -> TextChange {
        let start = self.start.min(next.start);
        // The text between the two changes, in the middle version: unchanged by both from the later end on.
        let middle = self.new_end.max(next.old_end);
        TextChange { start, old_end: middle - self.new_end + self.old_end, new_end: middle - next.old_end + next.new_end }
    }
}

/// Length of the common prefix, compared a block at a time (memcmp).
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 256;
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + BLOCK <= n && a[i..i + BLOCK] == b[i..i + BLOCK] {
        i += BLOCK;
    }
    i + a[i..n].iter().zip(&b[i..n]).take_while(|(x, y)| x == y).count()
}

/// Length of the common suffix of two slices of the same length.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    const BLOCK: usize = 256;
    let n = a.len();
    let mut k = 0;
    while k + BLOCK <= n && a[n - k - BLOCK..n - k] == b[n - k - BLOCK..n - k] {
        k += BLOCK;
    }
    k + a[..n - k].iter().rev().zip(b[..n - k].iter().rev()).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn apply(old: &str, new: &str) {
        let c = TextChange::between(old, new);
        // Given the ends of the smallest change as known, or less, the same.
        for (p, q) in [(c.start, old.len() - c.old_end), (0, 0), (c.start / 2, (old.len() - c.old_end) / 3)] {
            assert_eq!(TextChange::between_outside(old, new, Unchanged { prefix: p, suffix: q }), c);
        }
        assert!(c.start <= c.old_end && c.start <= c.new_end, "{c:?}");
        assert_eq!(&old[..c.start], &new[..c.start]);
        assert_eq!(&old[c.old_end..], &new[c.new_end..]);
        assert_eq!(c.start == c.old_end && c.start == c.new_end, old == new);
    }

    #[test]
    fn two_changes_compose_into_one_that_covers_both() {
        let versions =
            ["第一节第 16 段。第 3 段", "第一节第 18 段。第 3 段", "第一节第 18 段。第 35 段", "x第一节", "第一节第 18 段。第 35 段y", ""];
        for a in versions {
            for b in versions {
                for c in versions {
                    let both = TextChange::between(a, b).then(TextChange::between(b, c));
                    assert!(both.start <= both.old_end && both.start <= both.new_end, "{a:?} {b:?} {c:?}: {both:?}");
                    assert_eq!(&a[..both.start], &c[..both.start], "{a:?} {b:?} {c:?}: {both:?}");
                    assert_eq!(&a[both.old_end..], &c[both.new_end..], "{a:?} {b:?} {c:?}: {both:?}");
                    // (the smallest change lies inside it)
                    let direct = TextChange::between(a, c);
                    if a != c {
                        assert!(both.start <= direct.start && both.old_end >= direct.old_end, "{a:?} {b:?} {c:?}: {both:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn finds_the_changed_bytes() {
        let c = TextChange::between("第一节第 16 段", "第一节第 18 段");
        assert_eq!(c, TextChange { start: 14, old_end: 15, new_end: 15 });
        assert_eq!(c.delta(), 0);
        let c = TextChange::between("abc", "abXbc");
        assert_eq!((c.start, c.old_end, c.new_end), (2, 2, 4));
        assert_eq!(c.delta(), 2);
        assert_eq!(c.moved_range(TextRange::new(2, 3)), TextRange::new(4, 5));
    }

    #[test]
    fn stays_on_character_boundaries() {
        // 节 (E8 8A 82) and 段 (E6 AE B5) share no bytes; 一 and 丁 share two.
        for (old, new) in
            [("一", "丁"), ("a一b", "a丁b"), ("😀😀", "😀😁"), ("ab", "ba"), ("", "x"), ("x", ""), ("aaa", "aa"), ("段段", "段")]
        {
            apply(old, new);
        }
        let long: String = "第二节第 15 段。".repeat(200);
        let mut other = long.clone();
        other.insert_str(22 * 70 + 3, "插入");
        apply(&long, &other);
        apply(&other, &long);
    }
}
