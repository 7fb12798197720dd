#pragma once

#include "domain/changeentry.h"
#include "domain/result.h"

#include <functional>

class QSqlQuery;

namespace Tandem {

class Database;

/// What changed after a point of the change log (ChangeLog::changesSince).
struct ChangesSince
{
    qint64 count = 0;
    QString firstEntity; ///< of the first change, to say what changed
    QString firstEntityId;
    QString firstActor;
};

/// The change log: an append-only table of every mutation. Services append to it inside the
/// transaction of the change itself, so a change is never without its record nor the reverse.
class ChangeLog
{
public:
    explicit ChangeLog(Database &db) : m_db(db) {}

    /// Appends a row naming the database's actor and the clock's time. Must run inside a Transaction.
    Status append(QStringView entity, const QString &entityId, ChangeAction action, const QJsonObject &before,
                  const QJsonObject &after);

    /// Entries in order, optionally only those of one entity (and one id of it).
    Result<QList<ChangeEntry>> entries(QStringView entity = {}, const QString &entityId = {}) const;
    Result<qint64> count() const;
    /// The sequence number of the last entry, 0 for none: a version of everything the log covers,
    /// which is every change of every Tandem and of the sync.
    Result<qint64> lastSeq() const;
    /// How many changes of `entities` came after `seq`, and the first of them.
    Result<ChangesSince> changesSince(qint64 seq, const QStringList &entities) const;
    /// Hands the entries logged before `cutoff` to `visit` one at a time, in order, without
    /// holding them all; without `unsynced`, only those a sync has sent (the others are a shared
    /// team's outbox). Stops at the first error `visit` returns.
    Status scanOlderThan(const QDateTime &cutoff, bool unsynced,
                         const std::function<Status(const ChangeEntry &)> &visit) const;
    /// Deletes the entries with these sequence numbers (archived elsewhere). Must run inside a
    /// Transaction.
    Status remove(const QList<qint64> &seqs);

private:
    static ChangeEntry readEntry(const QSqlQuery &query);

    Database &m_db;
};

} // namespace Tandem
