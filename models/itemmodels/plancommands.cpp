#include "plancommands.h"

#include "servicecommand.h"

#include <memory>

using namespace Qt::StringLiterals;

namespace Tandem {

PlanEditor::PlanEditor(PlanService &service, QUndoStack *stack, QObject *parent)
    : QObject(parent), m_service(service), m_stack(stack)
{}

Planner::PlanResult PlanEditor::replayOf(const AppliedPlan &applied)
{
    Planner::PlanResult plan;
    for (const Shift &shift : applied.added) {
        plan.shifts.append(Planner::PlannedShift{shift, Planner::Change::Added, {}, {}});
    }
    for (const auto &[before, after] : applied.changed) {
        plan.shifts.append(Planner::PlannedShift{after, Planner::Change::Changed, {}, {}});
    }
    for (const Shift &shift : applied.removed) {
        plan.shifts.append(Planner::PlannedShift{shift, Planner::Change::Removed, {}, {}});
    }
    return plan;
}

Result<AppliedPlan> PlanEditor::applyPlan(const Planner::PlanResult &plan, const QString &rotationNames)
{
    auto applied = m_service.apply(plan);
    if (applied) {
        recordApplied(applied.value(), tr("Apply plan for %1").arg(rotationNames));
    }
    return applied;
}

void PlanEditor::recordApplied(const AppliedPlan &applied, const QString &text)
{
    if (applied.count() == 0 || !m_stack) {
        // Nothing written is nothing to undo.
        return;
    }
    // Shared so that a redo, which writes the shifts anew, keeps the undo accurate.
    auto written = std::make_shared<AppliedPlan>(applied);
    QPointer<PlanEditor> self(this);
    m_stack->push(new ServiceCommand(
        text,
        [this, written] {
            auto again = m_service.apply(replayOf(*written));
            if (!again) {
                return Status(again.error());
            }
            *written = again.value();
            return Status();
        },
        [this, written] { return m_service.revert(*written); },
        [self, text](const QString &message) {
            if (self) {
                Q_EMIT self->failed(tr("Cannot redo or undo “%1”: %2").arg(text, message));
            }
        }));
}

} // namespace Tandem
