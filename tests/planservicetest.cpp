#include "services/planservice.h"

#include "itemmodels/plancommands.h"
#include "services/rosterservice.h"
#include "services/validation.h"
#include "store/changelog.h"
#include "store/poolrepository.h"
#include "store/shiftrepository.h"
#include "testutil.h"

#include <QTimeZone>

#include <limits>

using namespace Qt::StringLiterals;
using namespace Tandem;

class PlanServiceTest : public QObject
{
    Q_OBJECT

private:
    // "Now" is Wednesday 18 March 2026; plans start the Monday after.
    FakeClock m_clock{Test::fixedNow()};

    struct Fixture
    {
        QTemporaryDir dir;
        std::unique_ptr<Database> db;
        Rotation rotation;
        QList<Person> devs;
        QList<Person> ops;
    };

    std::unique_ptr<Fixture> make()
    {
        auto f = std::make_unique<Fixture>();
        f->db = Test::openFresh(f->dir, m_clock);
        RosterService roster(*f->db);
        const Team team = roster.addTeam(Team{{}, u"Payments"_s, u"Europe/Berlin"_s}).value();
        OpsPool pool{PoolId::create(), u"Payments ops"_s, {}};
        for (int i = 0; i < 4; ++i) {
            Person dev = Test::makePerson(u"Dev %1"_s.arg(i), u"dev%1@example.com"_s.arg(i));
            dev.teams = {team.id};
            f->devs.append(roster.addPerson(dev).value());
            Person ops = Test::makePerson(u"Ops %1"_s.arg(i), u"ops%1@example.com"_s.arg(i), Role::Operations);
            f->ops.append(roster.addPerson(ops).value());
            pool.members.append(f->ops.last().id);
        }
        PoolRepository(*f->db).insert(pool).ok();
        f->rotation.id = RotationId::create();
        f->rotation.teamId = team.id;
        f->rotation.name = u"Payments on call"_s;
        f->rotation.opsPoolId = pool.id;
        f->rotation.timeZone = u"Europe/Berlin"_s;
        f->rotation.shiftMinutes = 7 * 24 * 60;
        f->rotation.startDate = QDate(2026, 3, 23);
        RotationRepository(*f->db).insert(f->rotation).ok();
        return f;
    }

    static int shiftCount(Database &db)
    {
        return int(ShiftRepository(db)
                       .overlapping(QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC),
                                    QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC))
                       ->size());
    }

private Q_SLOTS:
    // Issue 13, point 9: leave that lands while a plan is computed is never overwritten by it.
    void leaveTakenWhilePlanningRefusesThePlan()
    {
        auto f = make();
        PlanService plans(*f->db);
        const QDate from(2026, 3, 23);
        const QDate to(2026, 6, 21);
        const auto preview = plans.preview({f->rotation.id}, from, to);
        QVERIFY2(preview, qPrintable(preview.errorMessage()));
        const Planner::PlannedShift first = preview->shifts.first();
        QVERIFY(!first.shift.dev.isNull());
        {
            // Another Tandem on the same file books the first developer's leave meanwhile.
            auto other = Database::open(f->db->path(), m_clock);
            QVERIFY2(other, qPrintable(other.errorMessage()));
            other.value()->setActor(u"colleague@example.com"_s);
            const QDate day = first.shift.start.toTimeZone(QTimeZone("Europe/Berlin")).date();
            QVERIFY(
                RosterService(*other.value()).addTimeOff(TimeOff{{}, first.shift.dev, day, day.addDays(6), u"Sick"_s}));
        }
        const auto refused = plans.apply(preview.value());
        QVERIFY(!refused);
        QCOMPARE(refused.error().field, Field::Stale.toString());
        QVERIFY2(refused.errorMessage().contains(u"time off"_s), qPrintable(refused.errorMessage()));
        QVERIFY2(refused.errorMessage().contains(u"colleague@example.com"_s), qPrintable(refused.errorMessage()));
        QCOMPARE(shiftCount(*f->db), 0);

        // Planned again from what is there: the person on leave is not in that shift.
        const auto again = plans.preview({f->rotation.id}, from, to);
        QVERIFY(again);
        QVERIFY(plans.apply(again.value()));
        const Shift written = ShiftRepository(*f->db).find(again->shifts.first().shift.id).value().value();
        QVERIFY(written.dev != first.shift.dev);
    }

    void redoReplaysWithoutTheCheck()
    {
        auto f = make();
        PlanService plans(*f->db);
        const auto preview = plans.preview({f->rotation.id}, QDate(2026, 3, 23), QDate(2026, 6, 21));
        QVERIFY(preview);
        const auto applied = plans.apply(preview.value());
        QVERIFY(applied);
        QVERIFY(plans.revert(applied.value()));
        QVERIFY(
            RosterService(*f->db).addTimeOff(TimeOff{{}, f->ops.last().id, QDate(2027, 1, 4), QDate(2027, 1, 8), {}}));
        // The preview itself is stale now (its own undo and the leave came after it) ...
        QCOMPARE(plans.apply(preview.value()).error().field, Field::Stale.toString());
        // ... but redo writes back exactly what undo took, as the undo stack promises.
        const auto redone = plans.apply(PlanEditor::replayOf(applied.value()));
        QVERIFY2(redone, qPrintable(redone.errorMessage()));
        QCOMPARE(shiftCount(*f->db), 13);
    }

    // Issue 13, point 2: a weight an older Tandem (or a hand edit) stored out of range is an
    // error in words, never a crash of the planner.
    void storedWeightsOutOfRangeAreAnError_data()
    {
        QTest::addColumn<double>("weight");
        QTest::newRow("1e308") << 1e308;
        QTest::newRow("zero") << 0.0;
        QTest::newRow("denormal") << 1e-310;
        QTest::newRow("eleven") << 11.0;
    }

    void storedWeightsOutOfRangeAreAnError()
    {
        QFETCH(double, weight);
        auto f = make();
        Rotation r = f->rotation;
        r.rules.weekendWeight = weight;
        QVERIFY(RotationRepository(*f->db).update(r));
        QCOMPARE(RotationRepository(*f->db).find(r.id).value()->rules.weekendWeight, weight);
        PlanService plans(*f->db);
        const auto preview = plans.preview({f->rotation.id}, QDate(2026, 3, 23), QDate(2026, 6, 21));
        QVERIFY(!preview);
        QVERIFY2(preview.errorMessage().contains(u"weekend weight"_s), qPrintable(preview.errorMessage()));
        QVERIFY2(preview.errorMessage().contains(u"Payments on call"_s), qPrintable(preview.errorMessage()));
    }

    // The planner itself, given numbers it cannot use, says so instead of sorting NaNs.
    void plannerRefusesNumbersItCannotUse_data()
    {
        QTest::addColumn<double>("weight");
        QTest::addColumn<double>("capacity");
        QTest::newRow("weight 1e308") << 1e308 << 1.0;
        QTest::newRow("weight infinity") << std::numeric_limits<double>::infinity() << 1.0;
        QTest::newRow("weight NaN") << std::numeric_limits<double>::quiet_NaN() << 1.0;
        QTest::newRow("capacity NaN") << 1.5 << std::numeric_limits<double>::quiet_NaN();
    }

    void plannerRefusesNumbersItCannotUse()
    {
        QFETCH(double, weight);
        QFETCH(double, capacity);
        auto f = make();
        auto request = PlanService(*f->db).request({f->rotation.id}, QDate(2026, 3, 23), QDate(2026, 6, 21));
        QVERIFY(request);
        request.value().rotations[0].rules.weekendWeight = weight;
        request.value().people[0].capacity = capacity;
        const Planner::PlanResult result = Planner::plan(request.value());
        QVERIFY(!result.error.isEmpty());
        QVERIFY(result.shifts.isEmpty());
        QVERIFY(!PlanService(*f->db).apply(result));
        QCOMPARE(shiftCount(*f->db), 0);
    }

    void horizonIsBounded()
    {
        auto f = make();
        const auto refused = PlanService(*f->db).request({f->rotation.id}, QDate(1, 1, 1), QDate(9999, 12, 31));
        QVERIFY(!refused);
        QCOMPARE(refused.error().field, u"to"_s);
        QVERIFY2(refused.errorMessage().contains(QString::number(MaxPlanDays)), qPrintable(refused.errorMessage()));
        QVERIFY(PlanService(*f->db).request({f->rotation.id}, QDate(2026, 3, 23),
                                            QDate(2026, 3, 23).addDays(MaxPlanDays - 1)));
    }

    void previewWritesNothingApplyWritesAllWithTheLog()
    {
        auto f = make();
        PlanService plans(*f->db);
        const qint64 logBefore = ChangeLog(*f->db).count().value();
        const auto preview = plans.preview({f->rotation.id}, QDate(2026, 3, 23), QDate(2026, 6, 21));
        QVERIFY2(preview, qPrintable(preview.errorMessage()));
        QCOMPARE(preview->shifts.size(), 13); // a quarter of weekly shifts
        QCOMPARE(shiftCount(*f->db), 0);
        QCOMPARE(ChangeLog(*f->db).count().value(), logBefore);

        const auto applied = plans.apply(preview.value());
        QVERIFY2(applied, qPrintable(applied.errorMessage()));
        QCOMPARE(applied->added.size(), 13);
        QCOMPARE(shiftCount(*f->db), 13);
        QCOMPARE(ChangeLog(*f->db).entries(Entity::Shift)->size(), 13);

        const auto fairness = plans.fairness({f->rotation.id}, QDate(2026, 3, 23), QDate(2026, 6, 21));
        QVERIFY(fairness);
        int shifts = 0;
        for (const auto &person : fairness->people) {
            shifts += person.shifts;
        }
        QCOMPARE(shifts, 26); // 13 shifts x 2 seats

        QVERIFY(plans.revert(applied.value()));
        QCOMPARE(shiftCount(*f->db), 0);
        QCOMPARE(ChangeLog(*f->db).entries(Entity::Shift)->size(), 26);
    }

    void replanKeepsWhatItCanAndBumpsTheSequence()
    {
        auto f = make();
        PlanService plans(*f->db);
        const QDate from(2026, 3, 23);
        const QDate to(2026, 9, 20);
        QVERIFY(plans.apply(plans.preview({f->rotation.id}, from, to).value()));
        // Unchanged inputs: nothing to do.
        auto again = plans.preview({f->rotation.id}, from, to);
        for (const auto &p : again->shifts) {
            QCOMPARE(p.change, Planner::Change::Unchanged);
        }
        QCOMPARE(plans.apply(again.value())->count(), 0);

        // New leave for whoever has the shift of 13 April.
        const auto week = ShiftRepository(*f->db).overlapping(QDateTime(QDate(2026, 4, 14), QTime(0, 0), Qt::UTC),
                                                              QDateTime(QDate(2026, 4, 15), QTime(0, 0), Qt::UTC));
        QCOMPARE(week->size(), 1);
        const Shift hit = week->first();
        QVERIFY(RosterService(*f->db).addTimeOff(TimeOff{{}, hit.dev, QDate(2026, 4, 14), QDate(2026, 4, 16), {}}));
        auto replanned = plans.preview({f->rotation.id}, from, to);
        const auto applied = plans.apply(replanned.value());
        QVERIFY(applied);
        QVERIFY(applied->changed.size() >= 1);
        QVERIFY2(applied->changed.size() <= 2, qPrintable(QString::number(applied->changed.size())));
        const Shift after = ShiftRepository(*f->db).find(hit.id).value().value();
        QVERIFY(after.dev != hit.dev);
        QCOMPARE(after.ops, hit.ops);
        QCOMPARE(after.sequence, hit.sequence + 1);
    }

    void pastShiftsStayAsTheyWere()
    {
        auto f = make();
        PlanService plans(*f->db);
        QVERIFY(plans.apply(plans.preview({f->rotation.id}, QDate(2026, 3, 23), QDate(2026, 5, 31)).value()));
        const auto first = ShiftRepository(*f->db)
                               .overlapping(QDateTime(QDate(2026, 3, 24), QTime(0, 0), Qt::UTC),
                                            QDateTime(QDate(2026, 3, 25), QTime(0, 0), Qt::UTC))
                               ->first();
        // Two weeks later the first shift is history, even with its developer now on leave then.
        m_clock.setNow(QDateTime(QDate(2026, 4, 1), QTime(12, 0), Qt::UTC));
        QVERIFY(RosterService(*f->db).addTimeOff(TimeOff{{}, first.dev, QDate(2026, 3, 23), QDate(2026, 3, 25), {}}));
        const auto replanned = plans.preview({f->rotation.id}, QDate(2026, 3, 23), QDate(2026, 5, 31));
        QCOMPARE(replanned->shifts.first().change, Planner::Change::Fixed);
        QCOMPARE(replanned->shifts.first().shift.dev, first.dev);
        m_clock.setNow(Test::fixedNow());
    }

    void firstUnplannedDayIncludesTheSlotUnderWay()
    {
        // Issue 14: a rotation that starts this week had its current week unplanned while the plan
        // dialog defaulted to next Monday. The first slot without a shift is where a plan starts.
        auto f = make();
        f->rotation.startDate = QDate(2026, 3, 16); // Monday of "now"'s week: its slot is under way
        QVERIFY(RotationRepository(*f->db).update(f->rotation));
        PlanService plans(*f->db);
        QCOMPARE(plans.firstUnplannedDay({f->rotation.id}).value(), QDate(2026, 3, 16));

        // Planned for two weeks from there: the first free slot is the one after.
        auto plan = plans.preview({f->rotation.id}, QDate(2026, 3, 16), QDate(2026, 3, 29));
        QVERIFY(plan);
        QVERIFY(plans.apply(plan.value()));
        QCOMPARE(plans.firstUnplannedDay({f->rotation.id}).value(), QDate(2026, 3, 30));

        // A hole in the middle comes first, even when later weeks are planned.
        auto later = plans.preview({f->rotation.id}, QDate(2026, 4, 6), QDate(2026, 4, 19));
        QVERIFY(later);
        QVERIFY(plans.apply(later.value()));
        QCOMPARE(plans.firstUnplannedDay({f->rotation.id}).value(), QDate(2026, 3, 30));

        // A rotation that starts later: its first slot.
        f->rotation.startDate = QDate(2026, 6, 1);
        QVERIFY(RotationRepository(*f->db).update(f->rotation));
        QCOMPARE(plans.firstUnplannedDay({f->rotation.id}).value(), QDate(2026, 6, 1));
    }

    void badHorizonNamesTheField()
    {
        auto f = make();
        const auto result = PlanService(*f->db).preview({f->rotation.id}, QDate(2026, 5, 1), QDate(2026, 4, 1));
        QVERIFY(!result);
        QCOMPARE(result.error().field, u"to"_s);
        const auto unknown = PlanService(*f->db).preview({RotationId::create()}, QDate(2026, 4, 1), QDate(2026, 5, 1));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().field, u"rotation"_s);
    }
};

QTEST_GUILESS_MAIN(PlanServiceTest)
#include "planservicetest.moc"
