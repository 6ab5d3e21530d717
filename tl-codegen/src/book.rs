//! Reference pages: one Markdown page per method, constructor and type, an
//! index per namespace, and a `SUMMARY.md`, laid out as an mdBook (`book.toml`
//! and `src/`). Each page has the parts of the reference pages users know:
//! title, description, a Rust example, parameters, result, possible errors,
//! whether bots may call it, and related pages.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;
use std::path::Path;

use crate::config::Config;
use crate::docs::text::escape;
use crate::error::Error;
use crate::model::layout::{Root, RustType};
use crate::model::{
    BoxedType, Constructor, FieldKind, FieldModel, Function, Model, RustPath, WireType,
};

/// One page: its path under `src/` and its Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The path under the book's `src/` folder (`method/channels.inviteToChannel.md`).
    pub path: String,
    /// The page's Markdown.
    pub text: String,
}

/// A book of reference pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Book {
    /// The book's title.
    pub title: String,
    /// Every page, `SUMMARY.md` and `README.md` included.
    pub pages: Vec<Page>,
}

impl Book {
    /// The pages of `model`, as `config` generates it (Rust types follow
    /// [`Config::zero_copy`]). Examples name the generated code `tl` (the
    /// module or crate that includes it).
    pub fn new(model: &Model, config: &Config) -> Book {
        Writer::new(model, config.zero_copy).book()
    }

    /// The page at `path`, if there is one.
    pub fn page(&self, path: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.path == path)
    }

    /// Writes `book.toml` and `src/` under `dir` (created if missing).
    pub fn write(&self, dir: &Path) -> Result<(), Error> {
        let io = |path: &Path| {
            let path = path.to_owned();
            move |source| Error::Io { path, source }
        };
        let toml = format!(
            "[book]\ntitle = \"{}\"\nsrc = \"src\"\n",
            self.title.replace('"', "'")
        );
        let src = dir.join("src");
        for sub in ["method", "constructor", "type", "ns"] {
            let d = src.join(sub);
            std::fs::create_dir_all(&d).map_err(io(&d))?;
        }
        let book_toml = dir.join("book.toml");
        std::fs::write(&book_toml, toml).map_err(io(&book_toml))?;
        for page in &self.pages {
            let path = src.join(&page.path);
            std::fs::write(&path, &page.text).map_err(io(&path))?;
        }
        Ok(())
    }
}

/// What the pages are written from, indexed.
struct Writer<'m> {
    model: &'m Model,
    /// Whether `string`/`bytes` are the runtime's shared types.
    zero_copy: bool,
    /// TL type names by their Rust path, for links.
    type_names: BTreeMap<&'m RustPath, &'m str>,
    /// Constructor TL names by struct path (for bare types).
    constructor_names: BTreeMap<&'m RustPath, &'m str>,
    /// Types by Rust path and by TL name.
    types_by_path: BTreeMap<&'m RustPath, &'m BoxedType>,
    types_by_name: BTreeMap<&'m str, &'m BoxedType>,
    /// The functions returning each type (or a vector of it), by type TL
    /// name; `Bool` among them.
    returning: BTreeMap<&'m str, Vec<&'m str>>,
    /// The pages of methods, constructors and types, as `kind/name`
    /// (`method/messages.sendMessage`), for turning links to their official
    /// pages into links within the book.
    local: BTreeSet<String>,
    /// Whether the book has a page for the built-in `Bool`: whether the
    /// schema uses it.
    bool_page: bool,
}

/// Where the official pages of methods, constructors and types are
/// (`https://core.telegram.org/method/NAME`).
const OFFICIAL: &str = "https://core.telegram.org/";

/// The TL name of the built-in boolean type.
const BOOL: &str = "Bool";

/// Whether `ty` is `Bool` or holds one.
fn mentions_bool(ty: &WireType) -> bool {
    match ty {
        WireType::Bool => true,
        WireType::Vector { elem, .. }
        | WireType::Rows { elem, .. }
        | WireType::Array { elem, .. }
        | WireType::Nullable(elem) => mentions_bool(elem),
        _ => false,
    }
}

/// Whether a field's value is or holds a `Bool`.
fn field_mentions_bool(f: &FieldModel) -> bool {
    matches!(&f.kind, FieldKind::Value { ty, .. } if mentions_bool(ty))
}

/// The way from page `from` to page `to`, both paths under `src/`
/// (`../type/User.md` from `method/users.getUsers.md`).
fn relative(from: &str, to: &str) -> String {
    format!("{}{to}", "../".repeat(from.matches('/').count()))
}

/// The namespace of a TL name (`channels` for `channels.inviteToChannel`).
fn namespace(name: &str) -> &str {
    name.rsplit_once('.').map_or("", |(ns, _)| ns)
}

/// The anchor of an error's row on the errors page: its name, which HTML
/// ids take as it is (letters, digits, `_`).
fn error_anchor(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

fn namespace_page(ns: &str) -> String {
    if ns.is_empty() {
        "ns/global.md".to_owned()
    } else {
        format!("ns/{ns}.md")
    }
}

impl<'m> Writer<'m> {
    /// A page at `kind/name.md`: `# name`, the description, then `body`,
    /// then the link to the official page (when the schema has them).
    fn page(&self, kind: &str, name: &str, doc: Option<&str>, body: &str) -> Page {
        let path = format!("{kind}/{name}.md");
        let mut text = format!("# {name}\n\n");
        if let Some(doc) = doc {
            let _ = write!(text, "{}\n\n", self.local_links(doc, &path));
        }
        text.push_str(body);
        if self.model.official_pages {
            let _ = write!(
                text,
                "\n[Official page](https://core.telegram.org/{kind}/{name})\n"
            );
        }
        Page { path, text }
    }

    /// `markdown` with each link to the official page of a method,
    /// constructor or type the book has a page for made a link to that page,
    /// relative to the page at `from`.
    fn local_links(&self, markdown: &str, from: &str) -> String {
        const START: &str = "](https://core.telegram.org/";
        let mut out = String::with_capacity(markdown.len());
        let mut rest = markdown;
        while let Some(at) = rest.find(START) {
            // Up to the URL, which starts after `](`.
            let (before, after) = rest.split_at(at + 2);
            out.push_str(before);
            let end = after.find(')').unwrap_or(after.len());
            let url = &after[..end];
            match self.local_page(url) {
                Some(page) => out.push_str(&relative(from, &page)),
                None => out.push_str(url),
            }
            rest = &after[end..];
        }
        out.push_str(rest);
        out
    }

    /// The book's page for the official page at `url`, if it has one. The
    /// constructors of the built-in `Bool` are on its page.
    fn local_page(&self, url: &str) -> Option<String> {
        let page = url.strip_prefix(OFFICIAL)?;
        if self.bool_page && matches!(page, "constructor/boolTrue" | "constructor/boolFalse") {
            return Some(format!("type/{BOOL}.md"));
        }
        self.local.contains(page).then(|| format!("{page}.md"))
    }

    fn new(model: &'m Model, zero_copy: bool) -> Self {
        let types_by_path: BTreeMap<&RustPath, &BoxedType> =
            model.types.iter().map(|t| (&t.path, t)).collect();
        let mut returning: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for f in &model.functions {
            if let Some(t) = returned_type(&types_by_path, &f.returns) {
                returning.entry(&t.tl_name).or_default().push(&f.tl_name);
            } else if returns_bool(&f.returns) {
                returning.entry(BOOL).or_default().push(&f.tl_name);
            }
        }
        let bool_page = model
            .functions
            .iter()
            .any(|f| mentions_bool(&f.returns) || f.fields.iter().any(field_mentions_bool))
            || model
                .constructors
                .iter()
                .any(|c| c.fields.iter().any(field_mentions_bool));
        let mut local: BTreeSet<String> = BTreeSet::new();
        local.extend(
            model
                .functions
                .iter()
                .map(|f| format!("method/{}", f.tl_name)),
        );
        local.extend(
            model
                .constructors
                .iter()
                .map(|c| format!("constructor/{}", c.tl_name)),
        );
        local.extend(model.types.iter().map(|t| format!("type/{}", t.tl_name)));
        if bool_page {
            local.insert(format!("type/{BOOL}"));
        }
        Writer {
            local,
            bool_page,
            model,
            zero_copy,
            types_by_name: model
                .types
                .iter()
                .map(|t| (t.tl_name.as_str(), t))
                .collect(),
            types_by_path,
            returning,
            type_names: model
                .types
                .iter()
                .map(|t| (&t.path, t.tl_name.as_str()))
                .collect(),
            constructor_names: model
                .constructors
                .iter()
                .map(|c| (&c.path, c.tl_name.as_str()))
                .collect(),
        }
    }

    fn book(&self) -> Book {
        let mut pages = Vec::new();
        // namespace → (methods, constructors, types)
        let mut by_ns: BTreeMap<&str, [Vec<&str>; 3]> = BTreeMap::new();
        for f in &self.model.functions {
            pages.push(self.method_page(f));
            by_ns.entry(namespace(&f.tl_name)).or_default()[0].push(&f.tl_name);
        }
        for c in &self.model.constructors {
            pages.push(self.constructor_page(c));
            by_ns.entry(namespace(&c.tl_name)).or_default()[1].push(&c.tl_name);
        }
        for t in &self.model.types {
            pages.push(self.type_page(t));
            by_ns.entry(namespace(&t.tl_name)).or_default()[2].push(&t.tl_name);
        }
        if self.bool_page {
            pages.push(self.bool_type_page());
            let types = &mut by_ns.entry("").or_default()[2];
            let at = types.partition_point(|name| *name < BOOL);
            types.insert(at, BOOL);
        }
        let title = match self.model.layer {
            Some(layer) => format!("TL schema reference, layer {layer}"),
            None => "TL schema reference".to_owned(),
        };
        let mut summary = format!("# Summary\n\n[{title}](README.md)\n\n");
        if let Some(errors) = self.errors_page() {
            summary.push_str("[Errors](errors.md)\n\n");
            pages.push(errors);
        }
        let mut readme = format!(
            "# {title}\n\nGenerated by tl-codegen from {}: {} methods, {} constructors, {} types.\n\n## Namespaces\n\n",
            self.model.sources.join(", "),
            self.model.functions.len(),
            self.model.constructors.len(),
            self.model.types.len()
        );
        // In the sidebar each namespace holds its pages grouped by kind, each
        // group a draft chapter (`- [Methods]()`: a heading without a page).
        // Namespaces are labelled as such, so that the namespace `updates`
        // and the constructor `updates` read differently.
        for (ns, [methods, constructors, types]) in &by_ns {
            let label = if ns.is_empty() {
                "Global namespace".to_owned()
            } else {
                format!("Namespace `{ns}`")
            };
            let index = namespace_page(ns);
            let _ = writeln!(summary, "- [{label}]({index})");
            let _ = writeln!(readme, "- [{label}]({index})");
            let mut page = format!("# {label}\n");
            for (heading, dir, names) in [
                ("Methods", "method", methods),
                ("Constructors", "constructor", constructors),
                ("Types", "type", types),
            ] {
                if names.is_empty() {
                    continue;
                }
                let _ = write!(page, "\n## {heading}\n\n");
                let _ = writeln!(summary, "    - [{heading}]()");
                for name in names {
                    let _ = writeln!(page, "- [{name}](../{dir}/{name}.md)");
                    let _ = writeln!(summary, "        - [{name}]({dir}/{name}.md)");
                }
            }
            pages.push(Page {
                path: index,
                text: page,
            });
        }
        pages.push(Page {
            path: "SUMMARY.md".to_owned(),
            text: summary,
        });
        pages.push(Page {
            path: "README.md".to_owned(),
            text: readme,
        });
        Book { title, pages }
    }

    /// A type as Markdown with links to the pages of its parts, relative to
    /// a page one folder deep.
    fn type_markdown(&self, ty: &WireType) -> String {
        match ty {
            WireType::Boxed(path) => match self.type_names.get(path) {
                Some(name) => format!("[{name}](../type/{name}.md)"),
                None => escape(&path.name),
            },
            WireType::Bare(path) => match self.constructor_names.get(path) {
                Some(name) => format!("[%{name}](../constructor/{name}.md)"),
                None => escape(&path.name),
            },
            WireType::Vector { elem, .. } | WireType::Rows { elem, .. } => {
                format!("Vector&lt;{}&gt;", self.type_markdown(elem))
            }
            WireType::Array { len, elem } => format!("{len}\\*\\[{}\\]", self.type_markdown(elem)),
            WireType::Generic(name) => format!("!{name}"),
            WireType::AnyObject => "Object".to_owned(),
            WireType::AnyFunction => "Function".to_owned(),
            WireType::Raw => "bytes (undecoded)".to_owned(),
            WireType::Int => "int".to_owned(),
            WireType::Long => "long".to_owned(),
            WireType::Int53 => "int53".to_owned(),
            WireType::Nullable(inner) => format!("{} (may be null)", self.type_markdown(inner)),
            WireType::Double => "double".to_owned(),
            WireType::Nat => "#".to_owned(),
            WireType::Int128 => "int128".to_owned(),
            WireType::Int256 => "int256".to_owned(),
            WireType::String => "string".to_owned(),
            WireType::Bytes => "bytes".to_owned(),
            WireType::Bool if self.bool_page => format!("[{BOOL}](../type/{BOOL}.md)"),
            WireType::Bool => BOOL.to_owned(),
            WireType::True => "true".to_owned(),
        }
    }

    /// The parameters table of a field list, for the page at `page`: each
    /// field the schema spells and the Rust struct has, with its TL type, its
    /// Rust type, whether it is required and its description. A flags word
    /// (`flags:#`) is a row only where the struct keeps it (TDLib, TON):
    /// Telegram's is computed from the fields when writing.
    fn fields_table(&self, fields: &[FieldModel], heading: &str, page: &str) -> String {
        let rust = |ty: &WireType| format!("`{}`", rust_type(ty, self.zero_copy));
        // A field whose bit it shares with others is in the struct of their
        // group, or is the `bool` of the first `true` flag of that bit.
        let group_kind = |name: &str| fields.iter().find(|g| g.rust_name == name).map(|g| &g.kind);
        let rows: Vec<String> = fields
            .iter()
            .filter_map(|f| {
                let bit = |b: &crate::model::FlagBit| format!("{}.{}?", b.field, b.bit);
                let (ty, rust_ty, required) = match &f.kind {
                    FieldKind::Group { .. }
                    | FieldKind::Count { .. }
                    | FieldKind::Flags {
                        keep_other_bits: false,
                    } => return None,
                    FieldKind::Flags {
                        keep_other_bits: true,
                    } => ("#".to_owned(), "`u32`".to_owned(), "Yes"),
                    FieldKind::TrueFlag(b) => {
                        let rust_ty = match f.group.as_deref() {
                            Some(g) if matches!(group_kind(g), Some(FieldKind::Group { .. })) => {
                                format!("`{g}` is `Some`")
                            }
                            Some(g) => format!("`bool`, the same as `{g}`"),
                            None => "`bool`".to_owned(),
                        };
                        (
                            format!("{}true", bit(b)),
                            rust_ty,
                            "Optional: a flag, `false` when not set",
                        )
                    }
                    FieldKind::Value { ty, flag } => {
                        let rust_ty = match (flag, f.group.as_deref()) {
                            (_, Some(g)) => format!("{}, in `{g}`", rust(ty)),
                            (Some(_), None) => {
                                format!("`Option<{}>`", rust_type(ty, self.zero_copy))
                            }
                            (None, None) => rust(ty),
                        };
                        let condition = flag.as_ref().map(bit).unwrap_or_default();
                        let required = if flag.is_some() { "Optional" } else { "Yes" };
                        (
                            format!("{condition}{}", self.type_markdown(ty)),
                            rust_ty,
                            required,
                        )
                    }
                };
                let description =
                    self.local_links(&f.doc.as_deref().unwrap_or("").replace('\n', " "), page);
                Some(format!(
                    "| **{}** | {ty} | {rust_ty} | {required} | {description} |",
                    escape(&f.tl_name)
                ))
            })
            .collect();
        if rows.is_empty() {
            return String::new();
        }
        format!(
            "\n## {heading}\n\n| Name | Type | Rust type | Required | Description |\n| :--: | ---- | --------- | -------- | ----------- |\n{}\n",
            rows.join("\n")
        )
    }

    /// Every known RPC error on one page: its codes, name, the generated
    /// variant (when errors are typed), what it means and the methods whose
    /// documentation lists it. `None` when the model knows no error.
    fn errors_page(&self) -> Option<Page> {
        struct Row<'a> {
            codes: Vec<i32>,
            variant: Option<String>,
            description: &'a str,
            methods: Vec<&'a str>,
        }
        let mut rows: BTreeMap<&str, Row<'_>> = BTreeMap::new();
        for e in &self.model.rpc_errors {
            let variant = match &e.number {
                Some(n) => format!("RpcMessage::{} {{ {} }}", e.variant, n.field),
                None => format!("RpcMessage::{}", e.variant),
            };
            rows.insert(
                &e.name,
                Row {
                    codes: e.codes.clone(),
                    variant: Some(variant),
                    description: &e.description,
                    methods: Vec::new(),
                },
            );
        }
        for f in &self.model.functions {
            for e in &f.errors {
                let row = rows.entry(&e.name).or_insert_with(|| Row {
                    codes: Vec::new(),
                    variant: None,
                    description: e.description.as_deref().unwrap_or(""),
                    methods: Vec::new(),
                });
                if !row.codes.contains(&e.code) {
                    row.codes.push(e.code);
                }
                if row.methods.last() != Some(&f.tl_name.as_str()) {
                    row.methods.push(&f.tl_name);
                }
            }
        }
        if rows.is_empty() {
            return None;
        }
        let mut text = format!(
            "# Errors\n\nThe {} RPC errors the documentation knows, by name. A name with `X` carries a number in its place (`FLOOD_WAIT_X` is sent as `FLOOD_WAIT_30`). The Rust column is the variant of `errors::RpcMessage` that `errors::RpcError::parse` gives for it.\n\n| Name | Codes | Rust | Description | Returned by |\n| ---- | :---: | ---- | ----------- | ----------- |\n",
            rows.len()
        );
        for (name, row) in &rows {
            let codes: Vec<String> = row.codes.iter().map(i32::to_string).collect();
            let variant = row
                .variant
                .as_deref()
                .map_or_else(String::new, |v| format!("`{v}`"));
            let methods: Vec<String> = row
                .methods
                .iter()
                .map(|m| format!("[{m}](method/{m}.md)"))
                .collect();
            let _ = writeln!(
                text,
                "| <a id=\"{}\"></a>{} | {} | {variant} | {} | {} |",
                error_anchor(name),
                escape(name),
                codes.join(", "),
                self.local_links(
                    &absolute_links(&row.description.replace('\n', " ")),
                    "errors.md"
                ),
                methods.join(", ")
            );
        }
        Some(Page {
            path: "errors.md".to_owned(),
            text,
        })
    }

    fn method_page(&self, f: &Function) -> Page {
        let mut text = String::new();
        let _ = write!(text, "```tl\n{}\n```\n\n", f.declaration);
        let _ = write!(
            text,
            "## Example\n\n```rust\n{}```\n",
            example(f, self.zero_copy, self.model.layer.is_some())
        );
        let path = format!("method/{}.md", f.tl_name);
        text.push_str(&self.fields_table(&f.fields, "Parameters", &path));
        let _ = write!(text, "\n## Result\n\n{}\n", self.type_markdown(&f.returns));
        if !f.errors.is_empty() {
            text.push_str("\n## Possible errors\n\n| Code | Type | Description |\n| :--: | ---- | ----------- |\n");
            for e in &f.errors {
                let _ = writeln!(
                    text,
                    "| {} | [{}](../errors.md#{}) | {} |",
                    e.code,
                    escape(&e.name),
                    error_anchor(&e.name),
                    self.local_links(e.description.as_deref().unwrap_or(""), &path)
                );
            }
        }
        if let Some(usability) = f.usability {
            let _ = write!(
                text,
                "\n## Can bots use this method?\n\n{}\n",
                usability.bots()
            );
        }
        let related = self.returned_type(&f.returns).map(|t| {
            let mut out = format!("- Its result type: [{0}](../type/{0}.md)\n", t.tl_name);
            for v in &t.variants {
                let c = &self.model.constructors[v.constructor];
                let _ = writeln!(out, "- [{0}](../constructor/{0}.md)", c.tl_name);
            }
            out
        });
        let related = related.or_else(|| {
            (self.bool_page && returns_bool(&f.returns))
                .then(|| format!("- Its result type: [{BOOL}](../type/{BOOL}.md)\n"))
        });
        if let Some(related) = related {
            let _ = write!(text, "\n## Related pages\n\n{related}");
        }
        self.page("method", &f.tl_name, f.doc.as_deref(), &text)
    }

    /// The boxed type a result is, or holds a vector of.
    fn returned_type(&self, ty: &WireType) -> Option<&'m BoxedType> {
        returned_type(&self.types_by_path, ty)
    }

    fn constructor_page(&self, c: &Constructor) -> Page {
        let mut text = String::new();
        let _ = write!(text, "```tl\n{}\n```\n", c.declaration);
        let path = format!("constructor/{}.md", c.tl_name);
        text.push_str(&self.fields_table(&c.fields, "Fields", &path));
        let _ = write!(text, "\n## Type\n\n[{0}](../type/{0}.md)\n", c.result);
        if let Some(t) = self.types_by_name.get(c.result.as_str()) {
            let others: Vec<String> = t
                .variants
                .iter()
                .map(|v| &self.model.constructors[v.constructor].tl_name)
                .filter(|name| **name != c.tl_name)
                .map(|name| format!("- [{name}](../constructor/{name}.md)"))
                .collect();
            if !others.is_empty() {
                let _ = write!(
                    text,
                    "\n## Related pages\n\nThe other constructors of {}:\n\n{}\n",
                    t.tl_name,
                    others.join("\n")
                );
            }
        }
        self.page("constructor", &c.tl_name, c.doc.as_deref(), &text)
    }

    fn type_page(&self, t: &BoxedType) -> Page {
        let mut text = "## Constructors\n\n".to_owned();
        for v in &t.variants {
            let c = &self.model.constructors[v.constructor];
            let _ = writeln!(text, "- [{0}](../constructor/{0}.md)", c.tl_name);
        }
        text.push_str(&self.methods_returning(&t.tl_name));
        self.page("type", &t.tl_name, t.doc.as_deref(), &text)
    }

    /// The section listing the methods that return type `name` (or a vector
    /// of it); empty when none does.
    fn methods_returning(&self, name: &str) -> String {
        let returning: Vec<String> = self
            .returning
            .get(name)
            .into_iter()
            .flatten()
            .map(|name| format!("- [{name}](../method/{name}.md)"))
            .collect();
        if returning.is_empty() {
            return String::new();
        }
        format!("\n## Methods returning it\n\n{}\n", returning.join("\n"))
    }

    /// The page of the built-in `Bool`, which the generated code maps to
    /// Rust's `bool` rather than to an enum of its own.
    fn bool_type_page(&self) -> Page {
        let doc = "The TL boolean, built into the generator: a `Bool` is written boxed, as the \
                   constructor `boolTrue` (true) or `boolFalse` (false), neither of which has \
                   fields. The generated code holds it as a Rust `bool`, with no type of its own.";
        let mut text = "```tl\nboolFalse#bc799737 = Bool;\nboolTrue#997275b5 = Bool;\n```\n\n## Rust type\n\n`bool`: `true` is `boolTrue`, `false` is `boolFalse`.\n".to_owned();
        text.push_str(&self.methods_returning(BOOL));
        self.page("type", BOOL, Some(doc), &text)
    }
}

/// Markdown of the error table with its links to paths of the official
/// site (`[here](/api/discussion)`) made absolute, so that they do not point
/// into the book.
fn absolute_links(markdown: &str) -> String {
    markdown.replace("](/", &format!("]({OFFICIAL}"))
}

/// Whether a result is `Bool` or a vector of it.
fn returns_bool(ty: &WireType) -> bool {
    match ty {
        WireType::Bool => true,
        WireType::Vector { elem, .. } => returns_bool(elem),
        _ => false,
    }
}

/// The boxed type a result is, or holds a vector of.
fn returned_type<'m>(
    types: &BTreeMap<&'m RustPath, &'m BoxedType>,
    ty: &WireType,
) -> Option<&'m BoxedType> {
    match ty {
        WireType::Boxed(path) => types.get(path).copied(),
        WireType::Vector { elem, .. } => returned_type(types, elem),
        _ => None,
    }
}

/// The Rust type of a value, from the generated root named `tl`.
fn rust_type(ty: &WireType, zero_copy: bool) -> String {
    RustType::of(ty, zero_copy).text("tl", "tl_runtime")
}

/// A literal for a value of `ty`, when it has a simple one.
fn literal(ty: &WireType, zero_copy: bool) -> Option<&'static str> {
    Some(match RustType::of(ty, zero_copy) {
        RustType::Primitive("f64") => "0.0",
        RustType::Primitive("bool") => "false",
        RustType::Primitive("()") => "()",
        RustType::Primitive(_) => "0",
        RustType::ByteArray(16) => "[0; 16]",
        RustType::ByteArray(32) => "[0; 32]",
        RustType::String => "String::from(\"text\")",
        RustType::Bytes => "Vec::new()",
        RustType::Runtime("shared::ByteString") => {
            "tl_runtime::shared::ByteString::from_static(\"text\")"
        }
        RustType::Runtime("shared::Bytes") => "tl_runtime::shared::Bytes::new()",
        RustType::Option(_) => "None",
        RustType::Vec(_) => {
            match ty {
                WireType::Vector { elem, .. } | WireType::Rows { elem, .. } => {
                    literal(elem, zero_copy)?
                }
                _ => return None,
            };
            "Vec::new()"
        }
        _ => return None,
    })
}

/// The Rust example of a method page: a function that builds the request,
/// with a literal for each field that has one (`layer` is the generated
/// `LAYER` when the schema states its layer) and a parameter for the rest.
fn example(f: &Function, zero_copy: bool, has_layer: bool) -> String {
    let mut args = Vec::new();
    let mut inits = Vec::new();
    for field in f.fields.iter().filter(|x| x.is_stored()) {
        let name = &field.rust_name;
        let value = match &field.kind {
            FieldKind::TrueFlag(_) => "false".to_owned(),
            FieldKind::Flags { .. } | FieldKind::Count { .. } => "0".to_owned(),
            FieldKind::Group { .. } | FieldKind::Value { flag: Some(_), .. } => "None".to_owned(),
            FieldKind::Value {
                ty: WireType::Int,
                flag: None,
            } if has_layer && field.tl_name == "layer" => "tl::LAYER".to_owned(),
            FieldKind::Value { ty, flag: None } => match literal(ty, zero_copy) {
                Some(literal) => literal.to_owned(),
                None => {
                    args.push(format!("{name}: {}", rust_type(ty, zero_copy)));
                    inits.push(format!("        {name},"));
                    continue;
                }
            },
        };
        inits.push(format!("        {name}: {value},"));
    }
    let generic = f
        .generic
        .as_deref()
        .map(|g| format!("<{g}>"))
        .unwrap_or_default();
    let path = format!("tl::{}", Root::Functions.path_text(&f.path));
    let fn_name = crate::model::names::field_name(&f.path.name);
    let body = if inits.is_empty() {
        format!("    {path} {{}}\n")
    } else {
        format!("    {path} {{\n{}\n    }}\n", inits.join("\n"))
    };
    let article = if f
        .tl_name
        .starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U'])
    {
        "an"
    } else {
        "a"
    };
    format!(
        "/// Builds {article} `{}` request (`tl` is where the generated code lives).\nfn {fn_name}{generic}({}) -> {path}{generic} {{\n{body}}}\n",
        f.tl_name,
        args.join(", ")
    )
}
