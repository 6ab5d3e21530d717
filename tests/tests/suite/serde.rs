//! `Config::serde(true)` emits serde derives behind the including crate's
//! `serde` feature; the example crate enables it here.

use generated::enums::Updates;
use generated::functions::messages::ImportChatInvite;
use generated::types::UpdatesTooLong;

#[test]
fn generated_types_round_trip_through_json() {
    let call = ImportChatInvite {
        hash: "AbCd".to_owned(),
    };
    let json = serde_json::to_string(&call).unwrap();
    assert_eq!(json, r#"{"hash":"AbCd"}"#);
    assert_eq!(
        serde_json::from_str::<ImportChatInvite>(&json).unwrap(),
        call
    );

    let updates = Updates::from(UpdatesTooLong {});
    let json = serde_json::to_string(&updates).unwrap();
    assert_eq!(json, r#""TooLong""#);
    assert_eq!(serde_json::from_str::<Updates>(&json).unwrap(), updates);
}
