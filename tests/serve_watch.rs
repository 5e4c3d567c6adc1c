//! `serve` and `build --watch` keep following a site whose folders are
//! replaced while they run: `content/` moved away and back, deleted and
//! restored, or swapped for a link to another folder. Every later edit is
//! built and served.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::server::Server;
use common::{Site, copy_tree};

const TOPIC: &str = "content/topics/budget.md";

/// The text of the budget topic with `body`.
fn budget(body: &str) -> String {
    format!("---\nname: Budget\naliases: [finances]\n---\n\n{body}\n")
}

/// Waits (up to 20 s) until `read` gives a text containing `text`.
fn wait_for(what: &str, text: &str, read: impl Fn() -> Option<String>) {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut last = None;
    while Instant::now() < deadline {
        last = read();
        if last.as_deref().is_some_and(|t| t.contains(text)) {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("{what} never showed `{text}` within 20 s; it shows:\n{last:?}");
}

/// Waits until the served budget page shows `text`.
fn served(server: &Server, text: &str) {
    wait_for("the served page", text, || {
        Some(server.get("topics/budget/").body)
    });
}

/// An edit of the budget topic, then its text on the served page.
fn edit_is_served(site: &Site, server: &Server, text: &str) {
    site.write(TOPIC, &budget(text));
    served(server, text);
}

/// A folder beside the site's, outside it.
fn beside(site: &Site, name: &str) -> PathBuf {
    site.root.with_file_name(name)
}

#[test]
fn serve_follows_content_moved_away_and_back() {
    let site = Site::fixture("tricky");
    let server = Server::start(&site.root, &[]);
    let content = site.root.join("content");
    let away = beside(&site, "content-away");
    let events = server.events();
    events.settle();
    fs::rename(&content, &away).unwrap();
    assert!(events.wait("failed").contains("no `content/` folder"));
    fs::rename(&away, &content).unwrap();
    events.wait("reload");
    edit_is_served(&site, &server, "Money matters, after a move.");

    // Away and back again at once, before the server saw either.
    fs::rename(&content, &away).unwrap();
    fs::rename(&away, &content).unwrap();
    events.settle();
    edit_is_served(&site, &server, "Money matters, after a quick move.");
}

#[test]
fn serve_follows_content_deleted_and_restored() {
    let site = Site::fixture("tricky");
    let server = Server::start(&site.root, &[]);
    let content = site.root.join("content");
    let backup = beside(&site, "backup");
    copy_tree(&content, &backup);
    fs::write(backup.join("topics/budget.md"), budget("Money restored.")).unwrap();
    let events = server.events();
    events.settle();
    fs::remove_dir_all(&content).unwrap();
    assert!(events.wait("failed").contains("no `content/` folder"));
    copy_tree(&backup, &content);
    served(&server, "Money restored.");
    events.settle();
    edit_is_served(&site, &server, "Money matters, after the restore.");
    // A file added in a folder of the restored tree is seen too.
    site.write(
        "content/meetings/2023/2023-10-council.md",
        "---\ntitle: An earlier council\ndate: 2023-10-02\nseries: Council\n---\nThe budget was discussed.\n",
    );
    wait_for("the page of 2023's meetings", "An earlier council", || {
        Some(server.get("meetings/2023/").body)
    });
}

#[cfg(unix)]
#[test]
fn serve_follows_content_replaced_by_a_link_to_another_folder() {
    let site = Site::fixture("tricky");
    let server = Server::start(&site.root, &[]);
    let content = site.root.join("content");
    let other = beside(&site, "other-content");
    copy_tree(&content, &other);
    fs::write(other.join("topics/budget.md"), budget("Money elsewhere.")).unwrap();
    let events = server.events();
    events.settle();
    fs::remove_dir_all(&content).unwrap();
    std::os::unix::fs::symlink(&other, &content).unwrap();
    // The other folder's text is served, although its files have the
    // names the site's had.
    served(&server, "Money elsewhere.");
    events.settle();
    edit_is_served(&site, &server, "Money matters, through the link.");
    fs::write(
        other.join("topics/budget.md"),
        budget("Money, edited where it is."),
    )
    .unwrap();
    served(&server, "Money, edited where it is.");
}

/// A `quorum build --watch` of a site, stopped when dropped.
struct Watching(Child);

impl Watching {
    fn start(root: &Path) -> Watching {
        let child = Command::new(env!("CARGO_BIN_EXE_quorum"))
            .args(["build", "--watch", "--today", "2024-03-01", "--root"])
            .arg(root)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        Watching(child)
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn build_watch_follows_content_deleted_and_restored() {
    let site = Site::fixture("tricky");
    let _watching = Watching::start(&site.root);
    let page = site.root.join("public/topics/budget/index.html");
    let built = |text: &str| wait_for("the built page", text, || fs::read_to_string(&page).ok());
    built("Money matters.");
    let content = site.root.join("content");
    let backup = beside(&site, "backup");
    copy_tree(&content, &backup);
    fs::write(backup.join("topics/budget.md"), budget("Money restored.")).unwrap();
    fs::remove_dir_all(&content).unwrap();
    std::thread::sleep(Duration::from_millis(500));
    copy_tree(&backup, &content);
    built("Money restored.");
    site.write(TOPIC, &budget("Money matters, watched after the restore."));
    built("Money matters, watched after the restore.");
}
