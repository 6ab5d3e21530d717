//! The text and Markdown reports of a [`SchemaDiff`]: a paragraph of counts,
//! then the breaking changes, then the rest.

use std::fmt::Write;

use super::{Change, Changed, Item, ItemKind, SchemaDiff};

/// One entry of the report, whichever list it comes from.
enum Entry<'d> {
    Added(&'d Item),
    Removed(&'d Item),
    Changed(&'d Changed),
}

impl Entry<'_> {
    fn breaking(&self) -> bool {
        match self {
            Entry::Added(i) | Entry::Removed(i) => i.breaking,
            Entry::Changed(c) => c.breaking(),
        }
    }
}

/// The entries, breaking ones first, each group in kind and name order.
fn entries(diff: &SchemaDiff) -> (Vec<Entry<'_>>, Vec<Entry<'_>>) {
    let all = diff
        .removed
        .iter()
        .map(Entry::Removed)
        .chain(diff.changed.iter().map(Entry::Changed))
        .chain(diff.added.iter().map(Entry::Added));
    all.partition(Entry::breaking)
}

/// `3 types, 1 constructor` (kinds with none are left out), or `none`.
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

/// The opening paragraph: counts, and what the marks mean.
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
    let _ = write!(
        out,
        " Breaking for Rust code that uses the generated types: {} ({enums}). Encoded differently, so that a peer on {} cannot decode them: {}.",
        diff.breaking_count(),
        side(diff.from_layer, "the old schema"),
        diff.wire_incompatible_count(),
    );
    out
}

fn id(id: Option<u32>) -> String {
    id.map(|id| format!(" {id:#010x}")).unwrap_or_default()
}

/// `[breaking, wire]`, `[wire]`, or nothing.
fn marks(change: &Change) -> String {
    match (change.breaking, change.wire_compatible) {
        (true, false) => " [breaking, wire]".to_owned(),
        (true, true) => " [breaking]".to_owned(),
        (false, false) => " [wire]".to_owned(),
        (false, true) => String::new(),
    }
}

/// The changed item's head line: its ids when they changed or one when not.
fn changed_ids(c: &Changed) -> String {
    match (c.old_id, c.id) {
        (Some(old), Some(new)) if old != new => format!(" {old:#010x} → {new:#010x}"),
        (_, new) => id(new),
    }
}

/// The text report.
pub fn text(diff: &SchemaDiff) -> String {
    let mut out = format!("{}\n\n{}\n", title(diff), summary(diff));
    let (breaking, other) = entries(diff);
    for (heading, list) in [("Breaking changes", breaking), ("Other changes", other)] {
        if list.is_empty() {
            continue;
        }
        let _ = write!(out, "\n{heading} ({}):\n", list.len());
        for entry in list {
            match entry {
                Entry::Added(i) | Entry::Removed(i) => {
                    let sign = if matches!(entry, Entry::Added(_)) {
                        "+ added"
                    } else {
                        "- removed"
                    };
                    let _ = write!(
                        out,
                        "  {sign} {} {}{} ({})",
                        i.kind,
                        i.name,
                        id(i.id),
                        i.rust
                    );
                    if let Some(reason) = &i.reason {
                        let _ = write!(out, ": {reason}");
                    }
                    out.push('\n');
                }
                Entry::Changed(c) => {
                    let _ = writeln!(
                        out,
                        "  ~ changed {} {}{} ({})",
                        c.kind,
                        c.name,
                        changed_ids(c),
                        c.rust
                    );
                    for change in &c.changes {
                        let _ = writeln!(out, "      {}{}", change.detail, marks(change));
                    }
                }
            }
        }
    }
    if !diff.is_empty() {
        out.push_str(
            "\n[breaking]: breaks Rust code that uses the generated types. [wire]: values are encoded differently.\n",
        );
    }
    out
}

/// The Markdown report.
pub fn markdown(diff: &SchemaDiff) -> String {
    let mut out = format!("## TL schema: {}\n\n{}\n", title(diff), summary(diff));
    let (breaking, other) = entries(diff);
    for (heading, list) in [("Breaking changes", breaking), ("Other changes", other)] {
        if list.is_empty() {
            continue;
        }
        let _ = write!(out, "\n### {heading} ({})\n\n", list.len());
        for entry in list {
            match entry {
                Entry::Added(i) | Entry::Removed(i) => {
                    let what = if matches!(entry, Entry::Added(_)) {
                        "added"
                    } else {
                        "removed"
                    };
                    let _ = write!(
                        out,
                        "- **{what}** {} `{}`{} (`{}`)",
                        i.kind,
                        i.name,
                        i.id.map(|id| format!(" `{id:#010x}`")).unwrap_or_default(),
                        i.rust
                    );
                    if let Some(reason) = &i.reason {
                        let _ = write!(out, ": {reason}");
                    }
                    out.push('\n');
                }
                Entry::Changed(c) => {
                    let _ = writeln!(out, "- **changed** {} `{}` (`{}`)", c.kind, c.name, c.rust);
                    for change in &c.changes {
                        let tags = match (change.breaking, change.wire_compatible) {
                            (true, false) => " — **breaking**, wire",
                            (true, true) => " — **breaking**",
                            (false, false) => " — wire",
                            (false, true) => "",
                        };
                        let _ = writeln!(out, "  - {}{tags}", change.detail);
                    }
                }
            }
        }
    }
    if !diff.is_empty() {
        out.push_str(
            "\n_breaking_: breaks Rust code that uses the generated types. _wire_: values are encoded differently.\n",
        );
    }
    out
}
