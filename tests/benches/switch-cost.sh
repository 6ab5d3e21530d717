#!/usr/bin/env bash
# What each everyday-API switch costs to compile on layer 230, as a user
# pays it: a crate outside the workspace whose build.rs is the README's
# (`Config::new().pretty(false)`, the flags, `.compile(&[api-230.tl,
# mtproto.tl])`), cargo's defaults (incremental on). For each set of flags
# the build script runs first, then the layer crate is checked and built
# clean (its incremental directory removed), timed, with peak memory.
#
#   bash tests/benches/switch-cost.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${TL_TESTDATA:-$root/testdata}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src"
cat >"$work/Cargo.toml" <<TOML
[package]
name = "switch_cost"
version = "0.0.0"
edition = "2024"
[dependencies]
tl-runtime = { path = "$root/tl-runtime" }
[build-dependencies]
tl-codegen = { path = "$root/tl-codegen" }
[workspace]
TOML
cat >"$work/build.rs" <<RS
fn main() -> Result<(), tl_codegen::Error> {
    println!("cargo:rerun-if-env-changed=FLAGS");
    let flags = std::env::var("FLAGS").unwrap_or_default();
    let flags: Vec<&str> = flags.split_whitespace().collect();
    let mut config = tl_codegen::Config::from_command_line_flags(&flags).expect("flags");
    config
        .pretty(false)
        .compile(&["$data/schema/telegram/api-230.tl", "$data/schema/telegram/mtproto.tl"])?;
    Ok(())
}
RS
printf '#![deny(warnings)]\n#![allow(missing_docs)]\ninclude!(concat!(env!("OUT_DIR"), "/tl_types.rs"));\n' >"$work/src/lib.rs"
cd "$work"
for flags in "--no-new-methods --no-conversions" "" "--accessors" "--try-from" "--accessors --try-from"; do
  export FLAGS="$flags"
  for command in check build; do
    cargo "$command" -q
    touch src/lib.rs
    rm -rf target/debug/incremental/switch_cost-*
    start=$(date +%s.%N)
    /usr/bin/time -f "%M" -o mem cargo "$command" -q
    end=$(date +%s.%N)
    printf '%-40s %-5s %6.1f s %5d MiB\n' "flags='$flags'" "$command" \
      "$(echo "$end - $start" | bc)" $(( $(cat mem) / 1024 ))
  done
done
