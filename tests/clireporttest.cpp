#include "clirunner.h"
#include "reportfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

/// `tandem print` and `tandem report` run as processes, headless, on the fixture's database.
class CliReportTest : public QObject
{
    Q_OBJECT

private:
    using Run = Tandem::Test::CliRun;

    Tandem::Test::ReportFixture m_fixture;
    QString m_db;

    Run tandem(const QStringList &args)
    {
        QProcessEnvironment env = Tandem::Test::cliEnvironment(m_fixture.dir.path());
        env.insert(u"XDG_RUNTIME_DIR"_s, m_fixture.dir.path());
        env.remove(u"QT_QPA_PLATFORM"_s); // no display: print must fall back to offscreen by itself
        return Tandem::Test::runCli(QStringLiteral(TANDEM_EXE), QStringList{u"--db"_s, m_db} + args, env);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_fixture.dir.isValid());
        m_db = m_fixture.dir.filePath(u"cli.sqlite"_s);
        m_fixture.build(m_db);
        m_fixture.db.reset(); // the process opens it
    }

    void printWritesEachLayout_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("pages");
        QTest::newRow("month") << QStringList{u"--layout"_s, u"month"_s, u"--rotation"_s, u"Checkout on call"_s,
                                              u"--landscape"_s}
                               << 2;
        QTest::newRow("list") << QStringList{u"--layout"_s, u"list"_s,    u"--team"_s,
                                             u"Checkout"_s, u"--paper"_s, u"letter"_s}
                              << 1;
        QTest::newRow("person") << QStringList{u"--layout"_s, u"person"_s, u"--person"_s, u"otto@example.com"_s} << 1;
    }

    void printWritesEachLayout()
    {
        QFETCH(QStringList, args);
        QFETCH(int, pages);
        const QString pdf = m_fixture.dir.filePath(QString::fromUtf8(QTest::currentDataTag()) + u".pdf"_s);
        const Run r = tandem(
            QStringList{u"print"_s, u"--from"_s, u"2026-03-23"_s, u"--to"_s, u"2026-04-12"_s, u"--pdf"_s, pdf} + args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(u"%1 page"_s.arg(pages)), qPrintable(r.out));
        QVERIFY(QFileInfo(pdf).size() > 1000);
        QCOMPARE(Tandem::Test::readFile(pdf).left(5), QByteArray("%PDF-"));
    }

    void printRefusesBadInput()
    {
        Run r = tandem({u"print"_s, u"--layout"_s, u"poster"_s, u"--pdf"_s, m_fixture.dir.filePath(u"x.pdf"_s)});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(u"--layout"_s), qPrintable(r.err));
        r = tandem({u"print"_s, u"--layout"_s, u"list"_s});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.contains(u"--pdf"_s));
        r = tandem({u"print"_s, u"--layout"_s, u"list"_s, u"--pdf"_s, m_fixture.dir.filePath(u"x.pdf"_s), u"--paper"_s,
                    u"a3"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(u"--paper"_s));
        r = tandem({u"print"_s, u"--layout"_s, u"list"_s, u"--pdf"_s, m_fixture.dir.filePath(u"x.pdf"_s),
                    u"--rotation"_s, u"Nope"_s});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(u"--rotation"_s));
    }

    void hoursCsvForPayroll()
    {
        const Run r = tandem({u"report"_s, u"hours"_s, u"--rotation"_s, u"Checkout on call"_s, u"--from"_s,
                              u"2026-03-01"_s, u"--to"_s, u"2026-03-31"_s, u"--rate-weekday"_s, u"1.5"_s,
                              u"--rate-weekend"_s, u"3"_s, u"--rate-holiday"_s, u"4.5"_s, u"--csv"_s, u"-"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(
                     u"dana@example.com,Dana Dev,developer,2026-03,111.00,47.00,9.00,167.00,1.50,3.00,4.50,348.00"_s),
                 qPrintable(r.out));
        const Run bad = tandem({u"report"_s, u"hours"_s, u"--rate-weekend"_s, u"lots"_s});
        QCOMPARE(bad.exitCode, 1);
        QVERIFY(bad.err.contains(u"--rate-weekend"_s));
    }

    void coverageJsonListsThePlantedGap()
    {
        const Run r = tandem({u"report"_s, u"coverage"_s, u"--rotation"_s, u"Checkout on call"_s, u"--from"_s,
                              u"2026-03-23"_s, u"--to"_s, u"2026-04-12"_s, u"--json"_s});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject out = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonArray gaps = out.value(u"rotations"_s).toArray().at(0).toObject().value(u"gaps"_s).toArray();
        QCOMPARE(gaps.size(), 1);
        QCOMPARE(gaps.at(0).toObject().value(u"reason"_s).toString(), u"no_ops"_s);
        QCOMPARE(gaps.at(0).toObject().value(u"start_local"_s).toString(), u"2026-04-06T09:00:00+02:00"_s);
        QCOMPARE(out.value(u"changes"_s).toArray().size(), 3);
        const QString pdf = m_fixture.dir.filePath(u"coverage.pdf"_s);
        const Run printed = tandem({u"report"_s, u"coverage"_s, u"--team"_s, u"Checkout"_s, u"--from"_s,
                                    u"2026-03-23"_s, u"--to"_s, u"2026-04-12"_s, u"--pdf"_s, pdf});
        QVERIFY2(printed.exitCode == 0, qPrintable(printed.err));
        QVERIFY(QFileInfo(pdf).size() > 1000);
    }

    void fairnessCsvAndPdf()
    {
        const QString csv = m_fixture.dir.filePath(u"fairness.csv"_s);
        const QString pdf = m_fixture.dir.filePath(u"fairness.pdf"_s);
        const Run r = tandem({u"report"_s, u"fairness"_s, u"--rotation"_s, u"Checkout on call"_s, u"--from"_s,
                              u"2026-03-23"_s, u"--to"_s, u"2026-04-12"_s, u"--csv"_s, csv, u"--pdf"_s, pdf});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(Tandem::Test::readFile(csv).startsWith("email,name,role,pool,shifts,load"));
        QVERIFY(QFileInfo(pdf).size() > 1000);
        // --json still comes from the planning commands.
        const Run json = tandem({u"report"_s, u"fairness"_s, u"--rotation"_s, u"Checkout on call"_s, u"--from"_s,
                                 u"2026-03-23"_s, u"--to"_s, u"2026-04-12"_s, u"--json"_s});
        QCOMPARE(json.exitCode, 0);
        QVERIFY(QJsonDocument::fromJson(json.out.toUtf8()).object().contains(u"pairs"_s));
    }
};

QTEST_GUILESS_MAIN(CliReportTest)
#include "clireporttest.moc"
