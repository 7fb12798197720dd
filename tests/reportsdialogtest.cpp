#include "reportsdialog.h"

#include "reports/coveragereport.h"
#include "scopecombo.h"
#include "services/planservice.h"
#include "services/rotationservice.h"
#include "store/shiftrepository.h"
#include "testutil.h"
#include "workspace.h"

#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace Tandem;

/// The reports in the app: what a lead and an auditor read, and what they export.
class ReportsDialogTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    FakeClock m_clock{Test::fixedNow()}; ///< "now" of the widgets and the workspaces (Clock::current())

private Q_SLOTS:
    void initTestCase()
    {
        Clock::setCurrent(&m_clock);
        Test::usePrivateHome(m_home, u"reportsdialogtest"_s);
    }

    void cleanupTestCase() { Clock::setCurrent(nullptr); }

    void fairnessHoursAndAPlantedCoverageGap()
    {
        QTemporaryDir dir;
        auto opened = Workspace::open(dir.filePath(u"demo.sqlite"_s), true);
        QVERIFY(opened);
        Workspace &ws = *opened.value();
        const Rotation rotation = ws.rotations().rotationByName(u"Search on call"_s).value().value();
        QDate from = m_clock.today().addDays(7);
        while (from.dayOfWeek() != 1) {
            from = from.addDays(1);
        }
        const QDate to = from.addDays(27);
        const auto plan = ws.plans().preview({rotation.id}, from, to);
        QVERIFY(ws.plans().apply(plan.value()));
        // Plant a gap: the second week loses its ops engineer.
        Shift emptied = plan->shifts.at(1).shift;
        emptied.ops = PersonId();
        QVERIFY(ShiftRepository(ws.database()).update(emptied));

        ReportsDialog dialog(ws);
        auto *scope = dialog.findChild<ScopeCombo *>(u"scopeCombo"_s);
        scope->setCurrentIndex(scope->findText(u"Search on call"_s));
        dialog.findChild<QDateEdit *>(u"fromDate"_s)->setDate(from);
        dialog.findChild<QDateEdit *>(u"toDate"_s)->setDate(to);

        // Fairness: one row per developer and ops engineer of the rotation, and a picture.
        auto *fairness = dialog.findChild<QTableView *>(u"fairnessView"_s);
        QCOMPARE(fairness->model()->rowCount(), 10);
        QVERIFY(dialog.findChild<QWidget *>(u"fairnessChart"_s)->sizeHint().height() > 100);

        // Hours: each seat held earns the shift's hours inside the period (local days of the
        // rotation's zone); the planted week pays only its developer.
        const QTimeZone zone(rotation.timeZone.toUtf8());
        const QDateTime periodStart(from, QTime(0, 0), zone);
        const QDateTime periodEnd(to.addDays(1), QTime(0, 0), zone);
        qint64 expectedSeconds = 0;
        for (int i = 0; i < plan->shifts.size(); ++i) {
            const Shift &s = plan->shifts.at(i).shift;
            const qint64 inside = std::max(s.start, periodStart).secsTo(std::min(s.end, periodEnd));
            expectedSeconds += inside * (i == 1 ? 1 : 2);
        }
        dialog.findChild<QDoubleSpinBox *>(u"weekdayRate"_s)->setValue(2.0);
        auto *hours = dialog.findChild<QTableWidget *>(u"hoursTable"_s);
        double total = 0;
        for (int row = 0; row < hours->rowCount(); ++row) {
            total += QLocale().toDouble(hours->item(row, 6)->text());
        }
        QCOMPARE(qRound(total), int(expectedSeconds / 3600));

        // Coverage: the planted week is the gap, and the change log says who emptied it.
        auto *gaps = dialog.findChild<QTableWidget *>(u"gapsTable"_s);
        // The planted week is the one gap for want of production access; the only other gap is
        // the morning of the first day, before the first planned handoff.
        QStringList reasons;
        for (int row = 0; row < gaps->rowCount(); ++row) {
            reasons.append(gaps->item(row, 4)->text());
        }
        QCOMPARE(reasons.count(Reports::gapReasonText(Reports::GapReason::NoOps)), 1);
        QVERIFY(gaps->rowCount() <= 2);
        // Four weeks of rotation time, less the planted week and the hours before the first handoff.
        const qint64 required = periodStart.secsTo(periodEnd);
        const qint64 uncovered =
            emptied.start.secsTo(emptied.end) + periodStart.secsTo(plan->shifts.first().shift.start);
        const QString percent = QLocale().toString(100.0 * double(required - uncovered) / double(required), 'f', 1);
        QVERIFY2(
            dialog.findChild<QLabel *>(u"coverageSummary"_s)->text().contains(u"Search on call: %1 %"_s.arg(percent)),
            qPrintable(dialog.findChild<QLabel *>(u"coverageSummary"_s)->text()));

        auto *tabs = dialog.findChild<QTabWidget *>(u"reportTabs"_s);
        for (int tab = 0; tab < 3; ++tab) {
            tabs->setCurrentIndex(tab);
            // For looking at it: TANDEM_SCREENSHOT_DIR=/tmp/shots ./reportsdialogtest
            if (const QString shots = qEnvironmentVariable("TANDEM_SCREENSHOT_DIR"); !shots.isEmpty()) {
                dialog.show();
                dialog.grab().save(shots + u"/reports-%1.png"_s.arg(tab));
            }
            const QString csv = dir.filePath(u"report%1.csv"_s.arg(tab));
            QVERIFY(dialog.exportCsv(csv));
            const QByteArray content = Test::readFile(csv);
            QVERIFY2(content.count('\n') >= 2, content.constData());
            const QString pdf = dir.filePath(u"report%1.pdf"_s.arg(tab));
            QVERIFY(dialog.exportPdf(pdf));
            QVERIFY(Test::readFile(pdf).startsWith("%PDF"));
        }
        QVERIFY(Test::readFile(dir.filePath(u"report1.csv"_s)).startsWith("email,name,role,month,"));
        QVERIFY(Test::readFile(dir.filePath(u"report2.csv"_s)).contains("no_ops"));
    }
};

QTEST_MAIN(ReportsDialogTest)
#include "reportsdialogtest.moc"
