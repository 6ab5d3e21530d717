//! The builder a `build.rs` (or any caller) configures generation with.

use std::path::{Path, PathBuf};

use tl_parser::Dialect;

use crate::emit::{self, Settings};
use crate::error::Error;
use crate::load::{self, Source};
use crate::model;

/// Settings for generating Rust from TL schemas, prost-build style.
///
/// ```no_run
/// // build.rs
/// fn main() -> Result<(), tl_codegen::Error> {
///     tl_codegen::Config::new()
///         .serde(true)
///         .compile(&["schema/api.tl", "schema/mtproto.tl"])?;
///     Ok(())
/// }
/// // src/lib.rs: include!(concat!(env!("OUT_DIR"), "/tl_types.rs"));
/// ```
#[derive(Debug, Clone)]
pub struct Config {
    dialect: Dialect,
    serde: bool,
    lossy_strings: bool,
    runtime_crate: String,
    out_dir: Option<PathBuf>,
    file_name: String,
    warnings: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            dialect: Dialect::Telegram,
            serde: false,
            lossy_strings: false,
            runtime_crate: "::tl_runtime".to_owned(),
            out_dir: None,
            file_name: "tl_types.rs".to_owned(),
            warnings: false,
        }
    }
}

impl Config {
    /// The defaults: Telegram dialect, no serde, strict UTF-8, output
    /// `tl_types.rs` in `OUT_DIR`.
    pub fn new() -> Self {
        Self::default()
    }

    /// Which rules compute constructor ids that the schema does not write.
    pub fn dialect(&mut self, dialect: Dialect) -> &mut Self {
        self.dialect = dialect;
        self
    }

    /// Emit `#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]`
    /// on every type (the including crate then needs a `serde` feature).
    pub fn serde(&mut self, enable: bool) -> &mut Self {
        self.serde = enable;
        self
    }

    /// Decode `string` leniently, replacing invalid UTF-8 with U+FFFD, instead
    /// of failing with `InvalidUtf8`.
    pub fn lossy_strings(&mut self, enable: bool) -> &mut Self {
        self.lossy_strings = enable;
        self
    }

    /// The path generated code names the runtime crate by (default `::tl_runtime`),
    /// for crates that re-export it.
    pub fn runtime_crate(&mut self, path: impl Into<String>) -> &mut Self {
        self.runtime_crate = path.into();
        self
    }

    /// Where [`Config::compile`] writes (default: the `OUT_DIR` of the build script).
    pub fn out_dir(&mut self, dir: impl Into<PathBuf>) -> &mut Self {
        self.out_dir = Some(dir.into());
        self
    }

    /// The output file name inside the output directory (default `tl_types.rs`).
    pub fn file_name(&mut self, name: impl Into<String>) -> &mut Self {
        self.file_name = name.into();
        self
    }

    /// Print schema warnings as `cargo:warning=` lines from [`Config::compile`]
    /// (off by default: real schemas carry known id quirks).
    pub fn warnings(&mut self, enable: bool) -> &mut Self {
        self.warnings = enable;
        self
    }

    /// Reads the schema files and returns the generated Rust source.
    pub fn generate(&self, paths: &[impl AsRef<Path>]) -> Result<String, Error> {
        let sources = read_sources(paths)?;
        self.generate_sources(sources).map(|(code, _)| code)
    }

    /// Generates from schema texts already in memory: `(name, text)` pairs.
    pub fn generate_from_strs(&self, sources: &[(&str, &str)]) -> Result<String, Error> {
        let sources = sources
            .iter()
            .map(|(name, text)| Source {
                name: (*name).to_owned(),
                text: (*text).to_owned(),
            })
            .collect();
        self.generate_sources(sources).map(|(code, _)| code)
    }

    /// For build scripts: generates from the files, writes the output to
    /// `OUT_DIR` (or [`Config::out_dir`]) only if it changed, prints
    /// `cargo:rerun-if-changed` for each schema, and returns the output path.
    /// A schema error fails with every diagnostic rendered.
    pub fn compile(&self, paths: &[impl AsRef<Path>]) -> Result<PathBuf, Error> {
        for path in paths {
            println!("cargo:rerun-if-changed={}", path.as_ref().display());
        }
        let out_dir = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or(Error::NoOutDir)?,
        };
        let sources = read_sources(paths)?;
        let (code, warnings) = self.generate_sources(sources)?;
        if self.warnings {
            for line in warnings.lines().filter(|l| l.starts_with("warning")) {
                println!("cargo:warning={line}");
            }
        }
        let out = out_dir.join(&self.file_name);
        let unchanged = std::fs::read(&out).is_ok_and(|old| old == code.as_bytes());
        if !unchanged {
            std::fs::write(&out, code).map_err(|source| Error::Io {
                path: out.clone(),
                source,
            })?;
        }
        Ok(out)
    }

    /// Reads, checks and merges the schema files and returns the intermediate
    /// model, for tools that emit something other than Rust (documentation,
    /// test dispatchers, other output styles).
    pub fn model(&self, paths: &[impl AsRef<Path>]) -> Result<model::Model, Error> {
        let loaded = load::load(read_sources(paths)?, self.dialect)?;
        let defs = loaded.merged(self.dialect)?;
        model::build(&defs, loaded.layer(), self.dialect, &loaded.class_docs())
            .map_err(|errors| load::schema_error(&loaded.sources, &errors))
    }

    /// Code and rendered warnings.
    fn generate_sources(&self, sources: Vec<Source>) -> Result<(String, String), Error> {
        let names: Vec<String> = sources.iter().map(|s| display_name(&s.name)).collect();
        let loaded = load::load(sources, self.dialect)?;
        let defs = loaded.merged(self.dialect)?;
        let model = model::build(&defs, loaded.layer(), self.dialect, &loaded.class_docs())
            .map_err(|errors| load::schema_error(&loaded.sources, &errors))?;
        let settings = Settings {
            runtime: self.runtime_crate.clone(),
            serde: self.serde,
            lossy_strings: self.lossy_strings,
            sources: names,
        };
        let code = emit::emit(&model, &settings).map_err(Error::Emit)?;
        Ok((code, load::render(&loaded.sources, &loaded.warnings)))
    }
}

/// The file name only, so the header does not depend on where the checkout is.
fn display_name(name: &str) -> String {
    Path::new(name)
        .file_name()
        .map_or_else(|| name.to_owned(), |n| n.to_string_lossy().into_owned())
}

fn read_sources(paths: &[impl AsRef<Path>]) -> Result<Vec<Source>, Error> {
    paths
        .iter()
        .map(|path| {
            let path = path.as_ref();
            std::fs::read_to_string(path)
                .map(|text| Source {
                    name: path.display().to_string(),
                    text,
                })
                .map_err(|source| Error::Io {
                    path: path.to_owned(),
                    source,
                })
        })
        .collect()
}

/// One-line shortcut for build scripts: [`Config::new`] then [`Config::compile`].
pub fn compile(paths: &[impl AsRef<Path>]) -> Result<PathBuf, Error> {
    Config::new().compile(paths)
}
