use rapporteur::lang::Language;
use rapporteur::syntax::parse;
use rapporteur::text::LineIndex;
#[test]
fn dump() {
    let path = std::env::var("DUMP").unwrap_or_default();
    if path.is_empty() { return; }
    let text = std::fs::read_to_string(&path).unwrap();
    let lang = rapporteur::lang::detect(&text);
    let doc = parse(&text, lang);
    let idx = LineIndex::new(&text);
    let mut out = String::new();
    fn walk(doc: &rapporteur::syntax::Document, id: usize, depth: usize, text: &str, idx: &LineIndex, out: &mut String) {
        let n = &doc.nodes[id];
        if matches!(n.kind, rapporteur::syntax::NodeKind::Paragraph|rapporteur::syntax::NodeKind::Subparagraph|rapporteur::syntax::NodeKind::ListItem) && std::env::var("BRIEF").is_ok() { return; }
        let line = idx.line_of(n.opening.start) + 1;
        let t: String = text[n.opening.start..n.opening.end].chars().take(30).collect();
        out.push_str(&format!("{}{} {} L{} {:?}\n", "  ".repeat(depth), n.kind.name(), n.eid, line, t));
        for &c in &n.children { walk(doc, c, depth + 1, text, idx, out); }
    }
    for &r in &doc.roots { walk(&doc, r, 0, &text, &idx, &mut out); }
    for v in &doc.votes {
        out.push_str(&format!("VOTE para {} figures {:?}\n", doc.nodes[v.paragraph].eid, v.figures.iter().map(|(s,f)| (s.key(), f.value)).collect::<Vec<_>>()));
        for l in &v.lists { out.push_str(&format!("  {} items {} none {}\n", l.side.key(), l.items.len(), l.none)); }
    }
    for l in &doc.name_lists { out.push_str(&format!("NAMES {} {} first {:?}\n", doc.nodes[l.paragraph].eid, l.items.len(), &text[l.items[0].name.start..l.items[0].name.end])); }
    out.push_str(&format!("schemes {:?}\n", doc.schemes));
    std::fs::write("/tmp/dump/out.txt", out).unwrap();
}
