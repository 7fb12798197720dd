#include "services/swapservice.h"

#include "shiftfixture.h"
#include "store/changelog.h"
#include "store/swaprequestrepository.h"

using namespace Qt::StringLiterals;
using namespace Tandem;

/// Swap and cover requests: the life cycle from ask to applied, each refusal of a hard rule
/// before the request is sent, and the change log of every step.
class SwapServiceTest : public QObject
{
    Q_OBJECT

private:
    FakeClock m_clock{Test::fixedNow()}; // Wednesday 18 March; the fixture's shifts start on the 23rd

    static void setRules(Test::ShiftFixture &f, bool needApproval)
    {
        f.rotation.rules.minRestHours = 24;
        f.rotation.rules.swapsNeedApproval = needApproval;
        QVERIFY(RotationRepository(*f.db).update(f.rotation));
    }

    static QStringList requestLog(Database &db, SwapRequestId id)
    {
        QStringList states;
        for (const ChangeEntry &e : ChangeLog(db).entries(Entity::Request, id.toString()).value()) {
            states.append(changeActionToString(e.action) + u":"_s + e.after.value(u"state"_s).toString());
        }
        return states;
    }

    static SwapAsk cover(const Test::ShiftFixture &f, int week, Seat seat, PersonId target)
    {
        SwapAsk ask;
        ask.kind = SwapKind::Cover;
        ask.shift = f.shifts.at(week).id;
        ask.requester = f.shifts.at(week).seat(seat);
        ask.target = target;
        return ask;
    }

private Q_SLOTS:
    void swapWithoutApproval()
    {
        Test::ShiftFixture f(m_clock);
        setRules(f, false);
        SwapService service(*f.db);
        SwapAsk ask;
        ask.kind = SwapKind::Swap;
        ask.shift = f.shifts.at(0).id;
        ask.requester = f.devs.at(0).id;
        ask.target = f.devs.at(1).id;
        ask.otherShift = f.shifts.at(1).id;
        ask.message = u"Family wedding that week"_s;
        auto asked = service.request(ask);
        QVERIFY2(asked, qPrintable(asked.errorMessage()));
        QCOMPARE(asked->state, SwapState::Pending);
        QCOMPARE(asked->seat, Seat::Dev);
        QVERIFY(!asked->needsApproval);
        QCOMPARE(asked->created, m_clock.now());
        // Asking twice about the same seat is refused.
        QVERIFY(!service.request(ask));
        // Only the colleague answers.
        QVERIFY(!service.accept(asked->id, f.devs.at(2).id));
        QVERIFY(!service.accept(asked->id, f.devs.at(0).id));
        QCOMPARE(f.current(0).dev, f.devs.at(0).id); // nothing moved yet

        m_clock.advanceSecs(3600);
        auto accepted = service.accept(asked->id, f.devs.at(1).id);
        QVERIFY2(accepted, qPrintable(accepted.errorMessage()));
        QCOMPARE(accepted->state, SwapState::Applied);
        QCOMPARE(accepted->updated, m_clock.now());
        QCOMPARE(f.current(0).dev, f.devs.at(1).id);
        QCOMPARE(f.current(1).dev, f.devs.at(0).id);
        QCOMPARE(f.current(0).ops, f.ops.at(0).id); // the other seat stays
        QCOMPARE(requestLog(*f.db, asked->id),
                 (QStringList{u"create:pending"_s, u"update:accepted"_s, u"update:applied"_s}));
        // The seats moved through the shift edits: each shift has its change-log row.
        QCOMPARE(ChangeLog(*f.db).entries(Entity::Shift, f.shifts.at(0).id.toString())->size(), 1);
        QCOMPARE(ChangeLog(*f.db).entries(Entity::Shift, f.shifts.at(1).id.toString())->size(), 1);
        // Done is done.
        QVERIFY(!service.decline(asked->id, f.devs.at(1).id));
        QVERIFY(!service.cancel(asked->id, f.devs.at(0).id));
    }

    void coverWithApproval()
    {
        Test::ShiftFixture f(m_clock);
        setRules(f, true);
        SwapService service(*f.db);
        auto asked = service.request(cover(f, 0, Seat::Ops, f.ops.at(2).id));
        QVERIFY2(asked, qPrintable(asked.errorMessage()));
        QVERIFY(asked->needsApproval);
        auto accepted = service.accept(asked->id, f.ops.at(2).id);
        QVERIFY2(accepted, qPrintable(accepted.errorMessage()));
        QCOMPARE(accepted->state, SwapState::Accepted);
        QCOMPARE(f.current(0).ops, f.ops.at(0).id); // waits for the lead
        QCOMPARE(service.awaitingApproval()->size(), 1);
        // Neither of the two approves their own trade.
        QVERIFY(!service.approve(asked->id, f.ops.at(0).id));
        QVERIFY(!service.approve(asked->id, f.ops.at(2).id));
        auto approved = service.approve(asked->id, f.devs.at(3).id);
        QVERIFY2(approved, qPrintable(approved.errorMessage()));
        QCOMPARE(approved->state, SwapState::Applied);
        QCOMPARE(approved->decidedBy, f.devs.at(3).id);
        QCOMPARE(f.current(0).ops, f.ops.at(2).id);
        QCOMPARE(requestLog(*f.db, asked->id),
                 (QStringList{u"create:pending"_s, u"update:accepted"_s, u"update:approved"_s, u"update:applied"_s}));
        QVERIFY(service.awaitingApproval()->isEmpty());
    }

    void leadRefusesDeclineAndCancel()
    {
        Test::ShiftFixture f(m_clock);
        setRules(f, true);
        SwapService service(*f.db);
        auto first = service.request(cover(f, 0, Seat::Ops, f.ops.at(2).id));
        QVERIFY(first);
        QVERIFY(service.accept(first->id, f.ops.at(2).id));
        auto refused = service.refuse(first->id, f.devs.at(3).id);
        QVERIFY2(refused, qPrintable(refused.errorMessage()));
        QCOMPARE(refused->state, SwapState::Cancelled);
        QCOMPARE(f.current(0).ops, f.ops.at(0).id);

        auto second = service.request(cover(f, 1, Seat::Ops, f.ops.at(3).id));
        QVERIFY2(second, qPrintable(second.errorMessage()));
        QCOMPARE(service.decline(second->id, f.ops.at(3).id)->state, SwapState::Declined);
        QVERIFY(!service.accept(second->id, f.ops.at(3).id));

        auto third = service.request(cover(f, 1, Seat::Dev, f.devs.at(3).id));
        QVERIFY2(third, qPrintable(third.errorMessage()));
        QVERIFY(!service.cancel(third->id, f.devs.at(3).id)); // only the requester withdraws
        QCOMPARE(service.cancel(third->id, f.devs.at(1).id)->state, SwapState::Cancelled);
        QCOMPARE(service.involving(f.devs.at(1).id)->size(), 1);
    }

    void coverOfAPart()
    {
        Test::ShiftFixture f(m_clock);
        setRules(f, false);
        SwapService service(*f.db);
        SwapAsk ask = cover(f, 0, Seat::Dev, f.devs.at(1).id);
        ask.partFrom = QDateTime(QDate(2026, 3, 25), QTime(8, 0), Qt::UTC);
        ask.partTo = QDateTime(QDate(2026, 3, 26), QTime(8, 0), Qt::UTC);
        auto asked = service.request(ask);
        QVERIFY2(asked, qPrintable(asked.errorMessage()));
        QVERIFY(asked->isPartial());
        auto accepted = service.accept(asked->id, f.devs.at(1).id);
        QVERIFY2(accepted, qPrintable(accepted.errorMessage()));
        QCOMPARE(accepted->state, SwapState::Applied);
        // The week is now three shifts: Dev 0, Dev 1 for the day asked, Dev 0 again; no gap.
        const QList<Shift> week =
            ShiftRepository(*f.db).overlapping(f.shifts.at(0).start, f.shifts.at(0).end, f.rotation.id).value();
        QCOMPARE(week.size(), 3);
        QCOMPARE(week.at(0).start, f.shifts.at(0).start);
        QCOMPARE(week.at(0).end, ask.partFrom);
        QCOMPARE(week.at(1).start, ask.partFrom);
        QCOMPARE(week.at(1).end, ask.partTo);
        QCOMPARE(week.at(2).end, f.shifts.at(0).end);
        QCOMPARE(week.at(0).dev, f.devs.at(0).id);
        QCOMPARE(week.at(1).dev, f.devs.at(1).id);
        QCOMPARE(week.at(2).dev, f.devs.at(0).id);
        for (const Shift &s : week) {
            QCOMPARE(s.ops, f.ops.at(0).id);
        }
        // A part outside the shift is refused.
        ask.partFrom = f.shifts.at(0).start.addDays(-1);
        QVERIFY(!service.check(ask));
    }

    void refusedBeforeItIsSent_data()
    {
        QTest::addColumn<int>("rule");
        QTest::addColumn<QString>("words");
        QTest::newRow("ops seat needs production access") << 0 << u"production access"_s;
        QTest::newRow("leave") << 1 << u"leave"_s;
        QTest::newRow("rest") << 2 << u"rest"_s;
        QTest::newRow("double booking") << 3 << u"on call"_s;
        QTest::newRow("developer of another team") << 4 << u"not a developer of the team"_s;
    }

    void refusedBeforeItIsSent()
    {
        QFETCH(int, rule);
        QFETCH(QString, words);
        Test::ShiftFixture f(m_clock);
        setRules(f, false);
        SwapAsk ask;
        switch (rule) {
        case 0: // a developer asked to cover the ops seat
            ask = cover(f, 0, Seat::Ops, f.devs.at(1).id);
            break;
        case 1: // Dev 2 is on leave the week asked
            QVERIFY(RosterService(*f.db).addTimeOff(
                TimeOff{{}, f.devs.at(2).id, QDate(2026, 3, 24), QDate(2026, 3, 25), u"Holiday"_s}));
            ask = cover(f, 0, Seat::Dev, f.devs.at(2).id);
            break;
        case 2: // Dev 2 starts week 2 the moment week 1 ends
            ask = cover(f, 1, Seat::Dev, f.devs.at(2).id);
            break;
        case 3: // Dev 3 is on call in the other rotation on 24-26 March
            ask = cover(f, 0, Seat::Dev, f.devs.at(3).id);
            break;
        case 4: { // a Platform developer asked to cover a Payments developer seat
            RosterService roster(*f.db);
            const Team platform = roster.addTeam(Team{{}, u"Platform"_s, u"Europe/Berlin"_s}).value();
            Person dev = Test::makePerson(u"Dev P"_s, u"devp@example.com"_s);
            dev.teams = {platform.id};
            ask = cover(f, 0, Seat::Dev, roster.addPerson(dev).value().id);
            break;
        }
        }
        SwapService service(*f.db);
        const Status checked = service.check(ask);
        QVERIFY(!checked);
        QVERIFY2(checked.errorMessage().contains(words, Qt::CaseInsensitive), qPrintable(checked.errorMessage()));
        auto asked = service.request(ask);
        QVERIFY(!asked);
        QCOMPARE(asked.errorMessage(), checked.errorMessage());
        // Nothing was sent: no request, no change-log row.
        QVERIFY(SwapRequestRepository(*f.db).all()->isEmpty());
        QVERIFY(ChangeLog(*f.db).entries(Entity::Request)->isEmpty());
    }

    void appliesOnlyWhatStillHolds()
    {
        // Asked while fine; by the time the colleague says yes they went on leave: the seats do
        // not move and the request stays pending.
        Test::ShiftFixture f(m_clock);
        setRules(f, false);
        SwapService service(*f.db);
        auto asked = service.request(cover(f, 0, Seat::Dev, f.devs.at(2).id));
        QVERIFY2(asked, qPrintable(asked.errorMessage()));
        QVERIFY(RosterService(*f.db).addTimeOff(
            TimeOff{{}, f.devs.at(2).id, QDate(2026, 3, 24), QDate(2026, 3, 25), u"Holiday"_s}));
        auto accepted = service.accept(asked->id, f.devs.at(2).id);
        QVERIFY(!accepted);
        QVERIFY2(accepted.errorMessage().contains(u"leave"_s), qPrintable(accepted.errorMessage()));
        QCOMPARE(service.find(asked->id)->value().state, SwapState::Pending);
        QCOMPARE(f.current(0).dev, f.devs.at(0).id);
    }
};

QTEST_GUILESS_MAIN(SwapServiceTest)
#include "swapservicetest.moc"
