#include "calendar/monthview.h"

#include "fakeclock.h"
#include "itemmodels/shiftrangemodel.h"
#include "services/rotationservice.h"
#include "shiftfixture.h"

using namespace Qt::StringLiterals;
using namespace Tandem;

/// Where the month grid draws a shift: bars start in the column of the shift's real start and
/// end in the column of its real end, at the time of day within each.
class MonthViewTest : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock{Test::fixedNow()};

private Q_SLOTS:
    void barsStartAndEndInTheirRealColumns_data()
    {
        QTest::addColumn<QDateTime>("start");
        QTest::addColumn<QDateTime>("end");
        QTest::addColumn<QDate>("firstDay");
        QTest::addColumn<QDate>("lastDay");
        const auto utc = [](int day, int hour) { return QDateTime(QDate(2026, 4, day), QTime(hour, 0), Qt::UTC); };
        // Issue 14: a Monday 14:00 UTC handoff was drawn from the Tuesday column.
        QTest::newRow("Monday 14:00 handoff") << utc(6, 14) << utc(13, 14) << QDate(2026, 4, 6) << QDate(2026, 4, 13);
        QTest::newRow("Monday 09:00 handoff") << utc(6, 9) << utc(13, 9) << QDate(2026, 4, 6) << QDate(2026, 4, 13);
        QTest::newRow("a day ending at midnight") << utc(7, 0) << utc(8, 0) << QDate(2026, 4, 7) << QDate(2026, 4, 7);
        QTest::newRow("a night") << utc(9, 22) << utc(10, 6) << QDate(2026, 4, 9) << QDate(2026, 4, 10);
        QTest::newRow("an afternoon") << utc(15, 13) << utc(15, 18) << QDate(2026, 4, 15) << QDate(2026, 4, 15);
    }

    void barsStartAndEndInTheirRealColumns()
    {
        QFETCH(QDateTime, start);
        QFETCH(QDateTime, end);
        QFETCH(QDate, firstDay);
        QFETCH(QDate, lastDay);
        Test::ShiftFixture f(m_clock);
        Shift s;
        s.id = ShiftId::create();
        s.rotationId = f.other.id;
        s.start = start;
        s.end = end;
        s.dev = f.devs.at(3).id;
        s.ops = f.ops.at(3).id;
        QVERIFY(ShiftRepository(*f.db).insert(s));

        RotationService rotations(*f.db);
        RosterService roster(*f.db);
        ShiftRangeModel model(*f.db, rotations, roster);
        MonthView view;
        view.resize(1400, 900);
        view.setTimeZone(QTimeZone::utc());
        view.setModel(&model);
        view.setMonth(QDate(2026, 4, 1));
        model.setRange(QDateTime(view.gridStart(), QTime(0, 0), Qt::UTC),
                       QDateTime(view.gridStart().addDays(42), QTime(0, 0), Qt::UTC));
        QVERIFY(model.indexOf(s.id).isValid());

        const QRect first = view.dayRect(firstDay);
        const QRect last = view.dayRect(lastDay);
        const QRect head = view.shiftRect(s.id, firstDay);
        const QRect tail = view.shiftRect(s.id, lastDay);
        QVERIFY2(head.isValid(), "no bar in the column of the start");
        QVERIFY2(tail.isValid(), "no bar in the column of the end");
        QVERIFY(!view.shiftRect(s.id, firstDay.addDays(-1)).isValid());
        QVERIFY(!view.shiftRect(s.id, lastDay.addDays(1)).isValid());
        // At the time of day within the column (a bar is at least 10 px wide).
        const double startFraction = start.time().msecsSinceStartOfDay() / 86400000.0;
        QVERIFY2(std::abs(head.left() - (first.left() + startFraction * first.width())) <= 2,
                 qPrintable(u"left %1, column %2..%3"_s.arg(head.left()).arg(first.left()).arg(first.right())));
        const double endFraction = end.time() == QTime(0, 0) ? 1.0 : end.time().msecsSinceStartOfDay() / 86400000.0;
        const double endX = last.left() + endFraction * last.width();
        QVERIFY2(
            tail.right() <= last.right() + 1 && tail.right() >= std::min(endX, double(last.right())) - 2,
            qPrintable(
                u"right %1, expected %2 in %3..%4"_s.arg(tail.right()).arg(endX).arg(last.left()).arg(last.right())));
    }

    // Issue 18: the days and the times of day of the bars come from a table of the grid's local
    // midnights; across the spring DST change (Europe/Berlin, Sunday 29 March 2026: 23 hours)
    // a bar still starts and ends where the zone puts its times.
    void barsFollowTheLocalDayAcrossADstChange()
    {
        const QTimeZone berlin(QByteArrayLiteral("Europe/Berlin"));
        const QDateTime start(QDate(2026, 3, 28), QTime(22, 0), berlin);
        const QDateTime end(QDate(2026, 3, 29), QTime(12, 0), berlin);
        Test::ShiftFixture f(m_clock);
        Shift s;
        s.id = ShiftId::create();
        s.rotationId = f.other.id;
        s.start = start.toUTC();
        s.end = end.toUTC();
        s.dev = f.devs.at(3).id;
        s.ops = f.ops.at(3).id;
        QVERIFY(ShiftRepository(*f.db).insert(s));

        RotationService rotations(*f.db);
        RosterService roster(*f.db);
        ShiftRangeModel model(*f.db, rotations, roster);
        MonthView view;
        view.resize(1400, 900);
        view.setTimeZone(berlin);
        view.setModel(&model);
        view.setMonth(QDate(2026, 3, 1));
        model.setRange(QDateTime(view.gridStart(), QTime(0, 0), berlin),
                       QDateTime(view.gridStart().addDays(42), QTime(0, 0), berlin));
        QVERIFY(model.indexOf(s.id).isValid());
        const int row = model.indexOf(s.id).row();
        QVERIFY(view.rowsCovering(QDate(2026, 3, 28)).contains(row));
        QVERIFY(view.rowsCovering(QDate(2026, 3, 29)).contains(row));
        QVERIFY(!view.rowsCovering(QDate(2026, 3, 27)).contains(row));
        QVERIFY(!view.rowsCovering(QDate(2026, 3, 30)).contains(row));

        const QRect first = view.dayRect(QDate(2026, 3, 28));
        const QRect last = view.dayRect(QDate(2026, 3, 29));
        const QRect head = view.shiftRect(s.id, QDate(2026, 3, 28));
        const QRect tail = view.shiftRect(s.id, QDate(2026, 3, 29));
        QVERIFY(head.isValid() && tail.isValid());
        // 22:00 of a 24-hour Saturday; 12:00 of the 23-hour Sunday is 11 of its hours.
        const double startX = first.left() + 22.0 / 24.0 * first.width();
        QVERIFY2(std::abs(head.left() - startX) <= 2,
                 qPrintable(u"left %1, expected %2"_s.arg(head.left()).arg(startX)));
        const double endX = last.left() + 11.0 / 23.0 * last.width();
        QVERIFY2(std::abs(tail.right() - endX) <= 2,
                 qPrintable(u"right %1, expected %2"_s.arg(tail.right()).arg(endX)));
    }

    void consecutiveShiftsShareALane()
    {
        // The fixture's weekly shifts hand over on Monday 09:00 Berlin: both are drawn on Monday,
        // one ending and one starting, in the same lane.
        Test::ShiftFixture f(m_clock);
        RotationService rotations(*f.db);
        RosterService roster(*f.db);
        ShiftRangeModel model(*f.db, rotations, roster);
        MonthView view;
        view.resize(1400, 900);
        view.setTimeZone(QTimeZone(QByteArrayLiteral("Europe/Berlin")));
        view.setModel(&model);
        view.setMonth(QDate(2026, 4, 1));
        model.setRange(QDateTime(view.gridStart(), QTime(0, 0), Qt::UTC),
                       QDateTime(view.gridStart().addDays(42), QTime(0, 0), Qt::UTC));
        const QDate monday(2026, 4, 6);
        const QRect ending = view.shiftRect(f.shifts.at(1).id, monday);
        const QRect starting = view.shiftRect(f.shifts.at(2).id, monday);
        QVERIFY(ending.isValid() && starting.isValid());
        QCOMPARE(ending.top(), starting.top());
        QVERIFY(ending.right() <= starting.left());
    }
};

QTEST_MAIN(MonthViewTest)
#include "monthviewtest.moc"
