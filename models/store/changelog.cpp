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

    auto query = prepared(m_db, u"INSERT INTO change_log (at_utc, actor, entity, entity_id, action, before_json, "
                                "after_json) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    if (!query) {
        return query.error();
    }
    QSqlQuery &q = *query.value();
    q.addBindValue(entry.at.toString(Qt::ISODateWithMs));
    q.addBindValue(entry.actor);
    q.addBindValue(entry.entity);
    q.addBindValue(entry.entityId);
    q.addBindValue(changeActionToString(action));
    const QString beforeText = toText(before);
    const QString afterText = toText(after);
    q.addBindValue(beforeText.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(beforeText));
    q.addBindValue(afterText.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(afterText));
    if (auto status = exec(q); !status) {
        return status;
    }
    entry.seq = q.lastInsertId().toLongLong();
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
        result.append(e);
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
