//! Negotiation drafts: the markup delegates and facilitators put in a text
//! between the zero draft and adoption — square brackets, alternatives,
//! attributions to delegations, status tags — and what it says about each
//! paragraph (agreed, bracketed, open). Pure: text and tree in, plain data
//! out.
//!
//! - `markup.rs`: reading brackets, alternatives, attributions and tags;
//! - `reread.rs`: the markup after an edit, re-read on the edited lines only;
//! - `status.rs`: each paragraph's status and the summary per section;
//! - `check.rs`: `brackets.unbalanced` and `brackets.left`;
//! - `fixes.rs`: accept an alternative, drop a bracketed passage, mark agreed;
//! - `diff.rs`: aligning two revisions; `html.rs`: the diff as one page;
//! - `amend.rs`: applying amendments to a draft.

pub mod amend;
pub mod check;
pub mod diff;
pub mod fixes;
pub mod html;
pub mod markup;
pub mod reread;
pub mod status;

pub use fixes::fixes;
pub use markup::{read, Alternatives, Attribution, Choice, Markup, Pair, PairKind, Reading, Tag, TagKind, Unmatched, Vocabulary};
pub use status::{paragraph_statuses, summary, ParagraphStatus, Summary};
