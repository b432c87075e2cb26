//! The text of an analysis as the user wrote it. An analysis holds its
//! [`Source`] (the masked text the analysis reads, with the markup it
//! blanked kept aside); the text itself is told again from it, a range at a
//! time ([`OriginalText::slice`]), or made whole on the first read of all of
//! it (then kept while the analysis is). A text without markup is its own
//! masked text: whole from the start, for nothing. So a server that
//! analyses a 10-MB Markdown draft holds 10 MB of text, not 20, as long as
//! what it answers reads ranges.

use std::borrow::Cow;
use std::ops::{Deref, Range};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use crate::syntax::mask::Source;

pub struct OriginalText {
    source: Arc<Source>,
    whole: OnceLock<Arc<str>>,
}

/// How many texts were made whole from their source (for tests and the
/// server's debug log: a request that reads the whole text of a large
/// draft doubles what the server holds).
static MADE_WHOLE: AtomicUsize = AtomicUsize::new(0);

impl OriginalText {
    /// The text `text`, masked.
    pub fn of(text: Arc<str>) -> OriginalText {
        let source = Source::of(&text);
        OriginalText { source: Arc::new(source), whole: OnceLock::from(text) }
    }

    /// The text `text`, of which `source` is the source.
    pub fn with_source(text: Arc<str>, source: Source) -> OriginalText {
        debug_assert_eq!(text.len(), source.len());
        OriginalText { source: Arc::new(source), whole: OnceLock::from(text) }
    }

    /// The text of `source`, made whole only when read whole.
    pub fn from_source(source: Source) -> OriginalText {
        let whole = OnceLock::new();
        if source.markup().is_empty() {
            let _ = whole.set(Arc::clone(source.masked()));
        }
        OriginalText { source: Arc::new(source), whole }
    }

    pub fn source(&self) -> &Source {
        &self.source
    }

    /// The source behind a handle of its own (see `drift::Citations`).
    pub(crate) fn source_handle(&self) -> &Arc<Source> {
        &self.source
    }

    pub fn len(&self) -> usize {
        self.source.len()
    }

    pub fn is_empty(&self) -> bool {
        self.source.is_empty()
    }

    /// The text of `range` (character boundaries), without making it whole.
    /// A range past the end is cut at the end; one whose ends cut a
    /// character reads it as U+FFFD (never a panic).
    pub fn slice(&self, range: Range<usize>) -> Cow<'_, str> {
        let len = self.len();
        let range = range.start.min(len)..range.end.clamp(range.start.min(len), len);
        match self.whole.get() {
            Some(whole) => whole.get(range.clone()).map_or_else(|| String::from_utf8_lossy(&whole.as_bytes()[range]), Cow::Borrowed),
            None => self.source.original(range),
        }
    }

    /// The whole text, shared.
    pub fn shared(&self) -> Arc<str> {
        Arc::clone(self.whole())
    }

    fn whole(&self) -> &Arc<str> {
        self.whole.get_or_init(|| {
            MADE_WHOLE.fetch_add(1, Ordering::Relaxed);
            self.source.whole()
        })
    }

    /// Whether the text is held whole (besides its masked text, when it has markup).
    pub fn is_held_whole(&self) -> bool {
        self.whole.get().is_some()
    }

    /// How many texts of the process were made whole from their source.
    pub fn made_whole_count() -> usize {
        MADE_WHOLE.load(Ordering::Relaxed)
    }
}

impl Deref for OriginalText {
    type Target = str;
    fn deref(&self) -> &str {
        self.whole()
    }
}

impl Default for OriginalText {
    fn default() -> OriginalText {
        OriginalText::of(Arc::from(""))
    }
}

impl Clone for OriginalText {
    fn clone(&self) -> OriginalText {
        let whole = OnceLock::new();
        if let Some(w) = self.whole.get() {
            let _ = whole.set(Arc::clone(w));
        }
        OriginalText { source: Arc::clone(&self.source), whole }
    }
}

impl std::fmt::Debug for OriginalText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OriginalText").field("len", &self.len()).field("held_whole", &self.is_held_whole()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_with_markup_is_made_whole_only_when_read_whole() {
        let text: Arc<str> = Arc::from("1. **第一段** 见 [72/57](#)\n2. 第二段\n");
        let source = Source::of(&text);
        let original = OriginalText::from_source(source);
        assert!(!original.is_held_whole());
        assert_eq!(original.slice(0..14), &text[..14]);
        assert_eq!(original.slice(3..text.len()), &text[3..]);
        assert!(!original.is_held_whole());
        assert_eq!(&*original, &*text);
        assert!(original.is_held_whole());
        let plain = OriginalText::from_source(Source::of(&Arc::from("1. 第一段\n")));
        assert!(plain.is_held_whole());
    }
}
