//! Checks a parsed [`Schema`] for problems the grammar alone cannot see.
//!
//! [`validate`] reports every problem it finds, each located by a [`Span`]
//! and named by a [`Code`] (`TL0006`–`TL0017`), in source order:
//!
//! * **unknown types** — a name used as a type (in a field, an optional
//!   argument, a result, a type argument) must be a boxed type some constructor
//!   returns (`Updates`), a constructor name used as a bare type
//!   (`tonNode.shardId`, `%Message`, `vector<future_salt>`), a built-in from
//!   [`PRELUDE_TYPES`], or a type variable `{X:Type}` of the same declaration
//!   (a `{n:#}` variable is accepted as a type *argument* only). A `!X` whose
//!   `X` is none of these is reported as an undeclared type variable. In a
//!   function's result an unknown type (of more than one letter, so not a
//!   forgotten type variable) is only a warning: real `mtproto.tl` files
//!   declare functions whose answer type they never build.
//! * **duplicates** — a constructor declared twice under `---types---`, or a
//!   function declared twice under `---functions---`, is an error on the second
//!   declaration, with a note naming where the first one stands. This holds
//!   even when both declarations are identical: none of the real schemas
//!   (Telegram, TDLib, TON) repeats a declaration, so a repeat is a mistake.
//!   A constructor and a function may share a name. Two explicit ids equal
//!   within one section are reported the same way, except when the fields of
//!   one declaration are a strict prefix of the other's: TDLib declares such
//!   *prefix* functions (`invokeWithReCaptchaPrefix#adbb0f94 token:string =
//!   Error;` beside `invokeWithReCaptcha#adbb0f94 {X:Type} token:string
//!   query:!X = X;`) to describe the start of a generic wrapper.
//! * **duplicate fields** — two fields of one declaration (or of one
//!   repetition) with the same name: an error on the second, since no struct
//!   can hold both.
//! * **flags** — in `x:flags.N?T`, `flags` must be a `#` field declared earlier
//!   in the same declaration (or earlier inside the same repetition), and `N`
//!   must be in `0..=31`. Several fields may share one bit. The count `n` of a
//!   repetition `n*[ ... ]` must likewise be an earlier `#` field or a `{n:#}`
//!   argument.
//! * **warning: `true` fields** that are not conditional: they carry nothing
//!   on the wire. Built-in declarations ([`Definition::is_builtin`]) are exempt.
//! * **warning: explicit ids** that differ from [`compute_id`] in the chosen
//!   [`Dialect`], one warning each; when at least ten differ and they are
//!   most of the explicit ids, one warning for all of them instead, which says
//!   how many the other dialect's rules match.
//!
//! Unknown `---section---` markers and syntax errors are the parser's business
//! and are not repeated here.

// The validator's name sets: short, not attacker-chosen keys, whose order
// never reaches the output, so Fx hashing instead of SipHash.
use rustc_hash::{FxHashMap as FastMap, FxHashSet as FastSet};

use crate::ast::*;
use crate::builtins::PRELUDE_TYPES;
use crate::code::Code;
use crate::diagnostic::Diagnostic;
use crate::id::{Dialect, compute_id, compute_id_with};
use crate::span::Span;

/// Validates `schema`, returning every problem in source order.
///
/// Notes that point at an earlier declaration name it by byte offset, since
/// the source text is not at hand; [`validate_source`] names lines instead.
pub fn validate(schema: &Schema, dialect: Dialect) -> Vec<Diagnostic> {
    Validator::new(schema, dialect, None).run()
}

/// Like [`validate`], with the source text `schema` was parsed from, so that
/// notes can name line numbers ("first declared on line 14").
pub fn validate_source(schema: &Schema, src: &str, dialect: Dialect) -> Vec<Diagnostic> {
    Validator::new(schema, dialect, Some(src)).run()
}

/// From this many differing explicit ids on, when they are also most of the
/// explicit ids, they get one summary warning instead of one each.
const MANY_ID_MISMATCHES: usize = 10;

/// The names a declaration may use as types besides the schema-wide ones.
#[derive(Default)]
struct Scope<'a> {
    /// `{X:Type}` variables (a declaration has one or two at most).
    type_vars: Vec<&'a str>,
    /// `{n:#}` variables.
    nat_vars: Vec<&'a str>,
}

/// Where a type stands, which decides what it may name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Position {
    /// The head of a type: must name a type.
    Head,
    /// A type argument: may also name a `{n:#}` variable.
    Arg,
    /// After `!`: names a type variable (or a known type).
    Bang,
}

struct Validator<'a> {
    schema: &'a Schema,
    dialect: Dialect,
    src: Option<&'a str>,
    /// Constructor names (types section), usable as bare types.
    constructors: FastSet<&'a str>,
    /// Result types of constructors: the boxed types.
    boxed: FastSet<&'a str>,
    /// Whether a function's result type is being checked (where an unknown
    /// type is only a warning).
    in_result: bool,
    /// How many declarations carry an explicit id.
    explicit_ids: usize,
    /// Declarations whose explicit id differs from the computed one, with it.
    id_mismatches: Vec<(&'a Definition, u32)>,
    /// The normalized text of the declaration whose id is being computed.
    scratch: String,
    out: Vec<Diagnostic>,
}

impl<'a> Validator<'a> {
    fn new(schema: &'a Schema, dialect: Dialect, src: Option<&'a str>) -> Self {
        let n = schema.definitions.len();
        let mut constructors = FastSet::with_capacity_and_hasher(n, Default::default());
        let mut boxed = FastSet::with_capacity_and_hasher(n, Default::default());
        for def in schema.definitions.iter().filter(|d| !d.is_function()) {
            constructors.insert(def.name.full.as_str());
            boxed.insert(def.result.name.full.as_str());
        }
        Validator {
            schema,
            dialect,
            src,
            constructors,
            boxed,
            in_result: false,
            explicit_ids: 0,
            id_mismatches: Vec::new(),
            scratch: String::with_capacity(256),
            out: Vec::new(),
        }
    }

    fn run(mut self) -> Vec<Diagnostic> {
        self.duplicates();
        for def in &self.schema.definitions {
            self.definition(def);
        }
        self.id_warnings();
        // Stable: diagnostics at the same offset keep the order they were found in.
        self.out.sort_by_key(|d| d.span.start);
        self.out
    }

    /// One warning per explicit id that differs from the computed one, or,
    /// when most explicit ids differ (the schema is likely of the other
    /// dialect), one warning for all of them that names the likely dialect.
    fn id_warnings(&mut self) {
        let mismatches = std::mem::take(&mut self.id_mismatches);
        let many =
            mismatches.len() >= MANY_ID_MISMATCHES && mismatches.len() * 2 > self.explicit_ids;
        if !many {
            for (def, computed) in mismatches {
                let Some(id) = def.id else { continue };
                self.out.push(Diagnostic::warning(
                    Code::IdMismatch,
                    id.span,
                    format!(
                        "explicit id #{:08x} differs from the computed id #{computed:08x}",
                        id.value
                    ),
                ));
            }
            return;
        }
        let other = self.dialect.other();
        let other_matches = mismatches
            .iter()
            .filter(|(def, _)| def.id.is_some_and(|id| compute_id(def, other) == id.value))
            .count();
        let Some((first, computed)) = mismatches.first() else {
            return;
        };
        let Some(id) = first.id else { return };
        let mut diagnostic = Diagnostic::warning(
            Code::DialectMismatch,
            id.span,
            format!(
                "{} of {} explicit ids differ from the ids the {} rules compute; {other_matches} of them match the {} rules",
                mismatches.len(),
                self.explicit_ids,
                self.dialect.name(),
                other.name()
            ),
        )
        .with_note(format!(
            "the first: `{}` is written #{:08x}, computed #{computed:08x}",
            first.name.full, id.value
        ));
        if other_matches * 2 > mismatches.len() {
            diagnostic = diagnostic.with_note(format!(
                "this looks like a {} schema: choose those rules (`--dialect {}`, `Config::dialect`)",
                other.name(),
                other.name()
            ));
        }
        self.out.push(diagnostic);
    }

    /// Names a place for a note: "on line 14", or "at byte 312" without the source.
    fn place(&self, span: Span) -> String {
        match self.src {
            Some(src) => format!("on line {}", span.line_col(src).0),
            None => format!("at byte {}", span.start),
        }
    }

    fn duplicates(&mut self) {
        let n = self.schema.definitions.len();
        let mut names: FastMap<(Section, &str), &Definition> =
            FastMap::with_capacity_and_hasher(n, Default::default());
        let mut ids: FastMap<(Section, u32), &Definition> =
            FastMap::with_capacity_and_hasher(n, Default::default());
        for def in &self.schema.definitions {
            let what = if def.is_function() {
                "function"
            } else {
                "constructor"
            };
            if let Some(first) = names.get(&(def.section, def.name.full.as_str())) {
                let note = format!("first declared {}", self.place(first.name.span));
                self.out.push(
                    Diagnostic::error(
                        Code::DuplicateName,
                        def.name.span,
                        format!("duplicate {what} `{}`", def.name.full),
                    )
                    .with_note(note),
                );
            } else {
                names.insert((def.section, def.name.full.as_str()), def);
            }
            let Some(id) = def.id else { continue };
            if let Some(first) = ids.get(&(def.section, id.value))
                && !is_prefix_declaration(first, def)
            {
                let note = format!(
                    "`{}` is declared {}",
                    first.name.full,
                    self.place(first.name.span)
                );
                self.out.push(
                    Diagnostic::error(
                        Code::DuplicateId,
                        id.span,
                        format!(
                            "duplicate id #{:08x}: already used by `{}`",
                            id.value, first.name.full
                        ),
                    )
                    .with_note(note),
                );
            } else {
                ids.insert((def.section, id.value), def);
            }
        }
    }

    fn definition(&mut self, def: &'a Definition) {
        if let Some(id) = def.id {
            self.explicit_ids += 1;
            let computed = compute_id_with(&mut self.scratch, def, self.dialect);
            if computed != id.value {
                self.id_mismatches.push((def, computed));
            }
        }

        let mut scope = Scope::default();
        for param in &def.params {
            let is_nat = param.ty.name.full == "#";
            for name in &param.names {
                if is_nat {
                    scope.nat_vars.push(name.name.as_str());
                } else {
                    scope.type_vars.push(name.name.as_str());
                }
            }
        }
        for param in &def.params {
            self.type_expr(&param.ty, &scope, Position::Head);
        }

        self.fields(def, def.fields(), &[], &scope);

        if def.is_function() {
            self.in_result = true;
            self.type_expr(&def.result, &scope, Position::Head);
            self.in_result = false;
        } else {
            // A constructor's result declares its type; only the arguments refer to others.
            for arg in &def.result.args {
                self.type_expr(arg, &scope, Position::Arg);
            }
        }
    }

    /// Checks `fields`; `outer` are the fields before the repetition they stand
    /// in (empty at the top level).
    fn fields(
        &mut self,
        def: &Definition,
        fields: &'a [Field],
        outer: &[&'a Field],
        scope: &Scope<'a>,
    ) {
        for (index, field) in fields.iter().enumerate() {
            // The fields before this one: `outer`, then `before`.
            let before = &fields[..index];
            self.duplicate_field(field, before);
            match &field.ty {
                FieldType::Nat => {}
                FieldType::Plain { bang, ty } => {
                    if !*bang
                        && !ty.percent
                        && ty.name.full == "true"
                        && ty.args.is_empty()
                        && !def.is_builtin()
                    {
                        let message = match &field.name {
                            Some(name) => format!(
                                "field `{}` of type `true` is not conditional; it carries nothing on the wire",
                                name.name
                            ),
                            None => "a field of type `true` that is not conditional carries nothing on the wire".to_owned(),
                        };
                        self.out.push(Diagnostic::warning(
                            Code::UnconditionalTrue,
                            field.span,
                            message,
                        ));
                    }
                    let position = if *bang {
                        Position::Bang
                    } else {
                        Position::Head
                    };
                    self.type_expr(ty, scope, position);
                }
                FieldType::Conditional {
                    flag,
                    bit,
                    bit_span,
                    ty,
                } => {
                    self.flag_reference(field, flag, (outer, before), &fields[index + 1..]);
                    if *bit > 31 {
                        self.out.push(Diagnostic::error(
                            Code::FlagBitOutOfRange,
                            *bit_span,
                            format!("flag bit {bit} is out of range; bits must be in 0..=31"),
                        ));
                    }
                    self.type_expr(ty, scope, Position::Head);
                }
                FieldType::Repeat {
                    multiplicity,
                    fields: inner,
                } => {
                    // Repetitions are rare: only they need the list built.
                    let mut earlier: Vec<&'a Field> = outer.to_vec();
                    earlier.extend(before);
                    if let Some(Multiplicity::Var(var)) = multiplicity
                        && !scope.nat_vars.contains(&var.name.as_str())
                        && !earlier.iter().any(|f| is_nat_named(f, &var.name))
                    {
                        self.out.push(Diagnostic::error(
                            Code::UnknownRepetitionCount,
                            var.span,
                            format!(
                                "repetition count `{}` is not an earlier `#` field or a `{{{}:#}}` argument",
                                var.name, var.name
                            ),
                        ));
                    }
                    self.fields(def, inner, &earlier, scope);
                }
            }
        }
    }

    /// A field named like an earlier one of the same list: the generated
    /// struct could not hold both.
    fn duplicate_field(&mut self, field: &Field, before: &[Field]) {
        let Some(name) = &field.name else { return };
        let first = before
            .iter()
            .filter_map(|f| f.name.as_ref())
            .find(|n| n.name == name.name);
        if let Some(first) = first {
            let note = match self.src {
                Some(src) => {
                    let (line, col) = first.span.line_col(src);
                    format!("first declared at line {line}, column {col}")
                }
                None => format!("first declared at byte {}", first.span.start),
            };
            self.out.push(
                Diagnostic::error(
                    Code::DuplicateField,
                    name.span,
                    format!("duplicate field `{}`", name.name),
                )
                .with_note(note),
            );
        }
    }

    /// Checks the `flags` of `x:flags.N?T`: an earlier `#` field. `earlier`
    /// holds the fields around the repetition this one stands in (if any),
    /// then the fields before it in its own list.
    fn flag_reference(
        &mut self,
        field: &Field,
        flag: &Ident,
        earlier: (&[&Field], &[Field]),
        later: &[Field],
    ) {
        let named = |f: &Field| f.name.as_ref().is_some_and(|n| n.name == flag.name);
        let (outer, before) = earlier;
        let found = before
            .iter()
            .rev()
            .find(|f| named(f))
            .or_else(|| outer.iter().rev().copied().find(|f| named(f)));
        if found.is_some_and(|f| f.ty == FieldType::Nat) {
            return;
        }
        // Only a problem costs a message.
        let subject = match &field.name {
            Some(name) => format!("field `{}`", name.name),
            None => "this field".to_owned(),
        };
        let message = match found {
            Some(found) => format!(
                "{subject} is conditional on `{}`, which is not a `#` field (it is `{}`)",
                flag.name, found.ty
            ),
            None if later.iter().any(named) => format!(
                "{subject} is conditional on `{}`, which is declared after it",
                flag.name
            ),
            None => format!(
                "{subject} is conditional on `{}`, which is not a field of this declaration",
                flag.name
            ),
        };
        self.out.push(Diagnostic::error(
            Code::InvalidFlagField,
            flag.span,
            message,
        ));
    }

    fn type_expr(&mut self, ty: &TypeExpr, scope: &Scope<'a>, position: Position) {
        let name = ty.name.full.as_str();
        let known = PRELUDE_TYPES.contains(&name)
            || self.boxed.contains(name)
            || self.constructors.contains(name)
            || scope.type_vars.contains(&name)
            || (position == Position::Arg && scope.nat_vars.contains(&name));
        if !known {
            let diagnostic = if self.in_result && name.len() > 1 {
                // Clients ship mtproto.tl files whose functions return types
                // the file never builds (`HttpWait`, `FutureSalts`): usable,
                // but the answer needs another schema to decode.
                Diagnostic::warning(
                    Code::UnbuiltResult,
                    ty.name.span,
                    format!(
                        "no constructor of this schema builds `{name}`: the answer cannot be decoded from this schema alone"
                    ),
                )
            } else if position == Position::Bang {
                Diagnostic::error(
                    Code::UndeclaredTypeVariable,
                    ty.name.span,
                    format!("type variable `{name}` is not declared"),
                )
                .with_note(format!("introduce it with `{{{name}:Type}}`"))
            } else if name.len() == 1 {
                Diagnostic::error(
                    Code::UnknownType,
                    ty.name.span,
                    format!("unknown type `{name}`"),
                )
                .with_note(format!(
                    "if `{name}` is a type variable, introduce it with `{{{name}:Type}}`"
                ))
            } else {
                Diagnostic::error(
                    Code::UnknownType,
                    ty.name.span,
                    format!("unknown type `{name}`"),
                )
            };
            self.out.push(diagnostic);
        }
        for arg in &ty.args {
            self.type_expr(arg, scope, Position::Arg);
        }
    }
}

/// Whether the fields of one of `a` and `b` are a strict prefix of the other's
/// (compared as printed, so spans do not matter).
fn is_prefix_declaration(a: &Definition, b: &Definition) -> bool {
    let (short, long) = if a.fields().len() <= b.fields().len() {
        (a.fields(), b.fields())
    } else {
        (b.fields(), a.fields())
    };
    short.len() < long.len()
        && short
            .iter()
            .zip(long)
            .all(|(x, y)| x.to_string() == y.to_string())
}

fn is_nat_named(field: &Field, name: &str) -> bool {
    field.ty == FieldType::Nat && field.name.as_ref().is_some_and(|n| n.name == name)
}
