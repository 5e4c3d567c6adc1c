//! `quorum serve`: build, serve on 127.0.0.1:1111, rebuild on change, reload the browser.

use std::net::IpAddr;
use std::sync::Mutex;

use quorum::Error;
use quorum::diagnostic::{self, Diagnostic};
use quorum::serve::{self, Options, Report};

use super::{SiteArgs, color, plural, print_diagnostics};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub site: SiteArgs,
    /// The port to listen on (0: any free port).
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// The address to listen on; anything but a loopback address exposes the preview to the network.
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: IpAddr,
    /// Open the site in the default browser.
    #[arg(long)]
    pub open: bool,
    /// After each rebuild, print how long each stage took.
    #[arg(long)]
    pub timings: bool,
}

impl Args {
    pub fn run(self) -> Result<(), Error> {
        if !self.bind.is_loopback() {
            eprintln!(
                "warning: listening on {}: anyone who can reach this machine can read the minutes. Use --bind 127.0.0.1 to keep the preview private.",
                self.bind
            );
        }
        let open = self.open;
        let timings = self.timings;
        let options = Options {
            root: self.site.root.clone(),
            overrides: self.site.overrides(),
            bind: self.bind,
            port: self.port,
        };
        let shown = Mutex::new(None);
        serve::run(options, move |r| print(&r, open, timings, &shown))
    }
}

/// Prints what the server reports. `shown` holds the warnings of the last
/// good build: after the first, a rebuild prints only the warnings that are
/// new (see [`diagnostic::difference`] for what counts as the same warning).
fn print(report: &Report<'_>, open: bool, timings: bool, shown: &Mutex<Option<Vec<Diagnostic>>>) {
    match report {
        Report::Listening { url, polling } => {
            if let Some(why) = polling {
                eprintln!("note: {why}; checking for changes twice a second instead");
            }
            eprintln!("serving {url} (press Ctrl-C to stop)");
            if open {
                open_browser(url);
            }
        }
        Report::Built {
            changed,
            rebuild,
            mirror,
        } => {
            let what = describe(changed);
            let r = &rebuild.report;
            let mut shown = shown.lock().unwrap_or_else(|e| e.into_inner());
            let note = warnings(shown.as_deref(), &rebuild.warnings);
            eprintln!(
                "{what}: {} page{} rendered, {} file{} written, {} removed in {} ms{note}",
                r.rendered,
                plural(r.rendered),
                mirror.written,
                plural(mirror.written),
                mirror.removed,
                rebuild.elapsed.as_millis(),
            );
            *shown = Some(rebuild.warnings.clone());
            if timings {
                let mut stages = rebuild.stages.clone();
                stages.push(quorum::timing::Lap {
                    name: "write the preview",
                    time: mirror.elapsed,
                    peak: None,
                });
                super::print_timings(&stages, r);
            }
        }
        Report::Unchanged { changed } => {
            let what = match changed {
                [one] => one.display().to_string(),
                many => format!("{} files", many.len()),
            };
            eprintln!("{what} saved without changes: nothing to rebuild");
        }
        Report::Failed {
            changed,
            diagnostics,
        } => {
            print_diagnostics(diagnostics);
            let errors = diagnostics.iter().filter(|d| d.is_error()).count();
            eprintln!(
                "{}: failed with {errors} error{}; still serving the last good build",
                describe(changed),
                plural(errors)
            );
        }
    }
}

/// Prints the warnings of a good build that `before` (the last good build's,
/// if any) did not have, and says in a few words how they compare: the end
/// of the build's line.
fn warnings(before: Option<&[Diagnostic]>, now: &[Diagnostic]) -> String {
    let count = |n: usize| format!("{n} warning{}", plural(n));
    let Some(before) = before else {
        print_diagnostics(now);
        return if now.is_empty() {
            String::new()
        } else {
            format!("; {}", count(now.len()))
        };
    };
    let change = diagnostic::difference(before, now);
    let color = color();
    for d in &change.new {
        eprintln!("{}", d.render(color));
    }
    match (change.new.len(), change.gone) {
        (0, 0) if now.is_empty() => String::new(),
        (0, 0) => format!("; {}, as before", count(now.len())),
        (0, gone) => format!("; {} ({gone} gone)", count(now.len())),
        (new, 0) => format!("; {}, {new} new (above)", count(now.len())),
        (new, gone) => format!("; {}, {new} new (above), {gone} gone", count(now.len())),
    }
}

fn describe(changed: &[std::path::PathBuf]) -> String {
    match changed {
        [] => "built".to_owned(),
        [one] => format!("rebuilt after a change to {}", one.display()),
        many => format!("rebuilt after {} changes", many.len()),
    }
}

fn open_browser(url: &str) {
    let command = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    if let Err(e) = std::process::Command::new(command).arg(url).spawn() {
        eprintln!("note: could not open a browser ({e}); open {url} yourself");
    }
}
