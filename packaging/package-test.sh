#!/usr/bin/env bash
# ctest `package` (label package): builds the Debian package from a build tree and checks it as
# a user's machine would see it.
#
#   packaging/package-test.sh BUILD_DIR
#
# 1. cpack builds the .deb into a temporary folder (the build tree is not touched);
# 2. dpkg-deb: the file list (executable, private KCalendarCore, desktop file, metainfo, icons,
#    man page, completion, copyright, changelog; nothing outside /usr) and the dependencies
#    (Debian package names, none on a KCalendarCore package), and apt resolves them from the
#    archive (apt-get --simulate);
# 3. lintian finds no error;
# 4. dpkg -x into a throwaway root: no library missing (ldd), `tandem --version`, an offscreen
#    GUI start on the demo team, and the command line reading what the GUI wrote, all without
#    LD_LIBRARY_PATH; the installed man page renders and bash-completion loads the completion.
set -euo pipefail

build=$(cd "${1:?usage: package-test.sh BUILD_DIR}" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/tandem-package-test.XXXXXX")
trap 'rm -rf "$work"' EXIT
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
need() {
    command -v "$1" >/dev/null 2>&1 || {
        echo "FAIL: $1 is not installed (Debian package $2; packaging/dev.sh installs it)"
        exit 1
    }
}
need cpack cmake
need dpkg-deb dpkg
need dpkg-shlibdeps dpkg-dev
need lintian lintian
need file file
need man man-db
need desktop-file-validate desktop-file-utils
need appstreamcli appstream

# The package must not see this shell's library path (packaging/dev.sh sets one for the build).
unset LD_LIBRARY_PATH

# --- 1. Build the package ---
start=$(date +%s)
if ! cpack --config "$build/CPackConfig.cmake" -B "$work/out" >"$work/cpack.log" 2>&1; then
    cat "$work/cpack.log"
    echo "FAIL: cpack could not build the package"
    exit 1
fi
deb=$(compgen -G "$work/out/tandem_*.deb" | head -n1 || true)
[[ -n $deb ]] || {
    cat "$work/cpack.log"
    echo "FAIL: cpack wrote no tandem_*.deb"
    exit 1
}
echo "built $(basename "$deb") in $(($(date +%s) - start)) s: $(du -k "$deb" | cut -f1) KiB," \
    "installed size $(dpkg-deb -f "$deb" Installed-Size) KiB"

# --- 2. Contents and dependencies ---
dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./|/|' >"$work/files"
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
for f in /usr/bin/tandem \
    "/usr/lib/$multiarch/tandem/libKF5CalendarCore.so.5" \
    /usr/share/applications/org.tandem.Tandem.desktop \
    /usr/share/metainfo/org.tandem.Tandem.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/org.tandem.Tandem.svg \
    /usr/share/icons/hicolor/16x16/apps/org.tandem.Tandem.png \
    /usr/share/icons/hicolor/48x48/apps/org.tandem.Tandem.png \
    /usr/share/icons/hicolor/256x256/apps/org.tandem.Tandem.png \
    /usr/share/man/man1/tandem.1.gz \
    /usr/share/bash-completion/completions/tandem \
    /usr/share/doc/tandem/copyright \
    /usr/share/doc/tandem/changelog.gz; do
    grep -qx -- "$f" "$work/files" || fail "$f is not in the package"
done
if grep -v '^/usr/' "$work/files" | grep -v '^/$' | grep -q .; then
    fail "files outside /usr: $(grep -v '^/usr/' "$work/files" | grep -v '^/$' | tr '\n' ' ')"
fi
if grep -Eq '^/usr/(local|include)/|\.cmake$|\.a$|/root/' "$work/files"; then
    fail "development or build-machine files in the package: $(grep -E '^/usr/(local|include)/|\.cmake$|\.a$|/root/' "$work/files" | tr '\n' ' ')"
fi
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
# The package names alone, one a line ("libc6 (>= 2.34) | foo" gives libc6 and foo).
names=$(tr ',|' '\n\n' <<<"$depends" | sed 's/(.*)//; s/^ *//; s/ *$//')
for pkg in libc6 libstdc++6 libqt6core6 libqt6gui6 libqt6widgets6 libqt6sql6 libqt6sql6-sqlite libqt6network6 \
    libqt6printsupport6 libqt6dbus6 libqt6keychain1 libical3 qt6-qpa-plugins; do
    grep -Fqx -- "$pkg" <<<"$names" || fail "Depends lacks $pkg"
done
if grep -Eiq 'kcal|calendarcore' <<<"$depends"; then
    fail "Depends names a KCalendarCore package; it is carried privately"
fi
if ! apt-get install --simulate -q "$deb" >"$work/apt.log" 2>&1; then
    cat "$work/apt.log"
    fail "apt cannot resolve the dependencies from the archive"
fi

# --- 3. lintian ---
lintian --fail-on error --tag-display-limit 0 "$deb" >"$work/lintian.log" 2>&1 || {
    cat "$work/lintian.log"
    fail "lintian found errors"
}
echo "lintian: $(grep -c '^E:' "$work/lintian.log" || true) errors, $(grep -c '^W:' "$work/lintian.log" || true) warnings"
grep '^[EW]:' "$work/lintian.log" || true

# --- 4. An unpacked tree, started without LD_LIBRARY_PATH ---
root=$work/root
dpkg -x "$deb" "$root"
tandem=$root/usr/bin/tandem
if ldd "$tandem" | grep -q 'not found'; then
    fail "libraries not found: $(ldd "$tandem" | grep 'not found' | tr -s ' \t' ' ')"
fi
kcal=$(realpath -e "$(ldd "$tandem" | awk '/libKF5CalendarCore/ { print $3 }')" 2>/dev/null || true)
[[ $kcal == "$root/usr/lib/$multiarch/tandem/"* ]] || fail "KCalendarCore comes from '$kcal', not the package"
version=$("$tandem" --version 2>&1) || fail "tandem --version failed: $version"
[[ $version == "tandem "* ]] || fail "tandem --version printed '$version'"
echo "$version"

home=$work/home
mkdir -p "$home"
export HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share XDG_RUNTIME_DIR=$work/run
mkdir -m 700 -p "$XDG_RUNTIME_DIR"
# The GUI on the demo team: it creates and fills the demo database, then keeps running.
QT_QPA_PLATFORM=offscreen DBUS_SESSION_BUS_ADDRESS=disabled: "$tandem" --demo >"$work/gui.log" 2>&1 &
gui=$!
demo=$XDG_DATA_HOME/Tandem/tandem/demo.sqlite
for _ in $(seq 1 100); do
    [[ -s $demo ]] && "$tandem" --demo roster list 2>/dev/null | grep -q '@' && break
    kill -0 "$gui" 2>/dev/null || break
    sleep 0.2
done
if kill -0 "$gui" 2>/dev/null; then
    kill "$gui"
    wait "$gui" 2>/dev/null || true
else
    wait "$gui" && status=0 || status=$?
    fail "the GUI exited by itself (status $status): $(cat "$work/gui.log")"
fi
people=$("$tandem" --demo roster list 2>&1 | grep -c '@' || true)
((people > 0)) || fail "the GUI did not fill the demo database (roster list: $("$tandem" --demo roster list 2>&1))"
if grep -Eiq 'cannot|could not|failed|not found' "$work/gui.log"; then
    fail "the GUI complained: $(cat "$work/gui.log")"
fi
echo "offscreen GUI started on the demo team; the command line reads its $people people"

man_warnings=$(LC_ALL=C.UTF-8 man --warnings -E UTF-8 -l -Tutf8 -Z "$root/usr/share/man/man1/tandem.1.gz" 2>&1 >/dev/null)
[[ -z $man_warnings ]] || fail "the installed man page: $man_warnings"
LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$root/usr/share/man/man1/tandem.1.gz" 2>/dev/null | grep -q 'roster import' ||
    fail "the installed man page does not render the commands"
desktop-file-validate "$root/usr/share/applications/org.tandem.Tandem.desktop" || fail "desktop-file-validate"
if appstreamcli validate --no-net "$root/usr/share/metainfo/org.tandem.Tandem.metainfo.xml" | grep -E '^[EW]:'; then
    fail "appstreamcli validate: errors or warnings in the installed metainfo"
fi
if [[ -r /usr/share/bash-completion/bash_completion ]]; then
    # bash-completion finds completions in XDG_DATA_DIRS/bash-completion/completions on first use.
    loaded=$(XDG_DATA_DIRS=$root/usr/share bash -c 'source /usr/share/bash-completion/bash_completion
        __load_completion tandem && complete -p tandem' 2>&1) || true
    [[ $loaded == *"-F _tandem tandem"* ]] || fail "bash-completion does not load the installed completion: $loaded"
else
    fail "bash-completion is not installed (packaging/dev.sh installs it)"
fi

if ((failures > 0)); then
    echo "$failures failure(s)"
    exit 1
fi
echo "package OK: $(basename "$deb")"
