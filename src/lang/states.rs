//! Names of States in the six languages, from UNTERM (embedded from
//! `data/unterm_state_names.csv`), plus former official names that documents
//! of their time still use. Used to recognise, split and count the names in
//! recorded votes and lists of speakers.

use crate::hash::FastMap;
use std::sync::OnceLock;

use super::Language;

const CSV: &str = include_str!("../../data/unterm_state_names.csv");

/// Former or alternative official names, by ISO code and language. A document
/// from 2018 says "the former Yugoslav Republic of Macedonia"; that is a State,
/// not an unknown name.
const FORMER_NAMES: &[(&str, Language, &str)] = &[
    ("MKD", Language::En, "the former Yugoslav Republic of Macedonia"),
    ("MKD", Language::Zh, "前南斯拉夫的马其顿共和国"),
    ("MKD", Language::Fr, "l'ex-République yougoslave de Macédoine"),
    ("MKD", Language::Es, "la ex República Yugoslava de Macedonia"),
    ("MKD", Language::Ru, "бывшая югославская Республика Македония"),
    ("MKD", Language::Ar, "جمهورية مقدونيا اليوغوسلافية السابقة"),
    ("SWZ", Language::En, "Swaziland"),
    ("SWZ", Language::Zh, "斯威士兰"),
    ("TUR", Language::En, "Turkey"),
    ("TUR", Language::Zh, "土耳其"),
    ("CZE", Language::En, "Czech Republic"),
    ("CZE", Language::Zh, "捷克共和国"),
    ("CPV", Language::En, "Cape Verde"),
    ("CPV", Language::Fr, "Cap-Vert"),
    ("CPV", Language::Ar, "الرأس الأخضر"),
    ("SWZ", Language::Fr, "Swaziland"),
    ("SWZ", Language::Es, "Swazilandia"),
    ("SWZ", Language::Ru, "Свазиленд"),
    ("SWZ", Language::Ar, "سوازيلند"),
    ("CZE", Language::Fr, "République tchèque"),
    ("CZE", Language::Es, "República Checa"),
    // Rows the UNTERM extract lacks.
    ("CIV", Language::En, "Côte d'Ivoire"),
    ("CIV", Language::Fr, "Côte d'Ivoire"),
    ("CIV", Language::Es, "Côte d'Ivoire"),
    ("CIV", Language::Ru, "Кот-д'Ивуар"),
    ("CIV", Language::Zh, "科特迪瓦"),
    ("CIV", Language::Ar, "كوت ديفوار"),
    ("TUR", Language::En, "Türkiye"),
    ("TUR", Language::Fr, "Türkiye"),
    ("TUR", Language::Fr, "Turquie"),
    ("TUR", Language::Es, "Türkiye"),
    ("TUR", Language::Es, "Turquía"),
    ("TUR", Language::Ru, "Турция"),
    ("TUR", Language::Ar, "تركيا"),
    ("CIV", Language::En, "Ivory Coast"),
    ("PSE", Language::En, "State of Palestine"),
    ("VAT", Language::En, "Holy See"),
    // Historical names: the States and short forms that the votes and lists
    // of older resolutions (1946 on) name. A State that no longer exists
    // keeps its own code (SUN, DDR, CSK, YUG, YMD); a renamed one takes its
    // successor's.
    ("SUN", Language::En, "Union of Soviet Socialist Republics"),
    ("SUN", Language::Fr, "Union des Républiques socialistes soviétiques"),
    ("SUN", Language::Es, "Unión de Repúblicas Socialistas Soviéticas"),
    ("SUN", Language::Ru, "Союз Советских Социалистических Республик"),
    ("SUN", Language::Zh, "苏维埃社会主义共和国联盟"),
    ("SUN", Language::Zh, "苏维埃社会主义共和国联邦"),
    ("SUN", Language::Zh, "苏联"),
    ("SUN", Language::Ar, "اتحاد الجمهوريات الاشتراكية السوفياتية"),
    ("UKR", Language::En, "Ukrainian Soviet Socialist Republic"),
    ("UKR", Language::Fr, "République socialiste soviétique d'Ukraine"),
    ("UKR", Language::Es, "República Socialista Soviética de Ucrania"),
    ("UKR", Language::Ru, "Украинская Советская Социалистическая Республика"),
    ("UKR", Language::Zh, "乌克兰苏维埃社会主义共和国"),
    ("BLR", Language::En, "Byelorussian Soviet Socialist Republic"),
    ("BLR", Language::Fr, "République socialiste soviétique de Biélorussie"),
    ("BLR", Language::Es, "República Socialista Soviética de Bielorrusia"),
    ("BLR", Language::Ru, "Белорусская Советская Социалистическая Республика"),
    ("BLR", Language::Zh, "白俄罗斯苏维埃社会主义共和国"),
    ("DDR", Language::En, "German Democratic Republic"),
    ("DDR", Language::Fr, "République démocratique allemande"),
    ("DDR", Language::Es, "República Democrática Alemana"),
    ("DDR", Language::Ru, "Германская Демократическая Республика"),
    ("DDR", Language::Zh, "德意志民主共和国"),
    ("CSK", Language::En, "Czechoslovakia"),
    ("CSK", Language::Fr, "Tchécoslovaquie"),
    ("CSK", Language::Es, "Checoslovaquia"),
    ("CSK", Language::Ru, "Чехословакия"),
    ("CSK", Language::Zh, "捷克斯洛伐克"),
    ("CSK", Language::Ar, "تشيكوسلوفاكيا"),
    ("YUG", Language::En, "Yugoslavia"),
    ("YUG", Language::Fr, "Yougoslavie"),
    ("YUG", Language::Es, "Yugoslavia"),
    ("YUG", Language::Ru, "Югославия"),
    ("YUG", Language::Zh, "南斯拉夫"),
    ("YUG", Language::Ar, "يوغوسلافيا"),
    ("YMD", Language::En, "Democratic Yemen"),
    ("YMD", Language::Fr, "Yémen démocratique"),
    ("YMD", Language::Zh, "民主也门"),
    ("SYR", Language::En, "Syria"),
    ("SYR", Language::Fr, "Syrie"),
    ("SYR", Language::Es, "Siria"),
    ("SYR", Language::Ru, "Сирия"),
    ("SYR", Language::Zh, "叙利亚"),
    ("SYR", Language::Ar, "سوريا"),
    ("SYR", Language::Ar, "سورية"),
    ("IRN", Language::En, "Iran"),
    ("IRN", Language::Fr, "Iran"),
    ("IRN", Language::Es, "Irán"),
    ("IRN", Language::Ru, "Иран"),
    ("IRN", Language::Zh, "伊朗"),
    ("IRN", Language::Ar, "إيران"),
    ("EGY", Language::En, "United Arab Republic"),
    ("EGY", Language::Fr, "République arabe unie"),
    ("EGY", Language::Zh, "阿拉伯联合共和国"),
    ("COD", Language::En, "Zaire"),
    ("COD", Language::Fr, "Zaïre"),
    ("COD", Language::Zh, "扎伊尔"),
    ("MMR", Language::En, "Burma"),
    ("MMR", Language::Fr, "Birmanie"),
    ("LKA", Language::En, "Ceylon"),
    ("LKA", Language::Fr, "Ceylan"),
    ("LKA", Language::Zh, "锡兰"),
    ("BEN", Language::En, "Dahomey"),
    ("BFA", Language::En, "Upper Volta"),
    ("BFA", Language::Fr, "Haute-Volta"),
    ("KHM", Language::En, "Democratic Kampuchea"),
    ("KHM", Language::En, "Khmer Republic"),
    ("KHM", Language::Fr, "Kampuchea démocratique"),
    ("LBY", Language::En, "Libyan Arab Jamahiriya"),
    ("LBY", Language::Fr, "Jamahiriya arabe libyenne"),
    ("LBY", Language::Zh, "阿拉伯利比亚民众国"),
    ("ZAF", Language::En, "Union of South Africa"),
    ("CHN", Language::Zh, "中华民国"),
    ("CPV", Language::Zh, "佛得角"),
];

/// Traditional characters that the names of States written in older Chinese
/// texts use, with the simplified form the table has.
/// Pairs of characters, traditional then simplified.
const TRADITIONAL: &str = "國国聯联蘭兰維维會会義义蘇苏堅坚衆众眾众亞亚爾尔與与馬马島岛門门烏乌薩萨羅罗盧卢納纳內内倫伦紐纽達达麥麦龍龙萊莱葉叶勞劳幾几韓韩剛刚開开華华東东衛卫濟济愛爱瑪玛贊赞聖圣約约歐欧萬万賴赖錫锡緬缅湯汤貝贝費费臘腊喬乔來来麗丽漢汉敘叙資资脫脱茲兹別别庫库該该蓋盖韋韦邁迈灣湾臺台獨独諾诺時时奧奥顛颠賓宾頓顿紀纪陸陆";

/// One State: its ISO 3166 alpha-3 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StateId(pub [u8; 3]);

impl StateId {
    pub fn code(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

/// Folded name → State in one language.
type NameMap = FastMap<String, StateId>;

/// The names of `lang` (indexed by `lang_index`), each language's read
/// from the table when first looked up: a session reads one or two.
fn names(lang: Language) -> &'static NameMap {
    static MAPS: [OnceLock<NameMap>; 6] = [const { OnceLock::new() }; 6];
    MAPS[lang_index(lang)].get_or_init(|| names_of(lang))
}

/// The columns of the table's names in each language: the short and the
/// formal name.
const COLUMNS: [(usize, Language); 12] = [
    (2, Language::En),
    (3, Language::Fr),
    (4, Language::Es),
    (5, Language::Ru),
    (6, Language::Zh),
    (7, Language::Ar),
    (8, Language::En),
    (9, Language::Fr),
    (10, Language::Es),
    (11, Language::Ru),
    (12, Language::Zh),
    (13, Language::Ar),
];

/// The names of `lang`: those of the table, a State's short name before its
/// formal one, then the former names (a name read twice keeps its first State).
fn names_of(lang: Language) -> NameMap {
    let mut map = NameMap::default();
    let columns: Vec<usize> = COLUMNS.iter().filter(|(_, l)| *l == lang).map(|(col, _)| *col).collect();
    for line in CSV.lines().skip(1) {
        let fields = split_csv_line(line);
        let Some(code) = fields.first().filter(|c| c.len() == 3) else { continue };
        let mut id = [0u8; 3];
        id.copy_from_slice(code.as_bytes());
        for &col in &columns {
            if let Some(name) = fields.get(col) {
                for key in name_keys(lang, name) {
                    map.entry(key).or_insert(StateId(id));
                }
            }
        }
    }
    for (code, _, name) in FORMER_NAMES.iter().filter(|(_, l, _)| *l == lang) {
        let mut id = [0u8; 3];
        id.copy_from_slice(code.as_bytes());
        for key in name_keys(lang, name) {
            map.entry(key).or_insert(StateId(id));
        }
    }
    map
}

/// The longest folded name of any language, in bytes: a longer piece of
/// text is no name (a unit test holds it to the table).
const LONGEST_NAME: usize = 111;

fn split_csv_line(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    out.push(field);
    out
}

/// The lookup keys for a name: as written, and without a leading article or
/// a trailing French article in parentheses ("Afghanistan (l')").
fn name_keys(lang: Language, name: &str) -> Vec<String> {
    // Observer States are marked "Holy See (the) *".
    let name = name.trim().trim_end_matches(" *").trim();
    if name.is_empty() {
        return Vec::new();
    }
    let mut keys = vec![normalize(name)];
    let mut stripped = name.to_string();
    for article in ["the ", "la ", "le ", "les ", "l'", "el ", "los ", "las "] {
        if let Some(rest) = stripped.strip_prefix(article) {
            stripped = rest.to_string();
            break;
        }
    }
    // "Netherlands (the)", "Afghanistan (l')": an article in parentheses.
    if let Some(open) = stripped.rfind(" (") {
        let inner = &stripped[open + 2..];
        if matches!(inner, "the)" | "la)" | "le)" | "l')" | "les)" | "el)" | "los)" | "las)") {
            stripped.truncate(open);
        }
    }
    let _ = lang;
    keys.push(normalize(&stripped));
    keys.dedup();
    keys
}

/// Folds case, whitespace and apostrophe variants so that a name matches as a
/// reader would match it.
pub fn normalize(name: &str) -> String {
    normalize_cow(name).into_owned()
}

/// [`normalize`] without copying a name that is already folded (all
/// Chinese names are).
pub fn normalize_cow(name: &str) -> std::borrow::Cow<'_, str> {
    if is_folded(name) {
        return std::borrow::Cow::Borrowed(name);
    }
    std::borrow::Cow::Owned(fold(name))
}

/// Whether [`normalize`] leaves `name` as it is: lower-case ASCII letters,
/// single spaces inside, and characters from U+4000 on (CJK) — one pass over
/// its bytes. (A tatweel, which folding drops, leads with 0xD9: not folded.)
fn is_folded(name: &str) -> bool {
    let bytes = name.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut space = false;
    for &b in bytes {
        if b == b' ' {
            if space {
                return false;
            }
            space = true;
        } else if b.is_ascii_lowercase() || b >= 0xE4 || (0x80..0xC0).contains(&b) {
            space = false;
        } else {
            return false;
        }
    }
    true
}

/// [`lookup_normalized`] of `normalize(name)`, folded into a buffer the
/// thread keeps rather than a new string (a piece of a list that is no
/// State needs no key of its own).
pub fn lookup_folding(lang: Language, name: &str) -> Option<StateId> {
    if is_folded(name) {
        return lookup_normalized(lang, name);
    }
    thread_local! {
        static FOLDED: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    FOLDED.with_borrow_mut(|folded| {
        fold_into(name, folded);
        lookup_normalized(lang, folded)
    })
}

fn fold(name: &str) -> String {
    let mut out = String::new();
    fold_into(name, &mut out);
    out
}

/// `out` becomes `name` folded (see [`normalize`]).
fn fold_into(name: &str, out: &mut String) {
    out.clear();
    if name.is_ascii() {
        // The loop below, for ASCII alone (English names, most of them):
        // nothing to compose, no character to map; blanks other than single
        // spaces are rare.
        let trimmed = name.trim();
        let mut blank = false;
        let plain_blanks = trimmed.bytes().all(|b| {
            let was = blank;
            blank = b.is_ascii_whitespace();
            !blank || (b == b' ' && !was)
        });
        if plain_blanks {
            out.push_str(trimmed);
            out.make_ascii_lowercase();
            return;
        }
        out.reserve(name.len());
        let mut space = false;
        for b in trimmed.bytes() {
            if !b.is_ascii_whitespace() {
                out.push(char::from(b.to_ascii_lowercase()));
                space = false;
            } else if !space {
                out.push(' ');
                space = true;
            }
        }
        return;
    }
    out.push_str(&fold_chars(name));
}

fn fold_chars(name: &str) -> String {
    // Decomposed accents (`E` + U+0301) as the table writes them (`É`).
    let name = super::nfd::compose(name);
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.trim().chars() {
        if c.is_ascii() && !c.is_ascii_whitespace() {
            out.push(c.to_ascii_lowercase());
            space = false;
            continue;
        }
        if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
            out.push(c);
            space = false;
            continue;
        }
        let c = match c {
            '’' | '‘' => '\'',
            // Arabic tatweel and diacritics; every alef as a bare alef.
            c if super::numerals::is_arabic_mark(c) => continue,
            'أ' | 'إ' | 'آ' => 'ا',
            'ى' => 'ي',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' {
            if !space {
                out.push(' ');
            }
            space = true;
            continue;
        }
        space = false;
        out.extend(c.to_lowercase());
    }
    out
}

/// Looks up a State by one of its names in `lang` (short, formal or former).
pub fn lookup(lang: Language, name: &str) -> Option<StateId> {
    if name.len() > LONGEST_NAME + 8 {
        return None;
    }
    lookup_folding(lang, name)
}

/// Looks up a name already folded by [`normalize`].
pub fn lookup_normalized(lang: Language, key: &str) -> Option<StateId> {
    if key.len() > LONGEST_NAME + 8 {
        return None;
    }
    let map = names(lang);
    let found = map.get(key).or_else(|| map.get(key.strip_prefix("the ")?)).copied();
    if found.is_none() && lang == Language::Zh && key.chars().any(|c| simplified(c) != c) {
        // `美利堅合衆國`: an older text in traditional characters.
        let simplified: String = key.chars().map(simplified).collect();
        return map.get(&simplified).copied();
    }
    found
}

/// The traditional characters of [`TRADITIONAL`], sorted with their
/// simplified forms, and a bitmap of them by code point modulo 1024 (a
/// character whose bit is clear is none: most are looked up no further).
struct Traditional {
    pairs: Vec<(char, char)>,
    bits: [u64; 16],
}

fn traditional() -> &'static Traditional {
    static TABLE: OnceLock<Traditional> = OnceLock::new();
    TABLE.get_or_init(|| {
        let chars: Vec<char> = TRADITIONAL.chars().collect();
        let mut pairs: Vec<(char, char)> = chars.chunks_exact(2).map(|p| (p[0], p[1])).collect();
        pairs.sort_unstable();
        let mut bits = [0u64; 16];
        for &(t, _) in &pairs {
            let i = t as usize % 1024;
            bits[i / 64] |= 1 << (i % 64);
        }
        Traditional { pairs, bits }
    })
}

/// The simplified form of a traditional character of a State name.
fn simplified(c: char) -> char {
    let t = traditional();
    let i = c as usize % 1024;
    if c < '\u{4E00}' || t.bits[i / 64] & (1 << (i % 64)) == 0 {
        return c;
    }
    t.pairs.binary_search_by_key(&c, |&(t, _)| t).map_or(c, |i| t.pairs[i].1)
}

fn lang_index(lang: Language) -> usize {
    Language::ALL.iter().position(|&l| l == lang).unwrap_or(0)
}

/// The longest known name, in bytes.
pub fn longest_name() -> usize {
    LONGEST_NAME
}

/// The short names of the States in `lang`, as a reader writes them in a
/// list (without the article UNTERM adds, "Afghanistan (l')" → "Afghanistan"),
/// for suggesting a name.
fn short_names(lang: Language) -> &'static [String] {
    static NAMES: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    let all = NAMES.get_or_init(|| {
        let mut out = vec![Vec::new(); Language::ALL.len()];
        let columns = [(2, Language::En), (3, Language::Fr), (4, Language::Es), (5, Language::Ru), (6, Language::Zh), (7, Language::Ar)];
        for line in CSV.lines().skip(1) {
            let fields = split_csv_line(line);
            for (col, l) in columns {
                if let Some(name) = fields.get(col) {
                    let name = name.trim().trim_end_matches(" *").trim();
                    let name = match name.rfind(" (") {
                        Some(open) if matches!(&name[open + 2..], "the)" | "la)" | "le)" | "l')" | "les)" | "el)" | "los)" | "las)") => {
                            &name[..open]
                        }
                        _ => name,
                    };
                    out[lang_index(l)].push(name.to_string());
                }
            }
        }
        for (_, l, name) in FORMER_NAMES {
            out[lang_index(*l)].push(name.to_string());
        }
        out
    });
    &all[lang_index(lang)]
}

/// The State name in `lang` closest to an unknown `name` (a misspelling:
/// "Ecuadr" → "Ecuador"), if one is within two edits (one for short names).
pub fn closest(lang: Language, name: &str) -> Option<&'static str> {
    let key: Vec<char> = normalize(name).chars().collect();
    if key.is_empty() {
        return None;
    }
    let limit = if key.len() >= 6 { 2 } else { 1 };
    let mut best: Option<(usize, &'static str)> = None;
    for candidate in short_names(lang) {
        let other: Vec<char> = normalize(candidate).chars().collect();
        if other.len().abs_diff(key.len()) > limit {
            continue;
        }
        let d = edit_distance(&key, &other);
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, candidate.as_str()));
        }
    }
    best.map(|(_, n)| n)
}

fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Whether a name in a list is an organisation rather than a State (the
/// European Union, an intergovernmental organisation, a committee): such
/// names are expected in lists of speakers and are never called unknown.
pub fn is_organisation(name: &str) -> bool {
    const WORDS: &[&str] = &[
        // English, French, Spanish.
        "union",
        "organization",
        "organisation",
        "organización",
        "community",
        "communauté",
        "comunidad",
        "commission",
        "comisión",
        "committee",
        "comité",
        "bank",
        "banque",
        "banco",
        "fund",
        "fonds",
        "fondo",
        "league",
        "ligue",
        "liga",
        "movement",
        "mouvement",
        "movimiento",
        "council",
        "conseil",
        "consejo",
        "agency",
        "agence",
        "organismo",
        "programme",
        "programa",
        "institute",
        "institut",
        "instituto",
        "secretariat",
        "secrétariat",
        "secretaría",
        "office",
        "bureau",
        "oficina",
        "group",
        "groupe",
        "grupo",
        "forum",
        "foro",
        "centre",
        "center",
        "centro",
        "association",
        "asociación",
        "federation of",
        "fédération internationale",
        "red cross",
        "croix-rouge",
        "cruz roja",
        "observer",
        "observateur",
        "observador",
        // Russian.
        "союз",
        "организац",
        "сообществ",
        "комисси",
        "комитет",
        "движени",
        "банк",
        "фонд",
        "лиг",
        "совет",
        "программ",
        "институт",
        "секретариат",
        "группа",
        "наблюдател",
        // Arabic.
        "منظمة",
        "الاتحاد الأوروبي",
        "الاتحاد الأفريقي",
        "الاتحاد البرلماني",
        "جامعة الدول العربية",
        "اللجنة",
        "لجنة",
        "الجماعة",
        "مجلس",
        "صندوق",
        "بنك",
        "حركة",
        "برنامج",
        "معهد",
        "مكتب",
        "مراقب",
        // Chinese.
        "联盟",
        "组织",
        "共同体",
        "委员会",
        "银行",
        "基金",
        "运动",
        "联合会",
        "秘书处",
        "理事会",
        "署",
        "观察员",
        "办事处",
        "集团",
    ];
    let lower = normalize(name);
    WORDS.iter().any(|w| lower.contains(&normalize(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_name_is_the_tables() {
        let longest = Language::ALL.iter().flat_map(|&l| names(l).keys()).map(String::len).max();
        assert_eq!(longest, Some(LONGEST_NAME));
    }

    /// Each language's names read alone are those read with every
    /// language's, in one pass over the table as they once were.
    #[test]
    fn each_language_reads_the_names_of_all() {
        let mut by_name: Vec<NameMap> = vec![NameMap::default(); Language::ALL.len()];
        for line in CSV.lines().skip(1) {
            let fields = split_csv_line(line);
            let Some(code) = fields.first().filter(|c| c.len() == 3) else { continue };
            let id = StateId(code.as_bytes().try_into().expect("three letters"));
            for (col, lang) in COLUMNS {
                for key in fields.get(col).map(|name| name_keys(lang, name)).unwrap_or_default() {
                    by_name[lang_index(lang)].entry(key).or_insert(id);
                }
            }
        }
        for (code, lang, name) in FORMER_NAMES {
            for key in name_keys(*lang, name) {
                by_name[lang_index(*lang)].entry(key).or_insert(StateId(code.as_bytes().try_into().expect("three letters")));
            }
        }
        for lang in Language::ALL {
            assert_eq!(names(lang), &by_name[lang_index(lang)], "{lang}");
        }
    }

    #[test]
    fn ascii_names_fold_as_any_name_does() {
        for name in [
            "United States of America",
            "  Côte",
            "the  United\n Kingdom\tof",
            "GUINEA-\nBISSAU ",
            "a\u{b}b",
            "\r\n",
            "",
            "Saint Kitts and Nevis (the)",
        ] {
            if name.is_ascii() {
                assert_eq!(fold(name), fold_chars(name), "{name:?}");
            }
        }
        for line in CSV.lines() {
            for field in split_csv_line(line) {
                if field.is_ascii() {
                    assert_eq!(fold(&field), fold_chars(&field), "{field:?}");
                }
            }
        }
    }

    #[test]
    fn finds_short_formal_and_former_names() {
        assert_eq!(lookup(Language::Zh, "肯尼亚").map(|s| s.code().to_string()), Some("KEN".into()));
        assert!(lookup(Language::Zh, "大不列颠及北爱尔兰联合王国").is_some());
        assert!(lookup(Language::Zh, "前南斯拉夫的马其顿共和国").is_some());
        assert!(lookup(Language::En, "United Kingdom of Great Britain and Northern Ireland").is_some());
        assert!(lookup(Language::En, "the former Yugoslav Republic of Macedonia").is_some());
        assert!(lookup(Language::Fr, "Afghanistan").is_some());
        assert!(lookup(Language::Zh, "欧洲联盟").is_none());
    }

    #[test]
    fn names_match_through_accents_diacritics_and_observer_marks() {
        let code = |lang, name| lookup(lang, name).map(|s| s.code().to_string());
        assert_eq!(code(Language::Fr, "E\u{301}quateur").as_deref(), Some("ECU"));
        assert_eq!(code(Language::Fr, "Saint-Siège").as_deref(), Some("VAT"));
        assert_eq!(code(Language::Es, "Estado de Palestina").as_deref(), Some("PSE"));
        assert_eq!(code(Language::Ru, "Росси\u{438}\u{306}ская Федерация").as_deref(), Some("RUS"));
        assert_eq!(code(Language::Ar, "الاتحاد الروسي").as_deref(), Some("RUS"));
        assert_eq!(code(Language::Ar, "إثيوبيـا").as_deref(), Some("ETH"));
        assert_eq!(code(Language::Ar, "الأُرْدُنّ").as_deref(), Some("JOR"));
        assert_eq!(code(Language::Ar, "اثيوبيا").as_deref(), Some("ETH"));
        assert_eq!(code(Language::Ar, "إيران (جمهورية - الإسلامية)").as_deref(), Some("IRN"));
        assert_eq!(code(Language::Es, "Swazilandia").as_deref(), Some("SWZ"));
    }

    #[test]
    fn historical_names_and_traditional_characters() {
        let code = |lang, name| lookup(lang, name).map(|s| s.code().to_string());
        assert_eq!(code(Language::En, "Union of Soviet Socialist Republics").as_deref(), Some("SUN"));
        assert_eq!(code(Language::En, "Yugoslavia").as_deref(), Some("YUG"));
        assert_eq!(code(Language::Fr, "Syrie").as_deref(), Some("SYR"));
        assert_eq!(code(Language::Zh, "叙利亚").as_deref(), Some("SYR"));
        assert_eq!(code(Language::Zh, "美利堅合衆國").as_deref(), Some("USA"));
        assert_eq!(code(Language::Zh, "蘇維埃社會主義共和國聯邦").as_deref(), Some("SUN"));
        assert_eq!(code(Language::Zh, "烏克蘭蘇維埃社會主義共和國").as_deref(), Some("UKR"));
        // Traditional characters are read in Chinese only.
        assert_eq!(code(Language::En, "中國"), None);
    }

    #[test]
    fn suggestions_and_organisations() {
        assert_eq!(closest(Language::En, "Ecuadr"), Some("Ecuador"));
        assert_eq!(closest(Language::Fr, "Équatuer"), Some("Équateur"));
        assert_eq!(closest(Language::Ar, "كوبة"), Some("كوبا"));
        assert_eq!(closest(Language::En, "Atlantis"), None);
        assert!(is_organisation("欧洲联盟"));
        assert!(is_organisation("European Union"));
        assert!(is_organisation("الاتحاد الأوروبي"));
        assert!(!is_organisation("الاتحاد الروسي"));
        assert!(!is_organisation("Russian Federation"));
        assert!(!is_organisation("United Kingdom of Great Britain and Northern Ireland"));
    }
}
