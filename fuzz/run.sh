#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 60) on the machine's
# stable toolchain: cargo-fuzz's instrumentation flags are unstable, and
# RUSTC_BOOTSTRAP=1 lets stable rustc take them.
#
#   fuzz/run.sh [SECONDS] [TARGET...]
#
# Seeds come from the repository's test data, read in place ($TL_TESTDATA,
# else testdata/): the schemas for `parse` and `generate`,
# the byte corpus for the decode targets (converted once into
# fuzz/corpus/, which git ignores). Crashes land in fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  targets=(parse generate decode_type decode_function)
fi
data=$(cd "${TL_TESTDATA:-../testdata}" && pwd)
export TL_TESTDATA=$data
export RUSTC_BOOTSTRAP=1

if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi

mkdir -p corpus/parse corpus/generate corpus/decode_type corpus/decode_function
if [ -z "$(ls corpus/decode_type)" ]; then
  cargo run --quiet --release --bin seed -- \
    "$data/corpus/api-230.tsv" "$data/corpus/mtproto.tsv" \
    corpus/decode_type corpus/decode_function
fi

for target in "${targets[@]}"; do
  case $target in
    parse | generate) seeds=("$data/schema/telegram" "$data/schema/tdlib" "$data/schema/ton" ../schema/fixtures) ;;
    *) seeds=() ;;
  esac
  echo "== $target: ${seconds}s"
  cargo fuzz run --release "$target" "corpus/$target" "${seeds[@]}" -- \
    -max_total_time="$seconds" -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1
done
