#include "services/rulepass.h"

#include "domain/serialize.h"
#include "services/demodata.h"
#include "services/planservice.h"
#include "services/rotationservice.h"
#include "store/changelog.h"
#include "store/shiftrepository.h"
#include "store/transaction.h"
#include "testutil.h"

#include <QSignalSpy>

using namespace Qt::StringLiterals;
using namespace Tandem;

namespace {

/// Problems as a comparable set: "shift seat: text".
QSet<QString> keyed(const QList<SeatProblem> &problems)
{
    QSet<QString> result;
    for (const SeatProblem &p : problems) {
        result.insert(p.shift.toString() + (p.seat == Seat::Dev ? u" dev: "_s : u" ops: "_s) + p.text);
    }
    return result;
}

} // namespace

/// The rule pass in its thread: whole ranges, and edits followed without reading the range
/// again, with the same problems a whole pass finds. A planned demo database: three weekly
/// rotations over twelve weeks from 2026-03-23.
class RulePassTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    FakeClock m_clock{Test::fixedNow()};
    std::unique_ptr<Database> m_db;
    QList<RotationId> m_rotations;
    const QDate m_from{2026, 3, 30};
    const QDate m_to{2026, 5, 10};

    /// Writes `after` over its shift with a change-log row, as a service would.
    ShiftChange write(const Shift &after)
    {
        Transaction tx(*m_db);
        const Shift before = ShiftRepository(*m_db).find(after.id).value().value();
        Shift s = after;
        s.sequence = before.sequence + 1;
        if (!ShiftRepository(*m_db).update(s) ||
            !ChangeLog(*m_db).append(Entity::Shift, s.id.toString(), ChangeAction::Update, toJson(before), toJson(s)) ||
            !tx.commit()) {
            qFatal("cannot write the shift");
        }
        return {before, s};
    }

    RuleFindings wait(RulePass &pass, QSignalSpy &spy)
    {
        if (spy.isEmpty() && !spy.wait(20000)) {
            qFatal("the rule pass did not finish");
        }
        for (int i = 0; i < 2000 && pass.isBusy(); ++i) {
            QTest::qWait(10);
        }
        return spy.takeLast().first().value<RuleFindings>();
    }

    /// A pass over the range from scratch, on a pass of its own.
    QSet<QString> fullPass()
    {
        RulePass fresh(*m_db);
        QSignalSpy spy(&fresh, &RulePass::finished);
        fresh.check(m_rotations, m_from, m_to);
        const RuleFindings findings = wait(fresh, spy);
        if (!findings.error.isEmpty() || !findings.complete) {
            qFatal("full pass failed: %s", qPrintable(findings.error));
        }
        return keyed(findings.problems);
    }

    QList<Shift> shifts()
    {
        return ShiftRepository(*m_db)
            .overlapping(QDateTime(m_from, QTime(0, 0), Qt::UTC), QDateTime(m_to, QTime(0, 0), Qt::UTC))
            .value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_db = Test::openFresh(m_dir, m_clock);
        QVERIFY(createDemoData(*m_db).ok());
        for (const Rotation &r : RotationService(*m_db).rotations().value()) {
            m_rotations << r.id;
        }
        PlanService plans(*m_db);
        auto plan = plans.preview(m_rotations, QDate(2026, 3, 23), QDate(2026, 6, 14));
        QVERIFY2(plan.ok(), qPrintable(plan.errorMessage()));
        QVERIFY(plans.apply(plan.value()).ok());
    }

    void wholeRangeIsChecked()
    {
        RulePass pass(*m_db);
        QSignalSpy spy(&pass, &RulePass::finished);
        const quint64 generation = pass.check(m_rotations, m_from, m_to);
        const RuleFindings findings = wait(pass, spy);
        QCOMPARE(findings.generation, generation);
        QVERIFY(findings.complete);
        QVERIFY2(findings.error.isEmpty(), qPrintable(findings.error));
        // The same problems as the planner's rules checked on this thread.
        auto direct = ShiftService(*m_db).problems(m_rotations, m_from, m_to);
        QVERIFY(direct.ok());
        QCOMPARE(keyed(findings.problems), keyed(direct.value()));
    }

    void newerRangeMakesOlderOnesMoot()
    {
        RulePass pass(*m_db);
        QSignalSpy spy(&pass, &RulePass::finished);
        pass.check(m_rotations, m_from, m_to);
        pass.check(m_rotations, m_from.addDays(7), m_to.addDays(7));
        const quint64 last = pass.check(m_rotations, m_from.addDays(14), m_to.addDays(14));
        QTRY_VERIFY_WITH_TIMEOUT(!pass.isBusy(), 20000);
        // The first may have started before the others came; the second never runs.
        QVERIFY(!spy.isEmpty() && spy.size() <= 2);
        QCOMPARE(spy.last().first().value<RuleFindings>().generation, last);
    }

    void editsAreFollowedWithoutReadingTheRangeAgain()
    {
        RulePass pass(*m_db);
        QSignalSpy spy(&pass, &RulePass::finished);
        pass.check(m_rotations, m_from, m_to);
        RuleFindings findings = wait(pass, spy);
        QVERIFY(findings.complete);
        const QList<SeatProblem> initial = findings.problems;

        // A developer takes the seat of the next week too: the same pair twice in a row, or too
        // little rest, for one of them (hard rules), and more than a fair share (soft).
        const QList<Shift> all = shifts();
        const Shift first = all.first();
        Shift next;
        for (const Shift &s : all) {
            if (s.rotationId == first.rotationId && s.start == first.end) {
                next = s;
            }
        }
        QVERIFY(!next.id.isNull());
        Shift doubled = next;
        doubled.dev = first.dev;
        const ShiftChange change = write(doubled);
        pass.recheck({change});
        findings = wait(pass, spy);
        QVERIFY2(findings.error.isEmpty(), qPrintable(findings.error));
        QVERIFY(!findings.complete);
        // What it touched: the shift, its neighbours in the rotation, the shifts of the people in it.
        QVERIFY(findings.checked.contains(next.id));
        QVERIFY(findings.checked.contains(first.id));
        QVERIFY(findings.checked.size() < all.size());
        bool sawProblem = false;
        for (const SeatProblem &p : findings.problems) {
            QVERIFY(findings.checked.contains(p.shift));
            sawProblem = sawProblem || (p.shift == next.id && !p.soft);
        }
        QVERIFY(sawProblem);

        // Problems after following the edit: those of all untouched shifts from the first pass,
        // the touched ones from the recheck; exactly what a whole pass over the database finds.
        QList<SeatProblem> merged = findings.problems;
        for (const SeatProblem &p : initial) {
            if (!findings.checked.contains(p.shift)) {
                merged << p;
            }
        }
        QCOMPARE(keyed(merged), fullPass());

        // Taking it back is followed too.
        const ShiftChange back = write(change.before);
        pass.recheck({back});
        findings = wait(pass, spy);
        QVERIFY(!findings.complete);
        for (const SeatProblem &p : findings.problems) {
            QVERIFY2(p.shift != next.id || p.soft, qPrintable(p.text));
        }
    }

    void editsTheSessionCannotFollowReadTheRangeAgain()
    {
        RulePass pass(*m_db);
        QSignalSpy spy(&pass, &RulePass::finished);
        pass.check(m_rotations, m_from, m_to);
        QVERIFY(wait(pass, spy).complete);
        // A handoff moved: the shift is at other times, so the pass reads everything again.
        Shift moved = shifts().at(3);
        moved.end = moved.end.addSecs(-3600);
        const ShiftChange change = write(moved);
        pass.recheck({change});
        const RuleFindings findings = wait(pass, spy);
        QVERIFY(findings.complete);
        QCOMPARE(keyed(findings.problems), fullPass());
        write(change.before);
    }
};

QTEST_GUILESS_MAIN(RulePassTest)
#include "rulepasstest.moc"
