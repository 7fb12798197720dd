#pragma once

#include "domain/person.h"

#include <QDate>
#include <QDateTime>
#include <QMainWindow>

#include <functional>
#include <memory>
#include <optional>

class QAction;
class QLabel;
class QStackedWidget;

namespace Tandem {

class CalendarPage;
class HomePage;
class ReminderTray;
class RosterActions;
class RosterPage;
class SyncUi;
class TransferActions;
class WelcomePage;
class Workspace;

/// The main window: the welcome page or the roster over one open database, the menus, the
/// toolbar and the status bar. Remembers its geometry and the last database.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    /// Opens the database at `path` (the demo database, filled on first use, with `demo`).
    /// Says what went wrong in a message box and keeps the current database on failure.
    bool openDatabase(const QString &path, bool demo = false);
    Workspace *workspace() const { return m_workspace.get(); }
    RosterPage *rosterPage() const { return m_rosterPage; }
    CalendarPage *calendarPage() const { return m_calendarPage; }
    HomePage *homePage() const { return m_homePage; }
    ReminderTray *reminderTray() const { return m_reminders; }
    /// View > Home (Ctrl+0): the engineer's page, the first page when the user said who they are.
    void showHome();
    /// Edit > Set My Identity…: who the user is on the roster.
    void setIdentity();
    /// Edit > Reminders…
    void editReminderSettings();
    /// Asks "Who are you?" (from now on, whenever a database with people opens and nobody is set).
    void enableIdentityPrompt();
    /// View > Roster (Ctrl+1) and View > Calendar (Ctrl+2).
    void showRoster();
    void showCalendar();
    /// Shows the window (also from the tray) on `page`: home, roster or calendar; empty keeps
    /// the page. False for an unknown page.
    bool activate(const QString &page = {});
    /// "Open shift" in a reminder: the calendar on that shift, with its details.
    void openShift(ShiftId shift, const QDateTime &start);

    /// The person the person actions (Edit Person…, Time Off…, Remove Person…) act on: the
    /// selection of the page shown.
    Person currentPerson() const;

    // The actions, public for tests and the calendar to come. The roster's are RosterActions',
    // those with files TransferActions'.
    void addPerson();
    void editPerson(const Person &person);
    void removePerson(const Person &person);
    void editTimeOff(const Person &person);
    void createTeam();
    void importRoster(const QString &fileName = {});
    void exportRoster(const QString &fileName = {});
    /// File ▸ Check Database…: SQLite's integrity check of the open file in a worker thread, with
    /// a busy dialog; the result in the status bar and a message box. `done` is called with it.
    void checkDatabase(const std::function<void(const QString &)> &done = {});
    /// iCalendar: a team's, a rotation's or a person's shifts to an .ics file; time off of the
    /// selected person, or a team's holidays, from one (through IcalService).
    void exportIcal(const QString &fileName = {});
    void importTimeOffIcal(const QString &fileName = {});
    void importHolidaysIcal(const QString &fileName = {});
    void importHistory(const QString &fileName = {});
    void newRotation();
    void editRotation();
    void planRotations();

    /// Keeps the window on the screen it is on and no larger than that screen's free area
    /// (a geometry remembered on a larger screen, a 1280 × 800 laptop, a scale factor of 2).
    void fitToScreen();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    // The actions moved out of the window work on its workspace, pages and status bar.
    friend class RosterActions;
    friend class TransferActions;

    /// Opens the print dialog, preset to a layout and period when they are given.
    void printSheet(std::optional<QPair<QDate, QDate>> period = std::nullopt);
    void showReports();
    void createActions();
    void createMenus();
    void updateActions();
    void updatePage();
    void updateTitle();
    void showError(const QString &title, const QString &message);
    void newDatabase();
    void openDatabaseDialog();
    void about();
    void refreshRotationState();

    std::unique_ptr<Workspace> m_workspace;
    RosterActions *m_rosterActions;
    TransferActions *m_transferActions;
    QStackedWidget *m_pages;
    WelcomePage *m_welcomePage;
    RosterPage *m_rosterPage;
    CalendarPage *m_calendarPage;
    bool m_calendarShown = false;
    HomePage *m_homePage;
    ReminderTray *m_reminders;
    bool m_homeShown = false;
    bool m_quitting = false;
    bool m_fitted = false;
    bool m_promptIdentity = false;
    bool m_identityAsked = false;
    QAction *m_showHome = nullptr;
    QAction *m_setIdentity = nullptr;
    QAction *m_reminderSettings = nullptr;
    QAction *m_showRoster = nullptr;
    QAction *m_showCalendar = nullptr;
    QAction *m_showTimeline = nullptr;
    QLabel *m_statusCount;
    QLabel *m_statusPath;
    SyncUi *m_sync = nullptr;

    QAction *m_newDatabase = nullptr;
    QAction *m_openDatabase = nullptr;
    QAction *m_openDemo = nullptr;
    QAction *m_checkDatabase = nullptr;
    bool m_checking = false;
    QAction *m_import = nullptr;
    QAction *m_export = nullptr;
    QAction *m_exportIcal = nullptr;
    QAction *m_importTimeOffIcal = nullptr;
    QAction *m_importHolidaysIcal = nullptr;
    QAction *m_importHistory = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_redo = nullptr;
    QAction *m_addPerson = nullptr;
    QAction *m_editPerson = nullptr;
    QAction *m_removePerson = nullptr;
    QAction *m_timeOff = nullptr;
    QAction *m_newTeam = nullptr;
    QAction *m_editTeam = nullptr;
    QAction *m_find = nullptr;
    QAction *m_newRotation = nullptr;
    QAction *m_editRotation = nullptr;
    QAction *m_plan = nullptr;
    QAction *m_printSheet = nullptr;
    QAction *m_reports = nullptr;
    QAction *m_services = nullptr;
    bool m_hasRotations = false;
    QAction *m_showToolBar = nullptr;
    QAction *m_about = nullptr;
    QAction *m_aboutQt = nullptr;
};

} // namespace Tandem
