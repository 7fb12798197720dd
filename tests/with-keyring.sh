#!/bin/sh
# Runs a command with a private session bus and an unlocked GNOME Keyring (a real Secret
# Service for QtKeychain), in a throwaway HOME so the user's keyring is never touched.
set -eu
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export HOME="$home" XDG_DATA_HOME="$home/.local/share" XDG_RUNTIME_DIR="$home/run"
mkdir -p "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
exec dbus-run-session -- sh -c '
  # An empty password creates no login collection: use a throwaway one.
  printf %s throwaway | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"' sh "$@"
