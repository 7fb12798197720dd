#include "testutil.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

using namespace Qt::StringLiterals;

/// Runs the real `tandem` executable on a temporary database, as a user would.
class CliTest : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    QTemporaryDir m_dir;

    Run tandem(const QStringList &args)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data"_s));
        env.insert(u"XDG_CONFIG_HOME"_s, m_dir.filePath(u"config"_s));
        env.remove(u"DISPLAY"_s); // headless: commands must not need a display
        env.insert(u"QT_QPA_PLATFORM"_s, u"minimal"_s);
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(TANDEM_EXE), args);
        if (!process.waitForFinished(60000)) {
            qWarning() << "tandem did not finish" << args;
        }
        return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                   QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
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
        for (const QString &command : {u"roster import"_s, u"roster export"_s, u"roster list"_s, u"timeoff add"_s,
                                       u"timeoff list"_s}) {
            QVERIFY2(help.out.contains(command), qPrintable(command));
        }
        const Run commandHelp = tandem({u"timeoff"_s, u"add"_s, u"--help"_s});
        QCOMPARE(commandHelp.exitCode, 0);
        QVERIFY(commandHelp.out.contains(u"--reason"_s));
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
        const QString csv = write(u"team.csv"_s,
                                  "name,email,role,team,timezone,phone,capacity,production_access\n"
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

    void aBadFileImportsNothingAndSaysWhere()
    {
        const QString path = m_dir.filePath(u"bad.sqlite"_s);
        const QString csv = write(u"bad.csv"_s,
                                  "name,email,role,team,timezone\n"
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

    void demoIsItsOwnDatabase()
    {
        const Run r = tandem({u"--demo"_s, u"roster"_s, u"list"_s, u"--json"_s});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).array().size(), 30);
        QVERIFY(QFile::exists(m_dir.filePath(u"data/Tandem/tandem/demo.sqlite"_s)));
        QVERIFY(!QFile::exists(m_dir.filePath(u"data/Tandem/tandem/tandem.sqlite"_s)));
    }
};

QTEST_GUILESS_MAIN(CliTest)
#include "clitest.moc"
