//! A whole site from a generated set of files: the input is cut into files
//! at NUL bytes, each given a kind and a name from its first bytes, then
//! parsed, resolved and rendered in memory. Never a panic, and every page is
//! written inside the output.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quorum::source::{Kind, SourceFile};

fuzz_target!(|data: &[u8]| {
    let mut files = Vec::new();
    for (i, chunk) in data.split(|&b| b == 0).take(16).enumerate() {
        let Some((&head, rest)) = chunk.split_first() else {
            continue;
        };
        let Ok(text) = std::str::from_utf8(rest) else {
            continue;
        };
        let kind = [Kind::Meeting, Kind::Entity, Kind::Topic, Kind::Page][usize::from(head) % 4];
        let name = ["a", "b", "A", "a-b", "x y", "ü", "..", "-"][usize::from(head / 4) % 8];
        files.push(SourceFile {
            kind,
            path: format!("content/{}/{i}/{name}.md", kind.folder()).into(),
            text: text.replace('\r', "\n"),
        });
    }
    let dir = std::env::temp_dir().join("quorum-fuzz-no-site");
    let Ok(mut config) = quorum::load_config(&dir, &Default::default()) else {
        return;
    };
    config.today = jiff::civil::date(2024, 3, 1);
    let parsed = quorum::model::parse(files);
    let resolved = quorum::graph::resolve(parsed, &config);
    if resolved.diagnostics.iter().any(|d| d.is_error()) {
        return;
    }
    let renderer = quorum::render::Renderer::new(&config).expect("the built-in theme compiles");
    let memory = quorum::output::Memory::default();
    if quorum::render::render(&resolved.site, &config, &renderer, &memory).is_ok() {
        for path in memory.into_files().keys() {
            assert!(
                !path.starts_with('/') && !path.split('/').any(|s| s == ".." || s.is_empty()),
                "{path}"
            );
        }
    }
});
