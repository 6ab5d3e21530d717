//! Captures the real library's JSON that `peer-benches/benches/tdlib_json.rs`
//! reads, into `peer-benches/data/`:
//!
//! - `countries.json`: the answer to `getCountries` (one line, with its
//!   `@extra` and `@client_id`);
//! - `updates.jsonl`: every update a new client sends from its first request
//!   (`setTdlibParameters` on the test DC, no network needed) until it is
//!   closed, one per line, in arrival order.
//!
//! ```sh
//! cargo run -p tdlib-json --example capture_bench_data [PATH_TO_LIBTDJSON]
//! ```

use std::error::Error;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use tdlib_json::client::{self, Client};
use tdlib_json::ffi::Tdjson;
use tdlib_json::td_api::{AnyObject, enums, functions};
use tl_runtime::json::with_extra;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), Box<dyn Error>> {
    let path = match std::env::args_os().nth(1) {
        Some(path) => PathBuf::from(path),
        None => Tdjson::locate()?,
    };
    let td = Tdjson::load(&path)?;
    td.quiet();
    let client = Client::new(&td);
    let database = std::env::temp_dir().join(format!("tdlib-json-capture-{}", std::process::id()));

    let id = client.create_client_id();
    client.send(
        id,
        &with_extra(
            &client::offline_parameters(
                database.to_string_lossy().into_owned(),
                "tdlib-json capture",
            ),
            "params",
        ),
    )?;
    client.send(id, &with_extra(&functions::GetCountries {}, "countries"))?;
    client.send(id, &with_extra(&functions::Close {}, "close"))?;

    let deadline = Instant::now() + Duration::from_secs(30);
    let mut updates = Vec::new();
    let mut countries = None;
    loop {
        if Instant::now() > deadline {
            return Err("no authorizationStateClosed within 30 s".into());
        }
        let Some(reply) = client.receive(1.0)? else {
            continue;
        };
        if reply.value.extra.is_none() {
            let closed = matches!(
                &reply.value.object,
                AnyObject::UpdateAuthorizationState(update)
                    if update.authorization_state == enums::AuthorizationState::Closed
            );
            updates.push(reply.text);
            if closed {
                break;
            }
        } else if reply.value.extra.as_ref().and_then(|e| e.as_str()) == Some("countries") {
            countries = Some(reply.text);
        }
    }
    let _ = std::fs::remove_dir_all(&database);

    let countries = countries.ok_or("no answer to getCountries")?;
    let out = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("peer-benches")
        .join("data");
    std::fs::create_dir_all(&out)?;
    std::fs::write(out.join("countries.json"), format!("{countries}\n"))?;
    let mut lines = updates.join("\n");
    lines.push('\n');
    std::fs::write(out.join("updates.jsonl"), lines)?;
    println!(
        "{}: getCountries' answer ({} bytes); {} updates",
        out.display(),
        countries.len(),
        updates.len()
    );
    Ok(())
}
