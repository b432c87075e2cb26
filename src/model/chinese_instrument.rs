//! The Chinese named instruments (`《…》`, 议事规则, 《联合国宪章》) found
//! without the regex engine: a Chinese megabyte names about 4,500 of them,
//! and each search of the table's pattern (a literal prefilter, then a
//! forward and a reverse search for where the match starts) cost about
//! 1,400 instructions. The same matches as the pattern [`PATTERN`], which
//! the unit tests hold to the table and compare with the regex (and
//! `tests/prefilter_oracle.rs`, over every test document, end to end).

use memchr::memmem;

use crate::text::TextRange;

/// The Chinese table's instrument pattern, as this module reads it: the
/// first alternative that matches at the leftmost position wins.
pub(crate) const PATTERN: &str = r"(?P<name>《[^《》\n]+》|议事规则|《?(?:联合国)?宪章》?)";

const OPEN: &[u8] = "《".as_bytes();
const CLOSE: &[u8] = "》".as_bytes();
const RULES: &[u8] = "议事规则".as_bytes();
const CHARTER: &[u8] = "宪章".as_bytes();
const UN: &[u8] = "联合国".as_bytes();

struct Finders {
    open: memmem::Finder<'static>,
    rules: memmem::Finder<'static>,
    charter: memmem::Finder<'static>,
}

fn finders() -> &'static Finders {
    static FINDERS: std::sync::OnceLock<Finders> = std::sync::OnceLock::new();
    FINDERS.get_or_init(|| Finders {
        open: memmem::Finder::new(OPEN),
        rules: memmem::Finder::new(RULES),
        charter: memmem::Finder::new(CHARTER),
    })
}

/// The successive matches of [`PATTERN`] in `hay` from `from` on (as
/// `find_iter` from there gives them).
pub(crate) fn instruments(hay: &str, from: usize) -> impl Iterator<Item = TextRange> + '_ {
    let mut next = Next { hay: hay.as_bytes(), open: None, rules: None, charter: None };
    let mut at = from;
    std::iter::from_fn(move || {
        let m = next.find(at)?;
        at = m.end;
        Some(m)
    })
}

/// Where each literal occurs next (kept between searches: `None` when not
/// looked for yet or left behind; `Some(None)` when it occurs no more).
struct Next<'h> {
    hay: &'h [u8],
    open: Option<Option<usize>>,
    rules: Option<Option<usize>>,
    charter: Option<Option<usize>>,
}

/// The next occurrence of `finder`'s needle at or after `at`, from the cache
/// when it is still ahead.
fn next_of(cache: &mut Option<Option<usize>>, finder: &memmem::Finder<'_>, hay: &[u8], at: usize) -> Option<usize> {
    match *cache {
        Some(None) => None,
        Some(Some(i)) if i >= at => Some(i),
        _ => {
            let found = finder.find(&hay[at..]).map(|i| at + i);
            *cache = Some(found);
            found
        }
    }
}

impl Next<'_> {
    fn find(&mut self, mut at: usize) -> Option<TextRange> {
        let f = finders();
        let hay = self.hay;
        loop {
            let open = next_of(&mut self.open, &f.open, hay, at);
            let rules = next_of(&mut self.rules, &f.rules, hay, at);
            // `联合国宪章` starts at the 联 before the charter, if it is there.
            let charter = next_of(&mut self.charter, &f.charter, hay, at).map(|c| {
                if c >= at + UN.len() && &hay[c - UN.len()..c] == UN {
                    c - UN.len()
                } else {
                    c
                }
            });
            let start = [open, rules, charter].into_iter().flatten().min()?;
            if let Some(end) = self.at(start) {
                return Some(TextRange::new(start, end));
            }
            // (every candidate start is a character of three bytes)
            at = start + 3;
        }
    }

    /// The end of the pattern's match starting at `s`, if any (its
    /// alternatives in order).
    fn at(&self, s: usize) -> Option<usize> {
        let hay = self.hay;
        let rest = &hay[s..];
        // `《[^《》\n]+》`
        if rest.starts_with(OPEN) {
            let inner = s + OPEN.len();
            let mut i = inner;
            while let Some(j) = memchr::memchr2(b'\n', 0xE3, &hay[i..]) {
                let j = i + j;
                if hay[j] == b'\n' || hay[j..].starts_with(OPEN) {
                    break;
                }
                if hay[j..].starts_with(CLOSE) {
                    if j > inner {
                        return Some(j + CLOSE.len());
                    }
                    break;
                }
                i = j + 1;
            }
        }
        // `议事规则`
        if rest.starts_with(RULES) {
            return Some(s + RULES.len());
        }
        // `《?(?:联合国)?宪章》?`
        let mut p = s;
        if hay[p..].starts_with(OPEN) {
            p += OPEN.len();
        }
        if hay[p..].starts_with(UN) && hay[p + UN.len()..].starts_with(CHARTER) {
            p += UN.len() + CHARTER.len();
        } else if hay[p..].starts_with(CHARTER) {
            p += CHARTER.len();
        } else {
            return None;
        }
        if hay[p..].starts_with(CLOSE) {
            p += CLOSE.len();
        }
        Some(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;

    fn by_regex(hay: &str, from: usize) -> Vec<TextRange> {
        let re = &crate::lang::tables::tables(Language::Zh).instrument;
        let mut out = Vec::new();
        let mut at = from;
        while let Some(m) = re.find_at(hay, at) {
            out.push(TextRange::new(m.start(), m.end()));
            at = m.end();
        }
        out
    }

    #[test]
    fn the_table_holds_the_pattern() {
        assert_eq!(crate::lang::tables::tables(Language::Zh).instrument.as_str(), PATTERN);
    }

    #[test]
    fn the_same_matches_as_the_pattern_in_made_up_text() {
        let pieces = ["《", "》", "\n", "联合国", "联", "合国", "宪章", "宪", "章", "议事规则", "议事", "规则", "a", "。", "「", "〉"];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..3_000 {
            let mut s = String::new();
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let n = (seed % 12) as usize;
            for _ in 0..n {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            let starts: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
            for &from in &starts {
                assert_eq!(instruments(&s, from).collect::<Vec<_>>(), by_regex(&s, from), "{s:?} from {from}");
            }
        }
    }
}
