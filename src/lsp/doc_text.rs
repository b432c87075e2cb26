//! The text of one version of an open document, kept without a copy of its
//! own: pieces of the text of a version analysed before, shared with its
//! analysis (the *base*), and of what the edits since then brought. So the
//! server holds a document's text once, not once in a rope and again in its
//! analysis. The base is held as the analysis reads it, a
//! [`Source`]: the masked text, with the markup masking blanked kept aside;
//! every read of the text puts the markup back (line starts are the same in
//! both, columns are not: a BOM is one UTF-16 unit, three spaces masked).
//!
//! The analysis of the version makes the text whole once
//! ([`DocText::make_whole`]), as its source: the pieces copied as they lie
//! (the base's masked), and the lines the edits touched masked again
//! (masking reads nothing past a line); the text itself is never made
//! whole. The next edit starts from that source. When nothing else holds
//! the base any more, the copy lets go of each part of the base as soon as
//! it has copied it, so the two versions are never resident at once (at 10
//! MB, 10 MB less at the peak of a keystroke).
//!
//! An edit costs O(pieces + splices × log lines + line length): it cuts at
//! most two pieces, converts its positions on one line, and records what it
//! did to the line starts as one splice. Pieces and splices pile up only
//! between two analyses (a burst of typing, or a change of many edits);
//! past [`PIECES_MAX`] of either the text is made whole.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use crate::syntax::mask::{blanks_in, Markup, Source};
use crate::text::{pack_offset, LineCol, LineIndex, PositionEncoding};

/// Past this many pieces, an edit makes the text whole (a new base): one
/// copy of the text per this many edits at most.
const PIECES_MAX: usize = 1024;

/// A piece of what an edit brought is extended by the next edit right
/// after it (typing) while it is shorter than this.
const GROWN_MAX: usize = 4096;

/// One version's text: its pieces end to end.
#[derive(Clone)]
pub struct DocText {
    /// The text of the version analysed last, as its analysis holds it
    /// (masked, the markup aside).
    base: Source,
    /// In text order; none is empty.
    pieces: Vec<Piece>,
    len: usize,
    /// The offset at which each line of the text starts, as
    /// [`LineIndex::line_starts_of`] gives them.
    line_starts: LineStarts,
}

/// Line starts: those of the base, and what each edit since did to them, so
/// that an edit does not copy them all (at 10 MB, 380 KB and a fresh
/// allocation per keystroke). Made one list again with the text.
#[derive(Clone)]
struct LineStarts {
    base: Arc<[u32]>,
    /// In the order the edits came.
    splices: Vec<Splice>,
    count: usize,
}

/// The line starts `at..at + removed` (by index) replaced by `inserted`,
/// and those after them moved by `moved` bytes.
#[derive(Clone)]
struct Splice {
    at: usize,
    removed: usize,
    inserted: Box<[u32]>,
    moved: isize,
}

/// Past this many edits, the line starts are made one list again when the
/// text is made whole (each lookup reads every edit's splice).
const SPLICES_MAX: usize = 64;

impl LineStarts {
    fn of(text: &str) -> LineStarts {
        let base: Arc<[u32]> = LineIndex::line_starts_of(text).into();
        LineStarts { count: base.len(), base, splices: Vec::new() }
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.count
    }

    /// Where line `line` starts.
    fn get(&self, line: usize) -> Option<usize> {
        if line >= self.count {
            return None;
        }
        let (mut line, mut moved) = (line, 0isize);
        for splice in self.splices.iter().rev() {
            if line < splice.at {
                continue;
            }
            if let Some(&start) = splice.inserted.get(line - splice.at) {
                return Some((start as usize).wrapping_add_signed(moved));
            }
            line = line - splice.inserted.len() + splice.removed;
            moved += splice.moved;
        }
        Some((self.base[line] as usize).wrapping_add_signed(moved))
    }

    /// The first line whose start is not before `offset` (when `at_too`,
    /// the first whose start is after it).
    fn first_from(&self, offset: usize, at_too: bool) -> usize {
        let (mut low, mut high) = (0, self.count);
        while low < high {
            let mid = (low + high) / 2;
            let start = self.get(mid).unwrap_or(usize::MAX);
            if start < offset || (at_too && start == offset) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        low
    }

    /// The bytes `start..end` became `start..new_end`; `touched`: the line
    /// starts in `start + 1..=new_end` now.
    fn splice(&mut self, start: usize, end: usize, new_end: usize, touched: Vec<u32>) {
        let at = self.first_from(start.max(1), false);
        let removed = self.first_from(end, true) - at;
        self.count = self.count - removed + touched.len();
        let moved = new_end as isize - end as isize;
        if removed == 0 && touched.is_empty() && moved == 0 {
            return;
        }
        self.splices.push(Splice { at, removed, inserted: touched.into(), moved });
    }

    /// One list again, for the text `whole` (this list's text).
    fn flattened(&self, whole: &str) -> LineStarts {
        if self.splices.is_empty() {
            return self.clone();
        }
        if self.splices.len() > SPLICES_MAX {
            return LineStarts::of(whole);
        }
        let mut starts = self.base.to_vec();
        for splice in &self.splices {
            for s in &mut starts[splice.at + splice.removed..] {
                *s = pack_offset((*s as usize).wrapping_add_signed(splice.moved));
            }
            starts.splice(splice.at..splice.at + splice.removed, splice.inserted.iter().copied());
        }
        debug_assert_eq!(starts, LineIndex::line_starts_of(whole));
        LineStarts { count: starts.len(), base: starts.into(), splices: Vec::new() }
    }
}

#[derive(Clone)]
struct Piece {
    /// The base, or text an edit brought.
    from: Option<Arc<str>>,
    /// The bytes of it (character boundaries).
    range: Range<usize>,
}

impl Piece {
    /// The bytes of this piece as they lie in what it is from: for a piece
    /// of the base, masked (line breaks are never markup).
    fn stored<'a>(&'a self, base: &'a Source) -> &'a [u8] {
        &self.from.as_deref().unwrap_or(base.masked()).as_bytes()[self.range.clone()]
    }

    /// The bytes `within` of this piece (offsets within it), as the text
    /// has them: borrowed unless markup of the base lies there.
    fn text<'a>(&'a self, base: &'a Source, within: Range<usize>) -> Cow<'a, [u8]> {
        let range = self.range.start + within.start..self.range.start + within.end;
        match &self.from {
            Some(added) => Cow::Borrowed(&added.as_bytes()[range]),
            None => base.original_bytes(range),
        }
    }

    /// The part `range` of this piece (offsets within it).
    fn part(&self, range: Range<usize>) -> Piece {
        Piece { from: self.from.clone(), range: self.range.start + range.start..self.range.start + range.end }
    }
}

impl Default for DocText {
    fn default() -> DocText {
        DocText::new(Source::default())
    }
}

impl DocText {
    /// The text of `source` (the text it tells, not its masked text).
    pub fn new(source: Source) -> DocText {
        let line_starts = LineStarts::of(source.masked());
        let pieces = if source.is_empty() { Vec::new() } else { vec![Piece { from: None, range: 0..source.len() }] };
        DocText { len: source.len(), base: source, pieces, line_starts }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    /// Lines, counted as [`LineIndex`] counts them.
    #[cfg(test)]
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The pieces with the text offset each starts at.
    fn placed(&self) -> impl Iterator<Item = (usize, &Piece)> {
        self.pieces.iter().scan(0, |at, piece| {
            let from = *at;
            *at += piece.range.len();
            Some((from, piece))
        })
    }

    /// The bytes `range` of the text, borrowed when they lie in one piece
    /// and no markup of the base lies in them.
    fn bytes(&self, range: Range<usize>) -> Cow<'_, [u8]> {
        let mut out: Option<Vec<u8>> = None;
        for (from, piece) in self.placed() {
            let to = from + piece.range.len();
            if to <= range.start {
                continue;
            }
            if from >= range.end {
                break;
            }
            let (lo, hi) = (range.start.max(from), range.end.min(to));
            let part = piece.text(&self.base, lo - from..hi - from);
            if lo == range.start && hi == range.end {
                return part;
            }
            out.get_or_insert_with(|| Vec::with_capacity(range.len())).extend_from_slice(&part);
        }
        Cow::Owned(out.unwrap_or_default())
    }
    /// The text of `range`, whose ends are character boundaries.
    pub fn slice(&self, range: Range<usize>) -> Cow<'_, str> {
        match self.bytes(range) {
            // SAFETY (both): the pieces are `str`s cut at character
            // boundaries (every edit's ends are), and so are the range's ends.
            Cow::Borrowed(b) => Cow::Borrowed(unsafe { std::str::from_utf8_unchecked(b) }),
            Cow::Owned(b) => Cow::Owned(unsafe { String::from_utf8_unchecked(b) }),
        }
    }

    /// The byte offset of `pos`, and whether it had to be clamped (past the
    /// end of its line or of the text). The line is found from the line
    /// starts and its column converted by [`LineIndex::offset`], the one
    /// place the core converts columns.
    pub fn offset(&self, pos: LineCol, encoding: PositionEncoding) -> (usize, bool) {
        let Some(start) = self.line_starts.get(pos.line as usize) else { return (self.len, true) };
        let end = self.line_starts.get(pos.line as usize + 1).unwrap_or(self.len);
        let line = self.slice(start..end);
        let (within, clamped) = LineIndex::new(&line).offset(&line, LineCol { line: 0, col: pos.col }, encoding);
        (start + within, clamped)
    }

    /// The pieces covering the text's bytes `range`, pushed onto `out`.
    fn cut(&self, range: Range<usize>, out: &mut Vec<Piece>) {
        for (from, piece) in self.placed() {
            let to = from + piece.range.len();
            let (lo, hi) = (range.start.max(from), range.end.min(to));
            if lo < hi {
                out.push(piece.part(lo - from..hi - from));
            }
        }
    }

    /// Replaces the bytes `start..end` (character boundaries, `start <=
    /// end <= len`) with `insert`.
    pub fn edit(&mut self, start: usize, end: usize, insert: &str) {
        debug_assert!(start <= end && end <= self.len);
        let mut pieces = Vec::with_capacity(self.pieces.len() + 2);
        self.cut(0..start, &mut pieces);
        if !insert.is_empty() {
            // Typing extends the piece it typed after.
            match pieces.last_mut() {
                Some(Piece { from: Some(added), range }) if range.end == added.len() && added.len() < GROWN_MAX => {
                    let grown: Arc<str> = [&added[range.start..], insert].concat().into();
                    *range = 0..grown.len();
                    *added = grown;
                }
                _ => pieces.push(Piece { from: Some(Arc::from(insert)), range: 0..insert.len() }),
            }
        }
        self.cut(end..self.len, &mut pieces);
        self.pieces = pieces;
        self.len = self.len - (end - start) + insert.len();
        self.move_line_starts(start, end, start + insert.len());
        if self.pieces.len() > PIECES_MAX || self.line_starts.splices.len() > PIECES_MAX {
            self.make_whole();
        }
    }

    /// The line starts once the bytes `start..end` became `start..new_end`
    /// (this text being the new one): those before the edit kept, those
    /// after it moved, those it touched read again (a line starts at `s`
    /// by the bytes at `s - 1` and `s` alone).
    fn move_line_starts(&mut self, start: usize, end: usize, new_end: usize) {
        let low = start.max(1) - 1;
        let window = self.bytes(low..(new_end + 1).min(self.len));
        let byte = |s: usize| window.get(s - low).copied();
        let touched: Vec<u32> = (start.max(1)..=new_end.min(self.len))
            .filter(|&s| byte(s - 1).is_some_and(|b| LineIndex::starts_line_between(b, byte(s))))
            .map(pack_offset)
            .collect();
        drop(window);
        self.line_starts.splice(start, end, new_end, touched);
    }

    /// The source of the text ([`Source::of`] it) in one allocation, which
    /// this text is from then on: the base itself when nothing was edited
    /// since, else a copy of the pieces, masked as they are, with the lines
    /// the edits touched masked again (masking reads nothing past a line).
    /// The text itself is never made whole. When this held the only
    /// reference to the base's masked text, each part of it is given back
    /// to the system as soon as it is copied.
    pub fn make_whole(&mut self) -> Source {
        let Some((from, to)) = self.edited_lines() else {
            // The pieces are the base, end to end.
            self.line_starts = self.line_starts.flattened(self.base.masked());
            self.pieces = if self.len == 0 { Vec::new() } else { vec![Piece { from: None, range: 0..self.len }] };
            return self.base.clone();
        };
        let mut bytes: Arc<[std::mem::MaybeUninit<u8>]> = Arc::new_uninit_slice(self.len);
        let slots = Arc::get_mut(&mut bytes).expect("a new allocation has one owner");
        // The edited lines, as the text has them (read before any part of
        // the base is given back), then masked where they hold markup.
        for (at, piece) in self.placed() {
            let end = at + piece.range.len();
            let (lo, hi) = (from.max(at), to.min(end));
            if lo < hi {
                let range = piece.range.start + lo - at..piece.range.start + hi - at;
                write(&piece.stored(&self.base)[lo - at..hi - at], &mut slots[lo..hi]);
                if piece.from.is_none() {
                    // (the base's markup there written back in place: no copy of the lines)
                    let markup = self.base.markup();
                    let first = markup.partition_point(|m| m.end() <= range.start);
                    for m in markup[first..].iter().take_while(|m| m.at < range.end) {
                        let (a, b) = (m.at.max(range.start), m.end().min(range.end));
                        write(&m.original.as_bytes()[a - m.at..b - m.at], &mut slots[lo + a - range.start..lo + b - range.start]);
                    }
                }
            }
        }
        let (blanks, remasked) = {
            let written = &slots[from..to];
            // SAFETY: the loop above wrote these bytes, the pieces there end
            // to end (each a `str` cut at character boundaries), and `from`
            // and `to` are line starts (or the text's ends): valid UTF-8.
            let lines = unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(written.as_ptr().cast::<u8>(), written.len())) };
            debug_assert!(std::str::from_utf8(lines.as_bytes()).is_ok());
            let blanks = blanks_in(lines);
            let remasked: Vec<Markup> = blanks.iter().map(|&(a, b)| Markup { at: from + a, original: lines[a..b].into() }).collect();
            (blanks, remasked)
        };
        for &(a, b) in &blanks {
            slots[from + a..from + b].fill(std::mem::MaybeUninit::new(b' '));
        }
        // The markup outside the edited lines is the base's: those lines
        // are the base's, end to end, before them at the same offsets, after
        // them moved.
        let old_to = match self.placed().find(|&(at, piece)| at + piece.range.len() > to) {
            Some((at, piece)) => {
                debug_assert!(piece.from.is_none(), "past the edited lines, the text is the base's");
                piece.range.start + (to - at)
            }
            None => self.base.len(),
        };
        let base_markup = self.base.markup();
        let before = base_markup.partition_point(|m| m.at < from);
        let after = base_markup.partition_point(|m| m.at < old_to);
        let mut markup: Vec<Markup> = Vec::with_capacity(before + remasked.len() + base_markup.len() - after);
        markup.extend_from_slice(&base_markup[..before]);
        markup.extend(remasked);
        markup.extend(base_markup[after..].iter().map(|m| Markup { at: m.at - old_to + to, original: m.original.clone() }));
        // The rest, masked as it is.
        let mut base = Arc::clone(std::mem::take(&mut self.base).masked());
        let releasable = Arc::get_mut(&mut base).is_some();
        for (at, piece) in self.placed() {
            let end = at + piece.range.len();
            let release = releasable && piece.from.is_none();
            let stored = piece.from.as_deref().unwrap_or(&base).as_bytes();
            for (lo, hi) in [(at, end.min(from)), (at.max(to), end)] {
                if lo < hi {
                    let range = piece.range.start + lo - at..piece.range.start + hi - at;
                    copy_releasing(stored, range, &mut slots[lo..hi], release);
                }
            }
            let (lo, hi) = (at.max(from), end.min(to));
            if release && lo < hi {
                pages::release(stored.as_ptr(), piece.range.start + lo - at..piece.range.start + hi - at);
            }
        }
        drop(base);
        // SAFETY: the copies above wrote every one of the `len` bytes (the
        // edited lines, then the rest).
        let bytes: Arc<[u8]> = unsafe { bytes.assume_init() };
        debug_assert!(std::str::from_utf8(&bytes).is_ok());
        // SAFETY: the bytes are the pieces, each a `str` cut at character
        // boundaries, end to end, with ASCII markup and BOMs (whole
        // characters) overwritten with spaces: valid UTF-8; `str` and `[u8]`
        // have the same layout.
        let masked: Arc<str> = unsafe { Arc::from_raw(Arc::into_raw(bytes) as *const str) };
        self.line_starts = self.line_starts.flattened(&masked);
        let whole = Source::from_parts(masked, markup);
        self.base = whole.clone();
        self.pieces = if self.len == 0 { Vec::new() } else { vec![Piece { from: None, range: 0..self.len }] };
        whole
    }

    /// The lines the edits since the base touched, as bytes of the text:
    /// from the start of the line (after the `\n` before it) of the first
    /// byte that is not in a piece of the base where the base has it (what
    /// an edit brought, or a cut between two pieces), to past the `\n`
    /// ending the line of the last. None when the pieces are the base.
    fn edited_lines(&self) -> Option<(usize, usize)> {
        let mut edited: Option<(usize, usize)> = None;
        let mut mark = |lo: usize, hi: usize| {
            edited = Some(edited.map_or((lo, hi), |(a, b)| (a.min(lo), b.max(hi))));
        };
        // Where in the base the text goes on, when the last piece was of it.
        let mut base_next = Some(0);
        for (at, piece) in self.placed() {
            match piece.from {
                Some(_) => mark(at, at + piece.range.len()),
                None if base_next != Some(piece.range.start) => mark(at, at),
                None => {}
            }
            base_next = piece.from.is_none().then_some(piece.range.end);
        }
        if base_next != Some(self.base.len()) {
            mark(self.len, self.len);
        }
        let (lo, hi) = edited?;
        Some((self.line_start_before(lo), self.line_end_from(hi)))
    }

    /// The offset after the last `\n` before `at` (0 if none).
    fn line_start_before(&self, at: usize) -> usize {
        let (mut end, mut count) = (0, 0);
        for piece in &self.pieces {
            if end >= at {
                break;
            }
            end += piece.range.len();
            count += 1;
        }
        for piece in self.pieces[..count].iter().rev() {
            let from = end - piece.range.len();
            if let Some(i) = memchr::memrchr(b'\n', &piece.stored(&self.base)[..at.min(end) - from]) {
                return from + i + 1;
            }
            end = from;
        }
        0
    }

    /// The offset after the first `\n` from `at` on (the text's end if none).
    fn line_end_from(&self, at: usize) -> usize {
        for (from, piece) in self.placed() {
            let end = from + piece.range.len();
            if end <= at {
                continue;
            }
            let lo = at.max(from);
            if let Some(i) = memchr::memchr(b'\n', &piece.stored(&self.base)[lo - from..]) {
                return lo + i + 1;
            }
        }
        self.len
    }
}

/// Copies `from` into `to`, as long.
fn write(from: &[u8], to: &mut [std::mem::MaybeUninit<u8>]) {
    assert_eq!(from.len(), to.len());
    // SAFETY: as long, in two allocations (`to` is not shared).
    unsafe { std::ptr::copy_nonoverlapping(from.as_ptr(), to.as_mut_ptr().cast::<u8>(), from.len()) };
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

    fn source(text: &str) -> Source {
        Source::of(&Arc::from(text))
    }

    /// The pieces random texts and edits are made of: markup above all.
    const PIECES: [&str; 27] = [
        "a",
        "\n",
        "\r",
        "\r\n",
        "第",
        "é",
        "😀",
        " ",
        "12.",
        "\n\n",
        "**",
        "__",
        "*",
        "_",
        "[",
        "]",
        "](#)",
        "](例)",
        "(",
        ")",
        "#",
        "> ",
        "\u{feff}",
        "决议",
        "[72/57](#)",
        "# ",
        "**一.**",
    ];

    fn random_text(rng: &mut Rng, pieces: usize) -> String {
        (0..rng.below(pieces)).map(|_| PIECES[rng.below(PIECES.len())]).collect()
    }

    /// The text's positions read as in a flat copy, on random lines and
    /// columns (past their ends too) in both encodings.
    fn check_positions(text: &DocText, flat: &str, rng: &mut Rng, what: &str) {
        let index = LineIndex::new(flat);
        for _ in 0..8 {
            let pos = LineCol { line: rng.below(index.line_count() + 1) as u32, col: rng.below(24) as u32 };
            for enc in [PositionEncoding::Utf8, PositionEncoding::Utf16] {
                assert_eq!(text.offset(pos, enc), index.offset(flat, pos, enc), "{what}: {pos:?} {enc:?} in {flat:?}");
            }
        }
    }

    /// The text made whole is the source of a flat copy.
    fn check_whole(text: &mut DocText, flat: &str, what: &str) {
        let made = text.make_whole();
        let fresh = source(flat);
        assert_eq!(made.masked(), fresh.masked(), "{what}: {flat:?}");
        assert_eq!(made.markup(), fresh.markup(), "{what}: {flat:?}");
        assert_eq!(&*made.whole(), flat, "{what}");
        assert!(text.pieces.len() <= 1 && text.line_starts.splices.is_empty());
        assert_eq!(line_starts(text), LineIndex::line_starts_of(flat));
        assert_eq!(whole(text), flat, "{what}");
        assert!(Arc::ptr_eq(made.masked(), text.make_whole().masked()), "a whole text is not copied again");
    }

    #[test]
    fn random_edits_give_the_text_line_starts_and_source_of_a_flat_copy() {
        let mut rng = Rng(0x5eed_1234_abcd);
        for round in 0..300 {
            let mut flat = random_text(&mut rng, 40);
            let mut text = DocText::new(source(&flat));
            for step in 0..40 {
                let what = format!("round {round}, step {step}");
                let a = boundary(&flat, rng.below(flat.len() + 1));
                let b = boundary(&flat, a + rng.below(flat.len() + 1 - a).min(6));
                let insert = random_text(&mut rng, 4);
                flat.replace_range(a..b, &insert);
                text.edit(a, b, &insert);
                assert_eq!(whole(&text), flat, "{what}");
                assert_eq!(line_starts(&text), LineIndex::line_starts_of(&flat), "{what}: {flat:?}");
                check_positions(&text, &flat, &mut rng, &what);
                if rng.below(6) == 0 {
                    check_whole(&mut text, &flat, &what);
                    check_positions(&text, &flat, &mut rng, &what);
                }
            }
            check_whole(&mut text, &flat, &format!("round {round}"));
        }
    }

    #[test]
    fn edits_far_apart_are_masked_again_together() {
        // Edits at both ends of a long text, and cuts without an insert
        // (a deletion joining two lines, the text's ends cut off).
        let line = "1. **第一段** 见 [72/57](#) paragraph\n";
        let flat = line.repeat(200);
        let mut rng = Rng(0xfeed_beef_1234);
        for round in 0..200 {
            let mut flat = flat.clone();
            let mut text = DocText::new(source(&flat));
            for _ in 0..1 + rng.below(4) {
                let a = boundary(&flat, rng.below(flat.len() + 1));
                let b = boundary(&flat, a + rng.below(flat.len() + 1 - a).min(80));
                let insert = if rng.below(3) == 0 { String::new() } else { random_text(&mut rng, 4) };
                flat.replace_range(a..b, &insert);
                text.edit(a, b, &insert);
            }
            check_whole(&mut text, &flat, &format!("round {round}"));
        }
        // An edit that leaves the text as it was: the base itself.
        let mut text = DocText::new(source(&flat));
        let base = text.make_whole();
        text.edit(10, 10, "x");
        text.edit(10, 11, "");
        assert!(Arc::ptr_eq(base.masked(), text.make_whole().masked()));
        // The whole text cut off, and the empty text.
        text.edit(0, flat.len(), "");
        check_whole(&mut text, "", "cut off");
        check_whole(&mut DocText::default(), "", "default");
    }

    fn line_starts(text: &DocText) -> Vec<u32> {
        (0..text.line_starts.len()).map(|l| text.line_starts.get(l).unwrap() as u32).collect()
    }

    #[test]
    fn positions_convert_as_in_a_flat_copy() {
        let mut flat = String::from("\u{feff}# 第一节😀x\r\n第二行 [见](https://例子.org)\r> third **x**");
        let mut text = DocText::new(source(&flat));
        text.edit(3, 3, "é");
        flat.insert(3, 'é');
        assert_eq!(whole(&text), flat);
        let index = LineIndex::new(&flat);
        for line in 0..4u32 {
            for col in 0..40u32 {
                for enc in [PositionEncoding::Utf8, PositionEncoding::Utf16] {
                    let pos = LineCol { line, col };
                    assert_eq!(text.offset(pos, enc), index.offset(&flat, pos, enc), "{pos:?} {enc:?}");
                }
            }
        }
    }

    #[test]
    fn edits_far_apart_stay_pieces_until_there_are_too_many() {
        // A change of many edits over a large text (a replacement made
        // everywhere): each edit cuts two pieces at most, and the text is
        // copied whole once per `PIECES_MAX` pieces, not once per edit.
        let line = "1. 第一段 **paragraph**\n";
        let mut flat = line.repeat(20_000);
        let mut text = DocText::new(source(&flat));
        let mut bases = 0;
        for i in (0..3_000).rev() {
            let at = i * 6 * line.len() + 3;
            flat.replace_range(at..at + "第一段".len(), "X");
            let base = Arc::as_ptr(text.base.masked());
            text.edit(at, at + "第一段".len(), "X");
            bases += usize::from(!std::ptr::addr_eq(base, Arc::as_ptr(text.base.masked())));
            assert!(text.pieces.len() <= PIECES_MAX);
        }
        assert_eq!(whole(&text), flat);
        assert_eq!(line_starts(&text), LineIndex::line_starts_of(&flat));
        // (an edit adds two pieces at most)
        assert!(bases <= 2 * 3_000 / PIECES_MAX + 1, "the text was copied whole {bases} times");
        check_whole(&mut text, &flat, "many edits");
        // Typing after a piece extends it.
        let mut typed = DocText::new(source("ab"));
        for (i, c) in ["x", "y", "z"].iter().enumerate() {
            typed.edit(1 + i, 1 + i, c);
        }
        assert_eq!(whole(&typed), "axyzb");
        assert_eq!(typed.pieces.len(), 3);
    }

    #[test]
    fn a_base_held_alone_is_released_while_copied_and_the_copy_is_exact() {
        // Several megabytes, so that whole pages of the base are given back.
        let flat: String = (0..300_000).map(|i| format!("{i}. **第{i}段** [x](#)\n")).collect();
        let mut text = DocText::new(source(&flat));
        let mut expected = flat.clone();
        for (at, insert) in [(9_000_000, "插入 **"), (5_000_000, "**插入")] {
            let at = boundary(&expected, at);
            text.edit(at, at, insert);
            expected.insert_str(at, insert);
        }
        assert!(Arc::strong_count(text.base.masked()) == 1);
        check_whole(&mut text, &expected, "released");
    }
}
