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
    /// Shifts that overlap [from, to), by start; only those of `rotation` unless it is null.
    Result<QList<Shift>> overlapping(const QDateTime &from, const QDateTime &to, RotationId rotation = {}) const;
    /// The same, only those `filter` keeps: the filter is part of the query, so a team's month
    /// reads the team's shifts, not every rotation's.
    Result<QList<Shift>> matching(const QDateTime &from, const QDateTime &to, const ShiftFilter &filter) const;
    /// Seats the person holds in shifts that start at or after `from`.
    Result<QList<SeatRef>> seatsFrom(PersonId person, const QDateTime &from) const;
    /// Shifts in which the person holds a seat that overlap [from, to), by start; the first
    /// `limit` of them when it is positive. One query, through the seat indexes.
    Result<QList<Shift>> ofPerson(PersonId person, const QDateTime &from, const QDateTime &to, int limit = 0) const;
    /// Shifts the person shadows (Shift::shadow) that overlap [from, to), by start.
    Result<QList<Shift>> shadowedBy(PersonId person, const QDateTime &from, const QDateTime &to) const;
    /// How many shifts of the rotation the person shadows (their onboarding progress): all of
    /// them, past and planned, or with a valid `endedBy` those that ended by then.
    Result<int> shadowCount(RotationId rotation, PersonId person, const QDateTime &endedBy = {}) const;
    /// The first `limit` shifts of the rotation that end after `instant`, by start: the one
    /// under way at `instant` (if any) and those after it. One query.
    Result<QList<Shift>> endingAfter(RotationId rotation, const QDateTime &instant, int limit) const;
    /// The shift of the rotation that ended last at or before `instant`, looking back `window`
    /// seconds at most: the pair before a shift that starts at `instant`.
    Result<std::optional<Shift>> endedBy(RotationId rotation, const QDateTime &instant, qint64 window) const;

    Status insert(const Shift &shift);
    Status update(const Shift &shift);
    Status remove(ShiftId id);

private:
    /// `order` follows the WHERE clause (ORDER BY, LIMIT).
    Result<QList<Shift>> select(const QString &where, const QVariantList &values,
                                const QString &order = QStringLiteral(" ORDER BY start_utc, rotation_id")) const;
    Database &m_db;
};

/// Rotations with their shape and rules (the rules as JSON in one column). Removing a rotation
/// only marks the row: its past shifts keep naming it.
class RotationRepository
{
public:
    explicit RotationRepository(Database &db) : m_db(db) {}

    /// Rotations in use (not removed), ordered by name.
    Result<QList<Rotation>> all() const;
    /// Also finds removed rotations (their past shifts still point at them).
    Result<std::optional<Rotation>> find(RotationId id) const;
    /// Case-insensitive; only rotations in use.
    Result<std::optional<Rotation>> findByName(const QString &name) const;
    /// Rotations in use that draw their ops seat from `pool`.
    Result<QList<Rotation>> usingPool(PoolId pool) const;
    Result<bool> isRemoved(RotationId id) const;

    Status insert(const Rotation &rotation);
    /// Only a rotation in use; fails when there is none with that id.
    Status update(const Rotation &rotation);
    /// Marks the rotation removed at the clock's now and frees its name for a new rotation.
    Status remove(RotationId id);

private:
    Result<QList<Rotation>> select(const QString &where, const QVariantList &values) const;
    Database &m_db;
};

} // namespace Tandem
