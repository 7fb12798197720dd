#pragma once

#include "domain/person.h"
#include "domain/result.h"
#include "domain/shift.h"
#include "domain/team.h"
#include "domain/timeoff.h"
#include "services/rostercsv.h"

#include <optional>

namespace Tandem {

class Database;

/// What removing a person emptied, so that an undo can put it back.
struct PersonRemoval
{
    PersonId person;
    QList<SeatRef> clearedSeats;
};

/// The roster use cases: people, teams, time off, CSV import. Each call validates, writes in
/// one transaction and appends to the change log in that same transaction. The GUI (through
/// undo commands) and the command line both call these.
class RosterService
{
public:
    explicit RosterService(Database &db) : m_db(db) {}

    // Reading.
    Result<QList<Person>> people() const;
    Result<std::optional<Person>> person(PersonId id) const;
    /// The person if they are on the roster (not removed).
    Result<std::optional<Person>> rosterPerson(PersonId id) const;
    Result<std::optional<Person>> personByEmail(const QString &email) const;
    Result<QList<Team>> teams() const;
    Result<std::optional<Team>> team(TeamId id) const;
    Result<std::optional<Team>> teamByName(const QString &name) const;
    Result<QList<TimeOff>> timeOff(PersonId person) const;
    Result<QList<TimeOff>> allTimeOff() const;
    /// Time off overlapping the days [from, to].
    Result<QList<TimeOff>> timeOffBetween(QDate from, QDate to) const;
    /// Seats the person holds from now on: what removing them would leave empty.
    Result<QList<SeatRef>> futureSeats(PersonId person) const;

    // People.
    /// Adds a person (a new id unless one is set). The e-mail must be unused on the roster.
    Result<Person> addPerson(Person person);
    Status updatePerson(const Person &person);
    /// Takes a person off the roster. Past shifts keep naming them; seats in shifts that start
    /// from now on are emptied (gaps for the planner to fill).
    Result<PersonRemoval> removePerson(PersonId id);
    /// Undoes removePerson: back on the roster, and back in the seats that are still empty.
    Status restorePerson(const PersonRemoval &removal);
    /// Deletes a person with no shifts at all (the undo of adding them).
    Status erasePerson(PersonId id);

    // Teams.
    Result<Team> addTeam(Team team);
    Status updateTeam(const Team &team);
    /// Only a team without people.
    Status removeTeam(TeamId id);

    // Time off.
    Result<TimeOff> addTimeOff(TimeOff timeOff);
    Status updateTimeOff(const TimeOff &timeOff);
    Status removeTimeOff(TimeOffId id);

    // Public holidays.
    Result<QList<Holiday>> holidays(TeamId team) const; ///< by date
    /// Adds a public holiday of a team; one per team and day.
    Result<Holiday> addHoliday(Holiday holiday);
    Status removeHoliday(HolidayId id);
    /// What an .ics import wrote, taken away (undo) or written again with the same ids (redo),
    /// each in one transaction.
    Status removeImported(const QList<TimeOff> &timeOff, const QList<Holiday> &holidays);
    Status restoreImported(const QList<TimeOff> &timeOff, const QList<Holiday> &holidays);

    // CSV.
    /// Checks a parsed file against the database: what would be added, updated, left alone,
    /// and every problem by line and column. Writes nothing.
    Result<RosterImportPlan> planImport(const RosterCsvParse &parsed) const;
    /// Applies a plan in one transaction. With `validRowsOnly`, rows with problems are skipped;
    /// otherwise a plan with any problem is refused and nothing is written.
    Result<RosterImportSummary> applyImport(const RosterImportPlan &plan, bool validRowsOnly = false);
    /// Undoes an applied plan in one transaction: updated people back as they were, added
    /// people and created teams deleted.
    Status revertImport(const RosterImportPlan &plan);
    /// The roster as CSV, in the import format.
    Result<QByteArray> exportCsv() const;

private:
    Status checkEmailFree(const Person &person) const;
    Status checkTeamsExist(const Person &person) const;

    Database &m_db;
};

} // namespace Tandem
