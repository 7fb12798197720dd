#!/usr/bin/env python3
"""Checks (and lists what is left of) a translation of Tandem: resources/translations/tandem_LANG.ts.

    python3 resources/translations/check_translation.py de            # check the .ts as it is
    python3 resources/translations/check_translation.py de --lupdate /usr/lib/qt6/bin/lupdate
                                                                     # against the current sources
    python3 resources/translations/check_translation.py de --update  # refresh the .ts itself first

With --lupdate LUPDATE, lupdate reads app/, ui/ and models/ into a temporary copy of the .ts, so a
message added to the sources since the last update counts as missing; the .ts is not touched.
--update runs lupdate on the .ts itself (what `cmake --build build --target update_translations`
does), so that the entries it lists can be translated in place.

It lists, one per line with its context and source text, and exits with 1 if there is any:
  - an entry with no translation, or marked unfinished (Qt Linguist: not "done");
  - a translation that drops, adds or changes a placeholder of its source (%1 ... %99, %n, %L1);
  - a message with a count (%n) without exactly the plural forms the language needs;
  - a source with a mnemonic (&File) whose translation has none, or a translation with HTML
    tags other than its source's.
"""
import argparse
import collections
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCE_DIRS = ["app", "ui", "models"]
# say() is the calendar's tr() for screen readers (ui/calendar/calendaraccessible.cpp).
# Plural forms per language (Qt's numerus rules): German and most of Western Europe use two.
PLURAL_FORMS = {"de": 2, "en": 2, "fr": 2, "es": 2, "it": 2, "nl": 2, "pt": 2, "sv": 2, "da": 2,
                "nb": 2, "fi": 2, "ja": 1, "zh": 1, "ko": 1, "tr": 1, "pl": 3, "ru": 3, "uk": 3,
                "cs": 3}
PLACEHOLDER = re.compile(r"%L?(?:[1-9][0-9]?|n)")
TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)")


def placeholders(text):
    return collections.Counter(m.group(0).replace("%L", "%") for m in PLACEHOLDER.finditer(text or ""))


def tags(text):
    return collections.Counter(t.lower() for t in TAG.findall(text or ""))


def has_mnemonic(text):
    # "&&" is a literal ampersand; "&" before a letter or digit marks the mnemonic.
    return re.search(r"(?<!&)&(?!&)[^\s&]", (text or "").replace("&&", "")) is not None


def run_lupdate(lupdate, ts):
    result = subprocess.run(
        [lupdate, "-locations", "none", "-no-obsolete", "-silent", "-tr-function-alias", "tr+=say",
         *SOURCE_DIRS, "-ts", str(ts)],
        cwd=ROOT, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"check_translation: lupdate failed ({result.returncode}):\n{result.stderr}")


def check(ts, lang):
    forms = PLURAL_FORMS.get(lang.split("_")[0], 2)
    problems = []
    total = bad = 0
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else None
            if kind in ("vanished", "obsolete"):
                continue
            total += 1
            source = message.findtext("source") or ""
            where = f"{name}: {source!r}"
            before = len(problems)
            numerus = message.get("numerus") == "yes"
            texts = ([f.text or "" for f in translation.findall("numerusform")] if numerus
                     else [translation.text or ""]) if translation is not None else []
            if translation is None or kind == "unfinished" or not any(t.strip() for t in texts):
                problems.append(f"unfinished  {where}")
                bad += 1
                continue
            if numerus and len(texts) != forms:
                problems.append(f"plurals     {where}: {len(texts)} forms, {lang} needs {forms}")
            for text in texts:
                if not text.strip():
                    problems.append(f"empty form  {where}")
                    continue
                want, got = placeholders(source), placeholders(text)
                # A form for one item may say "one" instead of %n; every other placeholder stays.
                if numerus and len(texts) > 1 and text is texts[0]:
                    want.pop("%n", None)
                    got.pop("%n", None)
                if want != got:
                    problems.append(f"placeholder {where}: {text!r} has {sorted(got.elements())}, "
                                    f"the source {sorted(want.elements())}")
                if tags(source) != tags(text):
                    problems.append(f"html        {where}: {text!r}")
                if has_mnemonic(source) and not has_mnemonic(text):
                    problems.append(f"mnemonic    {where}: {text!r} has no &")
            bad += len(problems) > before
    return total, bad, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("lang", help="language code of resources/translations/tandem_LANG.ts, e.g. de")
    parser.add_argument("--lupdate", help="lupdate executable: check against the current sources")
    parser.add_argument("--update", action="store_true", help="run lupdate on the .ts itself first")
    args = parser.parse_args()

    ts = HERE / f"tandem_{args.lang}.ts"
    if not ts.exists():
        sys.exit(f"check_translation: {ts} does not exist; create it with lupdate -ts {ts.name}")
    lupdate = args.lupdate or shutil.which("lupdate") or "/usr/lib/qt6/bin/lupdate"
    if args.lupdate or args.update:
        if not os.access(lupdate, os.X_OK):
            print(f"check_translation: lupdate not found at {lupdate} "
                  "(Debian: qt6-l10n-tools)", file=sys.stderr)
            # ctest treats 77 as skipped; in CI a missing tool is a failure.
            sys.exit(1 if os.environ.get("CI") == "true" else 77)
    if args.update:
        run_lupdate(lupdate, ts)
    with tempfile.TemporaryDirectory() as tmp:
        checked = ts
        if args.lupdate:
            checked = pathlib.Path(tmp) / ts.name
            shutil.copyfile(ts, checked)
            run_lupdate(lupdate, checked)
        total, bad, problems = check(checked, args.lang)
    for problem in problems:
        print(problem)
    print(f"tandem_{args.lang}.ts: {total - bad} of {total} messages translated and "
          f"checked, {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
