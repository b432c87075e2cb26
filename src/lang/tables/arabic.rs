//! The Arabic table. Chapters are numbered with ordinal adverbs (`أولا -`) or
//! ordinals (`الفصل الأول`), subsections with letter names (`ألف -`, `باء -`),
//! operative paragraphs `1 - تقرر`, subparagraphs `(أ)`, `(ب)` in abjad order
//! and, one level down, `’1‘`. References: `الفقرة 15 من الفرع الثاني`, the
//! dual `الفقرتين 1 و 16 منه`, `المرفق الأول`, `القرار 61/53`, `377 ألف (د-5)`.
//!
//! Real Arabic text carries tatweel (`نسـبة`) and diacritics. The masked text
//! keeps every byte, so the patterns see through them instead: [`ar`] writes a
//! word as a pattern that allows tatweel and diacritics after every letter,
//! any form of alef, and the lam-alef ligatures of older documents.

use std::sync::OnceLock;

use super::{leak, LanguageData, NumeralStyle, VoteSide, NEVER};
use crate::lang::numerals::{arabic_ordinal_words, ARABIC_LETTERS, ARABIC_LETTER_NAMES};
use crate::lang::Language;

/// Tatweel and diacritics, allowed after every letter of a word.
const MARKS: &str = r"[\x{640}\x{64B}-\x{65F}\x{670}]*";

/// A digit, ASCII or Arabic-Indic.
const D: &str = r"[0-9\x{660}-\x{669}]";

/// Writes an Arabic word or phrase as a pattern that allows tatweel and
/// diacritics after each letter, any alef, either final ya, and the lam-alef
/// ligatures. A space allows any run of blanks.
pub(crate) fn ar(phrase: &str) -> String {
    pieces(phrase).into_iter().map(|p| p.pattern).collect()
}

/// A letter of a word (or a lam-alef, or a blank) as [`ar`] writes it, and
/// the character that names the set of characters it can start with: two
/// pieces of different `starts` never match at the same place.
struct Piece {
    starts: char,
    pattern: String,
}

/// The pieces of [`ar`]`(phrase)`, in order.
fn pieces(phrase: &str) -> Vec<Piece> {
    let chars: Vec<char> = phrase.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == ' ' {
            out.push(Piece { starts: ' ', pattern: r"\s+".to_string() });
            i += 1;
            continue;
        }
        let alef = |c: char| matches!(c, 'ا' | 'أ' | 'إ' | 'آ');
        if c == 'ل' && chars.get(i + 1).is_some_and(|&n| alef(n)) {
            out.push(Piece { starts: 'ل', pattern: format!(r"(?:ل{MARKS}[اأإآ]|[\x{{FEF5}}-\x{{FEFC}}]){MARKS}") });
            i += 2;
            continue;
        }
        let (starts, letter) = match c {
            _ if alef(c) => ('ا', "[اأإآ]".to_string()),
            'ي' | 'ى' => ('ي', "[يى]".to_string()),
            'ه' => ('ه', r"[ه\x{FEE9}-\x{FEEC}]".to_string()),
            // (presentation forms: those a piece above can start with)
            '\u{FEF5}'..='\u{FEFC}' => ('ل', regex::escape(&c.to_string())),
            '\u{FEE9}'..='\u{FEEC}' => ('ه', regex::escape(&c.to_string())),
            _ => (c, regex::escape(&c.to_string())),
        };
        out.push(Piece { starts, pattern: format!("{letter}{MARKS}") });
        i += 1;
    }
    out
}

/// Whether `c` is one of [`MARKS`] (tatweel, diacritics).
fn is_mark(c: char) -> bool {
    matches!(c, '\u{640}' | '\u{64B}'..='\u{65F}' | '\u{670}')
}

/// The alternation of `words` (each as its pieces, in the order of
/// preference), with the pieces words share at their start written once:
/// `(?:الثاني|الثالث)` as `(?:ال(?:ثاني|ثالث))`, each letter with its marks.
/// Every letter's pattern is ten times as long as the letter, and the Arabic
/// tables list up to a hundred ordinals: written out one by one, they made
/// those tables cost 200 ms and 10 MB to compile.
///
/// The same matches, in the same order of preference: only words next to
/// each other in that order are joined (`(?:Pa|Pb)` is `P(?:a|b)`: a piece
/// followed by a letter, never by a mark or a blank it could take, matches
/// one way), and words are moved only before or after words of another
/// first character set, which cannot match where they do (but never past a
/// word that has ended, which matches anywhere).
fn factored(words: &[&[Piece]]) -> String {
    let whole = |w: &[Piece]| w.iter().map(|p| p.pattern.as_str()).collect::<String>();
    let mut alternatives: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if words[i].is_empty() {
            alternatives.push(String::new());
            i += 1;
            continue;
        }
        let end = (i..words.len()).find(|&j| words[j].is_empty()).unwrap_or(words.len());
        let run = &words[i..end];
        let mut starts: Vec<char> = Vec::new();
        for w in run {
            if !starts.contains(&w[0].starts) {
                starts.push(w[0].starts);
            }
        }
        for first in starts {
            let group: Vec<&[Piece]> = run.iter().filter(|w| w[0].starts == first).copied().collect();
            let mut k = 0;
            while k < group.len() {
                let same = (k..group.len()).find(|&r| group[r][0].pattern != group[k][0].pattern).unwrap_or(group.len());
                if same - k == 1 {
                    alternatives.push(whole(group[k]));
                } else {
                    let rests: Vec<&[Piece]> = group[k..same].iter().map(|w| &w[1..]).collect();
                    alternatives.push(format!("{}{}", group[k][0].pattern, factored(&rests)));
                }
                k = same;
            }
        }
        i = end;
    }
    format!("(?:{})", alternatives.join("|"))
}

#[cfg(test)]
thread_local! {
    /// Alternations written word by word, as before [`factored`]: the
    /// oracle of the tests.
    static WORD_BY_WORD: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The Arabic table with every alternation written word by word (the form
/// [`factored`] replaced), for the tests that compare the two.
#[cfg(test)]
pub(super) fn word_by_word() -> LanguageData {
    WORD_BY_WORD.set(true);
    let data = build();
    WORD_BY_WORD.set(false);
    data
}

/// [`ar`] for the word a pattern starts with: its first letter exact, so that
/// the regex engine can look for it with a fast literal search (an optional
/// `[اأإآ]` there makes it scan every byte, several times slower).
pub(crate) fn ar_lead(phrase: &str) -> String {
    // The article (`ال`, `لل`) exact, with the sukun of vocalised text
    // (`الْفِقْرَة`): the most frequent bigram of Arabic must not be followed
    // by a class the engine cannot search for.
    for article in ["ال", "لل"] {
        if let Some(rest) = phrase.strip_prefix(article) {
            return format!("{article}\u{652}?{}", ar(rest));
        }
    }
    let mut chars = phrase.chars();
    let Some(first) = chars.next() else { return String::new() };
    let rest = chars.as_str();
    // A leading lam-alef keeps its ligature.
    if first == 'ل' && rest.starts_with(['ا', 'أ', 'إ', 'آ']) {
        return ar(phrase);
    }
    // A bare alef carries no mark at the start of a word (`اتفاق`): take the
    // next letter with it, for a longer literal.
    if first == 'ا' {
        let mut more = rest.chars();
        if let Some(second) = more.next().filter(|c| *c != ' ') {
            return format!("{}{MARKS}{}", regex::escape(&format!("{first}{second}")), ar(more.as_str()));
        }
    }
    format!("{}{MARKS}{}", regex::escape(&first.to_string()), ar(rest))
}

/// Alternatives written with [`ar_lead`], longest first.
fn ar_alt_lead<S: AsRef<str>>(words: &[S]) -> String {
    let mut words: Vec<&str> = words.iter().map(AsRef::as_ref).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    let alts: Vec<String> = words.iter().map(|w| ar_lead(w)).collect();
    format!("(?:{})", alts.join("|"))
}

/// Alternatives, each written with [`ar`], longest first (see [`factored`]).
fn ar_alt<S: AsRef<str>>(words: &[S]) -> String {
    let mut words: Vec<&str> = words.iter().map(AsRef::as_ref).collect();
    words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
    #[cfg(test)]
    if WORD_BY_WORD.get() {
        let alts: Vec<String> = words.iter().map(|w| ar(w)).collect();
        return format!("(?:{})", alts.join("|"));
    }
    // (a word holding a mark, or a blank other than a space, would let a
    // piece match more than one way: written word by word)
    if words.iter().any(|w| w.chars().any(|c| is_mark(c) || (c.is_whitespace() && c != ' '))) {
        let alts: Vec<String> = words.iter().map(|w| ar(w)).collect();
        return format!("(?:{})", alts.join("|"));
    }
    let pieces: Vec<Vec<Piece>> = words.iter().map(|w| pieces(w)).collect();
    let words: Vec<&[Piece]> = pieces.iter().map(Vec::as_slice).collect();
    factored(&words)
}

/// Ordinals with the article (`الأول`, `الثاني عشر`).
fn ordinal() -> String {
    ar_alt(&arabic_ordinal_words(false))
}

/// Ordinal adverbs (`أولا`, `ثانيا`).
fn adverbial() -> String {
    ar_alt(&arabic_ordinal_words(true))
}

fn letter_name() -> String {
    ar_alt(&ARABIC_LETTER_NAMES)
}

/// A subparagraph letter as written between parentheses: `أ`, `ب`, `هـ`.
fn letter() -> String {
    let mut letters: Vec<String> = ARABIC_LETTERS.iter().map(|l| l.trim_end_matches('ـ').to_string()).collect();
    letters.push("ﻫ".to_string());
    ar_alt(&letters)
}

/// A session written `د-5`, `د - 10` (the Roman numeral of the English text).
fn session() -> String {
    format!(r"{}\s*-\s*{D}{{1,2}}", ar("د"))
}

fn resolution_number() -> String {
    let ln = letter_name();
    let sess = session();
    let and = ar("و");
    format!(
        r"(?:{D}{{1,4}}\s*\((?:{D}{{4}}|{sess})\)|{D}{{1,2}}/{D}{{1,4}}(?:\s+{ln}(?:\s*{and}\s*{ln})?)?|{D}{{1,4}}\s+{ln}\s*(?:\(\s*{sess}\s*\)|{sess}))"
    )
}

fn paragraph_reference() -> String {
    let l = letter();
    let num = format!(r"(?:{D}{{1,4}}(?:\s?\({l}\))*|\({l}\))");
    let range = format!(r"{num}(?:\s*(?:{}|-|–)\s*{num})?", ar("إلى"));
    let and = ar("و");
    let kw = format!("(?:{}|{})?{}(?:{})", ar_lead("ال"), ar_lead("لل"), ar_lead("فقر"), ["ة", "تين", "تان", "ات", "تي"].map(ar).join("|"));
    let sub = format!(r"\s+{}{}(?:{})", ar("ال"), ar("فرعي"), ["ة", "تين", "تان", "ات"].map(ar).join("|"));
    format!(r"(?P<kw>{kw})(?P<subkw>{sub})?\s+(?:{}\s+)?(?P<nums>{range}(?:(?:\s*[،,]\s*(?:{and}\s*)?|\s+{and}\s*){range})*)", ar("من"))
}

fn resolutions() -> String {
    let rn = resolution_number();
    let and = ar("و");
    let kw = format!(
        "(?:{}|{})?{}(?:{})?",
        ar_lead("ال"),
        ar_lead("لل"),
        ar_lead("قرار"),
        ["اتها", "يها", "ات", "ها", "ه", "ي", "ين"].map(ar).join("|")
    );
    let organs =
        ar_alt(&["مجلس الأمن", "الجمعية العامة", "مجلس حقوق الإنسان", "المجلس الاقتصادي والاجتماعي", "لجنة حقوق الإنسان", "المجلس التنفيذي"]);
    format!(r"{kw}(?:\s+(?P<organ>{organs}))?\s+(?P<list>{rn}(?:(?:\s*[،,]\s*(?:{and}\s*)?|\s+{and}\s*|{and}){rn})*)")
}

fn vote_figures() -> String {
    let n = format!(r"{D}{{1,3}}");
    let votes = ar_alt(&["صوتا", "أصوات", "صوت"]);
    let members = ar_alt(&["عضوا", "أعضاء", "عضو", "دولة", "دول"]);
    let against_words = ar_alt(&["لا شيء", "صوت واحد", "صوتين", "لا أحد"]);
    let abst_words = ar_alt(&["عضو واحد", "عضوين", "لا أحد", "لا شيء"]);
    format!(
        // `بأغلبية 14 صوتا مقابل لا شيء، وامتناع عضو واحد عن التصويت`; older
        // texts: `بـ 14 صوتا مقابل لا شيء` (the votes word then required), the
        // abstentions, if any, given in the lists below.
        r"(?:{}\s+(?P<for>{n})\s*(?:{votes})?|{}\s+(?P<for_b>{n})\s*{votes})\s*{}\s+(?P<against>{n}|{against_words})\s*(?:{votes})?(?:\s*\((?P<against_names>[^)]+)\))?(?:\s*[،,]?\s*{}(?:{}|{})\s+(?P<abst>{n}|{abst_words})\s*(?:{members})?(?:\s*\((?P<abst_names>[^)]+)\))?\s*{})?",
        ar_lead("بأغلبية"),
        ar("ب"),
        ar("مقابل"),
        ar("و"),
        ar("امتناع"),
        ar("امتنع"),
        ar("عن التصويت"),
    )
}

fn sdg() -> String {
    // The article is optional before `غاية` (`لا توجد غاية 16-11`); `هدف`
    // and `مؤشر` are common words, cited as SDGs with the article.
    let kw = format!(
        "(?:(?:{}|{})?{}(?:{})|(?:{}|{})(?:{}(?:{})?|{}(?:{})?))",
        ar_lead("ال"),
        ar_lead("لل"),
        ar_lead("غاي"),
        ["ة", "تين", "تان", "ات"].map(ar).join("|"),
        ar_lead("ال"),
        ar_lead("لل"),
        ar("هدف"),
        ["ين", "ان"].map(ar).join("|"),
        ar("مؤشر"),
        ["ين", "ات"].map(ar).join("|"),
    );
    let l = letter();
    format!(
        r"(?P<kw>{kw})(?:\s+{})?\s+(?P<num>{D}{{1,2}}(?:[.\-](?:{D}{{1,2}}|[a-z]|{l}))*)(?:[^0-9\x{{660}}-\x{{669}}./\-]|[.\-](?:[^0-9a-z\x{{621}}-\x{{64A}}]|$)|$)",
        ar("من أهداف التنمية المستدامة")
    )
}

/// Masthead lines (`LanguageData::masthead`), readable without building
/// the table.
pub(super) const MASTHEAD: &[&str] = &["الأمم المتحدة", "الجمعية العامة", "مجلس الأمن"];

/// Numbers written as words (`LanguageData::number_words`), readable
/// without building the table.
pub(super) const NUMBER_WORDS: &[(&str, u32)] =
    &[("لا شيء", 0), ("لا احد", 0), ("واحد", 1), ("صوت واحد", 1), ("عضو واحد", 1), ("صوتين", 2), ("عضوين", 2), ("اثنين", 2)];

pub(super) fn data() -> &'static LanguageData {
    static DATA: OnceLock<LanguageData> = OnceLock::new();
    DATA.get_or_init(build)
}

fn build() -> LanguageData {
    {
        let ord = ordinal();
        let adv = adverbial();
        let ln = letter_name();
        let dash = r"[-–—]";
        LanguageData {
            language: Language::Ar,
            section_numerals: NumeralStyle::Arabic,
            annex_heading: leak(format!(
                r"^{}(?:\s+(?P<num>{ord}|[IVXLC]+|{D}{{1,2}}))?\s*[.:]?$",
                ar_alt(&["المرفق", "المرفقات", "مرفق"])
            )),
            part_heading: leak(format!(r"^{}\s+(?P<num>{ord})(?:\s*(?:{dash}|:)\s*(?P<title>\S)|\s*$)", ar("الجزء"))),
            section_heading: leak(format!(
                r"^(?:{}\s+(?P<num2>{ord})\s*(?:(?:{dash}|:)\s*)?|(?P<num>{adv})\s*{dash}\s*)(?:(?P<title>\S)|$)",
                ar("الفصل")
            )),
            subsection_heading: leak(format!(r"^(?P<num>{ln})\s*(?:{dash}\s*(?P<title>\S)|$)")),
            article_heading: leak(format!(r"^{}\s+(?P<num>{D}{{1,3}})(?:\s*(?:{dash}|:)?\s*(?P<title>\S)|\s*$)", ar("المادة"))),
            numbered_line: r"^(?P<num>[0-9\x{660}-\x{669}]{1,4})\s*(?P<sep>[-–‑.])(?:\s|$)",
            // `(أ)`, `(أ )` with a blank, `أ –` in web reproductions, `’2‘`.
            subparagraph_line: leak(format!(
                r"^(?:[(\)]\s?(?P<num>{l})\s?[)(]|(?P<num3>{l})\s*[-–—]|[’‘'](?P<num2>{D}{{1,2}})[‘’'])(?:\s|$)",
                l = letter()
            )),
            preamble_formula: leak(format!(
                // The comma may be missing after `إن` (`إن مجلس الأمن`).
                r"^(?:{inna}\s+{organs}\s*[،,]?|{organs}\s*[،,])$",
                inna = ar("إن"),
                organs = ar_alt(&[
                    "الجمعية العامة",
                    "مجلس الأمن",
                    "المجلس الاقتصادي والاجتماعي",
                    "مجلس حقوق الإنسان",
                    "مجلس الوصاية",
                    "المؤتمر",
                    "المجلس",
                    "اللجنة",
                    "الدول الأطراف"
                ])
            )),
            vote_list_heading: leak(format!(
                r"^(?P<side>{})\s*[:：]",
                ar_alt(&["المؤيدون", "المعارضون", "الممتنعون عن التصويت", "الممتنعون", "مع القرار", "ضد القرار"])
            )),
            vote_sides: &[
                ("المؤيدون", VoteSide::InFavour),
                ("المعارضون", VoteSide::Against),
                ("الممتنعون", VoteSide::Abstaining),
                ("الممتنعون عن التصويت", VoteSide::Abstaining),
                // Older layouts: `مع القرار:`, `ضد القرار:`.
                ("مع القرار", VoteSide::InFavour),
                ("ضد القرار", VoteSide::Against),
            ],
            none_words: &["لا أحد", "لا شيء", "لا يوجد"],
            name_separators: &['،', ',', '؛', ';'],
            list_separators: &['،', ',', '؛', ';'],
            final_conjunctions: &[" و"],
            outcome_document_words: &["الوثيقة الختامية", "الإعلان"],
            sentence_ends: &['؛', ';'],
            full_stop_ends_sentence: false,
            paragraph_reference: leak(paragraph_reference()),
            section_reference: leak(format!(r"(?P<secword>{})\s+(?P<sec>{ord}|{adv})", ar_alt_lead(&["الفرع", "الفصل", "للفرع", "للفصل"]))),
            annex_reference: leak(format!(
                r"(?P<annexword>{})(?:\s+(?P<annex>{ord})|(?P<present>\s+(?:{}|{})?{}))",
                ar_alt_lead(&["المرفق", "مرفق", "للمرفق"]),
                ar("ب"),
                ar("ل"),
                ar_alt(&["هذا القرار", "هذا التقرير", "هذا المقرر", "هذه الوثيقة"])
            )),
            article_reference: leak(format!(
                r"(?:{}|{}){}(?:{})\s+(?P<nums>{D}{{1,3}}(?:(?:\s*[،,]\s*|\s+{}\s*|\s*(?:{}|-)\s*){D}{{1,3}})*)",
                ar_lead("ال"),
                ar_lead("لل"),
                ar("ماد"),
                ["ة", "تين", "تان", "تي"].map(ar).join("|"),
                ar("و"),
                ar("إلى")
            )),
            internal_after: leak(format!(
                r"^\s+(?:{}|{})\s+(?:(?P<secword>{})\s+(?P<sec>{ord}|{adv})|(?P<annexword>{})(?:\s+(?P<annex>{ord}))?|{}\s+(?P<para>{D}{{1,4}}))",
                ar("من"),
                ar("في"),
                ar_alt(&["الفرع", "الفصل"]),
                ar_alt(&["المرفق", "مرفق"]),
                ar("الفقرة")
            )),
            direction_after: leak(format!(r"^\s+(?P<dir>(?P<above>{})|{})", ar("أعلاه"), ar("أدناه"))),
            document_before: NEVER,
            document_after: leak(format!(
                r"^\s+(?:{}|{})\s+(?P<q>(?:{}\s+)?(?P<outcome>{})|{})",
                ar("من"),
                ar("في"),
                ar("مشروع"),
                ar("الوثيقة الختامية"),
                ar_alt(&["هذا القرار", "هذا التقرير", "هذا المقرر", "هذا الإعلان", "هذه الوثيقة", "هذه المذكرة"])
            )),
            named_text_after: leak(format!(
                r#"^\s+(?:{}\s+)?(?:{}\s+)?(?:[«“"]\s*(?P<quoted>[^»”"\n]+?)\s*[»”"]|(?P<name>Rev\.\s?[0-9]{{1,2}}))"#,
                ar("من"),
                ar("وثيقة")
            )),
            external_gap_before: r"^\s*[،,]\s*$",
            external_gap_after: leak(format!(r"^\s+(?:(?:{}|{})\s+)?$", ar("من"), ar("في"))),
            resolution_list: leak(resolutions()),
            security_council_words: &["مجلس الأمن"],
            other_organs: &["مجلس حقوق الإنسان", "المجلس الاقتصادي والاجتماعي", "لجنة حقوق الإنسان", "المجلس التنفيذي"],
            instrument: leak(format!(
                r"(?P<name>{})",
                ar_alt_lead(&[
                    "برنامج العمل لمنع الاتجار غير المشروع بالأسلحة الصغيرة والأسلحة الخفيفة من جميع جوانبه ومكافحته والقضاء عليه",
                    "برنامج العمل",
                    "الصك الدولي للتعقب",
                    "ميثاق الأمم المتحدة",
                    "الميثاق",
                    "الإعلان العالمي لحقوق الإنسان",
                    "خطة التنمية المستدامة لعام 2030",
                    "خطة عمل أديس أبابا",
                    "معاهدة تجارة الأسلحة",
                    "اتفاق باريس",
                    "إطار سنداي للحد من مخاطر الكوارث",
                    "اتفاقيات جنيف",
                    "نظام روما الأساسي للمحكمة الجنائية الدولية",
                    "النظام الداخلي المؤقت",
                    "النظام الداخلي",
                ])
            )),
            rule_of_procedure: leak(format!(
                r"{}\s+(?P<num>{D}{{1,3}})\s+{}\s+{}",
                ar_alt_lead(&["المادة", "للمادة"]),
                ar("من"),
                ar("النظام الداخلي")
            )),
            sdg: leak(sdg()),
            vote_figures: leak(vote_figures()),
            // Any of the words may carry tatweel: no cheap pre-check.
            vote_figures_hint: "",
            resolution_without_year: leak(format!(
                r"{}\s+{}\s+(?P<num>{D}{{3,4}})(?:\s*[^\s(0-9/]|\s*$)",
                ar_lead("قرار"),
                ar("مجلس الأمن")
            )),
            resolution_number: leak(resolution_number()),
            paragraph_exclusion_after: leak(format!(r"^\s+{}", ar("من جدول الأعمال"))),
            thereof_after: leak(format!(r"^\s*(?:{}|{})", ar("منه"), ar("منها"))),
            present_text: leak(format!(r"{}|{}", ar("هذا القرار"), ar("هذا التقرير"))),
            lower_case_paragraphs: false,
            text_after: leak(format!(
                r"^\s+(?P<q>{}\s+(?P<words>)(?P<noun>{})(?P<anaphor>\s+{})?(?P<thereto>)(?P<tail>))",
                ar("من"),
                [
                    ar("تقرير"),
                    ar("القرار"),
                    ar("المقرر"),
                    ar("الوثيقة"),
                    ar("النظام الأساسي"),
                    ar("الإعلان"),
                    ar("الاتفاقية"),
                    ar("المعاهدة"),
                    ar("البروتوكول"),
                    ar("الاتفاق"),
                    ar("الميثاق")
                ]
                .join("|"),
                [ar("المذكور"), ar("المذكورة"), ar("ذلك"), ar("تلك")].join("|"),
            )),
            citation_gap_before: r"^[\s،,:()]*$",
            ibid: leak(ar("المرجع نفسه")),
            anaphor_before: NEVER,
            coordinated_after: NEVER,
            article_after: leak(format!(r"^\s+{}\s+{}\s+[0-9\x{{660}}-\x{{669}}]{{1,3}}", ar("من"), ar("المادة"))),
            direction_before: NEVER,
            named_text: leak(format!(r"(?P<name>{}|{})", ar("تقرير الأمين العام"), ar("الفتوى"))),
            coordination: r"^[\s،,;]*(?:(?:و|أو)\s*)?[\s،,]*$",
            part_anaphor_after: leak(format!(
                r"^\s+(?P<q>{}\s+(?:(?P<article>{})|{})\s+(?:{}))",
                ar("من"),
                ar("المادة"),
                [ar("الفرع"), ar("الجزء"), ar("المرفق"), ar("الفصل")].join("|"),
                [ar("المذكورة"), ar("المذكور"), ar("نفسها"), ar("نفسه"), ar("ذاتها"), ar("ذاته"), ar("تلك"), ar("ذلك")].join("|"),
            )),
            part_anaphor_before: NEVER,
            requested_in: NEVER,
            detect_words: &[],
            masthead: MASTHEAD,
            number_words: NUMBER_WORDS,
            resolution_in_numerals: NEVER,
            // Operative paragraphs open with the verb, masculine (the Council)
            // or feminine (the Assembly); preambular ones with `إذ`/`وإذ`.
            operative_verbs: &[
                "يقرر",
                "تقرر",
                "يطلب",
                "تطلب",
                "يحث",
                "تحث",
                "يهيب",
                "تهيب",
                "يدعو",
                "تدعو",
                "يشجع",
                "تشجع",
                "يعلن",
                "تعلن",
                "يوصي",
                "توصي",
                "يأذن",
                "تأذن",
                "يؤيد",
                "تؤيد",
                "يوافق",
                "توافق",
                "يرحب",
                "ترحب",
                "يدين",
                "تدين",
                "يشدد",
                "تشدد",
                "يؤكد",
                "تؤكد",
                "يحيط",
                "تحيط",
                "يعرب",
                "تعرب",
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_words_match_through_tatweel_diacritics_and_ligatures() {
        let re = regex::Regex::new(&format!("^{}$", ar("الأولى"))).unwrap();
        for s in ["الأولى", "الاولى", "الأولي", "الأُولى", "الأولـى", "اﻷولى"] {
            assert!(re.is_match(s), "{s}");
        }
        let re = regex::Regex::new(&format!("^{}$", ar("نسبة"))).unwrap();
        assert!(re.is_match("نسـبة"));
        assert!(re.is_match("نِسْبَة"));
        assert!(!re.is_match("نسبت"));
    }
}
