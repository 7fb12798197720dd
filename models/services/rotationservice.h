#pragma once

#include "domain/result.h"
#include "domain/rotation.h"
#include "domain/shift.h"

#include <optional>

namespace Tandem {

class Database;

/// The rotation and ops-pool use cases. Each mutation validates (naming the field at fault in
/// Error::field), writes in one transaction and appends to the change log in that same
/// transaction; on any error nothing is written. The GUI and the command line both call these.
class RotationService
{
public:
    explicit RotationService(Database &db) : m_db(db) {}

    // Rotations.
    Result<QList<Rotation>> rotations() const; ///< in use, by name
    /// Also finds a removed rotation: its past shifts still name it.
    Result<std::optional<Rotation>> rotation(RotationId id) const;
    Result<std::optional<Rotation>> rotationByName(const QString &name) const; ///< case-insensitive, in use
    /// Adds a rotation (a new id unless one is set).
    Result<Rotation> addRotation(Rotation rotation);
    Status updateRotation(const Rotation &rotation);
    /// Takes a rotation out of use. Its past shifts and those under way stay (history); the
    /// shifts that have not started yet are deleted, each with its change-log row.
    Status removeRotation(RotationId id);

    // Ops pools.
    Result<QList<OpsPool>> pools() const; ///< by name
    Result<std::optional<OpsPool>> pool(PoolId id) const;
    Result<std::optional<OpsPool>> poolByName(const QString &name) const; ///< case-insensitive
    /// Adds a pool (a new id unless one is set). Members must be on the roster with production
    /// access; they are kept once each, ordered by name.
    Result<OpsPool> addPool(OpsPool pool);
    Status updatePool(const OpsPool &pool);
    /// Refused while a rotation in use draws from the pool.
    Status removePool(PoolId id);

    // Shifts.
    /// Shifts overlapping [from, to), of one rotation or (null) of all, by start.
    Result<QList<Shift>> shifts(const QDateTime &from, const QDateTime &to, RotationId rotation = {}) const;
    /// Shifts overlapping [from, to) that `filter` keeps (rotation, team, person), by start.
    Result<QList<Shift>> matchingShifts(const QDateTime &from, const QDateTime &to, const ShiftFilter &filter) const;

private:
    Result<Rotation> normalizedChecked(Rotation rotation) const;
    Result<OpsPool> normalizedChecked(OpsPool pool) const;

    Database &m_db;
};

} // namespace Tandem
