//! [`Raw`]: an answer the schema cannot decode, kept as bytes.

use crate::error::DecodeError;
use crate::reader::Reader;
use crate::traits::{Deserializable, Serializable};
use crate::writer::Writer;

/// The bytes of a value whose type the schema does not declare (a function
/// returning `HttpWait` in an `mtproto.tl` without that constructor): decoding
/// takes everything that is left of the input, unread, and encoding writes it
/// back as it was. Decode it further with a schema that knows the type, e.g.
/// `T::from_bytes(&raw.0)`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Raw(pub Vec<u8>);

impl Serializable for Raw {
    #[inline]
    fn serialized_len(&self) -> usize {
        self.0.len()
    }

    #[inline]
    fn serialize<W: Writer + ?Sized>(&self, out: &mut W) {
        out.write_bytes(&self.0);
    }
}

impl Deserializable for Raw {
    fn deserialize(r: &mut Reader<'_>) -> Result<Self, DecodeError> {
        r.read_raw(r.remaining()).map(|bytes| Raw(bytes.to_vec()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_the_rest_and_writes_it_back() {
        let bytes = [0xde, 0xad, 0xbe, 0xef, 1, 2];
        let mut r = Reader::new(&bytes);
        assert_eq!(r.read_u32().unwrap(), 0xefbeadde);
        let raw = Raw::deserialize(&mut r).unwrap();
        assert_eq!(raw, Raw(vec![1, 2]));
        assert_eq!(r.remaining(), 0);
        assert_eq!(raw.to_bytes(), [1, 2]);
        assert_eq!(Raw::from_bytes(&[]).unwrap(), Raw(Vec::new()));
    }
}
