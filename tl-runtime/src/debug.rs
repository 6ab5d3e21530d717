//! `Debug` from a table: what the `Debug` impls of generated types call.
//!
//! A derived `Debug` is a function body per type, with a `&dyn Debug` per
//! field, that the compiler checks for every type of a layer. Generated
//! types describe their fields once instead, in one static [`Layer`] table
//! at the generated root, and their `Debug` impls are one line: the value is
//! walked as [`crate::same_encoding`] walks it, and the walk is printed by
//! the table with the formatter's own builders, so the text is the one a
//! derived `Debug` prints, `{:#?}` included: `Variant(Struct { field: value,
//! .. })`, `Some(..)`/`None`, `[..]` lists, quoted strings, a `Vec<u8>` as a
//! list of numbers.
//!
//! The generator describes only what the table can print (a type that holds
//! anything else derives `Debug`), so a walk never fails; if it did, the
//! value prints as `<undecodable>` rather than failing the formatter.
//!
//! The table is one string of records (tokens separated by white space), so
//! that it costs the compiler no more than a string literal (nested statics
//! cost as much as the derived impls they replace), found by id, so that
//! the impls name no index and a type that did not change between two
//! layers generates the same lines. A record (constructor or function): the
//! struct's name, its variant's name in its enum and `1` if that variant has
//! no payload, else `0` (a function: `-` and `0`), its TL name and its
//! boxed type's TL name (a function: `-`), its number of fields, then each
//! field in wire order, its Rust name (TDLib's JSON key too) and one of
//! - `f`: a flags word, not shown;
//! - `t W B`: a `bool`, bit `B` of the flags word at field index `W`;
//! - `v S T`: a value of type `T`, shown when `S` is `1` (`0`: a field of a
//!   group);
//! - `o W B S T`: an `Option` of type `T`, present when bit `B` of field `W`
//!   is set;
//! - `g G W B M m...`: an `Option` of the struct `G` of the `M` fields at
//!   indices `m...` (which share bit `B` of field `W`).
//!
//! Types: `i` (`int`), `l` (`long`), `j` (TDLib's `int53`), `d` (`double`),
//! `n` (`#`), `a16` and `a32` (`int128`, `int256`), `s` (`string`), `b`
//! (`bytes`), `B` (`Bool`), `v T` and `V T` (a bare and a boxed vector of
//! `T`), `N T` (TDLib's nullable `T`: `boolTrue` and the value, or
//! `boolFalse`), `E X` (a value of the boxed type named `X`: the
//! constructor whose id comes first), `S id` (the bare constructor of that
//! id).
//!
//! The same table reads and writes TDLib's JSON (`tl_runtime::json`, feature `json`).

use std::fmt;

pub use crate::table::Layer;

use crate::equal::Recorder;
use crate::ids;
use crate::reader::Reader;
use crate::table::{Kind, Record, Ty};
use crate::traits::{BareSerializable, Identifiable, Serializable};

/// `Debug` of a constructor struct, through its bare encoding and its
/// record in `layer`.
pub fn bare<T: Identifiable + BareSerializable + ?Sized>(
    value: &T,
    layer: &Layer,
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    let mut recorded = Recorder::default();
    value.serialize_bare(&mut recorded);
    walk(&recorded.0, layer, f, |walk| {
        let offset = Layer::find(layer.constructors, T::CONSTRUCTOR_ID)?;
        Some(walk.shape(offset)?.0)
    })
}

/// `Debug` of a function struct, through its boxed encoding (its id, then
/// its fields) and its record in `layer`.
pub fn function<T: Serializable + ?Sized>(
    value: &T,
    layer: &Layer,
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    let mut recorded = Recorder::default();
    value.serialize(&mut recorded);
    walk(&recorded.0, layer, f, |walk| {
        let offset = Layer::find(layer.functions, walk.u32()?)?;
        Some(walk.shape(offset)?.0)
    })
}

/// `Debug` of a boxed type's enum, through its boxed encoding: the variant
/// of the constructor whose id comes first.
pub fn boxed<T: Serializable + ?Sized>(
    value: &T,
    layer: &Layer,
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    let mut recorded = Recorder::default();
    value.serialize(&mut recorded);
    walk(&recorded.0, layer, f, Walk::boxed)
}

/// Reads `recorded` with `read` and prints the value, or a mark where the
/// table did not fit the recording (nothing read, or bytes left over).
fn walk<'a>(
    recorded: &'a [u8],
    layer: &'a Layer,
    f: &mut fmt::Formatter<'_>,
    read: impl FnOnce(&mut Walk<'a>) -> Option<Node<'a>>,
) -> fmt::Result {
    let mut walk = Walk {
        layer,
        recorded: Reader::new(recorded),
    };
    match read(&mut walk) {
        Some(node) if walk.recorded.remaining() == 0 => fmt::Debug::fmt(&node, f),
        _ => f.write_str("<undecodable>"),
    }
}

/// A value read back from a recording, printed as its Rust value is.
enum Node<'a> {
    Int(i32),
    Long(i64),
    Double(f64),
    Nat(u32),
    Bool(bool),
    /// A byte array or a `Vec<u8>`: a list of numbers.
    ByteList(&'a [u8]),
    Str(&'a str),
    List(Vec<Node<'a>>),
    Struct(&'static str, Vec<(&'static str, Node<'a>)>),
    Variant(&'static str, Option<Box<Node<'a>>>),
    Some(Box<Node<'a>>),
    None,
}

impl fmt::Debug for Node<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Node::Int(v) => fmt::Debug::fmt(v, f),
            Node::Long(v) => fmt::Debug::fmt(v, f),
            Node::Double(v) => fmt::Debug::fmt(v, f),
            Node::Nat(v) => fmt::Debug::fmt(v, f),
            Node::Bool(v) => fmt::Debug::fmt(v, f),
            Node::ByteList(v) => fmt::Debug::fmt(v, f),
            Node::Str(v) => fmt::Debug::fmt(v, f),
            Node::List(v) => f.debug_list().entries(v).finish(),
            Node::Struct(name, fields) => {
                let mut s = f.debug_struct(name);
                for (name, value) in fields {
                    s.field(name, value);
                }
                s.finish()
            }
            Node::Variant(name, None) => f.write_str(name),
            Node::Variant(name, Some(payload)) => f.debug_tuple(name).field(payload).finish(),
            Node::Some(v) => f.debug_tuple("Some").field(v).finish(),
            Node::None => f.write_str("None"),
        }
    }
}

/// Reads a recording by a layer's table.
struct Walk<'a> {
    layer: &'a Layer,
    recorded: Reader<'a>,
}

impl<'a> Walk<'a> {
    fn u32(&mut self) -> Option<u32> {
        self.recorded.read_u32().ok()
    }

    /// A `string`/`bytes` value as [`Recorder`] keeps it.
    fn data(&mut self) -> Option<&'a [u8]> {
        Recorder::read_data(&mut self.recorded).ok()
    }

    /// The struct whose record is at `offset`, and its variant's name and
    /// whether that has no payload.
    fn shape(&mut self, offset: u32) -> Option<(Node<'a>, (&'static str, bool))> {
        let Record {
            name,
            variant,
            unit,
            fields,
            ..
        } = self.layer.record(offset)?;
        let mut values: Vec<Option<Node<'a>>> = Vec::with_capacity(fields.len());
        let mut words = vec![0u32; fields.len()];
        let bit_of = |words: &[u32], (word, bit): (usize, u32)| -> Option<bool> {
            Some(words.get(word)? & 1u32.checked_shl(bit)? != 0)
        };
        for (i, (_, kind)) in fields.iter().enumerate() {
            let value = match kind {
                Kind::Flags => {
                    *words.get_mut(i)? = self.u32()?;
                    None
                }
                Kind::TrueFlag(word, bit) => Some(Node::Bool(bit_of(&words, (*word, *bit))?)),
                Kind::Value { flag: None, ty, .. } => Some(self.value(ty)?),
                Kind::Value {
                    flag: Some(flag),
                    ty,
                    ..
                } => Some(if bit_of(&words, *flag)? {
                    Node::Some(Box::new(self.value(ty)?))
                } else {
                    Node::None
                }),
                Kind::Group { .. } => None,
            };
            values.push(value);
        }
        let mut shown = Vec::new();
        for (i, (field, kind)) in fields.iter().enumerate() {
            let node = match kind {
                Kind::Flags | Kind::Value { shown: false, .. } => continue,
                Kind::TrueFlag(..) | Kind::Value { .. } => values.get_mut(i)?.take()?,
                Kind::Group {
                    name,
                    flag,
                    members,
                } => {
                    if bit_of(&words, *flag)? {
                        let mut group = Vec::with_capacity(members.len());
                        for &m in members {
                            let Node::Some(value) = values.get_mut(m)?.take()? else {
                                return None;
                            };
                            group.push((fields.get(m)?.0, *value));
                        }
                        Node::Some(Box::new(Node::Struct(name, group)))
                    } else {
                        Node::None
                    }
                }
            };
            shown.push((*field, node));
        }
        Some((Node::Struct(name, shown), (variant, unit)))
    }

    /// A boxed value: the variant of the constructor whose id comes first.
    fn boxed(&mut self) -> Option<Node<'a>> {
        let id = self.u32()?;
        let offset = Layer::find(self.layer.constructors, id)?;
        let (payload, (variant, unit)) = self.shape(offset)?;
        Some(Node::Variant(variant, (!unit).then(|| Box::new(payload))))
    }

    fn value(&mut self, ty: &Ty<'_>) -> Option<Node<'a>> {
        Some(match ty {
            Ty::Int => Node::Int(self.recorded.read_i32().ok()?),
            Ty::Long | Ty::Int53 => Node::Long(self.recorded.read_i64().ok()?),
            Ty::Double => Node::Double(self.recorded.read_f64().ok()?),
            Ty::Nat => Node::Nat(self.u32()?),
            Ty::ByteArray(n) => Node::ByteList(self.recorded.read_raw(*n).ok()?),
            Ty::String => Node::Str(std::str::from_utf8(self.data()?).ok()?),
            Ty::Bytes => Node::ByteList(self.data()?),
            Ty::Bool => Node::Bool(self.u32()? == ids::BOOL_TRUE),
            Ty::Vector(boxed, elem) => {
                if *boxed {
                    self.u32()?;
                }
                let count = usize::try_from(self.u32()?).ok()?;
                let mut items = Vec::with_capacity(count.min(self.recorded.remaining()));
                for _ in 0..count {
                    items.push(self.value(elem)?);
                }
                Node::List(items)
            }
            Ty::Nullable(inner) => match self.u32()? {
                ids::BOOL_TRUE => Node::Some(Box::new(self.value(inner)?)),
                ids::BOOL_FALSE => Node::None,
                _ => return None,
            },
            Ty::Boxed(_) => self.boxed()?,
            Ty::Bare(id) => self.shape(Layer::find(self.layer.constructors, *id)?)?.0,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Writer;

    struct Point {
        x: i32,
        y: f64,
        label: Option<String>,
    }

    impl Identifiable for Point {
        const CONSTRUCTOR_ID: u32 = 7;
        const TL_NAME: &'static str = "point";
    }

    impl BareSerializable for Point {
        fn serialize_bare<W: Writer + ?Sized>(&self, out: &mut W) {
            out.write_u32(if self.label.is_some() { 1 } else { 0 });
            out.write_i32(self.x);
            out.write_f64(self.y);
            if let Some(label) = &self.label {
                crate::write_tl_bytes(out, label.as_bytes());
            }
        }
    }

    const POINT: &str = "Point Point 0 point Point 4 flags f x v 1 i y v 1 d label o 0 0 1 s\n";

    struct Printed<'a>(&'a Point, &'a Layer);

    impl fmt::Debug for Printed<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            bare(self.0, self.1, f)
        }
    }

    fn point() -> Point {
        Point {
            x: 5,
            y: -1.5,
            label: Some("a\"b".to_owned()),
        }
    }

    #[test]
    fn prints_as_a_derived_debug_would() {
        let layer = Layer::new(POINT, &[7, 0], &[]);
        assert_eq!(
            format!("{:?}", Printed(&point(), &layer)),
            r#"Point { x: 5, y: -1.5, label: Some("a\"b") }"#
        );
        assert_eq!(
            format!("{:#?}", Printed(&point(), &layer)),
            "Point {\n    x: 5,\n    y: -1.5,\n    label: Some(\n        \"a\\\"b\",\n    ),\n}"
        );
    }

    /// A table that does not fit the value prints a mark, never fails or
    /// panics.
    #[test]
    fn a_table_that_does_not_fit_prints_a_mark() {
        for (text, constructors) in [
            (POINT, &[8, 0][..]),                                   // no record of id 7
            (POINT, &[7, 500][..]),                                 // an offset past the text
            ("Point Point 0 p P 9 x v 1 i\n", &[7, 0][..]),         // fewer fields than it says
            ("Point Point 0 p P 1 x v 1 q\n", &[7, 0][..]),         // an unknown type
            ("Point Point 0 p P 2 x v 1 l y v 1 l\n", &[7, 0][..]), // bytes left over
            ("Point Point 0 p P 3 x v 1 l y v 1 l z v 1 l\n", &[7, 0][..]), // more than recorded
            ("Point Point 0 p P 2 flags f x v 1 N i\n", &[7, 0][..]), // not a Bool id
        ] {
            let layer = Layer::new(text, constructors, &[]);
            assert_eq!(
                format!("{:?}", Printed(&point(), &layer)),
                "<undecodable>",
                "{text:?} {constructors:?}"
            );
        }
    }
}
