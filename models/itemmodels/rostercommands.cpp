#include "rostercommands.h"

#include "servicecommand.h"

#include <functional>

using namespace Qt::StringLiterals;

namespace Tandem {

RosterEditor::RosterEditor(RosterService &service, QUndoStack *stack, QObject *parent)
    : QObject(parent), m_service(service), m_stack(stack)
{}

void RosterEditor::push(const QString &text, std::function<Status()> redoFn, std::function<Status()> undoFn)
{
    if (m_stack) {
        // A replay the database refuses (the data moved on: another edit, a sync) is reported.
        QPointer<RosterEditor> self(this);
        m_stack->push(new ServiceCommand(text, std::move(redoFn), std::move(undoFn), [self, text](const QString &why) {
            if (self) {
                self->reportFailure(tr("Cannot %1: %2").arg(text.toLower(), why));
            }
        }));
    }
}

Result<Person> RosterEditor::addPerson(const Person &person)
{
    auto added = m_service.addPerson(person);
    if (added) {
        const Person p = added.value();
        push(
            tr("Add %1").arg(p.name),
            [this, p] {
                auto again = m_service.addPerson(p);
                return again ? Status() : Status(again.error());
            },
            [this, p] { return m_service.erasePerson(p.id); });
    }
    return added;
}

Status RosterEditor::updatePerson(const Person &person)
{
    auto before = m_service.person(person.id);
    if (!before) {
        return before.error();
    }
    if (!before.value()) {
        return Error{tr("%1 is no longer in the database.").arg(person.name)};
    }
    const Person old = *before.value();
    Status status = m_service.updatePerson(person);
    if (status && !(old == person)) {
        push(
            tr("Edit %1").arg(person.name), [this, person] { return m_service.updatePerson(person); },
            [this, old] { return m_service.updatePerson(old); });
    }
    return status;
}

Result<PersonRemoval> RosterEditor::removePerson(PersonId id)
{
    auto person = m_service.person(id);
    if (!person) {
        return person.error();
    }
    const QString name = person.value() ? person.value()->name : QString();
    auto removed = m_service.removePerson(id);
    if (removed) {
        // Shared so that a redo (which clears the seats anew) keeps the undo accurate.
        auto removal = std::make_shared<PersonRemoval>(removed.value());
        push(
            tr("Remove %1").arg(name),
            [this, removal] {
                auto again = m_service.removePerson(removal->person);
                if (!again) {
                    return Status(again.error());
                }
                *removal = again.value();
                return Status();
            },
            [this, removal] { return m_service.restorePerson(*removal); });
    }
    return removed;
}

Result<Team> RosterEditor::addTeam(const Team &team)
{
    auto added = m_service.addTeam(team);
    if (added) {
        const Team t = added.value();
        push(
            tr("Add team %1").arg(t.name),
            [this, t] {
                auto again = m_service.addTeam(t);
                return again ? Status() : Status(again.error());
            },
            [this, t] { return m_service.removeTeam(t.id); });
    }
    return added;
}

Status RosterEditor::updateTeam(const Team &team)
{
    const auto teams = m_service.teams();
    if (!teams) {
        return teams.error();
    }
    Team old;
    for (const Team &t : teams.value()) {
        if (t.id == team.id) {
            old = t;
        }
    }
    Status status = m_service.updateTeam(team);
    if (status && !(old == team)) {
        push(
            tr("Edit team %1").arg(team.name), [this, team] { return m_service.updateTeam(team); },
            [this, old] { return m_service.updateTeam(old); });
    }
    return status;
}

Result<TimeOff> RosterEditor::addTimeOff(const TimeOff &timeOff)
{
    auto added = m_service.addTimeOff(timeOff);
    if (added) {
        const TimeOff t = added.value();
        push(
            tr("Add time off"),
            [this, t] {
                auto again = m_service.addTimeOff(t);
                return again ? Status() : Status(again.error());
            },
            [this, t] { return m_service.removeTimeOff(t.id); });
    }
    return added;
}

Status RosterEditor::updateTimeOff(const TimeOff &timeOff)
{
    const auto all = m_service.timeOff(timeOff.personId);
    if (!all) {
        return all.error();
    }
    TimeOff old;
    for (const TimeOff &t : all.value()) {
        if (t.id == timeOff.id) {
            old = t;
        }
    }
    Status status = m_service.updateTimeOff(timeOff);
    if (status && !(old == timeOff)) {
        push(
            tr("Edit time off"), [this, timeOff] { return m_service.updateTimeOff(timeOff); },
            [this, old] { return m_service.updateTimeOff(old); });
    }
    return status;
}

Status RosterEditor::removeTimeOff(const TimeOff &timeOff)
{
    Status status = m_service.removeTimeOff(timeOff.id);
    if (status) {
        push(
            tr("Remove time off"), [this, timeOff] { return m_service.removeTimeOff(timeOff.id); },
            [this, timeOff] {
                auto again = m_service.addTimeOff(timeOff);
                return again ? Status() : Status(again.error());
            });
    }
    return status;
}

Result<RosterImportSummary> RosterEditor::importRoster(const RosterImportPlan &plan, bool validRowsOnly)
{
    auto summary = m_service.applyImport(plan, validRowsOnly);
    if (summary) {
        push(
            tr("Import roster"),
            [this, plan, validRowsOnly] {
                auto again = m_service.applyImport(plan, validRowsOnly);
                return again ? Status() : Status(again.error());
            },
            [this, plan] { return m_service.revertImport(plan); });
    }
    return summary;
}

void RosterEditor::recordTimeOffImport(const QList<TimeOff> &added)
{
    if (added.isEmpty()) {
        return;
    }
    push(
        tr("Import time off"), [this, added] { return m_service.restoreImported(added, {}); },
        [this, added] { return m_service.removeImported(added, {}); });
}

void RosterEditor::recordHolidayImport(const QList<Holiday> &added)
{
    if (added.isEmpty()) {
        return;
    }
    push(
        tr("Import holidays"), [this, added] { return m_service.restoreImported({}, added); },
        [this, added] { return m_service.removeImported({}, added); });
}

} // namespace Tandem
