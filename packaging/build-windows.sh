#!/usr/bin/env bash
# Builds the Windows installer on Debian: cross-compiles the release exe (x86_64-pc-windows-gnu, mingw-w64) and the
# console companion, and packs them with wixl (msitools) from packaging/windows/gcm-workshop.wxs into
# GCM-Workshop-<version>-x64.msi. Installs what is missing (the Rust target, mingw-w64, wixl/msitools, and
# osslsigncode when signing). The MSI's path is the last line printed.
#
# Environment (all optional):
#   GCM_MSI_VERSION=x.y.z   the MSI's ProductVersion (default: the workspace version in Cargo.toml); the test of
#                           upgrades uses it to repackage the same exe as a newer or older product
#   GCM_SKIP_BUILD=1        do not run cargo; package what is in target/x86_64-pc-windows-gnu/release
#   GCM_OUT_DIR=DIR         where the MSI goes (default: target/x86_64-pc-windows-gnu/release/msi)
#   GCM_HELP_URL=URL        the "Apps & features" help link
#   GCM_SIGN_CERT=FILE      Authenticode: certificate (PEM or DER; a .p12/.pfx with GCM_SIGN_KEY unset) — when set,
#   GCM_SIGN_KEY=FILE       the exe, the companion and the MSI are signed with osslsigncode (key: PEM/DER)
#   GCM_SIGN_PASS=TEXT      the key's or .pfx's password
#   GCM_SIGN_TIMESTAMP=URL  an RFC 3161 time-stamp server (a signature without one expires with the certificate)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
triple=x86_64-pc-windows-gnu
target_dir="${CARGO_TARGET_DIR:-$root/target}"
rel="$target_dir/$triple/release"

log() { printf '%s\n' "build-windows: $*" >&2; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_missing=()
need() { command -v "$1" >/dev/null 2>&1 || apt_missing+=("$2"); }
need x86_64-w64-mingw32-gcc gcc-mingw-w64-x86-64
need wixl wixl
need msiinfo msitools
if [ -n "${GCM_SIGN_CERT:-}" ]; then need osslsigncode osslsigncode; fi
if [ ${#apt_missing[@]} -gt 0 ]; then
    log "installing ${apt_missing[*]}"
    as_root apt-get update -q >&2
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${apt_missing[@]}" >&2
fi
if ! rustup target list --installed | grep -qx "$triple"; then
    log "adding the Rust target $triple"
    rustup target add "$triple" >&2
fi

app_version="$(cargo pkgid -p gcm-workshop | sed 's/.*[@#]//')"
version="${GCM_MSI_VERSION:-$app_version}"

if [ "${GCM_SKIP_BUILD:-0}" != 1 ]; then
    start=$SECONDS
    cargo build --release --target "$triple" -p gcm-workshop --features tauri/custom-protocol >&2
    cargo build --release --target "$triple" -p console-launcher >&2
    log "cargo build: $((SECONDS - start)) s"
fi

stage="$rel/msi-stage"
rm -rf "$stage"
mkdir -p "$stage"
cp "$rel/gcm-workshop.exe" "$rel/WebView2Loader.dll" "$stage/"
# A PE file runs whatever its extension; the shells try .com before .exe (PATHEXT).
cp "$rel/gcm-workshop-console.exe" "$stage/gcm-workshop.com"
cp src-tauri/icons/icon.ico "$stage/" # for the shortcut and "Apps & features"; wixl reads sources from the cwd

sign() { # sign FILE: Authenticode signature in place
    local in="$1" out="$1.signed"
    local args=(sign -h sha256 -n "GCM Workshop" -i "${GCM_HELP_URL:-https://www.iom.int/almaty-process-refugee-protection-and-international-migration}")
    if [ -n "${GCM_SIGN_KEY:-}" ]; then
        args+=(-certs "$GCM_SIGN_CERT" -key "$GCM_SIGN_KEY")
    else
        args+=(-pkcs12 "$GCM_SIGN_CERT")
    fi
    [ -n "${GCM_SIGN_PASS:-}" ] && args+=(-pass "$GCM_SIGN_PASS")
    [ -n "${GCM_SIGN_TIMESTAMP:-}" ] && args+=(-ts "$GCM_SIGN_TIMESTAMP")
    osslsigncode "${args[@]}" -in "$in" -out "$out" >&2
    mv "$out" "$in"
}
if [ -n "${GCM_SIGN_CERT:-}" ]; then
    sign "$stage/gcm-workshop.exe"
    sign "$stage/gcm-workshop.com"
fi

publisher="$(sed -n 's/^ *"publisher": *"\(.*\)",\{0,1\}$/\1/p' src-tauri/tauri.conf.json)"
out_dir="${GCM_OUT_DIR:-$rel/msi}"
mkdir -p "$out_dir"
out_dir="$(cd "$out_dir" && pwd)"
msi="$out_dir/GCM-Workshop-$version-x64.msi"
rm -f "$msi"
start=$SECONDS
(cd "$stage" && wixl -a x64 -o "$msi" \
    -D "Version=$version" \
    -D "Manufacturer=${publisher:-GCM Workshop}" \
    -D "HelpLink=${GCM_HELP_URL:-https://www.iom.int/almaty-process-refugee-protection-and-international-migration}" \
    "$root/packaging/windows/gcm-workshop.wxs" 2>&1 | grep -v 'builder.vala:[0-9]*: unimplemented' >&2 || true)
[ -s "$msi" ] || { log "wixl failed"; exit 1; }
# Two things wixl 0.101 cannot write, set in the tables it wrote (msibuild, msitools): HKMU registry values get
# Root 4 instead of -1 (-1: HKLM per machine, HKCU per user), and component conditions are not read at all.
msibuild "$msi" -q "UPDATE \`Registry\` SET \`Root\` = -1 WHERE \`Root\` = 4" \
    -q "UPDATE \`Component\` SET \`Condition\` = 'ORGANISER_KEY' WHERE \`Component\` = 'OrganiserKey'" \
    || { log "msibuild failed"; exit 1; }
if [ -n "${GCM_SIGN_CERT:-}" ]; then sign "$msi"; fi
log "wixl: $((SECONDS - start)) s, $(stat -c %s "$msi") bytes"
printf '%s\n' "$msi"
