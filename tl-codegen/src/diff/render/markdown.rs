//! The Markdown reports: the summary for a pull-request description, which
//! stays under GitHub's 65,536 characters, and the full list.

use std::fmt::Write;

use super::{Entry, Grouped, count, grouped, namespace_label, summary as counts, title, verb};
use crate::diff::{Change, SchemaDiff};

/// The most characters the summary takes: GitHub cuts a pull-request
/// description at 65,536, and the author may want to add a few lines.
pub const SUMMARY_LIMIT: usize = 60_000;

/// ` — **breaking**, wire`, ` — wire`, or nothing.
fn tags(change: &Change) -> &'static str {
    match (change.breaking, change.wire_compatible) {
        (true, false) => " — **breaking**, wire",
        (true, true) => " — **breaking**",
        (false, false) => " — wire",
        (false, true) => "",
    }
}

const LEGEND: &str = "\n_breaking_: breaks Rust code that uses the generated types. _wire_: values are encoded differently.\n";

/// One entry of the full report.
fn full_entry(out: &mut String, entry: &Entry<'_>) {
    match entry {
        Entry::Added(i) | Entry::Removed(i) => {
            let _ = write!(
                out,
                "- **{}** {} `{}`{} (`{}`)",
                verb(entry),
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
                let _ = writeln!(out, "  - {}{}", change.detail, tags(change));
            }
        }
    }
}

fn full_section(out: &mut String, heading: &str, groups: &Grouped<'_>) {
    if groups.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n### {heading} ({})", count(groups));
    for (ns, entries) in groups {
        let _ = writeln!(out, "\n#### {} ({})\n", namespace_label(ns), entries.len());
        for e in entries {
            full_entry(out, e);
        }
    }
}

/// The full Markdown report: every change, grouped by namespace.
pub fn full(diff: &SchemaDiff) -> String {
    let mut out = format!("## TL schema: {}\n\n{}\n", title(diff), counts(diff));
    let (breaking, other) = grouped(diff);
    full_section(&mut out, "Breaking changes", &breaking);
    full_section(&mut out, "Other changes", &other);
    if !diff.is_empty() {
        out.push_str(LEGEND);
    }
    out
}

/// One breaking entry of the summary, on one line: what it is and what in
/// it breaks (the wire-only changes are left to the full report).
fn summary_entry(out: &mut String, entry: &Entry<'_>) {
    match entry {
        Entry::Added(i) | Entry::Removed(i) => {
            let _ = write!(out, "- {} {} `{}`", verb(entry), i.kind, i.name);
            if let Some(reason) = &i.reason {
                let _ = write!(out, ": {reason}");
            }
        }
        Entry::Changed(c) => {
            let _ = write!(out, "- changed {} `{}`", c.kind, c.name);
            let breaking: Vec<String> = c
                .changes
                .iter()
                .filter(|change| change.breaking)
                .map(|change| change.detail.to_string())
                .collect();
            let _ = write!(out, ": {}", breaking.join("; "));
        }
    }
    out.push('\n');
}

/// The other changes, counted per namespace in a table.
fn other_table(out: &mut String, groups: &Grouped<'_>) {
    if groups.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "\n### Other changes ({})\n\n| namespace | added | removed | changed | encoded differently |\n|---|---:|---:|---:|---:|",
        count(groups)
    );
    for (ns, entries) in groups {
        let of = |f: fn(&Entry<'_>) -> bool| entries.iter().filter(|e| f(e)).count();
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            namespace_label(ns),
            of(|e| matches!(e, Entry::Added(_))),
            of(|e| matches!(e, Entry::Removed(_))),
            of(|e| matches!(e, Entry::Changed(_))),
            of(|e| matches!(e, Entry::Changed(c) if !c.wire_compatible())),
        );
    }
}

/// The summary: the counts, each breaking change on one line grouped by
/// namespace, the other changes counted per namespace. Namespaces whose
/// breaking changes would take the summary past [`SUMMARY_LIMIT`] are
/// counted instead of listed.
pub fn summary(diff: &SchemaDiff) -> String {
    let mut out = format!("## TL schema: {}\n\n{}\n", title(diff), counts(diff));
    let (breaking, other) = grouped(diff);
    let mut tail = String::new();
    other_table(&mut tail, &other);
    if !diff.is_empty() {
        tail.push_str(
            "\nThis is a summary: the full report (`tl-codegen diff --format markdown-full`, or `SchemaDiff::to_markdown_full`) lists every change with its details.\n",
        );
    }
    if !breaking.is_empty() {
        let _ = writeln!(out, "\n### Breaking changes ({})", count(&breaking));
        // Room for the note on namespaces left out.
        let room = SUMMARY_LIMIT.saturating_sub(out.len() + tail.len() + 2_000);
        let mut used = 0;
        let mut left_out: Vec<String> = Vec::new();
        for (ns, entries) in &breaking {
            let mut block = format!("\n#### {} ({})\n\n", namespace_label(ns), entries.len());
            for e in entries {
                summary_entry(&mut block, e);
            }
            if left_out.is_empty() && used + block.len() <= room {
                used += block.len();
                out.push_str(&block);
            } else {
                left_out.push(format!("{} ({})", namespace_label(ns), entries.len()));
            }
        }
        if !left_out.is_empty() {
            let _ = writeln!(
                out,
                "\nNot listed, for lack of room: the breaking changes of {}.",
                left_out.join(", ")
            );
        }
    }
    out.push_str(&tail);
    out
}

#[cfg(test)]
mod tests {
    use super::{SUMMARY_LIMIT, summary};
    use crate::diff::{Item, ItemKind, SchemaDiff};

    /// A diff too large to list: the namespaces that do not fit are counted.
    #[test]
    fn a_summary_too_long_to_list_counts_what_does_not_fit() {
        let removed: Vec<Item> = (0..4_000)
            .map(|n| Item {
                name: format!("ns{:02}.someRatherLongConstructorName{n:04}", n / 100),
                kind: ItemKind::Constructor,
                id: Some(n),
                rust: format!(
                    "types::ns{:02}::SomeRatherLongConstructorName{n:04}",
                    n / 100
                ),
                breaking: true,
                reason: Some(format!(
                    "removes variant `enums::ns{:02}::Thing::V{n}`",
                    n / 100
                )),
            })
            .collect();
        let diff = SchemaDiff {
            from_layer: Some(1),
            to_layer: Some(2),
            non_exhaustive: false,
            added: Vec::new(),
            removed,
            changed: Vec::new(),
            warnings: Vec::new(),
        };
        let md = summary(&diff);
        assert!(md.len() <= SUMMARY_LIMIT, "{}", md.len());
        assert!(md.contains("\n#### ns00 (100)\n\n- removed constructor `ns00.someRatherLongConstructorName0000`: removes variant `enums::ns00::Thing::V0`\n"));
        let note = md
            .lines()
            .find(|l| l.starts_with("Not listed, for lack of room: the breaking changes of "))
            .expect("a note on what is left out");
        assert!(note.ends_with(", ns39 (100)."), "{note}");
        // Whole namespaces are listed or left out, in order.
        let listed = md.lines().filter(|l| l.starts_with("#### ")).count();
        assert!(listed > 0 && listed < 40, "{listed}");
        assert!(note.contains(&format!("ns{listed:02} (100)")), "{note}");
    }
}
