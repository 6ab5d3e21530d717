//! What `Config::namespaces` keeps: the chosen namespaces' functions, the
//! global ones, and exactly the types they reach (checked by name on the
//! `selected_namespaces` fixture, then on layer 230 for a bot's namespaces).

use tl_codegen::Config;
use tl_codegen::model::Model;

fn names(model: &Model) -> (Vec<&str>, Vec<&str>, Vec<&str>) {
    (
        model.functions.iter().map(|f| f.tl_name.as_str()).collect(),
        model
            .constructors
            .iter()
            .map(|c| c.tl_name.as_str())
            .collect(),
        model.types.iter().map(|t| t.tl_name.as_str()).collect(),
    )
}

#[test]
fn the_fixture_keeps_what_messages_reach() {
    let path = test_support::repo_root().join("schema/fixtures/selected_namespaces.tl");
    let model = Config::new()
        .namespaces(["messages"])
        .model(&[path])
        .unwrap();
    let (functions, constructors, types) = names(&model);
    assert_eq!(
        functions,
        [
            "invokeWithLayer",
            "messages.getHistory",
            "messages.sendMessage"
        ]
    );
    assert_eq!(
        constructors,
        [
            "message",
            "messageEmpty",
            "messages.messages",
            "peerChat",
            "peerUser"
        ]
    );
    assert_eq!(types, ["Message", "Peer", "messages.Messages"]);
    assert!(
        model.groups.is_empty(),
        "account.password's group went with it"
    );
    // Variants still point at their constructors after the removal.
    for t in &model.types {
        for v in &t.variants {
            assert_eq!(model.constructors[v.constructor].result, t.tl_name);
        }
    }
}

#[test]
fn encoding_works_without_function_decoding() {
    use tests::fixtures::selected_namespaces::{enums, functions, types};
    use tl_runtime::Serializable;
    let call = functions::messages::GetHistory {
        peer: enums::Peer::User(types::PeerUser { user_id: 7 }),
        limit: 20,
    };
    let bytes = call.to_bytes();
    // id, peerUser id, user_id:long, limit:int
    assert_eq!(bytes.len(), 4 + 4 + 8 + 4);
    assert_eq!(&bytes[8..16], &7i64.to_le_bytes());
    assert_eq!(&bytes[16..], &20i32.to_le_bytes());
}

/// A bot's namespaces of layer 230: fewer functions, the types they need.
#[test]
fn bot_namespaces_of_layer_230() {
    let path = test_support::testdata().join("schema/telegram/api-230.tl");
    let full = Config::new().model(&[&path]).unwrap();
    let bot = Config::new()
        .namespaces(["messages", "bots", "updates", "users", "help"])
        .model(&[&path])
        .unwrap();
    println!(
        "functions {} of {}, constructors {} of {}, types {} of {}",
        bot.functions.len(),
        full.functions.len(),
        bot.constructors.len(),
        full.constructors.len(),
        bot.types.len(),
        full.types.len()
    );
    assert!(bot.functions.iter().all(|f| {
        let ns = f.tl_name.rsplit_once('.').map_or("", |(ns, _)| ns);
        ["", "messages", "bots", "updates", "users", "help"].contains(&ns)
    }));
    assert!(bot.functions.len() < full.functions.len() / 2);
    assert!(bot.constructors.iter().any(|c| c.tl_name == "message"));
    assert!(
        !bot.constructors
            .iter()
            .any(|c| c.tl_name == "account.password")
    );
}
