#include "personrepository.h"

#include "database.h"
#include "sqlutil.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace Tandem {

Result<QList<Person>> PersonRepository::select(const QString &where, const QVariantList &values) const
{
    auto query = prepare(m_db, u"SELECT id, name, email, role, time_zone, phone, chat, capacity, production_access, "
                               "senior, active, notes FROM people WHERE "_s +
                                   where + u" ORDER BY name COLLATE NOCASE, email"_s);
    if (!query) {
        return query.error();
    }
    QSqlQuery &q = query.value();
    // Read once, front to back: without this Qt keeps a copy of every row (100,000 people).
    q.setForwardOnly(true);
    for (const QVariant &value : values) {
        q.addBindValue(value);
    }
    if (auto status = exec(q); !status) {
        return status.error();
    }
    QList<Person> people;
    QHash<QString, qsizetype> index;
    while (q.next()) {
        Person p;
        p.id = PersonId::fromString(q.value(0).toString());
        p.name = q.value(1).toString();
        p.email = q.value(2).toString();
        // The schema's CHECK admits only the two roles: the fallback never applies.
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
    // A few people's lookup reads their memberships through the index (one query); only a long
    // list reads the whole table (in one pass, already ordered by team name).
    constexpr qsizetype FewPeople = 500;
    if (people.size() <= FewPeople) {
        QStringList marks;
        QVariantList ids;
        for (const Person &p : std::as_const(people)) {
            marks.append(u"?"_s);
            ids.append(p.id.toString());
        }
        auto teams = run(m_db,
                         u"SELECT tm.person_id, tm.team_id FROM team_members tm JOIN teams t ON t.id = tm.team_id "
                         "WHERE tm.person_id IN (%1) ORDER BY t.name COLLATE NOCASE"_s.arg(marks.join(u", "_s)),
                         ids);
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
    auto teams =
        prepare(m_db, u"SELECT tm.person_id, tm.team_id FROM team_members tm JOIN teams t ON t.id = tm.team_id "
                      "ORDER BY t.name COLLATE NOCASE"_s);
    if (!teams) {
        return teams.error();
    }
    teams.value().setForwardOnly(true);
    if (auto status = exec(teams.value()); !status) {
        return status.error();
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

Result<QList<Person>> PersonRepository::everyone() const
{
    return select(u"1"_s, {});
}

Result<QHash<PersonId, Person>> PersonRepository::findMany(const QList<PersonId> &ids) const
{
    QHash<PersonId, Person> found;
    constexpr qsizetype Chunk = 500;
    for (qsizetype start = 0; start < ids.size(); start += Chunk) {
        QStringList marks;
        QVariantList values;
        for (qsizetype i = start; i < std::min(ids.size(), start + Chunk); ++i) {
            marks.append(u"?"_s);
            values.append(ids.at(i).toString());
        }
        auto people = select(u"id IN (%1)"_s.arg(marks.join(u", "_s)), values);
        if (!people) {
            return people.error();
        }
        for (const Person &p : std::as_const(people.value())) {
            found.insert(p.id, p);
        }
    }
    return found;
}

Result<QSet<PersonId>> PersonRepository::removedIds() const
{
    auto query = run(m_db, u"SELECT id FROM people WHERE removed_at IS NOT NULL"_s);
    if (!query) {
        return query.error();
    }
    QSet<PersonId> ids;
    while (query.value().next()) {
        ids.insert(PersonId::fromString(query.value().value(0).toString()));
    }
    return ids;
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

Result<QStringList> PersonRepository::emailsTaken(const QStringList &emails) const
{
    auto query = prepare(m_db, u"SELECT 1 FROM people WHERE email = ?"_s);
    if (!query) {
        return query.error();
    }
    QStringList taken;
    for (const QString &email : emails) {
        query.value().addBindValue(email.trimmed());
        if (auto status = exec(query.value()); !status) {
            return status.error();
        }
        if (query.value().next()) {
            taken.append(email.trimmed());
        }
        query.value().finish();
    }
    return taken;
}

Status PersonRepository::insert(const Person &p)
{
    auto insert =
        prepared(m_db, u"INSERT INTO people (id, name, email, role, time_zone, phone, chat, capacity, "
                       "production_access, senior, active, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    if (!insert) {
        return insert.error();
    }
    QSqlQuery &q = *insert.value();
    for (const QVariant &value :
         {QVariant(p.id.toString()), QVariant(p.name), QVariant(p.email), QVariant(roleToString(p.role)),
          QVariant(p.timeZone), QVariant(p.phone), QVariant(p.chat), QVariant(p.capacity), QVariant(p.productionAccess),
          QVariant(p.senior), QVariant(p.active), QVariant(p.notes)}) {
        q.addBindValue(value);
    }
    if (auto status = exec(q); !status) {
        return status;
    }
    return writeTeams(p, true);
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
    return writeTeams(p, false);
}

Status PersonRepository::writeTeams(const Person &p, bool isNew)
{
    if (!isNew) {
        auto clear = prepared(m_db, u"DELETE FROM team_members WHERE person_id = ?"_s);
        if (!clear) {
            return clear.error();
        }
        clear.value()->addBindValue(p.id.toString());
        if (auto status = exec(*clear.value()); !status) {
            return status;
        }
    }
    auto add = prepared(m_db, u"INSERT INTO team_members (team_id, person_id) VALUES (?, ?)"_s);
    if (!add) {
        return add.error();
    }
    for (const TeamId &team : p.teams) {
        add.value()->addBindValue(team.toString());
        add.value()->addBindValue(p.id.toString());
        if (auto status = exec(*add.value()); !status) {
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
