#!/usr/bin/env bash
# tests/atspi-check.sh BIN: the running app through AT-SPI (tests/atspi_check.py), as a screen
# reader reaches it. The planned demo team in a private X server (Xvfb) and a private D-Bus
# session with the accessibility bus (Debian's at-spi2-core); settings and data in a temporary
# home. Exits 77 (skipped) when a tool is missing, or 1 under CI=true, where a skip would hide
# a broken promise (packaging/dev.sh installs them).
set -uo pipefail
BIN=$1
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

missing=()
command -v Xvfb >/dev/null || missing+=(xvfb)
command -v dbus-run-session >/dev/null || missing+=(dbus)
[[ -x /usr/libexec/at-spi-bus-launcher ]] || missing+=(at-spi2-core)
/usr/bin/python3 -c 'import pyatspi' 2>/dev/null || missing+=(python3-pyatspi)
if [[ ${#missing[@]} -gt 0 ]]; then
    echo "atspi-check: missing ${missing[*]} (./packaging/dev.sh deps installs them)" >&2
    [[ ${CI:-} == true ]] && exit 1
    exit 77
fi

TMP=$(mktemp -d)
cleanup() {
    [[ -n ${APP:-} ]] && kill "$APP" 2>/dev/null
    [[ -n ${XVFB:-} ]] && kill "$XVFB" 2>/dev/null
    rm -rf "$TMP"
}
trap cleanup EXIT
export HOME=$TMP XDG_CONFIG_HOME=$TMP/config XDG_DATA_HOME=$TMP/data XDG_RUNTIME_DIR=$TMP/run
mkdir -p "$XDG_RUNTIME_DIR" "$XDG_CONFIG_HOME/Tandem" && chmod 700 "$XDG_RUNTIME_DIR"
export LC_ALL=C.UTF-8 TZ=${TZ:-UTC}
DB=$TMP/team.sqlite

# The demo team, planned for a quarter from this week's Monday; someone is "me" (Home).
"$BIN" --demo rotation list >/dev/null || exit 1
cp "$XDG_DATA_HOME/Tandem/tandem/demo.sqlite" "$DB" || exit 1
monday=$(date -d "$(date +%F) -$(($(date +%u) - 1)) days" +%F)
until=$(date -d "$monday +90 days" +%F)
"$BIN" --db "$DB" rotation list --json | /usr/bin/python3 -c 'import json,sys; [print(r["name"]) for r in json.load(sys.stdin)]' |
    while read -r name; do
        "$BIN" --db "$DB" plan --rotation "$name" --from "$monday" --to "$until" >/dev/null || exit 1
    done
me=$("$BIN" --db "$DB" roster list --json | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["email"])')
printf '[identity]\nemail=%s\n[window]\npage=home\n' "$me" >"$XDG_CONFIG_HOME/Tandem/tandem.conf"

for n in $(seq 150 199); do [[ -e /tmp/.X$n-lock ]] || { DISPLAY=:$n; break; }; done
export DISPLAY
Xvfb "$DISPLAY" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
XVFB=$!
sleep 1

export TANDEM_ATSPI_BIN=$BIN TANDEM_ATSPI_DB=$DB HERE
dbus-run-session -- bash -c '
    export QT_QPA_PLATFORM=xcb QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 NO_AT_BRIDGE=0
    /usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
    sleep 1
    "$TANDEM_ATSPI_BIN" --db "$TANDEM_ATSPI_DB" >"$HOME/app.log" 2>&1 &
    app=$!
    /usr/bin/python3 "$HERE/atspi_check.py" --tandem "$TANDEM_ATSPI_BIN" --db "$TANDEM_ATSPI_DB"
    status=$?
    kill $app 2>/dev/null
    exit $status
'
