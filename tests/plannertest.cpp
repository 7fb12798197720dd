#include "planner/planner.h"

#include "planner/rules.h"

#include <QTest>

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
};

QTEST_GUILESS_MAIN(PlannerTest)
#include "plannertest.moc"
