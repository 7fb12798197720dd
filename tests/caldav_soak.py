#!/usr/bin/python3
"""The third-party client of the sync soak test (python3-caldav from Debian).

Usage: caldav_soak.py COLLECTION_URL
Reads one operation per line (JSON) on stdin, does it, and answers one JSON line on stdout:
  {"op": "move_end", "uid": UID, "minutes": N}   DTEND of the event N minutes later (earlier if < 0)
  {"op": "delete", "uid": UID}                   delete the event
  {"op": "vacation", "uid": UID, "email": E, "start": "YYYY-MM-DD", "days": N, "summary": S}
                                                 an all-day event with E as organizer
The answer: {"ok": bool, "end": new DTEND in UTC (move_end), "error": text}. An event that is
gone is reported, not raised: the soak test decides what it means. One process serves a whole
run (importing caldav takes longer than the operations).
"""
import json
import sys
from datetime import date, timedelta, timezone

import caldav

url = sys.argv[1]
client = caldav.DAVClient(url=url, username="other", password="x")
calendar = caldav.Calendar(client=client, url=url)


def utc(value):
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def run(operation):
    if operation["op"] == "move_end":
        event = calendar.event_by_uid(operation["uid"])
        component = event.icalendar_instance.walk("VEVENT")[0]
        end = component["DTEND"].dt + timedelta(minutes=operation["minutes"])
        component["DTEND"].dt = end
        event.save()
        return {"ok": True, "end": utc(end)}
    if operation["op"] == "delete":
        calendar.event_by_uid(operation["uid"]).delete()
        return {"ok": True}
    if operation["op"] == "vacation":
        start = date.fromisoformat(operation["start"])
        end = start + timedelta(days=operation["days"])
        calendar.save_event(
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//soak client//EN\r\nBEGIN:VEVENT\r\n"
            "UID:%s\r\nDTSTAMP:20260301T000000Z\r\nDTSTART;VALUE=DATE:%s\r\nDTEND;VALUE=DATE:%s\r\n"
            "SUMMARY:%s\r\nORGANIZER:mailto:%s\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
            % (operation["uid"], start.strftime("%Y%m%d"), end.strftime("%Y%m%d"), operation["summary"],
               operation["email"]))
        return {"ok": True}
    return {"ok": False, "error": "unknown operation %r" % operation["op"]}


for line in sys.stdin:
    if not line.strip():
        continue
    try:
        answer = run(json.loads(line))
    except Exception as error:  # noqa: BLE001 - every failure is reported back as data
        answer = {"ok": False, "error": "%s: %s" % (type(error).__name__, error)}
    print(json.dumps(answer), flush=True)
