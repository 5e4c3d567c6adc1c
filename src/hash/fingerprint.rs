//! Fingerprints of template input: a value is hashed as it serialises,
//! field by field, with nothing written out and no string escaped.
//!
//! Every value is tagged with its shape and every string and sequence has
//! its length or an end mark, so two different values of one type do not
//! feed the hash the same words.

use serde::Serialize;
use serde::ser;

use super::Hash;

/// Hashes serialised values.
#[derive(Debug, Default)]
pub struct Fingerprinter {
    hash: Hash,
}

/// Serialising into a hash cannot fail; a `Serialize` implementation may
/// still say it does.
#[derive(Debug)]
pub struct Unfingerprintable(String);

impl std::fmt::Display for Unfingerprintable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unfingerprintable {}

impl ser::Error for Unfingerprintable {
    fn custom<T: std::fmt::Display>(msg: T) -> Unfingerprintable {
        Unfingerprintable(msg.to_string())
    }
}

// The shape of each value, mixed in before it.
const BOOL: u64 = 1;
const INT: u64 = 2;
const UINT: u64 = 3;
const FLOAT: u64 = 4;
const CHAR: u64 = 5;
const STR: u64 = 6;
const BYTES: u64 = 7;
const NONE: u64 = 8;
const SOME: u64 = 9;
const UNIT: u64 = 10;
const VARIANT: u64 = 11;
const SEQ: u64 = 12;
const MAP: u64 = 13;
const STRUCT: u64 = 14;
const SKIPPED: u64 = 15;
const END: u64 = 16;

impl Fingerprinter {
    /// Mixes in raw bytes (a key, a template's name).
    pub fn write(&mut self, bytes: &[u8]) {
        self.hash.write_delimited(bytes);
    }

    /// Mixes in a number.
    pub fn write_u64(&mut self, n: u64) {
        self.hash.write_u64(n);
    }

    /// Mixes in `value`.
    pub fn add<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unfingerprintable> {
        value.serialize(&mut *self)
    }

    pub fn finish(&self) -> u64 {
        self.hash.0
    }

    fn tagged(&mut self, tag: u64, n: u64) {
        self.hash.write_u64(tag);
        self.hash.write_u64(n);
    }

    fn str(&mut self, tag: u64, bytes: &[u8]) {
        self.hash.write_u64(tag);
        self.write(bytes);
    }
}

/// Narrow numbers, hashed as the widest of their kind.
macro_rules! widen {
    ($($method:ident: $narrow:ty => $wide:ident($to:ty),)*) => {
        $(fn $method(self, v: $narrow) -> Result<(), Unfingerprintable> {
            self.$wide(<$to>::from(v))
        })*
    };
}

impl ser::Serializer for &mut Fingerprinter {
    type Ok = ();
    type Error = Unfingerprintable;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    /// Not human-readable: what a page's context holds serialises, for its
    /// fingerprint, as what it is made from rather than as what a template
    /// shows (see `page::Body`).
    fn is_human_readable(&self) -> bool {
        false
    }

    widen! {
        serialize_i8: i8 => serialize_i64(i64),
        serialize_i16: i16 => serialize_i64(i64),
        serialize_i32: i32 => serialize_i64(i64),
        serialize_u8: u8 => serialize_u64(u64),
        serialize_u16: u16 => serialize_u64(u64),
        serialize_u32: u32 => serialize_u64(u64),
    }

    fn serialize_bool(self, v: bool) -> Result<(), Unfingerprintable> {
        self.tagged(BOOL, u64::from(v));
        Ok(())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Unfingerprintable> {
        self.tagged(INT, v as u64);
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Result<(), Unfingerprintable> {
        self.tagged(INT, v as u64);
        self.hash.write_u64((v >> 64) as u64);
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Unfingerprintable> {
        self.tagged(UINT, v);
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Result<(), Unfingerprintable> {
        self.tagged(UINT, v as u64);
        self.hash.write_u64((v >> 64) as u64);
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Result<(), Unfingerprintable> {
        self.serialize_f64(f64::from(v))
    }
    fn serialize_f64(self, v: f64) -> Result<(), Unfingerprintable> {
        self.tagged(FLOAT, v.to_bits());
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Unfingerprintable> {
        self.tagged(CHAR, u64::from(v));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Unfingerprintable> {
        self.str(STR, v.as_bytes());
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Unfingerprintable> {
        self.str(BYTES, v);
        Ok(())
    }
    fn serialize_none(self) -> Result<(), Unfingerprintable> {
        self.hash.write_u64(NONE);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Unfingerprintable> {
        self.hash.write_u64(SOME);
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Unfingerprintable> {
        self.hash.write_u64(UNIT);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Unfingerprintable> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        index: u32,
        _variant: &'static str,
    ) -> Result<(), Unfingerprintable> {
        self.tagged(VARIANT, u64::from(index));
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Unfingerprintable> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        index: u32,
        _variant: &'static str,
        value: &T,
    ) -> Result<(), Unfingerprintable> {
        self.tagged(VARIANT, u64::from(index));
        value.serialize(self)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self, Unfingerprintable> {
        self.hash.write_u64(SEQ);
        Ok(self)
    }
    fn serialize_tuple(self, len: usize) -> Result<Self, Unfingerprintable> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Self, Unfingerprintable> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self, Unfingerprintable> {
        self.tagged(VARIANT, u64::from(index));
        self.hash.write_u64(SEQ);
        Ok(self)
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self, Unfingerprintable> {
        self.hash.write_u64(MAP);
        Ok(self)
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self, Unfingerprintable> {
        self.hash.write_u64(STRUCT);
        Ok(self)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self, Unfingerprintable> {
        self.tagged(VARIANT, u64::from(index));
        self.hash.write_u64(STRUCT);
        Ok(self)
    }
}

/// The sequences: each element in turn, then an end mark.
macro_rules! sequence {
    ($kind:ident, $element:ident) => {
        impl ser::$kind for &mut Fingerprinter {
            type Ok = ();
            type Error = Unfingerprintable;
            fn $element<T: Serialize + ?Sized>(
                &mut self,
                value: &T,
            ) -> Result<(), Unfingerprintable> {
                value.serialize(&mut **self)
            }
            fn end(self) -> Result<(), Unfingerprintable> {
                self.hash.write_u64(END);
                Ok(())
            }
        }
    };
}

sequence!(SerializeSeq, serialize_element);
sequence!(SerializeTuple, serialize_element);
sequence!(SerializeTupleStruct, serialize_field);
sequence!(SerializeTupleVariant, serialize_field);

impl ser::SerializeMap for &mut Fingerprinter {
    type Ok = ();
    type Error = Unfingerprintable;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unfingerprintable> {
        key.serialize(&mut **self)
    }
    fn serialize_value<T: Serialize + ?Sized>(
        &mut self,
        value: &T,
    ) -> Result<(), Unfingerprintable> {
        value.serialize(&mut **self)
    }
    fn end(self) -> Result<(), Unfingerprintable> {
        self.hash.write_u64(END);
        Ok(())
    }
}

/// The structures: each field by its name, a skipped one by its name alone,
/// then an end mark.
macro_rules! structure {
    ($kind:ident) => {
        impl ser::$kind for &mut Fingerprinter {
            type Ok = ();
            type Error = Unfingerprintable;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Unfingerprintable> {
                self.write(key.as_bytes());
                value.serialize(&mut **self)
            }
            fn skip_field(&mut self, key: &'static str) -> Result<(), Unfingerprintable> {
                self.str(SKIPPED, key.as_bytes());
                Ok(())
            }
            fn end(self) -> Result<(), Unfingerprintable> {
                self.hash.write_u64(END);
                Ok(())
            }
        }
    };
}

structure!(SerializeStruct);
structure!(SerializeStructVariant);

#[cfg(test)]
mod tests {
    use super::*;

    fn fingerprint<T: Serialize>(value: &T) -> u64 {
        let mut p = Fingerprinter::default();
        p.add(value).unwrap();
        p.finish()
    }

    #[derive(Serialize)]
    struct Row<'a> {
        title: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<&'a str>,
        tags: Vec<&'a str>,
    }

    #[test]
    fn equal_values_fingerprint_alike_and_different_ones_do_not() {
        let row = |title, note, tags| fingerprint(&Row { title, note, tags });
        assert_eq!(row("a", None, vec!["x"]), row("a", None, vec!["x"]));
        let all = [
            row("a", None, vec!["x"]),
            row("a", Some("x"), vec![]),
            row("ax", None, vec![]),
            row("a", None, vec!["x", ""]),
            row("a", None, vec!["", "x"]),
            row("a", Some(""), vec!["x"]),
            row("", None, vec!["a", "x"]),
        ];
        for (i, a) in all.iter().enumerate() {
            for b in &all[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_ne!(fingerprint(&(1u8, 2u8)), fingerprint(&(2u8, 1u8)));
        assert_ne!(fingerprint(&Some(0u8)), fingerprint(&None::<u8>));
        assert_ne!(
            fingerprint(&vec![vec![1u8], vec![]]),
            fingerprint(&vec![vec![], vec![1u8]])
        );
        assert_ne!(fingerprint(&"a\"b"), fingerprint(&"a\\\"b"));
    }
}
