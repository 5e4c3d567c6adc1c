//! `quorum new DIR`: a new site with one example of each kind of file.

use std::fs;
use std::path::{Path, PathBuf};

use quorum::Error;
use quorum::diagnostic::Diagnostic;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder to create (it must not exist, or be empty).
    pub dir: PathBuf,
}

const FILES: &[(&str, &str)] = &[
    (
        "quorum.yaml",
        "title: Minutes\n\
         description: Minutes of our meetings\n\
         # Where the site will be published; may carry a sub-path.\n\
         base_url: http://127.0.0.1:1111/\n\
         autolink: first\n",
    ),
    (".gitignore", "/public\n"),
    (
        "content/meetings/2024-01-15-board.md",
        "---\n\
         title: Board meeting\n\
         date: 2024-01-15\n\
         series: Board\n\
         location: Room 4\n\
         chair: Ada Lovelace\n\
         attendees:\n  - Ada Lovelace\n  - { ref: Example Foundation, role: Observer }\n\
         topics: [Budget]\n\
         actions:\n  - id: draft-budget\n    owner: Ada Lovelace\n    text: Circulate a draft budget for next year.\n    due: 2024-02-15\n\
         decisions:\n  - text: The Board agreed to meet every month.\n    topics: [Budget]\n\
         ---\n\n\
         ## Budget\n\n\
         Ada Lovelace presented the accounts. The Example Foundation asked for a\n\
         breakdown by project; see [[Budget]].\n",
    ),
    (
        "content/entities/ada-lovelace.md",
        "---\nname: Ada Lovelace\nkind: person\naliases: [Ms. Lovelace]\naffiliation: Example Foundation\ntitle: Chair\n---\n\nChair of the Board.\n",
    ),
    (
        "content/entities/example-foundation.md",
        "---\nname: Example Foundation\nkind: organization\naliases: [EF]\n---\n\nThe foundation that funds the Board's work.\n",
    ),
    (
        "content/topics/budget.md",
        "---\nname: Budget\naliases: [budget]\n---\n\nThe yearly budget and its follow-up.\n",
    ),
    (
        "content/pages/about.md",
        "---\ntitle: About\norder: 1\n---\n\nThese are the minutes of the Board. Each meeting is a file in\n`content/meetings/`; people and organisations are in `content/entities/`.\n",
    ),
];

impl Args {
    pub fn run(self) -> Result<(), Error> {
        create(&self.dir).map_err(|m| Error::Config(Box::new(Diagnostic::error(&self.dir, m))))?;
        eprintln!(
            "created a new site in {}\n  build it:   quorum build --root {0}\n  preview it: quorum serve --root {0}",
            self.dir.display()
        );
        Ok(())
    }
}

fn create(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        let empty = fs::read_dir(dir)
            .map_err(|e| e.to_string())?
            .next()
            .is_none();
        if !empty {
            return Err(format!(
                "{} already exists and is not empty; choose a new folder",
                dir.display()
            ));
        }
    }
    for (path, text) in FILES {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)
                .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        fs::write(&target, text).map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    }
    Ok(())
}
