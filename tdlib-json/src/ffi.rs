//! A safe wrapper over TDLib's JSON C API (`td/telegram/td_json_client.h`),
//! loaded at run time with [`libloading`].
//!
//! # The C API and its rules
//!
//! | function | what it does | threads |
//! |---|---|---|
//! | `int td_create_client_id()` | a new TDLib instance; it starts when it gets its first request | any thread |
//! | `void td_send(int client_id, const char *request)` | queues a request; its answer comes through `td_receive` | any thread |
//! | `const char *td_receive(double timeout)` | the next update or answer of any instance, or `NULL` after `timeout` seconds | **never from two threads at once** |
//! | `const char *td_execute(const char *request)` | runs a request documented "Can be called synchronously" and returns its answer | any thread |
//!
//! The string that `td_receive` and `td_execute` return belongs to TDLib: it
//! stays valid only until the next call of `td_receive` or `td_execute` (TDLib
//! keeps it in thread-local storage, so it is the next call *on the same
//! thread* that frees it).
//!
//! [`Tdjson`] honours both rules by construction:
//!
//! - [`Tdjson::receive`] and [`Tdjson::execute`] copy the returned string into
//!   a Rust [`String`] before they return, so no TDLib pointer ever outlives the
//!   call that produced it.
//! - [`Tdjson::receive`] holds a process-wide lock while it is inside
//!   `td_receive`. The lock is global, not per [`Tdjson`], because TDLib's
//!   receive queue is global: two [`Tdjson`] values that loaded the same file
//!   share one TDLib (the dynamic loader hands out the same copy), and TDLib
//!   aborts the whole process (`LOG(FATAL)`) when `td_receive` is entered
//!   twice at once. A second thread calling [`Tdjson::receive`] therefore
//!   waits, at most for the first one's timeout.
//!
//! With that, every method of [`Tdjson`] may be called from any thread, which is
//! why [`Tdjson`] is [`Send`] and [`Sync`] (it holds only function pointers and
//! the library handle, both of which are `Send + Sync`).
//!
//! # Requests
//!
//! A request is the JSON text of one TDLib function object, e.g.
//! `{"@type":"getOption","name":"version"}`; an `"@extra"` field of any JSON
//! value is copied into the answer. C strings end at the first NUL byte, so a
//! request containing one cannot be passed to TDLib at all: [`Tdjson::execute`]
//! returns `None` and [`Tdjson::send`] returns [`InteriorNul`] for it. (Valid
//! JSON never contains a raw NUL: inside a string it is written `\u0000`.)
//!
//! Only send well-formed requests whose fields are all present and valid:
//! TDLib checks its input loosely and some malformed requests crash the
//! process instead of producing an `error` object.

use std::ffi::{CStr, CString, OsString, c_char, c_double, c_int};
use std::fmt;
use std::mem::ManuallyDrop;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use libloading::Library;

/// The environment variable that overrides where [`Tdjson::locate`] looks for
/// the library.
pub const TDJSON_LIB_ENV: &str = "TDJSON_LIB";

/// The request that [`Tdjson::quiet`] executes.
pub const QUIET_REQUEST: &str = r#"{"@type":"setLogVerbosityLevel","new_verbosity_level":1}"#;

type CreateClientIdFn = unsafe extern "C" fn() -> c_int;
type SendFn = unsafe extern "C" fn(c_int, *const c_char);
type ReceiveFn = unsafe extern "C" fn(c_double) -> *const c_char;
type ExecuteFn = unsafe extern "C" fn(*const c_char) -> *const c_char;

/// Serializes every `td_receive` call of the process (see the module docs).
static RECEIVE_LOCK: Mutex<()> = Mutex::new(());

/// Why [`Tdjson::load`] failed.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The dynamic loader could not open the file (missing, not a shared
    /// library, wrong architecture, unresolved dependencies…).
    #[error("cannot load TDLib's JSON library {}: {source}", path.display())]
    Open {
        /// The path given to [`Tdjson::load`].
        path: PathBuf,
        /// The loader's error.
        #[source]
        source: libloading::Error,
    },
    /// The library loaded but lacks one of the functions of the C API.
    #[error("{} has no symbol `{symbol}`; is it TDLib's libtdjson (1.7 or newer)?", path.display())]
    MissingSymbol {
        /// The path given to [`Tdjson::load`].
        path: PathBuf,
        /// The name of the missing function, e.g. `td_create_client_id`.
        symbol: &'static str,
        /// The loader's error.
        #[source]
        source: libloading::Error,
    },
}

/// A request could not be sent because it contains a NUL byte, which a C
/// string cannot carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InteriorNul {
    /// The byte offset of the first NUL in the request.
    pub position: usize,
}

impl fmt::Display for InteriorNul {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the TDLib request contains a NUL byte at offset {}",
            self.position
        )
    }
}

impl std::error::Error for InteriorNul {}

/// TDLib's JSON interface, loaded from a `libtdjson` shared library.
///
/// See the [module docs](self) for the thread-safety rules it enforces.
///
/// The library stays loaded for the rest of the process, even after the
/// [`Tdjson`] is dropped: TDLib starts threads of its own (on the first
/// [`send`](Self::send)) that keep running its code, so unloading it would
/// crash the process.
pub struct Tdjson {
    create_client_id: CreateClientIdFn,
    send: SendFn,
    receive: ReceiveFn,
    execute: ExecuteFn,
    path: PathBuf,
    // Never dropped, hence never unloaded (see the type's docs). It keeps the
    // function pointers above valid.
    _library: ManuallyDrop<Library>,
}

impl fmt::Debug for Tdjson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Tdjson")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Tdjson {
    /// Loads TDLib's JSON library from `path` and resolves `td_create_client_id`,
    /// `td_send`, `td_receive` and `td_execute`.
    ///
    /// The file is trusted to be TDLib's `libtdjson`: loading runs its
    /// initializers, and its functions are called with the signatures of
    /// `td_json_client.h`. Give it no other library.
    pub fn load(path: impl AsRef<Path>) -> Result<Self, LoadError> {
        let path = path.as_ref().to_path_buf();
        // SAFETY: loading runs the library's initializers; the caller gives us
        // libtdjson (documented above), whose initializers are TDLib's own
        // static constructors.
        let library = unsafe { Library::new(&path) }.map_err(|source| LoadError::Open {
            path: path.clone(),
            source,
        })?;

        // SAFETY (all four): the types are the prototypes of td_json_client.h;
        // the pointers are copied out of the `Symbol`s and stay valid because
        // `library` is never unloaded.
        let create_client_id =
            *unsafe { symbol::<CreateClientIdFn>(&library, &path, "td_create_client_id") }?;
        let send = *unsafe { symbol::<SendFn>(&library, &path, "td_send") }?;
        let receive = *unsafe { symbol::<ReceiveFn>(&library, &path, "td_receive") }?;
        let execute = *unsafe { symbol::<ExecuteFn>(&library, &path, "td_execute") }?;

        Ok(Tdjson {
            create_client_id,
            send,
            receive,
            execute,
            path,
            _library: ManuallyDrop::new(library),
        })
    }

    /// Where the library is: the path in the environment variable
    /// `TDJSON_LIB` if it is set, else `target/tdjson/libtdjson.so` under the
    /// workspace root, where `bash scripts/fetch-tdjson.sh` puts it.
    ///
    /// Fails, with a message that says how to get the library, when that file
    /// does not exist.
    pub fn locate() -> Result<PathBuf, String> {
        locate_from(std::env::var_os(TDJSON_LIB_ENV))
    }

    /// The path the library was loaded from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Lowers TDLib's log verbosity to 1 (errors and warnings only) by
    /// executing [`QUIET_REQUEST`], so that TDLib does not flood stderr. Call
    /// it before the first [`execute`](Self::execute) or [`send`](Self::send).
    ///
    /// The setting is global to the process. Returns TDLib's answer,
    /// `{"@type":"ok"}`.
    pub fn quiet(&self) -> Option<String> {
        self.execute(QUIET_REQUEST)
    }

    /// `td_execute`: runs `request` synchronously and returns TDLib's answer
    /// (an object of the method's result type, or an `error` object).
    ///
    /// Only methods documented "Can be called synchronously" can be run this
    /// way; the others answer with an `error`. May be called from any thread.
    ///
    /// Text that is not a JSON object of a known function gets an `error`
    /// object too, e.g. `{"@type":"error","code":400,"message":"Failed to
    /// parse JSON object as TDLib request: Unknown class \"nosuch\""}`.
    ///
    /// Returns `None` when `request` contains a NUL byte (it is not passed to
    /// TDLib), or should TDLib return `NULL` (TDLib 1.8.66 never does).
    pub fn execute(&self, request: &str) -> Option<String> {
        let request = CString::new(request).ok()?;
        // SAFETY: `request` is a valid NUL-terminated string that outlives the
        // call; the returned pointer is copied by `copy_out` before anything
        // else can call into TDLib on this thread.
        unsafe { copy_out((self.execute)(request.as_ptr())) }
    }

    /// `td_create_client_id`: the identifier of a new TDLib instance. The
    /// instance starts, and sends its first updates, when it gets its first
    /// request through [`send`](Self::send). May be called from any thread.
    pub fn create_client_id(&self) -> i32 {
        // SAFETY: no arguments; thread-safe per td_json_client.h.
        unsafe { (self.create_client_id)() }
    }

    /// `td_send`: queues `request` for the instance `client_id`; its answer,
    /// with the request's `@extra` and the `@client_id`, comes through
    /// [`receive`](Self::receive). May be called from any thread.
    ///
    /// Fails, without calling TDLib, when `request` contains a NUL byte.
    pub fn send(&self, client_id: i32, request: &str) -> Result<(), InteriorNul> {
        let request = CString::new(request).map_err(|error| InteriorNul {
            position: error.nul_position(),
        })?;
        // SAFETY: `request` is a valid NUL-terminated string that outlives the
        // call (TDLib copies it); td_send may be called from any thread.
        unsafe { (self.send)(client_id, request.as_ptr()) };
        Ok(())
    }

    /// `td_receive`: the next update or answer of any instance, waiting at
    /// most `timeout_seconds` (TDLib clamps it to 0..=1 000 000); `None` when
    /// nothing came in time.
    ///
    /// Calls from several threads are serialized (see the module docs): a
    /// caller may wait for another thread's receive to end first.
    pub fn receive(&self, timeout_seconds: f64) -> Option<String> {
        let timeout = if timeout_seconds.is_nan() {
            0.0
        } else {
            timeout_seconds
        };
        // A panic while holding the lock cannot leave TDLib in a bad state
        // (the lock guards no Rust data), so a poisoned lock is still usable.
        let _guard = RECEIVE_LOCK
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        // SAFETY: no other thread is inside td_receive (the lock); the
        // returned pointer is copied before the lock is released and before
        // anything else can call into TDLib on this thread.
        unsafe { copy_out((self.receive)(timeout)) }
    }
}

/// [`Tdjson::locate`] given the value of `TDJSON_LIB` (an empty value counts
/// as unset).
fn locate_from(env_value: Option<OsString>) -> Result<PathBuf, String> {
    let (path, from_env) = match env_value {
        Some(path) if !path.is_empty() => (PathBuf::from(path), true),
        _ => (default_path(), false),
    };
    if path.is_file() {
        return Ok(path);
    }
    Err(if from_env {
        format!(
            "TDLib's JSON library not found: {TDJSON_LIB_ENV} is set to {}, which is not a file. \
             Point {TDJSON_LIB_ENV} at a libtdjson.so, or unset it and run \
             `bash scripts/fetch-tdjson.sh` from the repository root",
            path.display()
        )
    } else {
        format!(
            "TDLib's JSON library not found at {}. Get it with `bash scripts/fetch-tdjson.sh` \
             from the repository root (it downloads TDLib 1.8.66's libtdjson.so from PyPI), \
             or set {TDJSON_LIB_ENV} to the path of a libtdjson.so",
            path.display()
        )
    })
}

/// `<workspace root>/target/tdjson/libtdjson.so`, where
/// `scripts/fetch-tdjson.sh` puts the library.
fn default_path() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .join("target")
        .join("tdjson")
        .join("libtdjson.so")
}

/// Resolves `name` in `library` as a `T`.
///
/// # Safety
///
/// `T` must be the symbol's real type.
unsafe fn symbol<'lib, T>(
    library: &'lib Library,
    path: &Path,
    name: &'static str,
) -> Result<libloading::Symbol<'lib, T>, LoadError> {
    // SAFETY: forwarded to the caller.
    unsafe { library.get::<T>(name.as_bytes()) }.map_err(|source| LoadError::MissingSymbol {
        path: path.to_path_buf(),
        symbol: name,
        source,
    })
}

/// Copies a string returned by TDLib into a `String` (`None` for `NULL`).
///
/// TDLib writes UTF-8; should a string not be, the invalid bytes become
/// U+FFFD rather than being dropped silently.
///
/// # Safety
///
/// `pointer` must be `NULL` or point to a NUL-terminated string that stays
/// valid during this call.
unsafe fn copy_out(pointer: *const c_char) -> Option<String> {
    if pointer.is_null() {
        return None;
    }
    // SAFETY: forwarded to the caller.
    let text = unsafe { CStr::from_ptr(pointer) };
    Some(text.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tdjson_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Tdjson>();
    }

    #[test]
    fn load_names_the_missing_file() {
        let error = Tdjson::load("/nonexistent/libtdjson.so").unwrap_err();
        assert!(matches!(error, LoadError::Open { .. }), "{error:?}");
        assert!(
            error.to_string().contains("/nonexistent/libtdjson.so"),
            "{error}"
        );
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn load_names_the_missing_symbol() {
        // The C math library loads everywhere on Linux and has none of TDLib's functions.
        let error = Tdjson::load("libm.so.6").unwrap_err();
        match &error {
            LoadError::MissingSymbol { symbol, .. } => assert_eq!(*symbol, "td_create_client_id"),
            other => panic!("expected MissingSymbol, got {other:?}"),
        }
        assert!(
            error.to_string().contains("`td_create_client_id`"),
            "{error}"
        );
    }

    #[test]
    fn locate_says_how_to_get_a_missing_library() {
        let error = locate_from(Some("/nonexistent/libtdjson.so".into())).unwrap_err();
        assert!(
            error.contains("TDJSON_LIB is set to /nonexistent/libtdjson.so"),
            "{error}"
        );
        assert!(error.contains("`bash scripts/fetch-tdjson.sh`"), "{error}");
    }

    #[test]
    fn locate_defaults_to_the_fetch_scripts_destination() {
        let expected = default_path();
        assert!(
            expected.ends_with("target/tdjson/libtdjson.so"),
            "{}",
            expected.display()
        );
        match locate_from(Some(OsString::new())) {
            Ok(path) => assert_eq!(path, expected),
            Err(error) => {
                assert!(error.contains("`bash scripts/fetch-tdjson.sh`"), "{error}");
                assert!(error.contains(&expected.display().to_string()), "{error}");
            }
        }
    }

    #[test]
    fn interior_nul_displays_its_offset() {
        assert_eq!(
            InteriorNul { position: 3 }.to_string(),
            "the TDLib request contains a NUL byte at offset 3"
        );
    }
}
