//! Constructor ids: the CRC32 of a declaration's normalized text.

use std::fmt::Write;

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
    let mut out = def.name.full.clone();
    for param in &def.params {
        for name in &param.names {
            let _ = write!(out, " {}", name.name);
        }
        // `{m n:#}` is written `m n:#`: the type follows the last name.
        out.push(':');
        write_type(&mut out, &param.ty, dialect, false);
    }
    match &def.body {
        Body::Builtin { .. } => out.push_str(" ?"),
        Body::Fields(fields) => {
            for field in fields {
                write_field(&mut out, field, dialect);
            }
        }
    }
    out.push_str(" = ");
    write_result(&mut out, &def.result, dialect);
    out
}

/// The CRC32 of [`normalized_text`].
pub fn compute_id(def: &Definition, dialect: Dialect) -> u32 {
    crc32fast::hash(normalized_text(def, dialect).as_bytes())
}

fn write_field(out: &mut String, field: &Field, dialect: Dialect) {
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
            let _ = write!(out, "{}.{bit}?", flag.name);
            write_type(out, ty, dialect, false);
        }
        FieldType::Repeat {
            multiplicity,
            fields,
        } => {
            match multiplicity {
                Some(Multiplicity::Literal(n, _)) => {
                    let _ = write!(out, "{n}*");
                }
                Some(Multiplicity::Var(v)) => {
                    let _ = write!(out, "{}*", v.name);
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
fn write_type(out: &mut String, ty: &TypeExpr, dialect: Dialect, in_vector: bool) {
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

fn write_result(out: &mut String, ty: &TypeExpr, dialect: Dialect) {
    write_type(out, ty, dialect, false);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id_of(src: &str, dialect: Dialect) -> u32 {
        let parsed = crate::parse(src);
        assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
        compute_id(&parsed.schema.definitions[0], dialect)
    }

    #[test]
    fn known_ids() {
        assert_eq!(
            id_of("vector {t:Type} # [ t ] = Vector t;", Dialect::Telegram),
            0x1cb5c415
        );
        assert_eq!(id_of("int ? = Int;", Dialect::Telegram), 0xa8509bda);
        assert_eq!(
            id_of(
                "p_q_inner_data pq:bytes p:bytes q:bytes nonce:int128 server_nonce:int128 new_nonce:int256 = P_Q_inner_data;",
                Dialect::Telegram
            ),
            0x83c95aec
        );
        assert_eq!(
            id_of(
                "liteServer.listBlockTransactions id:tonNode.blockIdExt mode:# count:# after:mode.7?liteServer.transactionId3 reverse_order:mode.6?true want_proof:mode.5?true = liteServer.BlockTransactions;",
                Dialect::Tdlib
            ),
            0xadfcc7da
        );
    }

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
