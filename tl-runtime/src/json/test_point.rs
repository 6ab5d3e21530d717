//! What the unit tests of reading and writing by the table share: a
//! constructor `point#00000007 x:int label:string = Point`, its record,
//! and tables of any records.

use crate::error::DecodeError;
use crate::reader::Reader;
use crate::table::Layer;
use crate::traits::{BareDeserializable, BareSerializable, Identifiable};
use crate::writer::Writer;

#[derive(Debug, PartialEq)]
pub(crate) struct Point {
    pub(crate) x: i32,
    pub(crate) label: String,
}

impl Identifiable for Point {
    const CONSTRUCTOR_ID: u32 = 7;
    const TL_NAME: &'static str = "point";
}

impl BareSerializable for Point {
    fn serialize_bare<W: Writer + ?Sized>(&self, out: &mut W) {
        out.write_i32(self.x);
        out.write_tl_bytes(self.label.as_bytes());
    }
}

impl BareDeserializable for Point {
    fn deserialize_bare(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        Ok(Point {
            x: r.read_i32()?,
            label: r.read_string()?,
        })
    }
}

/// The record that describes [`Point`].
pub(crate) const POINT: &str = "Point - 0 point Point 2 x v 1 i label v 1 s\n";

/// A table of `records` (leaked, as generated tables are statics), whose
/// constructors are the (id, offset) pairs `constructors`.
pub(crate) fn layer(records: &str, constructors: &'static [u32]) -> &'static Layer {
    let records: &'static str = Box::leak(records.to_owned().into_boxed_str());
    Box::leak(Box::new(Layer::new(records, constructors, &[])))
}
