//! Where each page of the graph lives, and the graph as the Markdown walk
//! sees it ([`SiteLinks`]).

use super::index::{RefKind, split_kind, with_folded};
use super::{EntityId, Id, Site, Target};
use crate::markdown::{Heading, LinkTarget, Links, Mentions};

impl Site {
    /// The page's path from the site root, in directory form (`entities/desa/`).
    pub fn path(&self, t: Target) -> String {
        match t {
            Target::Meeting(i) => format!("meetings/{}/", self.meetings[i].slug),
            Target::Entity(i) => format!("entities/{}/", self.entities[i].slug),
            Target::Topic(i) => format!("topics/{}/", self.topics[i].slug),
            Target::Action(i) => format!("actions/{}/", self.actions[i].slug),
            Target::FreePage(i) => format!("pages/{}/", self.free_pages[i].slug),
        }
    }

    /// A digest of everything a body's links can depend on beyond its own
    /// text: every name and alias refs resolve by, the path, title and
    /// kind of every page they can lead to, and the site's pattern links.
    /// Worked out the first time it is asked for: by then every page and
    /// name is settled (they are, once the graph is resolved up to its
    /// walks, which are the first to ask).
    pub fn links_digest(&self) -> u64 {
        *self
            .links_digest
            .get_or_init(|| self.work_out_links_digest())
    }

    fn work_out_links_digest(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        // Each name with the pages it leads to is hashed alone, and the
        // hashes are added up: the index's order does not count, and
        // nothing needs sorting.
        let mut names = 0u64;
        for kind in RefKind::ALL {
            for (name, targets) in self.index.entries(kind) {
                let mut h = crate::hash::Hash::default();
                kind.hash(&mut h);
                name.hash(&mut h);
                targets.hash(&mut h);
                names = names.wrapping_add(spread(h.finish()));
            }
        }
        let mut h = crate::hash::Hash::default();
        h.write_u64(names);
        for t in self.targets() {
            // The target's kind and its slug make its path.
            t.hash(&mut h);
            self.slug(t).hash(&mut h);
            self.title(t).hash(&mut h);
        }
        self.autolink.hash(&mut h);
        self.link_patterns.written().hash(&mut h);
        h.finish()
    }

    /// The page's slug, the last part of its [`path`](Site::path).
    pub fn slug(&self, t: Target) -> &str {
        match t {
            Target::Meeting(i) => self.meetings[i].slug.as_str(),
            Target::Entity(i) => self.entities[i].slug.as_str(),
            Target::Topic(i) => self.topics[i].slug.as_str(),
            Target::Action(i) => self.actions[i].slug.as_str(),
            Target::FreePage(i) => self.free_pages[i].slug.as_str(),
        }
    }

    /// The page's title.
    pub fn title(&self, t: Target) -> &str {
        match t {
            Target::Meeting(i) => &self.meetings[i].doc.front.title,
            Target::Entity(i) => &self.entities[i].name,
            Target::Topic(i) => &self.topics[i].name,
            Target::Action(i) => &self.actions[i].id,
            Target::FreePage(i) => &self.free_pages[i].doc.front.title,
        }
    }

    /// The headings of the page's body (none for a page without a file, or
    /// an action).
    pub fn headings(&self, t: Target) -> &[Heading] {
        let outline = match t {
            Target::Meeting(i) => &self.meetings[i].doc.outline,
            Target::Entity(i) => match self.entities[i].doc.file() {
                Some(d) => &d.outline,
                None => return &[],
            },
            Target::Topic(i) => match self.topics[i].doc.file() {
                Some(d) => &d.outline,
                None => return &[],
            },
            Target::FreePage(i) => &self.free_pages[i].doc.outline,
            Target::Action(_) => return &[],
        };
        &outline.headings
    }

    /// `meeting`, `entity`, `topic`, `action` or `page`.
    pub fn kind_word(t: Target) -> &'static str {
        match t {
            Target::Meeting(_) => "meeting",
            Target::Entity(_) => "entity",
            Target::Topic(_) => "topic",
            Target::Action(_) => "action",
            Target::FreePage(_) => "page",
        }
    }

    /// Every page a wiki-link target could mean.
    pub fn candidates(&self, target: &str) -> Vec<Target> {
        let mut out = Vec::new();
        self.each_candidate(target, |t| {
            out.push(t);
            true
        });
        out
    }

    /// The page a wiki-link target means, if it means exactly one.
    pub fn only_candidate(&self, target: &str) -> Option<Target> {
        let (mut found, mut count) = (None, 0);
        self.each_candidate(target, |t| {
            found = Some(t);
            count += 1;
            count < 2
        });
        found.filter(|_| count == 1)
    }

    /// Calls `f` with each page `target` could mean, while `f` returns true.
    fn each_candidate(&self, target: &str, mut f: impl FnMut(Target) -> bool) {
        let (kind, name) = split_kind(target);
        let kinds: &[RefKind] = match kind {
            Some(ref k) => std::slice::from_ref(k),
            None => &RefKind::ALL,
        };
        with_folded(name, |name| {
            kinds
                .iter()
                .flat_map(|k| self.index.get_folded(*k, name))
                .all(|&t| f(t));
        });
    }
}

/// Spreads every bit of `h` over all of the result, so that hashes added
/// up stay apart (the finish of SplitMix64).
fn spread(mut h: u64) -> u64 {
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// The graph as the Markdown walk sees it, for one way of writing links.
#[derive(Debug, Clone, Copy)]
pub struct SiteLinks<'s> {
    site: &'s Site,
    relative: bool,
}

impl<'s> SiteLinks<'s> {
    /// Links for `site`; `relative` adds `index.html` to directory links.
    pub fn new(site: &'s Site, relative: bool) -> Self {
        SiteLinks { site, relative }
    }
}

impl Links for SiteLinks<'_> {
    type Key = Target;

    fn wikilink(&self, target: &str) -> Option<Target> {
        self.site.only_candidate(target)
    }

    fn mentions(&self) -> Option<&Mentions> {
        self.site.mentions.as_ref()
    }

    fn mentioned(&self, owner: usize) -> Target {
        Target::Entity(EntityId::new(owner))
    }

    fn target(&self, t: Target) -> LinkTarget<Target> {
        let mut path = self.site.path(t);
        if self.relative {
            path.push_str("index.html");
        }
        LinkTarget {
            key: t,
            path,
            title: self.site.title(t).to_owned(),
            kind: Site::kind_word(t),
        }
    }
}
