//! Typed requests and answers: the generated [`td_api`](crate::td_api) types
//! over [`Tdjson`]'s JSON text.
//!
//! A request is a function struct of [`td_api::functions`](crate::td_api::functions)
//! (it implements [`RemoteCall`], whose `Return` is the boxed type of its
//! answer); [`Client`] writes it as TDLib's JSON with [`tl_runtime::json`],
//! hands it to the library, and reads what comes back into the generated
//! types:
//!
//! | C function | here | what comes back |
//! |---|---|---|
//! | `td_execute` | [`Client::execute`] | `F::Return`, or [`Error::Td`] with TDLib's `error` |
//! | `td_execute` | [`Client::execute_reply`] | the [`Answer`] (result or `error`) and TDLib's text |
//! | `td_send` | [`Client::send`] | nothing: the answer comes through `receive` |
//! | `td_receive` | [`Client::receive`] | any update or answer as [`Received`]`<`[`AnyObject`]`>`, and TDLib's text |
//!
//! [`read_answer`] reads a received answer's text again as the answer to a
//! particular request type, and [`read`] reads TDLib's text as any type.
//!
//! ```no_run
//! use tdlib_json::client::Client;
//! use tdlib_json::ffi::Tdjson;
//! use tdlib_json::td_api::{enums, functions};
//!
//! let td = Tdjson::load(Tdjson::locate()?)?;
//! td.quiet();
//! let client = Client::new(&td);
//! let request = functions::GetTextEntities { text: "@user #tag".into() };
//! let enums::TextEntities::TextEntities(found) = client.execute(&request)?;
//! assert_eq!(found.entities.len(), 2);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use serde::Serialize;
use serde::de::DeserializeOwned;
use tl_runtime::RemoteCall;
use tl_runtime::json::{self, Outcome, Received, Request, TaggedUnion};

use crate::ffi::{InteriorNul, Tdjson};
use crate::td_api::{AnyObject, functions, types};

/// What TDLib answers to a request `F`: the object `F` asks for
/// ([`Outcome::Ok`], of `F`'s return type), or TDLib's `error` object
/// ([`Outcome::Err`]).
pub type Answer<F> = Outcome<<F as RemoteCall>::Return, types::Error>;

/// A value read from TDLib together with the JSON text it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Reply<T> {
    /// The value read from [`text`](Self::text).
    pub value: T,
    /// The JSON text exactly as the library returned it.
    pub text: String,
}

/// Why a typed call failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// TDLib answered with an `error` object.
    #[error("TDLib error {}: {}", .0.code, .0.message)]
    Td(types::Error),
    /// The request could not be written as JSON (generated function structs
    /// always can; kept for requests whose serialization can fail).
    #[error("cannot write the request as TDLib JSON: {0}")]
    Request(#[source] json::Error),
    /// The request's JSON contains a NUL byte, which a C string cannot carry
    /// (JSON written by serde_json never does: it escapes NUL as `\u0000`).
    #[error(transparent)]
    Nul(#[from] InteriorNul),
    /// `td_execute` returned `NULL` (TDLib 1.8.66 never does).
    #[error("td_execute returned no answer")]
    NoAnswer,
    /// What TDLib sent does not read as the expected type.
    #[error("cannot read TDLib's JSON as {expected}: {source}; the JSON: {text}")]
    Read {
        /// The Rust type that was expected.
        expected: &'static str,
        /// TDLib's text.
        text: String,
        /// Where and why reading failed.
        #[source]
        source: json::Error,
    },
}

/// `setTdlibParameters` for a client that needs no network: the test DC,
/// no file, chat or message database, the database in
/// `database_directory`, and the `api_id`/`api_hash` TDLib's own examples
/// use. Such a client gets as far as `authorizationStateWaitPhoneNumber`
/// and answers local queries (`getCountries`, `getOption`, the `test*`
/// methods) there.
pub fn offline_parameters(
    database_directory: String,
    device_model: &str,
) -> functions::SetTdlibParameters {
    functions::SetTdlibParameters {
        use_test_dc: true,
        database_directory,
        files_directory: String::new(),
        database_encryption_key: Vec::new(),
        use_file_database: false,
        use_chat_info_database: false,
        use_message_database: false,
        use_secret_chats: false,
        api_id: 94575,
        api_hash: "a3406de8d171bb422bb6ddf3bbd800e2".into(),
        system_language_code: "en".into(),
        device_model: device_model.into(),
        system_version: String::new(),
        application_version: "0.1".into(),
    }
}

/// Reads TDLib's JSON `text` as a `T` (any generated type, or an envelope
/// such as [`Received`] or [`Outcome`] around one).
pub fn read<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    json::from_str(text).map_err(|source| Error::Read {
        expected: std::any::type_name::<T>(),
        text: text.to_owned(),
        source,
    })
}

/// Reads the `text` of an answer received for a request of type `F`: its
/// result or TDLib's `error`, with the `@extra` and `@client_id` it came
/// with.
pub fn read_answer<F>(text: &str) -> Result<Received<Answer<F>>, Error>
where
    F: RemoteCall,
    F::Return: TaggedUnion,
{
    read(text)
}

/// Typed calls through TDLib's JSON interface: the generated types in, the
/// generated types out.
///
/// It borrows a loaded [`Tdjson`] and adds nothing to it but the JSON
/// conversion, so the rules of [`ffi`](crate::ffi) hold unchanged (every
/// method may be called from any thread; receiving is serialized
/// process-wide).
#[derive(Debug, Clone, Copy)]
pub struct Client<'td> {
    td: &'td Tdjson,
}

impl<'td> Client<'td> {
    /// Typed calls through `td`.
    pub fn new(td: &'td Tdjson) -> Self {
        Client { td }
    }

    /// The library this client calls.
    pub fn tdjson(&self) -> &'td Tdjson {
        self.td
    }

    /// `td_execute`: runs `request` synchronously and returns what it asked
    /// for, or [`Error::Td`] with TDLib's `error`.
    ///
    /// Only methods documented "Can be called synchronously" run this way;
    /// the others are the TDLib error 400 "The method can't be executed
    /// synchronously".
    pub fn execute<F>(&self, request: &F) -> Result<F::Return, Error>
    where
        F: RemoteCall + Serialize,
        F::Return: TaggedUnion,
    {
        self.execute_reply(request)?
            .value
            .into_result()
            .map_err(Error::Td)
    }

    /// `td_execute`, keeping TDLib's error as a value and TDLib's text: the
    /// [`Answer`] and the JSON it was read from.
    pub fn execute_reply<F>(&self, request: &F) -> Result<Reply<Answer<F>>, Error>
    where
        F: RemoteCall + Serialize,
        F::Return: TaggedUnion,
    {
        let request = json::to_string(request).map_err(Error::Request)?;
        if let Some(position) = request.find('\0') {
            return Err(Error::Nul(InteriorNul { position }));
        }
        let text = self.td.execute(&request).ok_or(Error::NoAnswer)?;
        let value = read(&text)?;
        Ok(Reply { value, text })
    }

    /// `td_create_client_id`: a new TDLib instance, which starts with the
    /// first request sent to it.
    pub fn create_client_id(&self) -> i32 {
        self.td.create_client_id()
    }

    /// `td_send`: queues `request` for the instance `client_id`. Its answer
    /// comes through [`receive`](Self::receive), carrying the request's
    /// `@extra`, which [`json::with_extra`] sets:
    ///
    /// ```no_run
    /// # use tdlib_json::{client::Client, ffi::Tdjson, td_api::functions};
    /// # let td = Tdjson::load(Tdjson::locate()?)?;
    /// let client = Client::new(&td);
    /// let id = client.create_client_id();
    /// let request = functions::TestSquareInt { x: 7 };
    /// client.send(id, &tl_runtime::json::with_extra(&request, "square"))?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn send<F>(&self, client_id: i32, request: &Request<'_, F>) -> Result<(), Error>
    where
        F: RemoteCall + Serialize,
    {
        let request = json::to_string(request).map_err(Error::Request)?;
        self.td.send(client_id, &request)?;
        Ok(())
    }

    /// `td_receive`: the next update or answer of any instance, read as
    /// [`Received`]`<`[`AnyObject`]`>` (the object, its `@extra` and its
    /// `@client_id`), with TDLib's text; `None` when nothing came within
    /// `timeout_seconds`.
    ///
    /// A message that does not read is [`Error::Read`], which holds its
    /// text; it is consumed either way.
    pub fn receive(
        &self,
        timeout_seconds: f64,
    ) -> Result<Option<Reply<Received<AnyObject>>>, Error> {
        let Some(text) = self.td.receive(timeout_seconds) else {
            return Ok(None);
        };
        let value = read(&text)?;
        Ok(Some(Reply { value, text }))
    }
}
