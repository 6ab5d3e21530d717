//! Model to Rust source: `quote!` tokens per item, modules per namespace,
//! formatted by prettyplease.

mod enums;
mod fields;
mod paths;
mod structs;

use std::collections::{BTreeMap, BTreeSet};

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::{Model, ModulePath, RustPath};
use paths::{Here, Root, ident};

/// Emission switches (set through [`crate::Config`]). Plain data, so every
/// emitting thread can read them.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The path generated code reaches the runtime crate by (`::tl_runtime`).
    pub runtime: String,
    /// Emit `#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]`.
    pub serde: bool,
    /// Decode `string` with `String::from_utf8_lossy` instead of rejecting invalid UTF-8.
    pub lossy_strings: bool,
    /// The schema files, named in the header.
    pub sources: Vec<String>,
}

impl Settings {
    /// The options one emitting thread works with (token streams cannot be
    /// shared between threads).
    fn options(&self) -> Result<Options, String> {
        let runtime = self
            .runtime
            .parse()
            .map_err(|e| format!("runtime crate path `{}`: {e}", self.runtime))?;
        Ok(Options {
            runtime,
            serde: self.serde,
            lossy_strings: self.lossy_strings,
        })
    }
}

/// What emitting code reads: [`Settings`] with the runtime path as tokens.
#[derive(Debug, Clone)]
pub struct Options {
    /// The path generated code reaches the runtime crate by (`::tl_runtime`).
    pub runtime: TokenStream,
    /// Emit `#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]`.
    pub serde: bool,
    /// Decode `string` with `String::from_utf8_lossy` instead of rejecting invalid UTF-8.
    pub lossy_strings: bool,
}

/// The derive line every generated type gets.
fn derives(options: &Options) -> TokenStream {
    let serde = if options.serde {
        quote!(#[cfg_attr(feature = "serde", derive(::serde::Serialize, ::serde::Deserialize))])
    } else {
        quote!()
    };
    quote! {
        #[derive(Debug, Clone, PartialEq)]
        #serde
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

/// Items per module path under one root.
type Tree = BTreeMap<ModulePath, Vec<TokenStream>>;

/// Renders the whole model as formatted Rust source.
///
/// The root items and the three top-level modules are independent pieces of
/// text: the `types` module (the largest) is built, parsed and formatted on a
/// second thread while this one does the rest, and the pieces are joined in a
/// fixed order, so the output does not depend on the threads.
pub fn emit(model: &Model, settings: &Settings) -> Result<String, String> {
    let shadowed = shadowed_modules(model);
    let (types, rest) = std::thread::scope(|scope| {
        let types = scope.spawn(|| render_root(model, settings, &shadowed, Root::Types));
        let rest = [
            root_items(model, settings),
            render_root(model, settings, &shadowed, Root::Enums),
            render_root(model, settings, &shadowed, Root::Functions),
        ];
        (types.join(), rest)
    });
    let types = types.map_err(|_| "the emitting thread panicked".to_owned())??;
    let [root, enums, functions] = rest;
    Ok(format!(
        "{}{}{types}{}{}",
        header(settings),
        root?,
        enums?,
        functions?
    ))
}

/// Formats tokens that form whole items.
fn format(tokens: TokenStream) -> Result<String, String> {
    let file: syn::File = syn::parse2(tokens).map_err(|e| e.to_string())?;
    Ok(prettyplease::unparse(&file))
}

/// `LAYER`, `name_for_id` and `AnyFunction`, at the generated root.
fn root_items(model: &Model, settings: &Settings) -> Result<String, String> {
    let options = settings.options()?;
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
        let id = structs::id_literal(*id);
        quote!(#id => Some(#name),)
    });
    let imports = trait_imports(&options, false);
    let any_function = enums::any_function(model, &options);
    format(quote! {
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
    })
}

/// One top-level module (`types`, `enums` or `functions`), formatted.
fn render_root(
    model: &Model,
    settings: &Settings,
    shadowed: &BTreeSet<(Root, ModulePath)>,
    root: Root,
) -> Result<String, String> {
    let options = settings.options()?;
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
                push(&c.path, &|here| structs::constructor(c, here, &options));
            }
        }
        Root::Enums => {
            for t in &model.types {
                push(&t.path, &|here| enums::boxed_type(t, model, here, &options));
            }
        }
        Root::Functions => {
            for f in &model.functions {
                push(&f.path, &|here| structs::function(f, here, &options));
            }
        }
    }
    let imports = |module: &[String]| {
        let shadowed = shadowed.contains(&(root, module.to_vec()));
        trait_imports(&options, !shadowed)
    };
    format(module(root, &tree, &imports))
}

fn header(settings: &Settings) -> String {
    let mut text = String::from("// @generated by tl-codegen. Do not edit by hand.\n");
    if !settings.sources.is_empty() {
        text.push_str(&format!("// Sources: {}\n", settings.sources.join(", ")));
    }
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
    quote! {
        #[doc = #doc]
        pub mod #name {
            #body
        }
    }
}

/// Brings the runtime's traits into scope, unnamed, so generated code calls
/// their methods directly (`self.peer.serialize(out)`) and no generated type
/// name can clash with them.
/// With `names`, also imports [`paths::RUNTIME_NAMES`] by name.
fn trait_imports(options: &Options, names: bool) -> TokenStream {
    let rt = &options.runtime;
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
