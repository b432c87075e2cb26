//! The words of negotiation drafts, per language: status tags
//! (`[Agreed ad ref]`, `（已商定）`), alternative labels (`Alt 1`,
//! `Variante`), the verbs of attributed proposals (`US delete`, `欧盟删除`),
//! negotiating groups and short delegation names (`EU`, `G77 and China`),
//! editorial brackets of official texts (`[on the report of …]`), and the
//! words by which a text claims to be final. State names come from the
//! UNTERM table (`lang::states`); users add more names and verbs through
//! `negotiation::Vocabulary`.

use crate::lang::Language;

pub struct NegotiationWords {
    /// Status tags meaning agreed, lower case (`agreed ad ref`).
    pub agreed: &'static [&'static str],
    /// Status tags meaning silence was broken.
    pub silence_broken: &'static [&'static str],
    /// Labels of alternatives (`Alt`, `Option`), followed by an optional number.
    pub alternative: &'static [&'static str],
    /// Verbs (and nouns) of an attributed proposal, lower case.
    pub verbs: &'static [&'static str],
    /// Negotiating groups and short names of delegations.
    pub delegations: &'static [&'static str],
    /// Words joining names in a list (`and`).
    pub conjunctions: &'static [&'static str],
    /// How an official text's editorial brackets begin, lower case.
    pub editorial: &'static [&'static str],
    /// Words by which a text claims to be final (in its first lines).
    pub final_words: &'static [&'static str],
    /// Words for "and/or", which is no alternative.
    pub and_or: &'static [&'static str],
    /// The tag the "mark agreed" action writes.
    pub agreed_tag: &'static str,
}

/// Written the same way in every language version.
pub const COMMON_DELEGATIONS: &[&str] = &[
    "EU",
    "G77",
    "G-77",
    "G77/China",
    "G77/CHN",
    "G77 and China",
    "AOSIS",
    "LDCs",
    "LDC",
    "SIDS",
    "AGN",
    "LMDC",
    "LMDCs",
    "CARICOM",
    "CELAC",
    "EIG",
    "NAM",
    "GRULAC",
    "AILAC",
    "ALBA",
    "JUSCANZ",
    "CANZ",
    "US",
    "USA",
    "UK",
    "RF",
    "EU27",
    "EU-27",
];

/// Status tags written in English in drafts of every language.
pub const COMMON_AGREED: &[&str] = &["agreed ad ref", "agreed ad ref.", "agreed ad referendum", "ad ref", "ad ref."];

const EN: NegotiationWords = NegotiationWords {
    agreed: &["agreed", "provisionally agreed", "agreed in informals", "agreed at informals", "agreed ad ref", "agreed ad referendum"],
    silence_broken: &["silence broken", "silence procedure broken", "silence broken by"],
    alternative: &["Alternative", "Alt.", "Alt", "Option"],
    verbs: &[
        "proposes", "propose", "proposal", "delete", "deletes", "deletion", "retain", "retains", "add", "adds", "reserve", "reserves",
        "support", "supports", "oppose", "opposes", "object", "objects", "replace", "replaces", "insert", "inserts", "bracket", "brackets",
        "amend", "amends",
    ],
    delegations: &[
        "Group of 77 and China",
        "African Group",
        "Arab Group",
        "Umbrella Group",
        "Like-minded Group",
        "European Union",
        "Holy See",
    ],
    conjunctions: &[" and ", " & "],
    editorial: &[
        "on the report of",
        "without reference to",
        "deleted",
        "sic",
        "…",
        "...",
        "translated from",
        "original:",
        "footnote",
        "see ",
    ],
    final_words: &["final text", "final draft", "final version", "as adopted", "adopted text"],
    and_or: &["and/or"],
    agreed_tag: "[Agreed ad ref]",
};

const FR: NegotiationWords = NegotiationWords {
    agreed: &[
        "approuvé",
        "convenu",
        "adopté",
        "approuvé ad ref",
        "convenu ad ref",
        "adopté ad ref",
        "approuvé ad referendum",
        "accord ad ref",
    ],
    silence_broken: &["silence rompu", "procédure d'approbation tacite rompue", "procédure d’approbation tacite rompue"],
    alternative: &["Variante", "Option", "Alt.", "Alt"],
    verbs: &[
        "propose",
        "proposent",
        "proposition",
        "supprimer",
        "supprime",
        "suppression",
        "maintenir",
        "maintient",
        "ajouter",
        "ajoute",
        "réserve",
        "appuie",
        "appuient",
        "s'oppose",
        "s’oppose",
        "remplacer",
        "insérer",
    ],
    delegations: &[
        "UE",
        "Union européenne",
        "Groupe des 77 et la Chine",
        "G77 et la Chine",
        "Groupe africain",
        "Groupe arabe",
        "PEID",
        "PMA",
        "États-Unis",
        "Royaume-Uni",
        "Saint-Siège",
    ],
    conjunctions: &[" et "],
    editorial: &["sur le rapport", "sur la proposition", "sans renvoi", "supprimé", "sic", "…", "...", "traduit de", "original :", "voir "],
    final_words: &["texte final", "version finale", "projet final", "tel qu'adopté", "tel qu’adopté", "texte adopté"],
    and_or: &["et/ou"],
    agreed_tag: "[Approuvé ad ref]",
};

const ZH: NegotiationWords = NegotiationWords {
    agreed: &["已商定", "商定", "暂时商定", "暂定商定", "已议定", "待核准商定", "已同意"],
    silence_broken: &["沉默程序被打破", "打破沉默", "沉默被打破"],
    alternative: &["备选案文", "备选", "方案", "Alt"],
    verbs: &["提议", "建议", "删除", "保留", "增加", "添加", "支持", "反对", "替换", "插入", "修改"],
    delegations: &[
        "欧盟",
        "欧洲联盟",
        "77国集团和中国",
        "七十七国集团和中国",
        "77国集团",
        "不结盟运动",
        "非洲集团",
        "阿拉伯集团",
        "小岛屿发展中国家",
        "最不发达国家",
        "美国",
        "英国",
        "俄罗斯",
        "俄联邦",
        "罗马教廷",
    ],
    conjunctions: &["和", "及", "与"],
    editorial: &["根据", "未经发交", "未发交", "删除", "原文", "…", "……", "见"],
    final_words: &["最后案文", "最终案文", "定稿", "通过的案文", "最终文本"],
    and_or: &["和/或", "和（或）"],
    agreed_tag: "[已商定]",
};

const ES: NegotiationWords = NegotiationWords {
    agreed: &["acordado", "convenido", "aprobado", "acordado ad ref", "convenido ad ref", "aprobado ad ref"],
    silence_broken: &["silencio roto", "procedimiento de silencio roto"],
    alternative: &["Alternativa", "Opción", "Alt.", "Alt"],
    verbs: &[
        "propone",
        "proponen",
        "propuesta",
        "suprimir",
        "eliminar",
        "mantener",
        "mantiene",
        "añadir",
        "agregar",
        "reserva",
        "apoya",
        "apoyan",
        "se opone",
        "sustituir",
        "insertar",
    ],
    delegations: &[
        "UE",
        "Unión Europea",
        "Grupo de los 77 y China",
        "G77 y China",
        "Grupo Africano",
        "Grupo Árabe",
        "EE. UU.",
        "EE.UU.",
        "Santa Sede",
    ],
    conjunctions: &[" y ", " e "],
    editorial: &["sobre la base del informe", "sin remisión", "suprimido", "sic", "…", "...", "véase "],
    final_words: &["texto final", "versión final", "proyecto final", "texto aprobado"],
    and_or: &["y/o"],
    agreed_tag: "[Acordado ad ref]",
};

const RU: NegotiationWords = NegotiationWords {
    agreed: &["согласовано", "согласовано ad ref", "согласовано ad referendum", "предварительно согласовано"],
    silence_broken: &["молчание нарушено", "процедура молчания нарушена"],
    alternative: &["Альтернатива", "Вариант", "Alt.", "Alt"],
    verbs: &[
        "предлагает",
        "предлагают",
        "предложение",
        "исключить",
        "удалить",
        "сохранить",
        "добавить",
        "оговорка",
        "поддерживает",
        "поддерживают",
        "возражает",
        "возражают",
        "заменить",
        "вставить",
    ],
    delegations: &[
        "ЕС",
        "Европейский союз",
        "Группа 77 и Китай",
        "Г77 и Китай",
        "Группа африканских государств",
        "Группа арабских государств",
        "США",
        "Святейший Престол",
    ],
    conjunctions: &[" и "],
    editorial: &["по докладу", "без передачи", "исключен", "sic", "…", "...", "см. "],
    final_words: &["окончательный текст", "окончательный вариант", "принятый текст"],
    and_or: &["и/или"],
    agreed_tag: "[Согласовано ad ref]",
};

const AR: NegotiationWords = NegotiationWords {
    agreed: &["متفق عليه", "تم الاتفاق عليه", "متفق عليه ad ref", "متفق عليها"],
    silence_broken: &["كسر الصمت", "كسر إجراء الصمت"],
    alternative: &["البديل", "الخيار", "Alt.", "Alt"],
    verbs: &["يقترح", "تقترح", "يقترحون", "حذف", "الإبقاء", "إبقاء", "إضافة", "يؤيد", "تؤيد", "يعارض", "تعارض", "استبدال", "إدراج"],
    delegations: &[
        "الاتحاد الأوروبي",
        "مجموعة الـ 77 والصين",
        "مجموعة ال‍ 77 والصين",
        "المجموعة الأفريقية",
        "المجموعة العربية",
        "الولايات المتحدة",
        "الكرسي الرسولي",
    ],
    conjunctions: &[" و"],
    editorial: &["بناء على تقرير", "دون الإحالة", "حذف", "…", "...", "انظر "],
    final_words: &["النص النهائي", "الصيغة النهائية", "النص المعتمد"],
    and_or: &["و/أو"],
    agreed_tag: "[متفق عليه]",
};

pub fn words(lang: Language) -> &'static NegotiationWords {
    match lang {
        Language::Zh => &ZH,
        Language::En => &EN,
        Language::Fr => &FR,
        Language::Es => &ES,
        Language::Ru => &RU,
        Language::Ar => &AR,
    }
}

/// How amendments name their targets and actions, per language. Each is a
/// regular expression over one amendment (its lines joined), anchored at
/// its start, with named groups: `part` (operative or preambular, as the
/// words of `preambular` say), `num` (digits or a numeral), `ord` (an
/// ordinal word), `q1`/`q2` (quoted wordings), `where` (after or before).
pub struct AmendmentPatterns {
    pub delete_paragraph: &'static str,
    pub replace_words: &'static str,
    pub delete_words: &'static str,
    pub insert_paragraph: &'static str,
    pub add_words_at_end: &'static str,
    /// Words of `part` meaning the preamble.
    pub preambular: &'static [&'static str],
    /// Words of `where` meaning before.
    pub before: &'static [&'static str],
    /// Ordinal words, first to twelfth, and the word for "last".
    pub ordinals: &'static [&'static str],
    pub last: &'static str,
}

const EN_AMEND: AmendmentPatterns = AmendmentPatterns {
    delete_paragraph: r"^(?:Delete|Strike out|Strike)\s+(?:the\s+)?(?:(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|last)\s+)?(?:(?P<part>operative|preambular)\s+)?paragraph(?:\s+(?P<num>[0-9]+))?\s*[.;]?\s*$",
    replace_words: r#"^In\s+(?:the\s+)?(?:(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|last)\s+)?(?:(?P<part>operative|preambular)\s+)?paragraph(?:\s+(?P<num>[0-9]+))?\s*,\s*(?:replace|substitute)\s+(?:the\s+words?\s+)?["“](?P<q1>[^"”]*)["”]\s+(?:with|by)\s+(?:the\s+words?\s+)?["“](?P<q2>[^"”]*)["”]"#,
    delete_words: r#"^In\s+(?:the\s+)?(?:(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|last)\s+)?(?:(?P<part>operative|preambular)\s+)?paragraph(?:\s+(?P<num>[0-9]+))?\s*,\s*delete\s+(?:the\s+words?\s+)?["“](?P<q1>[^"”]*)["”]"#,
    insert_paragraph: r#"^Insert\s+(?P<where>after|before)\s+(?:the\s+)?(?:(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|last)\s+)?(?:(?P<part>operative|preambular)\s+)?paragraph(?:\s+(?P<num>[0-9]+))?\s*,?\s*(?:a\s+)?new\s+(?:operative\s+|preambular\s+)?paragraph(?:\s+reading)?\s*[:,]?\s*["“]?(?P<q1>.*?)["”]?\s*$"#,
    add_words_at_end: r#"^Add\s+(?:the\s+words?\s+)?["“](?P<q1>[^"”]*)["”]\s+at\s+the\s+end\s+of\s+(?:the\s+)?(?:(?P<ord>first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|last)\s+)?(?:(?P<part>operative|preambular)\s+)?paragraph(?:\s+(?P<num>[0-9]+))?"#,
    preambular: &["preambular"],
    before: &["before"],
    ordinals: &["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"],
    last: "last",
};

const ZH_NUM: &str = "[0-9一二三四五六七八九十百〇零]+";

const ZH_AMEND: AmendmentPatterns = AmendmentPatterns {
    delete_paragraph: r"^删除(?P<part>执行部分|序言部分)?第(?P<num>[0-9一二三四五六七八九十百〇零]+)段\s*[。；]?\s*$",
    replace_words: r"^在(?P<part>执行部分|序言部分)?第(?P<num>[0-9一二三四五六七八九十百〇零]+)段中?\s*[，,]\s*将[“「](?P<q1>[^”」]*)[”」](?:改为|替换为|修改为|改成)[“「](?P<q2>[^”」]*)[”」]",
    delete_words: r"^在(?P<part>执行部分|序言部分)?第(?P<num>[0-9一二三四五六七八九十百〇零]+)段中?\s*[，,]\s*删除[“「](?P<q1>[^”」]*)[”」]",
    insert_paragraph: r"^在(?P<part>执行部分|序言部分)?第(?P<num>[0-9一二三四五六七八九十百〇零]+)段(?P<where>之?后|之?前)\s*[，,]?\s*(?:插入|增加|添加)(?:一个|一)?(?:新的?)?(?:一段|段落|段)\s*[，,：:]?\s*(?:内容如下\s*[：:])?\s*[“「]?(?P<q1>.*?)[”」]?\s*$",
    add_words_at_end: r"^在(?P<part>执行部分|序言部分)?第(?P<num>[0-9一二三四五六七八九十百〇零]+)段(?:的)?(?:末尾|结尾)(?:添加|增加|加上|加入)[“「](?P<q1>[^”」]*)[”」]",
    preambular: &["序言部分"],
    before: &["前", "之前"],
    ordinals: &[],
    last: "最后",
};

const FR_AMEND: AmendmentPatterns = AmendmentPatterns {
    delete_paragraph: r"^Supprimer\s+(?:le\s+)?(?:(?P<ord>premier|deuxième|troisième|quatrième|cinquième|sixième|septième|huitième|neuvième|dixième|onzième|douzième|dernier)\s+)?(?:paragraphe|alinéa)(?:\s+(?P<num>[0-9]+))?(?:\s+du\s+(?P<part>dispositif|préambule))?\s*[.;]?\s*$",
    replace_words: r"^(?:Au|Dans\s+le)\s+(?:(?P<ord>premier|deuxième|troisième|quatrième|cinquième|sixième|septième|huitième|neuvième|dixième|onzième|douzième|dernier)\s+)?(?:paragraphe|alinéa)(?:\s+(?P<num>[0-9]+))?(?:\s+du\s+(?P<part>dispositif|préambule))?\s*,\s*remplacer\s+(?:les\s+mots\s+)?[«“]\s*(?P<q1>[^»”]*?)\s*[»”]\s+par\s+(?:les\s+mots\s+)?[«“]\s*(?P<q2>[^»”]*?)\s*[»”]",
    delete_words: r"^(?:Au|Dans\s+le)\s+(?:(?P<ord>premier|deuxième|troisième|quatrième|cinquième|sixième|septième|huitième|neuvième|dixième|onzième|douzième|dernier)\s+)?(?:paragraphe|alinéa)(?:\s+(?P<num>[0-9]+))?(?:\s+du\s+(?P<part>dispositif|préambule))?\s*,\s*supprimer\s+(?:les\s+mots\s+)?[«“]\s*(?P<q1>[^»”]*?)\s*[»”]",
    insert_paragraph: r"^Insérer\s+(?P<where>après|avant)\s+(?:le\s+)?(?:(?P<ord>premier|deuxième|troisième|quatrième|cinquième|sixième|septième|huitième|neuvième|dixième|onzième|douzième|dernier)\s+)?(?:paragraphe|alinéa)(?:\s+(?P<num>[0-9]+))?(?:\s+du\s+(?P<part>dispositif|préambule))?\s*,?\s*(?:un\s+)?nouve(?:l|au)\s+(?:paragraphe|alinéa)(?:\s+ainsi\s+libellé)?\s*[:,]?\s*[«“]?\s*(?P<q1>.*?)\s*[»”]?\s*$",
    add_words_at_end: r"^Ajouter\s+(?:les\s+mots\s+)?[«“]\s*(?P<q1>[^»”]*?)\s*[»”]\s+à\s+la\s+fin\s+(?:du\s+)?(?:(?P<ord>premier|deuxième|troisième|dernier)\s+)?(?:paragraphe|alinéa)(?:\s+(?P<num>[0-9]+))?(?:\s+du\s+(?P<part>dispositif|préambule))?",
    preambular: &["préambule"],
    before: &["avant"],
    ordinals: &[
        "premier",
        "deuxième",
        "troisième",
        "quatrième",
        "cinquième",
        "sixième",
        "septième",
        "huitième",
        "neuvième",
        "dixième",
        "onzième",
        "douzième",
    ],
    last: "dernier",
};

// Spanish, as the Spanish amendment documents write them: `Suprímase el
// párrafo 3 de la parte dispositiva`, `En el párrafo 4 del preámbulo,
// sustitúyase «…» por «…»`, `Insértese después del primer párrafo del
// preámbulo un nuevo párrafo que diga: «…»`, `Añádanse las palabras «…» al
// final del párrafo 12`. Ordinals are matched by their stem (`primer`,
// `primero`; `tercer`, `tercero`).
const ES_AMEND: AmendmentPatterns = AmendmentPatterns {
    delete_paragraph: concat!(
        r"^(?:Suprímase|Elimínese|Suprimir|Eliminar)\s+(?:el\s+)?(?:",
        r"(?P<ord>primer|segund|tercer|cuart|quint|sext|séptim|octav|noven|décim|undécim|duodécim|últim)o?",
        r"\s+)?párrafo(?:\s+(?P<num>[0-9]+))?(?:\s+(?:de\s+la|del)\s+(?P<part>parte\s+dispositiva|preámbulo))?\s*[.;]?\s*$"
    ),
    replace_words: concat!(
        r"^En\s+(?:el\s+)?(?:(?P<ord>primer|segund|tercer|cuart|quint|sext|séptim|octav|noven|décim|undécim|duodécim|últim)o?\s+)?",
        r"párrafo(?:\s+(?P<num>[0-9]+))?(?:\s+(?:de\s+la|del)\s+(?P<part>parte\s+dispositiva|preámbulo))?\s*,\s*",
        r"(?:sustitúyan?se|reemplácen?se|sustituir|reemplazar)\s+(?:(?:las?\s+)?(?:palabras?|expresión|frase)\s+)?",
        r#"[«"“]\s*(?P<q1>[^»"”]*?)\s*[»"”]\s+por\s+(?:(?:las?\s+)?(?:palabras?|expresión|frase)\s+)?[«"“]\s*(?P<q2>[^»"”]*?)\s*[»"”]"#
    ),
    delete_words: concat!(
        r"^En\s+(?:el\s+)?(?:(?P<ord>primer|segund|tercer|cuart|quint|sext|séptim|octav|noven|décim|undécim|duodécim|últim)o?\s+)?",
        r"párrafo(?:\s+(?P<num>[0-9]+))?(?:\s+(?:de\s+la|del)\s+(?P<part>parte\s+dispositiva|preámbulo))?\s*,\s*",
        r"(?:supríman?se|elimínen?se|suprimir|eliminar)\s+(?:(?:las?\s+)?(?:palabras?|expresión|frase)\s+)?",
        r#"[«"“]\s*(?P<q1>[^»"”]*?)\s*[»"”]"#
    ),
    insert_paragraph: concat!(
        r"^(?:Insértese|Añádase|Agréguese|Insertar|Añadir|Agregar)\s+(?P<where>después\s+del|antes\s+del)\s+",
        r"(?:(?P<ord>primer|segund|tercer|cuart|quint|sext|séptim|octav|noven|décim|undécim|duodécim|últim)o?\s+)?",
        r"párrafo(?:\s+(?P<num>[0-9]+))?(?:\s+(?:de\s+la|del)\s+(?P<part>parte\s+dispositiva|preámbulo))?\s*,?\s*",
        r"(?:un\s+)?nuevo\s+párrafo(?:\s+del\s+preámbulo|\s+de\s+la\s+parte\s+dispositiva)?",
        r"(?:\s+que\s+diga|\s+redactado\s+en\s+los\s+siguientes\s+términos|\s+con\s+el\s+(?:siguiente\s+texto|texto\s+siguiente))?",
        r#"\s*[:,]?\s*[«"“]?\s*(?P<q1>.*?)\s*[»"”]?\s*$"#
    ),
    add_words_at_end: concat!(
        r"^(?:Añádan?se|Agréguen?se|Añadir|Agregar)\s+(?:(?:las?\s+)?(?:palabras?|expresión|frase)\s+)?",
        r#"[«"“]\s*(?P<q1>[^»"”]*?)\s*[»"”]\s+al\s+final\s+del\s+"#,
        r"(?:(?P<ord>primer|segund|tercer|cuart|quint|sext|séptim|octav|noven|décim|undécim|duodécim|últim)o?\s+)?",
        r"párrafo(?:\s+(?P<num>[0-9]+))?(?:\s+(?:de\s+la|del)\s+(?P<part>parte\s+dispositiva|preámbulo))?"
    ),
    preambular: &["preámbulo"],
    before: &["antes del"],
    ordinals: &["primer", "segund", "tercer", "cuart", "quint", "sext", "séptim", "octav", "noven", "décim", "undécim", "duodécim"],
    last: "últim",
};

// Russian, as the Russian amendment documents write them: `Исключить пункт 3
// постановляющей части`, `В пункте 4 преамбулы заменить слова «…» словами
// «…»` (or `на «…»`), `После первого пункта преамбулы включить новый пункт
// следующего содержания: «…»`, `В конце пункта 12 добавить слова «…»`.
// Ordinals are matched by their stem in any case (`первого`, `третьем`).
const RU_AMEND: AmendmentPatterns = AmendmentPatterns {
    delete_paragraph: concat!(
        r"^(?:Исключить|Снять)\s+(?:(?P<ord>перв|втор|трет|четв|пят|шест|седьм|восьм|девят|десят|одиннадцат|двенадцат|последн)[а-яё]*\s+)?",
        r"пункт(?:\s+(?P<num>[0-9]+))?(?:\s+(?P<part>постановляющей\s+части|преамбулы))?\s*[.;]?\s*$"
    ),
    replace_words: concat!(
        r"^Во?\s+(?:(?P<ord>перв|втор|трет|четв|пят|шест|седьм|восьм|девят|десят|одиннадцат|двенадцат|последн)[а-яё]*\s+)?",
        r"пункте(?:\s+(?P<num>[0-9]+))?(?:\s+(?P<part>постановляющей\s+части|преамбулы))?\s*,?\s*",
        r"заменить\s+(?:слов[оа]\s+|выражение\s+)?[«„“]\s*(?P<q1>[^»“”]*?)\s*[»“”]\s+(?:словами\s+|словом\s+|выражением\s+|на\s+)",
        r"[«„“]\s*(?P<q2>[^»“”]*?)\s*[»“”]"
    ),
    delete_words: concat!(
        r"^Во?\s+(?:(?P<ord>перв|втор|трет|четв|пят|шест|седьм|восьм|девят|десят|одиннадцат|двенадцат|последн)[а-яё]*\s+)?",
        r"пункте(?:\s+(?P<num>[0-9]+))?(?:\s+(?P<part>постановляющей\s+части|преамбулы))?\s*,?\s*",
        r"исключить\s+(?:слов[оа]\s+|выражение\s+)?[«„“]\s*(?P<q1>[^»“”]*?)\s*[»“”]"
    ),
    insert_paragraph: concat!(
        r"^(?:(?:Включить|Вставить|Добавить)\s+)?(?P<where>после|перед)\s+",
        r"(?:(?P<ord>перв|втор|трет|четв|пят|шест|седьм|восьм|девят|десят|одиннадцат|двенадцат|последн)[а-яё]*\s+)?",
        r"пункта(?:\s+(?P<num>[0-9]+))?(?:\s+(?P<part>постановляющей\s+части|преамбулы))?\s*,?\s*",
        r"(?:(?:включить|вставить|добавить)\s+)?новый\s+пункт(?:\s+(?:преамбулы|постановляющей\s+части))?",
        r"(?:\s+следующего\s+содержания)?\s*[:,]?\s*[«„“]?\s*(?P<q1>.*?)\s*[»“”]?\s*$"
    ),
    add_words_at_end: concat!(
        r"^В\s+конце\s+(?:(?P<ord>перв|втор|трет|четв|пят|шест|седьм|восьм|девят|десят|одиннадцат|двенадцат|последн)[а-яё]*\s+)?",
        r"пункта(?:\s+(?P<num>[0-9]+))?(?:\s+(?P<part>постановляющей\s+части|преамбулы))?\s*,?\s*",
        r"добавить\s+(?:слов[оа]\s+)?[«„“]\s*(?P<q1>[^»“”]*?)\s*[»“”]"
    ),
    preambular: &["преамбулы"],
    before: &["перед"],
    ordinals: &["перв", "втор", "трет", "четв", "пят", "шест", "седьм", "восьм", "девят", "десят", "одиннадцат", "двенадцат"],
    last: "последн",
};

// Arabic, as the Arabic amendment documents write them: `تحذف الفقرة 3 من
// المنطوق` (also `يحذف`), `في الفقرة 4 من الديباجة، يستعاض عن عبارة «…»
// بعبارة «…»`, `تدرج بعد الفقرة الأولى من الديباجة فقرة جديدة نصها: «…»`,
// `تضاف عبارة «…» في نهاية الفقرة 12`. Ordinals are the feminine ones of
// `الفقرة`.
const AR_AMEND: AmendmentPatterns = AmendmentPatterns {
    delete_paragraph: concat!(
        r"^(?:تحذف|يحذف|تُحذف|يُحذف)\s+الفقرة(?:\s+(?P<ord>الأولى|الثانية|الثالثة|الرابعة|الخامسة|السادسة|السابعة|الثامنة|التاسعة|العاشرة|الحادية\s+عشرة|الثانية\s+عشرة|الأخيرة))?",
        r"(?:\s+(?P<num>[0-9٠-٩]+))?(?:\s+من\s+(?P<part>المنطوق|الديباجة|منطوق|ديباجة)(?:\s+مشروع\s+القرار)?)?\s*[.؛;]?\s*$"
    ),
    replace_words: concat!(
        r"^في\s+الفقرة(?:\s+(?P<ord>الأولى|الثانية|الثالثة|الرابعة|الخامسة|السادسة|السابعة|الثامنة|التاسعة|العاشرة|الحادية\s+عشرة|الثانية\s+عشرة|الأخيرة))?",
        r"(?:\s+(?P<num>[0-9٠-٩]+))?(?:\s+من\s+(?P<part>المنطوق|الديباجة|منطوق|ديباجة)(?:\s+مشروع\s+القرار)?)?\s*[،,]\s*",
        r#"(?:يستعاض|يُستعاض)\s+عن\s+(?:(?:عبارة|كلمة|الكلمات|العبارة)\s*)?[«"“]\s*(?P<q1>[^»"”]*?)\s*[»"”]\s+"#,
        r#"بـ?\s*(?:(?:عبارة|كلمة|الكلمات)\s*)?[«"“]\s*(?P<q2>[^»"”]*?)\s*[»"”]"#
    ),
    delete_words: concat!(
        r"^في\s+الفقرة(?:\s+(?P<ord>الأولى|الثانية|الثالثة|الرابعة|الخامسة|السادسة|السابعة|الثامنة|التاسعة|العاشرة|الحادية\s+عشرة|الثانية\s+عشرة|الأخيرة))?",
        r"(?:\s+(?P<num>[0-9٠-٩]+))?(?:\s+من\s+(?P<part>المنطوق|الديباجة|منطوق|ديباجة)(?:\s+مشروع\s+القرار)?)?\s*[،,]\s*",
        r#"(?:تحذف|يحذف|تُحذف|يُحذف)\s+(?:(?:عبارة|كلمة|الكلمات|العبارة)\s*)?[«"“]\s*(?P<q1>[^»"”]*?)\s*[»"”]"#
    ),
    insert_paragraph: concat!(
        r"^(?:تدرج|تُدرج|تضاف|تُضاف|يدرج|يضاف)\s+(?P<where>بعد|قبل)\s+الفقرة",
        r"(?:\s+(?P<ord>الأولى|الثانية|الثالثة|الرابعة|الخامسة|السادسة|السابعة|الثامنة|التاسعة|العاشرة|الحادية\s+عشرة|الثانية\s+عشرة|الأخيرة))?",
        r"(?:\s+(?P<num>[0-9٠-٩]+))?(?:\s+من\s+(?P<part>المنطوق|الديباجة|منطوق|ديباجة)(?:\s+مشروع\s+القرار)?)?\s*[،,]?\s*",
        r#"فقرة\s+جديدة(?:\s+نصها(?:\s+كما\s+يلي)?)?\s*[:،,]?\s*[«"“]?\s*(?P<q1>.*?)\s*[»"”]?\s*$"#
    ),
    add_words_at_end: concat!(
        r#"^(?:تضاف|تُضاف|يضاف|يُضاف)\s+(?:(?:عبارة|كلمة|الكلمات|العبارة)\s*)?[«"“]\s*(?P<q1>[^»"”]*?)\s*[»"”]\s+(?:في|إلى)\s+نهاية\s+الفقرة"#,
        r"(?:\s+(?P<ord>الأولى|الثانية|الثالثة|الرابعة|الخامسة|السادسة|السابعة|الثامنة|التاسعة|العاشرة|الحادية\s+عشرة|الثانية\s+عشرة|الأخيرة))?",
        r"(?:\s+(?P<num>[0-9٠-٩]+))?(?:\s+من\s+(?P<part>المنطوق|الديباجة|منطوق|ديباجة)(?:\s+مشروع\s+القرار)?)?"
    ),
    preambular: &["الديباجة", "ديباجة"],
    before: &["قبل"],
    ordinals: &[
        "الأولى",
        "الثانية",
        "الثالثة",
        "الرابعة",
        "الخامسة",
        "السادسة",
        "السابعة",
        "الثامنة",
        "التاسعة",
        "العاشرة",
        "الحادية عشرة",
        "الثانية عشرة",
    ],
    last: "الأخيرة",
};

/// The amendment patterns of a language.
pub fn amendment_patterns(lang: Language) -> Option<&'static AmendmentPatterns> {
    let _ = ZH_NUM;
    match lang {
        Language::En => Some(&EN_AMEND),
        Language::Zh => Some(&ZH_AMEND),
        Language::Fr => Some(&FR_AMEND),
        Language::Es => Some(&ES_AMEND),
        Language::Ru => Some(&RU_AMEND),
        Language::Ar => Some(&AR_AMEND),
    }
}

/// How a text cites a revision of a draft without its symbol: "paragraph 9
/// of Rev.1", `paragraphs 2, 3 and 9 of Rev.2`, `第1次修订稿第9段`,
/// `第9段（第1次修订稿）`. Regular expressions with a group `n` (the
/// revision's number, digits or a numeral): `after` is anchored at the end
/// of a paragraph reference and may skip the rest of a list of numbers;
/// `before` is anchored at the reference's start (it ends there).
pub struct RevisionForms {
    pub after: &'static str,
    pub before: Option<&'static str>,
}

const EN_REVISION: RevisionForms = RevisionForms {
    after: r"^(?:(?:\s*,\s*|\s+and\s+|\s+to\s+|\s*[-–]\s*)(?:paragraphs?\s+)?[0-9]+(?:\s*\([a-z]{1,4}\))?)*\s+(?:of|in)\s+(?:the\s+)?(?:Rev\.?\s*|revision\s+)(?P<n>[0-9]{1,2})\b",
    before: None,
};

const FR_REVISION: RevisionForms = RevisionForms {
    after: r"^(?:(?:\s*,\s*|\s+et\s+|\s+à\s+|\s*[-–]\s*)(?:paragraphes?\s+)?[0-9]+(?:\s*\([a-z]{1,4}\))?)*\s+(?:de\s+la|du|dans\s+la|dans\s+le)\s+(?:Rev\.?\s*|révision\s+)(?P<n>[0-9]{1,2})\b",
    before: None,
};

const ES_REVISION: RevisionForms = RevisionForms {
    after: r"^(?:(?:\s*,\s*|\s+y\s+|\s+a\s+|\s*[-–]\s*)(?:párrafos?\s+)?[0-9]+(?:\s*\([a-z]{1,4}\))?)*\s+(?:de\s+la|del|en\s+la)\s+(?:Rev\.?\s*|revisión\s+)(?P<n>[0-9]{1,2})\b",
    before: None,
};

const RU_REVISION: RevisionForms = RevisionForms {
    after: r"^(?:(?:\s*,\s*|\s+и\s+|\s*[-–]\s*)(?:пункт[а-я]*\s+)?[0-9]+(?:\s*\([а-яa-z]{1,4}\))?)*\s+(?:в\s+)?(?:Rev\.?\s*|пересмотренного\s+варианта\s+)(?P<n>[0-9]{1,2})\b",
    before: None,
};

const AR_REVISION: RevisionForms = RevisionForms {
    after: r"^(?:(?:\s*[,،]\s*|\s+و\s*|\s*[-–]\s*)(?:الفقر(?:ة|ات)\s+)?[0-9٠-٩]+)*\s+(?:من\s+|في\s+)?(?:Rev\.?\s*|التنقيح\s+)(?P<n>[0-9٠-٩]{1,2})\b",
    before: None,
};

const ZH_REVISION: RevisionForms = RevisionForms {
    after: r"^(?:\s*(?:[、，,和及至到-]|以及)\s*第?[0-9一二三四五六七八九十]+段?)*\s*[（(]\s*(?:第(?P<n>[0-9一二三四五六七八九十]{1,3})次(?:修订稿|订正本|修订本)|(?:Rev\.?\s*|修订稿|订正本)(?P<m>[0-9]{1,2}))\s*[)）]",
    before: Some(
        r"(?:第(?P<n>[0-9一二三四五六七八九十]{1,3})次(?:修订稿|订正本|修订本)|(?:Rev\.?\s*|修订稿|订正本)(?P<m>[0-9]{1,2}))(?:的|中的|中)?\s*$",
    ),
};

/// The ways a language cites a revision without its symbol.
pub fn revision_forms(lang: Language) -> &'static RevisionForms {
    match lang {
        Language::Zh => &ZH_REVISION,
        Language::En => &EN_REVISION,
        Language::Fr => &FR_REVISION,
        Language::Es => &ES_REVISION,
        Language::Ru => &RU_REVISION,
        Language::Ar => &AR_REVISION,
    }
}
