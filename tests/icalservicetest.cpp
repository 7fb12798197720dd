#include "services/icalservice.h"

#include "domain/clock.h"
#include "services/rosterservice.h"
#include "store/changelog.h"
#include "store/database.h"
#include "testutil.h"

#include <QCryptographicHash>
#include <QSqlQuery>
#include <QTest>

using namespace Qt::StringLiterals;

namespace Tandem {

namespace {

QByteArray calendar(const QByteArray &body)
{
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n" + body + "END:VCALENDAR\r\n";
}

QByteArray vevent(const QByteArray &uid, const QByteArray &lines)
{
    return "BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20260101T000000Z\r\n" + lines + "END:VEVENT\r\n";
}

QByteArray sha256(const QString &path)
{
    return QCryptographicHash::hash(Test::readFile(path), QCryptographicHash::Sha256).toHex();
}

} // namespace

class IcalServiceTest : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock{Test::fixedNow()};
    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_db;
    Team m_team;
    Person m_alice;

    QString dbPath() const { return m_dir.filePath(u"tandem.sqlite"_s); }

    int count(QStringView entity) const
    {
        auto entries = ChangeLog(*m_db).entries(entity);
        return entries ? int(entries->size()) : -1;
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        QFile::remove(dbPath());
        m_db = Test::openFresh(m_dir, m_clock);
        RosterService roster(*m_db);
        Team team;
        team.name = u"Payments"_s;
        team.timeZone = u"Europe/Berlin"_s;
        auto added = roster.addTeam(team);
        QVERIFY2(added.ok(), qPrintable(added.errorMessage()));
        m_team = added.value();
        Person alice = Test::makePerson(u"Alice"_s, u"alice@example.com"_s);
        alice.teams = {m_team.id};
        auto person = roster.addPerson(alice);
        QVERIFY2(person.ok(), qPrintable(person.errorMessage()));
        m_alice = person.value();
    }

    void cleanup() { m_db.reset(); }

    void importTimeOffAndReimport()
    {
        const QByteArray ics = calendar(vevent("ski", "DTSTART;VALUE=DATE:20260401\r\nDTEND;VALUE=DATE:20260404\r\n"
                                                      "SUMMARY:Skiing\\, Alps\r\n") +
                                        vevent("dentist", "DTSTART:20260415T080000Z\r\nDTEND:20260415T093000Z\r\n"
                                                          "SUMMARY:Dentist\r\n"));
        IcalService service(*m_db);
        const int logBefore = count(Entity::TimeOff);
        auto result = service.importTimeOff(m_alice.id, ics, QDate(2026, 1, 1), QDate(2026, 12, 31));
        QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
        QCOMPARE(result->added, 2);
        QCOMPARE(result->skipped, 0);
        auto timeOff = RosterService(*m_db).timeOff(m_alice.id);
        QVERIFY(timeOff.ok());
        QCOMPARE(timeOff->size(), 2);
        // DTEND of an all-day event is exclusive: the ski trip ends on the 3rd.
        QCOMPARE(timeOff->at(0).from, QDate(2026, 4, 1));
        QCOMPARE(timeOff->at(0).to, QDate(2026, 4, 3));
        QCOMPARE(timeOff->at(0).reason, u"Skiing, Alps"_s);
        QCOMPARE(timeOff->at(1).from, QDate(2026, 4, 15));
        QCOMPARE(timeOff->at(1).to, QDate(2026, 4, 15));
        QCOMPARE(count(Entity::TimeOff), logBefore + 2);

        // The same file again adds nothing.
        result = service.importTimeOff(m_alice.id, ics, QDate(2026, 1, 1), QDate(2026, 12, 31));
        QVERIFY(result.ok());
        QCOMPARE(result->added, 0);
        QCOMPARE(result->skipped, 2);
        QCOMPARE(RosterService(*m_db).timeOff(m_alice.id)->size(), 2);
        QCOMPARE(count(Entity::TimeOff), logBefore + 2);
    }

    void failedImportLeavesDatabaseAsItWas()
    {
        // Fault injection: the third holiday is refused by the database itself, after two
        // were written inside the import's transaction.
        QSqlQuery query(m_db->connection());
        QVERIFY(query.exec(u"CREATE TRIGGER refuse_boom BEFORE INSERT ON holidays WHEN NEW.name = 'Boom' "
                           "BEGIN SELECT RAISE(ABORT, 'boom refused'); END"_s));
        query.finish();
        m_db.reset(); // checkpoints the WAL into the file
        const QByteArray before = sha256(dbPath());
        QVERIFY(!before.isEmpty());

        m_db = Test::openFresh(m_dir, m_clock);
        const QByteArray ics = calendar(vevent("a", "DTSTART;VALUE=DATE:20261224\r\nSUMMARY:Christmas Eve\r\n") +
                                        vevent("b", "DTSTART;VALUE=DATE:20261225\r\nSUMMARY:Christmas\r\n") +
                                        vevent("c", "DTSTART;VALUE=DATE:20261226\r\nSUMMARY:Boom\r\n"));
        auto result = IcalService(*m_db).importHolidays(m_team.id, ics, QDate(2026, 1, 1), QDate(2026, 12, 31));
        QVERIFY(!result.ok());
        QVERIFY2(result.errorMessage().contains(u"2026-12-26"_s), qPrintable(result.errorMessage()));
        QVERIFY(RosterService(*m_db).holidays(m_team.id)->isEmpty());
        m_db.reset();
        QCOMPARE(sha256(dbPath()), before);
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("ics");
        QTest::addColumn<QStringList>("message");
        const QByteArray ok = vevent("x", "DTSTART;VALUE=DATE:20260401\r\nSUMMARY:Off\r\n");
        QTest::newRow("not iCalendar") << QByteArray("name,email\nAda,ada@example.com\n")
                                       << QStringList{u"Line 1:"_s, u"not an iCalendar file"_s};
        QTest::newRow("truncated") << calendar(ok).chopped(30)
                                   << QStringList{u"truncated"_s, u"VEVENT (begun at line 4)"_s};
        QTest::newRow("long line") << calendar(vevent("x", "DTSTART;VALUE=DATE:20260401\r\nSUMMARY:" +
                                                               QByteArray(80000, 'a') + "\r\n"))
                                   << QStringList{u"Line 8:"_s, u"at most 75000"_s};
        QByteArray folded = "DESCRIPTION:";
        for (int i = 0; i < 1100; ++i) {
            folded += QByteArray(73, 'b') + "\r\n ";
        }
        QTest::newRow("long unfolded line")
            << calendar(vevent("x", "DTSTART;VALUE=DATE:20260401\r\n" + folded + "end\r\n"))
            << QStringList{u"Line 8:"_s, u"unfolded"_s};
        QTest::newRow("invalid date") << calendar(vevent("x", "DTSTART;VALUE=DATE:20260231\r\n"))
                                      << QStringList{u"Line 7:"_s, u"“20260231” in DTSTART is not a valid date"_s};
        QTest::newRow("invalid time") << calendar(vevent("x", "DTSTART:20260301T250000Z\r\n"))
                                      << QStringList{u"Line 7:"_s, u"not a valid date"_s};
        QTest::newRow("unknown zone") << calendar(vevent("x", "DTSTART;TZID=Mars/Olympus:20260301T100000\r\n"))
                                      << QStringList{u"Line 7:"_s, u"unknown time zone “Mars/Olympus”"_s};
        QTest::newRow("too big") << QByteArray(MaxIcsImportBytes + 1, 'x') << QStringList{u"at most 16 MB"_s};
        QTest::newRow("not UTF-8") << calendar(vevent("x", "DTSTART;VALUE=DATE:20260401\r\nSUMMARY:caf\xe9\r\n"))
                                   << QStringList{u"Line 8:"_s, u"not valid UTF-8"_s};
        QTest::newRow("minutely") << calendar(vevent("x", "DTSTART:20260301T100000Z\r\nRRULE:FREQ=MINUTELY\r\n"))
                                  << QStringList{u"Line 8:"_s, u"repeats minutely"_s};
        QTest::newRow("END mismatch") << calendar("BEGIN:VEVENT\r\nUID:x\r\nDTSTART:20260301T100000Z\r\nEND:VTODO\r\n")
                                      << QStringList{u"Line 7:"_s, u"END:VTODO where VEVENT (begun at line 4)"_s};
        QTest::newRow("no DTSTART") << calendar(vevent("x", "SUMMARY:when?\r\n"))
                                    << QStringList{u"Line 4:"_s, u"without DTSTART"_s};
    }

    void badInput()
    {
        QFETCH(QByteArray, ics);
        QFETCH(QStringList, message);
        IcalService service(*m_db);
        const int before = count(Entity::TimeOff);
        auto result = service.importTimeOff(m_alice.id, ics, QDate(2026, 1, 1), QDate(2026, 12, 31));
        QVERIFY(!result.ok());
        for (const QString &part : message) {
            QVERIFY2(result.errorMessage().contains(part), qPrintable(result.errorMessage()));
        }
        QCOMPARE(count(Entity::TimeOff), before);
        QVERIFY(RosterService(*m_db).timeOff(m_alice.id)->isEmpty());
    }

    void recurringHolidaysExpand()
    {
        const QByteArray ics =
            calendar(vevent("xmas", "DTSTART;VALUE=DATE:20201225\r\nDTEND;VALUE=DATE:20201227\r\nRRULE:FREQ=YEARLY\r\n"
                                    "SUMMARY:Christmas\r\n") +
                     vevent("founders", "DTSTART;VALUE=DATE:20240601\r\nRRULE:FREQ=YEARLY;COUNT=10\r\n"
                                        "EXDATE;VALUE=DATE:20270601\r\nSUMMARY:Founders day\r\n") +
                     vevent("founders", "RECURRENCE-ID;VALUE=DATE:20260601\r\nDTSTART;VALUE=DATE:20260602\r\n"
                                        "SUMMARY:Founders day (moved)\r\n"));
        auto result = IcalService(*m_db).importHolidays(m_team.id, ics, QDate(2026, 1, 1), QDate(2027, 12, 31));
        QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
        auto holidays = RosterService(*m_db).holidays(m_team.id);
        QVERIFY(holidays.ok());
        QStringList got;
        for (const Holiday &h : holidays.value()) {
            got << h.date.toString(Qt::ISODate) + u' ' + h.name;
        }
        QCOMPARE(got, (QStringList{u"2026-06-02 Founders day (moved)"_s, u"2026-12-25 Christmas"_s,
                                   u"2026-12-26 Christmas"_s, u"2027-12-25 Christmas"_s, u"2027-12-26 Christmas"_s}));
        QCOMPARE(count(Entity::Holiday), 5);
        // The period bounds the expansion: the same file over 2026 only adds nothing new.
        result = IcalService(*m_db).importHolidays(m_team.id, ics, QDate(2026, 1, 1), QDate(2026, 12, 31));
        QVERIFY(result.ok());
        QCOMPARE(result->added, 0);
        QCOMPARE(result->skipped, 3);
    }

    void daysCountInTheEventsOwnZone()
    {
        // Friday evenings in New York are Saturday in UTC; the weeks straddle the start of
        // daylight saving time there (8 March 2026). The Berlin night crosses its DST switch.
        const QByteArray ics =
            calendar(vevent("fri", "DTSTART;TZID=America/New_York:20260227T200000\r\n"
                                   "DTEND;TZID=America/New_York:20260227T230000\r\n"
                                   "RRULE:FREQ=WEEKLY;COUNT=4\r\nSUMMARY:Choir\r\n") +
                     vevent("night", "DTSTART;TZID=Europe/Berlin:20260328T220000\r\n"
                                     "DTEND;TZID=Europe/Berlin:20260329T090000\r\nSUMMARY:Night train\r\n"));
        auto days = readDays(ics, QDate(2026, 1, 1), QDate(2026, 12, 31));
        QVERIFY2(days.ok(), qPrintable(days.errorMessage()));
        QStringList got;
        for (const ImportedDay &d : days.value()) {
            got << u"%1 %2 %3"_s.arg(d.from.toString(Qt::ISODate), d.to.toString(Qt::ISODate), d.summary);
        }
        QCOMPARE(got, (QStringList{u"2026-02-27 2026-02-27 Choir"_s, u"2026-03-06 2026-03-06 Choir"_s,
                                   u"2026-03-13 2026-03-13 Choir"_s, u"2026-03-20 2026-03-20 Choir"_s,
                                   u"2026-03-28 2026-03-29 Night train"_s}));
        auto result = IcalService(*m_db).importTimeOff(m_alice.id, ics, QDate(2026, 1, 1), QDate(2026, 12, 31));
        QVERIFY2(result.ok(), qPrintable(result.errorMessage()));
        QCOMPARE(result->added, 5);
    }

    void exportPersonRoundTripsThroughImport()
    {
        RosterService roster(*m_db);
        TimeOff t;
        t.personId = m_alice.id;
        t.from = QDate(2026, 5, 4);
        t.to = QDate(2026, 5, 8);
        t.reason = u"Lisbon"_s;
        QVERIFY(roster.addTimeOff(t).ok());
        IcalService service(*m_db);
        auto ics = service.exportPerson(m_alice.id, QDate(2026, 1, 1), QDate(2026, 12, 31));
        QVERIFY2(ics.ok(), qPrintable(ics.errorMessage()));
        QVERIFY(ics->contains("SUMMARY:Time off: Alice"));
        // Tandem's own export reads back as the same days.
        auto days = readDays(ics.value(), QDate(2026, 1, 1), QDate(2026, 12, 31));
        QVERIFY2(days.ok(), qPrintable(days.errorMessage()));
        QCOMPARE(days->size(), 1);
        QCOMPARE(days->first().from, t.from);
        QCOMPARE(days->first().to, t.to);
    }
};

} // namespace Tandem

QTEST_GUILESS_MAIN(Tandem::IcalServiceTest)
#include "icalservicetest.moc"
