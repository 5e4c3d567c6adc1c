//! What a resolve keeps for the next one under `serve` ([`Memo`]): the
//! walks of the bodies, and the graph as it stood before any body was
//! walked, with the documents and the diagnostics it came from.
//!
//! Most saves change one meeting and none of the pages and names of the
//! site: the words of its minutes, or what its front matter lists (its
//! attendees, topics, updates, …), its title, date, actions, decisions and
//! wiki-links being as they were. Everything resolving works out before
//! the walks (pages, names, refs, stubs, wiki-links) is then the same as
//! last time but the meeting's own refs, and is taken again with the new
//! document in the old one's place and its refs resolved again — when each
//! names a page with a file, as a whole resolve would find it, and nothing
//! was reported of the meeting. Only what reads the bodies and the refs is
//! then worked out anew (summaries, walks of the bodies that changed,
//! backlinks, statuses and tallies). Any other change resolves the whole
//! graph again. Either way the graph is the one a full resolve gives
//! (docs/architecture.md, "What `serve` keeps between rebuilds").

use std::sync::Arc;

use super::Site;
use super::backlinks::Walks;
use super::resolve::{MeetingRefs, refs_again};
use crate::diagnostic::Diagnostic;
use crate::model::front::Origin;
use crate::model::{Doc, MeetingDoc, Parsed};

/// Kept from one resolve to the next.
#[derive(Debug, Default)]
pub struct Memo {
    /// The walks of the bodies of the last resolve.
    pub(super) walks: Walks,
    /// The graph before its walks, and what it was resolved from.
    pub(super) before: Option<Before>,
    /// Whether the last resolve took that graph again.
    pub(super) taken: bool,
}

impl Memo {
    /// Whether the last resolve took the graph before the walks again, only
    /// the words of some minutes or the refs of their front matter having
    /// changed.
    pub fn taken(&self) -> bool {
        self.taken
    }

    /// Forgets the graph: the next resolve makes it whole (for a change of
    /// the configuration, which resolving reads throughout). Walks are
    /// kept: they tell for themselves whether they still hold.
    pub fn forget_graph(&mut self) {
        self.before = None;
    }
}

/// The graph as resolving left it before the bodies were walked.
#[derive(Debug)]
pub(super) struct Before {
    /// The documents it was resolved from, as parsed.
    pub(super) parsed: Parsed,
    pub(super) site: Site,
    /// The diagnostics of resolving it.
    pub(super) diagnostics: Vec<Diagnostic>,
}

/// A meeting's document as it was, and as it is now, with its refs
/// resolved again when its front matter changed.
pub(super) struct Swap {
    old: Arc<MeetingDoc>,
    new: Arc<MeetingDoc>,
    refs: Option<MeetingRefs>,
}

impl Before {
    /// The meetings whose documents `parsed` has anew, when nothing else
    /// changed that resolving before the walks reads: every other
    /// document is the very one it was, and each new one differs only in
    /// its words ([`MeetingDoc::same_but_words`]) where no diagnostic
    /// points, or makes the same pages ([`MeetingDoc::same_pages`]) with
    /// refs that each find a page with a file, nothing having been reported
    /// of it. `None` when the graph must be resolved whole.
    pub(super) fn swaps(&self, parsed: &Parsed) -> Option<Vec<Swap>> {
        let was = &self.parsed;
        if !(same(&was.entities, &parsed.entities)
            && same(&was.topics, &parsed.topics)
            && same(&was.free_pages, &parsed.free_pages)
            && was.meetings.len() == parsed.meetings.len())
        {
            return None;
        }
        let mut swaps = Vec::new();
        for (old, new) in was.meetings.iter().zip(&parsed.meetings) {
            if Arc::ptr_eq(old, new) {
                continue;
            }
            // The diagnostics of resolving must read the same of the new
            // document as of the old: those in the file point at the same
            // places (wiki-links and items are where they were) on lines
            // that are as they were, and no other's message names the file.
            let reported = self.last_line_reported(old)?;
            let refs = if old.same_but_words(new) {
                if !same_lines(&old.source.text, &new.source.text, reported) {
                    return None;
                }
                None
            } else if old.same_pages(new) && reported == 0 {
                Some(refs_again(&self.site, new)?)
            } else {
                return None;
            };
            swaps.push(Swap {
                old: old.clone(),
                new: new.clone(),
                refs,
            });
        }
        Some(swaps)
    }

    /// The last line of `doc` a diagnostic of resolving points at (0 for
    /// none); `None` when another file's diagnostic names it.
    fn last_line_reported(&self, doc: &MeetingDoc) -> Option<usize> {
        let path = doc.path();
        let shown = path.display().to_string();
        let mut last = 0;
        for d in &self.diagnostics {
            if d.path == path {
                last = last.max(d.line);
            } else if d.message.contains(&shown)
                || d.help.as_ref().is_some_and(|h| h.contains(&shown))
                || d.notes.iter().any(|n| n.contains(&shown))
            {
                return None;
            }
        }
        Some(last)
    }

    /// Puts each new document in its old one's place, in the documents
    /// and in the graph (a draft left out of the site has no place there),
    /// with its refs when they were resolved again.
    pub(super) fn swap(&mut self, swaps: Vec<Swap>) {
        for Swap { old, new, mut refs } in swaps {
            for doc in self.parsed.meetings.iter_mut() {
                if Arc::ptr_eq(doc, &old) {
                    *doc = new.clone();
                }
            }
            let site = &mut self.site;
            for m in site
                .meetings
                .iter_mut()
                .filter(|m| Arc::ptr_eq(&m.doc, &old))
            {
                m.doc = new.clone();
                if let Some(refs) = refs.take() {
                    refs.set(m);
                }
                // An item written in the minutes may be in another block.
                let ordinal = |o: &Option<Origin>| o.as_ref().map(|o| o.ordinal);
                for (&a, front) in m.actions.iter().zip(&new.front.actions) {
                    site.actions[a].inline = ordinal(&front.origin);
                }
                for (&d, front) in m.decisions.iter().zip(&new.front.decisions) {
                    site.decisions[d].inline = ordinal(&front.origin);
                }
            }
        }
    }
}

/// Whether both texts have the same first `lines` lines.
fn same_lines(a: &str, b: &str, lines: usize) -> bool {
    if lines == 0 {
        return true;
    }
    let end = a
        .match_indices('\n')
        .nth(lines - 1)
        .map_or(a.len(), |(i, _)| i + 1);
    b.get(..end) == Some(&a[..end])
}

/// Whether both lists hold the very same documents, in the same order.
fn same<F>(a: &[Arc<Doc<F>>], b: &[Arc<Doc<F>>]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| Arc::ptr_eq(x, y))
}

#[cfg(test)]
mod tests {
    use super::same_lines;

    #[test]
    fn lines_are_compared_up_to_the_last_one_asked_for() {
        assert!(same_lines("a\nb\nc", "a\nb\nX", 2));
        assert!(!same_lines("a\nb\nc", "a\nX\nc", 2));
        // A line break moved within the same bytes is a change.
        assert!(!same_lines("ab\ncd\n", "a\nbcd\n", 1));
        assert!(same_lines("a", "a", 5));
        assert!(!same_lines("a\nb", "a", 2));
        assert!(same_lines("x", "y", 0));
    }
}
