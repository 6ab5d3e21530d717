//! Warnings about the two sides themselves: files given on one side only,
//! and id rules detected differently.

use crate::model::Model;

/// A file name with its digits removed, so that `api-222.tl` and
/// `api-230.tl` are the same file in two versions.
fn versionless(name: &str) -> String {
    name.chars().filter(|c| !c.is_ascii_digit()).collect()
}

/// The files of each side that have no counterpart on the other: paired
/// first by name, then by name without digits, then what is left in the
/// order given (`old.tl` with `new.tl`).
fn unpaired<'m>(old: &'m [String], new: &'m [String]) -> (Vec<&'m str>, Vec<&'m str>) {
    let mut old_left: Vec<&str> = old.iter().map(String::as_str).collect();
    let mut new_left: Vec<&str> = new.iter().map(String::as_str).collect();
    let pair_by = |old_left: &mut Vec<&str>, new_left: &mut Vec<&str>, key: fn(&str) -> String| {
        let mut k = 0;
        while k < old_left.len() {
            let wanted = key(old_left[k]);
            if let Some(j) = new_left.iter().position(|n| key(n) == wanted) {
                old_left.remove(k);
                new_left.remove(j);
            } else {
                k += 1;
            }
        }
    };
    pair_by(&mut old_left, &mut new_left, str::to_owned);
    pair_by(&mut old_left, &mut new_left, versionless);
    let paired = old_left.len().min(new_left.len());
    (old_left.split_off(paired), new_left.split_off(paired))
}

fn list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    quoted.join(", ")
}

/// One sentence per problem: files on one side only (what they define is
/// reported as added or removed, though it probably did not change), and
/// sides whose id rules were detected differently (every id computed from
/// the text would then differ).
pub fn warnings(old: &Model, new: &Model) -> Vec<String> {
    let mut out = Vec::new();
    let (old_only, new_only) = unpaired(&old.sources, &new.sources);
    for (side, files, what) in [("old", &old_only, "removed"), ("new", &new_only, "added")] {
        if files.is_empty() {
            continue;
        }
        let (verb, pronoun) = if files.len() == 1 {
            ("is", "it defines")
        } else {
            ("are", "they define")
        };
        out.push(format!(
            "{} {verb} read on the {side} side only: everything {pronoun} is reported as {what} (give {} on both sides if {} did not change)",
            list(files),
            if files.len() == 1 { "it" } else { "them" },
            if files.len() == 1 { "it" } else { "they" },
        ));
    }
    if old.dialect != new.dialect {
        let how = |m: &Model| {
            if m.detected.is_some() {
                "detected"
            } else {
                "chosen"
            }
        };
        out.push(format!(
            "the old side uses {} ids ({}), the new side {} ids ({}): ids computed from the text differ; pass `--dialect` (`Config::dialect`) to use the same rules on both sides",
            old.dialect.name(),
            how(old),
            new.dialect.name(),
            how(new),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::unpaired;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn files_of_one_side_only() {
        let (old, new) = (names(&["api-222.tl", "mtproto.tl"]), names(&["api-230.tl"]));
        assert_eq!(unpaired(&old, &new), (vec!["mtproto.tl"], vec![]));
        let (old, new) = (names(&["api.tl"]), names(&["api.tl", "mtproto.tl"]));
        assert_eq!(unpaired(&old, &new), (vec![], vec!["mtproto.tl"]));
        // Versions of the same files, however named.
        let (old, new) = (
            names(&["api-222.tl", "mtproto.tl"]),
            names(&["api-230.tl", "mtproto.tl"]),
        );
        assert_eq!(unpaired(&old, &new), (vec![], vec![]));
        let (old, new) = (names(&["previous.tl"]), names(&["current.tl"]));
        assert_eq!(unpaired(&old, &new), (vec![], vec![]));
        // Unlike names pair in the order given; the rest is one-sided.
        let (old, new) = (names(&["old.tl"]), names(&["new.tl", "extra.tl"]));
        assert_eq!(unpaired(&old, &new), (vec![], vec!["extra.tl"]));
    }
}
