#include "timeoffrepository.h"

#include "database.h"
#include "sqlutil.h"

using namespace Qt::StringLiterals;

namespace Tandem {

Result<QList<TimeOff>> TimeOffRepository::select(const QString &where, const QVariantList &values) const
{
    auto query = run(m_db,
                     u"SELECT t.id, t.person_id, t.from_date, t.to_date, t.reason FROM time_off t "
                     "JOIN people p ON p.id = t.person_id WHERE "_s +
                         where + u" ORDER BY t.from_date, p.name COLLATE NOCASE"_s,
                     values);
    if (!query) {
        return query.error();
    }
    QList<TimeOff> result;
    while (query.value().next()) {
        const QSqlQuery &q = query.value();
        result.append(TimeOff{TimeOffId::fromString(q.value(0).toString()), PersonId::fromString(q.value(1).toString()),
                              QDate::fromString(q.value(2).toString(), Qt::ISODate),
                              QDate::fromString(q.value(3).toString(), Qt::ISODate), q.value(4).toString()});
    }
    return result;
}

Result<QList<TimeOff>> TimeOffRepository::all() const
{
    return select(u"p.removed_at IS NULL"_s, {});
}

Result<QList<TimeOff>> TimeOffRepository::forPerson(PersonId person) const
{
    return select(u"t.person_id = ?"_s, {person.toString()});
}

Result<QList<TimeOff>> TimeOffRepository::overlapping(QDate from, QDate to) const
{
    // ISO dates compare as text in date order.
    return select(u"p.removed_at IS NULL AND t.to_date >= ? AND t.from_date <= ?"_s,
                  {from.toString(Qt::ISODate), to.toString(Qt::ISODate)});
}

Result<std::optional<TimeOff>> TimeOffRepository::find(TimeOffId id) const
{
    auto found = select(u"t.id = ?"_s, {id.toString()});
    if (!found) {
        return found.error();
    }
    return found->isEmpty() ? std::nullopt : std::optional<TimeOff>(found->first());
}

Status TimeOffRepository::insert(const TimeOff &t)
{
    return execute(
        m_db, u"INSERT INTO time_off (id, person_id, from_date, to_date, reason) VALUES (?, ?, ?, ?, ?)"_s,
        {t.id.toString(), t.personId.toString(), t.from.toString(Qt::ISODate), t.to.toString(Qt::ISODate), t.reason});
}

Status TimeOffRepository::update(const TimeOff &t)
{
    return execute(
        m_db, u"UPDATE time_off SET person_id = ?, from_date = ?, to_date = ?, reason = ? WHERE id = ?"_s,
        {t.personId.toString(), t.from.toString(Qt::ISODate), t.to.toString(Qt::ISODate), t.reason, t.id.toString()});
}

Status TimeOffRepository::remove(TimeOffId id)
{
    return execute(m_db, u"DELETE FROM time_off WHERE id = ?"_s, {id.toString()});
}

Result<QList<Holiday>> HolidayRepository::forTeam(TeamId team) const
{
    auto query =
        run(m_db, u"SELECT id, team_id, day, name FROM holidays WHERE team_id = ? ORDER BY day"_s, {team.toString()});
    if (!query) {
        return query.error();
    }
    QList<Holiday> result;
    while (query.value().next()) {
        const QSqlQuery &q = query.value();
        result.append(Holiday{HolidayId::fromString(q.value(0).toString()), TeamId::fromString(q.value(1).toString()),
                              QDate::fromString(q.value(2).toString(), Qt::ISODate), q.value(3).toString()});
    }
    return result;
}

Status HolidayRepository::insert(const Holiday &h)
{
    return execute(m_db, u"INSERT INTO holidays (id, team_id, day, name) VALUES (?, ?, ?, ?)"_s,
                   {h.id.toString(), h.teamId.toString(), h.date.toString(Qt::ISODate), h.name});
}

Status HolidayRepository::remove(HolidayId id)
{
    return execute(m_db, u"DELETE FROM holidays WHERE id = ?"_s, {id.toString()});
}

} // namespace Tandem
