//! Diagnostic: reference.broken, reference.ambiguous, reference.annex-number,
//! reference.direction; and the problems found while reading external
//! references: symbol.malformed, resolution.malformed, sdg.unknown-target.

use crate::model::{AnnexSpec, Direction, Problem, Reference, Status};
use crate::syntax::Document;

use super::{node_label, Code, Diagnostic};

pub(super) fn check(doc: &Document, refs: &[Reference], out: &mut Vec<Diagnostic>) {
    for r in refs {
        let text = doc.masked[r.range.start..r.range.end].split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(problem) = &r.problem {
            let code = match problem {
                Problem::MalformedSymbol(_) => Code::SymbolMalformed,
                Problem::MalformedResolution(_) => Code::ResolutionMalformed,
                Problem::UnknownSdgTarget(_) => Code::SdgUnknownTarget,
            };
            out.push(Diagnostic::new(code, r.range, problem.message().to_string()));
        }
        match r.status {
            Status::Broken => {
                let why = r.note.clone().unwrap_or_else(|| "no such target".to_string());
                out.push(Diagnostic::new(Code::ReferenceBroken, r.range, format!("`{text}` points nowhere: {why}")));
            }
            Status::Ambiguous => {
                let mut d = Diagnostic::new(
                    Code::ReferenceAmbiguous,
                    r.range,
                    format!("`{text}` fits {} places; name the section or annex", r.candidates.len()),
                );
                for &c in &r.candidates {
                    d = d.with_related(doc.node(c).opening, format!("candidate: {} ({})", node_label(doc, c), doc.node(c).eid));
                }
                out.push(d);
            }
            Status::Resolved => {
                let Some(node) = r.node else { continue };
                if r.annex_number_mismatch {
                    let message = match r.target.as_ref().and_then(|t| t.annex) {
                        Some(AnnexSpec::Numbered(n)) => format!(
                            "`{text}` cites annex {} but the document has a single unnumbered annex: cite it as the annex",
                            crate::lang::numerals::to_roman(n)
                        ),
                        _ => "the sole annex is numbered: cite it with its number".to_string(),
                    };
                    out.push(
                        Diagnostic::new(Code::ReferenceAnnexNumber, r.range, message).with_related(doc.node(node).opening, "the annex"),
                    );
                }
                if let Some(dir) = r.target.as_ref().and_then(|t| t.direction) {
                    let target_start = doc.node(node).range.start;
                    let wrong = match dir {
                        Direction::Above => target_start > r.range.start,
                        Direction::Below => target_start < r.range.start,
                    };
                    if wrong {
                        let (said, is) = match dir {
                            Direction::Above => ("above", "below"),
                            Direction::Below => ("below", "above"),
                        };
                        out.push(
                            Diagnostic::new(
                                Code::ReferenceDirection,
                                r.range,
                                format!("`{text}` says {said}, but {} is {is}", node_label(doc, node)),
                            )
                            .with_related(doc.node(node).opening, "the target"),
                        );
                    }
                }
            }
            Status::External | Status::Unverified => {}
        }
    }
}
