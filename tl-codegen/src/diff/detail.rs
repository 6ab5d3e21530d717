//! What one change to a definition is ([`Detail`]), and how it reads.

use std::fmt;

use super::ItemKind;

/// What changed. `Display` says it in one line; [`Detail::code`] names the
/// kind for scripts.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Detail {
    /// The definition has a new TL name; its id (or, for a type, its set of
    /// constructors) is the same.
    Renamed {
        /// The old TL name.
        from: String,
    },
    /// A constructor became a function or the other way round.
    Section {
        /// The old kind.
        from: ItemKind,
    },
    /// The constructor or function id.
    Id {
        /// The old id.
        old: u32,
        /// The new id.
        new: u32,
    },
    /// The type a constructor builds, or the type a function returns.
    Result {
        /// The old type, as TL.
        old: String,
        /// The new type.
        new: String,
    },
    /// A field that only the new side has.
    FieldAdded {
        /// Its TL name.
        field: String,
        /// Its type as written (`flags.3?Document`).
        ty: String,
    },
    /// A field that only the old side has.
    FieldRemoved {
        /// Its TL name.
        field: String,
        /// Its type as written.
        ty: String,
    },
    /// A field whose type changed (its flag condition aside).
    FieldRetyped {
        /// Its TL name.
        field: String,
        /// The old type.
        old: String,
        /// The new type.
        new: String,
        /// The field's Rust type on each side, when Rust code sees the field.
        /// Only a different Rust type breaks Rust code: `Vector<int>` →
        /// `vector<int>` is `Vec<i32>` on both sides.
        rust: Option<RustTypes>,
    },
    /// A field with a new name at the same place (between the same kept
    /// fields), with the same type.
    FieldRenamed {
        /// The old TL name.
        old: String,
        /// The new TL name.
        new: String,
    },
    /// A conditional field now on another bit or flags word.
    FieldFlagMoved {
        /// Its TL name.
        field: String,
        /// The old condition (`flags.3`).
        old: String,
        /// The new one (`flags2.0`).
        new: String,
    },
    /// A field that was always present and is now conditional.
    FieldMadeOptional {
        /// Its TL name.
        field: String,
        /// Its condition (`flags.3`).
        flag: String,
        /// The field's Rust type on each side, unless the field was also
        /// retyped (then [`Detail::FieldRetyped`] carries them).
        rust: Option<RustTypes>,
    },
    /// A conditional field that is now always present.
    FieldMadeRequired {
        /// Its TL name.
        field: String,
        /// Its old condition.
        flag: String,
        /// The field's Rust type on each side, unless the field was also
        /// retyped (then [`Detail::FieldRetyped`] carries them).
        rust: Option<RustTypes>,
    },
    /// A field at another position relative to the other fields.
    FieldMoved {
        /// Its TL name.
        field: String,
        /// Its position among the TL parameters on the old side, counted
        /// from 1 as the schema line reads (flags words included).
        old: usize,
        /// Its position on the new side.
        new: usize,
    },
    /// A field now held, or no longer held, in the struct of fields that
    /// share its flag bit.
    FieldRegrouped {
        /// Its TL name.
        field: String,
        /// The group field that held it (Rust name), if any.
        old: Option<String>,
        /// The group field that holds it now, if any.
        new: Option<String>,
    },
    /// A Rust name the generator chose differently although the TL did not
    /// change (a struct's path, a variant, a field).
    RustName {
        /// Which name: `path`, `variant in enums::Chat`, `field x`, ...
        what: String,
        /// The old name.
        old: String,
        /// The new name.
        new: String,
    },
    /// A unit variant that now holds its constructor's struct, or the other
    /// way round (the constructor gained its first field, or lost its last).
    Payload {
        /// The variant's enum and name (`enums::Peer::Empty`).
        variant: String,
        /// Whether it is a unit variant on the new side.
        unit: bool,
    },
    /// A variant's payload is now behind a `Box`, or no longer.
    Boxing {
        /// The variant's enum and name (`enums::Message::Message`).
        variant: String,
        /// Whether it is boxed on the new side.
        boxed: bool,
        /// Why, in the generator's terms: payloads stay inline only when
        /// they are plain (numbers, strings, bytes and vectors of those)
        /// and at most 24 bytes.
        reason: String,
    },
}

/// A field's Rust type on the old and the new side (`Option<i32>`,
/// `enums::Peer`), as the generated struct declares it; `None` when the
/// struct has no such field (a Telegram flags word, a repetition's count).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RustTypes {
    /// On the old side.
    pub old: Option<String>,
    /// On the new side.
    pub new: Option<String>,
}

impl RustTypes {
    /// Whether the Rust type changed.
    pub fn changed(&self) -> bool {
        self.old != self.new
    }
}

/// `` `i32` ``, or `no field`.
fn rust_or_none(ty: Option<&str>) -> String {
    ty.map_or_else(|| "no field".to_owned(), |ty| format!("`{ty}`"))
}

impl fmt::Display for RustTypes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (old, new) = (self.old.as_deref(), self.new.as_deref());
        if self.changed() {
            write!(f, "Rust {} → {}", rust_or_none(old), rust_or_none(new))
        } else {
            write!(f, "Rust type {} either way", rust_or_none(new))
        }
    }
}

impl Detail {
    /// A stable snake_case name for the kind of change (the `change` key of
    /// `tl-codegen diff --format json`).
    pub fn code(&self) -> &'static str {
        match self {
            Detail::Renamed { .. } => "renamed",
            Detail::Section { .. } => "section",
            Detail::Id { .. } => "id",
            Detail::Result { .. } => "result",
            Detail::FieldAdded { .. } => "field_added",
            Detail::FieldRemoved { .. } => "field_removed",
            Detail::FieldRetyped { .. } => "field_retyped",
            Detail::FieldRenamed { .. } => "field_renamed",
            Detail::FieldFlagMoved { .. } => "field_flag_moved",
            Detail::FieldMadeOptional { .. } => "field_made_optional",
            Detail::FieldMadeRequired { .. } => "field_made_required",
            Detail::FieldMoved { .. } => "field_moved",
            Detail::FieldRegrouped { .. } => "field_regrouped",
            Detail::RustName { .. } => "rust_name",
            Detail::Payload { .. } => "payload",
            Detail::Boxing { .. } => "boxing",
        }
    }
}

/// `1st`, `2nd`, `3rd`, `4th`, ..., `11th`, `12th`, `13th`, `21st`.
pub(crate) fn ordinal(n: usize) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// ` (Rust ...)` or ` (`flags.3`; Rust ...)`, or the condition alone.
fn with_rust(
    f: &mut fmt::Formatter<'_>,
    flag: Option<&str>,
    rust: Option<&RustTypes>,
) -> fmt::Result {
    match (flag, rust) {
        (Some(flag), Some(rust)) => write!(f, " (`{flag}`; {rust})"),
        (Some(flag), None) => write!(f, " (`{flag}`)"),
        (None, Some(rust)) => write!(f, " ({rust})"),
        (None, None) => Ok(()),
    }
}

impl fmt::Display for Detail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Detail::Renamed { from } => write!(f, "renamed from `{from}`"),
            Detail::Section { from } => write!(f, "was a {from}"),
            Detail::Id { old, new } => write!(f, "id {old:#010x} → {new:#010x}"),
            Detail::Result { old, new } => write!(f, "result `{old}` → `{new}`"),
            Detail::FieldAdded { field, ty } => write!(f, "field `{field}:{ty}` added"),
            Detail::FieldRemoved { field, ty } => write!(f, "field `{field}:{ty}` removed"),
            Detail::FieldRetyped {
                field,
                old,
                new,
                rust,
            } => {
                write!(f, "field `{field}`: `{old}` → `{new}`")?;
                with_rust(f, None, rust.as_ref())
            }
            Detail::FieldRenamed { old, new } => write!(f, "field `{old}` renamed to `{new}`"),
            Detail::FieldFlagMoved { field, old, new } => {
                write!(f, "field `{field}` moved from `{old}` to `{new}`")
            }
            Detail::FieldMadeOptional { field, flag, rust } => {
                write!(f, "field `{field}` made optional")?;
                with_rust(f, Some(flag), rust.as_ref())
            }
            Detail::FieldMadeRequired { field, flag, rust } => {
                write!(f, "field `{field}` made required (was `{flag}`")?;
                match rust {
                    Some(rust) => write!(f, "; {rust})"),
                    None => f.write_str(")"),
                }
            }
            Detail::FieldMoved { field, old, new } => write!(
                f,
                "field `{field}` moved from {} to {} parameter",
                ordinal(*old),
                ordinal(*new)
            ),
            Detail::FieldRegrouped { field, old, new } => match (old, new) {
                (_, Some(group)) => write!(
                    f,
                    "field `{field}` now shares its flag bit: held in `{group}`"
                ),
                (Some(group), None) => write!(
                    f,
                    "field `{field}` no longer shares its flag bit (was in `{group}`)"
                ),
                (None, None) => write!(f, "field `{field}` regrouped"),
            },
            Detail::RustName { what, old, new } => {
                write!(f, "Rust name of {what}: `{old}` → `{new}`")
            }
            Detail::Payload { variant, unit } => {
                if *unit {
                    write!(f, "variant `{variant}` is now a unit variant")
                } else {
                    write!(f, "variant `{variant}` now holds its constructor's struct")
                }
            }
            Detail::Boxing {
                variant,
                boxed,
                reason,
            } => {
                if *boxed {
                    write!(f, "variant `{variant}` now holds a `Box`: {reason}")
                } else {
                    write!(f, "variant `{variant}` no longer holds a `Box`: {reason}")
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ordinal;

    #[test]
    fn ordinals() {
        let got: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111]
            .into_iter()
            .map(ordinal)
            .collect();
        assert_eq!(
            got,
            [
                "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd",
                "101st", "111th"
            ]
        );
    }
}
