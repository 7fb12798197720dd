#!/usr/bin/env python3
"""ctest man_page: tandem.1 renders without a groff warning (as lintian checks it), and every
command `tandem --help` lists has its section, with every option its own --help prints.

    man-test.py BUILD/packaging/tandem.1 BUILD/bin/tandem

The commands and options are read here from the human help, independently of the JSON the
generator reads, so a command left out of the reference fails this test."""

import os
import re
import subprocess
import sys

man_file, tandem = sys.argv[1], sys.argv[2]
env = dict(os.environ, LC_ALL="C.UTF-8", MANWIDTH="200")
env.pop("LANGUAGE", None)
failures = []

warn = subprocess.run(["man", "--warnings", "-E", "UTF-8", "-l", "-Tutf8", "-Z", man_file], env=env,
                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
if warn.returncode != 0 or warn.stderr.strip():
    failures.append("groff warnings: " + warn.stderr.strip())
rendered = subprocess.run(["man", "-l", man_file], env=env, stdout=subprocess.PIPE, text=True, check=True).stdout
rendered = re.sub(r".\x08", "", rendered)  # no overstrike, whatever the pager settings

for heading in ("NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "EXIT STATUS", "FILES"):
    if not re.search(r"(?m)^%s$" % heading, rendered):
        failures.append("no %s section" % heading)

# Sections of the COMMANDS part: "   roster import" headings (three spaces), up to the next one.
sections = {}
current = None
for line in rendered.splitlines():
    m = re.match(r"^   (\S.*)$", line)
    if m and not line.startswith("    "):
        current = m.group(1).strip()
        sections[current] = ""
    elif re.match(r"^\S", line):
        current = None
    elif current:
        sections[current] += line + "\n"


def run(args):
    return subprocess.run([tandem] + args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True, check=False).stdout


general = run(["--help"])
commands = []
in_commands = False
for line in general.splitlines():
    if line == "Commands:":
        in_commands = True
    elif in_commands and line and not line.startswith(" "):
        break
    elif in_commands and re.match(r"^  [a-z]", line):
        words = []
        for token in line.split():
            if not re.match(r"^[a-z|]+$", token):
                break
            words.append(token.split("|"))
        # "swap accept|decline" is two commands
        expanded = [[]]
        for alternatives in words:
            expanded = [prefix + [w] for prefix in expanded for w in alternatives]
        commands += [" ".join(c) for c in expanded]
if len(commands) < 30:
    failures.append("read only %d commands from tandem --help" % len(commands))

for command in commands:
    if command not in sections:
        failures.append("no section for `%s`" % command)
        continue
    options = set(re.findall(r"(?m)^\s+(?:-\w, )?(--[a-z0-9-]+)", run(command.split() + ["--help"])))
    options.discard("--help")
    for option in sorted(options):
        if not re.search(r"(?m)^\s+(?:-\w, )?%s\b" % re.escape(option), sections[command]):
            failures.append("`%s`: %s is not in its man section" % (command, option))

for failure in failures:
    print("FAIL:", failure)
if failures:
    sys.exit(1)
print("%d commands, each with its options, in %s" % (len(commands), man_file))
