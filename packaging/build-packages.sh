#!/usr/bin/env bash
# Builds the installable Linux packages (.deb and .rpm) with the Tauri CLI pinned in packaging/package.json: a
# prebuilt binary from the npm registry, installed with `npm ci` when missing. The release build of the app is
# part of it (several minutes on 2 cores). Prints the paths of the packages it built.
#
# Windows (msi, nsis) and macOS (app, dmg) packages are configured in src-tauri/tauri.{windows,macos}.conf.json
# but are built on those systems: `npm exec --prefix packaging -- tauri build` from the repository root.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. scripts/setup.sh
ensure_rust
command -v npm >/dev/null 2>&1 || ensure_packages nodejs npm

cli=packaging/node_modules/.bin/tauri
want=$(node -p 'require("./packaging/package.json").devDependencies["@tauri-apps/cli"]')
have=$("$cli" --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  echo "packages: installing the Tauri CLI $want (npm ci in packaging/)"
  (cd packaging && npm ci --no-audit --no-fund)
fi

bundle_dir=target/release/bundle
rm -f "$bundle_dir"/deb/*.deb "$bundle_dir"/rpm/*.rpm
# The CLI finds src-tauri/tauri.conf.json from here; --ci: no prompts, plain output.
"$cli" build --ci --bundles deb,rpm
shopt -s nullglob
built=("$root/$bundle_dir"/deb/*.deb "$root/$bundle_dir"/rpm/*.rpm)
if [ ${#built[@]} -ne 2 ]; then
  echo "packages: expected one .deb and one .rpm under $bundle_dir, found ${#built[@]} file(s)" >&2
  exit 1
fi
echo "packages: built"
printf '  %s\n' "${built[@]}"
