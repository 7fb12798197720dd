#pragma once

#include "domain/result.h"
#include "planner/planner.h"
#include "services/planservice.h"

#include <QObject>
#include <QPointer>
#include <QUndoStack>

namespace Tandem {

/// The undoable planning edits. Applying a plan runs PlanService::apply first, so a refusal is
/// heard at once; only a plan that was written goes on the undo stack, as one step. Undo takes
/// back exactly what was written (PlanService::revert); redo writes the same shifts again.
class PlanEditor final : public QObject
{
    Q_OBJECT

public:
    PlanEditor(PlanService &service, QUndoStack *stack, QObject *parent = nullptr);

    PlanService &service() { return m_service; }
    QUndoStack *undoStack() const { return m_stack; }

    /// Writes `plan` as one undoable step named "Apply plan for `rotationNames`".
    Result<AppliedPlan> applyPlan(const Planner::PlanResult &plan, const QString &rotationNames);

    /// Puts shifts written elsewhere (a history import) on the undo stack as one step named `text`:
    /// undo takes them back (PlanService::revert), redo writes them again.
    void recordApplied(const AppliedPlan &applied, const QString &text);

    /// The plan that writes `applied` again: its added, changed (after) and removed shifts.
    static Planner::PlanResult replayOf(const AppliedPlan &applied);

Q_SIGNALS:
    /// An undo or redo was refused; the message says why.
    void failed(const QString &message);

private:
    PlanService &m_service;
    QPointer<QUndoStack> m_stack;
};

} // namespace Tandem
