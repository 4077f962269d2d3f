#!/usr/bin/env bash
# Checks the system libraries Qt needs; installs them as root on Debian/Ubuntu, else prints the command.
# Usage: tools/syslibs.sh core   (offscreen Qt: tests, exports)
#        tools/syslibs.sh gui    (a real window under X11/Xvfb)
set -euo pipefail
mode="${1:-core}"

core_libs=(libEGL.so.1:libegl1 libGL.so.1:libgl1 libX11.so.6:libx11-6 libdbus-1.so.3:libdbus-1-3
           libfontconfig.so.1:libfontconfig1 libfreetype.so.6:libfreetype6 libglib-2.0.so.0:libglib2.0-0
           libxkbcommon.so.0:libxkbcommon0)
gui_libs=(libxcb-cursor.so.0:libxcb-cursor0 libxcb-icccm.so.4:libxcb-icccm4 libxcb-image.so.0:libxcb-image0
          libxcb-keysyms.so.1:libxcb-keysyms1 libxcb-render-util.so.0:libxcb-render-util0
          libxcb-render.so.0:libxcb-render0 libxcb-shape.so.0:libxcb-shape0 libxcb-util.so.1:libxcb-util1
          libxcb-xkb.so.1:libxcb-xkb1 libxkbcommon-x11.so.0:libxkbcommon-x11-0)

wanted=("${core_libs[@]}")
if [ "$mode" = "gui" ]; then wanted+=("${gui_libs[@]}"); fi
# For tests: extra "lib.so:package" pairs, and a dry run that never installs.
for extra in ${BODYMAP_SYSLIBS_EXTRA:-}; do wanted+=("$extra"); done

have="$(ldconfig -p 2>/dev/null || true)"
missing=()
for pair in "${wanted[@]}"; do
    lib="${pair%%:*}"; pkg="${pair##*:}"
    if ! grep -q "$lib" <<<"$have"; then missing+=("$pkg"); fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1 && [ -z "${BODYMAP_SYSLIBS_DRY_RUN:-}" ]; then
    echo "bodymap: installing Qt system libraries: ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive $cmd >/dev/null
else
    echo "bodymap: Qt needs system libraries that are missing: ${missing[*]}" >&2
    echo "Install them with:  sudo $cmd" >&2
    exit 1
fi
