#include "mainwindow.h"

#include "appicon.h"
#include "calendar/calendarpage.h"
#include "calendar/monthview.h"
#include "calendar/timelineview.h"
#include "home/homepage.h"
#include "home/remindersettingsdialog.h"
#include "home/remindertray.h"
#include "ical/icalinfo.h"
#include "identitydialog.h"
#include "importreportdialog.h"
#include "itemmodels/plancommands.h"
#include "itemmodels/rostercommands.h"
#include "itemmodels/rostermodel.h"
#include "itemmodels/rotationcommands.h"
#include "itemmodels/shiftcommands.h"
#include "itemmodels/shiftrangemodel.h"
#include "manualdialog.h"
#include "persondialog.h"
#include "plandialog.h"
#include "printsheetdialog.h"
#include "reportsdialog.h"
#include "rosteractions.h"
#include "rosterpage.h"
#include "rotationdialog.h"
#include "services/fileio.h"
#include "services/icalservice.h"
#include "services/identity.h"
#include "services/onboardingservice.h"
#include "services/rosterservice.h"
#include "services/rotationservice.h"
#include "servicesdialog.h"
#include "shortcutsdialog.h"
#include "store/database.h"
#include "sync/syncui.h"
#include "teamdialog.h"
#include "timeoffdialog.h"
#include "transferactions.h"
#include "welcomepage.h"
#include "workspace.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSaveFile>
#include <QScreen>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QThread>
#include <QTimeZone>
#include <QTimer>
#include <QToolBar>

using namespace Qt::StringLiterals;

namespace Tandem {

MainWindow::MainWindow(QWidget *parent) : QMainWindow(parent)
{
    setObjectName(u"mainWindow"_s);
    m_rosterActions = new RosterActions(*this);
    m_transferActions = new TransferActions(*this);
    m_pages = new QStackedWidget(this);
    m_welcomePage = new WelcomePage(m_pages);
    m_rosterPage = new RosterPage(m_pages);
    m_pages->addWidget(m_welcomePage);
    m_pages->addWidget(m_rosterPage);
    m_calendarPage = new CalendarPage(m_pages);
    // Its filter bar is wide; the roster page decides how small the window may get.
    m_calendarPage->setMinimumSize(200, 200);
    m_pages->addWidget(m_calendarPage);
    m_homePage = new HomePage(m_pages);
    m_homePage->setMinimumSize(200, 200);
    m_pages->addWidget(m_homePage);
    connect(m_homePage, &HomePage::statusMessage, this,
            [this](const QString &text, int timeout) { statusBar()->showMessage(text, timeout); });
    connect(m_homePage, &HomePage::identityRequested, this, &MainWindow::setIdentity);
    setWindowIcon(applicationIcon());
    m_reminders = new ReminderTray(this);
    connect(m_reminders, &ReminderTray::reminded, m_homePage, &HomePage::showReminder);
    connect(m_reminders, &ReminderTray::showRequested, this, [this] { activate(); });
    connect(m_reminders, &ReminderTray::openShiftRequested, this,
            [this](const Reminder &reminder) { openShift(reminder.shift, reminder.shiftStart); });
    connect(m_reminders, &ReminderTray::quitRequested, this, [this] {
        m_quitting = true;
        close();
    });
    connect(m_calendarPage, &CalendarPage::currentPersonChanged, this, &MainWindow::updateActions);
    connect(m_calendarPage, &CalendarPage::statusMessage, this,
            [this](const QString &text, int timeout) { statusBar()->showMessage(text, timeout); });
    connect(m_calendarPage, &CalendarPage::printRequested, this,
            [this](QDate from, QDate to) { printSheet(QPair<QDate, QDate>(from, to)); });
    connect(m_calendarPage, &CalendarPage::replanRequested, this, [this](QDate from) {
        if (!m_workspace) {
            return;
        }
        PlanDialog dialog(*m_workspace, this);
        dialog.setHorizon(from, from.addDays(13 * 7 - 1));
        dialog.exec();
    });
    setCentralWidget(m_pages);

    m_statusCount = new QLabel(this);
    m_statusPath = new QLabel(this);
    m_statusPath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(m_statusCount);
    statusBar()->addPermanentWidget(m_statusPath);

    createActions();
    m_sync = new SyncUi(this);
    createMenus();

    connect(m_welcomePage, &WelcomePage::createTeamRequested, this, &MainWindow::createTeam);
    connect(m_welcomePage, &WelcomePage::importRequested, this, [this] { importRoster(); });
    connect(m_welcomePage, &WelcomePage::demoRequested, this, [this] { openDatabase(Database::demoPath(), true); });
    connect(m_rosterPage, &RosterPage::activated, this, &MainWindow::editPerson);
    connect(m_rosterPage, &RosterPage::currentChanged, this, &MainWindow::updateActions);
    connect(m_rosterPage, &RosterPage::contextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu(this);
        menu.addAction(m_editPerson);
        menu.addAction(m_timeOff);
        menu.addSeparator();
        menu.addAction(m_removePerson);
        menu.exec(pos);
    });

    QSettings settings;
    // Without a window manager (and on first start) the window still gets a useful size.
    if (!restoreGeometry(settings.value(u"window/geometry"_s).toByteArray())) {
        // A useful size that fits the screen (a 1280 × 800 laptop leaves room for its panel).
        const QScreen *screen = QGuiApplication::primaryScreen();
        const QSize free = screen ? screen->availableGeometry().size() : QSize(1280, 800);
        resize(QSize(1280, 800).boundedTo(free - QSize(16, 48)));
    }
    restoreState(settings.value(u"window/state"_s).toByteArray());
    // Back on the page the user left: the roster or the calendar.
    m_calendarShown = settings.value(u"window/page"_s).toString() == u"calendar";
    // An engineer who said who they are starts on their Home page.
    m_homeShown = !configuredEmail().isEmpty();
    updateActions();
    updateTitle();
}

MainWindow::~MainWindow()
{
    // The pages show models of the workspace: detach them before it goes.
    m_sync->setWorkspace(nullptr);
    m_rosterPage->setModel(nullptr);
    m_calendarPage->setWorkspace(nullptr);
    m_reminders->setWorkspace(nullptr);
    m_homePage->setWorkspace(nullptr);
}

void MainWindow::createActions()
{
    auto make = [this](const QString &name, const QString &text, const QKeySequence &shortcut = {}) {
        auto *action = new QAction(text, this);
        action->setObjectName(name);
        if (!shortcut.isEmpty()) {
            action->setShortcut(shortcut);
        }
        return action;
    };
    m_newDatabase = make(u"actionNewDatabase"_s, tr("&New Database…"), QKeySequence(u"Ctrl+Shift+N"_s));
    m_openDatabase = make(u"actionOpenDatabase"_s, tr("&Open Database…"), QKeySequence::Open);
    m_openDemo = make(u"actionOpenDemo"_s, tr("Open &Demo Team"));
    m_checkDatabase = make(u"actionCheckDatabase"_s, tr("Chec&k Database…"));
    m_import = make(u"actionImportRoster"_s, tr("&Import Roster…"), QKeySequence(u"Ctrl+I"_s));
    m_export = make(u"actionExportRoster"_s, tr("&Export Roster…"), QKeySequence(u"Ctrl+E"_s));
    m_exportIcal = make(u"actionExportIcal"_s, tr("Export i&Calendar…"));
    m_importTimeOffIcal = make(u"actionImportTimeOffIcal"_s, tr("Import &Time Off from iCalendar…"));
    m_importHolidaysIcal = make(u"actionImportHolidaysIcal"_s, tr("Import &Holidays from iCalendar…"));
    m_importHistory = make(u"actionImportHistory"_s, tr("Import On-Call Histor&y…"));
    m_quit = make(u"actionQuit"_s, tr("&Quit"), QKeySequence::Quit);
    m_undo = make(u"actionUndo"_s, tr("&Undo"), QKeySequence::Undo);
    m_redo = make(u"actionRedo"_s, tr("&Redo"), QKeySequence::Redo);
    m_addPerson = make(u"actionAddPerson"_s, tr("&Add Person…"), QKeySequence(u"Ctrl+N"_s));
    m_editPerson = make(u"actionEditPerson"_s, tr("&Edit Person…"), QKeySequence(u"Ctrl+Return"_s));
    m_removePerson = make(u"actionRemovePerson"_s, tr("Remo&ve Person…"), QKeySequence::Delete);
    m_timeOff = make(u"actionTimeOff"_s, tr("&Time Off…"), QKeySequence(u"Ctrl+T"_s));
    m_newTeam = make(u"actionNewTeam"_s, tr("Ne&w Team…"));
    m_editTeam = make(u"actionEditTeam"_s, tr("Edit Tea&m…"));
    m_find = make(u"actionFind"_s, tr("&Find…"), QKeySequence::Find);
    m_newRotation = make(u"actionNewRotation"_s, tr("&New Rotation…"));
    m_editRotation = make(u"actionEditRotation"_s, tr("&Edit Rotation…"));
    m_services = make(u"actionServices"_s, tr("Ser&vices…"));
    m_plan = make(u"actionPlan"_s, tr("&Plan…"));
    m_printSheet = make(u"actionPrintSheet"_s, tr("&Print Rotation Sheet…"), QKeySequence::Print);
    m_reports = make(u"actionReports"_s, tr("&Reports…"), QKeySequence(u"Ctrl+R"_s));
    m_setIdentity = make(u"actionSetIdentity"_s, tr("Set My &Identity…"));
    m_reminderSettings = make(u"actionReminderSettings"_s, tr("Remin&ders…"));
    m_showToolBar = make(u"actionShowToolBar"_s, tr("Show Tool&bar"));
    m_showToolBar->setCheckable(true);
    m_about = make(u"actionAbout"_s, tr("&About Tandem"));
    m_aboutQt = make(u"actionAboutQt"_s, tr("About &Qt"));
    m_removePerson->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_rosterPage->view()->addAction(m_removePerson);

    connect(m_newDatabase, &QAction::triggered, this, &MainWindow::newDatabase);
    connect(m_openDatabase, &QAction::triggered, this, &MainWindow::openDatabaseDialog);
    connect(m_openDemo, &QAction::triggered, this, [this] { openDatabase(Database::demoPath(), true); });
    connect(m_checkDatabase, &QAction::triggered, this, [this] { checkDatabase(); });
    connect(m_import, &QAction::triggered, this, [this] { importRoster(); });
    connect(m_export, &QAction::triggered, this, [this] { exportRoster(); });
    connect(m_exportIcal, &QAction::triggered, this, [this] { exportIcal(); });
    connect(m_importTimeOffIcal, &QAction::triggered, this, [this] { importTimeOffIcal(); });
    connect(m_importHolidaysIcal, &QAction::triggered, this, [this] { importHolidaysIcal(); });
    connect(m_importHistory, &QAction::triggered, this, [this] { importHistory(); });
    connect(m_quit, &QAction::triggered, this, [this] {
        m_quitting = true;
        close();
    });
    connect(m_setIdentity, &QAction::triggered, this, &MainWindow::setIdentity);
    connect(m_reminderSettings, &QAction::triggered, this, &MainWindow::editReminderSettings);
    connect(m_undo, &QAction::triggered, this, [this] {
        if (m_workspace) {
            m_workspace->undoStack().undo();
        }
    });
    connect(m_redo, &QAction::triggered, this, [this] {
        if (m_workspace) {
            m_workspace->undoStack().redo();
        }
    });
    connect(m_addPerson, &QAction::triggered, this, &MainWindow::addPerson);
    connect(m_editPerson, &QAction::triggered, this, [this] { editPerson(currentPerson()); });
    connect(m_removePerson, &QAction::triggered, this, [this] { removePerson(currentPerson()); });
    connect(m_timeOff, &QAction::triggered, this, [this] { editTimeOff(currentPerson()); });
    connect(m_newTeam, &QAction::triggered, this, &MainWindow::createTeam);
    connect(m_editTeam, &QAction::triggered, this, [this] {
        if (!m_workspace) {
            return;
        }
        const QList<Team> teams = m_workspace->rosterModel().teams();
        QStringList names;
        for (const Team &team : teams) {
            names.append(team.name);
        }
        bool ok = false;
        const QString name = QInputDialog::getItem(this, tr("Edit Team"), tr("Team:"), names, 0, false, &ok);
        const auto index = names.indexOf(name);
        if (!ok || index < 0) {
            return;
        }
        TeamDialog dialog([this](const Team &team) { return m_workspace->editor().updateTeam(team); }, this);
        dialog.setTeam(teams.at(index));
        dialog.exec();
    });
    connect(m_find, &QAction::triggered, this, [this] {
        m_rosterPage->searchEdit()->setFocus();
        m_rosterPage->searchEdit()->selectAll();
    });
    connect(m_newRotation, &QAction::triggered, this, &MainWindow::newRotation);
    connect(m_editRotation, &QAction::triggered, this, &MainWindow::editRotation);
    connect(m_services, &QAction::triggered, this, [this] {
        if (m_workspace) {
            ServicesDialog dialog(m_workspace->database(), &m_workspace->undoStack(), this);
            dialog.exec();
        }
    });
    connect(m_plan, &QAction::triggered, this, &MainWindow::planRotations);
    connect(m_printSheet, &QAction::triggered, this, [this] { printSheet(); });
    connect(m_reports, &QAction::triggered, this, &MainWindow::showReports);
    connect(m_about, &QAction::triggered, this, &MainWindow::about);
    connect(m_aboutQt, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_newDatabase);
    file->addAction(m_openDatabase);
    file->addAction(m_openDemo);
    file->addAction(m_checkDatabase);
    file->addSeparator();
    file->addAction(m_import);
    file->addAction(m_export);
    file->addSeparator();
    file->addAction(m_exportIcal);
    file->addAction(m_importTimeOffIcal);
    file->addAction(m_importHolidaysIcal);
    file->addAction(m_importHistory);
    file->addSeparator();
    file->addAction(m_printSheet);
    file->addSeparator();
    file->addAction(m_quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undo);
    edit->addAction(m_redo);
    edit->addSeparator();
    edit->addAction(m_addPerson);
    edit->addAction(m_editPerson);
    edit->addAction(m_timeOff);
    edit->addAction(m_removePerson);
    edit->addSeparator();
    edit->addAction(m_newTeam);
    edit->addAction(m_editTeam);
    edit->addSeparator();
    edit->addAction(m_find);
    edit->addSeparator();
    edit->addAction(m_setIdentity);
    edit->addAction(m_reminderSettings);

    QMenu *rotations = menuBar()->addMenu(tr("&Rotations"));
    rotations->setObjectName(u"rotationsMenu"_s);
    rotations->addAction(m_newRotation);
    rotations->addAction(m_editRotation);
    rotations->addAction(m_services);
    rotations->addSeparator();
    rotations->addAction(m_plan);
    rotations->addSeparator();
    rotations->addAction(m_reports);
    rotations->addSeparator();
    rotations->addAction(m_sync->shareAction());
    rotations->addAction(m_sync->syncNowAction());
    rotations->addAction(m_sync->conflictsAction());
    rotations->addAction(m_sync->flagsAction());
    rotations->addAction(m_sync->offersAction());

    QToolBar *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(u"mainToolBar"_s);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->addAction(m_addPerson);
    toolBar->addAction(m_editPerson);
    toolBar->addAction(m_timeOff);
    toolBar->addAction(m_removePerson);
    toolBar->addSeparator();
    toolBar->addAction(m_undo);
    toolBar->addAction(m_redo);
    toolBar->addSeparator();
    toolBar->addAction(m_import);
    toolBar->addAction(m_export);
    toolBar->addSeparator();
    toolBar->addAction(m_plan);
    // Short words on the toolbar, so that it fits a laptop screen; the menu says it in full and
    // the tooltip says what exactly (the undo step) and the shortcut.
    const QList<QPair<QAction *, QString>> shortLabels{{m_addPerson, tr("Add Person")},
                                                       {m_editPerson, tr("Edit")},
                                                       {m_timeOff, tr("Time Off")},
                                                       {m_removePerson, tr("Remove")},
                                                       {m_undo, tr("Undo")},
                                                       {m_redo, tr("Redo")},
                                                       {m_import, tr("Import Roster")},
                                                       {m_export, tr("Export Roster")},
                                                       {m_plan, tr("Plan")}};
    for (const auto &[action, label] : shortLabels) {
        action->setIconText(label);
    }

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_showHome = view->addAction(tr("&Home"));
    m_showHome->setObjectName(u"showHomeAction"_s);
    m_showHome->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_showHome->setCheckable(true);
    connect(m_showHome, &QAction::triggered, this, &MainWindow::showHome);
    m_showRoster = view->addAction(tr("&Roster"));
    m_showRoster->setObjectName(u"showRosterAction"_s);
    m_showRoster->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    m_showRoster->setCheckable(true);
    m_showCalendar = view->addAction(tr("&Calendar: Month"));
    m_showCalendar->setObjectName(u"showCalendarAction"_s);
    m_showCalendar->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    m_showCalendar->setCheckable(true);
    m_showTimeline = view->addAction(tr("Calendar: &Timeline"));
    m_showTimeline->setObjectName(u"showTimelineAction"_s);
    m_showTimeline->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    m_showTimeline->setCheckable(true);
    connect(m_showRoster, &QAction::triggered, this, &MainWindow::showRoster);
    connect(m_showCalendar, &QAction::triggered, this, [this] {
        m_calendarPage->setMode(CalendarPage::Mode::Month);
        showCalendar();
    });
    connect(m_showTimeline, &QAction::triggered, this, [this] {
        m_calendarPage->setMode(CalendarPage::Mode::Timeline);
        showCalendar();
    });
    connect(m_calendarPage, &CalendarPage::modeChanged, this, &MainWindow::updatePage);
    view->addSeparator();
    m_showToolBar->setChecked(true);
    connect(m_showToolBar, &QAction::toggled, toolBar, &QToolBar::setVisible);
    connect(toolBar, &QToolBar::visibilityChanged, m_showToolBar, &QAction::setChecked);
    view->addAction(m_showToolBar);
    QAction *statusBarAction = view->addAction(tr("Show &Status Bar"));
    statusBarAction->setCheckable(true);
    statusBarAction->setChecked(true);
    connect(statusBarAction, &QAction::toggled, statusBar(), &QStatusBar::setVisible);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *manual = help->addAction(tr("Tandem &Manual"));
    manual->setObjectName(u"actionManual"_s);
    manual->setShortcut(QKeySequence::HelpContents);
    connect(manual, &QAction::triggered, this, [this] {
        ManualDialog dialog(this);
        dialog.exec();
    });
    QAction *shortcuts = help->addAction(tr("&Keyboard Shortcuts"));
    shortcuts->setObjectName(u"actionShortcuts"_s);
    shortcuts->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Slash));
    connect(shortcuts, &QAction::triggered, this, [this] {
        ShortcutsDialog dialog(menuBar(), this);
        dialog.exec();
    });
    help->addSeparator();
    help->addAction(m_about);
    help->addAction(m_aboutQt);
}

bool MainWindow::openDatabase(const QString &path, bool demo)
{
    auto opened = Workspace::open(path, demo);
    if (!opened) {
        showError(tr("Cannot Open Database"), opened.errorMessage());
        return false;
    }
    m_sync->setWorkspace(nullptr);
    m_rosterPage->setModel(nullptr);
    m_calendarPage->setWorkspace(nullptr);
    m_reminders->setWorkspace(nullptr);
    m_homePage->setWorkspace(nullptr);
    m_workspace = std::move(opened).value();
    Workspace *ws = m_workspace.get();
    if (ws->database().checkedAfterCrash()) {
        statusBar()->showMessage(tr("Tandem was not closed properly last time; the database was checked and is sound."),
                                 15000);
    }
    m_rosterPage->setModel(&ws->rosterModel());
    m_calendarPage->setWorkspace(ws);
    m_homePage->setWorkspace(ws);
    m_reminders->setWorkspace(ws);
    m_sync->setWorkspace(ws);
    connect(&ws->shiftEditor(), &ShiftEditor::failed, this,
            [this](const QString &message) { showError(tr("Cannot Undo or Redo"), message); });
    connect(&ws->undoStack(), &QUndoStack::indexChanged, this, &MainWindow::updateActions);
    connect(&ws->undoStack(), &QUndoStack::cleanChanged, this, &MainWindow::updateActions);
    connect(&ws->editor(), &RosterEditor::failed, this,
            [this](const QString &message) { showError(tr("Cannot Undo or Redo"), message); });
    connect(&ws->rotationEditor(), &RotationEditor::failed, this,
            [this](const QString &message) { showError(tr("Cannot Undo or Redo"), message); });
    connect(&ws->planEditor(), &PlanEditor::failed, this,
            [this](const QString &message) { showError(tr("Cannot Undo or Redo"), message); });
    connect(&ws->rosterModel(), &RosterModel::editRefused, this,
            [this](const QString &message) { showError(tr("Edit Refused"), message); });
    connect(&ws->database(), &Database::committed, this, [this](const QList<ChangeEntry> &changes) {
        for (const ChangeEntry &change : changes) {
            if (change.entity == Entity::Team) {
                m_rosterPage->refreshTeams();
                break;
            }
        }
        for (const ChangeEntry &change : changes) {
            if (change.entity == Entity::Rotation) {
                refreshRotationState();
                break;
            }
        }
        updatePage();
        updateActions();
    });
    auto *model = &ws->rosterModel();
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
        connect(model, signal, this, &MainWindow::updateTitle);
    }
    if (!demo) {
        QSettings().setValue(u"database/last"_s, ws->database().path());
    }
    refreshRotationState();
    updatePage();
    updateActions();
    updateTitle();
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(ws->database().path())), 5000);
    if (m_promptIdentity && !m_identityAsked && configuredEmail().isEmpty() && ws->rosterModel().rowCount() > 0) {
        m_identityAsked = true;
        QTimer::singleShot(0, this, &MainWindow::setIdentity);
    }
    return true;
}

Person MainWindow::currentPerson() const
{
    // The person actions act on the page shown: the roster's selection, the calendar's People
    // dock, nobody on Home or the welcome page. Never a selection the user cannot see.
    if (m_pages->currentWidget() == m_rosterPage) {
        return m_rosterPage->currentPerson();
    }
    if (m_pages->currentWidget() == m_calendarPage) {
        return m_calendarPage->currentPerson();
    }
    return {};
}

void MainWindow::updatePage()
{
    const bool empty =
        !m_workspace || (m_workspace->rosterModel().rowCount() == 0 && m_workspace->rosterModel().teams().isEmpty());
    if (empty) {
        m_pages->setCurrentWidget(m_welcomePage);
    } else if (m_homeShown) {
        m_pages->setCurrentWidget(m_homePage);
    } else if (m_calendarShown) {
        m_pages->setCurrentWidget(m_calendarPage);
    } else {
        m_pages->setCurrentWidget(m_rosterPage);
    }
    updateActions();
    if (m_showRoster) {
        m_showHome->setChecked(m_homeShown);
        m_showRoster->setChecked(!m_homeShown && !m_calendarShown);
        const bool month = m_calendarPage->mode() == CalendarPage::Mode::Month;
        m_showCalendar->setChecked(!m_homeShown && m_calendarShown && month);
        m_showTimeline->setChecked(!m_homeShown && m_calendarShown && !month);
    }
}

void MainWindow::updateTitle()
{
    if (!m_workspace) {
        setWindowTitle(tr("Tandem"));
        m_statusPath->clear();
        m_statusCount->clear();
        return;
    }
    const QString name = QFileInfo(m_workspace->database().path()).fileName();
    setWindowTitle(m_workspace->isDemo() ? tr("Demo Team — Tandem") : tr("%1 — Tandem").arg(name));
    m_statusCount->setText(tr("%n people", nullptr, m_workspace->rosterModel().rowCount()) + u" · "_s +
                           tr("%n team(s)", nullptr, int(m_workspace->rosterModel().teams().size())));
    m_statusPath->setText(QDir::toNativeSeparators(m_workspace->database().path()));
}

void MainWindow::updateActions()
{
    const bool open = m_workspace != nullptr;
    const bool hasPerson = open && !currentPerson().id.isNull();
    const bool hasTeams = open && !m_workspace->rosterModel().teams().isEmpty();
    m_import->setEnabled(open);
    m_export->setEnabled(open && m_workspace->rosterModel().rowCount() > 0);
    m_exportIcal->setEnabled(open);
    m_checkDatabase->setEnabled(open && !m_checking);
    m_importTimeOffIcal->setEnabled(open);
    m_importHolidaysIcal->setEnabled(open);
    m_importHistory->setEnabled(open && m_hasRotations);
    m_addPerson->setEnabled(open);
    m_newTeam->setEnabled(open);
    m_editTeam->setEnabled(hasTeams);
    m_editPerson->setEnabled(hasPerson);
    m_newRotation->setEnabled(hasTeams);
    m_editRotation->setEnabled(open && m_hasRotations);
    m_services->setEnabled(open && m_hasRotations);
    m_plan->setEnabled(open && m_hasRotations);
    m_printSheet->setEnabled(open && m_hasRotations);
    m_reports->setEnabled(open && m_hasRotations);
    m_removePerson->setEnabled(hasPerson);
    m_timeOff->setEnabled(hasPerson);
    QUndoStack *stack = open ? &m_workspace->undoStack() : nullptr;
    m_undo->setEnabled(stack && stack->canUndo());
    m_redo->setEnabled(stack && stack->canRedo());
    m_undo->setText(stack && stack->canUndo() ? tr("&Undo %1").arg(stack->undoText()) : tr("&Undo"));
    m_redo->setText(stack && stack->canRedo() ? tr("&Redo %1").arg(stack->redoText()) : tr("&Redo"));
    // setText() resets the toolbar's short word; the detail goes to the tooltip.
    m_undo->setIconText(tr("Undo"));
    m_redo->setIconText(tr("Redo"));
    for (QAction *action :
         {m_addPerson, m_editPerson, m_timeOff, m_removePerson, m_undo, m_redo, m_import, m_export, m_plan}) {
        QString tip = action->text().remove(u'&');
        if (tip.endsWith(u'…')) {
            tip.chop(1);
        }
        if (!action->shortcut().isEmpty()) {
            tip += u" ("_s + action->shortcut().toString(QKeySequence::NativeText) + u')';
        }
        action->setToolTip(tip);
    }
    updateTitle();
}

void MainWindow::showError(const QString &title, const QString &message)
{
    statusBar()->showMessage(message, 10000);
    QMessageBox::warning(this, title, message);
}

void MainWindow::addPerson()
{
    m_rosterActions->addPerson();
}

void MainWindow::editPerson(const Person &person)
{
    m_rosterActions->editPerson(person);
}

void MainWindow::removePerson(const Person &person)
{
    m_rosterActions->removePerson(person);
}

void MainWindow::editTimeOff(const Person &person)
{
    m_rosterActions->editTimeOff(person);
}

void MainWindow::createTeam()
{
    m_rosterActions->createTeam();
}

void MainWindow::importRoster(const QString &fileName)
{
    m_transferActions->importRoster(fileName);
}

void MainWindow::checkDatabase(const std::function<void(const QString &)> &done)
{
    if (!m_workspace || m_checking) {
        return;
    }
    const QString path = m_workspace->database().path();
    // The check reads the whole file (a second for a large one): on a connection of its own in a
    // worker thread, while a busy dialog says what happens.
    auto result = std::make_shared<Result<QStringList>>(QStringList());
    QThread *worker = QThread::create([path, result] { *result = Database::checkIntegrity(path); });
    auto *busy = new QProgressDialog(tr("Checking %1…").arg(QFileInfo(path).fileName()), QString(), 0, 0, this);
    busy->setObjectName(u"checkDatabaseProgress"_s);
    busy->setWindowTitle(tr("Check Database"));
    busy->setWindowModality(Qt::WindowModal);
    busy->setMinimumDuration(300);
    m_checking = true;
    m_checkDatabase->setEnabled(false);
    connect(worker, &QThread::finished, this, [this, worker, busy, result, path, done] {
        worker->deleteLater();
        busy->deleteLater();
        m_checking = false;
        updateActions();
        QString message;
        if (!*result) {
            message = result->errorMessage();
            showError(tr("Cannot Check Database"), message);
        } else if (result->value().isEmpty()) {
            message = tr("No damage found in %1.").arg(QDir::toNativeSeparators(path));
            statusBar()->showMessage(message, 10000);
        } else {
            const QStringList &problems = result->value();
            message = tr("%1 is damaged: %2").arg(QDir::toNativeSeparators(path), problems.first());
            statusBar()->showMessage(message);
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Database Damaged"), message, QMessageBox::Ok, this);
            box->setObjectName(u"checkDatabaseResult"_s);
            box->setInformativeText(tr("Restore the file from a backup, or join the team again from its shared "
                                       "calendar. What SQLite found:\n%1")
                                        .arg(problems.mid(0, 10).join(u'\n')));
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        }
        if (done) {
            done(message);
        }
    });
    worker->start();
}

void MainWindow::exportRoster(const QString &fileName)
{
    m_transferActions->exportRoster(fileName);
}

void MainWindow::exportIcal(const QString &fileName)
{
    m_transferActions->exportIcal(fileName);
}

void MainWindow::importTimeOffIcal(const QString &fileName)
{
    m_transferActions->importTimeOffIcal(fileName);
}

void MainWindow::importHolidaysIcal(const QString &fileName)
{
    m_transferActions->importHolidaysIcal(fileName);
}

void MainWindow::importHistory(const QString &fileName)
{
    m_transferActions->importHistory(fileName);
}

void MainWindow::refreshRotationState()
{
    // A failed read counts as none: it only greys out the actions that need a rotation, and each
    // of them reads again and shows its own error.
    m_hasRotations = m_workspace && !m_workspace->rotations().rotations().value_or({}).isEmpty();
}

void MainWindow::newRotation()
{
    if (!m_workspace) {
        return;
    }
    Workspace *ws = m_workspace.get();
    const auto people = ws->roster().people();
    const auto pools = ws->rotations().pools();
    if (!people || !pools) {
        showError(tr("Cannot Create Rotation"), (people ? pools.error() : people.error()).message);
        return;
    }
    RotationDialog dialog(
        ws->rosterModel().teams(), people.value(), pools.value(),
        [ws](const Rotation &rotation) -> Status {
            auto added = ws->rotationEditor().addRotation(rotation);
            return added ? Status() : Status(added.error());
        },
        [ws](const OpsPool &pool) { return ws->rotationEditor().addPool(pool); }, this);
    if (dialog.exec() == QDialog::Accepted) {
        statusBar()->showMessage(
            tr("Created rotation %1. Plan its shifts with Rotations ▸ Plan.").arg(dialog.rotation().name), 8000);
    }
}

void MainWindow::editRotation()
{
    if (!m_workspace) {
        return;
    }
    Workspace *ws = m_workspace.get();
    const auto rotations = ws->rotations().rotations();
    if (!rotations) {
        showError(tr("Cannot Edit Rotation"), rotations.errorMessage());
        return;
    }
    if (rotations->isEmpty()) {
        return;
    }
    int index = 0;
    if (rotations->size() > 1) {
        QStringList names;
        for (const Rotation &r : rotations.value()) {
            names.append(r.name);
        }
        bool ok = false;
        const QString name = QInputDialog::getItem(this, tr("Edit Rotation"), tr("Rotation:"), names, 0, false, &ok);
        index = int(names.indexOf(name));
        if (!ok || index < 0) {
            return;
        }
    }
    const auto people = ws->roster().people();
    const auto pools = ws->rotations().pools();
    if (!people || !pools) {
        showError(tr("Cannot Edit Rotation"), (people ? pools.error() : people.error()).message);
        return;
    }
    RotationDialog dialog(
        ws->rosterModel().teams(), people.value(), pools.value(),
        [ws](const Rotation &rotation) { return ws->rotationEditor().updateRotation(rotation); },
        [ws](const OpsPool &pool) { return ws->rotationEditor().addPool(pool); }, this);
    dialog.setRotation(rotations->at(index));
    if (const auto progress = OnboardingService(ws->database()).progress(rotations->at(index).id)) {
        dialog.setOnboardingProgress(progress.value());
    }
    dialog.exec();
}

void MainWindow::showRoster()
{
    m_homeShown = false;
    m_calendarShown = false;
    updatePage();
}

void MainWindow::showCalendar()
{
    m_homeShown = false;
    m_calendarShown = true;
    updatePage();
    if (m_pages->currentWidget() == m_calendarPage) {
        if (m_calendarPage->mode() == CalendarPage::Mode::Month) {
            m_calendarPage->monthView()->setFocus();
        } else {
            m_calendarPage->timelineView()->setFocus();
        }
    }
}

void MainWindow::planRotations()
{
    if (!m_workspace) {
        return;
    }
    PlanDialog dialog(*m_workspace, this);
    if (dialog.exec() == QDialog::Accepted) {
        statusBar()->showMessage(
            tr("Applied the plan: %1 written. Undo takes the whole plan back.")
                .arg(dialog.appliedCount() == 1 ? tr("1 shift") : tr("%1 shifts").arg(dialog.appliedCount())),
            10000);
    }
}

void MainWindow::newDatabase()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("New Database"), QFileInfo(Database::defaultPath()).absolutePath(), tr("Tandem databases (*.sqlite)"));
    if (path.isEmpty()) {
        return;
    }
    if (QFileInfo::exists(path) && !QFile::remove(path)) {
        showError(tr("Cannot Create Database"), tr("Cannot replace %1.").arg(path));
        return;
    }
    openDatabase(path);
}

void MainWindow::openDatabaseDialog()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Database"), QFileInfo(Database::defaultPath()).absolutePath(),
                                     tr("Tandem databases (*.sqlite);;All files (*)"));
    if (!path.isEmpty()) {
        openDatabase(path);
    }
}

void MainWindow::printSheet(std::optional<QPair<QDate, QDate>> period)
{
    if (!m_workspace) {
        return;
    }
    PrintSheetDialog dialog(*m_workspace, this);
    if (period) {
        dialog.setSheet(Print::SheetLayout::Month, period->first, period->second);
    }
    dialog.exec();
}

void MainWindow::showReports()
{
    if (!m_workspace) {
        return;
    }
    ReportsDialog dialog(*m_workspace, this);
    dialog.exec();
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About Tandem"),
                       tr("<h3>Tandem %1</h3>"
                          "<p>On-call rotations where every shift is a pair: a developer and an operations "
                          "engineer with production access.</p>"
                          "<p>Qt %2 (built with %3)<br>KCalendarCore %4</p>")
                           .arg(QStringLiteral(TANDEM_VERSION), QString::fromLatin1(qVersion()),
                                QStringLiteral(QT_VERSION_STR), kcalendarcoreVersion()));
}

void MainWindow::showHome()
{
    m_homeShown = true;
    updatePage();
    if (m_pages->currentWidget() == m_homePage) {
        m_homePage->refresh();
        m_homePage->setFocus();
    }
}

void MainWindow::setIdentity()
{
    if (!m_workspace) {
        return;
    }
    // Window-modal but not blocking: the window (and its reminders) keeps running behind it.
    const auto people = m_workspace->roster().people();
    if (!people) {
        showError(tr("Cannot Set Identity"), people.errorMessage());
        return;
    }
    auto *dialog = new IdentityDialog(people.value(), configuredEmail(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        setConfiguredEmail(dialog->email());
        if (m_workspace) {
            m_workspace->database().setActor(defaultActor());
        }
        if (!dialog->email().isEmpty()) {
            m_homeShown = true;
        }
        m_homePage->refresh();
        m_calendarPage->rebuildFilters(); // "Highlight my shifts" for the new identity, now
        m_reminders->check();
        updatePage();
        statusBar()->showMessage(
            dialog->email().isEmpty() ? tr("Forgot who you are.") : tr("You are %1.").arg(dialog->email()), 5000);
    });
    dialog->open();
}

void MainWindow::enableIdentityPrompt()
{
    m_promptIdentity = true;
    if (m_workspace && !m_identityAsked && configuredEmail().isEmpty() && m_workspace->rosterModel().rowCount() > 0) {
        m_identityAsked = true;
        QTimer::singleShot(0, this, &MainWindow::setIdentity);
    }
}

void MainWindow::editReminderSettings()
{
    ReminderSettingsDialog dialog(m_reminders->settings(), m_reminders->isTrayAvailable(), this);
    if (dialog.exec() == QDialog::Accepted) {
        if (const Status saved = dialog.settings().save(); !saved) {
            showError(tr("Reminders"), saved.errorMessage());
        }
        m_reminders->setSettings(ReminderSettings::load());
    }
}

bool MainWindow::activate(const QString &page)
{
    if (page == u"home") {
        showHome();
    } else if (page == u"roster") {
        showRoster();
    } else if (page == u"calendar") {
        showCalendar();
    } else if (!page.isEmpty()) {
        return false;
    }
    if (isMinimized()) {
        showNormal();
    } else {
        show();
    }
    raise();
    activateWindow();
    return true;
}

void MainWindow::openShift(ShiftId shift, const QDateTime &start)
{
    activate(u"calendar"_s);
    if (start.isValid()) {
        m_calendarPage->showMonth(start
                                      .toTimeZone(m_calendarPage->monthModel()
                                                      ? m_calendarPage->monthModel()->viewerTimeZone()
                                                      : QTimeZone::systemTimeZone())
                                      .date());
    }
    m_calendarPage->setCurrentShift(shift);
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (!m_fitted) {
        m_fitted = true;
        fitToScreen();
    }
}

void MainWindow::fitToScreen()
{
    const QScreen *screen = this->screen() ? this->screen() : QGuiApplication::primaryScreen();
    if (!screen || isMaximized() || isFullScreen()) {
        return;
    }
    const QRect free = screen->availableGeometry();
    // The frame (title bar, borders) as the window manager draws it; before it has, a guess.
    QMargins frame(geometry().left() - frameGeometry().left(), geometry().top() - frameGeometry().top(),
                   frameGeometry().right() - geometry().right(), frameGeometry().bottom() - geometry().bottom());
    if (frame.isNull()) {
        frame = QMargins(4, 30, 4, 4);
    }
    const QSize room(free.width() - frame.left() - frame.right(), free.height() - frame.top() - frame.bottom());
    const QSize fitted = size().boundedTo(room).expandedTo(minimumSizeHint().boundedTo(room));
    if (fitted != size()) {
        resize(fitted);
    }
    QRect outer = frameGeometry();
    outer.setSize(fitted.grownBy(frame));
    if (!free.contains(outer)) {
        outer.moveLeft(std::clamp(outer.left(), free.left(), std::max(free.left(), free.right() - outer.width() + 1)));
        outer.moveTop(std::clamp(outer.top(), free.top(), std::max(free.top(), free.bottom() - outer.height() + 1)));
        move(outer.topLeft());
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    settings.setValue(u"window/page"_s, m_homeShown ? u"home"_s : m_calendarShown ? u"calendar"_s : u"roster"_s);
    if (!m_quitting && m_reminders->isTrayAvailable() && m_reminders->settings().keepInTray) {
        // Keep running in the tray: reminders keep coming; the tray's menu quits.
        hide();
        event->ignore();
        return;
    }
    event->accept();
}

} // namespace Tandem
