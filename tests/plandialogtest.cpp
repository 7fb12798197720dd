#include "plandialog.h"

#include "itemmodels/planmodel.h"
#include "services/planservice.h"
#include "services/rotationservice.h"
#include "store/database.h"
#include "testutil.h"
#include "workspace.h"

#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTableView>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Tandem;

class PlanDialogTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    FakeClock m_clock{Test::fixedNow()}; ///< "now" of the widgets and the workspaces (Clock::current())

    static std::unique_ptr<Workspace> openDemo(const QTemporaryDir &dir)
    {
        auto ws = Workspace::open(dir.filePath(u"demo.sqlite"_s), true);
        if (!ws) {
            qFatal("cannot open the demo workspace: %s", qPrintable(ws.errorMessage()));
        }
        return std::move(ws).value();
    }

    static RotationId rotationId(Workspace &ws, const QString &name)
    {
        auto rotation = ws.rotations().rotationByName(name);
        return rotation && rotation.value() ? rotation.value()->id : RotationId();
    }

    static int shiftCount(Workspace &ws, RotationId rotation, QDate from, QDate to)
    {
        const QDateTime start(from.addDays(-1), QTime(0, 0), Qt::UTC);
        const QDateTime end(to.addDays(2), QTime(0, 0), Qt::UTC);
        auto shifts = ws.rotations().shifts(start, end, rotation);
        return shifts ? int(shifts->size()) : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Clock::setCurrent(&m_clock);
        Test::usePrivateHome(m_home, u"plandialogtest"_s);
    }

    void cleanupTestCase() { Clock::setCurrent(nullptr); }

    void defaultsToAQuarterFromTheFirstUnplannedSlot()
    {
        // Issue 14: the demo rotations start this week; the dialog defaulted to next Monday and
        // left the week under way with nobody on call. It starts at the first slot without a
        // shift, the one under way included.
        QSettings().remove(u"plan/horizonDays"_s);
        QTemporaryDir dir;
        auto ws = openDemo(dir);
        PlanDialog dialog(*ws);
        auto *from = dialog.findChild<QDateEdit *>(u"fromEdit"_s);
        auto *to = dialog.findChild<QDateEdit *>(u"toEdit"_s);
        const Rotation first = ws->rotations().rotations().value().first();
        const QDate today = ws->database().clock().now().toTimeZone(QTimeZone(first.timeZone.toUtf8())).date();
        QCOMPARE(from->date(), today.addDays(1 - today.dayOfWeek()));
        QCOMPARE(from->date().daysTo(to->date()), 13 * 7 - 1);
        QCOMPARE(dialog.findChild<QLabel *>(u"horizonLabel"_s)->text(), u"13 weeks"_s);
        QVERIFY(!dialog.findChild<QPushButton *>(u"applyButton"_s)->isEnabled());
        QVERIFY(dialog.findChild<QPushButton *>(u"previewButton"_s)->isEnabled());

        // Planned from there, somebody is on call now in every rotation.
        QList<RotationId> ids;
        for (const Rotation &r : ws->rotations().rotations().value()) {
            ids << r.id;
        }
        auto plan = ws->plans().preview(ids, from->date(), to->date());
        QVERIFY(plan);
        QVERIFY(ws->plans().apply(plan.value()));
        const QDateTime now = ws->database().clock().now();
        for (const RotationId &id : ids) {
            const auto current = ws->rotations().shifts(now, now.addSecs(1), id).value();
            QCOMPARE(current.size(), 1);
        }
        // The next dialog starts where this plan ends.
        PlanDialog next(*ws);
        QVERIFY(next.findChild<QDateEdit *>(u"fromEdit"_s)->date() > to->date().addDays(-7));
    }

    // Re-planning existing shifts: the dialog's choice (the fewest changes by default, or a
    // rebalancing re-plan) reaches the planner and is remembered for the next dialog; the fewest
    // changes report how fair the rebalancing re-plan would be.
    void replanChoiceReachesThePlannerAndIsRemembered()
    {
        QSettings().remove(u"plan/replan"_s);
        QTemporaryDir dir;
        auto ws = openDemo(dir);
        const RotationId payments = rotationId(*ws, u"Payments on call"_s);
        PlanDialog dialog(*ws);
        dialog.setSelectedRotations({payments});
        auto *combo = dialog.findChild<QComboBox *>(u"replanCombo"_s);
        QVERIFY(combo);
        QCOMPARE(dialog.replan(), Planner::PlanRequest::Replan::FewestChanges);
        const QDate from = dialog.findChild<QDateEdit *>(u"fromEdit"_s)->date();
        const QDate to = dialog.findChild<QDateEdit *>(u"toEdit"_s)->date();
        auto written = ws->plans().preview({payments}, from, to);
        QVERIFY(written);
        QVERIFY(ws->plans().apply(written.value()));

        dialog.preview();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isPreviewRunning(), 30000);
        QVERIFY(dialog.plan().has_value());
        const Planner::PlanResult fewest = *dialog.plan();
        QCOMPARE(fewest.summary.pools.size(), 2);
        for (const Planner::PoolFigures &pool : fewest.summary.pools) {
            QVERIFY2(pool.fairest >= 0 && pool.fairest <= pool.maxDeviation + 1e-9, qPrintable(pool.name));
        }
        for (const Planner::PlannedShift &p : fewest.shifts) {
            QVERIFY(p.change == Planner::Change::Unchanged || p.change == Planner::Change::Fixed);
        }

        combo->setCurrentIndex(combo->findData(int(Planner::PlanRequest::Replan::Fairest)));
        QVERIFY(!dialog.plan().has_value()); // a setting changed: the preview went
        QCOMPARE(QSettings().value(u"plan/replan"_s).toString(), u"fair"_s);
        dialog.preview();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isPreviewRunning(), 30000);
        QVERIFY(dialog.plan().has_value());
        const Planner::PlanResult fair = *dialog.plan();
        for (const Planner::PoolFigures &pool : fair.summary.pools) {
            QCOMPARE(pool.fairest, -1.0);
        }

        PlanDialog next(*ws);
        QCOMPARE(next.replan(), Planner::PlanRequest::Replan::Fairest);
        next.setReplan(Planner::PlanRequest::Replan::FewestChanges);
        QCOMPARE(QSettings().value(u"plan/replan"_s).toString(), u"fewest"_s);
    }

    void previewApplyUndo()
    {
        QTemporaryDir dir;
        auto ws = openDemo(dir);
        const RotationId payments = rotationId(*ws, u"Payments on call"_s);
        QVERIFY(!payments.isNull());

        PlanDialog dialog(*ws);
        dialog.setSelectedRotations({payments});
        const QDate from = dialog.findChild<QDateEdit *>(u"fromEdit"_s)->date();
        const QDate to = dialog.findChild<QDateEdit *>(u"toEdit"_s)->date();
        dialog.show();
        auto *apply = dialog.findChild<QPushButton *>(u"applyButton"_s);
        QVERIFY(!apply->isEnabled());

        QTest::mouseClick(dialog.findChild<QPushButton *>(u"previewButton"_s), Qt::LeftButton);
        // The planner runs in a worker; the dialog keeps serving events meanwhile.
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isPreviewRunning(), 30000);
        QVERIFY(dialog.plan().has_value());
        const int shifts = int(dialog.plan()->shifts.size());
        QCOMPARE(shifts, 13);
        auto *view = dialog.findChild<QTableView *>(u"shiftView"_s);
        QCOMPARE(view->model()->rowCount(), shifts);
        const QString summary = dialog.findChild<QLabel *>(u"summaryLabel"_s)->text();
        QVERIFY2(summary.startsWith(u"13 shifts: 13 added, 0 changed, 0 unchanged; "_s), qPrintable(summary));
        QVERIFY(dialog.fairnessModel()->rowCount() > 0);
        // A quarter of one weekly rotation: the exact search proves each pool's figure.
        const QString pools = dialog.findChild<QLabel *>(u"poolFiguresLabel"_s)->text();
        QCOMPARE(pools.count(u"(optimal: no plan does better)"_s), 2);
        QVERIFY(apply->isEnabled());

        if (const QString shots = qEnvironmentVariable("TANDEM_SCREENSHOT_DIR"); !shots.isEmpty()) {
            QDir().mkpath(shots);
            dialog.grab().save(shots + u"/plandialog.png"_s);
            auto *tabs = dialog.findChild<QTabWidget *>(u"planTabs"_s);
            tabs->setCurrentIndex(1);
            dialog.grab().save(shots + u"/plandialog-fairness.png"_s);
            tabs->setCurrentIndex(2);
            dialog.grab().save(shots + u"/plandialog-pairs.png"_s);
            tabs->setCurrentIndex(0);
        }

        QCOMPARE(shiftCount(*ws, payments, from, to), 0);
        QTest::mouseClick(apply, Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.appliedCount(), 13);
        QCOMPARE(shiftCount(*ws, payments, from, to), 13);

        // One undo step takes the whole plan back; redo writes it again.
        QCOMPARE(ws->undoStack().count(), 1);
        QCOMPARE(ws->undoStack().undoText(), u"Apply plan for Payments on call"_s);
        ws->undoStack().undo();
        QCOMPARE(shiftCount(*ws, payments, from, to), 0);
        ws->undoStack().redo();
        QCOMPARE(shiftCount(*ws, payments, from, to), 13);

        // Planning the same days again finds nothing to change.
        PlanDialog again(*ws);
        again.setSelectedRotations({payments});
        again.setHorizon(from, to);
        again.preview();
        QTRY_VERIFY_WITH_TIMEOUT(!again.isPreviewRunning(), 30000);
        QVERIFY(again.plan().has_value());
        QCOMPARE(again.previewModel()->count(Planner::Change::Added), 0);
        QVERIFY(!again.findChild<QPushButton *>(u"applyButton"_s)->isEnabled());
    }

    void settingChangeTakesThePreviewAway()
    {
        QTemporaryDir dir;
        auto ws = openDemo(dir);
        PlanDialog dialog(*ws);
        dialog.setSelectedRotations({rotationId(*ws, u"Search on call"_s)});
        dialog.preview();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isPreviewRunning(), 30000);
        auto *apply = dialog.findChild<QPushButton *>(u"applyButton"_s);
        QVERIFY(apply->isEnabled());
        auto *to = dialog.findChild<QDateEdit *>(u"toEdit"_s);
        to->setDate(to->date().addDays(-28));
        QVERIFY(!apply->isEnabled());
        QVERIFY(!dialog.plan().has_value());
        QCOMPARE(dialog.previewModel()->rowCount(), 0);

        // The horizon's length is remembered for the next dialog.
        dialog.preview();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isPreviewRunning(), 30000);
        PlanDialog next(*ws);
        QCOMPARE(
            next.findChild<QDateEdit *>(u"fromEdit"_s)->date().daysTo(next.findChild<QDateEdit *>(u"toEdit"_s)->date()),
            9 * 7 - 1);
        QCOMPARE(next.findChild<QLabel *>(u"horizonLabel"_s)->text(), u"9 weeks"_s);
    }

    void cancelLeavesNothingToApply()
    {
        QTemporaryDir dir;
        auto ws = openDemo(dir);
        PlanDialog dialog(*ws);
        dialog.preview();
        QVERIFY(dialog.isPreviewRunning());
        dialog.cancelPreview();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isPreviewRunning(), 30000);
        // The planner may have finished before it saw the request; either way the dialog is
        // consistent: a plan to apply, or none and Apply disabled.
        QCOMPARE(dialog.findChild<QPushButton *>(u"applyButton"_s)->isEnabled(), dialog.plan().has_value());
    }

    void closingWhilePlanningWaitsForTheWorker()
    {
        QTemporaryDir dir;
        auto ws = openDemo(dir);
        {
            PlanDialog dialog(*ws);
            dialog.setHorizon(m_clock.today(), m_clock.today().addYears(1));
            dialog.preview();
        }
        // Reaching here means the dialog cancelled and joined its worker (a QThread destroyed while
        // running aborts the process).
        QVERIFY(ws->undoStack().count() == 0);
    }
};

QTEST_MAIN(PlanDialogTest)
#include "plandialogtest.moc"
