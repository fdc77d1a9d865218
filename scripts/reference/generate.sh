#!/usr/bin/env bash
# Regenerates the derived reference files of src/main/resources/reference/ from two npm packages,
# then validates every reference file (derived and curated). See the README in that folder.
#
#   scripts/reference/generate.sh          fetch the packages (npm registry), regenerate, validate
#   scripts/reference/generate.sh --check  validate the committed files only (no network, Node only)
#
# Needs Node 20+ and npm. The packages are fetched with `npm pack` into a temporary directory,
# checked against the pinned integrity hashes, and deleted afterwards: nothing is installed.
set -euo pipefail

DECOUPAGE_PKG="@etalab/decoupage-administratif@6.0.0"
DECOUPAGE_INTEGRITY="sha512-XavYsFlbcM/prKr8hNHPKER94IHw/dsxNM4nxjWMYk6PLFACpEedvn/7wK8Baozm0dCYhWWcf+7bcWpA5pmCaQ=="
NAF_PKG="@socialgouv/codes-naf@1.1.1"
NAF_INTEGRITY="sha512-FeJuR5rKP3hmGfXA53ZST8dW90Op/XY7Ujna8yUwLK0vVa5zo1WolP8ntUqQACYiUq+Ni04fF4or6768YjwAYw=="

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/src/main/resources/reference"

command -v node >/dev/null || { echo "generate.sh: node is required" >&2; exit 1; }

if [[ "${1:-}" == "--check" ]]; then
  exec node "$here/generate.mjs" --check --out "$out"
fi
if [[ $# -gt 0 ]]; then
  echo "usage: $0 [--check]" >&2
  exit 2
fi
command -v npm >/dev/null || { echo "generate.sh: npm is required" >&2; exit 1; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

fetch() { # fetch PACKAGE@VERSION INTEGRITY DEST
  local spec="$1" integrity="$2" dest="$3" tgz actual
  tgz="$(cd "$tmp" && npm pack --silent "$spec" 2>/dev/null | tail -n 1)"
  [[ -n "$tgz" && -f "$tmp/$tgz" ]] || { echo "generate.sh: npm pack $spec failed" >&2; exit 1; }
  actual="sha512-$(openssl dgst -sha512 -binary "$tmp/$tgz" | base64 | tr -d '\n')"
  if [[ "$actual" != "$integrity" ]]; then
    echo "generate.sh: integrity mismatch for $spec" >&2
    echo "  expected $integrity" >&2
    echo "  got      $actual" >&2
    exit 1
  fi
  mkdir -p "$dest"
  tar -xzf "$tmp/$tgz" -C "$dest"
  echo "fetched $spec"
}

fetch "$DECOUPAGE_PKG" "$DECOUPAGE_INTEGRITY" "$tmp/decoupage"
fetch "$NAF_PKG" "$NAF_INTEGRITY" "$tmp/naf"

mkdir -p "$out"
node "$here/generate.mjs" --decoupage "$tmp/decoupage/package" --naf "$tmp/naf/package" --out "$out"
