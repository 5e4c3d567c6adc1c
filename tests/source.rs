//! Where a page comes from: "View source" and "Edit" links from
//! `source_url:` and `edit_url:`, and when a meeting's file last changed,
//! from the history of a git repository made here with the `git` command.

mod common;

use std::path::Path;
use std::process::Command;
use std::sync::Arc;

use common::Site;
use quorum::history::History;

const CONFIG: &str = "title: Minutes\nsource_url: https://git.example/minutes/src/branch/main/{path}\nedit_url: https://git.example/minutes/_edit/main/{path}?from=quorum\n";

/// A site of every kind of page: a meeting naming an unknown person and an
/// unknown topic (stubs), an entity, a topic and a free page, some in
/// folders whose names need encoding.
fn site(config: &str) -> Site {
    Site::empty()
        .file("quorum.yaml", config)
        .file(
            "content/meetings/2024/Board März.md",
            "---\ntitle: Board\ndate: 2024-03-12\nattendees: [Ann Lee, Nobody Known]\ntopics: [Budget, Unknown Matter]\nactions:\n  - { text: Draft the plan., owner: Ann Lee }\n---\nAnn Lee opened the meeting.\n",
        )
        .file(
            "content/meetings/2024-04-board.md",
            "---\ntitle: Board again\ndate: 2024-04-09\n---\nNothing of note.\n",
        )
        .file(
            "content/entities/people/ann-lee.md",
            "---\nname: Ann Lee\nkind: person\n---\nTreasurer.\n",
        )
        .file(
            "content/topics/budget.md",
            "---\nname: Budget\n---\nMoney.\n",
        )
        .file(
            "content/pages/how to #1.md",
            "---\ntitle: How to write minutes\n---\nWrite them.\n",
        )
}

/// The `href`s of the page's source line, in order.
fn source_links(built: &common::Built, page: &str) -> Vec<String> {
    built.hrefs(page, ".q-source a")
}

#[test]
fn every_page_made_from_a_file_links_to_it_and_stubs_do_not() {
    let site = site(CONFIG);
    let built = site.build();
    let view = "https://git.example/minutes/src/branch/main/";
    let edit = "https://git.example/minutes/_edit/main/";
    for (page, file) in [
        (
            "meetings/board-marz/index.html",
            "content/meetings/2024/Board%20M%C3%A4rz.md",
        ),
        (
            "meetings/2024-04-board/index.html",
            "content/meetings/2024-04-board.md",
        ),
        (
            "entities/ann-lee/index.html",
            "content/entities/people/ann-lee.md",
        ),
        ("topics/budget/index.html", "content/topics/budget.md"),
        (
            "pages/how-to-1/index.html",
            "content/pages/how%20to%20%231.md",
        ),
    ] {
        assert_eq!(
            source_links(&built, page),
            [format!("{view}{file}"), format!("{edit}{file}?from=quorum")],
            "{page}"
        );
        assert_eq!(
            built.texts(page, ".q-source a"),
            ["View source", "Edit"],
            "{page}"
        );
    }
    // Stubs, actions and the pages that list others come from no file.
    for page in [
        "entities/nobody-known/index.html",
        "topics/unknown-matter/index.html",
        "actions/board-marz-1/index.html",
        "index.html",
        "meetings/index.html",
        "entities/index.html",
        "404.html",
    ] {
        assert!(built.exists(page), "{page}");
        assert!(source_links(&built, page).is_empty(), "{page}");
    }
}

#[test]
fn one_template_gives_one_link_and_none_gives_no_line() {
    let only_view = site("source_url: http://forge.example/m/{path}\n").build();
    assert_eq!(
        source_links(&only_view, "topics/budget/index.html"),
        ["http://forge.example/m/content/topics/budget.md"]
    );
    assert_eq!(
        only_view.texts("topics/budget/index.html", ".q-source a"),
        ["View source"]
    );
    let only_edit = site("edit_url: https://forge.example/m/edit/{path}\n").build();
    assert_eq!(
        only_edit.texts("topics/budget/index.html", ".q-source a"),
        ["Edit"]
    );
    let neither = site("title: Minutes\n").build();
    for page in [
        "meetings/2024-04-board/index.html",
        "topics/budget/index.html",
    ] {
        assert!(neither.texts(page, ".q-source").is_empty(), "{page}");
    }
}

#[test]
fn a_template_that_is_not_an_http_address_is_a_configuration_error() {
    for (value, says) in [
        (
            "git.example/minutes/{path}",
            "is not an http:// or https:// URL",
        ),
        (
            "ftp://git.example/{path}",
            "is not an http:// or https:// URL",
        ),
        (
            "javascript:alert(1)//{path}",
            "is not an http:// or https:// URL",
        ),
        ("https://git.example/minutes/", "has no {path}"),
        ("https:///{path}", "has no host name"),
        (
            "https://git.example/{branch}/{path}",
            "only {path} is replaced",
        ),
        ("https://git.example/a b/{path}", "which a URL may not hold"),
    ] {
        for key in ["source_url", "edit_url"] {
            let site = site(&format!("title: Minutes\n{key}: \"{value}\"\n"));
            for command in ["build", "check"] {
                let out = site.run(&[command]);
                let err = String::from_utf8_lossy(&out.stderr);
                assert_eq!(out.status.code(), Some(2), "{key}: {value}: {err}");
                assert!(err.contains(&format!("{key}: ")), "{key}: {value}: {err}");
                assert!(err.contains(says), "{key}: {value}: {err}");
                assert!(err.contains("quorum.yaml:2:1"), "{key}: {value}: {err}");
                assert!(err.contains("{path}"), "the help shows how: {err}");
            }
        }
    }
}

/// Whether the `git` command can be run here.
fn have_git() -> bool {
    let found = Command::new("git").arg("--version").output().is_ok();
    if !found {
        eprintln!("skipped: no `git` command");
    }
    found
}

/// Runs git in `dir`, on its own settings only, committing at `date`.
fn git(dir: &Path, args: &[&str], date: &str) {
    git_dated(dir, args, date, date);
}

/// Runs git in `dir` with these author and committer dates.
fn git_dated(dir: &Path, args: &[&str], author: &str, committer: &str) {
    let out = Command::new("git")
        .args([
            "-c",
            "user.name=Sec Retary",
            "-c",
            "user.email=sec@example.org",
        ])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_DATE", author)
        .env("GIT_COMMITTER_DATE", committer)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The site in a repository of its own: the first commit holds every
/// file, the second changes one meeting, and a third meeting is never
/// committed. Author dates carry their own time zone; the committer's
/// differs, and is not what the page shows.
fn repository() -> Site {
    let site = site(CONFIG);
    let root = &site.root;
    git(root, &["init", "-q"], "2024-03-12T18:00:00+01:00");
    git(root, &["add", "."], "2024-03-12T18:00:00+01:00");
    git(
        root,
        &["commit", "-q", "-m", "Minutes of March and April"],
        "2024-04-10T09:30:00+02:00",
    );
    let april = root.join("content/meetings/2024-04-board.md");
    let text = std::fs::read_to_string(&april).unwrap();
    std::fs::write(&april, text.replace("Nothing", "Little")).unwrap();
    git(root, &["add", "."], "2024-05-02T23:30:00-05:00");
    git_dated(
        root,
        &["commit", "-q", "-m", "April corrected"],
        "2024-05-02T23:30:00-05:00",
        "2024-05-09T08:00:00+00:00",
    );
    site.write(
        "content/meetings/2024-05-board.md",
        "---\ntitle: Board in May\ndate: 2024-05-14\n---\nNot committed yet.\n",
    );
    site
}

/// The date a meeting's page says its file last changed, if any.
fn changed(built: &common::Built, slug: &str) -> Option<String> {
    let doc = built.html(&format!("meetings/{slug}/index.html"));
    let sel = scraper::Selector::parse(".q-source time").unwrap();
    doc.select(&sel)
        .next()
        .map(|t| t.value().attr("datetime").unwrap().to_owned())
}

#[test]
fn meetings_show_when_their_file_last_changed_in_git() {
    if !have_git() {
        return;
    }
    let site = repository();
    let built = site.build();
    assert_eq!(changed(&built, "board-marz").as_deref(), Some("2024-04-10"));
    // The author's date in the author's own zone (it is 3 May in UTC).
    assert_eq!(
        changed(&built, "2024-04-board").as_deref(),
        Some("2024-05-02")
    );
    assert_eq!(
        built.texts("meetings/2024-04-board/index.html", ".q-source"),
        ["Last changed 2 May 2024 · View source · Edit"]
    );
    // Never committed: no date, the links stay.
    assert_eq!(changed(&built, "2024-05-board"), None);
    assert_eq!(
        built.texts("meetings/2024-05-board/index.html", ".q-source a"),
        ["View source", "Edit"]
    );
    // Entities, topics and pages show no date.
    for page in ["entities/ann-lee/index.html", "topics/budget/index.html"] {
        assert!(
            !built.texts(page, ".q-source")[0].contains("changed"),
            "{page}"
        );
    }
}

#[test]
fn dates_without_source_links_still_show() {
    if !have_git() {
        return;
    }
    let site = repository();
    site.write("quorum.yaml", "title: Minutes\n");
    let built = site.build();
    assert_eq!(
        built.texts("meetings/2024-04-board/index.html", ".q-source"),
        ["Last changed 2 May 2024"]
    );
}

#[test]
fn no_git_and_no_repository_give_no_dates() {
    if !have_git() {
        return;
    }
    let mut site = repository();
    site.overrides.no_git = true;
    let built = site.build();
    for slug in ["board-marz", "2024-04-board"] {
        assert_eq!(changed(&built, slug), None, "{slug}");
    }
    // The same from the command line, for each command that builds.
    let out = site.run(&["build", "--no-git", "--today", "2024-06-01"]);
    assert_eq!(out.status.code(), Some(0));
    let html = std::fs::read_to_string(site.root.join("public/meetings/2024-04-board/index.html"))
        .unwrap();
    assert!(!html.contains("Last changed"));
    let out = site.run(&["check", "--no-git"]);
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("unexpected argument"),
        "check takes --no-git"
    );
    let help = site.run(&["serve", "--help"]);
    assert!(String::from_utf8_lossy(&help.stdout).contains("--no-git"));

    let outside = site_outside();
    let built = outside.build();
    assert_eq!(changed(&built, "2024-04-board"), None);
}

/// The same site, in a folder that is no repository.
fn site_outside() -> Site {
    let site = site(CONFIG);
    assert!(History::read(&site.root).is_empty());
    site
}

#[test]
fn a_site_in_a_folder_of_the_repository_finds_its_files() {
    if !have_git() {
        return;
    }
    let site = repository();
    // The repository holds the site in a sub-folder.
    let repo = site.root.parent().unwrap().join("repo");
    std::fs::create_dir_all(&repo).unwrap();
    std::fs::rename(site.root.join(".git"), repo.join(".git")).unwrap();
    std::fs::rename(&site.root, repo.join("minutes")).unwrap();
    git(&repo, &["add", "-A"], "2024-06-01T12:00:00+00:00");
    git(
        &repo,
        &["commit", "-q", "-m", "The site moves into a folder"],
        "2024-06-01T12:00:00+00:00",
    );
    let history = History::read(&repo.join("minutes"));
    assert_eq!(
        history
            .changed(Path::new("content/meetings/2024-04-board.md"))
            .map(|d| d.to_string())
            .as_deref(),
        Some("2024-06-01")
    );
    assert_eq!(history.len(), 3);
    std::fs::rename(repo.join("minutes"), &site.root).unwrap();
}

#[test]
fn two_builds_of_a_repository_are_byte_identical() {
    if !have_git() {
        return;
    }
    let site = repository();
    let first = site.build_to(&site.root.join("one")).snapshot();
    let second = site.build_to(&site.root.join("two")).snapshot();
    assert_eq!(first.len(), second.len());
    for (name, bytes) in &first {
        assert!(second.get(name) == Some(bytes), "{name} differs");
    }
}

#[test]
fn the_history_is_read_again_only_when_head_moves() {
    if !have_git() {
        return;
    }
    let site = repository();
    let first = History::read_since(&site.root, None);
    let again = History::read_since(&site.root, Some(&first));
    assert!(Arc::ptr_eq(&first, &again), "HEAD did not move");
    // A save changes no commit: still the same history.
    site.write(
        "content/meetings/2024-04-board.md",
        "---\ntitle: Board again\ndate: 2024-04-09\n---\nSaved.\n",
    );
    let saved = History::read_since(&site.root, Some(&first));
    assert!(Arc::ptr_eq(&first, &saved));
    git(&site.root, &["add", "."], "2024-06-03T10:00:00+00:00");
    git(
        &site.root,
        &["commit", "-q", "-m", "May"],
        "2024-06-03T10:00:00+00:00",
    );
    let moved = History::read_since(&site.root, Some(&first));
    assert!(!Arc::ptr_eq(&first, &moved));
    // Only the new commit was read, and it gives what a whole walk gives.
    assert_eq!(*moved, History::read(&site.root));
    let path = Path::new("content/meetings/2024-05-board.md");
    assert_eq!(first.changed(path), None);
    assert_eq!(
        moved.changed(path).map(|d| d.to_string()).as_deref(),
        Some("2024-06-03")
    );
    // Another branch from before: not a descendant, read whole again.
    git(
        &site.root,
        &["checkout", "-q", "-b", "other", "HEAD~2"],
        "2024-06-04T10:00:00+00:00",
    );
    let other = History::read_since(&site.root, Some(&moved));
    assert_eq!(*other, History::read(&site.root));
    assert_eq!(other.changed(path), None);
    assert_eq!(
        other
            .changed(Path::new("content/meetings/2024-04-board.md"))
            .map(|d| d.to_string())
            .as_deref(),
        Some("2024-04-10")
    );
}

#[test]
fn the_preview_shows_a_commit_made_while_it_runs() {
    if !have_git() {
        return;
    }
    let site = repository();
    let root = std::fs::canonicalize(&site.root).unwrap();
    let mut live = quorum::Pipeline::new(&root, site.overrides.clone());
    let memory = quorum::output::Memory::default();
    live.rebuild(&Default::default(), &memory).unwrap();
    let page = "meetings/2024-05-board/index.html";
    let before = String::from_utf8(memory.into_files().remove(page).unwrap()).unwrap();
    assert!(!before.contains("Last changed"));
    git(&root, &["add", "."], "2024-06-03T10:00:00+00:00");
    git(
        &root,
        &["commit", "-q", "-m", "May"],
        "2024-06-03T10:00:00+00:00",
    );
    // The next save is built with the history of the new HEAD.
    let saved = root.join("content/meetings/2024-04-board.md");
    let text = std::fs::read_to_string(&saved).unwrap();
    std::fs::write(&saved, text.replace("Little", "Less")).unwrap();
    let memory = quorum::output::Memory::default();
    let changes = quorum::incremental::Changes {
        paths: vec![saved],
        rescan: false,
    };
    live.rebuild(&changes, &memory).unwrap().expect("rebuilt");
    let after = String::from_utf8(memory.into_files().remove(page).unwrap()).unwrap();
    assert!(after.contains("<time datetime=\"2024-06-03\">"), "{after}");
}
