//! Hostile input against the generated decoders: typed errors, no panics, no
//! stack exhaustion.

use tests::api::enums::{InputPeer, JsonValue, MessageEntity, PageBlock, RichText, Updates};
use tests::api::functions::account::UpdateStatus;
use tests::api::functions::messages::{GetMessages, ImportChatInvite};
use tests::api::types::{MessageEntityBold, UpdateShortMessage};
use tl_runtime::{DecodeError, DecodeErrorKind, Deserializable, Reader, Serializable};

/// `(kind, offset)` of the error decoding `bytes` as a `T`.
fn error_of<T: Deserializable + std::fmt::Debug>(bytes: &[u8]) -> (DecodeErrorKind, usize) {
    let DecodeError { kind, offset, .. } = T::from_bytes(bytes).unwrap_err();
    (kind, offset)
}

/// `textBold#6724abc4` nested `depth` times around `textEmpty#dc3d824f`.
fn nested_bold(depth: usize) -> Vec<u8> {
    let mut bytes = Vec::new();
    for _ in 0..depth {
        bytes.extend_from_slice(&0x6724abc4_u32.to_le_bytes());
    }
    bytes.extend_from_slice(&0xdc3d824f_u32.to_le_bytes());
    bytes
}

#[test]
fn hostile_nesting_within_the_limit_decodes() {
    let bytes = nested_bold(99);
    let text = RichText::from_bytes(&bytes).unwrap();
    assert_eq!(text.to_bytes(), bytes);
}

#[test]
fn hostile_nesting_past_the_limit_is_an_error_not_a_stack_overflow() {
    // 100 levels are allowed; the 101st boxed value starts at byte 400.
    let err = RichText::from_bytes(&nested_bold(100)).unwrap_err();
    assert_eq!(err.kind, DecodeErrorKind::TooDeep(100));
    assert_eq!(err.offset, 400);
    assert_eq!(
        err.to_string(),
        "RichText nested more than 100 levels deep at offset 400"
    );
    // A million levels: still a clean error.
    let err = RichText::from_bytes(&nested_bold(1_000_000)).unwrap_err();
    assert_eq!(err.kind, DecodeErrorKind::TooDeep(100));
    // The limit is the caller's to choose.
    let bytes = nested_bold(10);
    let mut reader = Reader::new(&bytes).with_max_depth(5);
    let err = RichText::deserialize(&mut reader).unwrap_err();
    assert_eq!(err.kind, DecodeErrorKind::TooDeep(5));
}

/// A string that is not UTF-8 (`messages.importChatInvite#de91436e
/// hash:string`): an error at the string, by default.
#[test]
fn hostile_invalid_utf8_is_an_error() {
    let bytes = [0x6e, 0x43, 0x91, 0xde, 1, 0xff, 0, 0];
    assert_eq!(
        error_of::<ImportChatInvite>(&bytes),
        (DecodeErrorKind::InvalidUtf8, 4)
    );
}

/// A `Bool` that is neither `boolTrue` nor `boolFalse`
/// (`account.updateStatus#6628562c offline:Bool`).
#[test]
fn hostile_bad_bool_is_an_error() {
    let bytes = [0x2c, 0x56, 0x28, 0x66, 0xef, 0xbe, 0xad, 0xde];
    assert_eq!(
        error_of::<UpdateStatus>(&bytes),
        (DecodeErrorKind::UnexpectedConstructor(0xdeadbeef), 4)
    );
}

/// A vector count of 2^31 (read as the TL `int` it is: negative) in 12
/// bytes (`messages.getMessages#63c66506 id:Vector<InputMessage>`):
/// refused before anything is allocated.
#[test]
fn hostile_counts_past_the_end_are_errors() {
    let bytes = [
        0x06, 0x65, 0xc6, 0x63, 0x15, 0xc4, 0xb5, 0x1c, 0, 0, 0, 0x80,
    ];
    assert_eq!(
        error_of::<GetMessages>(&bytes),
        (DecodeErrorKind::LengthTooLarge(-2_147_483_648), 8)
    );
    // 2^31 - 1: positive, but far more than 0 bytes can hold.
    let bytes = [
        0x06, 0x65, 0xc6, 0x63, 0x15, 0xc4, 0xb5, 0x1c, 0xff, 0xff, 0xff, 0x7f,
    ];
    assert_eq!(
        error_of::<GetMessages>(&bytes),
        (DecodeErrorKind::LengthTooLarge(2_147_483_647), 8)
    );
}

/// A whole value followed by more bytes.
#[test]
fn hostile_trailing_bytes_are_errors() {
    let bytes = [0x2c, 0x56, 0x28, 0x66, 0xb5, 0x75, 0x72, 0x99, 1, 2];
    assert_eq!(
        error_of::<UpdateStatus>(&bytes),
        (DecodeErrorKind::TrailingBytes(2), 8)
    );
}

/// An unknown constructor inside a vector inside a flag field, deep in
/// an update: the error's offset is that of the bad id.
#[test]
fn hostile_unknown_constructor_deep_inside_is_located() {
    let update = UpdateShortMessage {
        out: false,
        mentioned: false,
        media_unread: false,
        silent: false,
        id: 1,
        user_id: 2,
        message: "hi".to_owned(),
        pts: 3,
        pts_count: 1,
        date: 4,
        fwd_from: None,
        via_bot_id: None,
        reply_to: None,
        entities: Some(vec![
            MessageEntity::Bold(MessageEntityBold {
                offset: 0,
                length: 1,
            }),
            MessageEntity::Bold(MessageEntityBold {
                offset: 1,
                length: 1,
            }),
        ]),
        ttl_period: None,
    };
    let mut bytes = Updates::from(update).to_bytes();
    // messageEntityBold#bd610bc9: the second one's id.
    let bold = 0xbd610bc9_u32.to_le_bytes();
    let at = bytes
        .windows(4)
        .enumerate()
        .filter(|(_, w)| *w == bold)
        .map(|(i, _)| i)
        .nth(1)
        .expect("two entities");
    bytes[at..at + 4].copy_from_slice(&0xdeadbeef_u32.to_le_bytes());
    let err = Updates::from_bytes(&bytes).unwrap_err();
    assert_eq!(err.kind, DecodeErrorKind::UnexpectedConstructor(0xdeadbeef));
    assert_eq!(err.offset, at);
    assert_eq!(err.expected, "MessageEntity");
}

/// Bad length prefixes: `0xff` is no prefix, and a length past the end
/// of the input is refused where the string starts. Padding need not be
/// zero (documented on the runtime's reader): such input decodes, and
/// encodes back with zero padding.
#[test]
fn hostile_bad_length_prefixes_and_padding() {
    let bytes = [0x6e, 0x43, 0x91, 0xde, 0xff, 0, 0, 0];
    assert_eq!(
        error_of::<ImportChatInvite>(&bytes),
        (DecodeErrorKind::InvalidLengthPrefix, 4)
    );
    let bytes = [0x6e, 0x43, 0x91, 0xde, 8, b'a', b'b', b'c'];
    assert_eq!(
        error_of::<ImportChatInvite>(&bytes),
        (DecodeErrorKind::InvalidLengthPrefix, 4)
    );
    let bytes = [0x6e, 0x43, 0x91, 0xde, 0xfe, 0xff, 0xff, 0x7f, 0, 0, 0, 0];
    assert_eq!(
        error_of::<ImportChatInvite>(&bytes),
        (DecodeErrorKind::InvalidLengthPrefix, 4)
    );
    let lenient = [0x6e, 0x43, 0x91, 0xde, 1, b'a', 0xee, 0xee];
    let call = ImportChatInvite::from_bytes(&lenient).unwrap();
    assert_eq!(call.hash, "a");
    assert_eq!(call.to_bytes(), [0x6e, 0x43, 0x91, 0xde, 1, b'a', 0, 0]);
}

/// Nesting past the limit in the other recursive types: page blocks
/// (`pageBlockCover#39f23300 cover:PageBlock` around
/// `pageBlockDivider#db20b188`), and values inside vectors
/// (`jsonArray#f7444763 value:Vector<JSONValue>` around `jsonNull#3f6d7b68`,
/// and `textConcat#7e6260d7 texts:Vector<RichText>` around `textEmpty`).
#[test]
fn hostile_deep_nesting_in_every_recursive_type() {
    let mut covers = Vec::new();
    for _ in 0..100 {
        covers.extend_from_slice(&0x39f23300_u32.to_le_bytes());
    }
    covers.extend_from_slice(&0xdb20b188_u32.to_le_bytes());
    // The 101st boxed value starts at byte 400.
    assert_eq!(
        error_of::<PageBlock>(&covers),
        (DecodeErrorKind::TooDeep(100), 400)
    );
    assert!(PageBlock::from_bytes(&covers[4..]).is_ok());

    // Each level: the array's id, then a boxed vector of one element.
    let nested = |level_id: u32, leaf: u32, levels: usize| {
        let mut bytes = Vec::new();
        for _ in 0..levels {
            bytes.extend_from_slice(&level_id.to_le_bytes());
            bytes.extend_from_slice(&0x1cb5c415_u32.to_le_bytes());
            bytes.extend_from_slice(&1u32.to_le_bytes());
        }
        bytes.extend_from_slice(&leaf.to_le_bytes());
        bytes
    };
    assert_eq!(
        error_of::<JsonValue>(&nested(0xf7444763, 0x3f6d7b68, 100)),
        (DecodeErrorKind::TooDeep(100), 1200)
    );
    assert!(JsonValue::from_bytes(&nested(0xf7444763, 0x3f6d7b68, 99)).is_ok());
    assert_eq!(
        error_of::<RichText>(&nested(0x7e6260d7, 0xdc3d824f, 100)),
        (DecodeErrorKind::TooDeep(100), 1200)
    );

    // `inputPeerUserFromMessage#a87b0a1c peer:InputPeer msg_id:int
    // user_id:long`: the nested peer comes first, its own fields after.
    let mut peers = Vec::new();
    for _ in 0..100 {
        peers.extend_from_slice(&0xa87b0a1c_u32.to_le_bytes());
    }
    peers.extend_from_slice(&0x7f3b18ea_u32.to_le_bytes());
    for _ in 0..100 {
        peers.extend_from_slice(&[1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0]);
    }
    assert_eq!(
        error_of::<InputPeer>(&peers),
        (DecodeErrorKind::TooDeep(100), 400)
    );
}
