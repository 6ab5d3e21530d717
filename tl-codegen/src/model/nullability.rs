//! Which fields of a TDLib schema may be null. TL itself has no null, but
//! TDLib's objects are pointers, and its `//@` field documentation says which
//! may be null: "may be null" (368 fields of `td_api.tl` at TDLib a9966eb3,
//! all in types: "may be null if none", "may be null if unknown", ...) and
//! "pass null" (223 fields, 146 of them function parameters: "pass null if
//! none", "pass null to use default options", ...); 7 say both. Every one of
//! them is an object: a field whose type is a vector of objects says it of
//! its elements ("messages may be null"). A field that says neither is never
//! null in what TDLib writes.
//!
//! Only objects can be null: TDLib gives numbers, strings and vectors a
//! sentinel instead ("0 if none", "may be empty"), and a phrase such as "if
//! the sticker is null" on an `int32` speaks of another field.

use super::WireType;

/// The phrases that mark a field's value as possibly null. "must be valid
/// and not null" says the opposite and matches none of them.
const NULL_PHRASES: &[&str] = &["may be null", "pass null", "can be null", "or null"];

/// `ty`, wrapped in [`WireType::Nullable`] where `doc` says the value (or,
/// for a vector of objects, each element) may be null.
pub(super) fn apply(ty: WireType, doc: Option<&str>) -> WireType {
    let says_null = doc.is_some_and(|doc| {
        let doc = doc.to_ascii_lowercase();
        NULL_PHRASES.iter().any(|phrase| doc.contains(phrase))
    });
    if !says_null {
        return ty;
    }
    match ty {
        WireType::Boxed(_) | WireType::Bare(_) => WireType::Nullable(Box::new(ty)),
        WireType::Vector { boxed, elem }
            if matches!(*elem, WireType::Boxed(_) | WireType::Bare(_)) =>
        {
            WireType::Vector {
                boxed,
                elem: Box::new(WireType::Nullable(elem)),
            }
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RustPath;

    fn object() -> WireType {
        WireType::Boxed(RustPath {
            module: Vec::new(),
            name: "MessageSender".to_owned(),
        })
    }

    fn nullable(ty: WireType) -> WireType {
        WireType::Nullable(Box::new(ty))
    }

    #[test]
    fn each_phrase_makes_an_object_nullable() {
        for doc in [
            "Identifier of the sender; may be null if unknown",
            "Information about the topic; pass null if none",
            "The markup; must be of type replyMarkupInlineKeyboard or null",
            "Photo; May be null",
        ] {
            assert_eq!(apply(object(), Some(doc)), nullable(object()), "{doc}");
        }
    }

    #[test]
    fn other_docs_keep_the_type() {
        for doc in [
            Some("The new location for the chat; must be valid and not null"),
            Some("Identifier of the sender; 0 if none"),
            None,
        ] {
            assert_eq!(apply(object(), doc), object(), "{doc:?}");
        }
    }

    #[test]
    fn only_objects_are_nullable() {
        let doc = Some("Sticker width; can be used if the sticker is null; may be null");
        assert_eq!(apply(WireType::Int, doc), WireType::Int);
        let strings = WireType::Vector {
            boxed: false,
            elem: Box::new(WireType::String),
        };
        assert_eq!(apply(strings.clone(), doc), strings);
    }

    #[test]
    fn a_vector_of_objects_has_nullable_elements() {
        let messages = WireType::Vector {
            boxed: false,
            elem: Box::new(object()),
        };
        assert_eq!(
            apply(messages, Some("List of messages; messages may be null")),
            WireType::Vector {
                boxed: false,
                elem: Box::new(nullable(object())),
            }
        );
    }
}
