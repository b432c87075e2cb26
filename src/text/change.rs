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
        assert!(c.start <= c.old_end && c.start <= c.new_end, "{c:?}");
        assert_eq!(&old[..c.start], &new[..c.start]);
        assert_eq!(&old[c.old_end..], &new[c.new_end..]);
        assert_eq!(c.start == c.old_end && c.start == c.new_end, old == new);
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
