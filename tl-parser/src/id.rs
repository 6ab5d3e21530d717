//! Constructor ids: the CRC32 of a declaration's normalized text.

use crate::ast::*;

/// Which normalization rules turn a declaration into the text its id is the CRC32 of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Dialect {
    /// Telegram's rules (`api.tl`, `mtproto.tl`): `flags.N?true` fields are
    /// dropped and `bytes` is written `string` outside `Vector<...>`.
    #[default]
    Telegram,
    /// TDLib's and TON's rules: the declaration as written, normalized only in
    /// spacing and brackets.
    Tdlib,
}

impl Dialect {
    /// Parses `telegram` or `tdlib` (also `ton`, an alias of `tdlib`).
    pub fn from_name(name: &str) -> Option<Dialect> {
        match name {
            "telegram" => Some(Dialect::Telegram),
            "tdlib" | "ton" => Some(Dialect::Tdlib),
            _ => None,
        }
    }
}

/// The normalized text whose CRC32 is the constructor id: lexemes separated by
/// one space, `<` written as a space, `>`, `{` and `}` dropped, plus the
/// dialect's own rules.
pub fn normalized_text(def: &Definition, dialect: Dialect) -> String {
    // The normalized text is never longer than the declaration.
    let mut out = String::with_capacity(def.span.end.saturating_sub(def.span.start));
    write_normalized(&mut out, def, dialect);
    out
}

/// The CRC32 of [`normalized_text`].
pub fn compute_id(def: &Definition, dialect: Dialect) -> u32 {
    crc32fast::hash(normalized_text(def, dialect).as_bytes())
}

/// Where normalized text goes (a `String`; kept as a trait so other sinks can share the rules).
trait Sink {
    fn push_str(&mut self, s: &str);

    fn push(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.push_str(c.encode_utf8(&mut buf));
    }

    /// A number in decimal, without going through `fmt`.
    fn push_number(&mut self, mut n: u64) {
        let mut buf = [0u8; 20];
        let mut at = buf.len();
        loop {
            at -= 1;
            buf[at] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        // Only ASCII digits were written.
        self.push_str(std::str::from_utf8(&buf[at..]).unwrap_or("0"));
    }
}

impl Sink for String {
    fn push_str(&mut self, s: &str) {
        String::push_str(self, s);
    }
}

fn write_normalized(out: &mut impl Sink, def: &Definition, dialect: Dialect) {
    out.push_str(&def.name.full);
    for param in &def.params {
        for name in &param.names {
            out.push(' ');
            out.push_str(&name.name);
        }
        // `{m n:#}` is written `m n:#`: the type follows the last name.
        out.push(':');
        write_type(out, &param.ty, dialect, false);
    }
    match &def.body {
        Body::Builtin { .. } => out.push_str(" ?"),
        Body::Fields(fields) => {
            for field in fields {
                write_field(out, field, dialect);
            }
        }
    }
    out.push_str(" = ");
    write_type(out, &def.result, dialect, false);
}

fn write_field(out: &mut impl Sink, field: &Field, dialect: Dialect) {
    if dialect == Dialect::Telegram
        && let FieldType::Conditional { ty, .. } = &field.ty
        && ty.name.full == "true"
        && ty.args.is_empty()
    {
        return;
    }
    out.push(' ');
    if let Some(name) = &field.name {
        out.push_str(&name.name);
        out.push(':');
    }
    match &field.ty {
        FieldType::Nat => out.push('#'),
        FieldType::Plain { bang, ty } => {
            if *bang {
                out.push('!');
            }
            write_type(out, ty, dialect, false);
        }
        FieldType::Conditional { flag, bit, ty, .. } => {
            out.push_str(&flag.name);
            out.push('.');
            out.push_number(*bit);
            out.push('?');
            write_type(out, ty, dialect, false);
        }
        FieldType::Repeat {
            multiplicity,
            fields,
        } => {
            match multiplicity {
                Some(Multiplicity::Literal(n, _)) => {
                    out.push_number(*n);
                    out.push('*');
                }
                Some(Multiplicity::Var(v)) => {
                    out.push_str(&v.name);
                    out.push('*');
                }
                None => {}
            }
            out.push('[');
            for inner in fields {
                write_field(out, inner, dialect);
            }
            out.push_str(" ]");
        }
    }
}

/// Writes a type. `in_vector` is true inside `Vector<...>`, where `bytes` stays `bytes`.
fn write_type(out: &mut impl Sink, ty: &TypeExpr, dialect: Dialect, in_vector: bool) {
    if ty.percent {
        out.push('%');
    }
    let name = ty.name.full.as_str();
    if dialect == Dialect::Telegram && name == "bytes" && !in_vector {
        out.push_str("string");
    } else {
        out.push_str(name);
    }
    let vector = name.eq_ignore_ascii_case("vector");
    match ty.style {
        ArgStyle::Angle | ArgStyle::Juxtaposed if !ty.args.is_empty() => {
            for arg in &ty.args {
                out.push(' ');
                write_type(out, arg, dialect, in_vector || vector);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The acceptance ids (vector, int, p_q_inner_data, TON's
    // liteServer.listBlockTransactions) are checked in tests/schemas.rs.
    #[test]
    fn telegram_rules() {
        let def = crate::parse(
            "updateShortSentMessage#11f1331c flags:# out:flags.1?true id:int pts:int pts_count:int date:int media:flags.9?MessageMedia entities:flags.7?Vector<MessageEntity> = Updates;",
        )
        .schema
        .definitions
        .remove(0);
        assert_eq!(
            normalized_text(&def, Dialect::Telegram),
            "updateShortSentMessage flags:# id:int pts:int pts_count:int date:int media:flags.9?MessageMedia entities:flags.7?Vector MessageEntity = Updates"
        );
        assert_eq!(compute_id(&def, Dialect::Telegram), 0x11f1331c);
    }
}
