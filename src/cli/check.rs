//! `quorum check`: the whole build in memory, every problem reported, nothing written.

use quorum::Error;

use super::build::summary;
use super::{SiteArgs, print_diagnostics};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub site: SiteArgs,
}

impl Args {
    pub fn run(self) -> Result<(), Error> {
        let config = quorum::load_config(&self.site.root, &self.site.overrides())?;
        let (report, _files) = quorum::check(&config)?;
        print_diagnostics(&report.warnings);
        eprintln!("{}", summary(&report, "checked"));
        Ok(())
    }
}
