#!/usr/bin/python3
"""Walks the running Tandem through AT-SPI, as a screen reader does (tests/atspi-check.sh runs it).

For each page (Home, roster, calendar month, calendar timeline), opened through the menus by
AT-SPI actions: lists every control that is showing and has no name (none may), then checks
that the month grid reaches every shift of the visible weeks: the list items under its days
must be as many as the shifts `tandem shifts list` gives for those weeks.

    atspi_check.py --tandem BIN --db PATH

Exit status 0 when every page is clean and every shift is reached; 1 otherwise, with the
unnamed controls listed.
"""
import argparse
import datetime
import json
import subprocess
import sys
import time

import pyatspi

# Roles a user operates; each needs a name. Cells of tables and trees are content, not controls.
CONTROLS = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_RADIO_BUTTON,
    pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT, pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_SLIDER, pyatspi.ROLE_LIST, pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_TABLE,
    pyatspi.ROLE_TREE, pyatspi.ROLE_TREE_TABLE, pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_MENU,
    pyatspi.ROLE_LINK, pyatspi.ROLE_CHECK_MENU_ITEM, pyatspi.ROLE_RADIO_MENU_ITEM,
}
# Menus are walked only where they are open; a closed menu's items are not showing.
MAX_NODES = 20000


def find_app(name, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and app.name == name:
                return app
        time.sleep(0.5)
    sys.exit(f"atspi_check: no application named {name!r} on the accessibility bus")


def showing(acc):
    try:
        states = acc.getState()
        return states.contains(pyatspi.STATE_SHOWING)
    except Exception:
        return False


def walk(acc, depth=0, seen=None):
    """The accessible objects under acc that are showing, depth first."""
    if seen is None:
        seen = [0]
    if acc is None or depth > 40 or seen[0] > MAX_NODES:
        return
    seen[0] += 1
    yield acc
    try:
        count = acc.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None and (showing(child) or child.getRole() in (pyatspi.ROLE_MENU_BAR,)):
            yield from walk(child, depth + 1, seen)


def describe(acc):
    parts = []
    node = acc
    while node is not None and node.getRole() != pyatspi.ROLE_APPLICATION and len(parts) < 6:
        parts.append(f"{node.getRoleName()}:{node.name!r}")
        node = node.parent
    return " < ".join(parts)


def unnamed_controls(app):
    found = []
    checked = 0
    for acc in walk(app):
        if acc.getRole() in CONTROLS and showing(acc):
            checked += 1
            if not (acc.name or "").strip():
                found.append(describe(acc))
    return found, checked


def by_name(app, role, prefix):
    for acc in walk(app):
        if acc.getRole() == role and (acc.name or "").startswith(prefix):
            return acc
    return None


def menu_action(app, text):
    """Triggers the menu command whose label (without & and …) is `text`, through AT-SPI."""
    def items(acc, depth=0):
        if acc is None or depth > 6:
            return
        yield acc
        for i in range(acc.childCount):
            yield from items(acc.getChildAtIndex(i), depth + 1)

    bar = None
    for acc in walk(app):
        if acc.getRole() == pyatspi.ROLE_MENU_BAR:
            bar = acc
            break
    if bar is None:
        sys.exit("atspi_check: no menu bar")
    for acc in items(bar):
        if acc.getRole() == pyatspi.ROLE_MENU_ITEM and acc.name.replace("&", "").rstrip("…") == text:
            action = acc.queryAction()
            for i in range(action.nActions):
                if action.getName(i) in ("click", "press", "Press"):
                    action.doAction(i)
                    time.sleep(1.5)
                    return
    sys.exit(f"atspi_check: no menu command {text!r}")


def expected_shifts(tandem, db, grid_start):
    """Shifts overlapping the 42 days of the month grid, local days of this process's zone."""
    start = datetime.datetime.combine(grid_start, datetime.time()).astimezone()
    end = start + datetime.timedelta(days=42)
    out = subprocess.run([tandem, "--db", db, "shifts", "list", "--from", (grid_start - datetime.timedelta(days=40)).isoformat(),
                          "--to", (grid_start + datetime.timedelta(days=43)).isoformat(), "--json"],
                         check=True, capture_output=True, text=True).stdout
    count = 0
    for shift in json.loads(out):
        s = datetime.datetime.fromisoformat(shift["start"].replace("Z", "+00:00"))
        e = datetime.datetime.fromisoformat(shift["end"].replace("Z", "+00:00"))
        if s < end and e > start:
            count += 1
    return count


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tandem", required=True)
    parser.add_argument("--db", required=True)
    args = parser.parse_args()
    app = find_app("tandem")
    time.sleep(2)
    failures = []
    pages = [("Home", None), ("Roster", "Roster"), ("month", "Calendar: Month"), ("timeline", "Calendar: Timeline")]
    for page, command in pages:
        if command:
            menu_action(app, command)
        unnamed, checked = unnamed_controls(app)
        print(f"{page}: {checked} controls, {len(unnamed)} without a name")
        for line in unnamed:
            print(f"  unnamed: {line}")
        failures += [f"{page}: {line}" for line in unnamed]
        if checked < 10:
            failures.append(f"{page}: only {checked} controls reached; is the page shown?")

        if page == "month":
            grid = by_name(app, pyatspi.ROLE_LIST, "Month calendar, ")
            if grid is None:
                failures.append("month: no list named 'Month calendar, …'")
                continue
            days = [grid.getChildAtIndex(i) for i in range(grid.childCount)]
            shifts = [d.getChildAtIndex(j) for d in days for j in range(d.childCount)]
            first = days[0].name  # "Monday 30 November 2026, ..."
            grid_start = datetime.datetime.strptime(" ".join(first.split(",")[0].split()[1:4]), "%d %B %Y").date()
            want = expected_shifts(args.tandem, args.db, grid_start)
            named = [s for s in shifts if (s.name or "").strip()]
            print(f"month: {len(days)} days from {grid_start}, {len(shifts)} shifts reached, {want} in the database")
            for s in shifts[:3]:
                print(f"  e.g. {s.name}")
            if len(days) != 42:
                failures.append(f"month: {len(days)} days, not 42")
            if len(shifts) != want or len(named) != want:
                failures.append(f"month: reached {len(shifts)} shifts ({len(named)} named), the weeks hold {want}")
            for s in shifts:
                actions = s.queryAction()
                names = {actions.getName(i) for i in range(actions.nActions)}
                if not names & {"press", "Press", "click"}:
                    failures.append(f"month: {s.name} offers no press action ({sorted(names)})")
                    break
    if failures:
        print("FAILED:\n  " + "\n  ".join(failures))
        return 1
    print("every control has a name; every shift of the visible month is reached")
    return 0


if __name__ == "__main__":
    sys.exit(main())
