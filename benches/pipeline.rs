//! Micro-benchmarks of the build's stages on the 1,000-meeting corpus of
//! `../shared/bench/` (generated into `target/bench/corpora/quorum-1000` the
//! first time, the same corpus `scripts/bench` uses):
//!
//! - `parse`: front matter and Markdown outline of every file (read once,
//!   outside the measurement);
//! - `resolve`: the knowledge graph from the parsed documents;
//! - `render`: every page, feed, export and the search index, into a sink
//!   that only counts bytes.
//!
//! `cargo bench --bench pipeline`; `QUORUM_BENCH_CORPUS=DIR` measures another
//! site.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use quorum::config::Overrides;
use quorum::render::{Renderer, Sink, SinkError};

/// A sink that keeps nothing: rendering without the cost of storing it.
#[derive(Default)]
struct Count(AtomicU64);

impl Sink for Count {
    fn write(&self, _path: &str, bytes: &[u8]) -> Result<(), SinkError> {
        self.0.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        Ok(())
    }

    fn copy(&self, path: &str, from: &Path) -> Result<(), SinkError> {
        let len = std::fs::metadata(from)
            .map_err(|source| SinkError::Read {
                path: path.to_owned(),
                from: from.to_path_buf(),
                source,
            })?
            .len();
        self.0.fetch_add(len, Ordering::Relaxed);
        Ok(())
    }
}

fn corpus() -> PathBuf {
    if let Some(dir) = std::env::var_os("QUORUM_BENCH_CORPUS") {
        return PathBuf::from(dir);
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = root.join("target/bench/corpora/quorum-1000");
    if !out.join(".done").exists() {
        let generator = std::env::var_os("QUORUM_BENCH_GEN")
            .map(PathBuf::from)
            .unwrap_or_else(|| root.join("../shared/bench/gen_corpus.py"));
        let _ = std::fs::remove_dir_all(&out);
        let status = Command::new("python3")
            .arg(&generator)
            .args(["--meetings", "1000", "--entities", "500", "--topics", "120"])
            .args(["--seed", "1", "--format", "quorum", "--out"])
            .arg(&out)
            .stdout(std::process::Stdio::null())
            .status()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", generator.display()));
        assert!(status.success(), "{} failed", generator.display());
        std::fs::write(out.join(".done"), "").unwrap();
    }
    out
}

fn stages(c: &mut Criterion) {
    let root = corpus();
    let overrides = Overrides {
        today: Some("2026-01-01".into()),
        ..Overrides::default()
    };
    let config = quorum::load_config(&root, &overrides).expect("the corpus has a configuration");
    let loaded = quorum::source::load(&config.root);
    assert!(loaded.diagnostics.is_empty(), "the corpus reads cleanly");
    let files = loaded.files;

    let mut group = c.benchmark_group("1000 meetings");
    group.sample_size(10);
    group.bench_function("parse", |b| {
        b.iter_batched(
            || files.clone(),
            quorum::model::parse,
            BatchSize::LargeInput,
        )
    });
    let parsed = quorum::model::parse(files.clone());
    group.bench_function("resolve", |b| {
        b.iter_batched(
            || parsed.clone(),
            |parsed| quorum::graph::resolve(parsed, &config),
            BatchSize::LargeInput,
        )
    });
    let renderer = Renderer::new(&config).expect("the default theme compiles");
    let (site, _) = quorum::analyse(&config).expect("the corpus builds");
    group.bench_function("render", |b| {
        b.iter(|| {
            let sink = Count::default();
            quorum::render::render(&site, &config, &renderer, &sink).expect("it renders");
            sink.0.into_inner()
        })
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
