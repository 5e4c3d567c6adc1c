//! `quorum build`: the site into public/, swapped in whole.

use std::path::PathBuf;

use quorum::{BuildReport, Error};

use super::{SiteArgs, plural, print_diagnostics};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Where to write the site (default: public/ in the site's folder).
    #[arg(long, short, value_name = "DIR")]
    pub output: Option<PathBuf>,
}

impl Args {
    pub fn run(self) -> Result<(), Error> {
        let config = quorum::load_config(&self.site.root, &self.site.overrides())?;
        let output = self
            .output
            .clone()
            .unwrap_or_else(|| config.root.join("public"));
        let report = quorum::build(&config, &output)?;
        print_diagnostics(&report.warnings);
        eprintln!("{}", summary(&report, "built"));
        Ok(())
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
