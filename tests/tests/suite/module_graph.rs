//! The import graph of each crate: which module uses which, read from the
//! sources (`crate::a::...`, `super::...`, `use super::{a, b}`). Among the
//! modules of one parent (a module counts with everything below it), the
//! uses run one way only: no circle, and no module reaches back to the
//! crate root's own items (`crate::Error` from a module is an arrow back up
//! to `lib.rs`; the module that defines `Error` is named instead).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module path (`emit::paths`) → source text, for every `.rs` under `src`.
fn modules(src: &Path) -> BTreeMap<Vec<String>, String> {
    let mut out = BTreeMap::new();
    let mut stack = vec![src.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let rel = path.strip_prefix(src).unwrap().with_extension("");
            let mut parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if matches!(
                parts.last().map(String::as_str),
                Some("mod" | "lib" | "main")
            ) {
                parts.pop();
            }
            out.insert(parts, std::fs::read_to_string(&path).unwrap());
        }
    }
    out
}

/// The code before the first `#[cfg(test)]`, comments left out (a doc
/// link is no use): what the module itself uses.
fn non_test(text: &str) -> String {
    let code = text.split("#[cfg(test)]").next().unwrap_or(text);
    code.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Paths the text names from the crate root: `crate::a::b` and `super::c`
/// (resolved against `module`), including the items of `use super::{a, b}`.
fn referenced(module: &[String], text: &str) -> Vec<Vec<String>> {
    let word = |c: char| c.is_ascii_alphanumeric() || c == '_';
    let mut out = Vec::new();
    for (at, _) in text
        .match_indices("crate::")
        .chain(text.match_indices("super::"))
    {
        if at > 0 && text[..at].ends_with(|c: char| word(c) || c == ':' || c == '$') {
            continue;
        }
        let mut base: Vec<String> = if text[at..].starts_with("crate::") {
            Vec::new()
        } else {
            module[..module.len().saturating_sub(1)].to_vec()
        };
        let mut rest = &text[at + text[at..].find("::").unwrap() + 2..];
        // `super::super::x`
        while let Some(more) = rest.strip_prefix("super::") {
            base.pop();
            rest = more;
        }
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let name: String = item.trim().chars().take_while(|c| word(*c)).collect();
                if !name.is_empty() {
                    out.push([base.clone(), vec![name]].concat());
                }
            }
            continue;
        }
        let mut path = base;
        for segment in rest.split("::") {
            let name: String = segment.chars().take_while(|c| word(*c)).collect();
            if name.is_empty() {
                break;
            }
            path.push(name.clone());
            if name.len() != segment.len() {
                break;
            }
        }
        out.push(path);
    }
    out
}

/// The problems of one crate: circles among sibling modules, arrows back
/// to the root's items.
fn problems(src: &Path) -> Vec<String> {
    let modules = modules(src);
    let names: BTreeSet<&Vec<String>> = modules.keys().collect();
    // sibling edges: (parent, from child, to child)
    let mut edges: BTreeMap<Vec<String>, BTreeSet<(String, String)>> = BTreeMap::new();
    let mut problems = Vec::new();
    for (module, text) in &modules {
        for path in referenced(module, &non_test(text)) {
            // The module the path lands in: its longest known prefix.
            let Some(target) = (0..=path.len())
                .rev()
                .map(|n| path[..n].to_vec())
                .find(|p| names.contains(p))
            else {
                continue;
            };
            if target.is_empty() && !module.is_empty() && path.len() == 1 {
                problems.push(format!(
                    "{}: `crate::{}` reaches back to the crate root",
                    module.join("::"),
                    path[0]
                ));
                continue;
            }
            // The first level where the two paths part.
            let common = module
                .iter()
                .zip(&target)
                .take_while(|(a, b)| a == b)
                .count();
            if common < module.len() && common < target.len() {
                edges
                    .entry(module[..common].to_vec())
                    .or_default()
                    .insert((module[common].clone(), target[common].clone()));
            }
        }
    }
    for (parent, edges) in &edges {
        if let Some(cycle) = find_cycle(edges) {
            problems.push(format!(
                "circle among the modules of `{}`: {}",
                if parent.is_empty() {
                    "crate".to_owned()
                } else {
                    parent.join("::")
                },
                cycle.join(" -> ")
            ));
        }
    }
    problems
}

/// A circle of the graph, if it has one.
fn find_cycle(edges: &BTreeSet<(String, String)>) -> Option<Vec<String>> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (a, b) in edges {
        next.entry(a).or_default().push(b);
    }
    fn visit<'a>(
        node: &'a str,
        next: &BTreeMap<&'a str, Vec<&'a str>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| *n == node) {
            let mut cycle: Vec<String> = path[at..].iter().map(|s| (*s).to_owned()).collect();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if !done.insert(node) {
            return None;
        }
        path.push(node);
        for to in next.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(to, next, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    next.keys()
        .find_map(|start| visit(start, &next, &mut Vec::new(), &mut done))
}

fn check(krate: &str) {
    let src = test_support::repo_root().join(krate).join("src");
    let problems = problems(&src);
    assert!(problems.is_empty(), "{krate}:\n{}", problems.join("\n"));
}

#[test]
fn tl_parser_modules_use_one_another_one_way() {
    check("tl-parser");
}

#[test]
fn tl_codegen_modules_use_one_another_one_way() {
    check("tl-codegen");
}

#[test]
fn tl_codegen_cli_modules_use_one_another_one_way() {
    check("tl-codegen-cli");
}

#[test]
fn tl_runtime_modules_use_one_another_one_way() {
    check("tl-runtime");
}

/// The checker finds what it is for.
#[test]
fn a_circle_and_an_arrow_to_the_root_are_found() {
    let dir = std::env::temp_dir().join(format!("tl-module-graph-{}", std::process::id()));
    let src = dir.join("src");
    std::fs::create_dir_all(src.join("b")).unwrap();
    std::fs::write(src.join("lib.rs"), "mod a; mod b; pub use a::Error;").unwrap();
    std::fs::write(
        src.join("a.rs"),
        "use crate::b::inner::X; pub struct Error;",
    )
    .unwrap();
    std::fs::write(src.join("b/mod.rs"), "mod inner; use super::a::Error;").unwrap();
    std::fs::write(src.join("b/inner.rs"), "use crate::Error; pub struct X;").unwrap();
    let found = problems(&src);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(
        found,
        [
            "b::inner: `crate::Error` reaches back to the crate root",
            "circle among the modules of `crate`: a -> b -> a"
        ]
    );
}
