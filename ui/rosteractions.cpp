#include "rosteractions.h"

#include "itemmodels/rostercommands.h"
#include "itemmodels/rostermodel.h"
#include "mainwindow.h"
#include "persondialog.h"
#include "rosterpage.h"
#include "services/rosterservice.h"
#include "store/database.h"
#include "teamdialog.h"
#include "timeoffdialog.h"
#include "workspace.h"

#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace Tandem {

RosterActions::RosterActions(MainWindow &window) : QObject(&window), m_window(window) {}

void RosterActions::addPerson()
{
    if (!m_window.m_workspace) {
        return;
    }
    PersonId added;
    PersonDialog dialog(
        m_window.m_workspace->rosterModel().teams(),
        [this, &added](const Person &person) -> Status {
            auto result = m_window.m_workspace->editor().addPerson(person);
            if (!result) {
                return result.error();
            }
            added = result->id;
            return {};
        },
        &m_window);
    Person defaults;
    // A new person starts in the team the roster is filtered to, and in its zone.
    const QList<Team> teams = m_window.m_workspace->rosterModel().teams();
    if (teams.size() == 1) {
        defaults.teams = {teams.first().id};
        defaults.timeZone = teams.first().timeZone;
    }
    dialog.setPerson(defaults);
    if (dialog.exec() == QDialog::Accepted) {
        m_window.m_rosterPage->selectPerson(added);
        m_window.statusBar()->showMessage(tr("Added %1").arg(dialog.person().name), 5000);
    }
}

void RosterActions::editPerson(const Person &person)
{
    if (!m_window.m_workspace || person.id.isNull()) {
        return;
    }
    PersonDialog dialog(
        m_window.m_workspace->rosterModel().teams(),
        [this](const Person &p) { return m_window.m_workspace->editor().updatePerson(p); }, &m_window);
    dialog.setPerson(person);
    dialog.exec();
}

void RosterActions::removePerson(const Person &person)
{
    if (!m_window.m_workspace || person.id.isNull()) {
        return;
    }
    const auto seats = m_window.m_workspace->roster().futureSeats(person.id);
    if (!seats) {
        m_window.showError(tr("Cannot Remove Person"), seats.errorMessage());
        return;
    }
    if (!seats->isEmpty()) {
        const auto answer = QMessageBox::question(
            &m_window, tr("Remove %1?").arg(person.name),
            tr("%1 holds %n seat(s) in shifts from now on. Removing them leaves those seats empty, shown as "
               "coverage gaps to fill. Past shifts keep their name.",
               nullptr, int(seats->size()))
                .arg(person.name),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes) {
            return;
        }
    }
    auto removed = m_window.m_workspace->editor().removePerson(person.id);
    if (!removed) {
        m_window.showError(tr("Cannot Remove Person"), removed.errorMessage());
        return;
    }
    m_window.statusBar()->showMessage(tr("Removed %1 (Undo brings them back)").arg(person.name), 8000);
}

void RosterActions::editTimeOff(const Person &person)
{
    if (!m_window.m_workspace || person.id.isNull()) {
        return;
    }
    TimeOffDialog dialog(m_window.m_workspace->editor(), person, &m_window);
    dialog.exec();
}

void RosterActions::createTeam()
{
    if (!m_window.m_workspace &&
        !m_window.openDatabase(QSettings().value(u"database/last"_s, Database::defaultPath()).toString())) {
        return;
    }
    TeamDialog dialog(
        [this](const Team &team) -> Status {
            auto added = m_window.m_workspace->editor().addTeam(team);
            return added ? Status() : Status(added.error());
        },
        &m_window);
    if (dialog.exec() == QDialog::Accepted) {
        m_window.m_rosterPage->refreshTeams();
        m_window.updatePage();
        m_window.statusBar()->showMessage(
            tr("Created team %1. Add its people with Edit ▸ Add Person.").arg(dialog.team().name), 8000);
    }
}

} // namespace Tandem
