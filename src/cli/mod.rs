//! The command line (README.md, Commands): one file per subcommand, each an `Args`
//! struct with `run()`. Only this layer prints; the library returns reports.

mod build;
mod check;
mod new;
mod serve;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use quorum::Error;
use quorum::config::Overrides;
use quorum::diagnostic::Diagnostic;

/// quorum turns meeting minutes into a cross-linked static knowledge site.
#[derive(Debug, Parser)]
#[command(name = "quorum", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create a new site (DIR), or a new meeting in a site.
    New(new::Args),
    /// Build the site into public/ (or --output).
    Build(build::Args),
    /// Build in memory and report every error and broken link; write nothing.
    Check(check::Args),
    /// Build, serve on 127.0.0.1:1111, rebuild on every change and reload the browser.
    Serve(serve::Args),
}

/// Options every building command takes.
#[derive(Debug, Clone, clap::Args)]
pub struct SiteArgs {
    /// The site's folder.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// Override `base_url` of quorum.yaml.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// The date that decides which actions are overdue (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,
    /// Treat every warning as an error.
    #[arg(long)]
    pub strict: bool,
    /// Build draft meetings too.
    #[arg(long)]
    pub drafts: bool,
    /// Do not read from git history when each meeting's file last changed.
    #[arg(long)]
    pub no_git: bool,
}

impl SiteArgs {
    /// The overrides these options make to quorum.yaml.
    pub fn overrides(&self) -> Overrides {
        Overrides {
            base_url: self.base_url.clone(),
            today: self.today.clone(),
            strict: self.strict,
            drafts: self.drafts,
            no_git: self.no_git,
        }
    }
}

/// Parses the command line, runs the command, and maps the outcome to the
/// exit status: 0 built, 1 content errors, 2 usage or configuration errors.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::New(args) => args.run(),
        Command::Build(args) => args.run(),
        Command::Check(args) => args.run(),
        Command::Serve(args) => args.run(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            report_error(&e);
            ExitCode::from(e.exit_code())
        }
    }
}

/// Whether stderr is a terminal that takes colours.
pub fn color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Prints diagnostics to stderr, each with its source line.
pub fn print_diagnostics(diagnostics: &[Diagnostic]) {
    let color = color();
    for d in diagnostics {
        eprintln!("{}", d.render(color));
    }
}

pub fn report_error(e: &Error) {
    match e {
        Error::Config(d) => print_diagnostics(std::slice::from_ref(d)),
        Error::Content(ds) => {
            print_diagnostics(ds);
            let errors = ds.iter().filter(|d| d.is_error()).count();
            let warnings = ds.len() - errors;
            eprintln!(
                "error: the site was not built: {errors} error{}, {warnings} warning{}",
                plural(errors),
                plural(warnings)
            );
        }
        Error::Output(o) => eprintln!("error: {o}"),
        Error::Found(_) => {}
    }
}

/// "s" for counts other than one.
pub fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The time of each stage, then what each template cost (CPU time summed
/// over threads, so it can exceed the wall time of the render stage).
fn print_timings(stages: &[quorum::timing::Lap], rendered: &quorum::render::RenderReport) {
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    let peak = |p: Option<u64>| match p {
        Some(bytes) => format!("{:>7.0} MB peak", bytes as f64 / 1e6),
        None => String::new(),
    };
    for stage in stages {
        eprintln!(
            "  {:<20} {:>9.1} ms {}",
            stage.name,
            ms(stage.time),
            peak(stage.peak)
        );
        if stage.name.starts_with("render") {
            for part in &rendered.parts {
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
    for t in &rendered.templates {
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
