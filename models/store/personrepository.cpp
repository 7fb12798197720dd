#include "personrepository.h"

#include "database.h"
#include "sqlutil.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Tandem {

Result<QList<Person>> PersonRepository::select(const QString &where, const QVariantList &values) const
{
    auto query = run(m_db,
                     u"SELECT id, name, email, role, time_zone, phone, chat, capacity, production_access, "
                     "senior, active, notes FROM people WHERE "_s +
                         where + u" ORDER BY name COLLATE NOCASE, email"_s,
                     values);
    if (!query) {
        return query.error();
    }
    QSqlQuery &q = query.value();
    QList<Person> people;
    QHash<QString, qsizetype> index;
    while (q.next()) {
        Person p;
        p.id = PersonId::fromString(q.value(0).toString());
        p.name = q.value(1).toString();
        p.email = q.value(2).toString();
        p.role = roleFromString(q.value(3).toString()).value_or(Role::Developer);
        p.timeZone = q.value(4).toString();
        p.phone = q.value(5).toString();
        p.chat = q.value(6).toString();
        p.capacity = q.value(7).toDouble();
        p.productionAccess = q.value(8).toBool();
        p.senior = q.value(9).toBool();
        p.active = q.value(10).toBool();
        p.notes = q.value(11).toString();
        index.insert(q.value(0).toString(), people.size());
        people.append(p);
    }
    if (people.isEmpty()) {
        return people;
    }
    auto teams = run(m_db, u"SELECT tm.person_id, tm.team_id FROM team_members tm JOIN teams t ON t.id = tm.team_id "
                           "ORDER BY t.name COLLATE NOCASE"_s);
    if (!teams) {
        return teams.error();
    }
    while (teams.value().next()) {
        const auto it = index.constFind(teams.value().value(0).toString());
        if (it != index.constEnd()) {
            people[*it].teams.append(TeamId::fromString(teams.value().value(1).toString()));
        }
    }
    return people;
}

Result<QList<Person>> PersonRepository::all() const
{
    return select(u"removed_at IS NULL"_s, {});
}

Result<std::optional<Person>> PersonRepository::find(PersonId id) const
{
    auto people = select(u"id = ?"_s, {id.toString()});
    if (!people) {
        return people.error();
    }
    return people->isEmpty() ? std::nullopt : std::optional<Person>(people->first());
}

Result<std::optional<Person>> PersonRepository::findByEmail(const QString &email) const
{
    auto people = select(u"email = ?"_s, {email.trimmed()});
    if (!people) {
        return people.error();
    }
    return people->isEmpty() ? std::nullopt : std::optional<Person>(people->first());
}

Result<bool> PersonRepository::isRemoved(PersonId id) const
{
    auto query = run(m_db, u"SELECT removed_at IS NOT NULL FROM people WHERE id = ?"_s, {id.toString()});
    if (!query) {
        return query.error();
    }
    return query.value().next() && query.value().value(0).toBool();
}

Status PersonRepository::insert(const Person &p)
{
    const Status inserted =
        execute(m_db,
                u"INSERT INTO people (id, name, email, role, time_zone, phone, chat, capacity, "
                "production_access, senior, active, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                {p.id.toString(), p.name, p.email, roleToString(p.role), p.timeZone, p.phone, p.chat, p.capacity,
                 p.productionAccess, p.senior, p.active, p.notes});
    return inserted ? writeTeams(p) : inserted;
}

Status PersonRepository::update(const Person &p)
{
    auto query = run(m_db,
                     u"UPDATE people SET name = ?, email = ?, role = ?, time_zone = ?, phone = ?, chat = ?, "
                     "capacity = ?, production_access = ?, senior = ?, active = ?, notes = ? WHERE id = ?"_s,
                     {p.name, p.email, roleToString(p.role), p.timeZone, p.phone, p.chat, p.capacity,
                      p.productionAccess, p.senior, p.active, p.notes, p.id.toString()});
    if (!query) {
        return query.error();
    }
    if (query.value().numRowsAffected() != 1) {
        return Error{QCoreApplication::translate("Tandem::Store", "No such person: %1").arg(p.email)};
    }
    return writeTeams(p);
}

Status PersonRepository::writeTeams(const Person &p)
{
    if (auto cleared = execute(m_db, u"DELETE FROM team_members WHERE person_id = ?"_s, {p.id.toString()}); !cleared) {
        return cleared;
    }
    auto add = prepare(m_db, u"INSERT INTO team_members (team_id, person_id) VALUES (?, ?)"_s);
    if (!add) {
        return add.error();
    }
    for (const TeamId &team : p.teams) {
        add.value().addBindValue(team.toString());
        add.value().addBindValue(p.id.toString());
        if (auto status = exec(add.value()); !status) {
            return status;
        }
    }
    return {};
}

Status PersonRepository::setRemoved(PersonId id, const QDateTime &removedAt)
{
    auto query = prepare(m_db, u"UPDATE people SET removed_at = ? WHERE id = ?"_s);
    if (!query) {
        return query.error();
    }
    query.value().addBindValue(removedAt.isValid() ? QVariant(removedAt.toUTC().toString(Qt::ISODate))
                                                   : QVariant(QMetaType::fromType<QString>()));
    query.value().addBindValue(id.toString());
    return exec(query.value());
}

Status PersonRepository::erase(PersonId id)
{
    return execute(m_db, u"DELETE FROM people WHERE id = ?"_s, {id.toString()});
}

} // namespace Tandem
