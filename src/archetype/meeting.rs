//! The next meeting of a series, prepared from the last one: what is
//! carried over (series, location, chair, attendees), what is still owed
//! (every pending action of the series, ready to be reported on), and
//! where the new file goes.

use std::path::{Path, PathBuf};

use super::plural;
use super::template::Value;
use super::yaml;
use crate::diagnostic::Diagnostic;
use crate::graph::index::fold;
use crate::graph::{Action, Meeting, Site};
use crate::graph::{Id, MeetingId, SeriesId, ids};
use crate::model::date::PartialDate;
use crate::model::slug::Slug;

/// What `quorum new meeting` was asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MeetingRequest {
    /// The series, by name or slug; by default the series of the site's
    /// most recent meeting.
    pub series: Option<String>,
    /// The meeting's date; by default today.
    pub date: Option<PartialDate>,
    /// The title; by default made from the series and the date.
    pub title: Option<String>,
}

/// The new meeting, worked out.
pub(super) struct Plan {
    pub values: Vec<(&'static str, Value)>,
    /// Relative to the site's root.
    pub path: PathBuf,
    pub notes: Vec<String>,
}

/// The longest action text an update's comment quotes, in characters.
const TEXT_CUT: usize = 80;

/// Works out the meeting `request` asks for on `site`, `today` being the
/// date when none is asked for.
pub(super) fn plan(
    site: &Site,
    today: PartialDate,
    request: &MeetingRequest,
) -> Result<Plan, Diagnostic> {
    let date = request.date.unwrap_or(today);
    let mut notes = Vec::new();
    let group = group(site, date, request.series.as_deref(), &mut notes)?;
    let base = group.base.map(|m| &site.meetings[m]);
    let series = group.name.as_deref();
    let (title, slug, path) = place(site, base, series, date, request.title.as_deref())?;
    let actions = pending(site, &group.meetings);
    notes.extend(told(base, &actions));
    let front = base.map(|m| &m.doc.front);
    let values = vec![
        ("title", Value::scalar(Some(&title))),
        ("date", Value::plain(&date.iso())),
        ("slug", Value::plain(slug.as_str())),
        ("series", Value::scalar(series)),
        (
            "location",
            Value::scalar(front.and_then(|f| f.location.as_deref())),
        ),
        (
            "chair",
            Value::scalar(front.and_then(|f| f.chair.as_deref())),
        ),
        ("attendees", attendees(base)),
        ("updates", updates(site, &actions)),
    ];
    Ok(Plan {
        values,
        path,
        notes,
    })
}

/// The new meeting's title, slug and file, unless its slug is a year or
/// another meeting's.
fn place(
    site: &Site,
    base: Option<&Meeting>,
    series: Option<&str>,
    date: PartialDate,
    title: Option<&str>,
) -> Result<(String, Slug, PathBuf), Diagnostic> {
    let (title, slug) = match title.map(str::trim) {
        Some("") => {
            return Err(Diagnostic::error("", "the title is empty")
                .help("give a title with words in it, or none for the default"));
        }
        Some(t) => (t.to_owned(), Slug::from_name(t)),
        None => (
            default_title(base, series, date),
            default_slug(base, series, date),
        ),
    };
    let path = folder(base, date).join(format!("{slug}.md"));
    if slug.as_str().len() == 4 && slug.as_str().bytes().all(|b| b.is_ascii_digit()) {
        return Err(Diagnostic::error(
            &path,
            format!(
                "the meeting's slug would be `{slug}`, a year: its page would take the address of the page of {slug}'s meetings, meetings/{slug}/"
            ),
        )
        .help(format!("give a title with a word in it, e.g. \"Board {slug}\"")));
    }
    if let Some(other) = site.meetings.iter().find(|m| m.slug == slug) {
        let message = if other.doc.path() == path {
            "this file already exists; it is left as it is".to_owned()
        } else {
            format!("a meeting with the slug `{slug}` already exists here")
        };
        return Err(Diagnostic::error(other.doc.path(), message)
            .help("edit it, or give the new meeting another title (or --date)"));
    }
    Ok((title, slug, path))
}

/// What the author is told: what was carried over, what is listed.
fn told(base: Option<&Meeting>, actions: &[&Action]) -> Vec<String> {
    let mut notes = Vec::new();
    if let Some(base) = base {
        let n = base.doc.front.attendees.len();
        notes.push(format!(
            "carried over from {}: {}{n} attendee{}",
            base.doc.path().display(),
            carried(base),
            plural(n)
        ));
    }
    if !actions.is_empty() {
        let overdue = match actions.iter().filter(|a| a.overdue).count() {
            0 => String::new(),
            n => format!(", {n} of them overdue"),
        };
        notes.push(format!(
            "{} pending action{} listed under `updates:`{overdue}, commented out: uncomment the ones to report on",
            actions.len(),
            plural(actions.len())
        ));
    }
    notes
}

/// The meetings a new meeting follows on from: those of its series (or,
/// without a series, those without one) before its date.
struct Group {
    /// The series' name, as its last meeting writes it.
    name: Option<String>,
    /// Oldest first.
    meetings: Vec<MeetingId>,
    /// The last of them.
    base: Option<MeetingId>,
}

fn group(
    site: &Site,
    date: PartialDate,
    series: Option<&str>,
    notes: &mut Vec<String>,
) -> Result<Group, Diagnostic> {
    let before = |m: &Meeting| m.date.start() < date.start();
    let series = match series.map(str::trim) {
        Some("") => {
            return Err(Diagnostic::error("", "the series is empty")
                .help("name a series, or leave out --series for the series of the last meeting"));
        }
        Some(name) => {
            let found = site.series.iter().position(|s| {
                fold(&s.name) == fold(name) || s.slug.as_str() == Slug::from_name(name).as_str()
            });
            if found.is_none() {
                return new_series(site, name, notes);
            }
            found.map(SeriesId::new)
        }
        None => site
            .meetings
            .iter()
            .rposition(before)
            .and_then(|m| site.meetings[m].series),
    };
    let meetings: Vec<MeetingId> = ids(&site.meetings)
        .filter(|&m| site.meetings[m].series == series && before(&site.meetings[m]))
        .collect();
    let base = meetings.last().copied();
    let name = match (series, base) {
        (Some(_), Some(b)) => site.meetings[b]
            .doc
            .front
            .series
            .as_deref()
            .map(|s| s.trim().to_owned()),
        (Some(s), None) => Some(site.series[s].name.clone()),
        (None, _) => None,
    };
    Ok(Group {
        name,
        meetings,
        base,
    })
}

/// A series no meeting has yet, unless its name is close to one that has
/// (a misspelling).
fn new_series(site: &Site, name: &str, notes: &mut Vec<String>) -> Result<Group, Diagnostic> {
    let known: Vec<&str> = site.series.iter().map(|s| s.name.as_str()).collect();
    if let Some(near) = crate::frontmatter::did_you_mean(name, &known) {
        return Err(
            Diagnostic::error("", format!("there is no series `{name}`"))
                .help(format!("did you mean `{near}`?")),
        );
    }
    notes.push(if known.is_empty() {
        format!("no meeting of the series `{name}` yet: it starts with this one")
    } else {
        format!(
            "no meeting of the series `{name}` yet: it starts with this one (the series there are: {})",
            known.join(", ")
        )
    });
    Ok(Group {
        name: Some(name.to_owned()),
        meetings: Vec::new(),
        base: None,
    })
}

/// What the base meeting gives besides its attendees, for the note.
fn carried(base: &Meeting) -> String {
    let f = &base.doc.front;
    [
        ("series", &f.series),
        ("location", &f.location),
        ("chair", &f.chair),
    ]
    .iter()
    .filter(|(_, v)| v.as_deref().is_some_and(|v| !v.trim().is_empty()))
    .map(|(k, _)| format!("{k}, "))
    .collect()
}

/// The last meeting's title with its date replaced by the new one, when
/// the title holds it ("Tessera TSC meeting 2025-06-04"); else
/// "<series> <date>", or "Meeting <date>" without a series.
fn default_title(base: Option<&Meeting>, series: Option<&str>, date: PartialDate) -> String {
    if let Some(title) = base.and_then(|b| with_new_date(&b.doc.front.title, b.date, date)) {
        return title;
    }
    format!("{} {}", series.unwrap_or("Meeting"), date.iso())
}

/// The last meeting's slug with its date replaced, when it starts or ends
/// with it (`tsc-2025-06-04`, `2024-01-15-board`); else
/// `<series-slug>-<date>`, or `meeting-<date>`.
fn default_slug(base: Option<&Meeting>, series: Option<&str>, date: PartialDate) -> Slug {
    base.and_then(|b| {
        let (slug, old, new) = (b.slug.as_str(), b.date.iso(), date.iso());
        let replaced = match (slug.strip_suffix(&old), slug.strip_prefix(&old)) {
            (Some(prefix), _) => format!("{prefix}{new}"),
            (None, Some(rest)) => format!("{new}{rest}"),
            (None, None) => return None,
        };
        Slug::parse(&replaced)
    })
    .unwrap_or_else(|| Slug::from_name(&format!("{} {}", series.unwrap_or("meeting"), date.iso())))
}

/// `text` with the one place that writes `old` replaced by `new`.
fn with_new_date(text: &str, old: PartialDate, new: PartialDate) -> Option<String> {
    let old = old.iso();
    (text.matches(&old).count() == 1).then(|| text.replacen(&old, &new.iso(), 1))
}

/// Where the new file goes: the folder of the series' last meeting under
/// `content/meetings/`, its year folder (if it has one) replaced by the new
/// date's year; `content/meetings/<year>/` when there is no folder to follow.
fn folder(base: Option<&Meeting>, date: PartialDate) -> PathBuf {
    let meetings = Path::new("content").join("meetings");
    let mut within = base
        .and_then(|b| b.doc.path().parent()?.strip_prefix(&meetings).ok())
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let is_year = |p: &Path| {
        p.file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.len() == 4 && n.bytes().all(|b| b.is_ascii_digit()))
    };
    if is_year(&within) {
        within.pop();
    }
    meetings.join(within).join(format!("{:04}", date.year()))
}

/// The last meeting's attendees, as it writes them.
fn attendees(base: Option<&Meeting>) -> Value {
    let list = base.map_or(&[][..], |b| &b.doc.front.attendees[..]);
    let items: Vec<String> = list
        .iter()
        .map(|a| match &a.role {
            Some(role) => format!(
                "- {{ ref: {}, role: {} }}",
                yaml::scalar(&a.name),
                yaml::scalar(role)
            ),
            None => format!("- {}", yaml::scalar(&a.name)),
        })
        .collect();
    let lines: Vec<String> = list
        .iter()
        .map(|a| match &a.role {
            Some(role) => format!("* {} ({role})", a.name),
            None => format!("* {}", a.name),
        })
        .collect();
    Value::block(&items, &lines)
}

/// The pending actions decided at `meetings`, in the order they were decided.
fn pending<'s>(site: &'s Site, meetings: &[MeetingId]) -> Vec<&'s Action> {
    site.actions
        .iter()
        .filter(|a| a.status.is_pending() && meetings.binary_search(&a.meeting).is_ok())
        .collect()
}

/// An update line for each action, commented out, with what the action is.
fn updates(site: &Site, actions: &[&Action]) -> Value {
    let items: Vec<String> = actions
        .iter()
        .map(|a| {
            format!(
                "# - {{ action: {}, status: done, note: \"\" }}  # {}",
                yaml::scalar(&a.id),
                describe(site, a)
            )
        })
        .collect();
    let lines: Vec<String> = actions
        .iter()
        .map(|a| format!("* {} (`{}`)", describe(site, a), a.id))
        .collect();
    Value::block(&items, &lines)
}

/// "<text> — <owner>, due <date>", on one line.
fn describe(site: &Site, a: &Action) -> String {
    let words: Vec<&str> = a.text.split_whitespace().collect();
    let mut text = words.join(" ");
    if let Some((cut, _)) = text.char_indices().nth(TEXT_CUT) {
        // At the last word that fits whole, unless that leaves little.
        let cut = match text[..cut].rfind(' ') {
            _ if text[cut..].starts_with(' ') => cut,
            Some(space) if space > cut / 2 => space,
            _ => cut,
        };
        text.truncate(cut);
        text = format!("{}…", text.trim_end());
    }
    let owners: Vec<&str> = a
        .owners
        .iter()
        .map(|&o| site.entities[o].display_name())
        .collect();
    if !owners.is_empty() {
        text.push_str(&format!(" — {}", owners.join(" and ")));
    }
    if let Some(due) = a.due {
        text.push_str(&format!(", due {}", due.iso()));
        if a.overdue {
            text.push_str(" (overdue)");
        }
    }
    text
}
