//! Generated code stays put between layers: the textual diff of the code
//! generated for two consecutive layers touches only the items the schema
//! diff names (plus the registries every new id lands in), and every item
//! the schema diff names is touched. A definition that did not change
//! generates identical lines in the same relative place.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use tl_codegen::Config;
use tl_codegen::model::{Model, RustPath};

/// For each line of generated code, the item it belongs to: `types::User`,
/// `enums::Peer`, `AnyFunction`, `name_for_id`, `mod types::messages` for a
/// module's own lines, or `header`. Doc comments and attributes belong to
/// the item they precede; an `impl` block belongs to the type it is for.
fn owners(code: &str) -> Vec<String> {
    let lines: Vec<&str> = code.lines().collect();
    let mut owners = vec![String::new(); lines.len()];
    let mut modules: Vec<String> = Vec::new();
    let mut current = "header".to_owned();
    let mut pending: Vec<usize> = Vec::new();
    let mut in_header = true;
    for (i, line) in lines.iter().enumerate() {
        let indent = line.len() - line.trim_start().len();
        let text = line.trim();
        let level = 4 * modules.len();
        if in_header && text.starts_with("//") {
            owners[i] = "header".to_owned();
            continue;
        }
        in_header = false;
        if indent != level || text.is_empty() {
            if text == "}" && indent + 4 == level {
                owners[i] = format!("mod {}", modules.join("::"));
                modules.pop();
            } else {
                owners[i] = current.clone();
            }
            continue;
        }
        if text.starts_with(['}', ')', ']', '>'])
            || text.starts_with("for ")
            || text.starts_with("where")
        {
            // The end of the current item, or a wrapped `impl` head.
            owners[i] = current.clone();
            continue;
        }
        if text.starts_with("///") || text.starts_with("#[") || text.starts_with("//") {
            pending.push(i);
            continue;
        }
        let owner = if let Some(name) = text.strip_prefix("pub mod ") {
            let name = name.trim_end_matches(" {").trim_end_matches(';');
            modules.push(name.to_owned());
            format!("mod {}", modules.join("::"))
        } else {
            // A long `impl` head wraps: `impl Trait\nfor Name {`.
            let head: String = lines[i..]
                .iter()
                .take(8)
                .scan(false, |done, l| {
                    (!*done).then(|| {
                        *done = l.trim_end().ends_with(['{', ';']);
                        l.trim()
                    })
                })
                .collect::<Vec<_>>()
                .join(" ");
            let name = item_name(&head);
            let mut path = modules.clone();
            path.push(name);
            path.join("::")
        };
        for p in pending.drain(..) {
            owners[p] = owner.clone();
        }
        owners[i] = owner.clone();
        current = owner;
    }
    for p in pending {
        owners[p] = current.clone();
    }
    owners
}

/// The name of the item a line at item level starts.
fn item_name(line: &str) -> String {
    if line.starts_with("impl") {
        // `impl Trait for Name {`, `impl<..> From<X> for Name {`, `impl Name {`.
        let head = line.trim_end_matches('{').trim();
        let ty = head.rsplit(" for ").next().unwrap_or(head);
        let ty = ty.trim_start_matches("impl").trim();
        return ty.split('<').next().unwrap_or(ty).to_owned();
    }
    for keyword in [
        "pub struct ",
        "pub enum ",
        "pub fn ",
        "pub const ",
        "pub type ",
        "static ",
        "pub use ",
        "use ",
    ] {
        if let Some(rest) = line.strip_prefix(keyword) {
            let end = rest
                .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            return if keyword.ends_with("use ") {
                "(use)".to_owned()
            } else {
                rest[..end].to_owned()
            };
        }
    }
    panic!("no item starts at `{line}`");
}

/// The owners in `owners` that `other` has items of, in order, each once
/// per run of lines.
fn common_order<'a>(owners: &'a [String], other: &BTreeMap<&str, Vec<&str>>) -> Vec<&'a str> {
    let mut seq: Vec<&str> = owners
        .iter()
        .map(String::as_str)
        .filter(|o| other.contains_key(o))
        .collect();
    seq.dedup();
    seq
}

/// Each item's lines, by the owners [`owners`] gave `code`'s lines.
fn items<'a>(code: &'a str, owners: &'a [String]) -> BTreeMap<&'a str, Vec<&'a str>> {
    let mut out: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (line, owner) in code.lines().zip(owners) {
        out.entry(owner).or_default().push(line);
    }
    out
}

fn rust_path(root: &str, path: &RustPath) -> String {
    let mut parts = vec![root.to_owned()];
    parts.extend(path.module.iter().cloned());
    parts.push(path.name.clone());
    parts.join("::")
}

/// The helper structs (shared-bit groups, repetition rows) of the
/// declarations named in `names`.
fn helper_structs(model: &Model, names: &BTreeSet<String>) -> Vec<String> {
    let groups = model
        .groups
        .iter()
        .filter(|g| names.contains(&g.owner))
        .map(|g| rust_path("types", &g.path));
    let rows = model
        .rows
        .iter()
        .filter(|r| {
            names
                .iter()
                .any(|n| r.tl_name.starts_with(&format!("{n}.")))
        })
        .map(|r| rust_path("types", &r.path));
    groups.chain(rows).collect()
}

fn check_layers(old_path: &Path, new_path: &Path) {
    // The fast printer, as the README's build script prints: prettyplease
    // formats each item on its own, so where the lines of an item change is
    // the same with either, and prettyplease unoptimized would take this
    // test from 8 s to 16 s per pair of layers.
    let mut config = Config::new();
    config.pretty(false);
    let old = config.model(&[old_path]).unwrap();
    let new = config.model(&[new_path]).unwrap();
    let schema_diff = tl_codegen::diff::diff(&old, &new, config.non_exhaustive_enabled());
    let old_code = config.emit(&old).unwrap();
    let new_code = config.emit(&new).unwrap();

    // What the schema diff names, and what every change may touch besides.
    let mut named: BTreeSet<String> = BTreeSet::new();
    let mut tl_names: BTreeSet<String> = BTreeSet::new();
    for item in schema_diff.added.iter().chain(&schema_diff.removed) {
        named.insert(item.rust.clone());
        tl_names.insert(item.name.clone());
    }
    for changed in &schema_diff.changed {
        named.insert(changed.rust.clone());
        tl_names.insert(changed.name.clone());
    }
    let mut allowed = named.clone();
    // An enum dispatches on its constructors' ids: it changes with them.
    for model in [&old, &new] {
        for t in &model.types {
            let touches = t
                .variants
                .iter()
                .any(|v| tl_names.contains(&model.constructors[v.constructor].tl_name));
            if touches {
                allowed.insert(rust_path("enums", &t.path));
            }
        }
    }
    allowed.extend(helper_structs(&old, &tl_names));
    allowed.extend(helper_structs(&new, &tl_names));
    // `TYPE_TABLE` describes every type `Debug` prints (and TDLib JSON
    // reads) from it.
    for registry in [
        "header",
        "LAYER",
        "name_for_id",
        "AnyFunction",
        "AnyObject",
        "TYPE_TABLE",
    ] {
        allowed.insert(registry.to_owned());
    }

    // Each line's owner, worked out once per side (the layers have some
    // 230,000 lines each).
    let (old_owners, new_owners) = (owners(&old_code), owners(&new_code));
    let old_items = items(&old_code, &old_owners);
    let new_items = items(&new_code, &new_owners);
    let touched: BTreeSet<String> = old_items
        .keys()
        .chain(new_items.keys())
        .filter(|owner| old_items.get(*owner) != new_items.get(*owner))
        .map(|owner| owner.to_string())
        .collect();

    // The items both sides have keep their relative order.
    assert!(
        common_order(&old_owners, &new_items) == common_order(&new_owners, &old_items),
        "items common to both layers are generated in another order"
    );

    let unexplained: Vec<&String> = touched
        .iter()
        .filter(|owner| {
            let module = owner
                .strip_prefix("mod ")
                .or_else(|| owner.strip_suffix("::(use)"));
            if let Some(module) = module {
                // A module appears or goes with the items in it.
                !allowed
                    .iter()
                    .any(|a| a.starts_with(&format!("{module}::")))
            } else {
                !allowed.contains(*owner)
            }
        })
        .collect();
    assert!(
        unexplained.is_empty(),
        "generated code changed in items the schema diff does not name: {unexplained:?}"
    );
    let untouched: Vec<&String> = named.iter().filter(|n| !touched.contains(*n)).collect();
    assert!(
        untouched.is_empty(),
        "the schema diff names items whose code did not change: {untouched:?}"
    );
}

#[test]
fn owners_of_generated_lines() {
    let code = "// @generated\n// Sources: x.tl\nuse ::a::{\n    B,\n};\n/// The layer.\npub const LAYER: i32 = 1;\npub mod types {\n    /// Doc.\n    #[derive(Debug)]\n    pub struct User {\n        pub id: i64,\n    }\n    impl ::rt::Serializable for User {\n        fn f() {}\n    }\n    pub mod auth {\n        pub struct Code {}\n    }\n}\nimpl From<types::User> for AnyObject {\n}\n";
    let got = owners(code);
    let expected = [
        "header",
        "header",
        "(use)",
        "(use)",
        "(use)",
        "LAYER",
        "LAYER",
        "mod types",
        "types::User",
        "types::User",
        "types::User",
        "types::User",
        "types::User",
        "types::User",
        "types::User",
        "types::User",
        "mod types::auth",
        "types::auth::Code",
        "mod types::auth",
        "mod types",
        "AnyObject",
        "AnyObject",
    ];
    assert_eq!(got, expected);
}

fn layer(n: u32) -> std::path::PathBuf {
    test_support::testdata().join(format!("schema/telegram/api-{n}.tl"))
}

/// Layers 222 and 230: the last upgrade.
#[test]
fn code_diff_between_layers_222_and_230_is_what_the_schema_diff_names() {
    check_layers(&layer(222), &layer(230));
}

/// Layers 216 and 222.
#[test]
fn code_diff_between_layers_216_and_222_is_what_the_schema_diff_names() {
    check_layers(&layer(216), &layer(222));
}
