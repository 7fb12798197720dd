#include "syncrepository.h"

#include "database.h"
#include "sqlutil.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QVariant jsonText(const QJsonObject &object)
{
    if (object.isEmpty()) {
        return sqlNull();
    }
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QVariant &value)
{
    return value.isNull() ? QJsonObject() : QJsonDocument::fromJson(value.toString().toUtf8()).object();
}

QVariant blob(const QByteArray &bytes)
{
    return bytes.isNull() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(bytes);
}

const QString AccountColumns =
    u"team_id, url, username, allow_insecure_http, read_only, sync_token, last_sync_utc, last_status"_s;

SyncAccount readAccount(const QSqlQuery &q)
{
    SyncAccount a;
    a.team = TeamId::fromString(q.value(0).toString());
    a.url = QUrl(q.value(1).toString());
    a.username = q.value(2).toString();
    a.allowInsecureHttp = q.value(3).toBool();
    a.readOnly = q.value(4).toBool();
    a.syncToken = q.value(5).toString().toUtf8();
    if (!q.value(6).isNull()) {
        a.lastSync = QDateTime::fromString(q.value(6).toString(), Qt::ISODateWithMs).toUTC();
    }
    a.lastStatus = q.value(7).toString();
    return a;
}

SyncItem readItem(const QSqlQuery &q)
{
    return SyncItem{q.value(0).toString(),    q.value(1).toString(),  q.value(2).toString(),
                    q.value(3).toByteArray(), jsonObject(q.value(4)), q.value(5).toByteArray()};
}

SyncConflict readConflict(const QSqlQuery &q)
{
    SyncConflict c;
    c.uid = q.value(0).toString();
    c.kind = q.value(1).toString();
    c.fields = q.value(2).toString().split(u',', Qt::SkipEmptyParts);
    c.base = jsonObject(q.value(3));
    c.mine = jsonObject(q.value(4));
    c.theirs = jsonObject(q.value(5));
    c.theirsEtag = q.value(6).toByteArray();
    c.detected = QDateTime::fromString(q.value(7).toString(), Qt::ISODateWithMs).toUTC();
    return c;
}

} // namespace

Result<QList<SyncAccount>> SyncRepository::accounts() const
{
    auto query = run(m_db, u"SELECT "_s + AccountColumns + u" FROM sync_accounts ORDER BY url"_s);
    if (!query) {
        return query.error();
    }
    QList<SyncAccount> result;
    while (query.value().next()) {
        result.append(readAccount(query.value()));
    }
    return result;
}

Result<std::optional<SyncAccount>> SyncRepository::account(TeamId team) const
{
    auto query =
        run(m_db, u"SELECT "_s + AccountColumns + u" FROM sync_accounts WHERE team_id = ?"_s, {team.toString()});
    if (!query) {
        return query.error();
    }
    if (!query.value().next()) {
        return std::optional<SyncAccount>();
    }
    return std::optional<SyncAccount>(readAccount(query.value()));
}

Status SyncRepository::saveAccount(const SyncAccount &a)
{
    return execute(m_db,
                   u"INSERT INTO sync_accounts ("_s + AccountColumns +
                       u") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (team_id) DO UPDATE SET url = excluded.url, "
                       "username = excluded.username, allow_insecure_http = excluded.allow_insecure_http, "
                       "read_only = excluded.read_only, sync_token = excluded.sync_token, "
                       "last_sync_utc = excluded.last_sync_utc, last_status = excluded.last_status"_s,
                   {a.team.toString(), a.url.toString(), a.username, a.allowInsecureHttp, a.readOnly,
                    QString::fromUtf8(a.syncToken),
                    a.lastSync.isValid() ? QVariant(a.lastSync.toUTC().toString(Qt::ISODateWithMs)) : sqlNull(),
                    a.lastStatus});
}

Status SyncRepository::removeAccount(TeamId team)
{
    if (auto status = clearItems(team); !status) {
        return status;
    }
    if (auto status = execute(m_db, u"DELETE FROM sync_conflicts WHERE team_id = ?"_s, {team.toString()}); !status) {
        return status;
    }
    return execute(m_db, u"DELETE FROM sync_accounts WHERE team_id = ?"_s, {team.toString()});
}

Status SyncRepository::setToken(TeamId team, const QByteArray &token)
{
    return execute(m_db, u"UPDATE sync_accounts SET sync_token = ? WHERE team_id = ?"_s,
                   {QString::fromUtf8(token), team.toString()});
}

Status SyncRepository::setOutcome(TeamId team, const QDateTime &lastSync, const QString &status)
{
    if (lastSync.isValid()) {
        return execute(m_db, u"UPDATE sync_accounts SET last_sync_utc = ?, last_status = ? WHERE team_id = ?"_s,
                       {lastSync.toUTC().toString(Qt::ISODateWithMs), status, team.toString()});
    }
    return execute(m_db, u"UPDATE sync_accounts SET last_status = ? WHERE team_id = ?"_s, {status, team.toString()});
}

Status SyncRepository::setReadOnly(TeamId team, bool readOnly)
{
    return execute(m_db, u"UPDATE sync_accounts SET read_only = ? WHERE team_id = ?"_s, {readOnly, team.toString()});
}

Result<QHash<QString, SyncItem>> SyncRepository::items(TeamId team) const
{
    auto query = run(m_db, u"SELECT uid, kind, href, etag, base_json, server_ics FROM sync_items WHERE team_id = ?"_s,
                     {team.toString()});
    if (!query) {
        return query.error();
    }
    QHash<QString, SyncItem> result;
    while (query.value().next()) {
        SyncItem item = readItem(query.value());
        result.insert(item.uid, item);
    }
    return result;
}

Result<std::optional<SyncItem>> SyncRepository::item(TeamId team, const QString &uid) const
{
    auto query = run(
        m_db, u"SELECT uid, kind, href, etag, base_json, server_ics FROM sync_items WHERE team_id = ? AND uid = ?"_s,
        {team.toString(), uid});
    if (!query) {
        return query.error();
    }
    if (!query.value().next()) {
        return std::optional<SyncItem>();
    }
    return std::optional<SyncItem>(readItem(query.value()));
}

Status SyncRepository::saveItem(TeamId team, const SyncItem &i)
{
    return execute(
        m_db,
        u"INSERT OR REPLACE INTO sync_items (team_id, uid, kind, href, etag, base_json, server_ics) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)"_s,
        {team.toString(), i.uid, i.kind, i.href, QString::fromUtf8(i.etag), jsonText(i.base), blob(i.serverIcs)});
}

Status SyncRepository::removeItem(TeamId team, const QString &uid)
{
    return execute(m_db, u"DELETE FROM sync_items WHERE team_id = ? AND uid = ?"_s, {team.toString(), uid});
}

Status SyncRepository::clearItems(TeamId team)
{
    return execute(m_db, u"DELETE FROM sync_items WHERE team_id = ?"_s, {team.toString()});
}

Result<QList<SyncConflict>> SyncRepository::conflicts(TeamId team) const
{
    auto query = run(m_db,
                     u"SELECT uid, kind, fields, base_json, mine_json, theirs_json, theirs_etag, detected_utc "
                     "FROM sync_conflicts WHERE team_id = ? ORDER BY detected_utc, uid"_s,
                     {team.toString()});
    if (!query) {
        return query.error();
    }
    QList<SyncConflict> result;
    while (query.value().next()) {
        result.append(readConflict(query.value()));
    }
    return result;
}

Result<std::optional<SyncConflict>> SyncRepository::conflict(TeamId team, const QString &uid) const
{
    auto all = conflicts(team);
    if (!all) {
        return all.error();
    }
    for (const SyncConflict &c : all.value()) {
        if (c.uid == uid) {
            return std::optional<SyncConflict>(c);
        }
    }
    return std::optional<SyncConflict>();
}

Status SyncRepository::saveConflict(TeamId team, const SyncConflict &c)
{
    return execute(m_db,
                   u"INSERT OR REPLACE INTO sync_conflicts (team_id, uid, kind, fields, base_json, mine_json, "
                   "theirs_json, theirs_etag, detected_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                   {team.toString(), c.uid, c.kind, c.fields.join(u','), jsonText(c.base), jsonText(c.mine),
                    jsonText(c.theirs), QString::fromUtf8(c.theirsEtag),
                    c.detected.toUTC().toString(Qt::ISODateWithMs)});
}

Status SyncRepository::removeConflict(TeamId team, const QString &uid)
{
    return execute(m_db, u"DELETE FROM sync_conflicts WHERE team_id = ? AND uid = ?"_s, {team.toString(), uid});
}

Result<QList<OutboxEntry>> SyncRepository::outbox(qint64 maxSeq) const
{
    auto query = run(m_db,
                     u"SELECT entity, entity_id, MAX(seq) AS last FROM change_log WHERE synced = 0 AND seq <= ? "
                     "GROUP BY entity, entity_id ORDER BY last"_s,
                     {maxSeq});
    if (!query) {
        return query.error();
    }
    QList<OutboxEntry> result;
    while (query.value().next()) {
        const QSqlQuery &q = query.value();
        result.append(OutboxEntry{q.value(0).toString(), q.value(1).toString(), q.value(2).toLongLong()});
    }
    return result;
}

Result<qint64> SyncRepository::lastSeq() const
{
    auto query = run(m_db, u"SELECT COALESCE(MAX(seq), 0) FROM change_log"_s);
    if (!query) {
        return query.error();
    }
    query.value().next();
    return query.value().value(0).toLongLong();
}

Status SyncRepository::markSynced(const QString &entity, const QString &entityId, qint64 maxSeq)
{
    return execute(m_db,
                   u"UPDATE change_log SET synced = 1 WHERE synced = 0 AND entity = ? AND entity_id = ? AND seq <= ?"_s,
                   {entity, entityId, maxSeq});
}

Status SyncRepository::markSyncedAfter(qint64 afterSeq)
{
    return execute(m_db, u"UPDATE change_log SET synced = 1 WHERE synced = 0 AND seq > ?"_s, {afterSeq});
}

Result<int> SyncRepository::pendingCount() const
{
    auto query = run(m_db, u"SELECT COUNT(DISTINCT entity || ':' || entity_id) FROM change_log WHERE synced = 0"_s);
    if (!query) {
        return query.error();
    }
    query.value().next();
    return query.value().value(0).toInt();
}

} // namespace Tandem
