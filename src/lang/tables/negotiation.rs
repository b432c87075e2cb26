//! The words of negotiation numbering: a paragraph inserted during the
//! negotiation after paragraph 5 is `5 bis` (then `5 ter`, `5 quater` …),
//! an alternative text `5 alt`. Drafts in every language use the Latin
//! words; Russian drafts also write `5 бис`, Arabic drafts `5 مكرراً`,
//! Chinese texts `之二` (bis), `之三` (ter) … after the number, as the
//! Chinese text of the Rome Statute numbers its article 8 bis `第八条之二`
//! (a Chinese draft also keeps the Latin `5 bis`, read by the same words).
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
    ("之二", "bis"),
    ("之三", "ter"),
    ("之四", "quater"),
    ("之五", "quinquies"),
    ("之六", "sexies"),
];
