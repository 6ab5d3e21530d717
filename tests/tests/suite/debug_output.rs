//! `{:?}` on generated values: most types print from one table
//! (`tl_runtime::debug`) instead of deriving `Debug`, and must print what the
//! derived impls printed. The expected text in `expected/` was written by
//! the derived `Debug` of layer 230 (commit `03bd3ed`, before the table),
//! from `testdata/corpus/messages-100.bin`: the whole answer with `{:?}`,
//! and its first message, user and chat with `{:#?}`.

use tests::api::enums;
use tests::fixtures::{flags, ton_style};
use tl_runtime::Deserializable;

fn answer() -> enums::messages::Messages {
    let path = test_support::testdata().join("corpus/messages-100.bin");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    enums::messages::Messages::from_bytes(&bytes).expect("decodes")
}

#[test]
fn a_real_answer_prints_as_derived_debug_did() {
    let expected = include_str!("expected/messages-100.debug.txt");
    let printed = format!("{:?}", answer());
    if printed != expected {
        let at = printed
            .bytes()
            .zip(expected.bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(printed.len().min(expected.len()));
        panic!(
            "differs at byte {at}:\nprinted:  {}\nexpected: {}",
            &printed[at.saturating_sub(80)..(at + 80).min(printed.len())],
            &expected[at.saturating_sub(80)..(at + 80).min(expected.len())]
        );
    }
}

#[test]
fn pretty_debug_prints_as_derived_debug_did() {
    let enums::messages::Messages::Messages(m) = answer() else {
        panic!("messages.messages expected");
    };
    let printed = format!(
        "{:#?}\n{:#?}\n{:#?}\n",
        m.messages[0], m.users[0], m.chats[0]
    );
    assert_eq!(
        printed,
        include_str!("expected/messages-100.pretty-debug.txt")
    );
}

/// Written by hand: flags words are not fields, a `true` flag is a `bool`,
/// fields sharing a bit print as an `Option` of their struct, text is quoted
/// with escapes.
#[test]
fn flags_and_groups_print_as_fields() {
    use flags::types::flag::{Item, ItemHasOwner};
    let item = Item {
        x: true,
        y: None,
        has_owner: Some(ItemHasOwner {
            owner_id: 7,
            owner_name: "a\"b\n".to_owned(),
        }),
        note: None,
        pinned: false,
        z_and_title: None,
    };
    assert_eq!(
        format!("{item:?}"),
        r#"Item { x: true, y: None, has_owner: Some(ItemHasOwner { owner_id: 7, owner_name: "a\"b\n" }), note: None, pinned: false, z_and_title: None }"#
    );
    let call = flags::functions::flag::GetItem {
        force: false,
        id: Some(-5),
    };
    assert_eq!(
        format!("{call:?}"),
        "GetItem { force: false, id: Some(-5) }"
    );
}

/// What the table cannot describe keeps a derived `Debug`: TON's stored
/// flags word prints as the value holds it, not as it is encoded.
#[test]
fn what_the_table_leaves_out_is_derived() {
    use ton_style::types::ton_node::ShardList;
    let list = ShardList {
        flags: 0x20,
        shards: vec![],
        extra: Some(vec![]),
    };
    assert_eq!(
        format!("{list:?}"),
        "ShardList { flags: 32, shards: [], extra: Some([]) }"
    );
}
