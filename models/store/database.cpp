#include "database.h"

#include "sessionmarker.h"
#include "sqlutil.h"
#include "transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("Tandem::Database", text);
}

// Each entry migrates from version (index) to (index + 1). Statements run one by one, all of
// them in one transaction with the user_version update, so a failed migration changes nothing.
const QList<QList<QString>> &migrations()
{
    static const QList<QList<QString>> steps = {
        {
            // 0 -> 1: the first schema.
            u"CREATE TABLE teams ("
            " id TEXT PRIMARY KEY NOT NULL,"
            " name TEXT NOT NULL COLLATE NOCASE UNIQUE,"
            " time_zone TEXT NOT NULL)"_s,
            u"CREATE TABLE people ("
            " id TEXT PRIMARY KEY NOT NULL,"
            " name TEXT NOT NULL,"
            " email TEXT NOT NULL COLLATE NOCASE UNIQUE,"
            " role TEXT NOT NULL CHECK (role IN ('developer', 'operations')),"
            " time_zone TEXT NOT NULL,"
            " phone TEXT NOT NULL DEFAULT '',"
            " chat TEXT NOT NULL DEFAULT '',"
            " capacity REAL NOT NULL CHECK (capacity >= 0.1 AND capacity <= 1.0),"
            " production_access INTEGER NOT NULL,"
            " senior INTEGER NOT NULL DEFAULT 0,"
            " active INTEGER NOT NULL DEFAULT 1,"
            " notes TEXT NOT NULL DEFAULT '',"
            // Removed people keep their row: past shifts still name them (audit).
            " removed_at TEXT)"_s,
            u"CREATE TABLE team_members ("
            " team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,"
            " person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,"
            " PRIMARY KEY (team_id, person_id))"_s,
            u"CREATE INDEX team_members_person ON team_members(person_id)"_s,
            u"CREATE TABLE ops_pools ("
            " id TEXT PRIMARY KEY NOT NULL,"
            " name TEXT NOT NULL COLLATE NOCASE UNIQUE)"_s,
            u"CREATE TABLE ops_pool_members ("
            " pool_id TEXT NOT NULL REFERENCES ops_pools(id) ON DELETE CASCADE,"
            " person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,"
            " PRIMARY KEY (pool_id, person_id))"_s,
            u"CREATE TABLE rotations ("
            " id TEXT PRIMARY KEY NOT NULL,"
            " team_id TEXT NOT NULL REFERENCES teams(id),"
            " name TEXT NOT NULL COLLATE NOCASE UNIQUE,"
            " ops_pool_id TEXT REFERENCES ops_pools(id),"
            " time_zone TEXT NOT NULL,"
            " shift_minutes INTEGER NOT NULL CHECK (shift_minutes > 0),"
            " handoff_weekday INTEGER NOT NULL CHECK (handoff_weekday BETWEEN 1 AND 7),"
            " handoff_time TEXT NOT NULL,"
            " active_days INTEGER NOT NULL DEFAULT 127,"
            " start_date TEXT NOT NULL,"
            " rules TEXT NOT NULL DEFAULT '{}',"
            " color TEXT NOT NULL DEFAULT '',"
            " removed_at TEXT)"_s,
            // Instants are UTC seconds since the epoch: range queries on integers, through the index.
            u"CREATE TABLE shifts ("
            " id TEXT PRIMARY KEY NOT NULL,"
            " rotation_id TEXT NOT NULL REFERENCES rotations(id),"
            " start_utc INTEGER NOT NULL,"
            " end_utc INTEGER NOT NULL,"
            " dev_id TEXT REFERENCES people(id),"
            " ops_id TEXT REFERENCES people(id),"
            " state TEXT NOT NULL DEFAULT 'planned' CHECK (state IN ('planned', 'published', 'locked')),"
            " note TEXT NOT NULL DEFAULT '',"
            " bridge_url TEXT NOT NULL DEFAULT '',"
            " sequence INTEGER NOT NULL DEFAULT 0,"
            " CHECK (end_utc > start_utc))"_s,
            u"CREATE INDEX shifts_time ON shifts(start_utc, end_utc)"_s,
            u"CREATE INDEX shifts_rotation_time ON shifts(rotation_id, start_utc)"_s,
            u"CREATE INDEX shifts_dev ON shifts(dev_id, start_utc)"_s,
            u"CREATE INDEX shifts_ops ON shifts(ops_id, start_utc)"_s,
            u"CREATE TABLE time_off ("
            " id TEXT PRIMARY KEY NOT NULL,"
            " person_id TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,"
            " from_date TEXT NOT NULL,"
            " to_date TEXT NOT NULL,"
            " reason TEXT NOT NULL DEFAULT '',"
            " CHECK (to_date >= from_date))"_s,
            u"CREATE INDEX time_off_person ON time_off(person_id, from_date)"_s,
            u"CREATE TABLE holidays ("
            " id TEXT PRIMARY KEY NOT NULL,"
            " team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,"
            " day TEXT NOT NULL,"
            " name TEXT NOT NULL,"
            " UNIQUE (team_id, day))"_s,
            // The audit trail and the sync outbox: append-only.
            u"CREATE TABLE change_log ("
            " seq INTEGER PRIMARY KEY AUTOINCREMENT,"
            " at_utc TEXT NOT NULL,"
            " actor TEXT NOT NULL,"
            " entity TEXT NOT NULL,"
            " entity_id TEXT NOT NULL,"
            " action TEXT NOT NULL CHECK (action IN ('create', 'update', 'delete')),"
            " before_json TEXT,"
            " after_json TEXT,"
            " synced INTEGER NOT NULL DEFAULT 0)"_s,
            u"CREATE INDEX change_log_entity ON change_log(entity, entity_id, seq)"_s,
            u"CREATE TABLE settings (key TEXT PRIMARY KEY NOT NULL, value TEXT)"_s,
        },
        {
            // 1 -> 2: sharing through CalDAV. One account per team (the password is in the OS
            // keychain, never here), the last synced copy of every resource (the base of the
            // three-way merge, and the server's text so properties of other clients are kept)
            // and the conflicts waiting for the user.
            u"CREATE TABLE sync_accounts ("
            " team_id TEXT PRIMARY KEY NOT NULL REFERENCES teams(id) ON DELETE CASCADE,"
            " url TEXT NOT NULL,"
            " username TEXT NOT NULL DEFAULT '',"
            " allow_insecure_http INTEGER NOT NULL DEFAULT 0,"
            " read_only INTEGER NOT NULL DEFAULT 0,"
            " sync_token TEXT NOT NULL DEFAULT '',"
            " last_sync_utc TEXT,"
            " last_status TEXT NOT NULL DEFAULT '')"_s,
            u"CREATE TABLE sync_items ("
            " team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,"
            " uid TEXT NOT NULL,"
            " kind TEXT NOT NULL,"
            " href TEXT NOT NULL,"
            " etag TEXT NOT NULL DEFAULT '',"
            " base_json TEXT,"
            " server_ics BLOB,"
            " PRIMARY KEY (team_id, uid))"_s,
            u"CREATE UNIQUE INDEX sync_items_href ON sync_items(team_id, href)"_s,
            u"CREATE TABLE sync_conflicts ("
            " team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,"
            " uid TEXT NOT NULL,"
            " kind TEXT NOT NULL,"
            " fields TEXT NOT NULL DEFAULT '',"
            " base_json TEXT,"
            " mine_json TEXT,"
            " theirs_json TEXT,"
            " theirs_etag TEXT NOT NULL DEFAULT '',"
            " detected_utc TEXT NOT NULL,"
            " PRIMARY KEY (team_id, uid))"_s,
            u"CREATE INDEX change_log_outbox ON change_log(synced, seq)"_s,
        },
        {
            // 2 -> 3: swap and cover requests between engineers. No foreign keys: a request may
            // arrive through sync before the shift or person it names, and it outlives both in
            // the audit trail. Instants are UTC seconds, as in shifts.
            u"CREATE TABLE swap_requests ("
            " id TEXT PRIMARY KEY NOT NULL,"
            " kind TEXT NOT NULL CHECK (kind IN ('swap', 'cover')),"
            " shift_id TEXT NOT NULL,"
            " seat TEXT NOT NULL CHECK (seat IN ('dev', 'ops')),"
            " requester_id TEXT NOT NULL,"
            " target_id TEXT NOT NULL,"
            " other_shift_id TEXT,"
            " part_from_utc INTEGER,"
            " part_to_utc INTEGER,"
            " state TEXT NOT NULL CHECK (state IN ('pending', 'accepted', 'declined', 'approved', 'cancelled',"
            " 'applied')),"
            " needs_approval INTEGER NOT NULL DEFAULT 0,"
            " decided_by TEXT,"
            " message TEXT NOT NULL DEFAULT '',"
            " created_utc INTEGER NOT NULL,"
            " updated_utc INTEGER NOT NULL)"_s,
            u"CREATE INDEX swap_requests_requester ON swap_requests(requester_id, state)"_s,
            u"CREATE INDEX swap_requests_target ON swap_requests(target_id, state)"_s,
            u"CREATE INDEX swap_requests_shift ON swap_requests(shift_id)"_s,
        },
        {
            // 3 -> 4: sync you can trust. Why a conflict was kept aside (server data that fails
            // the checks of a local edit), the server's changes that break a rule (flags for the
            // lead), and time off other calendar clients put in the shared calendar (offered for
            // import, never taken silently).
            u"ALTER TABLE sync_conflicts ADD COLUMN problem TEXT NOT NULL DEFAULT ''"_s,
            u"CREATE TABLE sync_flags ("
            " id INTEGER PRIMARY KEY AUTOINCREMENT,"
            " team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,"
            " kind TEXT NOT NULL,"
            " shift_id TEXT NOT NULL DEFAULT '',"
            " rotation_id TEXT NOT NULL DEFAULT '',"
            " start_utc INTEGER,"
            " end_utc INTEGER,"
            " actor TEXT NOT NULL DEFAULT '',"
            " text TEXT NOT NULL,"
            " detected_utc TEXT NOT NULL)"_s,
            u"CREATE INDEX sync_flags_team ON sync_flags(team_id, start_utc)"_s,
            u"CREATE TABLE sync_offers ("
            " team_id TEXT NOT NULL REFERENCES teams(id) ON DELETE CASCADE,"
            " uid TEXT NOT NULL,"
            " person_id TEXT NOT NULL,"
            " from_date TEXT NOT NULL,"
            " to_date TEXT NOT NULL,"
            " summary TEXT NOT NULL DEFAULT '',"
            " state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'imported', 'dismissed')),"
            " time_off_id TEXT,"
            " PRIMARY KEY (team_id, uid))"_s,
            // Addresses stored with a user name and password in them (https://user:secret@host/)
            // lose the user info: passwords belong in the keychain only.
            u"UPDATE sync_accounts SET url = substr(url, 1, instr(url, '://') + 2)"
            " || substr(substr(url, instr(url, '://') + 3), instr(substr(url, instr(url, '://') + 3), '@') + 1)"
            " WHERE instr(url, '://') > 0 AND instr(substr(url, instr(url, '://') + 3), '@') > 0"
            " AND (instr(substr(url, instr(url, '://') + 3), '/') = 0"
            " OR instr(substr(url, instr(url, '://') + 3), '@') < instr(substr(url, instr(url, '://') + 3), '/'))"_s,
        },
        {
            // 4 -> 5: shadow seat. A developer onboarding into the rotation shadows the pair (no load,
            // no production access). NULL: no shadow, as every shift had before.
            u"ALTER TABLE shifts ADD COLUMN shadow_id TEXT REFERENCES people(id)"_s,
            u"CREATE INDEX shifts_shadow ON shifts(shadow_id, start_utc) WHERE shadow_id IS NOT NULL"_s,
        },
        {
            // 5 -> 6: follow-the-sun services. What must be covered 24/7 and the rotations (legs) that
            // cover it, in the lead's order. A removed rotation keeps its row, so a leg may
            // name one; removing a service deletes its rows (nothing else names it).
            u"CREATE TABLE services ("
            " id TEXT PRIMARY KEY NOT NULL,"
            " team_id TEXT NOT NULL REFERENCES teams(id),"
            " name TEXT NOT NULL COLLATE NOCASE UNIQUE,"
            " time_zone TEXT NOT NULL)"_s,
            u"CREATE TABLE service_legs ("
            " service_id TEXT NOT NULL REFERENCES services(id) ON DELETE CASCADE,"
            " position INTEGER NOT NULL,"
            " rotation_id TEXT NOT NULL REFERENCES rotations(id),"
            " PRIMARY KEY (service_id, position))"_s,
            u"CREATE INDEX service_legs_rotation ON service_legs(rotation_id)"_s,
        },
        {
            // 6 -> 7: hour windows. The hours a rotation runs, per weekday, in its zone, in the text form
            // of domain/hourwindows.h ("Mon-Fri 09:00-17:00"); '' is all the time, as before.
            u"ALTER TABLE rotations ADD COLUMN windows TEXT NOT NULL DEFAULT ''"_s,
        },
    };
    return steps;
}

// The refusal message names the file and says it was not touched, so nobody fears the worst.
Error refuse(const QString &path, const QString &why)
{
    return Error{tr("Cannot open “%1”: %2 The file was left untouched.").arg(QDir::toNativeSeparators(path), why)};
}

struct Probe
{
    qint64 applicationId = 0;
    int userVersion = 0;
};

quint32 bigEndian32(const QByteArray &bytes, qsizetype at)
{
    return (quint32(uchar(bytes.at(at))) << 24) | (quint32(uchar(bytes.at(at + 1))) << 16) |
           (quint32(uchar(bytes.at(at + 2))) << 8) | quint32(uchar(bytes.at(at + 3)));
}

// Whether the 100-byte SQLite header is one SQLite can read (https://sqlite.org/fileformat.html).
bool plausibleHeader(const QByteArray &header)
{
    const quint32 pageSize = (quint32(uchar(header.at(16))) << 8) | quint32(uchar(header.at(17)));
    const bool pageSizeOk = pageSize == 1 || (pageSize >= 512 && pageSize <= 32768 && (pageSize & (pageSize - 1)) == 0);
    const uchar writeVersion = uchar(header.at(18));
    const uchar readVersion = uchar(header.at(19));
    return pageSizeOk && writeVersion >= 1 && writeVersion <= 2 && readVersion >= 1 && readVersion <= 2 &&
           uchar(header.at(21)) == 64 && uchar(header.at(22)) == 32 && uchar(header.at(23)) == 32;
}

// Looks at an existing file without writing anything: not the WAL mode, not even the `-wal`
// and `-shm` files SQLite creates beside a WAL database it opens, before we know the file is
// ours and not from the future. The header says whose the file is; only an SQLite file that
// names no application is opened (immutable, read-only) to see whether it is empty.
Result<Probe> probeOnce(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return refuse(path, tr("it cannot be read (%1).").arg(file.errorString()));
    }
    const QByteArray header = file.read(100);
    file.close();
    if (!header.startsWith(QByteArrayLiteral("SQLite format 3\0"))) {
        return refuse(path, tr("it is not a Tandem database (not an SQLite file)."));
    }
    if (header.size() < 100 || !plausibleHeader(header)) {
        return refuse(path, tr("it is damaged or not a database (its SQLite header is not valid)."));
    }
    Probe p;
    p.userVersion = int(qint32(bigEndian32(header, 60)));
    p.applicationId = qint64(bigEndian32(header, 68));
    if (p.applicationId != 0) {
        return p;
    }

    const QString name = u"tandem-probe-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Result<Probe> result = p;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        // A WAL database that nobody has open (no -shm beside it) would get -wal and -shm files
        // from a normal connection: it is read immutable (no locks, no files; the main file as it
        // is, which is all a checkpointed schema needs). One that is open somewhere (another
        // Tandem creating it right now), and a rollback-journal database, are read through a
        // normal read-only connection, whose locks keep a transaction from showing half written.
        const bool wal = uchar(header.at(18)) == 2;
        if (wal && !QFileInfo::exists(QFileInfo(path).absoluteFilePath() + u"-shm"_s)) {
            db.setDatabaseName(
                QString::fromLatin1(QUrl::fromLocalFile(QFileInfo(path).absoluteFilePath()).toEncoded()) +
                u"?immutable=1"_s);
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"_s);
        } else {
            db.setDatabaseName(QFileInfo(path).absoluteFilePath());
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"_s);
        }
        if (!db.open()) {
            result = refuse(path, tr("it cannot be opened as a database (%1).").arg(db.lastError().text()));
        } else {
            // The header is read again through this connection: another Tandem may have written
            // (checkpointed) the new file since the bytes above were read.
            QSqlQuery query(db);
            if (!query.exec(u"SELECT (SELECT count(*) FROM sqlite_master), (SELECT application_id FROM "
                            "pragma_application_id), (SELECT user_version FROM pragma_user_version)"_s) ||
                !query.next()) {
                result = refuse(path, tr("it is damaged or not a database (%1).").arg(query.lastError().text()));
            } else {
                Probe now;
                now.applicationId = query.value(1).toLongLong();
                now.userVersion = query.value(2).toInt();
                if (now.applicationId == 0 && query.value(0).toInt() > 0) {
                    result =
                        refuse(path, tr("it is an SQLite database of another application, not a Tandem database."));
                } else {
                    result = now;
                }
            }
            query.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

// Another Tandem may be creating the same new file right now (several commands started at
// once): what looks like another application's file, or a damaged one, while the file is changing
// is looked at again, for up to a few seconds. A file nobody writes is answered at once.
Result<Probe> probe(const QString &path)
{
    for (int attempt = 0;; ++attempt) {
        const QFileInfo before(path);
        const QDateTime modified = before.lastModified();
        auto result = probeOnce(path);
        if (result || attempt >= 50) {
            return result;
        }
        const QFileInfo after(path);
        const bool changing = after.lastModified() != modified || after.size() != before.size() ||
                              QFileInfo::exists(after.absoluteFilePath() + u"-wal"_s);
        if (!changing) {
            return result;
        }
        QThread::msleep(50);
    }
}

Error newerSchema(const QString &path, int version)
{
    return refuse(path, tr("it was written by a newer version of Tandem (schema version %1; this Tandem "
                           "reads up to version %2). Update Tandem to open it.")
                            .arg(version)
                            .arg(Database::SchemaVersion));
}

} // namespace

QString Database::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/tandem.sqlite"_s;
}

QString Database::demoPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/demo.sqlite"_s;
}

Database::Database(QString path, QString connectionName, const Clock &clock)
    : m_path(std::move(path)), m_connectionName(std::move(connectionName)), m_clock(clock)
{}

Database::~Database()
{
    m_statements.clear(); // before the connection they belong to
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
    // Closed cleanly: the session's lock file goes last.
    m_session.reset();
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, const Clock &clock)
{
    if (path.trimmed().isEmpty()) {
        return Error{tr("No database file was given (the path is empty).")};
    }
    const QFileInfo info(path);
    if (info.exists() && info.isDir()) {
        return refuse(path, tr("it is a folder, not a file."));
    }
    if (info.exists() && !info.isFile()) {
        return refuse(path, tr("it is not a regular file."));
    }
    const bool existing = info.exists() && info.size() > 0;
    if (existing) {
        const auto probed = probe(path);
        if (!probed) {
            return probed.error();
        }
        const Probe &p = probed.value();
        if (p.applicationId != 0 && p.applicationId != ApplicationId) {
            return refuse(path, tr("it is an SQLite database of another application, not a Tandem database."));
        }
        if (p.userVersion > SchemaVersion) {
            return newerSchema(path, p.userVersion);
        }
    } else if (!QDir().mkpath(info.absolutePath())) {
        return Error{
            tr("Cannot create the folder “%1” for the database.").arg(QDir::toNativeSeparators(info.absolutePath()))};
    }

    const QString name = u"tandem-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<Database> db(new Database(info.absoluteFilePath(), name, clock));
    // A file we may not write is opened read-only: reading works, a write says "read-only".
    db->m_readOnly = existing && !info.isWritable();
    db->m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db->m_db.setDatabaseName(info.absoluteFilePath());
    // Another Tandem (or the sync in the background) may hold the write lock for a moment.
    QString options = u"QSQLITE_BUSY_TIMEOUT=5000"_s;
    if (db->m_readOnly) {
        options += u";QSQLITE_OPEN_READONLY"_s;
        // A WAL database needs its -shm file, which a read-only folder cannot get; with no -wal
        // there is nothing beyond the file itself to read, and nobody here can write it.
        if (!QFileInfo(info.absolutePath()).isWritable() && !QFileInfo::exists(info.absoluteFilePath() + u"-wal"_s)) {
            db->m_db.setDatabaseName(QString::fromLatin1(QUrl::fromLocalFile(info.absoluteFilePath()).toEncoded()) +
                                     u"?immutable=1"_s);
            options += u";QSQLITE_OPEN_URI"_s;
        }
    }
    db->m_db.setConnectOptions(options);
    if (!db->m_db.open()) {
        return Error{tr("Cannot open “%1”: %2").arg(QDir::toNativeSeparators(path), db->m_db.lastError().text())};
    }
    if (existing) {
        // The schema is read on every open anyway; a file whose schema cannot be read is damaged.
        QSqlQuery query(db->m_db);
        if (!query.exec(u"SELECT count(*) FROM sqlite_master"_s) || !query.next()) {
            return refuse(path, readableError(query.lastError(), tr("its schema cannot be read")) + u'.');
        }
    }
    if (!db->m_readOnly) {
        // Checking the whole file costs time in proportion to its size: done after a session
        // ended without closing the file (a crash, a kill, a power cut), on demand (`tandem check`,
        // File ▸ Check Database), not on every open.
        db->m_session = std::make_unique<SessionMarker>(db->m_path);
        if (existing && db->m_session->begin()) {
            const auto problems = db->integrityProblems(1, false);
            if (!problems) {
                return refuse(path, problems.errorMessage());
            }
            if (!problems->isEmpty()) {
                return refuse(path, tr("it is damaged (%1).").arg(problems->first()));
            }
            db->m_session->checked();
            db->m_checkedAfterCrash = true;
        } else if (!existing) {
            (void)db->m_session->begin();
        }
    }
    if (auto status = db->configure(); !status) {
        return status.error();
    }
    if (auto status = db->migrate(); !status) {
        if (status.error().field == u"newer") {
            return status.error();
        }
        return Error{tr("Cannot update the database “%1” to schema version %2: %3")
                         .arg(QDir::toNativeSeparators(path))
                         .arg(SchemaVersion)
                         .arg(status.errorMessage())};
    }
    return db;
}

Result<QStringList> Database::integrityProblems(int limit, bool thorough)
{
    QSqlQuery query(m_db);
    const QString pragma = thorough ? u"integrity_check"_s : u"quick_check"_s;
    if (!query.exec(u"PRAGMA %1(%2)"_s.arg(pragma).arg(std::max(1, limit)))) {
        return Error{readableError(query.lastError(), tr("the check could not run"))};
    }
    QStringList problems;
    while (query.next()) {
        const QString line = query.value(0).toString();
        if (line != u"ok") {
            problems.append(line);
        }
    }
    return problems;
}

Result<QStringList> Database::checkIntegrity(const QString &path, int limit)
{
    const QFileInfo info(path);
    if (!info.isFile()) {
        return Error{tr("Cannot check “%1”: there is no such file.").arg(QDir::toNativeSeparators(path))};
    }
    const auto probed = probe(path);
    if (!probed) {
        return probed.error();
    }
    if (probed->applicationId != 0 && probed->applicationId != ApplicationId) {
        return refuse(path, tr("it is an SQLite database of another application, not a Tandem database."));
    }
    const QString name = u"tandem-check-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Result<QStringList> result = QStringList();
    {
        // A connection of its own, read-only: the check may run in a worker thread while the
        // window keeps its own connection.
        Database db(info.absoluteFilePath(), name, SystemClock::instance());
        db.m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.m_db.setDatabaseName(info.absoluteFilePath());
        db.m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000;QSQLITE_OPEN_READONLY"_s);
        if (!db.m_db.open()) {
            result = Error{tr("Cannot open “%1”: %2").arg(QDir::toNativeSeparators(path), db.m_db.lastError().text())};
        } else {
            result = db.integrityProblems(limit, true);
        }
    }
    return result;
}

Status Database::configure()
{
    const QStringList pragmas{u"PRAGMA foreign_keys = ON"_s, u"PRAGMA synchronous = FULL"_s,
                              u"PRAGMA busy_timeout = 5000"_s};
    for (const QString &pragma : std::as_const(pragmas)) {
        if (auto status = execSql(*this, pragma); !status) {
            return status;
        }
    }
    if (!m_readOnly) {
        // WAL is written in the file header once; a read-only file keeps the mode it has.
        // Switching to WAL needs a moment alone with the file; when another process holds it,
        // SQLite keeps the old mode without an error. Try again until it takes (the busy timeout):
        // a migration in the rollback mode would be visible half written to a probing process.
        QElapsedTimer waited;
        waited.start();
        while (true) {
            QSqlQuery mode(m_db);
            if (mode.exec(u"PRAGMA journal_mode = WAL"_s) && mode.next() &&
                mode.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) == 0) {
                break;
            }
            if (waited.elapsed() > 5000) {
                return Error{tr("cannot switch the database to write-ahead logging: another program holds it")};
            }
            QThread::msleep(20);
        }
    }
    return {};
}

int Database::schemaVersion() const
{
    QSqlQuery query(m_db);
    if (query.exec(u"PRAGMA user_version"_s) && query.next()) {
        return query.value(0).toInt();
    }
    return -1;
}

qint64 Database::dataVersion() const
{
    QSqlQuery query(m_db);
    if (query.exec(u"PRAGMA data_version"_s) && query.next()) {
        return query.value(0).toLongLong();
    }
    return -1;
}

Status Database::migrate()
{
    const int current = schemaVersion();
    if (current < 0) {
        return Error{tr("cannot read the schema version")};
    }
    if (current > SchemaVersion) {
        return Error{newerSchema(m_path, current).message, u"newer"_s};
    }
    if (current == SchemaVersion || m_readOnly) {
        return current == SchemaVersion ? Status()
                                        : Status(Error{tr("the file is read-only and needs an update to schema "
                                                          "version %1")
                                                           .arg(SchemaVersion)});
    }
    // Several processes may open a new file at once: the write lock comes first, then the
    // version is read again, so only one of them migrates and the others find it done.
    Transaction transaction(*this);
    if (!transaction.status()) {
        return transaction.status();
    }
    const int from = schemaVersion();
    if (from < 0) {
        return Error{tr("cannot read the schema version")};
    }
    if (from > SchemaVersion) {
        return Error{newerSchema(m_path, from).message, u"newer"_s};
    }
    if (from == SchemaVersion) {
        return transaction.commit();
    }
    const auto &steps = migrations();
    for (int version = from; version < SchemaVersion; ++version) {
        for (const QString &statement : steps.at(version)) {
            if (auto status = execSql(*this, statement); !status) {
                return status;
            }
        }
    }
    // Both pragmas are written to the file header inside the transaction: all or nothing.
    if (auto status = execSql(*this, u"PRAGMA application_id = %1"_s.arg(ApplicationId)); !status) {
        return status;
    }
    if (auto status = execSql(*this, u"PRAGMA user_version = %1"_s.arg(SchemaVersion)); !status) {
        return status;
    }
    return transaction.commit();
}

} // namespace Tandem
