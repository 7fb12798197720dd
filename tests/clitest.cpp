#include "clirunner.h"
#include "services/rotationservice.h"
#include "store/shiftrepository.h"
#include "testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>

using namespace Qt::StringLiterals;

/// Runs the real `tandem` executable on a temporary database, as a user would.
class CliTest : public QObject
{
    Q_OBJECT

private:
    using Run = Tandem::Test::CliRun;

    QTemporaryDir m_dir;

    /// tandem-testclock, "now" being Test::cliNow() (the time the shifts below are written at).
    Run tandem(const QStringList &args)
    {
        return Tandem::Test::runCli(QStringLiteral(TANDEM_EXE), args,
                                    Tandem::Test::cliEnvironment(m_dir.path(), Tandem::Test::cliNow()));
    }

    QString db() const { return m_dir.filePath(u"cli.sqlite"_s); }

    QString write(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        Tandem::Test::writeFile(path, content);
        return path;
    }

private Q_SLOTS:
    void helpDocumentsTheCommands()
    {
        const Run help = tandem({u"--help"_s});
        QCOMPARE(help.exitCode, 0);
        for (const QString &command :
             {u"roster import"_s, u"roster export"_s, u"roster list"_s, u"timeoff add"_s, u"timeoff list"_s,
              u"pool add"_s, u"pool edit"_s, u"pool list"_s, u"rotation add"_s, u"rotation edit"_s, u"rotation list"_s,
              u"rotation show"_s, u"shifts list"_s}) {
            QVERIFY2(help.out.contains(command), qPrintable(command));
        }
        const Run commandHelp = tandem({u"timeoff"_s, u"add"_s, u"--help"_s});
        QCOMPARE(commandHelp.exitCode, 0);
        QVERIFY(commandHelp.out.contains(u"--reason"_s));
        const Run rotationHelp = tandem({u"rotation"_s, u"add"_s, u"--help"_s});
        QCOMPARE(rotationHelp.exitCode, 0);
        for (const QString &option : {u"--team"_s, u"--ops-pool"_s, u"--length"_s, u"--handoff-day"_s, u"--days"_s,
                                      u"--forbid"_s, u"--lookback-weeks"_s}) {
            QVERIFY2(rotationHelp.out.contains(option), qPrintable(option));
        }
    }

    void usageErrorsExitWithTwo()
    {
        Run r = tandem({u"--db"_s, db(), u"frobnicate"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"frobnicate"_s));
        QCOMPARE(r.err.count(u'\n'), 1); // one line
        r = tandem({u"--db"_s, db(), u"timeoff"_s, u"add"_s, u"--from"_s, u"2026-01-01"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"--person"_s));
        r = tandem({u"--db"_s, db(), u"roster"_s, u"list"_s, u"--colour"_s});
        QCOMPARE(r.exitCode, 2);
    }

    void importListExportReimport()
    {
        const QString csv =
            write(u"team.csv"_s, "name,email,role,team,timezone,phone,capacity,production_access\n"
                                 "Ada Lovelace,ada@example.com,developer,Payments,Europe/London,+44 20 1,1,no\n"
                                 "\"Hopper, Grace\",grace@example.com,operations,Payments,America/New_York,,0.5,yes\n");
        Run r = tandem({u"--db"_s, db(), u"roster"_s, u"import"_s, csv});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(u"2 added"_s));

        r = tandem({u"--db"_s, db(), u"roster"_s, u"list"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray people = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(people.size(), 2);
        const QJsonObject grace = people.at(1).toObject();
        QCOMPARE(grace.value(u"name"_s).toString(), u"Hopper, Grace"_s);
        QCOMPARE(grace.value(u"role"_s).toString(), u"operations"_s);
        QCOMPARE(grace.value(u"production_access"_s).toBool(), true);
        QCOMPARE(grace.value(u"capacity"_s).toDouble(), 0.5);
        QCOMPARE(grace.value(u"team_names"_s).toArray().first().toString(), u"Payments"_s);

        r = tandem({u"--db"_s, db(), u"roster"_s, u"list"_s});
        QVERIFY(r.out.startsWith(u"NAME"_s));
        QVERIFY(r.out.contains(u"ada@example.com"_s));

        const QString exported = m_dir.filePath(u"exported.csv"_s);
        r = tandem({u"--db"_s, db(), u"roster"_s, u"export"_s, exported});
        QCOMPARE(r.exitCode, 0);
        r = tandem({u"--db"_s, db(), u"roster"_s, u"import"_s, exported});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(u"0 added, 0 updated, 2 unchanged"_s), qPrintable(r.out));
    }

    void oldTimeZoneNamesAreStoredAsTodays()
    {
        // HR exports still say Asia/Calcutta and US/Eastern; the tz database links them.
        const QString path = m_dir.filePath(u"zones.sqlite"_s);
        const QString csv = write(u"zones.csv"_s, "name,email,role,team,timezone\n"
                                                  "Priya Nair,priya@example.com,developer,Bangalore,Asia/Calcutta\n"
                                                  "Sam Ortiz,sam@example.com,operations,Bangalore,US/Eastern\n"
                                                  "Lena Fischer,lena@example.com,developer,Bangalore,Europe/Berlin\n");
        Run r = tandem({u"--db"_s, path, u"roster"_s, u"import"_s, csv});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"zones.csv:2:5: timezone: “Asia/Calcutta” is an old name of the time zone "
                                "Asia/Kolkata; stored as Asia/Kolkata."_s),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(u"zones.csv:3:5: timezone: “US/Eastern” is an old name of the time zone "
                                "America/New_York; stored as America/New_York."_s),
                 qPrintable(r.out));
        QVERIFY(!r.out.contains(u"Europe/Berlin"_s)); // a current name is not worth a word
        QVERIFY(r.out.contains(u"3 added"_s));
        r = tandem({u"--db"_s, path, u"roster"_s, u"list"_s, u"--json"_s});
        const QJsonArray people = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(people.size(), 3);
        QStringList zones;
        for (const QJsonValue &person : people) {
            zones.append(person.toObject().value(u"timezone"_s).toString());
        }
        zones.sort();
        QCOMPARE(zones, (QStringList{u"America/New_York"_s, u"Asia/Kolkata"_s, u"Europe/Berlin"_s}));

        // The same on a rotation's zone; an unknown name is still refused.
        QCOMPARE(
            tandem({u"--db"_s, path, u"pool"_s, u"add"_s, u"Ops"_s, u"--members"_s, u"sam@example.com"_s}).exitCode, 0);
        r = tandem({u"--db"_s, path, u"rotation"_s, u"add"_s, u"Nights"_s, u"--team"_s, u"Bangalore"_s, u"--ops-pool"_s,
                    u"Ops"_s, u"--timezone"_s, u"Europe/Kiev"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = tandem({u"--db"_s, path, u"rotation"_s, u"show"_s, u"Nights"_s, u"--json"_s});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"timezone"_s).toString(), u"Europe/Kyiv"_s);
        r = tandem({u"--db"_s, path, u"rotation"_s, u"edit"_s, u"Nights"_s, u"--timezone"_s, u"Mars/Olympus"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"“Mars/Olympus” is not a known time zone"_s), qPrintable(r.err));
    }

    // The change log's retention: from the option or the setting history/keep_days, never
    // shorter than 30 days; today's changes stay (the model test covers what moves).
    void logArchiveKeepsTheWindow()
    {
        const QString path = m_dir.filePath(u"log.sqlite"_s);
        const QString csv = write(u"log.csv"_s, "name,email,role,team,timezone\n"
                                                "Ada Lovelace,ada@example.com,developer,Payments,Europe/London\n");
        QCOMPARE(tandem({u"--db"_s, path, u"roster"_s, u"import"_s, csv}).exitCode, 0);
        Run r = tandem({u"--db"_s, path, u"log"_s, u"archive"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(u"history/keep_days"_s), qPrintable(r.err));
        r = tandem({u"--db"_s, path, u"log"_s, u"archive"_s, u"--keep-days"_s, u"7"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"at least 30"_s), qPrintable(r.err));
        r = tandem({u"--db"_s, path, u"log"_s, u"archive"_s, u"--keep-days"_s, u"90"_s, u"-o"_s, path});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"open database"_s), qPrintable(r.err));
        QVERIFY(QDir().mkpath(m_dir.filePath(u"config/Tandem"_s)));
        write(u"config/Tandem/tandem.conf"_s, "[history]\nkeep_days=90\n");
        r = tandem({u"--db"_s, path, u"log"_s, u"archive"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"No change older than 90 days"_s), qPrintable(r.out));
        QFile::remove(m_dir.filePath(u"config/Tandem/tandem.conf"_s));
        r = tandem({u"--db"_s, path, u"roster"_s, u"list"_s});
        QVERIFY(r.out.contains(u"ada@example.com"_s));
    }

    void aBadFileImportsNothingAndSaysWhere()
    {
        const QString path = m_dir.filePath(u"bad.sqlite"_s);
        const QString csv = write(u"bad.csv"_s, "name,email,role,team,timezone\n"
                                                "Ada,ada@example.com,developer,Payments,Europe/London\n"
                                                "Bob,bob-at-example.com,operations,Payments,Europe/London\n");
        const Run r = tandem({u"--db"_s, path, u"roster"_s, u"import"_s, csv});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"bad.csv:3:2: email:"_s), qPrintable(r.err));
        QVERIFY(r.err.contains(u"nothing was imported"_s));
        const Run list = tandem({u"--db"_s, path, u"roster"_s, u"list"_s, u"--json"_s});
        QCOMPARE(QJsonDocument::fromJson(list.out.toUtf8()).array().size(), 0);
    }

    void timeOff()
    {
        const QString path = m_dir.filePath(u"timeoff.sqlite"_s);
        const QString csv = write(u"one.csv"_s, "name,email,role,timezone\nAda,ada@example.com,developer,UTC\n");
        QCOMPARE(tandem({u"--db"_s, path, u"roster"_s, u"import"_s, csv}).exitCode, 0);
        Run r = tandem({u"--db"_s, path, u"timeoff"_s, u"add"_s, u"--person"_s, u"ada@example.com"_s, u"--from"_s,
                        u"2026-12-24"_s, u"--to"_s, u"2026-12-26"_s, u"--reason"_s, u"Christmas"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = tandem({u"--db"_s, path, u"timeoff"_s, u"add"_s, u"--person"_s, u"ada@example.com"_s, u"--from"_s,
                    u"2026-13-01"_s, u"--to"_s, u"2026-12-26"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(u"--from"_s));
        r = tandem({u"--db"_s, path, u"timeoff"_s, u"add"_s, u"--person"_s, u"nobody@example.com"_s, u"--from"_s,
                    u"2026-12-01"_s, u"--to"_s, u"2026-12-02"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(u"nobody@example.com"_s));
        r = tandem({u"--db"_s, path, u"timeoff"_s, u"add"_s, u"--person"_s, u"ada@example.com"_s, u"--from"_s,
                    u"2026-12-10"_s, u"--to"_s, u"2026-12-01"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(u"before it starts"_s));

        r = tandem({u"--db"_s, path, u"timeoff"_s, u"list"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(list.size(), 1);
        QCOMPARE(list.first().toObject().value(u"from"_s).toString(), u"2026-12-24"_s);
        QCOMPARE(list.first().toObject().value(u"email"_s).toString(), u"ada@example.com"_s);
        QCOMPARE(list.first().toObject().value(u"reason"_s).toString(), u"Christmas"_s);
    }

    void refusesANonDatabaseAndLeavesIt()
    {
        const QString path = write(u"notes.sqlite"_s, "not a database at all\n");
        const Run r = tandem({u"--db"_s, path, u"roster"_s, u"list"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(u"not a Tandem database"_s));
        QCOMPARE(Tandem::Test::readFile(path), QByteArray("not a database at all\n"));
    }

    // A roster with a team, two developers, two ops engineers and Bob (ops without access).
    QString rotationDb(const QString &name)
    {
        const QString path = m_dir.filePath(name);
        const QString csv = write(name + u".csv"_s, "name,email,role,team,timezone,production_access\n"
                                                    "Dana Dev,dana@example.com,developer,Payments,Europe/Berlin,\n"
                                                    "Nico New,nico@example.com,developer,Payments,Europe/Berlin,\n"
                                                    "Olga Ops,olga@example.com,operations,Payments,Europe/Berlin,\n"
                                                    "Omar Ops,omar@example.com,operations,Payments,Europe/Berlin,\n"
                                                    "Bob,bob@example.com,operations,Payments,Europe/Berlin,no\n");
        const Run r = tandem({u"--db"_s, path, u"roster"_s, u"import"_s, csv});
        if (r.exitCode != 0) {
            qWarning() << r.err;
        }
        return path;
    }

    static QJsonArray jsonArray(const QString &text) { return QJsonDocument::fromJson(text.toUtf8()).array(); }

    void poolsAddEditList()
    {
        const QString path = rotationDb(u"pools.sqlite"_s);
        Run r = tandem({u"--db"_s, path, u"pool"_s, u"add"_s, u"Payments ops"_s, u"--members"_s,
                        u"omar@example.com,OLGA@example.com"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // Refusals name the option and write nothing.
        r = tandem({u"--db"_s, path, u"pool"_s, u"add"_s, u"Nights"_s, u"--members"_s, u"bob@example.com"_s});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, u"tandem: --members: Bob has no production access; the ops seat needs it.\n"_s);
        r = tandem({u"--db"_s, path, u"pool"_s, u"add"_s, u"Nights"_s, u"--members"_s, u"nobody@example.com"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(u"--members: nobody on the roster"_s));
        r = tandem({u"--db"_s, path, u"pool"_s, u"add"_s, u"Nights"_s, u"--members="_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"--members: "_s) && r.err.contains(u"no members"_s), qPrintable(r.err));
        r = tandem({u"--db"_s, path, u"pool"_s, u"add"_s, u"payments OPS"_s, u"--members"_s, u"olga@example.com"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(u"NAME: "_s));
        r = tandem({u"--db"_s, path, u"pool"_s, u"add"_s, u"Nights"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"--members"_s));

        r = tandem({u"--db"_s, path, u"pool"_s, u"edit"_s, u"payments ops"_s, u"--name"_s, u"Europe ops"_s,
                    u"--members"_s, u"olga@example.com"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = tandem({u"--db"_s, path, u"pool"_s, u"list"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray pools = jsonArray(r.out);
        QCOMPARE(pools.size(), 1);
        const QJsonObject pool = pools.first().toObject();
        QCOMPARE(pool.value(u"name"_s).toString(), u"Europe ops"_s);
        QCOMPARE(pool.value(u"members"_s).toArray().size(), 1);
        QCOMPARE(pool.value(u"member_emails"_s).toArray(), QJsonArray{u"olga@example.com"_s});
        QVERIFY(!pool.value(u"id"_s).toString().isEmpty());
        r = tandem({u"--db"_s, path, u"pool"_s, u"edit"_s, u"No such pool"_s, u"--name"_s, u"X"_s});
        QCOMPARE(r.exitCode, 1);
    }

    void rotationsAddEditShowList()
    {
        const QString path = rotationDb(u"rotations.sqlite"_s);
        QCOMPARE(tandem({u"--db"_s, path, u"pool"_s, u"add"_s, u"Payments ops"_s, u"--members"_s,
                         u"olga@example.com,omar@example.com"_s})
                     .exitCode,
                 0);
        Run r = tandem({u"--db"_s, path, u"rotation"_s, u"add"_s, u"Payments on call"_s, u"--team"_s, u"payments"_s,
                        u"--ops-pool"_s, u"Payments ops"_s, u"--start"_s, u"2026-03-16"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = tandem({u"--db"_s, path, u"rotation"_s, u"show"_s, u"payments on call"_s});
        QCOMPARE(r.exitCode, 0);
        // Defaults: weekly, Monday 09:00 in the team's zone, every day.
        QVERIFY2(r.out.contains(u"weekly, handoff Monday 09:00 Europe/Berlin, every day"_s), qPrintable(r.out));
        QVERIFY(r.out.contains(u"Olga Ops, Omar Ops"_s));
        QVERIFY(r.out.contains(u"Dana Dev, Nico New"_s));

        r = tandem({u"--db"_s,
                    path,
                    u"rotation"_s,
                    u"edit"_s,
                    u"Payments on call"_s,
                    u"--name"_s,
                    u"Payments days"_s,
                    u"--length"_s,
                    u"12h"_s,
                    u"--days"_s,
                    u"mon-fri"_s,
                    u"--handoff-time"_s,
                    u"08:30"_s,
                    u"--min-rest"_s,
                    u"24"_s,
                    u"--ops-concurrency"_s,
                    u"2"_s,
                    u"--new-devs"_s,
                    u"nico@example.com"_s,
                    u"--forbid"_s,
                    u"dana@example.com:omar@example.com"_s,
                    u"--weekend-weight"_s,
                    u"2.5"_s,
                    u"--allow-same-pair-consecutive"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = tandem({u"--db"_s, path, u"rotation"_s, u"show"_s, u"Payments days"_s});
        QVERIFY2(r.out.contains(u"every 12 hours, handoff 08:30 Europe/Berlin, Monday to Friday"_s), qPrintable(r.out));
        QVERIFY(r.out.contains(u"Nico New (pair only with a senior ops engineer)"_s));
        QVERIFY(r.out.contains(u"Dana Dev with Omar Ops"_s));

        r = tandem({u"--db"_s, path, u"rotation"_s, u"show"_s, u"Payments days"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json.value(u"team_name"_s).toString(), u"Payments"_s);
        QCOMPARE(json.value(u"ops_pool_name"_s).toString(), u"Payments ops"_s);
        QCOMPARE(json.value(u"shift_minutes"_s).toInt(), 12 * 60);
        QCOMPARE(json.value(u"active_days"_s).toInt(), 0x1f);
        QCOMPARE(json.value(u"handoff_time"_s).toString(), u"08:30"_s);
        QCOMPARE(json.value(u"start_date"_s).toString(), u"2026-03-16"_s); // untouched by the edit
        const QJsonObject rules = json.value(u"rules"_s).toObject();
        QCOMPARE(rules.value(u"min_rest_hours"_s).toInt(), 24);
        QCOMPARE(rules.value(u"ops_concurrency"_s).toInt(), 2);
        QCOMPARE(rules.value(u"weekend_weight"_s).toDouble(), 2.5);
        QCOMPARE(rules.value(u"no_same_pair_consecutive"_s).toBool(), false);
        QCOMPARE(rules.value(u"new_developers"_s).toArray().size(), 1);
        QCOMPARE(rules.value(u"forbidden_pairs"_s).toArray().size(), 1);

        r = tandem({u"--db"_s, path, u"rotation"_s, u"list"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(jsonArray(r.out).size(), 1);
        QCOMPARE(jsonArray(r.out).first().toObject().value(u"name"_s).toString(), u"Payments days"_s);
        r = tandem({u"--db"_s, path, u"rotation"_s, u"list"_s});
        QVERIFY(r.out.startsWith(u"NAME"_s));
        QVERIFY(r.out.contains(u"Payments days"_s));
        // The pool is in use now.
        r = tandem({u"--db"_s, path, u"pool"_s, u"remove"_s, u"Payments ops"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(u"Payments days"_s));
    }

    void badRotationSettingsNameTheOptionAndWriteNothing_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("option");
        QTest::newRow("zero length") << QStringList{u"--length"_s, u"0h"_s} << u"--length"_s;
        QTest::newRow("length without unit") << QStringList{u"--length"_s, u"7"_s} << u"--length"_s;
        QTest::newRow("bad weekday") << QStringList{u"--handoff-day"_s, u"someday"_s} << u"--handoff-day"_s;
        QTest::newRow("bad time") << QStringList{u"--handoff-time"_s, u"25:00"_s} << u"--handoff-time"_s;
        QTest::newRow("bad days") << QStringList{u"--days"_s, u"mon-xyz"_s} << u"--days"_s;
        QTest::newRow("bad start") << QStringList{u"--start"_s, u"2026-02-30"_s} << u"--start"_s;
        QTest::newRow("unknown zone") << QStringList{u"--timezone"_s, u"Mars/Base"_s} << u"--timezone"_s;
        QTest::newRow("min rest below -1") << QStringList{u"--min-rest=-2"_s} << u"--min-rest"_s;
        QTest::newRow("not a number") << QStringList{u"--max-per-4-weeks"_s, u"many"_s} << u"--max-per-4-weeks"_s;
        QTest::newRow("concurrency 0") << QStringList{u"--ops-concurrency"_s, u"0"_s} << u"--ops-concurrency"_s;
        QTest::newRow("negative weight") << QStringList{u"--night-weight=-1"_s} << u"--night-weight"_s;
        QTest::newRow("negative freeze") << QStringList{u"--freeze-days=-3"_s} << u"--freeze-days"_s;
        QTest::newRow("unknown new dev") << QStringList{u"--new-devs"_s, u"who@example.com"_s} << u"--new-devs"_s;
        QTest::newRow("bad pair") << QStringList{u"--forbid"_s, u"dana@example.com"_s} << u"--forbid"_s;
        QTest::newRow("unknown team") << QStringList{u"--team"_s, u"Nope"_s} << u"--team"_s;
        QTest::newRow("unknown pool") << QStringList{u"--ops-pool"_s, u"Nope"_s} << u"--ops-pool"_s;
    }

    void badRotationSettingsNameTheOptionAndWriteNothing()
    {
        QFETCH(QStringList, options);
        QFETCH(QString, option);
        const QString path =
            rotationDb(u"bad-%1.sqlite"_s.arg(QString::fromLatin1(QTest::currentDataTag()).replace(u' ', u'-')));
        QCOMPARE(
            tandem({u"--db"_s, path, u"pool"_s, u"add"_s, u"Ops"_s, u"--members"_s, u"olga@example.com"_s}).exitCode,
            0);
        QCOMPARE(tandem({u"--db"_s, path, u"rotation"_s, u"add"_s, u"Existing"_s, u"--team"_s, u"Payments"_s,
                         u"--ops-pool"_s, u"Ops"_s})
                     .exitCode,
                 0);
        const QString before = tandem({u"--db"_s, path, u"rotation"_s, u"list"_s, u"--json"_s}).out;

        // Later options win, so the bad value replaces the good --team/--ops-pool.
        Run r = tandem(QStringList{u"--db"_s, path, u"rotation"_s, u"add"_s, u"New"_s, u"--team"_s, u"Payments"_s,
                                   u"--ops-pool"_s, u"Ops"_s} +
                       options);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith(u"tandem: "_s + option + u": "_s), qPrintable(r.err));
        QCOMPARE(r.err.count(u'\n'), 1);
        r = tandem(QStringList{u"--db"_s, path, u"rotation"_s, u"edit"_s, u"Existing"_s} + options);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith(u"tandem: "_s + option + u": "_s), qPrintable(r.err));
        QCOMPARE(tandem({u"--db"_s, path, u"rotation"_s, u"list"_s, u"--json"_s}).out, before);
    }

    void rotationUsageErrors()
    {
        const QString path = rotationDb(u"usage.sqlite"_s);
        Run r = tandem({u"--db"_s, path, u"rotation"_s, u"add"_s, u"X"_s, u"--team"_s, u"Payments"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"--ops-pool"_s));
        r = tandem({u"--db"_s, path, u"rotation"_s, u"add"_s, u"--team"_s, u"Payments"_s, u"--ops-pool"_s, u"x"_s});
        QCOMPARE(r.exitCode, 2);
        r = tandem({u"--db"_s, path, u"rotation"_s, u"show"_s, u"Nothing"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(u"Nothing"_s));
        r = tandem({u"--db"_s, path, u"shifts"_s, u"list"_s, u"--frm"_s, u"2026-01-01"_s});
        QCOMPARE(r.exitCode, 2);
        r = tandem({u"--db"_s, path, u"shifts"_s, u"list"_s, u"--from"_s, u"2026-13-01"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(u"--from"_s));
        r = tandem({u"--db"_s, path, u"shifts"_s, u"list"_s, u"--rotation"_s, u"Nothing"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(u"--rotation"_s));
    }

    void shiftsListInTheRotationsZone()
    {
        const QString path = rotationDb(u"shifts.sqlite"_s);
        QCOMPARE(
            tandem({u"--db"_s, path, u"pool"_s, u"add"_s, u"Ops"_s, u"--members"_s, u"olga@example.com"_s}).exitCode,
            0);
        QCOMPARE(tandem({u"--db"_s, path, u"rotation"_s, u"add"_s, u"Payments on call"_s, u"--team"_s, u"Payments"_s,
                         u"--ops-pool"_s, u"Ops"_s, u"--start"_s, u"2026-03-16"_s})
                     .exitCode,
                 0);
        QCOMPARE(tandem({u"--db"_s, path, u"rotation"_s, u"add"_s, u"Other"_s, u"--team"_s, u"Payments"_s,
                         u"--ops-pool"_s, u"Ops"_s, u"--start"_s, u"2026-03-16"_s})
                     .exitCode,
                 0);
        {
            // Shifts come from the planner; here they are written straight into the file.
            Tandem::FakeClock clock(Tandem::Test::fixedNow());
            auto db = Tandem::Database::open(path, clock);
            QVERIFY(db);
            Tandem::RotationService rotations(*db.value());
            const auto rotation = rotations.rotationByName(u"Payments on call"_s).value().value();
            const auto other = rotations.rotationByName(u"Other"_s).value().value();
            const auto pool = rotations.pool(rotation.opsPoolId).value().value();
            Tandem::ShiftRepository shifts(*db.value());
            // Monday 2026-03-23 09:00 in Berlin (CET, +01:00) to Monday 2026-03-30 09:00 (CEST, +02:00).
            Tandem::Shift s;
            s.id = Tandem::ShiftId::create();
            s.rotationId = rotation.id;
            s.start = QDateTime(QDate(2026, 3, 23), QTime(8, 0), Qt::UTC);
            s.end = QDateTime(QDate(2026, 3, 30), QTime(7, 0), Qt::UTC);
            s.ops = pool.members.first();
            QVERIFY(shifts.insert(s));
            Tandem::Shift o = s;
            o.id = Tandem::ShiftId::create();
            o.rotationId = other.id;
            QVERIFY(shifts.insert(o));
        }
        Run r = tandem({u"--db"_s, path, u"shifts"_s, u"list"_s, u"--rotation"_s, u"payments on call"_s, u"--from"_s,
                        u"2026-03-20"_s, u"--to"_s, u"2026-03-31"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray list = jsonArray(r.out);
        QCOMPARE(list.size(), 1); // only the rotation asked for
        const QJsonObject shift = list.first().toObject();
        QCOMPARE(shift.value(u"rotation_name"_s).toString(), u"Payments on call"_s);
        QCOMPARE(shift.value(u"start"_s).toString(), u"2026-03-23T08:00:00Z"_s);
        QCOMPARE(shift.value(u"start_local"_s).toString(), u"2026-03-23T09:00:00+01:00"_s);
        QCOMPARE(shift.value(u"end_local"_s).toString(), u"2026-03-30T09:00:00+02:00"_s);
        QVERIFY(shift.value(u"dev"_s).isNull());
        QVERIFY(shift.value(u"dev_email"_s).isNull());
        QCOMPARE(shift.value(u"ops_email"_s).toString(), u"olga@example.com"_s);
        QCOMPARE(shift.value(u"state"_s).toString(), u"planned"_s);

        r = tandem({u"--db"_s, path, u"shifts"_s, u"list"_s, u"--from"_s, u"2026-03-20"_s, u"--to"_s, u"2026-03-31"_s});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(u"Mon 2026-03-23 09:00"_s) && r.out.contains(u"— gap —"_s), qPrintable(r.out));
        QVERIFY(r.out.contains(u"Olga Ops"_s));
        QVERIFY(r.out.contains(u"Other"_s));
        // Outside the range: nothing.
        r = tandem({u"--db"_s, path, u"shifts"_s, u"list"_s, u"--from"_s, u"2026-04-01"_s, u"--to"_s, u"2026-04-10"_s,
                    u"--json"_s});
        QCOMPARE(jsonArray(r.out).size(), 0);
        r = tandem({u"--db"_s, path, u"shifts"_s, u"list"_s, u"--from"_s, u"2026-04-10"_s, u"--to"_s, u"2026-04-01"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(u"--to"_s));
    }

    void demoIsItsOwnDatabase()
    {
        const Run r = tandem({u"--demo"_s, u"roster"_s, u"list"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 30);
        QVERIFY(QFile::exists(m_dir.filePath(u"data/Tandem/tandem/demo.sqlite"_s)));
        QVERIFY(!QFile::exists(m_dir.filePath(u"data/Tandem/tandem/tandem.sqlite"_s)));
        // One weekly rotation per team, each with a pool of the team's five ops engineers.
        const Run rotations = tandem({u"--demo"_s, u"rotation"_s, u"list"_s, u"--json"_s});
        QCOMPARE(rotations.exitCode, 0);
        QStringList names;
        for (const QJsonValue &v : jsonArray(rotations.out)) {
            const QJsonObject rotation = v.toObject();
            names.append(rotation.value(u"name"_s).toString());
            QCOMPARE(rotation.value(u"shift_minutes"_s).toInt(), 7 * 24 * 60);
            QCOMPARE(rotation.value(u"handoff_weekday"_s).toInt(), 1);
            QCOMPARE(rotation.value(u"handoff_time"_s).toString(), u"09:00"_s);
            QCOMPARE(QDate::fromString(rotation.value(u"start_date"_s).toString(), Qt::ISODate).dayOfWeek(), 1);
        }
        QCOMPARE(names, (QStringList{u"Payments on call"_s, u"Platform on call"_s, u"Search on call"_s}));
        const Run pools = tandem({u"--demo"_s, u"pool"_s, u"list"_s, u"--json"_s});
        for (const QJsonValue &v : jsonArray(pools.out)) {
            QCOMPARE(v.toObject().value(u"member_emails"_s).toArray().size(), 5);
        }
    }

    void planAQuarterForTheDemoTeam()
    {
        // The demo team, planned a quarter ahead from the Monday after next (dates follow the
        // executable's clock, as a lead's would).
        QDate from = Tandem::Test::cliNow().date().addDays(8);
        while (from.dayOfWeek() != 1) {
            from = from.addDays(1);
        }
        const QString first = from.toString(Qt::ISODate);
        const QString last = from.addDays(90).toString(Qt::ISODate);
        const QStringList plan = {u"--demo"_s, u"plan"_s, u"--rotation"_s, u"Search on call"_s,
                                  u"--from"_s, first,     u"--to"_s,       last};
        const QStringList list = {
            u"--demo"_s, u"shifts"_s, u"list"_s, u"--rotation"_s, u"Search on call"_s, u"--from"_s,
            first,       u"--to"_s,   last,      u"--json"_s};
        Run r = tandem(plan + QStringList{u"--dry-run"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QJsonObject out = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(out.value(u"dry_run"_s).toBool(), true);
        QCOMPARE(out.value(u"applied"_s).toBool(), false);
        const QJsonArray shifts = out.value(u"shifts"_s).toArray();
        QCOMPARE(shifts.size(), 13); // a quarter of weekly shifts
        QCOMPARE(out.value(u"changes"_s).toObject().value(u"added"_s).toInt(), 13);
        for (const QJsonValue &v : shifts) {
            const QJsonObject shift = v.toObject();
            QVERIFY(shift.value(u"dev_email"_s).toString().endsWith(u"@example.com"_s));
            QVERIFY(shift.value(u"ops_email"_s).toString().endsWith(u"@example.com"_s));
            QVERIFY(!shift.value(u"dev_reason"_s).toString().isEmpty());
            QVERIFY(shift.value(u"start_local"_s).toString().contains(u"T09:00:00-0"_s)); // New York
        }
        // A quarter of one rotation is small enough for the exact search: each pool says what it
        // proved about its largest deviation, and the bound never lies above the plan's figure.
        const QJsonArray planPools = out.value(u"fairness"_s).toObject().value(u"pools"_s).toArray();
        QCOMPARE(planPools.size(), 2);
        for (const QJsonValue &v : planPools) {
            const QJsonObject pool = v.toObject();
            const QString proof = pool.value(u"proof"_s).toString();
            QVERIFY2(proof == u"optimal"_s || proof == u"bound"_s, qPrintable(proof));
            QVERIFY(pool.value(u"bound"_s).toDouble() <= pool.value(u"max_deviation"_s).toDouble() + 1e-9);
        }
        QVERIFY2(tandem(plan + QStringList{u"--dry-run"_s}).out.contains(u"(optimal)"_s) ||
                     tandem(plan + QStringList{u"--dry-run"_s}).out.contains(u"of the bound"_s),
                 "the text output says what the planner proved");
        // The dry run wrote nothing.
        r = tandem(list);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 0);

        r = tandem(plan);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(u"Written: 13 added"_s));
        r = tandem(list);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 13);
        // Planning again changes nothing.
        r = tandem(plan + QStringList{u"--json"_s});
        out = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(out.value(u"changes"_s).toObject().value(u"unchanged"_s).toInt(), 13);

        // A week of leave for the developer of the fifth shift: the default re-plan changes that
        // seat and at most one more, and says how fair a rebalancing re-plan would be; --replan
        // fair rebalances and reports no such figure; anything else is refused.
        const QJsonObject fifth = out.value(u"shifts"_s).toArray().at(4).toObject();
        const QDate leave = QDate::fromString(fifth.value(u"start_local"_s).toString().left(10), Qt::ISODate);
        r = tandem({u"--demo"_s, u"timeoff"_s, u"add"_s, u"--person"_s, fifth.value(u"dev_email"_s).toString(),
                    u"--from"_s, leave.addDays(1).toString(Qt::ISODate), u"--to"_s,
                    leave.addDays(5).toString(Qt::ISODate)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = tandem(plan + QStringList{u"--dry-run"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        out = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(out.value(u"replan"_s).toString(), u"fewest"_s);
        const int changed = out.value(u"changes"_s).toObject().value(u"changed"_s).toInt();
        QVERIFY2(changed >= 1 && changed <= 2, qPrintable(QString::number(changed)));
        for (const QJsonValue &v : out.value(u"fairness"_s).toObject().value(u"pools"_s).toArray()) {
            const QJsonObject pool = v.toObject();
            QVERIFY2(pool.contains(u"fairest"_s), qPrintable(pool.value(u"name"_s).toString()));
            QVERIFY(pool.value(u"fairest"_s).toDouble() <= pool.value(u"max_deviation"_s).toDouble() + 1e-9);
        }
        r = tandem(plan + QStringList{u"--dry-run"_s, u"--json"_s, u"--replan"_s, u"fair"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        out = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(out.value(u"replan"_s).toString(), u"fair"_s);
        QVERIFY(out.value(u"changes"_s).toObject().value(u"changed"_s).toInt() >= changed);
        for (const QJsonValue &v : out.value(u"fairness"_s).toObject().value(u"pools"_s).toArray()) {
            QVERIFY(!v.toObject().contains(u"fairest"_s));
        }
        r = tandem(plan + QStringList{u"--dry-run"_s, u"--replan"_s, u"fairest"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"--replan"_s) && r.err.contains(u"fairest"_s), qPrintable(r.err));

        const QStringList report = {u"--demo"_s,     u"report"_s,         u"fairness"_s,
                                    u"--rotation"_s, u"Search on call"_s, u"--from"_s,
                                    first,           u"--to"_s,           last};
        r = tandem(report + QStringList{u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject fairness = QJsonDocument::fromJson(r.out.toUtf8()).object();
        int seats = 0;
        for (const QJsonValue &v : fairness.value(u"people"_s).toArray()) {
            seats += v.toObject().value(u"shifts"_s).toInt();
        }
        QCOMPARE(seats, 26);
        QCOMPARE(fairness.value(u"pools"_s).toArray().size(), 2);
        QVERIFY(fairness.value(u"objective"_s).toObject().value(u"max_pair_count"_s).toInt() >= 1);
        r = tandem(report);
        QVERIFY(r.out.contains(u"Pairs (shifts together)"_s));
    }

    void rotationHourWindows()
    {
        const QString path = rotationDb(u"windows.sqlite"_s);
        QCOMPARE(tandem({u"--db"_s, path, u"pool"_s, u"add"_s, u"Payments ops"_s, u"--members"_s,
                         u"olga@example.com,omar@example.com"_s})
                     .exitCode,
                 0);
        Run r =
            tandem({u"--db"_s, path, u"rotation"_s, u"add"_s, u"Office"_s, u"--team"_s, u"payments"_s, u"--ops-pool"_s,
                    u"Payments ops"_s, u"--start"_s, u"2027-03-15"_s, u"--window"_s, u"business-hours"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"business hours Mon-Fri 09:00-17:00"_s), qPrintable(r.out));
        r = tandem({u"--db"_s, path, u"rotation"_s, u"show"_s, u"Office"_s});
        QVERIFY2(r.out.contains(u"weekly, handoff Monday 09:00 Europe/Berlin, every day, business hours Mon-Fri "
                                "09:00-17:00"_s),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(u"Mon-Fri 09:00-17:00\n"_s), qPrintable(r.out));

        // Planned across the spring change (28 March 2027): ten pieces of two weekly stints, 09:00-17:00 local.
        r = tandem({u"--db"_s, path, u"plan"_s, u"--rotation"_s, u"Office"_s, u"--from"_s, u"2027-03-22"_s, u"--to"_s,
                    u"2027-04-04"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = tandem({u"--db"_s, path, u"shifts"_s, u"list"_s, u"--rotation"_s, u"Office"_s, u"--from"_s, u"2027-03-22"_s,
                    u"--to"_s, u"2027-04-04"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray shifts = jsonArray(r.out);
        QCOMPARE(shifts.size(), 10);
        const QTimeZone berlin("Europe/Berlin");
        for (const QJsonValue &value : shifts) {
            const QJsonObject shift = value.toObject();
            const QDateTime start = QDateTime::fromString(shift.value(u"start"_s).toString(), Qt::ISODate);
            const QDateTime end = QDateTime::fromString(shift.value(u"end"_s).toString(), Qt::ISODate);
            QCOMPARE(start.toTimeZone(berlin).time(), QTime(9, 0));
            QCOMPARE(end.toTimeZone(berlin).time(), QTime(17, 0));
        }

        // Edited: several windows, separated or repeated; JSON carries them.
        r = tandem({u"--db"_s, path, u"rotation"_s, u"edit"_s, u"Office"_s, u"--window"_s,
                    u"Mon-Fri 18:00-24:00; Sat-Sun 00:00-24:00"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = tandem({u"--db"_s, path, u"rotation"_s, u"show"_s, u"Office"_s, u"--json"_s});
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object().value(u"windows"_s).toString(),
                 u"Mon-Fri 18:00-24:00; Sat-Sun 00:00-24:00"_s);

        // Refused in words that name the option and the window; nothing changes.
        r = tandem({u"--db"_s, path, u"rotation"_s, u"edit"_s, u"Office"_s, u"--window"_s, u"Mon 08:00-12:00"_s,
                    u"--window"_s, u"Mon 11:00-13:00"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"--window"_s) && r.err.contains(u"overlap"_s), qPrintable(r.err));
        r = tandem({u"--db"_s, path, u"rotation"_s, u"edit"_s, u"Office"_s, u"--window"_s, u"Funday 9-5"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"Funday"_s), qPrintable(r.err));
        r = tandem({u"--db"_s, path, u"rotation"_s, u"show"_s, u"Office"_s});
        QVERIFY2(r.out.contains(u"hours Mon-Fri 18:00-24:00; Sat-Sun 00:00-24:00"_s), qPrintable(r.out));

        // Cleared: all the time.
        r = tandem({u"--db"_s, path, u"rotation"_s, u"edit"_s, u"Office"_s, u"--no-windows"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = tandem({u"--db"_s, path, u"rotation"_s, u"show"_s, u"Office"_s});
        QVERIFY2(r.out.contains(u"all the time"_s), qPrintable(r.out));
        QVERIFY(!QJsonDocument::fromJson(
                     tandem({u"--db"_s, path, u"rotation"_s, u"show"_s, u"Office"_s, u"--json"_s}).out.toUtf8())
                     .object()
                     .contains(u"windows"_s));
    }

    void planRefusesBadInput()
    {
        Run r = tandem({u"--db"_s, db(), u"plan"_s, u"--from"_s, u"2027-01-04"_s, u"--to"_s, u"2027-04-04"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"--rotation"_s));
        r = tandem({u"--db"_s, db(), u"plan"_s, u"--rotation"_s, u"Nope"_s, u"--from"_s, u"2027-01-04"_s, u"--to"_s,
                    u"2027-04-04"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(u"Nope"_s));
        r = tandem({u"--db"_s, db(), u"plan"_s, u"--rotation"_s, u"Nope"_s, u"--from"_s, u"2027-02-30"_s, u"--to"_s,
                    u"2027-04-04"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(u"--from"_s));
        r = tandem({u"--db"_s, db(), u"plan"_s, u"--rotation"_s, u"Nope"_s, u"--from"_s, u"2027-04-04"_s, u"--to"_s,
                    u"2027-01-04"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(u"before"_s));
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "clitest.moc"
