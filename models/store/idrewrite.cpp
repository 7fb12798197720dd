#include "idrewrite.h"

#include "sqlutil.h"

using namespace Qt::StringLiterals;

namespace Tandem {

Status IdRewrite::run(const QList<QString> &statements, const QString &from, const QString &to)
{
    // The rows that point at the old id are moved one table at a time: without deferral the
    // first UPDATE would break a foreign key. Deferral ends with the outermost transaction.
    if (auto status = execSql(m_db, u"PRAGMA defer_foreign_keys = ON"_s); !status) {
        return status;
    }
    for (const QString &sql : statements) {
        if (auto status = execute(m_db, sql, {to, from}); !status) {
            return status;
        }
    }
    return {};
}

Status IdRewrite::person(PersonId from, PersonId to)
{
    const QString f = from.toString();
    const QString t = to.toString();
    if (auto status = run(
            {u"UPDATE people SET id = ? WHERE id = ?"_s, u"UPDATE team_members SET person_id = ? WHERE person_id = ?"_s,
             u"UPDATE ops_pool_members SET person_id = ? WHERE person_id = ?"_s,
             u"UPDATE shifts SET dev_id = ? WHERE dev_id = ?"_s, u"UPDATE shifts SET ops_id = ? WHERE ops_id = ?"_s,
             u"UPDATE shifts SET shadow_id = ? WHERE shadow_id = ?"_s,
             u"UPDATE time_off SET person_id = ? WHERE person_id = ?"_s,
             u"UPDATE swap_requests SET requester_id = ? WHERE requester_id = ?"_s,
             u"UPDATE swap_requests SET target_id = ? WHERE target_id = ?"_s,
             u"UPDATE swap_requests SET decided_by = ? WHERE decided_by = ?"_s},
            f, t);
        !status) {
        return status;
    }
    // Rotation rules name people (new developers, forbidden pairs) in their JSON text; ids are
    // UUIDs, so replacing the text replaces exactly that person.
    return execute(m_db, u"UPDATE rotations SET rules = replace(rules, ?, ?) WHERE instr(rules, ?) > 0"_s, {f, t, f});
}

Status IdRewrite::team(TeamId from, TeamId to)
{
    return run({u"UPDATE teams SET id = ? WHERE id = ?"_s, u"UPDATE team_members SET team_id = ? WHERE team_id = ?"_s,
                u"UPDATE rotations SET team_id = ? WHERE team_id = ?"_s,
                u"UPDATE holidays SET team_id = ? WHERE team_id = ?"_s},
               from.toString(), to.toString());
}

Status IdRewrite::rotation(RotationId from, RotationId to)
{
    return run(
        {u"UPDATE rotations SET id = ? WHERE id = ?"_s, u"UPDATE shifts SET rotation_id = ? WHERE rotation_id = ?"_s},
        from.toString(), to.toString());
}

Status IdRewrite::pool(PoolId from, PoolId to)
{
    return run({u"UPDATE ops_pools SET id = ? WHERE id = ?"_s,
                u"UPDATE ops_pool_members SET pool_id = ? WHERE pool_id = ?"_s,
                u"UPDATE rotations SET ops_pool_id = ? WHERE ops_pool_id = ?"_s},
               from.toString(), to.toString());
}

} // namespace Tandem
