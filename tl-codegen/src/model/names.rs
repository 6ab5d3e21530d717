//! Every Rust name the generated code uses for a TL name, settled here before
//! anything is emitted.
//!
//! Each rule is a function of its own: the spelling of one name
//! ([`escape_ident`], [`module_name`], [`type_name`], [`field_name`]), and the
//! settling of a set of names that must be unique in one scope
//! ([`assign_paths`], [`variant_names`], [`field_names`],
//! [`any_function_names`]), and the names the schema does not spell: an
//! anonymous field's (`tl_names`), a group of fields sharing a flag bit
//! (`group_name`), a group's or a repetition row's struct (`nested_path`).
//! Settling is bounded by construction: every loop runs over a finite list
//! of candidates, and a set that no candidate makes unique is reported,
//! never retried.

use std::collections::{BTreeMap, BTreeSet};

use heck::{ToSnakeCase, ToUpperCamelCase};

use tl_parser::ast::{Field, FieldType};

use super::{FieldModel, RustPath};

/// Rust keywords that a raw identifier (`r#type`) can stand for.
const RAW_KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "dyn", "else", "enum", "extern", "false",
    "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub",
    "ref", "return", "static", "struct", "trait", "true", "type", "unsafe", "use", "where",
    "while", "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof",
    "unsized", "virtual", "yield", "try",
];

/// Keywords that cannot be raw identifiers; they get a trailing underscore.
const NON_RAW_KEYWORDS: &[&str] = &["self", "Self", "super", "crate", "_"];

/// A field or module name: snake_case, keywords escaped (`r#type`, `self_`),
/// a leading digit prefixed with `_`.
pub fn escape_ident(snake: &str) -> String {
    if NON_RAW_KEYWORDS.contains(&snake) {
        format!("{snake}_")
    } else if RAW_KEYWORDS.contains(&snake) {
        format!("r#{snake}")
    } else if snake.starts_with(|c: char| c.is_ascii_digit()) {
        format!("_{snake}")
    } else {
        snake.to_owned()
    }
}

/// The module name for a TL namespace segment (`tonNode` → `ton_node`).
pub fn module_name(segment: &str) -> String {
    escape_ident(&segment.to_snake_case())
}

/// The struct or enum name for the last segment of a TL name
/// (`importChatInvite` → `ImportChatInvite`, `P_Q_inner_data` → `PQInnerData`).
pub fn type_name(segment: &str) -> String {
    let name = segment.to_upper_camel_case();
    match name.as_str() {
        "" => "Unnamed".to_owned(),
        "Self" => "Self_".to_owned(),
        _ if name.starts_with(|c: char| c.is_ascii_digit()) => format!("T{name}"),
        _ => name,
    }
}

/// One known RPC error as [`error_variant_names`] sees it.
#[derive(Debug, Clone, Copy)]
pub struct ErrorNaming<'a> {
    /// The name as the tables spell it (`FILE_REFERENCE_X_EXPIRED`).
    pub name: &'a str,
    /// The field holding its number, for a name with one (`index`).
    pub number_field: Option<&'a str>,
    /// Its usual code.
    pub code: i32,
}

/// The variant names of typed RPC errors, one per error, in order.
///
/// Each is the name without its number placeholder in UpperCamelCase
/// (`FLOOD_WAIT_X` → `FloodWait`), with `Error` in front of one that starts
/// with a digit (`2FA_CONFIRM_WAIT_X` → `Error2faConfirmWait`). Where two
/// errors would share a name, what tells them apart is added to it:
/// 1. the one with a number gets `With` and its field
///    (`FILE_REFERENCE_EXPIRED` → `FileReferenceExpired`,
///    `FILE_REFERENCE_X_EXPIRED` with field `index` →
///    `FileReferenceExpiredWithIndex`);
/// 2. one not spelled in upper case, as Telegram's names are, gets its
///    code (`TIMEOUT` 500 → `Timeout`, `Timeout` -503 →
///    `TimeoutCodeMinus503`).
///
/// `Other` is left for unknown errors. Should a name still repeat, it gets
/// the first free number from 2 (no real table needs it).
pub fn error_variant_names(errors: &[ErrorNaming<'_>]) -> Vec<String> {
    let base = |e: &ErrorNaming<'_>| {
        let words: Vec<&str> = e.name.split('_').filter(|w| *w != "X").collect();
        let base = words.join("_").to_upper_camel_case();
        if base.is_empty() {
            "Unnamed".to_owned()
        } else if base.starts_with(|c: char| c.is_ascii_digit()) {
            format!("Error{base}")
        } else {
            base
        }
    };
    let bases: Vec<String> = errors.iter().map(base).collect();
    let mut count: BTreeMap<&str, usize> = BTreeMap::from([("Other", 1)]);
    for b in &bases {
        *count.entry(b).or_default() += 1;
    }
    let mut taken: BTreeSet<String> = BTreeSet::from(["Other".to_owned()]);
    errors
        .iter()
        .zip(&bases)
        .map(|(e, b)| {
            let mut name = b.clone();
            if count[b.as_str()] > 1 {
                if let Some(field) = e.number_field {
                    name = format!("{name}With{}", field.to_upper_camel_case());
                } else if e.name != e.name.to_ascii_uppercase() {
                    let code = e.code.unsigned_abs();
                    let sign = if e.code < 0 { "Minus" } else { "" };
                    name = format!("{name}Code{sign}{code}");
                }
            }
            let mut candidate = name.clone();
            let mut n = 2;
            while !taken.insert(candidate.clone()) {
                candidate = format!("{name}{n}");
                n += 1;
            }
            candidate
        })
        .collect()
}

/// A field name for a TL field name (`g_a` → `g_a`, `type` → `r#type`).
pub fn field_name(tl: &str) -> String {
    escape_ident(&tl.to_snake_case())
}

/// Names the generated (de)serializers use for their own locals: the reader
/// `r` of every field, and `out`, the writer, next to the local a flags word
/// is computed into.
const READER_LOCAL: &str = "r";
const WRITER_LOCAL: &str = "out";

/// The Rust names of one declaration's fields, in order: [`field_name`] of
/// each, then made unique. `flags_words` are the TL names of the `#` fields
/// that conditional fields refer to.
///
/// A name that is taken (by an earlier field, or by a local of the generated
/// code: `r`, or `out` for a flags word) gets the first free of `name_2`,
/// `name_3`, ...: with `n` fields at most `n` names are taken, so one of the
/// first `n + 1` candidates is free and the search always ends.
pub fn field_names<'a>(
    fields: impl IntoIterator<Item = &'a str>,
    flags_words: &BTreeSet<&str>,
) -> Vec<String> {
    let fields: Vec<&str> = fields.into_iter().collect();
    let mut taken: BTreeSet<String> = BTreeSet::new();
    let mut out = Vec::with_capacity(fields.len());
    for tl in &fields {
        let name = field_name(tl);
        let reserved = name == READER_LOCAL || (name == WRITER_LOCAL && flags_words.contains(tl));
        let chosen = if !reserved && !taken.contains(&name) {
            name
        } else {
            let base = name.trim_start_matches("r#");
            (2..=fields.len() + 2)
                .map(|n| format!("{base}_{n}"))
                .find(|candidate| !taken.contains(candidate))
                // Unreachable by the counting argument above; a name that
                // does not compile is better than a loop that never ends.
                .unwrap_or_else(|| format!("{base}_"))
        };
        taken.insert(chosen.clone());
        out.push(chosen);
    }
    out
}

/// Maps TL names to Rust paths: namespaces become modules, the last segment
/// the item name. Two TL names that give the same path get `2`, `3`, ...
/// suffixes in TL-name order; the suffix search is bounded like
/// [`field_names`]'s.
pub fn assign_paths<'a>(names: impl IntoIterator<Item = &'a str>) -> BTreeMap<String, RustPath> {
    let sorted: BTreeSet<&str> = names.into_iter().collect();
    let limit = sorted.len() + 2;
    let mut taken: BTreeSet<RustPath> = BTreeSet::new();
    let mut out = BTreeMap::new();
    for tl in sorted {
        let natural = natural_path(tl);
        let path = if taken.contains(&natural) {
            (2..=limit)
                .map(|n| RustPath {
                    module: natural.module.clone(),
                    name: format!("{}{n}", natural.name),
                })
                .find(|candidate| !taken.contains(candidate))
                .unwrap_or(natural)
        } else {
            natural
        };
        taken.insert(path.clone());
        out.insert(tl.to_owned(), path);
    }
    out
}

/// The path of a TL name before collisions are settled.
fn natural_path(tl: &str) -> RustPath {
    let mut segments: Vec<&str> = tl.split('.').collect();
    let base = segments.pop().unwrap_or(tl);
    RustPath {
        module: segments.iter().map(|s| module_name(s)).collect(),
        name: type_name(base),
    }
}

/// A constructor as [`variant_names`] sees it.
#[derive(Debug, Clone, Copy)]
pub struct VariantSource<'a> {
    /// The constructor's TL name (`db.lt.el.key`).
    pub tl_name: &'a str,
    /// The name of its struct (`Key`).
    pub struct_name: &'a str,
}

/// The variant names of one enum, one per constructor, in order.
///
/// Three schemes are tried for the whole enum, and the first that gives
/// unique names wins:
///
/// 1. the struct name with the enum's name taken off the front
///    (`InputPeerChat` in `InputPeer` → `Chat`); a constructor for which that
///    leaves no valid name (`InputPeerSelf` → `Self`) keeps its struct name;
/// 2. the struct names;
/// 3. the constructor's TL name without the namespaces it shares with the
///    type, in UpperCamelCase (`db.lt.el.key` in `db.lt.Key` → `ElKey`).
///
/// When none does, the error names the variant that still collides.
pub fn variant_names(
    enum_tl_name: &str,
    enum_name: &str,
    ctors: &[VariantSource<'_>],
) -> Result<Vec<String>, String> {
    let stripped: Vec<String> = ctors
        .iter()
        .map(|c| strip_enum_name(c.struct_name, enum_name))
        .collect();
    let full: Vec<String> = ctors.iter().map(|c| c.struct_name.to_owned()).collect();
    let relative: Vec<String> = ctors
        .iter()
        .map(|c| relative_name(c.tl_name, enum_tl_name))
        .collect();
    let mut last = Vec::new();
    for names in [stripped, full, relative] {
        match first_duplicate(&names) {
            None => return Ok(names),
            Some(_) => last = names,
        }
    }
    let duplicate = first_duplicate(&last).unwrap_or_default();
    Err(format!(
        "no unique Rust variant names for the constructors of `{enum_tl_name}`: \
         `{duplicate}` stands for more than one"
    ))
}

/// `InputPeerChat` in `InputPeer` → `Chat`; the whole name when stripping
/// leaves nothing usable.
fn strip_enum_name(struct_name: &str, enum_name: &str) -> String {
    match struct_name.strip_prefix(enum_name) {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_uppercase()) && rest != "Self" => {
            rest.to_owned()
        }
        _ => struct_name.to_owned(),
    }
}

/// The segments of `ctor` after the namespaces it shares with `ty`, joined in
/// UpperCamelCase (`db.lt.el.key` in `db.lt.Key` → `ElKey`).
fn relative_name(ctor: &str, ty: &str) -> String {
    let ctor_segments: Vec<&str> = ctor.split('.').collect();
    let type_namespaces: Vec<&str> = ty.split('.').collect();
    let type_namespaces = &type_namespaces[..type_namespaces.len() - 1];
    let shared = ctor_segments
        .iter()
        .zip(type_namespaces)
        .take_while(|(a, b)| a == b)
        .count()
        .min(ctor_segments.len() - 1);
    type_name(&ctor_segments[shared..].join("_"))
}

fn first_duplicate(names: &[String]) -> Option<String> {
    let mut seen = BTreeSet::new();
    names.iter().find(|n| !seen.insert(n.as_str())).cloned()
}

/// The variant names of `AnyFunction`, one per function path, in order: the
/// modules and the name in UpperCamelCase (`messages::GetChats` →
/// `MessagesGetChats`), so functions of different namespaces stay apart. A
/// name already taken gets the first free numeric suffix, bounded like
/// [`field_names`].
pub fn any_function_names<'a>(paths: impl IntoIterator<Item = &'a RustPath>) -> Vec<String> {
    let naturals: Vec<String> = paths
        .into_iter()
        .map(|path| {
            let mut name: String = path
                .module
                .iter()
                .map(|m| type_name(m.trim_start_matches("r#")))
                .collect();
            name.push_str(&path.name);
            name
        })
        .collect();
    let limit = naturals.len() + 2;
    let mut taken: BTreeSet<String> = BTreeSet::new();
    naturals
        .iter()
        .map(|natural| {
            let chosen = if taken.contains(natural) {
                (2..=limit)
                    .map(|n| format!("{natural}{n}"))
                    .find(|c| !taken.contains(c) && !naturals.contains(c))
                    .unwrap_or_else(|| natural.clone())
            } else {
                natural.clone()
            };
            taken.insert(chosen.clone());
            chosen
        })
        .collect()
}

/// The TL name of each field; an anonymous one gets `count` (a `#`),
/// `items` (a repetition) or `field{N}`, with its position added if a named
/// field already has that name.
pub(super) fn tl_names(fields: &[Field]) -> Vec<String> {
    let named: BTreeSet<&str> = fields
        .iter()
        .filter_map(|f| f.name.as_ref().map(|n| n.name.as_str()))
        .collect();
    fields
        .iter()
        .enumerate()
        .map(|(i, f)| match &f.name {
            Some(name) => name.name.to_string(),
            None => {
                let base = match f.ty {
                    FieldType::Nat => "count".to_owned(),
                    FieldType::Repeat { .. } => "items".to_owned(),
                    _ => format!("field{i}"),
                };
                if named.contains(base.as_str()) {
                    format!("{base}{i}")
                } else {
                    base
                }
            }
        })
        .collect()
}

/// `{Parent}{Name}{Suffix}` beside the parent struct (a group's or a row's
/// struct), made unique among `taken` (the constructor structs and the other
/// nested structs) with a number: `{Parent}{Name}{Suffix}2`, ...
pub(super) fn nested_path(
    taken: &mut BTreeSet<RustPath>,
    parent: &RustPath,
    name: &str,
    suffix: &str,
) -> RustPath {
    let base = format!("{}{name}{suffix}", parent.name);
    let candidates =
        std::iter::once(base.clone()).chain((2..=taken.len() + 2).map(|n| format!("{base}{n}")));
    let mut chosen = RustPath {
        module: parent.module.clone(),
        name: base.clone(),
    };
    for name in candidates {
        let path = RustPath {
            module: parent.module.clone(),
            name,
        };
        if !taken.contains(&path) {
            chosen = path;
            break;
        }
    }
    taken.insert(chosen.clone());
    chosen
}

/// The Rust name of a group of fields sharing a bit: the `true` flag's name
/// if one is among them (`bot` for `bot:flags.14?true bot_info_version:flags.14?int`),
/// else the words their names start with (`saved_from` for `saved_from_peer`
/// and `saved_from_msg_id`), else their names joined by `_and_`; made
/// unique among `taken`.
pub(super) fn group_name(
    fields: &[FieldModel],
    members: &[usize],
    first_true: Option<usize>,
    taken: &mut BTreeSet<String>,
) -> String {
    let base = match first_true {
        Some(i) => fields[i].rust_name.trim_start_matches("r#").to_owned(),
        None => {
            let words: Vec<Vec<&str>> = members
                .iter()
                .map(|&i| fields[i].tl_name.split('_').collect())
                .collect();
            let common = words[0]
                .iter()
                .enumerate()
                .take_while(|(k, w)| words.iter().all(|ws| ws.get(*k) == Some(w)))
                .count();
            let shortest = words.iter().map(Vec::len).min().unwrap_or(0);
            if common > 0 && common < shortest {
                words[0][..common].join("_")
            } else {
                members
                    .iter()
                    .map(|&i| fields[i].tl_name.as_str())
                    .collect::<Vec<_>>()
                    .join("_and_")
            }
        }
    };
    let base = field_name(&base);
    // A `true` flag's own name is free: the flag is folded into the group.
    let own = first_true.map(|i| fields[i].rust_name.clone());
    let chosen = std::iter::once(base.clone())
        .chain((2..=taken.len() + 2).map(|n| format!("{}_{n}", base.trim_start_matches("r#"))))
        .find(|c| Some(c) == own.as_ref() || !taken.contains(c))
        .unwrap_or(base);
    taken.insert(chosen.clone());
    chosen
}

#[cfg(test)]
mod tests {
    #[test]
    fn error_variants() {
        let e = |name, number_field, code| super::ErrorNaming {
            name,
            number_field,
            code,
        };
        assert_eq!(
            super::error_variant_names(&[
                e("FLOOD_WAIT_X", Some("seconds"), 420),
                e("2FA_CONFIRM_WAIT_X", Some("seconds"), 420),
                e("FILE_PART_X_MISSING", Some("which"), 400),
                e("Timedout", None, 400),
                e("OTHER", None, 400),
                e("FILE_REFERENCE_EXPIRED", None, 400),
                e("FILE_REFERENCE_X_EXPIRED", Some("index"), 400),
                e("TIMEOUT", None, 500),
                e("Timeout", None, -503),
                e("SAME", None, 400),
                e("SAME", None, 400),
            ]),
            [
                "FloodWait",
                "Error2faConfirmWait",
                "FilePartMissing",
                "Timedout",
                "Other2",
                "FileReferenceExpired",
                "FileReferenceExpiredWithIndex",
                "Timeout",
                "TimeoutCodeMinus503",
                "Same",
                "Same2",
            ]
        );
    }

    use super::*;

    fn path(module: &[&str], name: &str) -> RustPath {
        RustPath {
            module: module.iter().map(|m| (*m).to_owned()).collect(),
            name: name.to_owned(),
        }
    }

    #[test]
    fn keywords_are_escaped() {
        assert_eq!(escape_ident("type"), "r#type");
        assert_eq!(escape_ident("gen"), "r#gen");
        assert_eq!(escape_ident("self"), "self_");
        assert_eq!(escape_ident("Self"), "Self_");
        assert_eq!(escape_ident("crate"), "crate_");
        assert_eq!(escape_ident("_"), "__");
        assert_eq!(escape_ident("2fa"), "_2fa");
        assert_eq!(escape_ident("plain"), "plain");
    }

    #[test]
    fn module_names_are_snake_case() {
        assert_eq!(module_name("tonNode"), "ton_node");
        assert_eq!(module_name("messages"), "messages");
        assert_eq!(module_name("mod"), "r#mod");
        assert_eq!(module_name("super"), "super_");
    }

    #[test]
    fn type_names_are_upper_camel_case() {
        assert_eq!(type_name("importChatInvite"), "ImportChatInvite");
        assert_eq!(type_name("P_Q_inner_data"), "PQInnerData");
        assert_eq!(
            type_name("Set_client_DH_params_answer"),
            "SetClientDhParamsAnswer"
        );
        assert_eq!(type_name("2fa"), "T2fa");
        assert_eq!(type_name("self"), "Self_");
        assert_eq!(type_name("_"), "Unnamed");
    }

    #[test]
    fn field_names_are_snake_case_and_escaped() {
        assert_eq!(field_name("type"), "r#type");
        assert_eq!(field_name("self"), "self_");
        assert_eq!(field_name("g_a"), "g_a");
        assert_eq!(field_name("eager_0"), "eager_0");
        assert_eq!(field_name("randomId"), "random_id");
    }

    #[test]
    fn field_names_are_unique_and_avoid_the_generated_locals() {
        let none = BTreeSet::new();
        assert_eq!(field_names(["a", "b"], &none), ["a", "b"]);
        // The same TL name three times (the validator rejects it, but the
        // names must still settle).
        assert_eq!(field_names(["a", "a", "a"], &none), ["a", "a_2", "a_3"]);
        // Different TL names with one snake_case form.
        assert_eq!(
            field_names(["fooBar", "foo_bar"], &none),
            ["foo_bar", "foo_bar_2"]
        );
        // A natural name equal to a later suffix.
        assert_eq!(field_names(["x", "x", "x_2"], &none), ["x", "x_2", "x_2_2"]);
        assert_eq!(field_names(["type", "type"], &none), ["r#type", "type_2"]);
        // `r` is the reader in every deserializer.
        assert_eq!(field_names(["r"], &none), ["r_2"]);
        // `out` is the writer: only a flags word becomes a local next to it.
        assert_eq!(field_names(["out"], &none), ["out"]);
        let flags = BTreeSet::from(["out"]);
        assert_eq!(field_names(["out"], &flags), ["out_2"]);
    }

    #[test]
    fn field_names_end_on_any_input() {
        let many: Vec<String> = (0..300).map(|_| "a".to_owned()).collect();
        let names = field_names(many.iter().map(String::as_str), &BTreeSet::new());
        let unique: BTreeSet<&String> = names.iter().collect();
        assert_eq!(unique.len(), 300);
        assert_eq!(names[299], "a_300");
    }

    #[test]
    fn paths_follow_namespaces_and_settle_collisions_in_tl_order() {
        let paths = assign_paths(["tonNode.shardId", "foo", "Foo", "a.b.c"]);
        assert_eq!(paths["tonNode.shardId"], path(&["ton_node"], "ShardId"));
        assert_eq!(paths["a.b.c"], path(&["a", "b"], "C"));
        // `Foo` sorts before `foo`.
        assert_eq!(paths["Foo"], path(&[], "Foo"));
        assert_eq!(paths["foo"], path(&[], "Foo2"));
    }

    #[test]
    fn paths_skip_suffixes_that_are_natural_names() {
        let paths = assign_paths(["Foo", "foo", "foo2", "Foo_"]);
        let names: BTreeSet<&str> = paths.values().map(|p| p.name.as_str()).collect();
        assert_eq!(names.len(), 4, "{paths:?}");
    }

    fn sources<'a>(pairs: &'a [(&'a str, &'a str)]) -> Vec<VariantSource<'a>> {
        pairs
            .iter()
            .map(|(tl_name, struct_name)| VariantSource {
                tl_name,
                struct_name,
            })
            .collect()
    }

    #[test]
    fn variants_drop_the_enum_name() {
        let ctors = sources(&[
            ("inputPeerChat", "InputPeerChat"),
            ("inputPeerEmpty", "InputPeerEmpty"),
            ("inputPeerSelf", "InputPeerSelf"),
        ]);
        assert_eq!(
            variant_names("InputPeer", "InputPeer", &ctors).unwrap(),
            ["Chat", "Empty", "InputPeerSelf"]
        );
        // `InputPeers` is no variant of `InputPeer` (`s` is not a new word).
        let ctors = sources(&[("inputPeers", "InputPeers")]);
        assert_eq!(
            variant_names("InputPeer", "InputPeer", &ctors).unwrap(),
            ["InputPeers"]
        );
    }

    #[test]
    fn variants_keep_struct_names_when_stripping_collides() {
        // Stripped, `BarFoo` in `Bar` would be `Foo`, which another
        // constructor's struct is already called.
        let ctors = sources(&[("barFoo", "BarFoo"), ("foo", "Foo")]);
        assert_eq!(
            variant_names("Bar", "Bar", &ctors).unwrap(),
            ["BarFoo", "Foo"]
        );
    }

    #[test]
    fn variants_fall_back_to_names_relative_to_the_namespace() {
        let ctors = sources(&[
            ("db.lt.desc.key", "Key"),
            ("db.lt.el.key", "Key"),
            ("db.lt.shard.key", "Key"),
            ("db.lt.status.key", "Key"),
        ]);
        assert_eq!(
            variant_names("db.lt.Key", "Key", &ctors).unwrap(),
            ["DescKey", "ElKey", "ShardKey", "StatusKey"]
        );
        let ctors = sources(&[
            ("dht.config.local", "Local"),
            ("dht.config.random.local", "Local"),
        ]);
        assert_eq!(
            variant_names("dht.config.Local", "Local", &ctors).unwrap(),
            ["Local", "RandomLocal"]
        );
        // Constructors outside the type's namespace keep all their segments.
        let ctors = sources(&[("a.item", "Item"), ("b.item", "Item")]);
        assert_eq!(
            variant_names("Item", "Item", &ctors).unwrap(),
            ["AItem", "BItem"]
        );
    }

    #[test]
    fn variants_that_no_scheme_separates_are_an_error() {
        let ctors = sources(&[("a.fooBar", "FooBar"), ("a.foo_bar", "FooBar")]);
        assert_eq!(
            variant_names("a.T", "T", &ctors).unwrap_err(),
            "no unique Rust variant names for the constructors of `a.T`: `FooBar` stands for more than one"
        );
    }

    #[test]
    fn any_function_names_include_the_namespaces() {
        let paths = [
            path(&["channels"], "GetChats"),
            path(&["messages"], "GetChats"),
            path(&[], "InvokeWithLayer"),
            path(&["r#type"], "Get"),
            path(&["ton_node"], "Query"),
        ];
        assert_eq!(
            any_function_names(&paths),
            [
                "ChannelsGetChats",
                "MessagesGetChats",
                "InvokeWithLayer",
                "TypeGet",
                "TonNodeQuery"
            ]
        );
        // `a::BC` and `a_b::C` both give `ABC`; the later one takes the first
        // suffix that is no other function's natural name.
        let paths = [path(&["a"], "BC"), path(&["a_b"], "C"), path(&[], "ABC2")];
        assert_eq!(any_function_names(&paths), ["ABC", "ABC3", "ABC2"]);
    }
}
