//! Golden tests of the WhatsApp formatting parser: tests/fixtures/preview/formatting.json.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use serde::ser::{self, Impossible, Serialize, SerializeSeq, SerializeStruct};
use std::collections::BTreeSet;
use std::fmt::{self, Display, Write};
use whatsapp_edge::json::{self, Value};
use whatsapp_edge::preview::markup::{parse, Block};

const FIXTURE: &str = include_str!("fixtures/preview/formatting.json");

/// `text` as a JSON string literal.
fn quote(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 || ('\u{E000}'..='\u{F8FF}').contains(&c) => {
                write!(out, "\\u{:04x}", u32::from(c)).unwrap()
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A value of the crate's JSON model written back as compact JSON, members in source order.
fn canonical(value: &Value, out: &mut String) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => {
            assert!(n.fract() == 0.0 && n.abs() < 1e15, "only integers in the fixture: {n}");
            write!(out, "{}", *n as i64).unwrap();
        }
        Value::String(s) => quote(s, out),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(&item.value, out);
            }
            out.push(']');
        }
        Value::Object(members) => {
            out.push('{');
            for (i, (key, node)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                quote(&key.name, out);
                out.push(':');
                canonical(&node.value, out);
            }
            out.push('}');
        }
    }
}

/// Just enough of a JSON serializer for the parser's output: strings, integers,
/// sequences and structs (serde writes internally tagged variants as structs).
struct Json(String);

#[derive(Debug)]
struct Unsupported(String);

impl Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<T: Display>(msg: T) -> Self {
        Unsupported(msg.to_string())
    }
}

fn unsupported<T>(what: &str) -> Result<T, Unsupported> {
    Err(Unsupported(format!("{what} is not used by the parser's output")))
}

/// Whether the next element is the first of its sequence or struct.
struct Compound<'a> {
    json: &'a mut Json,
    first: bool,
    close: char,
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !std::mem::take(&mut self.first) {
            self.json.0.push(',');
        }
    }
}

impl<'a> ser::Serializer for &'a mut Json {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Impossible<(), Unsupported>;
    type SerializeTupleStruct = Impossible<(), Unsupported>;
    type SerializeTupleVariant = Impossible<(), Unsupported>;
    type SerializeMap = Impossible<(), Unsupported>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Impossible<(), Unsupported>;

    fn serialize_bool(self, v: bool) -> Result<(), Unsupported> {
        self.0.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result<(), Unsupported> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Unsupported> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Unsupported> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Unsupported> {
        write!(self.0, "{v}").unwrap();
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Result<(), Unsupported> {
        self.serialize_u64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Unsupported> {
        self.serialize_u64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Unsupported> {
        self.serialize_u64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Unsupported> {
        write!(self.0, "{v}").unwrap();
        Ok(())
    }
    fn serialize_f32(self, _: f32) -> Result<(), Unsupported> {
        unsupported("f32")
    }
    fn serialize_f64(self, _: f64) -> Result<(), Unsupported> {
        unsupported("f64")
    }
    fn serialize_char(self, v: char) -> Result<(), Unsupported> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Unsupported> {
        quote(v, &mut self.0);
        Ok(())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Unsupported> {
        unsupported("bytes")
    }
    fn serialize_none(self) -> Result<(), Unsupported> {
        self.serialize_unit()
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Unsupported> {
        self.0.push_str("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unsupported> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Unsupported> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Unsupported> {
        unsupported("newtype variant")
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'a>, Unsupported> {
        self.0.push('[');
        Ok(Compound { json: self, first: true, close: ']' })
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Unsupported> {
        unsupported("tuple")
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Unsupported> {
        unsupported("tuple struct")
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unsupported> {
        unsupported("tuple variant")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Unsupported> {
        unsupported("map")
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'a>, Unsupported> {
        self.0.push('{');
        Ok(Compound { json: self, first: true, close: '}' })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unsupported> {
        unsupported("struct variant")
    }
}

impl SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Unsupported> {
        self.comma();
        value.serialize(&mut *self.json)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.json.0.push(self.close);
        Ok(())
    }
}

impl SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Unsupported> {
        self.comma();
        quote(key, &mut self.json.0);
        self.json.0.push(':');
        value.serialize(&mut *self.json)
    }
    fn end(self) -> Result<(), Unsupported> {
        self.json.0.push(self.close);
        Ok(())
    }
}

/// The serde JSON of `blocks`, as the wasm boundary would produce it.
fn to_json(blocks: &[Block]) -> String {
    let mut json = Json(String::new());
    blocks.serialize(&mut json).unwrap();
    json.0
}

/// The fixture's cases: (name, input, expected JSON written canonically).
fn cases() -> Vec<(String, String, String)> {
    let root = json::parse(FIXTURE).unwrap_or_else(|issue| panic!("fixture is not JSON: {issue:?}"));
    let Value::Array(items) = &root.value else { panic!("the fixture is an array") };
    items
        .iter()
        .map(|item| {
            let member = |name: &str| match &item.value {
                Value::Object(members) => {
                    &members
                        .iter()
                        .find(|(key, _)| key.name == name)
                        .unwrap_or_else(|| panic!("no {name}"))
                        .1
                        .value
                }
                _ => panic!("each case is an object"),
            };
            let (Value::String(name), Value::String(input)) = (member("name"), member("input")) else {
                panic!("name and input are strings")
            };
            let mut expected = String::new();
            canonical(member("expected"), &mut expected);
            (name.to_string(), input.to_string(), expected)
        })
        .collect()
}

#[test]
fn golden_cases_match() {
    let mut failures = Vec::new();
    for (name, input, expected) in cases() {
        let actual = to_json(&parse(&input));
        if actual != expected {
            failures
                .push(format!("{name}\n  input:    {input:?}\n  expected: {expected}\n  actual:   {actual}"));
        }
    }
    assert!(failures.is_empty(), "{} golden case(s) differ:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn golden_cases_are_many_and_named_once() {
    let cases = cases();
    assert!(cases.len() >= 60, "only {} cases", cases.len());
    let names: BTreeSet<_> = cases.iter().map(|(name, ..)| name.as_str()).collect();
    assert_eq!(names.len(), cases.len(), "duplicate case names");
}

#[test]
fn serializer_writes_the_documented_shape() {
    let json = to_json(&parse("*hi*\n\n3. x"));
    assert_eq!(
        json,
        r#"[{"type":"paragraph","children":[{"type":"bold","children":[{"type":"text","text":"hi"}]}]},{"type":"numberedList","start":3,"items":[[{"type":"text","text":"x"}]]}]"#
    );
}
