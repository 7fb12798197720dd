#include "mainwindow.h"

#include "calendar/calendarpage.h"
#include "dialogdriver.h"
#include "identitydialog.h"
#include "itemmodels/rostercommands.h"
#include "itemmodels/rostermodel.h"
#include "persondialog.h"
#include "rosterpage.h"
#include "services/rosterservice.h"
#include "store/database.h"
#include "testutil.h"
#include "workspace.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>

using namespace Qt::StringLiterals;
using namespace Tandem;

class MainWindowTest : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

private Q_SLOTS:
    void initTestCase()
    {
        // Settings and data of the test stay in a temporary home.
        Test::usePrivateHome(m_home, u"mainwindowtest"_s);
    }

    void emptyDatabaseShowsWelcome()
    {
        QTemporaryDir dir;
        MainWindow window;
        QVERIFY(window.openDatabase(dir.filePath(u"empty.sqlite"_s)));
        auto *pages = window.findChild<QStackedWidget *>();
        QCOMPARE(pages->currentWidget()->objectName(), u"welcomePage"_s);
    }

    void addPersonThroughTheDialogThenUndo()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"roster.sqlite"_s);
        {
            auto db = Database::open(path);
            QVERIFY(db);
            QVERIFY(RosterService(*db.value()).addTeam(Team{{}, u"Payments"_s, u"Europe/Berlin"_s}));
        }
        MainWindow window;
        QVERIFY(window.openDatabase(path));
        window.show();
        auto *pages = window.findChild<QStackedWidget *>();
        QCOMPARE(pages->currentWidget()->objectName(), u"rosterPage"_s);
        auto *view = window.findChild<QTableView *>(u"rosterView"_s);
        QCOMPARE(view->model()->rowCount(), 0);

        bool filled = false;
        Test::onNextDialog([&filled](QWidget *modal) {
            auto *dialog = qobject_cast<PersonDialog *>(modal);
            QVERIFY(dialog);
            QTest::keyClicks(dialog->findChild<QLineEdit *>(u"nameEdit"_s), u"Grace Hopper"_s);
            QTest::keyClicks(dialog->findChild<QLineEdit *>(u"emailEdit"_s), u"grace@example.com"_s);
            QTest::keyClicks(dialog->findChild<QLineEdit *>(u"phoneEdit"_s), u"+1 212 555 0100"_s);
            dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
            filled = true;
        });
        window.findChild<QAction *>(u"actionAddPerson"_s)->trigger();
        QVERIFY(filled);

        QCOMPARE(view->model()->rowCount(), 1);
        QCOMPARE(view->model()->index(0, RosterModel::NameColumn).data().toString(), u"Grace Hopper"_s);
        QCOMPARE(view->model()->index(0, RosterModel::TeamsColumn).data().toString(), u"Payments"_s);
        QCOMPARE(window.rosterPage()->currentPerson().email, u"grace@example.com"_s);

        QAction *undo = window.findChild<QAction *>(u"actionUndo"_s);
        QVERIFY(undo->isEnabled());
        QCOMPARE(undo->text(), u"&Undo Add Grace Hopper"_s);
        QCOMPARE(undo->shortcut(), QKeySequence(QKeySequence::Undo));
        undo->trigger();
        QCOMPARE(view->model()->rowCount(), 0);
        QVERIFY(window.workspace()->roster().people()->isEmpty());

        window.findChild<QAction *>(u"actionRedo"_s)->trigger();
        QCOMPARE(view->model()->rowCount(), 1);
    }

    void searchAndFiltersOnTheDemoTeam()
    {
        MainWindow window;
        QVERIFY(window.openDatabase(Database::demoPath(), true));
        auto *view = window.findChild<QTableView *>(u"rosterView"_s);
        QCOMPARE(view->model()->rowCount(), 30);
        QVERIFY(!window.workspace()->database().path().endsWith(u"tandem.sqlite"_s)); // never the real one
        auto *search = window.findChild<QLineEdit *>(u"rosterSearch"_s);
        QTest::keyClicks(search, u"berlin"_s);
        QVERIFY(view->model()->rowCount() > 0);
        QVERIFY(view->model()->rowCount() < 30);
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            QVERIFY(view->model()->index(row, RosterModel::TimeZoneColumn).data().toString().contains(u"Berlin"_s) ||
                    view->model()->index(row, RosterModel::TeamsColumn).data().toString().contains(u"Payments"_s));
        }
    }

    void refusesAFileThatIsNotADatabase()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"notes.txt"_s);
        QVERIFY(Test::writeFile(path, "shopping list\n"));
        MainWindow window;
        QString shown;
        Test::onNextDialog([&shown](QWidget *modal) {
            shown = modal->findChild<QLabel *>(u"qt_msgbox_label"_s)->text();
            modal->close();
        });
        QVERIFY(!window.openDatabase(path));
        QVERIFY2(shown.contains(u"not a Tandem database"_s), qPrintable(shown));
        QCOMPARE(Test::readFile(path), QByteArray("shopping list\n"));
    }

    // Issue 18: the integrity check runs on demand, from the File menu, off the window's thread.
    void checksTheDatabaseFromTheMenu()
    {
        QTemporaryDir dir;
        MainWindow window;
        QVERIFY(window.openDatabase(Database::demoPath(), true));
        auto *action = window.findChild<QAction *>(u"actionCheckDatabase"_s);
        QVERIFY(action);
        QVERIFY(action->isEnabled());
        QVERIFY(!action->text().isEmpty());
        QString result;
        window.checkDatabase([&result](const QString &message) { result = message; });
        QVERIFY(!action->isEnabled()); // one check at a time
        QTRY_VERIFY_WITH_TIMEOUT(!result.isEmpty(), 30000);
        QVERIFY2(result.startsWith(u"No damage found"_s), qPrintable(result));
        QVERIFY(action->isEnabled());
    }

    void remembersGeometry()
    {
        {
            MainWindow window;
            window.resize(700, 500);
            window.show();
            window.close();
        }
        MainWindow again;
        QCOMPARE(again.size(), QSize(700, 500));
    }

    // Issue 14: a geometry remembered on a larger screen (or a 1280 × 800 laptop at scale 2) put
    // the window off-screen or made it larger than the screen.
    void theWindowFitsTheScreenItOpensOn()
    {
        const QRect free = QGuiApplication::primaryScreen()->availableGeometry();
        {
            MainWindow window;
            window.resize(free.width() + 900, free.height() + 700);
            window.move(free.right() - 50, free.bottom() - 50);
            window.close();
            QSettings().setValue(u"window/geometry"_s, window.saveGeometry());
        }
        MainWindow again;
        again.show();
        QVERIFY2(again.width() <= free.width() && again.height() <= free.height(),
                 qPrintable(
                     u"%1x%2 on %3x%4"_s.arg(again.width()).arg(again.height()).arg(free.width()).arg(free.height())));
        QVERIFY2(free.contains(again.geometry()),
                 qPrintable(u"%1,%2 %3x%4"_s.arg(again.x()).arg(again.y()).arg(again.width()).arg(again.height())));
        again.close();
        QSettings().remove(u"window/geometry"_s);
    }

    void remembersThePage()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"page.sqlite"_s);
        {
            auto db = Database::open(path);
            QVERIFY(db);
            QVERIFY(RosterService(*db.value()).addTeam(Team{{}, u"Payments"_s, u"Europe/Berlin"_s}));
        }
        {
            MainWindow window;
            QVERIFY(window.openDatabase(path));
            window.findChild<QAction *>(u"showCalendarAction"_s)->trigger();
            window.show();
            window.close();
        }
        MainWindow again;
        QVERIFY(again.openDatabase(path));
        QCOMPARE(again.findChild<QStackedWidget *>()->currentWidget()->objectName(), u"calendarPage"_s);
        again.findChild<QAction *>(u"showRosterAction"_s)->trigger();
        again.close();
        MainWindow third;
        QVERIFY(third.openDatabase(path));
        QCOMPARE(third.findChild<QStackedWidget *>()->currentWidget()->objectName(), u"rosterPage"_s);
    }

    void importSaysWhichTimeZonesItRenamed()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath(u"hr-export.csv"_s);
        QVERIFY(Test::writeFile(csv, "name,email,role,team,timezone\n"
                                     "Priya Nair,priya@example.com,developer,Bangalore,Asia/Calcutta\n"
                                     "Sam Ortiz,sam@example.com,operations,Bangalore,America/New_York\n"));
        MainWindow window;
        QVERIFY(window.openDatabase(dir.filePath(u"tandem.sqlite"_s)));
        window.show();
        window.importRoster(csv);
        auto *box = window.findChild<QMessageBox *>(u"importNotesBox"_s);
        QVERIFY(box);
        QTRY_VERIFY(box->isVisible());
        QVERIFY2(box->informativeText().contains(u"Line 2: “Asia/Calcutta” is an old name of the time zone "
                                                 "Asia/Kolkata; stored as Asia/Kolkata."_s),
                 qPrintable(box->informativeText()));
        QVERIFY(!box->informativeText().contains(u"America/New_York"_s));
        const auto priya = window.workspace()->roster().personByEmail(u"priya@example.com"_s);
        QVERIFY(priya && priya.value());
        QCOMPARE(priya.value()->timeZone, u"Asia/Kolkata"_s);
        box->accept();
    }

    // Issue 14: on the calendar, Time Off… opened the time off of the person still selected on
    // the hidden roster page. Person actions act on the selection of the page shown.
    void personActionsActOnThePageShown()
    {
        QTemporaryDir dir;
        MainWindow window;
        QVERIFY(window.openDatabase(dir.filePath(u"actions.sqlite"_s), true));
        window.showRoster();
        const QList<Person> people = window.workspace()->roster().people().value();
        const Person onRoster = people.at(0);
        const Person inDock = people.at(1);
        window.rosterPage()->selectPerson(onRoster.id);
        auto *timeOff = window.findChild<QAction *>(u"actionTimeOff"_s);
        QVERIFY(timeOff->isEnabled());

        window.showCalendar();
        // Nothing is selected in the calendar's People dock: nothing to act on.
        QVERIFY(!timeOff->isEnabled());
        auto *dock = window.calendarPage()->findChild<QListWidget *>(u"rosterList"_s);
        QListWidgetItem *item = nullptr;
        for (int i = 0; i < dock->count(); ++i) {
            if (dock->item(i)->data(Qt::UserRole).toString() == inDock.id.toString()) {
                item = dock->item(i);
            }
        }
        QVERIFY(item);
        dock->setCurrentItem(item);
        QVERIFY(timeOff->isEnabled());
        QString title;
        Test::onNextDialog([&title](QWidget *dialog) {
            title = dialog->windowTitle();
            static_cast<QDialog *>(dialog)->reject();
        });
        timeOff->trigger();
        QCOMPARE(title, u"Time Off: %1"_s.arg(inDock.name));

        // Home shows nobody's roster selection.
        window.showHome();
        QVERIFY(!timeOff->isEnabled());
        window.showRoster();
        QVERIFY(timeOff->isEnabled());
        Test::onNextDialog([&title](QWidget *dialog) {
            title = dialog->windowTitle();
            static_cast<QDialog *>(dialog)->reject();
        });
        timeOff->trigger();
        QCOMPARE(title, u"Time Off: %1"_s.arg(onRoster.name));
    }

    // Issue 14: "Highlight my shifts" appeared only after a restart once an identity was set.
    void highlightMyShiftsFollowsTheIdentityAtOnce()
    {
        QTemporaryDir dir;
        QSettings().remove(u"identity/email"_s);
        MainWindow window;
        QVERIFY(window.openDatabase(dir.filePath(u"identity.sqlite"_s), true));
        window.showCalendar();
        auto *highlight = window.calendarPage()->findChild<QComboBox *>(u"highlightCombo"_s);
        QCOMPARE(highlight->findText(u"Highlight my shifts"_s, Qt::MatchStartsWith), -1);
        const Person me = window.workspace()->roster().people().value().at(2);
        window.setIdentity();
        auto *dialog = window.findChild<IdentityDialog *>();
        QVERIFY(dialog);
        dialog->combo()->setCurrentIndex(dialog->combo()->findData(me.email));
        dialog->accept();
        QVERIFY(highlight->findText(u"Highlight my shifts (%1)"_s.arg(me.name)) >= 0);
        QSettings().remove(u"identity/email"_s);
    }

    // Issue 14: one menu had two commands on the same letter; Alt+letter then only cycles.
    void everyMenuHasUniqueMnemonics()
    {
        QTemporaryDir dir;
        MainWindow window;
        QVERIFY(window.openDatabase(dir.filePath(u"mnemonics.sqlite"_s), true));
        const auto mnemonic = &Test::mnemonic;
        QHash<QChar, QString> top;
        for (QAction *menuAction : window.menuBar()->actions()) {
            const QChar letter = mnemonic(menuAction->text());
            QVERIFY2(!letter.isNull(), qPrintable(menuAction->text()));
            QVERIFY2(!top.contains(letter), qPrintable(menuAction->text() + u" and "_s + top.value(letter)));
            top.insert(letter, menuAction->text());
            QHash<QChar, QString> seen;
            for (QAction *action : menuAction->menu()->actions()) {
                if (action->isSeparator()) {
                    continue;
                }
                const QChar key = mnemonic(action->text());
                QVERIFY2(!key.isNull(), qPrintable(action->text()));
                QVERIFY2(!seen.contains(key),
                         qPrintable(menuAction->text() + u": "_s + action->text() + u" and "_s + seen.value(key)));
                seen.insert(key, action->text());
            }
        }
    }

    // Issue 14: a long undo text ("Undo Assign Jonas Becker to the developer seat…") pushed the
    // toolbar's commands into its overflow menu. The toolbar says "Undo"; the tooltip says what.
    void toolbarLabelsStayShort()
    {
        QTemporaryDir dir;
        MainWindow window;
        QVERIFY(window.openDatabase(dir.filePath(u"toolbar.sqlite"_s), true));
        window.showRoster();
        const Person p = window.workspace()->roster().people().value().first();
        window.rosterPage()->selectPerson(p.id);
        Person renamed = p;
        renamed.name = u"Someone With A Really Quite Remarkably Long Name Indeed"_s;
        QVERIFY(window.workspace()->editor().updatePerson(renamed));
        auto *undo = window.findChild<QAction *>(u"actionUndo"_s);
        QVERIFY(undo->isEnabled());
        QVERIFY(undo->text().size() > 20);
        auto *toolBar = window.findChild<QToolBar *>(u"mainToolBar"_s);
        auto *button = qobject_cast<QToolButton *>(toolBar->widgetForAction(undo));
        QVERIFY(button);
        QCOMPARE(button->text(), u"Undo"_s);
        QVERIFY2(undo->toolTip().startsWith(u"Undo "_s) && undo->toolTip().size() > 10, qPrintable(undo->toolTip()));
    }
};

QTEST_MAIN(MainWindowTest)
#include "mainwindowtest.moc"
