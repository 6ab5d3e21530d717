#!/usr/bin/env bash
# Compile time of TDLib's types with serde as a TDLib user pays it: a crate
# whose build.rs is the README's TDLib one
# (`tl_codegen::Config::new().serde(true).compile(&["td_api.tl"])`), whose
# `src/lib.rs` includes the output, with the `serde` feature on and
# `tl-runtime`'s `json` feature, in a workspace outside the repository,
# with cargo's defaults (nothing set: the crate is a workspace member, so it
# is compiled incrementally).
#
#   bash tests/benches/tdlib-build-time.sh [RUNS]
#
# RUNS defaults to 3. Each run: the crate's library from clean (`cargo clean
# -p tdapi`, then `cargo check`), then the same with `cargo build`; the
# unit's time from `--timings`, the command's wall time and peak memory.
# CARGO_INCREMENTAL and CARGO_TARGET_DIR are passed through (label a figure
# measured with CARGO_INCREMENTAL=0 as such). Test data: $TL_TESTDATA, else
# the repository's testdata/.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${TL_TESTDATA:-$root/testdata}"
runs="${1:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tdapi/src" "$work/tdapi/schema"
cp "$data/schema/tdlib/td_api.tl" "$work/tdapi/schema/"

cat >"$work/Cargo.toml" <<EOF
[workspace]
resolver = "3"
members = ["tdapi"]
EOF
cat >"$work/tdapi/Cargo.toml" <<EOF
[package]
name = "tdapi"
version = "0.1.0"
edition = "2024"

[features]
default = ["serde"]
serde = ["dep:serde", "tl-runtime/json"]

[dependencies]
serde = { version = "1", optional = true }
tl-runtime = { path = "$root/tl-runtime" }

[build-dependencies]
tl-codegen = { path = "$root/tl-codegen" }
EOF
cat >"$work/tdapi/build.rs" <<'EOF'
fn main() -> Result<(), tl_codegen::Error> {
    tl_codegen::Config::new()
        .serde(true)
        .compile(&["schema/td_api.tl"])?;
    Ok(())
}
EOF
cat >"$work/tdapi/src/lib.rs" <<'EOF'
include!(concat!(env!("OUT_DIR"), "/tl_types.rs"));
EOF
cp "$root/Cargo.lock" "$work/" 2>/dev/null || true

cd "$work"
echo "machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'), $(rustc --version)"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), load: $(cut -d' ' -f1-3 /proc/loadavg), repository: $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet || echo ' (with changes)'), CARGO_INCREMENTAL: ${CARGO_INCREMENTAL:-unset}"
cargo build -q 2>/dev/null || cargo build # dependencies, and a first build

# `timed NAME ARGS...`: runs `cargo ARGS --timings`, prints NAME, the time
# of tdapi's library, the wall time and the peak memory of the command.
timed() {
  local name="$1"
  shift
  rm -rf "${CARGO_TARGET_DIR:-target}/cargo-timings"
  /usr/bin/time -f "%e %M" -o time.txt cargo "$@" -q --timings
  read -r wall rss <time.txt
  python3 - "$(ls "${CARGO_TARGET_DIR:-target}"/cargo-timings/cargo-timing-*.html | head -1)" "$name" "$wall" "$rss" <<'PY'
import json, re, sys
html, name, wall, rss = sys.argv[1:]
units = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);", open(html).read(), re.S).group(1))
lib = [u for u in units if u["name"] == "tdapi" and "build" not in (u.get("target") or "")]
took = f"{lib[0]['duration']:.2f} s" if lib else "not compiled"
print(f"  {name:<20} tdapi: {took:>9}; whole: {float(wall):6.2f} s, peak {int(rss) / 1024:6.0f} MiB")
PY
}

for run in $(seq 1 "$runs"); do
  echo "run $run"
  cargo clean -q -p tdapi
  timed "clean cargo check" check
  cargo clean -q -p tdapi
  timed "clean cargo build" build
done
