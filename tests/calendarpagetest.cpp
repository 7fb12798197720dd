#include "calendar/calendarpage.h"

#include "calendar/monthview.h"
#include "calendar/pickdialog.h"
#include "calendar/timelineview.h"
#include "calendarfixture.h"
#include "dialogdriver.h"
#include "itemmodels/shiftcommands.h"
#include "itemmodels/shiftrangemodel.h"
#include "servicefixture.h"
#include "services/planservice.h"
#include "services/rosterservice.h"
#include "services/rotationservice.h"
#include "testutil.h"
#include "workspace.h"

#include <QAccessible>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMimeData>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSignalSpy>
#include <QToolButton>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace Tandem;

/// The calendar page on the planned demo team: the month shows the pairs, navigation moves the
/// range, drops go through the rules and the undo stack.
namespace {

// The next shift grows by the day the handoff moves back: its people must still rest as long
// as the grown shift lasts (the default rest rule) from their other shifts in the model. Which
// shift that is depends on the plan the demo data got.
bool restsAfterGrowing(ShiftRangeModel *model, const Shift &shift, const Shift &next)
{
    const QDateTime start = next.start.addDays(-1);
    const qint64 grown = start.secsTo(next.end);
    for (int k = 0; k < model->rowCount(); ++k) {
        const Shift &o = model->shiftAt(k);
        if (o.id == next.id || o.id == shift.id) {
            continue;
        }
        for (const PersonId &p : {next.dev, next.ops}) {
            if (p.isNull() || (o.dev != p && o.ops != p)) {
                continue;
            }
            const qint64 gap = o.start >= next.end ? next.end.secsTo(o.start) : o.end.secsTo(start);
            if (gap < grown) {
                return false;
            }
        }
    }
    return true;
}

} // namespace

class CalendarPageTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    FakeClock m_clock{Test::fixedNow()}; ///< "now" of the widgets and the workspaces (Clock::current())
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
        Clock::setCurrent(&m_clock);
        Test::usePrivateHome(m_home);
        Test::openPlannedDemo(m_home, m_clock.today(), m_ws, m_from);
    }

    void cleanupTestCase() { Clock::setCurrent(nullptr); }

    void monthShowsThePlannedPairs()
    {
        CalendarPage page;
        page.resize(1500, 900);
        const QDate month = m_from.addDays(14);
        page.setWorkspace(m_ws.get());
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
            QString pair = ShiftRangeModel::shortName(dev->name) + u" + "_s + ShiftRangeModel::shortName(ops->name);
            if (!s.shadow.isNull()) { // the demo's trainee shadowing (onboarding)
                pair += u", "_s + ShiftRangeModel::shortName(m_ws->roster().person(s.shadow).value()->name) +
                        u" shadowing"_s;
            }
            QCOMPARE(label, pair);
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
    void handoffEdgeDragMovesBothNeighboursAndUndo()
    {
        CalendarPage page;
        Test::showMonth(page, m_ws.get(), m_from.addDays(14), QSize(1500, 900));
        MonthView *view = page.monthView();
        ShiftRangeModel *model = page.monthModel();
        const QTimeZone zone = model->viewerTimeZone();
        // A shift whose right edge is drawn in the grid and whose rotation's next shift follows it.
        Shift shift;
        Shift next;
        QRect edge;
        QDate dropDay;
        for (int row = 0; row < model->rowCount() && next.id.isNull(); ++row) {
            const Shift &s = model->shiftAt(row);
            // The bar ends in the column of the shift's real end.
            const QDate last = s.end.addSecs(-1).toTimeZone(zone).date();
            const QDate first = s.start.toTimeZone(zone).date();
            const QRect rect = view->shiftRect(s.id, last);
            if (!rect.isValid() || last.addDays(-1) <= first || !view->dayRect(last.addDays(-1)).isValid()) {
                continue;
            }
            for (int other = 0; other < model->rowCount(); ++other) {
                const Shift &n = model->shiftAt(other);
                if (n.rotationId == s.rotationId && n.start == s.end && restsAfterGrowing(model, s, n)) {
                    shift = s;
                    next = n;
                    edge = rect;
                    dropDay = last.addDays(-1);
                }
            }
        }
        QVERIFY(!next.id.isNull());
        // The view keeps the handoff's time of day and moves it to the drop day (the next
        // midnight for a handoff at midnight, which ends the column before).
        const QDateTime endLocal = shift.end.toTimeZone(zone);
        const QDateTime boundary =
            QDateTime(endLocal.time() == QTime(0, 0) ? dropDay.addDays(1) : dropDay, endLocal.time(), zone).toUTC();
        QVERIFY(boundary < shift.end);
        const int undoIndex = m_ws->undoStack().index();

        QString lastStatus;
        connect(&page, &CalendarPage::statusMessage, this, [&lastStatus](const QString &text) {
            if (!text.isEmpty()) {
                lastStatus = text;
            }
        });
        // Press on the bar's right edge, drag to the day before, release: the mouse path.
        const QPoint press(edge.right() - 1, edge.center().y());
        const QPoint target = view->dayRect(dropDay).center();
        QTest::mousePress(view, Qt::LeftButton, Qt::NoModifier, press);
        QMouseEvent move(QEvent::MouseMove, QPointF(target), QPointF(view->mapToGlobal(target)), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view, &move);
        QTest::mouseRelease(view, Qt::LeftButton, Qt::NoModifier, target);

        QVERIFY2(m_ws->undoStack().index() == undoIndex + 1, qPrintable(lastStatus));
        QCOMPARE(find(shift.id)->end, boundary);
        QCOMPARE(find(next.id)->start, boundary);
        QCOMPARE(find(shift.id)->start, shift.start);
        QCOMPARE(find(next.id)->end, next.end);
        QCOMPARE(model->shiftAt(model->indexOf(shift.id)).end, boundary);

        m_ws->undoStack().undo();
        QCOMPARE(find(shift.id)->end, shift.end);
        QCOMPARE(find(next.id)->start, next.start);
        QCOMPARE(model->shiftAt(model->indexOf(next.id)).start, next.start);
    }

    void keyboardSelectsAndClearsASeatThroughTheMenu()
    {
        CalendarPage page;
        Test::showMonth(page, m_ws.get(), m_from.addDays(14), QSize(1500, 900));
        MonthView *view = page.monthView();
        view->setFocus();
        view->setCurrentDate(m_from.addDays(16));
        QTest::keyClick(view, Qt::Key_Right);
        QTest::keyClick(view, Qt::Key_Left);
        const ShiftId id = page.currentShift();
        QVERIFY(!id.isNull());
        const Shift before = *find(id);
        QVERIFY(!before.dev.isNull());
        const int undoIndex = m_ws->undoStack().index();

        // Shift+F10 opens the shift's context menu; pick "Clear Developer Seat" from its actions.
        QStringList seen;
        bool triggered = false;
        Test::onNextPopup([&](QWidget *popup) {
            auto *menu = qobject_cast<QMenu *>(popup);
            QVERIFY(menu);
            for (QAction *action : menu->actions()) {
                seen << action->text();
                if (!triggered && action->text() == u"&Clear Developer Seat"_s && action->isEnabled()) {
                    triggered = true;
                    action->trigger();
                }
            }
            menu->close();
        });
        QTest::keyClick(view, Qt::Key_F10, Qt::ShiftModifier);
        QTRY_VERIFY2(triggered, qPrintable(seen.join(u", "_s)));
        QVERIFY(find(id)->dev.isNull());
        QCOMPARE(find(id)->ops, before.ops);
        QCOMPARE(m_ws->undoStack().index(), undoIndex + 1);

        m_ws->undoStack().undo();
        QCOMPARE(find(id)->dev, before.dev);
        QCOMPARE(find(id)->ops, before.ops);
    }

    // Issue 14: Assign Developer… listed every developer of every team, another team's first.
    void assignDeveloperOffersTheRotationsTeamOnly()
    {
        CalendarPage page;
        Test::showMonth(page, m_ws.get(), m_from.addDays(14), QSize(1500, 900));
        ShiftRangeModel *model = page.monthModel();
        QVERIFY(model->rowCount() > 0);
        const Shift target = model->shiftAt(0);
        const Rotation rotation = *model->rotation(target.rotationId);
        QStringList offered;
        int highlighted = -2;
        bool opened = false;
        Test::onNextPopup([&](QWidget *popup) {
            auto *menu = qobject_cast<QMenu *>(popup);
            QVERIFY(menu);
            for (QAction *action : menu->actions()) {
                if (action->text() != u"Assign &Developer…"_s) {
                    continue;
                }
                Test::onNextDialog([&](QWidget *modal) {
                    auto *dialog = qobject_cast<PickDialog *>(modal);
                    QVERIFY(dialog);
                    opened = true;
                    auto *list = dialog->findChild<QListWidget *>(u"pickList"_s);
                    for (int i = 0; i < list->count(); ++i) {
                        offered << list->item(i)->text();
                    }
                    highlighted = dialog->currentRow();
                    dialog->reject();
                });
                action->trigger();
            }
            menu->close();
        });
        page.showContextMenu(target.id, page.mapToGlobal(QPoint(200, 200)));
        QTRY_VERIFY(opened);
        QCOMPARE(highlighted, -1); // nobody preselected: Return alone picks no one
        int developers = 0;
        for (const Person &p : m_ws->roster().people().value()) {
            const bool ofTeam = p.role == Role::Developer && p.active && p.teams.contains(rotation.teamId);
            developers += ofTeam ? 1 : 0;
            bool listed = false;
            for (const QString &row : std::as_const(offered)) {
                listed = listed || row.startsWith(p.name + u" · "_s);
            }
            QVERIFY2(listed == ofTeam, qPrintable(p.name + u": "_s + offered.join(u" | "_s)));
        }
        QCOMPARE(offered.size(), developers);
    }

    // Issue 18: a month switch lays the bars out once. The grid, the model's new range and its
    // uncovered time each used to lay out the whole month again; the rule pass's flags that
    // follow change how bars look, not where they are, and repaint without a layout.
    void monthSwitchLaysOutOnce()
    {
        // A developer away over the months shown: the rule pass flags her shifts in each.
        QList<TimeOffId> leave;
        for (const Person &p : m_ws->roster().people().value()) {
            if (p.role == Role::Developer && leave.isEmpty()) {
                TimeOff off;
                off.personId = p.id;
                off.from = m_from;
                off.to = m_from.addDays(120);
                off.reason = u"Sabbatical"_s;
                auto added = m_ws->roster().addTimeOff(off);
                QVERIFY2(added.ok(), qPrintable(added.errorMessage()));
                leave << added.value().id;
            }
        }
        QCOMPARE(leave.size(), 1);
        const auto cleanUp = qScopeGuard([&] {
            for (const TimeOffId &id : std::as_const(leave)) {
                (void)m_ws->roster().removeTimeOff(id);
            }
        });
        CalendarPage page;
        Test::showMonth(page, m_ws.get(), m_from, QSize(1500, 900));
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        MonthView *view = page.monthView();
        ShiftRangeModel *model = page.monthModel();
        QTRY_VERIFY_WITH_TIMEOUT(!model->isCheckingRules(), 20000);
        view->grab(); // the first month's bars
        QSignalSpy checked(model, &ShiftRangeModel::rulesChecked);
        QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
        int switches = 0;
        int flagged = 0;
        for (int step = 0; step < 3; ++step) {
            const int before = view->layoutCount();
            checked.clear();
            view->setFocus();
            QTest::keyClick(view, Qt::Key_PageDown);
            ++switches;
            QCOMPARE(page.month(), QDate(m_from.year(), m_from.month(), 1).addMonths(switches));
            QVERIFY(model->rowCount() > 0);
            // Nothing is laid out before the bars are needed ...
            QCOMPARE(view->layoutCount(), before);
            // ... then once: painting, hit tests and the bars' rectangles share it.
            view->grab();
            QCOMPARE(view->layoutCount(), before + 1);
            int shown = 0;
            for (int row = 0; row < model->rowCount(); ++row) {
                shown += view->shiftRect(model->shiftAt(row).id).isValid() ? 1 : 0;
            }
            QVERIFY2(shown >= model->rowCount() - 2, qPrintable(u"%1 of %2"_s.arg(shown).arg(model->rowCount())));
            // The rule pass's findings arrive and are painted: still that one layout.
            QTRY_VERIFY_WITH_TIMEOUT(checked.size() >= 1, 20000);
            flagged += changed.size();
            view->grab();
            QCOMPARE(view->layoutCount(), before + 1);
        }
        // The leave's flags did arrive as data changes.
        QVERIFY2(flagged > 0, "the rule pass changed no bar: the test did not see findings arrive");
    }

    // Issue 14: the People dock counted 0 shifts for everyone after a plan was applied, and
    // stayed stale after drops. It follows every commit.
    // Issue 18: scrolling the timeline towards the edge of the days its model holds does not
    // wait for the database: a worker reads the next days and the model moves when they arrive;
    // its rule pass waits until the scrolling stops.
    void timelineReadsAheadWithoutWaiting()
    {
        CalendarPage page;
        Test::showMonth(page, m_ws.get(), m_from, QSize(1500, 900));
        QVERIFY(QTest::qWaitForWindowExposed(&page));
        page.setMode(CalendarPage::Mode::Timeline);
        TimelineView *timeline = page.timelineView();
        auto *model = qobject_cast<ShiftRangeModel *>(timeline->model());
        QVERIFY(model);
        QTRY_VERIFY(model->from().isValid());
        QTRY_VERIFY_WITH_TIMEOUT(!model->isCheckingRules(), 20000);
        const QSignalSpy checked(model, &ShiftRangeModel::rulesChecked);
        QScrollBar *bar = timeline->horizontalScrollBar();
        const int day = int(std::ceil(double(bar->pageStep()) / timeline->visibleDays()));
        bool asked = false;
        for (int step = 0; step < 60 && !asked; ++step) {
            const QDateTime from = model->from();
            bar->setValue(bar->value() + day);
            if (model->requestedRange().first.isValid()) {
                asked = true;
                QCOMPARE(model->from(), from); // this scroll did not wait for the read
            }
        }
        QVERIFY(asked);
        // Scrolling on while the read is under way asks nothing more of the database.
        const auto requested = model->requestedRange();
        bar->setValue(bar->value() + day);
        QCOMPARE(model->requestedRange(), requested);
        QTRY_VERIFY(!model->requestedRange().first.isValid());
        QCOMPARE(model->from(), requested.first);
        QCOMPARE(model->to(), requested.second);
        const QDateTime firstShown(timeline->firstVisibleDate(), QTime(0, 0), model->viewerTimeZone());
        QVERIFY(model->from() < firstShown && model->to() > firstShown.addDays(qint64(timeline->visibleDays())));
        // The rows are those of a range read at once.
        ShiftRangeModel fresh(m_ws->database(), m_ws->rotations(), m_ws->roster());
        fresh.setRange(model->from(), model->to());
        QCOMPARE(model->rowCount(), fresh.rowCount());
        for (int row = 0; row < fresh.rowCount(); ++row) {
            QVERIFY(model->shiftAt(row) == fresh.shiftAt(row));
        }
        // The rule pass ran after the scrolling, once.
        QTRY_VERIFY_WITH_TIMEOUT(!model->isCheckingRules(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(checked.size(), 1, 20000);
    }

    void peopleDockCountsFollowEveryCommit()
    {
        auto opened = Workspace::open(m_home.filePath(u"dock.sqlite"_s), true);
        QVERIFY(opened);
        Workspace &ws = *opened.value();
        CalendarPage page;
        page.setWorkspace(&ws);
        page.showMonth(m_from.addDays(14));
        auto *dock = page.findChild<QListWidget *>(u"rosterList"_s);
        ShiftRangeModel *model = page.monthModel();
        static const QRegularExpression count(u"— (\\d+) shift"_s);
        auto counts = [&] {
            QHash<QString, int> result;
            for (int i = 0; i < dock->count(); ++i) {
                result.insert(dock->item(i)->data(Qt::UserRole).toString(),
                              count.match(dock->item(i)->text()).captured(1).toInt());
            }
            return result;
        };
        auto expected = [&] {
            QHash<QString, int> result;
            for (int i = 0; i < dock->count(); ++i) {
                result.insert(dock->item(i)->data(Qt::UserRole).toString(), 0);
            }
            for (int row = 0; row < model->rowCount(); ++row) {
                for (const PersonId &id : {model->shiftAt(row).dev, model->shiftAt(row).ops}) {
                    if (result.contains(id.toString())) {
                        ++result[id.toString()];
                    }
                }
            }
            return result;
        };
        QVERIFY(dock->count() > 0);
        QCOMPARE(counts(), expected());

        QList<RotationId> ids;
        for (const Rotation &r : ws.rotations().rotations().value()) {
            ids << r.id;
        }
        auto plan = ws.plans().preview(ids, m_from, m_from.addDays(13 * 7 - 1));
        QVERIFY(plan);
        QVERIFY(ws.plans().apply(plan.value()));
        QVERIFY(model->rowCount() > 0);
        QTRY_COMPARE(counts(), expected());
        int total = 0;
        for (int n : counts()) {
            total += n;
        }
        QVERIFY(total > 0);

        // A cleared seat (an edit through the undo stack) and its undo.
        const Shift s = model->shiftAt(0);
        QVERIFY(ws.shiftEditor().clearSeat(s.id, Seat::Dev));
        QTRY_COMPARE(counts().value(s.dev.toString()), expected().value(s.dev.toString()));
        ws.undoStack().undo();
        QTRY_COMPARE(counts(), expected());
    }

    // Many rotations: the legend beside the title keeps a dozen and says how many more there
    // are (all of them in its tooltip), so the month grid keeps its room. A hundred rotations
    // pushed the grid to the bottom third of a 1280x800 window.
    void legendKeepsADozenRotationsBesideTheTitle()
    {
        auto opened = Workspace::open(m_home.filePath(u"legend.sqlite"_s), true);
        QVERIFY(opened);
        Workspace &ws = *opened.value();
        const Rotation model = ws.rotations().rotations().value().first();
        const int demo = int(ws.rotations().rotations().value().size());
        for (int i = demo; i < 20; ++i) {
            Rotation r = model;
            r.id = RotationId::create();
            r.name = u"Extra rotation %1"_s.arg(i + 1, 2, 10, QChar(u'0'));
            r.color.clear();
            QVERIFY2(ws.rotations().addRotation(r), qPrintable(r.name));
        }
        CalendarPage page;
        Test::showMonth(page, &ws, m_from.addDays(14), QSize(1280, 800));
        auto *legend = page.findChild<QLabel *>(u"rotationLegend"_s);
        QVERIFY(legend);
        QTRY_COMPARE(legend->text().count(u"■"_s), 12);
        QVERIFY2(legend->text().contains(u"+8 more"_s), qPrintable(legend->text()));
        QCOMPARE(legend->toolTip().count(u"■"_s), 20);
        QVERIFY(legend->toolTip().contains(u"Extra rotation 20"_s));
        // The month grid keeps most of the page's height.
        QVERIFY2(page.monthView()->height() > page.height() / 2,
                 qPrintable(u"grid %1 of %2"_s.arg(page.monthView()->height()).arg(page.height())));
    }

    // A follow-the-sun service in the rotation filter (chosen with the keys): its legs' shifts
    // together and no other rotation's, in the month and the timeline; the timeline marks its
    // hole, the hour no leg holds while the US has switched to summer time and the EU has not,
    // in a March week, and nothing in a January week. "All rotations" brings the rest back.
    void serviceFilterShowsItsLegsAndMarksItsHoles()
    {
        Test::ServiceFixture f(QDate(2025, 12, 1), QDate(2026, 4, 30));
        const Rotation other = f.addLeg(u"Support days"_s, u"Europe/Berlin"_s, QTime(9, 0), 8 * 60);
        f.fill(other, QDate(2025, 12, 1), QDate(2026, 4, 30), 1);
        auto workspace = Workspace::open(f.db->path());
        QVERIFY2(workspace, qPrintable(workspace.errorMessage()));
        CalendarPage page;
        Test::showMonth(page, workspace.value().get(), QDate(2026, 3, 16), QSize(1280, 800));
        auto *filter = page.findChild<QComboBox *>(u"rotationFilter"_s);
        QVERIFY(filter);
        QVERIFY(!filter->accessibleName().isEmpty());
        QVERIFY(filter->focusPolicy() & Qt::TabFocus);
        filter->setFocus();
        QTest::keyClick(filter, Qt::Key_End);
        QCOMPARE(filter->currentText(), u"Service: Payments production"_s);

        const QSet<RotationId> legs{f.berlin.id, f.newYork.id};
        ShiftRangeModel *month = page.monthModel();
        const auto all = workspace.value()->rotations().shifts(month->from(), month->to());
        QVERIFY(all);
        int expected = 0;
        for (const Shift &s : all.value()) {
            expected += legs.contains(s.rotationId) ? 1 : 0;
        }
        QVERIFY(expected < all->size()); // the other rotation has shifts in the month
        QTRY_COMPARE(month->rowCount(), expected);
        QSet<RotationId> shown;
        for (int row = 0; row < month->rowCount(); ++row) {
            shown.insert(month->shiftAt(row).rotationId);
        }
        QCOMPARE(shown, legs);
        QCOMPARE(month->serviceFilter(), f.service.id);

        page.setMode(CalendarPage::Mode::Timeline);
        TimelineView *timeline = page.timelineView();
        ShiftRangeModel *model = timeline->model();
        timeline->setVisibleDays(7);
        const auto showWeek = [&](QDate monday) {
            timeline->scrollToDate(monday);
            QTRY_VERIFY(model->from() <= QDateTime(monday, QTime(0, 0), Qt::UTC) &&
                        model->to() >= QDateTime(monday.addDays(7), QTime(0, 0), Qt::UTC));
            QTRY_VERIFY(model->requestedRange().first.isNull());
        };
        showWeek(QDate(2026, 3, 16));
        QVERIFY(!QTest::currentTestFailed());
        for (int row = 0; row < model->rowCount(); ++row) {
            QVERIFY(legs.contains(model->shiftAt(row).rotationId));
        }
        // Every day of the week: 05:00-06:00 UTC, after New York's 01:00 and before Berlin's 07:00.
        QSet<QDate> holeDays;
        for (const Reports::ServiceHole &hole : model->serviceHoles()) {
            QCOMPARE(hole.kind, Reports::ServiceHole::Uncovered);
            QCOMPARE(hole.start.toUTC().time(), QTime(5, 0));
            QCOMPARE(hole.minutes(), 60);
            holeDays.insert(hole.start.toUTC().date());
        }
        for (QDate d(2026, 3, 16); d < QDate(2026, 3, 23); d = d.addDays(1)) {
            QVERIFY2(holeDays.contains(d), qPrintable(d.toString(Qt::ISODate)));
        }
        const auto bars = timeline->serviceHoleBars();
        QVERIFY(bars.size() >= 7);
        for (const auto &[index, rect] : bars) {
            QVERIFY(rect.width() >= 6);
            QVERIFY(rect.height() >= 4 * 20); // across the two legs' four lanes
            const QString text = timeline->serviceHoleTextAt(rect.center().toPoint());
            QVERIFY2(text.contains(u"Payments production"_s) && text.contains(u"60"_s), qPrintable(text));
        }
        // Painted, not focusable: assistive technology hears the holes in the timeline's description.
        QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(timeline);
        QVERIFY(accessible);
        const QString description = accessible->text(QAccessible::Description);
        QVERIFY2(description.contains(u"Payments production is not held by a pair"_s), qPrintable(description));
        shoot(page, u"service-timeline-march.png"_s);

        showWeek(QDate(2026, 1, 19));
        QVERIFY(!QTest::currentTestFailed());
        QVERIFY(model->rowCount() > 0);
        QVERIFY(model->serviceHoles().isEmpty());
        QVERIFY(timeline->serviceHoleBars().isEmpty());
        QVERIFY(!accessible->text(QAccessible::Description).contains(u"Payments production"_s));

        // The service's legs edited (another window, the command line): the view follows.
        Service berlinOnly = f.service;
        berlinOnly.legs = {f.berlin.id};
        QVERIFY(ServiceCatalog(workspace.value()->database()).updateService(berlinOnly));
        QTRY_VERIFY(model->rowCount() > 0 && [&] {
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->shiftAt(row).rotationId != f.berlin.id) {
                    return false;
                }
            }
            return true;
        }());

        // Back to every rotation: the other one shows again, and no service hole is marked.
        QTest::keyClick(filter, Qt::Key_Home);
        QCOMPARE(filter->currentIndex(), 0);
        showWeek(QDate(2026, 3, 16));
        QVERIFY(!QTest::currentTestFailed());
        const auto showsOther = [&] {
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->shiftAt(row).rotationId == other.id) {
                    return true;
                }
            }
            return false;
        };
        QTRY_VERIFY(showsOther());
        QVERIFY(model->serviceHoles().isEmpty());
        QVERIFY(timeline->serviceHoleBars().isEmpty());
    }
};

QTEST_MAIN(CalendarPageTest)
#include "calendarpagetest.moc"
