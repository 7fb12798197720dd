#include "changelog.h"

#include "database.h"
#include "sqlutil.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QString toText(const QJsonObject &object)
{
    return object.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject fromText(const QVariant &value)
{
    return value.isNull() ? QJsonObject() : QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

} // namespace

Status ChangeLog::append(QStringView entity, const QString &entityId, ChangeAction action, const QJsonObject &before,
                         const QJsonObject &after)
{
    Q_ASSERT_X(m_db.transactionDepth() > 0, "ChangeLog::append", "a change must be logged in its own transaction");
    ChangeEntry entry;
    entry.at = m_db.clock().now().toUTC();
    entry.actor = m_db.actor();
    entry.entity = entity.toString();
    entry.entityId = entityId;
    entry.action = action;
    entry.before = before;
    entry.after = after;

    // Kept prepared: a plan appends a row per shift.
    auto query = prepared(m_db, u"INSERT INTO change_log (at_utc, actor, entity, entity_id, action, before_json, "
                                "after_json) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    if (!query) {
        return query.error();
    }
    QSqlQuery &q = *query.value();
    const QString beforeText = toText(before);
    const QString afterText = toText(after);
    const QVariantList values{entry.at.toString(Qt::ISODateWithMs),
                              entry.actor,
                              entry.entity,
                              entry.entityId,
                              changeActionToString(action),
                              beforeText.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(beforeText),
                              afterText.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(afterText)};
    for (qsizetype i = 0; i < values.size(); ++i) {
        q.bindValue(int(i), values.at(i));
    }
    const Status status = exec(q);
    entry.seq = q.lastInsertId().toLongLong();
    q.finish();
    if (!status) {
        return status;
    }
    m_db.recordChange(entry);
    return {};
}

Result<QList<ChangeEntry>> ChangeLog::entries(QStringView entity, const QString &entityId) const
{
    QString sql = u"SELECT seq, at_utc, actor, entity, entity_id, action, before_json, after_json FROM change_log"_s;
    if (!entity.isEmpty()) {
        sql += entityId.isEmpty() ? u" WHERE entity = ?"_s : u" WHERE entity = ? AND entity_id = ?"_s;
    }
    sql += u" ORDER BY seq"_s;
    auto query = prepare(m_db, sql);
    if (!query) {
        return query.error();
    }
    QSqlQuery &q = query.value();
    if (!entity.isEmpty()) {
        q.addBindValue(entity.toString());
        if (!entityId.isEmpty()) {
            q.addBindValue(entityId);
        }
    }
    if (auto status = exec(q); !status) {
        return status.error();
    }
    QList<ChangeEntry> result;
    while (q.next()) {
        result.append(readEntry(q));
    }
    return result;
}

Result<qint64> ChangeLog::lastSeq() const
{
    // seq is AUTOINCREMENT: it never goes back, even when old entries are archived.
    auto query = run(m_db, u"SELECT COALESCE(MAX(seq), 0) FROM change_log"_s);
    if (!query) {
        return query.error();
    }
    query.value().next();
    return query.value().value(0).toLongLong();
}

Result<ChangesSince> ChangeLog::changesSince(qint64 seq, const QStringList &entities) const
{
    QStringList marks;
    QVariantList values{seq};
    for (const QString &entity : entities) {
        marks.append(u"?"_s);
        values.append(entity);
    }
    auto query = run(
        m_db, u"SELECT count(*), MIN(seq) FROM change_log WHERE seq > ? AND entity IN (%1)"_s.arg(marks.join(u", "_s)),
        values);
    if (!query) {
        return query.error();
    }
    query.value().next();
    ChangesSince since;
    since.count = query.value().value(0).toLongLong();
    if (since.count > 0) {
        auto first =
            run(m_db, u"SELECT entity, entity_id, actor FROM change_log WHERE seq = ?"_s, {query.value().value(1)});
        if (!first) {
            return first.error();
        }
        if (first.value().next()) {
            since.firstEntity = first.value().value(0).toString();
            since.firstEntityId = first.value().value(1).toString();
            since.firstActor = first.value().value(2).toString();
        }
    }
    return since;
}

Status ChangeLog::scanOlderThan(const QDateTime &cutoff, bool unsynced,
                                const std::function<Status(const ChangeEntry &)> &visit) const
{
    // at_utc is ISO 8601 in UTC with milliseconds ("…T…Z"): text order is time order.
    auto query = run(m_db,
                     u"SELECT seq, at_utc, actor, entity, entity_id, action, before_json, after_json FROM change_log"
                     " WHERE at_utc < ? AND (synced = 1 OR ?) ORDER BY seq"_s,
                     {cutoff.toUTC().toString(Qt::ISODateWithMs), unsynced ? 1 : 0});
    if (!query) {
        return query.error();
    }
    while (query.value().next()) {
        if (auto status = visit(readEntry(query.value())); !status) {
            return status;
        }
    }
    return {};
}

Status ChangeLog::remove(const QList<qint64> &seqs)
{
    Q_ASSERT_X(m_db.transactionDepth() > 0, "ChangeLog::remove", "entries are removed in a transaction");
    for (const qint64 seq : seqs) {
        if (auto status = execute(m_db, u"DELETE FROM change_log WHERE seq = ?"_s, {seq}); !status) {
            return status;
        }
    }
    return {};
}

ChangeEntry ChangeLog::readEntry(const QSqlQuery &q)
{
    ChangeEntry e;
    e.seq = q.value(0).toLongLong();
    e.at = QDateTime::fromString(q.value(1).toString(), Qt::ISODateWithMs);
    e.actor = q.value(2).toString();
    e.entity = q.value(3).toString();
    e.entityId = q.value(4).toString();
    const QString action = q.value(5).toString();
    e.action = action == u"create"   ? ChangeAction::Create
               : action == u"delete" ? ChangeAction::Delete
                                     : ChangeAction::Update;
    e.before = fromText(q.value(6));
    e.after = fromText(q.value(7));
    return e;
}

Result<qint64> ChangeLog::count() const
{
    auto query = run(m_db, u"SELECT count(*) FROM change_log"_s);
    if (!query) {
        return query.error();
    }
    query.value().next();
    return query.value().value(0).toLongLong();
}

} // namespace Tandem
