#include "calendar/calendarpage.h"

#include "calendar/monthview.h"
#include "calendar/timelineview.h"
#include "itemmodels/shiftrangemodel.h"
#include "services/planservice.h"
#include "services/rosterservice.h"
#include "services/rotationservice.h"
#include "testutil.h"
#include "workspace.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QMimeData>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace Tandem;

/// The calendar page on the planned demo team: the month shows the pairs, navigation moves the
/// range, drops go through the rules and the undo stack.
class CalendarPageTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<Workspace> m_ws;
    QDate m_from;

    std::optional<Shift> find(ShiftId id) const
    {
        const auto all = m_ws->rotations().shifts(QDateTime(m_from.addDays(-30), QTime(0, 0), Qt::UTC),
                                                  QDateTime(m_from.addDays(200), QTime(0, 0), Qt::UTC));
        for (const Shift &s : all.value()) {
            if (s.id == id) {
                return s;
            }
        }
        return std::nullopt;
    }

    void shoot(QWidget &w, const QString &name)
    {
        if (const QString dir = qEnvironmentVariable("TANDEM_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QDir().mkpath(dir);
            w.grab().save(dir + u'/' + name);
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", m_home.filePath(u"config"_s).toUtf8());
        qputenv("XDG_DATA_HOME", m_home.filePath(u"data"_s).toUtf8());
        auto ws = Workspace::open(m_home.filePath(u"demo.sqlite"_s), true);
        QVERIFY2(ws.ok(), qPrintable(ws.errorMessage()));
        m_ws = std::move(ws).value();
        QList<RotationId> ids;
        for (const Rotation &r : m_ws->rotations().rotations().value()) {
            ids << r.id;
        }
        const QDate today = QDate::currentDate();
        m_from = today.addDays(8 - today.dayOfWeek()); // next Monday
        auto plan = m_ws->plans().preview(ids, m_from, m_from.addDays(13 * 7 - 1));
        QVERIFY2(plan.ok(), qPrintable(plan.errorMessage()));
        QVERIFY(m_ws->plans().apply(plan.value()).ok());
    }

    void monthShowsThePlannedPairs()
    {
        CalendarPage page;
        page.resize(1500, 900);
        page.setWorkspace(m_ws.get());
        const QDate month = m_from.addDays(14);
        page.showMonth(month);
        page.show();
        QCOMPARE(page.findChild<QLabel *>(u"calendarTitle"_s)->text(), QLocale().toString(month, u"MMMM yyyy"_s));
        ShiftRangeModel *model = page.monthModel();
        QVERIFY(model->rowCount() >= 3 * 4);
        // Every shift of the visible weeks has a bar labelled with its pair's short names.
        int shown = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            const Shift &s = model->shiftAt(row);
            const QString label = model->index(row).data().toString();
            const auto dev = m_ws->roster().person(s.dev).value();
            const auto ops = m_ws->roster().person(s.ops).value();
            QVERIFY(dev && ops);
            QCOMPARE(label, ShiftRangeModel::shortName(dev->name) + u" + "_s + ShiftRangeModel::shortName(ops->name));
            if (page.monthView()->shiftRect(s.id).isValid()) {
                ++shown;
            }
        }
        QVERIFY2(shown >= model->rowCount() - 2, qPrintable(QString::number(shown)));
        page.setCurrentShift(model->shiftAt(3).id);
        shoot(page, u"calendar-month.png"_s);

        // Navigation moves the range by a month, and back.
        const QDateTime before = model->from();
        QTest::mouseClick(page.findChild<QToolButton *>(u"nextButton"_s), Qt::LeftButton);
        QCOMPARE(page.month(), QDate(month.year(), month.month(), 1).addMonths(1));
        QVERIFY(model->from() > before);
        for (int row = 0; row < model->rowCount(); ++row) {
            QVERIFY(model->shiftAt(row).end > model->from() && model->shiftAt(row).start < model->to());
        }
        QTest::mouseClick(page.findChild<QToolButton *>(u"previousButton"_s), Qt::LeftButton);
        QCOMPARE(model->from(), before);

        // Keyboard: arrows move the current shift; Return opens it.
        page.monthView()->setFocus();
        page.monthView()->setCurrentDate(m_from.addDays(16));
        QTest::keyClick(page.monthView(), Qt::Key_Right);
        QVERIFY(!page.currentShift().isNull());

        page.setMode(CalendarPage::Mode::Timeline);
        page.timelineView()->scrollToDate(m_from);
        QVERIFY(page.timelineView()->firstVisibleDate() == m_from);
        shoot(page, u"calendar-timeline.png"_s);
    }

    void dropsGoThroughTheRulesAndUndo()
    {
        CalendarPage page;
        page.setWorkspace(m_ws.get());
        page.showMonth(m_from.addDays(14));
        ShiftRangeModel *model = page.monthModel();
        QVERIFY(model->rowCount() > 4);
        const Shift target = model->shiftAt(2);
        // A developer on an ops seat: refused with the reason, nothing written.
        PersonId developer;
        for (const Person &p : m_ws->roster().people().value()) {
            if (p.role == Role::Developer && !p.productionAccess && p.id != target.dev) {
                developer = p.id;
                break;
            }
        }
        QMimeData person;
        person.setData(u"application/x-tandem-person"_s, developer.toString().toUtf8());
        const auto feedback = page.checkDrop(&person, target.id, Seat::Ops, Qt::NoModifier);
        QVERIFY(!feedback.allowed);
        QVERIFY2(feedback.text.contains(u"production access"_s, Qt::CaseInsensitive), qPrintable(feedback.text));
        QVERIFY(!page.drop(&person, target.id, Seat::Ops, Qt::NoModifier));
        QCOMPARE(find(target.id)->ops, target.ops);

        // A shift dropped on another swaps the pairs in the database: the first pair of shifts
        // the rules allow to swap.
        Shift other;
        QMimeData dragged;
        for (int row = 0; row < model->rowCount() && other.id.isNull(); ++row) {
            const Shift &s = model->shiftAt(row);
            if (s.id == target.id) {
                continue;
            }
            dragged.setData(u"application/x-tandem-shift"_s, s.id.toString().toUtf8());
            if (page.checkDrop(&dragged, target.id, Seat::Dev, Qt::NoModifier).allowed) {
                other = s;
            }
        }
        QVERIFY(!other.id.isNull());
        const int undoCount = m_ws->undoStack().count();
        QVERIFY(page.drop(&dragged, target.id, Seat::Dev, Qt::NoModifier));
        QCOMPARE(find(target.id)->dev, other.dev);
        QCOMPARE(find(target.id)->ops, other.ops);
        QCOMPARE(find(other.id)->dev, target.dev);
        QCOMPARE(m_ws->undoStack().count(), undoCount + 1);
        // The model followed the commit.
        QCOMPARE(model->shiftAt(model->indexOf(target.id)).dev, other.dev);

        m_ws->undoStack().undo();
        QCOMPARE(find(target.id)->dev, target.dev);
        QCOMPARE(find(target.id)->ops, target.ops);
        QCOMPARE(find(other.id)->dev, other.dev);
    }
};

QTEST_MAIN(CalendarPageTest)
#include "calendarpagetest.moc"
