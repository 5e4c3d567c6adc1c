//! `quorum new meeting`: the files it writes build, carry over what the
//! last meeting of a series says, list what is still owed, and never
//! replace a file.

mod common;

use std::fs;

use common::Site;
use common::authoring::{as_configured, new, printed, stderr};

#[test]
fn the_next_meeting_of_the_sample_builds_with_its_attendees_and_chair() {
    let site = as_configured(Site::sample());
    let out = new(&site, &["meeting"], 0);
    // quorum.yaml's `today: 2006-12-31` is the date; the sample's title has
    // no date to follow, so the title is the series and the date.
    let path = "content/meetings/2006/ecesa-principals-2006-12-31.md";
    assert_eq!(printed(&out), path);
    let text = fs::read_to_string(site.root.join(path)).unwrap();
    for line in [
        "title: ECESA Principals 2006-12-31",
        "date: 2006-12-31",
        "series: ECESA Principals",
        "location: New York",
        "chair: José Antonio Ocampo",
        "  - { ref: Hak-Su Kim, role: Coordinator of the Regional Commissions }",
        "  # - { action: ecosoc-round-table-notes, status: done, note: \"\" }  # DESA will circulate to ECESA Members notes",
        // The minutes start with where their actions go, and how to write one.
        "\n## Action items\n",
        "{.action owner=",
    ] {
        assert!(text.contains(line), "{line:?} is not in\n{text}");
    }
    // The sample's actions are written in its minutes, both still open.
    assert_eq!(text.matches("  # - { action: ").count(), 2, "{text}");
    assert!(
        stderr(&out)
            .contains("carried over from content/meetings/2006/ecesa-principals-2006-07.md")
    );

    let built = site.build();
    assert!(built.warnings.is_empty(), "{:?}", built.warnings);
    let page = "meetings/ecesa-principals-2006-12-31/index.html";
    assert_eq!(built.texts(page, "h1"), ["ECESA Principals 2006-12-31"]);
    let attendees = built.hrefs(page, ".q-attendees a");
    for who in ["kemal-dervis", "hak-su-kim", "jose-luis-machinea", "unep"] {
        assert!(
            attendees.contains(&format!("/entities/{who}/")),
            "{who} is not among {attendees:?}"
        );
    }
    assert!(
        built
            .hrefs(page, "main a")
            .contains(&"/entities/jose-antonio-ocampo/".to_owned())
    );
    // The chair's own page counts the new meeting as chaired.
    let (graph, _) = quorum::analyse(&site.config()).unwrap();
    let m = graph
        .meetings
        .iter()
        .find(|m| m.slug.as_str() == "ecesa-principals-2006-12-31")
        .unwrap();
    let chair = m.chair.map(|c| graph.entities[c].name.as_str());
    assert_eq!(chair, Some("José Antonio Ocampo"));
    assert_eq!(m.attendees.len(), 4);
    assert_eq!(
        m.prev.map(|p| graph.meetings[p].slug.as_str()),
        Some("ecesa-principals-2006-07")
    );
}

/// The pending actions of the TSC series, as the graph has them.
fn pending_tsc_actions(site: &Site) -> Vec<(String, bool)> {
    let (graph, _) = quorum::analyse(&site.config()).unwrap();
    graph
        .actions
        .iter()
        .filter(|a| a.status.is_pending())
        .filter(|a| {
            let s = graph.meetings[a.meeting].series;
            s.is_some_and(|s| graph.series[s].name == "Tessera TSC")
        })
        .map(|a| (a.id.clone(), a.overdue))
        .collect()
}

#[test]
fn the_next_meeting_of_a_series_lists_every_pending_action_ready_to_uncomment() {
    let site = as_configured(Site::fixture("steering"));
    // The last TSC meeting also writes actions in its minutes: a task item
    // under "Action items" (overdue by the fixture's today), one done, and
    // one marked with a block elsewhere.
    let last = "content/meetings/tsc/2025/tsc-2025-06-04.md";
    let minutes = fs::read_to_string(site.root.join(last)).unwrap()
        + "\n## Action items\n\n\
           - [ ] Kenji Watanabe to publish the 3.2 release notes. {due=2025-06-20}\n\
           - [x] Priya Raman to close the stale triage issues.\n\n\
           ## Mentoring\n\n\
           Sofia Marino will draft the call for mentors. {.action #mentoring-call due=2025-07-15}\n";
    site.write(last, &minutes);
    let pending = pending_tsc_actions(&site);
    let overdue: Vec<&str> = pending
        .iter()
        .filter(|(_, o)| *o)
        .map(|(id, _)| id.as_str())
        .collect();
    // The fixture's README: these two overdue, charter-refresh-2025 open;
    // the task item is numbered after the meeting's front-matter action.
    assert_eq!(
        overdue,
        [
            "disclosure-timeline",
            "governance-survey",
            "tsc-2025-06-04-2"
        ]
    );
    for id in ["charter-refresh-2025", "mentoring-call"] {
        assert!(pending.iter().any(|(p, _)| p == id), "{id}: {pending:?}");
    }
    assert!(!pending.iter().any(|(p, _)| p == "tsc-2025-06-04-3"));

    let out = new(&site, &["meeting"], 0);
    // The most recent meeting is the TSC's; its slug and title end in its
    // date, and the new ones follow them. Its folder is by series and year.
    let path = "content/meetings/tsc/2025/tsc-2025-06-30.md";
    assert_eq!(printed(&out), path);
    let text = fs::read_to_string(site.root.join(path)).unwrap();
    assert!(
        text.contains("title: Tessera TSC meeting 2025-06-30\n"),
        "{text}"
    );
    assert!(text.contains("series: Tessera TSC\n"));
    assert!(text.contains("chair: Marta Kowalczyk\n"));
    assert!(text.contains("location: Zoom\n"));
    assert!(text.contains("  - { ref: Aisha Bello, role: Community Committee liaison }\n"));
    let listed: Vec<&str> = text
        .lines()
        .filter_map(|l| l.strip_prefix("  # - { action: "))
        .map(|l| l.split(',').next().unwrap())
        .collect();
    let expected: Vec<&str> = pending.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(listed, expected);
    let line = |id: &str| {
        text.lines()
            .find(|l| l.starts_with(&format!("  # - {{ action: {id},")))
            .unwrap()
            .to_owned()
    };
    assert_eq!(
        line("disclosure-timeline"),
        "  # - { action: disclosure-timeline, status: done, note: \"\" }  # Propose a fixed embargo timeline (90 days, extension rules) for SECURITY.md. — Hannah Lindqvist, due 2023-07-31 (overdue)"
    );
    assert!(line("charter-refresh-2025").ends_with("— Marta Kowalczyk, due 2025-09-30"));
    // Actions written in the minutes are listed as those of the front matter.
    assert_eq!(
        line("tsc-2025-06-04-2"),
        "  # - { action: tsc-2025-06-04-2, status: done, note: \"\" }  # Kenji Watanabe to publish the 3.2 release notes. — Kenji Watanabe, due 2025-06-20 (overdue)"
    );
    assert!(line("mentoring-call").ends_with(
        "# Sofia Marino will draft the call for mentors. — Sofia Marino, due 2025-07-15"
    ));
    assert!(
        stderr(&out).contains("7 pending actions listed under `updates:`, 3 of them overdue"),
        "{}",
        stderr(&out)
    );

    // As written, the file builds; the chair's page counts one more meeting.
    let built = site.build();
    assert!(built.warnings.is_empty(), "{:?}", built.warnings);
    assert!(built.exists("meetings/tsc-2025-06-30/index.html"));
    let attendees = built.hrefs("meetings/tsc-2025-06-30/index.html", ".q-attendees a");
    assert_eq!(attendees.len(), 8, "{attendees:?}");

    // Uncommenting a line makes it an update: the action is done.
    let uncommented = text
        .replace(
            "  # - { action: disclosure-timeline, status: done, note: \"\" }",
            "  - { action: disclosure-timeline, status: done, note: \"\" }",
        )
        .replace(
            "  # - { action: mentoring-call, status: done, note: \"\" }",
            "  - { action: mentoring-call, status: in-progress, note: \"\" }",
        );
    site.write(path, &uncommented);
    let (graph, warnings) = quorum::analyse(&site.config()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let mentoring = graph
        .actions
        .iter()
        .find(|a| a.id == "mentoring-call")
        .unwrap();
    assert_eq!(mentoring.status.as_str(), "in-progress");
    let action = graph
        .actions
        .iter()
        .find(|a| a.id == "disclosure-timeline")
        .unwrap();
    assert_eq!(action.status.as_str(), "done");
    assert!(!action.overdue);
    let last = action.history.last().unwrap();
    assert_eq!(graph.meetings[last.meeting].slug.as_str(), "tsc-2025-06-30");
    let built = site.build();
    let history = built
        .texts("actions/disclosure-timeline/index.html", "main")
        .join(" ");
    assert!(
        history.contains("Tessera TSC meeting 2025-06-30"),
        "{history}"
    );
}

#[test]
fn series_and_date_choose_the_meeting_followed() {
    let site = as_configured(Site::fixture("steering"));
    let out = new(
        &site,
        &[
            "meeting",
            "--series",
            "tessera community committee",
            "--date",
            "2025-07-02",
        ],
        0,
    );
    let path = "content/meetings/community-committee/2025/commcomm-2025-07-02.md";
    assert_eq!(printed(&out), path);
    let text = fs::read_to_string(site.root.join(path)).unwrap();
    assert!(
        text.contains("title: Community Committee meeting 2025-07-02\n"),
        "{text}"
    );
    assert!(text.contains("series: Tessera Community Committee\n"));
    assert!(text.contains("chair: Aisha Bello\n"));

    // A date before the series' last meeting follows the meeting before it,
    // and lists no action decided after it.
    let out = new(
        &site,
        &["meeting", "--series", "Tessera TSC", "--date", "2025-04-01"],
        0,
    );
    assert_eq!(printed(&out), "content/meetings/tsc/2025/tsc-2025-04-01.md");
    let text = fs::read_to_string(
        site.root
            .join("content/meetings/tsc/2025/tsc-2025-04-01.md"),
    )
    .unwrap();
    assert!(text.contains("governance-survey"));
    assert!(!text.contains("charter-refresh-2025"), "{text}");
    assert!(stderr(&out).contains("carried over from content/meetings/tsc/2025/tsc-2025-03-12.md"));

    // A misspelt series is not a new one.
    let out = new(&site, &["meeting", "--series", "Tesera TSC"], 2);
    assert!(
        stderr(&out).contains("there is no series `Tesera TSC`"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("did you mean `Tessera TSC`?"));

    // A series without meetings starts with this one: nothing to carry over.
    let out = new(
        &site,
        &["meeting", "--series", "Security WG", "Kick-off"],
        0,
    );
    assert_eq!(printed(&out), "content/meetings/2025/kick-off.md");
    assert!(stderr(&out).contains("no meeting of the series `Security WG` yet"));
    let text = fs::read_to_string(site.root.join("content/meetings/2025/kick-off.md")).unwrap();
    assert!(
        text.contains("series: Security WG\nlocation:\nchair:\nattendees: []\n"),
        "{text}"
    );
    assert!(text.contains("updates: []\n"));
    let built = site.build();
    assert!(built.warnings.is_empty(), "{:?}", built.warnings);
    assert!(built.exists("meetings/kick-off/index.html"));
    assert!(built.exists("meetings/commcomm-2025-07-02/index.html"));
}

#[test]
fn an_existing_file_is_never_replaced() {
    let site = as_configured(Site::sample());
    let out = new(&site, &["meeting"], 0);
    let path = site.root.join(printed(&out));
    fs::write(
        &path,
        fs::read_to_string(&path).unwrap() + "\nMy minutes.\n",
    )
    .unwrap();
    let again = new(&site, &["meeting"], 2);
    let err = stderr(&again);
    assert!(
        err.contains("content/meetings/2006/ecesa-principals-2006-12-31.md"),
        "{err}"
    );
    assert!(err.contains("already exists"), "{err}");
    assert!(again.stdout.is_empty());
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .ends_with("My minutes.\n")
    );
}

#[test]
fn names_that_need_quoting_round_trip() {
    let site = as_configured(Site::sample());
    let title = "Board: 'special' session — [draft]";
    let out = new(&site, &["meeting", "--date", "2007-01-15", title], 0);
    assert_eq!(
        printed(&out),
        "content/meetings/2007/board-special-session-draft.md"
    );
    let built = site.build();
    assert_eq!(
        built.texts("meetings/board-special-session-draft/index.html", "h1"),
        [title]
    );
}

#[test]
fn a_sites_archetype_replaces_the_built_in_one() {
    let site = as_configured(Site::sample());
    site.write(
        "archetypes/meeting.md",
        "---\n\
         title: {{ title }}\n\
         date: {{date}}\n\
         series: {{series}}\n\
         chair: {{chair}}\n\
         attendees: {{attendees}}\n\
         updates: {{updates}}\n\
         ---\n\
         # {{title}}\n\n\
         ## Present\n\n\
         {{attendees}}\n\n\
         ## Open actions\n\n\
         {{updates}}\n",
    );
    let out = new(&site, &["meeting", "--date", "2007-02"], 0);
    let text = fs::read_to_string(site.root.join(printed(&out))).unwrap();
    assert_eq!(
        printed(&out),
        "content/meetings/2007/ecesa-principals-2007-02.md"
    );
    assert_eq!(
        text,
        "---\n\
         title: ECESA Principals 2007-02\n\
         date: 2007-02\n\
         series: ECESA Principals\n\
         chair: José Antonio Ocampo\n\
         attendees:\n  \
         - { ref: Kemal Derviş, role: Administrator of UNDP }\n  \
         - { ref: Hak-Su Kim, role: Coordinator of the Regional Commissions }\n  \
         - { ref: José Luis Machinea, role: Executive Secretary of ECLAC }\n  \
         - UNEP\n\
         updates:\n  \
         # - { action: ecosoc-round-table-notes, status: done, note: \"\" }  # DESA will circulate to ECESA Members notes on the outcomes of the ECOSOC Round… — DESA\n  \
         # - { action: migration-regional-dimensions, status: done, note: \"\" }  # DESA will revert on (i) modalities, through a conference room paper or other… — DESA\n\
         ---\n\
         # ECESA Principals 2007-02\n\n\
         ## Present\n\n\
         * Kemal Derviş (Administrator of UNDP)\n\
         * Hak-Su Kim (Coordinator of the Regional Commissions)\n\
         * José Luis Machinea (Executive Secretary of ECLAC)\n\
         * UNEP\n\n\
         ## Open actions\n\n\
         * DESA will circulate to ECESA Members notes on the outcomes of the ECOSOC Round… — DESA (`ecosoc-round-table-notes`)\n\
         * DESA will revert on (i) modalities, through a conference room paper or other… — DESA (`migration-regional-dimensions`)\n"
    );
    let built = site.build();
    assert!(built.warnings.is_empty(), "{:?}", built.warnings);
    assert!(built.exists("meetings/ecesa-principals-2007-02/index.html"));
}

#[test]
fn a_broken_archetype_is_an_error_at_its_place_and_writes_nothing() {
    let site = as_configured(Site::sample());
    let meeting = site
        .root
        .join("content/meetings/2006/ecesa-principals-2006-12-31.md");
    site.write(
        "archetypes/meeting.md",
        "---\ntitle: {{title}}\ndate: {{ dat }}\n---\n",
    );
    let out = new(&site, &["meeting"], 2);
    let err = stderr(&out);
    assert!(err.contains("unknown placeholder `{{dat}}`"), "{err}");
    assert!(err.contains("archetypes/meeting.md:3:7"), "{err}");
    assert!(
        err.contains("`{{title}}`, `{{date}}`, `{{slug}}`, `{{series}}`"),
        "{err}"
    );
    assert!(!meeting.exists());

    site.write(
        "archetypes/meeting.md",
        "---\ntitle: {{title}}\ndate: {{date}}\ncolour: red\n---\n",
    );
    let out = new(&site, &["meeting"], 2);
    let err = stderr(&out);
    assert!(
        err.contains("the new meeting would not be valid: unknown key `colour`"),
        "{err}"
    );
    assert!(
        err.contains("content/meetings/2006/ecesa-principals-2006-12-31.md:4:1"),
        "{err}"
    );
    assert!(err.contains("archetypes/meeting.md"), "{err}");
    assert!(!meeting.exists());

    site.write("archetypes/meeting.md", "---\ntitle: {{title\n---\n");
    let out = new(&site, &["meeting"], 2);
    assert!(stderr(&out).contains("never closed"), "{}", stderr(&out));
    assert!(!meeting.exists());
}

#[test]
fn a_slug_that_is_a_year_is_refused() {
    let site = as_configured(Site::sample());
    let out = new(&site, &["meeting", "2006"], 2);
    let err = stderr(&out);
    assert!(
        err.contains("the meeting's slug would be `2006`, a year"),
        "{err}"
    );
    assert!(err.contains("content/meetings/2006/2006.md"), "{err}");
    assert!(!site.root.join("content/meetings/2006/2006.md").exists());
}

#[test]
fn a_folder_named_like_a_kind_is_a_new_site_when_written_as_a_path() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_quorum"))
        .args(["new", "./meeting"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.path().join("meeting/quorum.yaml").is_file());

    // `new meeting` where there is no site writes nothing and says why.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_quorum"))
        .args(["new", "meeting", "--today", "2024-05-01"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no `content/` folder"), "{err}");
    assert!(err.contains("no file was written"), "{err}");

    // In the new site, the next board meeting follows the example one.
    let root = dir.path().join("meeting");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_quorum"))
        .args(["new", "meeting", "--today", "2024-02-12", "--root"])
        .arg(&root)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = String::from_utf8_lossy(&out.stdout).trim().to_owned();
    assert!(
        path.ends_with("content/meetings/2024/2024-02-12-board.md"),
        "{path}"
    );
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("# - { action: draft-budget, status: done, note: \"\" }  # Circulate a draft budget for next year. — Ada Lovelace, due 2024-02-15\n"), "{text}");
}

#[test]
fn a_bad_date_is_a_usage_error() {
    let site = as_configured(Site::sample());
    let out = new(&site, &["meeting", "--date", "2006-02-30"], 2);
    assert!(
        stderr(&out).contains("--date 2006-02-30"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_site_that_names_its_own_action_headings_gets_them() {
    let site = as_configured(Site::sample());
    let config = fs::read_to_string(site.root.join("quorum.yaml")).unwrap();
    site.write(
        "quorum.yaml",
        &format!("{config}action_items: [Follow-up, Next steps]\nraw_html: escape\n"),
    );
    let out = new(&site, &["meeting"], 0);
    let text = fs::read_to_string(site.root.join(printed(&out))).unwrap();
    assert!(text.contains("\n## Follow-up\n"), "{text}");
    assert!(
        stderr(&out).contains("this site shows HTML as text (raw_html: escape)"),
        "{}",
        stderr(&out)
    );
}
