//! Any bytes as a content file of each kind: split, decoded, parsed. Never a
//! panic; every failure is a diagnostic with a place in the file.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use quorum::model::parse_file;
use quorum::source::{Kind, SourceFile, decode};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = decode(Path::new("content/x.md"), data.to_vec()) else {
        return;
    };
    for kind in [Kind::Meeting, Kind::Entity, Kind::Topic, Kind::Page] {
        let file = SourceFile {
            kind,
            path: "content/x.md".into(),
            text: text.clone(),
        };
        let parsed = parse_file(file);
        for d in &parsed.diagnostics {
            assert!(d.line <= text.lines().count() + 1, "{d:?}");
            let _ = d.render(false);
        }
    }
    let _ = quorum::frontmatter::split(&text);
});
