//! The table generated types describe themselves in ([`Layer`], whose
//! format `crate::debug` documents): its records parsed, for `Debug`
//! ([`crate::debug`]) and for TDLib's JSON (`crate::json`, which also
//! keeps the records parsed once, [`Parsed`]).

#[cfg(feature = "json")]
pub(crate) use parsed::Parsed;

/// The description of a layer's types, as text (the format is in
/// [`crate::debug`]'s documentation), and where each record starts. Generated code
/// builds it with [`Layer::new`].
#[derive(Debug)]
pub struct Layer {
    /// The records, separated by white space.
    pub text: &'static str,
    /// Pairs of a described constructor's id and the offset of its record
    /// in `text`, sorted by id.
    pub constructors: &'static [u32],
    /// The same for the described functions.
    pub functions: &'static [u32],
    /// The records, parsed once on first use (by the JSON reader).
    #[cfg(feature = "json")]
    pub(crate) parsed: std::sync::OnceLock<Parsed>,
}

impl Layer {
    /// A layer's table: its records' text, and (id, offset) pairs of its
    /// constructors and of its functions, sorted by id.
    pub const fn new(
        text: &'static str,
        constructors: &'static [u32],
        functions: &'static [u32],
    ) -> Layer {
        Layer {
            text,
            constructors,
            functions,
            #[cfg(feature = "json")]
            parsed: std::sync::OnceLock::new(),
        }
    }

    /// The offset of the record of id `id` in `pairs`.
    pub(crate) fn find(pairs: &[u32], id: u32) -> Option<u32> {
        let (mut low, mut high) = (0, pairs.len() / 2);
        while low < high {
            let mid = low + (high - low) / 2;
            match pairs.get(2 * mid)?.cmp(&id) {
                std::cmp::Ordering::Less => low = mid + 1,
                std::cmp::Ordering::Greater => high = mid,
                std::cmp::Ordering::Equal => return pairs.get(2 * mid + 1).copied(),
            }
        }
        None
    }

    /// The record at `offset`.
    pub(crate) fn record(&self, offset: u32) -> Option<Record> {
        let mut t = Tokens::at(self.text, offset)?;
        let name = t.word()?;
        let variant = t.word()?;
        let unit = t.word()? == "1";
        let tl_name = t.word()?;
        let type_name = t.word()?;
        let count: usize = t.number()?;
        let mut fields = Vec::with_capacity(count.min(256));
        for _ in 0..count {
            let field = t.word()?;
            let kind = match t.word()? {
                "f" => Kind::Flags,
                "t" => Kind::TrueFlag(t.number()?, t.number()?),
                "v" => Kind::Value {
                    flag: None,
                    shown: t.word()? == "1",
                    ty: t.ty()?,
                },
                "o" => Kind::Value {
                    flag: Some((t.number()?, t.number()?)),
                    shown: t.word()? == "1",
                    ty: t.ty()?,
                },
                "g" => {
                    let name = t.word()?;
                    let flag = (t.number()?, t.number()?);
                    let count: usize = t.number()?;
                    let mut members = Vec::with_capacity(count.min(256));
                    for _ in 0..count {
                        members.push(t.number()?);
                    }
                    Kind::Group {
                        name,
                        flag,
                        members,
                    }
                }
                _ => return None,
            };
            fields.push((field, kind));
        }
        Some(Record {
            name,
            variant,
            unit,
            tl_name,
            type_name,
            fields,
        })
    }
}

/// The tokens of a record, read one by one; `None` past the end or on a
/// token that is not what the format says.
pub(crate) struct Tokens<'t>(std::str::SplitAsciiWhitespace<'t>);

impl<'t> Tokens<'t> {
    pub(crate) fn at(text: &'t str, offset: u32) -> Option<Self> {
        let rest = text.get(usize::try_from(offset).ok()?..)?;
        Some(Tokens(rest.split_ascii_whitespace()))
    }

    pub(crate) fn word(&mut self) -> Option<&'t str> {
        self.0.next()
    }

    fn number<N: std::str::FromStr>(&mut self) -> Option<N> {
        self.word()?.parse().ok()
    }

    fn ty(&mut self) -> Option<Ty<'t>> {
        Some(match self.word()? {
            "i" => Ty::Int,
            "l" => Ty::Long,
            "j" => Ty::Int53,
            "d" => Ty::Double,
            "n" => Ty::Nat,
            "a16" => Ty::ByteArray(16),
            "a32" => Ty::ByteArray(32),
            "s" => Ty::String,
            "b" => Ty::Bytes,
            "B" => Ty::Bool,
            "v" => Ty::Vector(false, Box::new(self.ty()?)),
            "V" => Ty::Vector(true, Box::new(self.ty()?)),
            "N" => Ty::Nullable(Box::new(self.ty()?)),
            "E" => Ty::Boxed(self.word()?),
            "S" => Ty::Bare(self.number()?),
            _ => return None,
        })
    }
}

/// A value's type, as a record gives it.
#[derive(Debug)]
pub(crate) enum Ty<'t> {
    Int,
    Long,
    /// TDLib's `int53`: a `long` on the wire, a number in JSON.
    Int53,
    Double,
    Nat,
    ByteArray(usize),
    String,
    Bytes,
    Bool,
    /// Whether the vector id is written, and the element type.
    Vector(bool, Box<Ty<'t>>),
    /// TDLib's nullable value: `boolTrue` and the value, or `boolFalse`.
    Nullable(Box<Ty<'t>>),
    /// A value of the boxed type of this TL name: the constructor of the id
    /// that comes first.
    Boxed(#[cfg_attr(not(feature = "json"), allow(dead_code))] &'t str),
    /// A bare constructor, by id.
    Bare(u32),
}

/// How a field is encoded and shown, as a record gives it.
#[derive(Debug)]
pub(crate) enum Kind<'t> {
    Flags,
    TrueFlag(usize, u32),
    Value {
        flag: Option<(usize, u32)>,
        ty: Ty<'t>,
        shown: bool,
    },
    Group {
        name: &'t str,
        flag: (usize, u32),
        members: Vec<usize>,
    },
}

/// A record of the table.
#[derive(Debug)]
pub(crate) struct Record {
    pub(crate) name: &'static str,
    pub(crate) variant: &'static str,
    pub(crate) unit: bool,
    #[cfg_attr(not(feature = "json"), allow(dead_code))]
    pub(crate) tl_name: &'static str,
    /// The boxed type's TL name; `-` for a function.
    #[cfg_attr(not(feature = "json"), allow(dead_code))]
    pub(crate) type_name: &'static str,
    pub(crate) fields: Vec<(&'static str, Kind<'static>)>,
}

/// The records parsed once for reading TDLib's JSON (feature `json`).
#[cfg(feature = "json")]
mod parsed {
    use std::collections::HashMap;
    use std::hash::{BuildHasherDefault, Hasher};

    use crate::table::{Layer, Record};

    /// FNV-1a: the records are looked up by `u32` ids and short names, where
    /// std's SipHash (made for keys an attacker chooses) costs more than the
    /// lookup; the keys here come from the generated table.
    #[derive(Clone, Copy)]
    pub(crate) struct Fnv(u64);

    impl Default for Fnv {
        fn default() -> Self {
            Fnv(0xcbf2_9ce4_8422_2325)
        }
    }

    impl Hasher for Fnv {
        fn finish(&self) -> u64 {
            self.0
        }

        fn write(&mut self, bytes: &[u8]) {
            for &b in bytes {
                self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
            }
        }
    }

    type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

    /// A layer's records parsed for reading JSON: found by id (a struct's
    /// `Deserialize`, a bare field) and by TL name (an `@type`). Built on first
    /// use; lookups only, so hashing order never shows.
    #[derive(Debug, Default)]
    pub(crate) struct Parsed {
        pub(crate) constructors: FnvMap<u32, Record>,
        pub(crate) functions: FnvMap<u32, Record>,
        /// The id of each constructor, by TL name.
        pub(crate) constructor_names: FnvMap<&'static str, u32>,
        /// The same for functions.
        pub(crate) function_names: FnvMap<&'static str, u32>,
    }

    impl Layer {
        /// The parsed records.
        pub(crate) fn parsed(&'static self) -> &'static Parsed {
            self.parsed.get_or_init(|| {
                let mut parsed = Parsed::default();
                for (pairs, records, names) in [
                    (
                        self.constructors,
                        &mut parsed.constructors,
                        &mut parsed.constructor_names,
                    ),
                    (
                        self.functions,
                        &mut parsed.functions,
                        &mut parsed.function_names,
                    ),
                ] {
                    for pair in pairs.chunks_exact(2) {
                        if let Some(record) = self.record(pair[1]) {
                            names.insert(record.tl_name, pair[0]);
                            records.insert(pair[0], record);
                        }
                    }
                }
                parsed
            })
        }
    }
}
