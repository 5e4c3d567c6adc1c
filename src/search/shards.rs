//! Term shards: the sorted terms with their postings, cut into files of
//! about the same size, each named by a short key.
//!
//! A word's terms are found from the keys alone (the manifest lists them):
//! they are in the shard whose key is the last one not after the word, and
//! in the shards after it whose keys start with the word. Nothing here may
//! depend on anything but the terms, so the same site gives the same shards.

use std::ops::Range;

/// Terms packed into shards of about `target` bytes, in term order; each
/// shard is named by the shortest prefix of its first term that sorts after
/// the last term of the shard before (the first shard by `""`).
pub(super) fn pack(terms: &[(Box<str>, String)], target: usize) -> Vec<(String, Range<usize>)> {
    let mut shards: Vec<(String, Range<usize>)> = Vec::new();
    let mut size = 0;
    for (i, (term, list)) in terms.iter().enumerate() {
        let bytes = term.len() + list.len() + 6;
        match shards.last_mut() {
            Some((_, r)) if size + bytes <= target => {
                r.end = i + 1;
                size += bytes;
            }
            _ => {
                let key = match i {
                    0 => String::new(),
                    _ => separator(&terms[i - 1].0, term),
                };
                shards.push((key, i..i + 1));
                size = bytes;
            }
        }
    }
    shards
}

/// The shortest prefix of `next` that sorts after `prev` (`prev < next`).
fn separator(prev: &str, next: &str) -> String {
    for end in 1..=next.len() {
        if next.is_char_boundary(end) && &next[..end] > prev {
            return next[..end].to_owned();
        }
    }
    next.to_owned()
}

/// Writes a shard as JSON: `{"term":"postings",…}`. Terms are letters and
/// digits (ASCII, Arabic, Chinese, Japanese) and postings base64url, so
/// nothing needs escaping.
pub(super) fn shard_json(terms: &[(Box<str>, String)]) -> Vec<u8> {
    let len = terms
        .iter()
        .map(|(t, p)| t.len() + p.len() + 6)
        .sum::<usize>();
    let mut out = String::with_capacity(len + 2);
    out.push('{');
    for (i, (term, list)) in terms.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('"');
        out.push_str(term);
        out.push_str("\":\"");
        out.push_str(list);
        out.push('"');
    }
    out.push('}');
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(list: &[(&str, usize)]) -> Vec<(Box<str>, String)> {
        list.iter()
            .map(|(t, n)| (Box::from(*t), "A".repeat(*n)))
            .collect()
    }

    #[test]
    fn shards_split_by_size_and_are_keyed_by_short_prefixes() {
        let t = terms(&[
            ("budget", 40),
            ("budgetary", 40),
            ("budgets", 40),
            ("council", 40),
            ("zone", 10),
        ]);
        let shards = pack(&t, 110);
        let keys: Vec<(&str, Range<usize>)> = shards
            .iter()
            .map(|(k, r)| (k.as_str(), r.clone()))
            .collect();
        assert_eq!(
            keys,
            [("", 0..2), ("budgets", 2..4), ("z", 4..5)],
            "every term lands in exactly one shard, in order"
        );
        // A term bigger than a shard still gets one.
        let big = terms(&[("aa", 500), ("ab", 1)]);
        assert_eq!(pack(&big, 100).len(), 2);
        assert!(pack(&[], 100).is_empty());
    }

    #[test]
    fn a_separator_is_the_shortest_prefix_that_sorts_after() {
        assert_eq!(separator("budget", "budgetary"), "budgeta");
        assert_eq!(separator("apple", "banana"), "b");
        assert_eq!(separator("ab", "abc"), "abc");
    }

    #[test]
    fn shards_are_json() {
        let t = vec![
            (Box::from("a1"), "AB".to_owned()),
            (Box::from("b"), "C".to_owned()),
        ];
        let v: serde_json::Value = serde_json::from_slice(&shard_json(&t)).unwrap();
        assert_eq!(v, serde_json::json!({"a1": "AB", "b": "C"}));
    }
}
