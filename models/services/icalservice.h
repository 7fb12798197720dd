#pragma once

#include "domain/result.h"
#include "domain/shift.h"
#include "domain/team.h"
#include "domain/timeoff.h"
#include "ical/icalcodec.h"

#include <QByteArray>
#include <QDate>
#include <QTimeZone>

namespace Tandem {

class Database;

/// What an iCalendar import did.
struct IcalImportSummary
{
    int read = 0;                 ///< events (occurrences) of the file in the period
    int added = 0;                ///< time off periods or holidays written
    int skipped = 0;              ///< already in the database (a re-import), or a second event on a holiday's day
    QList<TimeOff> timeOffAdded;  ///< as written, for undo (RosterEditor::recordTimeOffImport)
    QList<Holiday> holidaysAdded; ///< as written, for undo (RosterEditor::recordHolidayImport)
};

/// The iCalendar use cases: export shifts (and time off) as an .ics file, import a person's
/// time off or a team's public holidays from one. An import is one transaction with a
/// change-log row per record, through RosterService; when it fails nothing is written.
class IcalService
{
public:
    explicit IcalService(Database &db) : m_db(db) {}

    /// The days an export covers by default: today and the next 365.
    static std::pair<QDate, QDate> defaultExportPeriod(QDate today);
    /// The days an import reads by default: a year back, two years ahead.
    static std::pair<QDate, QDate> defaultImportPeriod(QDate today);

    /// Shifts of a rotation overlapping the days [from, to], counted in the rotation's zone.
    Result<QByteArray> exportRotation(RotationId rotation, QDate from, QDate to, const IcalOptions &options = {}) const;
    /// Shifts of every rotation of the team, and the time off of its people.
    Result<QByteArray> exportTeam(TeamId team, QDate from, QDate to, const IcalOptions &options = {}) const;
    /// The shifts in which the person holds a seat, and their time off.
    Result<QByteArray> exportPerson(PersonId person, QDate from, QDate to, const IcalOptions &options = {}) const;

    /// Each event of the file touching [from, to] becomes time off of the person (whole days,
    /// SUMMARY as the reason); one that is already there with the same days and reason is skipped.
    Result<IcalImportSummary> importTimeOff(PersonId person, const QByteArray &ics, QDate from, QDate to);
    /// Each day in [from, to] that an event of the file covers becomes a public holiday of the
    /// team named after the event; days that already have a holiday are skipped.
    Result<IcalImportSummary> importHolidays(TeamId team, const QByteArray &ics, QDate from, QDate to);

    /// Reads an .ics file, refusing one over MaxIcsImportBytes before reading it.
    static Result<QByteArray> readFile(const QString &path);
    /// Writes atomically (a failed write leaves the old file).
    static Status writeFile(const QString &path, const QByteArray &bytes);

private:
    Result<QByteArray> exportShifts(const QList<Shift> &shifts, const QList<TimeOff> &timeOff,
                                    const IcalOptions &options) const;
    Result<QList<Shift>> shiftsOn(QDate from, QDate to, const QTimeZone &zone, RotationId rotation = {}) const;

    Database &m_db;
};

} // namespace Tandem
