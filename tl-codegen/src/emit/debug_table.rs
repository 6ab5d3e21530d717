//! `Debug` and TDLib's JSON from one table (`tl_runtime::debug`,
//! `tl_runtime::json::read_bare` and `write_bare`): which types the table
//! describes, the table, and the one-line impls.
//!
//! A type is described when everything its encoding holds can be printed
//! from the table: numbers, text, `bytes` (not zero-copy), `Bool`, flags,
//! vectors, TDLib's nullable values, and boxed types and bare constructors
//! that are described themselves. Anything else (repetitions, arrays,
//! `Object`, generic functions, stored flags words, an id two constructors
//! or two functions share) keeps a derived `Debug`, and so does every type
//! that reaches it. With TDLib's JSON the table also reads and writes the
//! described types' JSON; it then leaves out the constructors and functions with
//! conditional fields or a field whose Rust name is not its JSON key (none
//! in TDLib's schema), whose impls stay written out.

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use super::Context;
use super::paths::Here;
use crate::model::{FieldKind, FieldModel, Model, RustPath, WireType};

/// The name of the table's static at the generated root.
const TABLE: &str = "TYPE_TABLE";

/// Which types the table describes. The impls find their records by id,
/// so that they name no index (an index would change in every impl when a
/// layer adds a constructor).
#[derive(Debug, Clone, Default)]
pub struct DebugTable {
    /// The id of each described constructor, by its path under `types`.
    constructors: BTreeMap<RustPath, u32>,
    /// The described functions, by path under `functions`.
    functions: BTreeSet<RustPath>,
    /// The TL name of each described boxed type, by path under `enums`.
    enums: BTreeMap<RustPath, String>,
    /// Whether the described types print `Debug` from the table.
    debug: bool,
    /// Whether the described types read and write TDLib's JSON by the table.
    json: bool,
    /// Whether described functions read and write TDLib's JSON by the
    /// table (they decode, which reading through the table needs).
    function_json: bool,
    /// Whether every constructor is described (`AnyObject` reads and
    /// writes JSON by the table).
    all_constructors: bool,
    /// Whether every function is described (the same for `AnyFunction`).
    all_functions: bool,
}

/// The model's lookups the description needs.
struct Lookup<'m> {
    constructor: BTreeMap<&'m RustPath, usize>,
    boxed: BTreeMap<&'m RustPath, usize>,
    zero_copy: bool,
    /// Whether the table reads and writes TDLib's JSON too.
    json: bool,
}

impl Lookup<'_> {
    fn ty(&self, ty: &WireType, ctor_ok: &[bool], type_ok: &[bool]) -> bool {
        match ty {
            WireType::Int
            | WireType::Long
            | WireType::Int53
            | WireType::Double
            | WireType::Nat
            | WireType::Int128
            | WireType::Int256
            | WireType::String
            | WireType::Bool => true,
            WireType::Bytes => !self.zero_copy,
            WireType::Vector { elem, .. } | WireType::Nullable(elem) => {
                self.ty(elem, ctor_ok, type_ok)
            }
            WireType::Boxed(path) => self.boxed.get(path).is_some_and(|&k| type_ok[k]),
            WireType::Bare(path) => self.constructor.get(path).is_some_and(|&i| ctor_ok[i]),
            _ => false,
        }
    }

    fn fields(&self, fields: &[FieldModel], ctor_ok: &[bool], type_ok: &[bool]) -> bool {
        fields.iter().all(|f| match &f.kind {
            // TDLib's JSON: each field a value under its TL name.
            _ if self.json
                && (f.rust_name.trim_start_matches("r#") != f.tl_name
                    || !matches!(f.kind, FieldKind::Value { flag: None, .. })) =>
            {
                false
            }
            FieldKind::Flags { keep_other_bits } => !keep_other_bits,
            FieldKind::TrueFlag(_) | FieldKind::Group { .. } => true,
            FieldKind::Value { ty, .. } => self.ty(ty, ctor_ok, type_ok),
            FieldKind::Count { .. } => false,
        })
    }
}

impl DebugTable {
    /// The table of `model`: every type whose `Debug` it can print (and,
    /// with `json`, whose TDLib JSON it can read), found by taking out what
    /// it cannot describe until nothing changes. Empty when the
    /// configuration asks for neither `Debug` nor TDLib's JSON.
    pub fn new(
        model: &Model,
        derive_debug: bool,
        json: bool,
        function_decoding: bool,
        zero_copy: bool,
    ) -> DebugTable {
        if !derive_debug && !json {
            return DebugTable::default();
        }
        let lookup = Lookup {
            constructor: model
                .constructors
                .iter()
                .enumerate()
                .map(|(i, c)| (&c.path, i))
                .collect(),
            boxed: model
                .types
                .iter()
                .enumerate()
                .map(|(k, t)| (&t.path, k))
                .collect(),
            zero_copy,
            json,
        };
        // Records are found by id: an id two constructors (or two
        // functions) share leaves both out.
        let mut ids: BTreeMap<(bool, u32), usize> = BTreeMap::new();
        for c in &model.constructors {
            *ids.entry((false, c.id)).or_default() += 1;
        }
        for f in &model.functions {
            *ids.entry((true, f.id)).or_default() += 1;
        }
        let unique = |function: bool, id: u32| ids.get(&(function, id)) == Some(&1);
        let mut ctor_ok: Vec<bool> = model
            .constructors
            .iter()
            .map(|c| unique(false, c.id))
            .collect();
        let mut type_ok = vec![true; model.types.len()];
        loop {
            let mut changed = false;
            for (i, c) in model.constructors.iter().enumerate() {
                if ctor_ok[i] && !lookup.fields(&c.fields, &ctor_ok, &type_ok) {
                    ctor_ok[i] = false;
                    changed = true;
                }
            }
            for (k, t) in model.types.iter().enumerate() {
                if type_ok[k] && !t.variants.iter().all(|v| ctor_ok[v.constructor]) {
                    type_ok[k] = false;
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        let functions: BTreeSet<RustPath> = model
            .functions
            .iter()
            .filter(|f| {
                f.generic.is_none()
                    && unique(true, f.id)
                    && lookup.fields(&f.fields, &ctor_ok, &type_ok)
            })
            .map(|f| f.path.clone())
            .collect();
        DebugTable {
            constructors: model
                .constructors
                .iter()
                .enumerate()
                .filter(|(i, _)| ctor_ok[*i])
                .map(|(_, c)| (c.path.clone(), c.id))
                .collect(),
            all_constructors: ctor_ok.iter().all(|ok| *ok),
            all_functions: functions.len() == model.functions.len(),
            functions,
            enums: model
                .types
                .iter()
                .enumerate()
                .filter(|(k, _)| type_ok[*k])
                .map(|(_, t)| (t.path.clone(), t.tl_name.clone()))
                .collect(),
            debug: derive_debug,
            json,
            function_json: json && function_decoding,
        }
    }

    /// Whether any type is described (else there is no table to emit).
    fn is_empty(&self) -> bool {
        self.constructors.is_empty() && self.functions.is_empty() && self.enums.is_empty()
    }

    /// The one-line `Debug` impl of the constructor struct at `path`, if
    /// the table describes it.
    pub fn constructor_impl(
        &self,
        path: &RustPath,
        here: Here,
        cx: &Context<'_>,
    ) -> Option<TokenStream> {
        (self.debug && self.constructors.contains_key(path))
            .then(|| fmt_impl(path, "bare", here, cx))
    }

    /// The one-line `Debug` impl of the function struct at `path`, if the
    /// table describes it.
    pub fn function_impl(
        &self,
        path: &RustPath,
        here: Here,
        cx: &Context<'_>,
    ) -> Option<TokenStream> {
        (self.debug && self.functions.contains(path)).then(|| fmt_impl(path, "function", here, cx))
    }

    /// The one-line `Debug` impl of the boxed type's enum at `path`, if the
    /// table describes it.
    pub fn enum_impl(&self, path: &RustPath, here: Here, cx: &Context<'_>) -> Option<TokenStream> {
        (self.debug && self.enums.contains_key(path)).then(|| fmt_impl(path, "boxed", here, cx))
    }

    /// How the constructor struct at `path` reads and writes TDLib's JSON
    /// by the table, if it does.
    pub fn json_constructor(
        &self,
        path: &RustPath,
        here: Here,
        cx: &Context<'_>,
    ) -> Option<JsonCalls> {
        let described = self.json && self.constructors.contains_key(path);
        table_calls(described, here, cx, |rt, table| JsonCalls {
            read: quote!(#rt::json::read_bare(deserializer, &#table)),
            write: quote!(#rt::json::write_bare(self, &#table, serializer)),
        })
    }

    /// The same for the function struct at `path`.
    pub fn json_function(
        &self,
        path: &RustPath,
        here: Here,
        cx: &Context<'_>,
    ) -> Option<JsonCalls> {
        let described = self.function_json && self.functions.contains(path);
        table_calls(described, here, cx, |rt, table| JsonCalls {
            read: quote!(#rt::json::read_function(deserializer, &#table)),
            write: quote!(#rt::json::write_function(self, &#table, serializer)),
        })
    }

    /// The same for the boxed type's enum at `path` (reading is
    /// `TaggedUnion::deserialize_body`'s: the object's other keys, `body`).
    pub fn json_enum(&self, path: &RustPath, here: Here, cx: &Context<'_>) -> Option<JsonCalls> {
        let described = self.json && self.enums.contains_key(path);
        table_calls(described, here, cx, |rt, table| JsonCalls {
            read: quote!(#rt::json::read_boxed(tag, body, &#table, Self::TYPE_NAME)),
            write: quote!(#rt::json::write_boxed(self, &#table, serializer)),
        })
    }

    /// The same for `AnyObject`, when every constructor is described.
    pub fn json_any_object(&self, here: Here, cx: &Context<'_>) -> Option<JsonCalls> {
        let described = self.json && self.all_constructors;
        table_calls(described, here, cx, |rt, table| JsonCalls {
            read: quote!(#rt::json::read_any_object(tag, body, &#table)),
            write: quote!(#rt::json::write_boxed(self, &#table, serializer)),
        })
    }

    /// The same for `AnyFunction`, when every function is described.
    pub fn json_any_function(&self, here: Here, cx: &Context<'_>) -> Option<JsonCalls> {
        let described = self.function_json && self.all_functions;
        table_calls(described, here, cx, |rt, table| JsonCalls {
            read: quote!(#rt::json::read_any_function(tag, body, &#table)),
            write: quote!(#rt::json::write_function(self, &#table, serializer)),
        })
    }

    /// The table, a static at the generated root; nothing when no type is
    /// described. One string of records and, for constructors and
    /// functions apart, each id with where its record starts (the format is
    /// `tl_runtime::debug`'s).
    pub fn table(&self, model: &Model, cx: &Context<'_>) -> TokenStream {
        if self.is_empty() {
            return quote!();
        }
        let rt = &cx.runtime;
        let table = quote::format_ident!("{}", TABLE);
        let mut variants: BTreeMap<usize, (&str, bool)> = BTreeMap::new();
        for t in &model.types {
            for v in &t.variants {
                variants.insert(v.constructor, (&v.name, v.unit));
            }
        }
        let mut text = String::new();
        let mut constructors: BTreeMap<u32, u32> = BTreeMap::new();
        let mut functions: BTreeMap<u32, u32> = BTreeMap::new();
        let offset = |text: &String| u32::try_from(text.len()).unwrap_or(u32::MAX);
        for (i, c) in model.constructors.iter().enumerate() {
            if self.constructors.contains_key(&c.path) {
                constructors.insert(c.id, offset(&text));
                let (variant, unit) = variants.get(&i).copied().unwrap_or(("-", false));
                let unit = u8::from(unit);
                text.push_str(&format!(
                    "{} {variant} {unit} {} {} ",
                    c.path.name, c.tl_name, c.result
                ));
                text.push_str(&self.fields(&c.fields));
                text.push('\n');
            }
        }
        for f in &model.functions {
            if self.functions.contains(&f.path) {
                functions.insert(f.id, offset(&text));
                text.push_str(&format!("{} - 0 {} - ", f.path.name, f.tl_name));
                text.push_str(&self.fields(&f.fields));
                text.push('\n');
            }
        }
        let pairs = |pairs: Vec<(u32, u32)>| -> Vec<TokenStream> {
            pairs
                .into_iter()
                .flat_map(|(id, offset)| {
                    [
                        super::hex_literal(id),
                        proc_macro2::Literal::u32_unsuffixed(offset),
                    ]
                })
                .map(|l| quote!(#l))
                .collect()
        };
        let (constructors, functions) = (
            pairs(constructors.into_iter().collect()),
            pairs(functions.into_iter().collect()),
        );
        let what = match (self.debug, self.json) {
            (true, true) => {
                " What the `Debug` impls of the generated types print from, and their serde impls read and write TDLib's JSON by."
            }
            (false, true) => {
                " What the serde impls of the generated types read and write TDLib's JSON by."
            }
            _ => " What the `Debug` impls of the generated types print from.",
        };
        quote! {
            #[doc = #what]
            static #table: #rt::debug::Layer = #rt::debug::Layer::new(
                #text,
                &[#(#constructors),*],
                &[#(#functions),*],
            );
        }
    }

    /// A record's fields: their count, then each in wire order (a `true`
    /// flag that a group stands for has no bytes and no field: left out).
    fn fields(&self, fields: &[FieldModel]) -> String {
        let listed: Vec<&FieldModel> = fields
            .iter()
            .filter(|f| !(f.group.is_some() && matches!(f.kind, FieldKind::TrueFlag(_))))
            .collect();
        let position = |tl_name: &str, in_group: bool| {
            listed
                .iter()
                .position(|f| f.tl_name == tl_name && f.group.is_some() == in_group)
                .unwrap_or(usize::MAX)
        };
        let flag_of =
            |bit: &crate::model::FlagBit| format!("{} {}", position(&bit.field, false), bit.bit);
        let mut line = listed.len().to_string();
        for f in &listed {
            let field_name = f.rust_name.strip_prefix("r#").unwrap_or(&f.rust_name);
            let shown = u8::from(f.group.is_none());
            let kind = match &f.kind {
                FieldKind::Flags { .. } | FieldKind::Count { .. } => "f".to_owned(),
                FieldKind::TrueFlag(bit) => format!("t {}", flag_of(bit)),
                FieldKind::Value { ty, flag: None } => format!("v {shown} {}", self.ty(ty)),
                FieldKind::Value {
                    ty,
                    flag: Some(bit),
                } => format!("o {} {shown} {}", flag_of(bit), self.ty(ty)),
                FieldKind::Group {
                    path,
                    flag,
                    members,
                } => {
                    let mut group = format!("g {} {} {}", path.name, flag_of(flag), members.len());
                    for m in members {
                        group.push_str(&format!(" {}", position(m, true)));
                    }
                    group
                }
            };
            line.push_str(&format!(" {field_name} {kind}"));
        }
        line
    }

    /// A value type's tokens (only the types [`Lookup::ty`] accepts reach
    /// here).
    fn ty(&self, ty: &WireType) -> String {
        match ty {
            WireType::Int => "i".to_owned(),
            WireType::Long => "l".to_owned(),
            WireType::Int53 => "j".to_owned(),
            WireType::Double => "d".to_owned(),
            WireType::Nat => "n".to_owned(),
            WireType::Int128 => "a16".to_owned(),
            WireType::Int256 => "a32".to_owned(),
            WireType::String => "s".to_owned(),
            WireType::Bool => "B".to_owned(),
            WireType::Vector { boxed, elem } => {
                format!("{} {}", if *boxed { "V" } else { "v" }, self.ty(elem))
            }
            WireType::Nullable(inner) => format!("N {}", self.ty(inner)),
            WireType::Boxed(path) => format!(
                "E {}",
                self.enums.get(path).map(String::as_str).unwrap_or("-")
            ),
            WireType::Bare(path) => {
                format!("S {}", self.constructors.get(path).copied().unwrap_or(0))
            }
            // `bytes`; nothing else reaches here.
            _ => "b".to_owned(),
        }
    }
}

/// How a described type reads and writes TDLib's JSON by the table: the
/// bodies of its `Deserialize` (or `TaggedUnion::deserialize_body`) and
/// of its `Serialize`, one call into the runtime each.
pub struct JsonCalls {
    /// The call that reads (from `deserializer`, or from `tag` and `body`).
    pub read: TokenStream,
    /// The call that writes `self` into `serializer`.
    pub write: TokenStream,
}

/// `calls(runtime, table)` when `described`: calls into the runtime that
/// name the runtime crate and the table as seen from `here`.
fn table_calls(
    described: bool,
    here: Here,
    cx: &Context<'_>,
    calls: impl FnOnce(&TokenStream, &TokenStream) -> JsonCalls,
) -> Option<JsonCalls> {
    described.then(|| calls(&cx.runtime, &here.root_item(TABLE)))
}

/// `impl Debug` for the item at `path`, whose `fmt` calls
/// `tl_runtime::debug::<function>` with the table.
fn fmt_impl(path: &RustPath, function: &str, here: Here, cx: &Context<'_>) -> TokenStream {
    let rt = &cx.runtime;
    let name: Ident = quote::format_ident!("{}", path.name);
    let function: Ident = quote::format_ident!("{}", function);
    let table = here.root_item(TABLE);
    quote! {
        impl ::core::fmt::Debug for #name {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #rt::debug::#function(self, &#table, f)
            }
        }
    }
}
