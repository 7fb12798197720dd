// Hour windows in the planner, the rules and the coverage report: a stint (the rotation's slot)
// keeps one pair and is written as its pieces inside the windows; load counts only window hours;
// pieces of one stint are one shift for the rest rule, the 4-week cap and the pair rule.
#include "domain/deserialize.h"
#include "domain/hourwindows.h"
#include "domain/serialize.h"
#include "ical/icalcodec.h"
#include "planner/planner.h"
#include "planner/rules.h"
#include "planner/windowcut.h"
#include "reports/coveragereport.h"
#include "services/engineerservice.h"
#include "services/reminders.h"
#include "services/shiftservice.h"

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Tandem;
using namespace Tandem::Planner;

namespace {

struct Fixture
{
    PlanRequest request;
    QList<PersonId> devs;
    QList<PersonId> ops;
    QHash<PersonId, Person> people;
};

Fixture makeTeam(const QString &zone, const QString &windows, int shiftMinutes, QDate from, QDate to, int devs = 4,
                 int ops = 4)
{
    Fixture t;
    const TeamId team = TeamId::create();
    OpsPool pool{PoolId::create(), u"Ops"_s, {}};
    for (int i = 0; i < devs + ops; ++i) {
        Person p;
        p.id = PersonId::create();
        const bool dev = i < devs;
        p.name = (dev ? u"Dev%1 Person"_s : u"Ops%1 Person"_s).arg(i);
        p.email = u"p%1@example.com"_s.arg(i);
        p.role = dev ? Role::Developer : Role::Operations;
        p.productionAccess = !dev;
        p.teams = {team};
        p.timeZone = zone;
        t.request.people.append(p);
        t.people.insert(p.id, p);
        (dev ? t.devs : t.ops).append(p.id);
        if (!dev) {
            pool.members.append(p.id);
        }
    }
    Rotation r;
    r.id = RotationId::create();
    r.teamId = team;
    r.name = u"Windowed"_s;
    r.opsPoolId = pool.id;
    r.timeZone = zone;
    r.shiftMinutes = shiftMinutes;
    r.handoffWeekday = 1;
    r.handoffTime = QTime(9, 0);
    r.startDate = from;
    r.windows = parseWindows(windows).value();
    t.request.rotations = {r};
    t.request.pools.insert(pool.id, pool);
    t.request.from = from;
    t.request.to = to;
    t.request.now = QDateTime(from.addDays(-1), QTime(12, 0), Qt::UTC);
    return t;
}

double totalLoad(const PlanResult &result, Role role)
{
    double sum = 0;
    for (const PersonFigures &f : result.summary.people) {
        if (f.role == role) {
            sum += f.load;
        }
    }
    return sum;
}

QList<Shift> shiftsOf(const PlanResult &result)
{
    QList<Shift> shifts;
    for (const PlannedShift &p : result.shifts) {
        if (p.change != Change::Removed) {
            shifts.append(p.shift);
        }
    }
    return shifts;
}

} // namespace

class WindowPlannerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void businessHoursWeeksAcrossDst_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDate>("from"); // a Monday two weeks before the zone's change
        QTest::newRow("Berlin spring") << u"Europe/Berlin"_s << QDate(2026, 3, 16);
        QTest::newRow("Berlin autumn") << u"Europe/Berlin"_s << QDate(2026, 10, 12);
        QTest::newRow("New York spring") << u"America/New_York"_s << QDate(2026, 2, 23);
        QTest::newRow("New York autumn") << u"America/New_York"_s << QDate(2026, 10, 19);
        QTest::newRow("Sydney autumn") << u"Australia/Sydney"_s << QDate(2026, 3, 23);
        QTest::newRow("Sydney spring") << u"Australia/Sydney"_s << QDate(2026, 9, 21);
        QTest::newRow("Kolkata") << u"Asia/Kolkata"_s << QDate(2026, 3, 16);
    }

    void businessHoursWeeksAcrossDst()
    {
        QFETCH(QString, zone);
        QFETCH(QDate, from);
        Fixture t = makeTeam(zone, u"Mon-Fri 09:00-17:00"_s, 7 * 24 * 60, from, from.addDays(27));
        const PlanResult result = plan(t.request);
        QVERIFY(result.error.isEmpty());
        const QList<Shift> shifts = shiftsOf(result);
        QCOMPARE(shifts.size(), 4 * 5); // four weeks of five working days
        const QTimeZone tz(zone.toUtf8());
        QSet<qint64> utcStartTimes;
        for (int i = 0; i < shifts.size(); ++i) {
            const Shift &s = shifts.at(i);
            const QDateTime start = s.start.toTimeZone(tz);
            const QDateTime end = s.end.toTimeZone(tz);
            QCOMPARE(start.time(), QTime(9, 0));
            QCOMPARE(end.time(), QTime(17, 0));
            QCOMPARE(start.date(), end.date());
            QVERIFY(start.date().dayOfWeek() <= 5);
            QVERIFY(!s.dev.isNull() && !s.ops.isNull());
            // The pair of the week: every piece of a week has the first piece's pair.
            const Shift &monday = shifts.at(i - i % 5);
            QCOMPARE(s.dev, monday.dev);
            QCOMPARE(s.ops, monday.ops);
            utcStartTimes.insert(s.start.time().msecsSinceStartOfDay());
            QCOMPARE(result.shifts.at(i).change, Change::Added);
        }
        // The change moved the UTC time of 09:00, except where there is no DST.
        QCOMPARE(utcStartTimes.size(), zone == u"Asia/Kolkata"_s ? 1 : 2);
        // Ids are distinct per piece.
        QSet<ShiftId> ids;
        for (const Shift &s : shifts) {
            ids.insert(s.id);
        }
        QCOMPARE(ids.size(), shifts.size());
        // Load counts only the hours inside the windows: 20 working days of 8 h.
        QCOMPARE(qRound(totalLoad(result, Role::Developer) * 1000), qRound(20 * 8.0 / 24.0 * 1000));
        QCOMPARE(qRound(totalLoad(result, Role::Operations) * 1000), qRound(20 * 8.0 / 24.0 * 1000));
        // Weekly stints hand over between people: with rest of one stint, nobody works two weeks in a row.
        for (int week = 1; week < 4; ++week) {
            QVERIFY(shifts.at(week * 5).dev != shifts.at(week * 5 - 1).dev);
        }
    }

    void nightsAcrossDst_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("saturday"); // the night across the change
        QTest::addColumn<int>("hours");
        QTest::newRow("Berlin spring") << u"Europe/Berlin"_s << QDate(2026, 3, 23) << QDate(2026, 3, 28) << 14;
        QTest::newRow("New York autumn") << u"America/New_York"_s << QDate(2026, 10, 26) << QDate(2026, 10, 31) << 16;
        QTest::newRow("Sydney spring") << u"Australia/Sydney"_s << QDate(2026, 9, 28) << QDate(2026, 10, 3) << 14;
        QTest::newRow("Kolkata") << u"Asia/Kolkata"_s << QDate(2026, 3, 23) << QDate(2026, 3, 28) << 15;
    }

    void nightsAcrossDst()
    {
        QFETCH(QString, zone);
        QFETCH(QDate, from);
        QFETCH(QDate, saturday);
        QFETCH(int, hours);
        // Daily 09:00 handoffs, on call 18:00-09:00 local: one piece per day.
        Fixture t = makeTeam(zone, u"Mon-Sun 18:00-09:00"_s, 24 * 60, from, from.addDays(13));
        Rotation &r = t.request.rotations.first();
        r.rules.weekendWeight = 1.0;
        r.rules.nightWeight = 1.0;
        r.rules.minRestHours = 0;
        const PlanResult result = plan(t.request);
        const QList<Shift> shifts = shiftsOf(result);
        QCOMPARE(shifts.size(), 14);
        const QTimeZone tz(zone.toUtf8());
        qint64 seconds = 0;
        bool found = false;
        for (const Shift &s : shifts) {
            QCOMPARE(s.start.toTimeZone(tz).time(), QTime(18, 0));
            QCOMPARE(s.end.toTimeZone(tz).time(), QTime(9, 0));
            seconds += s.start.secsTo(s.end);
            if (s.start.toTimeZone(tz).date() == saturday) {
                QCOMPARE(s.start.secsTo(s.end), qint64(hours) * 3600);
                found = true;
            }
        }
        QVERIFY(found);
        // Fairness counts each piece's hours, so the short or long night counts as it is.
        QCOMPARE(qRound(totalLoad(result, Role::Developer) * 3600 * 24), qRound(double(seconds)));
    }

    void weightsApplyPerPiece()
    {
        // A weekly stint holding the weekend (weight 2) and a Monday evening across the night start.
        Fixture t = makeTeam(u"Europe/Berlin"_s, u"Sat-Sun 00:00-24:00; Mon 20:00-24:00"_s, 7 * 24 * 60,
                             QDate(2026, 6, 1), QDate(2026, 6, 7), 1, 1);
        Rotation &r = t.request.rotations.first();
        r.rules.weekendWeight = 2.0;
        r.rules.nightWeight = 2.0;
        r.rules.nightStart = QTime(22, 0);
        r.rules.nightEnd = QTime(6, 0);
        const PlanResult result = plan(t.request);
        const QList<Shift> shifts = shiftsOf(result);
        // Mon 20:00-24:00 and Sat 00:00 - Mon 00:00 (one piece); the stint ends Mon 8 Jun 09:00.
        QCOMPARE(shifts.size(), 2);
        // Monday: 2 day hours + 2 night hours x 2; weekend: 2 days x 2 with 8 night hours a day x 2.
        const double monday = (2 + 2 * 2) / 24.0;
        const double weekend = 2 * 2.0 * (16 + 8 * 2) / 24.0;
        QCOMPARE(qRound(totalLoad(result, Role::Developer) * 1000), qRound((monday + weekend) * 1000));
        QCOMPARE(qRound(shiftWeight(shifts.at(0).start, shifts.at(0).end, r, {}) * 1000), qRound(monday * 1000));
    }

    void slotWithoutWindowTimeMakesNoShift()
    {
        // Daily shifts, windows only on Wednesday: one shift a week.
        Fixture t =
            makeTeam(u"America/New_York"_s, u"Wed 10:00-12:00"_s, 24 * 60, QDate(2026, 6, 1), QDate(2026, 6, 14));
        const PlanResult result = plan(t.request);
        QCOMPARE(shiftsOf(result).size(), 2);
        QVERIFY(result.summary.gaps.isEmpty());
    }

    void replanKeepsThePieces()
    {
        Fixture t =
            makeTeam(u"Europe/Berlin"_s, u"Mon-Fri 09:00-17:00"_s, 7 * 24 * 60, QDate(2026, 3, 16), QDate(2026, 4, 12));
        const PlanResult first = plan(t.request);
        t.request.existing = shiftsOf(first);
        const PlanResult again = plan(t.request);
        QCOMPARE(shiftsOf(again).size(), shiftsOf(first).size());
        for (const PlannedShift &p : again.shifts) {
            QVERIFY2(p.change == Change::Unchanged, qPrintable(p.shift.start.toString(Qt::ISODate)));
        }
        // Planned again from a Wednesday: the week under way keeps its pieces (not removed, not
        // replanned), the next weeks are planned around them.
        Fixture midweek = t;
        midweek.request.from = QDate(2026, 3, 18);
        const PlanResult fromWednesday = plan(midweek.request);
        int kept = 0;
        for (const PlannedShift &p : fromWednesday.shifts) {
            QVERIFY2(p.change != Change::Removed, qPrintable(p.shift.start.toString(Qt::ISODate)));
            if (p.shift.start < QDateTime(QDate(2026, 3, 23), QTime(0, 0), Qt::UTC)) {
                QCOMPARE(p.change, Change::Fixed);
                ++kept;
            }
        }
        QCOMPARE(kept, 3); // Wednesday to Friday
        QCOMPARE(shiftsOf(fromWednesday).size(), 3 + 15);
        // The same pieces as facts in the past: fixed, nothing removed, nothing added.
        t.request.now = QDateTime(QDate(2026, 5, 1), QTime(0, 0), Qt::UTC);
        const PlanResult past = plan(t.request);
        QCOMPARE(past.shifts.size(), first.shifts.size());
        for (const PlannedShift &p : past.shifts) {
            QCOMPARE(p.change, Change::Fixed);
        }
    }

    void piecesOfOneStintAreOneShiftForTheRules()
    {
        Fixture t =
            makeTeam(u"Europe/Berlin"_s, u"Mon-Fri 09:00-17:00"_s, 7 * 24 * 60, QDate(2026, 3, 16), QDate(2026, 4, 12));
        Rotation &r = t.request.rotations.first();
        r.rules.maxShiftsPer4Weeks = 1;
        const QList<Slot> pieces = generateWindowSlots(r, QDate(2026, 3, 16), QDate(2026, 3, 29));
        QCOMPARE(pieces.size(), 10);
        // Monday of week 1 held by dev0 + ops0.
        RuleBook book(t.request);
        Shift monday;
        monday.id = ShiftId::create();
        monday.rotationId = r.id;
        monday.start = pieces.at(0).start;
        monday.end = pieces.at(0).end;
        monday.dev = t.devs.at(0);
        monday.ops = t.ops.at(0);
        book.addExisting({monday});
        const int dev = book.personIndex(t.devs.at(0));
        const int ops = book.personIndex(t.ops.at(0));
        // Tuesday of the same week: a continuation (no rest needed, not a second shift, not "two in a row").
        const int tuesday = book.addSlot(pieces.at(1), ShiftId::create());
        const auto continued = book.check(tuesday, Seat::Dev, dev, ops);
        QVERIFY2(!continued, qPrintable(continued ? continued->text : QString()));
        QVERIFY(!book.check(tuesday, Seat::Ops, ops, dev));
        // Monday of the next week: a new stint; one stint of rest (a week) is not kept.
        const int next = book.addSlot(pieces.at(5), ShiftId::create());
        const auto rest = book.check(next, Seat::Dev, dev, -1);
        QVERIFY(rest);
        QCOMPARE(rest->kind, RuleKind::Rest);
        // Without the rest rule, the 4-week cap (1) counts stints: the next week is the second.
        r.rules.minRestHours = 0;
        RuleBook capped(t.request);
        capped.addExisting({monday});
        const int tue2 = capped.addSlot(pieces.at(1), ShiftId::create());
        QVERIFY(!capped.check(tue2, Seat::Dev, dev, -1));
        const int next2 = capped.addSlot(pieces.at(5), ShiftId::create());
        QCOMPARE(capped.check(next2, Seat::Dev, dev, -1)->kind, RuleKind::MaxShifts);
        // Without the cap, the same pair in the next stint is "two in a row"; in this stint it is not.
        r.rules.maxShiftsPer4Weeks = 0;
        RuleBook pairs(t.request);
        Shift friday = monday;
        friday.id = ShiftId::create();
        friday.start = pieces.at(4).start;
        friday.end = pieces.at(4).end;
        pairs.addExisting({monday, friday});
        const int tue3 = pairs.addSlot(pieces.at(1), ShiftId::create());
        QVERIFY(!pairs.check(tue3, Seat::Dev, dev, ops));
        const int next3 = pairs.addSlot(pieces.at(5), ShiftId::create());
        const auto pair = pairs.check(next3, Seat::Dev, dev, ops);
        QVERIFY(pair);
        QCOMPARE(pair->kind, RuleKind::PairRule);
        QVERIFY(!pairs.check(next3, Seat::Dev, dev, book.personIndex(t.ops.at(1))));
    }

    void hoursOutsideTheWindowsAreFreeForOtherRotations()
    {
        // Office hours (weekly) and nights (daily) share the ops pool: the office week's holder is
        // not double booked by a night of that week, but keeps the nights rotation's rest.
        Fixture t =
            makeTeam(u"Europe/Berlin"_s, u"Mon-Fri 09:00-17:00"_s, 7 * 24 * 60, QDate(2026, 6, 1), QDate(2026, 6, 7));
        Rotation nights = t.request.rotations.first();
        nights.id = RotationId::create();
        nights.name = u"Nights"_s;
        nights.shiftMinutes = 24 * 60;
        nights.windows = windowPreset(WindowPreset::Nights);
        nights.rules.minRestHours = 0;
        Rotation always = nights;
        always.id = RotationId::create();
        always.name = u"Always"_s;
        always.windows.clear();
        t.request.rotations.append(nights);
        t.request.rotations.append(always);
        const Rotation &office = t.request.rotations.first();
        const QList<Slot> week = generateWindowSlots(office, QDate(2026, 6, 1), QDate(2026, 6, 1));
        QCOMPARE(week.size(), 5);
        RuleBook book(t.request);
        const int stint = book.addSlot(Slot{office.id, week.first().start, week.last().end}, ShiftId::create());
        const int ops = book.personIndex(t.ops.at(0));
        book.assign(stint, Seat::Ops, ops);
        const QList<Slot> night = generateWindowSlots(t.request.rotations.at(1), QDate(2026, 6, 1), QDate(2026, 6, 1));
        QCOMPARE(night.size(), 1); // Monday 18:00 to Tuesday 09:00
        const int monday = book.addSlot(night.first(), ShiftId::create());
        const auto free = book.check(monday, Seat::Ops, ops, -1);
        QVERIFY2(!free, qPrintable(free ? free->text : QString()));
        // With 2 h of rest asked by the nights rotation, the hour between 17:00 and 18:00 is too little.
        t.request.rotations[1].rules.minRestHours = 2;
        const auto rest = book.check(monday, Seat::Ops, ops, -1);
        QVERIFY(rest);
        QCOMPARE(rest->kind, RuleKind::Rest);
        // A rotation that runs all the time overlaps the office hours: double booking.
        const int noon =
            book.addSlot(Slot{always.id, week.first().start.addSecs(3 * 3600), week.first().start.addSecs(4 * 3600)},
                         ShiftId::create());
        const auto busy = book.check(noon, Seat::Ops, ops, -1);
        QVERIFY(busy);
        QCOMPARE(busy->kind, RuleKind::DoubleBooking);
    }

    void remindedBeforeTheStintNotEachPiece()
    {
        Fixture t =
            makeTeam(u"Europe/Berlin"_s, u"Mon-Fri 09:00-17:00"_s, 7 * 24 * 60, QDate(2026, 6, 1), QDate(2026, 6, 14));
        const PlanResult result = plan(t.request);
        const QList<Shift> shifts = shiftsOf(result);
        QCOMPARE(shifts.size(), 10);
        const PersonId me = shifts.first().dev;
        QList<MyShift> mine;
        std::optional<Shift> previous;
        for (const Shift &s : shifts) {
            if (s.dev == me) {
                MyShift my;
                my.shift = s;
                my.rotation = t.request.rotations.first();
                my.seat = Seat::Dev;
                my.previous = previous;
                mine.append(my);
            }
            previous = s;
        }
        QCOMPARE(mine.size(), 5); // the first week; the second is another developer's (rest rule)
        const Reminders reminders({60, 0});
        // Monday 08:00 and 09:00 local (06:00, 07:00 UTC): the start of the week is reminded.
        const QDateTime sunday(QDate(2026, 5, 31), QTime(0, 0), Qt::UTC);
        const QDateTime monday(QDate(2026, 6, 1), QTime(7, 30), Qt::UTC);
        QList<Reminder> due = reminders.due(mine, sunday, monday);
        QCOMPARE(due.size(), 1);
        QCOMPARE(due.first().shift, mine.first().shift.id);
        // Tuesday continues the week: no reminder, and nothing to wake up for until the week is over.
        const QDateTime tuesday(QDate(2026, 6, 2), QTime(7, 30), Qt::UTC);
        QCOMPARE(reminders.due(mine, monday, tuesday).size(), 0);
        QVERIFY(!reminders.nextWakeUp(mine, monday).isValid());
        // Without windows, each shift is its own start (as before).
        for (MyShift &my : mine) {
            my.rotation.windows.clear();
        }
        due = reminders.due(mine, monday, tuesday);
        QCOMPARE(due.size(), 1);
        QCOMPARE(due.first().shift, mine.at(1).shift.id);
        QCOMPARE(reminders.nextWakeUp(mine, monday), QDateTime(QDate(2026, 6, 2), QTime(6, 0), Qt::UTC));
    }

    void handoffMovesKeepToTheWindows()
    {
        Fixture t =
            makeTeam(u"Europe/Berlin"_s, u"Mon-Fri 09:00-17:00"_s, 7 * 24 * 60, QDate(2026, 6, 1), QDate(2026, 6, 7));
        const Rotation &r = t.request.rotations.first();
        const QList<Shift> shifts = shiftsOf(plan(t.request));
        const Shift monday = shifts.first();
        // Earlier inside the window: fine. Later, into the evening: refused, in words.
        QVERIFY(ShiftService::moveHandoffEdit(monday, std::nullopt, monday.end.addSecs(-3600), &r).ok());
        const auto refused = ShiftService::moveHandoffEdit(monday, std::nullopt, monday.end.addSecs(3600), &r);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errorMessage().contains(u"Mon-Fri 09:00-17:00"_s), qPrintable(refused.errorMessage()));
        // A rotation without windows lets it grow.
        Rotation always = r;
        always.windows.clear();
        QVERIFY(ShiftService::moveHandoffEdit(monday, std::nullopt, monday.end.addSecs(3600), &always).ok());
    }

    void icsHasThePiecesAtTheirLocalTimes()
    {
        // Two business-hours weeks across the Berlin spring change: ten events, 09:00-17:00 local.
        Fixture t =
            makeTeam(u"Europe/Berlin"_s, u"Mon-Fri 09:00-17:00"_s, 7 * 24 * 60, QDate(2026, 3, 23), QDate(2026, 4, 5));
        const QList<Shift> shifts = shiftsOf(plan(t.request));
        QCOMPARE(shifts.size(), 10);
        IcalDirectory directory;
        directory.people = t.people;
        directory.rotations.insert(t.request.rotations.first().id, t.request.rotations.first());
        const QByteArray ics = exportCalendar(shifts, {}, directory);
        QCOMPARE(ics.count("BEGIN:VEVENT"), 10);
        for (const char *day : {"20260323", "20260327", "20260330", "20260403"}) {
            QVERIFY2(ics.contains(QByteArray("DTSTART;TZID=Europe/Berlin:") + day + "T090000"), day);
            QVERIFY2(ics.contains(QByteArray("DTEND;TZID=Europe/Berlin:") + day + "T170000"), day);
        }
        // Read back by the importer: the same instants.
        const auto events = readEvents(ics, QDate(2026, 3, 23), QDate(2026, 4, 5));
        QVERIFY2(events.ok(), qPrintable(events.errorMessage()));
        QCOMPARE(events->size(), 10);
        QSet<QDateTime> starts;
        for (const ImportedEvent &e : events.value()) {
            starts.insert(e.start.toUTC());
        }
        for (const Shift &shift : shifts) {
            QVERIFY(starts.contains(shift.start));
        }
    }

    void rosterResourceCarriesTheWindows()
    {
        // What CalDAV sync writes for the roster: the rotation with its windows, read back the same.
        Fixture t =
            makeTeam(u"Australia/Sydney"_s, u"Mon-Sun 18:00-09:00"_s, 24 * 60, QDate(2026, 4, 1), QDate(2026, 4, 7));
        const Rotation &r = t.request.rotations.first();
        ResourceData roster{ResourceKind::Roster, TeamId::create().toString(),
                            QJsonObject{{u"rotations"_s, QJsonArray{toJson(r)}}}};
        const auto decoded = decodeResource(encodeResource(roster, {}));
        QVERIFY2(decoded.ok(), qPrintable(decoded.errorMessage()));
        const auto back = rotationFromJson(decoded->data.value(u"rotations"_s).toArray().first().toObject());
        QVERIFY2(back.ok(), qPrintable(back.errorMessage()));
        QCOMPARE(back->windows, r.windows);
    }

    void coverageIsWindowTimeOnly()
    {
        Fixture t = makeTeam(u"America/New_York"_s, u"Mon-Fri 09:00-17:00"_s, 7 * 24 * 60, QDate(2026, 10, 26),
                             QDate(2026, 11, 8));
        const PlanResult result = plan(t.request);
        QList<Shift> shifts = shiftsOf(result);
        Reports::CoverageInput input;
        input.rotations = t.request.rotations;
        input.shifts = shifts;
        input.people = t.people;
        input.from = QDate(2026, 10, 26);
        input.to = QDate(2026, 11, 8);
        Reports::CoverageReport report = Reports::coverageReport(input);
        QCOMPARE(report.rotations.size(), 1);
        QCOMPARE(report.rotations.first().requiredMinutes, 10 * 8 * 60); // nights and weekends are no holes
        QCOMPARE(report.rotations.first().coveredMinutes, 10 * 8 * 60);
        QVERIFY(report.rotations.first().gaps.isEmpty());
        // One piece gone (Monday 2 Nov, after the change): exactly that piece is a hole.
        const QTimeZone tz("America/New_York");
        const auto monday = std::find_if(shifts.begin(), shifts.end(), [&](const Shift &s) {
            return s.start.toTimeZone(tz).date() == QDate(2026, 11, 2);
        });
        QVERIFY(monday != shifts.end());
        const Shift removed = *monday;
        shifts.erase(monday);
        input.shifts = shifts;
        report = Reports::coverageReport(input);
        QCOMPARE(report.rotations.first().gaps.size(), 1);
        QCOMPARE(report.rotations.first().gaps.first().start, removed.start);
        QCOMPARE(report.rotations.first().gaps.first().end, removed.end);
        QCOMPARE(report.rotations.first().gaps.first().start.toTimeZone(tz).time(), QTime(9, 0));
    }
};

QTEST_GUILESS_MAIN(WindowPlannerTest)
#include "windowplannertest.moc"
