//! The HTML page of a revision diff: one self-contained page (inline style,
//! no script), two columns — the old revision and the new — with the
//! numbers of both, deleted words struck out on the left, inserted ones
//! underlined on the right, moved, split and merged paragraphs labelled,
//! and each paragraph's status.

use super::diff::{Kind, Op, RevisionDiff, Unit};

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    crate::text::markup::push_text(&mut out, s);
    out
}

const STYLE: &str = "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI','Noto Sans','Noto Sans CJK SC',sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
header{padding:14px 24px;background:#1f3b5a;color:#fff}header h1{font-size:18px;margin:0 0 4px}header p{margin:0;font-size:13px;opacity:.9}
.counts span{display:inline-block;margin-right:14px}
table{border-collapse:collapse;width:100%;table-layout:fixed;background:#fff}
th{position:sticky;top:0;background:#e9edf3;text-align:left;padding:6px 10px;font-size:13px;border-bottom:1px solid #c9d1dc}
td{vertical-align:top;padding:8px 10px;border-bottom:1px solid #e3e7ed}
td.num{width:64px;color:#555;font-variant-numeric:tabular-nums;white-space:nowrap}
td.kind{width:86px;font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:#555}
del{background:#fde2e1;color:#8a1c14;text-decoration:line-through}ins{background:#dcf5e3;color:#0c5a2a;text-decoration:none;border-bottom:1px solid #2e9b55}
tr.inserted td.new{background:#f1fbf4}tr.deleted td.old{background:#fdf3f3}tr.moved td{background:#f3f1fd}tr.split td,tr.merged td{background:#fdf9ee}
.status{display:inline-block;font-size:11px;border-radius:8px;padding:0 6px;margin-left:4px;border:1px solid}
.agreed{color:#0c5a2a;border-color:#2e9b55}.bracketed{color:#8a4b00;border-color:#d08a2a}.open{color:#555;border-color:#aaa}
.warn{background:#fff4d6;border-left:4px solid #e0a100;padding:8px 14px;margin:0}
.map{padding:10px 24px;font-size:13px}.map code{background:#eef1f5;padding:1px 4px;border-radius:3px;margin-right:6px;display:inline-block}";

fn status(u: &Unit) -> String {
    match u.status {
        Some(s) => format!("<span class=\"status {0}\">{0}</span>", s.name()),
        None => String::new(),
    }
}

fn plain(text: &str, u: &Unit) -> String {
    let mut s = String::new();
    for r in &u.tokens {
        super::diff::join_token(&mut s, &text[r.start..r.end]);
    }
    esc(&s)
}

/// The page. `old_text` and `new_text` are the revisions' texts, the titles
/// their names (file names).
pub fn page(d: &RevisionDiff, old_text: &str, new_text: &str, old_title: &str, new_title: &str) -> String {
    let mut h = String::with_capacity(old_text.len() + new_text.len() + 4096);
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">");
    h.push_str(&format!("<title>{} → {}</title><style>{STYLE}</style></head><body>\n", esc(old_title), esc(new_title)));
    h.push_str(&format!("<header><h1>{} → {}</h1><p class=\"counts\">", esc(old_title), esc(new_title)));
    for k in [Kind::Unchanged, Kind::Changed, Kind::Moved, Kind::Inserted, Kind::Deleted, Kind::Split, Kind::Merged] {
        h.push_str(&format!("<span>{} {}</span>", d.count(k), k.name()));
    }
    h.push_str("</p></header>\n");
    for w in &d.warnings {
        h.push_str(&format!("<p class=\"warn\">⚠ {}</p>\n", esc(&w.message)));
    }
    h.push_str("<table><thead><tr><th class=\"num\" style=\"width:64px\">old</th><th>");
    h.push_str(&esc(old_title));
    h.push_str("</th><th style=\"width:86px\"></th><th class=\"num\" style=\"width:64px\">new</th><th>");
    h.push_str(&esc(new_title));
    h.push_str("</th></tr></thead><tbody>\n");
    for e in &d.entries {
        let olds: Vec<&Unit> = e.old.iter().map(|&i| &d.old[i]).collect();
        let news: Vec<&Unit> = e.new.iter().map(|&j| &d.new[j]).collect();
        let nums = |us: &[&Unit]| us.iter().map(|u| esc(&u.number)).collect::<Vec<_>>().join("<br>");
        let stats = |us: &[&Unit]| us.iter().map(|u| status(u)).collect::<String>();
        let (left, right) = if e.pieces.is_empty() {
            let l = olds.iter().map(|u| plain(old_text, u)).collect::<Vec<_>>().join("<br><br>");
            let r = news.iter().map(|u| plain(new_text, u)).collect::<Vec<_>>().join("<br><br>");
            (l, r)
        } else {
            let (mut l, mut r) = (String::new(), String::new());
            // The raw text last written on each side decides the spaces.
            let (mut lr, mut rr) = (String::new(), String::new());
            for p in &e.pieces {
                let t = esc(&p.text);
                let sep = |s: &mut String, raw: &mut String| {
                    if super::diff::needs_space(raw, &p.text) {
                        s.push(' ');
                    }
                    raw.clear();
                    raw.push_str(&p.text);
                };
                match p.op {
                    Op::Same => {
                        sep(&mut l, &mut lr);
                        l.push_str(&t);
                        sep(&mut r, &mut rr);
                        r.push_str(&t);
                    }
                    Op::Deleted => {
                        sep(&mut l, &mut lr);
                        l.push_str(&format!("<del>{t}</del>"));
                    }
                    Op::Inserted => {
                        sep(&mut r, &mut rr);
                        r.push_str(&format!("<ins>{t}</ins>"));
                    }
                }
            }
            (l, r)
        };
        let kind = match (e.kind, e.changed) {
            (Kind::Moved, true) => "moved, changed".to_string(),
            (k, _) => k.name().to_string(),
        };
        h.push_str(&format!(
            "<tr class=\"{}\"><td class=\"num\">{}</td><td class=\"old\">{}{}</td><td class=\"kind\">{}</td><td class=\"num\">{}</td><td class=\"new\">{}{}</td></tr>\n",
            e.kind.name(),
            nums(&olds),
            left,
            stats(&olds),
            esc(&kind),
            nums(&news),
            right,
            stats(&news)
        ));
    }
    h.push_str("</tbody></table>\n<div class=\"map\"><strong>Number map</strong> (old → new)");
    for (scope, map) in &d.number_map {
        let name = if scope.is_empty() { "body".to_string() } else { scope.clone() };
        h.push_str(&format!("<p>{}: ", esc(&name)));
        for (o, n) in map {
            h.push_str(&format!("<code>{} → {}</code>", esc(o), esc(n.as_deref().unwrap_or("—"))));
        }
        h.push_str("</p>");
    }
    h.push_str("</div>\n</body></html>\n");
    h
}
