#include "shiftrepository.h"

#include "database.h"
#include "domain/serialize.h"
#include "sqlutil.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QVariant personValue(PersonId id)
{
    return id.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(id.toString());
}

PersonId personFrom(const QVariant &value)
{
    return value.isNull() ? PersonId() : PersonId::fromString(value.toString());
}

} // namespace

Result<QList<Shift>> ShiftRepository::select(const QString &where, const QVariantList &values) const
{
    auto query = prepare(m_db, u"SELECT id, rotation_id, start_utc, end_utc, dev_id, ops_id, state, note, bridge_url, "
                               "sequence FROM shifts WHERE "_s +
                                   where + u" ORDER BY start_utc, rotation_id"_s);
    if (!query) {
        return query.error();
    }
    for (const QVariant &value : values) {
        query.value().addBindValue(value);
    }
    if (auto status = exec(query.value()); !status) {
        return status.error();
    }
    QList<Shift> result;
    while (query.value().next()) {
        const QSqlQuery &q = query.value();
        Shift s;
        s.id = ShiftId::fromString(q.value(0).toString());
        s.rotationId = RotationId::fromString(q.value(1).toString());
        s.start = QDateTime::fromSecsSinceEpoch(q.value(2).toLongLong(), Qt::UTC);
        s.end = QDateTime::fromSecsSinceEpoch(q.value(3).toLongLong(), Qt::UTC);
        s.dev = personFrom(q.value(4));
        s.ops = personFrom(q.value(5));
        s.state = shiftStateFromString(q.value(6).toString()).value_or(ShiftState::Planned);
        s.note = q.value(7).toString();
        s.bridgeUrl = q.value(8).toString();
        s.sequence = q.value(9).toInt();
        result.append(s);
    }
    return result;
}

Result<std::optional<Shift>> ShiftRepository::find(ShiftId id) const
{
    auto found = select(u"id = ?"_s, {id.toString()});
    if (!found) {
        return found.error();
    }
    return found->isEmpty() ? std::nullopt : std::optional<Shift>(found->first());
}

Result<QList<Shift>> ShiftRepository::overlapping(const QDateTime &from, const QDateTime &to) const
{
    return select(u"start_utc < ? AND end_utc > ?"_s, {to.toSecsSinceEpoch(), from.toSecsSinceEpoch()});
}

Result<QList<SeatRef>> ShiftRepository::seatsFrom(PersonId person, const QDateTime &from) const
{
    const QString id = person.toString();
    auto shifts = select(u"start_utc >= ? AND (dev_id = ? OR ops_id = ?)"_s, {from.toSecsSinceEpoch(), id, id});
    if (!shifts) {
        return shifts.error();
    }
    QList<SeatRef> seats;
    for (const Shift &s : shifts.value()) {
        if (s.dev == person) {
            seats.append(SeatRef{s.id, Seat::Dev});
        }
        if (s.ops == person) {
            seats.append(SeatRef{s.id, Seat::Ops});
        }
    }
    return seats;
}

Status ShiftRepository::insert(const Shift &s)
{
    auto query = prepare(m_db, u"INSERT INTO shifts (id, rotation_id, start_utc, end_utc, dev_id, ops_id, state, note, "
                               "bridge_url, sequence) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    if (!query) {
        return query.error();
    }
    for (const QVariant &v : QVariantList{s.id.toString(), s.rotationId.toString(), s.start.toSecsSinceEpoch(),
                                          s.end.toSecsSinceEpoch(), personValue(s.dev), personValue(s.ops),
                                          shiftStateToString(s.state), s.note, s.bridgeUrl, s.sequence}) {
        query.value().addBindValue(v);
    }
    return exec(query.value());
}

Status ShiftRepository::update(const Shift &s)
{
    auto query = prepare(m_db, u"UPDATE shifts SET rotation_id = ?, start_utc = ?, end_utc = ?, dev_id = ?, ops_id = ?, "
                               "state = ?, note = ?, bridge_url = ?, sequence = ? WHERE id = ?"_s);
    if (!query) {
        return query.error();
    }
    for (const QVariant &v : QVariantList{s.rotationId.toString(), s.start.toSecsSinceEpoch(),
                                          s.end.toSecsSinceEpoch(), personValue(s.dev), personValue(s.ops),
                                          shiftStateToString(s.state), s.note, s.bridgeUrl, s.sequence,
                                          s.id.toString()}) {
        query.value().addBindValue(v);
    }
    return exec(query.value());
}

Result<QList<Rotation>> RotationRepository::all() const
{
    auto query = prepare(m_db, u"SELECT id, team_id, name, ops_pool_id, time_zone, shift_minutes, handoff_weekday, "
                               "handoff_time, active_days, start_date, rules, color FROM rotations "
                               "WHERE removed_at IS NULL ORDER BY name COLLATE NOCASE"_s);
    if (!query) {
        return query.error();
    }
    if (auto status = exec(query.value()); !status) {
        return status.error();
    }
    QList<Rotation> result;
    while (query.value().next()) {
        const QSqlQuery &q = query.value();
        Rotation r;
        r.id = RotationId::fromString(q.value(0).toString());
        r.teamId = TeamId::fromString(q.value(1).toString());
        r.name = q.value(2).toString();
        r.opsPoolId = q.value(3).isNull() ? PoolId() : PoolId::fromString(q.value(3).toString());
        r.timeZone = q.value(4).toString();
        r.shiftMinutes = q.value(5).toInt();
        r.handoffWeekday = q.value(6).toInt();
        r.handoffTime = QTime::fromString(q.value(7).toString(), Qt::ISODate);
        r.activeDays = q.value(8).toInt();
        r.startDate = QDate::fromString(q.value(9).toString(), Qt::ISODate);
        r.rules = rulesFromJson(QJsonDocument::fromJson(q.value(10).toString().toUtf8()).object());
        r.color = q.value(11).toString();
        result.append(r);
    }
    return result;
}

Status RotationRepository::insert(const Rotation &r)
{
    auto query = prepare(m_db, u"INSERT INTO rotations (id, team_id, name, ops_pool_id, time_zone, shift_minutes, "
                               "handoff_weekday, handoff_time, active_days, start_date, rules, color) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    if (!query) {
        return query.error();
    }
    for (const QVariant &v :
         QVariantList{r.id.toString(), r.teamId.toString(), r.name,
                      r.opsPoolId.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(r.opsPoolId.toString()),
                      r.timeZone, r.shiftMinutes, r.handoffWeekday, r.handoffTime.toString(u"HH:mm"_s),
                      r.activeDays, r.startDate.toString(Qt::ISODate),
                      QString::fromUtf8(QJsonDocument(toJson(r.rules)).toJson(QJsonDocument::Compact)), r.color}) {
        query.value().addBindValue(v);
    }
    return exec(query.value());
}

} // namespace Tandem
