//! Diagnostics: data with stable codes. Each rule lives in its own module;
//! [`check`] runs them all under a [`DiagnosticsConfig`] passed in by the
//! caller (the CLI from its flags, the server from client settings).

mod lists;
mod numbering;
mod recorded_vote;
mod references;
mod structure;

use std::collections::HashMap;

use crate::model::Reference;
use crate::syntax::Document;
use crate::text::TextRange;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Information,
    Hint,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Information => "information",
            Severity::Hint => "hint",
        }
    }
    pub fn parse(s: &str) -> Option<Severity> {
        match s.to_ascii_lowercase().as_str() {
            "error" => Some(Severity::Error),
            "warning" | "warn" => Some(Severity::Warning),
            "information" | "info" => Some(Severity::Information),
            "hint" => Some(Severity::Hint),
            _ => None,
        }
    }
}

/// Every diagnostic code, with its default severity and a one-line summary.
/// The README lists them; a test keeps the two in step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    ReferenceBroken,
    ReferenceAmbiguous,
    ReferenceAnnexNumber,
    ReferenceDirection,
    NumberingGap,
    NumberingDuplicate,
    NumberingOrder,
    NumberingMalformed,
    VoteCount,
    VoteDuplicate,
    VoteOverlap,
    ListDuplicate,
    ListUnknownState,
    SymbolMalformed,
    ResolutionMalformed,
    SdgUnknownTarget,
    StructureInlineHeading,
    /// Session only (the language server): see `ide::drift`.
    ReferenceDrift,
    ParityNode,
    ParityFacts,
    ParityReferences,
    ParityNumbering,
    ParityVote,
    BracketsUnbalanced,
    BracketsLeft,
}

impl Code {
    pub const ALL: [Code; 25] = [
        Code::ReferenceBroken,
        Code::ReferenceAmbiguous,
        Code::ReferenceAnnexNumber,
        Code::ReferenceDirection,
        Code::NumberingGap,
        Code::NumberingDuplicate,
        Code::NumberingOrder,
        Code::NumberingMalformed,
        Code::VoteCount,
        Code::VoteDuplicate,
        Code::VoteOverlap,
        Code::ListDuplicate,
        Code::ListUnknownState,
        Code::SymbolMalformed,
        Code::ResolutionMalformed,
        Code::SdgUnknownTarget,
        Code::StructureInlineHeading,
        Code::ReferenceDrift,
        Code::ParityNode,
        Code::ParityFacts,
        Code::ParityReferences,
        Code::ParityNumbering,
        Code::ParityVote,
        Code::BracketsUnbalanced,
        Code::BracketsLeft,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Code::ReferenceBroken => "reference.broken",
            Code::ReferenceAmbiguous => "reference.ambiguous",
            Code::ReferenceAnnexNumber => "reference.annex-number",
            Code::ReferenceDirection => "reference.direction",
            Code::NumberingGap => "numbering.gap",
            Code::NumberingDuplicate => "numbering.duplicate",
            Code::NumberingOrder => "numbering.order",
            Code::NumberingMalformed => "numbering.malformed",
            Code::VoteCount => "vote.count",
            Code::VoteDuplicate => "vote.duplicate",
            Code::VoteOverlap => "vote.overlap",
            Code::ListDuplicate => "list.duplicate",
            Code::ListUnknownState => "list.unknown-state",
            Code::SymbolMalformed => "symbol.malformed",
            Code::ResolutionMalformed => "resolution.malformed",
            Code::SdgUnknownTarget => "sdg.unknown-target",
            Code::StructureInlineHeading => "structure.inline-heading",
            Code::ReferenceDrift => "reference.drift",
            Code::ParityNode => "parity.node",
            Code::ParityFacts => "parity.facts",
            Code::ParityReferences => "parity.references",
            Code::ParityNumbering => "parity.numbering",
            Code::ParityVote => "parity.vote",
            Code::BracketsUnbalanced => "brackets.unbalanced",
            Code::BracketsLeft => "brackets.left",
        }
    }

    pub fn parse(s: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.as_str() == s)
    }

    pub fn default_severity(self) -> Severity {
        match self {
            Code::ReferenceBroken
            | Code::NumberingGap
            | Code::NumberingDuplicate
            | Code::NumberingOrder
            | Code::VoteCount
            | Code::VoteOverlap
            | Code::BracketsUnbalanced => Severity::Error,
            Code::StructureInlineHeading | Code::BracketsLeft => Severity::Hint,
            Code::ListUnknownState => Severity::Information,
            _ => Severity::Warning,
        }
    }

    /// The anchor of the code's section in the README.
    pub fn doc_anchor(self) -> String {
        self.as_str().replace(['.', '-'], "")
    }
}

/// A related location: the first occurrence, a candidate target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub range: TextRange,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub range: TextRange,
    pub severity: Severity,
    pub code: Code,
    pub message: String,
    pub related: Vec<Related>,
    /// The corrected text for a range, where the rule knows it (the figure
    /// a vote states, a repeated run removed, a symbol written right): what
    /// the quick fix of `ide::fixes` puts in. Boxed: few diagnostics have
    /// one, and a document can have hundreds of thousands of diagnostics.
    pub replacement: Option<Box<(TextRange, String)>>,
}

impl Diagnostic {
    pub fn new(code: Code, range: TextRange, message: impl Into<String>) -> Diagnostic {
        Diagnostic { range, severity: code.default_severity(), code, message: message.into(), related: Vec::new(), replacement: None }
    }
    /// [`Diagnostic::with_replacement`] when `known`.
    pub fn with_replacement_if(self, known: bool, range: TextRange, text: impl Into<String>) -> Diagnostic {
        if known {
            self.with_replacement(range, text)
        } else {
            self
        }
    }
    /// The corrected text for `range` (see [`Diagnostic::replacement`]).
    pub fn with_replacement(mut self, range: TextRange, text: impl Into<String>) -> Diagnostic {
        self.replacement = Some(Box::new((range, text.into())));
        self
    }
    pub fn with_related(mut self, range: TextRange, message: impl Into<String>) -> Diagnostic {
        // Most diagnostics have one related location: no room for four.
        self.related.reserve_exact(1);
        self.related.push(Related { range, message: message.into() });
        self
    }
}

/// Which codes are reported and at what severity. `None` turns a code off.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiagnosticsConfig {
    pub overrides: HashMap<Code, Option<Severity>>,
    /// Delegations, verbs and status tags of negotiation drafts the user
    /// adds to the language's table (read by the analysis too: tokens,
    /// statuses, `brackets.*`).
    pub negotiation: crate::negotiation::Vocabulary,
}

impl DiagnosticsConfig {
    /// Every code on, at its default severity.
    pub fn all_enabled() -> DiagnosticsConfig {
        DiagnosticsConfig { overrides: HashMap::new(), negotiation: Default::default() }
    }
    pub fn severity(&self, code: Code) -> Option<Severity> {
        match self.overrides.get(&code) {
            Some(over) => *over,
            None => Some(code.default_severity()),
        }
    }
}

/// Runs every rule; diagnostics come back sorted by position.
pub fn check(doc: &Document, refs: &[Reference], config: &DiagnosticsConfig) -> Vec<Diagnostic> {
    let markup = crate::negotiation::Reading::new(&doc.masked, doc.language, &config.negotiation);
    check_keeping(doc, refs, config, Vec::new(), Kept::default(), &markup)
}

/// The rules whose diagnostics [`check_keeping`] is given instead of
/// running them (the incremental update keeps them from the version before
/// where nothing they read changed: see `ide::reuse`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Kept {
    /// `numbering.*`: a function of the tree's shape and numbers.
    pub numbering: bool,
}

impl Code {
    /// Whether the reference check reports this code (at the range of the
    /// reference).
    pub fn is_reference_rule(self) -> bool {
        matches!(
            self,
            Code::ReferenceBroken
                | Code::ReferenceAmbiguous
                | Code::ReferenceAnnexNumber
                | Code::ReferenceDirection
                | Code::SymbolMalformed
                | Code::ResolutionMalformed
                | Code::SdgUnknownTarget
        )
    }

    /// Whether the numbering check reports this code.
    pub fn is_numbering(self) -> bool {
        matches!(self, Code::NumberingGap | Code::NumberingDuplicate | Code::NumberingOrder | Code::NumberingMalformed)
    }
}

/// [`check`], with `kept` the diagnostics of the rules `which` says are kept
/// (their severities already set by the same `config`) instead of running
/// those rules; `refs` are the references the reference rule reads;
/// `markup` is the negotiation markup of `doc` (read with `config`'s words).
pub fn check_keeping(
    doc: &Document,
    refs: &[Reference],
    config: &DiagnosticsConfig,
    kept: Vec<Diagnostic>,
    which: Kept,
    markup: &crate::negotiation::Reading,
) -> Vec<Diagnostic> {
    let mut out = kept;
    references::check(doc, refs, &mut out);
    if !which.numbering {
        numbering::check(doc, &mut out);
    }
    recorded_vote::check(doc, &mut out);
    lists::check(doc, &mut out);
    structure::check(doc, &mut out);
    // Negotiation drafts: brackets (see `negotiation::check`).
    let left_forced = matches!(config.overrides.get(&Code::BracketsLeft), Some(Some(_)));
    crate::negotiation::check::check(doc, markup.brackets(), left_forced, &mut out);
    out.retain_mut(|d| match config.severity(d.code) {
        Some(sev) => {
            d.severity = sev;
            true
        }
        None => false,
    });
    out.sort_by_key(|d| (d.range.start, d.range.end, d.code));
    out.dedup();
    out.shrink_to_fit();
    out
}

/// The numbered sequences the numbering check reads, each in document order
/// (paragraphs per numbering scope, subparagraphs per level, sections, list
/// items, …): the sequences renumbering makes consecutive.
pub fn numbered_sequences(doc: &Document) -> Vec<Vec<crate::syntax::NodeId>> {
    numbering::checked_sequences(doc)
}

/// Names a node as a drafter would: "paragraph 15", "section II", "subparagraph (a)".
pub fn node_label(doc: &Document, id: crate::syntax::NodeId) -> String {
    let node = doc.node(id);
    match node.number() {
        Some(n) => {
            let written = &doc.masked[n.span.start..n.span.end];
            match node.kind {
                crate::syntax::NodeKind::Subparagraph => format!("subparagraph ({written})"),
                crate::syntax::NodeKind::Subheading if node.level == 2 => format!("subheading ({written})"),
                kind => format!("{} {}", kind.label(), written),
            }
        }
        None => node.kind.label().to_string(),
    }
}
