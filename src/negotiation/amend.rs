//! Applying amendments to a draft (see `rapporteur amend`).
