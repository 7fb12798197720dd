#pragma once

#include "domain/changeentry.h"
#include "domain/clock.h"
#include "domain/result.h"

#include <QObject>
#include <QSqlDatabase>

#include <memory>
#include <unordered_map>

class QSqlQuery;

namespace Tandem {

/// The local Tandem database: one SQLite file. Owns the connection, applies the schema
/// migrations, and announces what each committed transaction changed.
///
/// Opening never modifies a file it refuses: a file that is not SQLite, an SQLite file of
/// another application, a corrupt file, or one written by a newer Tandem.
class Database final : public QObject
{
    Q_OBJECT

public:
    /// Raised by every migration; stored in `PRAGMA user_version`.
    static constexpr int SchemaVersion = 4;
    /// "TNDM", stored in `PRAGMA application_id`: tells a Tandem database from other SQLite files.
    static constexpr int ApplicationId = 0x544E444D;

    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    /// `clock` must outlive the database.
    static Result<std::unique_ptr<Database>> open(const QString &path, const Clock &clock = SystemClock::instance());
    /// The default location: AppDataLocation/tandem.sqlite.
    static QString defaultPath();
    /// The demo database, kept apart from the user's own.
    static QString demoPath();

    ~Database() override;

    QSqlDatabase &connection() { return m_db; }
    /// The statement `sql` prepared once for this connection's life, for statements run many
    /// times (a plan writes a shift and a change-log row 100,000 times: SQLite parses each once).
    /// Bind every value by position, run it and finish() it before its next use; never for a
    /// query whose rows are read while another runs the same SQL.
    Result<QSqlQuery *> statement(const QString &sql);
    QString path() const { return m_path; }
    const Clock &clock() const { return m_clock; }

    /// Who the change log names for edits made through this database.
    QString actor() const { return m_actor; }
    void setActor(const QString &actor) { m_actor = actor; }

    int schemaVersion() const;

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
    QSqlDatabase m_db;
    const Clock &m_clock;
    QString m_actor;
    int m_depth = 0;
    QList<ChangeEntry> m_pending;
    std::unordered_map<QString, std::unique_ptr<QSqlQuery>> m_statements;
};

} // namespace Tandem
