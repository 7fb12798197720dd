#pragma once

#include "domain/changeentry.h"
#include "domain/clock.h"
#include "domain/result.h"

#include <QObject>
#include <QSqlDatabase>
#include <QSqlQuery>

#include <chrono>
#include <functional>
#include <memory>
#include <unordered_map>

namespace Tandem {

class SessionMarker;

/// The local Tandem database: one SQLite file. Owns the connection, applies the schema
/// migrations, and announces what each committed transaction changed.
///
/// Opening never modifies a file it refuses: a file that is not SQLite, an SQLite file of
/// another application, a corrupt file, or one written by a newer Tandem; it does not even leave
/// `-wal` or `-shm` files beside it. The whole file is checked (`PRAGMA quick_check`) only after a
/// session ended without closing it (SessionMarker), not on every open; integrityProblems() and
/// checkIntegrity() check on demand.
class Database final : public QObject
{
    Q_OBJECT

public:
    /// Raised by every migration; stored in `PRAGMA user_version`.
    static constexpr int SchemaVersion = 7;
    /// "TNDM", stored in `PRAGMA application_id`: tells a Tandem database from other SQLite files.
    static constexpr int ApplicationId = 0x544E444D;

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// `clock` must outlive the database.
    static Result<std::unique_ptr<Database>> open(const QString &path, const Clock &clock = Clock::current());
    /// The default location: AppDataLocation/tandem.sqlite.
    static QString defaultPath();
    /// The demo database, kept apart from the user's own.
    static QString demoPath();
    /// `PRAGMA integrity_check` of the file at `path` on a read-only connection of its own, so it
    /// may run in a worker thread: the problems SQLite found (at most `limit`), empty when the file
    /// is sound, or why it could not be checked.
    static Result<QStringList> checkIntegrity(const QString &path, int limit = 20);

    ~Database() override;

    QSqlDatabase &connection() { return m_db; }
    QString path() const { return m_path; }
    const Clock &clock() const { return m_clock; }

    /// Who the change log names for edits made through this database.
    QString actor() const { return m_actor; }
    void setActor(const QString &actor) { m_actor = actor; }

    int schemaVersion() const;
    /// SQLite's `PRAGMA data_version`: changes when another connection (the sync's, another
    /// process) commits to the file, not on this connection's own writes; -1 when it cannot be
    /// read. What was read earlier is still current while it stays the same and this connection
    /// wrote nothing (its commits announce themselves through committed()).
    qint64 dataVersion() const;
    /// The file may not be written (its permissions): reads work, writes fail as read-only.
    bool isReadOnly() const { return m_readOnly; }
    /// The last session ended without closing the file, and this open checked it (and found it sound).
    bool checkedAfterCrash() const { return m_checkedAfterCrash; }
    /// `PRAGMA quick_check` (or `integrity_check` when `thorough`) on this connection.
    Result<QStringList> integrityProblems(int limit = 20, bool thorough = true);

    /// How long a write waits for the write lock another connection holds, beyond the 5 s busy
    /// timeout of each attempt (default: no more). `notice` is called once when a write starts to
    /// wait longer than one attempt, e.g. to say so on the command line.
    void setWriteWait(std::chrono::milliseconds total, std::function<void()> notice = {})
    {
        m_writeWait = total;
        m_writeWaitNotice = std::move(notice);
    }
    std::chrono::milliseconds writeWait() const { return m_writeWait; }
    const std::function<void()> &writeWaitNotice() const { return m_writeWaitNotice; }

    /// Statements prepared once and reused (sqlutil's prepared()); owned by the connection.
    QSqlQuery *cachedStatement(const QString &sql) const
    {
        const auto it = m_statements.find(sql);
        return it == m_statements.end() ? nullptr : it->second.get();
    }
    QSqlQuery *cacheStatement(const QString &sql, QSqlQuery query)
    {
        auto &slot = m_statements[sql];
        slot = std::make_unique<QSqlQuery>(std::move(query));
        return slot.get();
    }

    // Used by Transaction and ChangeLog.
    int transactionDepth() const { return m_depth; }
    void recordChange(const ChangeEntry &entry) { m_pending.append(entry); }

    /// Announces changes another connection to the same file committed (the sync worker's),
    /// so views of this connection update as for their own edits.
    void announce(const QList<ChangeEntry> &changes)
    {
        if (!changes.isEmpty()) {
            Q_EMIT committed(changes);
        }
    }

Q_SIGNALS:
    /// Emitted after the outermost transaction commits, with every change it made, in order.
    void committed(const QList<Tandem::ChangeEntry> &changes);

private:
    friend class Transaction;
    Database(QString path, QString connectionName, const Clock &clock);
    Status configure();
    Status migrate();

    QString m_path;
    QString m_connectionName;
    std::unique_ptr<SessionMarker> m_session;
    bool m_readOnly = false;
    bool m_checkedAfterCrash = false;
    std::chrono::milliseconds m_writeWait{0};
    std::function<void()> m_writeWaitNotice;
    QSqlDatabase m_db;
    const Clock &m_clock;
    QString m_actor;
    int m_depth = 0;
    QList<ChangeEntry> m_pending;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
};

} // namespace Tandem
