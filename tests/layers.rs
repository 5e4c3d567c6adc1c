//! The library's top-level modules form layers that only point down.
//!
//! Every reference one top-level module of `src/` makes to another
//! (`crate::x` in `use` lines and in paths inside the code, `pub use`
//! re-exports, and `super::` paths that climb to the crate root) must name a
//! module earlier in [`ORDER`]. The order, one line per layer, is in
//! `docs/architecture.md`, and this test holds the two together.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The layers, lowest first: a module may use only the modules before it.
const ORDER: &[&str] = &[
    "diagnostic",
    "hash",
    "timing",
    "sink",
    "history",
    "source",
    "frontmatter",
    "slug",
    "markdown",
    "model",
    "i18n",
    "config",
    "graph",
    "views",
    "page",
    "search",
    "export",
    "render",
    "output",
    "archetype",
    "stages",
    "check",
    "incremental",
    "pipeline",
    "watch",
    "serve",
];

/// One reference from a top-level module to something at the crate root.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Reference {
    /// The name at the crate root it reaches (a module or another item).
    target: String,
    line: usize,
}

/// Rust source with comments, strings and character literals blanked out,
/// lines kept where they were.
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |out: &mut String, c: char| out.push(if c == '\n' { '\n' } else { ' ' });
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                blank(&mut out, chars[i]);
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, chars[i]);
                    i += 1;
                }
            }
        } else if c == 'r' && raw_string_at(&chars, i).is_some() {
            let hashes = raw_string_at(&chars, i).unwrap_or(0);
            // `r`, the hashes, the quote.
            let open = 2 + hashes;
            for &c in &chars[i..i + open] {
                blank(&mut out, c);
            }
            i += open;
            while i < chars.len() {
                if chars[i] == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) {
                    for _ in 0..=hashes {
                        out.push(' ');
                    }
                    i += 1 + hashes;
                    break;
                }
                blank(&mut out, chars[i]);
                i += 1;
            }
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    out.push(' ');
                    i += 1;
                }
                if i < chars.len() {
                    blank(&mut out, chars[i]);
                    i += 1;
                }
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && (next == Some('\\') || chars.get(i + 2) == Some(&'\'')) {
            // A character literal (a lifetime has no closing quote).
            out.push(' ');
            i += 1;
            if chars.get(i) == Some(&'\\') {
                out.push(' ');
                i += 1;
            }
            while i < chars.len() && chars[i] != '\'' {
                blank(&mut out, chars[i]);
                i += 1;
            }
            out.push(' ');
            i += 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// At a raw string's `r` (not inside an identifier), how many `#` it has.
fn raw_string_at(chars: &[char], i: usize) -> Option<usize> {
    let before = i.checked_sub(1).map(|b| chars[b]);
    // `br"…"` is a raw byte string; any other letter before makes `r` part of a name.
    if before.is_some_and(|b| (b.is_alphanumeric() || b == '_') && b != 'b') {
        return None;
    }
    if before == Some('b') && i >= 2 && (chars[i - 2].is_alphanumeric() || chars[i - 2] == '_') {
        return None;
    }
    let hashes = chars[i + 1..].iter().take_while(|&&c| c == '#').count();
    (chars.get(i + 1 + hashes) == Some(&'"')).then_some(hashes)
}

/// The tokens of blanked code that paths are made of, with their lines.
fn tokens(code: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (n, line) in code.lines().enumerate() {
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c.is_alphanumeric() || c == '_' {
                let start = i;
                while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                    i += 1;
                }
                out.push((chars[start..i].iter().collect(), n + 1));
            } else if c == ':' && chars.get(i + 1) == Some(&':') {
                out.push(("::".into(), n + 1));
                i += 2;
            } else if c.is_whitespace() {
                i += 1;
            } else {
                out.push((c.to_string(), n + 1));
                i += 1;
            }
        }
    }
    out
}

/// The names at the crate root that the code of a module `depth` levels
/// below the root reaches.
fn references(text: &str, depth: usize) -> Vec<Reference> {
    let toks = tokens(&code_only(text));
    let tok = |i: usize| toks.get(i).map_or("", |(t, _)| t.as_str());
    let mut found = Vec::new();
    // Inline modules (`mod tests { … }`) and the brace depth each opened at.
    let mut inline: Vec<usize> = Vec::new();
    let mut braces = 0;
    let mut i = 0;
    while i < toks.len() {
        let t = tok(i);
        let starts_path = i == 0 || tok(i - 1) != "::";
        if t == "mod" && tok(i + 2) == "{" {
            inline.push(braces);
            braces += 1;
            i += 3;
            continue;
        }
        if t == "{" {
            braces += 1;
        } else if t == "}" {
            braces -= 1;
            if inline.last() == Some(&braces) {
                inline.pop();
            }
        }
        let at_root = if t == "crate" && starts_path && tok(i + 1) == "::" {
            Some(i + 2)
        } else if t == "super" && starts_path {
            let mut climbs = 0;
            let mut j = i;
            while tok(j) == "super" && tok(j + 1) == "::" {
                climbs += 1;
                j += 2;
            }
            (climbs > 0 && climbs >= depth + inline.len()).then_some(j)
        } else {
            None
        };
        if let Some(at) = at_root {
            let line = toks[i].1;
            for target in first_names(&toks, at) {
                found.push(Reference { target, line });
            }
        }
        i += 1;
    }
    found
}

/// The first name of the path at `at`, or of each path in a `{…}` group.
fn first_names(toks: &[(String, usize)], at: usize) -> Vec<String> {
    let tok = |i: usize| toks.get(i).map_or("", |(t, _)| t.as_str());
    if tok(at) != "{" {
        return vec![tok(at).to_string()];
    }
    let mut names = Vec::new();
    let mut depth = 0;
    let mut expect = true;
    for i in at..toks.len() {
        match tok(i) {
            "{" => {
                depth += 1;
                if depth > 1 {
                    expect = false;
                }
            }
            "}" => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            "," if depth == 1 => expect = true,
            name if expect && depth == 1 => {
                names.push(name.to_string());
                expect = false;
            }
            _ => {}
        }
    }
    names
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// A library file's top-level module and how deep below the root its code
/// sits; none for the crate root and the command's own files.
fn module_of(src: &Path, file: &Path) -> Option<(String, usize)> {
    let rel = file.strip_prefix(src).unwrap();
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop()?;
    let stem = last.trim_end_matches(".rs");
    if stem != "mod" {
        parts.push(stem.to_string());
    }
    match parts.first().map(String::as_str) {
        None | Some("lib" | "main" | "cli") => None,
        Some(top) => Some((top.to_string(), parts.len())),
    }
}

#[test]
fn every_import_points_down() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let src = root.join("src");
    let mut modules: Vec<String> = std::fs::read_dir(&src)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter_map(|p| {
            let name = p.file_stem()?.to_string_lossy().into_owned();
            (p.is_dir() || p.extension().is_some_and(|e| e == "rs")).then_some(name)
        })
        .filter(|n| !matches!(n.as_str(), "lib" | "main" | "cli"))
        .collect();
    modules.sort();
    modules.dedup();
    let layer = |name: &str| ORDER.iter().position(|m| *m == name);

    // Every top-level module has one place in the order, and only those.
    let mut problems: Vec<String> = modules
        .iter()
        .filter(|m| layer(m).is_none())
        .map(|m| format!("src/{m}: `{m}` has no place in the order"))
        .collect();
    problems.extend(
        ORDER
            .iter()
            .filter(|m| !modules.iter().any(|n| n == *m))
            .map(|m| format!("the order names `{m}`, which src/ does not have")),
    );
    let mut edges: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut files = 0;
    for file in rust_files(&src) {
        let Some((module, depth)) = module_of(&src, &file) else {
            continue;
        };
        files += 1;
        let text = std::fs::read_to_string(&file).unwrap();
        let Some(here) = layer(&module) else {
            continue;
        };
        for r in references(&text, depth) {
            if r.target == module {
                continue;
            }
            let shown = file.strip_prefix(root).unwrap().display().to_string();
            match layer(&r.target) {
                Some(there) if there < here => {
                    *edges.entry((module.clone(), r.target)).or_default() += 1;
                }
                Some(_) => problems.push(format!(
                    "{shown}:{}: `{module}` uses `{}`, which is not below it",
                    r.line, r.target
                )),
                None => problems.push(format!(
                    "{shown}:{}: `{module}` reaches up to the crate root for `{}`",
                    r.line, r.target
                )),
            }
        }
    }
    assert!(
        problems.is_empty(),
        "imports that point up or sideways in the layers (order: {}):\n{}",
        ORDER.join(", "),
        problems.join("\n")
    );
    // The scan found the library and its imports, not an empty tree.
    assert!(files > 60, "only {files} files read under src/");
    let total: usize = edges.values().sum();
    assert!(total > 200, "only {total} imports found");
    for (from, to) in [
        ("graph", "model"),
        ("render", "page"),
        ("model", "markdown"),
    ] {
        assert!(
            edges.contains_key(&(from.to_string(), to.to_string())),
            "`{from}` uses `{to}`, but the scan did not see it"
        );
    }
}

#[test]
fn the_documented_order_is_the_order() {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/architecture.md"))
            .unwrap();
    // Layers are a numbered list: "1. `diagnostic`: …".
    let documented: Vec<&str> = doc
        .lines()
        .filter_map(|l| {
            let (n, rest) = l.split_once(". `")?;
            n.trim().parse::<usize>().ok()?;
            rest.split_once('`').map(|(name, _)| name)
        })
        .collect();
    assert_eq!(
        documented, ORDER,
        "docs/architecture.md lists the layers in order"
    );
}

#[test]
fn the_scan_sees_paths_and_not_words() {
    let text = r#"
use crate::model::Slug;
use crate::{config::Config, graph::{Site, Target}};
pub use crate::hash::Hash;
// crate::render in a comment
/* crate::search in a block /* nested crate::export */ */
const S: &str = "crate::output";
const R: &str = r"crate::views";
fn f<'a>(x: &'a str) -> char { let _ = crate::sink::Sink::keep; '"' }
fn g() { super::super::timing::Lap::default(); super::sibling(); }
mod tests {
    use super::*;
    fn h() { super::super::super::pipeline::build(); }
}
"#;
    let names: Vec<(String, usize)> = references(text, 2)
        .into_iter()
        .map(|r| (r.target, r.line))
        .collect();
    let want = [
        ("model", 2),
        ("config", 3),
        ("graph", 3),
        ("hash", 4),
        ("sink", 9),
        ("timing", 10),
        ("pipeline", 13),
    ];
    let want: Vec<(String, usize)> = want.iter().map(|(n, l)| (n.to_string(), *l)).collect();
    assert_eq!(names, want);
}
