#pragma once

#include "domain/result.h"

#include <QString>

namespace Tandem {

class Database;

/// One unit of work. The outermost transaction is `BEGIN IMMEDIATE`, inner ones are savepoints,
/// so services compose. Destroyed without commit(), it rolls back, and the changes it recorded
/// are never announced.
class Transaction
{
public:
    explicit Transaction(Database &db);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    /// Whether BEGIN succeeded; a service returns this error before writing anything.
    const Status &status() const { return m_status; }
    Status commit();
    void rollback();

private:
    Database &m_db;
    Status m_status;
    QString m_savepoint;
    qsizetype m_pendingMark = 0;
    bool m_open = false;
};

} // namespace Tandem
