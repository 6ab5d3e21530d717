#!/usr/bin/env bash
# Compile time of the generated layer as a user pays it, next to the peer.
#
# Makes a crate outside the workspace, as the README says to: its build.rs
# calls `tl_codegen::Config::new()...compile(&[api-230.tl, mtproto.tl])`
# (default profile: the build script is unoptimized), and it also depends on
# grammers-tl-types 0.11 (its defaults, `tl-mtproto`,
# `deserializable-functions`). Both units are cleaned and built in the same
# `cargo build --timings`, without incremental compilation; the script
# prints each unit's time from cargo's timings, and the build's peak memory.
#
#   bash tests/benches/build-time.sh [RUNS] [-- CONFIG-CALLS]
#
# RUNS defaults to 3. CONFIG-CALLS are builder calls put before `.compile`,
# for instance `-- '.function_decoding(false).namespaces(["messages", "bots"])'`.
# With CARGO_COMMAND=check the units are `cargo check`ed instead of built
# (what an editor or `cargo check` waits for: no code generation).
# Test data: $TL_TESTDATA, else the repository's testdata/.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${TL_TESTDATA:-$root/testdata}"
runs="${1:-3}"
command="${CARGO_COMMAND:-build}"
calls=""
if [ "${2:-}" = "--" ]; then calls="${3:-}"; fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/src"
cat >"$work/Cargo.toml" <<EOF
[package]
name = "build_time_user"
version = "0.1.0"
edition = "2024"

[dependencies]
tl-runtime = { path = "$root/tl-runtime" }
grammers-tl-types = { version = "=0.11.0", features = ["tl-mtproto", "deserializable-functions"] }

[build-dependencies]
tl-codegen = { path = "$root/tl-codegen" }

[workspace]
EOF
cat >"$work/build.rs" <<EOF
fn main() -> Result<(), tl_codegen::Error> {
    tl_codegen::Config::new()$calls.compile(&[
        "$data/schema/telegram/api-230.tl",
        "$data/schema/telegram/mtproto.tl",
    ])?;
    Ok(())
}
EOF
cat >"$work/src/lib.rs" <<'EOF'
#![allow(clippy::all)]
pub mod ours {
    include!(concat!(env!("OUT_DIR"), "/tl_types.rs"));
}
pub use grammers_tl_types as peer;
EOF
cp "$root/Cargo.lock" "$work/" 2>/dev/null || true

cd "$work"
echo "machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'), $(rustc --version)"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "config: Config::new()$calls; cargo $command"
cargo "$command" -q 2>/dev/null || cargo "$command" # dependencies, and a first build
for run in $(seq 1 "$runs"); do
  cargo clean -q -p build_time_user -p grammers-tl-types
  rm -rf target/cargo-timings
  /usr/bin/time -f "%e %M" -o time.txt env CARGO_INCREMENTAL=0 cargo "$command" -q --timings
  read -r wall rss <time.txt
  python3 - "$(ls target/cargo-timings/cargo-timing-*.html | head -1)" "$run" "$wall" "$rss" <<'EOF'
import json, re, sys
html, run, wall, rss = sys.argv[1:]
units = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);", open(html).read(), re.S).group(1))
want = {"build_time_user": "ours", "grammers-tl-types": "grammers"}
parts = []
for u in units:
    who = want.get(u["name"])
    if who:
        target = (u.get("target") or "").strip() or "lib"
        parts.append(f"{who} {target}: {u['duration']:.2f} s")
print(f"run {run}: " + "; ".join(parts) + f"; whole build {wall} s, peak memory {int(rss) / 1048576:.2f} GiB")
EOF
done
