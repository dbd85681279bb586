#!/usr/bin/env bash
# Installs what the extension-host tests need, idempotently:
#   1. Debian packages chromium, libkrb5-dev, ripgrep (apt-get update + install only when one is missing);
#   2. code-server into ${VSX_TOOLS_DIR:-$HOME/.cache/vsx-host-tools} (outside the clone, so it survives fresh
#      clones on the same machine), skipped when its version stamp matches.
# A second run takes well under a second. Safe against parallel runs (flock).
# Env: VSX_TOOLS_DIR, VSX_SKIP_APT=1 (non-Debian machine: install Chromium + build tools yourself),
#      VSX_CODE_SERVER_VERSION (default 4.100.3), VSX_RG_PKG_VERSION / VSX_RG_ASSET (the @vscode/ripgrep
#      version code-server pins and the asset its postinstall looks for).
set -euo pipefail

CODE_SERVER_VERSION="${VSX_CODE_SERVER_VERSION:-4.100.3}"
HOME_DIR="${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}"   # same as Node's os.homedir()
TOOLS_DIR="${VSX_TOOLS_DIR:-$HOME_DIR/.cache/vsx-host-tools}"
RG_PKG_VERSION="${VSX_RG_PKG_VERSION:-1.15.11}"
RG_ASSET="${VSX_RG_ASSET:-ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz}"
NODE_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
STAMP_TEXT="code-server@${CODE_SERVER_VERSION} node${NODE_MAJOR}"
MARKER=".vsx-host-tools"   # proves the folder is ours before we ever delete anything in it

log() { echo "[setup-vscode-host] $*"; }

missing_debs() {
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  dpkg-query -W -f='${Status}' libkrb5-dev 2>/dev/null | grep -q 'install ok installed' || missing+=(libkrb5-dev)
  command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
  echo "${missing[@]:-}"
}

install_debs() {
  if [ "${VSX_SKIP_APT:-}" = "1" ]; then log "VSX_SKIP_APT=1: skipping apt"; return; fi
  local missing; missing="$(missing_debs)"
  if [ -z "$missing" ]; then return; fi
  log "apt-get install $missing"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  local aptlog="${TMPDIR:-/tmp}/vsx-host-apt.log"
  # shellcheck disable=SC2086
  if ! { $sudo apt-get update -qq && $sudo apt-get install -y -qq -o DPkg::Lock::Timeout=300 $missing; } \
      </dev/null >"$aptlog" 2>&1; then
    tail -n 40 "$aptlog"; log "apt-get failed (full log: $aptlog)"; exit 1
  fi
  log "apt-get done (log: $aptlog)"
}

tools_ready() {
  [ "$(cat "$TOOLS_DIR/.stamp" 2>/dev/null)" = "$STAMP_TEXT" ] &&
    [ -f "$TOOLS_DIR/node_modules/code-server/out/node/entry.js" ] &&
    [ -x "$TOOLS_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]
}

# @vscode/ripgrep's postinstall downloads ripgrep from GitHub unless it finds the asset in its cache folder.
prime_ripgrep_cache() {
  local cache="${TMPDIR:-/tmp}/vscode-ripgrep-cache-${RG_PKG_VERSION}"
  [ -f "$cache/$RG_ASSET" ] && return
  local rg; rg="$(command -v rg || true)"
  if [ -z "$rg" ]; then log "ripgrep (rg) is not installed: cannot prime the @vscode/ripgrep cache"; exit 1; fi
  local tmp; tmp="$(mktemp -d)"
  mkdir -p "$cache"
  cp "$rg" "$tmp/rg"
  tar -C "$tmp" -czf "$cache/$RG_ASSET" rg
  rm -rf "$tmp"
}

install_tools() {
  if [ -d "$TOOLS_DIR" ] && [ -n "$(ls -A "$TOOLS_DIR")" ] && [ ! -f "$TOOLS_DIR/$MARKER" ]; then
    log "$TOOLS_DIR exists and was not made by this script; refusing to touch it (set VSX_TOOLS_DIR)"; exit 1
  fi
  mkdir -p "$TOOLS_DIR"
  touch "$TOOLS_DIR/$MARKER"
  rm -rf "$TOOLS_DIR/node_modules" "$TOOLS_DIR/package-lock.json" "$TOOLS_DIR/.stamp"
  echo '{ "name": "vsx-host-tools", "private": true, "description": "code-server for gwhttp extension-host tests" }' \
    >"$TOOLS_DIR/package.json"
  prime_ripgrep_cache
  log "npm install code-server@${CODE_SERVER_VERSION} into $TOOLS_DIR (about 1-2 minutes)"
  (cd "$TOOLS_DIR" &&
    npm_config_yes=true npm_config_unsafe_perm=true PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
      npm install --unsafe-perm --no-audit --no-fund --loglevel=error \
      "code-server@${CODE_SERVER_VERSION}" </dev/null)
  local vs="$TOOLS_DIR/node_modules/code-server/lib/vscode/node_modules"
  for f in "@vscode/ripgrep/bin/rg" "node-pty/build/Release/pty.node"; do
    if [ ! -e "$vs/$f" ]; then log "install incomplete: $vs/$f is missing"; exit 1; fi
  done
  echo "$STAMP_TEXT" >"$TOOLS_DIR/.stamp"
}

main() {
  install_debs
  tools_ready && return
  mkdir -p "$(dirname "$TOOLS_DIR")"
  exec 9>"$TOOLS_DIR.lock"
  flock 9
  tools_ready && return   # another job finished it while we waited
  local start=$SECONDS
  install_tools
  log "code-server ${CODE_SERVER_VERSION} ready in $((SECONDS - start)) s"
}

main "$@"; exit $?
