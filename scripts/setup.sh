#!/usr/bin/env bash
# Installs what DM Doctor needs, skipping whatever is already at the right version.
# Sourced by scripts/serve and scripts/test:  source scripts/setup.sh build|test
# Works from a fresh Debian 12 machine with rustup and nothing else done.

TRUNK_VERSION=0.21.14

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then
    as_root apt-get update -q
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -q "$@"
}

dm_setup() {
  local purpose=${1:-build}
  local root
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  cd "$root" || return 1

  export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
  export TRUNK_SKIP_VERSION_CHECK=true

  if ! command -v cargo >/dev/null || ! command -v rustup >/dev/null; then
    echo "Rust is missing: install it with rustup (https://rustup.rs) and run this again." >&2
    return 1
  fi

  # rustfmt and clippy: scripts/test checks formatting and lints (a minimal rustup
  # profile leaves them out).
  local component
  for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
      say "Adding the $component component"
      rustup component add "$component"
    fi
  done

  # cargo install (trunk, wasm-bindgen-cli) links with the system C compiler.
  if ! command -v cc >/dev/null; then
    say "Installing a C compiler and linker (Debian build-essential)"
    apt_install build-essential
  fi

  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi

  if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    say "Installing Node.js and npm (Debian packages)"
    apt_install nodejs npm
  fi

  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "Installing trunk $TRUNK_VERSION (takes several minutes, once)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi

  # The CLI must match the wasm-bindgen crate in Cargo.lock exactly. Not --locked: its
  # lock names a webpki-roots release the registry does not serve.
  local wasm_bindgen_version
  wasm_bindgen_version=$(grep -A1 '^name = "wasm-bindgen"$' Cargo.lock | sed -n 's/^version = "\(.*\)"$/\1/p')
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wasm_bindgen_version" ] ||
     ! command -v wasm-bindgen-test-runner >/dev/null; then
    say "Installing wasm-bindgen-cli $wasm_bindgen_version (takes several minutes, once)"
    cargo install wasm-bindgen-cli --version "$wasm_bindgen_version" --force
  fi

  # npm packages (wasm-opt from binaryen, Playwright, axe-core) from the committed lockfile.
  # The lockfile's hash is remembered, so an unchanged lockfile is not reinstalled.
  local lock_hash
  lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ "$(cat node_modules/.dm-doctor-lock 2>/dev/null)" != "$lock_hash" ]; then
    say "Installing npm packages from package-lock.json"
    npm ci --no-audit --no-fund
    echo "$lock_hash" > node_modules/.dm-doctor-lock
  fi

  if [ "$purpose" = test ]; then
    if ! [ -x /usr/bin/chromium ] || ! [ -x /usr/bin/chromedriver ]; then
      say "Installing Debian chromium and chromium-driver"
      apt_install chromium chromium-driver
    fi
    # The e2e tests also run the app on nginx with deploy/nginx.conf (as their own
    # process, on 127.0.0.1; the system service is not used).
    if ! [ -x /usr/sbin/nginx ]; then
      say "Installing Debian nginx-light"
      apt_install nginx-light
      # Debian starts and enables a system nginx on port 80; the tests don't use it.
      if [ -d /run/systemd/system ]; then
        as_root systemctl disable --now nginx || true
      fi
    fi
  fi

  # Trunk builds with --offline; fetch the crates first (a no-op when they are there).
  cargo fetch --locked --quiet

  # The wasm names dependency files by path in its panic locations. Without this
  # machine's registry folder they are shorter (about 100 gzip bytes) and the same on
  # every machine, so the size budgets measure the same build everywhere. (Set for every
  # wasm32 build alike: clippy, component tests and the release, so none rebuilds the
  # others' dependencies.)
  local flags="" src
  for src in "${CARGO_HOME:-$HOME/.cargo}"/registry/src/*/; do
    [ -d "$src" ] && flags+=" --remap-path-prefix=$src="
  done
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="${flags# }"
}

# Builds the release into dist/.
dm_build() {
  say "Building the release into dist/"
  trunk build --release --offline
}
