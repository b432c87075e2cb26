//! What a [`super::reparse`] carries over from the previous document. The
//! tree is always rebuilt from the lines; when it comes out with the shape
//! of the previous one (the same nodes, kinds, numbers, parents and
//! children — the usual case for a keystroke inside a paragraph), the eIds
//! are taken from the previous document instead of being built again, and
//! when every range also lies where the change moved it, the votes and name
//! lists of the paragraphs away from the edited lines are taken too (moved
//! by the change) instead of splitting their names again. Any difference
//! and the part is computed afresh, so the result is always what a fresh
//! parse gives (`tests/incremental.rs`).

use std::borrow::Cow;

use crate::text::{TextChange, TextRange};

use super::tree::{Document, NameItem, NameList, Node, NodeId, RecordedVoteData};

pub struct Carry<'p> {
    /// The previous document (its masked text taken out).
    prev: Cow<'p, Document>,
    change: TextChange,
    /// The lines masked and classified again, in the new text.
    window: TextRange,
    /// The rebuilt tree has the previous one's shape (set by [`Carry::compare`]).
    same_shape: bool,
    /// … and every node's ranges where the change moved them.
    same_ranges: bool,
    /// The previous votes' indices, by paragraph.
    votes_by_paragraph: Vec<(NodeId, usize)>,
}

impl<'p> Carry<'p> {
    pub fn new(prev: Cow<'p, Document>, change: TextChange, window: TextRange) -> Carry<'p> {
        Carry { prev, change, window, same_shape: false, same_ranges: false, votes_by_paragraph: Vec::new() }
    }

    /// The carry of a tree moved, not rebuilt ([`super::keep`]): the same
    /// shape, every range where the change moved it.
    pub fn kept(prev: Cow<'p, Document>, change: TextChange, window: TextRange) -> Carry<'p> {
        let mut carry = Carry::new(prev, change, window);
        carry.same_shape = true;
        carry.same_ranges = true;
        carry.index_votes();
        carry
    }

    /// Indexes the previous votes by paragraph, for [`Carry::vote_of`].
    fn index_votes(&mut self) {
        self.votes_by_paragraph = self.prev.votes.iter().enumerate().map(|(i, v)| (v.paragraph, i)).collect();
        self.votes_by_paragraph.sort_unstable();
    }

    /// Compares the rebuilt tree (its nodes, roots and schemes; eIds, votes
    /// and name lists not yet read) with the previous one.
    pub fn compare(&mut self, doc: &Document) {
        let prev = &self.prev;
        self.same_shape =
            prev.nodes.len() == doc.nodes.len() && prev.roots == doc.roots && prev.schemes == doc.schemes && prev.language == doc.language;
        self.same_ranges = self.same_shape;
        if !self.same_shape {
            return;
        }
        if !self.same_suffixes(doc) {
            self.same_shape = false;
            self.same_ranges = false;
            return;
        }
        for (old, new) in prev.nodes.iter().zip(&doc.nodes) {
            if !self.same_node_shape(old, new) {
                self.same_shape = false;
                self.same_ranges = false;
                return;
            }
            if self.same_ranges {
                self.same_ranges = self.maps(old.range(), new.range())
                    && self.maps(old.opening(), new.opening())
                    && match (old.title(), new.title()) {
                        (None, None) => true,
                        (Some(a), Some(b)) => self.maps(a, b),
                        _ => false,
                    };
            }
        }
        if self.same_ranges {
            self.index_votes();
        }
    }

    fn same_node_shape(&self, old: &Node, new: &Node) -> bool {
        old.kind == new.kind
            && old.parent() == new.parent()
            && old.same_children(new)
            && old.level == new.level
            && old.inline == new.inline
            && old.vote_side == new.vote_side
            && old.slip == new.slip
            && match (old.number(), new.number()) {
                (None, None) => true,
                // An eId reads the number as written (the change must lie
                // outside it: `14.2` → `141.2` keeps the value 2) and the
                // negotiation word after it (compared in `same_suffixes`).
                (Some(a), Some(b)) => {
                    a.value == b.value
                        && a.style == b.style
                        && self.maps(a.span, b.span)
                        && (b.span.end <= self.change.start || b.span.start >= self.change.new_end)
                }
                _ => false,
            }
    }

    /// Whether the negotiation words after the numbers (`5 bis`, `5之二`)
    /// are the previous ones, on the same nodes, where the change moved
    /// them: typing next to a number keeps the tree unless it makes or
    /// unmakes such a word.
    fn same_suffixes(&self, doc: &Document) -> bool {
        let prev = &self.prev.suffixed;
        prev.len() == doc.suffixed.len()
            && prev
                .iter()
                .zip(&doc.suffixed)
                .all(|(&(a_id, a_word, a), &(b_id, b_word, b))| a_id == b_id && a_word == b_word && self.maps(a, b))
    }

    /// Whether an offset of the previous text is `new` in this one.
    fn maps_offset(&self, old: usize, new: usize) -> bool {
        let c = self.change;
        (old <= c.start && new == old) || (old >= c.old_end && new == c.moved(old))
    }

    fn maps(&self, old: TextRange, new: TextRange) -> bool {
        self.maps_offset(old.start, new.start) && self.maps_offset(old.end, new.end)
    }

    /// Gives `doc` the previous document's eIds when its tree has the same
    /// shape (they are a function of the shape and the numbers as written);
    /// `false` when they must be assigned afresh.
    pub fn take_eids(&mut self, doc: &mut Document) -> bool {
        if !self.same_shape {
            return false;
        }
        match &mut self.prev {
            Cow::Owned(prev) => doc.eids = std::mem::take(&mut prev.eids),
            Cow::Borrowed(prev) => doc.eids.clone_from(&prev.eids),
        }
        true
    }

    /// Whether the rebuilt tree has the previous one's shape with every
    /// range where the change moved it.
    pub fn carried(&self) -> bool {
        self.same_ranges
    }

    /// The carry for the votes and name lists: only when every range moved
    /// with the change.
    pub fn for_names(&self) -> Option<&Carry<'p>> {
        self.same_ranges.then_some(self)
    }

    /// Whether `r` (in the new text) lies away from the lines read again,
    /// so that its masked text and marks are the previous ones, moved.
    pub fn untouched(&self, r: TextRange) -> bool {
        r.end < self.window.start || r.start > self.window.end
    }

    fn moved(&self, r: TextRange) -> TextRange {
        if r.start >= self.change.old_end {
            self.change.moved_range(r)
        } else {
            r
        }
    }

    fn moved_item(&self, item: &NameItem) -> NameItem {
        NameItem { range: self.moved(item.range), name: self.moved(item.name), key: item.key.clone(), state: item.state }
    }

    /// The previous name lists of paragraph `id` (an untouched one), moved.
    pub fn name_lists_of(&self, id: NodeId) -> impl Iterator<Item = NameList> + '_ {
        let lists = &self.prev.name_lists;
        let from = lists.partition_point(|l| l.paragraph < id);
        lists[from..]
            .iter()
            .take_while(move |l| l.paragraph == id)
            .map(move |l| NameList { paragraph: id, items: l.items.iter().map(|i| self.moved_item(i)).collect() })
    }

    /// The previous vote recorded by node `node` (`None`: stated in the
    /// running text of `paragraph`), moved.
    pub fn vote_of(&self, paragraph: NodeId, node: Option<NodeId>) -> Option<RecordedVoteData> {
        let index = &self.votes_by_paragraph;
        let from = index.partition_point(|&(p, _)| p < paragraph);
        let old = index[from..].iter().take_while(|&&(p, _)| p == paragraph).map(|&(_, i)| &self.prev.votes[i]).find(|v| v.node == node)?;
        let mut vote = old.clone();
        vote.figures_range = vote.figures_range.map(|r| self.moved(r));
        for (_, figure) in &mut vote.figures {
            figure.span = self.moved(figure.span);
        }
        for list in &mut vote.lists {
            list.heading = self.moved(list.heading);
            for item in &mut list.items {
                item.range = self.moved(item.range);
                item.name = self.moved(item.name);
            }
        }
        Some(vote)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;
    use crate::syntax::parse;

    const TEXT: &str = "1. The Assembly welcomes the statements.\n\
        2. Speakers: France, Germany, India, Japan, Brazil, Chile, Mexico.\n\
        3. Recalls paragraph 1 above.\n";

    /// The carry of `old` edited at `at` (`delete` bytes replaced by `insert`),
    /// compared with the fresh parse of the result.
    fn carried(at: usize, delete: usize, insert: &str) -> (bool, bool) {
        let mut new = TEXT.to_string();
        new.replace_range(at..at + delete, insert);
        let change = TextChange::between(TEXT, &new);
        let (prev, doc) = (parse(TEXT, Language::En), parse(&new, Language::En));
        let from = TEXT[..at].rfind('\n').map_or(0, |i| i + 1);
        let to = new[change.new_end..].find('\n').map_or(new.len(), |i| change.new_end + i + 1);
        let mut carry = Carry::new(Cow::Borrowed(&prev), change, TextRange::new(from, to));
        carry.compare(&doc);
        let names = carry.for_names().map(|c| {
            // The list of paragraph 2 is carried moved when the edit is elsewhere.
            let speakers = doc.name_lists.iter().find(|l| c.untouched(own_text_of(&doc, l.paragraph)));
            if let Some(list) = speakers {
                let moved: Vec<NameList> = c.name_lists_of(list.paragraph).collect();
                assert_eq!(moved.len(), 1);
                assert_eq!(moved[0].items, list.items);
            }
        });
        let mut eids = Carry::new(Cow::Borrowed(&prev), change, TextRange::new(from, to));
        eids.compare(&doc);
        let mut taken = doc.clone();
        if eids.take_eids(&mut taken) {
            let e = |d: &Document| (0..d.nodes.len()).map(|n| d.eid(n).to_string()).collect::<Vec<_>>();
            assert_eq!(e(&taken), e(&doc));
        }
        (carry.same_shape, names.is_some())
    }

    fn own_text_of(doc: &Document, id: NodeId) -> TextRange {
        super::super::names::own_text(doc, id)
    }

    #[test]
    fn a_keystroke_inside_a_paragraph_keeps_the_tree_and_the_lists_away_from_it() {
        let at = TEXT.find("statements").unwrap();
        assert_eq!(carried(at, 0, "x"), (true, true));
        assert_eq!(carried(at, 3, ""), (true, true));
        let at = TEXT.find("above").unwrap();
        assert_eq!(carried(at, 0, "x"), (true, true));
    }

    #[test]
    fn a_new_paragraph_or_an_edit_by_a_number_builds_afresh() {
        let at = TEXT.find("2. Speakers").unwrap();
        // A new numbered paragraph: another tree.
        assert_eq!(carried(at, 0, "4. New.\n"), (false, false));
        // A negotiation word typed after a number (`2 bis.`: another eId).
        assert!(!carried(at + 1, 0, " bis").0);
    }

    #[test]
    fn typing_next_to_a_number_keeps_the_tree_unless_it_makes_a_negotiation_word() {
        let at = TEXT.find("Speakers").unwrap();
        // `2. xSpeakers`: the number and its (absent) word are unchanged.
        assert_eq!(carried(at, 0, "x"), (true, true));
        // `2. Speakers` → `2. peakers`.
        assert!(carried(at, 1, "").0);
        // A digit typed inside a number: another number as written.
        let text = "14. Conserve and sustainably use the oceans\n\n14.1 By 2025, prevent marine pollution of all kinds\n\n\
                    14.2 By 2020, sustainably manage and protect marine ecosystems\n\n14.3 Minimize the impacts of ocean acidification\n";
        let at = text.find("4.2").unwrap();
        let mut new = text.to_string();
        new.insert(at, '1');
        let change = TextChange::between(text, &new);
        let (prev, doc) = (parse(text, Language::En), parse(&new, Language::En));
        let mut carry = Carry::new(Cow::Borrowed(&prev), change, TextRange::new(0, new.len()));
        carry.compare(&doc);
        let nums = |d: &Document| {
            d.nodes.iter().enumerate().map(|(id, n)| (n.number().map(|x| (x.value, x.span)), d.eid(id).to_string())).collect::<Vec<_>>()
        };
        assert!(!carry.same_shape, "14.2 → 141.2 is another eId: {:?} {:?} {change:?}", nums(&prev), nums(&doc));
        // `3. Recalls` → `3 ter. Recalls`: a word after the number.
        let at = TEXT.find("3. Recalls").unwrap() + 1;
        assert!(!carried(at, 0, " ter").0);
    }
}
