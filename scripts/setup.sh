#!/usr/bin/env bash
# Installs what building and testing the app needs on Debian 12, skipping what is already there: the Debian
# packages (WebKitGTK, Xvfb, WebKitWebDriver…), a Rust toolchain check, and tauri-driver. Sourced by
# scripts/run and scripts/test; safe to run again.
set -euo pipefail

PACKAGES=(
  libwebkit2gtk-4.1-dev build-essential pkg-config libssl-dev libxdo-dev libayatana-appindicator3-dev
  librsvg2-dev xvfb xauth webkit2gtk-driver imagemagick fonts-dejavu-core dbus-x11 curl file
  desktop-file-utils xdotool x11-utils
)

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_packages() {
  local missing=()
  for p in "${PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
  fi
}

ensure_rust() {
  if [ -x "$HOME/.cargo/bin/cargo" ]; then export PATH="$HOME/.cargo/bin:$PATH"; fi
  if ! command -v cargo >/dev/null 2>&1; then
    echo "setup: no Rust toolchain found; installing rustup's stable toolchain"
    curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
    export PATH="$HOME/.cargo/bin:$PATH"
  fi
}

# axe-core for the accessibility tests (tests/e2e/a11y.rs), from the npm registry at a pinned version into
# tests/fixtures/vendor (git-ignored). Keep AXE_VERSION equal to the one in tests/e2e/a11y.rs.
AXE_VERSION=4.14.1
ensure_axe() {
  local dir=tests/fixtures/vendor
  if ! grep -qs "\"version\": \"$AXE_VERSION\"" "$dir/node_modules/axe-core/package.json"; then
    command -v npm >/dev/null 2>&1 || ensure_packages npm
    echo "setup: installing axe-core@$AXE_VERSION into $dir"
    npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund "axe-core@$AXE_VERSION"
  fi
}

ensure_tauri_driver() {
  export PATH="$HOME/.cargo/bin:$PATH"
  if ! command -v tauri-driver >/dev/null 2>&1; then
    echo "setup: installing tauri-driver (cargo install tauri-driver --locked)"
    cargo install tauri-driver --locked
  fi
}
