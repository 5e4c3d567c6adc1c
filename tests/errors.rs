//! Every error a user can get: its file, line and wording, and the exit status.

mod common;

use common::{Site, find};

fn meeting(body: &str) -> String {
    format!("---\n{body}---\n")
}

#[test]
fn unknown_keys_name_the_key_line_and_the_nearest_key() {
    let site = Site::empty().file(
        "content/meetings/m.md",
        &meeting("title: M\ndate: 2024-01-01\nattendess: [A]\n"),
    );
    let ds = site.build_errors();
    let d = find(&ds, "unknown key `attendess`");
    assert_eq!(
        (d.path.to_str().unwrap(), d.line, d.column),
        ("content/meetings/m.md", 4, 1)
    );
    assert_eq!(d.help.as_deref(), Some("did you mean `attendees`?"));
    assert_eq!(d.source_line.as_deref(), Some("attendess: [A]"));
}

#[test]
fn every_error_is_reported_at_once_sorted_by_file_and_line() {
    let site = Site::empty()
        .file(
            "content/meetings/b.md",
            &meeting("title: B\ndate: 2024-02-30\n"),
        )
        .file(
            "content/meetings/a.md",
            &meeting("title: A\ndate: 2024-01-01\nchiar: X\n"),
        )
        .file("content/entities/e.md", "no front matter\n");
    let ds = site.build_errors();
    let files: Vec<&str> = ds.iter().map(|d| d.path.to_str().unwrap()).collect();
    assert_eq!(
        files,
        [
            "content/entities/e.md",
            "content/meetings/a.md",
            "content/meetings/b.md"
        ]
    );
    assert!(
        find(&ds, "no front matter")
            .help
            .as_deref()
            .unwrap()
            .contains("---")
    );
    let date = find(&ds, "2024-02-30");
    assert_eq!(date.line, 3);
    assert!(
        date.message.contains("February 2024 has 29 days"),
        "{}",
        date.message
    );
}

#[test]
fn front_matter_that_never_closes_is_reported_at_its_start() {
    let site = Site::empty().file(
        "content/topics/t.md",
        "---\nname: T\n\nBody without a closing line\n",
    );
    let d = find(&site.build_errors(), "never closed").clone();
    assert_eq!((d.line, d.column), (1, 1));
}

#[test]
fn wrong_types_are_explained() {
    let site = Site::empty().file(
        "content/meetings/m.md",
        &meeting("title: M\ndate: 2024-01-01\ndraft: maybe\n"),
    );
    let d = find(&site.build_errors(), "wrong type").clone();
    assert_eq!(d.line, 4);
}

#[test]
fn blank_names_are_errors() {
    let site = Site::empty()
        .file("content/entities/e.md", "---\nname: \"  \"\n---\n")
        .file(
            "content/meetings/m.md",
            &meeting("date: 2024-01-01\ntitle: ''\n"),
        );
    let ds = site.build_errors();
    assert_eq!(find(&ds, "`name` is empty").line, 2);
    assert_eq!(find(&ds, "`title` is empty").line, 3);
}

#[test]
fn template_errors_are_reported_with_content_errors() {
    let site = Site::empty().file("templates/page.html", "{% if %}").file(
        "content/meetings/m.md",
        &meeting("title: M\ndate: 2024-13-01\n"),
    );
    let ds = site.build_errors();
    let t = find(&ds, "template");
    assert_eq!(
        (t.path.to_str().unwrap(), t.line),
        ("templates/page.html", 1)
    );
    find(&ds, "no month 13");
}

#[test]
fn a_template_that_fails_while_rendering_is_named_at_its_line() {
    let site = Site::empty()
        .file(
            "templates/page.html",
            "<main>\n{{ page.title }}\n{{ page.nothing.here }}\n</main>\n",
        )
        .file("content/pages/about.md", "---\ntitle: About\n---\nText.\n");
    let ds = site.build_errors();
    let t = find(&ds, "template");
    assert_eq!(
        (t.path.to_str().unwrap(), t.line),
        ("templates/page.html", 3),
        "{}",
        t.message
    );
}

#[test]
fn two_files_with_one_slug_are_named_both() {
    let site = Site::empty()
        .file("content/entities/a/desa.md", "---\nname: DESA\n---\n")
        .file("content/entities/b/desa.md", "---\nname: Other DESA\n---\n");
    let d = find(&site.build_errors(), "slug `desa`").clone();
    assert!(
        d.message.contains("content/entities/a/desa.md")
            && d.message.contains("content/entities/b/desa.md"),
        "{}",
        d.message
    );
}

#[test]
fn an_alias_of_two_entities_is_an_error_naming_both_files() {
    let site = Site::empty()
        .file(
            "content/entities/undp.md",
            "---\nname: United Nations Development Programme\naliases: [UNDP]\n---\n",
        )
        .file(
            "content/entities/other.md",
            "---\nname: Other\naliases: [UNDP]\n---\n",
        );
    let d = find(&site.build_errors(), "`UNDP` is used by two entities").clone();
    assert!(
        d.message.contains("content/entities/undp.md")
            && d.message.contains("content/entities/other.md"),
        "{}",
        d.message
    );
    assert_eq!(
        (d.path.to_str().unwrap(), d.line),
        ("content/entities/undp.md", 3)
    );
}

#[test]
fn an_ambiguous_wikilink_lists_the_candidates() {
    let site = Site::empty()
        .file("content/entities/ecosoc.md", "---\nname: ECOSOC\n---\n")
        .file("content/topics/ecosoc.md", "---\nname: ECOSOC\n---\n")
        .file(
            "content/meetings/m.md",
            "---\ntitle: M\ndate: 2024-01-01\n---\n\nAbout [[ECOSOC]].\n",
        );
    let d = find(&site.build_errors(), "could mean several pages").clone();
    assert_eq!(
        (d.path.to_str().unwrap(), d.line, d.column),
        ("content/meetings/m.md", 6, 7)
    );
    let help = d.help.unwrap();
    assert!(
        help.contains("[[entity:ECOSOC]]") && help.contains("[[topic:ECOSOC]]"),
        "{help}"
    );
}

/// A stub made for one wiki-link gives a later link to the same name a
/// second meaning.
#[test]
fn a_stub_made_for_a_link_makes_a_later_link_ambiguous() {
    let site = Site::empty()
        .file("content/entities/ecosoc.md", "---\nname: ECOSOC\n---\n")
        .file(
            "content/meetings/m1.md",
            "---\ntitle: One\ndate: 2024-01-01\n---\n\nAbout [[topic:ECOSOC]].\n",
        )
        .file(
            "content/meetings/m2.md",
            "---\ntitle: Two\ndate: 2024-02-01\n---\n\nAbout [[ECOSOC]].\n",
        );
    let d = find(&site.build_errors(), "could mean several pages").clone();
    assert_eq!(
        (d.path.to_str().unwrap(), d.line, d.column),
        ("content/meetings/m2.md", 6, 7)
    );
}

#[test]
fn updates_before_creation_and_twice_in_a_meeting_are_errors() {
    let site = Site::empty()
        .file("content/meetings/m1.md", &meeting("title: One\ndate: 2024-01-01\nupdates:\n  - { action: m2-1, status: done }\n"))
        .file("content/meetings/m2.md", &meeting("title: Two\ndate: 2024-02-01\nactions:\n  - text: Do it\n"))
        .file(
            "content/meetings/m3.md",
            &meeting("title: Three\ndate: 2024-03-01\nupdates:\n  - { action: m2-1, status: in-progress }\n  - { action: m2-1, status: done }\n"),
        );
    let ds = site.build_errors();
    let before = find(&ds, "before it was decided");
    assert_eq!(
        (before.path.to_str().unwrap(), before.line),
        ("content/meetings/m1.md", 5)
    );
    let twice = find(&ds, "updated twice");
    assert_eq!(
        (twice.path.to_str().unwrap(), twice.line),
        ("content/meetings/m3.md", 5)
    );
}

#[test]
fn circular_hierarchies_are_errors() {
    let site = Site::empty()
        .file("content/topics/a.md", "---\nname: A\nparent: B\n---\n")
        .file("content/topics/b.md", "---\nname: B\nparent: A\n---\n")
        .file("content/topics/c.md", "---\nname: C\nparent: C\n---\n")
        .file("content/entities/x.md", "---\nname: X\nparent: Y\n---\n")
        .file("content/entities/y.md", "---\nname: Y\nparent: X\n---\n");
    let ds = site.build_errors();
    let topics = find(&ds, "is its own ancestor");
    assert!(topics.message.contains("A → B → A"), "{}", topics.message);
    find(&ds, "cannot be its own parent");
    let entities = find(&ds, "go round in a circle");
    assert_eq!(entities.line, 3);
}

#[test]
fn unclosed_wikilinks_warn_with_their_place() {
    let site = Site::empty().file(
        "content/meetings/m.md",
        "---\ntitle: M\ndate: 2024-01-01\n---\nFirst line.\nSee [[DESA for details.\n",
    );
    let built = site.build();
    let w = find(&built.warnings, "never closed");
    assert_eq!((w.line, w.column), (6, 5));
}

#[test]
fn exit_status_is_0_built_1_content_2_usage_or_configuration() {
    let site = Site::empty().file(
        "content/meetings/m.md",
        &meeting("title: M\ndate: 2024-01-01\n"),
    );
    let ok = site.run(&["build"]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let summary = String::from_utf8_lossy(&ok.stderr);
    assert!(summary.contains("built 1 meeting"), "{summary}");

    site.write(
        "content/meetings/bad.md",
        &meeting("title: M\ndate: 2024-13-01\n"),
    );
    let bad = site.run(&["build"]);
    assert_eq!(bad.status.code(), Some(1));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("content/meetings/bad.md:3"), "{err}");
    assert!(
        err.contains("date: 2024-13-01"),
        "the offending line is shown: {err}"
    );

    site.remove("content/meetings/bad.md");
    assert_eq!(site.run(&["build", "--frobnicate"]).status.code(), Some(2));
    assert_eq!(
        site.run(&["build", "--today", "yesterday"]).status.code(),
        Some(2)
    );
    site.write("quorum.yaml", "titel: x\n");
    let conf = site.run(&["check"]);
    assert_eq!(conf.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&conf.stderr).contains("did you mean `title`?"));
}

#[test]
fn the_output_folder_must_be_safe_to_replace() {
    let site = Site::empty().file(
        "content/meetings/m.md",
        &meeting("title: M\ndate: 2024-01-01\n"),
    );
    for bad in [".", "content", "..", "/"] {
        let out = site.run(&["build", "--output", bad]);
        assert_eq!(
            out.status.code(),
            Some(2),
            "--output {bad}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    site.write("mine/notes.txt", "precious");
    assert_eq!(
        site.run(&["build", "--output", "mine"]).status.code(),
        Some(2)
    );
    assert_eq!(
        std::fs::read_to_string(site.root.join("mine/notes.txt")).unwrap(),
        "precious"
    );
}

#[test]
fn new_makes_a_site_that_builds_without_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("minutes");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_quorum"))
        .arg("new")
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(status.status.code(), Some(0));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_quorum"))
        .args(["build", "--strict", "--root"])
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        target
            .join("public/meetings/2024-01-15-board/index.html")
            .is_file()
    );
    let again = std::process::Command::new(env!("CARGO_BIN_EXE_quorum"))
        .arg("new")
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
}

#[test]
fn a_link_pattern_that_is_no_regular_expression_is_a_configuration_error() {
    let site = Site::empty()
        .file(
            "quorum.yaml",
            "title: P\nlinks:\n  - pattern: '\\b[AE]/(?:RES/\\d+'\n    url: https://undocs.org/$0\n",
        )
        .file(
            "content/meetings/m.md",
            &meeting("title: M\ndate: 2024-01-01\n"),
        );
    for command in ["build", "check"] {
        let out = site.run(&[command]);
        assert_eq!(out.status.code(), Some(2), "{command}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("quorum.yaml:3:"), "{err}");
        assert!(
            err.contains("links: the pattern `\\b[AE]/(?:RES/\\d+` is not a regular expression"),
            "{err}"
        );
        assert!(err.contains("unclosed group"), "{err}");
    }
    assert!(!site.root.join("public").exists());
}
