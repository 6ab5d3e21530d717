//! The fast printer behind `Config::pretty(false)`: tokens as Rust source
//! without a full formatter. Items, statements, fields, variants and match
//! arms each get a line, indented by brace depth; attributes (doc comments
//! included, as `#[doc = "..."]`) get a line of their own. The text holds
//! exactly the tokens given, so rustc reads the same program as from
//! prettyplease's output, and the same tokens always print the same text.

use std::fmt::Write as _;

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};

/// Prints `tokens` (whole items).
pub fn print(tokens: TokenStream) -> String {
    let mut printer = Printer::new(0);
    printer.stream(tokens, Delimiter::Brace);
    printer.newline();
    printer.out
}

/// What was written last, which decides the space before the next token.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Prev {
    LineStart,
    Word,
    /// `(` or `[`.
    Open,
    /// `)`, `]` or `}`.
    Close,
    /// A punctuation after which the next token follows without a space:
    /// the first of a joint pair (`:` of `::`, `'` of a lifetime, `-` of
    /// `->`), the second `:` of `::`, `.`, `<` of generics, a unary `&`,
    /// `*` or `!`, a macro's `!`, the `#` of an attribute.
    Tight,
    /// Any other punctuation (a space follows).
    Spaced,
}

struct Printer {
    out: String,
    indent: usize,
    prev: Prev,
    /// A line break is due before the next token (after `}` or an
    /// attribute), unless that token continues the line (`,`, `;`, `.`,
    /// `?`, `)`, `else`).
    break_due: bool,
    /// Inside a closure's `|...|` parameters.
    closure_params: bool,
    /// Where the last identifier or literal starts in `out` (it runs to
    /// the end of `out` while `prev` is [`Prev::Word`]).
    word_start: usize,
}

impl Printer {
    /// A printer at the start of a line, `indent` levels deep.
    fn new(indent: usize) -> Printer {
        Printer {
            out: String::new(),
            indent,
            prev: Prev::LineStart,
            break_due: false,
            closure_params: false,
            word_start: 0,
        }
    }

    fn newline(&mut self) {
        if self.prev != Prev::LineStart {
            self.out.push('\n');
            self.prev = Prev::LineStart;
        }
        self.break_due = false;
    }

    /// Writes `text`, after a space when `space` says so; `continues` says
    /// it may not start a line.
    fn write(&mut self, text: &str, space: bool, continues: bool) {
        self.space_before(space, continues);
        self.out.push_str(text);
    }

    /// What [`Printer::write`] writes before its text.
    fn space_before(&mut self, space: bool, continues: bool) {
        if self.break_due && !continues {
            self.newline();
        }
        self.break_due = false;
        if self.prev == Prev::LineStart {
            for _ in 0..self.indent {
                self.out.push_str("    ");
            }
        } else if space && !matches!(self.prev, Prev::Tight | Prev::Open) {
            self.out.push(' ');
        }
    }

    /// Writes an identifier or a literal: a word, after a space. The text
    /// goes straight into the output (no `String` of its own: build scripts
    /// run this unoptimized, about 600 000 times for a full layer).
    fn word(&mut self, word: impl std::fmt::Display, continues: bool) {
        self.space_before(true, continues);
        self.word_start = self.out.len();
        // Writing into a `String` cannot fail.
        let _ = write!(self.out, "{word}");
        self.prev = Prev::Word;
    }

    /// Whether the last word written (while `prev` is [`Prev::Word`]) is a
    /// keyword after which a path starting with `::` or `<` is a new term
    /// (`use ::x`, `&mut ::x`, `match <T>::f(r)`).
    fn after_keyword(&self) -> bool {
        matches!(
            self.out.get(self.word_start..),
            Some(
                "use"
                    | "impl"
                    | "as"
                    | "for"
                    | "in"
                    | "mut"
                    | "dyn"
                    | "return"
                    | "where"
                    | "const"
                    | "static"
                    | "type"
                    | "match"
                    | "if"
                    | "while"
            )
        )
    }

    /// Prints the tokens of a group delimited by `delimiter`.
    fn stream(&mut self, tokens: TokenStream, delimiter: Delimiter) {
        let mut tokens = tokens.into_iter().peekable();
        // Open generic brackets: a `,` inside them breaks no line.
        let mut angles = 0usize;
        while let Some(token) = tokens.next() {
            match token {
                TokenTree::Group(group) => {
                    let (delimiter, inner) = ungroup(group);
                    self.group(delimiter, inner);
                }
                TokenTree::Ident(ident) => {
                    let continues = ident == "else";
                    self.word(ident, continues);
                }
                TokenTree::Literal(literal) => self.word(literal, false),
                TokenTree::Punct(punct) => {
                    let c = punct.as_char();
                    let joint = punct.spacing() == Spacing::Joint;
                    // A binary operator follows a value; a unary one does not.
                    let after_value = self.prev == Prev::Close
                        || (self.prev == Prev::Word && !self.after_keyword());
                    // `>` of `->` or `=>`: not a generic bracket.
                    let arrow = c == '>' && (self.out.ends_with('-') || self.out.ends_with('='));
                    let (space, continues) = match c {
                        ',' | ';' | '.' => (false, true),
                        '?' if after_value => (false, true),
                        ':' if !joint => (false, true),
                        // `::` after a name or a generic `>` continues a path.
                        ':' => (!after_value, false),
                        '<' if after_value && !joint => (false, false),
                        // A generic bracket closes without a space.
                        '>' if angles > 0 && !arrow => (false, false),
                        // The `|` closing a closure's parameters.
                        '|' if self.closure_params => (false, false),
                        _ => (true, false),
                    };
                    let opens_closure = c == '|' && !joint && !after_value && !self.closure_params;
                    self.write(c.encode_utf8(&mut [0; 4]), space, continues);
                    self.prev = match c {
                        _ if joint => Prev::Tight,
                        '.' => Prev::Tight,
                        // The second `:` of `::`.
                        ':' if self.out.ends_with("::") => Prev::Tight,
                        // A generic or qualified-path `<`, not the second of `<<`.
                        '<' if !self.out.ends_with("<<") => Prev::Tight,
                        '>' if angles > 0 && !arrow => Prev::Close,
                        '&' | '*' | '!' | '-' | '?' if !after_value => Prev::Tight,
                        '|' if opens_closure => Prev::Tight,
                        '!' => Prev::Tight,
                        _ => Prev::Spaced,
                    };
                    if c == '|' && !joint {
                        self.closure_params = opens_closure;
                    }
                    match c {
                        '<' if !joint && !self.out.ends_with("<<") => angles += 1,
                        '>' if !arrow && angles > 0 => angles -= 1,
                        _ => {}
                    }
                    match c {
                        ';' => self.newline(),
                        ',' if delimiter == Delimiter::Brace && angles == 0 => self.newline(),
                        // An attribute: `#`, `[...]`, then a line break.
                        '#' if matches!(
                            tokens.peek(),
                            Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Bracket
                        ) =>
                        {
                            self.prev = Prev::Tight;
                            if let Some(TokenTree::Group(attribute)) = tokens.next() {
                                self.group(Delimiter::Bracket, ungroup(attribute).1);
                            }
                            self.break_due = true;
                        }
                        _ => {}
                    }
                }
            }
        }
    }

    fn group(&mut self, delimiter: Delimiter, inner: TokenStream) {
        match delimiter {
            Delimiter::Brace => {
                self.write("{", true, false);
                if inner.is_empty() {
                    self.prev = Prev::Open;
                } else {
                    // The body is printed once, in place, as a block; a
                    // body of one short line without a statement is then
                    // moved up inline instead.
                    let current = self.out.len() - self.out.rfind('\n').map_or(0, |i| i + 1);
                    self.out.push('\n');
                    let start = self.out.len();
                    let (indent, closure_params) = (self.indent, self.closure_params);
                    self.indent += 1;
                    self.prev = Prev::LineStart;
                    self.break_due = false;
                    self.closure_params = false;
                    self.stream(inner, Delimiter::Brace);
                    self.newline();
                    self.indent = indent;
                    self.closure_params = closure_params;
                    self.prev = Prev::LineStart;
                    let body = &self.out[start..];
                    // The body ends with its line break: one line when that is its first.
                    if body.find('\n').is_some_and(|n| n + 1 == body.len()) {
                        let line = body.trim_ascii();
                        if line.len() <= SHORT_BLOCK
                            && current + line.len() + 4 <= LINE
                            && !line.ends_with([';', ','])
                            && !line.contains('{')
                        {
                            let line = line.to_owned();
                            self.out.truncate(start - 1);
                            self.out.push(' ');
                            self.out.push_str(&line);
                            self.out.push(' ');
                            self.prev = Prev::Open;
                        }
                    }
                }
                self.write("}", false, true);
                self.prev = Prev::Close;
                self.break_due = true;
            }
            Delimiter::Parenthesis | Delimiter::Bracket => {
                let (open, close) = if delimiter == Delimiter::Parenthesis {
                    ("(", ")")
                } else {
                    ("[", "]")
                };
                // A call or an index follows its callee without a space.
                let space = !matches!(self.prev, Prev::Word | Prev::Close);
                self.write(open, space, false);
                self.prev = Prev::Open;
                self.stream(inner, delimiter);
                self.write(close, false, true);
                self.prev = Prev::Close;
            }
            Delimiter::None => self.stream(inner, Delimiter::None),
        }
    }
}

/// The longest block body printed inline (`{ Self::Empty }`).
const SHORT_BLOCK: usize = 40;

/// The longest line an inline block may make.
const LINE: usize = 100;

/// A group's delimiter and contents. The group is dropped before its
/// contents are iterated, so they are moved out, not copied (the contents
/// of a group are shared with it).
fn ungroup(group: proc_macro2::Group) -> (Delimiter, TokenStream) {
    let delimiter = group.delimiter();
    let inner = group.stream();
    drop(group);
    (delimiter, inner)
}

#[cfg(test)]
mod tests {
    use proc_macro2::{TokenStream, TokenTree};
    use quote::quote;

    use super::print;

    #[test]
    fn one_line_per_item_statement_and_arm() {
        let tokens = quote! {
            /// Doc.
            #[derive(Debug, Clone)]
            pub struct A<'a> { pub x: ::std::vec::Vec<u8>, y: &'a str }
            impl A<'_> {
                fn f(&self, out: &mut W) -> Option<u32> {
                    let v = self.x.first()?;
                    match v { 0 => None, n => Some(*n as u32) }
                }
                fn g() {}
            }
            fn h(x: bool) -> i32 { if x { 1 } else { 2 } }
            fn k(v: &[u32]) -> u32 { v.iter().map(|x| x | 1).sum::<u32>() | 2 }
            fn m(r: &mut R) -> u32 { match <u32>::read(r) { Ok(v) => v, Err(_) => 0 } }
        };
        let text = print(tokens.clone());
        assert_eq!(
            text,
            concat!(
                "#[doc = r\" Doc.\"]\n",
                "#[derive(Debug, Clone)]\n",
                "pub struct A<'a> {\n",
                "    pub x: ::std::vec::Vec<u8>,\n",
                "    y: &'a str\n",
                "}\n",
                "impl A<'_> {\n",
                "    fn f(&self, out: &mut W) -> Option<u32> {\n",
                "        let v = self.x.first()?;\n",
                "        match v {\n",
                "            0 => None,\n",
                "            n => Some(*n as u32)\n",
                "        }\n",
                "    }\n",
                "    fn g() {}\n",
                "}\n",
                "fn h(x: bool) -> i32 {\n",
                "    if x { 1 } else { 2 }\n",
                "}\n",
                "fn k(v: &[u32]) -> u32 { v.iter().map(|x| x | 1).sum::<u32>() | 2 }\n",
                "fn m(r: &mut R) -> u32 {\n",
                "    match <u32>::read(r) {\n",
                "        Ok(v) => v,\n",
                "        Err(_) => 0\n",
                "    }\n",
                "}\n",
            )
        );
        // The text holds exactly the tokens given.
        let reparsed: TokenStream = text.parse().unwrap();
        assert_eq!(flatten(reparsed), flatten(tokens));
    }

    /// The tokens of `stream` as text, groups opened and closed, spacing
    /// left out (it only says whether a punctuation touches the next one).
    fn flatten(stream: TokenStream) -> Vec<String> {
        let mut out = Vec::new();
        for token in stream {
            match token {
                TokenTree::Group(g) => {
                    out.push(format!("open {:?}", g.delimiter()));
                    out.extend(flatten(g.stream()));
                    out.push("close".to_owned());
                }
                other => out.push(other.to_string()),
            }
        }
        out
    }
}
