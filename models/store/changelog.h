#pragma once

#include "domain/changeentry.h"
#include "domain/result.h"

#include <functional>

class QSqlQuery;

namespace Tandem {

class Database;

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
