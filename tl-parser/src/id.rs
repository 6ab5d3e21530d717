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
    /// The dialect whose rules are not these.
    pub fn other(self) -> Dialect {
        match self {
            Dialect::Telegram => Dialect::Tdlib,
            Dialect::Tdlib => Dialect::Telegram,
        }
    }

    /// Every dialect, in the order tools list them.
    pub const ALL: [Dialect; 2] = [Dialect::Telegram, Dialect::Tdlib];

    /// The name [`Dialect::from_name`] reads: `telegram` or `tdlib`.
    pub fn name(self) -> &'static str {
        match self {
            Dialect::Telegram => "telegram",
            Dialect::Tdlib => "tdlib",
        }
    }

    /// Other names [`Dialect::from_name`] accepts: `ton` for `tdlib`.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Dialect::Telegram => &[],
            Dialect::Tdlib => &["ton"],
        }
    }

    /// Parses a [`Dialect::name`] or one of its [`Dialect::aliases`].
    pub fn from_name(name: &str) -> Option<Dialect> {
        Dialect::ALL
            .into_iter()
            .find(|d| d.name() == name || d.aliases().contains(&name))
    }
}

/// The dialect a set of schemas is written in, as [`detect_dialect`] saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Detected {
    /// The dialect chosen.
    pub dialect: Dialect,
    /// How many declarations (built-ins left out) carry an explicit `#id`.
    pub explicit_ids: usize,
    /// How many declarations there are, built-ins left out.
    pub declarations: usize,
}

impl Detected {
    /// Why: `2554 of 2554 declarations carry an explicit id`.
    pub fn reason(&self) -> String {
        format!(
            "{} of {} declarations carry an explicit id",
            self.explicit_ids, self.declarations
        )
    }
}

/// Chooses the id rules for schemas whose author did not say: Telegram's
/// schemas write the id of (nearly) every declaration, TDLib's and TON's
/// (nearly) none, so the Telegram rules are chosen when at least half of the
/// declarations carry an explicit id (or there are none), the TDLib rules
/// otherwise. Markers such as `int256 8*[ int ] = Int256;` are no evidence:
/// Telegram's `mtproto.tl` declares them too.
pub fn detect_dialect<'a>(schemas: impl IntoIterator<Item = &'a Schema>) -> Detected {
    let mut explicit_ids = 0;
    let mut declarations = 0;
    for def in schemas
        .into_iter()
        .flat_map(|s| &s.definitions)
        .filter(|d| !d.is_builtin())
    {
        declarations += 1;
        explicit_ids += usize::from(def.id.is_some());
    }
    let dialect = if explicit_ids * 2 >= declarations {
        Dialect::Telegram
    } else {
        Dialect::Tdlib
    };
    Detected {
        dialect,
        explicit_ids,
        declarations,
    }
}

/// The normalized text whose CRC32 is the constructor id: lexemes separated by
/// one space, `<` written as a space, `>`, `{` and `}` dropped, plus the
/// dialect's own rules.
pub fn normalized_text(def: &Definition, dialect: Dialect) -> String {
    // The normalized text is never longer than the declaration.
    let mut out = String::with_capacity(def.span.range().len());
    write_normalized(&mut out, def, dialect);
    out
}

/// The CRC32 of [`normalized_text`].
pub fn compute_id(def: &Definition, dialect: Dialect) -> u32 {
    compute_id_with(&mut String::new(), def, dialect)
}

/// [`compute_id`] writing the normalized text into `scratch` (cleared
/// first), so that a caller computing many ids allocates once.
pub(crate) fn compute_id_with(scratch: &mut String, def: &Definition, dialect: Dialect) -> u32 {
    scratch.clear();
    write_normalized(scratch, def, dialect);
    crc32fast::hash(scratch.as_bytes())
}

/// The id a declaration has on the wire: its explicit `#id` when written,
/// else [`compute_id`].
pub fn effective_id(def: &Definition, dialect: Dialect) -> u32 {
    def.id
        .map_or_else(|| compute_id(def, dialect), |id| id.value)
}

/// Appends `n` in decimal, without going through `fmt` (ids are computed for
/// every declaration of every schema read).
fn push_number(out: &mut String, mut n: u64) {
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
    out.extend(buf[at..].iter().map(|&d| char::from(d)));
}

fn write_normalized(out: &mut String, def: &Definition, dialect: Dialect) {
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
            out.push_str(&flag.name);
            out.push('.');
            push_number(out, *bit);
            out.push('?');
            write_type(out, ty, dialect, false);
        }
        FieldType::Repeat {
            multiplicity,
            fields,
        } => {
            match multiplicity {
                Some(Multiplicity::Literal(n, _)) => {
                    push_number(out, *n);
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

    #[test]
    fn detection_counts_explicit_ids() {
        let telegram =
            crate::parse("int ? = Int;\na#00000001 = A;\nb#00000002 = A;\nc = A;\n").schema;
        let detected = detect_dialect([&telegram]);
        assert_eq!(detected.dialect, Dialect::Telegram);
        assert_eq!(
            detected.reason(),
            "2 of 3 declarations carry an explicit id"
        );
        let tdlib = crate::parse("int32 = Int32;\na = A;\nb#00000002 = A;\nc = A;\n").schema;
        assert_eq!(detect_dialect([&tdlib]).dialect, Dialect::Tdlib);
        // Both files together: 3 of 6.
        assert_eq!(
            detect_dialect([&telegram, &tdlib]).dialect,
            Dialect::Telegram
        );
        assert_eq!(detect_dialect([]).dialect, Dialect::Telegram);
    }

    #[test]
    fn dialect_names_round_trip() {
        for dialect in Dialect::ALL {
            assert_eq!(Dialect::from_name(dialect.name()), Some(dialect));
        }
        assert_eq!(Dialect::from_name("ton"), Some(Dialect::Tdlib));
        assert_eq!(Dialect::from_name("TDLib"), None);
    }
}
