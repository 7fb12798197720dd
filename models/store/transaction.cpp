#include "transaction.h"

#include "database.h"
#include "sqlutil.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace Tandem {

Transaction::Transaction(Database &db) : m_db(db)
{
    m_pendingMark = m_db.m_pending.size();
    if (m_db.m_depth == 0) {
        // IMMEDIATE takes the write lock now, so a second Tandem on the same file waits (busy
        // timeout) at the start instead of failing halfway through. A writer that holds the lock
        // for long (an import of 100,000 people) outlasts the busy timeout: where the database
        // allows a longer wait, keep trying, and say once that we wait.
        QElapsedTimer waited;
        waited.start();
        bool announced = false;
        while (true) {
            QSqlQuery begin(m_db.connection());
            if (begin.exec(u"BEGIN IMMEDIATE"_s)) {
                m_status = {};
                break;
            }
            if (!isBusy(begin.lastError()) || waited.elapsed() >= m_db.writeWait().count()) {
                m_status = Error{readableError(begin.lastError())};
                break;
            }
            if (!announced && m_db.writeWaitNotice()) {
                m_db.writeWaitNotice()();
                announced = true;
            }
        }
    } else {
        m_savepoint = u"sp%1"_s.arg(m_db.m_depth);
        m_status = execSql(m_db, u"SAVEPOINT "_s + m_savepoint);
    }
    if (m_status) {
        m_open = true;
        ++m_db.m_depth;
    }
}

Transaction::~Transaction()
{
    if (m_open) {
        rollback();
    }
}

Status Transaction::commit()
{
    if (!m_open) {
        return m_status.ok() ? Status(Error{u"transaction already finished"_s}) : m_status;
    }
    const Status status = execSql(m_db, m_savepoint.isEmpty() ? u"COMMIT"_s : u"RELEASE "_s + m_savepoint);
    if (!status) {
        rollback();
        return status;
    }
    m_open = false;
    --m_db.m_depth;
    if (m_db.m_depth == 0 && !m_db.m_pending.isEmpty()) {
        const QList<ChangeEntry> changes = std::exchange(m_db.m_pending, {});
        Q_EMIT m_db.committed(changes);
    }
    return {};
}

void Transaction::rollback()
{
    if (!m_open) {
        return;
    }
    if (m_savepoint.isEmpty()) {
        (void)execSql(m_db, u"ROLLBACK"_s);
    } else {
        (void)execSql(m_db, u"ROLLBACK TO "_s + m_savepoint);
        (void)execSql(m_db, u"RELEASE "_s + m_savepoint);
    }
    m_db.m_pending.resize(m_pendingMark);
    m_open = false;
    --m_db.m_depth;
}

} // namespace Tandem
