//! `quorum build`: the site into public/, swapped in whole.

use std::path::PathBuf;
use std::time::Duration;

use quorum::diagnostic::Diagnostic;
use quorum::output::{Busy, Wait};
use quorum::watch::Watcher;
use quorum::{BuildReport, Error};

use super::{SiteArgs, plural, print_diagnostics};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Where to write the site (default: public/ in the site's folder).
    #[arg(long, short, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// Keep watching, and rebuild the output (swapped in whole) on every change.
    #[arg(long)]
    pub watch: bool,
    /// Print the time each stage of the build took.
    #[arg(long)]
    pub timings: bool,
    /// How long to wait for another build writing the same output folder
    /// before giving up (0: give up at once).
    #[arg(long, value_name = "SECONDS", default_value_t = quorum::output::Wait::DEFAULT.as_secs())]
    pub wait: u64,
}

impl Args {
    pub fn run(self) -> Result<(), Error> {
        let config = quorum::load_config(&self.site.root, &self.site.overrides())?;
        let output = self
            .output
            .clone()
            .unwrap_or_else(|| config.root.join("public"));
        let timeout = Duration::from_secs(self.wait);
        let tell = |busy: &Busy| {
            eprintln!(
                "{} is writing {}; waiting up to {} s for it to finish (it holds {})",
                busy.holder,
                busy.output.display(),
                timeout.as_secs(),
                busy.lock.display()
            );
        };
        let wait = Wait {
            timeout,
            on_wait: Some(&tell),
        };
        if !self.watch {
            let report = quorum::build_waiting(&config, &output, &wait)?;
            print_diagnostics(&report.warnings);
            eprintln!("{}", summary(&report, "built"));
            if self.timings {
                print_timings(&report);
            }
            return Ok(());
        }
        // The watch starts before the first build, so a file saved while
        // that build runs is built again.
        let ignore = vec![output.clone(), self.site.root.join("target")];
        let mut watcher = Watcher::start(&self.site.root, ignore)
            .map_err(|e| Error::Config(Box::new(Diagnostic::error("", e))))?;
        let first = quorum::build_waiting(&config, &output, &wait);
        // An output folder quorum may not replace stops the watch at once.
        if let Err(e @ Error::Output(_)) = first {
            return Err(e);
        }
        show(first);
        if let Some(why) = &watcher.polling {
            eprintln!("note: {why}; checking for changes twice a second instead");
        }
        eprintln!(
            "watching {} for changes (press Ctrl-C to stop)",
            self.site.root.display()
        );
        while watcher.next_batch().is_some() {
            let result = quorum::load_config(&self.site.root, &self.site.overrides())
                .and_then(|config| quorum::build_waiting(&config, &output, &wait));
            show(result);
        }
        Ok(())
    }
}

/// The time of each stage, then what each template cost (CPU time summed
/// over threads, so it can exceed the wall time of the render stage).
fn print_timings(report: &BuildReport) {
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    let peak = |p: Option<u64>| match p {
        Some(bytes) => format!("{:>7.0} MB peak", bytes as f64 / 1e6),
        None => String::new(),
    };
    for stage in &report.stages {
        eprintln!(
            "  {:<20} {:>9.1} ms {}",
            stage.name,
            ms(stage.time),
            peak(stage.peak)
        );
        if stage.name.starts_with("render") {
            for part in &report.rendered.parts {
                eprintln!(
                    "    {:<18} {:>9.1} ms {}",
                    part.name,
                    ms(part.time),
                    peak(part.peak)
                );
            }
        }
    }
    eprintln!(
        "  {:<20} {:>7} {:>10} {:>10} {:>10} {:>10}",
        "template", "pages", "data ms", "render ms", "write ms", "MB"
    );
    for t in &report.rendered.templates {
        eprintln!(
            "  {:<20} {:>7} {:>10.1} {:>10.1} {:>10.1} {:>10.1}",
            t.template,
            t.pages,
            ms(t.data),
            ms(t.render),
            ms(t.write),
            t.bytes as f64 / 1e6
        );
    }
}

/// Prints the outcome of one build of a watch; a failed build leaves the
/// previous output as it was.
fn show(result: Result<BuildReport, Error>) {
    match result {
        Ok(report) => {
            print_diagnostics(&report.warnings);
            eprintln!("{}", summary(&report, "built"));
        }
        Err(e) => {
            super::report_error(&e);
            eprintln!("the previous output is left as it was");
        }
    }
}

/// The one-line summary of a build.
pub fn summary(r: &BuildReport, verb: &str) -> String {
    let p = &r.rendered;
    let warnings = r.warnings.len();
    let target = if r.output.as_os_str().is_empty() {
        String::new()
    } else {
        format!(" into {}", r.output.display())
    };
    format!(
        "{verb} {} meeting{}, {} entit{}, {} topic{}, {} action{}, {} page{} ({} files){target} in {} ms; {warnings} warning{}",
        p.meetings,
        plural(p.meetings),
        p.entities,
        if p.entities == 1 { "y" } else { "ies" },
        p.topics,
        plural(p.topics),
        p.actions,
        plural(p.actions),
        p.pages,
        plural(p.pages),
        p.files,
        r.elapsed.as_millis(),
        plural(warnings),
    )
}
