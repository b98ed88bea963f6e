#!/usr/bin/env bash
# Installs everything Parallax needs on Debian/Ubuntu, idempotently: Debian packages, the UI's npm
# packages, and (with --test) the end-to-end test drivers. Safe to run again; it only installs
# what is missing. Called by scripts/app.sh and scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh

want_test=false
[ "${1:-}" = "--test" ] && want_test=true

step() { printf '\n== %s\n' "$*"; }

# --- Debian packages ------------------------------------------------------------------------
build_packages=(build-essential file pkg-config libwebkit2gtk-4.1-dev libgtk-3-dev
  libayatana-appindicator3-dev librsvg2-dev libxdo-dev libssl-dev python3-venv)
test_packages=(xvfb xauth xdotool imagemagick webkit2gtk-driver python3-gi gir1.2-gtk-3.0
  libgl1-mesa-dri fonts-dejavu-core chromium ghostscript util-linux
  libreoffice-writer-nogui texlive-latex-base lmodern)
packages=("${build_packages[@]}")
$want_test && packages+=("${test_packages[@]}")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "Installing Debian packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  # With recommends: WebKitGTK's GL drivers and xvfb-run's xauth come as recommends.
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- Rust and Node --------------------------------------------------------------------------
command -v cargo >/dev/null || { echo "Rust is required: install it with rustup (https://rustup.rs)" >&2; exit 1; }
command -v npm >/dev/null || { echo "Node.js 20+ and npm are required" >&2; exit 1; }
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || { echo "Node.js 20+ is required (found $(node --version))" >&2; exit 1; }

# --- UI packages (npm ci only when the lock file changed) -------------------------------------
stamp=ui/node_modules/.parallax-lock-stamp
if [ ! -f "$stamp" ] || ! cmp -s ui/package-lock.json "$stamp"; then
  step "Installing the UI's npm packages"
  (cd ui && npm ci --no-audit --no-fund --loglevel=error)
  cp ui/package-lock.json "$stamp"
fi

# --- Word vectors, bundled into the app at build time (crates/vectors) -------------------------
# WordLlama's token embeddings and tokenizer, as its wheel on PyPI ships them (MIT); pip only
# downloads the wheel, nothing is installed from it.
venv="$PARALLAX_CACHE/venv"
[ -x "$venv/bin/pip" ] || python3 -m venv "$venv"
models="$PARALLAX_CACHE/models/wordllama"
model_sums="64b47a2dc493cb8e85944076601189739852d7b64e0e1eedcb1937a251cd9fd5  l2_supercat_256.safetensors
93248f2a9ec36c7b35f700a033d5f36228aae48db61aee31007fa49062cdeb68  l2_supercat_tokenizer_config.json"
if ! (cd "$models" 2>/dev/null && echo "$model_sums" | sha256sum --check --status); then
  step "Fetching word vectors (WordLlama's wheel on PyPI)"
  download="$PARALLAX_CACHE/models/download"
  rm -rf "$download" && mkdir -p "$download"
  "$venv/bin/pip" download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
    --python-version 3.11 --platform manylinux_2_17_x86_64 -d "$download" wordllama==0.4.0.post1
  python3 -c 'import sys, zipfile
wheel = zipfile.ZipFile(sys.argv[1])
for name in ("wordllama/weights/l2_supercat_256.safetensors",
             "wordllama/tokenizers/l2_supercat_tokenizer_config.json"):
    wheel.extract(name, sys.argv[2])' "$download"/wordllama-0.4.0.post1-*.whl "$download"
  rm -rf "$models" && mkdir -p "$models"
  mv "$download"/wordllama/weights/* "$download"/wordllama/tokenizers/*.json "$models/"
  rm -rf "$download"
  (cd "$models" && echo "$model_sums" | sha256sum --check --quiet)
fi

$want_test || exit 0

# --- End-to-end test drivers ----------------------------------------------------------------
if [ ! -x "$PARALLAX_TOOLS/bin/tauri-driver" ]; then
  step "Installing tauri-driver"
  cargo install tauri-driver --locked --root "$PARALLAX_TOOLS" --quiet
fi
# The fuzzer (coverage-guided libFuzzer on the stable toolchain; scripts/fuzz.sh).
if ! command -v cargo-fuzz >/dev/null; then
  step "Installing cargo-fuzz"
  cargo install cargo-fuzz --locked --root "$PARALLAX_TOOLS" --quiet
fi
if [ ! -f "$venv/.requirements" ] || ! cmp -s e2e/requirements.txt "$venv/.requirements"; then
  step "Installing the end-to-end test's Python packages"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r e2e/requirements.txt
  cp e2e/requirements.txt "$venv/.requirements"
fi

# --- Real text for the measurement tests ------------------------------------------------------
# Real news text nobody on the team wrote, taken from inside registry packages (never copied
# into the repository): the Lee corpus of ABC news articles shipped in gensim's wheel on PyPI.
realtext="$PARALLAX_CACHE/realtext"
lee_sha256=5d78d6dafd953bbf65797bef09a9ffb9ec430583381be705f8fd460000f370fb
if ! echo "$lee_sha256  $realtext/lee_background.cor" | sha256sum --check --status 2>/dev/null; then
  step "Fetching real news text for the measurement tests (gensim's wheel on PyPI)"
  mkdir -p "$realtext/download"
  "$venv/bin/pip" download --quiet --disable-pip-version-check --no-deps --only-binary=:all: \
    --python-version 3.11 --platform manylinux_2_17_x86_64 -d "$realtext/download" gensim==4.3.3
  python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extract(
    "gensim/test/test_data/lee_background.cor", sys.argv[2])' \
    "$realtext"/download/gensim-4.3.3-*.whl "$realtext/download"
  mv "$realtext/download/gensim/test/test_data/lee_background.cor" "$realtext/"
  rm -rf "$realtext/download"
  echo "$lee_sha256  $realtext/lee_background.cor" | sha256sum --check --quiet
fi
# Real wire copy: the 80 Reuters-21578 stories that Debian's r-cran-tm package ships as XML
# (title, byline, dateline and body as the agency's wire delivered them in 1987).
if [ ! -f "$realtext/reuters21578/reuters-21578.xml" ]; then
  step "Fetching real wire copy for the measurement tests (Debian's r-cran-tm)"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  mkdir -p "$realtext/download" && rm -rf "$realtext/reuters21578"
  (cd "$realtext/download" && { apt-get download r-cran-tm >/dev/null 2>&1 \
    || { $sudo_cmd apt-get update -qq && apt-get download r-cran-tm >/dev/null; }; })
  dpkg-deb -x "$realtext"/download/r-cran-tm_*.deb "$realtext/download/tm"
  texts="$(dirname "$(find "$realtext/download/tm" -name reuters-21578.xml)")"
  mkdir -p "$realtext/reuters21578.partial"
  cp -r "$texts/acq" "$texts/crude" "$texts/reuters-21578.xml" "$realtext/reuters21578.partial/"
  mv "$realtext/reuters21578.partial" "$realtext/reuters21578"
  rm -rf "$realtext/download"
fi

# --- One build cache, many checkouts -----------------------------------------------------------
# Every checkout on this machine builds into the one cache above. Cargo calls a crate's build fresh
# when no source file is newer than it, so a checkout whose files are older than another
# checkout's last build would run that other build: another commit's code, and test binaries that
# look for their files in the other checkout (CARGO_MANIFEST_DIR is compiled in). So when the
# checkout changes, its files are made newer than any build, and everything of ours rebuilds.
checkout_stamp="$CARGO_TARGET_DIR/.checkout"
if [ "$(cat "$checkout_stamp" 2>/dev/null)" != "$PWD" ]; then
  git ls-files -z | xargs -0 -r touch -c
  mkdir -p "$CARGO_TARGET_DIR" && echo "$PWD" > "$checkout_stamp"
fi
