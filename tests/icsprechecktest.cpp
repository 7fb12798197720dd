#include "ical/icsprecheck.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tandem;

namespace {

/// A calendar around `body` (content lines joined with CRLF).
QByteArray calendar(const QByteArray &body)
{
    return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n" + body + "END:VCALENDAR\r\n";
}

QByteArray vevent(const QByteArray &lines)
{
    return "BEGIN:VEVENT\r\nUID:e1@example.com\r\nDTSTAMP:20260301T120000Z\r\n" + lines + "END:VEVENT\r\n";
}

} // namespace

/// The checks every .ics text passes before libical reads it, on small files: what is accepted,
/// and what is refused with the line it is on and what is wrong (the hostile-input suite runs
/// the big ones through the executable).
class IcsPrecheckTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void precheck_data()
    {
        QTest::addColumn<QByteArray>("ics");
        QTest::addColumn<bool>("daily");
        QTest::addColumn<QString>("says"); ///< empty: accepted

        const QByteArray allDay = "DTSTART;VALUE=DATE:20260401\r\nDTEND;VALUE=DATE:20260403\r\n";
        QTest::newRow("all-day event") << calendar(vevent(allDay)) << false << QString();
        QTest::newRow("IANA zone without VTIMEZONE")
            << calendar(
                   vevent("DTSTART;TZID=Europe/Berlin:20260401T090000\r\nDTEND;TZID=Europe/Berlin:20260401T170000\r\n"))
            << false << QString();
        QTest::newRow("folded line") << calendar(vevent(allDay + "SUMMARY:A long\r\n  summary folded\r\n")) << false
                                     << QString();
        QTest::newRow("weekly rule") << calendar(vevent(allDay + "RRULE:FREQ=WEEKLY;COUNT=10\r\n")) << false
                                     << QString();
        QTest::newRow("empty") << QByteArray() << false << u"The file is empty"_s;
        QTest::newRow("not a calendar") << QByteArray("name,email\r\nAda,ada@example.com\r\n") << false
                                        << u"Line 1: "_s;
        QTest::newRow("truncated") << QByteArray("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + vevent(allDay)) << false
                                   << u"it is truncated"_s;
        QTest::newRow("END of what was not begun")
            << calendar("END:VEVENT\r\n") << false
            << u"Line 4: END:VEVENT where VCALENDAR (begun at line 1) should end"_s;
        QTest::newRow("two calendars") << calendar(vevent(allDay)) + calendar(QByteArray()) << false
                                       << u"a file holds one calendar"_s;
        QTest::newRow("event without DTSTART") << calendar(vevent("SUMMARY:x\r\n")) << false << u"without DTSTART"_s;
        QTest::newRow("ends before it starts")
            << calendar(vevent("DTSTART;VALUE=DATE:20260405\r\nDTEND;VALUE=DATE:20260401\r\n")) << false
            << u"ends (DTEND) before it starts"_s;
        QTest::newRow("bad date") << calendar(vevent("DTSTART;VALUE=DATE:2026-04-01\r\n")) << false
                                  << u"Line 7: “2026-04-01” in DTSTART is not a valid date"_s;
        QTest::newRow("unknown zone") << calendar(vevent("DTSTART;TZID=Mars/Olympus:20260401T090000\r\n")) << false
                                      << u"unknown time zone “Mars/Olympus”"_s;
        QTest::newRow("rule without FREQ")
            << calendar(vevent(allDay + "RRULE:COUNT=3\r\n")) << false << u"the RRULE has no FREQ"_s;
        QTest::newRow("rule with a made-up FREQ") << calendar(vevent(allDay + "RRULE:FREQ=SOMETIMES\r\n")) << false
                                                  << u"FREQ=SOMETIMES is not a recurrence frequency"_s;
        QTest::newRow("rule with too many repeats")
            << calendar(vevent(allDay + "RRULE:FREQ=DAILY;COUNT=100001\r\n")) << false << u"COUNT=100001"_s;
        QTest::newRow("hourly where whole days are read")
            << calendar(vevent(allDay + "RRULE:FREQ=HOURLY;COUNT=3\r\n")) << true << u"at most daily repeats"_s;
        QTest::newRow("not UTF-8") << calendar(vevent(allDay + "SUMMARY:caf\xe9\r\n")) << false << u"not valid UTF-8"_s;
        QTest::newRow("NUL byte") << calendar(vevent(allDay + QByteArray("SUMMARY:a\0b\r\n", 13))) << false
                                  << u"a NUL byte"_s;
        QTest::newRow("a line too long") << calendar(vevent(
                                                allDay + "SUMMARY:" + QByteArray(IcsText::MaxLineOctets, 'x') + "\r\n"))
                                         << false << u"bytes long"_s;
        QByteArray deep;
        for (int i = 0; i <= IcsText::MaxNesting; ++i) {
            deep += "BEGIN:VALARM\r\n";
        }
        QTest::newRow("nested too deep") << calendar(vevent(allDay + deep)) << false << u"nested more than"_s;
    }

    void precheck()
    {
        QFETCH(QByteArray, ics);
        QFETCH(bool, daily);
        QFETCH(QString, says);
        IcsText::PrecheckOptions options;
        options.dailyRecurrenceOnly = daily;
        const Status status = IcsText::precheck(ics, options);
        if (says.isEmpty()) {
            QVERIFY2(status, qPrintable(status.errorMessage()));
        } else {
            QVERIFY(!status);
            QVERIFY2(status.errorMessage().contains(says), qPrintable(status.errorMessage()));
        }
    }

    void tooLargeAFile()
    {
        IcsText::PrecheckOptions options;
        options.maxBytes = 100;
        const QByteArray ics =
            calendar(vevent("DTSTART;VALUE=DATE:20260401\r\nSUMMARY:" + QByteArray(200, 'x') + "\r\n"));
        const Status status = IcsText::precheck(ics, options);
        QVERIFY(!status);
        QVERIFY2(status.errorMessage().contains(u"Tandem reads calendar files of at most"_s),
                 qPrintable(status.errorMessage()));
        options.maxBytes = 0;
        QVERIFY(IcsText::precheck(ics, options));
    }

    void addParameterToEveryLineThatLacksIt()
    {
        const QByteArray ics = calendar(vevent("DTSTART;VALUE=DATE:20260401\r\n"
                                               "ATTENDEE;CN=Ada:mailto:ada@example.com\r\n"
                                               "ATTENDEE;SCHEDULE-AGENT=CLIENT;CN=Bob:mailto:bob@example.com\r\n"));
        const QByteArray out = IcsText::addParameter(ics, "ATTENDEE", "SCHEDULE-AGENT=CLIENT");
        QCOMPARE(out.count("SCHEDULE-AGENT=CLIENT"), 2);
        QVERIFY(IcsText::precheck(out));
    }
};

QTEST_GUILESS_MAIN(IcsPrecheckTest)
#include "icsprechecktest.moc"
