//! Per-language data: the words, numerals and patterns of headings,
//! references, recorded votes and external identifiers. The parser, the
//! reference finder and the checkers are shared; they read these tables.
//!
//! Patterns are regular expressions with named groups. Structure patterns are
//! matched against one line (markup already removed); reference patterns
//! against the whole masked text (see `syntax::mask`).

use std::sync::OnceLock;

use regex::{Regex, RegexSet};

use super::Language;

mod arabic;
pub mod directions;
mod french;
pub mod months;
pub mod negotiation;
pub mod negotiation_markup;
mod russian;
mod spanish;

/// The side of a recorded vote a list belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum VoteSide {
    InFavour,
    Against,
    Abstaining,
}

impl VoteSide {
    pub fn name(self) -> &'static str {
        match self {
            VoteSide::InFavour => "in favour",
            VoteSide::Against => "against",
            VoteSide::Abstaining => "abstaining",
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            VoteSide::InFavour => "for",
            VoteSide::Against => "against",
            VoteSide::Abstaining => "abstaining",
        }
    }
}

/// How a level of headings writes its numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumeralStyle {
    Roman,
    Chinese,
    /// Arabic ordinal adverbs (`أولا -`) and ordinals (`الفصل الأول`).
    Arabic,
}

/// The raw table of one language. Every `&str` pattern is compiled once.
pub struct LanguageData {
    pub language: Language,
    pub section_numerals: NumeralStyle,
    // --- structure (matched against one cleaned line) ---
    /// `num`: the annex number, if any.
    pub annex_heading: &'static str,
    /// `num`, `title`.
    pub part_heading: &'static str,
    /// `num`, `title`.
    pub section_heading: &'static str,
    /// `num` (a capital letter), `title`.
    pub subsection_heading: &'static str,
    /// `num`, `title`.
    pub article_heading: &'static str,
    /// `num`, `rest`.
    pub numbered_line: &'static str,
    /// `num`, `rest`.
    pub subparagraph_line: &'static str,
    /// A line that opens a preamble: "The General Assembly," / "大会，".
    pub preamble_formula: &'static str,
    /// `side`, `rest`: "In favour:" / "赞成：".
    pub vote_list_heading: &'static str,
    pub vote_sides: &'static [(&'static str, VoteSide)],
    /// Words that mean an empty list ("None", "无").
    pub none_words: &'static [&'static str],
    /// Separators between names in a list, as one character class.
    pub name_separators: &'static [char],
    /// Separators between names in a list inside running text (speakers):
    /// in Chinese only `、`, since `，` separates clauses there.
    pub list_separators: &'static [char],
    /// The conjunction before the last name ("和", " and ").
    pub final_conjunctions: &'static [&'static str],
    /// Words in an annex's title that make it the outcome document a report
    /// transmits (`成果文件`, "outcome document").
    pub outcome_document_words: &'static [&'static str],
    /// Characters that end a sentence (for the reach of a qualifier).
    pub sentence_ends: &'static [char],
    /// Whether a full stop followed by a space and a capital ends a sentence.
    pub full_stop_ends_sentence: bool,
    // --- references (matched against the masked text) ---
    /// `kw`, `nums`; optional `sec` (+ `secword`), `annexword`/`annex`, `unit`.
    pub paragraph_reference: &'static str,
    /// `secword`, `sec`, optional `sub`.
    pub section_reference: &'static str,
    /// `annexword`, optional `annex`, `present`.
    pub annex_reference: &'static str,
    /// `nums` (digits or numerals).
    pub article_reference: &'static str,
    /// After a reference: "of section II", "of annex I" (anchored at start).
    pub internal_after: &'static str,
    /// After a reference: "above" / "below" (anchored).
    pub direction_after: &'static str,
    /// Just before a reference: "成果文件草案" (anchored at the end): `q`.
    pub document_before: &'static str,
    /// Just after a reference: "of the draft outcome document" (anchored): `q`.
    pub document_after: &'static str,
    /// After a reference: a named text that is not in the entity tables
    /// ("of “The future we want”", "of the Vienna Convention"): `quoted` or `name`.
    pub named_text_after: &'static str,
    /// Text allowed between an external entity and a reference that follows it.
    pub external_gap_before: &'static str,
    /// Text allowed between a reference and an external entity after it.
    pub external_gap_after: &'static str,
    /// `organ` (optional), `list`: a list of resolution numbers.
    pub resolution_list: &'static str,
    /// Words in `organ` meaning the Security Council.
    pub security_council_words: &'static [&'static str],
    /// Other organs whose resolutions are cited (`organ` group).
    pub other_organs: &'static [&'static str],
    /// `name`: a named instrument.
    pub instrument: &'static str,
    /// `num`: a rule of the rules of procedure.
    pub rule_of_procedure: &'static str,
    /// `kw`, `num`: an SDG goal, target or indicator.
    pub sdg: &'static str,
    /// `for`, `against`, `abst`, optional `against_names`, `abst_names`.
    pub vote_figures: &'static str,
    /// A word every statement of vote figures contains (a cheap pre-check).
    pub vote_figures_hint: &'static str,
    /// A Security Council resolution number without its year: `num`.
    pub resolution_without_year: &'static str,
    /// One resolution number inside `resolution_list` (`72/57`, `2370 (2017)`,
    /// `377 ألف (د-5)`).
    pub resolution_number: &'static str,
    /// After a paragraph reference: words that make it something else
    /// (Russian `пункт 118 повестки дня` is an agenda item). Anchored.
    pub paragraph_exclusion_after: &'static str,
    /// After a reference: "thereof" (`منه`, `de celle-ci`), pointing back at
    /// the text named last in the sentence. Anchored.
    pub thereof_after: &'static str,
    /// The document itself named in running text ("the present resolution"):
    /// "thereof" after it means this document.
    pub present_text: &'static str,
    /// Whether paragraphs may begin in lower case (Russian preambular
    /// participles and operative verbs), so that a lower-case line after a
    /// blank line starts a paragraph rather than continuing one.
    pub lower_case_paragraphs: bool,
    // Attribution (`model::attribution`): the words that say which text a
    // reference belongs to.
    /// After a reference: another text named in words, "of the report of the
    /// Secretary-General", "of his report", "of that resolution", "of the
    /// consensus report of the group of experts". `q` is the qualifier (its
    /// span is kept), `anaphor` a word pointing back at a text named earlier
    /// in the sentence, `noun` what kind of text, `tail` what names it.
    /// Anchored.
    pub text_after: &'static str,
    /// Between a cited text (a symbol, a resolution, `ibid.`) and a reference
    /// of its citation: `(A/47/27), chap. IV, para. 24`, `CD/8/Rev.10, paras.`,
    /// `秘书长报告(S/2025/101)第14段`. Anchored at both ends.
    pub citation_gap_before: &'static str,
    /// "Ibid.": the text cited last.
    pub ibid: &'static str,
    /// Right before a reference: a word pointing back at a text named
    /// earlier ("its paragraphs 2 and 7", `该决议第5段`, `上述决议`). `q` is
    /// the qualifier. Anchored at the end.
    pub anaphor_before: &'static str,
    /// After a reference, things cited with it that are not references of
    /// the document ("and tables 4 and 5" before "of his report"). Anchored.
    /// A match whose `title` (a title in quotes) is longer than
    /// [`TITLE_MAX_CHARS`] is none: see [`Tables::coordinated_after`].
    pub coordinated_after: &'static str,
    /// After a paragraph reference: the article it is in, "of Article 2"
    /// (then "of the Charter"). Anchored.
    pub article_after: &'static str,
    /// Right before a reference: a direction word (`上文第2段`). `dir`, with
    /// `above` for the upward one. Anchored at the end.
    pub direction_before: &'static str,
    /// A text named in words, not by a symbol ("the report of the
    /// Secretary-General", "his special report", "the advisory opinion",
    /// "Official Records of the General Assembly"): it can qualify a
    /// reference like a symbol. `name` is the name.
    pub named_text: &'static str,
    /// What may stand between two members of a list of references: separators,
    /// a conjunction, "in particular". Anchored at both ends.
    pub coordination: &'static str,
    /// After a reference: a part of a text named before it, pointed at
    /// ("of that article", "of the same section", "de dicho artículo",
    /// `этой статьи`, `من المادة نفسها`). `q` is the qualifier; `article` is
    /// set when the part is an article. Anchored.
    pub part_anaphor_after: &'static str,
    /// The same written before the reference (`该条第2款`, `同条`). Anchored at the end.
    pub part_anaphor_before: &'static str,
    /// Between a text named in words and a reference after it: words that
    /// make the reference the place the text was asked for, not a part of it
    /// ("the report of the Secretary-General requested in paragraph 5").
    /// Anchored at both ends.
    pub requested_in: &'static str,
    // Words read outside the parser.
    /// The commonest short function words (lower case ASCII, at most five
    /// letters) that tell Latin-script languages apart (`lang::detect`).
    /// Empty for languages told by their script.
    pub detect_words: &'static [&'static str],
    /// Masthead lines of a UN document, lower case ("united nations",
    /// "联合国"): `ide::activation`.
    pub masthead: &'static [&'static str],
    /// Numbers written as words in headings and votes, lower case ("one",
    /// "first", "première"); Arabic ones without diacritics or tatweel.
    pub number_words: &'static [(&'static str, u32)],
    /// A resolution number written in numerals of the language, as older
    /// texts do (`决议案四十六(一九四八)`, `第一百九十四(三)号决议`):
    /// optional `organ`, `head`, `num`, then `year` or `session`, optional
    /// `tail`. One of `head` (a resolution word before the number) and
    /// `tail` (one after it) is required by the finder.
    pub resolution_in_numerals: &'static str,
    /// Operative verbs as they open an operative paragraph ("Decides",
    /// "Insta", "Décide"): a paragraph introduced by a dash instead of its
    /// number (a web conversion) is operative when it opens with one.
    pub operative_verbs: &'static [&'static str],
}

/// A pattern that never matches (for forms a language does not have).
pub(crate) const NEVER: &str = r"^(?-u:\b\B)";

const NUM_EN: &str =
    r"(?:[0-9]{1,4}(?:[A-Z]?\.(?:[IVX]{1,4}\.)?[0-9]{1,3}(?-u:\b))?(?:\s?\((?:[a-z]{1,5})\))*|\((?:[a-z]{1,5})\)(?:\s?\([ivx]{1,5}\))*)";

fn english_paragraph_reference() -> String {
    let range = format!(r"{NUM_EN}(?:\s*(?:to|through|-|–)\s*{NUM_EN})?");
    format!(
        r"(?-u:\b)(?:(?P<secword>[Ss]ection|[Cc]hapter)\s+(?P<sec>[IVXLC]+)(?:\.(?P<sub>[A-Z]))?,?\s+)?(?P<kw>[Pp]aragraphs?|[Pp]aras?\.?|[Ss]ubparagraphs?)\s*(?P<nums>{range}(?:(?:\s*,\s*{range})*,?\s+(?:and|or)\s+{range})?)"
    )
}

const NUM_ZH: &str = r"(?:[0-9]{1,4}(?:\s*[(（](?:[a-z]{1,5})[)）])*)";

fn chinese_paragraph_reference() -> String {
    let range = format!(r"{NUM_ZH}(?:\s*[至到\-–—]\s*{NUM_ZH})?");
    format!(
        r"(?:(?P<annexword>附件)(?P<annex>[一二三四五六七八九十百千零〇]*)\s*)?(?:第\s*(?P<sec>[一二三四五六七八九十百千零〇]+)\s*(?P<secword>节|章)\s*)?(?P<kw>第)\s*(?P<nums>{range}(?:\s*[、,，和及与]\s*第?\s*{range})*)\s*(?P<unit>分段|段|款)"
    )
}

pub(crate) const RESNUM: &str = r"(?:[0-9]{1,4}\s*\((?:[0-9]{4}|(?:S-|ES-)?[IVXLC]+)\)|(?:S|ES)-[0-9]{1,2}/[0-9]{1,3}|(?:19|20)[0-9]{2}/[0-9]{1,3}(?-u:\b)|[0-9]{1,2}/[0-9]{1,4}(?:\s+[A-H](?:\s*(?:and|to|-|–)\s*[A-H])?(?-u:\b))?|[0-9]{1,4}\s+[A-H]\s*\((?:S-|ES-)?[IVXLC]+\)|[0-9]{1,4}\s+[A-H]\s*\([0-9]{4}\)|[0-9][0-9IlO]{0,3}\s*\((?:[0-9IlO]{4}\)|[IVXLCD]{1,6}(?:\)|(?-u:\b))))";

fn english_resolutions() -> String {
    let date = r"(?:\s+of\s+[0-9]{1,2}\s+[A-Z][a-z]+\s+[0-9]{4})";
    format!(
        r"(?-u:\b)(?:(?P<organ>General Assembly|Security Council|Human Rights Council|Economic and Social Council|Commission on Human Rights|Executive Board|Council|Assembly)\s+)?[Rr]esolutions?\s+(?P<list>{RESNUM}{date}?(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){RESNUM}{date}?)*)"
    )
}

fn chinese_resolutions() -> String {
    // A dated list: `2020年3月1日第2510(2020)号、2021年3月2日第2570(2021)号等决议`.
    const DATE: &str = r"[0-9]{4}\s*年\s*[0-9]{1,2}\s*月\s*[0-9]{1,2}\s*日";
    format!(
        r"(?:(?P<organ>安全理事会|安理会|大会|经济及社会理事会|人权理事会)\s*)?(?:{DATE}\s*)?第\s*(?P<list>{RESNUM}(?:\s*号?\s*[、,，和及]\s*(?:{DATE}\s*)?第?\s*{RESNUM})*)\s*号\s*(?:等\s*)?决议"
    )
}

/// Masthead lines (`LanguageData::masthead`), readable without building
/// the table.
const ENGLISH_MASTHEAD: &[&str] =
    &["united nations", "general assembly", "security council", "economic and social council", "distr.: general", "distr.: limited"];

/// Masthead lines (`LanguageData::masthead`), readable without building
/// the table.
const CHINESE_MASTHEAD: &[&str] = &["联合国", "大会", "安全理事会", "经济及社会理事会"];

/// Numbers written as words (`LanguageData::number_words`), readable
/// without building the table.
pub(super) const ENGLISH_NUMBER_WORDS: &[(&str, u32)] = &[
    ("no", 0),
    ("none", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
];

static ENGLISH: OnceLock<LanguageData> = OnceLock::new();
static CHINESE: OnceLock<LanguageData> = OnceLock::new();

pub(crate) fn leak(s: String) -> &'static str {
    Box::leak(s.into_boxed_str())
}

fn english() -> &'static LanguageData {
    ENGLISH.get_or_init(|| LanguageData {
        language: Language::En,
        section_numerals: NumeralStyle::Roman,
        annex_heading: r"^(?:ANNEX|Annex|ANNEXES|Annexes)(?:\s+(?P<num>[IVXLC]+|[0-9]{1,2}))?\s*[.:]?$",
        part_heading: r"^(?:PART|Part)\s+(?P<num>[IVXLC]+|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix)(?-u:\b)[.:]?(?:\s*(?P<title>\S)|\s*$)",
        section_heading: r"^(?:(?:CHAPTER|Chapter)\s+(?P<num2>[IVXLC]+)\.?|(?P<num>[IVXLC]+)\.)\s+(?P<title>\S)",
        subsection_heading: r"^(?P<num>[A-Z])(?:$|\.\s*$|\.\s+(?P<title>\S))",
        article_heading: r"^(?:ARTICLE|Article)\s+(?P<num>[0-9]{1,3})\.?(?:\s+(?P<title>\S)|\s*$)",
        numbered_line: r"^(?P<num>[0-9]{1,4})\.(?:\s|$)",
        subparagraph_line: r"^\((?P<num>[a-z]{1,5})\)(?:\s|$)",
        preamble_formula: r"^(?:The\s+(?:General Assembly|Security Council|Economic and Social Council|Human Rights Council|Trusteeship Council|Conference|Council|Commission|States Parties)\s*,?|(?:General Assembly|Security Council|Economic and Social Council|Human Rights Council)\s*,)$",
        vote_list_heading: r"^(?P<side>In favour|In favor|Against|Abstaining|Abstentions)\s*:",
        vote_sides: &[
            ("In favour", VoteSide::InFavour),
            ("In favor", VoteSide::InFavour),
            ("Against", VoteSide::Against),
            ("Abstaining", VoteSide::Abstaining),
            ("Abstentions", VoteSide::Abstaining),
        ],
        none_words: &["None", "none", "Nil"],
        name_separators: &[',', ';'],
        list_separators: &[',', ';'],
        final_conjunctions: &[" and "],
        outcome_document_words: &["outcome document", "Outcome document", "Outcome Document", "Declaration", "declaration"],
        sentence_ends: &[';'],
        full_stop_ends_sentence: true,
        paragraph_reference: leak(english_paragraph_reference()),
        section_reference: r"(?-u:\b)(?P<secword>[Ss]ections?|[Cc]hapters?)\s+(?P<sec>[IVXLC]+)(?-u:\b)(?:\.(?P<sub>[A-Z])(?-u:\b))?(?P<more>(?:(?:\s*,\s*|,?\s+(?:and|to)\s+|\s*[-–]\s*)[IVXLC]+(?-u:\b)(?:\.[A-Z](?-u:\b))?)+)?|(?-u:\b)[Ss]ection\s+(?P<subonly>[A-H])\s+(?:above|below)(?-u:\b)",
        annex_reference: r"(?-u:\b)(?P<annexword>[Aa]nnex(?:es)?)(?:\s+(?P<annex>[IVXLC]+)(?-u:\b)(?P<more>(?:(?:\s*,\s*|,?\s+(?:and|to)\s+|\s*[-–]\s*)[IVXLC]+(?-u:\b))+)?|(?P<present>\s+(?:to|of)\s+the\s+present\s+(?:resolution|report|decision|document|note|declaration)))",
        article_reference: r"(?-u:\b)[Aa]rticles?\s+(?P<nums>[0-9]{1,3}(?:(?:\s*,\s*|\s+and\s+|\s+to\s+)[0-9]{1,3})*)",
        internal_after: r"^,?\s+(?:of|in)\s+(?:the\s+)?(?:(?P<secword>section|chapter)\s+(?P<sec>[IVXLC]+)(?-u:\b)|(?P<annexword>annex)(?:\s+(?P<annex>[IVXLC]+|[0-9]{1,2})(?-u:\b))?|paragraph\s+(?P<para>[0-9]{1,4})(?-u:\b))",
        direction_after: r"^\s+(?P<dir>above|below)(?-u:\b)",
        document_before: r"(?P<q>(?:the\s+)?(?:draft\s+)?outcome\s+document,?\s+)$",
        document_after: r"^,?\s+(?:of|in|to)\s+(?:the\s+)?(?P<q>(?:draft\s+)?outcome\s+document|present\s+(?:resolution|report|decision|declaration|document|annex)|annex\s+(?:to|of)\s+the\s+present\s+(?:resolution|report|decision))",
        named_text_after: r#"^,?\s+(?:of|in)\s+(?:the\s+)?(?:["“](?P<quoted>[^"”\n]+)["”]|(?P<name>(?:[A-Z][\w'’-]*)(?:\s+(?:[A-Z][\w'’-]*|of|on|the|and|for|to|in|against))*))"#,
        external_gap_before: r"^\s*,\s*$",
        external_gap_after: r"^,?\s+(?:of|in|to|under)\s+(?:the\s+|its\s+|that\s+|this\s+|said\s+)?(?:document\s+)?$",
        resolution_list: leak(english_resolutions()),
        security_council_words: &["Security Council"],
        other_organs: &["Human Rights Council", "Economic and Social Council", "Commission on Human Rights", "Executive Board"],
        instrument: r"(?-u:\b)(?:the\s+)?(?P<name>Programme of Action(?: to Prevent, Combat and Eradicate the Illicit Trade in Small Arms and Light Weapons in All Its Aspects)?|International Tracing Instrument|Charter(?: of the United Nations)?|Universal Declaration of Human Rights|2030 Agenda(?: for Sustainable Development)?|Addis Ababa Action Agenda(?: of the Third International Conference on Financing for Development)?|Arms Trade Treaty|Paris Agreement|Sendai Framework for Disaster Risk Reduction(?: 2015[-–]2030)?|Beijing Declaration and Platform for Action|Vienna Declaration and Programme of Action|Declaration on the Right to Development|International Covenant on (?:Civil and Political|Economic, Social and Cultural) Rights|Convention (?:on|against|for|relating to) the [A-Z][\w'-]*(?:\s+(?:of|on|and|the|in|to|for|Their|All|[A-Z][\w'()-]*))*|Geneva Conventions?(?: of 1949)?|Rome Statute of the International Criminal Court|(?:provisional\s+)?rules of procedure)",
        rule_of_procedure: r"(?-u:\b)[Rr]ules?\s+(?P<num>[0-9]{1,3})\s+of\s+the\s+(?:provisional\s+)?rules\s+of\s+procedure",
        sdg: r"(?-u:\b)(?:Sustainable Development\s+)?(?P<kw>Goals?|goals?|[Tt]argets?|[Ii]ndicators?)\s+(?P<num>[0-9]{1,2}(?:\.(?:[0-9]{1,2}|[a-z]))*)(?:[^0-9./]|\.(?:[^0-9a-z]|$)|$)",
        // With the abstentions, or (`by 13 votes to 2 (Cuba and Yemen).`)
        // without: then the word `votes` is required.
        vote_figures: r"(?:recorded vote of|by)\s+(?P<for>[0-9]{1,3})\s+(?:votes?\s+)?to\s+(?P<against>[0-9]{1,3}|none|one|two|three|four|five)(?:\s*\((?P<against_names>[^)]+)\))?,?\s*(?:with|and)\s+(?P<abst>[0-9]{1,3}|no|none|one|two|three|four|five)\s+abstentions?(?:\s*\((?P<abst_names>[^)]+)\))?|(?:recorded vote of|by)\s+(?P<for_b>[0-9]{1,3})\s+votes\s+to\s+(?P<against_b>[0-9]{1,3}|none|one|two|three|four|five)(?:\s*\((?P<against_names_b>[^)]+)\))?",
        vote_figures_hint: "vote",
        resolution_without_year: r"(?-u:\b)Security Council resolution\s+(?P<num>[0-9]{3,4})(?-u:\b)(?:\s*[^\s(0-9/]|\s*$)",
        resolution_number: RESNUM,
        paragraph_exclusion_after: NEVER,
        thereof_after: r"^,?\s+there(?:of|to)(?-u:\b)",
        present_text: r"(?-u:\b)present\s+(?:resolution|report|decision|declaration|document)(?-u:\b)",
        lower_case_paragraphs: false,
        text_after: r"^,?\s+(?P<prep>(?:of|in|to|under|from|by)\s+)?(?P<q>(?:(?:(?P<anaphor>that|those|the\s+said|the\s+same|said|its|his|her|their|such)|(?P<article>the|an?))\s+)?(?P<words>(?:[\w’'\-–]+\s+){0,4}?)(?P<noun>[Rr]eports?|[Rr]esolutions?|[Dd]ecisions?|documents?|[Ss]tatutes?|study|budget|proposals?|[Dd]eclaration|[Cc]onvention|[Tt]reaty|[Pp]rotocol|[Aa]greement|[Ff]ramework|[Pp]rogramme|[Pp]lan|[Ss]trategy|note|letter|communication|guidelines|rules|regulations|principles|recommendations|conclusions|review|Charter|Covenant|Constitution|Platform|Agenda|Compact|Pact|Consensus|[Ss]tatement|Act|Code|memorandum|records?|opinion|addendum|series|Rules|Regulations|Final\s+Document|[Pp]lan\s+of\s+[Aa]ction)(?-u:\b)(?P<thereto>\s+thereto)?(?P<tail>\s+(?:of|on|by)\s+(?:the\s+)?(?:[A-Z][\w’'\-]*|[0-9]{4}(?:[–-][0-9]{4})?)(?:\s+(?:[A-Z][\w’'\-]*|of|on|the|and|for|to|in|[0-9]{4}(?:[–-][0-9]{4})?))*)?)",
        citation_gap_before: r"^(?:[\s,:()]|summary\s+and(?-u:\b)|,\s+and(?-u:\b)|paras?\.\s+[0-9]{1,4}(?:\s*[–-]\s*[0-9]{1,4})?(?:\s*\([a-z]{1,4}\))?|chap(?:ter)?s?\.?\s+[IVXLC]+(?:\.[A-Z])?|sects?\.?\s+[IVXLC]+(?:\.[A-Z0-9])*|section\s+[IVXLC]+(?:\.[A-Z0-9])*|annex(?:es)?\s+[IVXLC0-9]+(?:\s+(?:and|to)\s+[IVXLC0-9]+)?|summary|[Vv]ol\.\s+[IVXLC]+|resolution\s+[0-9]{1,3}(?:\s*\([IVXLC]+\))?|decision\s+[0-9]{1,3}(?:/[0-9]+)?|part\s+(?:one|two|three|[IVXLC]+)|[A-Z][a-z]+(?:-[a-z]+)?\s+(?:Year|Session)|Supplement\s+No\.\s+[0-9]+[A-Z]?|No\.\s+[0-9]+|[0-9]+(?:st|nd|rd|th)\s+meeting|pp?\.\s*[0-9]+(?:[–-][0-9]+)?|see(?:\s+also)?|footnote\s+[0-9]+|tables?\s+[0-9]{1,3}(?:\.[0-9]{1,2})?|figures?\s+[IVXLC0-9]+|(?:and\s+)?(?:in\s+particular|particularly|especially|notably)(?-u:\b))*$",
        ibid: r"(?-u:\b)[Ii]bid\.",
        anaphor_before: r"(?-u:\b)(?P<q>its|his|her|their)\s+$",
        coordinated_after: r#"^(?:(?:,?\s+(?:and|or)\s+|,\s+|\s+of\s+and\s+)(?:tables?|figures?|boxes?|charts?|schedules?|footnotes?|annex(?:es)?)\s+[0-9IVXLC]+(?:\.[0-9]+)?(?:(?:,\s*|\s+(?:and|to)\s+|[–-])[0-9IVXLC]+(?:\.[0-9]+)?)*|\s?\((?:[A-Z]|[0-9]{1,3}|[ivx]+\s*[-–]\s*[ivx]+)\)(?:\s?\([a-z]{1,4}\))*|,?\s+entitled\s+[“"](?P<title>[^”"\n]+)[”"],?|\s+[a-e](?-u:\b)|,?\s+and\s+(?:other|all|the)\s+(?:relevant\s+)?provisions)"#,
        article_after: r"^,?\s+of\s+[Aa]rticle\s+[0-9]{1,3}(?-u:\b)",
        direction_before: NEVER,
        named_text: r"(?-u:\b)(?P<name>(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Tt]hat|[Tt]hose)\s+(?:(?:[a-z][a-z-]*|[0-9]{4})\s+){0,2}?(?:reports?|advisory\s+opinion|addendum|proposed\s+budget|budget\s+proposal|study|statement)(?:\s+of\s+the\s+(?:Secretary-General|Advisory\s+Committee(?:\s+on\s+Administrative\s+and\s+Budgetary\s+Questions)?|Board\s+of\s+Auditors|[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|of|on|the|and|for))*))?|(?:[Tt]he|[Tt]hat|[Tt]hose)\s+(?:resolutions?|decisions?|declarations?)\s+(?:adopted\s+by\s+|of\s+)the\s+[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|of|on|the|and|for))*|Official\s+Records\s+of\s+the\s+(?:General\s+Assembly|Security\s+Council|Economic\s+and\s+Social\s+Council|Trusteeship\s+Council))(?-u:\b)",
        coordination: r"^\s*(?:[a-e](?-u:\b))?[\s,;]*(?:(?:and|or)\s+)?(?:(?:in\s+particular|including|especially|notably|particularly)\s*)?[\s,]*$",
        part_anaphor_after: r"^,?\s+(?:of|in|under)\s+(?P<q>(?:that|those|the\s+said|the\s+same|said|the\s+above-mentioned|the\s+aforementioned)\s+(?:(?P<article>[Aa]rticles?)|sections?|chapters?|annex(?:es)?|parts?)(?-u:\b))",
        part_anaphor_before: NEVER,
        requested_in: r"^\s*(?:\([^()\n]{1,40}\)\s*)?,?\s*(?:(?:that|which)\s+(?:was|were|is|are)\s+)?(?:requested|called\s+for|referred\s+to|mentioned|provided\s+for|envisaged|submitted|prepared|presented)\s+(?:pursuant\s+to|in\s+accordance\s+with|under|in|by)\s+(?:its\s+)?$",
        detect_words: &["the", "and", "of", "to", "which", "with", "its", "that"],
        masthead: ENGLISH_MASTHEAD,
        number_words: ENGLISH_NUMBER_WORDS,
        resolution_in_numerals: NEVER,
        operative_verbs: &["Decides", "Requests", "Urges", "Calls", "Invites", "Encourages", "Declares", "Demands", "Recommends", "Authorizes", "Endorses", "Approves", "Welcomes", "Condemns", "Stresses", "Emphasizes", "Reaffirms", "Notes", "Takes", "Expresses", "Appeals"],
    })
}

fn chinese() -> &'static LanguageData {
    CHINESE.get_or_init(|| LanguageData {
        language: Language::Zh,
        section_numerals: NumeralStyle::Chinese,
        annex_heading: r"^附件(?P<num>[一二三四五六七八九十百千零〇]+)?\s*$",
        part_heading: r"^第(?P<num>[一二三四五六七八九十百千零〇]+)部分\s*[.．、：:]?(?:\s*(?P<title>\S)|\s*$)",
        section_heading: r"^(?:第(?P<chnum>[一二三四五六七八九十百千零〇]+)章\s*|(?P<num>[一二三四五六七八九十百千零〇]+)\s*[.．、]\s*)(?P<title>\S)",
        subsection_heading: r"^(?P<num>[A-Z])(?:$|\s*[.．]\s*$|\s*[.．]\s*(?P<title>\S))",
        article_heading: r"^第(?P<num>[一二三四五六七八九十百千零〇]+)条(?:\s+(?P<title>\S)|\s*$)",
        numbered_line: r"^(?P<num>[0-9]{1,4})\s*(?P<sep>[.．、])(?:\s|[^0-9a-z\s]|[a-z]\S|$)",
        subparagraph_line: r"^[(（](?P<num>[a-z]{1,5})[)）]",
        // Traditional characters too: older transcriptions of the Chinese texts use them.
        preamble_formula: r"^(?:大会|安全理事会|安理会|各国|经济及社会理事会|人权理事会|会议|缔约国|大會|安全理事會|安理會|經濟及社會理事會|人權理事會|會議|締約國)\s*[，,]$",
        vote_list_heading: r"^(?P<side>赞成|反对|弃权)(?:票)?\s*[:：]",
        vote_sides: &[
            ("赞成", VoteSide::InFavour),
            ("反对", VoteSide::Against),
            ("弃权", VoteSide::Abstaining),
        ],
        none_words: &["无"],
        name_separators: &['、', '，', ',', '；', ';'],
        list_separators: &['、', '；', ';'],
        final_conjunctions: &["和", "及"],
        outcome_document_words: &["成果文件", "宣言"],
        sentence_ends: &['。', '；', ';', '！', '？'],
        full_stop_ends_sentence: false,
        paragraph_reference: leak(chinese_paragraph_reference()),
        section_reference: r"第\s*(?P<sec>[一二三四五六七八九十百千零〇]+)\s*(?P<secword>节|章)",
        annex_reference: r"(?P<presentn>本(?:决议|报告|文件))?(?P<annexword>附件)(?P<annex>[一二三四五六七八九十百千零〇]+)|(?P<present>本(?:决议|报告|文件))(?P<annexword2>附件)",
        article_reference: r"第\s*(?P<nums>[一二三四五六七八九十百千零〇]+|[0-9]{1,3})\s*条",
        internal_after: r"^(?-u:\b\B)",
        direction_after: r"^(?-u:\b\B)",
        document_before: r"(?P<q>成果文件草案|成果文件|本决议|本报告|本文件|本宣言)\s*$",
        document_after: r"^(?-u:\b\B)",
        // `第9段（第1次修订稿）`: a revision of the draft, named after.
        named_text_after: r"^\s*[（(](?P<name>第[0-9一二三四五六七八九十]{1,3}次(?:修订稿|订正本|修订本))[)）]",
        external_gap_before: r"^[\s，,、的]*$",
        external_gap_after: r"^(?-u:\b\B)",
        resolution_list: leak(chinese_resolutions()),
        security_council_words: &["安全理事会", "安理会", "安全理事會", "安理會"],
        other_organs: &["人权理事会", "经济及社会理事会"],
        instrument: r"(?P<name>《[^《》\n]+》|议事规则|《?(?:联合国)?宪章》?)",
        rule_of_procedure: r"议事规则\s*第\s*(?P<num>[0-9]{1,3}|[一二三四五六七八九十]+)\s*条",
        sdg: r"(?:可持续发展)?(?P<kw>具体目标|目标|指标)\s*(?P<num>[0-9]{1,2}(?:\.(?:[0-9]{1,2}|[a-z]))*)(?:[^0-9./]|\.(?:[^0-9a-z]|$)|$)",
        // `以14票对0票、1票弃权`; older texts (also in traditional characters)
        // write the figures in Chinese numerals and the abstentions after
        // `通过`: `以九票对零通过，弃权者二（…）`, `以七票對三票（…）通過，棄權者一（…）`.
        vote_figures: r"以\s*(?P<for>[0-9]{1,3}|[〇零一二三四五六七八九十两]{1,3})\s*票\s*[对對]\s*(?P<against>[0-9]{1,3}|[〇零一二三四五六七八九十两]{1,3})\s*(?:票\s*)?(?:[(（](?P<against_names>[^)）]+)[)）])?\s*(?:(?:[、，,]\s*(?P<abst>[0-9]{1,3})\s*票[弃棄][权權](?:\s*[(（](?P<abst_names>[^)）]+)[)）])?)|通[过過]\s*[，,]\s*[弃棄][权權]者\s*(?P<abst_b>[0-9]{1,3}|[〇零一二三四五六七八九十两]{1,3})(?:\s*[(（](?P<abst_names_b>[^)）]+)[)）])?)?",
        vote_figures_hint: "票",
        resolution_without_year: r"安全理事会\s*第\s*(?P<num>[0-9]{3,4})\s*号决议",
        resolution_number: RESNUM,
        paragraph_exclusion_after: NEVER,
        thereof_after: NEVER,
        present_text: NEVER,
        lower_case_paragraphs: false,
        text_after: NEVER,
        citation_gap_before: r"^[\s，,、的)）]*$",
        ibid: r"同上",
        anaphor_before: r"(?P<q>(?:该|上述|所述|前述|此|这项|这一|上列)(?:各项)?(?:决议|报告|文件|决定|宣言|公约|协定|议定书|说明|文书))\s*$",
        coordinated_after: NEVER,
        article_after: NEVER,
        direction_before: r"(?P<dir>(?P<above>上文)|下文)\s*$",
        named_text: r"(?P<name>秘书长(?:的)?(?:特别)?报告|咨询意见|第[0-9一二三四五六七八九十]{1,3}次(?:修订稿|订正本|修订本))",
        coordination: r"^[\s，,、和及与;；]*(?:以及|特别是|尤其是)?[\s，,、]*$",
        part_anaphor_after: NEVER,
        part_anaphor_before: r"(?P<q>(?:该|同|上述|所述|前述)(?:(?P<article>条)|节|章|附件|部分))\s*$",
        requested_in: NEVER,
        detect_words: &[],
        masthead: CHINESE_MASTHEAD,
        number_words: &[],
        resolution_in_numerals: r"(?:(?P<organ>安全理事会|安理会|大会)\s*)?(?P<head>决议案\s*|第\s*)(?P<num>[〇零一二三四五六七八九十百千]+)\s*[(（]\s*(?:(?P<year>[〇零一二三四五六七八九]{4})|(?P<session>[一二三四五六七八九十]{1,4}))\s*[)）](?P<tail>\s*号\s*决议)?",
        // Verbs that open only operative paragraphs (重申, 注意到, 欢迎 and
        // 强调 open preambular ones too, in the same form).
        operative_verbs: &["决定", "请", "敦促", "促请", "吁请", "要求", "授权", "核可", "核准", "建议", "宣布"],
    })
}

/// A language's table with every pattern compiled.
pub struct Tables {
    pub data: &'static LanguageData,
    pub annex_heading: Pattern,
    pub part_heading: Pattern,
    pub section_heading: Pattern,
    pub subsection_heading: Pattern,
    pub article_heading: Pattern,
    pub numbered_line: Pattern,
    pub subparagraph_line: Pattern,
    pub preamble_formula: Pattern,
    pub vote_list_heading: Pattern,
    pub paragraph_reference: Pattern,
    pub section_reference: Pattern,
    pub annex_reference: Pattern,
    pub article_reference: Pattern,
    pub internal_after: Pattern,
    pub direction_after: Pattern,
    pub document_before: Pattern,
    pub document_after: Pattern,
    pub external_gap_before: Pattern,
    pub named_text_after: Pattern,
    pub external_gap_after: Pattern,
    pub resolution_list: Pattern,
    pub resolution_number: Pattern,
    pub instrument: Pattern,
    /// `instrument` without its optional leading article (`the `), or
    /// `None` when it has none: searched for first, since a search led by
    /// the article stops at every "the" of the text (see
    /// `model::find::Scan::matches_after_article`).
    pub instrument_name: Option<Pattern>,
    pub rule_of_procedure: Pattern,
    pub sdg: Pattern,
    pub vote_figures: Pattern,
    pub resolution_without_year: Pattern,
    pub paragraph_exclusion_after: Pattern,
    pub thereof_after: Pattern,
    pub present_text: Pattern,
    pub text_after: Pattern,
    pub citation_gap_before: Pattern,
    pub ibid: Pattern,
    pub anaphor_before: Pattern,
    pub coordinated_after: Pattern,
    pub article_after: Pattern,
    pub direction_before: Pattern,
    pub named_text: Pattern,
    pub coordination: Pattern,
    pub part_anaphor_after: Pattern,
    pub part_anaphor_before: Pattern,
    pub requested_in: Pattern,
    pub resolution_in_numerals: Pattern,
    /// The line patterns tried on a line that starts with a word, as one
    /// set (in the order of [`LINE_PATTERNS`]): one search tells which of
    /// them can match, instead of a search per pattern.
    pub line_patterns: RegexSet,
}

/// The order of the patterns in [`Tables::line_patterns`].
pub const LINE_PATTERNS: [&str; 9] = [
    "vote_list_heading",
    "annex_heading",
    "part_heading",
    "article_heading",
    "section_heading",
    "subsection_heading",
    "preamble_formula",
    "numbered_line",
    "subparagraph_line",
];

/// The patterns [`Tables::new`] leaves to be compiled when first used:
/// those a text seldom needs.
const COMPILED_ON_USE: &[&str] =
    &["preamble_formula", "external_gap_before", "external_gap_after", "present_text", "coordination", "requested_in"];

/// The longest title in quotes that `coordinated_after` reads, in characters.
pub const TITLE_MAX_CHARS: usize = 160;

/// The optional article an instrument pattern may start with (English).
const OPTIONAL_ARTICLE: &str = r"(?-u:\b)(?:the\s+)?";

fn compile(pattern: &str) -> Regex {
    match Regex::new(pattern) {
        Ok(re) => re,
        // The tables are constants checked by the unit tests below.
        Err(err) => panic!("bad table pattern {pattern}: {err}"),
    }
}

/// Calls `$callback!(… [field, field, …])` with the name of every pattern
/// field of [`LanguageData`] compiled into the field of the same name of
/// [`Tables`].
macro_rules! with_pattern_fields {
    ($callback:ident ! ($($args:tt)*)) => {
        $callback!($($args)* [
            annex_heading,
                part_heading,
                section_heading,
                subsection_heading,
                article_heading,
                numbered_line,
                subparagraph_line,
                preamble_formula,
                vote_list_heading,
                paragraph_reference,
                section_reference,
                annex_reference,
                article_reference,
                internal_after,
                direction_after,
                document_before,
                document_after,
                external_gap_before,
                named_text_after,
                external_gap_after,
                resolution_list,
                resolution_number,
                paragraph_exclusion_after,
                thereof_after,
                present_text,
                text_after,
                citation_gap_before,
                ibid,
                anaphor_before,
                coordinated_after,
                article_after,
                direction_before,
                named_text,
                coordination,
                part_anaphor_after,
                part_anaphor_before,
                requested_in,
                resolution_in_numerals,
                instrument,
                rule_of_procedure,
                sdg,
                vote_figures,
                resolution_without_year,
        ])
    };
}

/// Builds [`Tables`] from the patterns of `$data`, one field per pattern of
/// the same name, none compiled yet.
macro_rules! uncompiled_tables {
    ($data:expr, [$($field:ident),* $(,)?]) => {{
        let data: &'static LanguageData = $data;
        Tables {
            data,
            $($field: Pattern::new(source(data.language, data.$field).into_owned()),)*
            instrument_name: None,
            line_patterns: RegexSet::empty(),
        }
    }};
}

/// The patterns of `$tables` by the names of their fields.
macro_rules! table_patterns {
    ($tables:expr, [$($field:ident),* $(,)?]) => {
        [$((stringify!($field), &$tables.$field)),*]
    };
}

/// A pattern of a table, compiled on its first use (or ahead, by
/// [`Tables::new`]). It reads as the [`Regex`] it compiles to; [`Pattern::as_str`]
/// gives the pattern without compiling it.
pub struct Pattern {
    source: Box<str>,
    regex: OnceLock<Regex>,
}

impl Pattern {
    fn new(source: String) -> Pattern {
        Pattern { source: source.into_boxed_str(), regex: OnceLock::new() }
    }

    /// The pattern as compiled.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// The compiled pattern (compiled now if it was not yet).
    pub fn regex(&self) -> &Regex {
        self.regex.get_or_init(|| compile(&self.source))
    }

    /// Whether the pattern has been compiled.
    pub fn is_compiled(&self) -> bool {
        self.regex.get().is_some()
    }
}

impl std::ops::Deref for Pattern {
    type Target = Regex;
    fn deref(&self) -> &Regex {
        self.regex()
    }
}

impl std::fmt::Debug for Pattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.source)
    }
}

/// A pattern of `lang`'s table as it is compiled: French, Spanish and
/// Russian text may write accents decomposed.
fn source(lang: Language, pattern: &str) -> std::borrow::Cow<'_, str> {
    match lang {
        Language::Fr | Language::Es | Language::Ru => super::nfd::tolerate_decomposed(pattern).into(),
        _ => pattern.into(),
    }
}

macro_rules! named_patterns {
    ($data:expr, [$($field:ident),* $(,)?]) => {
        vec![$((stringify!($field), $data.$field)),*]
    };
}

/// Every pattern of `lang`'s table, by the name of its field in [`Tables`],
/// as it is compiled (`instrument_name` included when there is one): for
/// the benchmark of their cost (`cargo bench --bench tables`) and the tests.
pub fn pattern_sources(lang: Language) -> Vec<(&'static str, String)> {
    let data = data(lang);
    let mut patterns: Vec<(&'static str, String)> =
        with_pattern_fields!(named_patterns!(data,)).into_iter().map(|(name, p)| (name, source(lang, p).into_owned())).collect();
    if let Some(name) = data.instrument.strip_prefix(OPTIONAL_ARTICLE) {
        patterns.push(("instrument_name", source(lang, &format!(r"(?-u:\b){name}")).into_owned()));
    }
    patterns
}

impl Tables {
    fn new(data: &'static LanguageData) -> Tables {
        let mut tables = with_pattern_fields!(uncompiled_tables!(data,));
        tables.instrument_name = data
            .instrument
            .strip_prefix(OPTIONAL_ARTICLE)
            .map(|name| Pattern::new(source(data.language, &format!(r"(?-u:\b){name}")).into_owned()));
        // Compiled ahead: every pattern but those a text seldom needs, and
        // the set of the line patterns, on two threads, the second also
        // loading the State names of the language that the analysis reads
        // next: the first analysis of a session waits for its language's
        // tables, and the other core is idle then. Each thread takes the
        // next pattern not taken yet, the longest first (a long pattern
        // costs more, most of all with classes of letters: the English
        // `text_after`, 902 bytes, 1.6 ms): a split made in advance left
        // one thread with most of the work.
        let mut ahead: Vec<&Pattern> = tables
            .patterns()
            // (`instrument` is searched from an article only when a name
            // found without it starts with one: `model::find`)
            .filter(|(name, _)| !(COMPILED_ON_USE.contains(name) || (*name == "instrument" && tables.instrument_name.is_some())))
            .map(|(_, p)| p)
            .collect();
        ahead.sort_by_key(|p| std::cmp::Reverse(p.as_str().len()));
        let next = std::sync::atomic::AtomicUsize::new(0);
        let take_turns = || {
            while let Some(p) = ahead.get(next.fetch_add(1, std::sync::atomic::Ordering::Relaxed)) {
                p.regex();
            }
        };
        let line_patterns = std::thread::scope(|scope| {
            let other = scope.spawn(|| {
                let _ = super::states::lookup(data.language, "");
                take_turns();
            });
            // The set holds the line patterns as they are compiled.
            let set = RegexSet::new(tables.line_pattern_sources());
            take_turns();
            // (a panic there is a bad table pattern: the same message here)
            other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            set
        });
        tables.line_patterns = match line_patterns {
            Ok(set) => set,
            Err(err) => panic!("bad line pattern set: {err}"),
        };
        tables
    }

    /// Every pattern of the table by the name of its field.
    pub fn patterns(&self) -> impl Iterator<Item = (&'static str, &Pattern)> {
        with_pattern_fields!(table_patterns!(self,)).into_iter().chain(self.instrument_name.as_ref().map(|p| ("instrument_name", p)))
    }

    /// The line patterns, in the order of [`LINE_PATTERNS`].
    fn line_pattern_fields(&self) -> [&Pattern; 9] {
        [
            &self.vote_list_heading,
            &self.annex_heading,
            &self.part_heading,
            &self.article_heading,
            &self.section_heading,
            &self.subsection_heading,
            &self.preamble_formula,
            &self.numbered_line,
            &self.subparagraph_line,
        ]
    }

    /// The line patterns as written, in the order of [`LINE_PATTERNS`].
    fn line_pattern_sources(&self) -> [&str; 9] {
        self.line_pattern_fields().map(Pattern::as_str)
    }

    /// The compiled line patterns one by one, in the order of
    /// [`LINE_PATTERNS`] (what [`Tables::line_patterns`] holds as a set).
    pub fn line_pattern_regexes(&self) -> [&Regex; 9] {
        self.line_pattern_fields().map(Pattern::regex)
    }

    /// The match of `coordinated_after` at the start of `after`, unless its
    /// `title` is longer than [`TITLE_MAX_CHARS`]. (The title was
    /// `[^”"\n]{1,160}` in the pattern: 160 copies of a Unicode class, 0.6 ms
    /// of the English tables' compilation. No other alternative of the
    /// pattern matches where this one does, so a title too long means no
    /// match, as it did.)
    pub fn coordinated_after<'h>(&self, after: &'h str) -> Option<regex::Match<'h>> {
        let m = self.coordinated_after.find(after)?;
        if m.as_str().chars().count() <= TITLE_MAX_CHARS {
            return Some(m);
        }
        let too_long = self.coordinated_after.captures(after)?.name("title").is_some_and(|t| t.as_str().chars().count() > TITLE_MAX_CHARS);
        (!too_long).then_some(m)
    }

    /// The side a list heading names. Blanks, apostrophes, tatweel and
    /// diacritics do not count (`S’abstiennent`, `المؤيـدون`).
    pub fn vote_side(&self, word: &str) -> Option<VoteSide> {
        if let Some((_, s)) = self.data.vote_sides.iter().find(|(w, _)| *w == word) {
            return Some(*s);
        }
        let fold = |s: &str| crate::lang::numerals::fold_arabic(&super::nfd::compose(s)).replace('’', "'");
        let word = fold(word);
        self.data.vote_sides.iter().find(|(w, _)| fold(w) == word).map(|(_, s)| *s)
    }
}

/// The raw table of `lang`, without compiling its patterns (for the words
/// read outside the parser: language detection, mastheads, number words).
pub fn data(lang: Language) -> &'static LanguageData {
    match lang {
        Language::Zh => chinese(),
        Language::En => english(),
        Language::Fr => french::data(),
        Language::Es => spanish::data(),
        Language::Ru => russian::data(),
        Language::Ar => arabic::data(),
    }
}

/// The numbers written as words of `lang` (its table's `number_words`),
/// without building the table: `numerals::parse_number_word` reads every
/// language's, and the Arabic table costs more to build than the English
/// analysis that reads it.
pub fn number_words(lang: Language) -> &'static [(&'static str, u32)] {
    match lang {
        Language::Zh => &[],
        Language::En => ENGLISH_NUMBER_WORDS,
        Language::Fr => french::NUMBER_WORDS,
        Language::Es => spanish::NUMBER_WORDS,
        Language::Ru => russian::NUMBER_WORDS,
        Language::Ar => arabic::NUMBER_WORDS,
    }
}

/// The masthead lines of `lang` (its table's `masthead`), without building
/// the table (`ide::activation` reads every language's).
pub fn masthead(lang: Language) -> &'static [&'static str] {
    match lang {
        Language::Zh => CHINESE_MASTHEAD,
        Language::En => ENGLISH_MASTHEAD,
        Language::Fr => french::MASTHEAD,
        Language::Es => spanish::MASTHEAD,
        Language::Ru => russian::MASTHEAD,
        Language::Ar => arabic::MASTHEAD,
    }
}

/// The compiled tables of `lang`, compiled on first use.
pub fn tables(lang: Language) -> &'static Tables {
    compiled(lang).get_or_init(|| Tables::new(data(lang)))
}

/// Whether the tables of `lang` have been compiled (a compilation under
/// way counts as not yet).
pub fn is_compiled(lang: Language) -> bool {
    compiled(lang).get().is_some()
}

fn compiled(lang: Language) -> &'static OnceLock<Tables> {
    static TABLES: [OnceLock<Tables>; 6] = [const { OnceLock::new() }; 6];
    &TABLES[lang as usize]
}

/// Language-independent patterns: document symbols.
pub fn symbol_pattern() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        compile(r"(?:^|[^A-Za-z0-9/.])(?P<sym>(?:A|S|\$|E|ST|TD|UNEP|DP|CRC|CEDAW|CCPR|CERD|CAT|CMW|CRPD|HRC|ICEF|UNW|FCCC|ECE|ESCAP|ECA|ECLAC|ESCWA|TRADE|ICCD|CBD|IDB|PBC|DP/FPA|UNCITRAL|JIU|SPLOS|CD|CCW|CCM|TPNW|NPT|BWC|APLC|CEB)(?:\s*/\s*(?:[A-Za-z]+\.[IVXLC]+|[A-Za-z]+\.?[0-9]*|[0-9]+|[A-Za-z]+\.[0-9]+(?:\.[0-9]+)?)\*?)+)")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_compiles() {
        for lang in Language::ALL {
            let t = tables(lang);
            assert_eq!(t.data.language, lang);
            let sample = match lang {
                Language::Zh => "第 15 段",
                Language::En => "paragraph 15",
                Language::Fr => "paragraphe 15",
                Language::Es => "párrafo 15",
                Language::Ru => "пункт 15",
                Language::Ar => "الفقرة 15",
            };
            assert!(t.paragraph_reference.is_match(sample), "{lang}");
        }
        let _ = symbol_pattern();
    }

    /// Each form must be matched whole by the pattern.
    fn whole(re: &Regex, forms: &[&str]) {
        for s in forms {
            let m = re.find(s).unwrap_or_else(|| panic!("no match in `{s}`"));
            assert_eq!(m.as_str(), *s);
        }
    }

    #[test]
    fn french_spanish_russian_arabic_paragraph_reference_forms() {
        whole(
            &tables(Language::Fr).paragraph_reference,
            &[
                "paragraphe 15",
                "paragraphes 3 à 5",
                "paragraphes 3 et 7",
                "paragraphe 8 a) ii)",
                "par. 28",
                "paragraphes 3, 5 et 7",
                "alinéa a)",
            ],
        );
        whole(
            &tables(Language::Es).paragraph_reference,
            &["párrafo 15", "párrafos 3 a 5", "párrafos 3 y 7", "párrafo 8 a) ii)", "párr. 28", "párrafos 5 b) y 22 b)"],
        );
        whole(&tables(Language::Ru).paragraph_reference, &["пункт 15", "пунктах 10‑17", "пунктах 1 и 2", "пункта 5(d)", "подпункт (a)"]);
        whole(
            &tables(Language::Ar).paragraph_reference,
            &["الفقرة 15", "الفقرتين 1 و 16", "الفقرات من 3 إلى 5", "الفقرة 8 (أ)", "الفقـرة 15", "الفِقْرَة 15", "الفقرة الفرعية (ب)"],
        );
    }

    #[test]
    fn headings_of_other_languages() {
        let ar = tables(Language::Ar);
        assert!(ar.section_heading.is_match("أولا - مقدمة"));
        assert!(ar.section_heading.is_match("ثانياً - النتائج"));
        assert!(ar.section_heading.is_match("الفصل الحادي عشر"));
        assert!(ar.subsection_heading.is_match("باء - المشاركة"));
        assert!(ar.subsection_heading.is_match("جيـم - الوثائق"));
        assert!(!ar.subsection_heading.is_match("ألف شخص حضروا"));
        assert!(ar.numbered_line.is_match("1 - تقرر"));
        assert!(ar.numbered_line.is_match("١٢ - تقرر"));
        assert!(ar.subparagraph_line.is_match("(أ) العمل"));
        assert!(ar.subparagraph_line.is_match("(هـ) العمل"));
        assert!(ar.subparagraph_line.is_match("’2‘ العمل"));
        assert!(ar.preamble_formula.is_match("إن الجمعية العامة،"));
        assert!(ar.annex_heading.is_match("المرفق الثاني"));
        assert!(tables(Language::Fr).subparagraph_line.is_match("a) Les États"));
        assert!(tables(Language::Fr).vote_list_heading.is_match("Votent pour\u{a0}: Algérie"));
        assert!(tables(Language::Es).part_heading.is_match("Primera parte"));
        assert!(tables(Language::Ru).subsection_heading.is_match("В. Участники"));
        assert!(tables(Language::Ru).preamble_formula.is_match("Генеральная Ассамблея,"));
        assert_eq!(ar.vote_side("المؤيـدون"), Some(VoteSide::InFavour));
        assert_eq!(tables(Language::Fr).vote_side("S’abstiennent"), Some(VoteSide::Abstaining));
    }

    /// `coordinated_after` with the title's limit in the pattern, as it was
    /// written, and with the limit checked by `Tables::coordinated_after`:
    /// the same matches.
    #[test]
    fn a_title_too_long_is_no_coordinated_text() {
        let t = tables(Language::En);
        let bounded = t.data.coordinated_after.replace(r#"(?P<title>[^”"\n]+)"#, r#"[^”"\n]{1,160}"#);
        assert_ne!(bounded, t.data.coordinated_after);
        let oracle = Regex::new(&bounded).expect("the pattern as it was");
        let title = |n: usize, c: char| c.to_string().repeat(n);
        let mut cases = vec![
            ", and tables 4 and 5 of his report".to_string(),
            " (b) of the report".to_string(),
            " entitled \"\" of".to_string(),
            ", entitled \"Our common agenda\", of".to_string(),
            " entitled “Our common\nagenda”".to_string(),
            " entitled “Transforming our world” and".to_string(),
            " e of".to_string(),
            ", and other provisions".to_string(),
        ];
        for n in [1, 159, 160, 161, 400] {
            for c in ['a', 'é', '我', '’'] {
                cases.push(format!(" entitled “{}” of", title(n, c)));
                cases.push(format!(", entitled \"{}\", and", title(n, c)));
                cases.push(format!(" entitled “{}", title(n, c)));
            }
        }
        for case in &cases {
            assert_eq!(t.coordinated_after(case).map(|m| m.range()), oracle.find(case).map(|m| m.range()), "{case}");
        }
    }

    /// Every capture of `re` in `text`, as byte ranges.
    fn all_captures(re: &Regex, text: &str) -> Vec<Vec<Option<std::ops::Range<usize>>>> {
        re.captures_iter(text).map(|c| c.iter().map(|m| m.map(|m| m.range())).collect()).collect()
    }

    /// The Arabic patterns, their alternations of words factored
    /// (`arabic::factored`), match as those written word by word: over the
    /// Arabic fixtures, and lines of every ordinal, adverb and letter name
    /// with tatweel, diacritics, alef and ya variants and ligatures.
    #[test]
    fn arabic_factored_alternations_match_as_word_by_word() {
        use crate::lang::numerals::{arabic_ordinal_words, ARABIC_LETTER_NAMES};
        let flat = arabic::word_by_word();
        let factored = arabic::data();
        let old = with_pattern_fields!(named_patterns!(flat,));
        let new = with_pattern_fields!(named_patterns!(factored,));
        let mut texts: Vec<String> = [
            include_str!("../../tests/fixtures/lang/ar/al-mutamar-al-istiradi.txt"),
            include_str!("../../tests/fixtures/corpus/ar_A-RES-70-1_SDG-goals-and-targets_assembled.txt"),
            include_str!("../../tests/fixtures/negotiation/ar_resolution.txt"),
            include_str!("../../tests/fixtures/negotiation/ar_amendments.txt"),
        ]
        .map(String::from)
        .to_vec();
        let mut words: Vec<String> = arabic_ordinal_words(false);
        words.extend(arabic_ordinal_words(true));
        words.extend(ARABIC_LETTER_NAMES.iter().map(|w| w.to_string()));
        words.extend(
            ["المرفق", "الفرع", "الفصل", "مجلس الأمن", "الجمعية العامة", "هذا القرار", "المؤيدون", "الممتنعون عن التصويت", "لا شيء"]
                .map(String::from),
        );
        let variants = |w: &str| {
            let mut out = vec![w.to_string(), w.replace('أ', "ا").replace('ى', "ي").replace('ي', "ى")];
            let chars: Vec<char> = w.chars().collect();
            for (i, mark) in [(1, '\u{640}'), (2, '\u{64E}'), (0, '\u{652}'), (3, '\u{651}')] {
                if i < chars.len() {
                    let mut v = chars.clone();
                    v.insert(i + 1, mark);
                    out.push(v.into_iter().collect());
                }
            }
            out.push(w.replace("لا", "\u{FEFB}").replace("لأ", "\u{FEF7}").replace('ه', "\u{FEEB}"));
            out.push(w.chars().take(w.chars().count().saturating_sub(1)).collect());
            out
        };
        let mut lines = String::new();
        for w in &words {
            for v in variants(w) {
                for line in [
                    v.to_string(),
                    format!("{v} - مقدمة"),
                    format!("الفصل {v}"),
                    format!("الفصل {v} عشر"),
                    format!("المرفق {v}"),
                    format!("الفقرة 5 من الفرع {v} من المرفق {v}"),
                    format!("القرار 377 {v} (د-5) و 61/53 {v}"),
                    format!("{v}ية {v} والعشرون"),
                ] {
                    lines.push_str(&line);
                    lines.push('\n');
                }
            }
        }
        texts.push(lines);
        for ((name, old), (_, new)) in old.into_iter().zip(new) {
            if old == new {
                continue;
            }
            let (old, new) = (Regex::new(old).expect("word by word"), Regex::new(new).expect("factored"));
            for text in &texts {
                assert_eq!(all_captures(&old, text), all_captures(&new, text), "{name}");
                for line in text.lines() {
                    assert_eq!(all_captures(&old, line), all_captures(&new, line), "{name}: {line}");
                }
            }
        }
    }

    #[test]
    fn number_words_and_mastheads_are_the_tables() {
        for lang in Language::ALL {
            assert_eq!(number_words(lang), data(lang).number_words, "{lang}");
            assert_eq!(masthead(lang), data(lang).masthead, "{lang}");
        }
    }

    #[test]
    fn chinese_paragraph_reference_forms() {
        let t = tables(Language::Zh);
        for s in ["第 15 段", "第二节第 15 段", "第 8(a)分段", "第3至5段", "第6和7段"] {
            let m = t.paragraph_reference.find(s).unwrap();
            assert_eq!(m.as_str(), s);
        }
    }

    #[test]
    fn english_paragraph_reference_forms() {
        let t = tables(Language::En);
        for s in [
            "paragraph 15",
            "paragraphs 3 to 5",
            "paragraphs 3 and 7",
            "paragraph 8 (a) (ii)",
            "section II, paragraph 15",
            "para. 28",
            "paragraphs 3, 5 and 7",
        ] {
            let m = t.paragraph_reference.find(s).unwrap();
            assert_eq!(m.as_str(), s);
        }
    }
}
