#!/usr/bin/env python3
"""ctest cli_docs_agree: `tandem --help`, each `tandem COMMAND --help`, the man page and the bash
completion list exactly the commands and options of the command table, no more, no fewer.

    cli-docs-test.py BUILD/packaging/tandem.1 BUILD/packaging/completion/tandem BUILD/bin/tandem

The table is what `tandem --cli-reference` prints: every Command's words, synopsis, options and
arguments (app/clicommand.h), the fields its parser is built from. Each of the four outputs is
read here in its own form (the help text, the roff source, the completion's arrays in bash), so a
command or an option missing from one of them, or one too many, fails."""

import json
import os
import re
import subprocess
import sys

man_file, completion_file, tandem = sys.argv[1], sys.argv[2], sys.argv[3]
env = dict(os.environ, LC_ALL="C.UTF-8", QT_QPA_PLATFORM="minimal")
env.pop("LANGUAGE", None)
env.pop("DISPLAY", None)
failures = []


def run(args):
    done = subprocess.run([tandem] + args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          check=False)
    if done.returncode != 0:
        failures.append("`tandem %s` exited %d: %s" % (" ".join(args), done.returncode, done.stderr.strip()))
    return done.stdout


def dashed(name):
    return ("-" if len(name) == 1 else "--") + name


def compare(what, expected, got):
    if expected != got:
        missing = [x for x in expected if x not in got]
        extra = [x for x in got if x not in expected]
        failures.append("%s: missing %s, not in the table %s%s" % (
            what, missing, extra, "" if missing or extra else " (order differs: %s)" % got))


ref = json.loads(run(["--cli-reference"]))
table = [" ".join(c["words"]) for c in ref["commands"]]
table_options = {" ".join(c["words"]): [dashed(n) for o in c["options"] for n in o["names"]]
                 for c in ref["commands"]}
if len(table) < 30:
    failures.append("the table has only %d commands" % len(table))

# --- tandem --help: the command lines ("swap accept|decline" is two commands) and the options.
general = run(["--help"])
section = None
help_commands = []
help_options = []
for line in general.splitlines():
    if line in ("Commands:", "Options:"):
        section = line
    elif line and not line.startswith(" "):
        section = None
    elif section == "Commands:" and re.match(r"^  [a-z]", line):
        expanded = [[]]
        for token in line.split():
            if not re.match(r"^[a-z|]+$", token):
                break
            expanded = [prefix + [w] for prefix in expanded for w in token.split("|")]
        help_commands += [" ".join(c) for c in expanded]
    elif section == "Options:":
        m = re.match(r"^  (--[a-z-]+)", line)
        if m:
            help_options.append(m.group(1))
compare("tandem --help, commands", table, help_commands)
compare("tandem --help, options", [dashed(n) for o in ref["options"] for n in o["names"] if len(n) > 1],
        help_options)

# --- tandem COMMAND --help: the options its parser takes.
for command in table:
    text = run(command.split() + ["--help"])
    options = []
    in_options = False
    for line in text.splitlines():
        if line == "Options:":
            in_options = True
        elif line and not line.startswith(" "):
            in_options = False
        elif in_options:
            m = re.match(r"^  ((?:-[a-zA-Z0-9-]+)(?:, -[a-zA-Z0-9-]+)*)", line)
            if m:
                options += m.group(1).split(", ")
    compare("`tandem %s --help`, options" % command, table_options[command], options)

# --- the man page (its roff source): a .SS per command, a .TP per option but -h, --help.
with open(man_file, encoding="utf-8") as f:
    roff = f.read()
commands_part = roff.split(".SH COMMANDS\n", 1)[1].split("\n.SH ", 1)[0]
man_commands = []
man_options = {}
for block in re.split(r'(?m)^\.SS "', commands_part)[1:]:
    name = block.split('"', 1)[0].replace("\\-", "-")
    man_commands.append(name)
    man_options[name] = []
    for tag in re.findall(r"(?m)^\.TP\n(.*)$", block):
        if tag.startswith("\\fB"):
            man_options[name] += [n.replace("\\-", "-") for n in re.findall(r"\\fB(.*?)\\fR", tag)]
compare("man page, commands", table, man_commands)
for command in table:
    expected = [o for o in table_options[command] if o not in ("-h", "--help")]
    compare("man page, `%s`, options" % command, expected, man_options.get(command, []))

# --- the bash completion: what it offers after each word, and each command's options.
dump = subprocess.run(["bash", "-c", 'source "$1"; for k in "${!_tandem_next[@]}"; do printf "next\\t%s\\t%s\\n" '
                       '"$k" "${_tandem_next[$k]}"; done; for k in "${!_tandem_options[@]}"; do '
                       'printf "options\\t%s\\t%s\\n" "$k" "${_tandem_options[$k]}"; done', "bash", completion_file],
                      stdout=subprocess.PIPE, text=True, check=True).stdout
next_words = {}
completion_options = {}
for line in dump.splitlines():
    kind, key, value = line.split("\t")
    (next_words if kind == "next" else completion_options)[key] = value.split()
expected_next = {}
for command in table:
    words = ["tandem"] + command.split()
    for i in range(1, len(words)):
        nexts = expected_next.setdefault(" ".join(words[:i]), [])
        if words[i] not in nexts:
            nexts.append(words[i])
compare("completion, the words it completes after", sorted(expected_next), sorted(next_words))
for key in sorted(expected_next):
    compare("completion, after `%s`" % key, expected_next[key], next_words.get(key, []))
compare("completion, commands with options", sorted(["tandem"] + ["tandem " + c for c in table]),
        sorted(completion_options))
compare("completion, `tandem` options", [dashed(n) for o in ref["options"] for n in o["names"]],
        completion_options.get("tandem", []))
for command in table:
    compare("completion, `%s` options" % command, table_options[command],
            completion_options.get("tandem " + command, []))

for failure in failures:
    print("FAIL:", failure)
if failures:
    sys.exit(1)
print("%d commands: the help, each command's --help, %s and %s list the table's commands and options"
      % (len(table), os.path.basename(man_file), completion_file))
