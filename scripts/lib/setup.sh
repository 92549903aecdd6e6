# Installs what chitieu's commands need, skipping whatever is already there.
# Sourced by scripts/serve, scripts/test and scripts/bench; every step is
# idempotent, and a step that cannot install its tool stops with a message
# naming the tool and what to do.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TRUNK_VERSION="0.21.14"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# never let Playwright fetch a browser of its own: the system Chromium is used
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

# Runs one setup step and prints how long it took (a skipped step takes no time).
step() {
  local started=$SECONDS
  "$@"
  say "$(printf '%-22s %4ss' "$1" "$((SECONDS - started))")"
}

fail() {
  printf '\n[setup] cannot install %s.\n[setup] %s\n' "$1" "$2" >&2
  exit 1
}

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi
}

APT_UPDATED=""
apt_install() {
  command -v apt-get >/dev/null || return 1
  if [ -z "$APT_UPDATED" ]; then
    as_root apt-get update -qq || return 1
    APT_UPDATED=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_rust() {
  if command -v cargo >/dev/null && command -v rustup >/dev/null; then return; fi
  fail "Rust (cargo and rustup)" "Install Rust with rustup (https://rustup.rs), then run this command again."
}

ensure_wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then return; fi
  say "adding the Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown ||
    fail "the Rust target wasm32-unknown-unknown" "Run 'rustup target add wasm32-unknown-unknown' and look at its message."
}

ensure_trunk() {
  if trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then return; fi
  say "installing Trunk $TRUNK_VERSION (takes about a quarter of an hour, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked ||
    fail "Trunk $TRUNK_VERSION" "Run 'cargo install trunk --version $TRUNK_VERSION --locked' and read its error (a C compiler and network access to crates.io are needed)."
}

# wasm-bindgen-cli must be exactly the version of the wasm-bindgen crate in Cargo.lock.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_wasm_bindgen() {
  local v
  v="$(wasm_bindgen_version)"
  [ -n "$v" ] || fail "wasm-bindgen-cli" "Cargo.lock names no wasm-bindgen version; run 'cargo generate-lockfile'."
  if wasm-bindgen --version 2>/dev/null | grep -q " $v\$" && command -v wasm-bindgen-test-runner >/dev/null; then return; fi
  say "installing wasm-bindgen-cli $v"
  # no --locked: its own lockfile names a crate version the registry no longer serves
  cargo install wasm-bindgen-cli --version "$v" --force ||
    fail "wasm-bindgen-cli $v" "Run 'cargo install wasm-bindgen-cli --version $v' and read its error."
}

ensure_node() {
  if command -v node >/dev/null && command -v npm >/dev/null; then return; fi
  say "installing Node.js and npm"
  apt_install nodejs npm || fail "Node.js and npm" "Install Node.js 18 or newer with npm from your system's packages."
}

# wasm-opt (npm package binaryen) and Playwright's test runner, project-local.
ensure_node_modules() {
  ensure_node
  local stamp="$ROOT/node_modules/.chitieu-lock"
  local want
  want="$(cat "$ROOT/package.json" "$ROOT/package-lock.json" 2>/dev/null | cksum)"
  if [ -x "$ROOT/node_modules/.bin/wasm-opt" ] && [ -x "$ROOT/node_modules/.bin/playwright" ] &&
     [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
    return
  fi
  say "installing wasm-opt and Playwright into node_modules (no browser download)"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error) ||
    fail "the npm packages binaryen and @playwright/test" "Run 'npm ci' in $ROOT and read its error."
  echo "$want" >"$stamp"
}

ensure_chromium() {
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then return; fi
  say "installing Chromium and ChromeDriver"
  apt_install chromium chromium-driver ||
    fail "Chromium and ChromeDriver" "Install your system's packages 'chromium' and 'chromium-driver' (as root: apt-get install chromium chromium-driver)."
  command -v chromium >/dev/null && command -v chromedriver >/dev/null ||
    fail "Chromium and ChromeDriver" "The packages installed but 'chromium' or 'chromedriver' is not on PATH."
}

# pdftotext reads the printed annex back in the end-to-end tests.
ensure_pdftotext() {
  if command -v pdftotext >/dev/null; then return; fi
  say "installing poppler-utils (pdftotext)"
  apt_install poppler-utils || fail "poppler-utils (pdftotext)" "Install your system's package 'poppler-utils'."
}

# LibreOffice without its desktop opens the exported .xlsx and .docx in the
# end-to-end tests, as a planner's office suite would, and converts them to
# text to read back (soffice --headless --convert-to).
ensure_libreoffice() {
  if command -v soffice >/dev/null && [ -d /usr/lib/libreoffice/program ] &&
     ls /usr/lib/libreoffice/program | grep -q '^libsclo\.so$' &&
     ls /usr/lib/libreoffice/program | grep -q '^libswlo\.so$'; then
    return
  fi
  say "installing LibreOffice Calc and Writer without a desktop (about 70 packages, once)"
  apt_install libreoffice-calc-nogui libreoffice-writer-nogui ||
    fail "LibreOffice (headless)" "Install your system's packages 'libreoffice-calc-nogui' and 'libreoffice-writer-nogui'."
  command -v soffice >/dev/null || fail "LibreOffice (headless)" "The packages installed but 'soffice' is not on PATH."
}

# Firefox ESR, from the system's packages: the end-to-end test opens the
# single file (chitieu.html) in it, as many offices do.
ensure_firefox() {
  if command -v firefox-esr >/dev/null || command -v firefox >/dev/null; then return; fi
  say "installing Firefox ESR"
  apt_install firefox-esr ||
    fail "Firefox ESR" "Install your system's package 'firefox-esr' (as root: apt-get install firefox-esr)."
}

# geckodriver, from crates.io: selenium-webdriver drives the system's Firefox
# through it. Installed into .tools/bin, off PATH: wasm-bindgen's test runner
# takes the first WebDriver it finds on PATH, and geckodriver comes before
# chromedriver there, so on PATH it would move the browser layer to Firefox.
GECKODRIVER_VERSION="0.37.1"
ensure_geckodriver() {
  # read whole first: geckodriver fails when its output pipe closes early, and pipefail would count that
  local have
  have="$("$ROOT/.tools/bin/geckodriver" --version 2>/dev/null || true)"
  if [[ "$have" == "geckodriver $GECKODRIVER_VERSION"* ]]; then return; fi
  say "installing geckodriver $GECKODRIVER_VERSION into .tools (a few minutes, once)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked --force --root "$ROOT/.tools" ||
    fail "geckodriver $GECKODRIVER_VERSION" "Run 'cargo install geckodriver --version $GECKODRIVER_VERSION --locked --root .tools' and read its error."
}

# What building the app needs.
setup_build() {
  step ensure_rust
  step ensure_wasm_target
  step ensure_node_modules
  step ensure_wasm_bindgen
  step ensure_trunk
}

# What the tests need on top.
setup_tests() {
  setup_build
  step ensure_chromium
  step ensure_pdftotext
  step ensure_libreoffice
  step ensure_firefox
  step ensure_geckodriver
}
