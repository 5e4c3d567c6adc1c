//! The front matter of each kind of file, as typed structs.
//!
//! These mirror docs/format.md key for key. Unknown keys are rejected (serde's
//! `deny_unknown_fields`), and each struct lists its keys for the "did you
//! mean" of a misspelt one. Refs stay strings here: resolving them is the
//! graph's job.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use super::date::PartialDate;
use super::lang::Language;

/// Front matter of `content/meetings/**.md`.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct MeetingFront {
    pub title: String,
    pub date: PartialDate,
    #[serde(default)]
    pub series: Option<String>,
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default)]
    pub chair: Option<String>,
    #[serde(default)]
    pub attendees: Vec<Attendee>,
    #[serde(default)]
    pub entities: Vec<String>,
    #[serde(default)]
    pub topics: Vec<String>,
    #[serde(default)]
    pub actions: Vec<ActionFront>,
    #[serde(default)]
    pub decisions: Vec<DecisionFront>,
    #[serde(default)]
    pub updates: Vec<UpdateFront>,
    #[serde(default)]
    pub documents: Vec<Document>,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    pub draft: bool,
    /// The language its text is written in, when it is not the site's.
    #[serde(default)]
    pub language: Option<Language>,
}

impl MeetingFront {
    /// The front matter without the places in the minutes of the actions
    /// and decisions written there: where they are in the file, and which
    /// of its blocks they are.
    pub(crate) fn placeless(&self) -> MeetingFront {
        let mut front = self.clone();
        let origins = front
            .actions
            .iter_mut()
            .map(|a| &mut a.origin)
            .chain(front.decisions.iter_mut().map(|d| &mut d.origin));
        for origin in origins.flatten() {
            origin.ordinal = 0;
            origin.offset = 0;
            origin.keys.iter_mut().for_each(|(_, at)| *at = 0);
        }
        front
    }

    /// Every key a meeting accepts.
    pub const KEYS: &'static [&'static str] = &[
        "title",
        "date",
        "series",
        "location",
        "chair",
        "attendees",
        "entities",
        "topics",
        "actions",
        "decisions",
        "updates",
        "documents",
        "summary",
        "draft",
        "language",
    ];
}

/// An attendee: a ref, or `{ref, role}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attendee {
    pub name: String,
    pub role: Option<String>,
}

impl<'de> Deserialize<'de> for Attendee {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Full {
            #[serde(rename = "ref")]
            name: String,
            #[serde(default)]
            role: Option<String>,
        }
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Attendee;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a name, or { ref: name, role: role }")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Attendee, E> {
                Ok(Attendee {
                    name: v.to_owned(),
                    role: None,
                })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Attendee, A::Error> {
                let full = Full::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(Attendee {
                    name: full.name,
                    role: full.role,
                })
            }
        }
        d.deserialize_any(V)
    }
}

/// One ref or a list of refs (an action's `owner`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OneOrMany(pub Vec<String>);

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = OneOrMany;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a name or a list of names")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<OneOrMany, E> {
                Ok(OneOrMany(vec![v.to_owned()]))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<OneOrMany, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    out.push(s);
                }
                Ok(OneOrMany(out))
            }
        }
        d.deserialize_any(V)
    }
}

/// The state of an action item.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    #[default]
    Open,
    InProgress,
    Done,
    Dropped,
}

impl Status {
    /// The value as written in front matter.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::InProgress => "in-progress",
            Status::Done => "done",
            Status::Dropped => "dropped",
        }
    }

    /// The label pages show.
    pub fn label(self) -> &'static str {
        match self {
            Status::Open => "Open",
            Status::InProgress => "In progress",
            Status::Done => "Done",
            Status::Dropped => "Dropped",
        }
    }

    /// Open or in progress: still owed.
    pub fn is_pending(self) -> bool {
        matches!(self, Status::Open | Status::InProgress)
    }
}

/// An action decided at a meeting.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ActionFront {
    #[serde(default)]
    pub id: Option<String>,
    /// Where it is written in the body, when it is (see [`Origin`]).
    #[serde(skip)]
    pub origin: Option<Origin>,
    #[serde(default)]
    pub owner: OneOrMany,
    pub text: String,
    /// `text` as plain text ([`crate::markdown::inline_text`]), worked out
    /// once when the file is parsed.
    #[serde(skip)]
    pub plain: Option<String>,
    #[serde(default)]
    pub due: Option<PartialDate>,
    #[serde(default)]
    pub status: Status,
    #[serde(default)]
    pub topics: Vec<String>,
}

/// Where an action or decision written in the minutes is: the number of
/// its paragraph or list item, and the places in the file of its text and
/// of each key of its attribute block, for messages.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    pub ordinal: u32,
    pub offset: usize,
    pub keys: Vec<(String, usize)>,
}

impl Origin {
    /// Where `key` is written, or else the text.
    pub fn at(&self, key: &str) -> usize {
        self.keys
            .iter()
            .find(|(k, _)| k == key)
            .map_or(self.offset, |(_, o)| *o)
    }
}

/// A decision taken at a meeting.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct DecisionFront {
    /// Where it is written in the body, when it is (see [`Origin`]).
    #[serde(skip)]
    pub origin: Option<Origin>,
    pub text: String,
    /// `text` as plain text ([`crate::markdown::inline_text`]), worked out
    /// once when the file is parsed.
    #[serde(skip)]
    pub plain: Option<String>,
    #[serde(default)]
    pub topics: Vec<String>,
}

/// Progress on an action of an earlier meeting.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct UpdateFront {
    pub action: String,
    #[serde(default)]
    pub status: Option<Status>,
    #[serde(default)]
    pub note: Option<String>,
    #[serde(default)]
    pub due: Option<PartialDate>,
}

/// A document tabled at a meeting.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub title: String,
    #[serde(default)]
    pub url: Option<String>,
}

/// Front matter of `content/entities/**.md`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntityFront {
    pub name: String,
    #[serde(default)]
    pub short: Option<String>,
    #[serde(default)]
    pub kind: EntityKind,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub parent: Option<String>,
    #[serde(default)]
    pub affiliation: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// Phrases that contain a name of the entity but do not mean it
    /// ("Google Calendar" for Google): never taken as mentions.
    #[serde(default)]
    pub not_mentions: Vec<String>,
    /// The language its text is written in, when it is not the site's.
    #[serde(default)]
    pub language: Option<Language>,
}

impl EntityFront {
    /// Every key an entity accepts.
    pub const KEYS: &'static [&'static str] = &[
        "name",
        "short",
        "kind",
        "aliases",
        "parent",
        "affiliation",
        "title",
        "url",
        "not_mentions",
        "language",
    ];
}

/// What an entity is.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize,
)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Organization,
    Body,
    Person,
    Country,
    #[default]
    Other,
}

impl EntityKind {
    /// All kinds, in the order the directory lists them.
    pub const ALL: [EntityKind; 5] = [
        EntityKind::Organization,
        EntityKind::Body,
        EntityKind::Person,
        EntityKind::Country,
        EntityKind::Other,
    ];

    /// The value as written in front matter.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Organization => "organization",
            EntityKind::Body => "body",
            EntityKind::Person => "person",
            EntityKind::Country => "country",
            EntityKind::Other => "other",
        }
    }

    /// A heading for a group of entities of this kind.
    pub fn plural_label(self) -> &'static str {
        match self {
            EntityKind::Organization => "Organizations",
            EntityKind::Body => "Bodies",
            EntityKind::Person => "People",
            EntityKind::Country => "Countries",
            EntityKind::Other => "Other",
        }
    }
}

/// Front matter of `content/topics/**.md`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopicFront {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub parent: Option<String>,
    /// The language its text is written in, when it is not the site's.
    #[serde(default)]
    pub language: Option<Language>,
}

impl TopicFront {
    /// Every key a topic accepts.
    pub const KEYS: &'static [&'static str] = &["name", "aliases", "parent", "language"];
}

/// Front matter of `content/pages/**.md`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageFront {
    pub title: String,
    #[serde(default)]
    pub order: Option<i64>,
    /// The language its text is written in, when it is not the site's.
    #[serde(default)]
    pub language: Option<Language>,
}

impl PageFront {
    /// Every key a page accepts.
    pub const KEYS: &'static [&'static str] = &["title", "order", "language"];
}
