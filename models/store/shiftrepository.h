#pragma once

#include "domain/result.h"
#include "domain/rotation.h"
#include "domain/shift.h"

#include <optional>

namespace Tandem {

class Database;

/// Shifts, read by time range through the index on start time.
class ShiftRepository
{
public:
    explicit ShiftRepository(Database &db) : m_db(db) {}

    Result<std::optional<Shift>> find(ShiftId id) const;
    /// Shifts that overlap [from, to), by start.
    Result<QList<Shift>> overlapping(const QDateTime &from, const QDateTime &to) const;
    /// Seats the person holds in shifts that start at or after `from`.
    Result<QList<SeatRef>> seatsFrom(PersonId person, const QDateTime &from) const;

    Status insert(const Shift &shift);
    Status update(const Shift &shift);

private:
    Result<QList<Shift>> select(const QString &where, const QVariantList &values) const;
    Database &m_db;
};

/// Rotations. The planner issue gives them their full settings.
class RotationRepository
{
public:
    explicit RotationRepository(Database &db) : m_db(db) {}

    Result<QList<Rotation>> all() const;
    Status insert(const Rotation &rotation);

private:
    Database &m_db;
};

} // namespace Tandem
