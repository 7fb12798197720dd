#!/usr/bin/python3
"""An independent client's view of a CalDAV collection (python3-caldav and python3-icalendar
from Debian): prints one JSON object per VEVENT with its UID, SUMMARY and UTC times.

Usage: caldav_list.py COLLECTION_URL
"""
import json
import sys
from datetime import date, datetime, timezone

import caldav

url = sys.argv[1]
client = caldav.DAVClient(url=url, username="viewer", password="x")
calendar = caldav.Calendar(client=client, url=url)


def utc(value):
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise SystemExit("floating time in %r" % value)
        return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    raise SystemExit("unexpected value %r" % value)


events = []
for resource in calendar.events():
    for component in resource.icalendar_instance.walk("VEVENT"):
        events.append({
            "uid": str(component["UID"]),
            "summary": str(component.get("SUMMARY", "")),
            "start": utc(component["DTSTART"].dt),
            "end": utc(component["DTEND"].dt),
            "tzid": component["DTSTART"].params.get("TZID", ""),
        })
print(json.dumps(events))
