//! Builds the [`Model`] from parsed, validated declarations.

use std::collections::{BTreeMap, BTreeSet};

use heck::ToSnakeCase;
use tl_parser::ast::{Body, Definition, FieldType, TypeExpr};
use tl_parser::{Diagnostic, Dialect, compute_id};

use super::names::{field_name, module_name, type_name};
use super::*;

/// A declaration and the index of the file it came from.
#[derive(Debug, Clone, Copy)]
pub struct Located<'a> {
    /// Index of the source file.
    pub file: usize,
    /// The declaration.
    pub def: &'a Definition,
}

/// An error found while building, with the index of its file.
pub type LocatedDiagnostic = (usize, Diagnostic);

/// Constructors that the runtime maps to Rust built-ins: no struct is generated.
const RUNTIME_CONSTRUCTORS: &[&str] = &["true", "boolTrue", "boolFalse", "vector"];

/// Builds the model. `defs` are the merged declarations of every file.
/// `class_docs` maps boxed type names to TDLib `@class` descriptions.
pub fn build(
    defs: &[Located<'_>],
    layer: Option<u32>,
    dialect: Dialect,
    class_docs: &BTreeMap<String, String>,
) -> Result<Model, Vec<LocatedDiagnostic>> {
    let ctor_defs: Vec<Located<'_>> = defs
        .iter()
        .copied()
        .filter(|l| {
            !l.def.is_function()
                && !l.def.is_builtin()
                && !RUNTIME_CONSTRUCTORS.contains(&l.def.name.full.as_str())
        })
        .collect();
    let fn_defs: Vec<Located<'_>> = defs
        .iter()
        .copied()
        .filter(|l| l.def.is_function())
        .collect();

    // Rust places, collisions settled in TL-name order.
    let ctor_paths = assign_paths(ctor_defs.iter().map(|l| l.def.name.full.as_str()));
    let fn_paths = assign_paths(fn_defs.iter().map(|l| l.def.name.full.as_str()));
    let mut type_names: BTreeSet<&str> = BTreeSet::new();
    for l in &ctor_defs {
        type_names.insert(l.def.result.name.full.as_str());
    }
    let type_paths = assign_paths(type_names.iter().copied());

    let resolver = Resolver {
        dialect,
        ctor_paths: &ctor_paths,
        type_paths: &type_paths,
        ctors_by_type: ctor_defs.iter().fold(BTreeMap::new(), |mut m, l| {
            m.entry(l.def.result.name.full.as_str())
                .or_insert_with(Vec::new)
                .push(l.def.name.full.as_str());
            m
        }),
    };

    let mut errors = Vec::new();
    let mut constructors = Vec::new();
    for l in &ctor_defs {
        let fields = match resolver.fields(l.def, &[]) {
            Ok(fields) => fields,
            Err(e) => {
                errors.push((l.file, e));
                continue;
            }
        };
        constructors.push(Constructor {
            tl_name: l.def.name.full.clone(),
            id: effective_id(l.def, dialect),
            path: ctor_paths[l.def.name.full.as_str()].clone(),
            fields,
            result: l.def.result.name.full.clone(),
            doc: l.def.doc.description.clone(),
            declaration: declaration_text(l.def, dialect),
        });
    }
    constructors.sort_by(|a, b| a.tl_name.cmp(&b.tl_name));

    let mut types = Vec::new();
    for (tl_name, path) in &type_paths {
        let members: Vec<usize> = constructors
            .iter()
            .enumerate()
            .filter(|(_, c)| &c.result == tl_name)
            .map(|(i, _)| i)
            .collect();
        let variants = variant_names(&path.name, members.iter().map(|&i| &constructors[i]))
            .into_iter()
            .zip(&members)
            .map(|(name, &i)| {
                let c = &constructors[i];
                Variant {
                    name,
                    constructor: i,
                    boxed: !payload_is_small(c),
                    unit: !c.fields.iter().any(FieldModel::is_stored),
                }
            })
            .collect();
        types.push(BoxedType {
            tl_name: tl_name.clone(),
            path: path.clone(),
            variants,
            doc: class_docs.get(tl_name).cloned(),
        });
    }

    let mut functions = Vec::new();
    for l in &fn_defs {
        let generics: Vec<&str> = l
            .def
            .params
            .iter()
            .filter(|p| p.ty.name.full == "Type")
            .flat_map(|p| p.names.iter().map(|n| n.name.as_str()))
            .collect();
        let fields = resolver.fields(l.def, &generics);
        let returns = resolver.resolve(&l.def.result, &generics);
        match (fields, returns) {
            (Ok(fields), Ok(returns)) => functions.push(Function {
                tl_name: l.def.name.full.clone(),
                id: effective_id(l.def, dialect),
                path: fn_paths[l.def.name.full.as_str()].clone(),
                fields,
                generic: generics.first().map(|g| (*g).to_owned()),
                returns,
                doc: l.def.doc.description.clone(),
                declaration: declaration_text(l.def, dialect),
            }),
            (Err(e), _) | (_, Err(e)) => errors.push((l.file, e)),
        }
    }
    functions.sort_by(|a, b| a.tl_name.cmp(&b.tl_name));

    if errors.is_empty() {
        Ok(Model {
            layer,
            constructors,
            types,
            functions,
        })
    } else {
        Err(errors)
    }
}

fn effective_id(def: &Definition, dialect: Dialect) -> u32 {
    def.id
        .map_or_else(|| compute_id(def, dialect), |id| id.value)
}

fn declaration_text(def: &Definition, dialect: Dialect) -> String {
    let text = def.to_string();
    if def.id.is_some() {
        text
    } else {
        // Show the id the generator uses.
        text.replacen(
            &def.name.full,
            &format!("{}#{:08x}", def.name.full, compute_id(def, dialect)),
            1,
        )
    }
}

/// Maps TL names to Rust paths; two TL names that give the same Rust name in
/// one module get `2`, `3`, ... suffixes in TL-name order.
fn assign_paths<'a>(names: impl Iterator<Item = &'a str>) -> BTreeMap<String, RustPath> {
    let sorted: BTreeSet<&str> = names.collect();
    let mut taken: BTreeSet<RustPath> = BTreeSet::new();
    let mut out = BTreeMap::new();
    for tl in sorted {
        let mut segments: Vec<&str> = tl.split('.').collect();
        let base = segments.pop().unwrap_or(tl);
        let module: Vec<String> = segments.iter().map(|s| module_name(s)).collect();
        let name = type_name(base);
        let mut path = RustPath {
            module: module.clone(),
            name: name.clone(),
        };
        let mut n = 2;
        while taken.contains(&path) {
            path.name = format!("{name}{n}");
            n += 1;
        }
        taken.insert(path.clone());
        out.insert(tl.to_owned(), path);
    }
    out
}

/// Variant names: the constructor's struct name with the enum's name taken off
/// the front (`InputPeerChat` in `InputPeer` → `Chat`). A constructor for
/// which that leaves no valid name (`InputPeerSelf` → `Self`) keeps its full
/// name; if names still collide, every variant keeps its full name.
fn variant_names<'a>(enum_name: &str, ctors: impl Iterator<Item = &'a Constructor>) -> Vec<String> {
    let full: Vec<String> = ctors.map(|c| c.path.name.clone()).collect();
    let stripped: Vec<String> = full
        .iter()
        .map(|n| match n.strip_prefix(enum_name) {
            Some(rest) if rest.starts_with(|c: char| c.is_ascii_uppercase()) && rest != "Self" => {
                rest.to_owned()
            }
            _ => n.clone(),
        })
        .collect();
    let unique: BTreeSet<&String> = stripped.iter().collect();
    if unique.len() == stripped.len() {
        stripped
    } else {
        full
    }
}

/// Whether a constructor's payload stays inline in its enum: only plain
/// scalars, strings, bytes and vectors of those, at most 24 bytes in all.
/// Everything else is boxed, which also breaks every type cycle through enums.
fn payload_is_small(c: &Constructor) -> bool {
    let mut size = 0;
    for f in &c.fields {
        match &f.kind {
            FieldKind::Flags { keep_other_bits } => size += if *keep_other_bits { 4 } else { 0 },
            FieldKind::TrueFlag(_) => size += 1,
            FieldKind::Value { ty, flag } => {
                if !ty.is_flat() {
                    return false;
                }
                size += ty.estimated_size() + if flag.is_some() { 8 } else { 0 };
            }
        }
    }
    size <= 24
}

struct Resolver<'a> {
    dialect: Dialect,
    ctor_paths: &'a BTreeMap<String, RustPath>,
    type_paths: &'a BTreeMap<String, RustPath>,
    ctors_by_type: BTreeMap<&'a str, Vec<&'a str>>,
}

impl Resolver<'_> {
    fn fields(&self, def: &Definition, generics: &[&str]) -> Result<Vec<FieldModel>, Diagnostic> {
        let Body::Fields(fields) = &def.body else {
            return Ok(Vec::new());
        };
        let mut flag_words: BTreeSet<&str> = BTreeSet::new();
        for f in fields {
            if let FieldType::Conditional { flag, .. } = &f.ty {
                flag_words.insert(&flag.name);
            }
        }
        let mut out = Vec::new();
        let mut used_names: BTreeSet<String> = BTreeSet::new();
        for f in fields {
            let Some(name) = &f.name else {
                return Err(Diagnostic::error(
                    f.span,
                    "anonymous fields are not supported by the code generator",
                ));
            };
            let kind = match &f.ty {
                FieldType::Nat if flag_words.contains(name.name.as_str()) => FieldKind::Flags {
                    keep_other_bits: self.dialect == Dialect::Tdlib,
                },
                FieldType::Nat => FieldKind::Value {
                    ty: WireType::Nat,
                    flag: None,
                },
                FieldType::Plain { ty, .. } => {
                    let ty = self.resolve(ty, generics)?;
                    if ty == WireType::True {
                        // Carries nothing on the wire; the validator warns.
                        continue;
                    }
                    FieldKind::Value { ty, flag: None }
                }
                FieldType::Conditional { flag, bit, ty, .. } => {
                    let bit = FlagBit {
                        field: flag.name.clone(),
                        bit: u32::try_from(*bit).unwrap_or(u32::MAX),
                    };
                    if ty.name.full == "true" && ty.args.is_empty() {
                        FieldKind::TrueFlag(bit)
                    } else {
                        FieldKind::Value {
                            ty: self.resolve(ty, generics)?,
                            flag: Some(bit),
                        }
                    }
                }
                FieldType::Repeat { .. } => {
                    return Err(Diagnostic::error(
                        f.span,
                        "repetitions (`n*[ ... ]`) are not supported by the code generator",
                    ));
                }
            };
            let mut rust_name = field_name(&name.name);
            while used_names.contains(&rust_name) {
                rust_name = format!("{}_", name.name.to_snake_case());
            }
            used_names.insert(rust_name.clone());
            out.push(FieldModel {
                tl_name: name.name.clone(),
                rust_name,
                kind,
                doc: def.doc.field(&name.name).map(str::to_owned),
            });
        }
        Ok(out)
    }

    fn resolve(&self, ty: &TypeExpr, generics: &[&str]) -> Result<WireType, Diagnostic> {
        let name = ty.name.full.as_str();
        let unsupported =
            || Diagnostic::error(ty.span, format!("cannot generate Rust for type `{ty}`"));
        if !ty.args.is_empty() {
            if !name.eq_ignore_ascii_case("vector") || ty.args.len() != 1 {
                return Err(unsupported());
            }
            return Ok(WireType::Vector {
                boxed: name == "Vector" && !ty.percent,
                elem: Box::new(self.resolve(&ty.args[0], generics)?),
            });
        }
        if generics.contains(&name) {
            return Ok(WireType::Generic(name.to_owned()));
        }
        let primitive = match name {
            "#" => Some(WireType::Nat),
            "int" | "Int" | "int32" => Some(WireType::Int),
            "long" | "Long" | "int53" | "int64" => Some(WireType::Long),
            "double" | "Double" => Some(WireType::Double),
            "int128" | "Int128" => Some(WireType::Int128),
            "int256" | "Int256" => Some(WireType::Int256),
            "string" | "String" => Some(WireType::String),
            "bytes" | "Bytes" => Some(WireType::Bytes),
            "Bool" => Some(WireType::Bool),
            "true" | "True" => Some(WireType::True),
            _ => None,
        };
        if let Some(p) = primitive {
            return Ok(p);
        }
        if ty.percent {
            // `%T`: the bare form of T's only constructor.
            return match self.ctors_by_type.get(name).map(Vec::as_slice) {
                Some([only]) => Ok(WireType::Bare(self.ctor_paths[*only].clone())),
                _ => match self.ctor_paths.get(name) {
                    Some(path) => Ok(WireType::Bare(path.clone())),
                    None => Err(Diagnostic::error(
                        ty.span,
                        format!("`%{name}` needs a type with exactly one constructor"),
                    )),
                },
            };
        }
        if ty.is_bare() {
            if let Some(path) = self.ctor_paths.get(name) {
                return Ok(WireType::Bare(path.clone()));
            }
        } else if let Some(path) = self.type_paths.get(name) {
            return Ok(WireType::Boxed(path.clone()));
        }
        Err(unsupported())
    }
}
