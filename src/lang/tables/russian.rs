//! The Russian table: `I. Введение`, `Глава I`, `A.` (Latin letters, or their
//! Cyrillic look-alikes), `(a)`/`(i)`, operative verbs in lower case
//! (`7. постановляет`), `пункт 15 раздела II`, `пункта 5(d) приложения к
//! резолюции 58/316`, `резолюция 3363 (XXX)`, `Голосовали за:`, `12 голосами
//! против 1 (Куба) при 2 воздержавшихся`, `задача 16.4`. `пункт 118 повестки
//! дня` is an agenda item, not a paragraph.

use std::sync::OnceLock;

use super::{leak, LanguageData, NumeralStyle, VoteSide, NEVER};
use crate::lang::Language;

/// A number in a list of paragraphs: `15`, `5(d)`, `8 (a) (ii)`, or a bare
/// subparagraph `(a)`.
const NUM: &str = r"(?:[0-9]{1,4}(?:\s?\([a-z]{1,5}\))*|\([a-z]{1,5}\)(?:\s?\([ivx]{1,5}\))*)";

/// Resolution numbers; letters of resolutions adopted under one number may be
/// typed as Cyrillic look-alikes (`377 А (V)`).
const RESNUM: &str = r"(?:[0-9]{1,4}\s*\((?:[0-9]{4}|(?:S-|ES-)?[IVXLC]+)\)|(?:S|ES)-[0-9]{1,2}/[0-9]{1,3}|[0-9]{1,2}/[0-9]{1,4}(?:\s+[A-H](?:\s*(?:и|-|–)\s*[A-H])?(?-u:\b))?|[0-9]{1,4}\s+[A-HАВСЕ](?:\s*(?:и|-|–)\s*[A-HАВСЕ])?\s*\((?:S-|ES-)?[IVXLC]+\))";

const ORGANS: &str = r"Совета\s+Безопасности|Генеральной\s+Ассамблеи|Совета\s+по\s+правам\s+человека|Экономического\s+и\s+Социального\s+Совета|Комиссии\s+по\s+правам\s+человека|Исполнительного\s+совета";

fn paragraph_reference() -> String {
    let range = format!(r"{NUM}(?:\s*(?:-|–|‑|—|до|по)\s*{NUM})?");
    format!(
        r"(?:(?P<subkw>[Пп]одпункт(?:ы|а|е|у|ом|ах|ов|ами)?)|(?P<kw>[Пп]ункт(?:ы|а|е|у|ом|ах|ов|ами)?|[Пп]п\.))\s*(?P<nums>{range}(?:(?:\s*,\s*{range})*,?\s+(?:и|или)\s+{range})?)"
    )
}

fn resolutions() -> String {
    let date = r"(?:\s+от\s+[0-9]{1,2}\s+[а-я]+\s+[0-9]{4}\s+года)";
    format!(
        r"[Рр]езолюци(?:я|и|ю|ей|ях|ями|ям)(?:\s+(?P<organ>{ORGANS}))?\s+(?P<list>{RESNUM}{date}?(?:(?:\s*,\s*(?:и\s+)?|\s+и\s+){RESNUM}{date}?)*)(?:\s+(?P<organ2>{ORGANS}))?"
    )
}

pub(super) fn data() -> &'static LanguageData {
    static DATA: OnceLock<LanguageData> = OnceLock::new();
    DATA.get_or_init(|| LanguageData {
        language: Language::Ru,
        section_numerals: NumeralStyle::Roman,
        annex_heading: r"^(?:ПРИЛОЖЕНИ[ЕЯ]|Приложени[ея])(?:\s+(?P<num>[IVXLC]+|[0-9]{1,2}))?\s*[.:]?$",
        part_heading: r"^(?:(?:ЧАСТЬ|Часть)\s+(?P<num>[IVXLC]+(?-u:\b)|первая|вторая|третья|четвертая|четвёртая|пятая|шестая|ПЕРВАЯ|ВТОРАЯ|ТРЕТЬЯ)|(?P<num2>Первая|Вторая|Третья|Четвертая|Четвёртая|Пятая)\s+часть)[.:]?(?:\s*(?P<title>\S)|\s*$)",
        section_heading: r"^(?:(?:ГЛАВА|Глава)\s+(?P<num2>[IVXLC]+)(?-u:\b)\.?|(?P<num>[IVXLC]+)\.)\s+(?P<title>\S)",
        subsection_heading: r"^(?P<num>[A-ZАВСЕНКМОРТХ])(?:$|\.\s*$|\.\s+(?P<title>\S))",
        article_heading: r"^(?:СТАТЬЯ|Статья)\s+(?P<num>[0-9]{1,3})\.?(?:\s+(?P<title>\S)|\s*$)",
        numbered_line: r"^(?P<num>[0-9]{1,4})\.(?:\s|$)",
        subparagraph_line: r"^\((?P<num>[a-z]{1,5})\)(?:\s|$)",
        preamble_formula: r"^(?:Генеральная\s+Ассамблея|Совет\s+Безопасности|Экономический\s+и\s+Социальный\s+Совет|Совет\s+по\s+правам\s+человека|Совет\s+по\s+Опеке|Конференция|Совет|Комиссия|Государства-участники)\s*,$",
        vote_list_heading: r"^(?P<side>Голосовали\s+за|Голосовали\s+против|Воздержались|За|Против)\s*:",
        vote_sides: &[
            ("Голосовали за", VoteSide::InFavour),
            ("За", VoteSide::InFavour),
            ("Голосовали против", VoteSide::Against),
            ("Против", VoteSide::Against),
            ("Воздержались", VoteSide::Abstaining),
        ],
        none_words: &["Нет", "нет"],
        name_separators: &[',', ';'],
        list_separators: &[',', ';'],
        final_conjunctions: &[" и "],
        outcome_document_words: &["итоговый документ", "Итоговый документ", "итогового документа", "Декларация", "декларация"],
        sentence_ends: &[';'],
        full_stop_ends_sentence: true,
        paragraph_reference: leak(paragraph_reference()),
        section_reference: r"(?:[Пп]одраздел\S*\s+[A-ZАВСЕ]|(?P<secword>[Рр]аздел(?:ы|а|е|у|ом|ах|ов)?|[Гг]лав(?:а|ы|е|у|ой))\s+(?P<sec>[IVXLC]+)(?-u:\b))",
        annex_reference: r"(?P<annexword>[Пп]риложени(?:е|я|и|ю|ем|ях))(?:\s+(?P<annex>[IVXLC]+)(?-u:\b)|(?P<present>\s+к\s+настоящ(?:ей|ему|его)\s+(?:резолюции|решению|докладу|документу|записке)))",
        article_reference: r"[Сс]тать(?:я|и|ю|ей|е|ях|ям)\s+(?P<nums>[0-9]{1,3}(?:(?:\s*,\s*|\s+и\s+|\s*[-–]\s*)[0-9]{1,3})*)",
        internal_after: r"^,?\s+(?:(?P<secword>раздела|главы)\s+(?P<sec>[IVXLC]+)(?-u:\b)|(?P<annexword>приложения)(?:\s+(?P<annex>[IVXLC]+)(?-u:\b))?|пункта\s+(?P<para>[0-9]{1,4})(?-u:\b))",
        direction_after: r"^,?\s+(?P<dir>(?P<above>выше)|ниже)",
        document_before: NEVER,
        document_after: r"^,?\s+(?:к\s+)?(?P<q>(?:проекта\s+)?(?P<outcome>итогового\s+документа)|настоящ(?:ей|его|ему)\s+(?:резолюции|доклада|решения|декларации|документа|приложения|записки))",
        named_text_after: r#"^,?\s+(?:(?:документа|доклада)\s+)?(?:[«“"]\s*(?P<quoted>[^»”"\n]+?)\s*[»”"])"#,
        external_gap_before: r"^\s*,\s*$",
        external_gap_after: r"^,?\s+(?:к\s+)?(?:(?:его|ее|её|своей|этой|указанной|той\s+же)\s+)?$",
        resolution_list: leak(resolutions()),
        security_council_words: &["Совета Безопасности"],
        other_organs: &["Совета по правам человека", "Экономического и Социального Совета", "Комиссии по правам человека", "Исполнительного совета"],
        instrument: r"(?P<name>Программ(?:а|ы|е|у|ой)\s+действий(?:\s+по\s+предотвращению\s+и\s+искоренению\s+незаконной\s+торговли\s+стрелковым\s+оружием\s+и\s+легкими\s+вооружениями\s+во\s+всех\s+ее\s+аспектах\s+и\s+борьбе\s+с\s+ней)?|Международн(?:ый|ого|ому|ым)\s+документ(?:а|у|ом)?\s+по\s+отслеживанию|Устав(?:а|е|ом|у)?(?:\s+Организации\s+Объединенных\s+Наций)?|Всеобщ(?:ая|ей|ую)\s+деклараци(?:я|и|ю)\s+прав\s+человека|Повестк(?:а|и|е|у|ой)\s+дня\s+в\s+области\s+устойчивого\s+развития\s+на\s+период\s+до\s+2030\s+года|Договор(?:а|е|ом|у)?\s+о\s+торговле\s+оружием|Парижск(?:ое|ого|ому|им)\s+соглашени(?:е|я|ю|ем)|Женевск(?:ие|их)\s+конвенци(?:и|й)|правил(?:а|ах)?\s+процедуры)",
        rule_of_procedure: r"[Пп]равил(?:о|а|е|ом)\s+(?P<num>[0-9]{1,3})\s+(?:временных\s+)?правил\s+процедуры",
        sdg: r"(?P<kw>[Цц]ел(?:ь|и|ью|ям|ях|ей)|[Зз]адач(?:а|и|е|у|ам|ах)|[Пп]оказател(?:ь|я|ю|ем|и|ей))(?:\s+в\s+области\s+устойчивого\s+развития)?\s+(?P<num>[0-9]{1,2}(?:\.(?:[0-9]{1,2}|[a-z]))*)(?:[^0-9./]|\.(?:[^0-9a-z]|$)|$)",
        vote_figures: r"(?P<for>[0-9]{1,3})\s+голос(?:ами|ом|а|ов)?\s+против\s+(?P<against>[0-9]{1,3}|ни\s+одного|одного|двух|трех|трёх)(?:\s*\((?P<against_names>[^)]+)\))?,?\s+при\s+(?:(?P<abst>[0-9]{1,3}|одном|двух|трех|трёх|отсутствии)\s+воздержавш(?:ихся|емся)(?:\s*\((?P<abst_names>[^)]+)\))?)",
        vote_figures_hint: "против",
        resolution_without_year: r"[Рр]езолюци(?:я|и|ю|ей)\s+Совета\s+Безопасности\s+(?P<num>[0-9]{3,4})(?:\s*[^\s(0-9/]|\s*$)",
        resolution_number: RESNUM,
        paragraph_exclusion_after: r"^\s+(?:(?:предварительной|основной|своей)\s+)?повестки\s+дня",
        thereof_after: r"^,?\s+(?:этой|указанной)\s+резолюции",
        lower_case_paragraphs: true,
    })
}
