#!/usr/bin/python3
"""A third-party CalDAV client (python3-caldav from Debian) editing Tandem's collection.

Usage: caldav_client.py COLLECTION_URL MOVE_UID DELETE_UID
Moves the event MOVE_UID one hour later, deletes DELETE_UID and adds an event of its own.
"""
import sys
from datetime import timedelta

import caldav

url, move_uid, delete_uid = sys.argv[1:4]
client = caldav.DAVClient(url=url, username="other", password="x")
calendar = caldav.Calendar(client=client, url=url)

event = calendar.event_by_uid(move_uid)
component = event.icalendar_instance.walk("VEVENT")[0]
component["DTSTART"].dt = component["DTSTART"].dt + timedelta(hours=1)
component["DTEND"].dt = component["DTEND"].dt + timedelta(hours=1)
component["X-OTHER-CLIENT"] = "kept"
event.save()

calendar.event_by_uid(delete_uid).delete()

calendar.save_event(
    "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//other//EN\r\nBEGIN:VEVENT\r\n"
    "UID:team-offsite-2026\r\nDTSTAMP:20260301T000000Z\r\nDTSTART:20260320T090000Z\r\n"
    "DTEND:20260320T170000Z\r\nSUMMARY:Team offsite\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
)
print("ok")
