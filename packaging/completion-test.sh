#!/usr/bin/env bash
# ctest bash_completion: the generated completion, sourced in bash, completes commands, their
# next words, options and option values (choices and files) as a user types them.
#   completion-test.sh BUILD/packaging/completion/tandem
# Runs twice: plain bash, and with bash-completion's helpers (_filedir) loaded where installed.
set -uo pipefail
completion=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
touch "$dir/roster.csv" "$dir/out.pdf"
failures=0

# complete WORD... : COMP_WORDS as bash splits the line (a "=" is a word of its own), the cursor
# on the last word; prints the candidates sorted, one line.
complete_words() {
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE="$*"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _tandem tandem "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ' | sed 's/ $//'
}

expect() {
    local want=$1
    shift
    local got
    got=$(complete_words "$@")
    if [[ $got != "$want" ]]; then
        echo "FAIL [$*]: expected '$want', got '$got'"
        failures=$((failures + 1))
    fi
}

# Every candidate of WANT is offered (others may be too).
expect_contains() {
    local want=$1
    shift
    local got w
    got=" $(complete_words "$@") "
    for w in $want; do
        if [[ $got != *" $w "* ]]; then
            echo "FAIL [$*]: '$w' not offered (got '$got')"
            failures=$((failures + 1))
        fi
    done
}

run_cases() {
    # shellcheck disable=SC1090
    source "$completion"
    expect_contains "roster timeoff pool rotation shifts plan report sync next now note swap export import print" tandem ""
    expect "rotation" tandem rot
    expect "add confirm edit list onboard remove show trainees withdraw" tandem rotation ""
    expect "add" tandem --demo rotation a
    expect "accept approve cancel decline list refuse request" tandem --db x.sqlite swap ""
    expect "conflicts disconnect flags resolve status timeoff" tandem sync ""
    expect "--ops-concurrency --ops-pool" tandem rotation add "Night shift" --team Payments --ops
    expect "list month person" tandem print --layout ""
    expect "letter" tandem print --paper = l
    expect "calendar home roster" tandem --show ""
    expect "--pairs-csv --paper --pdf --person" tandem report fairness --p
    expect "--db --demo --help --minimized --show --version" tandem --
    expect "" tandem plan --rotation ""
    expect "$dir/roster.csv" tandem roster import "$dir/ro"
    expect "$dir/out.pdf" tandem --demo print --layout month --pdf "$dir/ou"
    expect "$dir/roster.csv" tandem --db "$dir/ro"
    expect "--json" tandem shifts list --rotation "Payments on call" --js
}

echo "plain bash"
(run_cases; exit $failures) || failures=$((failures + $?))
if [[ -r /usr/share/bash-completion/bash_completion ]]; then
    echo "with bash-completion"
    (
        # shellcheck disable=SC1091
        source /usr/share/bash-completion/bash_completion
        run_cases
        exit $failures
    ) || failures=$((failures + $?))
elif [[ ${CI:-} == true ]]; then
    echo "FAIL: bash-completion is not installed (packaging/dev.sh installs it)"
    failures=$((failures + 1))
fi
if ((failures > 0)); then
    echo "$failures failure(s)"
    exit 1
fi
echo "all completions as expected"
