#include "clirunner.h"
#include "historyfixture.h"
#include "store/changelog.h"
#include "store/database.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace Tandem {

/// `tandem import history` through the real executable on the sample exports of other tools.
class CliHistoryImportTest : public QObject
{
    Q_OBJECT

private:
    using Run = Test::CliRun;

    FakeClock m_clock{Test::cliNow()};
    QTemporaryDir m_dir;
    Test::HistoryFixture *m_f = nullptr;
    std::unique_ptr<Test::HistoryFixture> m_fixture;

    QString db() const { return m_dir.filePath(u"cli.sqlite"_s); }

    Run tandem(const QStringList &args)
    {
        return Test::runCli(QStringLiteral(TANDEM_EXE), QStringList{u"--db"_s, db()} + args,
                            Test::cliEnvironment(m_dir.path(), Test::cliNow()));
    }

    /// The shifts and the change log as they stand, read on a fresh connection.
    QPair<QList<Shift>, qint64> state()
    {
        auto opened = Database::open(db(), m_clock);
        if (!opened) {
            qFatal("cannot open %s", qPrintable(opened.errorMessage()));
        }
        auto shifts = ShiftRepository(*opened.value())
                          .overlapping(QDateTime(QDate(2016, 1, 1), QTime(0, 0), Qt::UTC),
                                       QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC));
        return {shifts.value(), ChangeLog(*opened.value()).lastSeq().value()};
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(db());
        m_fixture = std::make_unique<Test::HistoryFixture>(m_dir, m_clock, u"cli.sqlite"_s);
        m_f = m_fixture.get();
        m_f->db.reset(); // the executable opens it
    }

    void dryRunShowsThePreviewAndWritesNothing()
    {
        const auto before = state();
        const Run run = tandem({u"import"_s, u"history"_s, u"Payments on call"_s,
                                Test::historySample(u"pagerduty.ics"_s), u"--seat"_s, u"dev"_s, u"--dry-run"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        // Times in the rotation's zone; who, how they were found, what the import does.
        QVERIFY2(run.out.contains(u"Mon 2026-01-05 09:00"_s), qPrintable(run.out));
        QVERIFY(run.out.contains(u"Jane Doe"_s));
        QVERIFY(run.out.contains(u"By e-mail"_s));
        QVERIFY(run.out.contains(u"Zoë Müller"_s));
        QVERIFY(run.out.contains(u"By name"_s));
        QVERIFY(run.out.contains(u"Fills the empty seat"_s));
        QVERIFY(run.out.contains(u"Not past"_s));
        QVERIFY2(run.out.contains(u"Not on the roster"_s) && run.out.contains(u"Max Mustermann (1 event)"_s),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(u"Alex Kim: alex.kim@example.com, akim@example.com"_s) ||
                     run.out.contains(u"Alex Kim: akim@example.com, alex.kim@example.com"_s),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(u"Dry run, nothing was written: 3 new shift(s), 1 seat(s) filled"_s),
                 qPrintable(run.out));
        QCOMPARE(state(), before);
    }

    void importWritesOnceAndMapResolvesNames()
    {
        const auto before = state();
        const Run run =
            tandem({u"import"_s, u"history"_s, u"payments ON CALL"_s, Test::historySample(u"pagerduty.ics"_s),
                    u"--seat"_s, u"dev"_s, u"--map"_s, u"Alex Kim=akim@example.com"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(u"Imported: 5 new shift(s), 1 seat(s) filled"_s), qPrintable(run.out));
        QVERIFY(run.out.contains(u"by --map"_s));
        QVERIFY(!run.out.contains(u"Ambiguous"_s));
        const auto after = state();
        QCOMPARE(after.first.size(), before.first.size() + 5);
        QCOMPARE(after.second, before.second + 6);
        int alex = 0;
        for (const Shift &s : after.first) {
            alex += s.dev == m_f->alexKim2.id ? 1 : 0;
        }
        QCOMPARE(alex, 2);

        // The same file again: nothing to import, nothing written.
        const Run again =
            tandem({u"import"_s, u"history"_s, u"Payments on call"_s, Test::historySample(u"pagerduty.ics"_s),
                    u"--seat"_s, u"dev"_s, u"--map"_s, u"Alex Kim=akim@example.com"_s});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(again.out.contains(u"Nothing to import"_s), qPrintable(again.out));
        QCOMPARE(state(), after);
    }

    void eachSampleImports_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("seat");
        QTest::addColumn<int>("written");
        QTest::addColumn<QString>("unmatched");
        QTest::newRow("PagerDuty") << u"pagerduty.ics"_s << u"dev"_s << 4 << u"Max Mustermann"_s;
        QTest::newRow("Opsgenie") << u"opsgenie.ics"_s << u"ops"_s << 3 << u"Kai Berger"_s;
        QTest::newRow("Grafana OnCall") << u"grafana-oncall.ics"_s << u"dev"_s << 5 << u"lfischer (4 events)"_s;
        QTest::newRow("team calendar") << u"team-calendar.ics"_s << u"dev"_s << 4 << u"Robin Schulz"_s;
    }

    void eachSampleImports()
    {
        QFETCH(QString, file);
        QFETCH(QString, seat);
        QFETCH(int, written);
        QFETCH(QString, unmatched);
        const auto before = state();
        const Run run =
            tandem({u"import"_s, u"history"_s, u"Payments on call"_s, Test::historySample(file), u"--seat"_s, seat});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(unmatched), qPrintable(run.out));
        QCOMPARE(state().second, before.second + written);
    }

    void refusalsWriteNothing_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString pd = Test::historySample(u"pagerduty.ics"_s);
        QTest::newRow("no seat") << QStringList{u"Payments on call"_s, pd} << 2 << u"--seat"_s;
        QTest::newRow("bad seat") << QStringList{u"Payments on call"_s, pd, u"--seat"_s, u"lead"_s} << 2
                                  << u"“lead” is not a seat"_s;
        QTest::newRow("unknown rotation")
            << QStringList{u"Nope"_s, pd, u"--seat"_s, u"dev"_s} << 1 << u"no rotation “Nope”"_s;
        QTest::newRow("map to nobody")
            << QStringList{u"Payments on call"_s,           pd, u"--seat"_s, u"dev"_s, u"--map"_s,
                           u"Alex Kim=nobody@example.com"_s}
            << 1 << u"nobody@example.com"_s;
        QTest::newRow("missing file") << QStringList{u"Payments on call"_s, u"/nonexistent/x.ics"_s, u"--seat"_s,
                                                     u"dev"_s}
                                      << 1 << u"x.ics"_s;
        QTest::newRow("database as file")
            << QStringList{u"Payments on call"_s, u"{db}"_s, u"--seat"_s, u"dev"_s} << 1 << u"nothing was imported"_s;
    }

    void refusalsWriteNothing()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        args.replaceInStrings(u"{db}"_s, db());
        const auto before = state();
        const Run run = tandem(QStringList{u"import"_s, u"history"_s} + args);
        QCOMPARE(run.exitCode, exitCode);
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
        QCOMPARE(state(), before);
    }

    void hostileFileIsBoundedBeforeWork()
    {
        // An event every three hours for ten years: refused with the limit named, in a moment.
        const QString path = m_dir.filePath(u"dense.ics"_s);
        QVERIFY(Test::writeFile(path, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//EN\r\nBEGIN:VEVENT\r\nUID:m\r\n"
                                      "DTSTAMP:20260101T000000Z\r\nDTSTART:20170101T000000Z\r\n"
                                      "DTEND:20170101T020000Z\r\nRRULE:FREQ=HOURLY;INTERVAL=3\r\n"
                                      "SUMMARY:Jane Doe\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"));
        const auto before = state();
        const Run run = tandem({u"import"_s, u"history"_s, u"Payments on call"_s, path, u"--seat"_s, u"dev"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"10000"_s) && run.err.contains(u"nothing was imported"_s), qPrintable(run.err));
        QCOMPARE(state(), before);
    }

    void helpAndCommandTable()
    {
        const Run help = tandem({u"--help"_s});
        QVERIFY(help.out.contains(u"import history ROTATION FILE --seat dev|ops"_s));
        const Run own = tandem({u"import"_s, u"history"_s, u"--help"_s});
        QCOMPARE(own.exitCode, 0);
        QVERIFY(own.out.contains(u"--map"_s));
        QVERIFY(own.out.contains(u"--dry-run"_s));
    }
};

} // namespace Tandem

QTEST_GUILESS_MAIN(Tandem::CliHistoryImportTest)
#include "clihistoryimporttest.moc"
