//! Knowledge views: pictures and digests of the graph that no list shows.
//!
//! Activity timelines ([`timeline`]) and sparklines ([`sparkline`]) of
//! entities and topics, relationship maps laid out at build time ([`map`],
//! fed by [`neighbours`]), attendance rankings and matrices of meeting
//! series ([`ranking`], [`matrix`]), what each meeting changed
//! ([`changes`]), and the small JSON files link previews are read from
//! ([`previews`]).
//!
//! Views read the resolved [`Site`](crate::graph::Site) and return plain data
//! or finished SVG markup; the render stage puts them on pages. A timeline
//! or a map is a [`Picture`]: drawn for a wide screen and again for a phone
//! (where the wide one would shrink its text to a few pixels), with the key
//! of what it shows. They must
//! never read the clock, the file system or anything but the graph (the same
//! site gives the same bytes), never use randomness (layouts are computed,
//! not searched), and never write a string from front matter into markup
//! unescaped: all SVG goes through [`svg::Svg`]. They know nothing of
//! templates or of how links are written: callers pass an [`Href`].

pub(crate) mod changes;
pub(crate) mod map;
pub(crate) mod matrix;
pub(crate) mod neighbours;
pub(crate) mod previews;
pub(crate) mod ranking;
pub(crate) mod sparkline;
pub(crate) mod svg;
pub(crate) mod timeline;

use serde::Serialize;

use crate::graph::{ActionId, Site, Target};

/// A picture drawn twice, and its key.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Picture {
    /// The SVG for a wide screen (empty: nothing to draw).
    pub wide: String,
    /// The same picture drawn for a phone's width, with the same marks and
    /// links, its text as large as the wide one's.
    pub small: String,
    /// The kinds of mark the wide picture shows, in the key's order: none
    /// that is not on it.
    pub key: Vec<Swatch>,
}

/// An entry of a picture's key: the mark's shape and class (as the picture
/// draws it) and what it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub(crate) struct Swatch {
    /// `circle`, `diamond`, `square` or `bar`.
    pub shape: &'static str,
    pub class: &'static str,
    /// What it stands for, in English.
    pub label: &'static str,
    /// The id of its label in the translation files (`key_meeting`).
    pub id: &'static str,
}

/// A key's entry: its mark's shape and class, its English label and the
/// id of its label in the translation files.
const fn swatch(
    shape: &'static str,
    class: &'static str,
    label: &'static str,
    id: &'static str,
) -> Swatch {
    Swatch {
        shape,
        class,
        label,
        id,
    }
}

/// The entries of `all` (a key's every entry, in order) whose index is in
/// `used`.
fn key_of(all: &[Swatch], used: &std::collections::BTreeSet<usize>) -> Vec<Swatch> {
    used.iter().filter_map(|&i| all.get(i).copied()).collect()
}

/// How a view links to a page: the `href` of `target` as the page the view
/// is drawn on must write it (root included).
pub(crate) type Href<'a> = dyn Fn(Target) -> String + 'a;

/// An action's state as views colour it: its status, or `overdue`.
pub(crate) fn tone(site: &Site, action: ActionId) -> &'static str {
    let a = &site.actions[action];
    if a.overdue {
        "overdue"
    } else {
        a.status.as_str()
    }
}

/// How urgent a tone is, to pick one for several actions.
fn urgency(tone: &str) -> u8 {
    match tone {
        "overdue" => 4,
        "open" => 3,
        "in-progress" => 2,
        "done" => 1,
        _ => 0,
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use crate::config::Config;
    use crate::graph::{EntityId, Id, Site, TopicId};
    use crate::source::{Kind, SourceFile};

    /// A resolved site from `(path under content/, text)` pairs, with
    /// today 2024-03-01; panics on content errors.
    pub(crate) fn site(files: &[(&str, &str)]) -> Site {
        let files = files
            .iter()
            .map(|(path, text)| SourceFile {
                kind: match path.split('/').next() {
                    Some("meetings") => Kind::Meeting,
                    Some("entities") => Kind::Entity,
                    Some("topics") => Kind::Topic,
                    _ => Kind::Page,
                },
                path: format!("content/{path}").into(),
                text: (*text).to_owned(),
            })
            .collect();
        let dir = std::env::temp_dir().join("quorum-no-such-site");
        let mut config = Config::load(&dir, &Default::default()).expect("default configuration");
        config.today = jiff::civil::date(2024, 3, 1);
        let resolved = crate::graph::resolve(crate::model::parse(files), &config);
        let errors: Vec<String> = resolved
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .map(|d| d.to_string())
            .collect();
        assert!(errors.is_empty(), "{}", errors.join("\n"));
        resolved.site
    }

    /// The entity of `s` called `name`.
    pub(crate) fn entity(s: &Site, name: &str) -> EntityId {
        EntityId::new(s.entities.iter().position(|e| e.name == name).unwrap())
    }

    /// The topic of `s` called `name`.
    pub(crate) fn topic(s: &Site, name: &str) -> TopicId {
        TopicId::new(s.topics.iter().position(|t| t.name == name).unwrap())
    }
}
