#include "shiftrepository.h"

#include "database.h"
#include "domain/hourwindows.h"
#include "domain/serialize.h"
#include "sqlutil.h"

#include <QCoreApplication>
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

Result<QList<Shift>> ShiftRepository::select(const QString &where, const QVariantList &values,
                                             const QString &order) const
{
    auto query = run(m_db,
                     u"SELECT id, rotation_id, start_utc, end_utc, dev_id, ops_id, state, note, bridge_url, "
                     "sequence, shadow_id FROM shifts WHERE "_s +
                         where + order,
                     values);
    if (!query) {
        return query.error();
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
        // The schema's CHECK admits only the three states: the fallback never applies.
        s.state = shiftStateFromString(q.value(6).toString()).value_or(ShiftState::Planned);
        s.note = q.value(7).toString();
        s.bridgeUrl = q.value(8).toString();
        s.sequence = q.value(9).toInt();
        s.shadow = personFrom(q.value(10));
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

Result<QList<Shift>> ShiftRepository::overlapping(const QDateTime &from, const QDateTime &to, RotationId rotation) const
{
    return matching(from, to, ShiftFilter{rotation, {}, {}});
}

Result<QList<Shift>> ShiftRepository::matching(const QDateTime &from, const QDateTime &to,
                                               const ShiftFilter &filter) const
{
    // The lower bound on start_utc (no shift is longer than MaxShiftSeconds) lets SQLite read
    // just the index range of the window instead of every shift that started before its end.
    const qint64 earliest = from.toSecsSinceEpoch() - MaxShiftSeconds;
    QString where = u"start_utc > ? AND start_utc < ? AND end_utc > ?"_s;
    QVariantList values{earliest, to.toSecsSinceEpoch(), from.toSecsSinceEpoch()};
    if (!filter.rotation.isNull()) {
        where.prepend(u"rotation_id = ? AND "_s);
        values.prepend(filter.rotation.toString());
    }
    if (!filter.team.isNull()) {
        where += u" AND rotation_id IN (SELECT id FROM rotations WHERE team_id = ?)"_s;
        values << filter.team.toString();
    }
    if (!filter.person.isNull()) {
        where += u" AND (dev_id = ? OR ops_id = ?)"_s;
        values << filter.person.toString() << filter.person.toString();
    }
    return select(where, values);
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

Result<QList<Shift>> ShiftRepository::ofPerson(PersonId person, const QDateTime &from, const QDateTime &to,
                                               int limit) const
{
    // Each seat through its own index (dev_id, start_utc) and (ops_id, start_utc), bounded below
    // like overlapping(): no shift is longer than MaxShiftSeconds.
    const QString id = person.toString();
    const qint64 earliest = from.toSecsSinceEpoch() - MaxShiftSeconds;
    return select(u"(dev_id = ? OR ops_id = ?) AND start_utc > ? AND start_utc < ? AND end_utc > ?"_s,
                  {id, id, earliest, to.toSecsSinceEpoch(), from.toSecsSinceEpoch()},
                  u" ORDER BY start_utc, rotation_id"_s + (limit > 0 ? u" LIMIT %1"_s.arg(limit) : QString()));
}

Result<QList<Shift>> ShiftRepository::shadowedBy(PersonId person, const QDateTime &from, const QDateTime &to) const
{
    return select(
        u"shadow_id = ? AND start_utc > ? AND start_utc < ? AND end_utc > ?"_s,
        {person.toString(), from.toSecsSinceEpoch() - MaxShiftSeconds, to.toSecsSinceEpoch(), from.toSecsSinceEpoch()});
}

Result<int> ShiftRepository::shadowCount(RotationId rotation, PersonId person, const QDateTime &endedBy) const
{
    QString sql = u"SELECT count(*) FROM shifts WHERE shadow_id = ? AND rotation_id = ?"_s;
    QVariantList values{person.toString(), rotation.toString()};
    if (endedBy.isValid()) {
        sql += u" AND end_utc <= ?"_s;
        values << endedBy.toSecsSinceEpoch();
    }
    auto query = run(m_db, sql, values);
    if (!query) {
        return query.error();
    }
    return query.value().next() ? query.value().value(0).toInt() : 0;
}

Result<QList<Shift>> ShiftRepository::endingAfter(RotationId rotation, const QDateTime &instant, int limit) const
{
    return select(u"rotation_id = ? AND start_utc > ? AND end_utc > ?"_s,
                  {rotation.toString(), instant.toSecsSinceEpoch() - MaxShiftSeconds, instant.toSecsSinceEpoch()},
                  u" ORDER BY start_utc LIMIT %1"_s.arg(std::max(1, limit)));
}

Result<std::optional<Shift>> ShiftRepository::endedBy(RotationId rotation, const QDateTime &instant,
                                                      qint64 window) const
{
    const qint64 at = instant.toSecsSinceEpoch();
    auto found = select(u"rotation_id = ? AND start_utc > ? AND start_utc < ? AND end_utc <= ? AND end_utc > ?"_s,
                        {rotation.toString(), at - window - MaxShiftSeconds, at, at, at - window},
                        u" ORDER BY end_utc DESC, start_utc DESC LIMIT 1"_s);
    if (!found) {
        return found.error();
    }
    return found->isEmpty() ? std::nullopt : std::optional<Shift>(found->first());
}

namespace {

Status checkLength(const Shift &s)
{
    if (s.start.secsTo(s.end) > MaxShiftSeconds) {
        return Error{QCoreApplication::translate("Tandem::Store", "A shift cannot last longer than %1 days.")
                         .arg(MaxShiftSeconds / 86400)};
    }
    return {};
}

} // namespace

Status ShiftRepository::insert(const Shift &s)
{
    if (auto status = checkLength(s); !status) {
        return status;
    }
    return execute(m_db,
                   u"INSERT INTO shifts (id, rotation_id, start_utc, end_utc, dev_id, ops_id, state, note, "
                   "bridge_url, sequence, shadow_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                   {s.id.toString(), s.rotationId.toString(), s.start.toSecsSinceEpoch(), s.end.toSecsSinceEpoch(),
                    personValue(s.dev), personValue(s.ops), shiftStateToString(s.state), s.note, s.bridgeUrl,
                    s.sequence, personValue(s.shadow)});
}

Status ShiftRepository::update(const Shift &s)
{
    if (auto status = checkLength(s); !status) {
        return status;
    }
    return execute(m_db,
                   u"UPDATE shifts SET rotation_id = ?, start_utc = ?, end_utc = ?, dev_id = ?, ops_id = ?, "
                   "state = ?, note = ?, bridge_url = ?, sequence = ?, shadow_id = ? WHERE id = ?"_s,
                   {s.rotationId.toString(), s.start.toSecsSinceEpoch(), s.end.toSecsSinceEpoch(), personValue(s.dev),
                    personValue(s.ops), shiftStateToString(s.state), s.note, s.bridgeUrl, s.sequence,
                    personValue(s.shadow), s.id.toString()});
}

namespace {

QVariant poolValue(PoolId id)
{
    return id.isNull() ? QVariant(QMetaType::fromType<QString>()) : QVariant(id.toString());
}

QString rulesText(const RotationRules &rules)
{
    return QString::fromUtf8(QJsonDocument(toJson(rules)).toJson(QJsonDocument::Compact));
}

} // namespace

Status ShiftRepository::remove(ShiftId id)
{
    return execute(m_db, u"DELETE FROM shifts WHERE id = ?"_s, {id.toString()});
}

Result<QList<Rotation>> RotationRepository::select(const QString &where, const QVariantList &values) const
{
    auto query = run(m_db,
                     u"SELECT id, team_id, name, ops_pool_id, time_zone, shift_minutes, handoff_weekday, "
                     "handoff_time, active_days, start_date, rules, color, windows FROM rotations WHERE "_s +
                         where + u" ORDER BY name COLLATE NOCASE"_s,
                     values);
    if (!query) {
        return query.error();
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
        // Written by windowsText(); what does not read is kept out rather than guessed.
        r.windows = parseWindows(q.value(12).toString()).value_or({});
        result.append(r);
    }
    return result;
}

Result<QList<Rotation>> RotationRepository::all() const
{
    return select(u"removed_at IS NULL"_s, {});
}

Result<std::optional<Rotation>> RotationRepository::find(RotationId id) const
{
    auto found = select(u"id = ?"_s, {id.toString()});
    if (!found) {
        return found.error();
    }
    return found->isEmpty() ? std::nullopt : std::optional<Rotation>(found->first());
}

Result<std::optional<Rotation>> RotationRepository::findByName(const QString &name) const
{
    // The name column is COLLATE NOCASE: "=" compares case-insensitively (ASCII, like SQLite).
    auto found = select(u"removed_at IS NULL AND name = ?"_s, {name.trimmed()});
    if (!found) {
        return found.error();
    }
    return found->isEmpty() ? std::nullopt : std::optional<Rotation>(found->first());
}

Result<QList<Rotation>> RotationRepository::usingPool(PoolId pool) const
{
    return select(u"removed_at IS NULL AND ops_pool_id = ?"_s, {pool.toString()});
}

Result<bool> RotationRepository::isRemoved(RotationId id) const
{
    auto query = run(m_db, u"SELECT removed_at IS NOT NULL FROM rotations WHERE id = ?"_s, {id.toString()});
    if (!query) {
        return query.error();
    }
    return query.value().next() && query.value().value(0).toBool();
}

Status RotationRepository::insert(const Rotation &r)
{
    return execute(m_db,
                   u"INSERT INTO rotations (id, team_id, name, ops_pool_id, time_zone, shift_minutes, "
                   "handoff_weekday, handoff_time, active_days, start_date, rules, color, windows) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                   {r.id.toString(), r.teamId.toString(), r.name, poolValue(r.opsPoolId), r.timeZone, r.shiftMinutes,
                    r.handoffWeekday, r.handoffTime.toString(u"HH:mm"_s), r.activeDays,
                    r.startDate.toString(Qt::ISODate), rulesText(r.rules), r.color, windowsText(r.windows)});
}

Status RotationRepository::update(const Rotation &r)
{
    auto query = run(m_db,
                     u"UPDATE rotations SET team_id = ?, name = ?, ops_pool_id = ?, time_zone = ?, "
                     "shift_minutes = ?, handoff_weekday = ?, handoff_time = ?, active_days = ?, "
                     "start_date = ?, rules = ?, color = ?, windows = ? WHERE id = ? AND removed_at IS NULL"_s,
                     {r.teamId.toString(), r.name, poolValue(r.opsPoolId), r.timeZone, r.shiftMinutes, r.handoffWeekday,
                      r.handoffTime.toString(u"HH:mm"_s), r.activeDays, r.startDate.toString(Qt::ISODate),
                      rulesText(r.rules), r.color, windowsText(r.windows), r.id.toString()});
    if (!query) {
        return query.error();
    }
    QSqlQuery &q = query.value();
    if (q.numRowsAffected() != 1) {
        return Error{QCoreApplication::translate("Tandem::Store", "No such rotation: %1").arg(r.name)};
    }
    return {};
}

Status RotationRepository::remove(RotationId id)
{
    // The name column is UNIQUE across removed rows too (schema 1), so a removed rotation gives
    // its name up: it becomes "NAME (removed ID)". The change log keeps the name it had.
    return execute(m_db,
                   u"UPDATE rotations SET removed_at = ?, name = name || ' (removed ' || id || ')' "
                   "WHERE id = ? AND removed_at IS NULL"_s,
                   {m_db.clock().now().toUTC().toString(Qt::ISODate), id.toString()});
}

} // namespace Tandem
