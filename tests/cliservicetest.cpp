#include "clirunner.h"
#include "servicefixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

/// `tandem service ...` and `tandem report coverage --service` run as processes on the fixture's
/// two-continent service (a Berlin and a New York leg, the whole of 2026).
class CliServiceTest : public QObject
{
    Q_OBJECT

private:
    using Run = Tandem::Test::CliRun;

    std::unique_ptr<Tandem::Test::ServiceFixture> m_fixture;
    QString m_db;

    Run tandem(const QStringList &args)
    {
        const QProcessEnvironment env = Tandem::Test::cliEnvironment(m_fixture->dir.path());
        return Tandem::Test::runCli(QStringLiteral(TANDEM_EXE), QStringList{u"--db"_s, m_db} + args, env);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fixture = std::make_unique<Tandem::Test::ServiceFixture>(QDate(2026, 3, 1), QDate(2026, 4, 30));
        m_db = m_fixture->dir.filePath(u"tandem.sqlite"_s);
        m_fixture->db.reset(); // the process opens it
    }

    void roundTrip()
    {
        Run r = tandem({u"service"_s, u"add"_s, u"Checkout global"_s, u"--leg"_s, u"new york days"_s, u"--leg"_s,
                        u"Berlin days"_s, u"--zone"_s, u"America/New_York"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"Checkout global"_s), qPrintable(r.out));

        r = tandem({u"service"_s, u"list"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonArray list = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(list.size(), 2);
        const QJsonObject added = list.at(0).toObject();
        QCOMPARE(added.value(u"name"_s).toString(), u"Checkout global"_s);
        QCOMPARE(added.value(u"timezone"_s).toString(), u"America/New_York"_s);
        QCOMPARE(added.value(u"team"_s).toString(), u"Payments"_s);
        const QJsonArray legs = added.value(u"legs"_s).toArray();
        QCOMPARE(legs.size(), 2);
        QCOMPARE(legs.at(0).toObject().value(u"rotation"_s).toString(), u"New York days"_s);

        r = tandem({u"service"_s, u"edit"_s, u"checkout GLOBAL"_s, u"--name"_s, u"Checkout worldwide"_s, u"--leg"_s,
                    u"Berlin days"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = tandem({u"service"_s, u"show"_s, u"Checkout worldwide"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"Leg: Berlin days (Europe/Berlin)"_s), qPrintable(r.out));
        QVERIFY2(!r.out.contains(u"New York"_s), qPrintable(r.out));

        r = tandem({u"service"_s, u"remove"_s, u"Checkout worldwide"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = tandem({u"service"_s, u"show"_s, u"Checkout worldwide"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"no service named"_s), qPrintable(r.err));
    }

    // The week after the US switch: one hour a day nobody's, one hour both legs'.
    void coverageFindsTheDstHole()
    {
        Run r = tandem({u"report"_s, u"coverage"_s, u"--service"_s, u"Payments production"_s, u"--from"_s,
                        u"2026-03-09"_s, u"--to"_s, u"2026-03-15"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject json = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(json.value(u"hole_minutes"_s).toInteger(), 7 * 60);
        QCOMPARE(json.value(u"overlap_minutes"_s).toInteger(), 7 * 60);
        QCOMPARE(json.value(u"holes"_s).toArray().size(), 7);
        QCOMPARE(json.value(u"holes"_s).toArray().at(0).toObject().value(u"start_local"_s).toString(),
                 u"2026-03-09T06:00:00+01:00"_s);

        r = tandem({u"report"_s, u"coverage"_s, u"--service"_s, u"Payments production"_s, u"--from"_s, u"2026-04-06"_s,
                    u"--to"_s, u"2026-04-12"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"100.00%"_s), qPrintable(r.out));
        QVERIFY2(r.out.contains(u"holes: 0 minutes"_s), qPrintable(r.out));
        QVERIFY2(!r.out.contains(u"KIND"_s), qPrintable(r.out)); // no table: nothing to list

        r = tandem({u"report"_s, u"coverage"_s, u"--service"_s, u"Payments production"_s, u"--from"_s, u"2026-03-09"_s,
                    u"--to"_s, u"2026-03-09"_s, u"--csv"_s, u"-"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QStringList lines = r.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0), u"kind,start,end,start_local,end_local,minutes,legs,reason"_s);
        QVERIFY2(lines.at(1).startsWith(u"uncovered,2026-03-09T05:00:00Z,2026-03-09T06:00:00Z,"_s),
                 qPrintable(lines.at(1)));
        QVERIFY2(lines.at(2).startsWith(u"overlap,2026-03-09T17:00:00Z"_s), qPrintable(lines.at(2)));
        QVERIFY2(lines.at(2).contains(u"Berlin days + New York days"_s), qPrintable(lines.at(2)));
    }

    void refusesBadInput()
    {
        Run r = tandem({u"service"_s, u"add"_s, u"Ghost"_s, u"--leg"_s, u"Nowhere"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"--leg"_s) && r.err.contains(u"Nowhere"_s), qPrintable(r.err));
        r = tandem({u"service"_s, u"add"_s, u"Two\nlines"_s, u"--leg"_s, u"Berlin days"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"--name"_s), qPrintable(r.err));
        r = tandem({u"service"_s, u"add"_s, u"payments PRODUCTION"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"already"_s), qPrintable(r.err));
        r = tandem({u"service"_s, u"add"_s, u"Zoned"_s, u"--zone"_s, u"Mars/Olympus"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"--zone"_s), qPrintable(r.err));
        r = tandem({u"service"_s, u"edit"_s, u"Payments production"_s});
        QCOMPARE(r.exitCode, 2);
        r = tandem({u"report"_s, u"coverage"_s, u"--service"_s, u"Nope"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"--service"_s), qPrintable(r.err));
        r = tandem({u"report"_s, u"coverage"_s, u"--service"_s, u"Payments production"_s, u"--team"_s, u"Payments"_s});
        QCOMPARE(r.exitCode, 2);
        r = tandem({u"report"_s, u"coverage"_s, u"--service"_s, u"Payments production"_s, u"--from"_s, u"soon"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"--from"_s), qPrintable(r.err));
        r = tandem({u"service"_s, u"list"_s});
        QVERIFY2(r.out.count(u'\n') == 2, qPrintable(r.out)); // header and the fixture's service: nothing added
    }
};

QTEST_GUILESS_MAIN(CliServiceTest)
#include "cliservicetest.moc"
