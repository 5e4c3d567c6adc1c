//! `feed.xml`: an Atom feed (RFC 4287) of the latest meetings.
//!
//! Entries are the 50 newest meetings, newest first, each with its summary
//! and a link to its page. Ids are the meetings' permalinks, so they stay the
//! same from build to build. `updated` comes from the meetings' dates (a
//! month-only date counts as the first of its month), never from the clock;
//! a feed without meetings says `1970-01-01T00:00:00Z`.

use jiff::civil::Date;

use std::io::Write;

use super::xml::Xml;
use super::{io, iso_day};
use crate::graph::{MeetingId, Target, ids};
use crate::page::Ctx;

/// How many meetings the feed holds.
pub(super) const LIMIT: usize = 50;

const ATOM: &str = "http://www.w3.org/2005/Atom";

/// An Atom date-time for the start of `d`, in UTC.
fn timestamp(d: Date) -> String {
    format!("{}T00:00:00Z", iso_day(d))
}

/// Writes the feed.
pub(super) fn write(
    ctx: &Ctx<'_>,
    out: &mut dyn Write,
    _: &mut super::Reuse<'_>,
) -> Result<(), String> {
    let site = ctx.site;
    let urls = ctx.urls;
    let latest: Vec<MeetingId> = ids(&site.meetings).rev().take(LIMIT).collect();
    let updated = latest
        .iter()
        .map(|&m| site.meetings[m].date.start())
        .max()
        .map_or_else(|| "1970-01-01T00:00:00Z".to_owned(), timestamp);
    let self_url = urls.permalink("feed.xml");
    let mut x = Xml::new()?;
    x.open(
        "feed",
        &[("xmlns", ATOM), ("xml:lang", ctx.strings.language().tag())],
    )?;
    x.text("id", &[], &urls.permalink(""))?;
    x.text("title", &[("type", "text")], &ctx.config.title)?;
    if let Some(description) = &ctx.config.description {
        x.text("subtitle", &[("type", "text")], description)?;
    }
    x.text("updated", &[], &updated)?;
    x.empty(
        "link",
        &[
            ("rel", "self"),
            ("type", "application/atom+xml"),
            ("href", &self_url),
        ],
    )?;
    x.empty(
        "link",
        &[
            ("rel", "alternate"),
            ("type", "text/html"),
            ("href", &urls.permalink("")),
        ],
    )?;
    x.open("author", &[])?;
    x.text("name", &[], &ctx.config.title)?;
    x.close("author")?;
    x.text(
        "generator",
        &[("version", env!("CARGO_PKG_VERSION"))],
        "quorum",
    )?;
    for &m in &latest {
        entry(ctx, &mut x, m)?;
    }
    x.close("feed")?;
    out.write_all(&x.finish()).map_err(io)
}

fn entry(ctx: &Ctx<'_>, x: &mut Xml, m: MeetingId) -> Result<(), String> {
    let site = ctx.site;
    let meeting = &site.meetings[m];
    let url = ctx.urls.permalink(&site.path(Target::Meeting(m)));
    let topics_url = ctx.urls.permalink("topics/");
    x.open("entry", &[])?;
    x.text("id", &[], &url)?;
    x.text("title", &[("type", "text")], &meeting.doc.front.title)?;
    x.empty(
        "link",
        &[("rel", "alternate"), ("type", "text/html"), ("href", &url)],
    )?;
    let date = timestamp(meeting.date.start());
    x.text("published", &[], &date)?;
    x.text("updated", &[], &date)?;
    if !meeting.summary().trim().is_empty() {
        x.text("summary", &[("type", "text")], meeting.summary())?;
    }
    for &t in &meeting.topics {
        let topic = &site.topics[t];
        x.empty(
            "category",
            &[
                ("term", topic.slug.as_str()),
                ("scheme", &topics_url),
                ("label", &topic.name),
            ],
        )?;
    }
    x.close("entry")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_utc_midnight() {
        let d = Date::new(2006, 7, 1).unwrap();
        assert_eq!(timestamp(d), "2006-07-01T00:00:00Z");
    }
}
