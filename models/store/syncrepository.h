#pragma once

#include "domain/ids.h"
#include "domain/result.h"
#include "domain/syncrecords.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QUrl>

#include <optional>

namespace Tandem {

class Database;

/// One entity with local changes not yet on the server: a change-log row with synced = 0.
struct OutboxEntry
{
    QString entity;
    QString entityId;
    qint64 lastSeq = 0;
};

/// The sync bookkeeping tables (schema step 2). Writes must run inside a Transaction.
class SyncRepository
{
public:
    explicit SyncRepository(Database &db) : m_db(db) {}

    Result<QList<SyncAccount>> accounts() const;
    Result<std::optional<SyncAccount>> account(TeamId team) const;
    Status saveAccount(const SyncAccount &account);
    Status removeAccount(TeamId team);
    Status setToken(TeamId team, const QByteArray &token);
    Status setOutcome(TeamId team, const QDateTime &lastSync, const QString &status);
    Status setReadOnly(TeamId team, bool readOnly);

    Result<QHash<QString, SyncItem>> items(TeamId team) const; ///< by uid
    Result<std::optional<SyncItem>> item(TeamId team, const QString &uid) const;
    Status saveItem(TeamId team, const SyncItem &item);
    Status removeItem(TeamId team, const QString &uid);
    Status clearItems(TeamId team);

    Result<QList<SyncConflict>> conflicts(TeamId team) const;
    Result<std::optional<SyncConflict>> conflict(TeamId team, const QString &uid) const;
    Status saveConflict(TeamId team, const SyncConflict &conflict);
    Status removeConflict(TeamId team, const QString &uid);

    Result<QList<SyncFlag>> flags(TeamId team) const; ///< oldest first
    Result<qint64> addFlag(TeamId team, const SyncFlag &flag);
    Status removeFlag(TeamId team, qint64 id);

    Result<QList<SyncOffer>> offers(TeamId team) const; ///< by first day
    Status saveOffer(TeamId team, const SyncOffer &offer);
    Status removeOffer(TeamId team, const QString &uid);

    /// Entities with change-log rows not yet synced, up to `maxSeq`, in the order of their last change.
    Result<QList<OutboxEntry>> outbox(qint64 maxSeq) const;
    Result<qint64> lastSeq() const;
    /// Marks the rows of one entity up to `maxSeq` as sent.
    Status markSynced(const QString &entity, const QString &entityId, qint64 maxSeq);
    /// Marks every row after `afterSeq` as sent: changes that came from the server.
    Status markSyncedAfter(qint64 afterSeq);
    Result<int> pendingCount() const;

private:
    Database &m_db;
};

} // namespace Tandem
