//! What a meeting is about, in a line: its summary in lists and feeds.
//!
//! `summary:` in the front matter wins. Otherwise it is the first passage of
//! the minutes' own words ([`crate::markdown::Passage`]: not a roll-call, a
//! list of links or a note in emphasis), long enough to say something, that
//! no other meeting of the same series has word for word: a paragraph that
//! a series repeats ("Extracted from the agenda issues…") is boilerplate,
//! not what happened.

use crate::hash::FastMap;

use super::Site;

/// Chooses each meeting's summary among its passages. A document no one
/// else holds (a build's) then keeps only the passage chosen: the others
/// were only there to be chosen from.
pub(super) fn choose(site: &mut Site) {
    let chosen = chosen(site);
    set(site, &chosen);
}

/// The passage each meeting's summary is, by position among its passages.
pub(super) fn chosen(site: &Site) -> Vec<Option<usize>> {
    // Meetings of a series by its name (the series are not made yet).
    fn series(m: &super::Meeting) -> &str {
        m.doc.front.series.as_deref().map_or("", str::trim)
    }
    let mut seen: FastMap<(&str, u64), u32> = FastMap::default();
    for m in &site.meetings {
        for p in &m.doc.outline.passages {
            *seen.entry((series(m), p.digest)).or_default() += 1;
        }
    }
    site.meetings
        .iter()
        .map(|m| {
            let own = |p: &&crate::markdown::Passage| seen.get(&(series(m), p.digest)) == Some(&1);
            let passages = &m.doc.outline.passages;
            passages
                .iter()
                .filter(own)
                .find(|p| p.long)
                .or_else(|| passages.iter().find(own))
                .and_then(|c| passages.iter().position(|p| std::ptr::eq(p, c)))
        })
        .collect()
}

/// Sets the summaries [`chosen`]; a document no one else holds keeps
/// only the passage chosen.
pub(super) fn set(site: &mut Site, chosen: &[Option<usize>]) {
    for (m, &chosen) in site.meetings.iter_mut().zip(chosen) {
        m.summary = chosen.and_then(|i| u8::try_from(i).ok());
        if let Some(doc) = std::sync::Arc::get_mut(&mut m.doc) {
            let passages = std::mem::take(&mut doc.outline.passages);
            doc.outline.passages = chosen
                .and_then(|i| passages.into_iter().nth(i))
                .into_iter()
                .collect();
            m.summary = chosen.map(|_| 0);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::source::{Kind, SourceFile};

    fn site(meetings: &[(&str, Option<&str>, &str)]) -> crate::graph::Site {
        let files = meetings
            .iter()
            .enumerate()
            .map(|(i, (slug, series, body))| SourceFile {
                kind: Kind::Meeting,
                path: format!("content/meetings/{slug}.md").into(),
                text: format!(
                    "---\ntitle: M{i}\ndate: 2024-01-{:02}\n{}---\n{body}",
                    i + 1,
                    series.map_or(String::new(), |s| format!("series: {s}\n"))
                ),
            })
            .collect();
        let dir = std::env::temp_dir().join("quorum-no-such-site");
        let config = crate::config::Config::load(&dir, &Default::default()).unwrap();
        crate::graph::resolve(crate::model::parse(files), &config).site
    }

    const BOILERPLATE: &str = "Extracted from the agenda issues and pull requests of the committee's repository prior to the meeting.";

    #[test]
    fn a_paragraph_the_series_repeats_is_not_a_summary() {
        let s = site(&[
            (
                "a",
                Some("TSC"),
                &format!(
                    "{BOILERPLATE}\n\n## Present\n\n* Ann Lee, for the foundation, as the chair of the session today\n\n## Agenda\n\n* The release plan for version two was deferred until the security review is done.\n"
                ),
            ),
            (
                "b",
                Some("TSC"),
                &format!(
                    "{BOILERPLATE}\n\nThe budget for the next year was approved after a long discussion of travel costs.\n"
                ),
            ),
            ("c", None, &format!("{BOILERPLATE}\n")),
        ]);
        let summaries: Vec<&str> = s.meetings.iter().map(|m| m.summary()).collect();
        assert_eq!(
            summaries,
            [
                "The release plan for version two was deferred until the security review is done.",
                "The budget for the next year was approved after a long discussion of travel costs.",
                BOILERPLATE,
            ],
            "a paragraph in one meeting of its series is its own"
        );
    }

    #[test]
    fn notes_in_emphasis_links_and_roll_calls_are_passed_over() {
        let s = site(&[(
            "a",
            None,
            "*Click `+GoogleCalendar` at the bottom right of the calendar page to add it to your own calendar.*\n\n\
             ## Links\n\n* **Recording**: <https://video.example.org/watch?v=1561a41958f&list=PLplanning-panel>\n\n\
             Present: Ann Lee, Bo Chen, Carla Diaz, Dan Evans, Eva Fox, Farid Gul, Gita Hahn\n\n\
             * Short item\n* Ann: the roadmap was reviewed and the milestones for the spring release agreed.\n",
        )]);
        assert_eq!(
            s.meetings[0].summary(),
            "Ann: the roadmap was reviewed and the milestones for the spring release agreed."
        );
    }

    #[test]
    fn the_front_matter_wins_and_nothing_is_no_summary() {
        let s = site(&[("a", None, "## Present\n\n* Ann Lee\n")]);
        assert_eq!(s.meetings[0].summary(), "");
    }
}
