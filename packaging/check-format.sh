#!/usr/bin/env bash
# Fails when a C++ source is not formatted with the project's .clang-format (clang-format 14).
# Run by ctest as the "format" test.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
if ! command -v clang-format >/dev/null 2>&1; then
    if [[ ${CI:-} == true || ${CI:-} == 1 ]]; then
        echo "clang-format not installed: under CI the format check must run (./packaging/dev.sh deps installs it)"
        exit 1
    fi
    echo "clang-format not installed: format check skipped"
    exit 77
fi
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    mapfile -t files < <(git ls-files '*.cpp' '*.h')
else
    mapfile -t files < <(find app ui models tests -name '*.cpp' -o -name '*.h')
fi
bad=()
for f in "${files[@]}"; do
    [ -f "$f" ] || continue
    clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ ${#bad[@]} -gt 0 ]; then
    echo "not clang-formatted (run clang-format -i on them):"
    printf '  %s\n' "${bad[@]}"
    exit 1
fi
echo "${#files[@]} files formatted"
