//! `calendar.ics`: meetings and action due dates as iCalendar (RFC 5545).
//!
//! Meetings are all-day events (`VEVENT`). A meeting whose minutes give only
//! the month spans that whole month, from the 1st to the last day, and its
//! description says so: the file never invents a day. Actions with a due
//! date are to-dos (`VTODO`) due on that day; a month-only due date falls on
//! the month's last day. Actions without a due date are left out.
//!
//! UIDs (`meeting-<slug>@<host>`, `action-<slug>@<host>`) and `DTSTAMP`
//! (midnight UTC of the build's `today`) are the same in every build with the
//! same input: this module must never read the clock. Lines end in CRLF and
//! are folded at 75 octets, between UTF-8 characters.

use jiff::civil::Date;

use std::io::Write;

use super::{PIECE, drain, host};
use crate::graph::{Action, ActionId, Meeting, MeetingId, Target, TopicId, with_ids};
use crate::i18n::Arg;
use crate::model::date::PartialDate;
use crate::model::front::Status;
use crate::page::Ctx;

/// The longest line, in octets, without its CRLF.
const WIDTH: usize = 75;

/// Writes the calendar.
pub(super) fn write(
    ctx: &Ctx<'_>,
    out: &mut dyn Write,
    pieces: &mut super::Reuse<'_>,
) -> Result<(), String> {
    let site = ctx.site;
    let cal = Calendar {
        stamp: format!("{}T000000Z", basic(site.today)),
        host: host(&ctx.urls.base_url),
        description: format!("DESCRIPTION;LANGUAGE={}", ctx.strings.language().tag()),
    };
    let mut buf = String::new();
    line(&mut buf, "BEGIN", "VCALENDAR");
    line(&mut buf, "VERSION", "2.0");
    line(
        &mut buf,
        "PRODID",
        concat!("-//quorum//quorum ", env!("CARGO_PKG_VERSION"), "//EN"),
    );
    line(&mut buf, "CALSCALE", "GREGORIAN");
    line(&mut buf, "METHOD", "PUBLISH");
    line(&mut buf, "X-WR-CALNAME", &text(&ctx.config.title));
    if let Some(description) = &ctx.config.description {
        let name = format!("X-WR-CALDESC;LANGUAGE={}", ctx.strings.language().tag());
        line(&mut buf, &name, &text(description));
    }
    // An entry reads what lists show of its meeting or its action, beside
    // the links and names every page shows; `today` and the base URL are
    // the configuration's, and a new configuration renders all anew.
    for (i, meeting) in with_ids(&site.meetings) {
        pieces.append(
            &mut buf,
            |v, h| {
                h.write_u64(1);
                h.write_u64(v.listed[i]);
            },
            |text| cal.event(text, ctx, i, meeting),
        );
        drain(&mut buf, out, PIECE)?;
    }
    for (i, action) in with_ids(&site.actions) {
        if let Some(due) = action.due {
            pieces.append(
                &mut buf,
                |v, h| {
                    h.write_u64(2);
                    h.write_u64(v.actions[i]);
                },
                |text| cal.todo(text, ctx, i, action, due),
            );
            drain(&mut buf, out, PIECE)?;
        }
    }
    line(&mut buf, "END", "VCALENDAR");
    drain(&mut buf, out, 0)
}

/// What every entry of the calendar shares.
struct Calendar {
    stamp: String,
    host: String,
    /// The name of the `DESCRIPTION` property, with the language of the
    /// notes quorum writes in it.
    description: String,
}

/// Appends the content line `name:value` to `out`; `value` is already
/// escaped for its type.
fn line(out: &mut String, name: &str, value: &str) {
    fold(&format!("{name}:{value}"), out);
}

impl Calendar {
    fn categories(&self, out: &mut String, ctx: &Ctx<'_>, topics: &[TopicId]) {
        if !topics.is_empty() {
            let names: Vec<String> = topics
                .iter()
                .map(|&t| text(&ctx.site.topics[t].name))
                .collect();
            line(out, "CATEGORIES", &names.join(","));
        }
    }

    fn event(&self, out: &mut String, ctx: &Ctx<'_>, i: MeetingId, meeting: &Meeting) {
        let url = ctx.urls.permalink(&ctx.site.path(Target::Meeting(i)));
        let date = meeting.date;
        let mut notes: Vec<String> = Vec::new();
        if !meeting.summary().trim().is_empty() {
            notes.push(meeting.summary().to_owned());
        }
        let strings = ctx.strings;
        let dates = strings.dates();
        if !date.has_day() {
            notes.push(strings.format(
                "cal_month_only",
                &[("month", Arg::Text(&date.display(dates)))],
            ));
        }
        notes.push(strings.format("cal_minutes", &[("url", Arg::Text(&url))]));
        line(out, "BEGIN", "VEVENT");
        line(
            out,
            "UID",
            &format!("meeting-{}@{}", meeting.slug, self.host),
        );
        line(out, "DTSTAMP", &self.stamp);
        line(out, "DTSTART;VALUE=DATE", &basic(date.start()));
        if let Ok(end) = date.end().tomorrow() {
            // DTEND of an all-day event is exclusive: the day after the last.
            line(out, "DTEND;VALUE=DATE", &basic(end));
        }
        line(out, "SUMMARY", &text(&meeting.doc.front.title));
        if let Some(location) = &meeting.doc.front.location {
            line(out, "LOCATION", &text(location));
        }
        line(out, &self.description, &text(&notes.join("\n\n")));
        self.categories(out, ctx, &meeting.topics);
        line(out, "URL", &url);
        // A record of a meeting, not an invitation: it blocks no time.
        line(out, "TRANSP", "TRANSPARENT");
        line(out, "END", "VEVENT");
    }

    fn todo(
        &self,
        out: &mut String,
        ctx: &Ctx<'_>,
        i: ActionId,
        action: &Action,
        due: PartialDate,
    ) {
        let site = ctx.site;
        let url = ctx.urls.permalink(&site.path(Target::Action(i)));
        let meeting = &site.meetings[action.meeting];
        let meeting_url = ctx
            .urls
            .permalink(&site.path(Target::Meeting(action.meeting)));
        let owners: Vec<&str> = action
            .owners
            .iter()
            .map(|&o| site.entities[o].name.as_str())
            .collect();
        let strings = ctx.strings;
        let dates = strings.dates();
        let mut notes = Vec::new();
        if !owners.is_empty() {
            notes.push(strings.format("cal_owners", &[("owners", Arg::Text(&owners.join("; ")))]));
        }
        if !due.has_day() {
            notes.push(strings.format("cal_due_in", &[("month", Arg::Text(&due.display(dates)))]));
        }
        notes.push(strings.format(
            "cal_decided_at",
            &[
                ("meeting", Arg::Text(&meeting.doc.front.title)),
                ("date", Arg::Text(&meeting.date.display(dates))),
            ],
        ));
        notes.push(strings.format("cal_minutes", &[("url", Arg::Text(&meeting_url))]));
        line(out, "BEGIN", "VTODO");
        line(out, "UID", &format!("action-{}@{}", action.slug, self.host));
        line(out, "DTSTAMP", &self.stamp);
        line(out, "SUMMARY", &text(&action.text));
        line(out, "DUE;VALUE=DATE", &basic(due.end()));
        line(out, "STATUS", status(action.status));
        line(out, &self.description, &text(&notes.join("\n")));
        self.categories(out, ctx, &action.topics);
        line(out, "URL", &url);
        line(
            out,
            "RELATED-TO",
            &format!("meeting-{}@{}", meeting.slug, self.host),
        );
        line(out, "END", "VTODO");
    }
}

/// The `STATUS` of a to-do.
fn status(s: Status) -> &'static str {
    match s {
        Status::Open => "NEEDS-ACTION",
        Status::InProgress => "IN-PROCESS",
        Status::Done => "COMPLETED",
        Status::Dropped => "CANCELLED",
    }
}

/// A DATE value: `20060712`.
fn basic(d: Date) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// A TEXT value: backslash, semicolon, comma and line breaks escaped; other
/// control characters, which TEXT cannot hold, dropped.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends `line` to `out`, folded so that no line is longer than
/// [`WIDTH`] octets, each piece ending in CRLF; a continuation starts with a
/// space. Folds fall between characters, never inside one.
fn fold(line: &str, out: &mut String) {
    let mut rest = line;
    let mut room = WIDTH;
    while rest.len() > room {
        let mut end = room;
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        out.push_str(&rest[..end]);
        out.push_str("\r\n ");
        rest = &rest[end..];
        room = WIDTH - 1;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(text("a\\b;c,d\ne\r\nf\u{7}g"), "a\\\\b\\;c\\,d\\ne\\nfg");
    }

    #[test]
    fn long_lines_fold_at_75_octets_between_characters() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "李".repeat(40));
        fold(&line, &mut out);
        let lines: Vec<&str> = out.split_terminator("\r\n").collect();
        assert!(lines.len() > 1);
        for (i, l) in lines.iter().enumerate() {
            assert!(l.len() <= WIDTH, "{l:?} is {} octets", l.len());
            assert_eq!(i > 0, l.starts_with(' '));
        }
        let unfolded: String = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{line}\r\n"));
    }

    #[test]
    fn a_short_line_is_left_alone() {
        let mut out = String::new();
        fold("VERSION:2.0", &mut out);
        assert_eq!(out, "VERSION:2.0\r\n");
        let mut exact = String::new();
        fold(&"x".repeat(WIDTH), &mut exact);
        assert_eq!(exact.matches("\r\n").count(), 1);
    }

    #[test]
    fn statuses_map_to_rfc_5545() {
        assert_eq!(status(Status::InProgress), "IN-PROCESS");
        assert_eq!(status(Status::Dropped), "CANCELLED");
        assert_eq!(basic(Date::new(2006, 7, 1).unwrap()), "20060701");
    }
}
