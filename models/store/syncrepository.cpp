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

// Passwords belong in the keychain: an address never keeps user info (https://user:secret@...).
QUrl withoutUserInfo(const QUrl &url)
{
    return url.adjusted(QUrl::RemoveUserInfo);
}

SyncAccount readAccount(const QSqlQuery &q)
{
    SyncAccount a;
    a.team = TeamId::fromString(q.value(0).toString());
    a.url = withoutUserInfo(QUrl(q.value(1).toString()));
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
    c.problem = q.value(8).toString();
    return c;
}

QVariant instant(const QDateTime &utc)
{
    return utc.isValid() ? QVariant(utc.toSecsSinceEpoch()) : sqlNull();
}

QDateTime instantFrom(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString offerStateText(SyncOffer::State state)
{
    switch (state) {
    case SyncOffer::State::Open:
        return u"open"_s;
    case SyncOffer::State::Imported:
        return u"imported"_s;
    case SyncOffer::State::Dismissed:
        return u"dismissed"_s;
    }
    return u"open"_s;
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
                   {a.team.toString(), withoutUserInfo(a.url).toString(), a.username, a.allowInsecureHttp, a.readOnly,
                    QString::fromUtf8(a.syncToken),
                    a.lastSync.isValid() ? QVariant(a.lastSync.toUTC().toString(Qt::ISODateWithMs)) : sqlNull(),
                    a.lastStatus});
}

Status SyncRepository::removeAccount(TeamId team)
{
    if (auto status = clearItems(team); !status) {
        return status;
    }
    for (const QString &table : {u"sync_conflicts"_s, u"sync_flags"_s, u"sync_offers"_s}) {
        if (auto status = execute(m_db, u"DELETE FROM "_s + table + u" WHERE team_id = ?"_s, {team.toString()});
            !status) {
            return status;
        }
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
                     u"SELECT uid, kind, fields, base_json, mine_json, theirs_json, theirs_etag, detected_utc, problem "
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
                   "theirs_json, theirs_etag, detected_utc, problem) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                   {team.toString(), c.uid, c.kind, c.fields.join(u','), jsonText(c.base), jsonText(c.mine),
                    jsonText(c.theirs), QString::fromUtf8(c.theirsEtag), c.detected.toUTC().toString(Qt::ISODateWithMs),
                    c.problem});
}

Status SyncRepository::removeConflict(TeamId team, const QString &uid)
{
    return execute(m_db, u"DELETE FROM sync_conflicts WHERE team_id = ? AND uid = ?"_s, {team.toString(), uid});
}

Result<QList<SyncFlag>> SyncRepository::flags(TeamId team) const
{
    auto query = run(m_db,
                     u"SELECT id, kind, shift_id, rotation_id, start_utc, end_utc, actor, text, detected_utc "
                     "FROM sync_flags WHERE team_id = ? ORDER BY id"_s,
                     {team.toString()});
    if (!query) {
        return query.error();
    }
    QList<SyncFlag> result;
    while (query.value().next()) {
        const QSqlQuery &q = query.value();
        SyncFlag f;
        f.id = q.value(0).toLongLong();
        f.kind = q.value(1).toString();
        f.shift = q.value(2).toString();
        f.rotation = q.value(3).toString();
        f.start = instantFrom(q.value(4));
        f.end = instantFrom(q.value(5));
        f.actor = q.value(6).toString();
        f.text = q.value(7).toString();
        f.detected = QDateTime::fromString(q.value(8).toString(), Qt::ISODateWithMs).toUTC();
        result.append(f);
    }
    return result;
}

Result<qint64> SyncRepository::addFlag(TeamId team, const SyncFlag &f)
{
    auto query = run(m_db,
                     u"INSERT INTO sync_flags (team_id, kind, shift_id, rotation_id, start_utc, end_utc, actor, text, "
                     "detected_utc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                     {team.toString(), f.kind, f.shift, f.rotation, instant(f.start), instant(f.end), f.actor, f.text,
                      f.detected.toUTC().toString(Qt::ISODateWithMs)});
    if (!query) {
        return query.error();
    }
    return query.value().lastInsertId().toLongLong();
}

Status SyncRepository::removeFlag(TeamId team, qint64 id)
{
    return execute(m_db, u"DELETE FROM sync_flags WHERE team_id = ? AND id = ?"_s, {team.toString(), id});
}

Result<QList<SyncOffer>> SyncRepository::offers(TeamId team) const
{
    auto query = run(m_db,
                     u"SELECT uid, person_id, from_date, to_date, summary, state, time_off_id FROM sync_offers "
                     "WHERE team_id = ? ORDER BY from_date, uid"_s,
                     {team.toString()});
    if (!query) {
        return query.error();
    }
    QList<SyncOffer> result;
    while (query.value().next()) {
        const QSqlQuery &q = query.value();
        SyncOffer o;
        o.uid = q.value(0).toString();
        o.person = q.value(1).toString();
        o.from = QDate::fromString(q.value(2).toString(), Qt::ISODate);
        o.to = QDate::fromString(q.value(3).toString(), Qt::ISODate);
        o.summary = q.value(4).toString();
        const QString state = q.value(5).toString();
        o.state = state == u"imported"    ? SyncOffer::State::Imported
                  : state == u"dismissed" ? SyncOffer::State::Dismissed
                                          : SyncOffer::State::Open;
        o.timeOff = q.value(6).toString();
        result.append(o);
    }
    return result;
}

Status SyncRepository::saveOffer(TeamId team, const SyncOffer &o)
{
    return execute(m_db,
                   u"INSERT OR REPLACE INTO sync_offers (team_id, uid, person_id, from_date, to_date, summary, state, "
                   "time_off_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s,
                   {team.toString(), o.uid, o.person, o.from.toString(Qt::ISODate), o.to.toString(Qt::ISODate),
                    o.summary, offerStateText(o.state), o.timeOff.isEmpty() ? sqlNull() : QVariant(o.timeOff)});
}

Status SyncRepository::removeOffer(TeamId team, const QString &uid)
{
    return execute(m_db, u"DELETE FROM sync_offers WHERE team_id = ? AND uid = ?"_s, {team.toString(), uid});
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
