#include "services/shiftservice.h"

#include "fakeclock.h"
#include "planner/rules.h"
#include "services/dropsession.h"
#include "services/planservice.h"
#include "shiftfixture.h"
#include "store/changelog.h"

#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace Tandem;

class ShiftServiceTest : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock{Test::fixedNow()};

private Q_SLOTS:
    void refusedWithTheRule_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("seat");
        QTest::addColumn<QString>("person");
        QTest::addColumn<QString>("reason");
        // Shift 0 (week of 23 March) holds Dev 0 and Ops 0.
        QTest::newRow("developer on the ops seat")
            << u"none"_s << int(Seat::Ops) << u"dev2"_s << u"Dev 2 has no production access; the ops seat needs it."_s;
        QTest::newRow("on leave") << u"leave"_s << int(Seat::Ops) << u"ops2"_s << u"Ops 2 is on leave 24 Mar–25 Mar."_s;
        QTest::newRow("rest") << u"none"_s << int(Seat::Dev) << u"dev1"_s
                              << u"Dev 1 would rest only 0 h between this shift and 30 Mar (at least 168 h)."_s;
        QTest::newRow("double booking across rotations")
            << u"none"_s << int(Seat::Dev) << u"dev3"_s
            << u"Dev 3 is already on call in another rotation at that time."_s;
        QTest::newRow("forbidden pair") << u"forbidden"_s << int(Seat::Dev) << u"dev2"_s
                                        << u"Dev 2 and Ops 0 are a forbidden pair in Payments on call."_s;
        // The developer seat draws from the rotation's team (issue 14: a Platform developer took a
        // Payments seat with a green tick).
        QTest::newRow("developer of another team")
            << u"otherteam"_s << int(Seat::Dev) << u"devP"_s
            << u"Dev P is not a developer of the team of Payments on call; add them to the team on the roster to "
               "let them take its developer seat."_s;
        QTest::newRow("ops engineer on the developer seat")
            << u"none"_s << int(Seat::Dev) << u"ops2"_s
            << u"Ops 2 is not a developer of the team of Payments on call; add them to the team on the roster to "
               "let them take its developer seat."_s;
        QTest::newRow("locked shift") << u"locked"_s << int(Seat::Dev) << u"dev2"_s
                                      << u"The shift of 23 Mar 2026 08:00 UTC is locked; unlock it first."_s;
    }

    void refusedWithTheRule()
    {
        QFETCH(QString, scenario);
        QFETCH(int, seat);
        QFETCH(QString, person);
        QFETCH(QString, reason);
        Test::ShiftFixture f(m_clock);
        ShiftService service(*f.db);
        if (scenario == u"leave"_s) {
            QVERIFY(RosterService(*f.db).addTimeOff(
                TimeOff{{}, f.ops.at(2).id, QDate(2026, 3, 24), QDate(2026, 3, 25), {}}));
        } else if (scenario == u"forbidden"_s) {
            f.rotation.rules.forbiddenPairs = {{f.devs.at(2).id, f.ops.at(0).id}};
            QVERIFY(RotationRepository(*f.db).update(f.rotation));
        } else if (scenario == u"locked"_s) {
            QVERIFY(service.setState(f.shifts.at(0).id, ShiftState::Locked));
        }
        Person who;
        if (person == u"devP"_s) {
            RosterService roster(*f.db);
            const Team platform = roster.addTeam(Team{{}, u"Platform"_s, u"Europe/Berlin"_s}).value();
            Person dev = Test::makePerson(u"Dev P"_s, u"devp@example.com"_s);
            dev.teams = {platform.id};
            who = roster.addPerson(dev).value();
        } else {
            who = person.startsWith(u"dev"_s) ? f.devs.at(person.right(1).toInt()) : f.ops.at(person.right(1).toInt());
        }
        const Shift before = f.current(0);
        const qint64 logBefore = ChangeLog(*f.db).count().value();

        // The hover says so first, with the same words...
        auto session = service.beginDrop({before.id}, QDate(2026, 3, 23), QDate(2026, 5, 17));
        QVERIFY2(session, qPrintable(session.errorMessage()));
        const DropPreview preview = session.value()->assignSeat(before.id, Seat(seat), who.id);
        QVERIFY(!preview.allowed);
        QCOMPARE(preview.reason, reason);

        // ...and the drop is refused with the reason, writing nothing.
        const auto result = service.assignSeat(before.id, Seat(seat), who.id);
        QVERIFY(!result);
        QCOMPARE(result.errorMessage(), reason);
        QCOMPARE(f.current(0), before);
        QCOMPARE(ChangeLog(*f.db).count().value(), logBefore);
    }

    void assignWritesTheLogInTheSameTransactionAndBumpsTheSequence()
    {
        Test::ShiftFixture f(m_clock);
        ShiftService service(*f.db);
        QSignalSpy committed(f.db.get(), &Database::committed);
        const auto edit = service.assignSeat(f.shifts.at(0).id, Seat::Dev, f.devs.at(2).id);
        QVERIFY2(edit, qPrintable(edit.errorMessage()));
        const Shift after = f.current(0);
        QCOMPARE(after.dev, f.devs.at(2).id);
        QCOMPARE(after.sequence, f.shifts.at(0).sequence + 1);
        QCOMPARE(edit->size(), 1);
        QCOMPARE(edit->first().after, after);
        // One commit that carries the change-log row of the shift.
        QCOMPARE(committed.count(), 1);
        const auto changes = committed.first().first().value<QList<ChangeEntry>>();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.first().entity, u"shift"_s);
        QCOMPARE(changes.first().entityId, after.id.toString());
        const auto log = ChangeLog(*f.db).entries(Entity::Shift, after.id.toString()).value();
        QCOMPARE(log.size(), 1);
        QCOMPARE(log.first().before.value(u"dev"_s).toString(), f.devs.at(0).id.toString());
        QCOMPARE(log.first().after.value(u"dev"_s).toString(), f.devs.at(2).id.toString());

        // Clearing a seat leaves a gap, also logged and sequenced.
        QVERIFY(service.clearSeat(after.id, Seat::Ops));
        QVERIFY(f.current(0).ops.isNull());
        QCOMPARE(f.current(0).sequence, after.sequence + 1);
        QCOMPARE(ChangeLog(*f.db).entries(Entity::Shift, after.id.toString())->size(), 2);
    }

    void moveHandoffMovesBothNeighbours()
    {
        Test::ShiftFixture f(m_clock);
        ShiftService service(*f.db);
        const QDateTime boundary = f.shifts.at(0).end.addSecs(6 * 3600);
        const auto edit = service.moveHandoff(f.shifts.at(0).id, boundary);
        QVERIFY2(edit, qPrintable(edit.errorMessage()));
        QCOMPARE(edit->size(), 2);
        QCOMPARE(f.current(0).end, boundary);
        QCOMPARE(f.current(1).start, boundary);
        QCOMPARE(f.current(1).end, f.shifts.at(1).end);
        QCOMPARE(f.current(0).sequence, 1);
        QCOMPARE(f.current(1).sequence, 1);
        QCOMPARE(ChangeLog(*f.db).entries(Entity::Shift)->size(), 2);
    }

    void moveHandoffRefuses_data()
    {
        QTest::addColumn<qint64>("offset"); // seconds from shift 0's start
        QTest::addColumn<bool>("lockNext");
        QTest::addColumn<QString>("reason");
        QTest::newRow("first shift under an hour")
            << qint64(30 * 60) << false << u"A shift must last at least one hour."_s;
        QTest::newRow("next shift under an hour")
            << qint64(14 * 24 * 3600 - 30 * 60) << false << u"A shift must last at least one hour."_s;
        QTest::newRow("next shift locked") << qint64(7 * 24 * 3600 + 3600) << true
                                           << u"The shift of 30 Mar 2026 08:00 UTC is locked; unlock it first."_s;
    }

    void moveHandoffRefuses()
    {
        QFETCH(qint64, offset);
        QFETCH(bool, lockNext);
        QFETCH(QString, reason);
        Test::ShiftFixture f(m_clock);
        ShiftService service(*f.db);
        if (lockNext) {
            QVERIFY(service.setState(f.shifts.at(1).id, ShiftState::Locked));
        }
        const QList<Shift> before = f.all();
        const auto edit = service.moveHandoff(f.shifts.at(0).id, f.shifts.at(0).start.addSecs(offset));
        QVERIFY(!edit);
        QCOMPARE(edit.errorMessage(), reason);
        QCOMPARE(f.all(), before);
    }

    void swapsLandInTheDatabase()
    {
        Test::ShiftFixture f(m_clock);
        ShiftService service(*f.db);
        const Shift a = f.shifts.at(0);
        const Shift b = f.shifts.at(2);
        const auto pairs = service.swapPairs(a.id, b.id);
        QVERIFY2(pairs, qPrintable(pairs.errorMessage()));
        QCOMPARE(f.current(0).dev, b.dev);
        QCOMPARE(f.current(0).ops, b.ops);
        QCOMPARE(f.current(2).dev, a.dev);
        QCOMPARE(f.current(2).ops, a.ops);

        const auto seat = service.swapSeat(a.id, b.id, Seat::Ops);
        QVERIFY2(seat, qPrintable(seat.errorMessage()));
        QCOMPARE(f.current(0).dev, b.dev);
        QCOMPARE(f.current(0).ops, a.ops);
        QCOMPARE(f.current(2).dev, a.dev);
        QCOMPARE(f.current(2).ops, b.ops);
        QCOMPARE(f.current(0).sequence, 2);
        QCOMPARE(ChangeLog(*f.db).entries(Entity::Shift)->size(), 4);
    }

    void swapIsCheckedOnBothShifts()
    {
        Test::ShiftFixture f(m_clock);
        ShiftService service(*f.db);
        // Dev 1 fits week 3, but Dev 3 in week 1 would rest only 96 h after the Checkout shift:
        // the second shift of the swap is checked too.
        const auto swapped = service.swapSeat(f.shifts.at(3).id, f.shifts.at(1).id, Seat::Dev);
        QVERIFY(!swapped);
        QVERIFY2(swapped.errorMessage().contains(u"rest only"_s), qPrintable(swapped.errorMessage()));
    }

    void stateNoteAndBridge()
    {
        Test::ShiftFixture f(m_clock);
        ShiftService service(*f.db);
        const ShiftId id = f.shifts.at(0).id;
        QVERIFY(service.setState(id, ShiftState::Published));
        QCOMPARE(f.current(0).state, ShiftState::Published);
        QVERIFY(service.setNote(id, u"  DB failover drill on Tuesday "_s));
        QCOMPARE(f.current(0).note, u"DB failover drill on Tuesday"_s);
        const auto bad = service.setBridgeUrl(id, u"ftp://example.com/x"_s);
        QVERIFY(!bad);
        QCOMPARE(bad.error().field, u"bridgeUrl"_s);
        QVERIFY(!service.setBridgeUrl(id, u"not a url"_s));
        QVERIFY(service.setBridgeUrl(id, u"https://meet.example.com/payments"_s));
        QCOMPARE(f.current(0).bridgeUrl, u"https://meet.example.com/payments"_s);
        QCOMPARE(f.current(0).sequence, 3);
        // Nothing to change writes nothing.
        QVERIFY(service.setNote(id, u"DB failover drill on Tuesday"_s)->isEmpty());
        QCOMPARE(ChangeLog(*f.db).entries(Entity::Shift)->size(), 3);
    }

    void previewNamesLoadsAndTheBrokenRule()
    {
        Test::ShiftFixture f(m_clock);
        ShiftService service(*f.db);
        auto session = service.beginDropOn({f.rotation.id}, QDate(2026, 3, 23), QDate(2026, 5, 17));
        QVERIFY2(session, qPrintable(session.errorMessage()));
        DropSession &drop = *session.value();
        const ShiftId first = f.shifts.at(0).id;

        // Dev 2 has weeks 2 and 6: 16.0 weighted days, a fair share of the eight weeks over four.
        const DropPreview ok = drop.assignSeat(first, Seat::Dev, f.devs.at(2).id);
        QVERIFY(ok.allowed);
        QVERIFY(ok.reason.isEmpty());
        QCOMPARE(ok.effect, u"Dev 2 +8.0 days (load 24.0, fair share 16.0); Dev 0 −8.0 days"_s);

        const DropPreview rest = drop.assignSeat(first, Seat::Dev, f.devs.at(1).id);
        QVERIFY(!rest.allowed);
        QCOMPARE(rest.effect,
                 u"Dev 1 +8.0 days (load 24.0, fair share 16.0); Dev 0 −8.0 days; rest rule broken with 30 Mar"_s);

        // Hovers leave the RuleBook as it was: the same hover gives the same answer.
        QCOMPARE(drop.assignSeat(first, Seat::Dev, f.devs.at(2).id).effect, ok.effect);
        const DropPreview gap = drop.clearSeat(first, Seat::Ops);
        QVERIFY(gap.allowed);
        QCOMPARE(gap.effect, u"Ops 0 −8.0 days; ops seat empty"_s);
        const DropPreview handoff = drop.moveHandoff(first, f.shifts.at(0).end.addSecs(-6 * 3600));
        QVERIFY(handoff.allowed);
        QCOMPARE(handoff.effect, u"Dev 1 +6.0 h, +0.3 days (load 16.3, fair share 16.0); Ops 1 +6.0 h, +0.3 days (load "
                                 "16.3, fair share 16.0); Dev 0 −6.0 h, −0.3 days; Ops 0 −6.0 h, −0.3 days"_s);
        QVERIFY(!drop.moveHandoff(first, f.shifts.at(0).start.addSecs(60)).allowed);

        // A commit makes the session stale; it reads itself again on the next hover.
        QVERIFY(!drop.isStale());
        QVERIFY(service.assignSeat(first, Seat::Dev, f.devs.at(2).id));
        QVERIFY(drop.isStale());
        const DropPreview back = drop.assignSeat(first, Seat::Dev, f.devs.at(0).id);
        QVERIFY(back.allowed);
        QCOMPARE(back.effect, u"Dev 0 +8.0 days (load 16.0, fair share 16.0); Dev 2 −8.0 days"_s);
    }

    // Issue 14: swapping a normal week with a holiday week said "no change in load" while the
    // fairness report moved people by weighted days. The hover says what the report will say.
    void hoverShowsTheWeightedLoadOfTheFairnessReport()
    {
        Test::ShiftFixture f(m_clock);
        QVERIFY(RosterService(*f.db).addHoliday(Holiday{{}, f.team.id, QDate(2026, 3, 31), u"Founders' Day"_s}));
        ShiftService service(*f.db);
        PlanService plans(*f.db);
        const QDate from(2026, 3, 23);
        const QDate to(2026, 5, 17);
        auto loads = [&] {
            QHash<PersonId, double> result;
            for (const Planner::PersonFigures &p : plans.fairness({f.rotation.id}, from, to).value().people) {
                result[p.person] += p.load;
            }
            return result;
        };
        const QHash<PersonId, double> before = loads();
        auto session = service.beginDropOn({f.rotation.id}, from, to);
        QVERIFY2(session, qPrintable(session.errorMessage()));
        const DropPreview preview = session.value()->swapPairs(f.shifts.at(0).id, f.shifts.at(1).id);
        QVERIFY2(preview.allowed, qPrintable(preview.reason));
        QVERIFY(service.swapPairs(f.shifts.at(0).id, f.shifts.at(1).id));
        const QHash<PersonId, double> after = loads();

        int moved = 0;
        for (const Person &p : f.devs + f.ops) {
            const double delta = after.value(p.id) - before.value(p.id);
            if (std::abs(delta) < 0.05) {
                continue;
            }
            ++moved;
            const QString words =
                u"%1 %2%3 days"_s.arg(p.name, delta > 0 ? u"+"_s : u"−"_s, QString::number(std::abs(delta), 'f', 1));
            QVERIFY2(preview.effect.contains(words), qPrintable(preview.effect + u" lacks "_s + words));
        }
        QCOMPARE(moved, 4);
        QVERIFY(!preview.effect.contains(u"no change"_s));
    }

    // Issue 14: a drop said ✓ and only afterwards did Conflicts say the person was far above
    // their fair share. The hover warns first, with the figure Conflicts shows after the drop.
    void hoverWarnsBeforeTheSoftRuleBreaks()
    {
        Test::ShiftFixture f(m_clock);
        ShiftService service(*f.db);
        const QDate from(2026, 3, 23);
        const QDate to(2026, 5, 17);
        // Dev 2 holds weeks 2 and 6, then takes week 4 too: a shift's weight above fair share.
        QVERIFY(service.assignSeat(f.shifts.at(4).id, Seat::Dev, f.devs.at(2).id));
        auto session = service.beginDropOn({f.rotation.id}, from, to);
        QVERIFY(session);
        const DropPreview preview = session.value()->assignSeat(f.shifts.at(0).id, Seat::Dev, f.devs.at(2).id);
        QVERIFY2(preview.allowed, qPrintable(preview.reason));
        QVERIFY2(preview.warning.startsWith(u"Dev 2 would be "_s) &&
                     preview.warning.endsWith(u"days above fair share"_s),
                 qPrintable(preview.warning));
        QVERIFY(service.assignSeat(f.shifts.at(0).id, Seat::Dev, f.devs.at(2).id));
        const auto problems = service.problems({f.rotation.id}, from, to).value();
        QString soft;
        for (const SeatProblem &p : problems) {
            if (p.soft && p.person == f.devs.at(2).id && p.shift == f.shifts.at(0).id) {
                soft = p.text;
            }
        }
        // The same figure, before and after.
        const QString figure = preview.warning.section(u' ', -5, -5);
        QVERIFY2(soft.contains(u" "_s + figure + u" weighted days"_s), qPrintable(soft + u" / "_s + preview.warning));

        // A swap of two ordinary weeks leaves everyone where they were: no warning.
        const DropPreview swap = session.value()->swapPairs(f.shifts.at(5).id, f.shifts.at(7).id);
        QVERIFY2(swap.allowed, qPrintable(swap.reason));
        QVERIFY2(swap.warning.isEmpty(), qPrintable(swap.warning));
        QCOMPARE(swap.effect, u"no change in load"_s);
    }

    // Issue 14: data from elsewhere (a sync, an import) may seat another team's developer; the
    // calendar's rule pass lists it like any broken hard rule.
    void anotherTeamsDeveloperInTheDatabaseIsAConflict()
    {
        Test::ShiftFixture f(m_clock);
        RosterService roster(*f.db);
        const Team platform = roster.addTeam(Team{{}, u"Platform"_s, u"Europe/Berlin"_s}).value();
        Person dev = Test::makePerson(u"Dev P"_s, u"devp@example.com"_s);
        dev.teams = {platform.id};
        dev = roster.addPerson(dev).value();
        Shift s = f.current(0);
        s.dev = dev.id;
        QVERIFY(ShiftRepository(*f.db).update(s));
        const auto problems = ShiftService(*f.db).problems({f.rotation.id}, QDate(2026, 3, 23), QDate(2026, 4, 5));
        QVERIFY(problems);
        bool found = false;
        for (const SeatProblem &p : problems.value()) {
            found = found || (p.shift == s.id && p.seat == Seat::Dev && !p.soft &&
                              p.text.contains(u"not a developer of the team of Payments on call"_s));
        }
        QVERIFY(found);
        // The rule holds without a RuleBook too, for callers that hold only a rotation and a person.
        QVERIFY(Planner::checkDeveloperSeat(f.rotation, dev).has_value());
        QVERIFY(!Planner::checkDeveloperSeat(f.rotation, f.devs.at(0)).has_value());
    }
};

QTEST_GUILESS_MAIN(ShiftServiceTest)
#include "shiftservicetest.moc"
