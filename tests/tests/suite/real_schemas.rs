//! Every real schema of `testdata/schema` generates Rust that compiles
//! with warnings denied: Telegram's layers 166 to 222 (each with
//! `mtproto.tl`; layer 230 is compiled into this crate already), TDLib's
//! `td_api.tl`, `telegram_api.tl` and `mtproto_api.tl`, and TON's
//! `ton_api.tl`. No dialect is chosen: the id rules are detected, and the
//! test checks which.
//!
//! The generated code goes into one crate per schema under cargo's test
//! scratch folder, and `cargo check` runs on each (two at a time, see
//! [`every_real_schema_generates_and_compiles`]). The TON crate also gets the
//! byte-level tests of [`TON_TESTS`], run with `cargo test`.

use std::path::{Path, PathBuf};
use std::process::Command;

use tl_codegen::{Config, Dialect};

/// `(crate name, schema files under schema/, the rules detection must pick)`,
/// the longest to compile first, so that the two threads finish together.
const SCHEMAS: &[(&str, &[&str], Dialect)] = &[
    ("td_api", &["tdlib/td_api.tl"], Dialect::Tdlib),
    (
        "telegram_api",
        &["tdlib/telegram_api.tl"],
        Dialect::Telegram,
    ),
    (
        "api_222",
        &["telegram/api-222.tl", "telegram/mtproto.tl"],
        Dialect::Telegram,
    ),
    (
        "api_216",
        &["telegram/api-216.tl", "telegram/mtproto.tl"],
        Dialect::Telegram,
    ),
    (
        "api_199",
        &["telegram/api-199.tl", "telegram/mtproto.tl"],
        Dialect::Telegram,
    ),
    ("ton_api", &["ton/ton_api.tl"], Dialect::Tdlib),
    (
        "api_166",
        &["telegram/api-166.tl", "telegram/mtproto.tl"],
        Dialect::Telegram,
    ),
    ("mtproto_api", &["tdlib/mtproto_api.tl"], Dialect::Telegram),
];

/// The crates generated with `try_from` and `accessors` turned on (they are
/// off by default; `new_methods` and `conversions` are on for every crate):
/// one per dialect, so that what they emit compiles on each
/// (TDLib's nullable fields are optional ones for `new`; conversions appear
/// where the rule pairs constructors, none in TON's schema).
const EVERYDAY: &[&str] = &["api_222", "td_api", "ton_api"];

/// Values of TON's schema built in Rust and compared with bytes written by
/// hand. Ids are `zlib.crc32` of the declarations as written (TDLib rules):
/// `testObject value:int o:object f:function = TestObject` a557498a,
/// `testInt value:int = TestObject` 2b9651d1, `getTestObject = TestObject`
/// 0bbfa683, `overlay.messageExtra flags:# certificate:flags.0?overlay.MemberCertificate
/// = overlay.MessageExtra` 2ed8e8a5, `tonNode.blockIdExt workchain:int shard:long
/// seqno:int root_hash:int256 file_hash:int256 = tonNode.BlockIdExt` 6752eb78.
const TON_TESTS: &str = r#"
use ton_api::{AnyFunction, AnyObject, functions, types};
use tl_runtime::{Deserializable, RemoteCall, Serializable};

fn returns<F: RemoteCall<Return = R>, R>() {}

#[test]
fn object_and_function_fields() {
    let value = types::TestObject {
        value: 5,
        o: AnyObject::from(types::TestInt { value: 7 }),
        f: AnyFunction::GetTestObject(Box::new(functions::GetTestObject {})),
    };
    let bytes = [
        0x8a, 0x49, 0x57, 0xa5, 5, 0, 0, 0, // testObject, value
        0xd1, 0x51, 0x96, 0x2b, 7, 0, 0, 0, // o: testInt
        0x83, 0xa6, 0xbf, 0x0b, // f: getTestObject
    ];
    assert_eq!(value.to_bytes(), bytes);
    assert_eq!(types::TestObject::from_bytes(&bytes).unwrap(), value);
}

#[test]
fn object_answers() {
    returns::<functions::ton_node::Query, AnyObject>();
    returns::<functions::engine::validator::ControlQuery, AnyObject>();
    returns::<functions::dht::Query, ()>();
    let answer = AnyObject::from_bytes(&[0xd1, 0x51, 0x96, 0x2b, 7, 0, 0, 0]).unwrap();
    assert_eq!(answer, AnyObject::from(types::TestInt { value: 7 }));
    assert_eq!(answer.tl_name(), "testInt");
}

/// `int256` is TON's repetition `8*[ int ]`: 32 bytes, as they are.
#[test]
fn int256_repetitions() {
    let id = types::ton_node::BlockIdExt {
        workchain: -1,
        shard: i64::MIN,
        seqno: 9,
        root_hash: [0xaa; 32],
        file_hash: [0xbb; 32],
    };
    let mut bytes = vec![0x78, 0xeb, 0x52, 0x67, 0xff, 0xff, 0xff, 0xff];
    bytes.extend([0, 0, 0, 0, 0, 0, 0, 0x80, 9, 0, 0, 0]);
    bytes.extend([0xaa; 32]);
    bytes.extend([0xbb; 32]);
    assert_eq!(id.to_bytes(), bytes);
    assert_eq!(types::ton_node::BlockIdExt::from_bytes(&bytes).unwrap(), id);
}

#[test]
fn flags_words_keep_bits_without_fields() {
    let extra = types::overlay::MessageExtra { flags: 4, certificate: None };
    let bytes = [0xa5, 0xe8, 0xd8, 0x2e, 4, 0, 0, 0];
    assert_eq!(extra.to_bytes(), bytes);
    assert_eq!(types::overlay::MessageExtra::from_bytes(&bytes).unwrap(), extra);
}

/// The everyday switches on TON: `pub.ed25519 key:int256` and `pub.aes
/// key:int256` share `key` (an `Option`: `pub.unenc` and `pub.overlay` lack
/// it); `new` leaves the flags word and the conditional field empty;
/// `TryFrom` gives the enum back for another constructor.
#[test]
fn everyday_switches() {
    use ton_api::enums;
    let key = enums::PublicKey::from(types::r#pub::Ed25519 { key: [7; 32] });
    assert_eq!(key.key(), Some([7; 32]));
    let unenc = enums::PublicKey::from(types::r#pub::Unenc { data: vec![1] });
    assert_eq!(unenc.key(), None);
    assert_eq!(
        types::overlay::MessageExtra::new(),
        types::overlay::MessageExtra { flags: 0, certificate: None }
    );
    assert_eq!(types::r#pub::Ed25519::try_from(key).unwrap().key, [7; 32]);
    assert_eq!(types::r#pub::Ed25519::try_from(unenc.clone()), Err(unenc));
}
"#;

/// Runs the cargo that runs this test on one scratch crate, with its own
/// target folder (so that two can run at once).
fn cargo(dir: &Path, args: &[&str]) -> std::process::Output {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    Command::new(cargo)
        .args(args)
        .arg("--manifest-path")
        .arg(dir.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", dir.join("target"))
        // Each crate is checked once per change of its code: incremental
        // compilation's query cache would only add its cost.
        .env("CARGO_INCREMENTAL", "0")
        .env_remove("RUSTFLAGS")
        .output()
        .unwrap()
}

fn write_if_changed(path: &Path, text: &str) {
    if std::fs::read_to_string(path).is_ok_and(|old| old == text) {
        return;
    }
    std::fs::create_dir_all(path.parent().expect("a parent")).unwrap();
    std::fs::write(path, text).unwrap();
}

/// Generates one schema's crate into `dir` and compiles it: `cargo check`,
/// or for TON, whose crate also carries [`TON_TESTS`], `cargo test` (which
/// compiles the library with the same `deny(warnings)`). `Err` holds what
/// went wrong, for the report of all schemas.
fn generate_and_compile(
    name: &str,
    files: &[&str],
    dialect: Dialect,
    dir: &Path,
) -> Result<(), String> {
    let data = test_support::testdata();
    let paths: Vec<PathBuf> = files.iter().map(|f| data.join("schema").join(f)).collect();
    let model = Config::new().model(&paths).map_err(|e| e.to_string())?;
    if model.dialect != dialect || model.detected.is_none() {
        return Err(format!(
            "detected {:?} ({:?}), expected {dialect:?}",
            model.dialect, model.detected
        ));
    }
    // The fast printer: rustc reads the same tokens as from prettyplease's
    // text (whose output is compiled for the fixtures and `generated/`), at
    // a third of the time in this unoptimized test.
    let mut config = Config::new();
    config.pretty(false);
    if EVERYDAY.contains(&name) {
        config.try_from(true).accessors(true);
    }
    let code = config.emit(&model).map_err(|e| e.to_string())?;
    write_if_changed(&dir.join("src/generated.rs"), &code);
    write_if_changed(
        &dir.join("src/lib.rs"),
        "#![deny(warnings)]\n#![allow(missing_docs)]\ninclude!(\"generated.rs\");\n",
    );
    let runtime = test_support::repo_root().join("tl-runtime");
    // No debug information: only the TON crate is built (its tests run),
    // and nobody steps through it; its build and link take a sixth less.
    write_if_changed(
        &dir.join("Cargo.toml"),
        &format!(
            "[package]\nname = \"{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\npublish = false\n\n\
             [dependencies]\ntl-runtime = {{ path = {:?} }}\n\n[workspace]\n\n\
             [profile.dev]\ndebug = false\n",
            runtime.display().to_string()
        ),
    );
    let output = if name == "ton_api" {
        write_if_changed(&dir.join("tests/ton.rs"), TON_TESTS);
        cargo(dir, &["test", "--offline", "--test", "ton"])
    } else {
        cargo(dir, &["check", "--offline", "--message-format=short"])
    };
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let problems: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("error") || l.contains("warning"))
        .collect();
    if !output.status.success() || !problems.is_empty() {
        return Err(format!(
            "{} problems:\n{}\n{stdout}",
            problems.len(),
            problems.join("\n")
        ));
    }
    if name == "ton_api" && !stdout.contains("test result: ok. 5 passed") {
        return Err(format!("the TON tests did not all pass:\n{stdout}"));
    }
    Ok(())
}

/// Each schema is a crate of its own (its own workspace and target folder)
/// under cargo's test scratch folder, so two threads take them in turn,
/// largest first, each generating one while the other's is compiled; files
/// are written only when changed, so a second run is quick.
#[test]
fn every_real_schema_generates_and_compiles() {
    let scratch = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("real-schemas");
    let next = std::sync::atomic::AtomicUsize::new(0);
    let failures = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some((name, files, dialect)) = SCHEMAS.get(i) else {
                        break;
                    };
                    if let Err(e) = generate_and_compile(name, files, *dialect, &scratch.join(name))
                    {
                        failures.lock().unwrap().push(format!("{name}: {e}"));
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    println!("{} schemas generated and compiled", SCHEMAS.len());
}
