//! The words a quick fix writes: the two directions of a reference ("above"
//! and "below", `上文` and `下文`) and the words around a sole annex, per
//! language. The finder's patterns (the `direction_*` entries of the tables)
//! read them; these are the forms written back.

use crate::lang::Language;

/// Pairs of (upward, downward) direction words, the usual form first.
pub fn direction_pairs(lang: Language) -> &'static [(&'static str, &'static str)] {
    match lang {
        Language::En => &[("above", "below")],
        Language::Zh => &[("上文", "下文")],
        Language::Fr => &[("ci-dessus", "ci-dessous"), ("supra", "infra")],
        Language::Es => &[("supra", "infra"), ("más arriba", "más abajo"), ("más arriba", "más adelante")],
        Language::Ru => &[("выше", "ниже")],
        Language::Ar => &[("أعلاه", "أدناه")],
    }
}

/// The word written before "annex" when a sole annex is cited without a
/// number and no article precedes it ("the annex"); empty where the
/// language needs none or the article is part of the word.
pub fn sole_annex_article(lang: Language) -> &'static str {
    match lang {
        Language::En => "the ",
        _ => "",
    }
}

/// The word for "annex" as it stands in a reference to the sole annex, in
/// lower case ("the annex", `附件`, "l'annexe", "el anexo", `приложени…`,
/// `المرفق`): the quick fix writes the annex's number after it.
pub fn annex_word(lang: Language) -> &'static str {
    match lang {
        Language::En => "annex",
        Language::Zh => "附件",
        Language::Fr => "annexe",
        Language::Es => "anexo",
        Language::Ru => "приложени",
        Language::Ar => "المرفق",
    }
}
