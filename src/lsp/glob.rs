//! Glob patterns for the `include` and `exclude` settings, matched against a
//! document's path relative to its workspace folder (`/`-separated), as
//! editors write them: `*` matches within a path segment, `**` matches any
//! number of whole segments, `?` one character, `[abc]`, `[a-z]` and `[!a]`
//! one character of a class, `{md,txt}` one of the alternatives.

/// Whether `path` matches `pattern`.
pub fn matches(pattern: &str, path: &str) -> bool {
    let path: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    alternatives(pattern).iter().any(|p| {
        let segments: Vec<&str> = p.split('/').filter(|s| !s.is_empty()).collect();
        match_segments(&segments, &path)
    })
}

/// The patterns `{a,b}` stands for, braces expanded (nested ones too).
fn alternatives(pattern: &str) -> Vec<String> {
    let Some(open) = pattern.find('{') else { return vec![pattern.to_string()] };
    let mut depth = 0;
    let mut close = None;
    let mut commas = Vec::new();
    for (i, c) in pattern[open..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(open + i);
                    break;
                }
            }
            ',' if depth == 1 => commas.push(open + i),
            _ => {}
        }
    }
    // An unclosed brace is a literal character.
    let Some(close) = close else { return vec![pattern.to_string()] };
    let (head, tail) = (&pattern[..open], &pattern[close + 1..]);
    let mut bounds = vec![open];
    bounds.extend(commas);
    bounds.push(close);
    let mut out = Vec::new();
    for w in bounds.windows(2) {
        let choice = &pattern[w[0] + 1..w[1]];
        out.extend(alternatives(&format!("{head}{choice}{tail}")));
    }
    out
}

fn match_segments(pattern: &[&str], path: &[&str]) -> bool {
    match pattern.split_first() {
        None => path.is_empty(),
        Some((&"**", rest)) => (0..=path.len()).any(|skip| match_segments(rest, &path[skip..])),
        Some((first, rest)) => {
            path.split_first().is_some_and(|(segment, path)| match_segment(first, segment) && match_segments(rest, path))
        }
    }
}

/// One segment: `*`, `?` and classes; everything else literally.
fn match_segment(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.chars().collect();
    let t: Vec<char> = text.chars().collect();
    // Classic two-pointer matching with a single backtrack point for `*`.
    let (mut pi, mut ti) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && p[pi] == '*' {
            while pi < p.len() && p[pi] == '*' {
                pi += 1;
            }
            star = Some((pi, ti));
            continue;
        }
        if pi < p.len() {
            if let Some(next) = match_one(&p, pi, t[ti]) {
                pi = next;
                ti += 1;
                continue;
            }
        }
        match star {
            Some((sp, st)) => {
                pi = sp;
                ti = st + 1;
                star = Some((sp, st + 1));
            }
            None => return false,
        }
    }
    p[pi..].iter().all(|&c| c == '*')
}

/// If the pattern element at `pi` matches `c`, the index after it.
fn match_one(p: &[char], pi: usize, c: char) -> Option<usize> {
    match p[pi] {
        '?' => Some(pi + 1),
        '[' => {
            // Without its `]`, a `[` is a literal character.
            let Some(close) = (pi + 2..p.len()).find(|&k| p[k] == ']') else { return (c == '[').then_some(pi + 1) };
            let mut class = &p[pi + 1..close];
            let negated = matches!(class.first(), Some('!' | '^'));
            if negated {
                class = &class[1..];
            }
            let mut hit = false;
            let mut k = 0;
            while k < class.len() {
                if k + 2 < class.len() && class[k + 1] == '-' {
                    hit |= class[k] <= c && c <= class[k + 2];
                    k += 3;
                } else {
                    hit |= class[k] == c;
                    k += 1;
                }
            }
            (hit != negated).then_some(close + 1)
        }
        literal => (literal == c).then_some(pi + 1),
    }
}

#[cfg(test)]
mod tests {
    use super::matches;

    #[test]
    fn stars_and_double_stars() {
        assert!(matches("**/README.md", "README.md"));
        assert!(matches("**/README.md", "docs/deep/README.md"));
        assert!(!matches("**/README.md", "docs/README.markdown"));
        assert!(matches("notes/**", "notes/a/b.md"));
        assert!(matches("notes/**", "notes"));
        assert!(!matches("notes/**", "drafts/notes.md"));
        assert!(matches("drafts/**/*.txt", "drafts/2018/第三稿.txt"));
        assert!(matches("drafts/**/*.txt", "drafts/a.txt"));
        assert!(!matches("drafts/*.txt", "drafts/2018/a.txt"));
        assert!(matches("*.un.*", "report.un.md"));
        assert!(!matches("*.md", "docs/a.md"), "a pattern without `/` is relative to the folder's top");
    }

    #[test]
    fn classes_alternatives_and_question_marks() {
        assert!(matches("drafts/v?.{txt,md}", "drafts/v2.md"));
        assert!(matches("drafts/v?.{txt,md}", "drafts/v3.txt"));
        assert!(!matches("drafts/v?.{txt,md}", "drafts/v10.txt"));
        assert!(matches("[A-Z]*.txt", "A-80-590.txt"));
        assert!(!matches("[!A-Z]*.txt", "A-80-590.txt"));
        assert!(matches("{a,{b,c}}/x", "c/x"));
        assert!(matches("a{b", "a{b"), "an unclosed brace is literal");
        assert!(matches("a[b", "a[b"), "so is an unclosed bracket");
        assert!(matches("决议*.txt", "决议草案.txt"));
    }
}
