#include "teamrepository.h"

#include "database.h"
#include "sqlutil.h"

using namespace Qt::StringLiterals;

namespace Tandem {

Result<QList<Team>> TeamRepository::select(const QString &where, const QVariantList &values) const
{
    auto query = run(
        m_db, u"SELECT id, name, time_zone FROM teams WHERE "_s + where + u" ORDER BY name COLLATE NOCASE"_s, values);
    if (!query) {
        return query.error();
    }
    QList<Team> teams;
    while (query.value().next()) {
        const QSqlQuery &q = query.value();
        teams.append(Team{TeamId::fromString(q.value(0).toString()), q.value(1).toString(), q.value(2).toString()});
    }
    return teams;
}

Result<QList<Team>> TeamRepository::all() const
{
    return select(u"1"_s, {});
}

Result<std::optional<Team>> TeamRepository::find(TeamId id) const
{
    auto teams = select(u"id = ?"_s, {id.toString()});
    if (!teams) {
        return teams.error();
    }
    return teams->isEmpty() ? std::nullopt : std::optional<Team>(teams->first());
}

Result<std::optional<Team>> TeamRepository::findByName(const QString &name) const
{
    auto teams = select(u"name = ?"_s, {name.trimmed()});
    if (!teams) {
        return teams.error();
    }
    return teams->isEmpty() ? std::nullopt : std::optional<Team>(teams->first());
}

Result<int> TeamRepository::memberCount(TeamId id) const
{
    auto query = run(m_db,
                     u"SELECT count(*) FROM team_members tm JOIN people p ON p.id = tm.person_id "
                     "WHERE tm.team_id = ? AND p.removed_at IS NULL"_s,
                     {id.toString()});
    if (!query) {
        return query.error();
    }
    query.value().next();
    return query.value().value(0).toInt();
}

Status TeamRepository::insert(const Team &team)
{
    return execute(m_db, u"INSERT INTO teams (id, name, time_zone) VALUES (?, ?, ?)"_s,
                   {team.id.toString(), team.name, team.timeZone});
}

Status TeamRepository::update(const Team &team)
{
    return execute(m_db, u"UPDATE teams SET name = ?, time_zone = ? WHERE id = ?"_s,
                   {team.name, team.timeZone, team.id.toString()});
}

Status TeamRepository::remove(TeamId id)
{
    return execute(m_db, u"DELETE FROM teams WHERE id = ?"_s, {id.toString()});
}

} // namespace Tandem
