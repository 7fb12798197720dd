#include "planner/slots.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace Tandem;
using namespace Tandem::Planner;

class SlotsTest : public QObject
{
    Q_OBJECT

private:
    static Rotation rotation(const QString &zone, int minutes, int weekday, QTime handoff, QDate start)
    {
        Rotation r;
        r.id = RotationId::create();
        r.name = u"Test"_s;
        r.timeZone = zone;
        r.shiftMinutes = minutes;
        r.handoffWeekday = weekday;
        r.handoffTime = handoff;
        r.startDate = start;
        return r;
    }

private Q_SLOTS:
    void handoffKeepsLocalTimeAcrossDst_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<int>("shorterOrLongerHours"); // the week across the change lasts 168 +/- 1 h
        // Europe: last Sunday of March (spring, 167 h) and of October (autumn, 169 h).
        QTest::newRow("Berlin spring") << u"Europe/Berlin"_s << QDate(2026, 3, 16) << QDate(2026, 4, 6) << -1;
        QTest::newRow("Berlin autumn") << u"Europe/Berlin"_s << QDate(2026, 10, 19) << QDate(2026, 11, 9) << 1;
        // US: second Sunday of March, first Sunday of November.
        QTest::newRow("New York spring") << u"America/New_York"_s << QDate(2026, 3, 2) << QDate(2026, 3, 23) << -1;
        QTest::newRow("New York autumn") << u"America/New_York"_s << QDate(2026, 10, 26) << QDate(2026, 11, 16) << 1;
        // South Australia (+10:30/+9:30): DST ends first Sunday of April, starts first Sunday of October.
        QTest::newRow("Adelaide autumn") << u"Australia/Adelaide"_s << QDate(2026, 3, 30) << QDate(2026, 4, 20) << 1;
        QTest::newRow("Adelaide spring") << u"Australia/Adelaide"_s << QDate(2026, 9, 28) << QDate(2026, 10, 19) << -1;
    }

    void handoffKeepsLocalTimeAcrossDst()
    {
        QFETCH(QString, zone);
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(int, shorterOrLongerHours);
        const Rotation r = rotation(zone, 7 * 24 * 60, 1, QTime(9, 0), from);
        const QList<Slot> slots = generateSlots(r, from, to);
        QCOMPARE(slots.size(), 4);
        const QTimeZone tz(zone.toUtf8());
        int odd = 0;
        for (int i = 0; i < slots.size(); ++i) {
            const QDateTime local = slots.at(i).start.toTimeZone(tz);
            QCOMPARE(local.time(), QTime(9, 0));
            QCOMPARE(local.date().dayOfWeek(), 1);
            QCOMPARE(slots.at(i).start.timeSpec(), Qt::UTC);
            if (i > 0) {
                QCOMPARE(slots.at(i - 1).end, slots.at(i).start); // no gap, no overlap
            }
            const qint64 hours = slots.at(i).start.secsTo(slots.at(i).end) / 3600;
            if (hours != 168) {
                QCOMPARE(hours, 168 + shorterOrLongerHours);
                ++odd;
            }
        }
        QCOMPARE(odd, 1);
    }

    void handoffInTheDstGapMovesToTheNextValidMinute()
    {
        // 29 March 2026 in Berlin: 02:00 jumps to 03:00; a 02:30 handoff happens at 03:00.
        const Rotation r = rotation(u"Europe/Berlin"_s, 24 * 60, 1, QTime(2, 30), QDate(2026, 3, 28));
        const QList<Slot> slots = generateSlots(r, QDate(2026, 3, 28), QDate(2026, 3, 30));
        QCOMPARE(slots.size(), 3);
        const QTimeZone tz("Europe/Berlin");
        QCOMPARE(slots.at(0).start.toTimeZone(tz).time(), QTime(2, 30));
        QCOMPARE(slots.at(1).start.toTimeZone(tz).time(), QTime(3, 0));
        QCOMPARE(slots.at(1).start.toTimeZone(tz).date(), QDate(2026, 3, 29));
        QCOMPARE(slots.at(2).start.toTimeZone(tz).time(), QTime(2, 30));
        QCOMPARE(slots.at(0).end, slots.at(1).start);
    }

    void dayAndNightSplitStaysOnTheClock()
    {
        const Rotation r = rotation(u"Europe/Berlin"_s, 12 * 60, 1, QTime(9, 0), QDate(2026, 3, 28));
        const QList<Slot> slots = generateSlots(r, QDate(2026, 3, 28), QDate(2026, 3, 29));
        QCOMPARE(slots.size(), 4);
        const QTimeZone tz("Europe/Berlin");
        const QList<QTime> expected = {QTime(9, 0), QTime(21, 0), QTime(9, 0), QTime(21, 0)};
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(slots.at(i).start.toTimeZone(tz).time(), expected.at(i));
        }
        // The night of the change is an hour shorter.
        QCOMPARE(slots.at(1).start.secsTo(slots.at(1).end), 11 * 3600);
    }

    void weekdaysOnly()
    {
        Rotation r = rotation(u"America/New_York"_s, 24 * 60, 1, QTime(9, 0), QDate(2026, 6, 1));
        r.activeDays = 0x1f; // Monday to Friday
        const QList<Slot> slots = generateSlots(r, QDate(2026, 6, 1), QDate(2026, 6, 14));
        QCOMPARE(slots.size(), 10);
        for (const Slot &s : slots) {
            QVERIFY(s.start.toTimeZone(QTimeZone("America/New_York")).date().dayOfWeek() <= 5);
        }
    }

    void weeklyStartsOnTheHandoffWeekdayFromTheStartDate()
    {
        // Starting on a Wednesday with a Monday handoff: the first shift is the next Monday.
        const Rotation r = rotation(u"UTC"_s, 7 * 24 * 60, 1, QTime(9, 0), QDate(2026, 7, 1));
        const QList<Slot> slots = generateSlots(r, QDate(2026, 6, 1), QDate(2026, 7, 31));
        QVERIFY(!slots.isEmpty());
        QCOMPARE(slots.first().start, QDateTime(QDate(2026, 7, 6), QTime(9, 0), Qt::UTC));
        // From a later date, still aligned to the same Mondays.
        const QList<Slot> later = generateSlots(r, QDate(2026, 7, 15), QDate(2026, 7, 31));
        QCOMPARE(later.first().start, QDateTime(QDate(2026, 7, 20), QTime(9, 0), Qt::UTC));
    }

    void invalidSettingsGiveNoSlots()
    {
        QVERIFY(generateSlots(rotation(u"Mars/Base"_s, 60, 1, QTime(9, 0), QDate(2026, 1, 1)), QDate(2026, 1, 1),
                              QDate(2026, 2, 1))
                    .isEmpty());
        QVERIFY(generateSlots(rotation(u"UTC"_s, 0, 1, QTime(9, 0), QDate(2026, 1, 1)), QDate(2026, 1, 1),
                              QDate(2026, 2, 1))
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(SlotsTest)
#include "slotstest.moc"
