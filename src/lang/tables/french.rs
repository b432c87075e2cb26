//! The French table: `I. Introduction`, `Chapitre premier`, `A.`, `a)`/`i)`
//! (closing parenthesis only), `paragraphe 15 de la section II`,
//! `résolution 72/57`, `Votent pour :`, `par 12 voix contre 1 (Cuba), avec
//! 2 abstentions (Équateur, Yémen)`, `cible 16.4`.

use std::sync::OnceLock;

use super::{leak, LanguageData, NumeralStyle, VoteSide, NEVER};
use crate::lang::Language;

/// A number in a list of paragraphs: `15`, `8 a) ii)`, `8 (a)`, or a bare
/// subparagraph `a)`.
const NUM: &str = r"(?:[0-9]{1,4}(?:\s?\(?[a-z]{1,5}\))*|\(?[a-z]{1,5}\)(?:\s?\(?[ivx]{1,5}\))*)";

const RESNUM: &str = r"(?:[0-9]{1,4}\s*\((?:[0-9]{4}|(?:S-|ES-)?[IVXLC]+)\)|(?:S|ES)-[0-9]{1,2}/[0-9]{1,3}|[0-9]{1,2}/[0-9]{1,4}(?:\s+[A-H](?:\s*(?:et|à|-|–)\s*[A-H])?(?-u:\b))?|[0-9]{1,4}\s+[A-H](?:\s*(?:et|à|-|–)\s*[A-H])?\s*\((?:S-|ES-)?[IVXLC]+\))";

const ORGANS: &str = r"Conseil de sécurité|Assemblée générale|Conseil des droits de l['’]homme|Conseil économique et social|Commission des droits de l['’]homme|Conseil d['’]administration";

fn paragraph_reference() -> String {
    let range = format!(r"{NUM}(?:\s*(?:à|-|–)\s*{NUM})?");
    format!(
        r"(?-u:\b)(?:(?P<secword>[Ss]ection|[Cc]hapitre)\s+(?P<sec>[IVXLC]+)(?:\.(?P<sub>[A-Z]))?,?\s+)?(?:(?P<subkw>[Aa]linéas?|[Ss]ous-paragraphes?)|(?P<kw>[Pp]aragraphes?|[Pp]ar\.))\s*(?P<nums>{range}(?:(?:\s*,\s*{range})*,?\s+(?:et|ou)\s+{range})?)"
    )
}

fn resolutions() -> String {
    let date = r"(?:,?\s+(?:en\s+date\s+)?du\s+[0-9]{1,2}(?:er)?\s+[a-zéû]+\s+[0-9]{4})";
    format!(
        r"(?-u:\b)[Rr]ésolutions?(?:\s+(?:du|de\s+l['’]|de\s+la)\s*(?P<organ>{ORGANS}))?\s+(?P<list>{RESNUM}{date}?(?:(?:\s*,\s*(?:et\s+)?|\s+et\s+){RESNUM}{date}?)*)(?:\s+(?:du|de\s+l['’]|de\s+la)\s*(?P<organ2>{ORGANS}))?"
    )
}

/// Masthead lines (`LanguageData::masthead`), readable without building
/// the table.
pub(super) const MASTHEAD: &[&str] = &["nations unies", "assemblée générale", "conseil de sécurité"];

/// Numbers written as words (`LanguageData::number_words`), readable
/// without building the table.
pub(super) const NUMBER_WORDS: &[(&str, u32)] = &[
    ("aucune", 0),
    ("aucun", 0),
    ("zéro", 0),
    ("un", 1),
    ("une", 1),
    ("deux", 2),
    ("trois", 3),
    ("quatre", 4),
    ("cinq", 5),
    ("premier", 1),
    ("première", 1),
    ("1er", 1),
    ("1re", 1),
    ("deuxième", 2),
    ("seconde", 2),
    ("troisième", 3),
    ("quatrième", 4),
    ("cinquième", 5),
    ("sixième", 6),
];

pub(super) fn data() -> &'static LanguageData {
    static DATA: OnceLock<LanguageData> = OnceLock::new();
    DATA.get_or_init(|| LanguageData {
        language: Language::Fr,
        section_numerals: NumeralStyle::Roman,
        annex_heading: r"^(?:ANNEXES?|Annexes?)(?:\s+(?P<num>[IVXLC]+|[0-9]{1,2}))?\s*[.:]?$",
        part_heading: r"^(?:(?:PARTIE|Partie)\s+(?P<num>[IVXLC]+)(?-u:\b)|(?P<num2>Première|Deuxième|Troisième|Quatrième|Cinquième|Sixième|Seconde|PREMIÈRE|DEUXIÈME|TROISIÈME|QUATRIÈME)\s+(?:partie|PARTIE))[.:]?(?:\s*(?P<title>\S)|\s*$)",
        section_heading: r"^(?:(?:CHAPITRE|Chapitre)\s+(?P<num2>[IVXLC]+(?-u:\b)|premier|PREMIER)\.?|(?P<num>[IVXLC]+)\.)\s+(?P<title>\S)",
        subsection_heading: r"^(?P<num>[A-Z])(?:$|\.\s*$|\.\s+(?P<title>\S))",
        article_heading: r"^(?:ARTICLE|Article)\s+(?P<num>[0-9]{1,3}|premier|PREMIER|1er)\.?(?:\s+(?P<title>\S)|\s*$)",
        numbered_line: r"^(?P<num>[0-9]{1,4})\.(?:\s|$)",
        subparagraph_line: r"^\(?(?P<num>[a-z]{1,5})\)(?:\s|$)",
        preamble_formula: r"^(?:(?:L['’]\s?|Le\s+|La\s+|Les\s+)(?:Assemblée générale|Conseil de sécurité|Conseil économique et social|Conseil des droits de l['’]homme|Conseil de tutelle|Conférence|Conseil|Commission|États parties)\s*,?|(?:Assemblée générale|Conseil de sécurité)\s*,)$",
        vote_list_heading: r"^(?P<side>Votent pour|Votent contre|S['’]abstiennent|Ont voté pour|Ont voté contre|Se sont abstenus|Pour|Contre|Abstentions)\s*:",
        vote_sides: &[
            ("Votent pour", VoteSide::InFavour),
            ("Ont voté pour", VoteSide::InFavour),
            ("Pour", VoteSide::InFavour),
            ("Votent contre", VoteSide::Against),
            ("Ont voté contre", VoteSide::Against),
            ("Contre", VoteSide::Against),
            ("S'abstiennent", VoteSide::Abstaining),
            ("Se sont abstenus", VoteSide::Abstaining),
            ("Abstentions", VoteSide::Abstaining),
        ],
        none_words: &["Néant", "néant", "Aucun", "aucun", "Aucune"],
        name_separators: &[',', ';'],
        list_separators: &[',', ';'],
        final_conjunctions: &[" et "],
        outcome_document_words: &["document final", "Document final", "Déclaration", "déclaration"],
        sentence_ends: &[';'],
        full_stop_ends_sentence: true,
        paragraph_reference: leak(paragraph_reference()),
        section_reference: r"(?-u:\b)(?P<secword>[Ss]ections?|[Cc]hapitres?)\s+(?P<sec>[IVXLC]+)(?-u:\b)(?:\.(?P<sub>[A-Z])(?-u:\b))?|(?-u:\b)[Ss]ection\s+(?P<subonly>[A-H])\s+(?:ci-dessus|ci-dessous|ci-après)",
        annex_reference: r"(?-u:\b)(?P<annexword>[Aa]nnexes?)(?:\s+(?P<annex>[IVXLC]+)(?-u:\b)|(?P<present>\s+(?:à\s+la|de\s+la)\s+présente\s+(?:résolution|décision|note|déclaration)|\s+(?:au|du)\s+présent\s+(?:rapport|document)))",
        article_reference: r"(?-u:\b)[Aa]rticles?\s+(?P<nums>premier|[0-9]{1,3}(?:(?:\s*,\s*|\s+et\s+|\s+à\s+)[0-9]{1,3})*)",
        internal_after: r"^,?\s+(?:de\s+la\s+|du\s+|de\s+l['’]\s*|à\s+la\s+|dans\s+la\s+|au\s+|de\s+)(?:(?P<secword>section|chapitre)\s+(?P<sec>[IVXLC]+)(?-u:\b)|(?P<annexword>annexe)(?:\s+(?P<annex>[IVXLC]+)(?-u:\b))?|paragraphe\s+(?P<para>[0-9]{1,4})(?-u:\b))",
        direction_after: r"^,?\s+(?P<dir>(?P<above>ci-dessus|supra)|ci-dessous|infra)",
        document_before: NEVER,
        document_after: r"^,?\s+(?:de\s+la\s+|du\s+|de\s+l['’]\s*|à\s+la\s+|au\s+)(?P<q>(?:projet\s+de\s+)?(?P<outcome>document\s+final)|présente?\s+(?:résolution|rapport|décision|déclaration|document|annexe|note)|annexe\s+(?:à|de)\s+la\s+présente\s+(?:résolution|décision))",
        named_text_after: r#"^,?\s+(?:de\s+la\s+|du\s+|de\s+l['’]\s*|des\s+|de\s+)(?:document\s+|rapport\s+)?(?:[«“"]\s*(?P<quoted>[^»”"\n]+?)\s*[»”"]|(?P<name>Rev\.\s?[0-9]{1,2}))"#,
        external_gap_before: r"^\s*,\s*$",
        external_gap_after: r"^,?\s+(?:de\s+la\s+|du\s+|de\s+l['’]\s*|de\s+sa\s+|de\s+ladite\s+|de\s+cette\s+|à\s+la\s+|au\s+|dans\s+la\s+|de\s+)$",
        resolution_list: leak(resolutions()),
        security_council_words: &["Conseil de sécurité"],
        other_organs: &[
            "Conseil des droits de l'homme",
            "Conseil des droits de l’homme",
            "Conseil économique et social",
            "Commission des droits de l'homme",
            "Commission des droits de l’homme",
            "Conseil d'administration",
            "Conseil d’administration",
        ],
        instrument: r"(?-u:\b)(?P<name>Programme d['’]action(?: en vue de prévenir, combattre et éliminer le commerce illicite des armes légères sous tous ses aspects)?|Instrument international de traçage|Charte(?: des Nations Unies)?|Déclaration universelle des droits de l['’]homme|Programme de développement durable à l['’]horizon 2030|Programme d['’]action d['’]Addis-Abeba|Traité sur le commerce des armes|Accord de Paris|Cadre de Sendai pour la réduction des risques de catastrophe(?: \(?2015-2030\)?)?|Pacte international relatif aux droits (?:civils et politiques|économiques, sociaux et culturels)|Conventions? de Genève(?: de 1949)?|Statut de Rome de la Cour pénale internationale|règlement intérieur(?: provisoire)?)",
        rule_of_procedure: r"(?-u:\b)[Aa]rticles?\s+(?P<num>[0-9]{1,3})\s+du\s+règlement\s+intérieur(?:\s+provisoire)?",
        sdg: r"(?-u:\b)(?P<kw>[Oo]bjectifs?|[Cc]ibles?|[Ii]ndicateurs?)(?:\s+de\s+développement\s+durable)?\s+(?P<num>[0-9]{1,2}(?:\.(?:[0-9]{1,2}|[a-z]))*)(?:[^0-9./]|\.(?:[^0-9a-z]|$)|$)",
        vote_figures: r"(?:vote\s+enregistré,?\s+)?par\s+(?P<for>[0-9]{1,3})\s+voix\s+contre\s+(?P<against>[0-9]{1,3}|zéro|aucune|une|deux|trois|quatre|cinq)(?:\s*\((?P<against_names>[^)]+)\))?,?\s*(?:(?:avec|et)\s+(?P<abst>[0-9]{1,3}|aucune|une|deux|trois|quatre|cinq)\s+abstentions?(?:\s*\((?P<abst_names>[^)]+)\))?|sans\s+abstention)",
        vote_figures_hint: "voix contre",
        resolution_without_year: r"(?-u:\b)[Rr]ésolution\s+(?P<num>[0-9]{3,4})\s+du\s+Conseil\s+de\s+sécurité",
        resolution_number: RESNUM,
        paragraph_exclusion_after: r"^\s+(?:de\s+l['’]ordre\s+du\s+jour|de\s+l['’]ordre\s+du\s+jour\s+provisoire)",
        thereof_after: r"^,?\s+(?:de\s+celle-ci|de\s+celui-ci|dudit\s+texte)",
        present_text: r"présente?\s+(?:résolution|rapport|décision|déclaration)",
        lower_case_paragraphs: false,
        text_after: r"^,?\s+(?P<q>(?:(?P<anaphor>de\s+cette|de\s+ladite|dudit|desdite?s|du\s+même|de\s+la\s+même|de\s+ce\s+même|de\s+cette\s+même|de\s+sa|de\s+son|de\s+ses|de\s+leur)|de\s+la|du|de\s+l['’]|des|à\s+la|au)\s*(?P<words>(?:[\w’'\-]+\s+){0,3}?)(?P<noun>rapports?|résolutions?|décisions?|document|statut|étude|budget|propositions?|[Dd]éclaration|[Cc]onvention|[Tt]raité|[Pp]rotocole|[Aa]ccord|[Pp]rogramme|[Pp]lan|[Ss]tratégie|note|lettre|Charte|Pacte|Constitution)(?-u:\b)(?P<thereto>\s+y\s+relative|\s+y\s+annexée?)?(?P<tail>\s+(?:du|de\s+la|de\s+l['’])\s*[A-Z][\w’'\-]*(?:\s+(?:[A-Z][\w’'\-]*|de|du|des|la|le|et|sur|pour))*)?)",
        citation_gap_before: r"^(?:[\s,:()]|chap\.?\s+[IVXLC]+|sect\.?\s+[IVXLC]+(?:\.[A-Z])*|annexes?\s+[IVXLC]+(?:\s+(?:et|à)\s+[IVXLC]+)?|résumé|[Vv]ol\.\s+[IVXLC]+|résolution\s+[0-9]{1,3}|Supplément\s+no\s+[0-9]+[A-Z]?|voir(?:\s+aussi)?)*$",
        ibid: r"(?-u:\b)[Ii]bid\.",
        anaphor_before: r"(?-u:\b)(?P<q>ses|son|sa|leurs?)\s+$",
        coordinated_after: r"^(?:,?\s+(?:et|ou)\s+|,\s+)(?:tableaux?|figures?|encadrés?)\s+[0-9IVXLC]+(?:\.[0-9]+)?(?:(?:,\s*|\s+(?:et|à)\s+)[0-9IVXLC]+(?:\.[0-9]+)?)*",
        article_after: r"^,?\s+de\s+l['’]\s*[Aa]rticle\s+[0-9]{1,3}(?-u:\b)",
        direction_before: NEVER,
        named_text: r"(?-u:\b)(?P<name>(?:le|son|leur|ce)\s+rapport(?:\s+du\s+Secrétaire\s+général)?|l['’]avis\s+consultatif|(?:la|cette|les)\s+(?:résolutions?|décisions?|déclarations?)\s+(?:adoptées?\s+par\s+|de\s+)(?:l['’]\s*|la\s+|le\s+)[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|de|du|des|la|et))*|Documents\s+officiels\s+de\s+l['’]Assemblée\s+générale)(?-u:\b)",
        coordination: r"^[\s,;]*(?:(?:et|ou)\s+)?(?:(?:en\s+particulier|notamment|y\s+compris)\s*)?[\s,]*$",
        part_anaphor_after: r"^,?\s+(?P<q>(?:de\s+ce\s+même|de\s+cette\s+même|du\s+même|de\s+la\s+même|dudit|de\s+ladite|desdite?s|de\s+cet)\s+(?:(?P<article>articles?)|sections?|chapitres?|annexes?|parties?)(?-u:\b))",
        part_anaphor_before: NEVER,
        requested_in: r"^\s*(?:\([^()\n]{1,40}\)\s*)?,?\s*(?:qui\s+(?:a|ont)\s+été\s+)?(?:demandée?s?|visée?s?|prévue?s?|mentionnée?s?|présentée?s?|établie?s?)\s+(?:en\s+application\s+du|conformément\s+au|au|aux|dans\s+le)\s+$",
        detect_words: &["le", "les", "des", "du", "et", "une", "aux", "qui", "dans", "sur"],
        masthead: MASTHEAD,
        number_words: NUMBER_WORDS,
        resolution_in_numerals: NEVER,
        operative_verbs: &["Décide", "Prie", "Demande", "Invite", "Exhorte", "Engage", "Encourage", "Déclare", "Exige", "Recommande", "Autorise", "Approuve", "Accueille", "Condamne", "Souligne", "Réaffirme", "Prend", "Exprime", "Lance"],
    })
}
