//! What changed at each meeting: the actions it decided, the progress it
//! recorded on earlier actions (status before and after, note, new due
//! date), and its decisions — the digest read before the next meeting.
//!
//! Only the latest meetings are listed ([`MEETINGS`]): the page is a
//! briefing, not an archive (every meeting page keeps its own record). A
//! status before an update is the action's status as decided, changed by
//! every update of an earlier meeting. It must never depend on anything but
//! the graph.

use crate::graph::{ActionId, DecisionId, MeetingId, Site, ids};
use crate::model::date::PartialDate;
use crate::model::front::Status;

/// The most meetings the digest lists.
pub(crate) const MEETINGS: usize = 40;

/// A meeting's update to an earlier action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct StatusChange {
    /// Index into the meeting's `updates`.
    pub update: usize,
    /// The action, when the update's ref was found.
    pub action: Option<ActionId>,
    /// Its status before this meeting (none when the action is unknown).
    pub from: Option<Status>,
    /// The status the update sets, if it sets one.
    pub to: Option<Status>,
    /// Its due date before this meeting, when the update moves it.
    pub due_before: Option<PartialDate>,
}

/// What one meeting changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct MeetingChanges<'a> {
    pub meeting: MeetingId,
    /// Actions decided at the meeting.
    pub actions: &'a [ActionId],
    /// Updates to earlier actions, in the order of the minutes.
    pub updates: Vec<StatusChange>,
    /// Decisions of the meeting.
    pub decisions: &'a [DecisionId],
}

/// The latest `limit` meetings, newest first, with what each changed.
pub(crate) fn recent(site: &Site, limit: usize) -> Vec<MeetingChanges<'_>> {
    ids(&site.meetings)
        .rev()
        .take(limit)
        .map(|m| of_meeting(site, m))
        .collect()
}

/// What meeting `m` changed.
pub(crate) fn of_meeting(site: &Site, m: MeetingId) -> MeetingChanges<'_> {
    let meeting = &site.meetings[m];
    let updates = meeting
        .updates
        .iter()
        .enumerate()
        .map(|(i, u)| {
            let before = u.action.map(|a| before(site, a, m));
            StatusChange {
                update: i,
                action: u.action,
                from: before.map(|b| b.0),
                to: u.status,
                due_before: before.and_then(|b| b.1).filter(|_| u.due.is_some()),
            }
        })
        .collect();
    MeetingChanges {
        meeting: m,
        actions: &meeting.actions,
        updates,
        decisions: &meeting.decisions,
    }
}

/// Status and due date of action `a` before meeting `m`.
fn before(site: &Site, a: ActionId, m: MeetingId) -> (Status, Option<PartialDate>) {
    let action = &site.actions[a];
    action
        .history
        .iter()
        .filter(|c| c.meeting < m)
        .fold((action.initial, action.initial_due), |(s, d), c| {
            (c.status.unwrap_or(s), c.due.or(d))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::Id;
    use crate::views::tests::site;

    #[test]
    fn updates_say_what_the_status_was() {
        let s = site(&[
            (
                "meetings/a.md",
                "---\ntitle: A\ndate: 2024-01-01\nactions:\n  - { id: x, owner: Ann, text: Do x, due: 2024-02-01 }\ndecisions:\n  - text: Agreed\n---\n",
            ),
            (
                "meetings/b.md",
                "---\ntitle: B\ndate: 2024-02-01\nupdates:\n  - { action: x, status: in-progress, due: 2024-03-01 }\n---\n",
            ),
            (
                "meetings/c.md",
                "---\ntitle: C\ndate: 2024-03-01\nupdates:\n  - { action: x, status: done, note: Finished }\n  - { action: nope, status: done }\n---\n",
            ),
        ]);
        let all = recent(&s, 10);
        assert_eq!(
            all.iter().map(|c| c.meeting).collect::<Vec<_>>(),
            [2, 1, 0].map(MeetingId::new)
        );
        let c = &all[0];
        assert_eq!(c.updates.len(), 2);
        assert_eq!(c.updates[0].from, Some(Status::InProgress));
        assert_eq!(c.updates[0].to, Some(Status::Done));
        assert_eq!(c.updates[0].due_before, None, "the due date did not move");
        assert_eq!((c.updates[1].action, c.updates[1].from), (None, None));
        let b = &all[1];
        assert_eq!(b.updates[0].from, Some(Status::Open));
        assert_eq!(
            b.updates[0].due_before.map(|d| d.iso()).as_deref(),
            Some("2024-02-01")
        );
        let a = &all[2];
        assert_eq!(
            (a.actions.len(), a.decisions.len(), a.updates.len()),
            (1, 1, 0)
        );
        assert_eq!(recent(&s, 1).len(), 1);
    }
}
