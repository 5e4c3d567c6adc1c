//! `quorum new`: a new site (`quorum new DIR`), or a new meeting, entity or
//! topic in a site (`quorum new meeting`, `quorum new entity NAME`,
//! `quorum new topic NAME`), prepared from what the site already holds. It
//! never replaces a file.

use std::fs;
use std::path::{Path, PathBuf};

use quorum::Error;
use quorum::archetype::{EntryRequest, MeetingRequest, Request};
use quorum::config::Overrides;
use quorum::diagnostic::Diagnostic;
use quorum::model::date::PartialDate;
use quorum::model::front::EntityKind;

use super::{plural, print_diagnostics};

#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Args {
    /// The folder of a new site (it must not exist, or be empty). A folder
    /// named `meeting`, `entity` or `topic` is written `./meeting`.
    #[arg(required = true)]
    pub dir: Option<PathBuf>,
    #[command(subcommand)]
    pub file: Option<File>,
}

/// A new file in an existing site.
#[derive(Debug, clap::Subcommand)]
pub enum File {
    /// The next meeting of a series, from its last meeting: series,
    /// location, chair and attendees carried over, its pending actions
    /// listed under `updates:`, commented out.
    Meeting(MeetingArgs),
    /// A person, organisation, body or country: content/entities/<slug>.md,
    /// its kind guessed from its name.
    Entity(EntityArgs),
    /// A subject of the minutes: content/topics/<slug>.md.
    Topic(TopicArgs),
}

#[derive(Debug, clap::Args)]
pub struct EntityArgs {
    /// The name, as the minutes write it.
    pub name: String,
    /// What it is (default: a guess from the name).
    #[arg(long, value_enum)]
    pub kind: Option<Kind>,
    #[command(flatten)]
    pub site: InSite,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Kind {
    Organization,
    Body,
    Person,
    Country,
    Other,
}

impl From<Kind> for EntityKind {
    fn from(k: Kind) -> EntityKind {
        match k {
            Kind::Organization => EntityKind::Organization,
            Kind::Body => EntityKind::Body,
            Kind::Person => EntityKind::Person,
            Kind::Country => EntityKind::Country,
            Kind::Other => EntityKind::Other,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct TopicArgs {
    /// The name, as the minutes write it.
    pub name: String,
    #[command(flatten)]
    pub site: InSite,
}

#[derive(Debug, clap::Args)]
pub struct MeetingArgs {
    /// The title (default: the last meeting's, with the new date in place
    /// of its own, or "<series> <date>").
    pub title: Option<String>,
    /// The series, by name (default: the series of the most recent meeting).
    #[arg(long, value_name = "NAME")]
    pub series: Option<String>,
    /// The meeting's date, YYYY-MM-DD or YYYY-MM (default: today).
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,
    #[command(flatten)]
    pub site: InSite,
}

/// The site a new file goes into.
#[derive(Debug, Clone, clap::Args)]
pub struct InSite {
    /// The site's folder.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// What counts as today, a new meeting's date by default (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,
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
        match (self.file, self.dir) {
            (Some(file), _) => file.run(),
            (None, Some(dir)) => new_site(&dir),
            // clap asks for DIR when neither is given.
            (None, None) => Ok(()),
        }
    }
}

fn new_site(dir: &Path) -> Result<(), Error> {
    create(dir).map_err(|m| Error::Config(Box::new(Diagnostic::error(dir, m))))?;
    eprintln!(
        "created a new site in {}\n  build it:   quorum build --root {0}\n  preview it: quorum serve --root {0}",
        dir.display()
    );
    Ok(())
}

impl File {
    fn run(self) -> Result<(), Error> {
        let (site, request) = match self {
            File::Meeting(m) => {
                let date = m.date.as_deref().map(parse_date).transpose()?;
                let request = MeetingRequest {
                    series: m.series,
                    date,
                    title: m.title,
                };
                (m.site, Request::Meeting(request))
            }
            File::Entity(e) => {
                let request = EntryRequest {
                    name: e.name,
                    kind: e.kind.map(EntityKind::from),
                };
                (e.site, Request::Entity(request))
            }
            File::Topic(t) => {
                let request = EntryRequest {
                    name: t.name,
                    kind: None,
                };
                (t.site, Request::Topic(request))
            }
        };
        let overrides = Overrides {
            today: site.today.clone(),
            ..Overrides::default()
        };
        let config = quorum::load_config(&site.root, &overrides)?;
        let draft = match quorum::prepare_new(&config, &request) {
            Err(Error::Content(ds)) => {
                print_diagnostics(&ds);
                let n = ds.iter().filter(|d| d.is_error()).count();
                eprintln!(
                    "error: no file was written: the site has {n} error{} to correct first",
                    plural(n)
                );
                return Err(Error::Found(n));
            }
            other => other?,
        };
        draft
            .write(&config.root)
            .map_err(|d| Error::Config(Box::new(d)))?;
        for note in &draft.notes {
            eprintln!("note: {note}");
        }
        // The path alone on standard output, for `$EDITOR "$(quorum new meeting)"`.
        let shown = if site.root == Path::new(".") {
            draft.path
        } else {
            site.root.join(&draft.path)
        };
        println!("{}", shown.display());
        Ok(())
    }
}

/// `--date`, as front matter writes dates.
fn parse_date(s: &str) -> Result<PartialDate, Error> {
    PartialDate::parse(s.trim()).map_err(|e| {
        Error::Config(Box::new(
            Diagnostic::error("", format!("--date {s}: {e}"))
                .help("write the date as YYYY-MM-DD, or YYYY-MM for a month"),
        ))
    })
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
