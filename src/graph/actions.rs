//! Following actions across meetings: each later meeting's `updates` become
//! the action's status history, from which its current status, due date and
//! whether it is overdue follow.

use std::collections::HashSet;

use super::{Change, Target};
use super::{Site, ids};
use crate::diagnostic::{Diagnostic, Severity};

/// Builds every action's history from the meetings' updates (meetings are in
/// date order) and reports updates that cannot be right.
pub(super) fn follow(site: &mut Site) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    for mi in ids(&site.meetings) {
        let mut seen = HashSet::new();
        for u in 0..site.meetings[mi].updates.len() {
            let update = &site.meetings[mi].updates[u];
            let Some(a) = update.action else { continue };
            let doc = &site.meetings[mi].doc;
            let place = || {
                doc.at_value(Severity::Error, "action", &update.written, String::new())
                    .width(update.written.chars().count())
            };
            let created = site.actions[a].meeting;
            if created >= mi {
                let (when, what) = if created == mi {
                    (
                        "at the meeting that decided it",
                        "updates belong to later meetings; change the action itself",
                    )
                } else {
                    (
                        "before it was decided",
                        "check the action id, or the dates of the two meetings",
                    )
                };
                diagnostics.push(Diagnostic {
                    message: format!(
                        "the action `{}` is updated {when} (it was decided at {}, {})",
                        site.actions[a].id,
                        site.title(Target::Meeting(created)),
                        site.meetings[created].date.display_en()
                    ),
                    help: Some(what.to_owned()),
                    ..place()
                });
                continue;
            }
            if !seen.insert(a) {
                diagnostics.push(Diagnostic {
                    message: format!(
                        "the action `{}` is updated twice in this meeting",
                        site.actions[a].id
                    ),
                    help: Some("merge the two updates into one".to_owned()),
                    ..place()
                });
                continue;
            }
            let change = Change {
                meeting: mi,
                status: update.status,
                note: update.note.clone(),
                due: update.due,
            };
            site.actions[a].history.push(change);
        }
    }
    let today = site.today;
    for action in &mut site.actions {
        if let Some(s) = action.history.iter().rev().find_map(|c| c.status) {
            action.status = s;
        }
        if let Some(d) = action.history.iter().rev().find_map(|c| c.due) {
            action.due = Some(d);
        }
        action.overdue = action.status.is_pending() && action.due.is_some_and(|d| d.end() < today);
    }
    diagnostics
}
