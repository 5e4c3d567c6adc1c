//! `actions.csv`: the action register, for spreadsheets.
//!
//! One row per action, in the order of the meetings that decided them, under
//! a header row. Fields are quoted as RFC 4180 says (a field holding a comma,
//! a quote or a line break is quoted, quotes doubled) and rows end in CRLF.
//! The file starts with a UTF-8 byte order mark, without which Excel reads
//! it in the system's legacy code page.
//!
//! A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (or a tab
//! or carriage return) as a formula: such a cell gets a leading `'`, so that
//! minutes can never smuggle a formula into someone's spreadsheet.

use std::io::Write;

use super::{PIECE, drain};
use crate::graph::{Action, ActionId, Target, with_ids};
use crate::page::Ctx;

/// The header row.
pub(super) const HEADER: [&str; 10] = [
    "id",
    "text",
    "owners",
    "meeting title",
    "meeting date",
    "due",
    "status",
    "overdue",
    "topics",
    "url",
];

/// Writes the register.
pub(super) fn write(
    ctx: &Ctx<'_>,
    out: &mut dyn Write,
    _: &mut super::Reuse<'_>,
) -> Result<(), String> {
    let mut rows = String::from('\u{FEFF}');
    row(&mut rows, HEADER.iter().map(|h| h.to_string()));
    for (i, action) in with_ids(&ctx.site.actions) {
        row(&mut rows, fields(ctx, i, action));
        drain(&mut rows, out, PIECE)?;
    }
    drain(&mut rows, out, 0)
}

fn fields(ctx: &Ctx<'_>, i: ActionId, a: &Action) -> [String; 10] {
    let site = ctx.site;
    let meeting = &site.meetings[a.meeting];
    let owners: Vec<&str> = a
        .owners
        .iter()
        .map(|&o| site.entities[o].name.as_str())
        .collect();
    let topics: Vec<&str> = a
        .topics
        .iter()
        .map(|&t| site.topics[t].name.as_str())
        .collect();
    [
        a.id.clone(),
        a.text.clone(),
        owners.join("; "),
        meeting.doc.front.title.clone(),
        meeting.date.iso(),
        a.due.map(|d| d.iso()).unwrap_or_default(),
        a.status.as_str().to_owned(),
        if a.overdue { "yes" } else { "no" }.to_owned(),
        topics.join("; "),
        ctx.urls.permalink(&site.path(Target::Action(i))),
    ]
}

/// Appends one row, each field guarded and quoted, ending in CRLF.
fn row(out: &mut String, fields: impl IntoIterator<Item = String>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&quote(&guard(&field)));
    }
    out.push_str("\r\n");
}

/// A field that a spreadsheet would run as a formula, made plain text.
fn guard(field: &str) -> String {
    if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{field}")
    } else {
        field.to_owned()
    }
}

/// A field quoted when RFC 4180 needs it.
fn quote(field: &str) -> String {
    if field.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_when_needed() {
        let mut out = String::new();
        row(
            &mut out,
            ["plain", "a,b", "say \"hi\"", "two\nlines"].map(String::from),
        );
        assert_eq!(out, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n");
    }

    #[test]
    fn formulas_become_text() {
        for f in ["=1+1", "+1", "-1", "@SUM(A1)", "\tx"] {
            assert_eq!(guard(f), format!("'{f}"));
        }
        assert_eq!(guard("1-1"), "1-1");
        assert_eq!(
            quote(&guard("=HYPERLINK(\"x\",1)")),
            "\"'=HYPERLINK(\"\"x\"\",1)\""
        );
    }
}
