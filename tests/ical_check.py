#!/usr/bin/python3
"""Reads Tandem's iCalendar export with an independent parser (Debian's python3-icalendar).

Run by ctest as `/usr/bin/python3 tests/ical_check.py --tandem build/bin/tandem`: creates the
demo database in a temporary data folder, plans eight weeks of every demo rotation, exports
each rotation (and a team, and one rotation with --attendees) with `tandem export ics`, and
checks the files against `tandem shifts list --json` and `tandem timeoff list --json`: UIDs,
names in SUMMARY, start and end instants, the zone of DTSTART/DTEND and its VTIMEZONE, all-day
time off with an exclusive DTEND, SCHEDULE-AGENT=CLIENT on attendees. Times are converted with
Python's own zoneinfo, not with Qt's.
"""

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import zoneinfo

import icalendar

FAILURES = []


def check(condition, message):
    if not condition:
        FAILURES.append(message)


def run(tandem, env, *args):
    result = subprocess.run([tandem, "--demo", *args], env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"tandem {' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return result.stdout


def parse(path):
    with open(path, "rb") as f:
        data = f.read()
    return icalendar.Calendar.from_ical(data), data


def utc(value):
    return value.astimezone(dt.timezone.utc)


def iso_utc(text):
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def check_rotation_file(path, rotation, shifts):
    cal, raw = parse(path)
    name = rotation["name"]
    zone = rotation["timezone"]
    check(str(cal.get("PRODID")) == "-//Tandem//Tandem//EN", f"{name}: PRODID is {cal.get('PRODID')}")
    check(str(cal.get("VERSION")) == "2.0", f"{name}: VERSION is {cal.get('VERSION')}")
    zones = [str(z["TZID"]) for z in cal.walk("VTIMEZONE")]
    check(zones == [zone], f"{name}: VTIMEZONE {zones}, expected exactly one {zone}")
    events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
    expected = {s["id"]: s for s in shifts if s["rotation_name"] == name}
    check(len(expected) > 0, f"{name}: no shifts planned to compare with")
    check(set(events) == set(expected), f"{name}: UIDs differ: {sorted(set(events) ^ set(expected))[:4]}")
    tz = zoneinfo.ZoneInfo(zone)
    for uid, shift in expected.items():
        event = events.get(uid)
        if event is None:
            continue
        for prop, key in (("DTSTART", "start"), ("DTEND", "end")):
            value = event[prop]
            check(value.params.get("TZID") == zone, f"{uid}: {prop} TZID {value.params.get('TZID')}, expected {zone}")
            wall = value.dt.replace(tzinfo=None)
            instant = wall.replace(tzinfo=tz)
            check(utc(instant) == iso_utc(shift[key]), f"{uid}: {prop} {wall} {zone} is {utc(instant)}, "
                                                       f"the database says {shift[key]}")
        local = event["DTSTART"].dt.replace(tzinfo=None)
        check(local.strftime("%a %H:%M") == "Mon 09:00", f"{uid}: handoff at {local} local, expected Monday 09:00")
        dev = f"{shift['dev_name']} (dev)" if shift["dev_name"] else "(no dev)"
        ops = f"{shift['ops_name']} (ops)" if shift["ops_name"] else "(no ops)"
        check(str(event["SUMMARY"]) == f"On call: {dev} + {ops}", f"{uid}: SUMMARY {event['SUMMARY']!r}")
        check(str(event.get("X-TANDEM-KIND")) == "shift", f"{uid}: X-TANDEM-KIND {event.get('X-TANDEM-KIND')}")
        # SEQUENCE 0 is the default (RFC 5545) and may be left out.
        check(int(event.get("SEQUENCE", 0)) == shift["sequence"], f"{uid}: SEQUENCE {event.get('SEQUENCE')}")
        categories = event.get("CATEGORIES")
        cats = [str(c) for c in (categories.cats if hasattr(categories, "cats") else [])]
        check("On call" in cats and name in cats, f"{uid}: CATEGORIES {cats}")
        check("ATTENDEE" not in event, f"{uid}: ATTENDEE without --attendees")
        description = str(event.get("DESCRIPTION", ""))
        if shift["dev_email"]:
            check(shift["dev_email"] in description, f"{uid}: the developer's e-mail is not in DESCRIPTION")
    # Every content line folded at 75 octets.
    for line in raw.split(b"\r\n"):
        check(len(line) <= 75, f"{name}: a line of {len(line)} octets: {line[:40]!r}")
    return len(events)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tandem", required=True)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        # tandem-testclock's "now" (TANDEM_TEST_NOW): the dates below do not move at midnight.
        now = dt.datetime(2026, 3, 18, 12, 0, tzinfo=dt.timezone.utc)
        env = dict(os.environ, XDG_DATA_HOME=tmp, QT_QPA_PLATFORM="offscreen", LC_ALL="C.UTF-8",
                   TANDEM_TEST_NOW=now.strftime("%Y-%m-%dT%H:%M:%SZ"))
        rotations = json.loads(run(args.tandem, env, "rotation", "list", "--json"))
        today = now.date()
        monday = today + dt.timedelta(days=7 - today.weekday())
        last = monday + dt.timedelta(days=55)
        period = ["--from", monday.isoformat(), "--to", last.isoformat()]
        for rotation in rotations:
            run(args.tandem, env, "plan", "--rotation", rotation["name"], *period)
        shifts = json.loads(run(args.tandem, env, "shifts", "list", *period, "--json"))

        total = 0
        for i, rotation in enumerate(rotations):
            path = os.path.join(tmp, f"rotation{i}.ics")
            run(args.tandem, env, "export", "ics", "--rotation", rotation["name"], *period, "-o", path)
            total += check_rotation_file(path, rotation, shifts)
        check(total == len(shifts), f"{total} events in the rotation files, {len(shifts)} shifts")

        # A team export: its shifts and its people's time off, all-day with DTEND the day after.
        team = rotations[0]["team_name"]
        path = os.path.join(tmp, "team.ics")
        run(args.tandem, env, "export", "ics", "--team", team, *period, "-o", path)
        cal, _ = parse(path)
        people = json.loads(run(args.tandem, env, "roster", "list", "--team", team, "--json"))
        emails = {p["email"] for p in people}
        timeoff = [t for t in json.loads(run(args.tandem, env, "timeoff", "list", "--json"))
                   if t["email"] in emails and t["to"] >= monday.isoformat() and t["from"] <= last.isoformat()]
        check(len(timeoff) > 0, f"{team}: no time off in the period to compare with")
        events = {str(e["UID"]): e for e in cal.walk("VEVENT")}
        for t in timeoff:
            event = events.get(t["id"])
            check(event is not None, f"time off {t['id']} of {t['email']} missing from the team export")
            if event is None:
                continue
            start, end = event["DTSTART"].dt, event["DTEND"].dt
            check(type(start) is dt.date and type(end) is dt.date, f"time off {t['id']}: not all-day ({start!r})")
            check(start.isoformat() == t["from"], f"time off {t['id']}: DTSTART {start}, from {t['from']}")
            to = dt.date.fromisoformat(t["to"])
            check(end == to + dt.timedelta(days=1), f"time off {t['id']}: DTEND {end}, last day {t['to']}")
            check(str(event["SUMMARY"]) == f"Time off: {t['name']}", f"time off {t['id']}: {event['SUMMARY']!r}")
        team_shifts = {s["id"] for s in shifts if s["rotation_name"] == rotations[0]["name"]}
        check(team_shifts <= set(events), f"{team}: shifts of {rotations[0]['name']} missing from the team export")

        # Attendees only on request, and never without SCHEDULE-AGENT=CLIENT.
        path = os.path.join(tmp, "attendees.ics")
        run(args.tandem, env, "export", "ics", "--rotation", rotations[0]["name"], *period, "--attendees", "-o",
            path)
        cal, _ = parse(path)
        by_id = {s["id"]: s for s in shifts}
        for event in cal.walk("VEVENT"):
            shift = by_id[str(event["UID"])]
            attendees = event.get("ATTENDEE", [])
            attendees = attendees if isinstance(attendees, list) else [attendees]
            want = {f"mailto:{e}" for e in (shift["dev_email"], shift["ops_email"]) if e}
            # The shadow (onboarding) is an optional participant; the two seats are required ones.
            if shift.get("shadow_email"):
                want.add(f"mailto:{shift['shadow_email']}")
            got = {str(a) for a in attendees}
            check(got == want, f"{shift['id']}: attendees {got}, expected {want}")
            for a in attendees:
                check(a.params.get("SCHEDULE-AGENT") == "CLIENT", f"{shift['id']}: {a} without SCHEDULE-AGENT=CLIENT")
                role = "OPT-PARTICIPANT" if str(a) == f"mailto:{shift.get('shadow_email')}" else "REQ-PARTICIPANT"
                check(a.params.get("ROLE", "REQ-PARTICIPANT") == role, f"{shift['id']}: {a} ROLE "
                      f"{a.params.get('ROLE')}, expected {role}")

    if FAILURES:
        for failure in FAILURES[:40]:
            print("FAIL:", failure)
        print(f"{len(FAILURES)} failures")
        return 1
    print(f"ok: {len(shifts)} shifts in {len(rotations)} rotations, {len(timeoff)} time off, read by icalendar "
          f"{icalendar.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
