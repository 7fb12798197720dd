#pragma once

#include "domain/result.h"
#include "domain/timeoff.h"

#include <optional>

namespace Tandem {

class Database;

/// Time off of people.
class TimeOffRepository
{
public:
    explicit TimeOffRepository(Database &db) : m_db(db) {}

    /// All time off of people on the roster, by start date.
    Result<QList<TimeOff>> all() const;
    Result<QList<TimeOff>> forPerson(PersonId person) const;
    /// Time off that overlaps [from, to].
    Result<QList<TimeOff>> overlapping(QDate from, QDate to) const;
    Result<std::optional<TimeOff>> find(TimeOffId id) const;

    Status insert(const TimeOff &timeOff);
    Status update(const TimeOff &timeOff);
    Status remove(TimeOffId id);

private:
    Result<QList<TimeOff>> select(const QString &where, const QVariantList &values) const;
    Database &m_db;
};

/// Public holidays per team.
class HolidayRepository
{
public:
    explicit HolidayRepository(Database &db) : m_db(db) {}

    Result<QList<Holiday>> forTeam(TeamId team) const;
    Status insert(const Holiday &holiday);
    Status remove(HolidayId id);

private:
    Database &m_db;
};

} // namespace Tandem
