#pragma once

#include "domain/result.h"

#include <QByteArray>
#include <QDate>

// Internal to models/ical: the checks every .ics text passes before libical sees it, and the
// content-line helpers the codec needs where KCalendarCore cannot write what we need.

namespace Tandem::IcsText {

/// Bounds the checks enforce; libical itself is lenient and has crashed on garbage, so what
/// reaches it is well-formed at the content-line level.
inline constexpr qsizetype MaxLineOctets = 75 * 1000; ///< one unfolded content line
inline constexpr int MaxNesting = 8;                  ///< VCALENDAR > VEVENT > VALARM is 3
/// Events, time zones, alarms: each costs KCalendarCore a few kilobytes once parsed, so 16 MB of
/// small events would take seconds and gigabytes; a year of anyone's leave is far below this.
inline constexpr int MaxComponents = 20000;
inline constexpr int MaxRecurrenceCount = 100000; ///< RRULE COUNT
inline constexpr int MaxRecurrenceInterval = 10000;
/// Occurrences a file may expand to in the period read, estimated from its rules before anything
/// is expanded: a rule with every BY* part filled repeats billions of times in a 1 KB file.
inline constexpr qint64 MaxOccurrences = 100000;
/// STANDARD and DAYLIGHT observances of all VTIMEZONEs, and the transitions they expand to (from
/// each observance's start until 20 years ahead, as KCalendarCore reads them).
inline constexpr int MaxObservances = 1000;
inline constexpr qint64 MaxZoneTransitions = 20000;

struct PrecheckOptions
{
    qint64 maxBytes = 0; ///< 0: no limit
    /// For imports of whole days: refuse rules that repeat more often than daily.
    bool dailyRecurrenceOnly = false;
    /// The days recurrences will be expanded over (an import); invalid: nothing is expanded.
    QDate expandFrom;
    QDate expandTo;
};

/// Checks that `ics` is exactly one VCALENDAR of well-formed content lines: structure
/// (BEGIN/END nesting, nothing truncated), line lengths, UTF-8, date and date-time values,
/// time zones (every TZID defined in the file or a known IANA zone), RRULE and DURATION
/// syntax; and bounds the work that parsing and expanding the file would cost (occurrences in
/// the period, observances and transitions of time zones), estimated from the rules themselves.
/// The error names the line.
Status precheck(const QByteArray &ics, const PrecheckOptions &options = {});

/// Adds `parameter` (e.g. "SCHEDULE-AGENT=CLIENT") to every `property` line of `ics` that
/// lacks it, refolding the changed lines at 75 octets.
QByteArray addParameter(const QByteArray &ics, const QByteArray &property, const QByteArray &parameter);

} // namespace Tandem::IcsText
