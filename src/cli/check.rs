//! `quorum check`: the whole build in memory, every problem and broken link
//! reported, nothing written. Exit status 1 when anything is found.

use std::collections::BTreeMap;
use std::time::Duration;

use quorum::Error;
use quorum::Pipeline;
use quorum::check::Options;
use quorum::diagnostic::Kind;

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
        let mut pipeline = Pipeline::new(&self.site.root, self.site.overrides());
        let options = Options {
            external: self.external,
            timeout: Duration::from_secs(self.timeout.max(1)),
            concurrency: self.concurrency.max(1),
        };
        let report = pipeline.check(&options)?;
        print_diagnostics(&report.problems);
        eprintln!("{}", summary(&report.build, "checked"));
        let n = report.problems.len();
        eprintln!(
            "{} ({n} problem{}); followed {} internal link{} on {} page{}{}",
            counts(&report.by_kind(), self.external),
            plural(n),
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
        );
        if n > 0 {
            return Err(Error::Found(n));
        }
        Ok(())
    }
}

/// The problems by kind: unknown refs and broken links always (they are what
/// a check is for), external links when they were fetched, other kinds when
/// there are any.
fn counts(by_kind: &BTreeMap<Kind, usize>, external: bool) -> String {
    let kinds = [
        Kind::UnknownRef,
        Kind::BrokenLink,
        Kind::OutsideLink,
        Kind::SilentOverdue,
        Kind::ExternalLink,
        Kind::WikiLinkSyntax,
        Kind::Other,
    ];
    kinds
        .into_iter()
        .filter_map(|kind| {
            let n = by_kind.get(&kind).copied().unwrap_or(0);
            let always = matches!(kind, Kind::UnknownRef | Kind::BrokenLink)
                || (kind == Kind::ExternalLink && external);
            (n > 0 || always).then(|| name(kind, n))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `n` problems of one kind, in words.
fn name(kind: Kind, n: usize) -> String {
    let s = plural(n);
    match kind {
        Kind::UnknownRef => format!("{n} unknown ref{s}"),
        Kind::BrokenLink => format!("{n} broken link{s}"),
        Kind::OutsideLink => format!("{n} link{s} outside the site"),
        Kind::SilentOverdue => format!("{n} overdue action{s} without update"),
        Kind::ExternalLink => format!("{n} failing external link{s}"),
        Kind::WikiLinkSyntax => format!("{n} malformed wiki-link{s}"),
        Kind::Other => format!("{n} other warning{s}"),
    }
}
