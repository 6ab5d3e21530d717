//! TL text to [`Schema`], built on nom.
//!
//! The parser works one declaration at a time, so one run reports every
//! syntax error of a file and keeps every declaration that parses:
//!
//! - A declaration that does not parse becomes a located error, and parsing
//!   resumes after its `;` or at the next line that starts a declaration or a
//!   section marker, whichever comes first (with the comment lines right
//!   above that line, so its documentation stays with it). `;` and lines
//!   inside comments do not count; a `/*` that nothing closes is an error and
//!   makes the rest of the file a comment.
//! - A line that starts, in its first column, with a name or `---` always
//!   begins a new declaration or section once the declaration before it has
//!   failed: no real schema continues a declaration on such a line. So when
//!   a declaration fails after reading into such a line, it is read again up
//!   to that line and its error points where it stops (`expected ..., found
//!   end of line`), and the line is parsed on its own.
//! - A declaration whose `;` is missing at the end of its line is kept, with
//!   an error where the `;` belongs.
//!
//! Types and repetitions nest at most [`MAX_NESTING`] levels deep; deeper
//! input is an error, so no later pass over the tree can exhaust the stack.
//! The parser itself keeps the types and repetitions it has open on explicit
//! stacks instead of recursing into them, so its own stack use does not grow
//! with the input either.

use nom::branch::alt;
use nom::bytes::complete::{tag, take_until, take_while, take_while1};
use nom::character::complete::{char, digit1, hex_digit1};
use nom::error::{ErrorKind, ParseError};
use nom::multi::many0;
use nom::sequence::preceded;
use nom::{IResult, Parser};

use crate::ast::*;
use crate::code::Code;
use crate::diagnostic::Diagnostic;
use crate::span::Span;
use crate::tdlib_comments::DocCollector;

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
        cut: false,
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
    memchr::memchr_iter(needle, bytes).count()
}

/// How many levels deep types and repetitions may nest in a declaration.
///
/// A field's type, an optional argument's type and the result type stand at
/// level 1; a type argument (`<A>`, `(vector A)`), a type after `%`, and a
/// juxtaposed argument of the result (`= Vector t`) stand one level deeper
/// than the type they belong to. A repetition (`[ ... ]`, `n*[ ... ]`)
/// stands one level deeper than the fields around it, and so do the types
/// of its fields. Anything at level 33 or deeper is an error located at its
/// start ("types or repetitions nest more than 32 levels deep"), so the
/// syntax tree never holds deeper nesting and the passes that walk it
/// recursively (validation, printing, id computation, code generation) stay
/// within a small, fixed amount of stack. Parsing itself does not recurse
/// on nesting at all. Real schemas nest 3 levels at most.
pub const MAX_NESTING: usize = 32;

/// The error type of the inner nom parsers: where it failed and what went
/// wrong there.
#[derive(Debug)]
struct SyntaxError<'a> {
    at: &'a str,
    problem: Problem,
}

/// What went wrong where a [`SyntaxError`] stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Problem {
    /// Something else stands where this was expected.
    Expected(&'static str),
    /// The result type is not followed by `;`.
    MissingSemicolon,
    /// Types or repetitions nest past [`MAX_NESTING`].
    TooDeep,
    /// A `/*` inside a declaration that nothing closes.
    UnclosedComment,
}

impl Problem {
    /// The code of the diagnostic reporting this problem.
    fn code(self) -> Code {
        match self {
            Problem::Expected(_) => Code::Syntax,
            Problem::MissingSemicolon => Code::MissingSemicolon,
            Problem::TooDeep => Code::NestingTooDeep,
            Problem::UnclosedComment => Code::UnclosedComment,
        }
    }

    /// What was expected, for "expected X, found Y"; `None` when the
    /// problem is not something missing.
    fn expected(self) -> Option<&'static str> {
        match self {
            Problem::Expected(expected) => Some(expected),
            Problem::MissingSemicolon => Some("`;` after the result type"),
            Problem::UnclosedComment => Some("`*/` closing the block comment"),
            Problem::TooDeep => None,
        }
    }
}

impl<'a> ParseError<&'a str> for SyntaxError<'a> {
    fn from_error_kind(input: &'a str, kind: ErrorKind) -> Self {
        let expected = match kind {
            ErrorKind::HexDigit => "a hexadecimal constructor id",
            ErrorKind::Digit => "a number",
            _ => "valid TL syntax",
        };
        SyntaxError {
            at: input,
            problem: Problem::Expected(expected),
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
    Err(nom::Err::Error(SyntaxError {
        at,
        problem: Problem::Expected(expected),
    }))
}

/// Commits to a parse: a failure inside becomes a hard error with `expected`.
fn expect<'a, O>(
    mut p: impl Parser<&'a str, Output = O, Error = SyntaxError<'a>>,
    expected: &'static str,
) -> impl FnMut(&'a str) -> Res<'a, O> {
    move |i: &'a str| match p.parse(i) {
        Ok(ok) => Ok(ok),
        Err(nom::Err::Error(_)) => Err(failure(i, expected)),
        Err(e) => Err(e),
    }
}

struct SchemaParser<'s> {
    src: &'s str,
    schema: Schema,
    diagnostics: Vec<Diagnostic>,
    /// Whether `src` is cut short at the start of a line (see
    /// [`SchemaParser::within`]): its end is then an end of line.
    cut: bool,
    section: Section,
    docs: DocCollector,
}

/// A type whose arguments are still being read (see
/// [`SchemaParser::type_term`]).
enum OpenType<'s> {
    /// `%` in front of a type; holds where the `%` stands.
    Percent(&'s str),
    /// `(name args...)`.
    Paren {
        start: &'s str,
        name: Name,
        args: Vec<TypeExpr>,
    },
    /// `name<args, ...>`.
    Angle {
        start: &'s str,
        name: Name,
        args: Vec<TypeExpr>,
    },
}

/// A repetition whose fields are still being read (see
/// [`SchemaParser::fields`]).
struct OpenRepeat<'s> {
    /// Where its field starts: the name, or the count or `[` when anonymous.
    start: &'s str,
    name: Option<Ident>,
    multiplicity: Option<Multiplicity>,
    fields: Vec<Field>,
}

/// A field as far as its start tells: complete, or a repetition whose
/// fields follow.
enum FieldStart<'s> {
    Complete(Field),
    Repeat(OpenRepeat<'s>),
}

/// After the start of a repetition: what follows its `[`, and its count.
type RepetitionStart<'s> = (&'s str, Option<Multiplicity>);

/// The type part of a field as far as its start tells.
enum FieldTypeStart {
    Complete(FieldType),
    /// `[` or `n*[` was read; the repeated fields follow.
    Repeat(Option<Multiplicity>),
}

impl<'s> SchemaParser<'s> {
    fn offset(&self, rest: &str) -> usize {
        self.src.len() - rest.len()
    }

    fn span(&self, before: &str, after: &str) -> Span {
        Span::new(self.offset(before), self.offset(after))
    }

    fn run(&mut self) {
        self.parse_from(self.src);
        if let Some(class) = self.docs.take_class() {
            self.schema.classes.push(class);
        }
    }

    /// Reads section markers and declarations from `rest` to the end of
    /// `src`.
    fn parse_from(&mut self, mut rest: &'s str) {
        loop {
            rest = self.skip_top_trivia(rest);
            if rest.is_empty() {
                break;
            }
            if rest.starts_with("---") {
                rest = self.section_marker(rest);
                continue;
            }
            let doc = self.docs.take_doc();
            rest = self.declaration(rest, doc);
        }
    }

    /// Runs `f` with `src` cut short at byte `end` (a line start), so that
    /// nothing it parses reads past that line.
    fn within(&mut self, end: usize, f: impl FnOnce(&mut Self)) {
        let (src, cut) = (self.src, self.cut);
        self.src = &src[..end];
        self.cut = true;
        f(self);
        self.src = src;
        self.cut = cut;
    }

    /// Reports the `/*` at byte `at`, which nothing closes.
    fn unterminated_comment(&mut self, at: usize) {
        self.diagnostics.push(Diagnostic::error(
            Code::UnclosedComment,
            Span::new(at, at + 2),
            "unterminated block comment",
        ));
    }

    /// Names what stands at `at` for "expected X, found Y": at the end of
    /// a cut-short `src`, the end of a line.
    fn found(&self, at: &str) -> String {
        if at.is_empty() && self.cut {
            "end of line".to_owned()
        } else {
            describe(at)
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
                        self.unterminated_comment(self.offset(rest));
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
                        Code::InvalidSection,
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
                    Code::InvalidSection,
                    Span::new(start, start + end),
                    "malformed section marker; expected `---types---` or `---functions---`",
                ));
                &rest[end..]
            }
        }
    }

    /// One declaration starting at `rest`, documented by `doc`; returns
    /// where parsing goes on.
    ///
    /// When it does not parse, the error is reported and parsing resumes
    /// after the next `;` or at the next line that starts (in its first
    /// column) a declaration or a section marker, whichever comes first.
    /// If such a line came before the point where parsing failed, the
    /// declaration ended before it (its `;` or more is missing): it is read
    /// again up to that line, then every such line up to the next, so each
    /// mistake is reported where it is and nothing after it is lost.
    fn declaration(&mut self, rest: &'s str, doc: Doc) -> &'s str {
        if let Some(class) = self.docs.take_class() {
            self.schema.classes.push(class);
        }
        let start = self.offset(rest);
        match self.definition(rest) {
            Ok((after, (mut def, missing_semicolon))) => {
                if let Some(at) = missing_semicolon {
                    let after = self.src[at..].trim_start_matches([' ', '\t', '\r']);
                    self.diagnostics.push(Diagnostic::error(
                        Code::MissingSemicolon,
                        Span::new(at, at),
                        format!(
                            "expected `;` after the result type, found {}",
                            self.found(after)
                        ),
                    ));
                }
                def.doc = doc;
                self.schema.definitions.push(def);
                after
            }
            Err(nom::Err::Error(e)) | Err(nom::Err::Failure(e)) => {
                let failed = self.offset(e.at);
                let lines = declaration_lines(self.src, start, failed);
                let [first, ..] = lines[..] else {
                    self.syntax_error(start, &e);
                    return match resume_point(self.src, failed) {
                        Ok(resume) => &self.src[resume..],
                        Err(comment) => {
                            // Everything after is a comment: say so, unless
                            // the error just reported is that comment.
                            if e.problem != Problem::UnclosedComment {
                                self.unterminated_comment(comment);
                            }
                            ""
                        }
                    };
                };
                self.within(first, |p| {
                    let rest = p.declaration(&p.src[start..], doc);
                    p.parse_from(rest);
                });
                for pair in lines.windows(2) {
                    self.within(pair[1], |p| p.parse_from(&p.src[pair[0]..]));
                }
                &self.src[lines[lines.len() - 1]..]
            }
            Err(nom::Err::Incomplete(_)) => "",
        }
    }

    /// Reports `e`, met in the declaration that starts at byte `start`. At
    /// the end of `src` (or of a cut-short `src`), what was expected is
    /// missing after the declaration's last token: the error points there.
    fn syntax_error(&mut self, start: usize, e: &SyntaxError<'s>) {
        let span = if e.at.is_empty() {
            let end = content_end(self.src, start);
            Span::new(end, end)
        } else {
            let at = self.offset(e.at);
            Span::new(at, at + e.at.chars().next().map_or(0, char::len_utf8))
        };
        let message = match e.problem.expected() {
            Some(expected) => format!("expected {expected}, found {}", self.found(e.at)),
            None => format!("types or repetitions nest more than {MAX_NESTING} levels deep"),
        };
        self.diagnostics
            .push(Diagnostic::error(e.problem.code(), span, message));
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
            let (i, fields) = self.fields(i)?;
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
                    problem: Problem::MissingSemicolon,
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
                full: SmolStr::new(text),
                span: self.span(i, rest),
            },
        ))
    }

    fn ident(&self, i: &'s str) -> Res<'s, Ident> {
        let (rest, text) = ident(i)?;
        Ok((rest, self.ident_at(i, text)))
    }

    /// The identifier `text`, scanned at the start of `at`.
    fn ident_at(&self, at: &'s str, text: &'s str) -> Ident {
        Ident {
            name: SmolStr::new(text),
            span: Span::new(self.offset(at), self.offset(at) + text.len()),
        }
    }

    fn explicit_id(&self, i: &'s str) -> Res<'s, Option<ExplicitId>> {
        let Some(after_hash) = i.strip_prefix('#') else {
            return Ok((i, None));
        };
        // `name #` with a space is an anonymous `#` field, handled with the fields.
        let (rest, digits) =
            expect(hex_digit1, "a hexadecimal constructor id after `#`")(after_hash)?;
        if digits.len() > 8 {
            return Err(failure(
                after_hash,
                "a constructor id of at most 8 hex digits",
            ));
        }
        if rest.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_') {
            return Err(failure(rest, "white space after the constructor id"));
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
        let (i, ty) = expect(|i| self.type_term(i, 0), "a type in an optional argument")(i)?;
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

    /// The fields of a declaration, up to (not including) its `=`.
    ///
    /// Repetitions are read with an explicit stack of the open ones, not by
    /// recursion, so the depth of the input costs no call stack; a
    /// repetition deeper than [`MAX_NESTING`] is an error.
    fn fields(&self, mut i: &'s str) -> Res<'s, Vec<Field>> {
        // Named fields have one `:` each: counting them up to the `;` sizes the
        // vector in one allocation instead of a chain of growing ones. The
        // count stops at the end of the line too, so that a file without `;`
        // is not scanned to its end for every declaration.
        let ahead = i.as_bytes();
        let end = memchr::memchr2(b';', b'\n', ahead);
        let ahead = &ahead[..end.unwrap_or(ahead.len())];
        let mut fields = Vec::with_capacity(memchr_count(ahead, b':'));
        let mut open: Vec<OpenRepeat<'s>> = Vec::new();
        loop {
            let (rest, _) = ws(i)?;
            i = rest;
            let end = if open.is_empty() { '=' } else { ']' };
            if i.starts_with(end) || i.is_empty() || i.starts_with(';') {
                let Some(repeat) = open.pop() else {
                    return Ok((i, fields));
                };
                let (rest, _) = expect(char(']'), "`]` closing the repetition")(i)?;
                let field = Field {
                    name: repeat.name,
                    ty: FieldType::Repeat {
                        multiplicity: repeat.multiplicity,
                        fields: repeat.fields,
                    },
                    span: self.span(repeat.start, rest),
                };
                open.last_mut()
                    .map_or(&mut fields, |r| &mut r.fields)
                    .push(field);
                i = rest;
                continue;
            }
            let depth = open.len();
            let (rest, field) = expect(|i| self.field(i, depth), "a field or `=`")(i)?;
            i = rest;
            match field {
                FieldStart::Complete(field) => {
                    open.last_mut()
                        .map_or(&mut fields, |r| &mut r.fields)
                        .push(field);
                }
                FieldStart::Repeat(repeat) => open.push(repeat),
            }
        }
    }

    /// One field, or the start of a repetition, inside `depth` repetitions.
    fn field(&self, start: &'s str, depth: usize) -> Res<'s, FieldStart<'s>> {
        // `name:type`, the common case: a word right before `:` cannot
        // start a repetition (that needs `*` after the word).
        let named = match ident(start) {
            Ok((after, text)) => after
                .strip_prefix(':')
                .map(|after_colon| (after_colon, text)),
            Err(_) => None,
        };
        // `[ ... ]` and `n*[ ... ]` without a name.
        if named.is_none()
            && let Some((i, multiplicity)) = self.repetition_start(start, depth)?
        {
            return Ok((
                i,
                FieldStart::Repeat(OpenRepeat {
                    start,
                    name: None,
                    multiplicity,
                    fields: Vec::new(),
                }),
            ));
        }
        if let Some((after_colon, text)) = named {
            let name = self.ident_at(start, text);
            let (i, ty) =
                expect(|i| self.field_type(i, depth), "a field type after `:`")(after_colon)?;
            let field = match ty {
                FieldTypeStart::Complete(ty) => FieldStart::Complete(Field {
                    name: Some(name),
                    ty,
                    span: self.span(start, i),
                }),
                FieldTypeStart::Repeat(multiplicity) => FieldStart::Repeat(OpenRepeat {
                    start,
                    name: Some(name),
                    multiplicity,
                    fields: Vec::new(),
                }),
            };
            return Ok((i, field));
        }
        // An anonymous field: `#` or a type.
        let (i, ty) = match start.strip_prefix('#') {
            Some(rest) => (rest, FieldType::Nat),
            None => {
                let (rest, ty) = self.type_term(start, depth)?;
                (rest, FieldType::Plain { bang: false, ty })
            }
        };
        Ok((
            i,
            FieldStart::Complete(Field {
                name: None,
                ty,
                span: self.span(start, i),
            }),
        ))
    }

    /// What follows `name:` inside `depth` repetitions.
    fn field_type(&self, i: &'s str, depth: usize) -> Res<'s, FieldTypeStart> {
        if let Some(rest) = i.strip_prefix('#') {
            return Ok((rest, FieldTypeStart::Complete(FieldType::Nat)));
        }
        if let Some(rest) = i.strip_prefix('!') {
            let (rest, ty) = expect(|i| self.type_term(i, depth), "a type after `!`")(rest)?;
            return Ok((
                rest,
                FieldTypeStart::Complete(FieldType::Plain { bang: true, ty }),
            ));
        }
        if let Some((rest, multiplicity)) = self.repetition_start(i, depth)? {
            return Ok((rest, FieldTypeStart::Repeat(multiplicity)));
        }
        // `flags.N?Type`, recognized before anything is built for it.
        let cond: Res<'s, (&'s str, &'s str)> = (ident, char('.'), digit1, char('?'))
            .map(|(flag, _, bit, _)| (flag, bit))
            .parse(i);
        if let Ok((rest, (flag_text, bit_text))) = cond {
            let flag = self.ident_at(i, flag_text);
            let bit_start = flag.span.range().end + 1;
            let bit_span = Span::new(bit_start, bit_start + bit_text.len());
            let bit = bit_text.parse::<u64>().unwrap_or(u64::MAX);
            let (rest, ty) = expect(|i| self.type_term(i, depth), "a type after `?`")(rest)?;
            return Ok((
                rest,
                FieldTypeStart::Complete(FieldType::Conditional {
                    flag,
                    bit,
                    bit_span,
                    ty,
                }),
            ));
        }
        let (rest, ty) = self.type_term(i, depth)?;
        Ok((
            rest,
            FieldTypeStart::Complete(FieldType::Plain { bang: false, ty }),
        ))
    }

    /// The start of a repetition inside `depth` others: `[`, `n*[` or
    /// `4*[`, and its count. `None` when `i` does not start one; an error
    /// when it would be more than [`MAX_NESTING`] levels deep.
    fn repetition_start(
        &self,
        i: &'s str,
        depth: usize,
    ) -> Result<Option<RepetitionStart<'s>>, nom::Err<SyntaxError<'s>>> {
        if !looks_like_repetition(i) {
            return Ok(None);
        }
        if depth >= MAX_NESTING {
            return Err(too_deep(i));
        }
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
                        name: SmolStr::new(text),
                        span,
                    })
                };
                (rest, Some(m))
            }
            Err(_) => (i, None),
        };
        let rest = if multiplicity.is_some() {
            expect(char('['), "`[` after `*`")(i)?.0
        } else {
            match i.strip_prefix('[') {
                Some(rest) => rest,
                None => return Ok(None),
            }
        };
        Ok(Some((rest, multiplicity)))
    }

    /// A type in a field or argument, inside `depth` levels of nesting: `%T`,
    /// `T`, `T<A, B>`, `(T A B)`, `#`.
    ///
    /// Nested types are read with an explicit stack of the open ones, not by
    /// recursion, so the depth of the input costs no call stack; a type
    /// deeper than [`MAX_NESTING`] is an error at its start.
    fn type_term(&self, start: &'s str, depth: usize) -> Res<'s, TypeExpr> {
        let mut open: Vec<OpenType<'s>> = Vec::new();
        let mut i = start;
        // What a missing type at `i` is reported as: `None` at the start,
        // where it only means this is not a type; set after `%` and `<`.
        // (Further arguments are only read once `starts_type` saw one.)
        let mut expected = None;
        'types: loop {
            if !starts_type(i) {
                return match expected {
                    None => fail(i, "a type"),
                    Some(expected) => Err(failure(i, expected)),
                };
            }
            if depth + open.len() >= MAX_NESTING {
                return Err(too_deep(i));
            }
            let (mut rest, mut ty) = if let Some(after) = i.strip_prefix('%') {
                open.push(OpenType::Percent(i));
                i = after;
                expected = Some("a type after `%`");
                continue;
            } else if let Some(after) = i.strip_prefix('#') {
                let name = Name {
                    full: SmolStr::new_static("#"),
                    span: self.span(i, after),
                };
                (after, plain_type(name, self.span(i, after)))
            } else if let Some(after) = i.strip_prefix('(') {
                let (after, _) = ws(after)?;
                let (after, name) =
                    expect(|i| self.qualified_name(i), "a type name after `(`")(after)?;
                match paren_argument(after)? {
                    Some(arg) => {
                        open.push(OpenType::Paren {
                            start: i,
                            name,
                            args: Vec::new(),
                        });
                        i = arg;
                        continue;
                    }
                    None => self.close_paren(i, name, Vec::new(), after)?,
                }
            } else {
                let (after, name) = self.qualified_name(i)?;
                if let Some(args_start) = after.strip_prefix('<') {
                    let (args_start, _) = ws(args_start)?;
                    open.push(OpenType::Angle {
                        start: i,
                        name,
                        args: Vec::new(),
                    });
                    i = args_start;
                    expected = Some("a type argument after `<`");
                    continue;
                }
                (after, plain_type(name, self.span(i, after)))
            };
            // `ty` is complete: close every open type it completes, until one
            // takes another argument.
            while let Some(outer) = open.pop() {
                match outer {
                    OpenType::Percent(percent) => {
                        ty.percent = true;
                        ty.span = self.span(percent, rest);
                    }
                    OpenType::Paren {
                        start,
                        name,
                        mut args,
                    } => {
                        args.push(ty);
                        if let Some(arg) = paren_argument(rest)? {
                            open.push(OpenType::Paren { start, name, args });
                            i = arg;
                            continue 'types;
                        }
                        (rest, ty) = self.close_paren(start, name, args, rest)?;
                    }
                    OpenType::Angle {
                        start,
                        name,
                        mut args,
                    } => {
                        args.push(ty);
                        if let Some(arg) = angle_argument(rest)? {
                            open.push(OpenType::Angle { start, name, args });
                            i = arg;
                            continue 'types;
                        }
                        let (after, _) = ws(rest)?;
                        let (after, _) =
                            expect(char('>'), "`>` closing the type arguments")(after)?;
                        rest = after;
                        ty = TypeExpr {
                            name,
                            percent: false,
                            args,
                            style: ArgStyle::Angle,
                            span: self.span(start, after),
                        };
                    }
                }
            }
            return Ok((rest, ty));
        }
    }

    /// The `)` of `(name args...)` that starts at `start`, after `rest`.
    fn close_paren(
        &self,
        start: &'s str,
        name: Name,
        args: Vec<TypeExpr>,
        rest: &'s str,
    ) -> Res<'s, TypeExpr> {
        let (i, _) = ws(rest)?;
        let (i, _) = expect(char(')'), "`)` closing the type")(i)?;
        let style = if args.is_empty() {
            ArgStyle::Paren
        } else {
            ArgStyle::Juxtaposed
        };
        Ok((
            i,
            TypeExpr {
                name,
                percent: false,
                args,
                style,
                span: self.span(start, i),
            },
        ))
    }

    /// The result type: `Name`, `Name<A>`, or `Name a b` (juxtaposed
    /// arguments on the same line, one level deeper than the result).
    fn result_type(&self, start: &'s str) -> Res<'s, TypeExpr> {
        let (mut i, mut ty) = self.type_term(start, 0)?;
        if ty.args.is_empty() && ty.style == ArgStyle::Angle {
            let mut args = Vec::new();
            while let Ok((after, _)) = inline_space1(i) {
                if !starts_type(after) {
                    break;
                }
                let (after, arg) = self.type_term(after, 1)?;
                args.push(arg);
                i = after;
            }
            if !args.is_empty() {
                ty.args = args;
                ty.style = ArgStyle::Juxtaposed;
                ty.span = self.span(start, i);
            }
        }
        Ok((i, ty))
    }
}

/// Whether `i` starts a type: `%`, `#`, `(` or a name.
fn starts_type(i: &str) -> bool {
    i.starts_with(|c: char| matches!(c, '%' | '#' | '(') || c.is_ascii_alphabetic() || c == '_')
}

/// Where the next argument of `(name args...)` starts after `rest`, if one
/// does.
fn paren_argument(rest: &str) -> Result<Option<&str>, nom::Err<SyntaxError<'_>>> {
    let (after, _) = ws(rest)?;
    Ok(starts_type(after).then_some(after))
}

/// Where the next argument of `name<args, ...>` starts after `rest` (past
/// its `,`), if one does.
fn angle_argument(rest: &str) -> Result<Option<&str>, nom::Err<SyntaxError<'_>>> {
    let (after, _) = ws(rest)?;
    let Some(after) = after.strip_prefix(',') else {
        return Ok(None);
    };
    let (after, _) = ws(after)?;
    Ok(starts_type(after).then_some(after))
}

/// A hard error at `at`: `expected` was expected there.
fn failure<'a>(at: &'a str, expected: &'static str) -> nom::Err<SyntaxError<'a>> {
    nom::Err::Failure(SyntaxError {
        at,
        problem: Problem::Expected(expected),
    })
}

/// Nesting past [`MAX_NESTING`] at `at`.
fn too_deep(at: &str) -> nom::Err<SyntaxError<'_>> {
    nom::Err::Failure(SyntaxError {
        at,
        problem: Problem::TooDeep,
    })
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
    let word = word_len(bytes);
    word > 0
        && bytes[word..]
            .iter()
            .find(|b| !b.is_ascii_whitespace())
            .is_some_and(|b| *b == b'*')
}

/// Whether each byte value may stand inside an identifier: `[A-Za-z0-9_]`.
const WORD_BYTE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b as u8 == b'_';
        b += 1;
    }
    table
};

/// How many leading bytes of `bytes` are `[A-Za-z0-9_]` (a table look-up
/// per byte: names are most of what the parser scans).
fn word_len(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|&b| !WORD_BYTE[usize::from(b)])
        .unwrap_or(bytes.len())
}

/// `[A-Za-z_][A-Za-z0-9_]*`, scanned byte by byte (identifiers are ASCII).
fn ident(i: &str) -> Res<'_, &str> {
    let bytes = i.as_bytes();
    match bytes.first() {
        Some(b) if b.is_ascii_alphabetic() || *b == b'_' => {
            let len = 1 + word_len(&bytes[1..]);
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
            problem: Problem::UnclosedComment,
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

/// A `;` or a line start outside comments: where recovery after a syntax
/// error may stop.
enum Landmark {
    /// A `;` at this byte.
    Semicolon(usize),
    /// A line starting at this byte.
    LineStart(usize),
}

/// The landmarks of `src` from byte `at` on, in order; none inside comments
/// or after an unterminated block comment, whose `/*` is then kept in
/// `unterminated`.
struct Landmarks<'a> {
    bytes: &'a [u8],
    at: usize,
    unterminated: Option<usize>,
}

impl<'a> Landmarks<'a> {
    fn new(src: &'a str, at: usize) -> Self {
        Landmarks {
            bytes: src.as_bytes(),
            at,
            unterminated: None,
        }
    }
}

impl Iterator for Landmarks<'_> {
    type Item = Landmark;

    fn next(&mut self) -> Option<Landmark> {
        while let Some(&b) = self.bytes.get(self.at) {
            let i = self.at;
            let next = self.bytes.get(i + 1).copied();
            match (b, next) {
                (b';', _) => {
                    self.at = i + 1;
                    return Some(Landmark::Semicolon(i));
                }
                (b'\n', _) => {
                    self.at = i + 1;
                    return Some(Landmark::LineStart(i + 1));
                }
                (b'/', Some(b'/')) => {
                    // Up to the line's end, which is a landmark.
                    let len = self.bytes[i..].iter().position(|&b| b == b'\n');
                    self.at = len.map_or(self.bytes.len(), |n| i + n);
                }
                (b'/', Some(b'*')) => {
                    match self.bytes[i + 2..].windows(2).position(|w| w == b"*/") {
                        Some(n) => self.at = i + 2 + n + 2,
                        None => {
                            self.unterminated = Some(i);
                            self.at = self.bytes.len();
                        }
                    }
                }
                _ => self.at = i + 1,
            }
        }
        None
    }
}

/// What a line holds, as far as recovery after an error cares.
#[derive(Clone, Copy, PartialEq, Eq)]
enum LineKind {
    /// It starts, in its first column, a declaration (a name) or a section
    /// marker (`---`). No real schema continues a declaration on such a
    /// line.
    Starts,
    /// Blank, or a `//` comment (documentation of what follows).
    Trivia,
    /// Anything else: part of a declaration.
    Other,
}

fn line_kind(line: &str) -> LineKind {
    if line.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_') || line.starts_with("---") {
        return LineKind::Starts;
    }
    let text = line.trim_start_matches([' ', '\t', '\r']);
    if text.is_empty() || text.starts_with('\n') || text.starts_with("//") {
        LineKind::Trivia
    } else {
        LineKind::Other
    }
}

/// The lines after byte `start` and up to byte `failed` (inclusive) that
/// start a declaration or a section marker, each given by where the blank
/// and comment lines right above it begin (so that its documentation stays
/// with it).
fn declaration_lines(src: &str, start: usize, failed: usize) -> Vec<usize> {
    let mut lines = Vec::new();
    let mut above = None;
    for landmark in Landmarks::new(src, start) {
        match landmark {
            Landmark::LineStart(line) if line <= failed => match line_kind(&src[line..]) {
                LineKind::Starts => lines.push(above.take().unwrap_or(line)),
                LineKind::Trivia => above = above.or(Some(line)),
                LineKind::Other => above = None,
            },
            Landmark::LineStart(_) => break,
            Landmark::Semicolon(_) => above = None,
        }
    }
    lines
}

/// Where parsing resumes after an error at byte `at` when no line before it
/// starts a declaration: after the next `;`, or at the next line that starts
/// a declaration or a section marker (with the blank and comment lines above
/// it), whichever comes first; the end of `src` when neither does, or the
/// `/*` of a block comment that runs to the end (as an error).
fn resume_point(src: &str, at: usize) -> Result<usize, usize> {
    let mut above = None;
    let mut landmarks = Landmarks::new(src, at);
    for landmark in landmarks.by_ref() {
        match landmark {
            Landmark::Semicolon(semicolon) => return Ok(semicolon + 1),
            Landmark::LineStart(line) => match line_kind(&src[line..]) {
                LineKind::Starts => return Ok(above.unwrap_or(line)),
                LineKind::Trivia => above = above.or(Some(line)),
                LineKind::Other => above = None,
            },
        }
    }
    landmarks.unterminated.map_or(Ok(src.len()), Err)
}

/// Where the last token of `src` after byte `start` ends (comments and white
/// space skipped): where a declaration cut short at the end of `src` stops.
fn content_end(src: &str, start: usize) -> usize {
    let mut rest = &src[start..];
    let mut end = start;
    while let Ok((after, _)) = ws(rest) {
        let Some(c) = after.chars().next() else {
            break;
        };
        rest = &after[c.len_utf8()..];
        end = src.len() - rest.len();
    }
    end
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
