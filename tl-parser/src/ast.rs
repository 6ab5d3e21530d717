//! The syntax tree of a TL schema.
//!
//! Every node that stands for source text carries the [`Span`] of that text, so
//! later stages (validation, code generation, documentation) can point back at
//! the schema when they have something to say about it.

use crate::span::Span;
pub use smol_str::SmolStr;

/// A whole parsed schema file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Schema {
    /// The layer from a `// LAYER N` comment, if the file has one.
    pub layer: Option<Layer>,
    /// Every declaration, in source order.
    pub definitions: Vec<Definition>,
    /// `//@class Name @description ...` blocks (TDLib), in source order.
    pub classes: Vec<ClassDoc>,
}

/// The `// LAYER N` comment of a schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layer {
    /// The layer number.
    pub value: u32,
    /// Where the comment stands.
    pub span: Span,
}

/// Which section a declaration stands in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Section {
    /// Under `---types---` (the default at the start of a file): a constructor.
    #[default]
    Types,
    /// Under `---functions---`: a function (RPC).
    Functions,
}

/// A dotted name such as `messages.importChatInvite` or `engine.validator.config.shard`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// The full text, namespaces included.
    pub full: SmolStr,
    /// Where it stands.
    pub span: Span,
}

impl Name {
    /// The namespaces in front of the last segment (`["messages"]` for `messages.importChatInvite`).
    pub fn namespace(&self) -> Vec<&str> {
        let mut parts: Vec<&str> = self.full.split('.').collect();
        parts.pop();
        parts
    }

    /// The last segment (`importChatInvite` for `messages.importChatInvite`).
    pub fn base(&self) -> &str {
        self.full.rsplit('.').next().unwrap_or(&self.full)
    }
}

/// One declaration: `name#id {X:Type} field:type ... = Result;`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Definition {
    /// The constructor or function name.
    pub name: Name,
    /// The explicit `#id`, if written.
    pub id: Option<ExplicitId>,
    /// Optional (type-level) arguments in braces: `{X:Type}`, `{m n:#}`.
    pub params: Vec<OptionalArg>,
    /// What stands between the name and `=`.
    pub body: Body,
    /// The type after `=`.
    pub result: TypeExpr,
    /// The section the declaration stands in.
    pub section: Section,
    /// Documentation comments (`//@...`) written right before it.
    pub doc: Doc,
    /// The whole declaration, from the name to the `;` inclusive.
    pub span: Span,
}

impl Definition {
    /// Whether this declares a function (stands under `---functions---`).
    pub fn is_function(&self) -> bool {
        self.section == Section::Functions
    }

    /// The fields, or an empty slice for a `?` built-in.
    pub fn fields(&self) -> &[Field] {
        match &self.body {
            Body::Fields(fields) => fields,
            Body::Builtin { .. } => &[],
        }
    }

    /// Whether the declaration is one of the built-in primitives (`int ? = Int;`,
    /// `vector`, `int128`, TDLib's `int32 = Int32;`, ...), which carry no generated type.
    pub fn is_builtin(&self) -> bool {
        matches!(self.body, Body::Builtin { .. })
            || (self.section == Section::Types && crate::builtins::is_core_name(&self.name.full))
    }
}

/// An explicit constructor id, `#1cb5c415`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExplicitId {
    /// The id.
    pub value: u32,
    /// Where `#...` stands, the `#` included.
    pub span: Span,
}

/// What stands between the name and `=`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Body {
    /// `?`: a primitive whose wire form the language itself defines.
    Builtin {
        /// Where the `?` stands.
        span: Span,
    },
    /// Zero or more fields.
    Fields(Vec<Field>),
}

/// An optional argument group in braces: `{X:Type}` or `{m n:#}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionalArg {
    /// The names it declares.
    pub names: Vec<Ident>,
    /// Their type: `Type` or `#`.
    pub ty: TypeExpr,
    /// From `{` to `}`.
    pub span: Span,
}

/// A plain identifier with its span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ident {
    /// The text.
    pub name: SmolStr,
    /// Where it stands.
    pub span: Span,
}

/// One field (argument) of a declaration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The name; `None` for anonymous fields such as the `#` and `[ t ]` of `vector`.
    pub name: Option<Ident>,
    /// What the field holds.
    pub ty: FieldType,
    /// The whole field.
    pub span: Span,
}

/// The type part of a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldType {
    /// `#`: a natural number (used for flags words and repetition counts).
    Nat,
    /// `Type`, or `!Type` when `bang` (a function argument of the generic type).
    Plain {
        /// Whether written `!X`.
        bang: bool,
        /// The type.
        ty: TypeExpr,
    },
    /// `flags.N?Type`: present only when bit `N` of field `flags` is set.
    Conditional {
        /// The `#` field holding the bit.
        flag: Ident,
        /// The bit number as written (validated to be 0..=31 later).
        bit: u64,
        /// Where the bit number stands.
        bit_span: Span,
        /// The type when present.
        ty: TypeExpr,
    },
    /// `n*[ fields ]` or `[ fields ]`: a repetition.
    Repeat {
        /// The count: a `#` field name, a literal, or absent (the count is the
        /// preceding anonymous `#`).
        multiplicity: Option<Multiplicity>,
        /// The repeated fields.
        fields: Vec<Field>,
    },
}

/// The count in front of a repetition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Multiplicity {
    /// A literal: `4*[ int ]`.
    Literal(u64, Span),
    /// A `#` variable: `n*[ t ]`.
    Var(Ident),
}

/// A type expression: `int`, `Vector<Update>`, `%Message`, `(vector adnl.Address)`, `Vector t`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeExpr {
    /// The type name (dotted); `#` for the natural-number type.
    pub name: Name,
    /// Written with `%` (forced bare).
    pub percent: bool,
    /// Type arguments, `<...>` or by juxtaposition.
    pub args: Vec<TypeExpr>,
    /// How the arguments were written.
    pub style: ArgStyle,
    /// The whole expression.
    pub span: Span,
}

/// How a type application was written (kept so the schema prints back as written).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ArgStyle {
    /// `Vector<T>` (or no arguments at all).
    #[default]
    Angle,
    /// `(vector T)` in a field, or `Vector t` after `=`.
    Juxtaposed,
    /// `(T)`: a single name in parentheses.
    Paren,
}

impl TypeExpr {
    /// Whether the type is bare: written `%T`, or its last name segment starts
    /// with a lower-case letter (a constructor name or a bare built-in like `int`).
    pub fn is_bare(&self) -> bool {
        self.percent
            || self
                .name
                .base()
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_lowercase())
    }
}

/// TDLib documentation attached to a declaration.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Doc {
    /// `@description` text.
    pub description: Option<String>,
    /// Every other `@name text` pair, in order (field and parameter docs).
    pub fields: Vec<(String, String)>,
}

impl Doc {
    /// Whether nothing was documented.
    pub fn is_empty(&self) -> bool {
        self.description.is_none() && self.fields.is_empty()
    }

    /// The documentation of field `name`, if any. A field named
    /// `description` is documented by `@param_description` (TDLib's
    /// `@description` is the declaration's own).
    pub fn field(&self, name: &str) -> Option<&str> {
        let tag = if name == "description" {
            "param_description"
        } else {
            name
        };
        self.fields
            .iter()
            .find(|(n, _)| n == tag)
            .map(|(_, t)| t.as_str())
    }
}

/// A `//@class Name @description ...` block: documentation of a boxed type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassDoc {
    /// The type it documents.
    pub name: String,
    /// Its description.
    pub description: String,
    /// Where the block stands.
    pub span: Span,
}
