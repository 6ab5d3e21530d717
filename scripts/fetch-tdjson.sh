#!/usr/bin/env bash
# Puts TDLib's JSON client library, libtdjson.so, at target/tdjson/libtdjson.so
# for the tdlib-json crate's tests (they fail without it).
#
# The library comes from the PyPI package tdjson 1.8.66 (TDLib 1.8.66, commit
# a9966eb3), whose wheel ships a prebuilt manylinux2014 x86_64 libtdjson. The
# wheel is pinned by version, platform and SHA-256, so every machine gets the
# same bytes whatever its own Python version is.
#
# Idempotent: when the library is already there it does nothing.
# Needs: python3 with pip, and network access to PyPI.
set -euo pipefail

TDJSON_VERSION=1.8.66
WHEEL_SHA256=d2a96815bc58a985309ddd221d8386e447865eb30c5943d8c49e340777cc9e13

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dest_dir="$root/target/tdjson"
dest="$dest_dir/libtdjson.so"

if [[ -f "$dest" ]]; then
  echo "fetch-tdjson: $dest already exists; nothing to do"
  exit 0
fi

if [[ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]]; then
  echo "fetch-tdjson: the tdjson wheel is built for Linux x86_64 only, not $(uname -s)-$(uname -m);" >&2
  echo "fetch-tdjson: build TDLib yourself and set TDJSON_LIB to its libtdjson.so" >&2
  exit 1
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

echo "fetch-tdjson: downloading tdjson==$TDJSON_VERSION from PyPI"
python3 -m pip download --quiet --disable-pip-version-check \
  --no-deps --only-binary=:all: \
  --platform manylinux2014_x86_64 --implementation cp --python-version 3.11 --abi cp311 \
  "tdjson==$TDJSON_VERSION" -d "$tmp/download"

wheels=("$tmp"/download/tdjson-"$TDJSON_VERSION"-*.whl)
if [[ ${#wheels[@]} -ne 1 || ! -f "${wheels[0]}" ]]; then
  echo "fetch-tdjson: expected one tdjson wheel, found: ${wheels[*]}" >&2
  exit 1
fi
wheel="${wheels[0]}"

actual_sha256="$(sha256sum "$wheel" | cut -d' ' -f1)"
if [[ "$actual_sha256" != "$WHEEL_SHA256" ]]; then
  echo "fetch-tdjson: $wheel has SHA-256 $actual_sha256, expected $WHEEL_SHA256" >&2
  exit 1
fi

if command -v unzip >/dev/null 2>&1; then
  unzip -q "$wheel" -d "$tmp/wheel"
else
  python3 -m zipfile -e "$wheel" "$tmp/wheel"
fi

# auditwheel renames the library with a hash: tdjson.libs/libtdjson-<hash>.so.<version>
libs=("$tmp"/wheel/tdjson.libs/libtdjson*.so*)
if [[ ${#libs[@]} -ne 1 || ! -f "${libs[0]}" ]]; then
  echo "fetch-tdjson: expected one libtdjson in the wheel, found: ${libs[*]}" >&2
  exit 1
fi

mkdir -p "$dest_dir"
# Copy then rename, so that an interrupted run never leaves a partial library.
cp "${libs[0]}" "$dest.partial"
chmod 0755 "$dest.partial"
mv -f "$dest.partial" "$dest"
echo "fetch-tdjson: put TDLib $TDJSON_VERSION's JSON client at $dest (from $(basename "${libs[0]}"))"
