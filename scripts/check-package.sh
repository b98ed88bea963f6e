#!/usr/bin/env bash
# Installs the .deb that `tauri build --bundles deb` made, starts the installed app headless with
# a fresh library, and keeps a screenshot (test-artifacts/package/installed-app.png). Fails when
# the package does not install, the app does not open its window, or the window stays blank.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
artifacts="${PARALLAX_ARTIFACTS:-$PWD/test-artifacts}/package"
mkdir -p "$artifacts"

profile="${1:-debug}"
deb=$(ls -t "$CARGO_TARGET_DIR/$profile/bundle/deb/"*.deb 2>/dev/null | head -n 1 || true)
[ -n "$deb" ] || { echo "no .deb under $CARGO_TARGET_DIR/$profile/bundle/deb: build it first" >&2; exit 1; }
echo "Installing $(basename "$deb")"
sudo_cmd=""
[ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --reinstall "$deb" >/dev/null
package=$(dpkg-deb -f "$deb" Package)
installed=$(dpkg -L "$package" | grep -E '^/usr/bin/' | head -n 1 || true)
[ -n "$installed" ] && [ -x "$installed" ] || { echo "the package installed no program under /usr/bin" >&2; exit 1; }
dpkg -L "$package" | grep -q '\.desktop$' || { echo "the package has no .desktop entry" >&2; exit 1; }

home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
cat > "$home/run.sh" <<RUN
#!/usr/bin/env bash
export XDG_DATA_HOME="$home/data" XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache"
unset PARALLAX_DB  # the installed app must make its own library, not open the developer's
"$installed" & app=\$!
for _ in \$(seq 1 100); do
  xdotool search --name '^Parallax\$' >/dev/null 2>&1 && break
  sleep 0.2
done
sleep 4  # let the page load and the first-run sample appear
import -window root "$artifacts/installed-app.png"
kill \$app
RUN
chmod +x "$home/run.sh"
xvfb-run --auto-servernum --server-args="-screen 0 1280x800x24 -nolisten tcp" "$home/run.sh"
colors=$(/usr/bin/convert "$artifacts/installed-app.png" -format '%k' info:)
echo "Installed app: $installed; screenshot $artifacts/installed-app.png ($colors colours)"
[ "$colors" -gt 50 ] || { echo "the installed app's window looks blank" >&2; exit 1; }
test -f "$home/data/io.parallax.desktop/library.sqlite3" || { echo "the installed app created no library" >&2; exit 1; }
echo "package check: 1 passed, 0 failed"
