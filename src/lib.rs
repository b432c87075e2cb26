//! rapporteur: structure, cross-references, numbering and recorded votes of
//! United Nations outcome texts.
//!
//! Layers, each using only those below it:
//! `text` (positions) → `lang` (per-language tables) → `syntax` (text →
//! document tree) → `model` (references and their resolution) →
//! `diagnostics` (checks) → `ide` (editor features, pure) → `export`
//! (Akoma Ntoso XML, pure) → `cli` and `lsp` (the two front ends; the only
//! modules doing I/O).

pub mod cli;
pub mod diagnostics;
pub mod export;
pub mod hash;
pub mod ide;
pub mod lang;
pub mod lsp;
pub mod model;
pub mod negotiation;
pub mod syntax;
#[cfg(test)]
mod test_rng;
pub mod text;
pub mod workspace;
