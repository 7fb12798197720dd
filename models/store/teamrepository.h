#pragma once

#include "domain/result.h"
#include "domain/team.h"

#include <optional>

namespace Tandem {

class Database;

/// Teams.
class TeamRepository
{
public:
    explicit TeamRepository(Database &db) : m_db(db) {}

    Result<QList<Team>> all() const; ///< ordered by name
    Result<std::optional<Team>> find(TeamId id) const;
    Result<std::optional<Team>> findByName(const QString &name) const; ///< case-insensitive
    Result<int> memberCount(TeamId id) const;

    Status insert(const Team &team);
    Status update(const Team &team);
    Status remove(TeamId id);

private:
    Result<QList<Team>> select(const QString &where, const QVariantList &values) const;
    Database &m_db;
};

} // namespace Tandem
