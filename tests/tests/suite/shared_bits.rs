//! Fields that share a flag bit are one `Option` of a struct in every
//! declaration of layer 230, so that no value safe Rust can build encodes to
//! bytes that do not decode (`cargo test hostile` runs these).

use tl_codegen::model::{FieldKind, FieldModel, Model};

fn stored_bits(fields: &[FieldModel]) -> Vec<(String, u32)> {
    fields
        .iter()
        .filter(|f| f.is_stored())
        .filter_map(|f| match &f.kind {
            FieldKind::Value {
                flag: Some(bit), ..
            }
            | FieldKind::TrueFlag(bit)
            | FieldKind::Group { flag: bit, .. } => Some((bit.field.clone(), bit.bit)),
            _ => None,
        })
        .collect()
}

fn groups(model: &Model) -> usize {
    let all = model
        .constructors
        .iter()
        .map(|c| &c.fields)
        .chain(model.functions.iter().map(|f| &f.fields));
    let mut groups = 0;
    for fields in all {
        let bits = stored_bits(fields);
        let mut unique = bits.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(
            unique.len(),
            bits.len(),
            "two stored fields share a bit: {bits:?}"
        );
        groups += fields
            .iter()
            .filter(|f| matches!(f.kind, FieldKind::Group { .. }))
            .count();
    }
    groups
}

use tests::api::enums::Peer;
use tests::api::types::{MessageFwdHeader, MessageFwdHeaderSavedFrom, PeerUser};
use tl_runtime::{Deserializable, Serializable};

/// 89 groups: counted independently with a regular expression over the
/// schema text (declarations with two or more `name:word.N?Type` fields
/// of one word and bit, not all `true`).
#[test]
fn hostile_shared_bits_of_layer_230_are_groups() {
    let data = test_support::testdata();
    let paths = [
        data.join("schema/telegram/api-230.tl"),
        data.join("schema/telegram/mtproto.tl"),
    ];
    let model = tl_codegen::Config::new().model(&paths).unwrap();
    assert_eq!(groups(&model), 89);
    assert_eq!(model.groups.len(), 89);
}

/// `messageFwdHeader`'s `saved_from_peer` and `saved_from_msg_id` (both
/// `flags.4?`) travel together and round-trip.
#[test]
fn hostile_message_fwd_header_cannot_be_half_set() {
    let header = MessageFwdHeader {
        imported: false,
        saved_out: false,
        from_id: None,
        from_name: None,
        date: 1,
        channel_post: None,
        post_author: None,
        saved_from: Some(MessageFwdHeaderSavedFrom {
            saved_from_peer: Peer::User(PeerUser { user_id: 5 }),
            saved_from_msg_id: 9,
        }),
        saved_from_id: None,
        saved_from_name: None,
        saved_date: None,
        psa_type: None,
    };
    let bytes = header.to_bytes();
    // id, flags = bit 4, date, peerUser#59511722 user_id:long, msg_id.
    assert_eq!(
        bytes,
        [
            0xbb, 0xf4, 0x4d, 0x4e, 0x10, 0, 0, 0, 1, 0, 0, 0, 0x22, 0x17, 0x51, 0x59, 5, 0, 0, 0,
            0, 0, 0, 0, 9, 0, 0, 0
        ]
    );
    assert_eq!(MessageFwdHeader::from_bytes(&bytes).unwrap(), header);
}
#[test]
fn hostile_shared_bits_of_the_fixtures_are_groups() {
    let mut total = 0;
    for fixture in test_support::fixtures() {
        let model = tests::fixture_config::config_for(&fixture)
            .model(&[&fixture.path])
            .unwrap_or_else(|e| panic!("{}: {e}", fixture.name));
        total += groups(&model);
    }
    // flags.tl: bit 4 (a true flag and two values) and flags2 bit 3.
    assert_eq!(total, 2);
}
