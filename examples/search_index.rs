//! Times the search step of a build on its own, for docs/search.md:
//!
//! ```sh
//! cargo run --release --example search_index -- /tmp/c10k /dev/shm/q-search
//! ```
//!
//! Reads and resolves the site at the first argument, then writes its search
//! index twice: into memory (the indexing alone), then into a staging folder
//! next to the second argument (with the file system), which is removed
//! afterwards. Prints wall and CPU time of each, and the size of the index.
//! `REPEAT=<n>` indexes n more times first, for profilers.

use std::path::PathBuf;
use std::time::Instant;

use quorum::config::Overrides;
use quorum::graph::SiteLinks;
use quorum::output::{Claim, Memory, Staging, Wait};
use quorum::page::{Ctx, Paths, Urls, Values};

fn cpu_seconds() -> f64 {
    // SAFETY: getrusage only writes into the struct it is given, which
    // zeroes make a valid value of.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let t = |v: libc::timeval| v.tv_sec as f64 + v.tv_usec as f64 / 1e6;
    t(usage.ru_utime) + t(usage.ru_stime)
}

fn main() {
    let mut args = std::env::args_os().skip(1).map(PathBuf::from);
    let root = args.next().expect("usage: search_index SITE [OUT]");
    let out = args
        .next()
        .unwrap_or_else(|| std::env::temp_dir().join("quorum-search-bench"));
    let config = quorum::load_config(&root, &Overrides::default()).expect("configuration");
    let (site, _) = quorum::analyse(&config).expect("the site builds");
    let urls = Urls::new(&config);
    let paths = Paths::new(&site, &urls);
    let renderer = quorum::render::Renderer::new(&config).expect("the theme compiles");
    let ctx = Ctx {
        site: &site,
        config: &config,
        urls: &urls,
        links: SiteLinks::new(&site, urls.relative),
        paths: &paths,
        values: &Values::default(),
        strings: renderer.strings(),
        root: urls.root("").into(),
    };

    for _ in 0..std::env::var("REPEAT")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(0)
    {
        let memory = Memory::default();
        quorum::search::write(&ctx, &memory).expect("the index is written");
    }
    let (wall, cpu) = (Instant::now(), cpu_seconds());
    let memory = Memory::default();
    let files = quorum::search::write(&ctx, &memory).expect("the index is written");
    let (w, c) = (wall.elapsed().as_secs_f64(), cpu_seconds() - cpu);
    let bytes: usize = memory.into_files().values().map(Vec::len).sum();
    println!("in memory: {w:.3} s wall, {c:.3} s CPU; {files} files, {bytes} bytes");

    let claim = Claim::take(&root, &out, &Wait::default()).expect("the output folder");
    let staging = Staging::begin(claim).expect("a staging folder");
    let (wall, cpu) = (Instant::now(), cpu_seconds());
    quorum::search::write(&ctx, &staging).expect("the index is written");
    let (w, c) = (wall.elapsed().as_secs_f64(), cpu_seconds() - cpu);
    println!("to disk:   {w:.3} s wall, {c:.3} s CPU");
    staging.abort();
}
