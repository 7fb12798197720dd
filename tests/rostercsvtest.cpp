#include "services/rostercsv.h"

#include "services/rosterservice.h"
#include "store/changelog.h"
#include "testutil.h"

using namespace Qt::StringLiterals;
using namespace Tandem;

namespace {
const QByteArray header = "name,email,role,team,timezone,phone,capacity,production_access\n";
}

class RosterCsvTest : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock{Test::fixedNow()};

private Q_SLOTS:
    void goodFiles_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<int>("people");
        QTest::addColumn<QString>("checkName");
        QTest::addColumn<QString>("checkPhone");

        QTest::newRow("plain") << header +
                                      "Ada Lovelace,ada@example.com,developer,Payments,Europe/London,+44 20 1,1.0,no\n"
                               << 1 << u"Ada Lovelace"_s << u"+44 20 1"_s;
        QTest::newRow("bom and crlf") << QByteArray("\xEF\xBB\xBF") + QByteArray(header).replace("\n", "\r\n") +
                                             "Bob,bob@example.com,ops,Payments,Europe/Berlin,,0.5,yes\r\n"
                                      << 1 << u"Bob"_s << QString();
        QTest::newRow("quoted comma, quote and newline")
            << header + "\"Lovelace, Ada \"\"the first\"\"\",ada@example.com,developer,Payments,Europe/London,"
                        "\"+44 (20) 1\",1,no\n"
            << 1 << u"Lovelace, Ada \"the first\""_s << u"+44 (20) 1"_s;
        QTest::newRow("utf-8 names, no trailing newline")
            << header + "Amélie Laurent,amelie@example.com,developer,Payments,Europe/Paris,,0.8,no" << 1
            << u"Amélie Laurent"_s << QString();
        QTest::newRow("columns reordered, optional ones missing")
            << QByteArray("email,role,name\nzoe@example.com,operations,Zoe\n") << 0 << QString() << QString();
        QTest::newRow("blank lines skipped")
            << header + "\nAda,ada@example.com,developer,Payments,Europe/London,,1,no\n\n"
            << 1 << u"Ada"_s << QString();
    }

    void goodFiles()
    {
        QFETCH(QByteArray, csv);
        QFETCH(int, people);
        QFETCH(QString, checkName);
        QFETCH(QString, checkPhone);
        const RosterCsvParse parsed = parseRosterCsv(csv);
        QVERIFY(parsed.fileIssues.isEmpty());
        if (people == 0) {
            // Zoe has no zone and no team: parsing is fine, planning says what is missing.
            QCOMPARE(parsed.rows.size(), 1);
            QVERIFY(parsed.rows.first().issues.isEmpty());
            QTemporaryDir dir;
            auto db = Test::openFresh(dir, m_clock);
            const auto plan = RosterService(*db).planImport(parsed);
            QCOMPARE(plan->issues.size(), 1);
            QCOMPARE(plan->issues.first().columnName, u"timezone"_s);
            return;
        }
        QCOMPARE(parsed.rows.size(), people);
        const RosterCsvRow &row = parsed.rows.first();
        QVERIFY2(row.issues.isEmpty(), qPrintable(row.issues.isEmpty() ? QString() : row.issues.first().toString()));
        QCOMPARE(row.person.name, checkName);
        QCOMPARE(row.person.phone, checkPhone);
    }

    void badFiles_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");

        QTest::newRow("empty") << QByteArray() << 1 << 0 << u"empty"_s;
        QTest::newRow("unknown column") << QByteArray("name,email,role,shoe_size\n") << 1 << 4 << u"shoe_size"_s;
        QTest::newRow("missing email column") << QByteArray("name,role\nAda,developer\n") << 1 << 0 << u"email"_s;
        QTest::newRow("bad email") << header + "Ada,ada.example.com,developer,Payments,Europe/London,,1,no\n"
                                   << 2 << 2 << u"not an e-mail"_s;
        QTest::newRow("bad role") << header + "Ada,ada@example.com,manager,Payments,Europe/London,,1,no\n"
                                  << 2 << 3 << u"not a role"_s;
        QTest::newRow("unknown zone") << header + "Ada,ada@example.com,developer,Payments,Europe/Atlantis,,1,no\n"
                                      << 2 << 5 << u"Europe/Atlantis"_s;
        QTest::newRow("capacity not a number")
            << header + "Ada,ada@example.com,developer,Payments,Europe/London,,full,no\n"
            << 2 << 7 << u"not a number"_s;
        QTest::newRow("capacity out of range")
            << header + "Ada,ada@example.com,developer,Payments,Europe/London,,2,no\n"
            << 2 << 7 << u"0.1 and 1.0"_s;
        QTest::newRow("access not yes/no") << header + "Ada,ada@example.com,developer,Payments,Europe/London,,1,maybe\n"
                                           << 2 << 8 << u"yes or no"_s;
        QTest::newRow("too few fields") << header + "Ada,ada@example.com,developer\n" << 2 << 0 << u"found 3"_s;
        QTest::newRow("duplicate email on line 4")
            << header + "Ada,ada@example.com,developer,P,Europe/London,,1,no\n"
                        "Bob,bob@example.com,developer,P,Europe/London,,1,no\n"
                        "Ada Two,ADA@example.com,developer,P,Europe/London,,1,no\n"
            << 4 << 2 << u"line 2"_s;
        QTest::newRow("line counts quoted newlines")
            << header + "\"Ada\nLovelace\",ada@example.com,developer,P,Europe/London,,1,no\n"
                        "Bob,bob@,developer,P,Europe/London,,1,no\n"
            << 4 << 2 << u"not an e-mail"_s;
        QTest::newRow("unclosed quote") << header + "\"Ada,ada@example.com,developer,P,Europe/London,,1,no\n"
                                        << 2 << 1 << u"not closed"_s;
        QTest::newRow("not utf-8") << header + "Ren\xE9,rene@example.com,developer,P,Europe/Paris,,1,no\n"
                                   << 2 << 0 << u"UTF-8"_s;
    }

    void badFiles()
    {
        QFETCH(QByteArray, csv);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        const RosterCsvParse parsed = parseRosterCsv(csv);
        QList<CsvIssue> issues = parsed.fileIssues;
        for (const RosterCsvRow &row : parsed.rows) {
            issues += row.issues;
        }
        QVERIFY(!issues.isEmpty());
        const CsvIssue &first = issues.first();
        QVERIFY2(first.message.contains(message) || first.columnName.contains(message), qPrintable(first.toString()));
        QCOMPARE(first.line, line);
        QCOMPARE(first.column, column);

        // Nothing of a bad file reaches the database.
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        RosterService roster(*db);
        const auto plan = roster.planImport(parsed);
        QVERIFY(plan);
        QVERIFY(!plan->isValid());
        QVERIFY(!roster.applyImport(plan.value()));
        QVERIFY(roster.people()->isEmpty());
        QVERIFY(roster.teams()->isEmpty());
        QCOMPARE(ChangeLog(*db).count().value(), 0);
    }

    void importCreatesTeamsAndReimportUpdatesByEmail()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        RosterService roster(*db);
        const QByteArray first = header + "Ada,ada@example.com,developer,Payments;Search,Europe/London,,1,no\n"
                                          "Olu,olu@example.com,operations,Payments,Africa/Lagos,+234 1 555,1,\n";
        auto plan = roster.planImport(parseRosterCsv(first));
        QVERIFY(plan->isValid());
        auto summary = roster.applyImport(plan.value());
        QVERIFY2(summary, qPrintable(summary.errorMessage()));
        QCOMPARE(summary->added, 2);
        QCOMPARE(summary->teamsCreated, 2);
        const Person olu = roster.personByEmail(u"olu@example.com"_s).value().value();
        QVERIFY(olu.productionAccess); // ops default
        QCOMPARE(roster.personByEmail(u"ada@example.com"_s).value()->teams.size(), 2);

        // The same people again, one changed: updated in place, no duplicates.
        const QByteArray second = header +
                                  "Ada,ADA@example.com,developer,Payments;Search,Europe/London,,1,no\n"
                                  "Olu Adeyemi,olu@example.com,operations,Payments,Africa/Lagos,+234 1 555,0.5,\n";
        plan = roster.planImport(parseRosterCsv(second));
        QCOMPARE(plan->toAdd.size(), 0);
        QCOMPARE(plan->toUpdate.size(), 1);
        QCOMPARE(plan->unchanged, 1);
        summary = roster.applyImport(plan.value());
        QCOMPARE(summary->updated, 1);
        QCOMPARE(roster.people()->size(), 2);
        const Person updated = roster.personByEmail(u"olu@example.com"_s).value().value();
        QCOMPARE(updated.id, olu.id);
        QCOMPARE(updated.name, u"Olu Adeyemi"_s);
        QCOMPARE(updated.capacity, 0.5);
    }

    void validRowsOnlyImportsTheGoodOnes()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        RosterService roster(*db);
        const QByteArray csv = header + "Ada,ada@example.com,developer,P,Europe/London,,1,no\n"
                                        "Bad,not-an-email,developer,P,Europe/London,,1,no\n";
        const auto plan = roster.planImport(parseRosterCsv(csv));
        QCOMPARE(plan->issues.size(), 1);
        QCOMPARE(plan->skippedLines, QList<int>{3});
        const auto summary = roster.applyImport(plan.value(), true);
        QVERIFY(summary);
        QCOMPARE(summary->added, 1);
        QCOMPARE(summary->skipped, 1);
        QCOMPARE(roster.people()->size(), 1);
    }

    void exportReimportsToTheSameRoster()
    {
        QTemporaryDir dir;
        auto db = Test::openFresh(dir, m_clock);
        RosterService roster(*db);
        const QByteArray csv = header + "\"Lovelace, Ada\",ada@example.com,developer,Payments,Europe/London,"
                                        "+44 20 1,0.8,no\n"
                                        "Bob,bob@example.com,operations,Payments;Search,Europe/Berlin,,1,yes\n";
        QVERIFY(roster.applyImport(roster.planImport(parseRosterCsv(csv)).value()));
        const QByteArray exported = roster.exportCsv().value();
        QVERIFY(exported.startsWith(header));
        QVERIFY(exported.contains("\"Lovelace, Ada\""));
        const auto plan = roster.planImport(parseRosterCsv(exported));
        QVERIFY(plan->isValid());
        QCOMPARE(plan->unchanged, 2);
        QVERIFY(plan->toAdd.isEmpty());
        QVERIFY(plan->toUpdate.isEmpty());
    }
};

QTEST_GUILESS_MAIN(RosterCsvTest)
#include "rostercsvtest.moc"
