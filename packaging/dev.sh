#!/usr/bin/env bash
# Developer entry point for Tandem on Debian 12 (bookworm).
#
#   ./packaging/dev.sh deps    install the Debian packages and KCalendarCore (Qt 6 build)
#   ./packaging/dev.sh build   deps + configure + build into build/
#   ./packaging/dev.sh test    build + run the test suite (offscreen)
#   ./packaging/dev.sh run     build + start the app with demo data (extra args are passed on)
#   ./packaging/dev.sh package build + the Debian package (CPack) in build/package/: tandem_VERSION_ARCH.deb
#   ./packaging/dev.sh asan    deps + ASan/UBSan debug build in build-asan/ + run the tests there
#   ./packaging/dev.sh bench   deps + coinor-cbc + vdirsyncer + build the planner and sync benchmarks + run
#                              both (extra args go to the planner: --size S|M|L, --no-cbc, --cbc-seconds N);
#                              `bench planner ARGS` / `bench sync ARGS` (--runs N, --shifts S, --no-vdirsyncer) /
#                              `bench quality ARGS` (--count N, --first-seed N, --cbc-seconds S, --no-churn,
#                              --replan fewest|fair)
#                              run only one; `bench scale [--baseline REF] ARGS` the roster/plan scale of the
#                              tandem executable beside an older commit's; reports in bench-results/
#                              `bench app [ARGS]`: the end-to-end benchmark (the real tandem under Xvfb on a
#                              100,000-shift database built with the CLI) beside the build of BENCH_BASELINE
#                              (a git revision, default HEAD~1; "none": this build alone), in build-bench-base/
#   ./packaging/dev.sh fuzz    deps + clang-14 libFuzzer/ASan/UBSan build of the iCalendar import fuzzer in
#                              build-fuzz/ + run it for SECONDS (default 600): ./packaging/dev.sh fuzz [SECONDS]
#
# Every step is idempotent: a second run installs nothing, rebuilds nothing that is up to date and
# only calls apt-get / sudo when something is actually missing.
#
# Environment: CI=true turns warnings into errors; TANDEM_JOBS overrides the parallelism (default:
# nproc); XDG_CACHE_HOME moves the cache that holds the self-built KCalendarCore; ccache is used when
# installed (TANDEM_CCACHE=0 turns it off).
set -euo pipefail

# Debian packages needed to build, test and demo Tandem (and to build KCalendarCore from source).
PACKAGES="gnome-keyring dbus qt6-base-dev libqt6sql6-sqlite qt6-tools-dev qt6-l10n-tools qt6-tools-dev-tools qtkeychain-qt6-dev libical-dev extra-cmake-modules dpkg-dev cmake ninja-build g++ pkg-config xvfb xauth imagemagick libgl-dev fonts-dejavu-core poppler-utils radicale xandikos python3-caldav python3-icalendar at-spi2-core python3-pyatspi clang-14 libclang-rt-14-dev"
# The Debian package and the desktop files, and their checks: the man page (man-db), the
# completion (bash-completion), the validators and lintian; file and python3 for CPack and the
# man page generator; the session bus configuration the notification tests start a bus with;
# openssl for the TLS test's certificate and clang-format for the format test (under CI=true a
# test whose tool is missing fails rather than skips).
PACKAGES="$PACKAGES openssl clang-format python3 file man-db bash-completion desktop-file-utils appstream lintian dbus-session-bus-common"
# Only for ./packaging/dev.sh bench: CBC, the MIP solver the planner benchmark compares against;
# vdirsyncer, the client the sync benchmark compares against.
BENCH_PACKAGES="coinor-cbc vdirsyncer libxcb-xtest0-dev"

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DEPS_DIR="${XDG_CACHE_HOME:-$HOME/.cache}/tandem/deps"
KCAL_PREFIX="$DEPS_DIR/kcalcore-qt6"
KCAL_STAMP="$KCAL_PREFIX/.tandem-stamp"
JOBS="${TANDEM_JOBS:-$(nproc 2>/dev/null || echo 2)}"
DEBSRC_FILE=/etc/apt/sources.list.d/tandem-deb-src.sources

# Filled in by ensure_kcalcore: extra CMake prefix for the main project (empty with system KF6).
CMAKE_PREFIX=""

log() { printf 'dev.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
    cat >&2 <<'EOF'
usage: ./packaging/dev.sh COMMAND [ARGS...]

commands:
  deps    install Debian packages and KCalendarCore (Qt 6)
  build   deps + configure + build (build/)
  test    build + ctest (QT_QPA_PLATFORM=offscreen)
  run     build + build/bin/tandem --demo [ARGS...]
  package build + the Debian package in build/package/ (install: apt install ./build/package/tandem_*.deb)
  asan    deps + AddressSanitizer/UBSan debug build (build-asan/) + ctest
  bench   deps + coinor-cbc + vdirsyncer + build + build/bin/tandem_plannerbench [--size S|M|L] [--no-cbc]
          and build/bin/tandem_syncbench; `bench planner ARGS` or `bench sync [--runs N] [--shifts S]`: one only;
          `bench quality [--count N] [--cbc-seconds S]`: the planner against CBC on random small rotations
          `bench app [--runs N]`: end to end under Xvfb, beside BENCH_BASELINE (default HEAD~1)
  fuzz    deps + clang-14 fuzz build (build-fuzz/) + tandem_icalfuzz for SECONDS (default 600)
EOF
}

# Runs a command as root: directly when we are root, through sudo otherwise.
as_root() {
    if [[ $(id -u) -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root for: $* (not root and sudo is not installed)"
    fi
}

apt_update() {
    log "apt-get update"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
}

# ensure_packages [PACKAGE...]: installs those of the packages (default: $PACKAGES) that are missing.
ensure_packages() {
    local -a wanted missing=()
    local installed pkg
    if [[ $# -gt 0 ]]; then
        wanted=("$@")
    else
        read -r -a wanted <<<"$PACKAGES"
    fi
    # One dpkg-query for all packages; unknown packages only produce a message on stderr.
    installed=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${wanted[@]}" 2>/dev/null || true)
    for pkg in "${wanted[@]}"; do
        grep -qx "$pkg installed" <<<"$installed" || missing+=("$pkg")
    done
    [[ ${#missing[@]} -eq 0 ]] && return 0

    log "installing: ${missing[*]}"
    # Fresh containers have no package lists at all; otherwise try the lists we have first.
    if ! compgen -G '/var/lib/apt/lists/*_Packages' >/dev/null; then
        apt_update
    fi
    if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"; then
        apt_update
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
    fi
}

# apt-get source needs a deb-src entry for bookworm; add Debian's when there is none.
ensure_deb_src() {
    local f
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
        [[ -r $f ]] || continue
        # Uncommented one-line "deb-src ... bookworm ..." or a deb822 file with Types: deb-src.
        if grep -Eqs '^[[:space:]]*deb-src[[:space:]].*[[:space:]]bookworm([[:space:]]|$)' "$f"; then
            return 0
        fi
        if grep -Eqs '^[[:space:]]*Types:.*deb-src' "$f" \
            && grep -Eqs '^[[:space:]]*Suites:.*[[:space:]]bookworm([[:space:]]|$)' "$f"; then
            return 0
        fi
    done
    log "adding $DEBSRC_FILE"
    as_root tee "$DEBSRC_FILE" >/dev/null <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    apt_update
}

kcal_libdir() {
    local lib
    for lib in "$KCAL_PREFIX"/lib/*/libKF5CalendarCore.so "$KCAL_PREFIX"/lib/libKF5CalendarCore.so; do
        if [[ -e $lib ]]; then
            dirname "$lib"
            return 0
        fi
    done
    return 1
}

# True when $KCAL_PREFIX holds a complete KCalendarCore install linked against Qt 6.
kcal_install_ok() {
    local libdir
    libdir=$(kcal_libdir) || return 1
    [[ -e $libdir/cmake/KF5CalendarCore/KF5CalendarCoreConfig.cmake ]] || return 1
    [[ -e $KCAL_PREFIX/include/KF6/KCalendarCore/kcalendarcore_version.h ]] || return 1
    ldd "$libdir/libKF5CalendarCore.so" | grep libQt6Core >/dev/null
}

system_kf6_calendarcore() {
    compgen -G '/usr/lib/*/cmake/KF6CalendarCore/KF6CalendarCoreConfig.cmake' >/dev/null \
        || compgen -G '/usr/lib/cmake/KF6CalendarCore/KF6CalendarCoreConfig.cmake' >/dev/null \
        || compgen -G '/usr/share/cmake/KF6CalendarCore/KF6CalendarCoreConfig.cmake' >/dev/null
}

# Debian 12 ships KCalendarCore only for Qt 5: build Debian's kcalcore source package against Qt 6.
build_kcalcore() {
    local work dsc version buildlog="$DEPS_DIR/kcalcore-qt6-build.log"
    ensure_deb_src
    mkdir -p "$DEPS_DIR"
    work=$(mktemp -d "$DEPS_DIR/kcalcore-build.XXXXXX")
    # shellcheck disable=SC2064  # expand $work now
    trap "rm -rf '$work'" EXIT
    log "building KCalendarCore against Qt 6 into $KCAL_PREFIX (about a minute, log: $buildlog)"
    # _apt must be able to read/write here, or apt warns about an unsandboxed download.
    chmod 755 "$work"
    # A plain && chain: set -e does not apply inside a subshell whose status is tested.
    if ! (
        cd "$work" &&
            apt-get source --download-only -q kcalcore &&
            dsc=$(compgen -G "$work/kcalcore_*.dsc" | head -n1) &&
            # Debian's only patch (enable_debianabimanager.diff) needs pkg-kde-tools; skip it.
            dpkg-source -x --skip-patches "$dsc" "$work/src" &&
            cmake -S "$work/src" -B "$work/src/build" -G Ninja -DQT_MAJOR_VERSION=6 -DBUILD_TESTING=OFF \
                -DBUILD_QCH=OFF -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$KCAL_PREFIX" &&
            cmake --build "$work/src/build" -j "$JOBS" &&
            rm -rf "$KCAL_PREFIX" &&
            cmake --install "$work/src/build"
    ) >"$buildlog" 2>&1; then
        tail -n 30 "$buildlog" >&2
        die "KCalendarCore build failed, see $buildlog"
    fi
    kcal_install_ok || die "KCalendarCore in $KCAL_PREFIX is incomplete or does not link Qt 6 (see $buildlog)"
    dsc=$(compgen -G "$work/kcalcore_*.dsc" | head -n1)
    version=$(sed -n 's/^Version: //p' "$dsc")
    printf 'kcalcore %s qt6\n' "$version" >"$KCAL_STAMP"
    rm -rf "$work"
    trap - EXIT
    log "KCalendarCore $version installed"
}

ensure_kcalcore() {
    if system_kf6_calendarcore; then
        CMAKE_PREFIX=""
        return 0
    fi
    CMAKE_PREFIX="$KCAL_PREFIX"
    if [[ ! -e $KCAL_STAMP ]]; then
        mkdir -p "$DEPS_DIR"
        # Serialise concurrent dev.sh runs; the second one finds the stamp after waiting.
        exec 9>"$DEPS_DIR/.kcalcore.lock"
        flock 9
        if [[ ! -e $KCAL_STAMP ]]; then
            if kcal_install_ok; then
                local libdir version
                libdir=$(kcal_libdir)
                version=$(sed -n 's/^set(PACKAGE_VERSION "\(.*\)")$/\1/p' \
                    "$libdir/cmake/KF5CalendarCore/KF5CalendarCoreConfigVersion.cmake")
                printf 'kcalcore %s qt6 (existing install)\n' "${version:-unknown}" >"$KCAL_STAMP"
            else
                build_kcalcore
            fi
        fi
        flock -u 9
        exec 9>&-
    fi
    local libdir
    libdir=$(kcal_libdir) || die "$KCAL_STAMP exists but no libKF5CalendarCore.so; remove $KCAL_PREFIX"
    export LD_LIBRARY_PATH="$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
}

deps() {
    ensure_packages
    ensure_kcalcore
}

# configure BUILD_DIR CMAKE_ARGS...: (re)configures only when the arguments changed or the build
# directory has no build.ninja; ninja itself re-runs CMake when CMakeLists.txt files change.
configure() {
    local dir=$1
    shift
    local -a args=(-S "${CONFIGURE_SOURCE:-$REPO_ROOT}" -B "$dir" -G Ninja "$@")
    [[ -n $CMAKE_PREFIX ]] && args+=("-DCMAKE_PREFIX_PATH=$CMAKE_PREFIX")
    # ccache, where installed, makes rebuilds of other checkouts (worktrees) cheap; not required.
    if command -v ccache >/dev/null 2>&1 && [[ ${TANDEM_CCACHE:-1} != 0 ]]; then
        args+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    fi
    if [[ ${CI:-} == true || ${CI:-} == 1 ]]; then
        args+=(-DTANDEM_WERROR=ON)
    else
        args+=(-DTANDEM_WERROR=OFF)
    fi
    local want stamp="$dir/.tandem-configure-args"
    want=$(printf '%s\n' "${args[@]}")
    if [[ -e $dir/build.ninja && -e $stamp ]] && [[ $(<"$stamp") == "$want" ]]; then
        return 0
    fi
    cmake "${args[@]}"
    printf '%s\n' "$want" >"$stamp"
}

build() {
    deps
    configure "$REPO_ROOT/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTANDEM_SANITIZE=OFF
    cmake --build "$REPO_ROOT/build" -j "$JOBS"
}

# build_baseline REF: the tandem executable of an older commit, for benchmarks that measure the
# current code beside it in the same run. The commit's files come from `git archive` (the repository
# itself is not touched) into build-bench-baseline/REF/src and are built there (ccache makes the
# unchanged files cheap). Prints the executable's path.
build_baseline() {
    local ref=$1 sha dir
    sha=$(git -C "$REPO_ROOT" rev-parse --short "$ref^{commit}") || die "bench: no commit '$ref'"
    dir="$REPO_ROOT/build-bench-baseline/$sha"
    if [[ ! -e $dir/src/CMakeLists.txt ]]; then
        mkdir -p "$dir/src"
        git -C "$REPO_ROOT" archive --format=tar "$sha" | tar -x -C "$dir/src"
    fi
    local -a args=(-S "$dir/src" -B "$dir/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTANDEM_SANITIZE=OFF
        -DTANDEM_WERROR=OFF -DTANDEM_BUILD_TESTS=OFF)
    [[ -n $CMAKE_PREFIX ]] && args+=("-DCMAKE_PREFIX_PATH=$CMAKE_PREFIX")
    if command -v ccache >/dev/null 2>&1 && [[ ${TANDEM_CCACHE:-1} != 0 ]]; then
        args+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    fi
    [[ -e $dir/build/build.ninja ]] || cmake "${args[@]}" >&2
    cmake --build "$dir/build" -j "$JOBS" --target tandem >&2
    printf '%s\n' "$dir/build/bin/tandem"
}

run_tests() {
    QT_QPA_PLATFORM=offscreen ctest --test-dir "$1" --output-on-failure -j "$JOBS"
}

cmd=${1:-}
[[ $# -gt 0 ]] && shift
case $cmd in
    deps)
        deps
        ;;
    build)
        build
        ;;
    test)
        build
        run_tests "$REPO_ROOT/build"
        ;;
    run)
        build
        if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} && -z ${QT_QPA_PLATFORM:-} ]]; then
            log "warning: no DISPLAY/WAYLAND_DISPLAY; set QT_QPA_PLATFORM=offscreen or use xvfb-run"
        fi
        exec "$REPO_ROOT/build/bin/tandem" --demo "$@"
        ;;
    asan)
        deps
        configure "$REPO_ROOT/build-asan" -DCMAKE_BUILD_TYPE=Debug -DTANDEM_SANITIZE=ON
        cmake --build "$REPO_ROOT/build-asan" -j "$JOBS"
        export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1}"
        export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
        run_tests "$REPO_ROOT/build-asan"
        ;;
    bench)
        deps
        # shellcheck disable=SC2086  # a list of package names
        ensure_packages $BENCH_PACKAGES
        configure "$REPO_ROOT/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTANDEM_SANITIZE=OFF
        which=all
        if [[ ${1:-} == app ]]; then
            shift
            cmake --build "$REPO_ROOT/build" -j "$JOBS" --target tandem tandem_appbench
            [[ -x $REPO_ROOT/build/bin/tandem_appbench ]] || die "bench app: tandem_appbench was not built (libxcb-xtest0-dev?)"
            baseline=${BENCH_BASELINE:-HEAD~1}
            args=(--tandem "$REPO_ROOT/build/bin/tandem" --label "$(git -C "$REPO_ROOT" rev-parse --short HEAD)")
            if [[ $baseline != none ]]; then
                # The baseline's own tree and build (its tandem only), so that both are measured in
                # one run on the same machine and load.
                rev=$(git -C "$REPO_ROOT" rev-parse --short "$baseline^{commit}") || die "bench app: no revision '$baseline'"
                base="$REPO_ROOT/build-bench-base"
                if [[ ! -e $base/.tandem-rev || $(<"$base/.tandem-rev") != "$rev" ]]; then
                    rm -rf "$base"
                    mkdir -p "$base"
                    git -C "$REPO_ROOT" archive "$rev" | tar -x -C "$base"
                    printf '%s\n' "$rev" >"$base/.tandem-rev"
                fi
                CONFIGURE_SOURCE=$base configure "$base/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTANDEM_SANITIZE=OFF -DTANDEM_BUILD_TESTS=OFF
                cmake --build "$base/build" -j "$JOBS" --target tandem
                args+=(--baseline "$base/build/bin/tandem" --baseline-label "$rev")
            fi
            exec "$REPO_ROOT/build/bin/tandem_appbench" --out "$REPO_ROOT/bench-results/app" "${args[@]}" "$@"
        fi
        if [[ ${1:-} == planner || ${1:-} == sync || ${1:-} == scale || ${1:-} == quality ]]; then
            which=$1
            shift
        fi
        if [[ $which == scale ]]; then
            # The roster at 100,000 people and a 5-year plan, beside the commit before issue 13's
            # work (or --baseline REF): `bench scale [--baseline REF] [--runs N] [--people N] ...`.
            baseline=5fb203b
            if [[ ${1:-} == --baseline ]]; then
                baseline=${2:?--baseline needs a commit}
                shift 2
            fi
            cmake --build "$REPO_ROOT/build" -j "$JOBS" --target tandem tandem_scalebench
            old=$(build_baseline "$baseline")
            exec "$REPO_ROOT/build/bin/tandem_scalebench" --new "$REPO_ROOT/build/bin/tandem" --old "$old" \
                --out "$REPO_ROOT/bench-results" "$@"
        fi
        # Only the benchmarks and what they link: a half-finished GUI change elsewhere cannot block them.
        case $which in
            planner) targets=(tandem_plannerbench) ;;
            sync) targets=(tandem_syncbench) ;;
            quality) targets=(tandem_plannerquality) ;;
            *) targets=(tandem_plannerbench tandem_syncbench) ;;
        esac
        cmake --build "$REPO_ROOT/build" -j "$JOBS" --target "${targets[@]}"
        if [[ $which == quality ]]; then
            # The planner against CBC on random small rotations, and re-plan churn (see README).
            exec "$REPO_ROOT/build/bin/tandem_plannerquality" --out "$REPO_ROOT/bench-results/quality" "$@"
        fi
        if [[ $which != sync ]]; then
            "$REPO_ROOT/build/bin/tandem_plannerbench" --out "$REPO_ROOT/bench-results" "$@"
        fi
        if [[ $which == sync ]]; then
            exec "$REPO_ROOT/build/bin/tandem_syncbench" --out "$REPO_ROOT/bench-results" "$@"
        elif [[ $which == all ]]; then
            # 1,000 shifts (about 3 min a run): Radicale 3.1 scans the whole collection on every new
            # item's PUT, so 10,000 take about an hour per upload. `bench sync` alone uses 10,000.
            exec "$REPO_ROOT/build/bin/tandem_syncbench" --out "$REPO_ROOT/bench-results" \
                --shifts "${SYNC_BENCH_SHIFTS:-1000}"
        fi
        ;;
    fuzz)
        seconds=${1:-600}
        [[ $seconds =~ ^[0-9]+$ ]] || die "fuzz: SECONDS must be a whole number, not '$seconds'"
        deps
        export CC=clang-14 CXX=clang++-14
        configure "$REPO_ROOT/build-fuzz" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++-14 \
            -DTANDEM_FUZZ=ON -DTANDEM_BUILD_TESTS=OFF -DTANDEM_SANITIZE=OFF
        cmake --build "$REPO_ROOT/build-fuzz" -j "$JOBS" --target tandem_icalfuzz
        # The corpus grows in build-fuzz/; the committed seeds stay as they are. A crash lands in
        # build-fuzz/fuzz-artifacts/: keep it as a seed once the fix is in.
        mkdir -p "$REPO_ROOT/build-fuzz/fuzz-corpus" "$REPO_ROOT/build-fuzz/fuzz-artifacts"
        export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
        export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
        exec "$REPO_ROOT/build-fuzz/bin/tandem_icalfuzz" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
            -max_len=65536 -print_final_stats=1 -dict="$REPO_ROOT/tests/fuzz/ical.dict" \
            -artifact_prefix="$REPO_ROOT/build-fuzz/fuzz-artifacts/" \
            "$REPO_ROOT/build-fuzz/fuzz-corpus" "$REPO_ROOT/tests/fuzz/seeds"
        ;;
    package)
        build
        # The package carries the private KCalendarCore; it must not see our library path.
        env -u LD_LIBRARY_PATH cpack --config "$REPO_ROOT/build/CPackConfig.cmake" -B "$REPO_ROOT/build/package"
        for deb in "$REPO_ROOT"/build/package/tandem_*.deb; do
            log "$deb ($(du -k "$deb" | cut -f1) KiB); install with: apt install $deb"
        done
        ;;
    -h | --help | help)
        usage
        ;;
    *)
        usage
        exit 2
        ;;
esac
