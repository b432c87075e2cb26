//! The Spanish table: `I. Introducción`, `Capítulo III`, `A.`, `a)`/`i)`
//! (closing parenthesis only), `párrafo 8 a) ii) de la resolución 986
//! (1995)`, `anexo II`, `resolución 64/254`, `Votos a favor:`, `por 12 votos
//! contra 1 (Cuba) y 2 abstenciones (Ecuador, Yemen)`, `meta 16.4`.

use std::sync::OnceLock;

use super::{leak, LanguageData, NumeralStyle, VoteSide, NEVER};
use crate::lang::Language;

/// A number in a list of paragraphs: `15`, `8 a) ii)`, `8 (a)`, or a bare
/// subparagraph `a)`.
const NUM: &str = r"(?:[0-9]{1,4}(?:\s?\(?[a-z]{1,5}\))*|\(?[a-z]{1,5}\)(?:\s?\(?[ivx]{1,5}\))*)";

const RESNUM: &str = r"(?:[0-9]{1,4}\s*\((?:[0-9]{4}|(?:S-|ES-)?[IVXLC]+)\)|(?:S|ES)-[0-9]{1,2}/[0-9]{1,3}|[0-9]{1,2}/[0-9]{1,4}(?:\s+[A-H](?:\s*(?:y|a|-|–)\s*[A-H])?(?-u:\b))?|[0-9]{1,4}\s+[A-H](?:\s*(?:y|a|-|–)\s*[A-H])?\s*\((?:S-|ES-)?[IVXLC]+\))";

const ORGANS: &str = r"Consejo de Seguridad|Asamblea General|Consejo de Derechos Humanos|Consejo Económico y Social|Comisión de Derechos Humanos|Junta Ejecutiva";

fn paragraph_reference() -> String {
    let range = format!(r"{NUM}(?:\s*(?:a|al|-|–)\s*{NUM})?");
    format!(
        r"(?-u:\b)(?:(?P<secword>[Ss]ección|[Cc]apítulo)\s+(?P<sec>[IVXLC]+)(?:\.(?P<sub>[A-Z]))?,?\s+)?(?:(?P<subkw>[Aa]partados?|[Ii]ncisos?|[Ss]ubpárrafos?)|(?P<kw>[Pp]árrafos?|[Pp]árrs?\.))\s*(?P<nums>{range}(?:(?:\s*,\s*{range})*,?\s+(?:y|e|o|u)\s+{range})?)"
    )
}

fn resolutions() -> String {
    let date = r"(?:,?\s+de\s+[0-9]{1,2}\s+de\s+[a-z]+\s+de\s+[0-9]{4})";
    format!(
        r"(?-u:\b)[Rr]esoluci(?:ón|ones)(?:\s+(?:del|de\s+la)\s+(?P<organ>{ORGANS}))?\s+(?P<list>{RESNUM}{date}?(?:(?:\s*,\s*(?:y\s+)?|\s+y\s+){RESNUM}{date}?)*)(?:\s+(?:del|de\s+la)\s+(?P<organ2>{ORGANS}))?"
    )
}

/// Masthead lines (`LanguageData::masthead`), readable without building
/// the table.
pub(super) const MASTHEAD: &[&str] = &["naciones unidas", "asamblea general", "consejo de seguridad"];

/// Numbers written as words (`LanguageData::number_words`), readable
/// without building the table.
pub(super) const NUMBER_WORDS: &[(&str, u32)] = &[
    ("ninguno", 0),
    ("ninguna", 0),
    ("uno", 1),
    ("dos", 2),
    ("tres", 3),
    ("cuatro", 4),
    ("cinco", 5),
    ("primero", 1),
    ("primera", 1),
    ("segunda", 2),
    ("tercera", 3),
    ("cuarta", 4),
    ("quinta", 5),
    ("sexta", 6),
];

pub(super) fn data() -> &'static LanguageData {
    static DATA: OnceLock<LanguageData> = OnceLock::new();
    DATA.get_or_init(|| LanguageData {
        language: Language::Es,
        section_numerals: NumeralStyle::Roman,
        annex_heading: r"^(?:ANEXOS?|Anexos?)(?:\s+(?P<num>[IVXLC]+|[0-9]{1,2}))?\s*[.:]?$",
        part_heading: r"^(?:(?:PARTE|Parte)\s+(?P<num>[IVXLC]+)(?-u:\b)|(?P<num2>Primera|Segunda|Tercera|Cuarta|Quinta|Sexta|PRIMERA|SEGUNDA|TERCERA|CUARTA)\s+(?:parte|PARTE))[.:]?(?:\s*(?P<title>\S)|\s*$)",
        section_heading: r"^(?:(?:CAPÍTULO|Capítulo)\s+(?P<num2>[IVXLC]+)(?-u:\b)\.?|(?P<num>[IVXLC]+)\.)\s+(?P<title>\S)",
        subsection_heading: r"^(?P<num>[A-Z])(?:$|\.\s*$|\.\s+(?P<title>\S))",
        article_heading: r"^(?:ARTÍCULO|Artículo)\s+(?P<num>[0-9]{1,3}|primero)\.?(?:\s+(?P<title>\S)|\s*$)",
        numbered_line: r"^(?P<num>[0-9]{1,4})\.(?:\s|$)",
        subparagraph_line: r"^\(?(?P<num>[a-z]{1,5})\)(?:\s|$)",
        preamble_formula: r"^(?:(?:La|El|Los|Las)\s+(?:Asamblea General|Consejo de Seguridad|Consejo Económico y Social|Consejo de Derechos Humanos|Consejo de Administración Fiduciaria|Conferencia|Consejo|Comisión|Estados partes)\s*,?|(?:Asamblea General|Consejo de Seguridad)\s*,)$",
        vote_list_heading: r"^(?P<side>Votos a favor|Votos en contra|A favor|En contra|Abstenciones|Se abstienen)\s*:",
        vote_sides: &[
            ("Votos a favor", VoteSide::InFavour),
            ("A favor", VoteSide::InFavour),
            ("Votos en contra", VoteSide::Against),
            ("En contra", VoteSide::Against),
            ("Abstenciones", VoteSide::Abstaining),
            ("Se abstienen", VoteSide::Abstaining),
        ],
        none_words: &["Ninguno", "ninguno", "Ninguna", "ninguna"],
        name_separators: &[',', ';'],
        list_separators: &[',', ';'],
        final_conjunctions: &[" y ", " e "],
        outcome_document_words: &["documento final", "Documento final", "Declaración", "declaración"],
        sentence_ends: &[';'],
        full_stop_ends_sentence: true,
        paragraph_reference: leak(paragraph_reference()),
        section_reference: r"(?-u:\b)(?P<secword>[Ss]ecci(?:ón|ones)|[Ss]ecc\.|[Cc]apítulos?|[Cc]ap\.)\s+(?P<sec>[IVXLC]+)(?-u:\b)(?:\.(?P<sub>[A-Z])(?-u:\b))?",
        annex_reference: r"(?-u:\b)(?P<annexword>[Aa]nexos?)(?:\s+(?P<annex>[IVXLC]+)(?-u:\b)|(?P<present>\s+(?:de\s+la|a\s+la)\s+presente\s+(?:resolución|decisión|nota|declaración)|\s+(?:del|al)\s+presente\s+(?:informe|documento)))",
        article_reference: r"(?-u:\b)[Aa]rtículos?\s+(?P<nums>[0-9]{1,3}(?:(?:\s*,\s*|\s+y\s+|\s+a\s+)[0-9]{1,3})*)",
        internal_after: r"^,?\s+(?:de\s+la\s+|del\s+|en\s+la\s+|en\s+el\s+)(?:(?P<secword>sección|capítulo)\s+(?P<sec>[IVXLC]+)(?-u:\b)|(?P<annexword>anexo)(?:\s+(?P<annex>[IVXLC]+)(?-u:\b))?|párrafo\s+(?P<para>[0-9]{1,4})(?-u:\b))",
        direction_after: r"^,?\s+(?P<dir>(?P<above>supra|más\s+arriba)|infra|más\s+adelante|más\s+abajo)",
        document_before: NEVER,
        document_after: r"^,?\s+(?:de\s+la\s+|del\s+|de\s+|en\s+la\s+|en\s+el\s+)(?P<q>(?:proyecto\s+de\s+)?(?P<outcome>documento\s+final)|presente\s+(?:resolución|informe|decisión|declaración|documento|anexo|nota)|anexo\s+de\s+la\s+presente\s+(?:resolución|decisión))",
        named_text_after: r#"^,?\s+(?:de\s+la\s+|del\s+|de\s+los\s+|de\s+)(?:documento\s+|informe\s+)?(?:[«“"]\s*(?P<quoted>[^»”"\n]+?)\s*[»”"]|(?P<name>Rev\.\s?[0-9]{1,2}))"#,
        external_gap_before: r"^\s*,\s*$",
        external_gap_after: r"^,?\s+(?:de\s+la\s+|del\s+|de\s+su\s+|de\s+esa\s+|de\s+dicha\s+|de\s+esta\s+|en\s+la\s+|en\s+el\s+|de\s+)$",
        resolution_list: leak(resolutions()),
        security_council_words: &["Consejo de Seguridad"],
        other_organs: &["Consejo de Derechos Humanos", "Consejo Económico y Social", "Comisión de Derechos Humanos", "Junta Ejecutiva"],
        instrument: r"(?-u:\b)(?P<name>Programa de Acción(?: para Prevenir, Combatir y Eliminar el Tráfico Ilícito de Armas Pequeñas y Ligeras en Todos Sus Aspectos)?|Instrumento Internacional de Localización|Carta(?: de las Naciones Unidas)?|Declaración Universal de Derechos Humanos|Agenda 2030(?: para el Desarrollo Sostenible)?|Agenda de Acción de Addis Abeba|Tratado sobre el Comercio de Armas|Acuerdo de París|Marco de Sendai para la Reducción del Riesgo de Desastres(?: 2015-2030)?|Pacto Internacional de Derechos (?:Civiles y Políticos|Económicos, Sociales y Culturales)|Convenios? de Ginebra(?: de 1949)?|Estatuto de Roma de la Corte Penal Internacional|reglamento(?: provisional)?)",
        rule_of_procedure: r"(?-u:\b)[Aa]rtículos?\s+(?P<num>[0-9]{1,3})\s+del\s+reglamento(?:\s+provisional)?",
        sdg: r"(?-u:\b)(?P<kw>[Oo]bjetivos?|[Mm]etas?|[Ii]ndicadores?)(?:\s+de\s+Desarrollo\s+Sostenible)?\s+(?P<num>[0-9]{1,2}(?:\.(?:[0-9]{1,2}|[a-z]))*)(?:[^0-9./]|\.(?:[^0-9a-z]|$)|$)",
        vote_figures: r"(?:votación\s+registrada,?\s+)?por\s+(?P<for>[0-9]{1,3})\s+votos?\s+contra\s+(?P<against>[0-9]{1,3}|ninguno|uno|dos|tres|cuatro|cinco)(?:\s*\((?P<against_names>[^)]+)\))?,?\s*(?:(?:y|con)\s+(?P<abst>[0-9]{1,3}|ninguna|una|dos|tres|cuatro|cinco)\s+abstenci(?:ones|ón)(?:\s*\((?P<abst_names>[^)]+)\))?|sin\s+abstenciones)",
        vote_figures_hint: "contra",
        resolution_without_year: r"(?-u:\b)[Rr]esolución\s+(?P<num>[0-9]{3,4})\s+del\s+Consejo\s+de\s+Seguridad",
        resolution_number: RESNUM,
        paragraph_exclusion_after: r"^\s+del\s+programa(?:\s+provisional)?(?-u:\b)",
        thereof_after: r"^,?\s+(?:de\s+ésta|de\s+la\s+misma|del\s+mismo)(?-u:\b)",
        present_text: r"presente\s+(?:resolución|informe|decisión|declaración)",
        lower_case_paragraphs: false,
        text_after: r"^,?\s+(?P<q>(?:(?P<anaphor>de\s+esa|de\s+ese|de\s+dicha|de\s+dicho|de\s+dichos|de\s+dichas|del\s+mismo|de\s+la\s+misma|del\s+citado|de\s+la\s+citada|de\s+su|de\s+sus)|de\s+la|del|de\s+los|a\s+la|al)\s+(?P<words>(?:[\w’'\-]+\s+){0,3}?)(?P<noun>informes?|resoluci[oó]n|resoluciones|decisi[oó]n|documento|estatuto|estudio|presupuesto|propuestas?|[Dd]eclaraci[oó]n|[Cc]onvenci[oó]n|[Tt]ratado|[Pp]rotocolo|[Aa]cuerdo|[Pp]rograma|[Pp]lan|[Ee]strategia|nota|carta|Carta|Pacto|Constituci[oó]n)(?-u:\b)(?P<thereto>)(?P<tail>\s+(?:del|de\s+la)\s+[A-Z][\w’'\-]*(?:\s+(?:[A-Z][\w’'\-]*|de|del|la|los|las|y|sobre|para))*)?)",
        citation_gap_before: r"^(?:[\s,:()]|cap\.?\s+[IVXLC]+|secc?\.?\s+[IVXLC]+(?:\.[A-Z])*|anexos?\s+[IVXLC]+(?:\s+(?:y|a)\s+[IVXLC]+)?|resumen|[Vv]ol\.\s+[IVXLC]+|resoluci[oó]n\s+[0-9]{1,3}|Suplemento\s+n(?:o|º)\.?\s+[0-9]+[A-Z]?|v[eé]ase(?:\s+también)?)*$",
        ibid: r"(?-u:\b)[Ii]bid\.",
        anaphor_before: r"(?-u:\b)(?P<q>sus?)\s+$",
        coordinated_after: r"^(?:,?\s+(?:y|o)\s+|,\s+)(?:cuadros?|gr[aá]ficos?|figuras?)\s+[0-9IVXLC]+(?:\.[0-9]+)?(?:(?:,\s*|\s+(?:y|a)\s+)[0-9IVXLC]+(?:\.[0-9]+)?)*",
        article_after: r"^,?\s+del\s+[Aa]rt[ií]culo\s+[0-9]{1,3}(?-u:\b)",
        direction_before: NEVER,
        named_text: r"(?-u:\b)(?P<name>(?:el|su|ese)\s+informe(?:\s+del\s+Secretario\s+General)?|la\s+opini[oó]n\s+consultiva|(?:la|esa|las)\s+(?:resoluci[oó]n|resoluciones|decisi[oó]n|declaraci[oó]n)\s+(?:aprobadas?\s+por\s+|de\s+)(?:la\s+|el\s+)[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|de|del|la|las|los|y))*|Documentos\s+Oficiales\s+de\s+la\s+Asamblea\s+General)(?-u:\b)",
        coordination: r"^[\s,;]*(?:(?:y|o|e|u)\s+)?(?:(?:en\s+particular|incluidos?|especialmente)\s*)?[\s,]*$",
        part_anaphor_after: r"^,?\s+(?P<q>(?:de\s+dich[oa]s?|del\s+mismo|de\s+la\s+misma|de\s+los\s+mismos|del\s+citado|de\s+la\s+citada|de\s+ese|de\s+esa|del\s+referido|de\s+la\s+referida)\s+(?:(?P<article>art[ií]culos?)|secci[oó]n|secciones|cap[ií]tulos?|anexos?|partes?)(?-u:\b))",
        part_anaphor_before: NEVER,
        requested_in: r"^\s*(?:\([^()\n]{1,40}\)\s*)?,?\s*(?:solicitad[oa]s?|pedid[oa]s?|previst[oa]s?|mencionad[oa]s?|presentad[oa]s?|preparad[oa]s?)\s+(?:en\s+cumplimiento\s+del|de\s+conformidad\s+con\s+el|con\s+arreglo\s+al|en\s+el|en\s+los)\s+$",
        detect_words: &["el", "los", "las", "del", "y", "una", "con", "por", "para", "que"],
        masthead: MASTHEAD,
        number_words: NUMBER_WORDS,
        resolution_in_numerals: NEVER,
        operative_verbs: &["Decide", "Insta", "Pide", "Solicita", "Exhorta", "Invita", "Alienta", "Declara", "Exige", "Recomienda", "Autoriza", "Aprueba", "Acoge", "Condena", "Subraya", "Destaca", "Reafirma", "Toma", "Expresa", "Hace"],
    })
}
