#pragma once

#include "domain/person.h"
#include "domain/result.h"
#include "domain/team.h"
#include "domain/timeoff.h"
#include "services/rosterservice.h"

#include <QObject>
#include <QPointer>
#include <QUndoStack>

#include <functional>

namespace Tandem {

/// The undoable roster edits. Each call runs the service first, so the user hears at once
/// why an edit is refused; only an edit that succeeded goes on the undo stack. An undo or redo
/// that the database refuses later (someone else changed the data) says so through failed()
/// and leaves the stack.
class RosterEditor final : public QObject
{
    Q_OBJECT

public:
    RosterEditor(RosterService &service, QUndoStack *stack, QObject *parent = nullptr);

    RosterService &service() { return m_service; }
    QUndoStack *undoStack() const { return m_stack; }

    Result<Person> addPerson(const Person &person);
    Status updatePerson(const Person &person);
    Result<PersonRemoval> removePerson(PersonId id);
    Result<Team> addTeam(const Team &team);
    Status updateTeam(const Team &team);
    Result<TimeOff> addTimeOff(const TimeOff &timeOff);
    Status updateTimeOff(const TimeOff &timeOff);
    Status removeTimeOff(const TimeOff &timeOff);
    Result<RosterImportSummary> importRoster(const RosterImportPlan &plan, bool validRowsOnly);
    /// Puts an .ics import that already happened (IcalService) on the undo stack as one step:
    /// undo takes away what it wrote, redo writes it again. Nothing written, nothing to undo.
    void recordTimeOffImport(const QList<TimeOff> &added);
    void recordHolidayImport(const QList<Holiday> &added);

    /// Reports a refused undo or redo.
    void reportFailure(const QString &message) { Q_EMIT failed(message); }

Q_SIGNALS:
    void failed(const QString &message);

private:
    void push(const QString &text, std::function<Status()> redoFn, std::function<Status()> undoFn);

    RosterService &m_service;
    QPointer<QUndoStack> m_stack;
};

} // namespace Tandem
