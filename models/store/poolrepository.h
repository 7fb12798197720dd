#pragma once

#include "domain/result.h"
#include "domain/rotation.h"

#include <optional>

namespace Tandem {

class Database;

/// Ops pools and their members. Pools are independent of teams; several rotations may share
/// one. Members come back ordered by name.
class PoolRepository
{
public:
    explicit PoolRepository(Database &db) : m_db(db) {}

    Result<QList<OpsPool>> all() const; ///< ordered by name
    Result<std::optional<OpsPool>> find(PoolId id) const;
    Result<std::optional<OpsPool>> findByName(const QString &name) const; ///< case-insensitive

    Status insert(const OpsPool &pool);
    /// Renames the pool and replaces its members.
    Status update(const OpsPool &pool);
    /// Deletes the pool. Removed rotations that pointed at it lose the reference (their
    /// change-log rows keep it); a rotation in use makes the foreign key refuse.
    Status remove(PoolId id);

private:
    Result<QList<OpsPool>> select(const QString &where, const QVariantList &values) const;
    Status writeMembers(const OpsPool &pool);

    Database &m_db;
};

} // namespace Tandem
