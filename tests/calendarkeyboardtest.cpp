#include "calendar/calendarpage.h"
#include "dialogdriver.h"
#include "services/planservice.h"
#include "services/rotationservice.h"
#include "testutil.h"
#include "workspace.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialog>
#include <QSettings>
#include <QUndoStack>

using namespace Qt::StringLiterals;
using namespace Tandem;

/// The keyboard path for dragging a shift's edge: Move Handoff… in the context menu.
class CalendarKeyboardTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    FakeClock m_clock{Test::fixedNow()}; ///< "now" of the widgets and the workspaces (Clock::current())

private Q_SLOTS:
    void initTestCase()
    {
        Clock::setCurrent(&m_clock);
        Test::usePrivateHome(m_home, u"calendarkeyboardtest"_s);
    }

    void cleanupTestCase() { Clock::setCurrent(nullptr); }

    void highlightMyShiftsWhenTheIdentityIsKnown()
    {
        QSettings().setValue(u"identity/email"_s, u"Maya.Patel@example.com"_s);
        auto opened = Workspace::open(m_home.filePath(u"identity.sqlite"_s), true);
        QVERIFY(opened);
        CalendarPage page;
        page.setWorkspace(opened.value().get());
        auto *highlight = page.findChild<QComboBox *>(u"highlightCombo"_s);
        QVERIFY(highlight->findText(u"Highlight my shifts (Maya Patel)"_s) >= 0);
        QSettings().remove(u"identity/email"_s);
    }

    void moveHandoffAdjustsBothNeighboursAndUndoes()
    {
        auto opened = Workspace::open(m_home.filePath(u"demo.sqlite"_s), true);
        QVERIFY(opened);
        Workspace &ws = *opened.value();
        const Rotation rotation = ws.rotations().rotationByName(u"Payments on call"_s).value().value();
        const QDate today = m_clock.today();
        const QDate from = today.addDays(8 - today.dayOfWeek());
        const auto plan = ws.plans().preview({rotation.id}, from, from.addDays(27));
        QVERIFY(ws.plans().apply(plan.value()));
        const Shift first = plan->shifts.at(1).shift;
        const Shift second = plan->shifts.at(2).shift;
        QCOMPARE(first.end, second.start);

        CalendarPage page;
        page.setWorkspace(&ws);
        page.showMonth(from);
        // Answer the dialog: hand off six hours later.
        const QDateTime boundary = first.end.addSecs(6 * 3600);
        Test::onNextDialog([boundary](QWidget *modal) {
            auto *dialog = qobject_cast<QDialog *>(modal);
            QVERIFY(dialog);
            auto *edit = dialog->findChild<QDateTimeEdit *>(u"handoffEdit"_s);
            edit->setDateTime(boundary.toTimeZone(edit->dateTime().timeZone()));
            dialog->accept();
        });
        page.moveHandoff(first.id);

        auto read = [&ws](ShiftId id) {
            for (const Shift &s : ws.rotations()
                                      .shifts(QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC),
                                              QDateTime(QDate(2040, 1, 1), QTime(0, 0), Qt::UTC), {})
                                      .value()) {
                if (s.id == id) {
                    return s;
                }
            }
            return Shift{};
        };
        QCOMPARE(read(first.id).end, boundary);
        QCOMPARE(read(second.id).start, boundary); // no gap, no overlap
        QCOMPARE(read(first.id).start, first.start);
        QCOMPARE(read(second.id).end, second.end);

        ws.undoStack().undo();
        QCOMPARE(read(first.id).end, first.end);
        QCOMPARE(read(second.id).start, second.start);
    }
};

QTEST_MAIN(CalendarKeyboardTest)
#include "calendarkeyboardtest.moc"
