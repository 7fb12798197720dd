#include "reports/hoursreport.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Tandem;
using namespace Tandem::Reports;

/// The hours report on plain values (no database): hours cut at local midnight in the
/// rotation's zone (the spring-forward Sunday has 23), weekday, weekend and holiday hours (a
/// holiday on a Saturday is a holiday), months split at midnight, the period clipping shifts,
/// a seat left empty earning nothing, and the payroll CSV with the amounts.
class HoursReportTest : public QObject
{
    Q_OBJECT

    Rotation m_rotation;
    Person m_ada;
    Person m_bob;
    HoursInput m_input;

    static QDateTime berlin(int month, int day, int hour)
    {
        return QDateTime(QDate(2026, month, day), QTime(hour, 0), QTimeZone("Europe/Berlin")).toUTC();
    }

    Shift shift(const QDateTime &start, const QDateTime &end, const PersonId &ops)
    {
        Shift s;
        s.id = ShiftId::create();
        s.rotationId = m_rotation.id;
        s.start = start;
        s.end = end;
        s.dev = m_ada.id;
        s.ops = ops;
        return s;
    }

    static const HoursRow *find(const QList<HoursRow> &rows, const QString &month, const PersonId &person)
    {
        for (const HoursRow &row : rows) {
            if (row.month == month && row.person == person) {
                return &row;
            }
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_rotation.id = RotationId::create();
        m_rotation.teamId = TeamId::create();
        m_rotation.name = u"Payments on call"_s;
        m_rotation.timeZone = u"Europe/Berlin"_s;
        m_ada.id = PersonId::create();
        m_ada.name = u"Ada Lovelace"_s;
        m_ada.email = u"ada@example.com"_s;
        m_ada.role = Role::Developer;
        m_bob.id = PersonId::create();
        m_bob.name = u"Lee, Bob"_s; // quoted in the CSV
        m_bob.email = u"bob@example.com"_s;
        m_bob.role = Role::Operations;

        m_input.rotations = {m_rotation};
        m_input.people = {{m_ada.id, m_ada}, {m_bob.id, m_bob}};
        // Saturday 28 March and Wednesday 1 April are the team's holidays.
        m_input.holidays = {{m_rotation.teamId, {QDate(2026, 3, 28), QDate(2026, 4, 1)}}};
        m_input.rates = HourRates{2, 3, 5};
        m_input.shifts = {
            // Friday 18:00 to Monday 06:00 over the spring-forward night (Sunday 29 March has 23 hours):
            // Fri 6 weekday, Sat 24 holiday, Sun 23 weekend, Mon 6 weekday.
            shift(berlin(3, 27, 18), berlin(3, 30, 6), m_bob.id),
            // Tuesday noon to Thursday noon across the month: Mar 31 12 weekday; Apr 1 24 holiday, Apr 2 12 weekday.
            shift(berlin(3, 31, 12), berlin(4, 2, 12), m_bob.id),
            // A Saturday with no one in the ops seat: only Ada earns, 24 weekend hours.
            shift(berlin(4, 4, 0), berlin(4, 5, 0), PersonId()),
        };
    }

    void splitsByKindOfDayAndMonth()
    {
        m_input.from = QDate(2026, 3, 1);
        m_input.to = QDate(2026, 4, 30);
        const QList<HoursRow> rows = hoursReport(m_input);
        QCOMPARE(rows.size(), 4);
        // By month, then name.
        QCOMPARE(rows.at(0).month, u"2026-03"_s);
        QCOMPARE(rows.at(0).name, u"Ada Lovelace"_s);
        QCOMPARE(rows.at(1).name, u"Lee, Bob"_s);
        QCOMPARE(rows.at(2).month, u"2026-04"_s);
        QCOMPARE(rows.at(2).name, u"Ada Lovelace"_s);

        for (const PersonId &person : {m_ada.id, m_bob.id}) {
            const HoursRow *march = find(rows, u"2026-03"_s, person);
            QVERIFY(march);
            QCOMPARE(march->weekdayHours, 24.0); // 6 + 6 + 12
            QCOMPARE(march->weekendHours, 23.0); // the short Sunday
            QCOMPARE(march->holidayHours, 24.0); // the holiday Saturday
            QCOMPARE(march->totalHours(), 71.0); // 17:00Z Friday to 04:00Z Monday is 59 h, plus 12
            QCOMPARE(march->amount, 24 * 2 + 23 * 3 + 24 * 5.0);
        }
        const HoursRow *adaApril = find(rows, u"2026-04"_s, m_ada.id);
        QVERIFY(adaApril);
        QCOMPARE(adaApril->weekdayHours, 12.0);
        QCOMPARE(adaApril->holidayHours, 24.0);
        QCOMPARE(adaApril->weekendHours, 24.0);
        QCOMPARE(adaApril->role, Role::Developer);
        const HoursRow *bobApril = find(rows, u"2026-04"_s, m_bob.id);
        QVERIFY(bobApril);
        QCOMPARE(bobApril->weekendHours, 0.0); // the empty seat earns nobody anything
        QCOMPARE(bobApril->amount, 12 * 2 + 24 * 5.0);
        QCOMPARE(bobApril->role, Role::Operations);

        const QByteArray csv = hoursCsv(rows, m_input.rates);
        const QList<QByteArray> lines = csv.split('\n');
        QCOMPARE(lines.size(), 6); // header, four rows, and the empty piece after the last LF
        QCOMPARE(lines.at(0), QByteArray("email,name,role,month,weekday_hours,weekend_hours,holiday_hours,total_hours,"
                                         "weekday_rate,weekend_rate,holiday_rate,amount"));
        QCOMPARE(
            lines.at(1),
            QByteArray("ada@example.com,Ada Lovelace,developer,2026-03,24.00,23.00,24.00,71.00,2.00,3.00,5.00,237.00"));
        QCOMPARE(lines.at(2), QByteArray("bob@example.com,\"Lee, Bob\",operations,2026-03,24.00,23.00,24.00,71.00,2.00,"
                                         "3.00,5.00,237.00"));
        QCOMPARE(
            lines.at(3),
            QByteArray("ada@example.com,Ada Lovelace,developer,2026-04,12.00,24.00,24.00,60.00,2.00,3.00,5.00,216.00"));
        QVERIFY(lines.at(5).isEmpty());
    }

    void countsOnlyThePeriod()
    {
        // Saturday 28 March to Wednesday 1 April (local days): Friday and Thursday fall outside.
        m_input.from = QDate(2026, 3, 28);
        m_input.to = QDate(2026, 4, 1);
        const QList<HoursRow> rows = hoursReport(m_input);
        const HoursRow *march = find(rows, u"2026-03"_s, m_ada.id);
        QVERIFY(march);
        QCOMPARE(march->weekdayHours, 18.0); // Monday 6 + Tuesday 12
        QCOMPARE(march->weekendHours, 23.0);
        QCOMPARE(march->holidayHours, 24.0);
        const HoursRow *april = find(rows, u"2026-04"_s, m_ada.id);
        QVERIFY(april);
        QCOMPARE(april->weekdayHours, 0.0);
        QCOMPARE(april->holidayHours, 24.0);
        QCOMPARE(april->weekendHours, 0.0); // the Saturday shift is after the period
    }

    void unknownRotationsAndBackwardShiftsCountNothing()
    {
        HoursInput input = m_input;
        input.from = QDate(2026, 3, 1);
        input.to = QDate(2026, 4, 30);
        Shift backwards = shift(berlin(3, 10, 12), berlin(3, 10, 9), m_bob.id);
        Shift elsewhere = shift(berlin(3, 10, 9), berlin(3, 10, 12), m_bob.id);
        elsewhere.rotationId = RotationId::create();
        input.shifts = {backwards, elsewhere};
        QVERIFY(hoursReport(input).isEmpty());
    }

    void csvQuotesWhatNeedsQuoting()
    {
        QCOMPARE(csvField(u"plain"_s), u"plain"_s);
        QCOMPARE(csvField(u"a,b"_s), u"\"a,b\""_s);
        QCOMPARE(csvField(u"say \"hi\""_s), u"\"say \"\"hi\"\"\""_s);
        QCOMPARE(csvField(u"two\nlines"_s), u"\"two\nlines\""_s);
    }
};

QTEST_GUILESS_MAIN(HoursReportTest)
#include "hoursreporttest.moc"
