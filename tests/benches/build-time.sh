#!/usr/bin/env bash
# Compile time of the generated layer as a user pays it, next to the peer,
# with cargo's defaults (nothing set: no CARGO_INCREMENTAL, no profile).
#
# Makes a workspace outside the repository laid out as the README's first
# example is: a member `layer` whose build.rs is the README's
# (`tl_codegen::Config::new().pretty(false)...compile(&[api-230.tl,
# mtproto.tl])`, the schemas copied into `layer/schema/`) and whose
# `src/lib.rs` includes the output, and a member `app` that depends on it and
# on grammers-tl-types 0.11 (its defaults, `tl-mtproto`,
# `deserializable-functions`) and calls both. As in any user's workspace,
# `layer` is compiled incrementally (a workspace member) and grammers is not
# (a crates.io dependency).
#
#   bash tests/benches/build-time.sh [RUNS] [-- CONFIG-CALLS]
#
# RUNS defaults to 3. Each run measures, one crate at a time (so that neither
# shares the two cores with the other):
# - clean: the `layer` library built from clean (`cargo clean -p layer`,
#   then `cargo build -p layer`: its build script runs first), then
#   grammers-tl-types from clean (`cargo clean -p grammers-tl-types`, `cargo
#   build -p app`); each unit's time from `--timings`, each build's peak
#   memory (the largest process: rustc on that crate);
# - edit: one function of `app/src/main.rs` changed, then `cargo check` and
#   `cargo build` of the workspace (what a user waits for many times a day);
# - touch: `touch layer/schema/api-230.tl`, then `cargo build`: the build
#   script reruns; whether the layer library is compiled again;
# - edit in the layer crate: one function of `layer/src/lib.rs` changed,
#   then `cargo check -p layer`: what each edit costs when the application's
#   own code sits in the crate that includes the layer.
#
# CONFIG-CALLS are builder calls put before `.compile`, for instance
# `-- '.function_decoding(false).namespaces(["messages", "bots"])'`.
# Environment: CARGO_COMMAND=check checks instead of building in the clean
# step; LAYER_PROFILE='incremental = false' (settings separated by `;`)
# adds those lines under `[profile.dev.package.layer]` in the workspace's
# `Cargo.toml`, to measure what such settings change (the README's advice
# is `incremental = false;debug = "line-tables-only"`), and PEER_PROFILE
# the same under `[profile.dev.package.grammers-tl-types]`.
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
mkdir -p "$work/layer/src" "$work/layer/schema" "$work/app/src"
cp "$data/schema/telegram/api-230.tl" "$data/schema/telegram/mtproto.tl" "$work/layer/schema/"

cat >"$work/Cargo.toml" <<EOF
[workspace]
resolver = "3"
members = ["layer", "app"]
EOF
if [ -n "${LAYER_PROFILE:-}" ]; then
  printf '\n[profile.dev.package.layer]\n%s\n' "${LAYER_PROFILE//;/$'\n'}" >>"$work/Cargo.toml"
fi
if [ -n "${PEER_PROFILE:-}" ]; then
  printf '\n[profile.dev.package.grammers-tl-types]\n%s\n' "${PEER_PROFILE//;/$'\n'}" >>"$work/Cargo.toml"
fi
cat >"$work/layer/Cargo.toml" <<EOF
[package]
name = "layer"
version = "0.1.0"
edition = "2024"

[dependencies]
tl-runtime = { path = "$root/tl-runtime" }

[build-dependencies]
tl-codegen = { path = "$root/tl-codegen" }
EOF
cat >"$work/layer/build.rs" <<EOF
fn main() -> Result<(), tl_codegen::Error> {
    tl_codegen::Config::new()
        .pretty(false)$calls
        .compile(&["schema/api-230.tl", "schema/mtproto.tl"])?;
    Ok(())
}
EOF
cat >"$work/layer/src/lib.rs" <<'EOF'
include!(concat!(env!("OUT_DIR"), "/tl_types.rs"));

pub fn own_code() -> i32 {
    0
}
EOF
cat >"$work/app/Cargo.toml" <<EOF
[package]
name = "app"
version = "0.1.0"
edition = "2024"

[dependencies]
layer = { path = "../layer" }
tl-runtime = { path = "$root/tl-runtime" }
grammers-tl-types = { version = "=0.11.0", features = ["tl-mtproto", "deserializable-functions"] }
EOF
cat >"$work/app/src/main.rs" <<'EOF'
use tl_runtime::Serializable as _;

fn answer() -> i32 {
    0
}

fn main() {
    let ours = layer::functions::help::GetConfig {}.to_bytes();
    let peer = grammers_tl_types::Serializable::to_bytes(&grammers_tl_types::functions::help::GetConfig {});
    println!("{} {} {}", answer(), ours.len(), peer.len());
}
EOF
cp "$root/Cargo.lock" "$work/" 2>/dev/null || true

cd "$work"
echo "machine: $(nproc) CPUs, $(lscpu | sed -n 's/^Model name: *//p'), $(rustc --version)"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'), load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "config: Config::new().pretty(false)$calls; clean step: cargo $command; [profile.dev.package.layer]: ${LAYER_PROFILE:-nothing}; [profile.dev.package.grammers-tl-types]: ${PEER_PROFILE:-nothing}"
cargo build -q 2>/dev/null || cargo build # dependencies, and a first build
cargo check -q

# `timed NAME UNIT ARGS...`: runs `cargo ARGS --timings`, prints NAME, the
# time of UNIT's library or binary (or "not compiled"), the wall time, the
# CPU time of the whole command, and its peak memory.
timed() {
  local name="$1" unit="$2"
  shift 2
  rm -rf "${CARGO_TARGET_DIR:-target}/cargo-timings"
  /usr/bin/time -f "%e %M %U %S" -o time.txt cargo "$@" -q --timings
  read -r wall rss user sys <time.txt
  python3 - "$(ls "${CARGO_TARGET_DIR:-target}"/cargo-timings/cargo-timing-*.html | head -1)" "$name" "$unit" "$wall" "$rss" "$user" "$sys" <<'PY'
import json, re, sys
html, name, unit, wall, rss, user, sys_ = sys.argv[1:]
units = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);", open(html).read(), re.S).group(1))
lib = [u for u in units if u["name"] == unit and "build" not in (u.get("target") or "")]
took = f"{lib[0]['duration']:.2f} s" if lib else "not compiled"
print(f"  {name:<34} {unit}: {took:>12}; whole: {float(wall):6.2f} s ({float(user) + float(sys_):6.2f} s CPU), peak {int(rss) / 1024:6.0f} MiB")
PY
}

for run in $(seq 1 "$runs"); do
  echo "run $run"
  cargo clean -q -p layer
  timed "clean cargo $command -p layer" layer "$command" -p layer
  cargo clean -q -p grammers-tl-types
  timed "clean cargo $command (grammers)" grammers-tl-types "$command" -p app
  cargo build -q
  cargo check -q
  sed -i "s/^    [0-9]*$/    $run/" app/src/main.rs
  timed "one function edited: cargo check" app check
  sed -i "s/^    [0-9]*$/    $((run + 100))/" app/src/main.rs
  timed "one function edited: cargo build" app build
  touch layer/schema/api-230.tl
  timed "schema touched: cargo build" layer build
  cargo check -q -p layer
  sed -i "s/^    [0-9]*$/    $run/" layer/src/lib.rs
  timed "edit beside the layer: cargo check" layer check -p layer
done
