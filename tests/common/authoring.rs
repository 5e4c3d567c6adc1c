//! Running `quorum new …` in a test site, and reading what it did.

use std::fs;
use std::path::PathBuf;
use std::process::Output;

use super::Site;

/// Runs `quorum new …` in the site; returns the output, checked to have
/// exited with `code`.
pub fn new(site: &Site, args: &[&str], code: i32) -> Output {
    let mut all = vec!["new"];
    all.extend_from_slice(args);
    let out = site.run(&all);
    assert_eq!(
        out.status.code(),
        Some(code),
        "quorum {}:\n{}{}",
        all.join(" "),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The path `quorum new` printed.
pub fn printed(out: &Output) -> String {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .trim()
        .to_owned()
}

/// Every file of the site's content, with its text.
pub fn files_of(site: &Site) -> Vec<(PathBuf, String)> {
    fn walk(dir: &std::path::Path, out: &mut Vec<(PathBuf, String)>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, out);
            } else {
                out.push((path.clone(), fs::read_to_string(&path).unwrap()));
            }
        }
    }
    let mut out = Vec::new();
    walk(&site.root.join("content"), &mut out);
    out.sort();
    out
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The site as its own `quorum.yaml` has it (its `today:`).
pub fn as_configured(mut site: Site) -> Site {
    site.overrides.today = None;
    site
}
