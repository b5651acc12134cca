#!/usr/bin/env bash
# Installs what The Backend Guide needs, only where it is missing. Idempotent; versions pinned.
#
#   scripts/setup.sh build   Rust wasm target, Trunk, wasm-bindgen-cli, wasm-opt (npm binaryen)
#   scripts/setup.sh test    all of that, plus Chromium, Firefox, WebKitGTK, their WebDriver
#                            servers, Xvfb, a Java runtime, and the npm devDependencies
#                            (axe-core, vnu-jar, ...)
#   scripts/setup.sh bench   build's, plus Chromium and the npm benchmark tools (Lighthouse,
#                            playwright-core, axe-core: tools/package.json devDependencies)
#
# Prints the PATH additions it relies on; scripts/serve.sh and scripts/test.sh call it first.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14       # 0.22 needs rustc 1.96
# The wasm splitter (scripts/split-wasm.sh): the CLI of the crate whose runtime half,
# wasm_split_helpers 0.2.x, Leptos's `wasm_split` uses (Cargo.lock).
WASM_SPLIT_VERSION=0.2.4
GECKODRIVER_VERSION=0.37.1
MINIBROWSER=/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser

mode=${1:-build}
case "$mode" in build | test | bench) ;; *) echo "usage: $0 [build|test|bench]" >&2; exit 2 ;; esac

say() { echo "setup: $*" >&2; }
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PWD/tools/node_modules/.bin:$PATH"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# --- Rust: the wasm target -------------------------------------------------------------
command -v cargo >/dev/null || { say "cargo not found: install Rust with rustup first (https://rustup.rs)"; exit 1; }
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# --- Trunk -----------------------------------------------------------------------------
if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing Trunk $TRUNK_VERSION (a few minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# --- wasm-bindgen-cli: exactly the version in Cargo.lock ---------------------------------
wasm_bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$wasm_bindgen_version" ]; then say "no wasm-bindgen in Cargo.lock"; exit 1; fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wasm_bindgen_version" ]; then
  say "installing wasm-bindgen-cli $wasm_bindgen_version"
  # No --locked: the registry lacks one of its locked dependency versions.
  cargo install wasm-bindgen-cli --version "$wasm_bindgen_version" --force
fi

# --- wasm-split-cli: splits the wasm into the main module and the pages' chunks -----------
if ! [ -x "${CARGO_HOME:-$HOME/.cargo}/bin/wasm-split-cli" ] ||
  ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli (wasm_split_cli_support $WASM_SPLIT_VERSION)"
  cargo install --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" \
    --features build-binary --force
fi

# --- npm tools: wasm-opt from npm binaryen (Debian's binaryen 108 produced broken wasm); for
#     `test` and `bench` also the devDependencies (Lighthouse, playwright-core, axe-core) ----
# Every package the mode needs must be installed at exactly the version tools/package.json pins.
npm_missing=$(MODE="$mode" node -e '
  const fs = require("fs");
  const pkg = require("./tools/package.json");
  const wanted = { ...pkg.dependencies, ...(process.env.MODE !== "build" ? pkg.devDependencies : {}) };
  for (const [name, version] of Object.entries(wanted)) {
    let have = null;
    try { have = JSON.parse(fs.readFileSync(`tools/node_modules/${name}/package.json`, "utf8")).version; } catch {}
    if (have !== version) console.log(name);
  }')
if [ -n "$npm_missing" ]; then
  say "installing npm tools from tools/package-lock.json (missing: $(echo $npm_missing))"
  if [ "$mode" != build ]; then
    npm ci --prefix tools --no-audit --no-fund
  else
    # The build needs binaryen only: no Lighthouse or browsers' drivers for a deployment.
    npm ci --prefix tools --no-audit --no-fund --omit=dev
  fi
fi

# --- Dependencies for offline builds (Trunk passes --offline to cargo) --------------------
cargo fetch --quiet

if [ "$mode" = bench ]; then
  # --- Chromium for Lighthouse and playwright-core (Debian's; nothing downloads a browser) --
  if ! command -v chromium >/dev/null; then
    say "installing Chromium from Debian"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      chromium >/dev/null
  fi
fi

if [ "$mode" = test ]; then
  # --- Browsers, WebDriver servers, a virtual display (Debian packages) ------------------
  missing=()
  for program in chromium chromedriver firefox-esr WebKitWebDriver Xvfb; do
    command -v "$program" >/dev/null || missing+=("$program")
  done
  [ -x "$MINIBROWSER" ] || missing+=(MiniBrowser)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing browsers and drivers from Debian (missing: ${missing[*]})"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      chromium chromium-driver firefox-esr webkit2gtk-driver xvfb xauth >/dev/null
  fi
  # --- Java for the Nu HTML Checker (npm vnu-jar; tests/html_valid.rs): Debian's JRE ------
  if ! java -version >/dev/null 2>&1; then
    say "installing a Java runtime from Debian (for the Nu HTML Checker)"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
      default-jre-headless >/dev/null
  fi
  if [ "$(geckodriver --version 2>/dev/null | head -1 | awk '{print $2}')" != "$GECKODRIVER_VERSION" ]; then
    say "installing geckodriver $GECKODRIVER_VERSION"
    cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
  fi
fi

say "ready ($mode)"
