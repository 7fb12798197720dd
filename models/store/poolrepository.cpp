#include "poolrepository.h"

#include "database.h"
#include "sqlutil.h"

#include <QCoreApplication>
#include <QHash>

using namespace Qt::StringLiterals;

namespace Tandem {

Result<QList<OpsPool>> PoolRepository::select(const QString &where, const QVariantList &values) const
{
    auto query =
        run(m_db, u"SELECT id, name FROM ops_pools WHERE "_s + where + u" ORDER BY name COLLATE NOCASE"_s, values);
    if (!query) {
        return query.error();
    }
    QList<OpsPool> pools;
    QHash<QString, qsizetype> index;
    while (query.value().next()) {
        const QSqlQuery &q = query.value();
        index.insert(q.value(0).toString(), pools.size());
        pools.append(OpsPool{PoolId::fromString(q.value(0).toString()), q.value(1).toString(), {}});
    }
    if (pools.isEmpty()) {
        return pools;
    }
    // One pool reads its own members through the primary key, not every pool's.
    auto members =
        pools.size() == 1
            ? run(m_db,
                  u"SELECT m.pool_id, m.person_id FROM ops_pool_members m JOIN people p ON p.id = m.person_id "
                  "WHERE m.pool_id = ? ORDER BY p.name COLLATE NOCASE, p.email"_s,
                  {pools.first().id.toString()})
            : run(m_db, u"SELECT m.pool_id, m.person_id FROM ops_pool_members m "
                        "JOIN people p ON p.id = m.person_id ORDER BY p.name COLLATE NOCASE, p.email"_s);
    if (!members) {
        return members.error();
    }
    while (members.value().next()) {
        const auto it = index.constFind(members.value().value(0).toString());
        if (it != index.constEnd()) {
            pools[*it].members.append(PersonId::fromString(members.value().value(1).toString()));
        }
    }
    return pools;
}

Result<QList<OpsPool>> PoolRepository::all() const
{
    return select(u"1"_s, {});
}

Result<std::optional<OpsPool>> PoolRepository::find(PoolId id) const
{
    auto pools = select(u"id = ?"_s, {id.toString()});
    if (!pools) {
        return pools.error();
    }
    return pools->isEmpty() ? std::nullopt : std::optional<OpsPool>(pools->first());
}

Result<std::optional<OpsPool>> PoolRepository::findByName(const QString &name) const
{
    // The name column is COLLATE NOCASE.
    auto pools = select(u"name = ?"_s, {name.trimmed()});
    if (!pools) {
        return pools.error();
    }
    return pools->isEmpty() ? std::nullopt : std::optional<OpsPool>(pools->first());
}

Status PoolRepository::insert(const OpsPool &pool)
{
    auto query = run(m_db, u"INSERT INTO ops_pools (id, name) VALUES (?, ?)"_s, {pool.id.toString(), pool.name});
    if (!query) {
        return query.error();
    }
    return writeMembers(pool);
}

Status PoolRepository::update(const OpsPool &pool)
{
    auto query = run(m_db, u"UPDATE ops_pools SET name = ? WHERE id = ?"_s, {pool.name, pool.id.toString()});
    if (!query) {
        return query.error();
    }
    if (query.value().numRowsAffected() != 1) {
        return Error{QCoreApplication::translate("Tandem::Store", "No such ops pool: %1").arg(pool.name)};
    }
    return writeMembers(pool);
}

Status PoolRepository::writeMembers(const OpsPool &pool)
{
    auto clear = run(m_db, u"DELETE FROM ops_pool_members WHERE pool_id = ?"_s, {pool.id.toString()});
    if (!clear) {
        return clear.error();
    }
    auto add = prepare(m_db, u"INSERT INTO ops_pool_members (pool_id, person_id) VALUES (?, ?)"_s);
    if (!add) {
        return add.error();
    }
    for (const PersonId &member : pool.members) {
        add.value().addBindValue(pool.id.toString());
        add.value().addBindValue(member.toString());
        if (auto status = exec(add.value()); !status) {
            return status;
        }
    }
    return {};
}

Status PoolRepository::remove(PoolId id)
{
    // Removed rotations keep their row for history, and with it a reference the foreign key
    // would hold against the delete.
    auto detach =
        run(m_db, u"UPDATE rotations SET ops_pool_id = NULL WHERE ops_pool_id = ? AND removed_at IS NOT NULL"_s,
            {id.toString()});
    if (!detach) {
        return detach.error();
    }
    return execute(m_db, u"DELETE FROM ops_pools WHERE id = ?"_s, {id.toString()});
}

} // namespace Tandem
