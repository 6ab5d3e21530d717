#!/usr/bin/env bash
# How long the README's test command takes on a fresh clone, as CI and a new
# contributor pay it: clones REV of this repository into a scratch folder,
# fetches libtdjson, runs `cargo test --workspace --locked --timings`, and
# prints the wall time, cargo's compile time, the test binaries' run time
# and the slowest units (from cargo's timings).
#
#   bash scripts/measure-test-suite.sh [REV]      (default HEAD)
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
rev="${1:-HEAD}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git clone -q "$repo" "$work/clone"
cd "$work/clone"
git checkout -q "$rev"
bash scripts/fetch-tdjson.sh >/dev/null
export CI=true INSTA_UPDATE=no
start=$(date +%s.%N)
status=0
cargo test --workspace --locked --timings >"$work/log" 2>&1 || status=$?
end=$(date +%s.%N)
python3 - "$work/log" target/cargo-timings/cargo-timing.html "$start" "$end" "$status" "$rev" <<'PY'
import json, re, sys
log, timings, start, end, status, rev = sys.argv[1:]
text = open(log).read()
finished = re.search(r"Finished `test` profile .* in (.*)", text)
runs = re.findall(r"Running (\S+) .*?\n(?:.*\n)*?test result: \w+\. (\d+) passed.*?finished in ([\d.]+)s", text)
print(f"{rev}: exit {status}, wall {float(end) - float(start):.1f} s")
print(f"compiling: {finished.group(1) if finished else '?'}")
print(f"test binaries: {len(runs)}, tests passed: {sum(int(r[1]) for r in runs)}, "
      f"running them: {sum(float(r[2]) for r in runs):.1f} s")
for name, _, secs in sorted(runs, key=lambda r: -float(r[2]))[:5]:
    print(f"  {secs:>7} s  {name}")
units = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);\n", open(timings).read(), re.S).group(1))
print(f"units: {len(units)}, their times summed: {sum(u['duration'] for u in units):.0f} s")
for u in sorted(units, key=lambda u: -u["duration"])[:8]:
    print(f"  {u['duration']:7.1f} s  {u['name']} {u['target'].strip()}")
PY
exit "$status"
