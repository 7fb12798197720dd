#pragma once

// The iCalendar mapping of Tandem's data. KCalendarCore types never leave models/ical: the
// rest of Tandem sees bytes and JSON (the same JSON as the change log, see serialize.h).

#include "domain/person.h"
#include "domain/result.h"
#include "domain/rotation.h"
#include "domain/shift.h"
#include "domain/timeoff.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>

namespace Tandem {

/// What one CalDAV resource (one .ics object) holds, as Tandem reads it.
enum class ResourceKind {
    Shift,   ///< a VEVENT per shift; data = toJson(Shift)
    TimeOff, ///< an all-day VEVENT per time off; data = toJson(TimeOff)
    Roster,  ///< one VJOURNAL for the team (calendar clients do not show it); data = roster JSON
    Request, ///< a VJOURNAL per swap or cover request; data = the request JSON
    Foreign, ///< an event another client made; data = {summary, start, end, allDay, organizer,
             ///< attendees, categories, cancelled, recurs} (start/end UTC ISO date-times; for allDay
             ///< ISO dates, end included; e-mails without "mailto:")
};

QString resourceKindToString(ResourceKind kind);
std::optional<ResourceKind> resourceKindFromString(QStringView text);

struct ResourceData
{
    ResourceKind kind = ResourceKind::Shift;
    QString uid;      ///< the entity's id (shift id, time off id, team id for the roster...)
    QJsonObject data; ///< see ResourceKind
};

/// Names, contacts and zones to write the human-readable parts (SUMMARY, DESCRIPTION,
/// CATEGORIES, VTIMEZONE). A shift whose people or rotation are missing still encodes.
struct IcalDirectory
{
    QHash<PersonId, Person> people;
    QHash<RotationId, Rotation> rotations;
};

struct IcalOptions
{
    /// ATTENDEE lines for both seats, with SCHEDULE-AGENT=CLIENT so servers send no e-mail.
    bool attendees = false;
};

/// One resource for the CalDAV collection. `previous` is the server's last text of it (may
/// be empty): properties Tandem does not own (added by other clients) are kept from it.
QByteArray encodeResource(const ResourceData &item, const IcalDirectory &directory, const QByteArray &previous = {},
                          const IcalOptions &options = {});
/// Reads a resource written by encodeResource() or by another client (then kind Foreign).
/// A Tandem event edited elsewhere reads back with the edited times. Fails with a message on
/// text that is not one iCalendar object.
Result<ResourceData> decodeResource(const QByteArray &ics);

/// A whole calendar file: one VEVENT per shift (and per time off given), each zone once.
QByteArray exportCalendar(const QList<Shift> &shifts, const QList<TimeOff> &timeOff, const IcalDirectory &directory,
                          const IcalOptions &options = {});

/// An event of an imported calendar, over whole days in its own zone, both ends included.
struct ImportedDay
{
    QString uid;
    QString summary;
    QDate from;
    QDate to;
};

/// Limits on what an import reads: bigger files are refused before parsing.
inline constexpr qint64 MaxIcsImportBytes = 16 * 1024 * 1024;
/// The longest period readDays() expands recurrences over (about ten years).
inline constexpr qint64 MaxImportDays = 3660;

/// Events of an .ics file that touch [from, to], recurrences expanded there. Fails with a
/// message saying what is wrong and where (line) for input that is not valid iCalendar.
Result<QList<ImportedDay>> readDays(const QByteArray &ics, QDate from, QDate to);

/// One occurrence of an event of another tool's on-call calendar (PagerDuty, Opsgenie, Grafana
/// OnCall, any calendar whose events name who is on call), as the history import reads it.
struct ImportedEvent
{
    struct Attendee
    {
        QString name;  ///< CN, may be empty
        QString email; ///< without "mailto:", may be empty
    };
    QString uid;
    QString summary;
    bool allDay = false;
    /// Timed without a zone (no TZID, no Z): `start` and `end` hold the wall-clock times as if
    /// they were UTC, for the reader to place in a zone of its choosing.
    bool floating = false;
    QDateTime start; ///< timed: UTC
    QDateTime end;   ///< timed: UTC, exclusive
    QDate firstDay;  ///< all-day: the first day
    QDate endDay;    ///< all-day: the day after the last
    QList<Attendee> attendees;
};

/// Every occurrence of the events of an .ics file that touches the days [from, to] (recurrences
/// expanded there, cancelled events left out), by start. Checked as readDays() checks, but timed
/// recurrences may repeat more often than daily (12-hour shifts). Fails with a message naming
/// what is wrong and where for input that is not valid iCalendar or expands beyond the bounds.
Result<QList<ImportedEvent>> readEvents(const QByteArray &ics, QDate from, QDate to);

} // namespace Tandem
