#pragma once

#include "domain/changeentry.h"
#include "domain/result.h"

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

private:
    Database &m_db;
};

} // namespace Tandem
