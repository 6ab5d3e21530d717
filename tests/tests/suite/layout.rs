//! Enum payloads are boxed unless small and flat, so every generated enum stays
//! small enough to move around cheaply (vectors of `Message` or `Update` are
//! the hot path of decoding).

#[test]
fn enums_stay_small() {
    use std::mem::size_of;
    use tests::api::enums;
    // One pointer-sized box (8) plus the tag, or an inline payload of at most
    // 24 bytes plus the tag.
    let sizes = [
        ("Message", size_of::<enums::Message>()),
        ("Update", size_of::<enums::Update>()),
        ("Updates", size_of::<enums::Updates>()),
        ("User", size_of::<enums::User>()),
        ("Chat", size_of::<enums::Chat>()),
        ("MessageEntity", size_of::<enums::MessageEntity>()),
        ("InputPeer", size_of::<enums::InputPeer>()),
        ("Peer", size_of::<enums::Peer>()),
        ("messages.Messages", size_of::<enums::messages::Messages>()),
    ];
    println!("{sizes:?}");
    for (name, size) in sizes {
        assert!(size <= 32, "enums::{name} is {size} bytes");
    }
    // Flat payloads stay inline: `inputPeerUser` is two longs.
    assert_eq!(size_of::<enums::InputPeer>(), 24);
    assert_eq!(size_of::<enums::Peer>(), 16);
}
