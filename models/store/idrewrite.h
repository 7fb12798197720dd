#pragma once

#include "domain/ids.h"
#include "domain/result.h"

namespace Tandem {

class Database;

/// Gives an entity a new id everywhere this database names it (its row, memberships, seats,
/// time off, requests, rules), for merging a local entity into the same one of a shared team:
/// a person matched by e-mail, a team linked by name. The change log is left as it was written
/// (the audit trail names the old id); the caller logs the merge. Must run inside a
/// Transaction; foreign keys are checked when it commits. `to` must not exist yet.
class IdRewrite
{
public:
    explicit IdRewrite(Database &db) : m_db(db) {}

    Status person(PersonId from, PersonId to);
    Status team(TeamId from, TeamId to);
    Status rotation(RotationId from, RotationId to);
    Status pool(PoolId from, PoolId to);

private:
    Status run(const QList<QString> &statements, const QString &from, const QString &to);

    Database &m_db;
};

} // namespace Tandem
