//! `quorum build`: the site into public/, swapped in whole.

use std::path::PathBuf;
use std::time::Duration;

use quorum::diagnostic::Diagnostic;
use quorum::output::{Busy, Wait};
use quorum::watch::Watcher;
use quorum::{BuildReport, Error, Pipeline};

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
        let mut pipeline = Pipeline::new(&self.site.root, self.site.overrides());
        let config = pipeline.load_config()?;
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
            let report = pipeline.build(&output, &wait)?;
            print_diagnostics(&report.warnings);
            eprintln!("{}", summary(&report, "built"));
            if self.timings {
                super::print_timings(&report.stages, &report.rendered);
            }
            return Ok(());
        }
        // A stop asked for while a build runs waits for it, so that no
        // staging folder is left behind; between builds it stops at once.
        let stopper = Stopper::install();
        // The watch starts before the first build, so a file saved while
        // that build runs is built again.
        let ignore = vec![output.clone(), self.site.root.join("target")];
        let mut watcher = Watcher::start(&self.site.root, ignore)
            .map_err(|e| Error::Config(Box::new(Diagnostic::error("", e))))?;
        let first = stopper.during(|| pipeline.build(&output, &wait));
        // An output folder quorum may not replace stops the watch at once.
        if let Err(e @ Error::Output(_)) = first {
            return Err(e);
        }
        show(first);
        if stopper.asked() {
            return Ok(());
        }
        if let Some(why) = &watcher.polling {
            eprintln!("note: {why}; checking for changes twice a second instead");
        }
        eprintln!(
            "watching {} for changes (press Ctrl-C to stop)",
            self.site.root.display()
        );
        while watcher.next_batch().is_some() {
            let result = stopper.during(|| {
                // The configuration is read again for every build.
                pipeline
                    .load_config()
                    .map(drop)
                    .and_then(|()| pipeline.build(&output, &wait))
            });
            show(result);
            if stopper.asked() {
                break;
            }
        }
        Ok(())
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
        p.free_pages,
        plural(p.free_pages),
        p.files,
        r.elapsed.as_millis(),
        plural(warnings),
    )
}

/// Stops `build --watch` on Ctrl-C, `kill` (SIGTERM) or a closed terminal
/// (SIGHUP): at once between builds, or once the build under way is in
/// place, so that it leaves no staging folder; a second signal stops it at
/// once. The signals are blocked in every thread and taken by one of its
/// own, so it must be installed before any other thread starts.
struct Stopper {
    /// Whether a build runs, and whether a stop was asked for meanwhile.
    state: std::sync::Arc<std::sync::Mutex<(bool, bool)>>,
}

impl Stopper {
    fn install() -> Stopper {
        let state = std::sync::Arc::new(std::sync::Mutex::new((false, false)));
        #[cfg(unix)]
        {
            let taken = state.clone();
            // SAFETY: the set is initialised by sigemptyset before use, and
            // only this process's own signal mask is changed.
            let set = unsafe {
                let mut set: libc::sigset_t = std::mem::zeroed();
                libc::sigemptyset(&mut set);
                for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
                    libc::sigaddset(&mut set, signal);
                }
                libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
                set
            };
            let _ = std::thread::Builder::new()
                .name("signals".into())
                .spawn(move || {
                    loop {
                        let mut signal = 0;
                        // SAFETY: sigwait reads the set and writes the signal.
                        if unsafe { libc::sigwait(&set, &mut signal) } != 0 {
                            continue;
                        }
                        let mut state = taken.lock().unwrap_or_else(|e| e.into_inner());
                        let (building, asked) = &mut *state;
                        if *building && !*asked {
                            *asked = true;
                            eprintln!("stopping once this build is in place");
                        } else {
                            std::process::exit(0);
                        }
                    }
                });
        }
        Stopper { state }
    }

    /// Runs one build, marked as running.
    fn during<T>(&self, build: impl FnOnce() -> T) -> T {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).0 = true;
        let result = build();
        self.state.lock().unwrap_or_else(|e| e.into_inner()).0 = false;
        result
    }

    /// Whether a stop was asked for while a build ran.
    fn asked(&self) -> bool {
        self.state.lock().unwrap_or_else(|e| e.into_inner()).1
    }
}
