//! What the generated fixture code does on the wire, checked against bytes
//! written by hand. Constructor ids were computed independently with Python's
//! `zlib.crc32` over the normalized declarations.

use tests::fixtures::{flags, ton_style};
use tl_runtime::{DecodeErrorKind, Deserializable, Serializable};

#[test]
fn true_flags_and_optional_fields_set_their_bits() {
    use flags::functions::flag::GetItem;
    // flag.getItem flags:# force:flags.0?true id:flags.1?long = flag.Item → #bd3d8385
    let call = GetItem {
        force: true,
        id: Some(5),
    };
    let bytes = call.to_bytes();
    assert_eq!(
        bytes,
        [
            0x85, 0x83, 0x3d, 0xbd, // id
            0x03, 0, 0, 0, // flags: bits 0 and 1
            5, 0, 0, 0, 0, 0, 0, 0, // id:long
        ]
    );
    assert_eq!(GetItem::from_bytes(&bytes).unwrap(), call);

    let empty = GetItem {
        force: false,
        id: None,
    };
    assert_eq!(empty.to_bytes(), [0x85, 0x83, 0x3d, 0xbd, 0, 0, 0, 0]);
    assert_eq!(GetItem::from_bytes(&empty.to_bytes()).unwrap(), empty);
}

/// Fields that share a bit are one `Option` of a struct, so a value with
/// some of them set and others not cannot be built: every value encodes to
/// bytes that decode back to it.
#[test]
fn fields_sharing_a_bit_travel_together() {
    use flags::types::flag::{Item, ItemHasOwner, ItemZAndTitle};
    let item = Item {
        x: false,
        y: None,
        has_owner: Some(ItemHasOwner {
            owner_id: 7,
            owner_name: "ab".to_owned(),
        }),
        note: None,
        pinned: true,
        z_and_title: None,
    };
    let bytes = item.to_bytes();
    // After the id: flags = bit 4; owner_id; owner_name; flags2 = bit 0.
    assert_eq!(
        &bytes[4..],
        [
            0x10, 0, 0, 0, // flags
            7, 0, 0, 0, 0, 0, 0, 0, // owner_id
            2, b'a', b'b', 0, // owner_name
            1, 0, 0, 0, // flags2
        ]
    );
    assert_eq!(Item::from_bytes(&bytes).unwrap(), item);
    assert_eq!(item.serialized_len(), bytes.len());

    // The second group: two values of flags2 bit 3, written in field order.
    let item = Item {
        z_and_title: Some(ItemZAndTitle {
            z: vec![1],
            title: "t".to_owned(),
        }),
        has_owner: None,
        ..item
    };
    let bytes = item.to_bytes();
    assert_eq!(
        &bytes[4..],
        [
            0, 0, 0, 0, // flags
            9, 0, 0, 0, // flags2: bits 0 and 3
            0x15, 0xc4, 0xb5, 0x1c, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, // z
            1, b't', 0, 0, // title
        ]
    );
    assert_eq!(Item::from_bytes(&bytes).unwrap(), item);
}

#[test]
fn tdlib_flags_keep_bits_without_fields() {
    use ton_style::types::ton_node::ShardList;
    // tonNode.shardList ... → #4b5c37b9 (TON drops the parentheses).
    let list = ShardList {
        flags: 0x20, // a bit no field owns: kept as given
        shards: vec![],
        extra: Some(vec![]),
    };
    let bytes = list.to_bytes();
    assert_eq!(
        bytes,
        [
            0xb9, 0x37, 0x5c, 0x4b, // id
            0x21, 0, 0, 0, // flags: bit 5 kept, bit 0 computed from `extra`
            0, 0, 0, 0, // shards: bare vector, no elements
            0, 0, 0, 0, // extra: bare vector, no elements
        ]
    );
    let back = ShardList::from_bytes(&bytes).unwrap();
    assert_eq!(back.flags, 0x21);
    assert_eq!(back.extra, Some(vec![]));
    // A stale field bit is recomputed: bit 0 set but `extra` absent.
    let stale = ShardList {
        flags: 0x1,
        shards: vec![],
        extra: None,
    };
    assert_eq!(&stale.to_bytes()[4..8], [0, 0, 0, 0]);
}

#[test]
fn a_function_refuses_another_id() {
    use flags::functions::flag::GetItem;
    // flag.getItem is #bd3d8385; these bytes start with #bd3d8386.
    let err = GetItem::from_bytes(&[0x86, 0x83, 0x3d, 0xbd, 0, 0, 0, 0]).unwrap_err();
    assert_eq!(err.kind, DecodeErrorKind::UnexpectedConstructor(0xbd3d8386));
    assert_eq!(err.offset, 0);
    assert_eq!(
        err.to_string(),
        "unexpected constructor 0xbd3d8386 for flag.getItem at offset 0"
    );
    // Three bytes are no id at all.
    let err = GetItem::from_bytes(&[0x85, 0x83, 0x3d]).unwrap_err();
    assert_eq!(
        err.kind,
        DecodeErrorKind::UnexpectedEof {
            needed: 4,
            available: 3
        }
    );
    assert_eq!(err.expected, "flag.getItem");
}

#[test]
fn unknown_constructor_is_a_typed_error() {
    use ton_style::enums::ton_node::ShardList;
    let err = ShardList::from_bytes(&[1, 2, 3, 4, 0, 0, 0, 0]).unwrap_err();
    assert_eq!(err.kind, DecodeErrorKind::UnexpectedConstructor(0x04030201));
    assert_eq!(err.offset, 0);
    assert_eq!(
        err.to_string(),
        "unexpected constructor 0x04030201 for tonNode.ShardList at offset 0"
    );
}

/// `--lossy-strings`: invalid UTF-8 in `string` fields becomes U+FFFD, in
/// plain and vector fields alike; `bytes` stays exact.
#[test]
fn lossy_strings_replace_invalid_utf8() {
    use tests::fixtures::lossy_strings::types::lossy::Note;
    let bytes = [
        0x24, 0x57, 0xed, 0x2a, // lossy.note#2aed5724
        0, 0, 0, 0, // flags: no title
        3, b'a', 0xff, b'b', // text: "a", an invalid byte, "b"
        0x15, 0xc4, 0xb5, 0x1c, 1, 0, 0, 0, // tags: Vector, one element
        1, 0xff, 0, 0, // an invalid byte, two of padding
        2, 0xff, 0xfe, 0, // raw: two bytes, one of padding
    ];
    let note = Note::from_bytes(&bytes).unwrap();
    assert_eq!(note.text, "a\u{fffd}b");
    assert_eq!(note.tags, ["\u{fffd}"]);
    assert_eq!(note.title, None);
    assert_eq!(note.raw, [0xff, 0xfe]);
}

/// `--runtime-crate crate::rt`: the generated code reaches the runtime
/// through the re-export and works as usual.
#[test]
fn runtime_crate_path_is_used() {
    use tests::fixtures::runtime_crate::types::rt::{Point, Shape};
    use tests::rt::{Deserializable, Serializable};
    // rt.point x:int y:int = rt.Point → #050f7256 (zlib.crc32)
    let point = Point { x: 1, y: -1 };
    assert_eq!(
        point.to_bytes(),
        [0x56, 0x72, 0x0f, 0x05, 1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]
    );
    let shape = Shape {
        name: "s".into(),
        data: vec![7],
        points: vec![point.clone().into()],
        bare: vec![point.clone()],
        origin: point,
        ids: Some(vec![9]),
    };
    assert_eq!(Shape::from_bytes(&shape.to_bytes()).unwrap(), shape);
}

/// `object` and `function` fields hold any boxed value or function of the
/// schema (`AnyObject`, `AnyFunction`), written with their own id. Ids from
/// Python's zlib.crc32: `prim.wrapper inner:object = prim.Wrapper` →
/// 3413a9f5, `prim.run call:function = prim.Wrapper` → d3a9f40a,
/// `prim.check hash:int256 = Bool` → 7c81c924.
#[test]
fn open_types_hold_any_boxed_value() {
    use tests::fixtures::builtins::functions::prim::{Check, Run};
    use tests::fixtures::builtins::types::prim::Wrapper;
    use tests::fixtures::builtins::{AnyFunction, AnyObject};

    let call = Run {
        call: AnyFunction::PrimCheck(Box::new(Check { hash: [7; 32] })),
    };
    let mut want = vec![0x0a, 0xf4, 0xa9, 0xd3, 0x24, 0xc9, 0x81, 0x7c];
    want.extend([7; 32]);
    assert_eq!(call.to_bytes(), want);
    assert_eq!(Run::from_bytes(&want).unwrap(), call);

    // An `object` field: the wrapped value's own id, then its fields
    // (`prim.sample` without its true flag → 6f1a722e).
    use tests::fixtures::builtins::types::prim::Sample;
    let sample = Sample {
        enabled: true,
        count: 2,
        total: 3,
        ratio: 0.5,
        name: "n".into(),
        nonce: [1; 16],
        hash: [2; 32],
        ok: false,
        ids: vec![4],
    };
    let wrapper = Wrapper {
        inner: AnyObject::from(sample.clone()),
    };
    let mut want = vec![0xf5, 0xa9, 0x13, 0x34]; // prim.wrapper
    want.extend([0x2e, 0x72, 0x1a, 0x6f]); // prim.sample
    want.extend([1, 0, 0, 0]); // flags: enabled
    want.extend([2, 0, 0, 0]); // count
    want.extend([3, 0, 0, 0, 0, 0, 0, 0]); // total
    want.extend([0, 0, 0, 0, 0, 0, 0xe0, 0x3f]); // ratio 0.5
    want.extend([1, b'n', 0, 0]); // name
    want.extend([1; 16]); // nonce
    want.extend([2; 32]); // hash
    want.extend([0x37, 0x97, 0x79, 0xbc]); // boolFalse
    want.extend([0x15, 0xc4, 0xb5, 0x1c, 1, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0]); // ids
    assert_eq!(wrapper.to_bytes(), want);
    let decoded = Wrapper::from_bytes(&want).unwrap();
    assert_eq!(decoded, wrapper);
    assert_eq!(decoded.inner.tl_name(), "prim.sample");
    assert_eq!(decoded.inner.constructor_id(), 0x6f1a722e);
    // Any value decodes as `AnyObject` by its id; an unknown id is a typed error.
    assert_eq!(AnyObject::from_bytes(&want[4..]).unwrap(), wrapper.inner);
    let err = AnyObject::from_bytes(&[0xef, 0xbe, 0xad, 0xde]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "unexpected constructor 0xdeadbeef for an object at offset 0"
    );
}

/// Repetitions: `n*[ int ]` is a `Vec` whose length is written as `n`,
/// `n*[ id:int value:long ]` a `Vec` of row structs, `# [ int ]` takes the
/// count from the `#` before it, `2*[ long ]` is an array. Ids from Python's
/// zlib.crc32 of the declarations as written (see schema/fixtures/generics.tl):
/// gen.block 835c991a, gen.rows bf9d657e, gen.anon 79901b1f, gen.fixed 32bfb779.
#[test]
fn repetitions_round_trip() {
    use tests::fixtures::generics::types::r#gen::{Anon, Block, Fixed, Rows, RowsRowsRow};

    let block = Block { data: vec![1, 2] };
    let bytes = [0x1a, 0x99, 0x5c, 0x83, 2, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0];
    assert_eq!(block.to_bytes(), bytes);
    assert_eq!(Block::from_bytes(&bytes).unwrap(), block);

    let rows = Rows {
        rows: vec![RowsRowsRow { id: 1, value: 2 }],
    };
    let bytes = [
        0x7e, 0x65, 0x9d, 0xbf, 1, 0, 0, 0, // gen.rows, n = 1
        1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, // id, value
    ];
    assert_eq!(rows.to_bytes(), bytes);
    assert_eq!(Rows::from_bytes(&bytes).unwrap(), rows);

    let anon = Anon { items: vec![7] };
    let bytes = [0x1f, 0x1b, 0x90, 0x79, 1, 0, 0, 0, 7, 0, 0, 0];
    assert_eq!(anon.to_bytes(), bytes);
    assert_eq!(Anon::from_bytes(&bytes).unwrap(), anon);

    let fixed = Fixed { items: [3, 4] };
    let bytes = [
        0x79, 0xb7, 0xbf, 0x32, 3, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0, 0,
    ];
    assert_eq!(fixed.to_bytes(), bytes);
    assert_eq!(Fixed::from_bytes(&bytes).unwrap(), fixed);
    let err = Fixed::from_bytes(&bytes[..16]).unwrap_err();
    assert_eq!(err.offset, 12);
}

/// A count the input cannot hold is refused before anything is allocated.
#[test]
fn hostile_repetition_counts_are_errors() {
    use tests::fixtures::generics::types::r#gen::Block;
    let bytes = [0x1a, 0x99, 0x5c, 0x83, 0xff, 0xff, 0xff, 0xff, 1, 0, 0, 0];
    let err = Block::from_bytes(&bytes).unwrap_err();
    assert_eq!(err.kind, DecodeErrorKind::LengthTooLarge(0xffff_ffff));
    assert_eq!(err.offset, 8);
    assert_eq!(
        err.to_string(),
        "vector length 4294967295 is invalid for the `data` repetition at offset 8"
    );
}

/// `--zero-copy`: `string` and `bytes` fields decoded with `from_shared` are
/// slices of the input buffer (plain, conditional, in vectors, in a bare
/// constructor); `from_bytes` decodes the same values as copies.
#[test]
fn zero_copy_fields_are_slices_of_the_input() {
    use tests::fixtures::zero_copy::types::shared::{Cover, File};
    use tl_runtime::shared::{ByteString, Bytes};
    // shared.cover alt:string pixels:bytes → #92020480 (bare here: no id)
    // shared.file flags:# name:string data:bytes caption:flags.0?string
    //   thumb:flags.1?bytes → #3c8a000a
    let file = File {
        name: ByteString::from("a.png"),
        data: Bytes::from_static(&[1, 2, 3, 4, 5]),
        caption: Some(ByteString::from("hi")),
        thumb: None,
    };
    let bytes = file.to_bytes();
    assert_eq!(
        bytes,
        [
            0x0a, 0x00, 0x8a, 0x3c, // id
            1, 0, 0, 0, // flags: bit 0 (caption)
            5, b'a', b'.', b'p', b'n', b'g', 0, 0, // name
            5, 1, 2, 3, 4, 5, 0, 0, // data
            2, b'h', b'i', 0, // caption
        ]
    );
    let buffer = Bytes::from(bytes);
    let shared = File::from_shared(&buffer).unwrap();
    assert_eq!(shared, file);
    let inside = |part: &[u8]| {
        let outer = buffer.as_ptr_range();
        let inner = part.as_ptr_range();
        outer.start <= inner.start && inner.end <= outer.end
    };
    assert!(inside(shared.name.as_bytes()));
    assert!(inside(&shared.data));
    assert!(
        shared
            .caption
            .as_ref()
            .is_some_and(|c| inside(c.as_bytes()))
    );
    let copied = File::from_bytes(&buffer).unwrap();
    assert_eq!(copied, file);
    assert!(!inside(&copied.data));

    let cover = Cover {
        alt: ByteString::from("x"),
        pixels: Bytes::from_static(&[9; 3]),
    };
    let mut bare = Vec::new();
    tl_runtime::BareSerializable::serialize_bare(&cover, &mut bare);
    assert_eq!(bare, [1, b'x', 0, 0, 3, 9, 9, 9]);
    let bare = Bytes::from(bare);
    let mut r = tl_runtime::Reader::shared(&bare);
    let decoded = <Cover as tl_runtime::BareDeserializable>::deserialize_bare(&mut r).unwrap();
    assert_eq!(decoded, cover);
    assert_eq!(decoded.pixels.as_ptr(), bare[5..].as_ptr());
}

/// `--lossy-strings --zero-copy`: valid text is shared, invalid UTF-8 is
/// repaired into its own buffer.
#[test]
fn zero_copy_lossy_strings_share_valid_text() {
    use tests::fixtures::zero_copy_lossy::types::lossy::Note;
    use tl_runtime::shared::Bytes;
    let buffer = Bytes::from_static(&[
        0x24, 0x57, 0xed, 0x2a, // lossy.note#2aed5724
        1, 0, 0, 0, // flags: bit 0 (title)
        2, 0xc3, 0x28, 0, // text: invalid UTF-8
        0x15, 0xc4, 0xb5, 0x1c, 1, 0, 0, 0, 2, b'o', b'k', 0, // tags: ["ok"]
        1, b't', 0, 0, // title
        1, 0xff, 0, 0, // raw
    ]);
    let note = Note::from_shared(&buffer).unwrap();
    assert_eq!(&*note.text, "\u{fffd}(");
    assert_eq!(note.tags, ["ok"]);
    assert_eq!(note.title.as_deref(), Some("t"));
    assert_eq!(&note.raw[..], [0xff]);
    assert_eq!(note.tags[0].as_ptr(), buffer[21..].as_ptr());
    assert_eq!(note.raw.as_ptr(), buffer[29..].as_ptr());
    // Encoding writes the repaired text.
    assert_eq!(note.to_bytes()[8..16], [4, 0xef, 0xbf, 0xbd, b'(', 0, 0, 0]);
}

/// `--try-from`: a constructor struct from its enum, the enum back otherwise.
#[test]
fn try_from_gives_the_struct_or_the_enum_back() {
    use tests::fixtures::try_from::{enums, types};
    let deleted = enums::Message::from(types::MessageDeleted {});
    assert_eq!(
        types::MessageDeleted::try_from(deleted.clone()),
        Ok(types::MessageDeleted {})
    );
    assert_eq!(types::MessageEmpty::try_from(deleted.clone()), Err(deleted));
    let empty = types::MessageEmpty { id: 7 };
    assert_eq!(
        types::MessageEmpty::try_from(enums::Message::from(empty.clone())),
        Ok(empty.clone())
    );
    let full = types::Message {
        id: 1,
        from_id: 2,
        text: "hi".to_owned(),
        media: String::new(),
        reply: String::new(),
        entities: String::new(),
        views: 3,
        forwards: 4,
    };
    let message = enums::Message::from(full.clone());
    assert_eq!(types::Message::try_from(message.clone()), Ok(full));
    assert_eq!(
        types::MessageService::try_from(message.clone()),
        Err(message)
    );
    let pong = types::Pong {
        msg_id: 1,
        ping_id: 2,
    };
    let one: Result<types::Pong, enums::Pong> = enums::Pong::from(pong.clone()).try_into();
    assert_eq!(one, Ok(pong));
}

/// `--serde` with a fixed repetition longer than serde's array impls take
/// (`40*[ int ]`): a JSON array of exactly 40 values, both ways; any other
/// length is an error that says what it expected. In TDLib's JSON too.
#[test]
fn long_arrays_go_through_serde() {
    use tests::fixtures::serde_long_array::types::big::{Block, Rows, RowsItemsRow};
    let block = Block {
        items: std::array::from_fn(|i| i as i32),
        tail: -1,
    };
    let text = serde_json::to_string(&block).unwrap();
    let numbers: Vec<String> = (0..40).map(|i| i.to_string()).collect();
    assert_eq!(
        text,
        format!(r#"{{"items":[{}],"tail":-1}}"#, numbers.join(","))
    );
    assert_eq!(serde_json::from_str::<Block>(&text).unwrap(), block);
    let short = r#"{"items":[1,2,3],"tail":0}"#;
    assert_eq!(
        serde_json::from_str::<Block>(short)
            .unwrap_err()
            .to_string(),
        "invalid length 3, expected an array of 40 values at line 1 column 16"
    );
    let rows = Rows {
        items: std::array::from_fn(|i| RowsItemsRow { a: i as i32, b: 7 }),
    };
    let text = serde_json::to_string(&rows).unwrap();
    assert!(
        text.starts_with(r#"{"items":[{"a":0,"b":7},{"a":1,"b":7},"#),
        "{text}"
    );
    assert_eq!(serde_json::from_str::<Rows>(&text).unwrap(), rows);

    use tests::fixtures::serde_long_array_tdlib::types::big::Block as TdBlock;
    let block = TdBlock {
        items: [5; 40],
        tail: 9,
    };
    let text = tl_runtime::json::to_string(&block).unwrap();
    let fives = vec!["5"; 40].join(",");
    assert_eq!(
        text,
        format!(r#"{{"@type":"big.block","items":[{fives}],"tail":"9"}}"#)
    );
    assert_eq!(tl_runtime::json::from_str::<TdBlock>(&text).unwrap(), block);
}

/// `--accessors`: a field every constructor has is read as it is; one that
/// only some have (or that is conditional in one) is an `Option`; `Copy`
/// values by value, others by reference.
#[test]
fn accessors_read_shared_fields() {
    use tests::fixtures::accessors::{enums, types};
    let peer = enums::Peer::from(types::PeerUser { user_id: 5 });
    let message = enums::Message::from(types::Message {
        flags: 0,
        silent: true,
        id: 1,
        text: "hi".to_owned(),
        pts: 7,
        r#type: "plain".to_owned(),
        peer: peer.clone(),
        views: 3,
        x: "x".to_owned(),
    });
    assert_eq!(message.id(), 1);
    assert_eq!(message.text(), Some(&"hi".to_owned()));
    assert_eq!(message.pts(), Some(7));
    assert_eq!(message.silent(), Some(true));
    assert_eq!(message.r#type(), Some(&"plain".to_owned()));
    assert_eq!(message.peer(), Some(&peer));
    let service = enums::Message::from(types::MessageService {
        flags: 0,
        silent: false,
        id: 2,
        text: String::new(),
        pts: None,
        r#type: String::new(),
        peer: peer.clone(),
        x: 9,
    });
    assert_eq!(service.id(), 2);
    assert_eq!(service.pts(), None);
    assert_eq!(service.silent(), Some(false));
    let empty = enums::Message::from(types::MessageEmpty { id: 3 });
    assert_eq!(empty.id(), 3);
    assert_eq!(empty.text(), None);
    assert_eq!(empty.pts(), None);
    assert_eq!(empty.peer(), None);
}

/// `--new-methods`: `new` takes the required fields in TL order (text as
/// `impl Into<String>`) and leaves every optional one unset.
#[test]
fn new_takes_the_required_fields() {
    use tests::fixtures::new_methods::{functions, types};
    let message = types::Message::new(7, "hi");
    assert_eq!(
        message,
        types::Message {
            flags: 0,
            silent: false,
            id: 7,
            text: "hi".to_owned(),
            reply_to: None,
        }
    );
    // After the constructor id: flags 0, id 7, "hi" (length byte, 2 bytes, 1 of padding).
    assert_eq!(
        message.to_bytes()[4..],
        [0, 0, 0, 0, 7, 0, 0, 0, 2, b'h', b'i', 0]
    );
    assert_eq!(
        types::Draft::new(),
        types::Draft {
            flags: 0,
            text: None,
            date: None,
        }
    );
    let send = functions::SendMessage::new(5, String::from("hello"), 99);
    assert_eq!(
        send,
        functions::SendMessage {
            flags: 0,
            silent: false,
            peer: 5,
            message: "hello".to_owned(),
            random_id: 99,
            reply_to: None,
        }
    );
}

/// Conversions (on by default): input types from the constructors the
/// schema pairs them with, through `TryFrom<&T>`; a conditional source
/// field that is not set is a `MissingField`.
#[test]
fn input_conversions_take_their_fields_from_the_source() {
    use tests::fixtures::conversions::{enums, types};
    use tl_runtime::MissingField;
    let user = types::User {
        flags: 0,
        id: 5,
        access_hash: Some(9),
        first_name: None,
    };
    assert_eq!(
        enums::InputPeer::try_from(&user),
        Ok(enums::InputPeer::from(types::InputPeerUser {
            user_id: 5,
            access_hash: 9
        }))
    );
    assert_eq!(
        enums::InputUser::try_from(&user),
        Ok(enums::InputUser::from(types::InputUser {
            user_id: 5,
            access_hash: 9
        }))
    );
    let min = types::User {
        access_hash: None,
        ..user
    };
    let missing = MissingField {
        constructor: "user",
        field: "access_hash",
    };
    assert_eq!(enums::InputPeer::try_from(&min), Err(missing));
    assert_eq!(missing.to_string(), "this `user` has no `access_hash`");
    let chat = types::Chat {
        id: 3,
        title: "c".to_owned(),
    };
    assert_eq!(
        enums::InputPeer::try_from(&chat),
        Ok(enums::InputPeer::from(types::InputPeerChat { chat_id: 3 }))
    );
    let channel = types::Channel {
        id: 4,
        access_hash: 8,
        title: "ch".to_owned(),
    };
    assert_eq!(
        enums::InputChannel::try_from(&channel),
        Ok(enums::InputChannel::from(types::InputChannel {
            channel_id: 4,
            access_hash: 8
        }))
    );
    // With `?`, into any error that takes a `MissingField`.
    fn peer(channel: &types::Channel) -> Result<enums::InputPeer, Box<dyn std::error::Error>> {
        Ok(channel.try_into()?)
    }
    assert_eq!(
        peer(&channel).unwrap(),
        enums::InputPeer::from(types::InputPeerChannel {
            channel_id: 4,
            access_hash: 8
        })
    );
    let document = types::Document {
        id: 1,
        access_hash: 2,
        file_reference: vec![7, 7],
    };
    assert_eq!(
        enums::InputDocument::try_from(&document),
        Ok(enums::InputDocument::from(types::InputDocument {
            id: 1,
            access_hash: 2,
            file_reference: vec![7, 7],
        }))
    );
}
