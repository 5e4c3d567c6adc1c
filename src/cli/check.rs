//! `quorum check`: the whole build in memory, every problem and broken link
//! reported, nothing written. Exit status 1 when anything is found.

use std::time::Duration;

use quorum::Error;
use quorum::check::{self, Options};

use super::build::summary;
use super::{SiteArgs, plural, print_diagnostics};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Also fetch every external link.
    #[arg(long)]
    pub external: bool,
    /// Seconds allowed for each external request.
    #[arg(long, default_value_t = 10, value_name = "SECONDS")]
    pub timeout: u64,
    /// External requests under way at once.
    #[arg(long, default_value_t = 8, value_name = "N")]
    pub concurrency: usize,
}

impl Args {
    pub fn run(self) -> Result<(), Error> {
        let config = quorum::load_config(&self.site.root, &self.site.overrides())?;
        let options = Options {
            external: self.external,
            timeout: Duration::from_secs(self.timeout.max(1)),
            concurrency: self.concurrency.max(1),
        };
        let report = check::check(&config, &options)?;
        print_diagnostics(&report.problems);
        eprintln!("{}", summary(&report.build, "checked"));
        let n = report.problems.len();
        eprintln!(
            "followed {} internal link{} on {} page{}{}: {n} problem{}",
            report.internal,
            plural(report.internal),
            report.pages,
            plural(report.pages),
            if self.external {
                format!(
                    " and {} external link{}",
                    report.external,
                    plural(report.external)
                )
            } else {
                String::new()
            },
            plural(n),
        );
        if n > 0 {
            return Err(Error::Found(n));
        }
        Ok(())
    }
}
