#!/usr/bin/env bash
# Regenerates the app's icons from src-tauri/icons/icon.svg with the Tauri CLI pinned in packaging/package.json
# (works offline): PNGs for Linux (32, 64, 128, 256 and 512 pixels), icon.ico for Windows, icon.icns for macOS.
# Android and iOS icons are not kept: this is a desktop app. Run after changing the SVG; commit the results.
set -euo pipefail
cd "$(dirname "$0")"
[ -x node_modules/.bin/tauri ] || npm ci --no-audit --no-fund
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# The CLI logs each file it creates to standard error; show that only when it fails.
if ! log=$(node_modules/.bin/tauri icon ../src-tauri/icons/icon.svg --output "$out" 2>&1); then
  echo "$log" >&2
  exit 1
fi
for f in 32x32.png 64x64.png 128x128.png icon.png icon.ico icon.icns; do
  cp "$out/$f" "../src-tauri/icons/$f"
done
# The CLI's 256-pixel PNG is named for macOS Retina (128x128@2x); the Linux bundlers would file it under the odd
# hicolor folder 256x256@2, so it is kept under its plain size.
cp "$out/128x128@2x.png" ../src-tauri/icons/256x256.png
echo "icons: regenerated in src-tauri/icons/"
