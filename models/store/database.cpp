#include "database.h"

#include "sqlutil.h"
#include "transaction.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QStandardPaths>
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
    int tableCount = 0;
};

// Looks at an existing file through a read-only connection: nothing is written, not even the
// WAL mode, before we know the file is ours and not from the future.
Result<Probe> probe(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return refuse(path, tr("it cannot be read (%1).").arg(file.errorString()));
    }
    const QByteArray header = file.read(16);
    file.close();
    if (header != QByteArrayLiteral("SQLite format 3\0")) {
        return refuse(path, tr("it is not a Tandem database (not an SQLite file)."));
    }

    const QString name = u"tandem-probe-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    Result<Probe> result = Probe{};
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        if (!db.open()) {
            result = refuse(path, tr("it cannot be opened as a database (%1).").arg(db.lastError().text()));
        } else {
            QSqlQuery query(db);
            Probe p;
            auto scalar = [&query](const QString &sql, bool *ok) -> QVariant {
                *ok = query.exec(sql) && query.next();
                return *ok ? query.value(0) : QVariant();
            };
            bool ok = false;
            const QVariant check = scalar(u"PRAGMA quick_check(1)"_s, &ok);
            if (!ok || check.toString() != u"ok") {
                result = refuse(
                    path,
                    tr("it is damaged or not a database (%1).").arg(ok ? check.toString() : query.lastError().text()));
            } else {
                p.applicationId = scalar(u"PRAGMA application_id"_s, &ok).toLongLong();
                p.userVersion = scalar(u"PRAGMA user_version"_s, &ok).toInt();
                p.tableCount = scalar(u"SELECT count(*) FROM sqlite_master"_s, &ok).toInt();
                result = p;
            }
            query.finish();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return result;
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
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, const Clock &clock)
{
    if (path.isEmpty()) {
        return Error{tr("No database file was given.")};
    }
    const QFileInfo info(path);
    if (info.exists() && info.isDir()) {
        return refuse(path, tr("it is a folder, not a file."));
    }
    if (info.exists() && info.size() > 0) {
        const auto probed = probe(path);
        if (!probed) {
            return probed.error();
        }
        const Probe &p = probed.value();
        const bool emptySqlite = p.applicationId == 0 && p.userVersion == 0 && p.tableCount == 0;
        if (!emptySqlite && p.applicationId != ApplicationId) {
            return refuse(path, tr("it is an SQLite database of another application, not a Tandem database."));
        }
        if (p.userVersion > SchemaVersion) {
            return refuse(path, tr("it was written by a newer version of Tandem (schema version %1; this Tandem "
                                   "reads up to version %2). Update Tandem to open it.")
                                    .arg(p.userVersion)
                                    .arg(SchemaVersion));
        }
    } else if (!QDir().mkpath(info.absolutePath())) {
        return Error{
            tr("Cannot create the folder “%1” for the database.").arg(QDir::toNativeSeparators(info.absolutePath()))};
    }

    const QString name = u"tandem-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces);
    std::unique_ptr<Database> db(new Database(info.absoluteFilePath(), name, clock));
    db->m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db->m_db.setDatabaseName(info.absoluteFilePath());
    // Another Tandem (or the sync in the background) may hold the write lock for a moment.
    db->m_db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db->m_db.open()) {
        return Error{tr("Cannot open “%1”: %2").arg(QDir::toNativeSeparators(path), db->m_db.lastError().text())};
    }
    if (auto status = db->configure(); !status) {
        return status.error();
    }
    if (auto status = db->migrate(); !status) {
        return Error{tr("Cannot update the database “%1” to schema version %2: %3")
                         .arg(QDir::toNativeSeparators(path))
                         .arg(SchemaVersion)
                         .arg(status.errorMessage())};
    }
    return db;
}

Result<QSqlQuery *> Database::statement(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto prepared = prepare(*this, sql);
        if (!prepared) {
            return prepared.error();
        }
        it = m_statements.emplace(sql, std::make_unique<QSqlQuery>(std::move(prepared).value())).first;
    }
    return it->second.get();
}

Status Database::configure()
{
    for (const QString &pragma : {u"PRAGMA foreign_keys = ON"_s, u"PRAGMA journal_mode = WAL"_s,
                                  u"PRAGMA synchronous = FULL"_s, u"PRAGMA busy_timeout = 5000"_s}) {
        if (auto status = execSql(*this, pragma); !status) {
            return status;
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

Status Database::migrate()
{
    const int from = schemaVersion();
    if (from < 0) {
        return Error{tr("cannot read the schema version")};
    }
    if (from == SchemaVersion) {
        return {};
    }
    Transaction transaction(*this);
    if (!transaction.status()) {
        return transaction.status();
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
