//! What [`Config`] does: schema files → checked declarations → [`Model`] →
//! Rust source → the output file. Every entry point goes through
//! [`Config::load_model`] and [`Config::emit`], so each step happens once.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::book::Book;
use crate::config::Config;
use crate::diff::SchemaDiff;
use crate::docs::Documentation;
use crate::error::{Error, Source, one_line_each};
use crate::model::{self, Applied, Inputs, Model};
use crate::{emit, load};

/// A model, what the documentation inputs described in it, and the warnings
/// found on the way ([`Config::build`]).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Built {
    /// The model.
    pub model: Model,
    /// What the documentation inputs described (all zero without them).
    pub documentation: Applied,
    /// `file:line:col: warning[CODE]: message`, one per warning of the schemas
    /// and of the documentation inputs.
    pub warnings: Vec<String>,
}

impl Config {
    /// Reads the schema files and returns the generated Rust source.
    pub fn generate(&self, paths: &[impl AsRef<Path>]) -> Result<String, Error> {
        let built = self.load_model(load::read(paths)?)?;
        self.emit(&built.model)
    }

    /// Generates from schema texts already in memory: `(name, text)` pairs.
    pub fn generate_from_strs(&self, sources: &[(&str, &str)]) -> Result<String, Error> {
        let sources = sources
            .iter()
            .map(|(name, text)| Source::new(*name, *text))
            .collect();
        let built = self.load_model(sources)?;
        self.emit(&built.model)
    }

    /// Reads, checks and merges the schema files and returns the intermediate
    /// model, for tools that emit something other than Rust (documentation,
    /// test dispatchers, other output styles). [`Config::emit`] and
    /// [`Config::write`] turn it into Rust without reading the files again.
    pub fn model(&self, paths: &[impl AsRef<Path>]) -> Result<Model, Error> {
        Ok(self.build(paths)?.model)
    }

    /// [`Config::model`], with what the documentation inputs described and
    /// every warning (whatever [`Config::warnings`] says).
    pub fn build(&self, paths: &[impl AsRef<Path>]) -> Result<Built, Error> {
        self.load_model(load::read(paths)?)
    }

    /// The reference book of `model` as this configuration generates it.
    pub fn book(&self, model: &Model) -> Book {
        Book::new(model, self)
    }

    /// Compares two versions of a schema: `old` and `new` are each one or
    /// more files read together (`api.tl` and `mtproto.tl`). Both sides are
    /// checked as [`Config::generate`] checks them; errors on either side fail
    /// with every diagnostic of both. Changes are classified with this
    /// configuration's [`Config::non_exhaustive`] in mind.
    ///
    /// ```no_run
    /// let diff = tl_codegen::Config::new().diff(&["api-222.tl"], &["api-230.tl"])?;
    /// if diff.is_breaking() {
    ///     println!("{diff}");
    /// }
    /// # Ok::<(), tl_codegen::Error>(())
    /// ```
    pub fn diff(
        &self,
        old: &[impl AsRef<Path>],
        new: &[impl AsRef<Path>],
    ) -> Result<SchemaDiff, Error> {
        let (old, new) = (load::read(old)?, load::read(new)?);
        // The two sides are independent: build them at the same time.
        let (old, new) = std::thread::scope(|scope| {
            let old = scope.spawn(|| self.load_model(old));
            let new = self.load_model(new);
            (old.join(), new)
        });
        let old = old.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        match (old, new) {
            (Ok(old), Ok(new)) => Ok(crate::diff::diff(
                &old.model,
                &new.model,
                self.non_exhaustive,
            )),
            (Err(Error::Schema(a)), Err(Error::Schema(b))) => {
                Err(Error::Schema(a.join(b).comparing()))
            }
            (Err(Error::Schema(e)), _) | (_, Err(Error::Schema(e))) => {
                Err(Error::Schema(e.comparing()))
            }
            (Err(e), _) | (_, Err(e)) => Err(e),
        }
    }

    /// The Rust source for `model`, formatted, with an `@generated` header.
    pub fn emit(&self, model: &Model) -> Result<String, Error> {
        emit::emit(model, self)
    }

    /// For build scripts: generates from the files, writes the output to
    /// `OUT_DIR` (or [`Config::out_dir`]) as [`Config::write`] does, prints
    /// `cargo:rerun-if-changed` for each schema and each documentation input
    /// ([`Config::docs_file`], [`Config::usability_table`],
    /// [`Config::error_table`]) and, with
    /// [`Config::warnings`], a `cargo:warning=` line per schema warning.
    /// Returns the output path. A schema error fails with every diagnostic.
    pub fn compile(&self, paths: &[impl AsRef<Path>]) -> Result<PathBuf, Error> {
        let schemas = paths.iter().map(AsRef::as_ref);
        for path in schemas.chain(self.documentation_inputs()) {
            println!("cargo:rerun-if-changed={}", path.display());
        }
        let built = self.load_model(load::read(paths)?)?;
        if self.warnings {
            for line in &built.warnings {
                println!("cargo:warning={line}");
            }
        }
        self.write(&built.model)
    }

    /// Writes the Rust for `model` to the output directory ([`Config::out_dir`],
    /// else `OUT_DIR`) under [`Config::file_name`], only if the file's content
    /// changes, so cargo does not rebuild for nothing. Returns the path.
    pub fn write(&self, model: &Model) -> Result<PathBuf, Error> {
        let out = self
            .out_dir_in_effect()
            .ok_or(Error::NoOutDir)?
            .join(&self.file_name);
        let code = self.emit(model)?;
        let unchanged = std::fs::read(&out).is_ok_and(|old| old == code.as_bytes());
        if !unchanged {
            std::fs::write(&out, code).map_err(|source| Error::Io {
                path: out.clone(),
                source,
            })?;
        }
        Ok(out)
    }

    /// Checks and merges `sources`, reads the documentation inputs, and
    /// builds the model.
    fn load_model(&self, sources: Vec<Source>) -> Result<Built, Error> {
        let loaded = load::load(sources, self.dialect);
        let dialect = loaded.dialect;
        if loaded.has_errors() {
            return Err(loaded.into_error(Vec::new(), self.warnings));
        }
        let documentation = if self.has_documentation() {
            Documentation::read(
                self.docs_file.as_deref(),
                self.usability_table.as_deref(),
                self.error_table.as_deref(),
            )?
        } else {
            Documentation::default()
        };
        let built = loaded.merged(dialect).and_then(|defs| {
            let inputs = Inputs {
                layer: loaded.layer(),
                dialect,
                detected: loaded.detected,
                class_docs: loaded.class_docs(),
                sources: loaded.file_names(),
                documentation: &documentation,
            };
            model::build(&defs, inputs)
        });
        let (mut model, applied) = match built {
            Ok(built) => built,
            Err(problems) => return Err(loaded.into_error(problems, self.warnings)),
        };
        let mut warnings = one_line_each(&loaded.sources, &loaded.diagnostics);
        warnings.extend(applied.warnings.iter().cloned());
        if let Some(names) = &self.namespaces {
            self.check_namespaces(&model, names)?;
            model::keep_namespaces(&mut model, names);
        }
        Ok(Built {
            model,
            documentation: applied,
            warnings,
        })
    }

    /// Fails unless every namespace of `names` has a function in `model`.
    fn check_namespaces(&self, model: &Model, names: &BTreeSet<String>) -> Result<(), Error> {
        let known: BTreeSet<&str> = model
            .functions
            .iter()
            .filter_map(|f| f.tl_name.rsplit_once('.').map(|(ns, _)| ns))
            .collect();
        let unknown: Vec<String> = names
            .iter()
            .filter(|n| !known.contains(n.as_str()))
            .map(|n| format!("`{n}`"))
            .collect();
        if unknown.is_empty() {
            return Ok(());
        }
        Err(Error::InvalidOption {
            option: "namespaces",
            reason: format!("no function of the schema is in {}", unknown.join(", ")),
        })
    }
}

/// One-line shortcut for build scripts: [`Config::new`] then [`Config::compile`].
pub fn compile(paths: &[impl AsRef<Path>]) -> Result<PathBuf, Error> {
    Config::new().compile(paths)
}
