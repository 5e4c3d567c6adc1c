//! The compact encodings of the index files.
//!
//! A posting list is a string of base64url characters, so it sits in JSON
//! without escaping: each posting is the distance from the previous
//! document id (the first: the id itself) as a little-endian varint of
//! 5-bit digits, the sixth bit of a character saying "more digits follow",
//! then one character holding the quantised weight (0–63). Lists of
//! documents without weights (the topic and entity filters) are the same
//! without the weight characters. Weights are quantised on a geometric
//! scale, so small and large scores keep the same relative precision.

/// The 64 characters of the encoding; JSON-safe.
pub(super) const ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// The smallest weight told apart from zero.
pub(super) const WEIGHT_MIN: f32 = 0.01;
/// The largest weight; anything above is clamped.
pub(super) const WEIGHT_MAX: f32 = 25.0;
/// Quantised weights are `0..LEVELS`.
pub(super) const LEVELS: u8 = 64;

/// Appends `v` as a varint of 5-bit digits.
pub(super) fn push_varint(out: &mut String, mut v: u32) {
    while v >= 32 {
        out.push(ALPHABET[((v & 31) | 32) as usize] as char);
        v >>= 5;
    }
    out.push(ALPHABET[v as usize] as char);
}

/// Encodes ascending document ids with their quantised weights.
pub(super) fn postings(out: &mut String, list: impl IntoIterator<Item = (u32, u8)>) {
    let mut prev = 0;
    for (doc, weight) in list {
        push_varint(out, doc - prev);
        out.push(ALPHABET[usize::from(weight.min(LEVELS - 1))] as char);
        prev = doc;
    }
}

/// Encodes ascending document ids.
pub(super) fn ids(list: impl IntoIterator<Item = u32>) -> String {
    let mut out = String::new();
    let mut prev = 0;
    for doc in list {
        push_varint(&mut out, doc - prev);
        prev = doc;
    }
    out
}

/// Decodes what [`postings`] (`weighted`) or [`ids`] wrote; `None` when the
/// text is not such a list.
pub fn decode(text: &str, weighted: bool) -> Option<Vec<(u32, u8)>> {
    let mut out = Vec::new();
    let mut chars = text.bytes().map(value);
    let mut doc = 0u32;
    while let Some(first) = chars.next() {
        let (mut v, mut shift, mut digit) = (0u32, 0u32, first?);
        loop {
            v |= u32::from(digit & 31).checked_shl(shift)?;
            if digit & 32 == 0 {
                break;
            }
            shift += 5;
            digit = chars.next()??;
        }
        doc = doc.checked_add(v)?;
        let weight = if weighted { chars.next()?? } else { 0 };
        out.push((doc, weight));
    }
    Some(out)
}

fn value(c: u8) -> Option<u8> {
    ALPHABET.iter().position(|&a| a == c).map(|p| p as u8)
}

/// The ratio between two neighbouring weight levels.
fn ratio() -> f32 {
    (WEIGHT_MAX / WEIGHT_MIN).powf(1.0 / f32::from(LEVELS - 1))
}

/// The level of weight `w`: `WEIGHT_MIN * ratio^level` is nearest to it.
pub(super) fn quantise(w: f32) -> u8 {
    if w.is_nan() || w <= WEIGHT_MIN {
        return 0;
    }
    let level = ((w / WEIGHT_MIN).ln() / ratio().ln()).round();
    level.clamp(0.0, f32::from(LEVELS - 1)) as u8
}

/// The weight a level stands for (what `search.js` computes).
pub fn dequantise(level: u8) -> f32 {
    WEIGHT_MIN * ratio().powi(i32::from(level))
}

/// Appends `text` as a JSON string, escaped as serde_json escapes it. Eight
/// bytes are checked at a time: records are mostly text that needs no
/// escaping, and they are most of the index.
pub(super) fn json_str(out: &mut Vec<u8>, text: &str) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let zero_in = |v: u64| v.wrapping_sub(ONES) & !v & HIGHS != 0;
    let plain = |w: u64| {
        !(w.wrapping_sub(ONES * 0x20) & !w & HIGHS != 0
            || zero_in(w ^ (ONES * u64::from(b'"')))
            || zero_in(w ^ (ONES * u64::from(b'\\'))))
    };
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let (mut from, mut i) = (0, 0);
    while i < bytes.len() {
        if let Some(chunk) = bytes[i..].first_chunk::<8>()
            && plain(u64::from_le_bytes(*chunk))
        {
            i += 8;
            continue;
        }
        let b = bytes[i];
        let escape: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x08 => b"\\b",
            0x0c => b"\\f",
            0..0x20 => b"",
            _ => {
                i += 1;
                continue;
            }
        };
        out.extend_from_slice(&bytes[from..i]);
        if escape.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(b >> 4)]);
            out.push(HEX[usize::from(b & 15)]);
        } else {
            out.extend_from_slice(escape);
        }
        i += 1;
        from = i;
    }
    out.extend_from_slice(&bytes[from..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_use_five_bits_a_character() {
        let mut s = String::new();
        push_varint(&mut s, 0);
        push_varint(&mut s, 31);
        push_varint(&mut s, 32);
        assert_eq!(s, "A".to_owned() + "f" + "gB");
    }

    #[test]
    fn postings_round_trip() {
        let list = [(0, 5), (1, 63), (33, 0), (1_000_000, 17)];
        let mut s = String::new();
        postings(&mut s, list);
        assert!(
            s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        );
        assert_eq!(decode(&s, true).unwrap(), list);
        let plain = ids([3, 4, 70]);
        assert_eq!(decode(&plain, false).unwrap(), [(3, 0), (4, 0), (70, 0)]);
        assert_eq!(decode("!", false), None);
        assert_eq!(decode("g", false), None, "a varint that never ends");
    }

    #[test]
    fn quantised_weights_keep_their_order_and_precision() {
        assert_eq!(quantise(0.0), 0);
        assert_eq!(quantise(1e9), LEVELS - 1);
        let mut last = 0;
        for w in [0.02, 0.1, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0] {
            let q = quantise(w);
            assert!(q > last, "{w}");
            last = q;
            let back = dequantise(q);
            assert!((back / w - 1.0).abs() < 0.07, "{w} came back as {back}");
        }
    }

    #[test]
    fn json_strings_are_escaped_as_serde_json_does() {
        for text in [
            "",
            "plain text that is long enough for several words",
            "quotes \" and \\ backslashes, a\ttab\nline\r\u{8}\u{c}\u{1}\u{1f}",
            "Zoë 李伟 ✓ 🎉 </script> & <b>",
            "\"\"\"\"\"\"\"\"\"",
            "12345678\n",
        ] {
            let mut out = Vec::new();
            json_str(&mut out, text);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(text).unwrap(),
                "{text:?}"
            );
        }
    }
}
