//! New content files, prepared from the site: `quorum new meeting`,
//! `quorum new entity`, `quorum new topic`.
//!
//! A new meeting starts from its series' last meeting (see `meeting.rs`);
//! a new entity or topic from its name (see `entry.rs`). The text comes
//! from an archetype — the site's `archetypes/<kind>.md`, or the built-in
//! one — with its placeholders filled in (see `template.rs`), and is
//! checked to be a valid file of its kind before anything is written. This
//! module never replaces or changes an existing file: it writes one new
//! file, or nothing.

mod entry;
mod guess;
mod meeting;
mod template;
mod yaml;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

pub use entry::EntryRequest;
pub use meeting::MeetingRequest;

use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::frontmatter;
use crate::graph::Site;
use crate::markdown::{DEFAULT_ACTION_ITEMS, RawHtml};
use crate::model::date::PartialDate;
use crate::model::front::{EntityFront, MeetingFront, TopicFront};
use template::{Template, Value};

/// What to prepare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// The next meeting of a series.
    Meeting(MeetingRequest),
    /// A person, organisation, body or country.
    Entity(EntryRequest),
    /// A subject of the minutes.
    Topic(EntryRequest),
}

impl Request {
    /// `meeting`, `entity` or `topic`: the archetype's name.
    pub fn word(&self) -> &'static str {
        match self {
            Request::Meeting(_) => "meeting",
            Request::Entity(_) => "entity",
            Request::Topic(_) => "topic",
        }
    }

    /// The built-in archetype.
    fn builtin(&self) -> &'static str {
        match self {
            Request::Meeting(_) => include_str!("meeting.md"),
            Request::Entity(_) => include_str!("entity.md"),
            Request::Topic(_) => include_str!("topic.md"),
        }
    }
}

/// A new file, ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// Where it goes, relative to the site's root.
    pub path: PathBuf,
    /// Its text.
    pub text: String,
    /// What was worked out from the site, for the author to know.
    pub notes: Vec<String>,
}

/// Prepares the file `request` asks for on `site`, from the archetypes of
/// the site at `config.root`.
pub fn draft(site: &Site, config: &Config, request: &Request) -> Result<Draft, Diagnostic> {
    let (mut values, path, mut notes) = match request {
        Request::Meeting(m) => {
            let plan = meeting::plan(site, PartialDate::from_date(config.today), m)?;
            (plan.values, plan.path, plan.notes)
        }
        Request::Entity(e) | Request::Topic(e) => {
            let plan = entry::plan(site, matches!(request, Request::Entity(_)), e)?;
            (plan.values, plan.path, plan.notes)
        }
    };
    let template = Template::load(&config.root, request.word(), request.builtin())?;
    if let Request::Meeting(_) = request {
        let heading = action_heading(config, &mut notes);
        values.push(("action_items", Value::scalar(Some(&heading))));
        if config.raw_html == RawHtml::Escape && template.uses_comments() {
            notes.push(
                "this site shows HTML as text (raw_html: escape): delete the <!-- … --> notes of the new file before it is published".to_owned(),
            );
        }
    }
    let text = template.fill(&values)?;
    let valid = match request {
        Request::Meeting(_) => check::<MeetingFront>(&text, MeetingFront::KEYS),
        Request::Entity(_) => check::<EntityFront>(&text, EntityFront::KEYS),
        Request::Topic(_) => check::<TopicFront>(&text, TopicFront::KEYS),
    };
    if let Err((offset, message)) = valid {
        let help = if template.own {
            format!(
                "the file is made from {}: correct it there",
                template.path.display()
            )
        } else {
            "the file is made from the built-in archetype: please report this".to_owned()
        };
        return Err(Diagnostic::error(
            &path,
            format!("the new {} would not be valid: {message}", request.word()),
        )
        .at_offset(&text, offset)
        .help(help));
    }
    Ok(Draft { path, text, notes })
}

/// The heading under which the site's task items are actions: "Action
/// items" unless the site names others (`action_items:`), then the first of
/// those, capitalised.
fn action_heading(config: &Config, notes: &mut Vec<String>) -> String {
    let conventions = &config.conventions.action_items;
    let default = DEFAULT_ACTION_ITEMS[0];
    if conventions.heading(default) {
        return default.to_owned();
    }
    let Some(first) = conventions.words().first() else {
        notes.push(
            "this site turns action headings off (action_items: []): mark each action with {.action}".to_owned(),
        );
        return default.to_owned();
    };
    let mut chars = first.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// "s" for counts other than one.
fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Whether `text` is a valid file whose front matter is an `F`: the byte
/// offset and message of the problem when it is not.
fn check<F: DeserializeOwned>(text: &str, keys: &[&str]) -> Result<(), (usize, String)> {
    let split = frontmatter::split(text).map_err(|e| (e.offset, e.message))?;
    frontmatter::parse::<F>(&split, keys)
        .map(drop)
        .map_err(|e| (e.offset, e.message))
}

impl Draft {
    /// Writes the file under `root`, making its folders. A file already at
    /// its place is never replaced: that is an error naming it.
    pub fn write(&self, root: &Path) -> Result<(), Diagnostic> {
        let full = root.join(&self.path);
        if let Some(parent) = full.parent() {
            fs::create_dir_all(parent).map_err(|e| {
                Diagnostic::error(&self.path, format!("cannot make its folder: {e}"))
            })?;
        }
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&full)
            .map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => {
                    Diagnostic::error(&self.path, "this file already exists; it is left as it is")
                        .help("edit it, or give the new file another name (or date)")
                }
                _ => Diagnostic::error(&self.path, format!("cannot create it: {e}")),
            })?;
        file.write_all(self.text.as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(|e| {
                // A file cut short would stand in the way of the next try.
                let _ = fs::remove_file(&full);
                Diagnostic::error(&self.path, format!("cannot write it: {e}"))
            })
    }
}
