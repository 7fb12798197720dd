#include "rotationcommands.h"

#include "servicecommand.h"

#include <memory>

using namespace Qt::StringLiterals;

namespace Tandem {

RotationEditor::RotationEditor(RotationService &service, QUndoStack *stack, QObject *parent)
    : QObject(parent), m_service(service), m_stack(stack)
{}

void RotationEditor::push(const QString &text, std::function<Status()> redoFn, std::function<Status()> undoFn)
{
    if (!m_stack) {
        return;
    }
    QPointer<RotationEditor> self(this);
    m_stack->push(new ServiceCommand(text, std::move(redoFn), std::move(undoFn), [self, text](const QString &message) {
        if (self) {
            Q_EMIT self->failed(tr("Cannot redo or undo “%1”: %2").arg(text, message));
        }
    }));
}

Result<Rotation> RotationEditor::addRotation(const Rotation &rotation)
{
    auto added = m_service.addRotation(rotation);
    if (added) {
        // Shared: each redo adds the rotation under a new id that the next undo must remove.
        auto current = std::make_shared<Rotation>(added.value());
        push(
            tr("Add rotation %1").arg(current->name),
            [this, current] {
                Rotation again = *current;
                again.id = {};
                auto readded = m_service.addRotation(again);
                if (!readded) {
                    return Status(readded.error());
                }
                *current = readded.value();
                return Status();
            },
            [this, current] { return m_service.removeRotation(current->id); });
    }
    return added;
}

Status RotationEditor::updateRotation(const Rotation &rotation)
{
    auto before = m_service.rotation(rotation.id);
    if (!before) {
        return before.error();
    }
    if (!before.value()) {
        return Error{tr("The rotation %1 is no longer in the database.").arg(rotation.name)};
    }
    const Rotation old = *before.value();
    Status status = m_service.updateRotation(rotation);
    if (!status) {
        return status;
    }
    // Read back what the service stored (trimmed, normalized), so that redo writes exactly it.
    auto after = m_service.rotation(rotation.id);
    const Rotation stored = after && after.value() ? *after.value() : rotation;
    if (!(stored == old)) {
        push(
            tr("Edit rotation %1").arg(stored.name), [this, stored] { return m_service.updateRotation(stored); },
            [this, old] { return m_service.updateRotation(old); });
    }
    return status;
}

Result<OpsPool> RotationEditor::addPool(const OpsPool &pool)
{
    auto added = m_service.addPool(pool);
    if (added) {
        const OpsPool p = added.value();
        push(
            tr("Add ops pool %1").arg(p.name),
            [this, p] {
                auto again = m_service.addPool(p);
                return again ? Status() : Status(again.error());
            },
            [this, p] { return m_service.removePool(p.id); });
    }
    return added;
}

} // namespace Tandem
