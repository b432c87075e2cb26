//! What a reference is: its kind, its target as written, the exact span of
//! every number in it, the text it belongs to (this document or another, see
//! [`super::attribution`]) and, once resolved ([`super::resolve`]), where it
//! points. Finding them is [`super::find`].

use crate::syntax::NodeId;
use crate::text::{PackedRange, TextRange};

use super::external::External;
pub use super::external::ExternalKind;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RefKind {
    Paragraph,
    Subparagraph,
    Section,
    Subsection,
    Annex,
    Article,
    External(ExternalKind),
}

impl RefKind {
    pub fn name(self) -> &'static str {
        match self {
            RefKind::Paragraph => "paragraph",
            RefKind::Subparagraph => "subparagraph",
            RefKind::Section => "section",
            RefKind::Subsection => "subsection",
            RefKind::Annex => "annex",
            RefKind::Article => "article",
            RefKind::External(k) => k.name(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnnexSpec {
    /// "the annex", `本决议附件`.
    Sole,
    Numbered(u32),
}

/// Which part of the document a qualifier points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum DocScope {
    #[default]
    Any,
    /// "the draft outcome document", `成果文件草案`: the annex that holds it.
    OutcomeDocument,
    /// "the present resolution": the whole document.
    Present,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Above,
    Below,
}

/// What an internal reference points at, as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InternalTarget {
    pub annex: Option<AnnexSpec>,
    pub section: Option<u32>,
    pub subsection: Option<u32>,
    pub paragraph: Option<u32>,
    /// Subparagraph markers as written, outermost first (`a`, `ii`).
    pub subparagraphs: Vec<String>,
    pub article: Option<u32>,
    /// A decimal paragraph number as written (`7.1`, `22.19`); `paragraph`
    /// then holds the part before the point.
    pub decimal: Option<String>,
    pub scope: DocScope,
    pub direction: Option<Direction>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumberRole {
    Annex,
    Section,
    Subsection,
    Paragraph,
    Subparagraph,
    Article,
}

/// One number inside a reference, with its exact span (for renumbering).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumberSpan {
    pub role: NumberRole,
    pub span: TextRange,
    pub value: u32,
}

/// A [`NumberSpan`] as a reference holds it: 16 bytes instead of 32.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct PackedNumberSpan {
    span: PackedRange,
    value: u32,
    role: NumberRole,
}

impl PackedNumberSpan {
    fn pack(n: NumberSpan) -> PackedNumberSpan {
        PackedNumberSpan { span: PackedRange::pack(n.span), value: n.value, role: n.role }
    }
    fn get(self) -> NumberSpan {
        NumberSpan { role: self.role, span: self.span.get(), value: self.value }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Resolved,
    External,
    Broken,
    Ambiguous,
    /// Internal, but in a numbering the document's tree does not have (a
    /// decimal paragraph number where no paragraph is numbered so): neither
    /// resolved nor reported.
    Unverified,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Resolved => "resolved",
            Status::External => "external",
            Status::Broken => "broken",
            Status::Ambiguous => "ambiguous",
            Status::Unverified => "unverified",
        }
    }
}

/// A reference found in the text. At 10 MB of Chinese an analysis holds
/// about 50,000 of them, nine in ten a named instrument, so the record is
/// compact (`tests` below holds its size): its ranges are `u32` offsets
/// ([`PackedRange`], read through [`Reference::range`] and
/// [`Reference::qualifier`]), the text it cites is held in place (most
/// references cite one), a single number is held in place and two or more
/// in [`Particulars`], the box of what most references leave empty (a
/// problem, a candidate text, the resolver's candidates and note), which
/// most never allocate; the target as written is boxed.
#[derive(Clone, Debug)]
pub struct Reference {
    /// For a reference to another text, that text (for a provision of
    /// another text, the provision with the text it belongs to).
    pub external: Option<External>,
    pub target: Option<Box<InternalTarget>>,
    /// What few references have: see the accessors
    /// ([`Reference::problem`], [`Reference::candidate`],
    /// [`Reference::candidates`], [`Reference::note`], and
    /// [`Reference::numbers`] when it has two or more).
    particulars: Option<Box<Particulars>>,
    range: PackedRange,
    /// See [`Reference::qualifier`].
    qualifier: Option<PackedRange>,
    /// Where the sentence it was read in could start at the earliest (see
    /// [`Reference::keeps_sentence_floor`]); [`SentenceFloor::NONE`] when
    /// none was recorded.
    sentence_floor: SentenceFloor,
    /// Its number when it has exactly one (else they are in the particulars).
    number: Option<PackedNumberSpan>,
    /// The node it points at, [`NO_NODE`] for none.
    node: u32,
    pub kind: RefKind,
    pub status: Status,
    /// [`Flags`]: `through`, `annex_number_mismatch`, `evidence`,
    /// `candidate_in_words`.
    flags: u8,
}

/// What [`Reference::node`] holds for none.
const NO_NODE: u32 = u32::MAX;

/// The yes-or-no facts of a reference, one bit each of [`Reference::flags`].
struct Flags;

impl Flags {
    /// The end of a range ("5" in "paragraphs 3 to 5").
    const THROUGH: u8 = 1;
    /// `annex I` cited for a sole unnumbered annex (or the reverse).
    const ANNEX_NUMBER_MISMATCH: u8 = 2;
    /// Whether words decided which text it belongs to (a qualifier, a
    /// direction, a cited text before it), rather than the default.
    const EVIDENCE: u8 = 4;
    /// The candidate is named in words ("the report of the
    /// Secretary-General", "his report"): it outweighs this document even
    /// where the reference resolves here; a resolution or symbol named in
    /// passing does not.
    const CANDIDATE_IN_WORDS: u8 = 8;
}

/// What a reference rarely has, boxed together so that the others hold
/// one empty pointer for all of it.
#[derive(Clone, Debug, Default)]
struct Particulars {
    /// Something wrong with how it is written (a malformed symbol, an SDG
    /// target that does not exist).
    problem: Option<Problem>,
    /// A text named earlier in its sentence that it may belong to (a
    /// resolution, a symbol, "the report of the Secretary-General"): the
    /// evidence is mixed, and resolution settles it (see
    /// [`super::resolve::resolve_all`]).
    candidate: Option<External>,
    /// The nodes an ambiguous reference fits.
    candidates: Box<[NodeId]>,
    /// Why a reference is broken, or a warning about how it resolved.
    note: Option<Box<str>>,
    /// Its numbers when it has two or more.
    numbers: Box<[PackedNumberSpan]>,
}

impl Particulars {
    fn is_empty(&self) -> bool {
        self.problem.is_none() && self.candidate.is_none() && self.candidates.is_empty() && self.note.is_none() && self.numbers.is_empty()
    }
}

/// `(offset, floor)` of [`Reference::keeps_sentence_floor`], in 32 bits
/// each. An offset past 4 GiB is recorded as [`SentenceFloor::FAR`], which
/// no tree gives, so that an update finds such a reference again rather
/// than trust it; none recorded is [`SentenceFloor::NONE`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct SentenceFloor {
    at: u32,
    floor: u32,
}

impl SentenceFloor {
    const FAR: SentenceFloor = SentenceFloor { at: u32::MAX, floor: u32::MAX };
    const NONE: SentenceFloor = SentenceFloor { at: u32::MAX, floor: u32::MAX - 1 };

    fn new((at, floor): (usize, usize)) -> SentenceFloor {
        match (u32::try_from(at), u32::try_from(floor)) {
            (Ok(at), Ok(floor)) if at != u32::MAX => SentenceFloor { at, floor },
            _ => SentenceFloor::FAR,
        }
    }
}

impl Reference {
    fn new(range: TextRange, kind: RefKind, status: Status) -> Reference {
        Reference {
            external: None,
            target: None,
            particulars: None,
            range: PackedRange::pack(range),
            qualifier: None,
            sentence_floor: SentenceFloor::NONE,
            number: None,
            node: NO_NODE,
            kind,
            status,
            flags: 0,
        }
    }

    pub(crate) fn external(range: TextRange, external: External) -> Reference {
        let mut r = Reference::new(range, RefKind::External(external.kind), Status::External);
        r.external = Some(external);
        r
    }

    pub(crate) fn internal(range: TextRange, kind: RefKind, target: InternalTarget, numbers: Vec<NumberSpan>) -> Reference {
        let mut r = Reference::new(range, kind, Status::Broken);
        r.target = Some(Box::new(target));
        r.set_numbers(numbers);
        r
    }

    /// Where it is written.
    pub fn range(&self) -> TextRange {
        self.range.get()
    }

    /// Moves it (what an update does through [`Reference::move_ranges`]).
    pub fn set_range(&mut self, range: TextRange) {
        self.range = PackedRange::pack(range);
    }

    /// Points it at `node` (for tools and tests that alter an analysis).
    #[doc(hidden)]
    pub fn set_node(&mut self, node: Option<NodeId>) {
        self.node = node.map_or(NO_NODE, |n| u32::try_from(n).unwrap_or(NO_NODE - 1));
    }

    /// For a reference into another text ("paragraph 14 of the report of
    /// the Secretary-General"), the exact span of the words that say which
    /// text: the qualifier, the symbol or resolution before it, `ibid.`.
    pub fn qualifier(&self) -> Option<TextRange> {
        self.qualifier.map(PackedRange::get)
    }

    pub(crate) fn set_qualifier(&mut self, qualifier: Option<TextRange>) {
        self.qualifier = qualifier.map(PackedRange::pack);
    }

    /// The node it points at, once resolved.
    pub fn node(&self) -> Option<NodeId> {
        (self.node != NO_NODE).then_some(self.node as NodeId)
    }

    /// Every number in it, with its exact span (for renumbering), in the
    /// order written.
    pub fn numbers(&self) -> impl DoubleEndedIterator<Item = NumberSpan> + ExactSizeIterator + '_ {
        let many = match (&self.number, &self.particulars) {
            (Some(one), _) => std::slice::from_ref(one),
            (None, Some(p)) => &p.numbers[..],
            (None, None) => &[],
        };
        many.iter().map(|n| n.get())
    }

    /// One number held in place, two or more in the particulars.
    fn set_numbers(&mut self, numbers: Vec<NumberSpan>) {
        match numbers[..] {
            [one] => self.number = Some(PackedNumberSpan::pack(one)),
            [] => {}
            _ => {
                let packed = numbers.into_iter().map(PackedNumberSpan::pack).collect();
                self.particulars.get_or_insert_with(Box::default).numbers = packed;
            }
        }
    }

    /// The end of a range ("5" in "paragraphs 3 to 5").
    pub fn through(&self) -> bool {
        self.flags & Flags::THROUGH != 0
    }

    pub(crate) fn set_through(&mut self, yes: bool) {
        self.set_flag(Flags::THROUGH, yes);
    }

    /// `annex I` cited for a sole unnumbered annex (or the reverse).
    pub fn annex_number_mismatch(&self) -> bool {
        self.flags & Flags::ANNEX_NUMBER_MISMATCH != 0
    }

    /// Whether words decided which text it belongs to (a qualifier, a
    /// direction, a cited text before it), rather than the default.
    pub(crate) fn evidence(&self) -> bool {
        self.flags & Flags::EVIDENCE != 0
    }

    pub(crate) fn set_evidence(&mut self, yes: bool) {
        self.set_flag(Flags::EVIDENCE, yes);
    }

    /// The candidate is named in words ("the report of the Secretary-General",
    /// "his report"): it outweighs this document even where the reference
    /// resolves here; a resolution or symbol named in passing does not.
    pub(crate) fn candidate_in_words(&self) -> bool {
        self.flags & Flags::CANDIDATE_IN_WORDS != 0
    }

    pub(crate) fn set_candidate_in_words(&mut self, yes: bool) {
        self.set_flag(Flags::CANDIDATE_IN_WORDS, yes);
    }

    fn set_flag(&mut self, flag: u8, yes: bool) {
        if yes {
            self.flags |= flag;
        } else {
            self.flags &= !flag;
        }
    }

    /// Something wrong with how it is written (a malformed symbol, an SDG
    /// target that does not exist).
    pub fn problem(&self) -> Option<&Problem> {
        self.particulars.as_ref().and_then(|p| p.problem.as_ref())
    }

    /// A text named earlier in its sentence that it may belong to (a
    /// resolution, a symbol, "the report of the Secretary-General"): the
    /// evidence is mixed, and resolution settles it (see
    /// [`super::resolve::resolve_all`]).
    pub fn candidate(&self) -> Option<&External> {
        self.particulars.as_ref().and_then(|p| p.candidate.as_ref())
    }

    /// The nodes an ambiguous reference fits.
    pub fn candidates(&self) -> &[NodeId] {
        self.particulars.as_ref().map_or(&[], |p| &p.candidates)
    }

    /// Why a reference is broken, or a warning about how it resolved.
    pub fn note(&self) -> Option<&str> {
        self.particulars.as_ref().and_then(|p| p.note.as_deref())
    }

    pub(crate) fn set_problem(&mut self, problem: Problem) {
        self.particulars.get_or_insert_with(Box::default).problem = Some(problem);
    }

    pub(crate) fn set_candidate(&mut self, candidate: External) {
        self.particulars.get_or_insert_with(Box::default).candidate = Some(candidate);
    }

    /// Whether the sentence it was read in could still start where it could
    /// then at the earliest: the floor came from the tree (the opening of
    /// the node at its offset), so an update asks the new tree (`floor_at`)
    /// for the floor at the offset moved by the edit (`map`). Yes when none
    /// was recorded; no when it lay past 4 GiB.
    pub(crate) fn keeps_sentence_floor(&self, map: impl Fn(usize) -> usize, floor_at: impl Fn(usize) -> usize) -> bool {
        match self.sentence_floor {
            SentenceFloor::NONE => true,
            SentenceFloor::FAR => false,
            f => floor_at(map(f.at as usize)) == map(f.floor as usize),
        }
    }

    /// Records where the sentence it was read in could start at the
    /// earliest, as `(offset, floor)` (see [`Reference::keeps_sentence_floor`]).
    pub(crate) fn set_sentence_floor(&mut self, floor: Option<(usize, usize)>) {
        self.sentence_floor = floor.map_or(SentenceFloor::NONE, SentenceFloor::new);
    }

    /// Maps the range and every number span (a reference moved by an edit).
    pub(crate) fn move_ranges(&mut self, map: impl Fn(TextRange) -> TextRange) {
        let map_packed = |r: &mut PackedRange| *r = PackedRange::pack(map(r.get()));
        map_packed(&mut self.range);
        if let Some(n) = &mut self.number {
            map_packed(&mut n.span);
        }
        if let Some(p) = &mut self.particulars {
            for n in &mut p.numbers {
                map_packed(&mut n.span);
            }
        }
        if let Some(q) = &mut self.qualifier {
            map_packed(q);
        }
        let f = self.sentence_floor;
        if f != SentenceFloor::FAR && f != SentenceFloor::NONE {
            let moved = map(TextRange::new(f.floor as usize, f.at as usize));
            self.sentence_floor = SentenceFloor::new((moved.end, moved.start));
        }
    }

    /// Records where it points (what [`super::resolve::resolve_all`]
    /// returned for it), replacing whatever an earlier resolution said.
    pub(crate) fn set_resolution(&mut self, r: Resolution) {
        self.status = r.status;
        self.node = r.node.map_or(NO_NODE, |n| u32::try_from(n).expect("fewer than 4 billion nodes"));
        self.set_flag(Flags::ANNEX_NUMBER_MISMATCH, r.annex_number_mismatch);
        if self.particulars.is_none() && r.candidates.is_empty() && r.note.is_none() {
            return;
        }
        let p = self.particulars.get_or_insert_with(Box::default);
        p.candidates = r.candidates.into_boxed_slice();
        p.note = r.note.map(String::into_boxed_str);
        if p.is_empty() {
            self.particulars = None;
        }
    }

    pub fn is_internal(&self) -> bool {
        self.target.is_some() && self.external.is_none()
    }
}

/// Something wrong with how an external reference is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// A document symbol that breaks the symbol grammar.
    MalformedSymbol(String),
    /// A resolution number that is garbled or impossible.
    MalformedResolution(String),
    /// An SDG goal, target or indicator that does not exist.
    UnknownSdgTarget(String),
}

impl Problem {
    pub fn message(&self) -> &str {
        match self {
            Problem::MalformedSymbol(m) | Problem::MalformedResolution(m) | Problem::UnknownSdgTarget(m) => m,
        }
    }
}

/// Where one reference points: what the resolver returns for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolution {
    pub status: Status,
    pub node: Option<NodeId>,
    pub candidates: Vec<NodeId>,
    /// Why it is broken.
    pub note: Option<String>,
    /// `annex I` cited for a sole unnumbered annex (or the reverse).
    pub annex_number_mismatch: bool,
}

impl Resolution {
    pub fn external() -> Resolution {
        Resolution { status: Status::External, node: None, candidates: Vec::new(), note: None, annex_number_mismatch: false }
    }

    pub fn broken(why: String) -> Resolution {
        Resolution { status: Status::Broken, node: None, candidates: Vec::new(), note: Some(why), annex_number_mismatch: false }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An analysis holds one per reference (about 50,000 at 10 MB of
    /// Chinese): it was 368 bytes before its rare parts were boxed, then
    /// 120 (plus a box of 40 bytes for the text it cites and one of 24 for
    /// each number) before its ranges were packed and the cited text and a
    /// single number held in place.
    #[test]
    fn a_reference_stays_small() {
        assert!(std::mem::size_of::<Reference>() <= 96, "{}", std::mem::size_of::<Reference>());
        assert_eq!(std::mem::size_of::<External>(), 32);
        assert_eq!(std::mem::size_of::<PackedNumberSpan>(), 16);
    }

    #[test]
    fn a_far_sentence_floor_is_never_trusted() {
        let mut r = Reference::internal(TextRange::new(0, 1), RefKind::Paragraph, InternalTarget::default(), Vec::new());
        assert!(r.keeps_sentence_floor(|o| o, |_| 0));
        r.set_sentence_floor(Some((5_000_000_000, 3)));
        assert!(!r.keeps_sentence_floor(|o| o, |o| o));
        r.move_ranges(|t| TextRange::new(t.start + 1, t.end + 1));
        assert_eq!(r.sentence_floor, SentenceFloor::FAR);
        r.set_sentence_floor(Some((10, 3)));
        r.move_ranges(|t| TextRange::new(t.start + 1, t.end + 1));
        assert_eq!(r.sentence_floor, SentenceFloor { at: 11, floor: 4 });
        assert!(r.keeps_sentence_floor(|o| o, |_| 4));
        assert!(!r.keeps_sentence_floor(|o| o + 1, |_| 4));
    }

    #[test]
    fn an_empty_resolution_leaves_nothing_boxed() {
        let mut r = Reference::internal(TextRange::new(0, 1), RefKind::Paragraph, InternalTarget::default(), Vec::new());
        r.set_resolution(Resolution::broken("no such paragraph".to_string()));
        assert_eq!(r.note(), Some("no such paragraph"));
        r.set_resolution(Resolution {
            status: Status::Resolved,
            node: Some(3),
            candidates: Vec::new(),
            note: None,
            annex_number_mismatch: false,
        });
        assert!(r.particulars.is_none());
        assert_eq!(r.candidates(), &[] as &[NodeId]);
    }
}
