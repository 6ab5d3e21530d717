//! The reports of a [`SchemaDiff`]: a paragraph of counts, then the
//! breaking changes, then the rest, each grouped by namespace. What the
//! reports share is here; [`text`] and [`markdown`] spell them.

mod markdown;
mod text;

use std::collections::BTreeMap;
use std::fmt::Write;

pub use markdown::{full as markdown_full, summary as markdown_summary};
pub use text::text;

use super::{Changed, Item, ItemKind, SchemaDiff};

/// One entry of the report, whichever list it comes from.
#[derive(Clone, Copy)]
enum Entry<'d> {
    Added(&'d Item),
    Removed(&'d Item),
    Changed(&'d Changed),
}

impl<'d> Entry<'d> {
    fn breaking(&self) -> bool {
        match self {
            Entry::Added(i) | Entry::Removed(i) => i.breaking,
            Entry::Changed(c) => c.breaking(),
        }
    }

    fn name(&self) -> &'d str {
        match *self {
            Entry::Added(i) | Entry::Removed(i) => &i.name,
            Entry::Changed(c) => &c.name,
        }
    }

    /// The TL namespace (`messages` for `messages.getHistory`), `""` for
    /// none.
    fn namespace(&self) -> &'d str {
        self.name().rsplit_once('.').map_or("", |(ns, _)| ns)
    }
}

/// The label of a namespace: its name, or `global` for none.
fn namespace_label(ns: &str) -> &str {
    if ns.is_empty() { "global" } else { ns }
}

/// Entries by namespace (global first, then by name), each namespace's in
/// the order removed, changed, added, then kind and name.
type Grouped<'d> = BTreeMap<&'d str, Vec<Entry<'d>>>;

/// The breaking entries and the others, each grouped by namespace.
fn grouped(diff: &SchemaDiff) -> (Grouped<'_>, Grouped<'_>) {
    let all = diff
        .removed
        .iter()
        .map(Entry::Removed)
        .chain(diff.changed.iter().map(Entry::Changed))
        .chain(diff.added.iter().map(Entry::Added));
    let (mut breaking, mut other) = (Grouped::new(), Grouped::new());
    for entry in all {
        let into = if entry.breaking() {
            &mut breaking
        } else {
            &mut other
        };
        into.entry(entry.namespace()).or_default().push(entry);
    }
    (breaking, other)
}

fn count(groups: &Grouped<'_>) -> usize {
    groups.values().map(Vec::len).sum()
}

/// `3 types, 1 constructor` (kinds with none are left out).
fn by_kind(kinds: impl Iterator<Item = ItemKind>) -> String {
    let mut counts = [0usize; 3];
    for kind in kinds {
        counts[kind as usize] += 1;
    }
    let parts: Vec<String> = [ItemKind::Type, ItemKind::Constructor, ItemKind::Function]
        .into_iter()
        .zip(counts)
        .filter(|(_, n)| *n > 0)
        .map(|(kind, n)| {
            let noun = if n == 1 { kind.name() } else { kind.plural() };
            format!("{n} {noun}")
        })
        .collect();
    parts.join(", ")
}

fn counted(label: &str, n: usize, kinds: impl Iterator<Item = ItemKind>) -> String {
    if n == 0 {
        format!("0 {label}")
    } else {
        format!("{n} {label} ({})", by_kind(kinds))
    }
}

fn side(layer: Option<u32>, fallback: &str) -> String {
    layer.map_or_else(|| fallback.to_owned(), |l| format!("layer {l}"))
}

/// The title: `layer 222 → layer 230`.
fn title(diff: &SchemaDiff) -> String {
    format!(
        "{} → {}",
        side(diff.from_layer, "old schema"),
        side(diff.to_layer, "new schema")
    )
}

/// The opening paragraph: counts, what breaks Rust code, what changes the
/// wire (changed definitions, and removed ones apart).
fn summary(diff: &SchemaDiff) -> String {
    if diff.is_empty() {
        return "No differences.".to_owned();
    }
    let mut out = format!(
        "{}, {}, {}.",
        counted("added", diff.added.len(), diff.added.iter().map(|i| i.kind)),
        counted(
            "removed",
            diff.removed.len(),
            diff.removed.iter().map(|i| i.kind)
        ),
        counted(
            "changed",
            diff.changed.len(),
            diff.changed.iter().map(|c| c.kind)
        ),
    );
    let enums = if diff.non_exhaustive {
        "enums are #[non_exhaustive]"
    } else {
        "enums are exhaustive, so new variants break `match`es"
    };
    let peer = side(diff.from_layer, "the old schema");
    let wire = match diff.changed.len() {
        0 => "0".to_owned(),
        changed => format!(
            "{} of the {changed} changed",
            diff.wire_incompatible_count()
        ),
    };
    let _ = write!(
        out,
        " Breaking for Rust code that uses the generated types: {} ({enums}). Encoded differently, so that a peer on {peer} cannot decode them: {wire}.",
        diff.breaking_count(),
    );
    if !diff.removed.is_empty() {
        let _ = write!(
            out,
            " Removed, which a peer on {peer} may still send: {}.",
            diff.removed.len()
        );
    }
    out
}

/// ` 0x12345678`, or nothing for a type.
fn id(id: Option<u32>) -> String {
    id.map(|id| format!(" {id:#010x}")).unwrap_or_default()
}

/// The changed item's ids: both when the id changed, one when not.
fn changed_ids(c: &Changed) -> String {
    match (c.old_id, c.id) {
        (Some(old), Some(new)) if old != new => format!(" {old:#010x} → {new:#010x}"),
        (_, new) => id(new),
    }
}

/// `added`, `removed` or `changed`.
fn verb(entry: &Entry<'_>) -> &'static str {
    match entry {
        Entry::Added(_) => "added",
        Entry::Removed(_) => "removed",
        Entry::Changed(_) => "changed",
    }
}
