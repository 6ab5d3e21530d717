//! `==` on generated values: implemented through the encoding
//! (`tl_runtime::same_encoding`), it answers as a derived, field-by-field
//! `PartialEq` would, with the one documented exception of stored flags
//! words. Each expectation here is that of field-by-field equality, decided
//! by looking at the fields, not by encoding anything.

use tests::api::{enums, types};
use tests::fixtures::{flags, ton_style};
use tl_runtime::{Deserializable, MAX_TL_BYTES_LEN, Serializable};

fn item() -> flags::types::flag::Item {
    use flags::types::flag::{Item, ItemHasOwner, Note};
    Item {
        x: true,
        y: Some(-1),
        has_owner: Some(ItemHasOwner {
            owner_id: 7,
            owner_name: "ab".to_owned(),
        }),
        note: Some(flags::enums::flag::Note::from(Note {
            text: "n".to_owned(),
        })),
        pinned: false,
        z_and_title: None,
    }
}

#[test]
fn equal_fields_are_equal_values() {
    assert_eq!(item(), item());
    assert_eq!(item(), item().clone());
    let boxed = flags::enums::flag::Item::from(item());
    assert_eq!(boxed, flags::enums::flag::Item::from(item()));
}

/// What a change does to a value, and the change.
type Change = (&'static str, fn(&mut flags::types::flag::Item));

#[test]
fn each_field_that_differs_makes_the_values_unequal() {
    use flags::types::flag::ItemZAndTitle;
    let changes: [Change; 8] = [
        ("a true flag", |v| v.x = false),
        ("an optional value", |v| v.y = Some(1)),
        ("an optional value unset", |v| v.y = None),
        ("a field of a group", |v| {
            if let Some(owner) = &mut v.has_owner {
                owner.owner_name.push('c');
            }
        }),
        ("a group unset", |v| v.has_owner = None),
        ("a nested boxed value", |v| {
            v.note = Some(flags::enums::flag::Note::from(flags::types::flag::Note {
                text: "m".to_owned(),
            }))
        }),
        ("a true flag of the second word", |v| v.pinned = true),
        ("a group set", |v| {
            v.z_and_title = Some(ItemZAndTitle {
                z: vec![],
                title: String::new(),
            })
        }),
    ];
    for (what, change) in changes {
        let mut other = item();
        change(&mut other);
        assert_ne!(item(), other, "{what}");
        assert_ne!(other, item(), "{what}, the other way round");
    }
}

#[test]
fn different_constructors_of_a_type_are_unequal() {
    let a = enums::Message::from(types::MessageEmpty {
        id: 5,
        peer_id: None,
    });
    let b = enums::Message::from(types::MessageEmpty {
        id: 6,
        peer_id: None,
    });
    assert_eq!(a, a.clone());
    assert_ne!(a, b);
    let service = enums::Peer::from(types::PeerUser { user_id: 5 });
    let chat = enums::Peer::from(types::PeerChat { chat_id: 5 });
    assert_ne!(service, chat, "same field value, other constructor");
}

#[test]
fn doubles_compare_as_numbers_as_derived_equality_does() {
    let point = |long: f64| types::GeoPoint {
        long,
        lat: 1.5,
        access_hash: 3,
        accuracy_radius: None,
    };
    assert_eq!(
        point(0.0),
        point(-0.0),
        "0.0 == -0.0 though the bits differ"
    );
    assert_ne!(point(f64::NAN), point(f64::NAN), "NaN is unequal to itself");
    let nan = point(f64::NAN);
    assert_ne!(nan, nan.clone());
    assert_ne!(point(1.0), point(2.0));
    assert_eq!(
        enums::GeoPoint::from(point(-0.0)),
        enums::GeoPoint::from(point(0.0))
    );
}

/// Past `MAX_TL_BYTES_LEN` bytes an encoding keeps only the first ones, so
/// two such values encode to the same bytes; `==` still tells them apart.
#[test]
fn strings_longer_than_an_encoding_keeps_compare_whole() {
    let long = |last: char| {
        let mut text = "x".repeat(MAX_TL_BYTES_LEN + 1);
        text.push(last);
        flags::types::flag::Note { text }
    };
    assert_eq!(long('a').to_bytes(), long('b').to_bytes(), "cut alike");
    assert_ne!(long('a'), long('b'));
    assert_eq!(long('a'), long('a'));
}

/// The documented exception: a stored flags word's bits that belong to
/// conditional fields are computed from those fields when encoding, so they
/// are not part of what `==` compares. A decoded value equals the value it
/// was encoded from, though its word now has the computed bit.
#[test]
fn stored_flags_bits_of_conditional_fields_are_not_compared() {
    use ton_style::types::ton_node::ShardList;
    let list = ShardList {
        flags: 0x20,
        shards: vec![],
        extra: Some(vec![]),
    };
    let back = ShardList::from_bytes(&list.to_bytes()).unwrap();
    assert_eq!(back.flags, 0x21);
    assert_eq!(back, list);
    // A bit no field owns is compared.
    let other_bit = ShardList {
        flags: 0x40,
        ..list.clone()
    };
    assert_ne!(other_bit, list);
}

/// Layer 230's `messages-100.bin`: every message equals its clone and its
/// own decoding again, and no two of its messages (100 different ids) are
/// equal; a change deep inside one makes it unequal.
#[test]
fn the_messages_of_a_real_answer() {
    let path = test_support::testdata().join("corpus/messages-100.bin");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let enums::messages::Messages::Messages(answer) =
        enums::messages::Messages::from_bytes(&bytes).expect("decodes")
    else {
        panic!("messages.messages expected");
    };
    let again = enums::messages::Messages::from_bytes(&bytes).expect("decodes");
    let enums::messages::Messages::Messages(again) = again else {
        panic!("messages.messages expected");
    };
    assert_eq!(answer, again);
    let id = |m: &enums::Message| match m {
        enums::Message::Message(m) => m.id,
        enums::Message::Empty(m) => m.id,
        enums::Message::Service(m) => m.id,
    };
    let ids: std::collections::BTreeSet<i32> = answer.messages.iter().map(id).collect();
    assert_eq!(ids.len(), 100, "100 different ids");
    for (i, message) in answer.messages.iter().enumerate() {
        assert_eq!(message, &message.clone());
        assert_eq!(message, &again.messages[i]);
        let next = &answer.messages[(i + 1) % answer.messages.len()];
        assert_ne!(message, next, "message {i} and the next");
    }
    let mut changed = answer.clone();
    let Some(enums::Message::Message(m)) = changed
        .messages
        .iter_mut()
        .find(|m| matches!(m, enums::Message::Message(_)))
    else {
        panic!("a message constructor expected");
    };
    m.message.push('!');
    assert_ne!(*answer, *changed);
}
