#include "services/historyservice.h"

#include "services/rosterservice.h"
#include "store/changelog.h"
#include "store/database.h"
#include "store/syncrepository.h"
#include "store/transaction.h"
#include "testutil.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;
using namespace Tandem;

/// The change log's old entries move to an archive file; the retention window, and whatever a
/// sync has not sent, stay in the database; nothing is lost on any error.
class HistoryServiceTest : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock{Test::fixedNow()};

    // Ada added 100 days ago, Bob 40 days ago, Cy today: three change-log entries.
    std::unique_ptr<Database> threeAges(const QTemporaryDir &dir)
    {
        m_clock.setNow(Test::fixedNow().addDays(-100));
        auto db = Test::openFresh(dir, m_clock);
        RosterService roster(*db);
        [&] { QVERIFY(roster.addPerson(Test::makePerson(u"Ada"_s, u"ada@example.com"_s))); }();
        m_clock.setNow(Test::fixedNow().addDays(-40));
        [&] { QVERIFY(roster.addPerson(Test::makePerson(u"Bob"_s, u"bob@example.com"_s))); }();
        m_clock.setNow(Test::fixedNow());
        [&] { QVERIFY(roster.addPerson(Test::makePerson(u"Cy"_s, u"cy@example.com"_s))); }();
        return db;
    }

    static QStringList names(const QList<ChangeEntry> &entries)
    {
        QStringList result;
        for (const ChangeEntry &e : entries) {
            result << e.after.value(u"name"_s).toString();
        }
        return result;
    }

    static QList<QJsonObject> readLines(const QString &path)
    {
        QList<QJsonObject> result;
        QFile file(path);
        if (file.open(QIODevice::ReadOnly)) {
            for (const QByteArray &line : file.readAll().split('\n')) {
                if (!line.isEmpty()) {
                    result << QJsonDocument::fromJson(line).object();
                }
            }
        }
        return result;
    }

private Q_SLOTS:
    void archivesWhatIsOlderThanTheWindowAndKeepsTheRest_data()
    {
        QTest::addColumn<int>("keepDays");
        QTest::addColumn<QStringList>("archived");
        QTest::addColumn<QStringList>("kept");
        QTest::newRow("30 days") << 30 << QStringList{u"Ada"_s, u"Bob"_s} << QStringList{u"Cy"_s};
        QTest::newRow("60 days") << 60 << QStringList{u"Ada"_s} << QStringList{u"Bob"_s, u"Cy"_s};
        QTest::newRow("365 days") << 365 << QStringList{} << QStringList{u"Ada"_s, u"Bob"_s, u"Cy"_s};
    }

    void archivesWhatIsOlderThanTheWindowAndKeepsTheRest()
    {
        QFETCH(int, keepDays);
        QFETCH(QStringList, archived);
        QFETCH(QStringList, kept);
        QTemporaryDir dir;
        auto db = threeAges(dir);
        db->setActor(u"lead@example.com"_s);
        const auto before = ChangeLog(*db).entries().value();
        HistoryService history(*db);
        const QString path = history.defaultArchivePath(history.cutoffFor(keepDays));
        QVERIFY(path.startsWith(dir.path()));
        const auto done = history.archive(keepDays, path);
        QVERIFY2(done, qPrintable(done.errorMessage()));
        QCOMPARE(done->entries, archived.size());
        QCOMPARE(names(ChangeLog(*db).entries().value()), kept);
        if (archived.isEmpty()) {
            QVERIFY(done->path.isEmpty());
            QVERIFY(!QFile::exists(path)); // nothing old enough: no empty file
            return;
        }
        QCOMPARE(done->path, path);
        // Every field of every archived entry, as the change log had it.
        const QList<QJsonObject> lines = readLines(path);
        QCOMPARE(lines.size(), archived.size());
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const ChangeEntry &original = before.at(i);
            const QJsonObject &line = lines.at(i);
            QCOMPARE(line.value(u"seq"_s).toInteger(), original.seq);
            QCOMPARE(line.value(u"at"_s).toString(), original.at.toString(Qt::ISODateWithMs));
            QCOMPARE(line.value(u"actor"_s).toString(), original.actor);
            QCOMPARE(line.value(u"entity"_s).toString(), u"person"_s);
            QCOMPARE(line.value(u"entity_id"_s).toString(), original.entityId);
            QCOMPARE(line.value(u"action"_s).toString(), u"create"_s);
            QVERIFY(line.value(u"before"_s).isNull());
            QCOMPARE(line.value(u"after"_s).toObject(), original.after);
            QCOMPARE(line.value(u"after"_s).toObject().value(u"name"_s).toString(), archived.at(i));
        }
        // Numbering goes on after the archived entries (the sync outbox relies on it).
        QVERIFY(RosterService(*db).addPerson(Test::makePerson(u"Di"_s, u"di@example.com"_s)));
        QVERIFY(ChangeLog(*db).entries().value().last().seq > before.last().seq);
    }

    void keepsWhatASyncHasNotSent()
    {
        QTemporaryDir dir;
        auto db = threeAges(dir);
        const auto entries = ChangeLog(*db).entries().value();
        {
            Transaction t(*db);
            const Team team = RosterService(*db).addTeam(Team{{}, u"Payments"_s, u"Europe/Berlin"_s}).value();
            QVERIFY(SyncRepository(*db).saveAccount(
                SyncAccount{team.id, QUrl(u"https://dav.example.com/cal/"_s), u"ada"_s, false, false, {}, {}, {}}));
            // Ada's entry was sent; Bob's waits for the next sync.
            QVERIFY(SyncRepository(*db).markSynced(u"person"_s, entries.at(0).entityId, entries.at(0).seq));
            QVERIFY(t.commit());
        }
        HistoryService history(*db);
        const QString path = dir.filePath(u"old.jsonl"_s);
        const auto done = history.archive(30, path);
        QVERIFY2(done, qPrintable(done.errorMessage()));
        QCOMPARE(done->entries, 1);
        QCOMPARE(readLines(path).first().value(u"entity_id"_s).toString(), entries.at(0).entityId);
        const QStringList left = names(ChangeLog(*db).entries(Entity::Person).value());
        QCOMPARE(left, (QStringList{u"Bob"_s, u"Cy"_s}));
    }

    void refusesAndKeepsEverything_data()
    {
        QTest::addColumn<int>("keepDays");
        QTest::addColumn<QString>("file"); // relative to the test folder; "@db" is the database
        QTest::addColumn<QString>("field");
        QTest::newRow("window too short") << 29 << u"a.jsonl"_s << u"keep_days"_s;
        QTest::newRow("no name") << 30 << QString() << u"path"_s;
        QTest::newRow("the database") << 30 << u"@db"_s << u"path"_s;
        QTest::newRow("its write-ahead log") << 30 << u"@db-wal"_s << u"path"_s;
        QTest::newRow("an existing file") << 30 << u"exists.jsonl"_s << u"path"_s;
        QTest::newRow("a folder that does not exist") << 30 << u"missing/a.jsonl"_s << u"path"_s;
    }

    void refusesAndKeepsEverything()
    {
        QFETCH(int, keepDays);
        QFETCH(QString, file);
        QFETCH(QString, field);
        QTemporaryDir dir;
        auto db = threeAges(dir);
        Test::writeFile(dir.filePath(u"exists.jsonl"_s), "an older archive\n");
        const QString path = file.isEmpty()          ? QString()
                             : file.startsWith(u'@') ? db->path() + file.mid(3)
                                                     : dir.filePath(file);
        const QByteArray existing = QFile::exists(path) && !file.startsWith(u'@') ? Test::readFile(path) : QByteArray();
        const auto done = HistoryService(*db).archive(keepDays, path);
        QVERIFY(!done);
        QCOMPARE(done.error().field, field);
        QVERIFY(!done.errorMessage().isEmpty());
        QCOMPARE(ChangeLog(*db).count().value(), 3);
        if (!existing.isEmpty()) {
            QCOMPARE(Test::readFile(path), existing); // not written over
        }
        QVERIFY(RosterService(*db).people()); // the database still opens and reads
    }
};

QTEST_GUILESS_MAIN(HistoryServiceTest)
#include "historyservicetest.moc"
