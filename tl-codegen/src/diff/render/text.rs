//! The text report: every change, grouped by namespace.

use std::fmt::Write;

use super::{Entry, Grouped, changed_ids, count, grouped, id, namespace_label, summary, title};
use crate::diff::{Change, SchemaDiff};

/// `[breaking, wire]`, `[wire]`, or nothing.
fn marks(change: &Change) -> &'static str {
    match (change.breaking, change.wire_compatible) {
        (true, false) => " [breaking, wire]",
        (true, true) => " [breaking]",
        (false, false) => " [wire]",
        (false, true) => "",
    }
}

/// One entry: its head line, and for a changed one each change below it.
fn entry(out: &mut String, entry: &Entry<'_>) {
    match entry {
        Entry::Added(i) | Entry::Removed(i) => {
            let sign = if matches!(entry, Entry::Added(_)) {
                "+ added"
            } else {
                "- removed"
            };
            let _ = write!(
                out,
                "    {sign} {} {}{} ({})",
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
                "    ~ changed {} {}{} ({})",
                c.kind,
                c.name,
                changed_ids(c),
                c.rust
            );
            for change in &c.changes {
                let _ = writeln!(out, "        {}{}", change.detail, marks(change));
            }
        }
    }
}

fn section(out: &mut String, heading: &str, groups: &Grouped<'_>) {
    if groups.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{heading} ({}):", count(groups));
    for (ns, entries) in groups {
        let _ = writeln!(out, "\n  {} ({}):", namespace_label(ns), entries.len());
        for e in entries {
            entry(out, e);
        }
    }
}

/// The text report.
pub fn text(diff: &SchemaDiff) -> String {
    let mut out = format!("{}\n\n{}\n", title(diff), summary(diff));
    let (breaking, other) = grouped(diff);
    section(&mut out, "Breaking changes", &breaking);
    section(&mut out, "Other changes", &other);
    if !diff.is_empty() {
        out.push_str(
            "\n[breaking]: breaks Rust code that uses the generated types. [wire]: values are encoded differently.\n",
        );
    }
    out
}
