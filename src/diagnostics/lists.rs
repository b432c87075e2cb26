//! Diagnostic: list.duplicate — a State named twice in a list that is not a
//! vote (speakers, the bureau, members of a committee); list.unknown-state —
//! a name in such a list that is no State.

use crate::syntax::Document;

use super::recorded_vote::{repeated_runs, run_diagnostic, unknown_states};
use super::{Code, Diagnostic};

pub(super) fn check(doc: &Document, out: &mut Vec<Diagnostic>) {
    for list in &doc.name_lists {
        for run in repeated_runs(&list.items) {
            out.push(run_diagnostic(doc, Code::ListDuplicate, &list.items, &run, "in this list"));
        }
        unknown_states(doc, &list.items, out);
    }
}
