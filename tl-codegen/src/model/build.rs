//! Builds the [`Model`] from parsed, validated declarations, one job per
//! function: sort the declarations ([`Declarations`]), settle every name
//! ([`Places`]), then build constructors, boxed types and functions.

use std::collections::{BTreeMap, BTreeSet};

use std::cell::RefCell;

use tl_parser::ast::{Body, Definition, Doc, Field, FieldType, Multiplicity, TypeExpr};
use tl_parser::{Code, Detected, Diagnostic, Dialect, compute_id, effective_id};

use super::documentation::{self, Applied};
use super::names::{self, VariantSource, assign_paths, variant_names};
use super::nullability;
use super::*;
use crate::docs::Documentation;
use crate::error::FileDiagnostic;
use crate::load::Located;

/// What the model is built from besides the declarations.
#[derive(Debug, Clone)]
pub struct Inputs<'d> {
    /// The layer, if a file declares one.
    pub layer: Option<u32>,
    /// The id rules of declarations without an explicit id.
    pub dialect: Dialect,
    /// How the rules were detected, when nobody chose them.
    pub detected: Option<Detected>,
    /// TDLib `@class` descriptions by boxed type name.
    pub class_docs: BTreeMap<String, String>,
    /// The schema files' names, for the generated header.
    pub sources: Vec<String>,
    /// The documentation inputs (empty when none were given).
    pub documentation: &'d Documentation,
}

/// Constructors that the runtime maps to Rust built-ins: no struct is generated.
const RUNTIME_CONSTRUCTORS: &[&str] = &["true", "boolTrue", "boolFalse", "vector"];

/// Builds the model from the merged declarations of every file and the
/// documentation inputs, and says what the documentation described.
pub fn build(
    defs: &[Located<'_>],
    inputs: Inputs<'_>,
) -> Result<(Model, Applied), Vec<FileDiagnostic>> {
    let decls = Declarations::sort(defs);
    let places = Places::settle(&decls);
    let resolver = Resolver::new(inputs.dialect, &decls, &places);
    let mut errors = Vec::new();
    let constructors = constructors(&decls, &places, &resolver, &mut errors);
    let types = boxed_types(
        &decls,
        &places,
        &constructors,
        &inputs.class_docs,
        &mut errors,
    );
    let functions = functions(&decls, &places, &resolver, &mut errors);
    let any_object = uses_any_object(&constructors, &functions);
    let mut rows = resolver.rows.into_inner();
    rows.sort_by(|a, b| a.path.cmp(&b.path));
    let mut groups = resolver.groups.into_inner();
    groups.sort_by(|a, b| a.path.cmp(&b.path));
    if errors.is_empty() {
        let docs = inputs.documentation;
        let mut model = Model {
            any_object,
            rows,
            groups,
            layer: inputs.layer,
            dialect: inputs.dialect,
            detected: inputs.detected,
            sources: inputs.sources,
            constructors,
            types,
            functions,
            rpc_errors: documentation::rpc_errors(docs),
            official_pages: documentation::official_pages(docs, inputs.dialect),
        };
        let applied = documentation::describe(docs, &mut model);
        Ok((model, applied))
    } else {
        Err(errors)
    }
}

/// The declarations that generate something, by kind.
struct Declarations<'a> {
    /// Constructors of boxed types that get a struct.
    constructors: Vec<Located<'a>>,
    /// Functions.
    functions: Vec<Located<'a>>,
}

impl<'a> Declarations<'a> {
    fn sort(defs: &[Located<'a>]) -> Self {
        let (functions, others): (Vec<_>, Vec<_>) =
            defs.iter().copied().partition(|l| l.def.is_function());
        let constructors = others
            .into_iter()
            .filter(|l| {
                !l.def.is_builtin() && !RUNTIME_CONSTRUCTORS.contains(&l.def.name.full.as_str())
            })
            .collect();
        Declarations {
            constructors,
            functions,
        }
    }

    /// The boxed types' TL names, each once.
    fn type_names(&self) -> BTreeSet<&'a str> {
        self.constructors
            .iter()
            .map(|l| l.def.result.name.full.as_str())
            .collect()
    }
}

/// Where each item lives in Rust, collisions settled in TL-name order.
struct Places {
    constructors: BTreeMap<String, RustPath>,
    types: BTreeMap<String, RustPath>,
    functions: BTreeMap<String, RustPath>,
}

impl Places {
    fn settle(decls: &Declarations<'_>) -> Self {
        let tl_names = |located: &[Located<'_>]| -> Vec<String> {
            located
                .iter()
                .map(|l| l.def.name.full.to_string())
                .collect()
        };
        let constructors = tl_names(&decls.constructors);
        let functions = tl_names(&decls.functions);
        Places {
            constructors: assign_paths(constructors.iter().map(String::as_str)),
            types: assign_paths(decls.type_names()),
            functions: assign_paths(functions.iter().map(String::as_str)),
        }
    }
}

/// One struct per constructor, ordered by TL name.
fn constructors(
    decls: &Declarations<'_>,
    places: &Places,
    resolver: &Resolver<'_>,
    errors: &mut Vec<FileDiagnostic>,
) -> Vec<Constructor> {
    let mut out = Vec::new();
    for l in &decls.constructors {
        let path = &places.constructors[l.def.name.full.as_str()];
        let fields = match resolver.fields(l.def, &[], path) {
            Ok(fields) => fields,
            Err(e) => {
                errors.push(FileDiagnostic::new(l.file, e));
                continue;
            }
        };
        out.push(Constructor {
            tl_name: l.def.name.full.to_string(),
            id: effective_id(l.def, resolver.dialect),
            path: places.constructors[l.def.name.full.as_str()].clone(),
            any_variant: String::new(),
            fields,
            result: l.def.result.name.full.to_string(),
            doc: l.def.doc.description.clone(),
            declaration: declaration_text(l.def, resolver.dialect),
        });
    }
    out.sort_by(|a, b| a.tl_name.cmp(&b.tl_name));
    let any_names = names::any_function_names(out.iter().map(|c| &c.path));
    for (c, name) in out.iter_mut().zip(any_names) {
        c.any_variant = name;
    }
    out
}

/// Whether any field or function result holds an `Object`.
fn uses_any_object(constructors: &[Constructor], functions: &[Function]) -> bool {
    let in_fields = |fields: &[FieldModel]| {
        fields.iter().any(|f| match &f.kind {
            FieldKind::Value { ty, .. } => ty.mentions_any_object(),
            _ => false,
        })
    };
    constructors.iter().any(|c| in_fields(&c.fields))
        || functions
            .iter()
            .any(|f| in_fields(&f.fields) || f.returns.mentions_any_object())
}

/// One enum per boxed type, ordered by TL name, with its variants named.
fn boxed_types(
    decls: &Declarations<'_>,
    places: &Places,
    constructors: &[Constructor],
    class_docs: &BTreeMap<String, String>,
    errors: &mut Vec<FileDiagnostic>,
) -> Vec<BoxedType> {
    let mut out = Vec::new();
    for (tl_name, path) in &places.types {
        let members: Vec<usize> = constructors
            .iter()
            .enumerate()
            .filter(|(_, c)| &c.result == tl_name)
            .map(|(i, _)| i)
            .collect();
        let sources: Vec<VariantSource<'_>> = members
            .iter()
            .map(|&i| VariantSource {
                tl_name: &constructors[i].tl_name,
                struct_name: &constructors[i].path.name,
            })
            .collect();
        let names = match variant_names(tl_name, &path.name, &sources) {
            Ok(names) => names,
            Err(message) => {
                // Located at the first constructor of the type.
                if let Some(l) = decls
                    .constructors
                    .iter()
                    .find(|l| l.def.result.name.full == tl_name)
                {
                    errors.push(FileDiagnostic::new(
                        l.file,
                        Diagnostic::error(Code::VariantNameCollision, l.def.result.span, message),
                    ));
                }
                continue;
            }
        };
        let variants = names
            .into_iter()
            .zip(&members)
            .map(|(name, &i)| {
                let c = &constructors[i];
                Variant {
                    name,
                    constructor: i,
                    boxed: !layout::Payload::of(c).is_inline(),
                    unit: !c.fields.iter().any(FieldModel::is_stored),
                }
            })
            .collect();
        out.push(BoxedType {
            tl_name: tl_name.clone(),
            path: path.clone(),
            variants,
            doc: class_docs.get(tl_name).cloned(),
        });
    }
    out
}

/// One struct per function, ordered by TL name, with its `AnyFunction`
/// variant named.
fn functions(
    decls: &Declarations<'_>,
    places: &Places,
    resolver: &Resolver<'_>,
    errors: &mut Vec<FileDiagnostic>,
) -> Vec<Function> {
    let mut out = Vec::new();
    for l in &decls.functions {
        let generics: Vec<&str> = l
            .def
            .params
            .iter()
            .filter(|p| p.ty.name.full == "Type")
            .flat_map(|p| p.names.iter().map(|n| n.name.as_str()))
            .collect();
        let fields = resolver.fields(
            l.def,
            &generics,
            &places.functions[l.def.name.full.as_str()],
        );
        let returns = resolver.result(&l.def.result, &generics);
        match (fields, returns) {
            (Ok(fields), Ok(returns)) => out.push(Function {
                tl_name: l.def.name.full.to_string(),
                id: effective_id(l.def, resolver.dialect),
                path: places.functions[l.def.name.full.as_str()].clone(),
                any_variant: String::new(),
                decoded_by_id: true,
                fields,
                generic: generics.first().map(|g| (*g).to_owned()),
                returns,
                tl_result: l.def.result.to_string(),
                doc: l.def.doc.description.clone(),
                declaration: declaration_text(l.def, resolver.dialect),
                errors: Vec::new(),
                usability: None,
            }),
            (Err(e), _) | (_, Err(e)) => errors.push(FileDiagnostic::new(l.file, e)),
        }
    }
    out.sort_by(|a, b| a.tl_name.cmp(&b.tl_name));
    let any_names = names::any_function_names(out.iter().map(|f| &f.path));
    for (f, name) in out.iter_mut().zip(any_names) {
        f.any_variant = name;
    }
    // Of functions sharing an id, the one with the most fields (first in
    // TL-name order among equals) is the one decoding produces.
    let mut by_id: BTreeMap<u32, usize> = BTreeMap::new();
    for (i, f) in out.iter().enumerate() {
        let winner = by_id.entry(f.id).or_insert(i);
        if out[*winner].fields.len() < f.fields.len() {
            *winner = i;
        }
    }
    for (i, f) in out.iter_mut().enumerate() {
        f.decoded_by_id = by_id.get(&f.id) == Some(&i);
    }
    out
}

/// The declaration as TL text, with the id the generator uses written in.
fn declaration_text(def: &Definition, dialect: Dialect) -> String {
    let text = def.to_string();
    if def.id.is_some() {
        text
    } else {
        text.replacen(
            def.name.full.as_str(),
            &format!("{}#{:08x}", def.name.full, compute_id(def, dialect)),
            1,
        )
    }
}

/// The largest fixed repetition (`K*[ ... ]`) generated as an array.
const MAX_FIXED_REPETITION: usize = 4096;

/// Resolves TL types and fields against the schema's places.
struct Resolver<'a> {
    dialect: Dialect,
    places: &'a Places,
    /// Constructor names of each boxed type, for `%T`.
    ctors_by_type: BTreeMap<&'a str, Vec<&'a str>>,
    /// Row structs of repetitions, as they are found.
    rows: RefCell<Vec<Row>>,
    /// Structs of fields that share a flag bit, as they are found.
    groups: RefCell<Vec<Group>>,
    /// Paths under `types` that are taken (constructors, then rows).
    taken: RefCell<BTreeSet<RustPath>>,
}

impl<'a> Resolver<'a> {
    fn new(dialect: Dialect, decls: &Declarations<'a>, places: &'a Places) -> Self {
        let mut ctors_by_type: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for l in &decls.constructors {
            ctors_by_type
                .entry(l.def.result.name.full.as_str())
                .or_default()
                .push(l.def.name.full.as_str());
        }
        Resolver {
            dialect,
            places,
            ctors_by_type,
            rows: RefCell::new(Vec::new()),
            groups: RefCell::new(Vec::new()),
            taken: RefCell::new(places.constructors.values().cloned().collect()),
        }
    }

    /// The fields of a declaration whose struct lives at `parent`.
    fn fields(
        &self,
        def: &Definition,
        generics: &[&str],
        parent: &RustPath,
    ) -> Result<Vec<FieldModel>, Diagnostic> {
        let Body::Fields(fields) = &def.body else {
            return Ok(Vec::new());
        };
        self.field_list(fields, Some(&def.doc), generics, parent, &def.name.full)
    }

    /// The fields of `fields` (a declaration's, or a repetition's row).
    fn field_list(
        &self,
        fields: &[Field],
        doc: Option<&Doc>,
        generics: &[&str],
        parent: &RustPath,
        owner: &str,
    ) -> Result<Vec<FieldModel>, Diagnostic> {
        let tl_names = names::tl_names(fields);
        let flags_words: BTreeSet<&str> = fields
            .iter()
            .filter_map(|f| match &f.ty {
                FieldType::Conditional { flag, .. } => Some(flag.name.as_str()),
                _ => None,
            })
            .collect();
        let counts = repetition_counts(fields, &tl_names, &flags_words)?;
        let mut kept = Vec::new();
        for (i, f) in fields.iter().enumerate() {
            let name = tl_names[i].as_str();
            let kind = match &f.ty {
                FieldType::Nat if counts.contains_key(&i) => FieldKind::Count {
                    rows: tl_names[counts[&i]].clone(),
                },
                FieldType::Nat if flags_words.contains(name) => FieldKind::Flags {
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
                    if !tl_names.iter().any(|n| n == flag.name) {
                        return Err(Diagnostic::error(
                            Code::FlagOutsideRepetition,
                            flag.span,
                            "a conditional field inside a repetition must use a `#` field of the same repetition",
                        ));
                    }
                    let bit = FlagBit {
                        field: flag.name.to_string(),
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
                FieldType::Repeat {
                    multiplicity,
                    fields: inner,
                } => {
                    let elem = self.repeated(f, inner, generics, parent, owner, name)?;
                    let ty = match multiplicity {
                        Some(Multiplicity::Literal(n, span)) => {
                            let len = usize::try_from(*n)
                                .ok()
                                .filter(|&n| n <= MAX_FIXED_REPETITION)
                                .ok_or_else(|| {
                                    Diagnostic::error(
                                        Code::RepetitionTooLong,
                                        *span,
                                        format!(
                                            "a fixed repetition of {n} values is more than the generator's limit of {MAX_FIXED_REPETITION}"
                                        ),
                                    )
                                })?;
                            WireType::Array {
                                len,
                                elem: Box::new(elem),
                            }
                        }
                        _ => {
                            let count = counts
                                .iter()
                                .find(|(_, rep)| **rep == i)
                                .map(|(count, _)| tl_names[*count].clone())
                                .unwrap_or_default();
                            WireType::Rows {
                                count,
                                elem: Box::new(elem),
                            }
                        }
                    };
                    FieldKind::Value { ty, flag: None }
                }
            };
            let tl_type = match &f.ty {
                FieldType::Conditional { ty, .. } => ty.to_string(),
                other => other.to_string(),
            };
            kept.push((name, kind, tl_type));
        }
        let rust_names = names::field_names(kept.iter().map(|(tl, _, _)| *tl), &flags_words);
        let fields: Vec<FieldModel> = kept
            .into_iter()
            .zip(rust_names)
            .map(|((tl, kind, tl_type), rust_name)| {
                let doc = doc.and_then(|d| d.field(tl)).map(str::to_owned);
                let kind = match kind {
                    // TDLib's documentation says which objects may be null.
                    FieldKind::Value { ty, flag: None } if self.dialect == Dialect::Tdlib => {
                        FieldKind::Value {
                            ty: nullability::apply(ty, doc.as_deref()),
                            flag: None,
                        }
                    }
                    kind => kind,
                };
                FieldModel {
                    tl_name: tl.to_owned(),
                    rust_name,
                    kind,
                    tl_type,
                    doc,
                    group: None,
                }
            })
            .collect();
        Ok(self.group_shared_bits(fields, parent, owner))
    }

    /// Folds fields that share a flag bit into one [`FieldKind::Group`] field
    /// (at the place of the first), registering its struct in `self.groups`.
    /// A bit shared only by `true` flags keeps the first as the `bool` and
    /// folds the others into it.
    fn group_shared_bits(
        &self,
        mut fields: Vec<FieldModel>,
        parent: &RustPath,
        owner: &str,
    ) -> Vec<FieldModel> {
        let mut by_bit: BTreeMap<(String, u32), Vec<usize>> = BTreeMap::new();
        for (i, f) in fields.iter().enumerate() {
            let bit = match &f.kind {
                FieldKind::Value {
                    flag: Some(bit), ..
                }
                | FieldKind::TrueFlag(bit) => bit,
                _ => continue,
            };
            by_bit
                .entry((bit.field.clone(), bit.bit))
                .or_default()
                .push(i);
        }
        let mut inserts = Vec::new();
        let mut taken: BTreeSet<String> = fields.iter().map(|f| f.rust_name.clone()).collect();
        for ((word, bit), members) in by_bit {
            if members.len() < 2 {
                continue;
            }
            let values: Vec<usize> = members
                .iter()
                .copied()
                .filter(|&i| matches!(fields[i].kind, FieldKind::Value { .. }))
                .collect();
            let first_true = members
                .iter()
                .copied()
                .find(|&i| matches!(fields[i].kind, FieldKind::TrueFlag(_)));
            if values.is_empty() {
                // Only `true` flags: the first stands for all.
                let keeper = fields[members[0]].rust_name.clone();
                for &i in &members[1..] {
                    fields[i].group = Some(keeper.clone());
                }
                continue;
            }
            let name = names::group_name(&fields, &members, first_true, &mut taken);
            let path = self.nested_path(parent, &names::type_name(&name), "");
            let group_fields: Vec<FieldModel> = values
                .iter()
                .map(|&i| {
                    let mut f = fields[i].clone();
                    if let FieldKind::Value { flag, .. } = &mut f.kind {
                        *flag = None;
                    }
                    f
                })
                .collect();
            let flag = FlagBit { field: word, bit };
            self.groups.borrow_mut().push(Group {
                owner: owner.to_owned(),
                flag: flag.clone(),
                path: path.clone(),
                fields: group_fields,
            });
            for &i in &members {
                fields[i].group = Some(name.clone());
            }
            let listed: Vec<String> = members
                .iter()
                .map(|&i| format!("`{}`", fields[i].tl_name))
                .collect();
            let doc = Some(format!(
                "TL fields {}, which share one flag bit: present together or not at all.",
                match listed.split_last() {
                    Some((last, [])) => last.clone(),
                    Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
                    None => String::new(),
                }
            ));
            inserts.push((
                members[0],
                FieldModel {
                    tl_name: name.clone(),
                    rust_name: name,
                    kind: FieldKind::Group {
                        flag,
                        path,
                        members: values.iter().map(|&i| fields[i].tl_name.clone()).collect(),
                    },
                    tl_type: String::new(),
                    doc,
                    group: None,
                },
            ));
        }
        // Insert from the back so earlier positions stay valid.
        inserts.sort_by_key(|(at, _)| std::cmp::Reverse(*at));
        for (at, field) in inserts {
            fields.insert(at, field);
        }
        fields
    }

    /// What a repetition repeats: the type of its one anonymous field, or a
    /// row struct (registered in `self.rows`) for anything else.
    fn repeated(
        &self,
        field: &Field,
        inner: &[Field],
        generics: &[&str],
        parent: &RustPath,
        owner: &str,
        name: &str,
    ) -> Result<WireType, Diagnostic> {
        if let [only] = inner
            && only.name.is_none()
            && let FieldType::Plain { ty, .. } = &only.ty
        {
            let elem = self.resolve(ty, generics)?;
            if elem == WireType::True {
                return Err(Diagnostic::error(
                    Code::EmptyRepetition,
                    only.span,
                    "a repetition of `true` carries nothing on the wire",
                ));
            }
            return Ok(elem);
        }
        if inner.is_empty() {
            return Err(Diagnostic::error(
                Code::EmptyRepetition,
                field.span,
                "an empty repetition carries nothing",
            ));
        }
        let path = self.row_path(parent, name);
        let fields = self.field_list(inner, None, generics, &path, owner)?;
        let min_size = fields
            .iter()
            .map(|f| match &f.kind {
                FieldKind::Value { ty, flag: None } => ty.min_size(),
                FieldKind::Flags { .. } | FieldKind::Count { .. } => 4,
                _ => 0,
            })
            .sum();
        self.rows.borrow_mut().push(Row {
            tl_name: format!("{owner}.{name}"),
            path: path.clone(),
            fields,
            min_size,
        });
        Ok(WireType::Bare(path))
    }

    /// `{Parent}{Field}Row` beside the parent struct, made unique among the
    /// constructor structs and the other rows.
    fn row_path(&self, parent: &RustPath, field: &str) -> RustPath {
        self.nested_path(parent, &names::type_name(field), "Row")
    }

    /// `{Parent}{Name}{Suffix}` beside the parent struct, made unique among
    /// the constructor structs and the other nested structs.
    fn nested_path(&self, parent: &RustPath, name: &str, suffix: &str) -> RustPath {
        names::nested_path(&mut self.taken.borrow_mut(), parent, name, suffix)
    }

    /// A function's result: as [`Resolver::resolve`], except that a type no
    /// constructor builds (the validator warned) makes the whole answer
    /// [`WireType::Raw`].
    fn result(&self, ty: &TypeExpr, generics: &[&str]) -> Result<WireType, Diagnostic> {
        if self.is_declared(ty, generics) {
            self.resolve(ty, generics)
        } else {
            Ok(WireType::Raw)
        }
    }

    /// Whether every name in `ty` is a built-in, a type parameter, a
    /// constructor or a boxed type of the schema.
    fn is_declared(&self, ty: &TypeExpr, generics: &[&str]) -> bool {
        let name = ty.name.full.as_str();
        let head = name.eq_ignore_ascii_case("vector")
            || generics.contains(&name)
            || WireType::primitive(name).is_some()
            || self.places.constructors.contains_key(name)
            || self.places.types.contains_key(name);
        head && ty.args.iter().all(|a| self.is_declared(a, generics))
    }

    fn resolve(&self, ty: &TypeExpr, generics: &[&str]) -> Result<WireType, Diagnostic> {
        let name = ty.name.full.as_str();
        let unsupported = || {
            Diagnostic::error(
                Code::UnsupportedType,
                ty.span,
                format!("cannot generate Rust for type `{ty}`"),
            )
        };
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
        if let Some(primitive) = WireType::primitive(name) {
            return Ok(primitive);
        }
        let ctor_paths = &self.places.constructors;
        if ty.percent {
            // `%T`: the bare form of T's only constructor.
            return match self.ctors_by_type.get(name).map(Vec::as_slice) {
                Some([only]) => Ok(WireType::Bare(ctor_paths[*only].clone())),
                _ => match ctor_paths.get(name) {
                    Some(path) => Ok(WireType::Bare(path.clone())),
                    None => Err(Diagnostic::error(
                        Code::AmbiguousBareType,
                        ty.span,
                        format!("`%{name}` needs a type with exactly one constructor"),
                    )),
                },
            };
        }
        if ty.is_bare() {
            if let Some(path) = ctor_paths.get(name) {
                return Ok(WireType::Bare(path.clone()));
            }
        } else if let Some(path) = self.places.types.get(name) {
            return Ok(WireType::Boxed(path.clone()));
        }
        Err(unsupported())
    }
}

/// For each `#` field that counts a repetition, the repetition's index. The
/// count is the field the repetition names (`n*[ ... ]`), or the field right
/// before an unnamed one (`# [ int ]`). A count that is no field of the same
/// list, counts two repetitions, or is also a flags word is an error.
fn repetition_counts(
    fields: &[Field],
    tl_names: &[String],
    flags_words: &BTreeSet<&str>,
) -> Result<BTreeMap<usize, usize>, Diagnostic> {
    let mut counts = BTreeMap::new();
    for (i, f) in fields.iter().enumerate() {
        let FieldType::Repeat { multiplicity, .. } = &f.ty else {
            continue;
        };
        let count = match multiplicity {
            Some(Multiplicity::Literal(..)) => continue,
            Some(Multiplicity::Var(var)) => (0..i)
                .rev()
                .find(|&j| tl_names[j] == var.name && fields[j].ty == FieldType::Nat)
                .ok_or_else(|| {
                    Diagnostic::error(
                        Code::UnsupportedRepetitionCount,
                        var.span,
                        format!(
                            "the count `{}` of a repetition must be a `#` field of the same declaration to generate code",
                            var.name
                        ),
                    )
                })?,
            None => i
                .checked_sub(1)
                .filter(|&j| fields[j].ty == FieldType::Nat)
                .ok_or_else(|| {
                    Diagnostic::error(
                        Code::UnsupportedRepetitionCount,
                        f.span,
                        "a repetition without a count must follow the `#` field that holds it",
                    )
                })?,
        };
        if flags_words.contains(tl_names[count].as_str()) || counts.contains_key(&count) {
            return Err(Diagnostic::error(
                Code::UnsupportedRepetitionCount,
                f.span,
                format!(
                    "`{}` is also used elsewhere; a repetition's count must serve it alone to generate code",
                    tl_names[count]
                ),
            ));
        }
        counts.insert(count, i);
    }
    Ok(counts)
}
