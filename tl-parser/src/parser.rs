//! TL text to [`Schema`], built on nom.
//!
//! The parser works one declaration at a time: a declaration that does not
//! parse becomes a located error and parsing resumes after its `;`, or at the
//! next line that starts a declaration or a section marker if that comes
//! first, so one run reports every syntax error of a file. A declaration
//! whose `;` is missing at the end of its line is kept, with an error where
//! the `;` belongs.
//!
//! Types and repetitions nest at most [`MAX_NESTING`] levels deep; deeper
//! input is an error, so no later pass over the tree can exhaust the stack.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_until, take_while, take_while1};
use nom::character::complete::{char, digit1, hex_digit1};
use nom::error::{ErrorKind, ParseError};
use nom::multi::many0;
use nom::sequence::preceded;
use nom::{IResult, Parser};

use crate::ast::*;
use crate::diagnostic::Diagnostic;
use crate::docs::DocCollector;
use crate::span::Span;

/// A schema together with the syntax errors met while reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parsed {
    /// Everything that parsed.
    pub schema: Schema,
    /// Syntax errors (and unknown section markers), in source order.
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses the text of a schema file.
///
/// Never panics; every problem becomes a [`Diagnostic`] and the declarations
/// that did parse are kept.
pub fn parse(src: &str) -> Parsed {
    let mut p = SchemaParser {
        src,
        schema: Schema {
            // Every declaration ends in `;`: one allocation of the right size
            // instead of repeated growth of a large vector.
            definitions: Vec::with_capacity(memchr_count(src.as_bytes(), b';')),
            ..Schema::default()
        },
        diagnostics: Vec::new(),
        depth: std::cell::Cell::new(0),
        section: Section::Types,
        docs: DocCollector::default(),
    };
    p.run();
    Parsed {
        schema: p.schema,
        diagnostics: p.diagnostics,
    }
}

fn memchr_count(bytes: &[u8], needle: u8) -> usize {
    bytes.iter().filter(|&&b| b == needle).count()
}

/// How deep type arguments, parenthesized types and repetitions may nest.
pub const MAX_NESTING: usize = 32;

/// The error type of the inner nom parsers: where it failed and what was expected.
#[derive(Debug)]
struct SyntaxError<'a> {
    at: &'a str,
    expected: &'static str,
}

/// What `expected` says when nesting goes past [`MAX_NESTING`].
const TOO_DEEP: &str = "nesting";

impl<'a> ParseError<&'a str> for SyntaxError<'a> {
    fn from_error_kind(input: &'a str, kind: ErrorKind) -> Self {
        let expected = match kind {
            ErrorKind::HexDigit => "a hexadecimal constructor id",
            ErrorKind::Digit => "a number",
            _ => "valid TL syntax",
        };
        SyntaxError {
            at: input,
            expected,
        }
    }

    fn append(_: &'a str, _: ErrorKind, other: Self) -> Self {
        other
    }

    fn or(self, other: Self) -> Self {
        // Keep the error that got further.
        if other.at.len() < self.at.len() {
            other
        } else {
            self
        }
    }
}

type Res<'a, T> = IResult<&'a str, T, SyntaxError<'a>>;

fn fail<'a, T>(at: &'a str, expected: &'static str) -> Res<'a, T> {
    Err(nom::Err::Error(SyntaxError { at, expected }))
}

/// Commits to a parse: a failure inside becomes a hard error with `expected`.
fn expect<'a, O>(
    mut p: impl Parser<&'a str, Output = O, Error = SyntaxError<'a>>,
    expected: &'static str,
) -> impl FnMut(&'a str) -> Res<'a, O> {
    move |i: &'a str| match p.parse(i) {
        Ok(ok) => Ok(ok),
        Err(nom::Err::Error(_)) => Err(nom::Err::Failure(SyntaxError { at: i, expected })),
        Err(e) => Err(e),
    }
}

struct SchemaParser<'s> {
    src: &'s str,
    schema: Schema,
    diagnostics: Vec<Diagnostic>,
    section: Section,
    docs: DocCollector,
    /// How deep the type or repetition being parsed is nested.
    depth: std::cell::Cell<usize>,
}

/// One level of nesting, given back when dropped.
struct Nested<'p>(&'p std::cell::Cell<usize>);

impl Drop for Nested<'_> {
    fn drop(&mut self) {
        self.0.set(self.0.get().saturating_sub(1));
    }
}

impl<'s> SchemaParser<'s> {
    fn offset(&self, rest: &str) -> usize {
        self.src.len() - rest.len()
    }

    /// Enters one more level of nesting at `at`; past [`MAX_NESTING`] a hard
    /// error.
    fn nest(&self, at: &'s str) -> Result<Nested<'_>, nom::Err<SyntaxError<'s>>> {
        let depth = self.depth.get() + 1;
        if depth > MAX_NESTING {
            return Err(nom::Err::Failure(SyntaxError {
                at,
                expected: TOO_DEEP,
            }));
        }
        self.depth.set(depth);
        Ok(Nested(&self.depth))
    }

    fn span(&self, before: &str, after: &str) -> Span {
        Span::new(self.offset(before), self.offset(after))
    }

    fn run(&mut self) {
        let mut rest = self.src;
        loop {
            rest = self.skip_top_trivia(rest);
            if rest.is_empty() {
                break;
            }
            if rest.starts_with("---") {
                rest = self.section_marker(rest);
                continue;
            }
            rest = self.declaration(rest);
        }
        if let Some(class) = self.docs.take_class() {
            self.schema.classes.push(class);
        }
    }

    /// Skips white space and comments between declarations, collecting
    /// `// LAYER N` and TDLib documentation comments.
    fn skip_top_trivia(&mut self, mut rest: &'s str) -> &'s str {
        loop {
            let trimmed = rest.trim_start();
            if trimmed.len() != rest.len() {
                // A blank line ends a class block but not a constructor's docs.
                let skipped = &rest[..rest.len() - trimmed.len()];
                if skipped.matches('\n').count() >= 2
                    && let Some(class) = self.docs.take_class()
                {
                    self.schema.classes.push(class);
                }
                rest = trimmed;
            }
            if let Some(body) = rest.strip_prefix("//") {
                let end = body.find('\n').unwrap_or(body.len());
                let line = &body[..end];
                let span = Span::new(self.offset(rest), self.offset(&body[end..]));
                self.line_comment(line.trim_end_matches('\r'), span);
                rest = &body[end..];
            } else if rest.starts_with("/*") {
                match rest[2..].find("*/") {
                    Some(end) => rest = &rest[2 + end + 2..],
                    None => {
                        let start = self.offset(rest);
                        self.diagnostics.push(Diagnostic::error(
                            Span::new(start, start + 2),
                            "unterminated block comment",
                        ));
                        return "";
                    }
                }
            } else {
                return rest;
            }
        }
    }

    fn line_comment(&mut self, text: &str, span: Span) {
        if let Some(layer) = parse_layer_comment(text) {
            self.schema.layer = Some(Layer { value: layer, span });
            return;
        }
        let finished_class = self.docs.comment(text, span);
        if let Some(class) = finished_class {
            self.schema.classes.push(class);
        }
    }

    fn section_marker(&mut self, rest: &'s str) -> &'s str {
        let parsed: Res<'s, &'s str> = (
            tag("---"),
            take_while(|c: char| c == ' ' || c == '\t'),
            take_while1(|c: char| c.is_ascii_alphanumeric() || c == '_'),
            take_while(|c: char| c == ' ' || c == '\t'),
            tag("---"),
        )
            .map(|(_, _, word, _, _)| word)
            .parse(rest);
        match parsed {
            Ok((after, word)) => {
                if let Some(class) = self.docs.take_class() {
                    self.schema.classes.push(class);
                }
                self.docs.clear();
                match word {
                    "types" => self.section = Section::Types,
                    "functions" => self.section = Section::Functions,
                    other => self.diagnostics.push(Diagnostic::error(
                        self.span(rest, after),
                        format!(
                            "unknown section `---{other}---`; expected `---types---` or `---functions---`"
                        ),
                    )),
                }
                after
            }
            Err(_) => {
                let end = rest.find('\n').unwrap_or(rest.len());
                let start = self.offset(rest);
                self.diagnostics.push(Diagnostic::error(
                    Span::new(start, start + end),
                    "malformed section marker; expected `---types---` or `---functions---`",
                ));
                &rest[end..]
            }
        }
    }

    fn declaration(&mut self, rest: &'s str) -> &'s str {
        if let Some(class) = self.docs.take_class() {
            self.schema.classes.push(class);
        }
        let doc = self.docs.take_doc();
        self.depth.set(0);
        match self.definition(rest) {
            Ok((after, (mut def, missing_semicolon))) => {
                if let Some(at) = missing_semicolon {
                    let after = self.src[at..].trim_start_matches([' ', '\t', '\r']);
                    self.diagnostics.push(Diagnostic::error(
                        Span::new(at, at),
                        format!(
                            "expected `;` after the result type, found {}",
                            describe(after)
                        ),
                    ));
                }
                def.doc = doc;
                self.schema.definitions.push(def);
                after
            }
            Err(nom::Err::Error(e)) | Err(nom::Err::Failure(e)) => {
                let at = self.offset(e.at);
                let width = e.at.chars().next().map_or(0, char::len_utf8);
                let message = if e.expected == TOO_DEEP {
                    format!("types or repetitions nest more than {MAX_NESTING} levels deep")
                } else {
                    format!("expected {}, found {}", e.expected, describe(e.at))
                };
                self.diagnostics
                    .push(Diagnostic::error(Span::new(at, at + width), message));
                resume_after_error(e.at)
            }
            Err(nom::Err::Incomplete(_)) => "",
        }
    }

    /// A declaration, and where its `;` belongs if it is missing at the end
    /// of its line (the declaration is kept).
    fn definition(&self, start: &'s str) -> Res<'s, (Definition, Option<usize>)> {
        let (i, name) = expect(|i| self.qualified_name(i), "a declaration name")(start)?;
        let (i, id) = self.explicit_id(i)?;
        let (i, params) = many0(preceded(|i| ws(i), |i| self.optional_arg(i))).parse(i)?;
        let (i, _) = ws(i)?;
        let (i, body) = if let Some(after) = i.strip_prefix('?') {
            let span = self.span(i, after);
            (after, Body::Builtin { span })
        } else {
            let (i, fields) = self.fields(i, '=')?;
            (i, Body::Fields(fields))
        };
        let (i, _) = ws(i)?;
        let (i, _) = expect(char('='), "`=` or a field")(i)?;
        let (i, _) = ws(i)?;
        let (i, result) = expect(|i| self.result_type(i), "a result type after `=`")(i)?;
        let result_end = i;
        let (i, _) = ws(i)?;
        let (i, missing_semicolon) = match i.strip_prefix(';') {
            Some(after) => (after, None),
            None if self.src[self.offset(result_end)..self.offset(i)].contains('\n')
                || i.is_empty() =>
            {
                (i, Some(self.offset(result_end)))
            }
            None => {
                return Err(nom::Err::Failure(SyntaxError {
                    at: i,
                    expected: "`;` after the result type",
                }));
            }
        };
        let end = if missing_semicolon.is_some() {
            result_end
        } else {
            i
        };
        Ok((
            i,
            (
                Definition {
                    name,
                    id,
                    params,
                    body,
                    result,
                    section: self.section,
                    doc: Doc::default(),
                    span: self.span(start, end),
                },
                missing_semicolon,
            ),
        ))
    }

    fn qualified_name(&self, i: &'s str) -> Res<'s, Name> {
        let (mut rest, _) = ident(i)?;
        while let Some(after_dot) = rest.strip_prefix('.') {
            match ident(after_dot) {
                Ok((after, _)) => rest = after,
                Err(_) => break,
            }
        }
        let text = &i[..i.len() - rest.len()];
        Ok((
            rest,
            Name {
                full: text.to_owned(),
                span: self.span(i, rest),
            },
        ))
    }

    fn ident(&self, i: &'s str) -> Res<'s, Ident> {
        let (rest, text) = ident(i)?;
        Ok((
            rest,
            Ident {
                name: text.to_owned(),
                span: self.span(i, rest),
            },
        ))
    }

    fn explicit_id(&self, i: &'s str) -> Res<'s, Option<ExplicitId>> {
        let Some(after_hash) = i.strip_prefix('#') else {
            return Ok((i, None));
        };
        // `name #` with a space is an anonymous `#` field, handled with the fields.
        let (rest, digits) =
            expect(hex_digit1, "a hexadecimal constructor id after `#`")(after_hash)?;
        if digits.len() > 8 {
            return Err(nom::Err::Failure(SyntaxError {
                at: after_hash,
                expected: "a constructor id of at most 8 hex digits",
            }));
        }
        if rest.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_') {
            return Err(nom::Err::Failure(SyntaxError {
                at: rest,
                expected: "white space after the constructor id",
            }));
        }
        let value = u32::from_str_radix(digits, 16).unwrap_or(0);
        Ok((
            rest,
            Some(ExplicitId {
                value,
                span: self.span(i, rest),
            }),
        ))
    }

    fn optional_arg(&self, start: &'s str) -> Res<'s, OptionalArg> {
        let (i, _) = char('{')(start)?;
        let (i, _) = ws(i)?;
        let (i, first) = expect(|i| self.ident(i), "an argument name after `{`")(i)?;
        let (i, more) = many0(preceded(|i| ws(i), |i| self.ident(i))).parse(i)?;
        let (i, _) = ws(i)?;
        let (i, _) = expect(char(':'), "`:` in an optional argument")(i)?;
        let (i, _) = ws(i)?;
        let (i, ty) = expect(|i| self.type_term(i), "a type in an optional argument")(i)?;
        let (i, _) = ws(i)?;
        let (i, _) = expect(char('}'), "`}` closing the optional argument")(i)?;
        let mut names = vec![first];
        names.extend(more);
        Ok((
            i,
            OptionalArg {
                names,
                ty,
                span: self.span(start, i),
            },
        ))
    }

    /// Fields up to (not including) `end`.
    fn fields(&self, mut i: &'s str, end: char) -> Res<'s, Vec<Field>> {
        // Named fields have one `:` each: counting them up to the `;` sizes the
        // vector in one allocation instead of a chain of growing ones.
        let ahead = i.as_bytes();
        let ahead = &ahead[..ahead.iter().position(|&b| b == b';').unwrap_or(ahead.len())];
        let mut fields = Vec::with_capacity(memchr_count(ahead, b':'));
        loop {
            let (rest, _) = ws(i)?;
            i = rest;
            if i.starts_with(end) || i.is_empty() || i.starts_with(';') {
                return Ok((i, fields));
            }
            let (rest, field) = expect(|i| self.field(i), "a field or `=`")(i)?;
            i = rest;
            fields.push(field);
        }
    }

    fn field(&self, start: &'s str) -> Res<'s, Field> {
        // `[ ... ]` and `n*[ ... ]` without a name.
        match self.repetition(start) {
            Ok((i, ty)) => {
                return Ok((
                    i,
                    Field {
                        name: None,
                        ty,
                        span: self.span(start, i),
                    },
                ));
            }
            Err(nom::Err::Error(_)) => {}
            Err(e) => return Err(e),
        }
        // `name:type`
        if let Ok((after_colon, text)) = (ident, char::<&str, SyntaxError<'s>>(':'))
            .map(|(n, _)| n)
            .parse(start)
        {
            let name = Ident {
                name: text.to_owned(),
                span: Span::new(self.offset(start), self.offset(start) + text.len()),
            };
            let (i, ty) = expect(|i| self.field_type(i), "a field type after `:`")(after_colon)?;
            return Ok((
                i,
                Field {
                    name: Some(name),
                    ty,
                    span: self.span(start, i),
                },
            ));
        }
        // An anonymous field: `#` or a type.
        let (i, ty) = alt((
            char('#').map(|_| FieldType::Nat),
            (|i| self.type_term(i)).map(|ty| FieldType::Plain { bang: false, ty }),
        ))
        .parse(start)?;
        Ok((
            i,
            Field {
                name: None,
                ty,
                span: self.span(start, i),
            },
        ))
    }

    fn field_type(&self, i: &'s str) -> Res<'s, FieldType> {
        if let Some(rest) = i.strip_prefix('#') {
            return Ok((rest, FieldType::Nat));
        }
        if let Some(rest) = i.strip_prefix('!') {
            let (rest, ty) = expect(|i| self.type_term(i), "a type after `!`")(rest)?;
            return Ok((rest, FieldType::Plain { bang: true, ty }));
        }
        match self.repetition(i) {
            Ok(ok) => return Ok(ok),
            Err(nom::Err::Error(_)) => {}
            Err(e) => return Err(e),
        }
        // `flags.N?Type`
        let cond: Res<'s, (Ident, &'s str)> = (|i| self.ident(i), char('.'), digit1, char('?'))
            .map(|(flag, _, bit, _)| (flag, bit))
            .parse(i);
        if let Ok((rest, (flag, bit_text))) = cond {
            let bit_start = flag.span.end + 1;
            let bit_span = Span::new(bit_start, bit_start + bit_text.len());
            let bit = bit_text.parse::<u64>().unwrap_or(u64::MAX);
            let (rest, ty) = expect(|i| self.type_term(i), "a type after `?`")(rest)?;
            return Ok((
                rest,
                FieldType::Conditional {
                    flag,
                    bit,
                    bit_span,
                    ty,
                },
            ));
        }
        let (rest, ty) = self.type_term(i)?;
        Ok((rest, FieldType::Plain { bang: false, ty }))
    }

    /// `[ fields ]`, `n*[ fields ]`, `4*[ fields ]`.
    fn repetition(&self, i: &'s str) -> Res<'s, FieldType> {
        if !looks_like_repetition(i) {
            return fail(i, "a repetition");
        }
        let _level = self.nest(i)?;
        // The count, checked with raw parsers so nothing is allocated unless
        // this really is a repetition.
        let count: Res<'s, &'s str> = (|i: &'s str| {
            let (rest, m) = alt((digit1, ident)).parse(i)?;
            let (rest, _) = ws(rest)?;
            let (rest, _) = char('*')(rest)?;
            let (rest, _) = ws(rest)?;
            Ok((rest, m))
        })(i);
        let (i, multiplicity) = match count {
            Ok((rest, text)) => {
                let span = Span::new(self.offset(i), self.offset(i) + text.len());
                let m = if text.starts_with(|c: char| c.is_ascii_digit()) {
                    Multiplicity::Literal(text.parse::<u64>().unwrap_or(u64::MAX), span)
                } else {
                    Multiplicity::Var(Ident {
                        name: text.to_owned(),
                        span,
                    })
                };
                (rest, Some(m))
            }
            Err(_) => (i, None),
        };
        let (i, _) = if multiplicity.is_some() {
            expect(char('['), "`[` after `*`")(i)?
        } else {
            char('[')(i)?
        };
        let (i, fields) = self.fields(i, ']')?;
        let (i, _) = expect(char(']'), "`]` closing the repetition")(i)?;
        Ok((
            i,
            FieldType::Repeat {
                multiplicity,
                fields,
            },
        ))
    }

    /// A type in a field or argument: `%T`, `T`, `T<A, B>`, `(T A B)`, `#`.
    fn type_term(&self, start: &'s str) -> Res<'s, TypeExpr> {
        let _level = self.nest(start)?;
        if let Some(rest) = start.strip_prefix('%') {
            let (rest, mut ty) = expect(|i| self.type_term(i), "a type after `%`")(rest)?;
            ty.percent = true;
            ty.span = self.span(start, rest);
            return Ok((rest, ty));
        }
        if let Some(rest) = start.strip_prefix('#') {
            let name = Name {
                full: "#".to_owned(),
                span: self.span(start, rest),
            };
            return Ok((rest, plain_type(name, self.span(start, rest))));
        }
        if let Some(rest) = start.strip_prefix('(') {
            let (i, _) = ws(rest)?;
            let (i, name) = expect(|i| self.qualified_name(i), "a type name after `(`")(i)?;
            let (i, args) = many0(preceded(|i| ws(i), |i| self.type_term(i))).parse(i)?;
            let (i, _) = ws(i)?;
            let (i, _) = expect(char(')'), "`)` closing the type")(i)?;
            let style = if args.is_empty() {
                ArgStyle::Paren
            } else {
                ArgStyle::Juxtaposed
            };
            return Ok((
                i,
                TypeExpr {
                    name,
                    percent: false,
                    args,
                    style,
                    span: self.span(start, i),
                },
            ));
        }
        let (i, name) = self.qualified_name(start)?;
        if let Some(rest) = i.strip_prefix('<') {
            let (rest, _) = ws(rest)?;
            let (rest, first) = expect(|i| self.type_term(i), "a type argument after `<`")(rest)?;
            let (rest, more) = many0(preceded((|i| ws(i), char(','), |i| ws(i)), |i| {
                self.type_term(i)
            }))
            .parse(rest)?;
            let (rest, _) = ws(rest)?;
            let (rest, _) = expect(char('>'), "`>` closing the type arguments")(rest)?;
            let mut args = vec![first];
            args.extend(more);
            return Ok((
                rest,
                TypeExpr {
                    name,
                    percent: false,
                    args,
                    style: ArgStyle::Angle,
                    span: self.span(start, rest),
                },
            ));
        }
        Ok((i, plain_type(name, self.span(start, i))))
    }

    /// The result type: `Name`, `Name<A>`, or `Name a b` (juxtaposed arguments up to `;`).
    fn result_type(&self, start: &'s str) -> Res<'s, TypeExpr> {
        let (i, mut ty) = self.type_term(start)?;
        if ty.args.is_empty() && ty.style == ArgStyle::Angle {
            let (i, args) = many0(preceded(inline_space1, |i| self.type_term(i))).parse(i)?;
            if !args.is_empty() {
                ty.args = args;
                ty.style = ArgStyle::Juxtaposed;
                ty.span = self.span(start, i);
            }
            return Ok((i, ty));
        }
        Ok((i, ty))
    }
}

fn plain_type(name: Name, span: Span) -> TypeExpr {
    TypeExpr {
        name,
        percent: false,
        args: Vec::new(),
        style: ArgStyle::Angle,
        span,
    }
}

/// Whether `i` starts `[`, or a count followed by `*`: a cheap test that
/// spares ordinary fields the full repetition parse.
fn looks_like_repetition(i: &str) -> bool {
    let bytes = i.as_bytes();
    if bytes.first() == Some(&b'[') {
        return true;
    }
    let word = bytes
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
        .count();
    word > 0
        && bytes[word..]
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|b| *b == b'*')
}

/// `[A-Za-z_][A-Za-z0-9_]*`, scanned byte by byte (identifiers are ASCII).
fn ident(i: &str) -> Res<'_, &str> {
    let bytes = i.as_bytes();
    match bytes.first() {
        Some(b) if b.is_ascii_alphabetic() || *b == b'_' => {
            let len = 1 + bytes[1..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'_')
                .count();
            // Every byte counted is ASCII, so `len` is a char boundary.
            Ok((&i[len..], &i[..len]))
        }
        _ => fail(i, "an identifier"),
    }
}

/// White space and comments inside a declaration (possibly none).
fn ws(mut i: &str) -> Res<'_, ()> {
    loop {
        let trimmed = trim_ascii_start(i);
        if let Some(rest) = trimmed.strip_prefix("//") {
            i = rest.find('\n').map_or("", |n| &rest[n..]);
        } else if trimmed.starts_with("/*") {
            let (rest, _) = block_comment(trimmed)?;
            i = rest;
        } else {
            return Ok((trimmed, ()));
        }
    }
}

/// `i` without leading ASCII white space (TL separates tokens with it).
fn trim_ascii_start(i: &str) -> &str {
    let n = i.bytes().take_while(u8::is_ascii_whitespace).count();
    // ASCII bytes only were skipped, so `n` is a char boundary.
    &i[n..]
}

/// Spaces or tabs, at least one: juxtaposed result arguments (`= Vector t;`)
/// stand on the result's line, so a missing `;` does not swallow the next
/// declaration.
fn inline_space1(i: &str) -> Res<'_, ()> {
    let n = i.bytes().take_while(|&b| b == b' ' || b == b'\t').count();
    if n == 0 {
        return fail(i, "white space");
    }
    // Only ASCII bytes were skipped.
    Ok((&i[n..], ()))
}

fn block_comment(i: &str) -> Res<'_, &str> {
    let (rest, _) = tag("/*")(i)?;
    match take_until::<_, _, SyntaxError<'_>>("*/")(rest) {
        Ok((rest, body)) => Ok((&rest[2..], body)),
        Err(_) => Err(nom::Err::Failure(SyntaxError {
            at: i,
            expected: "`*/` closing the block comment",
        })),
    }
}

/// `LAYER 230` in a `// LAYER 230` comment.
fn parse_layer_comment(text: &str) -> Option<u32> {
    let rest = text.trim().strip_prefix("LAYER")?;
    let digits = rest.trim();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// Names what stands at `at`, for "expected X, found Y".
fn describe(at: &str) -> String {
    match at.chars().next() {
        None => "end of file".to_owned(),
        Some('\n') | Some('\r') => "end of line".to_owned(),
        Some(c) if c.is_whitespace() => "white space".to_owned(),
        Some(c) => format!("`{c}`"),
    }
}

/// Where parsing resumes after an error at `at`: after the next `;`, or at
/// the next line that starts (in its first column) with a letter, `%` or
/// `-` (a declaration or a section marker), whichever comes first.
fn resume_after_error(at: &str) -> &str {
    let semicolon = skip_past_semicolon(at);
    let mut line_starts = at.match_indices('\n').map(|(n, _)| &at[n + 1..]);
    let next_line = line_starts
        .find(|line| line.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-' || c == '%'));
    match next_line {
        Some(line) if line.len() > semicolon.len() => line,
        _ => semicolon,
    }
}

/// Resumes after the next `;` (outside comments), or at the end of input.
fn skip_past_semicolon(mut rest: &str) -> &str {
    loop {
        let Some(pos) = rest.find([';', '/']) else {
            return "";
        };
        let (head, tail) = rest.split_at(pos);
        let _ = head;
        if let Some(after) = tail.strip_prefix(';') {
            return after;
        }
        if let Some(after) = tail.strip_prefix("//") {
            rest = after.find('\n').map_or("", |n| &after[n..]);
        } else if let Some(after) = tail.strip_prefix("/*") {
            rest = after.find("*/").map_or("", |n| &after[n + 2..]);
        } else {
            rest = &tail[1..];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(src: &str) -> Definition {
        let parsed = parse(src);
        assert_eq!(parsed.diagnostics, vec![], "{src}");
        assert_eq!(parsed.schema.definitions.len(), 1);
        parsed.schema.definitions.into_iter().next().unwrap()
    }

    #[test]
    fn plain_constructor() {
        let d = one("inputPeerChat#35a95cb9 chat_id:long = InputPeer;");
        assert_eq!(d.name.full, "inputPeerChat");
        assert_eq!(d.id.unwrap().value, 0x35a95cb9);
        assert_eq!(d.id.unwrap().span, Span::new(13, 22));
        assert_eq!(d.fields().len(), 1);
        assert_eq!(d.fields()[0].name.as_ref().unwrap().name, "chat_id");
        assert_eq!(d.result.name.full, "InputPeer");
        assert_eq!(d.span, Span::new(0, 48));
    }

    #[test]
    fn vector_builtin() {
        let d = one("vector#1cb5c415 {t:Type} # [ t ] = Vector t;");
        assert_eq!(d.params.len(), 1);
        assert_eq!(d.params[0].names[0].name, "t");
        assert_eq!(d.fields().len(), 2);
        assert_eq!(d.fields()[0].ty, FieldType::Nat);
        match &d.fields()[1].ty {
            FieldType::Repeat {
                multiplicity: None,
                fields,
            } => assert_eq!(fields.len(), 1),
            other => panic!("{other:?}"),
        }
        assert_eq!(d.result.args.len(), 1);
        assert_eq!(d.result.style, ArgStyle::Juxtaposed);
    }

    #[test]
    fn conditional_and_generic() {
        let d = one(
            "initConnection#c1cd5ea9 {X:Type} flags:# proxy:flags.0?InputClientProxy query:!X = X;",
        );
        match &d.fields()[1].ty {
            FieldType::Conditional { flag, bit, ty, .. } => {
                assert_eq!(flag.name, "flags");
                assert_eq!(*bit, 0);
                assert_eq!(ty.name.full, "InputClientProxy");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            &d.fields()[2].ty,
            FieldType::Plain { bang: true, .. }
        ));
    }

    #[test]
    fn errors_are_located_and_recovered() {
        let src = "a = A;\nb x:int B;\nc = C;\nd x:(int = D;\n";
        let parsed = parse(src);
        let names: Vec<_> = parsed
            .schema
            .definitions
            .iter()
            .map(|d| d.name.full.as_str())
            .collect();
        assert_eq!(names, ["a", "c"]);
        let messages: Vec<_> = parsed
            .diagnostics
            .iter()
            .map(|d| (d.span.start, d.message.as_str()))
            .collect();
        assert_eq!(
            messages,
            [
                (16, "expected `=` or a field, found `;`"),
                (34, "expected `)` closing the type, found `=`"),
            ]
        );
    }
}
