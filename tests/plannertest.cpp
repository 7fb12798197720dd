#include "planner/planner.h"

#include "bench/benchsupport.h"
#include "bench/checker.h"
#include "bench/instances.h"
#include "planner/rules.h"

#include <QFile>
#include <QTest>
#include <QTimeZone>

#include <functional>
#include <limits>

using namespace Qt::StringLiterals;
using namespace Tandem;
using namespace Tandem::Planner;

namespace {

struct Team
{
    PlanRequest request;
    QList<PersonId> devs;
    QList<PersonId> ops;
};

Team makeTeam(int devs, int ops, int shiftMinutes = 24 * 60, QDate from = QDate(2026, 6, 1),
              QDate to = QDate(2026, 8, 23))
{
    Team t;
    const TeamId team = TeamId::create();
    OpsPool pool{PoolId::create(), u"Ops"_s, {}};
    for (int i = 0; i < devs; ++i) {
        Person p;
        p.id = PersonId::create();
        p.name = u"Dev%1 Person"_s.arg(i);
        p.email = u"dev%1@example.com"_s.arg(i);
        p.role = Role::Developer;
        p.teams = {team};
        p.timeZone = u"Europe/Berlin"_s;
        t.request.people.append(p);
        t.devs.append(p.id);
    }
    for (int i = 0; i < ops; ++i) {
        Person p;
        p.id = PersonId::create();
        p.name = u"Ops%1 Person"_s.arg(i);
        p.email = u"ops%1@example.com"_s.arg(i);
        p.role = Role::Operations;
        p.productionAccess = true;
        p.timeZone = u"Europe/Berlin"_s;
        t.request.people.append(p);
        t.ops.append(p.id);
        pool.members.append(p.id);
    }
    Rotation r;
    r.id = RotationId::create();
    r.teamId = team;
    r.name = u"Primary"_s;
    r.opsPoolId = pool.id;
    r.timeZone = u"Europe/Berlin"_s;
    r.shiftMinutes = shiftMinutes;
    r.handoffWeekday = 1;
    r.handoffTime = QTime(9, 0);
    r.startDate = from;
    t.request.rotations = {r};
    t.request.pools.insert(pool.id, pool);
    t.request.from = from;
    t.request.to = to;
    t.request.now = QDateTime(from.addDays(-1), QTime(12, 0), Qt::UTC);
    return t;
}

QHash<PersonId, int> countShifts(const PlanResult &result)
{
    QHash<PersonId, int> counts;
    for (const PlannedShift &p : result.shifts) {
        if (!p.shift.dev.isNull()) {
            ++counts[p.shift.dev];
        }
        if (!p.shift.ops.isNull()) {
            ++counts[p.shift.ops];
        }
    }
    return counts;
}

int spread(const QHash<PersonId, int> &counts, const QList<PersonId> &people)
{
    int lo = INT_MAX;
    int hi = 0;
    for (const PersonId &p : people) {
        lo = std::min(lo, counts.value(p));
        hi = std::max(hi, counts.value(p));
    }
    return hi - lo;
}

// An independent check of the hard rules over a finished plan.
QStringList violations(const PlanRequest &request, const PlanResult &result)
{
    QStringList problems;
    QHash<PersonId, QList<QPair<QDateTime, QDateTime>>> bookings;
    QList<Shift> shifts;
    QSet<ShiftId> planned;
    for (const PlannedShift &p : result.shifts) {
        if (p.change != Change::Removed) {
            shifts.append(p.shift);
            planned.insert(p.shift.id);
        }
    }
    for (const Shift &s : request.existing) {
        if (!planned.contains(s.id)) {
            shifts.append(s);
        }
    }
    for (const Shift &s : shifts) {
        for (const PersonId &id : {s.dev, s.ops}) {
            if (id.isNull()) {
                continue;
            }
            for (const TimeOff &t : request.timeOff) {
                const QTimeZone zone("Europe/Berlin");
                if (t.personId == id && s.start < QDateTime(t.to.addDays(1), QTime(0, 0), zone) &&
                    s.end > QDateTime(t.from, QTime(0, 0), zone)) {
                    problems.append(u"on leave: %1"_s.arg(s.start.toString(Qt::ISODate)));
                }
            }
            for (const auto &b : bookings.value(id)) {
                // Default rest rule: one shift length between two shifts; no overlap.
                const qint64 rest = s.start.secsTo(s.end);
                if (b.first < s.end.addSecs(rest) && b.second.addSecs(rest) > s.start) {
                    problems.append(u"rest/overlap: %1"_s.arg(s.start.toString(Qt::ISODate)));
                }
            }
            bookings[id].append({s.start, s.end});
        }
        for (const Person &p : request.people) {
            if (p.id == s.ops && !p.productionAccess) {
                problems.append(u"ops seat without production access"_s);
            }
        }
    }
    return problems;
}

double devDeviation(const PlanResult &result)
{
    for (const PoolFigures &pool : result.summary.pools) {
        if (pool.role == Role::Developer) {
            return pool.maxDeviation;
        }
    }
    return -1;
}

// The smallest largest deviation of the developer pool over every assignment of the developer
// seats that keeps the hard rules of these rotations (nobody on leave, nobody in two neighbouring
// shifts: the default rest of one shift length), the ops seats as `result` has them. By
// enumeration: only for a handful of shifts and people.
double bestDevDeviation(const PlanRequest &request, const PlanResult &result)
{
    QList<Shift> shifts;
    for (const PlannedShift &p : result.shifts) {
        shifts.append(p.shift);
    }
    QList<PersonId> devs;
    for (const Person &p : request.people) {
        if (p.role == Role::Developer) {
            devs.append(p.id);
        }
    }
    const QTimeZone zone("Europe/Berlin");
    auto away = [&](const PersonId &id, const Shift &s) {
        for (const TimeOff &t : request.timeOff) {
            if (t.personId == id && s.start < QDateTime(t.to.addDays(1), QTime(0, 0), zone) &&
                s.end > QDateTime(t.from, QTime(0, 0), zone)) {
                return true;
            }
        }
        return false;
    };
    double best = std::numeric_limits<double>::infinity();
    std::function<void(int)> assign = [&](int i) {
        if (i == shifts.size()) {
            const FairnessSummary summary = summarize(request, shifts);
            for (const PoolFigures &pool : summary.pools) {
                if (pool.role == Role::Developer) {
                    best = std::min(best, pool.maxDeviation);
                }
            }
            return;
        }
        for (const PersonId &dev : devs) {
            if ((i > 0 && shifts.at(i - 1).dev == dev) || away(dev, shifts.at(i))) {
                continue;
            }
            shifts[i].dev = dev;
            assign(i + 1);
        }
    };
    assign(0);
    return best;
}

} // namespace

class PlannerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void equalAvailabilityGivesASpreadOfAtMostOne_data()
    {
        QTest::addColumn<int>("devs");
        QTest::addColumn<int>("ops");
        QTest::addColumn<int>("minutes");
        QTest::newRow("daily 4x3") << 4 << 3 << 24 * 60;
        QTest::newRow("daily 6x4") << 6 << 4 << 24 * 60;
        QTest::newRow("weekly 5x3") << 5 << 3 << 7 * 24 * 60;
        QTest::newRow("12h 7x5") << 7 << 5 << 12 * 60;
    }

    void equalAvailabilityGivesASpreadOfAtMostOne()
    {
        QFETCH(int, devs);
        QFETCH(int, ops);
        QFETCH(int, minutes);
        Team t = makeTeam(devs, ops, minutes);
        // Every hour weighs the same here, so a fair load is a fair count.
        t.request.rotations[0].rules.weekendWeight = 1.0;
        const PlanResult result = plan(t.request);
        QVERIFY(!result.shifts.isEmpty());
        QVERIFY(result.summary.gaps.isEmpty());
        const auto counts = countShifts(result);
        QVERIFY2(spread(counts, t.devs) <= 1, qPrintable(u"dev spread %1"_s.arg(spread(counts, t.devs))));
        QVERIFY2(spread(counts, t.ops) <= 1, qPrintable(u"ops spread %1"_s.arg(spread(counts, t.ops))));
        QVERIFY2(violations(t.request, result).isEmpty(), qPrintable(violations(t.request, result).join(u'\n')));
    }

    void weekdayOnlyRotationStarvesNobody()
    {
        Team t = makeTeam(5, 3);
        t.request.rotations[0].activeDays = 0x1f;
        t.request.rotations[0].rules.weekendWeight = 1.0;
        const PlanResult result = plan(t.request);
        const auto counts = countShifts(result);
        for (const PersonId &p : t.devs + t.ops) {
            QVERIFY(counts.value(p) > 0);
        }
        QVERIFY(spread(counts, t.devs) <= 1);
        QVERIFY(spread(counts, t.ops) <= 1);
    }

    void hardRulesHoldWithLeave()
    {
        Team t = makeTeam(4, 3);
        t.request.timeOff = {
            TimeOff{TimeOffId::create(), t.devs.at(0), QDate(2026, 6, 10), QDate(2026, 6, 30), u"Holiday"_s},
            TimeOff{TimeOffId::create(), t.ops.at(1), QDate(2026, 7, 1), QDate(2026, 7, 14), u"Conference"_s},
        };
        const PlanResult result = plan(t.request);
        QVERIFY2(violations(t.request, result).isEmpty(), qPrintable(violations(t.request, result).join(u'\n')));
        QVERIFY(result.summary.gaps.isEmpty());
        // Fair share follows availability: the dev away for three weeks carries less.
        double awayLoad = 0;
        double awayShare = 0;
        for (const PersonFigures &f : result.summary.people) {
            if (f.person == t.devs.at(0)) {
                awayLoad = f.load;
                awayShare = f.fairShare;
            }
        }
        QVERIFY(awayShare < 84.0 / 4); // below an equal split of the 84 days
        QVERIFY(std::abs(awayLoad - awayShare) < 2.0);
    }

    void leaveInsideALongerLeaveStillCounts()
    {
        // Two short breaks entered inside a long leave (overlapping time off, as people enter
        // it): the long leave still keeps the developer out after the short ones end.
        Team t = makeTeam(4, 3);
        const PersonId away = t.devs.at(0);
        t.request.timeOff = {
            TimeOff{TimeOffId::create(), away, QDate(2026, 6, 1), QDate(2026, 8, 31), u"Parental leave"_s},
            TimeOff{TimeOffId::create(), away, QDate(2026, 6, 3), QDate(2026, 6, 4), u"Conference"_s},
            TimeOff{TimeOffId::create(), away, QDate(2026, 6, 10), QDate(2026, 6, 11), u"Wedding"_s},
        };
        const PlanResult result = plan(t.request);
        QVERIFY2(violations(t.request, result).isEmpty(), qPrintable(violations(t.request, result).join(u'\n')));
        for (const PlannedShift &p : result.shifts) {
            QVERIFY2(p.shift.dev != away, qPrintable(p.shift.start.toString(Qt::ISODate)));
        }
    }

    void aSlotNobodyCanFillIsAGapWithTheReason()
    {
        Team t = makeTeam(3, 4);
        for (const PersonId &ops : t.ops) {
            t.request.timeOff.append(TimeOff{TimeOffId::create(), ops, QDate(2026, 12, 24), QDate(2026, 12, 26), {}});
        }
        t.request.from = QDate(2026, 12, 21);
        t.request.to = QDate(2026, 12, 27);
        t.request.rotations[0].startDate = t.request.from;
        t.request.now = QDateTime(QDate(2026, 12, 1), QTime(0, 0), Qt::UTC);
        const PlanResult result = plan(t.request);
        QList<Gap> opsGaps;
        for (const Gap &g : result.summary.gaps) {
            if (g.seat == Seat::Ops) {
                opsGaps.append(g);
            }
        }
        // The shifts starting 23 Dec (ends on the 24th), 24, 25 and 26 Dec touch the leave.
        QCOMPARE(opsGaps.size(), 4);
        QVERIFY2(opsGaps.at(1).reason.contains(u"all 4 ops on leave"_s), qPrintable(opsGaps.at(1).reason));
        // The developer seats are still filled.
        for (const PlannedShift &p : result.shifts) {
            QVERIFY(!p.shift.dev.isNull());
        }
    }

    void opsSeatNeedsProductionAccess()
    {
        Team t = makeTeam(3, 3);
        for (Person &p : t.request.people) {
            if (p.id == t.ops.at(0)) {
                p.productionAccess = false;
            }
        }
        const PlanResult result = plan(t.request);
        for (const PlannedShift &p : result.shifts) {
            QVERIFY(p.shift.ops != t.ops.at(0));
        }
    }

    void everyDevMeetsEveryOps_data()
    {
        QTest::addColumn<int>("devs");
        QTest::addColumn<int>("ops");
        QTest::newRow("3x2") << 3 << 2;
        QTest::newRow("4x2") << 4 << 2; // plain round-robin gives only 4 of 8 pairs
        QTest::newRow("4x3") << 4 << 3;
        QTest::newRow("6x3") << 6 << 3; // round-robin: 6 of 18
    }

    void everyDevMeetsEveryOps()
    {
        QFETCH(int, devs);
        QFETCH(int, ops);
        const int shifts = devs * ops;
        Team t = makeTeam(devs, ops, 24 * 60, QDate(2026, 6, 1), QDate(2026, 6, 1).addDays(shifts - 1));
        // Every shift weighs the same: with weekend weights, fairness (objectives 1-2) comes first
        // and may settle who works a Saturday before variety (objective 3) is asked.
        t.request.rotations[0].rules.weekendWeight = 1.0;
        const PlanResult result = plan(t.request);
        QCOMPARE(result.shifts.size(), shifts);
        QSet<QPair<PersonId, PersonId>> pairs;
        for (const PlannedShift &p : result.shifts) {
            pairs.insert({p.shift.dev, p.shift.ops});
        }
        QCOMPARE(int(pairs.size()), shifts);
    }

    void lockedAndFrozenShiftsNeverMove()
    {
        Team t = makeTeam(4, 3);
        const PlanResult first = plan(t.request);
        // Lock one shift with an unusual pair, publish one inside the freeze window.
        QList<Shift> existing;
        for (const PlannedShift &p : first.shifts) {
            existing.append(p.shift);
        }
        existing[20].state = ShiftState::Locked;
        existing[20].dev = t.devs.at(0);
        existing[20].ops = t.ops.at(0);
        existing[2].state = ShiftState::Published;
        t.request.existing = existing;
        t.request.timeOff = {TimeOff{TimeOffId::create(), existing[2].dev, QDate(2026, 6, 1), QDate(2026, 6, 10), {}}};
        const PlanResult again = plan(t.request);
        QCOMPARE(again.shifts.at(20).shift.dev, t.devs.at(0));
        QCOMPARE(again.shifts.at(20).shift.ops, t.ops.at(0));
        QCOMPARE(again.shifts.at(20).change, Change::Fixed);
        // Published 2 days ahead, inside the 14-day freeze: stays even though its dev is now on leave.
        QCOMPARE(again.shifts.at(2).shift.dev, existing[2].dev);
        QCOMPARE(again.shifts.at(2).change, Change::Fixed);
    }

    void replanAfterANewVacationChangesOnlyWhatItMust()
    {
        Team t = makeTeam(5, 4, 7 * 24 * 60, QDate(2026, 6, 1), QDate(2026, 11, 29));
        const PlanResult first = plan(t.request);
        QList<Shift> existing;
        for (const PlannedShift &p : first.shifts) {
            existing.append(p.shift);
        }
        t.request.existing = existing;
        // Unchanged input: nothing changes.
        const PlanResult same = plan(t.request);
        for (const PlannedShift &p : same.shifts) {
            QCOMPARE(p.change, Change::Unchanged);
        }
        // A week of leave for the developer of the 8th shift.
        const Shift &hit = existing.at(8);
        const PersonId away = hit.dev;
        const QDate day = hit.start.toTimeZone(QTimeZone("Europe/Berlin")).date();
        t.request.timeOff = {TimeOff{TimeOffId::create(), away, day.addDays(1), day.addDays(3), u"Wedding"_s}};
        const PlanResult replanned = plan(t.request);
        int changed = 0;
        for (int i = 0; i < replanned.shifts.size(); ++i) {
            const PlannedShift &p = replanned.shifts.at(i);
            if (p.change == Change::Changed) {
                ++changed;
            }
            if (i == 8) {
                QCOMPARE(p.change, Change::Changed);
                QVERIFY(p.shift.dev != away);
                QCOMPARE(p.shift.ops, hit.ops);
                QCOMPARE(p.shift.id, hit.id); // same shift, new person
            }
        }
        // The forced change, and at most one more to give the load back.
        QVERIFY2(changed <= 2, qPrintable(QString::number(changed)));
        QVERIFY(violations(t.request, replanned).isEmpty());
    }

    void deterministicForTheSameSeed()
    {
        Team t = makeTeam(6, 4);
        t.request.timeOff = {TimeOff{TimeOffId::create(), t.devs.at(2), QDate(2026, 7, 1), QDate(2026, 7, 9), {}}};
        const PlanResult a = plan(t.request);
        const PlanResult b = plan(t.request);
        QCOMPARE(a.shifts.size(), b.shifts.size());
        for (int i = 0; i < a.shifts.size(); ++i) {
            QCOMPARE(a.shifts.at(i).shift, b.shifts.at(i).shift);
            QCOMPARE(a.shifts.at(i).devReason, b.shifts.at(i).devReason);
        }
    }

    void cancellable()
    {
        Team t = makeTeam(6, 4);
        int calls = 0;
        const PlanResult result = plan(t.request, [&calls](int, int) { return ++calls < 2; });
        QVERIFY(result.cancelled);
        QVERIFY(result.shifts.isEmpty());
    }

    void explanationsNameTheReason()
    {
        Team t = makeTeam(3, 2);
        t.request.timeOff = {TimeOff{TimeOffId::create(), t.devs.at(1), QDate(2026, 6, 1), QDate(2026, 6, 20), {}}};
        const PlanResult result = plan(t.request);
        const PlannedShift &first = result.shifts.first();
        QVERIFY2(first.devReason.contains(u"lowest weighted load"_s), qPrintable(first.devReason));
        QVERIFY2(first.devReason.contains(u"Dev1 on leave"_s), qPrintable(first.devReason));
        QVERIFY(result.shifts.at(1).opsReason.contains(u"had the previous shift"_s) ||
                result.shifts.at(1).opsReason.contains(u"lowest"_s));
    }

    void pairingRules()
    {
        Team t = makeTeam(3, 3);
        Person &senior = t.request.people[3];
        senior.senior = true;
        t.request.rotations[0].rules.newDevelopers = {t.devs.at(0)};
        t.request.rotations[0].rules.forbiddenPairs = {{t.devs.at(1), t.ops.at(1)}};
        const PlanResult result = plan(t.request);
        QVERIFY(result.summary.gaps.isEmpty());
        for (const PlannedShift &p : result.shifts) {
            if (p.shift.dev == t.devs.at(0)) {
                QCOMPARE(p.shift.ops, senior.id);
            }
            QVERIFY(!(p.shift.dev == t.devs.at(1) && p.shift.ops == t.ops.at(1)));
        }
        for (int i = 1; i < result.shifts.size(); ++i) {
            const Shift &a = result.shifts.at(i - 1).shift;
            const Shift &b = result.shifts.at(i).shift;
            QVERIFY(!(a.dev == b.dev && a.ops == b.ops));
        }
    }

    void maxShiftsAndConcurrency()
    {
        Team t = makeTeam(8, 2);
        t.request.rotations[0].rules.maxShiftsPer4Weeks = 4;
        const PlanResult result = plan(t.request);
        // 2 ops, rest rule: each ops every other day = 14 per 28 days > 4: most ops seats stay empty.
        QVERIFY(!result.summary.gaps.isEmpty());
        QHash<PersonId, QList<QDateTime>> starts;
        for (const PlannedShift &p : result.shifts) {
            for (const PersonId &id : {p.shift.dev, p.shift.ops}) {
                if (!id.isNull()) {
                    starts[id].append(p.shift.start);
                }
            }
        }
        for (const auto &list : starts) {
            for (int i = 0; i + 4 < list.size(); ++i) {
                QVERIFY(list.at(i).secsTo(list.at(i + 4)) >= 28 * 24 * 3600);
            }
        }
    }

    void opsConcurrencyAcrossRotationsSharingAPool_data()
    {
        QTest::addColumn<int>("concurrency");
        QTest::addColumn<bool>("gaps");
        QTest::newRow("one rotation at a time") << 1 << true;
        QTest::newRow("two at once") << 2 << false;
    }

    void opsConcurrencyAcrossRotationsSharingAPool()
    {
        QFETCH(int, concurrency);
        QFETCH(bool, gaps);
        // Two daily rotations of two teams share one pool of two ops engineers. With the rest
        // rule each ops engineer works every other day, so one of them must cover both rotations.
        Team t = makeTeam(4, 2, 24 * 60, QDate(2026, 6, 1), QDate(2026, 6, 14));
        Rotation second = t.request.rotations.first();
        second.id = RotationId::create();
        second.teamId = TeamId::create();
        second.name = u"Secondary"_s;
        for (int i = 0; i < 4; ++i) {
            Person p;
            p.id = PersonId::create();
            p.name = u"Other%1 Dev"_s.arg(i);
            p.role = Role::Developer;
            p.teams = {second.teamId};
            p.timeZone = u"Europe/Berlin"_s;
            t.request.people.append(p);
        }
        t.request.rotations.append(second);
        for (Rotation &r : t.request.rotations) {
            r.rules.opsConcurrency = concurrency;
        }
        const PlanResult result = plan(t.request);
        QCOMPARE(result.shifts.size(), 28);
        QCOMPARE(!result.summary.gaps.isEmpty(), gaps);
        // Nobody ever holds more ops seats at once than allowed.
        for (const PlannedShift &a : result.shifts) {
            int overlapping = 0;
            for (const PlannedShift &b : result.shifts) {
                if (!a.shift.ops.isNull() && b.shift.ops == a.shift.ops && b.shift.start < a.shift.end &&
                    b.shift.end > a.shift.start) {
                    ++overlapping;
                }
            }
            QVERIFY(overlapping <= concurrency);
        }
        if (gaps) {
            QVERIFY2(result.summary.gaps.first().reason.contains(u"resting"_s) ||
                         result.summary.gaps.first().reason.contains(u"elsewhere"_s),
                     qPrintable(result.summary.gaps.first().reason));
        }
    }

    void weightsCountWeekendsHolidaysAndNights()
    {
        Rotation r;
        r.timeZone = u"Europe/Berlin"_s;
        const QTimeZone zone("Europe/Berlin");
        auto weight = [&](QDate day, int hours, const QSet<QDate> &holidays = {}) {
            const QDateTime start(day, QTime(9, 0), zone);
            return shiftWeight(start, start.addSecs(hours * 3600), r, holidays);
        };
        QCOMPARE(weight(QDate(2026, 6, 1), 24), 1.0);           // Monday 09:00 to Tuesday 09:00
        QCOMPARE(weight(QDate(2026, 6, 6), 24), 1.5);           // Saturday to Sunday
        QCOMPARE(weight(QDate(2026, 6, 1), 24 * 7), 5.0 + 3.0); // a week: 5 weekdays + 2 weekend days
        QCOMPARE(weight(QDate(2026, 12, 24), 24, {QDate(2026, 12, 24), QDate(2026, 12, 25)}), 2.0);
        r.rules.nightWeight = 2.0; // 22:00-06:00 counts double: 8 of 24 hours
        QCOMPARE(weight(QDate(2026, 6, 1), 24), (24.0 + 8.0) / 24.0);
    }
    // Tiny rotations whose optimum of objective 1 (developer pool) is known by enumeration. The
    // rows are cases where the single-seat moves of Tandem 0.1 (Search::Classic) stop short: a
    // heavier holiday week against two normal weeks, a day of leave that leaves the load uneven,
    // where with three developers the rest rule blocks every direct hand-over between neighbours.
    void reachesTheOptimumOfSmallRotations_data()
    {
        QTest::addColumn<int>("shiftDays");
        QTest::addColumn<int>("devs");
        QTest::addColumn<int>("shifts");
        QTest::addColumn<int>("holidayIn"); // shift index with a public holiday on its third day, -1 none
        QTest::addColumn<int>("leaveIn");   // shift index with a day of leave for Dev0 (its second day), -1 none
        QTest::addColumn<bool>("classicMisses");
        QTest::newRow("holiday week against two normal weeks") << 7 << 3 << 7 << 6 << -1 << true;
        QTest::newRow("holiday week, day of leave") << 7 << 3 << 7 << 1 << 5 << true;
        QTest::newRow("day of leave in the last week") << 7 << 3 << 6 << -1 << 5 << true;
        QTest::newRow("8 weeks, holiday first, leave second") << 7 << 3 << 8 << 0 << 1 << true;
        QTest::newRow("6 weeks, holiday and leave in the third") << 7 << 3 << 6 << 2 << 3 << true;
    }

    void reachesTheOptimumOfSmallRotations()
    {
        QFETCH(int, shiftDays);
        QFETCH(int, devs);
        QFETCH(int, shifts);
        QFETCH(int, holidayIn);
        QFETCH(int, leaveIn);
        QFETCH(bool, classicMisses);
        const QDate from(2026, 6, 1);
        Team t = makeTeam(devs, 3, shiftDays * 24 * 60, from, from.addDays(shifts * shiftDays - 1));
        if (holidayIn >= 0) {
            t.request.holidays[t.request.rotations[0].teamId] = {from.addDays(holidayIn * shiftDays + 2)};
        }
        if (leaveIn >= 0) {
            const QDate day = from.addDays(leaveIn * shiftDays + 1);
            t.request.timeOff.append(TimeOff{TimeOffId::create(), t.devs.at(0), day, day, {}});
        }
        const PlanResult result = plan(t.request);
        QCOMPARE(result.shifts.size(), shifts);
        QVERIFY(result.summary.gaps.isEmpty());
        QVERIFY2(violations(t.request, result).isEmpty(), qPrintable(violations(t.request, result).join(u'\n')));
        const double optimum = bestDevDeviation(t.request, result);
        QVERIFY2(devDeviation(result) <= optimum + 1e-9,
                 qPrintable(u"%1 against the optimum %2"_s.arg(devDeviation(result)).arg(optimum)));
        // The planner can tell: a pool this small is searched exactly.
        for (const PoolFigures &pool : result.summary.pools) {
            QCOMPARE(pool.proof, PoolFigures::Proof::Optimal);
            QCOMPARE(pool.bound, pool.maxDeviation);
        }
        // The case needs more than a single seat handed over: the classic moves stop above it.
        PlanRequest classic = t.request;
        classic.search = PlanRequest::Search::Classic;
        QCOMPARE(devDeviation(plan(classic)) > optimum + 1e-9, classicMisses);
    }

    // Pools where the rest rule and leave force empty seats, 27 daily shifts from Monday 5
    // January 2026 with a public holiday: the quality harness's instances (tests/bench/instances.cpp,
    // by seed) written out. The optimum is CBC's for the pool (the harness's model, proven
    // optimal). Q83 ops: the exact search ran out of nodes and the plan stayed 1.27x above it (its
    // bound neither counted the load the forced gaps take out of the pool nor that a person cannot
    // hold neighbouring days of different weights: Friday, Saturday, Sunday). Q99 dev: the plan was
    // optimal, but the bisection ran out of nodes before proving it ("within 0.01 of the bound").
    void reachesTheOptimumOfAPoolWithForcedGaps_data()
    {
        QTest::addColumn<QList<double>>("devCapacity");
        QTest::addColumn<QList<double>>("opsCapacity");
        QTest::addColumn<int>("holiday");   // day of January
        QTest::addColumn<QString>("leave"); // "d2:30-31" is days 30 to 31 of January for dev 2 (from 0)
        QTest::addColumn<bool>("dev");      // the pool checked: developers, else ops
        QTest::addColumn<int>("gaps");
        QTest::addColumn<double>("optimum");
        QTest::newRow("Q83 ops: 3 ops, 2 gaps")
            << QList<double>{1, 0.5, 1, 1, 1, 1, 1, 1} << QList<double>{1, 1, 0.5} << 7
            << u"d2:30-31 o0:21-24 o0:28-29 o1:5-6 o1:28-30 o2:17-21"_s << false << 2 << 0.92771318;
        QTest::newRow("Q99 dev: 4 devs, 2 gaps")
            << QList<double>{0.5, 0.8, 1, 1} << QList<double>{1, 0.5, 1, 1, 1} << 30
            << u"d0:5-12 d0:23-28 d1:28-29 d1:19-24 d2:13-19 d3:16-24 o1:15-20 o2:21-24 o4:8-12"_s << true << 2
            << 0.87402758;
    }

    void reachesTheOptimumOfAPoolWithForcedGaps()
    {
        QFETCH(QList<double>, devCapacity);
        QFETCH(QList<double>, opsCapacity);
        QFETCH(int, holiday);
        QFETCH(QString, leave);
        QFETCH(bool, dev);
        QFETCH(int, gaps);
        QFETCH(double, optimum);
        const QDate from(2026, 1, 5); // a Monday
        Team t = makeTeam(int(devCapacity.size()), int(opsCapacity.size()), 24 * 60, from, from.addDays(26));
        t.request.seed = 1;
        t.request.holidays[t.request.rotations[0].teamId] = {QDate(2026, 1, holiday)};
        for (Person &p : t.request.people) {
            const qsizetype i = t.devs.indexOf(p.id);
            p.capacity = i >= 0 ? devCapacity.at(i) : opsCapacity.at(t.ops.indexOf(p.id));
        }
        for (const QString &block : leave.split(u' ')) {
            const QList<PersonId> &people = block.startsWith(u'd') ? t.devs : t.ops;
            const PersonId id = people.at(block.mid(1).section(u':', 0, 0).toInt());
            const QString days = block.section(u':', 1);
            t.request.timeOff.append(TimeOff{TimeOffId::create(),
                                             id,
                                             QDate(2026, 1, days.section(u'-', 0, 0).toInt()),
                                             QDate(2026, 1, days.section(u'-', 1).toInt()),
                                             {}});
        }

        const PlanResult result = plan(t.request);
        QCOMPARE(result.shifts.size(), 27);
        QVERIFY2(violations(t.request, result).isEmpty(), qPrintable(violations(t.request, result).join(u'\n')));
        int empty = 0;
        for (const PlannedShift &p : result.shifts) {
            empty += (dev ? p.shift.dev : p.shift.ops).isNull() ? 1 : 0;
        }
        QCOMPARE(empty, gaps);
        const Role role = dev ? Role::Developer : Role::Operations;
        const auto pool = std::find_if(result.summary.pools.cbegin(), result.summary.pools.cend(),
                                       [role](const PoolFigures &figures) { return figures.role == role; });
        QVERIFY(pool != result.summary.pools.cend());
        QVERIFY2(std::abs(pool->maxDeviation - optimum) < 1e-6,
                 qPrintable(u"%1 against the optimum %2"_s.arg(pool->maxDeviation).arg(optimum)));
        QCOMPARE(pool->proof, PoolFigures::Proof::Optimal);
        QCOMPARE(pool->bound, pool->maxDeviation);
    }

    // A re-plan after new leave fills every seat a fresh plan of the same data fills, moving seats
    // it kept from the current plan (several steps deep) where the leave leaves nobody free: the
    // shift after the leave is locked, so its developer cannot step in, and the one before holds
    // the shift before. `classicGap`: the one-step repair of Tandem 0.1, which never moves a kept
    // seat, leaves the seat empty.
    void replanNeverLeavesAGapAFreshPlanFills_data()
    {
        QTest::addColumn<int>("devs");
        QTest::addColumn<int>("hit");   // the shift whose developer takes leave
        QTest::addColumn<int>("leave"); // days of leave from that shift's first day
        QTest::addColumn<bool>("classicGap");
        QTest::newRow("3 devs, a day of leave at shift 3") << 3 << 3 << 1 << true;
        QTest::newRow("3 devs, 2 days at shift 3") << 3 << 3 << 2 << true;
        QTest::newRow("3 devs, 4 days at shift 3") << 3 << 3 << 4 << true;
        QTest::newRow("3 devs, a day at shift 6") << 3 << 6 << 1 << false;
        QTest::newRow("3 devs, 2 days at shift 6") << 3 << 6 << 2 << false;
        QTest::newRow("3 devs, a day at shift 9") << 3 << 9 << 1 << true;
        QTest::newRow("3 devs, 2 days at shift 9") << 3 << 9 << 2 << true;
        QTest::newRow("3 devs, 4 days at shift 9") << 3 << 9 << 4 << true;
        QTest::newRow("4 devs, 2 days at shift 6") << 4 << 6 << 2 << false;
        QTest::newRow("4 devs, 4 days at shift 9") << 4 << 9 << 4 << false;
    }

    void replanNeverLeavesAGapAFreshPlanFills()
    {
        QFETCH(int, devs);
        QFETCH(int, hit);
        QFETCH(int, leave);
        QFETCH(bool, classicGap);
        int gaps[2] = {0, 0}; // re-plan gaps: full search, classic moves
        for (const auto search : {PlanRequest::Search::Full, PlanRequest::Search::Classic}) {
            Team t = makeTeam(devs, 3, 24 * 60, QDate(2026, 6, 1), QDate(2026, 6, 14));
            t.request.search = search;
            QList<Shift> existing;
            for (const PlannedShift &p : plan(t.request).shifts) {
                existing.append(p.shift);
            }
            const QDate day = existing.at(hit).start.toTimeZone(QTimeZone("Europe/Berlin")).date();
            t.request.timeOff = {TimeOff{TimeOffId::create(), existing.at(hit).dev, day, day.addDays(leave - 1), {}}};
            existing[hit + leave].state = ShiftState::Locked;
            t.request.existing = {existing.at(hit + leave)};
            const PlanResult fresh = plan(t.request);
            t.request.existing = existing;
            const PlanResult replanned = plan(t.request);
            QVERIFY(violations(t.request, replanned).isEmpty());
            gaps[search == PlanRequest::Search::Full ? 0 : 1] = int(replanned.summary.gaps.size());
            if (search == PlanRequest::Search::Full) {
                QVERIFY(fresh.summary.gaps.isEmpty());
                QCOMPARE(replanned.summary.gaps.size(), fresh.summary.gaps.size());
                QCOMPARE(replanned.shifts.at(hit + leave).change, Change::Fixed);
            }
        }
        QCOMPARE(gaps[1] > gaps[0], classicGap);
    }

    // One new week of leave on a weekly rotation changes the seats it takes away and at most one
    // more to give the load back (the README's promise), every seat filled. `classicMore`: Tandem
    // 0.1's re-plan, which refilled in time order and let the change cascade, changed more.
    void replanAfterAWeekOfLeaveChangesTheFewestSeats_data()
    {
        QTest::addColumn<int>("week"); // the week of leave, from the first of the horizon
        QTest::addColumn<int>("who");  // whose (developer index)
        QTest::addColumn<bool>("classicMore");
        QTest::newRow("week 2, Dev0 (not on call then)") << 2 << 0 << false;
        QTest::newRow("week 2, Dev1") << 2 << 1 << true;
        QTest::newRow("week 2, Dev2") << 2 << 2 << true;
        QTest::newRow("week 5, Dev0") << 5 << 0 << true;
        QTest::newRow("week 5, Dev1 (not on call then)") << 5 << 1 << false;
        QTest::newRow("week 9, Dev3") << 9 << 3 << true;
        QTest::newRow("week 9, Dev0 (not on call then)") << 9 << 0 << false;
    }

    void replanAfterAWeekOfLeaveChangesTheFewestSeats()
    {
        QFETCH(int, week);
        QFETCH(int, who);
        QFETCH(bool, classicMore);
        int changes[2] = {0, 0}; // full search, classic moves
        for (const auto search : {PlanRequest::Search::Full, PlanRequest::Search::Classic}) {
            const QDate from(2026, 6, 1);
            Team t = makeTeam(5, 4, 7 * 24 * 60, from, from.addDays(13 * 7 - 1));
            t.request.search = search;
            QList<Shift> existing;
            for (const PlannedShift &p : plan(t.request).shifts) {
                existing.append(p.shift);
            }
            t.request.existing = existing;
            const QDate monday = from.addDays(7 * week);
            const PersonId away = t.devs.at(who);
            t.request.timeOff = {TimeOff{TimeOffId::create(), away, monday, monday.addDays(6), u"New leave"_s}};
            const PlanResult replanned = plan(t.request);
            QVERIFY(replanned.summary.gaps.isEmpty());
            QVERIFY(violations(t.request, replanned).isEmpty());
            int forced = 0;
            int changed = 0;
            const QTimeZone zone("Europe/Berlin");
            for (int i = 0; i < replanned.shifts.size(); ++i) {
                const Shift &before = existing.at(i);
                const Shift &after = replanned.shifts.at(i).shift;
                forced += before.dev == away && before.start < QDateTime(monday.addDays(7), QTime(0, 0), zone) &&
                                  before.end > QDateTime(monday, QTime(0, 0), zone)
                              ? 1
                              : 0;
                changed += (after.dev != before.dev ? 1 : 0) + (after.ops != before.ops ? 1 : 0);
            }
            changes[search == PlanRequest::Search::Full ? 0 : 1] = changed;
            if (search == PlanRequest::Search::Full) {
                QVERIFY2(changed <= forced + 1, qPrintable(u"%1 seats changed, %2 forced"_s.arg(changed).arg(forced)));
                // Planning again with the re-plan as the current plan changes nothing.
                QList<Shift> now;
                for (const PlannedShift &p : replanned.shifts) {
                    now.append(p.shift);
                }
                t.request.existing = now;
                for (const PlannedShift &p : plan(t.request).shifts) {
                    QCOMPARE(p.change, Change::Unchanged);
                }
            }
        }
        QCOMPARE(changes[1] > changes[0], classicMore);
    }

    // One new week of leave on the quality harness's random rotations (README "Planner quality"
    // measures every person and week of 200 of them): the default re-plan changes at most one
    // seat more than the fewest any plan could change (Bench::minimumChanges, a DP over each
    // pool's seats, fairness ignored), leaves no seat empty that a fresh plan fills, and says how
    // fair a rebalancing re-plan would be. `fairMore`: a rebalancing re-plan (Replan::Fairest, the
    // only re-plan before) changes more than that; Q13 week 2, Dev5 changes 11 seats where 2 are
    // needed. Q83's ops pool rebalanced 20 and 23 seats while its fresh plan stopped 1.27x above
    // the optimum (the exact search ran out of nodes); the fresh plan is optimal now, and the
    // rebalancing re-plan changes no more than the fewest + 1 there.
    void replanChangesAtMostTheFewestPlusOne_data()
    {
        QTest::addColumn<int>("seed");
        QTest::addColumn<QString>("person"); // the first word of the name
        QTest::addColumn<int>("week");       // from 1, the horizon's first week
        QTest::addColumn<bool>("fairMore");
        QTest::newRow("Q83 week 1, Ops3 (2 changed, 1 needed)") << 83 << u"Ops3"_s << 1 << false;
        QTest::newRow("Q83 week 2, Ops3") << 83 << u"Ops3"_s << 2 << false;
        QTest::newRow("Q83 week 4, Ops2 (4 changed, 3 needed)") << 83 << u"Ops2"_s << 4 << false;
        QTest::newRow("Q83 week 1, Dev1") << 83 << u"Dev1"_s << 1 << true;
        QTest::newRow("Q83 week 2, Dev2") << 83 << u"Dev2"_s << 2 << false;
        QTest::newRow("Q83 week 4, Ops1") << 83 << u"Ops1"_s << 4 << false;
        QTest::newRow("Q13 week 2, Dev5 (11 changed, 2 needed)") << 13 << u"Dev5"_s << 2 << true;
        QTest::newRow("Q21 week 3, Ops1 (12 changed, 6 needed)") << 21 << u"Ops1"_s << 3 << true;
        QTest::newRow("Q12 week 3, Dev12 (6 changed, 1 needed)") << 12 << u"Dev12"_s << 3 << true;
        QTest::newRow("Q14 week 2, Ops3") << 14 << u"Ops3"_s << 2 << true;
    }

    void replanChangesAtMostTheFewestPlusOne()
    {
        QFETCH(int, seed);
        QFETCH(QString, person);
        QFETCH(int, week);
        QFETCH(bool, fairMore);
        Bench::Instance instance = Bench::makeSmallInstance(quint64(seed));
        QList<Shift> existing;
        for (const PlannedShift &p : plan(instance.request).shifts) {
            QVERIFY(p.change != Change::Removed);
            existing.append(p.shift);
            existing.last().state = ShiftState::Planned;
        }
        const auto away = std::find_if(instance.request.people.cbegin(), instance.request.people.cend(),
                                       [&person](const Person &p) { return p.name.startsWith(person + u' '); });
        QVERIFY(away != instance.request.people.cend());
        const QDate monday = instance.request.from.addDays(7 * (week - 1));
        instance.request.timeOff.append(
            TimeOff{TimeOffId::create(), away->id, monday, monday.addDays(6), u"New leave"_s});
        int fewest = 0;
        for (const bool dev : {true, false}) {
            fewest += Bench::minimumChanges(instance, dev, existing).changes;
        }
        const int freshGaps = int(plan(instance.request).summary.gaps.size());

        int changed[2] = {0, 0}; // fewest changes, fairest
        for (const auto mode : {PlanRequest::Replan::FewestChanges, PlanRequest::Replan::Fairest}) {
            PlanRequest request = instance.request;
            request.existing = existing;
            request.replan = mode;
            const PlanResult replanned = plan(request);
            QList<Shift> after;
            int count = 0;
            for (int i = 0; i < replanned.shifts.size(); ++i) {
                after.append(replanned.shifts.at(i).shift);
                count +=
                    (after.at(i).dev != existing.at(i).dev ? 1 : 0) + (after.at(i).ops != existing.at(i).ops ? 1 : 0);
            }
            QCOMPARE(Bench::checkSchedule(instance, after).total(), 0);
            QVERIFY2(replanned.summary.gaps.size() <= freshGaps,
                     qPrintable(u"%1 gaps, a fresh plan has %2"_s.arg(replanned.summary.gaps.size()).arg(freshGaps)));
            changed[mode == PlanRequest::Replan::FewestChanges ? 0 : 1] = count;
            if (mode != PlanRequest::Replan::FewestChanges) {
                continue;
            }
            QVERIFY2(count <= fewest + 1,
                     qPrintable(u"%1 seats changed, the fewest possible %2"_s.arg(count).arg(fewest)));
            // The fairness it gave up is reported: the fairest plan found is never less fair.
            for (const PoolFigures &pool : replanned.summary.pools) {
                QVERIFY(pool.fairest >= 0);
                QVERIFY2(
                    pool.fairest <= pool.maxDeviation + 1e-9,
                    qPrintable(u"%1: fairest %2, plan %3"_s.arg(pool.name).arg(pool.fairest).arg(pool.maxDeviation)));
            }
            // Planning again with the re-plan as the current plan changes nothing.
            request.existing = after;
            for (const PlannedShift &p : plan(request).shifts) {
                QCOMPARE(p.change, Change::Unchanged);
            }
        }
        QCOMPARE(changed[1] > fewest + 1, fairMore);
    }

    // Eighty years of one daily rotation with leave (the planner benchmark's long series, the
    // same instance): a chain of hand-overs used to list every pair of two people's seats as an
    // option, 25 million here, 1.4 GB and seven seconds; the options now grow with the plan's
    // length. Peak memory is the measure (not time): it stays far under what the square took.
    void longPlanGrowsWithItsLengthNotItsSquare()
    {
        const Bench::Instance instance = Bench::makeInstance(u"Y80"_s, 1);
        QCOMPARE(instance.slots.size(), 29200);
        QFile clearRefs(u"/proc/self/clear_refs"_s);
        QVERIFY2(clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1,
                 "the kernel's peak-RSS mark cannot be reset (Linux /proc/self/clear_refs)");
        clearRefs.close();
        const qint64 before = Bench::statusKiB("VmRSS");
        const PlanResult result = plan(instance.request);
        const qint64 peak = Bench::statusKiB("VmHWM");
        QVERIFY(before > 0 && peak > 0);
        QVERIFY2(peak - before < 400 * 1024,
                 qPrintable(u"planning 80 years took %1 MB beyond the %2 MB before"_s.arg((peak - before) / 1024)
                                .arg(before / 1024)));
        QList<Shift> shifts;
        for (const PlannedShift &p : result.shifts) {
            if (p.change != Change::Removed) {
                shifts.append(p.shift);
            }
        }
        QCOMPARE(shifts.size(), 29200);
        const Bench::Violations v = Bench::checkSchedule(instance, shifts);
        QCOMPARE(v.total(), 0);
        QCOMPARE(v.gaps, int(result.summary.gaps.size()));
    }
};

QTEST_GUILESS_MAIN(PlannerTest)
#include "plannertest.moc"
