//! The words of negotiation numbering: a paragraph inserted during the
//! negotiation after paragraph 5 is `5 bis` (then `5 ter`, `5 quater` …),
//! an alternative text `5 alt`. Drafts in every language use the Latin
//! words; Russian drafts also write `5 бис`, Arabic drafts `5 مكرراً`.
//! (written, canonical) pairs, longest first where one word starts another.

/// Every written form, with its canonical (Latin) word used in addresses
/// (`para_5bis`).
pub const SUFFIXES: &[(&str, &str)] = &[
    ("quinquies", "quinquies"),
    ("quater", "quater"),
    ("sexies", "sexies"),
    ("septies", "septies"),
    ("octies", "octies"),
    ("bis", "bis"),
    ("ter", "ter"),
    ("alt", "alt"),
    ("кватер", "quater"),
    ("бис", "bis"),
    ("тер", "ter"),
    ("مكرراً", "bis"),
    ("مكررا", "bis"),
    ("مكرر", "bis"),
];
