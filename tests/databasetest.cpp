#include "store/database.h"

#include "services/rosterservice.h"
#include "store/changelog.h"
#include "store/personrepository.h"
#include "store/sqlutil.h"
#include "store/transaction.h"
#include "testutil.h"

#include <QCryptographicHash>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>

#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Tandem;

class DatabaseTest : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock{Test::fixedNow()};

    static QByteArray hashOf(const QString &path)
    {
        return QCryptographicHash::hash(Test::readFile(path), QCryptographicHash::Sha256);
    }

    // Writes an SQLite file with the given pragmas and one table, outside of Tandem.
    static void makeSqliteFile(const QString &path, int applicationId, int userVersion)
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"maker"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"CREATE TABLE other (x INTEGER)"_s));
            QVERIFY(q.exec(u"PRAGMA application_id = %1"_s.arg(applicationId)));
            QVERIFY(q.exec(u"PRAGMA user_version = %1"_s.arg(userVersion)));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"maker"_s);
    }

    // The first page of a table's b-tree.
    static int pageOf(const QString &path, const QString &table)
    {
        int page = 0;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"pages"_s);
            db.setDatabaseName(path);
            db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(u"SELECT rootpage FROM sqlite_master WHERE name = '%1'"_s.arg(table)) && q.next()) {
                    page = q.value(0).toInt();
                }
                q.finish();
                db.close();
            }
        }
        QSqlDatabase::removeDatabase(u"pages"_s);
        return page;
    }

    // Overwrites the b-tree page header (its type byte and more) with bytes no page has.
    static void damagePage(const QString &path, int page)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const QByteArray header = file.read(100);
        const int pageSize = (uchar(header.at(16)) << 8) | uchar(header.at(17));
        QVERIFY(file.seek(qint64(page - 1) * pageSize));
        QVERIFY(file.write(QByteArray(12, '\xEE')) == 12);
    }

    // A child process opens the database and dies without closing it (as a kill -9 would leave
    // it): its session lock file stays behind.
    static void crashWhileOpen(const QString &path)
    {
        const pid_t child = fork();
        if (child == 0) {
            FakeClock clock{Test::fixedNow()};
            auto db = Database::open(path, clock);
            _exit(db ? 0 : 1);
        }
        int status = 0;
        QVERIFY(waitpid(child, &status, 0) == child);
        QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }

private Q_SLOTS:
    void createsAndMigratesFromNothing()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"sub/folder/tandem.sqlite"_s);
        auto db = Database::open(path, m_clock);
        QVERIFY2(db, qPrintable(db.errorMessage()));
        QCOMPARE(db.value()->schemaVersion(), Database::SchemaVersion);
        QSqlQuery q(db.value()->connection());
        QVERIFY(q.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"_s));
        QStringList tables;
        while (q.next()) {
            tables.append(q.value(0).toString());
        }
        for (const QString &table :
             {u"people"_s, u"teams"_s, u"team_members"_s, u"rotations"_s, u"ops_pools"_s, u"ops_pool_members"_s,
              u"shifts"_s, u"time_off"_s, u"holidays"_s, u"change_log"_s, u"swap_requests"_s}) {
            QVERIFY2(tables.contains(table), qPrintable(table));
        }
    }

    void migratesAnEmptyFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"empty.sqlite"_s);
        QVERIFY(Test::writeFile(path, {}));
        auto db = Database::open(path, m_clock);
        QVERIFY2(db, qPrintable(db.errorMessage()));
        QCOMPARE(db.value()->schemaVersion(), Database::SchemaVersion);
    }

    void reopensWithoutMigratingAgain()
    {
        QTemporaryDir dir;
        {
            auto db = Test::openFresh(dir, m_clock);
            QVERIFY(RosterService(*db).addPerson(Test::makePerson(u"Ada"_s, u"ada@example.com"_s)));
        }
        auto again = Test::openFresh(dir, m_clock);
        QCOMPARE(RosterService(*again).people()->size(), 1);
    }

    void upgradesAFirstSchemaFileKeepingItsData()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"tandem.sqlite"_s);
        {
            auto db = Test::openFresh(dir, m_clock);
            QVERIFY(RosterService(*db).addPerson(Test::makePerson(u"Ada"_s, u"ada@example.com"_s)));
        }
        {
            // Make it the file the first release wrote: schema 1, without the later tables.
            auto c = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"downgrade"_s);
            c.setDatabaseName(path);
            QVERIFY(c.open());
            QSqlQuery q(c);
            for (const QString &table :
                 {u"service_legs"_s, u"services"_s, u"sync_offers"_s, u"sync_flags"_s, u"swap_requests"_s,
                  u"sync_conflicts"_s, u"sync_items"_s, u"sync_accounts"_s}) {
                QVERIFY(q.exec(u"DROP TABLE "_s + table));
            }
            QVERIFY(q.exec(u"DROP INDEX change_log_outbox"_s));
            QVERIFY(q.exec(u"DROP INDEX shifts_shadow"_s));
            QVERIFY(q.exec(u"ALTER TABLE shifts DROP COLUMN shadow_id"_s));
            QVERIFY(q.exec(u"ALTER TABLE rotations DROP COLUMN windows"_s)); // hour windows came later
            QVERIFY(q.exec(u"PRAGMA user_version = 1"_s));
            q.finish();
            c.close();
        }
        QSqlDatabase::removeDatabase(u"downgrade"_s);
        auto db = Database::open(path, m_clock);
        QVERIFY2(db, qPrintable(db.errorMessage()));
        QCOMPARE(db.value()->schemaVersion(), Database::SchemaVersion);
        QCOMPARE(RosterService(*db.value()).people()->size(), 1);
        const QStringList tables = db.value()->connection().tables();
        for (const QString &table : {u"sync_accounts"_s, u"sync_items"_s, u"sync_conflicts"_s, u"swap_requests"_s,
                                     u"sync_flags"_s, u"sync_offers"_s, u"services"_s, u"service_legs"_s}) {
            QVERIFY2(tables.contains(table), qPrintable(table));
        }
        QVERIFY(db.value()->connection().record(u"shifts"_s).contains(u"shadow_id"_s));
        // Rotations of the older file run all the time: the hour windows' column is there, empty.
        QSqlQuery windows(db.value()->connection());
        QVERIFY(windows.exec(u"SELECT count(*) FROM pragma_table_info('rotations') WHERE name = 'windows' AND "
                             "dflt_value = \"''\""_s));
        QVERIFY(windows.next());
        QCOMPARE(windows.value(0).toInt(), 1);
    }

    void appliesPragmas()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        QSqlQuery q(db->connection());
        auto pragma = [&q](const QString &name) {
            q.exec(u"PRAGMA "_s + name);
            q.next();
            return q.value(0).toString();
        };
        QCOMPARE(pragma(u"journal_mode"_s), u"wal"_s);
        QCOMPARE(pragma(u"foreign_keys"_s), u"1"_s);
        QCOMPARE(pragma(u"synchronous"_s), u"2"_s); // FULL
        QVERIFY(pragma(u"busy_timeout"_s).toInt() >= 1000);
        QCOMPARE(pragma(u"application_id"_s).toLongLong(), qint64(Database::ApplicationId));
    }

    void refusesBadFiles_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("expected");
        QTest::newRow("text file") << QByteArray("name,email\nAda,ada@example.com\n") << u"not an SQLite file"_s;
        QTest::newRow("binary junk") << QByteArray(4096, '\x7f') << u"not an SQLite file"_s;
        QByteArray truncated("SQLite format 3\0", 16);
        truncated += QByteArray(84, '\0');
        truncated += QByteArray(3000, '\xAB');
        QTest::newRow("corrupt sqlite") << truncated << u"untouched"_s;
    }

    void refusesBadFiles()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"bad.sqlite"_s);
        QVERIFY(Test::writeFile(path, content));
        const QByteArray before = hashOf(path);
        auto db = Database::open(path, m_clock);
        QVERIFY(!db);
        QVERIFY2(db.errorMessage().contains(expected), qPrintable(db.errorMessage()));
        QVERIFY2(db.errorMessage().contains(u"left untouched"_s), qPrintable(db.errorMessage()));
        QVERIFY(db.errorMessage().contains(u"bad.sqlite"_s));
        QCOMPARE(hashOf(path), before);
        QVERIFY(!QFile::exists(path + u"-wal"_s));
    }

    void refusesAnotherApplicationsDatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"other.sqlite"_s);
        makeSqliteFile(path, 0x12345678, 3);
        const QByteArray before = hashOf(path);
        auto db = Database::open(path, m_clock);
        QVERIFY(!db);
        QVERIFY2(db.errorMessage().contains(u"another application"_s), qPrintable(db.errorMessage()));
        QCOMPARE(hashOf(path), before);
    }

    void refusesANewerSchemaNamingBothVersions()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"future.sqlite"_s);
        makeSqliteFile(path, Database::ApplicationId, Database::SchemaVersion + 41);
        const QByteArray before = hashOf(path);
        auto db = Database::open(path, m_clock);
        QVERIFY(!db);
        const QString message = db.errorMessage();
        QVERIFY2(message.contains(QString::number(Database::SchemaVersion + 41)), qPrintable(message));
        QVERIFY2(message.contains(u"up to version %1"_s.arg(Database::SchemaVersion)), qPrintable(message));
        QCOMPARE(hashOf(path), before);
    }

    // Issue 13, point 8: refused without a trace, not even the -wal and -shm a WAL database gets.
    void refusesAnotherApplicationsWalDatabaseWithoutTouchingIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"other-wal.sqlite"_s);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"walmaker"_s);
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"PRAGMA journal_mode = WAL"_s));
            QVERIFY(q.exec(u"CREATE TABLE notes (x INTEGER)"_s));
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(u"walmaker"_s);
        QVERIFY(!QFile::exists(path + u"-wal"_s));
        const QByteArray before = hashOf(path);
        auto db = Database::open(path, m_clock);
        QVERIFY(!db);
        QVERIFY2(db.errorMessage().contains(u"another application"_s), qPrintable(db.errorMessage()));
        QCOMPARE(hashOf(path), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden),
                 QStringList{u"other-wal.sqlite"_s});
    }

    // Issue 13, point 10: the schema is created once even when the file is opened by several
    // connections at once; the version is read again under the write lock.
    void openingANewFileTwiceMigratesOnce()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"twice.sqlite"_s);
        auto first = Database::open(path, m_clock);
        QVERIFY(first);
        auto second = Database::open(path, m_clock);
        QVERIFY2(second, qPrintable(second.errorMessage()));
        QCOMPARE(second.value()->schemaVersion(), Database::SchemaVersion);
    }

    // Issue 18: the whole-file check runs after a session ended without closing the file, not
    // on every open; `tandem check` (checkIntegrity) runs it on demand.
    void checksTheFileAfterAnUncleanShutdownOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"crash.sqlite"_s);
        {
            auto db = Test::openFresh(dir, m_clock, u"crash.sqlite"_s);
            RosterService roster(*db);
            for (int i = 0; i < 200; ++i) {
                QVERIFY(roster.addPerson(Test::makePerson(u"Person %1"_s.arg(i), u"p%1@example.com"_s.arg(i))));
            }
        }
        QVERIFY(!QFile::exists(path + u"-sessions"_s)); // a clean close leaves nothing
        // Damage a page of the people table that opening does not read.
        const int page = pageOf(path, u"people"_s);
        QVERIFY(page > 1);
        damagePage(path, page);

        // Closed cleanly before: opened without the check (reading people would say "damaged").
        {
            auto db = Database::open(path, m_clock);
            QVERIFY2(db, qPrintable(db.errorMessage()));
            QVERIFY(!db.value()->checkedAfterCrash());
            const auto people = PersonRepository(*db.value()).all();
            QVERIFY(!people);
            QVERIFY2(people.errorMessage().contains(u"damaged"_s), qPrintable(people.errorMessage()));
        }
        // On demand, the damage is found and named.
        const auto problems = Database::checkIntegrity(path);
        QVERIFY(problems);
        QVERIFY(!problems->isEmpty());

        // A process that had the file open dies without closing it: the next open checks.
        crashWhileOpen(path);
        QVERIFY(QFile::exists(path + u"-sessions"_s));
        auto refused = Database::open(path, m_clock);
        QVERIFY(!refused);
        QVERIFY2(refused.errorMessage().contains(u"damaged"_s), qPrintable(refused.errorMessage()));
        // And again, until the file passes: a failed check is not forgotten.
        QVERIFY(!Database::open(path, m_clock));
    }

    void aSoundFileIsCheckedOnceAfterACrash()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"sound.sqlite"_s);
        {
            auto db = Test::openFresh(dir, m_clock, u"sound.sqlite"_s);
            QVERIFY(RosterService(*db).addPerson(Test::makePerson(u"Ada"_s, u"ada@example.com"_s)));
        }
        crashWhileOpen(path);
        {
            auto db = Database::open(path, m_clock);
            QVERIFY2(db, qPrintable(db.errorMessage()));
            QVERIFY(db.value()->checkedAfterCrash());
            QCOMPARE(PersonRepository(*db.value()).all()->size(), 1);
            // A second connection while the first is open is no crash.
            auto second = Database::open(path, m_clock);
            QVERIFY(second);
            QVERIFY(!second.value()->checkedAfterCrash());
        }
        auto db = Database::open(path, m_clock);
        QVERIFY(db);
        QVERIFY(!db.value()->checkedAfterCrash());
        QVERIFY(Database::checkIntegrity(path)->isEmpty());
    }

    void refusesAFolder()
    {
        QTemporaryDir dir;
        auto db = Database::open(dir.path(), m_clock);
        QVERIFY(!db);
        QVERIFY(db.errorMessage().contains(u"folder"_s));
    }

    void transactionRollsBackAndAnnouncesNothing()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        QSignalSpy committed(db.get(), &Database::committed);
        {
            Transaction t(*db);
            QVERIFY(t.status());
            QVERIFY(PersonRepository(*db).insert(Test::makePerson(u"Ada"_s, u"ada@example.com"_s)));
            QVERIFY(ChangeLog(*db).append(Entity::Person, u"x"_s, ChangeAction::Create, {}, {{u"a"_s, 1}}));
            // destroyed without commit
        }
        QCOMPARE(PersonRepository(*db).all()->size(), 0);
        QCOMPARE(ChangeLog(*db).count().value(), 0);
        QCOMPARE(committed.count(), 0);
    }

    void nestedTransactionsAnnounceOnceAtTheOutermostCommit()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        QSignalSpy committed(db.get(), &Database::committed);
        {
            Transaction outer(*db);
            QVERIFY(RosterService(*db).addPerson(Test::makePerson(u"Ada"_s, u"ada@example.com"_s)));
            {
                Transaction inner(*db);
                QVERIFY(RosterService(*db).addPerson(Test::makePerson(u"Bob"_s, u"bob@example.com"_s)));
                inner.rollback(); // Bob's insert and his log row go, Ada's stay
            }
            QCOMPARE(committed.count(), 0);
            QVERIFY(outer.commit());
        }
        QCOMPARE(committed.count(), 1);
        const auto changes = committed.first().first().value<QList<ChangeEntry>>();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().after.value(u"name"_s).toString(), u"Ada"_s);
        QCOMPARE(RosterService(*db).people()->size(), 1);
        QCOMPARE(ChangeLog(*db).count().value(), 1);
    }

    // Bulk writes (a plan's 100,000 shifts) run through statements prepared once per connection:
    // the same SQL is the same statement, and a failed run (a broken constraint) leaves it
    // ready for the next values, inside and after a rolled-back transaction.
    void keptStatementsRunAgainAfterAFailure()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        const QString insert = u"INSERT INTO teams (id, name, time_zone) VALUES (?, ?, ?)"_s;
        auto first = prepared(*db, insert);
        QVERIFY(first);
        QCOMPARE(prepared(*db, insert).value(), first.value());
        QVERIFY(execute(*db, insert, {u"t1"_s, u"Payments"_s, u"Europe/Berlin"_s}));
        {
            Transaction t(*db);
            QVERIFY(execute(*db, insert, {u"t2"_s, u"Search"_s, u"UTC"_s}));
            // The same id again: the primary key refuses it, with the database's message.
            const Status duplicate = execute(*db, insert, {u"t1"_s, u"Again"_s, u"UTC"_s});
            QVERIFY(!duplicate);
            QVERIFY(!duplicate.error().message.isEmpty());
        }
        QVERIFY(execute(*db, insert, {u"t3"_s, u"Mobile"_s, u"Asia/Tokyo"_s}));
        QCOMPARE(prepared(*db, insert).value(), first.value());
        auto names = run(*db, u"SELECT name FROM teams ORDER BY id"_s);
        QVERIFY(names);
        QStringList read;
        while (names.value().next()) {
            read << names.value().value(0).toString();
        }
        QCOMPARE(read, (QStringList{u"Payments"_s, u"Mobile"_s}));
    }
};

QTEST_GUILESS_MAIN(DatabaseTest)
#include "databasetest.moc"
