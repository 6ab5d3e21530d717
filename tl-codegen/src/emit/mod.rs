//! Model to Rust source: `quote!` tokens per item, modules per namespace,
//! formatted by prettyplease.

mod accessors;
mod conversions;
mod debug_table;
mod enums;
mod errors;
mod fields;
mod long_arrays;
mod new_methods;
mod paths;
mod plain;
mod rustdoc;
mod structs;
mod tdjson;

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::quote;

use crate::config::Config;
use crate::error::Error;
use crate::model::{FieldKind, Model, ModulePath, RustPath};
use debug_table::DebugTable;
use paths::{Here, Root, ident};

/// What emitting code reads: the [`Config`], and the runtime path parsed
/// into tokens once. Each emitting thread makes its own (token streams cannot
/// be shared between threads; the `Config` can).
#[derive(Debug, Clone)]
pub struct Context<'a> {
    /// The options, read as its fields (each default is decided in `config.rs`).
    pub config: &'a Config,
    /// The path generated code reaches the runtime crate by (`::tl_runtime`).
    pub runtime: TokenStream,
    /// Whether a documentation file or a usability table was given (their
    /// doc sections are emitted; an error table alone adds typed errors).
    documented: bool,
    /// Whether the model has typed RPC errors (an `errors` module).
    typed_errors: bool,
    /// Whether items link to their official pages.
    pub official_pages: bool,
    /// Whether functions (and `AnyFunction`) implement `Deserializable`.
    function_decoding: bool,
    /// Whether serde output takes TDLib's JSON shape (`emit/tdjson.rs`).
    tdlib_json: bool,
    /// Which types print `Debug` (and read and write TDLib's JSON) from the
    /// table (`debug_table.rs`), worked out once per output and shared by
    /// every context.
    pub debug: &'a DebugTable,
}

/// What emission works out once per output, before any thread starts, and
/// every [`Context`] shares: two model-wide switches and the table.
#[derive(Debug)]
pub struct Decisions {
    /// Whether functions (and `AnyFunction`) implement `Deserializable`: as
    /// configured, and always when a constructor holds a `Function` (it
    /// decodes through `AnyFunction`, which needs every function's decoder).
    function_decoding: bool,
    /// Whether serde output takes TDLib's JSON shape: serde with TDLib's
    /// rules (`td_api.tl`, TON's schemas).
    tdlib_json: bool,
    /// Which types the table describes.
    debug: DebugTable,
}

impl Decisions {
    /// The decisions for `config` and `model`.
    fn new(config: &Config, model: &Model) -> Decisions {
        let tdlib_json = config.serde && model.dialect == tl_parser::Dialect::Tdlib;
        let function_decoding = config.function_decoding
            || model.constructors.iter().flat_map(|c| &c.fields).any(
                |f| matches!(&f.kind, FieldKind::Value { ty, .. } if ty.mentions_any_function()),
            );
        let debug = DebugTable::new(
            model,
            config.derive_debug,
            tdlib_json && !config.zero_copy,
            function_decoding,
            config.zero_copy,
        );
        Decisions {
            function_decoding,
            tdlib_json,
            debug,
        }
    }
}

impl<'a> Context<'a> {
    /// The context for `config` and `model`, with what was decided for the
    /// output; fails if the runtime path is no Rust path.
    pub fn new(config: &'a Config, model: &Model, decided: &'a Decisions) -> Result<Self, Error> {
        let path = &config.runtime_crate;
        let runtime = syn::parse_str::<syn::Path>(path)
            .map(|p| quote!(#p))
            .map_err(|e| Error::InvalidOption {
                option: "runtime_crate",
                reason: format!("`{path}` is not a Rust path: {e}"),
            })?;
        Ok(Context {
            config,
            runtime,
            debug: &decided.debug,
            documented: config.docs_file.is_some() || config.usability_table.is_some(),
            typed_errors: !model.rpc_errors.is_empty(),
            official_pages: model.official_pages,
            tdlib_json: decided.tdlib_json,
            function_decoding: decided.function_decoding,
        })
    }

    /// Whether documentation inputs were given.
    pub fn documented(&self) -> bool {
        self.documented
    }

    /// Whether functions implement `Deserializable`.
    pub fn function_decoding(&self) -> bool {
        self.function_decoding
    }

    /// Whether serde output takes TDLib's JSON shape: serde with TDLib's
    /// rules (`td_api.tl`, TON's schemas).
    pub fn tdlib_json(&self) -> bool {
        self.tdlib_json
    }

    /// Whether the output has the typed RPC errors.
    pub fn typed_errors(&self) -> bool {
        self.typed_errors
    }
}

/// The derive line of a generated enum, with `#[non_exhaustive]` when the
/// configuration asks for it.
fn enum_derives(cx: &Context<'_>, derive_debug: bool) -> TokenStream {
    // TDLib's enums get their serde impls from `tdjson.rs`; their
    // `PartialEq` compares encodings (`encoding_eq`).
    let derives = derives(cx, !cx.tdlib_json(), Equality::Encoding, derive_debug);
    if cx.config.non_exhaustive {
        quote! {
            #derives
            #[non_exhaustive]
        }
    } else {
        derives
    }
}

/// Where a generated type's `PartialEq` comes from (when the configuration
/// asks for one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Equality {
    /// `#[derive(PartialEq)]`: for what has no encoding of its own (the
    /// struct of fields sharing a flag bit) and for generic functions, whose
    /// parameter need not be encodable.
    Derived,
    /// An impl of its own that compares encodings ([`encoding_eq`]).
    Encoding,
}

/// The derive line every generated type gets (serde's with `serde`);
/// `Debug` only with `derive_debug` (a type the table describes has an impl
/// of its own instead).
fn derives(cx: &Context<'_>, serde: bool, equality: Equality, derive_debug: bool) -> TokenStream {
    let serde = if cx.config.serde && serde {
        quote!(#[cfg_attr(feature = "serde", derive(::serde::Serialize, ::serde::Deserialize))])
    } else {
        quote!()
    };
    let mut traits = Vec::new();
    if cx.config.derive_debug && derive_debug {
        traits.push(quote!(Debug));
    }
    traits.push(quote!(Clone));
    if cx.config.derive_partial_eq && equality == Equality::Derived {
        traits.push(quote!(PartialEq));
    }
    quote! {
        #[derive(#(#traits),*)]
        #serde
    }
}

/// `PartialEq` for `name` through its encoding, boxed or `bare`
/// (`tl_runtime::same_encoding`): the derived answer, but one line for the
/// compiler to check instead of a comparison per field, which takes 8 % off
/// `cargo check` of layer 230 (BENCHMARKS.md, "`PartialEq` through the
/// encoding"). Nothing when the configuration asks for no `PartialEq`.
fn encoding_eq(name: &proc_macro2::Ident, bare: bool, cx: &Context<'_>) -> TokenStream {
    if !cx.config.derive_partial_eq {
        return quote!();
    }
    let rt = &cx.runtime;
    let compare = if bare {
        quote!(#rt::same_bare_encoding)
    } else {
        quote!(#rt::same_encoding)
    };
    quote! {
        impl ::core::cmp::PartialEq for #name {
            #[inline]
            fn eq(&self, other: &Self) -> bool {
                #compare(self, other)
            }
        }
    }
}

/// Doc lines for an item: the schema's description or `fallback`, then the
/// TL declaration in a text block.
fn item_doc(description: Option<&str>, fallback: &str, declaration: &str) -> Vec<String> {
    let mut lines = vec![format!(" {}", description.unwrap_or(fallback))];
    if !declaration.is_empty() {
        lines.push(String::new());
        lines.push(" ```text".to_owned());
        lines.push(format!(" {declaration}"));
        lines.push(" ```".to_owned());
    }
    lines
}

/// `0x1cb5c415`: a `u32` (an id, a mask) as an unsuffixed hex literal.
pub fn hex_literal(value: u32) -> proc_macro2::Literal {
    format!("0x{value:08x}")
        .parse()
        .unwrap_or_else(|_| proc_macro2::Literal::u32_unsuffixed(value))
}

/// `match expr { Ok(v) => v, Err(e) => return Err(e) }`: what generated
/// decoders write instead of `expr?`. The error type is already the
/// function's, so `?`'s `From` conversion is an identity, and without its
/// `Try` machinery the thousands of reads in a layer cost the compiler less
/// (BENCHMARKS.md has the figure).
pub fn tri(expr: TokenStream) -> TokenStream {
    quote!(match #expr { Ok(v) => v, Err(e) => return Err(e) })
}

/// Items per module path under one root.
type Tree = BTreeMap<ModulePath, Vec<TokenStream>>;

/// Renders the whole model as formatted Rust source.
///
/// The root items and the three top-level modules are independent pieces of
/// text: the `types` module (the largest) is built, parsed and formatted on a
/// second thread while this one does the rest, and the pieces are joined in a
/// fixed order, so the output does not depend on the threads.
pub fn emit(model: &Model, config: &Config) -> Result<String, Error> {
    let decided = Decisions::new(config, model);
    // Fail on a bad option before starting any thread.
    Context::new(config, model, &decided)?;
    let shadowed = shadowed_modules(model);
    let (types, rest) = std::thread::scope(|scope| {
        let types = scope.spawn(|| render_root(model, config, &decided, &shadowed, Root::Types));
        let rest = [
            root_items(model, config, &decided),
            render_root(model, config, &decided, &shadowed, Root::Enums),
            render_root(model, config, &decided, &shadowed, Root::Functions),
        ];
        (types.join(), rest)
    });
    let types = types.map_err(|_| Error::Emit("the emitting thread panicked".to_owned()))??;
    let [root, enums, functions] = rest;
    Ok(format!(
        "{}{}{types}{}{}",
        header(model),
        root?,
        enums?,
        functions?
    ))
}

/// Formats tokens that form whole items: with prettyplease, or with the
/// fast printer under `Config::pretty(false)`.
fn format(tokens: TokenStream, config: &Config) -> Result<String, Error> {
    if !config.pretty {
        return Ok(plain::print(tokens));
    }
    let file: syn::File = syn::parse2(tokens).map_err(|e| Error::Emit(e.to_string()))?;
    Ok(prettyplease::unparse(&file))
}

/// `LAYER`, `name_for_id` and `AnyFunction`, at the generated root.
fn root_items(model: &Model, config: &Config, decided: &Decisions) -> Result<String, Error> {
    let cx = Context::new(config, model, decided)?;
    let layer = model.layer.map(|layer| {
        let layer = proc_macro2::Literal::i32_unsuffixed(i32::try_from(layer).unwrap_or(i32::MAX));
        quote! {
            /// The schema layer these types were generated from.
            pub const LAYER: i32 = #layer;
        }
    });
    let mut names: BTreeMap<u32, &str> = BTreeMap::new();
    for c in &model.constructors {
        names.entry(c.id).or_insert(&c.tl_name);
    }
    for f in &model.functions {
        names.entry(f.id).or_insert(&f.tl_name);
    }
    let name_arms = names.iter().map(|(id, name)| {
        let id = hex_literal(*id);
        quote!(#id => Some(#name),)
    });
    let imports = trait_imports(&cx, false);
    let any_function = enums::any_function(model, &cx);
    let any_object = enums::any_object(model, &cx);
    let rpc_errors = errors::errors_module(model);
    let long_arrays = long_arrays::helper_module(model, &cx);
    let debug_table = cx.debug.table(model, &cx);
    let tokens = quote! {
        #imports

        #layer

        /// The TL name of a constructor or function id, if the schema has it.
        pub fn name_for_id(id: u32) -> ::std::option::Option<&'static str> {
            match id {
                #(#name_arms)*
                _ => None,
            }
        }

        #any_function

        #any_object

        #rpc_errors

        #long_arrays

        #debug_table
    };
    format(tokens, config)
}

/// One top-level module (`types`, `enums` or `functions`), formatted.
fn render_root(
    model: &Model,
    config: &Config,
    decided: &Decisions,
    shadowed: &BTreeSet<(Root, ModulePath)>,
    root: Root,
) -> Result<String, Error> {
    let cx = Context::new(config, model, decided)?;
    let mut tree = Tree::new();
    let mut push = |path: &RustPath, item: &dyn Fn(Here) -> TokenStream| {
        let here = Here {
            depth: 1 + path.module.len(),
            std_shadowed: shadowed.contains(&(root, path.module.clone())),
        };
        tree.entry(path.module.clone())
            .or_default()
            .push(item(here));
    };
    match root {
        Root::Types => {
            for c in &model.constructors {
                push(&c.path, &|here| structs::constructor(c, here, &cx));
            }
            for row in &model.rows {
                push(&row.path, &|here| structs::row(row, here, &cx));
            }
            for group in &model.groups {
                push(&group.path, &|here| structs::group(group, here, &cx));
            }
        }
        Root::Enums => {
            for t in &model.types {
                push(&t.path, &|here| enums::boxed_type(t, model, here, &cx));
            }
        }
        Root::Functions => {
            for f in &model.functions {
                push(&f.path, &|here| structs::function(f, here, &cx));
            }
        }
    }
    let imports = |module: &[String]| {
        let shadowed = shadowed.contains(&(root, module.to_vec()));
        trait_imports(&cx, !shadowed)
    };
    format(module(root, &tree, &imports), config)
}

fn header(model: &Model) -> String {
    let mut text = String::from("// @generated by tl-codegen. Do not edit by hand.\n");
    if !model.sources.is_empty() {
        text.push_str(&format!("// Sources: {}\n", model.sources.join(", ")));
    }
    let how = match &model.detected {
        Some(detected) => format!("detected: {}", detected.reason()),
        None => "chosen".to_owned(),
    };
    text.push_str(&format!("// Id rules: {} ({how})\n", model.dialect.name()));
    text.push('\n');
    text
}

/// Modules in which a generated item takes a prelude name the generated code
/// uses (a TL type `Option`, say).
fn shadowed_modules(model: &Model) -> BTreeSet<(Root, ModulePath)> {
    let items = model
        .constructors
        .iter()
        .map(|c| (Root::Types, &c.path))
        .chain(model.types.iter().map(|t| (Root::Enums, &t.path)))
        .chain(model.functions.iter().map(|f| (Root::Functions, &f.path)));
    items
        .filter(|(_, path)| paths::shadows(&path.name))
        .map(|(root, path)| (root, path.module.clone()))
        .collect()
}

fn module(root: Root, tree: &Tree, imports: &dyn Fn(&[String]) -> TokenStream) -> TokenStream {
    let doc = match root {
        Root::Types => " Constructors: one struct per TL constructor.",
        Root::Enums => " Boxed types: one enum per TL type, one variant per constructor.",
        Root::Functions => " Functions: one struct per TL function, with its return type.",
    };
    let name = ident(root.name());
    let body = module_body(tree, &[], imports);
    // Decoders spell out `?` on purpose (see `tri`), which clippy would flag.
    quote! {
        #[doc = #doc]
        #[allow(clippy::question_mark)]
        pub mod #name {
            #body
        }
    }
}

/// Brings the runtime's traits into scope, unnamed, so generated code calls
/// their methods directly (`self.peer.serialize(out)`) and no generated type
/// name can clash with them.
/// With `names`, also imports [`paths::RUNTIME_NAMES`] by name.
fn trait_imports(cx: &Context<'_>, names: bool) -> TokenStream {
    let rt = &cx.runtime;
    let named = names.then(|| {
        let names = paths::RUNTIME_NAMES
            .iter()
            .map(|n| quote::format_ident!("{}", n));
        quote!(#(#names,)*)
    });
    quote! {
        #[allow(unused_imports)]
        use #rt::{
            #named BareDeserializable as _, BareSerializable as _, Deserializable as _,
            Serializable as _,
        };
    }
}

/// Items of module `prefix` and its child modules, recursively.
fn module_body(
    tree: &Tree,
    prefix: &[String],
    imports: &dyn Fn(&[String]) -> TokenStream,
) -> TokenStream {
    let items = tree.get(prefix).into_iter().flatten();
    let imports_here = tree.contains_key(prefix).then(|| imports(prefix));
    let mut children: Vec<&String> = tree
        .keys()
        .filter(|path| path.len() > prefix.len() && path.starts_with(prefix))
        .map(|path| &path[prefix.len()])
        .collect();
    children.dedup();
    let children = children.into_iter().map(|child| {
        let mut path = prefix.to_vec();
        path.push(child.clone());
        let doc = format!(" The `{}` namespace.", path.join("."));
        let name = ident(child);
        let body = module_body(tree, &path, imports);
        quote! {
            #[doc = #doc]
            pub mod #name {
                #body
            }
        }
    });
    quote! {
        #imports_here
        #(#items)*
        #(#children)*
    }
}
