#include "calendar/calendaraccessible.h"

#include "calendar/calendarpage.h"
#include "calendar/monthview.h"
#include "calendar/pickdialog.h"
#include "calendar/timelineview.h"
#include "calendarfixture.h"
#include "dialogdriver.h"
#include "home/homepage.h"
#include "home/remindersettingsdialog.h"
#include "home/remindertray.h"
#include "identitydialog.h"
#include "itemmodels/rostercommands.h"
#include "itemmodels/rostermodel.h"
#include "itemmodels/shiftrangemodel.h"
#include "mainwindow.h"
#include "manualdialog.h"
#include "persondialog.h"
#include "plandialog.h"
#include "pooldialog.h"
#include "printsheetdialog.h"
#include "reportsdialog.h"
#include "rotationdialog.h"
#include "services/identity.h"
#include "services/planservice.h"
#include "services/rosterservice.h"
#include "services/rotationservice.h"
#include "shortcutsdialog.h"
#include "sync/sharedialog.h"
#include "teamdialog.h"
#include "testutil.h"
#include "timeoffdialog.h"
#include "workspace.h"

#include <QAccessible>
#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTabWidget>

using namespace Qt::StringLiterals;
using namespace Tandem;

/// The calendar through Qt's accessibility API, as a screen reader sees it: the month grid has a
/// child per day and under them every shift of the six weeks, named with its day, rotation,
/// pair and conflicts, with the keyboard's actions; the timeline lists its shifts; and no
/// control of the main window's pages is left without a name.
class CalendarAccessibleTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    FakeClock m_clock{Test::fixedNow()}; ///< "now" of the widgets and the workspaces (Clock::current())
    std::unique_ptr<Workspace> m_ws;
    QDate m_from;

    /// Every interface under `root`, depth first; with `shownOnly`, not into hidden ones.
    static QList<QAccessibleInterface *> all(QAccessibleInterface *root, bool shownOnly = false, int depth = 0)
    {
        QList<QAccessibleInterface *> result;
        if (!root || depth > 40 || (shownOnly && root->state().invisible)) {
            return result;
        }
        result.append(root);
        for (int i = 0; i < root->childCount(); ++i) {
            result += all(root->child(i), shownOnly, depth + 1);
        }
        return result;
    }

    /// Roles a user operates: each needs a name a screen reader can say. (Cells of tables and
    /// trees are content: an empty cell says nothing, rightly.)
    static bool isControl(QAccessible::Role role)
    {
        switch (role) {
        case QAccessible::Button:
        case QAccessible::CheckBox:
        case QAccessible::RadioButton:
        case QAccessible::ComboBox:
        case QAccessible::EditableText:
        case QAccessible::SpinBox:
        case QAccessible::Slider:
        case QAccessible::List:
        case QAccessible::ListItem:
        case QAccessible::Table:
        case QAccessible::Tree:
        case QAccessible::PageTab:
        case QAccessible::MenuItem:
        case QAccessible::Link:
        case QAccessible::ButtonMenu:
        case QAccessible::ButtonDropDown:
            return true;
        default:
            return false;
        }
    }

    /// The controls shown in `top` that have no name; `checked` counts the controls looked at.
    static QStringList unnamedControls(QWidget *top, int *checked = nullptr)
    {
        QStringList unnamed;
        for (QAccessibleInterface *iface : all(QAccessible::queryAccessibleInterface(top), true)) {
            if (!isControl(iface->role())) {
                continue;
            }
            if (checked) {
                ++*checked;
            }
            if (iface->text(QAccessible::Name).trimmed().isEmpty()) {
                QObject *object = iface->object();
                unnamed << u"%1 (role %2)"_s
                               .arg(object ? object->objectName() + u" "_s +
                                                 QString::fromLatin1(object->metaObject()->className())
                                           : u"child of "_s + iface->parent()->text(QAccessible::Name))
                               .arg(int(iface->role()));
            }
        }
        return unnamed;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Clock::setCurrent(&m_clock);
        Test::usePrivateHome(m_home, u"calendaraccessibletest"_s);
        Test::openPlannedDemo(m_home, m_clock.today(), m_ws, m_from);
    }

    void cleanupTestCase() { Clock::setCurrent(nullptr); }

    void theMonthGridReachesEveryDayAndShift()
    {
        CalendarPage page;
        Test::showMonth(page, m_ws.get(), m_from.addDays(14), QSize(1400, 900));
        MonthView *view = page.monthView();
        ShiftRangeModel *model = page.monthModel();
        QVERIFY(model->rowCount() > 0);

        QAccessibleInterface *grid = QAccessible::queryAccessibleInterface(view);
        QVERIFY(grid);
        QCOMPARE(grid->role(), QAccessible::List);
        QVERIFY(grid->text(QAccessible::Name).startsWith(u"Month calendar, "_s));
        QCOMPARE(grid->childCount(), 42);
        QSet<ShiftId> reached;
        for (int i = 0; i < 42; ++i) {
            QAccessibleInterface *day = grid->child(i);
            QVERIFY(day && day->isValid());
            QCOMPARE(day->parent(), grid);
            QCOMPARE(grid->indexOfChild(day), i);
            const QDate date = view->gridStart().addDays(i);
            QVERIFY2(day->text(QAccessible::Name).startsWith(QLocale().toString(date, u"dddd d MMMM yyyy"_s)),
                     qPrintable(day->text(QAccessible::Name)));
            QCOMPARE(day->rect().size(), view->dayRect(date).size());
            for (int c = 0; c < day->childCount(); ++c) {
                QAccessibleInterface *shift = day->child(c);
                QCOMPARE(shift->parent(), day);
                QCOMPARE(day->indexOfChild(shift), c);
                const ShiftId id = static_cast<ShiftAccessible *>(shift)->shiftId();
                QVERIFY2(!reached.contains(id), "a shift appears under two days");
                reached.insert(id);
                // "Mon 7 Dec, Payments on call, Jonas Becker and Markus Weber"
                const QModelIndex idx = model->indexOf(id);
                const QString name = shift->text(QAccessible::Name);
                QVERIFY2(name.contains(idx.data(ShiftRangeModel::RotationNameRole).toString()), qPrintable(name));
                if (!model->shiftAt(idx.row()).dev.isNull()) {
                    QVERIFY2(name.contains(idx.data(ShiftRangeModel::DevNameRole).toString()), qPrintable(name));
                }
                if (!model->shiftAt(idx.row()).ops.isNull()) {
                    QVERIFY2(name.contains(idx.data(ShiftRangeModel::OpsNameRole).toString()), qPrintable(name));
                }
                QVERIFY(shift->text(QAccessible::Description).contains(u"developer: "_s));
                QVERIFY(shift->rect().isValid());
            }
        }
        // Every shift of the six weeks, also those behind "+N more".
        QCOMPARE(reached.size(), model->rowCount());
    }

    void aShiftSaysItsConflict()
    {
        CalendarPage page;
        Test::showMonth(page, m_ws.get(), m_from.addDays(14), QSize(1400, 900));
        ShiftRangeModel *model = page.monthModel();
        const Shift shift = model->shiftAt(model->rowCount() / 2);
        const Person dev = m_ws->roster().person(shift.dev).value().value();
        const QDate day = shift.start.toTimeZone(QTimeZone(dev.timeZone.toUtf8())).date().addDays(1);
        auto added = m_ws->roster().addTimeOff(TimeOff{{}, dev.id, day, day, u"Dentist"_s});
        QVERIFY(added);
        QTRY_VERIFY(model->problemsOf(model->indexOf(shift.id).row()) & HardRule);
        QAccessibleInterface *grid = QAccessible::queryAccessibleInterface(page.monthView());
        QString name;
        for (QAccessibleInterface *iface : all(grid)) {
            if (iface->role() == QAccessible::ListItem && iface->parent() != grid &&
                static_cast<ShiftAccessible *>(iface)->shiftId() == shift.id) {
                name = iface->text(QAccessible::Name);
            }
        }
        QVERIFY2(name.contains(u", conflict: "_s) && name.contains(u"on leave"_s), qPrintable(name));
        QVERIFY(m_ws->roster().removeTimeOff(added->id));
    }

    void actionsDoWhatTheKeyboardDoes()
    {
        CalendarPage page;
        Test::showMonth(page, m_ws.get(), m_from.addDays(14), QSize(1400, 900));
        MonthView *view = page.monthView();
        QAccessibleInterface *grid = QAccessible::queryAccessibleInterface(view);
        QAccessibleInterface *shift = nullptr;
        for (int i = 0; i < 42 && !shift; ++i) {
            if (grid->child(i)->childCount() > 0) {
                shift = grid->child(i)->child(0);
            }
        }
        QVERIFY(shift);
        const ShiftId id = static_cast<ShiftAccessible *>(shift)->shiftId();
        QAccessibleActionInterface *actions = shift->actionInterface();
        QVERIFY(actions);
        QVERIFY(actions->actionNames().contains(QAccessibleActionInterface::pressAction()));
        QVERIFY(actions->actionNames().contains(QAccessibleActionInterface::showMenuAction()));

        // Press: the shift becomes current and opens, as Return does.
        QSignalSpy activated(view, &MonthView::shiftActivated);
        actions->doAction(QAccessibleActionInterface::pressAction());
        QCOMPARE(page.currentShift(), id);
        QCOMPARE(activated.size(), 1);
        QVERIFY(shift->state().selected);
        QCOMPARE(grid->focusChild(), shift);

        // Show menu: the shift's context menu, as the menu key opens it.
        QStringList seen;
        Test::onNextPopup([&](QWidget *popup) {
            auto *menu = qobject_cast<QMenu *>(popup);
            QVERIFY(menu);
            for (QAction *action : menu->actions()) {
                seen << action->text();
            }
            menu->close();
        });
        actions->doAction(QAccessibleActionInterface::showMenuAction());
        QVERIFY2(seen.contains(u"&Swap Pair With…"_s), qPrintable(seen.join(u", "_s)));

        // The arrow keys move the focus child with the current day and shift.
        view->setFocus();
        view->setCurrentShift({});
        view->setCurrentDate(view->gridStart().addDays(10));
        QTest::keyClick(view, Qt::Key_Right);
        QAccessibleInterface *focus = grid->focusChild();
        QVERIFY(focus);
        if (page.currentShift().isNull()) {
            QCOMPARE(focus, grid->child(11));
        } else {
            QCOMPARE(static_cast<ShiftAccessible *>(focus)->shiftId(), page.currentShift());
        }
    }

    void timeWithNobodyOnCallIsSaid()
    {
        // This week is not planned: its days say so.
        CalendarPage page;
        Test::showMonth(page, m_ws.get(), m_clock.today(), QSize(1400, 900));
        QAccessibleInterface *grid = QAccessible::queryAccessibleInterface(page.monthView());
        const qint64 today = page.monthView()->gridStart().daysTo(m_clock.today());
        QAccessibleInterface *day = grid->child(int(today));
        QVERIFY2(day->text(QAccessible::Name).contains(u"nobody on call"_s), qPrintable(day->text(QAccessible::Name)));
        QVERIFY(day->text(QAccessible::Description).contains(u"no shift planned"_s));
    }

    void theTimelineListsItsShifts()
    {
        CalendarPage page;
        page.resize(1400, 900);
        page.setWorkspace(m_ws.get());
        page.setMode(CalendarPage::Mode::Timeline);
        page.show();
        TimelineView *timeline = page.timelineView();
        timeline->scrollToDate(m_from);
        ShiftRangeModel *model = timeline->model();
        QVERIFY(model->rowCount() > 0);
        QAccessibleInterface *list = QAccessible::queryAccessibleInterface(timeline);
        QVERIFY(list);
        QVERIFY(list->text(QAccessible::Name).startsWith(u"Timeline, "_s));
        QCOMPARE(list->childCount(), model->rowCount());
        int onScreen = 0;
        for (int i = 0; i < list->childCount(); ++i) {
            QAccessibleInterface *shift = list->child(i);
            QCOMPARE(list->indexOfChild(shift), i);
            QVERIFY(shift->text(QAccessible::Name)
                        .contains(model->index(i).data(ShiftRangeModel::RotationNameRole).toString()));
            onScreen += shift->state().offscreen ? 0 : 1;
        }
        QVERIFY(onScreen > 0);
        QAccessibleInterface *shift = list->child(0);
        shift->actionInterface()->doAction(QAccessibleActionInterface::setFocusAction());
        QCOMPARE(timeline->currentShift(), static_cast<ShiftAccessible *>(shift)->shiftId());
        QCOMPARE(list->focusChild(), shift);
    }

    void noControlWithoutAName()
    {
        // The pages of the main window as a screen reader walks them.
        setConfiguredEmail(m_ws->roster().people().value().first().email);
        MainWindow window;
        QVERIFY(window.openDatabase(m_home.filePath(u"demo.sqlite"_s), true));
        window.resize(1400, 900);
        window.show();
        window.showRoster();
        int checked = 0;
        QStringList unnamed = unnamedControls(&window, &checked);
        QVERIFY2(unnamed.isEmpty(), qPrintable(u"roster: "_s + unnamed.join(u"; "_s)));
        QVERIFY2(checked > 15, qPrintable(QString::number(checked))); // menus, toolbar, search, filters
        window.showCalendar();
        window.calendarPage()->showMonth(m_from.addDays(14));
        checked = 0;
        unnamed = unnamedControls(&window, &checked);
        QVERIFY2(unnamed.isEmpty(), qPrintable(u"month: "_s + unnamed.join(u"; "_s)));
        QVERIFY2(checked > 42, qPrintable(QString::number(checked))); // at least the days
        window.calendarPage()->setMode(CalendarPage::Mode::Timeline);
        unnamed = unnamedControls(&window);
        QVERIFY2(unnamed.isEmpty(), qPrintable(u"timeline: "_s + unnamed.join(u"; "_s)));
        window.showHome();
        unnamed = unnamedControls(&window);
        QVERIFY2(unnamed.isEmpty(), qPrintable(u"home: "_s + unnamed.join(u"; "_s)));
        setConfiguredEmail({});
    }

    void dialogsNameEveryControl_data()
    {
        QTest::addColumn<QString>("dialog");
        for (const char *name : {"plan", "reports", "print", "person", "team", "timeoff", "rotation", "pool",
                                 "identity", "reminders", "share", "pick", "shortcuts", "manual"}) {
            QTest::newRow(name) << QString::fromLatin1(name);
        }
    }

    void dialogsNameEveryControl()
    {
        QFETCH(QString, dialog);
        Workspace &ws = *m_ws;
        const QList<Person> people = ws.roster().people().value();
        MainWindow window;
        std::unique_ptr<QDialog> d;
        if (dialog == u"plan") {
            auto plan = std::make_unique<PlanDialog>(ws);
            plan->findChild<QPushButton *>(u"previewButton"_s)->click();
            QTRY_VERIFY_WITH_TIMEOUT(plan->findChild<QPushButton *>(u"applyButton"_s)->isEnabled() ||
                                         !plan->findChild<QWidget *>(u"planProgress"_s)->isVisible(),
                                     30000);
            d = std::move(plan);
        } else if (dialog == u"reports") {
            d = std::make_unique<ReportsDialog>(ws);
        } else if (dialog == u"print") {
            d = std::make_unique<PrintSheetDialog>(ws);
        } else if (dialog == u"person") {
            auto person = std::make_unique<PersonDialog>(ws.rosterModel().teams(), PersonDialog::Submit());
            person->setPerson(people.first());
            d = std::move(person);
        } else if (dialog == u"team") {
            d = std::make_unique<TeamDialog>(TeamDialog::Submit());
        } else if (dialog == u"timeoff") {
            d = std::make_unique<TimeOffDialog>(ws.editor(), people.first());
        } else if (dialog == u"rotation") {
            auto rotation =
                std::make_unique<RotationDialog>(ws.rosterModel().teams(), people, ws.rotations().pools().value_or({}),
                                                 RotationDialog::Submit(), RotationDialog::AddPool());
            rotation->setRotation(ws.rotations().rotations().value().first());
            d = std::move(rotation);
        } else if (dialog == u"pool") {
            d = std::make_unique<PoolDialog>(people, PoolDialog::Submit());
        } else if (dialog == u"identity") {
            d = std::make_unique<IdentityDialog>(people, QString());
        } else if (dialog == u"reminders") {
            d = std::make_unique<ReminderSettingsDialog>(ReminderSettings(), false);
        } else if (dialog == u"share") {
            d = std::make_unique<ShareDialog>(ws);
        } else if (dialog == u"pick") {
            auto pick = std::make_unique<PickDialog>(u"Assign Developer"_s, u"Who takes the developer seat?"_s);
            pick->setItems({{u"Ada · ada@example.com"_s, u"+8.0 days"_s, true}, {u"Ben"_s, u"on leave"_s, false}});
            d = std::move(pick);
        } else if (dialog == u"shortcuts") {
            d = std::make_unique<ShortcutsDialog>(window.menuBar());
        } else if (dialog == u"manual") {
            d = std::make_unique<ManualDialog>();
        }
        QVERIFY(d);
        d->show();
        QStringList unnamed;
        int checked = 0;
        // Every page of a tabbed dialog.
        const QList<QTabWidget *> tabs = d->findChildren<QTabWidget *>();
        if (tabs.isEmpty()) {
            unnamed = unnamedControls(d.get(), &checked);
        }
        for (QTabWidget *tab : tabs) {
            for (int i = 0; i < tab->count(); ++i) {
                tab->setCurrentIndex(i);
                unnamed += unnamedControls(d.get(), &checked);
            }
        }
        unnamed.removeDuplicates();
        QVERIFY2(unnamed.isEmpty(), qPrintable(dialog + u": "_s + unnamed.join(u"; "_s)));
        QVERIFY(checked > 0);
    }
};

QTEST_MAIN(CalendarAccessibleTest)
#include "calendaraccessibletest.moc"
