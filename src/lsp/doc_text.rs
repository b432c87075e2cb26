//! The text of one version of an open document, kept without a copy of its
//! own: the text of a version analysed before, shared with its analysis
//! (the *base*), and the bytes that the edits since then made of one
//! stretch of it. So the server holds a document's text once, not once in a
//! rope and again in its analysis.
//!
//! The analysis of the version makes the text whole once
//! ([`DocText::make_whole`]); the next edit starts from that text. When
//! nothing else holds the base any more, the copy lets go of each part of
//! the base as soon as it has copied it, so the two versions are never
//! resident at once (at 10 MB, 10 MB less at the peak of a keystroke).

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use crate::text::{pack_offset, LineCol, LineIndex, PositionEncoding};

/// Past this many bytes between the first and the last edit since the base,
/// the text is copied whole into a new base instead (a large paste, or edits
/// far apart while an analysis runs).
const EDITED_MAX: usize = 256 * 1024;

/// One version's text: `base[..start] + edited + base[old_end..]`, or the
/// base itself.
#[derive(Clone)]
pub struct DocText {
    base: Arc<str>,
    edited: Option<Edited>,
    len: usize,
    /// The offset at which each line of the text starts, as
    /// [`LineIndex::line_starts_of`] gives them.
    line_starts: Arc<[u32]>,
}

#[derive(Clone)]
struct Edited {
    /// Where the edited stretch starts, in the base and in the text.
    start: usize,
    /// Where it ended in the base.
    old_end: usize,
    /// What it is now.
    bytes: Box<str>,
}

impl Default for DocText {
    fn default() -> DocText {
        DocText::new(Arc::from(""))
    }
}

impl DocText {
    pub fn new(text: Arc<str>) -> DocText {
        let line_starts = LineIndex::line_starts_of(&text).into();
        DocText { len: text.len(), base: text, edited: None, line_starts }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    /// Lines, counted as [`LineIndex`] counts them.
    #[cfg(test)]
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The bytes `range` of the text, borrowed when they lie in one part.
    fn bytes(&self, range: Range<usize>) -> Cow<'_, [u8]> {
        let base = self.base.as_bytes();
        let Some(e) = &self.edited else { return Cow::Borrowed(&base[range]) };
        let edited_end = e.start + e.bytes.len();
        // (the three parts, each with the text offset it starts at)
        let parts: [(usize, &[u8]); 3] = [(0, &base[..e.start]), (e.start, e.bytes.as_bytes()), (edited_end, &base[e.old_end..])];
        let mut out: Option<Vec<u8>> = None;
        for (from, part) in parts {
            let to = from + part.len();
            let (lo, hi) = (range.start.max(from), range.end.min(to));
            if lo >= hi {
                continue;
            }
            let piece = &part[lo - from..hi - from];
            if lo == range.start && hi == range.end {
                return Cow::Borrowed(piece);
            }
            out.get_or_insert_with(|| Vec::with_capacity(range.len())).extend_from_slice(piece);
        }
        Cow::Owned(out.unwrap_or_default())
    }

    /// The text of `range`, whose ends are character boundaries.
    pub fn slice(&self, range: Range<usize>) -> Cow<'_, str> {
        match self.bytes(range) {
            // SAFETY (both): the parts are `str`s cut at character boundaries
            // (every edit's ends are; see `edit`), and so are the range's ends.
            Cow::Borrowed(b) => Cow::Borrowed(unsafe { std::str::from_utf8_unchecked(b) }),
            Cow::Owned(b) => Cow::Owned(unsafe { String::from_utf8_unchecked(b) }),
        }
    }

    /// The byte offset of `pos`, and whether it had to be clamped (past the
    /// end of its line or of the text). The line is found from the line
    /// starts and its column converted by [`LineIndex::offset`], the one
    /// place the core converts columns, so an edit costs O(log n + the
    /// line's length).
    pub fn offset(&self, pos: LineCol, encoding: PositionEncoding) -> (usize, bool) {
        let Some(&start) = self.line_starts.get(pos.line as usize) else { return (self.len, true) };
        let start = start as usize;
        let end = self.line_starts.get(pos.line as usize + 1).map_or(self.len, |&s| s as usize);
        let line = self.slice(start..end);
        let (within, clamped) = LineIndex::new(&line).offset(&line, LineCol { line: 0, col: pos.col }, encoding);
        (start + within, clamped)
    }

    /// Replaces the bytes `start..end` (character boundaries, `start <=
    /// end <= len`) with `insert`.
    pub fn edit(&mut self, start: usize, end: usize, insert: &str) {
        debug_assert!(start <= end && end <= self.len);
        let new_len = self.len - (end - start) + insert.len();
        let edited = match &self.edited {
            None => Some(Edited { start, old_end: end, bytes: insert.into() }),
            Some(e) => {
                // One stretch from the first edit to the last, in the text
                // before this edit, and where it ends in the base.
                let edited_end = e.start + e.bytes.len();
                let (from, to) = (start.min(e.start), end.max(edited_end));
                let size = to - from - (end - start) + insert.len();
                (size <= EDITED_MAX).then(|| {
                    let mut bytes = String::with_capacity(size);
                    bytes.push_str(&self.slice(from..start));
                    bytes.push_str(insert);
                    bytes.push_str(&self.slice(end..to));
                    Edited { start: from, old_end: to - edited_end + e.old_end, bytes: bytes.into() }
                })
            }
        };
        let mut next = match edited {
            Some(edited) => DocText { base: Arc::clone(&self.base), edited: Some(edited), len: new_len, line_starts: Arc::from([]) },
            None => {
                let mut whole = String::with_capacity(new_len);
                whole.push_str(&self.slice(0..start));
                whole.push_str(insert);
                whole.push_str(&self.slice(end..self.len));
                DocText { base: whole.into(), edited: None, len: new_len, line_starts: Arc::from([]) }
            }
        };
        next.line_starts = next.line_starts_after(&self.line_starts, start, end, start + insert.len());
        *self = next;
    }

    /// The line starts of this text, made from the text `before` whose
    /// bytes `start..end` became `start..new_end` here: those before the
    /// edit kept, those after it moved, those it touched read again (a line
    /// starts at `s` by the bytes at `s - 1` and `s` alone).
    fn line_starts_after(&self, before: &[u32], start: usize, end: usize, new_end: usize) -> Arc<[u32]> {
        let low = start.max(1) - 1;
        let window = self.bytes(low..(new_end + 1).min(self.len));
        let byte = |s: usize| window.get(s - low).copied();
        let kept = before.partition_point(|&s| (s as usize) < start.max(1));
        let moved = before.partition_point(|&s| s as usize <= end);
        let mut out = Vec::with_capacity(before.len() + (new_end - start) / 32);
        out.extend_from_slice(&before[..kept]);
        for s in start.max(1)..=new_end.min(self.len) {
            if byte(s - 1).is_some_and(|b| LineIndex::starts_line_between(b, byte(s))) {
                out.push(pack_offset(s));
            }
        }
        out.extend(before[moved..].iter().map(|&s| pack_offset(s as usize - end + new_end)));
        out.into()
    }

    /// The whole text in one allocation: the base itself when nothing was
    /// edited since, else a copy of the base's two ends and the edited
    /// stretch. When this holds the only reference to the base, each part
    /// of the base is given back to the system as soon as it is copied.
    fn into_shared(self) -> Arc<str> {
        let Some(e) = self.edited else { return self.base };
        let mut base = self.base;
        let releasable = Arc::get_mut(&mut base).is_some();
        let mut bytes: Arc<[std::mem::MaybeUninit<u8>]> = Arc::new_uninit_slice(self.len);
        let slots = Arc::get_mut(&mut bytes).expect("a new allocation has one owner");
        let edited_end = e.start + e.bytes.len();
        copy_releasing(base.as_bytes(), 0..e.start, &mut slots[..e.start], releasable);
        copy_releasing(e.bytes.as_bytes(), 0..e.bytes.len(), &mut slots[e.start..edited_end], false);
        copy_releasing(base.as_bytes(), e.old_end..base.len(), &mut slots[edited_end..], releasable);
        drop(base);
        // SAFETY: the three copies above wrote every one of the `len` bytes.
        let bytes: Arc<[u8]> = unsafe { bytes.assume_init() };
        debug_assert!(std::str::from_utf8(&bytes).is_ok());
        // SAFETY: the bytes are the base's two ends and the edited stretch,
        // each a `str` cut at character boundaries, end to end: valid UTF-8;
        // `str` and `[u8]` have the same layout.
        unsafe { Arc::from_raw(Arc::into_raw(bytes) as *const str) }
    }

    /// The whole text in one allocation, which this text is from then on
    /// (see [`DocText::into_shared`]).
    pub fn make_whole(&mut self) -> Arc<str> {
        if self.edited.is_some() {
            let base = std::mem::replace(&mut self.base, Arc::from(""));
            let parts = DocText { base, edited: self.edited.take(), len: self.len, line_starts: Arc::from([]) };
            self.base = parts.into_shared();
        }
        Arc::clone(&self.base)
    }
}

/// Copies `from[range]` into `to`, a megabyte at a time, giving the pages of
/// `from` it has copied back to the system when `release` (the caller holds
/// the only reference to `from`, which it drops afterwards).
fn copy_releasing(from: &[u8], range: Range<usize>, to: &mut [std::mem::MaybeUninit<u8>], release: bool) {
    const STEP: usize = 1 << 20;
    debug_assert_eq!(range.len(), to.len());
    let bytes = &from[range.clone()];
    for (i, (src, dst)) in bytes.chunks(STEP).zip(to.chunks_mut(STEP)).enumerate() {
        // SAFETY: `dst` is as long as `src` (chunks of equal slices) and
        // lies in another allocation.
        unsafe { std::ptr::copy_nonoverlapping(src.as_ptr(), dst.as_mut_ptr().cast::<u8>(), src.len()) };
        if release {
            let done = range.start + i * STEP;
            pages::release(from.as_ptr(), done..done + src.len());
        }
    }
}

#[cfg(unix)]
mod pages {
    use std::ops::Range;

    /// Gives back to the system the whole pages of `base[range]`, which the
    /// caller owns alone and will not read again before freeing it: the
    /// allocator may write its own bookkeeping there afterwards, and a page
    /// given back reads as zeros.
    pub fn release(base: *const u8, range: Range<usize>) {
        static PAGE: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
        // SAFETY: `sysconf` with a valid name has no preconditions.
        let page = *PAGE.get_or_init(|| usize::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) }).unwrap_or(4096).max(1));
        let (low, high) = (base as usize + range.start, base as usize + range.end);
        let first = low.div_ceil(page) * page;
        let last = high / page * page;
        if last > first {
            // SAFETY: the pages lie inside the caller's allocation, which
            // nobody else holds; `MADV_DONTNEED` only drops their contents.
            // A failure leaves them resident, which is harmless.
            unsafe { libc::madvise(first as *mut libc::c_void, last - first, libc::MADV_DONTNEED) };
        }
    }
}

#[cfg(not(unix))]
mod pages {
    pub fn release(_: *const u8, _: std::ops::Range<usize>) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small random generator (xorshift), so the test needs no crate.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n.max(1) as u64) as usize
        }
    }

    fn boundary(text: &str, mut at: usize) -> usize {
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    fn whole(t: &DocText) -> String {
        t.slice(0..t.len()).into_owned()
    }

    #[test]
    fn random_edits_give_the_text_and_line_starts_of_a_flat_copy() {
        let pieces = ["a", "\n", "\r", "\r\n", "第", "é", "😀", " ", "12.", "\n\n"];
        let mut rng = Rng(0x5eed_1234_abcd);
        for round in 0..200 {
            let mut flat = String::new();
            for _ in 0..rng.below(60) {
                flat.push_str(pieces[rng.below(pieces.len())]);
            }
            let mut text = DocText::new(Arc::from(flat.as_str()));
            for step in 0..40 {
                let a = boundary(&flat, rng.below(flat.len() + 1));
                let b = boundary(&flat, a + rng.below(flat.len() + 1 - a).min(6));
                let mut insert = String::new();
                for _ in 0..rng.below(4) {
                    insert.push_str(pieces[rng.below(pieces.len())]);
                }
                flat.replace_range(a..b, &insert);
                text.edit(a, b, &insert);
                assert_eq!(whole(&text), flat, "round {round}, step {step}");
                assert_eq!(&*text.line_starts, &LineIndex::line_starts_of(&flat)[..], "round {round}, step {step}: {flat:?}");
                if rng.below(8) == 0 {
                    assert_eq!(&*text.make_whole(), flat.as_str());
                    assert!(text.edited.is_none());
                }
            }
        }
    }

    #[test]
    fn positions_convert_as_in_a_flat_copy() {
        let mut text = DocText::new(Arc::from("第一节😀x\r\n第二行\rthird"));
        text.edit(3, 3, "é");
        let flat = whole(&text);
        let index = LineIndex::new(&flat);
        for line in 0..4u32 {
            for col in 0..12u32 {
                for enc in [PositionEncoding::Utf8, PositionEncoding::Utf16] {
                    let pos = LineCol { line, col };
                    assert_eq!(text.offset(pos, enc), index.offset(&flat, pos, enc), "{pos:?} {enc:?}");
                }
            }
        }
    }

    #[test]
    fn edits_far_apart_are_copied_into_a_new_base() {
        let flat = "x".repeat(EDITED_MAX * 2);
        let mut text = DocText::new(Arc::from(flat.as_str()));
        text.edit(0, 1, "y");
        assert!(text.edited.is_some(), "one edit is kept over the base");
        text.edit(flat.len() - 1, flat.len(), "z");
        assert!(text.edited.is_none(), "a stretch longer than the limit is not kept");
        let mut expected = flat.clone();
        expected.replace_range(0..1, "y");
        expected.replace_range(flat.len() - 1.., "z");
        assert_eq!(whole(&text), expected);
    }

    #[test]
    fn a_base_held_alone_is_released_while_copied_and_the_copy_is_exact() {
        // Several megabytes, so that whole pages of the base are given back.
        let flat: String = (0..300_000).map(|i| format!("{i}. 第{i}段\n")).collect();
        let mut text = DocText::new(Arc::from(flat.as_str()));
        text.edit(5_000_000, 5_000_000, "插入");
        let mut expected = flat.clone();
        expected.insert_str(5_000_000, "插入");
        assert!(Arc::strong_count(&text.base) == 1);
        assert_eq!(&*text.into_shared(), expected.as_str());
    }
}
