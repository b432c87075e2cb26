//! What a reference is: its kind, its target as written, the exact span of
//! every number in it, the text it belongs to (this document or another, see
//! [`super::attribution`]) and, once resolved ([`super::resolve`]), where it
//! points. Finding them is [`super::find`].

use crate::syntax::NodeId;
use crate::text::TextRange;

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

#[derive(Clone, Debug)]
pub struct Reference {
    pub range: TextRange,
    pub kind: RefKind,
    pub target: Option<InternalTarget>,
    pub numbers: Vec<NumberSpan>,
    pub external: Option<External>,
    /// Something wrong with how it is written (a malformed symbol, an SDG
    /// target that does not exist).
    pub problem: Option<Problem>,
    /// For a reference into another text ("paragraph 14 of the report of
    /// the Secretary-General"), the exact span of the words that say which
    /// text: the qualifier, the symbol or resolution before it, `ibid.`.
    pub qualifier: Option<TextRange>,
    /// The end of a range ("5" in "paragraphs 3 to 5").
    pub through: bool,
    pub status: Status,
    pub node: Option<NodeId>,
    pub candidates: Vec<NodeId>,
    /// Why a reference is broken, or a warning about how it resolved.
    pub note: Option<String>,
    pub annex_number_mismatch: bool,
    /// Where the sentence it was read in could start at the earliest, as
    /// `(offset, floor)`: the floor comes from the tree (the opening of the
    /// node at `offset`), so an update checks that the new tree gives the same.
    pub(crate) sentence_floor: Option<(usize, usize)>,
    /// Whether words decided which text it belongs to (a qualifier, a
    /// direction, a cited text before it), rather than the default.
    pub(crate) evidence: bool,
    /// A text named earlier in its sentence that it may belong to (a
    /// resolution, a symbol, "the report of the Secretary-General"): the
    /// evidence is mixed, and resolution settles it (see
    /// [`super::resolve::resolve_all`]).
    pub candidate: Option<External>,
    /// The candidate is named in words ("the report of the Secretary-General",
    /// "his report"): it outweighs this document even where the reference
    /// resolves here; a resolution or symbol named in passing does not.
    pub(crate) candidate_in_words: bool,
}

impl Reference {
    pub(crate) fn external(range: TextRange, external: External) -> Reference {
        Reference {
            range,
            kind: RefKind::External(external.kind),
            target: None,
            numbers: Vec::new(),
            external: Some(external),
            problem: None,
            qualifier: None,
            through: false,
            status: Status::External,
            node: None,
            candidates: Vec::new(),
            note: None,
            annex_number_mismatch: false,
            sentence_floor: None,
            evidence: false,
            candidate: None,
            candidate_in_words: false,
        }
    }

    pub(crate) fn internal(range: TextRange, kind: RefKind, target: InternalTarget, numbers: Vec<NumberSpan>) -> Reference {
        Reference {
            range,
            kind,
            target: Some(target),
            numbers,
            external: None,
            problem: None,
            qualifier: None,
            through: false,
            status: Status::Broken,
            node: None,
            candidates: Vec::new(),
            note: None,
            annex_number_mismatch: false,
            sentence_floor: None,
            evidence: false,
            candidate: None,
            candidate_in_words: false,
        }
    }

    /// Maps the range and every number span (a reference moved by an edit).
    pub(crate) fn move_ranges(&mut self, map: impl Fn(TextRange) -> TextRange) {
        self.range = map(self.range);
        for n in &mut self.numbers {
            n.span = map(n.span);
        }
        if let Some(q) = &mut self.qualifier {
            *q = map(*q);
        }
        if let Some((at, floor)) = self.sentence_floor {
            let moved = map(TextRange::new(floor, at));
            self.sentence_floor = Some((moved.end, moved.start));
        }
    }

    /// Records where it points (what [`super::resolve::resolve_all`]
    /// returned for it), replacing whatever an earlier resolution said.
    pub(crate) fn set_resolution(&mut self, r: Resolution) {
        self.status = r.status;
        self.node = r.node;
        self.candidates = r.candidates;
        self.note = r.note;
        self.annex_number_mismatch = r.annex_number_mismatch;
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
