#!/usr/bin/env bash
# The README's screenshots, taken from the running app as a user sees it: the planned demo team
# under a window manager (openbox) in a private X server, driven with xdotool.
#
#   ./packaging/screenshots.sh [OUTDIR] [SIZE...]
#
# SIZE is one of 1600x1000, 1280x800 and 1280x800@2 (a 2560x1600 screen at QT_SCALE_FACTOR=2);
# default all three. For each: welcome, home, month, timeline, plan (Rotations ▸ Plan… after
# Preview) and reports (Rotations ▸ Reports…), saved as OUTDIR/NAME-SIZE.png (default docs/).
# Needs build/bin/tandem, xvfb, openbox, xdotool and imagemagick; settings and data live in a
# temporary home, so nothing of the user's is read or written. TANDEM_SCREENSHOT_LANG=de takes
# them in German (LANGUAGE=de, LANG=de_DE.UTF-8), saved as NAME-SIZE-de.png.
set -uo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${1:-$REPO_ROOT/docs}
shift || true
SIZES=("$@")
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(1600x1000 1280x800 1280x800@2)
BIN=$REPO_ROOT/build/bin/tandem
[[ -x $BIN ]] || { echo "screenshots.sh: build first (./packaging/dev.sh build)" >&2; exit 2; }
for tool in Xvfb openbox xdotool import; do
    command -v $tool >/dev/null || { echo "screenshots.sh: $tool missing" >&2; exit 2; }
done
mkdir -p "$OUT"

HOME_DIR=$(mktemp -d)
trap 'rm -rf "$HOME_DIR"' EXIT
export HOME=$HOME_DIR XDG_CONFIG_HOME=$HOME_DIR/config XDG_DATA_HOME=$HOME_DIR/data XDG_RUNTIME_DIR=$HOME_DIR/run
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
export LC_ALL=C.UTF-8 TZ=${TZ:-Europe/Berlin}

# The demo team, planned from the first unplanned slot (this week's) for a quarter.
monday=$(date -d "$(date +%F) -$(( $(date +%u) - 1 )) days" +%F)
until=$(date -d "$monday +90 days" +%F)
"$BIN" --demo rotation list >/dev/null
"$BIN" --demo rotation list --json | python3 -c 'import json,sys; [print(r["name"]) for r in json.load(sys.stdin)]' |
    while read -r name; do
        "$BIN" --demo plan --rotation "$name" --from "$monday" --to "$until" >/dev/null
    done
# Home belongs to someone on call this week: the developer of the first rotation now.
me=$("$BIN" --demo now --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["dev"]["email"])')
mkdir -p "$XDG_CONFIG_HOME/Tandem"

# The window titles xdotool waits for, in the language of the screenshots.
lang=${TANDEM_SCREENSHOT_LANG:-}
demo_title='Demo Team' plan_title='Plan Rotations' reports_title='Reports' suffix=''
if [[ $lang == de ]]; then
    demo_title='Demo-Team' plan_title='Rotationen planen' reports_title='Berichte' suffix=-de
    export LANGUAGE=de LANG=de_DE.UTF-8
    unset LC_ALL
elif [[ -n $lang ]]; then
    echo "screenshots.sh: TANDEM_SCREENSHOT_LANG=$lang: only de is known" >&2
    exit 2
fi

shoot() { # shoot FILE: the whole screen
    sleep 1.5
    import -window root "$1"
    # 256 colours: a screen of widgets loses nothing one can see, the file a third of its size.
    convert "$1" -dither None -colors 256 "PNG8:$1"
    echo "saved $1"
}

for size in "${SIZES[@]}"; do
    geometry=${size%@*}
    scale=1
    [[ $size == *@2 ]] && scale=2
    width=$(( ${geometry%x*} * scale ))
    height=$(( ${geometry#*x} * scale ))
    name=$size
    [[ $scale == 2 ]] && name=${geometry}-scale2
    name+=$suffix
    for n in $(seq 90 140); do [[ -e /tmp/.X$n-lock ]] || { disp=:$n; break; }; done
    Xvfb "$disp" -screen 0 "${width}x${height}x24" -nolisten tcp >/dev/null 2>&1 &
    xvfb=$!
    sleep 1
    export DISPLAY=$disp QT_QPA_PLATFORM=xcb QT_SCALE_FACTOR=$scale
    openbox >/dev/null 2>&1 &
    wm=$!
    sleep 1

    # A fresh start on each screen (no remembered geometry): the window fits the screen it opens on.
    printf '[identity]\nemail=%s\n' "$me" >"$XDG_CONFIG_HOME/Tandem/tandem.conf"

    # Welcome: an empty database.
    "$BIN" --db "$HOME_DIR/empty-$name.sqlite" >/dev/null 2>&1 &
    app=$!
    xdotool search --sync --onlyvisible --name 'Tandem' >/dev/null
    shoot "$OUT/welcome-$name.png"
    kill $app; wait $app 2>/dev/null || true

    "$BIN" --demo >/dev/null 2>&1 &
    app=$!
    win=$(xdotool search --sync --onlyvisible --name "$demo_title" | head -1)
    xdotool windowactivate --sync "$win" || true
    # As a user would: the window filling the screen (it opens at a size that fits it).
    xdotool windowmove "$win" 0 0 windowsize "$win" 100% 100% || true
    sleep 1
    xdotool key ctrl+0
    shoot "$OUT/home-$name.png"
    xdotool key ctrl+2
    shoot "$OUT/month-$name.png"
    xdotool key ctrl+3
    shoot "$OUT/timeline-$name.png"
    xdotool key ctrl+2
    # Rotations ▸ Plan…, then Preview (the default button).
    xdotool key alt+r
    sleep 0.5
    xdotool key p
    plan=$(xdotool search --sync --onlyvisible --name "$plan_title" | head -1)
    sleep 0.5
    xdotool key Return
    sleep 4
    shoot "$OUT/plan-$name.png"
    xdotool key Escape
    sleep 0.5
    xdotool key ctrl+r
    xdotool search --sync --onlyvisible --name "$reports_title" >/dev/null
    sleep 2
    shoot "$OUT/reports-$name.png"
    kill $app; wait $app 2>/dev/null || true
    kill $wm $xvfb; wait $wm $xvfb 2>/dev/null || true
done
