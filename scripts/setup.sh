#!/usr/bin/env bash
# Installs what building and testing the app needs on Debian 12, skipping what is already there: the Debian
# packages (WebKitGTK, Xvfb, WebKitWebDriver…), a Rust toolchain check, tauri-driver, and the tests' pinned
# helpers (axe-core, the calendar readers). Sourced by scripts/run and scripts/test; safe to run again.
set -euo pipefail

PACKAGES=(
  libwebkit2gtk-4.1-dev build-essential pkg-config libssl-dev libxdo-dev libayatana-appindicator3-dev
  librsvg2-dev xvfb xauth webkit2gtk-driver imagemagick fonts-dejavu-core dbus-x11 curl file
  desktop-file-utils xdotool x11-utils
  minisign shared-mime-info
  iproute2 strace # the offline end-to-end run (tests/tools/offline) and its socket check
  python3-gi # tests/tools/notification-server, the desktop notification server of the package test
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
  # The style checks in scripts/test; rustup's minimal profile leaves them out.
  if command -v rustup >/dev/null 2>&1; then
    for component in rustfmt clippy; do
      rustup component list --installed 2>/dev/null | grep -q "^$component" || rustup component add "$component"
    done
  fi
}

# npm packages the tests use, from the npm registry at pinned versions into tests/fixtures/vendor (git-ignored):
# axe-core for the accessibility tests (tests/e2e/a11y.rs) and ical.js, one of the calendar readers
# (tests/tools/ics-read.mjs). Keep AXE_VERSION equal to the one in tests/e2e/a11y.rs and ICALJS_VERSION to the one
# in tests/it/calendar_readers.rs. `npm install --no-save` removes from node_modules what it is not given, so
# both are always installed by one command.
AXE_VERSION=4.14.1
ICALJS_VERSION=2.2.1
ensure_node_vendor() {
  local dir=tests/fixtures/vendor
  local specs=("axe-core@$AXE_VERSION" "ical.js@$ICALJS_VERSION") spec missing=()
  for spec in "${specs[@]}"; do
    grep -qs "\"version\": \"${spec##*@}\"" "$dir/node_modules/${spec%@*}/package.json" || missing+=("$spec")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    command -v npm >/dev/null 2>&1 || ensure_packages npm
    echo "setup: installing ${specs[*]} into $dir (missing: ${missing[*]})"
    npm install --prefix "$dir" --no-save --no-package-lock --no-audit --no-fund "${specs[@]}"
  fi
}

ensure_axe() {
  ensure_node_vendor
}

# The two independent readers of our .ics files (tests/it/calendar_readers.rs): ical.js (above) and python
# icalendar from PyPI at a pinned version, in a virtualenv at tests/fixtures/vendor/py. Keep ICALENDAR_VERSION equal
# to the one in tests/it/calendar_readers.rs.
ICALENDAR_VERSION=7.3.2
ensure_ics_readers() {
  ensure_node_vendor
  local venv=tests/fixtures/vendor/py
  if ! "$venv/bin/python" -c "import sys, icalendar; sys.exit(icalendar.__version__ != '$ICALENDAR_VERSION')" 2>/dev/null; then
    command -v python3 >/dev/null 2>&1 || ensure_packages python3
    # Debian's python3 has no venv module (nor ensurepip) without python3-venv.
    python3 -c 'import venv, ensurepip' 2>/dev/null || ensure_packages python3-venv
    echo "setup: installing icalendar==$ICALENDAR_VERSION into $venv"
    python3 -m venv --clear "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "icalendar==$ICALENDAR_VERSION"
  fi
}

ensure_tauri_driver() {
  export PATH="$HOME/.cargo/bin:$PATH"
  if ! command -v tauri-driver >/dev/null 2>&1; then
    echo "setup: installing tauri-driver (cargo install tauri-driver --locked)"
    cargo install tauri-driver --locked
  fi
}

# The Windows target: rustup's standard library for x86_64-pc-windows-gnu, so scripts/test can type-check the
# workspace for Windows (`cargo check` needs no linker), and Debian's mingw-w64 linker for building the .exe.
WINDOWS_TARGET=x86_64-pc-windows-gnu
ensure_windows_target() {
  ensure_rust
  if ! rustup target list --installed | grep -qx "$WINDOWS_TARGET"; then
    echo "setup: adding the Rust target $WINDOWS_TARGET"
    rustup target add "$WINDOWS_TARGET"
  fi
  ensure_packages gcc-mingw-w64-x86-64
}
