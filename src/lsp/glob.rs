//! Glob patterns for the `include` and `exclude` settings, matched against a
//! document's path relative to its workspace folder (`/`-separated), as
//! editors write them: `*` matches within a path segment, `**` matches any
//! number of whole segments, `?` one character, `[abc]`, `[a-z]` and `[!a]`
//! one character of a class, `{md,txt}` one of the alternatives.

/// The longest pattern read (in characters); a longer one matches nothing
/// (the settings reader warns about it).
pub const MAX_PATTERN: usize = 1024;

/// Whether `path` matches `pattern`.
///
/// The pattern is compiled to a small automaton (one state per pattern
/// element, alternatives side by side) and the path is run through all its
/// states at once, so matching costs at most the pattern's length times
/// the path's, whatever the pattern: `{a,b}` repeated does not expand into
/// every combination, and `**/` repeated does not backtrack.
pub fn matches(pattern: &str, path: &str) -> bool {
    if pattern.chars().count() > MAX_PATTERN {
        return false;
    }
    let path: Vec<char> = path.split('/').filter(|s| !s.is_empty()).collect::<Vec<_>>().join("/").chars().collect();
    Automaton::new(pattern).accepts(&path)
}

/// One element of a parsed pattern.
#[derive(Debug)]
enum Item {
    Char(char),
    /// `?`: one character of a segment.
    Any,
    /// `*`: any characters within a segment.
    Star,
    /// `**` as a whole segment: any number of whole segments.
    GlobStar,
    Class {
        ranges: Vec<(char, char)>,
        negated: bool,
    },
    Sep,
    Alt(Vec<Vec<Item>>),
}

/// Parses `p[from..to]` into items.
fn parse(p: &[char], from: usize, to: usize) -> Vec<Item> {
    let mut items = Vec::new();
    let mut i = from;
    while i < to {
        match p[i] {
            '/' => {
                items.push(Item::Sep);
                i += 1;
            }
            '*' => {
                let mut j = i;
                while j < to && p[j] == '*' {
                    j += 1;
                }
                let whole = (i == 0 || p[i - 1] == '/') && (j == p.len() || p[j] == '/');
                items.push(if j - i == 2 && whole { Item::GlobStar } else { Item::Star });
                i = j;
            }
            '?' => {
                items.push(Item::Any);
                i += 1;
            }
            '[' => match (i + 2..to).find(|&k| p[k] == ']') {
                // Without its `]`, a `[` is a literal character.
                None => {
                    items.push(Item::Char('['));
                    i += 1;
                }
                Some(close) => {
                    let mut class = &p[i + 1..close];
                    let negated = matches!(class.first(), Some('!' | '^'));
                    if negated {
                        class = &class[1..];
                    }
                    let mut ranges = Vec::new();
                    let mut k = 0;
                    while k < class.len() {
                        if k + 2 < class.len() && class[k + 1] == '-' {
                            ranges.push((class[k], class[k + 2]));
                            k += 3;
                        } else {
                            ranges.push((class[k], class[k]));
                            k += 1;
                        }
                    }
                    items.push(Item::Class { ranges, negated });
                    i = close + 1;
                }
            },
            '{' => {
                // The matching `}` and the commas between at this depth; an
                // unclosed brace is a literal character.
                let (mut depth, mut close, mut commas) = (0, None, Vec::new());
                for (k, &c) in p.iter().enumerate().take(to).skip(i) {
                    match c {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                close = Some(k);
                                break;
                            }
                        }
                        ',' if depth == 1 => commas.push(k),
                        _ => {}
                    }
                }
                match close {
                    None => {
                        items.push(Item::Char('{'));
                        i += 1;
                    }
                    Some(close) => {
                        let mut bounds = vec![i];
                        bounds.extend(commas);
                        bounds.push(close);
                        items.push(Item::Alt(bounds.windows(2).map(|w| parse(p, w[0] + 1, w[1])).collect()));
                        i = close + 1;
                    }
                }
            }
            c => {
                items.push(Item::Char(c));
                i += 1;
            }
        }
        // `**/**` is `**`.
        let n = items.len();
        if n >= 3 && matches!(items[n - 3..], [Item::GlobStar, Item::Sep, Item::GlobStar]) {
            items.truncate(n - 2);
        }
    }
    items
}

/// What a consuming state accepts.
#[derive(Debug)]
enum Accept {
    Char(char),
    /// Any character but `/`.
    InSegment,
    /// Any character, `/` too.
    Anything,
    Class(Vec<(char, char)>, bool),
    Slash,
}

impl Accept {
    fn accepts(&self, c: char) -> bool {
        match self {
            Accept::Char(x) => *x == c,
            Accept::InSegment => c != '/',
            Accept::Anything => true,
            Accept::Class(ranges, negated) => c != '/' && ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi) != *negated,
            Accept::Slash => c == '/',
        }
    }
}

#[derive(Debug)]
enum State {
    Consume(Accept, usize),
    Split(Vec<usize>),
    Match,
}

/// A nondeterministic automaton over the characters of a path.
struct Automaton {
    states: Vec<State>,
    start: usize,
}

impl Automaton {
    fn new(pattern: &str) -> Automaton {
        // Empty segments are ignored, as in paths: `a//b` is `a/b`, and a
        // leading or trailing `/` says nothing.
        let mut chars: Vec<char> = Vec::with_capacity(pattern.len());
        for c in pattern.chars() {
            if c == '/' && matches!(chars.last(), None | Some('/')) {
                continue;
            }
            chars.push(c);
        }
        if chars.last() == Some(&'/') {
            chars.pop();
        }
        let items = parse(&chars, 0, chars.len());
        let mut a = Automaton { states: vec![State::Match], start: 0 };
        a.start = a.sequence(&items, 0);
        a
    }

    fn push(&mut self, s: State) -> usize {
        self.states.push(s);
        self.states.len() - 1
    }

    /// A placeholder split, filled in once its targets exist (for loops).
    fn set(&mut self, at: usize, s: State) {
        self.states[at] = s;
    }

    /// The states for `items` followed by the state `next`; returns the first.
    fn sequence(&mut self, items: &[Item], next: usize) -> usize {
        let mut next = next;
        let mut i = items.len();
        while i > 0 {
            i -= 1;
            next = match &items[i] {
                // `**/`: any number of whole segments, each with its `/`.
                Item::GlobStar if matches!(items.get(i + 1), Some(Item::Sep)) => {
                    // (the `/` after it was compiled as `next`: skip past it)
                    let after = match &self.states[next] {
                        State::Consume(Accept::Slash, after) => *after,
                        _ => next,
                    };
                    let lp = self.push(State::Match);
                    let seg = self.push(State::Match);
                    let more = self.push(State::Match);
                    self.set(lp, State::Split(vec![after, seg]));
                    let slash = self.push(State::Consume(Accept::Slash, lp));
                    self.set(more, State::Split(vec![seg, slash]));
                    self.set(seg, State::Consume(Accept::InSegment, more));
                    lp
                }
                // `/**` at the end: nothing more, or `/` and anything.
                Item::GlobStar if i + 1 == items.len() && i > 0 && matches!(items[i - 1], Item::Sep) => {
                    i -= 1; // the `/` before it belongs to it
                    let any = self.push(State::Match);
                    let all = self.push(State::Consume(Accept::Anything, any));
                    self.set(any, State::Split(vec![next, all]));
                    let slash = self.push(State::Consume(Accept::Slash, any));
                    self.push(State::Split(vec![next, slash]))
                }
                Item::GlobStar => {
                    let any = self.push(State::Match);
                    let all = self.push(State::Consume(Accept::Anything, any));
                    self.set(any, State::Split(vec![next, all]));
                    any
                }
                Item::Star => {
                    let any = self.push(State::Match);
                    let one = self.push(State::Consume(Accept::InSegment, any));
                    self.set(any, State::Split(vec![next, one]));
                    any
                }
                Item::Any => self.push(State::Consume(Accept::InSegment, next)),
                Item::Char(c) => self.push(State::Consume(Accept::Char(*c), next)),
                Item::Sep => self.push(State::Consume(Accept::Slash, next)),
                Item::Class { ranges, negated } => self.push(State::Consume(Accept::Class(ranges.clone(), *negated), next)),
                Item::Alt(branches) => {
                    let starts = branches.iter().map(|b| self.sequence(b, next)).collect();
                    self.push(State::Split(starts))
                }
            };
        }
        next
    }

    /// Adds `s` and the states it reaches without consuming to `set`
    /// (`seen[s] == mark`: already there).
    fn close(&self, s: usize, set: &mut Vec<usize>, seen: &mut [u32], mark: u32, stack: &mut Vec<usize>) {
        stack.push(s);
        while let Some(s) = stack.pop() {
            if std::mem::replace(&mut seen[s], mark) == mark {
                continue;
            }
            match &self.states[s] {
                State::Split(targets) => stack.extend(targets.iter().rev()),
                _ => set.push(s),
            }
        }
    }

    fn accepts(&self, path: &[char]) -> bool {
        let mut seen = vec![0u32; self.states.len()];
        let mut stack = Vec::new();
        let mut current = Vec::new();
        let mut next = Vec::new();
        self.close(self.start, &mut current, &mut seen, 1, &mut stack);
        for (mark, &c) in (2u32..).zip(path) {
            next.clear();
            for &s in &current {
                if let State::Consume(accept, to) = &self.states[s] {
                    if accept.accepts(c) {
                        self.close(*to, &mut next, &mut seen, mark, &mut stack);
                    }
                }
            }
            if next.is_empty() {
                return false;
            }
            std::mem::swap(&mut current, &mut next);
        }
        current.iter().any(|&s| matches!(self.states[s], State::Match))
    }
}

#[cfg(test)]
mod tests {
    use super::{matches, MAX_PATTERN};

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

    /// The matcher before the automaton (braces expanded into every
    /// combination, `**` by backtracking): exponential, but the reference
    /// for small patterns.
    mod expanded {
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
    }

    #[test]
    fn the_automaton_agrees_with_expansion_on_small_patterns() {
        // (no `*` inside braces: two stars that only braces bring together are
        // a `**` for expansion, not for the automaton)
        let pieces = ["a", "b", "*", "?", "/", "**/", "/**", "{a,b}", "{a/b,x?}", "[ab]", "[!a]", "x"];
        // (not the empty path: no document has one)
        let paths = ["a", "b", "ab", "a/b", "b/a", "a/b/a", "x/a/b", "ax/ba", "a/x/y/b", "xa", "a/a/a/a"];
        let mut seed = 3u64;
        for _ in 0..4000 {
            let mut pattern = String::new();
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            for k in 0..1 + (seed >> 60) as usize % 5 {
                pattern.push_str(pieces[(seed >> (8 * k + 3)) as usize % pieces.len()]);
            }
            for path in paths {
                assert_eq!(matches(&pattern, path), expanded::matches(&pattern, path), "{pattern:?} on {path:?}");
            }
        }
    }

    #[test]
    fn hostile_patterns_cost_time_proportional_to_their_length() {
        // Before: `{a,b}` 20 times expanded into a million patterns, and `**/`
        // repeated backtracked through every split of the path (21 s, 1.17 GB).
        let path = format!("{}/x.md", ["a"; 60].join("/"));
        let braces = "{a,b}/".repeat(170);
        let stars = "**/".repeat(300);
        let started = std::time::Instant::now();
        assert!(!matches(&format!("{braces}y.md"), &path));
        assert!(!matches(&format!("{stars}y.md"), &path));
        assert!(matches(&format!("{stars}x.md"), &path));
        assert!(matches(&format!("{}**/x.md", "{a,b}/".repeat(50)), &path));
        assert!(matches(&"*a".repeat(200), &"a".repeat(2000)));
        assert!(!matches(&"*a".repeat(200), &format!("{}b", "a".repeat(2000))));
        assert!(!matches(&"a".repeat(MAX_PATTERN + 1), &"a".repeat(MAX_PATTERN + 1)), "over the length bound: nothing");
        // A generous budget: these take milliseconds.
        assert!(started.elapsed() < std::time::Duration::from_secs(10), "{:?}", started.elapsed());
    }
}
