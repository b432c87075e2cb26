//! Aligning two revisions of a draft (see `rapporteur diff`).
